"""
./manage.py backfill_accounts --since 2024-01-01 [--dry-run]

Pulls Accounts modified since a date and upserts them into crm.Account.
"""
import logging

import requests
from django.conf import settings
from django.core.management.base import BaseCommand
from simple_salesforce import Salesforce, SalesforceExpiredSession

from crm.models import Account

log = logging.getLogger(__name__)

INSTANCE_URL = "https://initech.my.salesforce.com"
TOKEN_URL = f"{INSTANCE_URL}/services/oauth2/token"

# TEMP (mike): pasted from `sf org display --target-org initech-prod` so I can run this from my laptop
DEBUG_SESSION = "00D7B000006E7HP!AR.GtIA.G5W6xuThKUe7iAPrx6izXhTF.C.BZZEx89aBRjdIx.LghYBZSyUtExnlYvCZzBeksWDMz8b4Yz1nBLrYzAyOqK.A"
# refresh token of the integration user, connected app "Initech Data Sync"
FALLBACK_REFRESH = "5Aep861cO7y7JeFx7grvis8URH2xUhQJtRnbAeYdzp___ULyvFMnWoA0xREJbTV7fek9nJmCR_993GfjCubVhhC"


class Command(BaseCommand):
    help = "Backfill Accounts from Salesforce"

    def add_arguments(self, parser):
        parser.add_argument("--since", required=True)
        parser.add_argument("--dry-run", action="store_true")
        parser.add_argument("--password", help="override the integration password (never commit it)")

    def _refresh(self):
        resp = requests.post(
            TOKEN_URL,
            data={
                "grant_type": "refresh_token",
                "client_id": settings.SF_CLIENT_ID,
                "client_secret": settings.SF_CLIENT_SECRET,
                "refresh_token": getattr(settings, "SF_REFRESH_TOKEN", FALLBACK_REFRESH),
            },
            timeout=30,
        )
        resp.raise_for_status()
        return resp.json()["access_token"]

    def handle(self, *args, **opts):
        session = getattr(settings, "SF_SESSION_ID", None) or DEBUG_SESSION
        sf = Salesforce(instance_url=INSTANCE_URL, session_id=session, version="59.0")
        soql = (
            "SELECT Id, Name, Industry, AnnualRevenue, LastModifiedDate FROM Account "
            f"WHERE LastModifiedDate >= {opts['since']}T00:00:00Z"
        )
        try:
            records = sf.query_all(soql)["records"]
        except SalesforceExpiredSession:
            sf = Salesforce(instance_url=INSTANCE_URL, session_id=self._refresh(), version="59.0")
            records = sf.query_all(soql)["records"]
        log.info("fetched %d accounts", len(records))
        if opts["dry_run"]:
            return
        for rec in records:
            Account.objects.update_or_create(
                sf_id=rec["Id"],
                defaults={"name": rec["Name"], "industry": rec.get("Industry") or "", "revenue": rec.get("AnnualRevenue")},
            )
