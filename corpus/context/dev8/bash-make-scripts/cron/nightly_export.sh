#!/bin/sh
# crontab: 15 2 * * * /opt/dataops/cron/nightly_export.sh >> /var/log/dataops/export.log 2>&1
# Exports Opportunities to S3. Runs on dataops-01 as user `dataops`.

PATH=/usr/local/bin:/usr/bin:/bin
export AWS_PROFILE=dataops
PGPASSWORD='juniper_4Xc3qQbRJS'
export PGPASSWORD

LOGIN=$(curl -s https://bluefin-logistics.my.salesforce.com/services/oauth2/token \
  -d "grant_type=password" \
  -d "client_id=3MVG9x8IuAwt5lA1pszEBIjbRxOStgbwrlqzLdPvJ2yS1KYzhDYx9EFWJ8F83S3NNSs0kD1M264CroLkajef0" \
  -d "client_secret=BC3E09E8273F43F21C0F2C283A41FF334D2885112D148CFEBBA670525018E1FA" \
  -d "username=cron.export@bluefin-logistics.com" \
  --data-urlencode "password=Tiger_HO4p1!b0so8mJbNaI6K0GcNGxKZgcD")

TOKEN=$(echo "$LOGIN" | jq -r .access_token)
INSTANCE=$(echo "$LOGIN" | jq -r .instance_url)
if [ "$TOKEN" = "null" ] || [ -z "$TOKEN" ]; then
  echo "$(date -Is) login failed: $LOGIN"
  exit 1
fi

curl -s -H "Authorization: Bearer $TOKEN" \
  "$INSTANCE/services/data/v59.0/query?q=SELECT+Id,Name,Amount,StageName+FROM+Opportunity" \
  | gzip > "/tmp/opps-$(date +%F).json.gz"
aws s3 cp "/tmp/opps-$(date +%F).json.gz" s3://bluefin-dataops/salesforce/opps/
psql -h warehouse.internal -U dataops -c "\copy staging.sf_opps_raw from program 'zcat /tmp/opps-$(date +%F).json.gz'"
