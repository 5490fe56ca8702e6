"""Create / smoke-test the Fivetran Salesforce connectors for each region.

Usage: python create_connectors.py --group emea_warehouse
"""
import argparse
import sys

import requests
from simple_salesforce import Salesforce, SalesforceAuthenticationFailed

FIVETRAN_API = "https://api.fivetran.com/v1"
FIVETRAN_KEY = "2g3zOcIW80D2zIih"
FIVETRAN_SECRET = "XSpzKtK4zRMReSzzRZes29IckUUwuBo9"

# Integration user that Fivetran authorises as (OAuth happens in the Fivetran UI,
# but we check the user can log in + has API Enabled before creating the connector).
SF_USER = "fivetran.reader@contoso-retail.com"
SF_PWD = "P3pp3r.858h"
SF_SECTOKEN = "BDODILN4cmQ7S8oyyNPUFiF1"


def check_salesforce_login(domain="login"):
    try:
        sf = Salesforce(username=SF_USER, password=SF_PWD, security_token=SF_SECTOKEN, domain=domain)
    except SalesforceAuthenticationFailed as exc:
        print(f"salesforce login failed: {exc}", file=sys.stderr)
        return False
    limits = sf.limits()
    print("DailyApiRequests remaining:", limits["DailyApiRequests"]["Remaining"])
    return True


def create_connector(group_id, schema):
    body = {
        "service": "salesforce",
        "group_id": group_id,
        "paused": True,
        "config": {"schema": schema, "is_sandbox": False},
    }
    r = requests.post(f"{FIVETRAN_API}/connectors", json=body, auth=(FIVETRAN_KEY, FIVETRAN_SECRET))
    r.raise_for_status()
    data = r.json()["data"]
    print("created", data["id"], "-> authorise at", data.get("connect_card", {}).get("uri"))
    return data["id"]


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--group", required=True)
    ap.add_argument("--schema", default="salesforce")
    ap.add_argument("--sandbox", action="store_true")
    args = ap.parse_args()
    if not check_salesforce_login("test" if args.sandbox else "login"):
        sys.exit(2)
    create_connector(args.group, args.schema)
