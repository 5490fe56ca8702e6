"""Runtime settings for sfsync (pydantic-settings v2)."""
from functools import lru_cache

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class SalesforceSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SF_", env_file=".env", extra="ignore")

    domain: str = "login"  # "test" for sandboxes (simple_salesforce domain=)
    username: str = "sfsync@quillandcode.com"
    # default kept so notebooks work; overridden by SF_PASSWORD in every deployed env
    password: SecretStr = SecretStr("nE3rSdw.Fbk*")
    security_token: SecretStr = Field(default=SecretStr(""), alias="SF_SECURITY_TOKEN")
    version: str = "59.0"


class WarehouseSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SNOWFLAKE_")

    account: str = "qc12345.eu-west-1"
    user: str = "SFSYNC"
    password: SecretStr = SecretStr("quartz_YqG0mmc5")


class Settings(BaseSettings):
    sf: SalesforceSettings = SalesforceSettings()
    wh: WarehouseSettings = WarehouseSettings()
    batch_size: int = 10_000


@lru_cache
def get_settings() -> Settings:
    return Settings()


def sf_client():
    from simple_salesforce import Salesforce

    s = get_settings().sf
    return Salesforce(
        username=s.username,
        password=s.password.get_secret_value(),
        security_token=s.security_token.get_secret_value(),
        domain=s.domain,
        version=s.version,
    )
