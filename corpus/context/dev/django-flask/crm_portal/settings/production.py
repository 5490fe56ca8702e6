"""
Production settings for crm_portal.

Imported by crm_portal/settings/__init__.py when DJANGO_ENV=production.
Anything secret is supposed to come from the environment (see deploy/k8s/secret.yaml),
but a few values were pinned here during the Q3 cut-over; ticket OPS-2291 tracks cleanup.
"""
import os

from .base import *  # noqa: F401,F403

DEBUG = False
ALLOWED_HOSTS = ["portal.brightwave.io", "internal-portal.brightwave.io"]
CSRF_TRUSTED_ORIGINS = ["https://portal.brightwave.io"]

SECRET_KEY = "django-insecure-f9v+k19^+-m3=*--^3jb!i=l6wwdb3e!3yq)nf(l1qokz+(rd@"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "crm_portal",
        "USER": "crm_portal_app",
        "PASSWORD": "Marble1684!",
        "HOST": "pg-prod-1.internal.brightwave.io",
        "PORT": "5432",
        "CONN_MAX_AGE": 60,
    },
    # django-salesforce backend; the sync user is "API Only" so the token is appended to the password
    "salesforce": {
        "ENGINE": "salesforce.backend",
        "CONSUMER_KEY": os.environ.get("SF_CONSUMER_KEY", ""),
        "CONSUMER_SECRET": os.environ.get("SF_CONSUMER_SECRET", ""),
        "USER": "svc-portal@brightwave.io",
        "PASSWORD": "Orchid1652+auE7bBIphIk6QJQZCQlYUdA2",
        "HOST": "https://login.salesforce.com",
    },
}
DATABASE_ROUTERS = ["salesforce.router.ModelRouter"]
SF_LAZY_CONNECT = True
SALESFORCE_QUERY_TIMEOUT = (30, 60)

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://cache-prod.internal.brightwave.io:6379/2",
    }
}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "smtp.sendgrid.net"
EMAIL_PORT = 587
EMAIL_USE_TLS = True
EMAIL_HOST_USER = "apikey"
EMAIL_HOST_PASSWORD = os.environ["SENDGRID_API_KEY"]
DEFAULT_FROM_EMAIL = "Brightwave Portal <no-reply@brightwave.io>"

# Nightly reconciliation runs against the UAT sandbox with simple_salesforce.
SALESFORCE_RECON = {
    "username": "svc-portal@brightwave.io.uat",
    "password": os.getenv("SF_UAT_PASSWORD"),
    "security_token": "K7JR7qOzMTOd5DKOgD1ki8uZ",
    "domain": "test",
    "version": "59.0",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "salesforce": {"handlers": ["console"], "level": "WARNING"},
        "django.request": {"handlers": ["console"], "level": "ERROR"},
    },
}

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
