"""
Nightly extract of Salesforce Accounts/Contacts into the lake (springml spark-salesforce).

spark-submit --packages com.springml:spark-salesforce_2.12:1.1.4 jobs/extract_accounts.py --date 2025-03-01
"""
import argparse
import os

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

LAKE = "s3a://harborline-lake/raw/salesforce"

sf_options = {
    "login": "https://login.salesforce.com",
    "username": "spark-etl@harborline.com",
    # connector wants password+token in one string
    "password": "eMPOfPP?JH51SXdkrwAPtGCc8gPaaprrantr",
    "version": "59.0",
    "bulk": "true",
    "pkChunking": "true",
    "chunkSize": "100000",
}


def read_object(spark, soql, sf_object):
    return (
        spark.read.format("com.springml.spark.salesforce")
        .options(**sf_options)
        .option("soql", soql)
        .option("sfObject", sf_object)
        .load()
    )


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--date", required=True)
    args = ap.parse_args()

    spark = (
        SparkSession.builder.appName("sf-extract-accounts")
        .config("spark.hadoop.fs.s3a.access.key", os.environ["AWS_ACCESS_KEY_ID"])
        .config("spark.hadoop.fs.s3a.secret.key", os.environ["AWS_SECRET_ACCESS_KEY"])
        .getOrCreate()
    )

    accounts = read_object(
        spark,
        f"SELECT Id, Name, Industry, BillingCountry, LastModifiedDate FROM Account WHERE LastModifiedDate >= {args.date}T00:00:00Z",
        "Account",
    )
    contacts = read_object(
        spark,
        f"SELECT Id, AccountId, Email, MailingCountry, LastModifiedDate FROM Contact WHERE LastModifiedDate >= {args.date}T00:00:00Z",
        "Contact",
    )

    for name, df in (("account", accounts), ("contact", contacts)):
        (
            df.withColumn("_extracted_at", F.current_timestamp())
            .write.mode("overwrite")
            .parquet(f"{LAKE}/{name}/dt={args.date}")
        )
    spark.stop()


if __name__ == "__main__":
    main()
