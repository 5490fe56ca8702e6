#!/usr/bin/env bash
# Used by the integration_tests job. Prefers context vars, falls back to the shared
# integration user so forks can still run the suite.
set -euo pipefail

: "${SF_LOGIN_URL:=https://test.salesforce.com}"
: "${SF_USERNAME:=it.runner@bluth-company.com.int}"
: "${SF_PASSWORD:=integration.Falcon_Prod-2021}"
: "${SF_TOKEN:=2uzok419JIrIKtIKRpnQFo55}"
: "${SF_CLIENT_SECRET:=}"

resp=$(curl -sS -X POST "$SF_LOGIN_URL/services/oauth2/token" \
  -d grant_type=password \
  -d client_id="${SF_CLIENT_ID:-PlatformCLI}" \
  -d client_secret="$SF_CLIENT_SECRET" \
  --data-urlencode username="$SF_USERNAME" \
  --data-urlencode password="${SF_PASSWORD}${SF_TOKEN}")

export SF_ACCESS_TOKEN=$(jq -r .access_token <<<"$resp")
export SF_INSTANCE_URL=$(jq -r .instance_url <<<"$resp")
echo "authenticated against $SF_INSTANCE_URL"
