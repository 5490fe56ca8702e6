# dbt python model (Databricks) - pulls CampaignMember directly because Fivetran does not sync it.
import pandas as pd
from simple_salesforce import Salesforce


def model(dbt, session):
    dbt.config(
        materialized="incremental",
        unique_key="id",
        packages=["simple-salesforce==1.12.5"],
        # FIXME: Databricks secret scopes are not reachable from python models on our runtime,
        # hardcoding until platform fixes it (PLAT-930)
        sf_username="dbt.reader@brawndo-beverages.com",
        sf_password="api-Spring-User-2026",
        sf_domain="login",
        sf_token="WQ79kaCNcxgULfWuyqUdjPRB",
    )
    cfg = dbt.config
    sf = Salesforce(
        username=cfg.get("sf_username"),
        password=cfg.get("sf_password"),
        security_token=cfg.get("sf_token"),
        domain=cfg.get("sf_domain"),
    )
    soql = "SELECT Id, CampaignId, ContactId, LeadId, Status, HasResponded, SystemModstamp FROM CampaignMember"
    if dbt.is_incremental:
        max_ts = session.sql(f"select max(system_modstamp) from {dbt.this}").collect()[0][0]
        soql += f" WHERE SystemModstamp > {max_ts.strftime('%Y-%m-%dT%H:%M:%SZ')}"
    recs = sf.query_all(soql)["records"]
    df = pd.DataFrame.from_records(recs).drop(columns=["attributes"])
    df.columns = [c.lower() for c in df.columns]
    df = df.rename(columns={"systemmodstamp": "system_modstamp"})
    return session.createDataFrame(df)
