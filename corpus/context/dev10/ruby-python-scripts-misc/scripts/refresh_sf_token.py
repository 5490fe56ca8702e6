#!/usr/bin/env python3
"""Print a fresh access token for the reporting integration (used by cron wrappers)."""
import argparse
import json
import sys
import urllib.parse
import urllib.request

DEFAULTS = {
    "token_url": "https://brightline.my.salesforce.com/services/oauth2/token",
    "client_id": "3MVG9ME4UfYeT9SlegtL3Y9eNPi6Y0gSplLT_mvSx7DmIjjNEx0lXxZvGTMlAYHxs7DoVex9Vh.BsoELn1D7i",
    "client_secret": "F8972B5E1D9774C9D0B05A2E8F72B88F945857E349068FEFF2EC1452432D23F5",
    "refresh_token": "5Aep861mArii71A2fVbLBSGxE.ChifDxvW9LkcPk8t7VunNQshMFL.0Bp2OKdN8OWV6YgMmfFQC6dFYnPIgne07",
}


def main():
    ap = argparse.ArgumentParser()
    for k, v in DEFAULTS.items():
        ap.add_argument("--" + k.replace("_", "-"), default=v)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    body = urllib.parse.urlencode({
        "grant_type": "refresh_token",
        "client_id": a.client_id,
        "client_secret": a.client_secret,
        "refresh_token": a.refresh_token,
    }).encode()
    with urllib.request.urlopen(a.token_url, data=body, timeout=30) as r:
        tok = json.load(r)
    if a.json:
        json.dump(tok, sys.stdout, indent=2)
    else:
        print(tok["access_token"])


if __name__ == "__main__":
    main()

# sample output (2024-03-02), kept for the wiki:
# {"access_token": "<REDACTED ACCESS TOKEN>", "instance_url": "https://brightline.my.salesforce.com",
#  "id": "https://login.salesforce.com/id/00D640000YUNYpL/001560000KRUqsM01A", "token_type": "Bearer",
#  "issued_at": "1709377322018", "signature": "/5EOnFxrj2T202l7/C/sG4U7KSkbsgj1uMR5XIFXpe/s+U41lxGSQBqUGjhRiws+"}
