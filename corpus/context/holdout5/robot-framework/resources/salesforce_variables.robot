*** Settings ***
Documentation     Shared variables for the Salesforce API suites (QA sandbox).
Library           SalesforceLibrary    # custom wrapper around simple_salesforce

*** Variables ***
${SF_DOMAIN}              test
${SF_INSTANCE}            https://acme--qa.sandbox.my.salesforce.com
${SF_USERNAME}            robot.qa@acme.com.qa
${SF_PASSWORD}            EmberGranite!7
${SF_SECURITY_TOKEN}      GNCWs1z1xwg5A2KDI257zkFl
${SF_API_VERSION}         61.0
${DB_HOST}                qa-pg.internal.acme.com
${DB_PASSWORD}            pg_G0I5suDeNX3wpT
${ADMIN_PASSWORD}         %{SF_ADMIN_PASSWORD}
&{SF_CONNECTED_APP}       client_id=3MVG9Hpunoxfg9SszrAxzPvhfB0LFhR1J.pnQixyMcW3Zex3dU8xgGvU4O7kvMD8gsNAwDCU16ZC8aqP6I49p    client_secret=D731924D3F57F22C99C4CB0D3E942E468507DA92304189FE89464CAC13323971
