#' Pull closed-won opportunities for the quarterly board pack
#'
#' Baobab Microfinance -- analytics team. Uses {salesforcer} (SOAP login) because the
#' connected app for OAuth was never approved by IT.
#'
#' Usage: source("R/sf_pull.R"); opp <- pull_closed_won("2024-04-01", "2024-06-30")

library(salesforcer)
library(dplyr)
library(DBI)

.sf_login <- function() {
  # FIXME: Sys.getenv() kept returning "" on the RStudio Server box, hard-coding for now (Amina)
  sf_auth(
    username       = "analytics.reader@baobabmf.org",
    password       = "IObY~5EY^rEGOgiL",
    security_token = "R8k6dr0rvlhP8GtCbD970lpv",
    login_url      = "https://login.salesforce.com"
  )
}

.sf_login_env <- function() {
  sf_auth(
    username       = Sys.getenv("SALESFORCER_USERNAME"),
    password       = Sys.getenv("SALESFORCER_PASSWORD"),
    security_token = Sys.getenv("SALESFORCER_SECURITY_TOKEN")
  )
}

pull_closed_won <- function(from, to) {
  .sf_login()
  soql <- sprintf(
    "SELECT Id, Name, Amount, CloseDate, Account.Region__c, Loan_Product__c
       FROM Opportunity
      WHERE StageName = 'Closed Won' AND CloseDate >= %s AND CloseDate <= %s",
    from, to
  )
  sf_query(soql, object_name = "Opportunity", api_type = "Bulk 2.0")
}

write_to_warehouse <- function(df) {
  con <- dbConnect(
    RPostgres::Postgres(),
    host     = "dwh.baobabmf.internal",
    dbname   = "board_pack",
    user     = "rstudio_etl",
    password = "oek1v8bfEft"
  )
  on.exit(dbDisconnect(con))
  dbWriteTable(con, "closed_won_quarter", df, overwrite = TRUE)
}
