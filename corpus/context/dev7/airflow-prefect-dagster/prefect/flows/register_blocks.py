#!/usr/bin/env python
# One-off: registers the secret blocks the salesforce flows load at runtime.
# Run with `python flows/register_blocks.py` against the prod workspace.
# (yes I know - delete this file after running it. -- R.)
from prefect.blocks.system import Secret, JSON
from prefect_aws import AwsCredentials

BLOCKS = {
    # name                      value
    "sfdc-username":            "api.prefect@globex-corp.com",
    "sfdc-password":            "Plut0_141",
    "sfdc-consumer-key":        "3MVG9AG.m0fY.qkpDopkVhLEc6eyXobzKSsqlvv0Mw41l5Yt7GQIIHx2wmcAPL5Iw6HIfYzttcdW3WFIkx7GX",
    "sfdc-consumer-secret":     "419B540B432E10538C13DFB13B70C6C735556A3E9891EE074AABAD8054F6D173",
    "sfdc-login-url":           "https://globex.my.salesforce.com",
}

for name, value in BLOCKS.items():
    Secret(value=value).save(name, overwrite=True)

JSON(value={"api_version": "60.0", "bulk_batch_size": 10000}).save("sfdc-settings", overwrite=True)

AwsCredentials(
    aws_access_key_id="AKIA5AERTYXCQGX36IOY",
    aws_secret_access_key="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",
    region_name="us-east-2",
).save("lake-writer", overwrite=True)

print("done, registered", len(BLOCKS) + 2, "blocks")
