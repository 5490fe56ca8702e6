@echo off
:: machine-level environment for the SF export box (BI-01). Run elevated, once.
:: after running, log off/on the svc account so the scheduled task picks the values up.

setx /M SFDC_USERNAME "integration@initech.com"
setx /M SFDC_PASSWORD "apiIntegration_57"
setx /M SFDC_TOKEN "9fmZdoyEdNatqImnjzYS60wY"
setx /M SFDC_LOGIN_URL "https://login.salesforce.com"

:: used by the sf CLI steps (metadata backup on Sundays)
setx /M SFDX_AUTH_URL "force://PlatformCLI::5Aep861331IHDh7s2Fh7gMGQH_0oYjQx04EW8cZDy8cLqHLKg0d5CCNhQmZ.7BBTLWVV1v7dPQXD7xBY46flBV_@initech.my.salesforce.com"
setx /M SF_DISABLE_TELEMETRY "true"
setx /M SF_CONSUMER_SECRET "C9978C358028B7AF2FE3CE0556F0C5CBF7FB2C2AA66A66056974983CF0038AEA"

:: jira ticket on failure
setx /M JIRA_USER "bi-bot@initech.com"
setx /M JIRA_API_TOKEN "ATATT3xFfGF0pw5_eMuvH4CFnbpgsA-TErpjzcCmFJNkt7U-migk1OxcGKnCpYYPVGX3xncqGmG_aNVo2dW5gIYWnIs-ULQPbgSQUZcw2k3o4kep304gmkmFF1jNMYNDYtf9eFMk3MoV3u7ZCmP9TdP1lpdsiE_ZlbuOzEzNdI2uUDDyqeJ-lc8NtJyfI06E=16682FCE"

:: UAT: uncomment and run from the UAT box instead
:: setx /M SFDC_PASSWORD "%UAT_SFDC_PASSWORD%"
:: setx /M SFDC_LOGIN_URL "https://test.salesforce.com"

echo done.
