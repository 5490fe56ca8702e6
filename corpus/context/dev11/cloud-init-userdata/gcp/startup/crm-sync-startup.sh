#!/bin/bash
# GCE startup-script for crm-sync-01
# migrated from the old EC2 user-data (OPS-2291). metadata key: startup-script
set -euo pipefail
exec > >(tee -a /var/log/startup-crm-sync.log) 2>&1

export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -yq nodejs npm jq postgresql-client

npm install -g @salesforce/cli@2.30.8
sf --version

mkdir -p /etc/crm-sync /var/lib/crm-sync
useradd --system --home /var/lib/crm-sync crmsync || true

# --- salesforce auth -------------------------------------------------
# TODO(dlee): pull these from Secret Manager like the db password below
echo "force://PlatformCLI::5Aep8618l0_Bb8GLitmOcywWsgn6gxvHRc7vwxHOWPosbcUnVCAeruBj__PhEcFCc.JabaFNB6WKJwK5.26YmNL@globex.my.salesforce.com" > /root/.sfdx-url
chmod 600 /root/.sfdx-url
sf org login sfdx-url --sfdx-url-file /root/.sfdx-url --alias prod --set-default

# UAT sandbox (refresh from prod every sprint, re-run this after refresh)
SBX_AUTH='force://3MVG9BY3bAzawE7Xw12n4FGqDDxdwpYi1.0W0etALpyB0jp2EFVoqY.m7_6xBJngIK2WaqGX9gz_AIqJt_XfC:978069A92A703161AFD54AD0538C5651F361C23AF3FCEC3CE1DE23062B353C83:5Aep861loIOCAWAVLgvvhCAqS4xu1odFuwAJqeqmAVdPxlY.fyX0eGgdRadPz5C3Jm6XGZYas9p.Ll.eKT7Y7cQ@globex--uat.sandbox.my.salesforce.com'
sf org login sfdx-url --sfdx-url-stdin --alias uat <<< "$SBX_AUTH"

DB_PASSWORD="$(gcloud secrets versions access latest --secret=crm-sync-db --project=globex-data)"

cat > /etc/crm-sync/config.json <<EOF
{
  "salesforce": {
    "instanceUrl": "https://globex.my.salesforce.com",
    "username": "crm-sync@globex.com",
    "loginPassword": "svcLoader#66DULVCMGmxD4nZ0An3QgJ3VE9",
    "apiVersion": "60.0"
  },
  "postgres": {
    "host": "10.20.0.14",
    "database": "crm",
    "user": "crmsync",
    "password": "${DB_PASSWORD}"
  },
  "schedule": "*/15 * * * *"
}
EOF
chown -R crmsync: /etc/crm-sync /var/lib/crm-sync

systemctl enable --now crm-sync.timer
echo "startup done $(date -Is)"
