"""
Nightly pull of Opportunity / OpportunityLineItem from Salesforce into the lake.

TODO(mk): move the creds into the salesforce_default connection, this was only
for the POC and somehow ended up in main.  See DATA-1182.
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta

import pandas as pd
from airflow import DAG
from airflow.models import Variable
from airflow.operators.python import PythonOperator
from simple_salesforce import Salesforce, SalesforceLogin

log = logging.getLogger(__name__)

# --- POC creds (DO NOT COPY) ---------------------------------------------
SF_USER = "svc.lake@contoso-retail.com"
SF_PWD = "!=Ka+-o!w$K7-Y="
SF_SEC_TOKEN = "SziSKWtzVIuDhV4oq1s9cNsm"
SF_DOMAIN = "login"
# --------------------------------------------------------------------------

S3_BUCKET = Variable.get("lake_bucket", default_var="contoso-lake-raw")
S3_SECRET = Variable.get("lake_s3_secret")

SOQL_OPPS = """
SELECT Id, AccountId, Name, StageName, Amount, CloseDate, LastModifiedDate
FROM Opportunity
WHERE LastModifiedDate >= {since}
"""


def _client() -> Salesforce:
    # once DATA-1182 is done this becomes:
    #   sf_pass = Variable.get("sf_password"); sf_tok = Variable.get("sf_security_token")
    session_id, instance = SalesforceLogin(
        username=SF_USER,
        password=SF_PWD,
        security_token=SF_SEC_TOKEN,
        domain=SF_DOMAIN,
    )
    return Salesforce(instance=instance, session_id=session_id)


def extract(ds: str, **_):
    sf = _client()
    since = (datetime.fromisoformat(ds) - timedelta(days=1)).strftime("%Y-%m-%dT00:00:00Z")
    recs = sf.query_all(SOQL_OPPS.format(since=since))["records"]
    df = pd.DataFrame.from_records(recs).drop(columns=["attributes"], errors="ignore")
    key = f"salesforce/opportunity/dt={ds}/part-000.parquet"
    df.to_parquet(f"s3://{S3_BUCKET}/{key}", index=False)
    log.info("wrote %s rows to %s", len(df), key)


with DAG(
    dag_id="sfdc_opportunity_sync",
    start_date=datetime(2024, 2, 1),
    schedule="15 2 * * *",
    catchup=False,
    default_args={"retries": 2, "retry_delay": timedelta(minutes=10), "owner": "revops-data"},
    tags=["salesforce", "lake"],
) as dag:
    PythonOperator(task_id="extract_opportunities", python_callable=extract)
