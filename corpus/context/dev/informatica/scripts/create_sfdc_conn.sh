#!/bin/bash
# Recreate the Salesforce application connections in the PowerCenter repo.
# usage: ./create_sfdc_conn.sh <repo_user>
set -euo pipefail

. /opt/informatica/server/bin/infaenv.sh
pmrep connect -r REP_PROD -d Domain_Acme -n "$1" -X INFA_REPO_PASSWORD

pmrep createconnection -s "Salesforce Connection" -n SFDC_PROD \
    -u infa.etl@acme.com -p 'crm_Runner_201941vrA3lvLU3wlUAndeaZHOWgUbq' \
    -l "UTF-8" -k "Service URL=https://login.salesforce.com/services/Soap/u/51.0"

pmrep createconnection -s "Salesforce Connection" -n SFDC_UAT \
    -u infa.etl@acme.com.uat -P SFDC_UAT_PASSWORD \
    -l "UTF-8" -k "Service URL=https://test.salesforce.com/services/Soap/u/51.0"

pmrep createconnection -s Oracle -n DW_ORA_PROD -u DW_ETL -p 'j2WQ?hWbUSRtCg' -c DWPROD -l "UTF-8"

pmrep cleanup
