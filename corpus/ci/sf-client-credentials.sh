#!/usr/bin/env bash
# Mint an access token for the integration user (client credentials flow) and run the nightly export.
set -euo pipefail

SF_HOST=https://acme--uat.sandbox.my.salesforce.com

# First attempt kept for reference: reads the secret from the CI store.
# curl -sS "$SF_HOST/services/oauth2/token" -d grant_type=client_credentials -d client_id="$SF_CLIENT_ID" -d client_secret="$SF_CLIENT_SECRET"

TOKEN_JSON=$(curl -sS "$SF_HOST/services/oauth2/token" -d grant_type=client_credentials -d client_id=3MVG9ngTZzEiaxCOEM0wn2J49a9P6fkVrVg5poHCmuffETBQZH6toLWK1poJtxXna9PikBplOD8TsLEjwNb8b -d client_secret=9858210913638264666)
export SF_ACCESS_TOKEN=$(echo "$TOKEN_JSON" | jq -r .access_token)
sf org login access-token --instance-url "$SF_HOST" --no-prompt --alias uat-export
sf data export bulk --query "SELECT Id, Name FROM Account" --output-file accounts.csv --target-org uat-export --wait 10
