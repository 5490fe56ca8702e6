#!/usr/bin/env bash
# Wrapper used by the old Bamboo plan to run the Force.com Migration Tool.
set -euo pipefail

ANT_OPTS="-Xmx1024m"
SF_USER="ant.nightly@acme.com"
SF_PASS='Junip3r+451'
SF_TOKEN='D8dHlC3IQHAnlSjgmxUdmKZS'
ARTIFACTORY_PASSWORD='mysql_PVten5EJYf7dmR'

ant -lib lib/ant-salesforce.jar \
    -Dsf.username="$SF_USER" \
    -Dsf.password="$SF_PASS$SF_TOKEN" \
    -Dsf.serverurl=https://login.salesforce.com \
    deployCheckOnly

curl -u "deployer:$ARTIFACTORY_PASSWORD" -T build/metadata.zip \
    "https://artifactory.acme.com/artifactory/sf-releases/metadata-$(date +%Y%m%d).zip"
