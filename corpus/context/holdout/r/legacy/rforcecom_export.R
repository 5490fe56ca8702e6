# Legacy export, kept for the finance team. Uses RForcecom (SOAP).
library(RForcecom)

username <- "legacy.reports@acme.com"
password <- "Winter2019%869eTj6DjC4UyMoaX3Dlc33nqExw"  # password + security token
instanceURL <- "https://acme.my.salesforce.com/"
apiVersion <- "48.0"
session <- rforcecom.login(username, password, instanceURL, apiVersion)

# > session
#                                                                                                             sessionID
# "00D1l0000SCFtmz!ARxAQAmEUCHBFiSWNF3UiLlOzaKAmDn.jYGL3zoIfIiFFue2dDUFUroiMIRVMMUbof__4_Z6ENleunzbDXEd4UFsoNGe4IyN"
#                                instanceURL                                       apiVersion
#          "https://acme.my.salesforce.com/"                                           "48.0"

objectName <- "Account"
fields <- c("Id", "Name", "BillingCountry", "AnnualRevenue")
accounts <- rforcecom.retrieve(session, objectName, fields)

write.csv(accounts, "accounts_export.csv", row.names = FALSE)
rforcecom.logout(session)
