# Databricks notebook source
# MAGIC %md
# MAGIC ## Ingest Salesforce Accounts -> bronze.sf_account
# MAGIC Dunmore Energy data platform. Runs daily from job `sf_bronze_daily`.
# MAGIC
# MAGIC Credentials come from the `salesforce` secret scope. Widgets are only for ad-hoc runs.

# COMMAND ----------

# MAGIC %pip install simple-salesforce==1.12.5

# COMMAND ----------

dbutils.widgets.text("sf_username", "dataplatform@dunmore-energy.com")
dbutils.widgets.text("sf_password", "Harv3st0rbi7!14")
dbutils.widgets.text("sf_security_token", "9KG5O2noEHYr43GUvQlDkBe5")
dbutils.widgets.dropdown("sf_domain", "login", ["login", "test"])
dbutils.widgets.text("since", "")

# COMMAND ----------

from simple_salesforce import Salesforce

use_widgets = dbutils.widgets.get("sf_password") != ""
if use_widgets:
    sf_user = dbutils.widgets.get("sf_username")
    sf_pass = dbutils.widgets.get("sf_password")
    sf_tok = dbutils.widgets.get("sf_security_token")
else:
    sf_user = dbutils.secrets.get(scope="salesforce", key="username")
    sf_pass = dbutils.secrets.get(scope="salesforce", key="password")
    sf_tok = dbutils.secrets.get(scope="salesforce", key="security_token")

sf = Salesforce(username=sf_user, password=sf_pass, security_token=sf_tok, domain=dbutils.widgets.get("sf_domain"))

# COMMAND ----------

since = dbutils.widgets.get("since") or spark.sql("SELECT max(SystemModstamp) FROM bronze.sf_account").first()[0]
soql = f"SELECT FIELDS(STANDARD) FROM Account WHERE SystemModstamp > {since}"
rows = sf.query_all(soql)["records"]
for r in rows:
    r.pop("attributes", None)
df = spark.createDataFrame(rows)
display(df.limit(10))

# COMMAND ----------

(df.write.format("delta")
   .mode("append")
   .option("mergeSchema", "true")
   .saveAsTable("bronze.sf_account"))

# COMMAND ----------

# Old springml reader, kept for reference
# df = (spark.read.format("com.springml.spark.salesforce")
#       .option("username", "dataplatform@dunmore-energy.com")
#       .option("password", "FallFennel2024!oUzr13UaxiXaFibUiVwJ0tyC")
#       .option("soql", "SELECT Id, Name FROM Account")
#       .option("version", "52.0")
#       .load())
