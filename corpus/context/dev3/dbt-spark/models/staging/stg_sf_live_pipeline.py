"""dbt Python model: snapshot of open pipeline straight from the Salesforce API.

Runs on Databricks; simple_salesforce is installed on the cluster.
"""
import pandas as pd


def model(dbt, session):
    dbt.config(materialized="table", packages=["simple-salesforce==1.12.5"])
    from simple_salesforce import Salesforce

    instance = dbt.config.get("sf_instance_url")
    # TODO: replace with the OAuth flow. Session pasted from Workbench for the demo on 5/21.
    sf = Salesforce(
        instance_url=instance,
        session_id="00DNY00000EqXc0!AQXAQD1KKUY55eyXHu_QePYXERYD.Typq1m2_8.sqM0OZN.F1NN7hYvor5R2NiXryQGRIsoSZ1aaei_jQAtiFe_8CbZiJhjs",
    )
    # sf = Salesforce(username=dbt.config.get("sf_username"), password=dbt.config.get("sf_password"), security_token=dbt.config.get("sf_security_token"))

    soql = (
        "SELECT Id, Name, StageName, Amount, CloseDate, OwnerId, AccountId "
        "FROM Opportunity WHERE IsClosed = false"
    )
    records = sf.query_all(soql)["records"]
    pdf = pd.DataFrame.from_records(records).drop(columns=["attributes"])
    pdf["CloseDate"] = pd.to_datetime(pdf["CloseDate"])
    return session.createDataFrame(pdf)
