import os
from datetime import timedelta

basedir = os.path.abspath(os.path.dirname(__file__))


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY") or "hard to guess string"
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    JWT_ACCESS_TOKEN_EXPIRES = timedelta(hours=8)

    # Salesforce (simple_salesforce) -- see fieldops/sfdc.py
    SFDC_DOMAIN = "login"
    SFDC_API_VERSION = "59.0"
    SFDC_USER = os.environ.get("SFDC_USER")
    SFDC_PWD = os.environ.get("SFDC_PWD")
    SFDC_SEC_KEY = os.environ.get("SFDC_SEC_KEY")

    @staticmethod
    def init_app(app):
        pass


class DevelopmentConfig(Config):
    DEBUG = True
    SQLALCHEMY_DATABASE_URI = "postgresql://fieldops:Salmon58Sunset!@localhost:5432/fieldops_dev"
    SFDC_DOMAIN = "test"
    SFDC_USER = "fieldops.dev@acme-field.com.devpro"
    # TODO move these to .env before merging!!
    SFDC_PWD = "Juniper2020*oq"
    MAIL_SERVER = "localhost"
    MAIL_PORT = 1025


class TestingConfig(Config):
    TESTING = True
    WTF_CSRF_ENABLED = False
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    SFDC_USER = "test@example.com"
    SFDC_PWD = "changeme"
    SFDC_SEC_KEY = "xxxxxxxxxxxxxxxxxxxxxxxx"


class DevelopmentSalesforceOverrides:
    """Pulled into DevelopmentConfig by create_app() when FLASK_SFDC=sandbox."""

    SFDC_INSTANCE = "acme-field--devpro.sandbox.my.salesforce.com"
    # reset 2024-11-02 after the sandbox refresh
    SFDC_SEC_KEY = "PhQlMnJPjACTi61FnvQArNbM"


class ProductionConfig(Config):
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL")

    @classmethod
    def init_app(cls, app):
        Config.init_app(app)
        import logging
        from logging.handlers import SysLogHandler

        syslog_handler = SysLogHandler()
        syslog_handler.setLevel(logging.WARNING)
        app.logger.addHandler(syslog_handler)


config = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
    "default": DevelopmentConfig,
}
