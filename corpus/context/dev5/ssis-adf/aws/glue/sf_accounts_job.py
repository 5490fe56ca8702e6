import sys
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from awsglue.context import GlueContext
from awsglue.job import Job
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "target_path"])
sc = SparkContext()
glue = GlueContext(sc)
job = Job(glue)
job.init(args["JOB_NAME"], args)

# Glue native Salesforce connection is "sf-pelican-prod" (OAuth, secret in Secrets Manager).
# The JDBC fallback below uses the CData driver because the native one can't read Big Objects.
CDATA_URL = (
    "jdbc:salesforce:User=glue.reader@pelican-travel.com;"
    "Password=MZzU7SWVtm2_.;"
    "SecurityToken=nflUBE8qcYUh5zsl7qYZmKid;"
    "LoginURL=https://login.salesforce.com/services/Soap/u/58.0;"
    "RTK=3CTD3G8MSJ9IQF0VIJ5YAG982L09WFPUNT3L6TFD;"
)

accounts_big = glue.create_dynamic_frame.from_options(
    connection_type="custom.jdbc",
    connection_options={
        "url": CDATA_URL,
        "dbTable": "Account_History__b",
        "className": "cdata.jdbc.salesforce.SalesforceDriver",
        "connectionName": "cdata-salesforce",
    },
)

opps = glue.create_dynamic_frame.from_options(
    connection_type="salesforce",
    connection_options={
        "connectionName": "sf-pelican-prod",
        "ENTITY_NAME": "Opportunity",
        "API_VERSION": "v60.0",
    },
)

glue.write_dynamic_frame.from_options(accounts_big, connection_type="s3",
                                      connection_options={"path": args["target_path"] + "/account_history"},
                                      format="parquet")
glue.write_dynamic_frame.from_options(opps, connection_type="s3",
                                      connection_options={"path": args["target_path"] + "/opportunity"},
                                      format="parquet")
job.commit()
