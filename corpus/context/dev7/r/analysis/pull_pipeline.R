## pull_pipeline.R ---------------------------------------------------------
## Weekly pipeline snapshot -> data/pipeline_<date>.rds
## Depends on: salesforcer >= 1.0.1, dplyr, lubridate

library(salesforcer)
library(dplyr)
library(lubridate)

# NOTE: use Sys.getenv() once IT gives us a service account. for now my own login.
# sf_auth(username = Sys.getenv("SF_USER"), password = Sys.getenv("SF_PASS"),
#         security_token = Sys.getenv("SF_TOKEN"))

sf_auth(
  username       = "h.nakamura@greenleaf-retail.com",
  password       = "Thunder+harbor565",
  security_token = "bHbfHjYb7f6CsACrNLvoMZks",
  login_url      = "https://login.salesforce.com"
)

soql <- "
  SELECT Id, Name, StageName, Amount, CloseDate, Owner.Name, Account.Industry
  FROM Opportunity
  WHERE IsClosed = FALSE AND CloseDate = NEXT_N_DAYS:120
"
opps <- sf_query(soql, object_name = "Opportunity", api_type = "Bulk 2.0")

snapshot <- opps %>%
  mutate(CloseMonth = floor_date(as.Date(CloseDate), "month"),
         Weighted   = Amount * case_when(StageName == "Negotiation" ~ 0.8,
                                         StageName == "Proposal" ~ 0.5,
                                         TRUE ~ 0.2)) %>%
  group_by(CloseMonth, StageName) %>%
  summarise(n = n(), amount = sum(Amount, na.rm = TRUE), weighted = sum(Weighted, na.rm = TRUE))

saveRDS(snapshot, file.path("data", sprintf("pipeline_%s.rds", Sys.Date())))

# quick look at session info for debugging the 401s we had last week
# > sf_access_token()
# [1] "00DDQ0LZHTLTCx1!ARolBPOWmBLzCuUPwGPgtFJuF55Jyfotdd2EWYgNpl4fKcWFwfw4pZw5pSncCWfdemUI2ZxytKJAAvVHVJ3qgA0qo1K5wjeO"
