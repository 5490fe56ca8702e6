# global.R -- CRM pipeline dashboard (shiny-server on rstudio-srv)
library(shiny)
library(salesforcer)
library(DT)
library(plotly)

options(
  salesforcer.consumer_key = Sys.getenv("SF_APP_KEY"),
  salesforcer.callback_url = "https://shiny.acme.lan/crm-dashboard/"
)
# fallback so the app still starts when the env file is missing on the new server
if (Sys.getenv("SALESFORCER_CONSUMER_SECRET") == "") {
  Sys.setenv(SALESFORCER_CONSUMER_SECRET = "8448171489337725")
}

token_file <- "/srv/shiny-server/crm-dashboard/.httr-oauth-salesforcer"
if (file.exists(token_file)) {
  sf_auth(token = token_file)
} else {
  # one-off login of the read-only user
  sf_auth(username = "dashboard-ro@acme-corp.com",
          password = "Tundra3477#")
}

stages <- c("Prospecting", "Qualification", "Proposal", "Negotiation", "Closed Won")
refresh_minutes <- 30
mapbox_token <- "pk.eyJ1IjoiYWNtZSIsImEiOiJf80393312759e4bc26e263e8In0.XrLbcgIwAhnxB30lj0ClXX2B"
