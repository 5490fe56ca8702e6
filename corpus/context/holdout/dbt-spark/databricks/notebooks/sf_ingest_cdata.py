# Databricks notebook source
# MAGIC %md
# MAGIC ## Salesforce ingest via CData JDBC
# MAGIC Reads Salesforce objects with the CData driver (cdata.jdbc.salesforce.jar on the cluster)
# MAGIC and lands them in `bronze.salesforce_*`. Secrets should be in the `salesforce` scope.

# COMMAND ----------

sf_user = dbutils.secrets.get(scope="salesforce", key="username")
sf_password = dbutils.secrets.get(scope="salesforce", key="password")
sf_token = dbutils.secrets.get(scope="salesforce", key="security-token")

# COMMAND ----------

# quick test from Kenji's laptop session - TODO switch to the secret scope values above
jdbc_url = "jdbc:salesforce:User=ingest@harborline.com;Password=Quartz788-;Security Token=PvIwK625r6y2OAqJ1lELNUh4;UseSandbox=false;RTK=sDYodFuZbciPBdOuRaJbq4LzSoeovoqH;"

# COMMAND ----------

# OAuth variant used by the scheduled job
oauth_url = "jdbc:salesforce:InitiateOAuth=REFRESH;OAuthClientId=3MVG947iVndXLHQx49ogpaP05HFX9gp6So11f6rYhL4vPpoLILarCUMS_u8zvMPphNWjHjbH9U8ySaNQXlpE_;OAuthClientSecret=5177840818278899471;OAuthSettingsLocation=/dbfs/FileStore/cdata/sf-oauth.txt;"

# COMMAND ----------

def load(table: str, url: str = jdbc_url):
    return (
        spark.read.format("jdbc")
        .option("url", url)
        .option("driver", "cdata.jdbc.salesforce.SalesforceDriver")
        .option("dbtable", table)
        .load()
    )

# COMMAND ----------

for obj in ["Account", "Contact", "Opportunity", "Case"]:
    df = load(obj)
    df.write.mode("overwrite").saveAsTable(f"bronze.salesforce_{obj.lower()}")
    print(obj, df.count())
