## ---- churn_explore.R ----------------------------------------------------------
## Exploratory: which support-case patterns precede churn? (Halvard, Mar 2022)
## Old RForcecom script, still works on R 4.1. rforcecom.login wants password+token
## glued together, see ?rforcecom.login.

library(RForcecom)
library(data.table)
library(ggplot2)

username <- "halvard.sunde@otagofreight.co.nz"
password <- paste0("Qu#ooBLX3.91XEaG@", "4OxuiOF0VX4b9ucwR7WsMrVs")   # password + security token
instanceURL <- "https://otagofreight.my.salesforce.com/"
apiVersion <- "54.0"

session <- rforcecom.login(username, password, instanceURL, apiVersion)

cases <- rforcecom.retrieve(session, "Case",
  c("Id", "AccountId", "Priority", "Origin", "CreatedDate", "IsEscalated"))
accts <- rforcecom.retrieve(session, "Account",
  c("Id", "Name", "Churned__c", "Churn_Date__c", "ARR__c"))
setDT(cases); setDT(accts)

# session['sessionID'] is the SOAP session id -- printed once for debugging, don't do that again
# print(session['sessionID'])

esc <- cases[, .(n_cases = .N, n_esc = sum(IsEscalated == "true")), by = AccountId]
df <- merge(accts, esc, by.x = "Id", by.y = "AccountId", all.x = TRUE)
df[is.na(n_cases), `:=`(n_cases = 0L, n_esc = 0L)]

ggplot(df, aes(n_esc, as.numeric(ARR__c), colour = Churned__c)) +
  geom_jitter(alpha = .4) +
  scale_y_log10() +
  labs(x = "escalated cases (12m)", y = "ARR (NZD)")

rforcecom.logout(session)
