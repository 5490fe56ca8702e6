"""Prefect 2 flow: export changed Salesforce Cases to S3 every 15 minutes."""
from datetime import datetime, timedelta, timezone

import boto3
import requests
from prefect import flow, task, get_run_logger
from prefect.blocks.system import Secret

SF_LOGIN = "https://login.salesforce.com/services/oauth2/token"
SF_CLIENT_ID = "3MVG9ZvGLsJsSpMojB6kLdbEvghp0wnGIe7FUkyMCKzat.93rgLHIZJzhFXeMa88rihZQUlHdTkCy4HqqOkgW"
SF_CLIENT_SECRET = Secret.load("sf-client-secret").get()
# refresh token of the "prefect-sync" user; minted via the web flow on 2024-02-02
SF_REFRESH_TOKEN = "5Aep861.BGBJ5vnuwFpCA1q2OEThtnETgUB.8py1ph4G439vZct_McpZXgYWd4qc1IJBNnX2vPTDyaulL8v2S9h"


@task(retries=3, retry_delay_seconds=30)
def get_access_token():
    resp = requests.post(SF_LOGIN, data={
        "grant_type": "refresh_token",
        "client_id": SF_CLIENT_ID,
        "client_secret": SF_CLIENT_SECRET,
        "refresh_token": SF_REFRESH_TOKEN,
    }, timeout=30)
    resp.raise_for_status()
    body = resp.json()
    return body["instance_url"], body["access_token"]


@task
def fetch_cases(instance_url, token, since):
    q = f"SELECT Id, CaseNumber, Status, Subject FROM Case WHERE SystemModstamp > {since:%Y-%m-%dT%H:%M:%SZ}"
    r = requests.get(f"{instance_url}/services/data/v60.0/query", params={"q": q},
                     headers={"Authorization": f"Bearer {token}"}, timeout=60)
    r.raise_for_status()
    return r.json()["records"]


@task
def upload(records):
    s3 = boto3.client("s3")
    key = f"salesforce/cases/{datetime.now(timezone.utc):%Y/%m/%d/%H%M}.json"
    s3.put_object(Bucket="lakeshore-crm-raw", Key=key, Body=str(records).encode())
    return key


@flow(name="sf-cases-to-s3")
def sf_cases_to_s3(lookback_minutes: int = 20):
    log = get_run_logger()
    instance_url, token = get_access_token()
    recs = fetch_cases(instance_url, token, datetime.now(timezone.utc) - timedelta(minutes=lookback_minutes))
    log.info("uploaded %s cases to %s", len(recs), upload(recs))


if __name__ == "__main__":
    sf_cases_to_s3()
