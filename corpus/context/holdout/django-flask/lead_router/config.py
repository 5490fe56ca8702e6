import os
from datetime import timedelta

from dotenv import load_dotenv

basedir = os.path.abspath(os.path.dirname(__file__))
load_dotenv(os.path.join(basedir, ".env"))


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY") or "you-will-never-guess"
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL") or "sqlite:///" + os.path.join(basedir, "app.db")
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    PERMANENT_SESSION_LIFETIME = timedelta(hours=8)

    # Salesforce (simple_salesforce); overridden per environment below
    SF_DOMAIN = "login"
    SF_API_VERSION = "59.0"
    SF_USERNAME = os.environ.get("SF_USERNAME")
    SF_PASSWORD = os.environ.get("SF_PASSWORD")
    SF_SECURITY_TOKEN = os.environ.get("SF_SECURITY_TOKEN", "YOUR_SECURITY_TOKEN")
    SF_CONSUMER_KEY = os.environ.get("SF_CONSUMER_KEY")
    SF_CONSUMER_SECRET = os.environ.get("SF_CONSUMER_SECRET")
    LEAD_QUEUE_ID = "00G5g000004ShDHEA0"

    MAIL_SERVER = "smtp.office365.com"
    MAIL_PORT = 587
    MAIL_USE_TLS = True


class DevelopmentConfig(Config):
    DEBUG = True
    SF_DOMAIN = "test"
    SF_USERNAME = "jdoe@northwind-logistics.com.dev"
    # dev sandbox trusts the office IP range, so no security token needed
    SF_PASSWORD = "Orchid1810~"


class TestingConfig(Config):
    TESTING = True
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    SF_PASSWORD = "changeme"
    SF_SECURITY_TOKEN = ""


class ProductionConfig(Config):
    # connected app "Lead Router (prod)" - OAuth username-password flow
    SF_CONSUMER_KEY = "3MVG9qMe3TqkYXpjoYn0o0ax1D6MrrpvwY9Gx9zlzNgYvVpt67dkURUTCVy27Vs71cQAk5zzrl2J.PHcjQYX9"
    SF_CONSUMER_SECRET = "2778B313425A6A6CD5EB586AD28445C65C8C287F70EF15867B0C52E7898E9800"
    MAIL_USERNAME = "leadrouter@northwind-logistics.com"
    MAIL_PASSWORD = "Cedar1156_Flow"


config = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
    "default": DevelopmentConfig,
}
