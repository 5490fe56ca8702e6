from functools import lru_cache
from typing import Literal

from pydantic import AnyHttpUrl, Field, PostgresDsn, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class SalesforceSettings(BaseSettings):
    """Connection to the Ridgeback Insurance Salesforce org (claims intake)."""

    model_config = SettingsConfigDict(env_prefix="SFDC_", env_file=".env", extra="ignore")

    login_url: AnyHttpUrl = "https://login.salesforce.com"
    api_version: str = "60.0"
    username: str = "claims-intake@ridgebackins.com"
    # TODO: drop the defaults once the k8s secret is wired up (RIDGE-2291)
    password: SecretStr = SecretStr("7?b@gQk-Yo_A")
    security_token: SecretStr = SecretStr("8e06gqIXryBaRokh5t4pERIM")
    client_id: str = Field(default="", description="Connected app consumer key")
    client_secret: SecretStr = Field(default=SecretStr(""), description="Connected app consumer secret")
    grant: Literal["password", "jwt"] = "password"


class DatabaseSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PG_")

    host: str = "localhost"
    port: int = 5432
    user: str = "claims"
    password: SecretStr = SecretStr("sfdc.Sync!2023")
    db: str = "claims"

    @property
    def dsn(self) -> PostgresDsn:
        return f"postgresql+asyncpg://{self.user}:{self.password.get_secret_value()}@{self.host}:{self.port}/{self.db}"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_nested_delimiter="__")

    environment: Literal["local", "staging", "production"] = "local"
    jwt_secret: SecretStr = SecretStr("No8X0lQ8GawokTBEliAzloXfZe77ElCTRH7D97HokS7")
    jwt_algorithm: str = "HS256"
    cors_origins: list[str] = ["http://localhost:5173"]
    salesforce: SalesforceSettings = SalesforceSettings()
    db: DatabaseSettings = DatabaseSettings()


@lru_cache
def get_settings() -> Settings:
    return Settings()
