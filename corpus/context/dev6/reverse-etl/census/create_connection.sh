#!/usr/bin/env bash
# Creates the Salesforce destination in Census via the Management API.
# usage: ./create_connection.sh <workspace-id>
set -euo pipefail

WORKSPACE_ID="${1:?workspace id}"
CENSUS_API="https://app.getcensus.com/api/v1"
CENSUS_TOKEN="secret-token:3WTZI3BciXsygNp0u4mG0I0NGrRDzselK82HeB6m"

SF_USER="census@acme.com"
# password and security token concatenated, as Census expects for username/password auth
SF_PASS_AND_TOKEN='Summer2024?gceZOXAxSXM2dpsIiCrCqIUF'

curl -sS -X POST "$CENSUS_API/destinations" \
  -H "Authorization: Bearer $CENSUS_TOKEN" \
  -H "Content-Type: application/json" \
  -d @- <<JSON
{
  "service_connection": {
    "name": "Salesforce (prod)",
    "type": "salesforce",
    "credentials": {
      "instance_url": "https://acme.my.salesforce.com",
      "username": "$SF_USER",
      "password": "$SF_PASS_AND_TOKEN",
      "sandbox": false
    }
  }
}
JSON

echo "created destination in workspace $WORKSPACE_ID"
