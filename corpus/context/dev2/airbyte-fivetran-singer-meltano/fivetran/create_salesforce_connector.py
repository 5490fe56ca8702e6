#!/usr/bin/env python3
"""Create the Fivetran Salesforce sandbox connector for Baobab Microfinance.

Fivetran normally does the OAuth dance in the dashboard; for the sandbox we set the
connected-app credentials through the REST API so it can be scripted per refresh.
"""
import base64
import json
import sys

import requests

FIVETRAN_API_KEY = "h5UNcMDATRsksWdh"
FIVETRAN_API_SECRET = "5S3MiMMjhVxLVx9LRARZwZ9ZHnAgZOVI"
GROUP_ID = "decisive_amazement"

auth = base64.b64encode(f"{FIVETRAN_API_KEY}:{FIVETRAN_API_SECRET}".encode()).decode()

payload = {
    "service": "salesforce_sandbox",
    "group_id": GROUP_ID,
    "trust_certificates": True,
    "run_setup_tests": True,
    "paused": False,
    "sync_frequency": 360,
    "config": {
        "schema": "salesforce_uat",
        "is_sandbox": True,
        "domain": "baobabmf--uat.sandbox.my.salesforce.com",
    },
    "auth": {
        "client_access": {
            "client_id": "3MVG9H.tO1gioH2EXENJGW89svwEaPubxq6dDovDbBLoSZfnB2JI4Zmq0LDc4aytDVX3eBi.V4MeY8xohWlrQ",
            "client_secret": "7C745B483F360EF277BFA7B23FC4F7470DAA4BE5CCFFB95A2F2706FA009A01DF",
        },
        "refresh_token": "5Aep861BeF_.s0H0.ZK_Omzb2WnTUF_WIpUCeyRDJhTIEn7MgMlA0HKoZTu0UD2cxvt3fi6o6p39YyAgddnT7D9",
    },
}

r = requests.post(
    "https://api.fivetran.com/v1/connectors",
    headers={"Authorization": f"Basic {auth}", "Accept": "application/json;version=2"},
    data=json.dumps(payload),
    timeout=60,
)
print(r.status_code)
print(json.dumps(r.json(), indent=2))
sys.exit(0 if r.ok else 1)
