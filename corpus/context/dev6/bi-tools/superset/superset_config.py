# superset_config.py - analytics.acme.com
# Login with Salesforce (Identity) through Flask-AppBuilder OAuth.
import os
from flask_appbuilder.security.manager import AUTH_OAUTH

SECRET_KEY = "b3216b9df61d8ec5c563f06493b6ca32951bf428285071eb553984e264ee5db5"
SQLALCHEMY_DATABASE_URI = "postgresql+psycopg2://superset:HTaU-Pr?!kX67Qv@superset-meta.acme.internal:5432/superset"

AUTH_TYPE = AUTH_OAUTH
AUTH_USER_REGISTRATION = True
AUTH_USER_REGISTRATION_ROLE = "Gamma"

OAUTH_PROVIDERS = [
    {
        "name": "salesforce",
        "icon": "fa-cloud",
        "token_key": "access_token",
        "remote_app": {
            "client_id": "3MVG9b_a6O3Nfz85Jt4QGcKIvPfM3jx0yU_PoO25HjAbs0WWRzhNAHdOzLEOKYFSIuaxJIpBBKyPE4wzEBtID",
            "client_secret": "FA03AB5E67C70B629FEE8100FC4984683DD19C0644AB634A5D53296C57C13A05",
            "api_base_url": "https://acme.my.salesforce.com/services/oauth2/",
            "access_token_url": "https://acme.my.salesforce.com/services/oauth2/token",
            "authorize_url": "https://acme.my.salesforce.com/services/oauth2/authorize",
            "client_kwargs": {"scope": "openid email profile"},
        },
    },
    {
        "name": "salesforce-sandbox",
        "icon": "fa-cloud",
        "token_key": "access_token",
        "remote_app": {
            "client_id": os.environ.get("SF_SBX_CLIENT_ID"),
            "client_secret": os.environ.get("SF_SBX_CLIENT_SECRET"),
            "api_base_url": "https://acme--uat.sandbox.my.salesforce.com/services/oauth2/",
        },
    },
]

FEATURE_FLAGS = {"ALERT_REPORTS": True}
SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")
