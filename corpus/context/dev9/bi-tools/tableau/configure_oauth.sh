#!/bin/bash
# Tableau Server: register the Salesforce connected app so users can
# sign in to Salesforce data sources with OAuth (saved credentials).
# Run on the initial node as a TSM admin.
set -e

# connected app "Tableau Server PROD" in acme.my.salesforce.com
tsm configuration set -k oauth.salesforce.client_id -v "3MVG9CfDrFXbSeqgVXDsepmBXMoKvhONAkJIjS8V64GSsv0S88YmXfJIHwiwsJCkIfA_U92QPQRbW2QBCPNkg"
tsm configuration set -k oauth.salesforce.client_secret -v "6B6155FD9AD4C1E8845592AA8F0E4893A16B8DC50AAD889A6598C1907B35D246"
tsm configuration set -k oauth.salesforce.redirect_uri -v "https://tableau.acme.com/auth/add_oauth_token"
tsm pending-changes apply --ignore-prompt

# publish with tabcmd using a personal access token
TABLEAU_PAT_NAME="ci-publisher"
TABLEAU_PAT_SECRET="ea8S5iQjNwG9AHjaRBEQkAkG5vygZ7IAifdSVX4LdOfgM7mqlYk=:fe1559b4310038a821cc83e4f34cf1a5"
tabcmd login -s https://tableau.acme.com --token-name "$TABLEAU_PAT_NAME" --token-value "$TABLEAU_PAT_SECRET"
tabcmd publish "Salesforce Pipeline.tds" -o --db-username tableau.reader@acme.com --db-password "$SF_PASSWORD$SF_TOKEN" --save-db-password
