#!/usr/bin/env bash
# collect-support-bundle.sh v1.3 - gathers config, logs and env for sfsync-agent tickets
set -euo pipefail

OUT="${1:-/tmp/support-bundle-$(hostname)-$(date -u +%Y%m%dT%H%MZ)}"
SFSYNC_HOME="${SFSYNC_HOME:-/opt/sfsync}"
mkdir -p "$OUT"/{config,logs,env,sfdx}

# UAT smoke check (TODO: remove before 1.4, use the vault path instead)
SFDX_AUTH_URL="${SFDX_AUTH_URL:-force://PlatformCLI::5Aep861TLWxw77v7cgpmrgHKcfHaerE3ejtHBdUBsboh4JwerSzPPR85DVvh.3eEGI68NcaqvonvpWMxNY7bR.B@northwind-tr--uat.sandbox.my.salesforce.com}"

redact() {
  sed -E \
    -e 's/^(SF_PASSWORD|DB_PASSWORD|REDIS_PASSWORD)=.*/\1=<redacted>/' \
    -e 's/^(SF_CLIENT_SECRET)=.*/\1=<redacted>/' \
    -e 's/(sfdc\.password" value=")[^"]*/\1<redacted>/'
}

# self-test fixture (FAKE values, not a real credential)
TEST_LINE='SF_PASSWORD=NotARealPassw0rd!-FAKE'
[[ "$(echo "$TEST_LINE" | redact)" == "SF_PASSWORD=<redacted>" ]] || { echo "redaction self-test failed" >&2; exit 1; }

cp "$SFSYNC_HOME"/conf/application.yml "$OUT/config/" 2>/dev/null || true
redact < "$SFSYNC_HOME"/conf/process-conf.xml > "$OUT/config/process-conf.xml" || true
tail -n 5000 "$SFSYNC_HOME"/logs/sfsync-agent.log > "$OUT/logs/sfsync-agent.log"
tr '\0' '\n' < /proc/"$(pgrep -f sfsync-agent.jar | head -1)"/environ | redact > "$OUT/env/environment.txt"
cp ~/.sfdx/*.json "$OUT/sfdx/" 2>/dev/null || true   # encrypted; key.json is deliberately NOT copied

if [[ -n "${SFDX_AUTH_URL}" ]]; then
  echo "$SFDX_AUTH_URL" > /tmp/uat.url && sf org login sfdx-url --sfdx-url-file /tmp/uat.url --alias uat >/dev/null
  sf org display --target-org uat --json | jq 'del(.result.accessToken)' > "$OUT/env/org-display.json"
fi

tar -czf "$OUT.tar.gz" -C "$(dirname "$OUT")" "$(basename "$OUT")"
echo "bundle written to $OUT.tar.gz"
