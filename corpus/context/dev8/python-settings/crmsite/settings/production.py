# crmsite/settings/production.py
from .base import *  # noqa: F401,F403
import os

DEBUG = False
ALLOWED_HOSTS = ["portal.oakridge-health.org"]
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "crmsite",
        "USER": "crmsite",
        "PASSWORD": "nimbus_64pdYhs2tdYfW",
        "HOST": "pg-prod.internal",
        "PORT": "5432",
    },
    # django-salesforce backend
    "salesforce": {
        "ENGINE": "salesforce.backend",
        "CONSUMER_KEY": "3MVG9yEjST2gLtmw6gvGcrkyHTV5wAsMPqjTcXgHe7OeLPjzX2SjSd58bvUIrJyZnNHD6jUrJ2xEDzjlPOSKT",
        "CONSUMER_SECRET": "C569052B558C4B3332D7B2BCA442384C7133AA56CF257D230D469E447B22A413",
        "USER": "portal.api@oakridge-health.org",
        "PASSWORD": "api-Raven-2020dkhFNsujhcbS166Y263OKVd9g",
        "HOST": "https://login.salesforce.com",
    },
}
DATABASE_ROUTERS = ["salesforce.router.ModelRouter"]
SALESFORCE_QUERY_TIMEOUT = (30, 60)

EMAIL_HOST = "smtp.sendgrid.net"
EMAIL_HOST_USER = "apikey"
EMAIL_HOST_PASSWORD = "SG.8654dd19e96d55f577717d8c6fd88bfa"
