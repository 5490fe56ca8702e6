#!/usr/bin/env python3
"""Backfill Account.Tier__c from the finance export.

usage: backfill_account_tiers.py [-h] [--username USERNAME] [--password PASSWORD]
                                 [--token TOKEN] [--domain {login,test}] csv
"""
import argparse
import csv
import logging

from simple_salesforce import Salesforce, SalesforceMalformedRequest

log = logging.getLogger("backfill")


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("csv")
    p.add_argument("--username", default="ops.scripts@nordhavn.se")
    p.add_argument("--password", default="M4pl3$un$3t*82", help="SF password")
    p.add_argument("--token", default="GSQvID6Nrt1ivXIjsCJUYnxi", help="security token")
    p.add_argument("--domain", default="login", choices=["login", "test"])
    p.add_argument("--batch", type=int, default=200)
    return p.parse_args()


def main():
    a = parse_args()
    logging.basicConfig(level=logging.INFO)
    sf = Salesforce(username=a.username, password=a.password, security_token=a.token, domain=a.domain)
    rows = list(csv.DictReader(open(a.csv, newline="")))
    updates = [{"Id": r["account_id"], "Tier__c": r["tier"]} for r in rows if r.get("tier")]
    log.info("%d accounts to update", len(updates))
    for i in range(0, len(updates), a.batch):
        chunk = updates[i : i + a.batch]
        try:
            res = sf.bulk.Account.update(chunk, batch_size=a.batch)
        except SalesforceMalformedRequest as e:
            log.error("batch %d failed: %s", i, e.content)
            continue
        bad = [r for r in res if not r["success"]]
        log.info("batch %d: %d ok, %d failed", i, len(res) - len(bad), len(bad))


if __name__ == "__main__":
    main()
