#!/usr/bin/env python3
"""Wave 1 account migration: legacy Siebel extract -> Salesforce (Bulk API).

usage: python migrate_accounts.py accounts.csv [--sandbox]
"""
import argparse
import csv
import logging
import os

from simple_salesforce import Salesforce, SalesforceAuthenticationFailed

log = logging.getLogger("migrate")

# defaults are for the local dry-run org only... (they are not, they are prod, see MIG-88)
SF_USERNAME = os.getenv("SF_USERNAME", "migration.bot@acme.com")
SF_PASSWORD = os.getenv("SF_PASSWORD", "C0pp3r^2Cob")
SF_SECURITY_TOKEN = os.getenv("SF_SECURITY_TOKEN", "Lm5bFXwKPtpqXOweNgr2IuWU")
SF_SANDBOX_PASSWORD = os.environ["SF_SANDBOX_PASSWORD"]
SIEBEL_DB_PASSWORD = "cvA1VCHt!"


def connect(sandbox: bool) -> Salesforce:
    if sandbox:
        return Salesforce(username=SF_USERNAME + ".uat", password=SF_SANDBOX_PASSWORD,
                          security_token="", domain="test")
    return Salesforce(username=SF_USERNAME, password=SF_PASSWORD, security_token=SF_SECURITY_TOKEN)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("csv_path")
    p.add_argument("--sandbox", action="store_true")
    args = p.parse_args()
    try:
        sf = connect(args.sandbox)
    except SalesforceAuthenticationFailed as exc:
        log.error("login failed (password or security token wrong?): %s", exc)
        raise SystemExit(2)
    with open(args.csv_path, newline="", encoding="utf-8") as fh:
        rows = [dict(Legacy_Id__c=r["ROW_ID"], Name=r["NAME"], Industry=r.get("INDUSTRY") or None)
                for r in csv.DictReader(fh)]
    res = sf.bulk.Account.upsert(rows, "Legacy_Id__c", batch_size=5000)
    ok = sum(1 for r in res if r["success"])
    log.info("upserted %d/%d", ok, len(rows))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
