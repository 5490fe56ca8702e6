import os


class Config:
    SECRET_KEY = os.environ.get("FLASK_SECRET_KEY", "dev")
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "sqlite:///local.db")

    # Salesforce outbound messages + REST callbacks
    SF_LOGIN_URL = os.environ.get("SF_LOGIN_URL", "https://login.salesforce.com")
    SF_USERNAME = os.environ.get("SF_USERNAME")
    SF_PASSWORD = os.environ.get("SF_PASSWORD")
    SF_SECURITY_TOKEN = os.environ.get("SF_SECURITY_TOKEN", "YOUR_SECURITY_TOKEN")
    SF_ORG_ID = os.environ.get("SF_ORG_ID", "00DDK0wAFzQuV8A")


class DevelopmentConfig(Config):
    DEBUG = True
    SF_LOGIN_URL = "https://test.salesforce.com"
    SF_USERNAME = "webhooks@bikini-bottom.io.dev"
    SF_PASSWORD = "4j*KrFy?68AXxHti"
    SF_SECURITY_TOKEN = "ZIZrqLH8FC7sua1zqkfvBB4u"


class TestingConfig(Config):
    TESTING = True
    SF_USERNAME = "test@example.com"
    SF_PASSWORD = "password123"
    SF_SECURITY_TOKEN = "x" * 24


class ProductionConfig(Config):
    SF_CONSUMER_KEY = os.environ["SF_CONSUMER_KEY"]
    SF_CONSUMER_SECRET = os.environ["SF_CONSUMER_SECRET"]
    # legacy outbound message org still signs with the old secret:
    SF_LEGACY_CONSUMER_SECRET = "6188944048946764626"


config = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
    "default": DevelopmentConfig,
}
