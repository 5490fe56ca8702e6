#!/bin/sh
# Fetch a Marketing Cloud access token for manual API testing.
curl -s -X POST "https://mc8iwp7f87h3yt5z7nlpodnp9z8s.auth.marketingcloudapis.com/v2/token" \
  -H 'Content-Type: application/json' \
  -d '{"grant_type":"client_credentials","client_id":"j6ig3zeuen11f2oeww28cpds","client_secret":"jxfnrEpNIXkUxLZoy0Lcvtpj","scope":"data_extensions_read journeys_read"}' | jq .
