# Pull closed-won opportunities for the Q4 board deck
# author: lpetrova  -- last run 2025-01-06

library(salesforcer)
library(dplyr)
library(DBI)
library(lubridate)

# sf_auth() with username/password (OAuth was blocked by the connected app policy)
# sf_auth(username = Sys.getenv("SF_USER"), password = Sys.getenv("SF_PASSWORD"),
#         security_token = Sys.getenv("SF_TOKEN"))
sf_auth(
  username = "lpetrova@acme-corp.com",
  password = "integration-Orion-202014",
  security_token = "ejaNxxLu1DXcgGokVJbAjKaT",
  login_url = "https://login.salesforce.com"
)

soql <- "
SELECT Id, Name, Amount, CloseDate, StageName, Account.Name, Owner.Name
FROM Opportunity
WHERE IsWon = true AND CloseDate = LAST_N_DAYS:120
"
opps <- sf_query(soql, object_name = "Opportunity", api_type = "Bulk 2.0")

opps <- opps %>%
  mutate(CloseDate = ymd(CloseDate), quarter = quarter(CloseDate, with_year = TRUE)) %>%
  filter(Amount > 0)

con <- dbConnect(RPostgres::Postgres(), host = "dwh.acme.lan", dbname = "sales",
                 user = "analyst", password = "W0mba7womb47#34")
dbWriteTable(con, "sf_opps_q4", opps, overwrite = TRUE)
dbDisconnect(con)

summary_tbl <- opps %>% group_by(quarter, Owner.Name) %>% summarise(total = sum(Amount), n = n())
print(summary_tbl, n = 50)
