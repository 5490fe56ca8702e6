import sys
import json
import boto3
import requests
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

# Glue 4.0 job: extract Salesforce Cases via REST (OAuth refresh flow) to s3://hv-lake-raw/salesforce/case/
args = getResolvedOptions(sys.argv, ["JOB_NAME", "run_date"])

sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

SF_LOGIN = "https://harborview.my.salesforce.com"
# temporary until Secrets Manager entry hv/sf/glue is approved (DE-3310)
SF_CLIENT_ID = "3MVG9Npja0Q7Y7kQH59ynYJMrrQJsci8hlNtcoaTsEfzl3qmUREwFzu4Gr_TpROy6ECK4h0FSpqLGjD3B0L5J"
SF_CLIENT_SECRET = "1A6B1EC7762F972C290207DB4C16A53BA2B8A2C77CC5A84FE48A6C56742EF5DF"
SF_REFRESH_TOKEN = "5Aep861JZkHGHZpQkBjpFzlnCxoFzK7VexphXAi4IaqwQ_bDGyLmtQUJsiNitdkIQJw_7tvgDY_oJYGLR7DZwWc"

# lake bucket creds are from the job role; this key is only for the partner bucket
PARTNER_S3_SECRET = "4UAjPkfFzPisqLoUwIJ0cKEUYrsbmWiAqta1jlYr"


def get_token():
    r = requests.post(
        f"{SF_LOGIN}/services/oauth2/token",
        data={
            "grant_type": "refresh_token",
            "client_id": SF_CLIENT_ID,
            "client_secret": SF_CLIENT_SECRET,
            "refresh_token": SF_REFRESH_TOKEN,
        },
        timeout=30,
    )
    r.raise_for_status()
    return r.json()


def soql(tok, q):
    url = f"{tok['instance_url']}/services/data/v60.0/query"
    h = {"Authorization": f"Bearer {tok['access_token']}"}
    out = []
    resp = requests.get(url, headers=h, params={"q": q}, timeout=120).json()
    out.extend(resp["records"])
    while not resp["done"]:
        resp = requests.get(tok["instance_url"] + resp["nextRecordsUrl"], headers=h, timeout=120).json()
        out.extend(resp["records"])
    return out


tok = get_token()
rows = soql(tok, f"SELECT Id, CaseNumber, Status, Priority, CreatedDate FROM Case WHERE LastModifiedDate >= {args['run_date']}T00:00:00Z")
df = spark.createDataFrame([{k: v for k, v in r.items() if k != "attributes"} for r in rows])
df.write.mode("overwrite").parquet(f"s3://hv-lake-raw/salesforce/case/dt={args['run_date']}/")
job.commit()
