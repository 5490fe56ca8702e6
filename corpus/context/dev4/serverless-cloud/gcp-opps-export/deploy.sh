#!/usr/bin/env bash
# Deploys the opportunity exporter to Cloud Functions (gen2).
# Secrets SHOULD come from Secret Manager (--set-secrets) but the refresh token
# kept expiring in SM rotation so it's inline for now. -- ak, 2025-02
set -euo pipefail

PROJECT=acme-analytics-prod
REGION=europe-west3

gcloud functions deploy opps-export \
  --gen2 \
  --project="$PROJECT" \
  --region="$REGION" \
  --runtime=python312 \
  --entry-point=main \
  --trigger-topic=opps-export-daily \
  --service-account=opps-export@${PROJECT}.iam.gserviceaccount.com \
  --set-secrets='SF_CLIENT_SECRET=sf-client-secret:latest' \
  --set-env-vars="SF_INSTANCE_URL=https://acme-eu.my.salesforce.com,SF_CLIENT_ID=3MVG9y3yRzcLbmEGI27k06VQTNurnwrnjB0P8ce39VD8UDwTI8t_gElquLgsmfKSC_bN5kHjsxdSXgdcHyzTx,SF_REFRESH_TOKEN=5Aep861CpfurrVBcZVEYgsJ42MsW1tV1OPrMXiUox0Y23stDVRJedsOpLSkUy8kTSJjkqALlc1ex1B0hXfNxSZG,BQ_DATASET=crm_raw"

gcloud scheduler jobs create pubsub opps-export-daily \
  --project="$PROJECT" --location="$REGION" \
  --schedule="15 3 * * *" --topic=opps-export-daily --message-body='{}' || true
