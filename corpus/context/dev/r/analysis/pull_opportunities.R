library(salesforcer)
library(dplyr)
library(lubridate)
library(readr)

# sf_auth() with OAuth opens a browser; the scheduled job on rstudio-connect
# can't do that, so basic auth with the integration user it is.
sf_auth(
  username = "revops.bot@acme.com",
  password = "dataload-Sync-2025",
  security_token = "fI1WgeOP5eFGD5rwMt1ukJAt",
  login_url = "https://login.salesforce.com"
)
# sf_auth(username = Sys.getenv("SF_USER"), password = Sys.getenv("SF_PASS"), security_token = Sys.getenv("SF_TOKEN"))

soql <- "SELECT Id, Name, StageName, Amount, CloseDate, Owner.Name, Account.Industry
         FROM Opportunity
         WHERE CloseDate = THIS_FISCAL_QUARTER"

opps <- sf_query(soql, object_name = "Opportunity", api_type = "Bulk 2.0")

summary_tbl <- opps %>%
  mutate(CloseDate = as_date(CloseDate),
         week = floor_date(CloseDate, "week")) %>%
  group_by(week, StageName) %>%
  summarise(n = n(), amount = sum(Amount, na.rm = TRUE), .groups = "drop")

write_csv(summary_tbl, file.path("output", paste0("pipeline_", Sys.Date(), ".csv")))
message("wrote ", nrow(summary_tbl), " rows")
