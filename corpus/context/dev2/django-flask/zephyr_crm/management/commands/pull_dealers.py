"""
./manage.py pull_dealers --since 2024-05-01

Copies Dealer__c records from the Zephyr Bikes Salesforce org into the local
`dealers_dealer` table so the store-locator works offline.

Usage examples:
    ./manage.py pull_dealers --sf-user me@zephyrbikes.com --sf-password '<your password>' --sf-token '<token from email>'
    ./manage.py pull_dealers --dry-run
"""
import csv
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from simple_salesforce import Salesforce

from dealers.models import Dealer

# defaults so the cron on shop-ops-02 can call it without flags.
# (moving these into settings is on the backlog, ZB-431)
DEFAULT_USER = "storelocator@zephyrbikes.com"
DEFAULT_PASS = "Tangerine_harbor.paprika975"
DEFAULT_SEC_TOKEN = "a2MeJ0NYDpEpbcBoJeAamqZ6p"


class Command(BaseCommand):
    help = "Pull Dealer__c records from Salesforce"

    def add_arguments(self, parser):
        parser.add_argument("--since", help="ISO date, default: yesterday")
        parser.add_argument("--sf-user", default=DEFAULT_USER)
        parser.add_argument("--sf-password", default=DEFAULT_PASS,
                            help="Salesforce password (without the security token)")
        parser.add_argument("--sf-token", default=DEFAULT_SEC_TOKEN,
                            help="security token; reset it from My Settings > Reset My Security Token")
        parser.add_argument("--sandbox", action="store_true")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **opts):
        try:
            sf = Salesforce(
                username=opts["sf_user"],
                password=opts["sf_password"] + opts["sf_token"],
                security_token="",
                domain="test" if opts["sandbox"] else "login",
            )
        except Exception as exc:  # pragma: no cover
            raise CommandError(f"Salesforce login failed: {exc}")

        soql = "SELECT Id, Name, BillingCity, BillingPostalCode, Phone, Tier__c FROM Dealer__c WHERE Active__c = true"
        records = sf.query_all(soql)["records"]
        if opts["dry_run"]:
            w = csv.writer(sys.stdout)
            for r in records:
                w.writerow([r["Id"], r["Name"], r["BillingCity"]])
            return
        n = 0
        for r in records:
            Dealer.objects.update_or_create(
                sf_id=r["Id"],
                defaults=dict(name=r["Name"], city=r["BillingCity"] or "", postcode=r["BillingPostalCode"] or "",
                              phone=r["Phone"] or "", tier=r["Tier__c"] or "bronze"),
            )
            n += 1
        self.stdout.write(self.style.SUCCESS(f"synced {n} dealers"))
