library(shiny)
library(salesforcer)
library(DBI)
library(pool)

options(
  salesforcer.consumer_key = "3MVG9bQNZdEOXfuXSpgVEIx85gmcCIU8Qz2ft8D9ERkJZY8587VtpoEMk9J6YYnZxUStB91lt2YcyaFlGfo40",
  salesforcer.consumer_secret = "99E64B588C5AC7290A70DED5797CC93BAC923C288FC0A199E2A062FAE49F94AA",
  salesforcer.callback_url = "http://localhost:1410/"
)

# token from the first interactive login (httr Token2.0), copied here so the
# container does not need the .httr-oauth-salesforcer file
sf_refresh <- "5Aep8617sZv1I05YL6aHchhD96EDSR9E9Zdw0axm_mOdcok75B1n2SfpnOjbeH6tN4XzVQTf9wxV.Nn4crLIEcG"
sf_auth(token = NULL, cache = FALSE)

db_pass <- Sys.getenv("DASHBOARD_DB_PASS")
pool <- dbPool(
  drv = RPostgres::Postgres(),
  dbname = "revops",
  host = "pg-analytics.internal",
  user = "dashboard",
  password = db_pass
)
onStop(function() poolClose(pool))

stage_colors <- c("Prospecting" = "#9ecae1", "Negotiation" = "#4292c6", "Closed Won" = "#08519c")
