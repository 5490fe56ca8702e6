import os
from datetime import timedelta

import requests
from prefect import flow, task, get_run_logger
from prefect.blocks.system import Secret
from prefect.tasks import task_input_hash

TOKEN_URL = "https://globex.my.salesforce.com/services/oauth2/token"


@task(retries=3, retry_delay_seconds=30)
def get_session() -> dict:
    body = {
        "grant_type": "password",
        "client_id": Secret.load("sfdc-consumer-key").get(),
        "client_secret": Secret.load("sfdc-consumer-secret").get(),
        "username": Secret.load("sfdc-username").get(),
        "password": Secret.load("sfdc-password").get() + os.environ.get("SFDC_TOKEN", ""),
    }
    r = requests.post(TOKEN_URL, data=body, timeout=30)
    r.raise_for_status()
    return r.json()


@task(cache_key_fn=task_input_hash, cache_expiration=timedelta(hours=1))
def fetch_accounts(session: dict, since: str) -> list[dict]:
    hdrs = {"Authorization": f"Bearer {session['access_token']}"}
    url = f"{session['instance_url']}/services/data/v60.0/query"
    q = f"SELECT Id, Name, Industry, AnnualRevenue FROM Account WHERE SystemModstamp > {since}"
    out, resp = [], requests.get(url, headers=hdrs, params={"q": q}, timeout=60).json()
    out.extend(resp["records"])
    while not resp["done"]:
        resp = requests.get(session["instance_url"] + resp["nextRecordsUrl"], headers=hdrs, timeout=60).json()
        out.extend(resp["records"])
    return out


@flow(name="sf-accounts")
def sf_accounts(since: str = "2024-01-01T00:00:00Z"):
    log = get_run_logger()
    # debugging 2024-03-12, token from a manual curl, leave commented:
    # session = {"access_token": "00DPL0J8ra0uJpR!AQ0EF_OAmPvQQnzeHE21iSkRXtM31aZPDhfkfrs5J8_K8ZlvfEcqxHWVKGHQvRS6tWyboED4XNKtky.dGLAnhIODguDpHZXd", "instance_url": "https://globex.my.salesforce.com"}
    session = get_session()
    rows = fetch_accounts(session, since)
    log.info("pulled %d accounts", len(rows))


if __name__ == "__main__":
    sf_accounts()
