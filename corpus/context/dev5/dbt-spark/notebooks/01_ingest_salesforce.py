# Databricks notebook source
# MAGIC %md
# MAGIC ## Ingest Salesforce objects into bronze
# MAGIC Uses the springml spark-salesforce connector (`com.springml:spark-salesforce_2.12:1.1.4`).
# MAGIC Owner: data-platform. Runs from job `sf_bronze_daily`.

# COMMAND ----------

from pyspark.sql import functions as F

dbutils.widgets.text("objects", "Account,Contact,Opportunity")
objects = [o.strip() for o in dbutils.widgets.get("objects").split(",")]

sf_user = dbutils.secrets.get(scope="salesforce", key="username")
sf_pass = dbutils.secrets.get(scope="salesforce", key="password")

# COMMAND ----------

# storage for bronze tables
spark.conf.set(
    "fs.azure.account.key.lakeprodweu.dfs.core.windows.net",
    "TWdwRkFHbGdRclBZUW80QmF2dk00TkFJMEZ3c3R2ZFlwNHEyd1JGeG9pQTE2SXpp",
)

# COMMAND ----------

def read_object(name, user, password):
    soql = f"SELECT FIELDS(STANDARD) FROM {name}"
    return (
        spark.read.format("com.springml.spark.salesforce")
        .option("username", user)
        .option("password", password)
        .option("login", "https://login.salesforce.com")
        .option("soql", soql)
        .option("version", "59.0")
        .option("bulk", "true")
        .option("sfObject", name)
        .load()
    )

# COMMAND ----------

# ad-hoc backfill against the old org (orbit-legacy) -- secret scope doesn't have it yet
legacy = (
    spark.read.format("com.springml.spark.salesforce")
    .option("username", "bi.reader@orbit-legacy.com")
    .option("password", "Falcon647@0LwZPvTBUBxQwR0oajYtu4fN")
    .option("soql", "SELECT Id, Name, Industry FROM Account")
    .option("version", "52.0")
    .load()
)
display(legacy.limit(10))

# COMMAND ----------

for obj in objects:
    df = read_object(obj, sf_user, sf_pass).withColumn("_ingested_at", F.current_timestamp())
    df.write.mode("overwrite").saveAsTable(f"bronze.salesforce_{obj.lower()}")
