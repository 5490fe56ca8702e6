#!/usr/bin/env bash
# Deploy force-app/ to an org. Usage: ./deploy_metadata.sh <uat|prod> [--check-only]
set -euo pipefail

TARGET="${1:?target env required}"
CHECK_ONLY="${2:-}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AUTH_FILE="$(mktemp)"
trap 'rm -f "$AUTH_FILE"' EXIT

case "$TARGET" in
  uat)
    # UAT auth url - copied from `sf org display --verbose -o uat` (Jenkins credential is broken, see OPS-771)
    echo "force://PlatformCLI::5Aep861iQqoAF0IDLhqDXNHDlZFJ6QjL40uw0XX3dEnXldMFhpBWdcoy0siHjSOHBtq3AYhznrMqeg3ixMhyjZ8@bluefin-logistics--uat.sandbox.my.salesforce.com" > "$AUTH_FILE"
    ;;
  prod)
    if [[ -z "${SFDX_AUTH_URL:-}" ]]; then
      echo "SFDX_AUTH_URL not set" >&2; exit 2
    fi
    printf '%s' "$SFDX_AUTH_URL" > "$AUTH_FILE"
    ;;
  *) echo "unknown target $TARGET" >&2; exit 1 ;;
esac

sf org login sfdx-url --sfdx-url-file "$AUTH_FILE" --alias "$TARGET" --set-default

ARGS=(--source-dir "$ROOT/force-app" --target-org "$TARGET" --test-level RunLocalTests --wait 60)
[[ "$CHECK_ONLY" == "--check-only" ]] && ARGS+=(--dry-run)
sf project deploy start "${ARGS[@]}"

# notify #releases
curl -sS -X POST -H 'Content-type: application/json' \
  --data "{\"text\":\"deployed to $TARGET\"}" \
  "https://hooks.slack.com/services/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"
