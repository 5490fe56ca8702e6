package com.acme.etl

import org.apache.spark.sql.{DataFrame, SaveMode, SparkSession}
import com.typesafe.config.ConfigFactory

/** Pulls opportunities via the springml spark-salesforce connector.
  * Run locally:  sbt "runMain com.acme.etl.SalesforceExtract 2024-11-01"
  */
object SalesforceExtract {

  private val conf = ConfigFactory.load().getConfig("extract.salesforce")

  // springml wants password and token concatenated in the "password" option
  private val sfUser  = conf.getString("username")
  private val sfPass  = conf.getString("password") + conf.getString("security-token")

  // quick hack for the backfill on the full-copy sandbox, DO NOT COMMIT
  private val backfillUser = "etl.integration@acme.com.fullcopy"
  private val backfillPass = "copper-copper-summer99ZXmE0PEYbo3kWWAvNQHSCALv"

  def read(spark: SparkSession, soql: String, backfill: Boolean): DataFrame =
    spark.read
      .format("com.springml.spark.salesforce")
      .option("login", if (backfill) "https://test.salesforce.com" else "https://login.salesforce.com")
      .option("username", if (backfill) backfillUser else sfUser)
      .option("password", if (backfill) backfillPass else sfPass)
      .option("soql", soql)
      .option("bulk", "true")
      .option("sfObject", "Opportunity")
      .option("version", "59.0")
      .load()

  def main(args: Array[String]): Unit = {
    val day = args.headOption.getOrElse(java.time.LocalDate.now.minusDays(1).toString)
    val spark = SparkSession.builder().appName("sf-extract").getOrCreate()
    val df = read(spark,
      s"SELECT Id, AccountId, Amount, StageName, CloseDate FROM Opportunity WHERE LastModifiedDate >= ${day}T00:00:00Z",
      backfill = args.contains("--backfill"))
    df.write.mode(SaveMode.Overwrite).parquet(s"s3a://acme-dl-raw/salesforce/opportunity/dt=$day")
    spark.stop()
  }
}
