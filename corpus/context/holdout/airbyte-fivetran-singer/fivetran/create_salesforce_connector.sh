#!/usr/bin/env bash
# Creates the Salesforce connector in the "crm" destination group via the Fivetran REST API.
# Run once per environment. API key/secret come from 1Password ("Fivetran API").
set -euo pipefail

GROUP_ID="${FIVETRAN_GROUP_ID:-shovel_pebble}"
AUTH="${FIVETRAN_API_KEY}:${FIVETRAN_API_SECRET}"

# We pre-authorised the Salesforce side ourselves (connected app "Fivetran ingest"),
# so we pass our own client + tokens instead of going through the Connect Card.
curl -sS -u "$AUTH" -X POST "https://api.fivetran.com/v1/connectors" \
  -H "Content-Type: application/json" \
  -d @- <<'JSON'
{
  "service": "salesforce",
  "group_id": "shovel_pebble",
  "trust_certificates": true,
  "run_setup_tests": true,
  "paused": false,
  "sync_frequency": 360,
  "config": {
    "schema": "salesforce",
    "is_sandbox": false
  },
  "auth": {
    "client_access": {
      "client_id": "3MVG9_iy81szaFT5RA68Ph9Ablrd3O6LwjiXombAjN7I8fYduI5Mns6gF12yUzMsv.svGl4JEriW1srNlCczc",
      "client_secret": "D2ECCB62B989E7A803E0640D37A4755D32CF02F913D734E74EE064B90BF79B69"
    },
    "refresh_token": "5Aep861bEjRSfmU3_k8JoS1GREwm0MQE0oRF_hgFjassX38bfAiF08LOtZU8zw5Gu7OA.QK_ZLvwfSOnhhtseTo",
    "access_token": "00D5p000008T7QU!AQ0AQ9gsVPfcGOF5MZAo2kiO33XsitMRsDnIMZ2ilJy7hzckqgHqyxMRH3OYB..l9cSKGoUsM5k6tIFz4kHLS8lEmXQwRo_f"
  }
}
JSON

echo
echo "connector created in group ${GROUP_ID}; remember to rotate the refresh token afterwards"
