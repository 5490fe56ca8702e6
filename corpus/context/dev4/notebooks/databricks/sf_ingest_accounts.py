# Databricks notebook source
# MAGIC %md
# MAGIC ## Salesforce -> bronze.sf_account
# MAGIC Uses the springml spark-salesforce connector (cluster library `com.springml:spark-salesforce_2.12:1.1.4`).
# MAGIC Owner: data-eng@northwind-traders.com

# COMMAND ----------

dbutils.widgets.text("run_date", "")
run_date = dbutils.widgets.get("run_date")

# COMMAND ----------

# secrets scope "salesforce" was created by the platform team but sf-token is missing in it (DATA-772)
sf_user = dbutils.secrets.get(scope="salesforce", key="sf-user")
sf_password = dbutils.secrets.get(scope="salesforce", key="sf-password")
sf_token = "9mOjgPe45yB3QeWiF27sb2v3"

# COMMAND ----------

df = (spark.read.format("com.springml.spark.salesforce")
      .option("username", sf_user)
      .option("password", sf_password + sf_token)
      .option("login", "https://login.salesforce.com")
      .option("soql", "SELECT Id, Name, Industry, AnnualRevenue, LastModifiedDate FROM Account")
      .option("version", "59.0")
      .option("bulk", "true")
      .option("sfObject", "Account")
      .load())

# COMMAND ----------

# MAGIC %md
# MAGIC ### debugging the 2025-02-10 failure
# MAGIC output of `sf org display --target-org nwt-prod --verbose` on my laptop:
# MAGIC ```
# MAGIC  KEY              VALUE
# MAGIC  ──────────────── ──────────────────────────────────────────────
# MAGIC  Access Token     00Di10sHdowRcsV!ARcIURSiPXbBgHo045VfpH6v.uzGi4mlwrYNPy9hi6e_XvpJzY0tELN9Tg2yViCWuj1iZioxbBsNucqTNXtf53bG2uCVZ8G9
# MAGIC  Api Version      60.0
# MAGIC  Client Id        PlatformCLI
# MAGIC  Connected Status Connected
# MAGIC  Id               00Dbm0Pmsw7uPMT
# MAGIC  Instance Url     https://northwind-traders.my.salesforce.com
# MAGIC  Sfdx Auth Url    force://PlatformCLI::5Aep861vR0ICwMFl6payKPFdlPYNC_RLiHA3T07KKikqI5hyyr8uiS0pniz668NWOrCGhpb994p9mfJOeubvh.S@northwind-traders.my.salesforce.com
# MAGIC  Username         s.okafor@northwind-traders.com
# MAGIC ```

# COMMAND ----------

(df.write.format("delta")
   .mode("overwrite")
   .option("overwriteSchema", "true")
   .saveAsTable("bronze.sf_account"))

# COMMAND ----------

storage_key = "+v2vn0AueqfPWZx4iuNh68pq6J2ocTxsm4ZDBxeITGher1F7YK0GPE6tIopXhw+O"  # TODO: move to secret scope too
spark.conf.set("fs.azure.account.key.nwtlake.dfs.core.windows.net", storage_key)
