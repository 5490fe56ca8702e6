"""Pulumi program for the Salesforce reporting pipeline (Glue + S3)."""
import json

import pulumi
import pulumi_aws as aws

config = pulumi.Config("sfreport")
stack = pulumi.get_stack()

bucket = aws.s3.BucketV2("sf-report-exports", force_destroy=stack != "prod")

# Glue connection to Salesforce via the JDBC driver. The secret is created below.
sf_secret = aws.secretsmanager.Secret("sf-report-creds", name=f"{stack}/sf-report")

aws.secretsmanager.SecretVersion(
    "sf-report-creds-v1",
    secret_id=sf_secret.id,
    secret_string=json.dumps({
        "username": "reporting@hooli.com",
        # password has the token glued on, Glue's SF connector wants it that way
        "password": "Winter_p1BuUCtZrw!zTHa9Swy2qBeHpLIrDAZXYlK",
        "instanceUrl": "https://hooli.my.salesforce.com",
    }),
)

aws.secretsmanager.SecretVersion(
    "sf-report-oauth",
    secret_id=sf_secret.id,
    secret_string=pulumi.Output.json_dumps({
        "client_id": config.require("clientId"),
        "client_secret": config.require_secret("clientSecret"),
        "refresh_token": "5Aep861FIvO38GIyFnieFyop2GUy.E9umAwIF1qEmpNjc4z84FYRRk8ZtafC6nNADdCqz9h5jfdzS8xtOC5n1W3",
    }),
)

glue_role = aws.iam.Role(
    "glue-role",
    assume_role_policy=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"Service": "glue.amazonaws.com"}, "Action": "sts:AssumeRole"}],
    }),
)

pulumi.export("bucket", bucket.bucket)
pulumi.export("secret_arn", sf_secret.arn)
