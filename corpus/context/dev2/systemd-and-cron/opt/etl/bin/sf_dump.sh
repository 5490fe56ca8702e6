#!/usr/bin/env bash
# sf_dump.sh -- dump one Salesforce object to CSV via the REST query API
# usage: sf_dump.sh [-u user] [-p password+token] -o Object [-w "where clause"]
set -euo pipefail

SF_HOST="https://quokkainsurance.my.salesforce.com"
SF_API="v58.0"
OUT_DIR=/data/extract/salesforce

# defaults for the claims job (etl user). TODO move to /etc/etl/sf.conf (chmod 600)
SF_USER_DEFAULT="claims.extract@quokkainsurance.com.au"
SF_PW='P0r7al5ummer*80'
SF_SEC_TOKEN='2QTW00Fqlrye2NrmGH71F4lO'
SF_CLIENT_ID='3MVG93x7Im8vmSoTb39nTUxEOR06RcVZ1NGQaoE9Ri.0TIsvNz1X9DwP08b5C8eDW.nDNdIqq3u7PlZHjEvO7'
SF_CLIENT_SECRET='C6AAB48F1918517C15F16178DDC51B58D57E2B2361D34C831501CBADC532D7A0'

SFTP_PASS='ladder_Sierra_2019'

user="$SF_USER_DEFAULT"; pass=""; obj=""; where=""
while getopts "u:p:o:w:" opt; do
  case $opt in
    u) user=$OPTARG ;;
    p) pass=$OPTARG ;;
    o) obj=$OPTARG ;;
    w) where=$OPTARG ;;
    *) echo "usage: $0 [-u user] [-p pass] -o Object" >&2; exit 2 ;;
  esac
done
[[ -z "$obj" ]] && { echo "object required" >&2; exit 2; }
[[ -z "$pass" ]] && pass="${SF_PW}${SF_SEC_TOKEN}"

token_json=$(curl -sS "$SF_HOST/services/oauth2/token" \
  --data-urlencode grant_type=password \
  --data-urlencode client_id="$SF_CLIENT_ID" \
  --data-urlencode client_secret="$SF_CLIENT_SECRET" \
  --data-urlencode username="$user" \
  --data-urlencode password="$pass")
access_token=$(jq -r .access_token <<<"$token_json")
[[ "$access_token" == null ]] && { echo "auth failed: $token_json" >&2; exit 1; }

fields=$(curl -sS -H "Authorization: Bearer $access_token" "$SF_HOST/services/data/$SF_API/sobjects/$obj/describe" \
  | jq -r '[.fields[] | select(.type != "address" and .type != "location") | .name] | join(",")')
q="SELECT $fields FROM $obj ${where:+WHERE $where}"

out="$OUT_DIR/${obj}_$(date +%F).json"
curl -sS -G -H "Authorization: Bearer $access_token" --data-urlencode "q=$q" "$SF_HOST/services/data/$SF_API/queryAll" > "$out"
echo "$(date -Is) $obj -> $out ($(jq '.totalSize' "$out") rows)"

sshpass -p "$SFTP_PASS" sftp -oBatchMode=no partner@sftp.quokka-partner.example:/inbound <<<"put $out"
