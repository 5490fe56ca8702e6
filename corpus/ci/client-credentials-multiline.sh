#!/bin/sh
# mint a token for the nightly export
curl -sS -X POST https://acme.my.salesforce.com/services/oauth2/token \
  -d 'grant_type=client_credentials' \
  -d 'client_id=3MVG9rskzlafRuOr_h.x7ZpYtsCQAB.T8SerkVdwErAh.D6_sc6_Dh8dUdhsHbOOp3pW7aKl3yTeVjWJQwdQK' \
  -d 'client_secret=64545FC33E68A851FE87687210971A033D6B2888AD5F6D0B824D4BE761B2876D' | jq -r .access_token
curl -sS -X POST https://acme.my.salesforce.com/services/oauth2/token \
  -d 'grant_type=client_credentials' \
  -d "client_id=$SF_CLIENT_ID" \
  -d "client_secret=$SF_CLIENT_SECRET"
