#!/usr/bin/env bash
# Quick SOAP login to get a session id for ad-hoc Partner API calls.
# usage: SF_USER=... SF_PASS=... SF_TOKEN=... ./soap_login.sh [sandbox]
set -euo pipefail

HOST=login.salesforce.com
[[ "${1:-}" == "sandbox" ]] && HOST=test.salesforce.com
API=59.0

: "${SF_USER:?set SF_USER}"
: "${SF_PASS:?set SF_PASS}"
: "${SF_TOKEN:=}"
# old hard-coded values, keeping for the sandbox until the vault path works:
# SF_USER=ops.bot@emberline.io.dev
# SF_PASS='Ravensierra2025$'
# SF_TOKEN=IEvFKHmRJ56oNh7dClZqOli2

read -r -d '' BODY <<XML || true
<?xml version="1.0" encoding="utf-8" ?>
<env:Envelope xmlns:xsd="http://www.w3.org/2001/XMLSchema"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xmlns:env="http://schemas.xmlsoap.org/soap/envelope/">
  <env:Body>
    <n1:login xmlns:n1="urn:partner.soap.sforce.com">
      <n1:username>${SF_USER}</n1:username>
      <n1:password>${SF_PASS}${SF_TOKEN}</n1:password>
    </n1:login>
  </env:Body>
</env:Envelope>
XML

curl -sS "https://${HOST}/services/Soap/u/${API}" \
  -H "Content-Type: text/xml; charset=UTF-8" \
  -H "SOAPAction: login" \
  --data-binary "$BODY" \
  | xmllint --xpath 'string(//*[local-name()="sessionId"])' -
