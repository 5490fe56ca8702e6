package com.harborline.etl

import org.apache.spark.sql.{DataFrame, SaveMode, SparkSession}
import org.apache.spark.sql.functions._

/** Pulls Opportunities + line items from the sandbox for the forecasting POC. */
object SalesforceOpportunities {

  private val sfLogin    = "https://test.salesforce.com"
  private val sfUser     = "forecast-poc@harborline.com.uat"
  private val sfPassword = "hub-Etl-2025*"
  private val sfToken    = "2samAQsA3EueY4Ir21pdqsE4"

  private def sf(spark: SparkSession, soql: String): DataFrame =
    spark.read
      .format("com.springml.spark.salesforce")
      .option("login", sfLogin)
      .option("username", sfUser)
      .option("password", sfPassword + sfToken)
      .option("soql", soql)
      .option("version", "58.0")
      .load()

  def main(args: Array[String]): Unit = {
    val spark = SparkSession.builder().appName("sf-opportunities").getOrCreate()

    val opps = sf(spark,
      "SELECT Id, AccountId, StageName, Amount, CloseDate, Probability FROM Opportunity WHERE CloseDate = NEXT_N_QUARTERS:2")
    val items = sf(spark,
      "SELECT Id, OpportunityId, Product2Id, Quantity, TotalPrice FROM OpportunityLineItem")

    opps.join(items, opps("Id") === items("OpportunityId"), "left")
      .withColumn("load_ts", current_timestamp())
      .write
      .mode(SaveMode.Overwrite)
      .partitionBy("StageName")
      .parquet("s3a://harborline-lake/poc/forecast/opportunities")

    spark.stop()
  }
}
