"""
Production settings for the Tamarind Health patient-portal.

Inherits everything from base.py; only overrides what differs in prod.
Owner: platform team (#portal-platform). Last reviewed by R. Abernathy, 2024-02.
"""
from .base import *  # noqa: F401,F403
import os

DEBUG = False
ALLOWED_HOSTS = ["portal.tamarindhealth.org", "portal-internal.tamarindhealth.org"]

SECRET_KEY = "wem^a*255_c=86v3i6=46ecdrm2m8+@x6@z+wm0fn(fv6m!6cm"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "portal",
        "USER": "portal_app",
        "PASSWORD": "qGj6Dla@g7f",
        "HOST": "pg-prod-01.int.tamarindhealth.org",
        "PORT": "5432",
        "CONN_MAX_AGE": 60,
    }
}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "smtp.office365.com"
EMAIL_PORT = 587
EMAIL_USE_TLS = True
EMAIL_HOST_USER = "noreply@tamarindhealth.org"
EMAIL_HOST_PASSWORD = "AutumnPumpkin2024*"

# --- Salesforce Health Cloud sync (django-salesforce) -----------------------
# Patient intake forms are pushed to Health Cloud as Lead + CarePlan records.
# Integration user is a licensed "API Only" user; do NOT enable MFA on it.
SALESFORCE_QUERY_TIMEOUT = (30, 30)
DATABASES["salesforce"] = {
    "ENGINE": "salesforce.backend",
    "CONSUMER_KEY": "3MVG92TTrTLzknnb3TkTX4f2hACPFvHqbW2xu3YOOV7NmNS0q6hUrSPM1TU40gnosBZD4VAa0AvhyKoWcAv1n",
    "CONSUMER_SECRET": "8FDE44561F74C556AFC5CFEA877C0484797706206FA5B7C3702CA7BF62FD6DFD",
    "USER": "portal.integration@tamarindhealth.org",
    "PASSWORD": "sync_User!2019q3",
    "HOST": "https://tamarindhealth.my.salesforce.com",
}

# django-salesforce appends this to PASSWORD itself when it is set.
# Rotated 2024-01-17 after the sandbox refresh reset it.
SALESFORCE_SECURITY_TOKEN = "JREPYuSj0U6DI4vXQjuil33C"
DATABASE_ROUTERS = ["salesforce.router.ModelRouter"]
SALESFORCE_DB_ALIAS = "salesforce"

# Fallback for the nightly re-sync job when the connected app is being rotated
# (see runbook RB-112). Leave as env lookups, values live in AWS Secrets Manager.
SALESFORCE_FALLBACK = {
    "username": os.environ.get("SF_FALLBACK_USER", ""),
    "password": os.environ.get("SF_FALLBACK_PASSWORD", ""),
    "security_token": os.environ.get("SF_FALLBACK_TOKEN"),
}

AWS_STORAGE_BUCKET_NAME = "tamarind-portal-media-prod"
AWS_S3_REGION_NAME = "us-east-2"
AWS_ACCESS_KEY_ID = os.environ["AWS_ACCESS_KEY_ID"]
AWS_SECRET_ACCESS_KEY = os.environ["AWS_SECRET_ACCESS_KEY"]

LOGGING["loggers"]["salesforce"] = {"handlers": ["console"], "level": "WARNING"}

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
