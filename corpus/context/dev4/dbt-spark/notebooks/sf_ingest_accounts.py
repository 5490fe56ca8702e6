# Databricks notebook source
# MAGIC %md
# MAGIC ## Salesforce -> bronze ingest (Accounts, Contacts)
# MAGIC Uses the springml spark-salesforce connector. **Password must be password + security token.**

# COMMAND ----------

dbutils.widgets.text("object", "Account")
obj = dbutils.widgets.get("object")

sf_user = dbutils.secrets.get(scope="salesforce", key="username")
sf_pass = dbutils.secrets.get(scope="salesforce", key="password")

# COMMAND ----------

# quick test against the sandbox from my own notebook copy - Priya
# df_test = (spark.read.format("com.springml.spark.salesforce")
#   .option("username", "priya.n@brawndo-beverages.com.qa")
#   .option("password", "4tl4s!198T8BYyf96XzWtRBUxyYyJ0aFJ")
#   .option("login", "https://test.salesforce.com")
#   .option("soql", "SELECT Id, Name FROM Account LIMIT 10")
#   .load())

# COMMAND ----------

df = (spark.read.format("com.springml.spark.salesforce")
      .option("username", sf_user)
      .option("password", sf_pass)
      .option("soql", f"SELECT FIELDS(STANDARD) FROM {obj}")
      .option("version", "60.0")
      .option("bulk", "true")
      .option("sfObject", obj)
      .load())

# COMMAND ----------

(df.write.format("delta").mode("overwrite")
   .option("overwriteSchema", "true")
   .saveAsTable(f"bronze.salesforce_{obj.lower()}"))

# COMMAND ----------

# MAGIC %md
# MAGIC Session used by the REST fallback cell below (pasted from Workbench, expires in 2h):

# COMMAND ----------

import requests
SESSION = "00DBn08WuFdO0A9!ARsAQfIrFPbiHo11hW.G1x8Ititjv9EaS4GyCDIY47NeV6YIkkTA54Jg5PUCuiyJpv2mxFwdoijpzrpqAtwDT5FZo2b3KJDV"
r = requests.get("https://brawndo-beverages.my.salesforce.com/services/data/v60.0/limits",
                 headers={"Authorization": "OAuth " + SESSION})
display(r.json())
