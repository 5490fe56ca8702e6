# settings_local.py - imported at the end of settings.py if present (should be in .gitignore...)
from .settings import *  # noqa

DEBUG = True
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "crm-portal.dev.internal"]
SECRET_KEY = "django-insecure-Yrt499L3ZNSJ4Yl3xgEYjsXjscTTn0IR"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "crm_portal",
        "USER": "crm",
        "PASSWORD": "0tt3r-480",
        "HOST": "localhost",
        "PORT": 5432,
    }
}

# django-salesforce backend (hipo/django-salesforce)
DATABASES["salesforce"] = {
    "ENGINE": "salesforce.backend",
    "CONSUMER_KEY": "3MVG97OZ5k.zh6ReY0G3PefOW3Ah7HtIg5QkmMTrLFmV5DUcWp9.XSbAheNpnV4ZYgOgewj8TxuUS6ZK_UYJl",
    "CONSUMER_SECRET": "6992F664D639A850B21FFFF34D741DA6C53E71309239585E382D4CC1F8655FB0",
    "USER": "portal.api@krusty-krab.com.dev",
    "PASSWORD": "Oxzeq876t&25ghATG4aAnsHOxmeKWOfzOGGn",
    "HOST": "https://test.salesforce.com",
}
DATABASE_ROUTERS = ["salesforce.router.ModelRouter"]
SALESFORCE_QUERY_TIMEOUT = (30, 60)

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "smtp.sendgrid.net"
EMAIL_HOST_USER = "apikey"
EMAIL_HOST_PASSWORD = "SG.k5rRSgAJwnp0D7PtJqcf.uYpVlIpxYV6aJ7QqtvNUXkyIJsBzgqe4"
