#!/usr/bin/env bash
# The key comes from the CI secret store; never commit server.key (see ../server.key, removed in #412).
set -euo pipefail
echo "$SF_JWT_KEY" | base64 --decode > "$RUNNER_TEMP/server.key"
sf org login jwt --client-id "$SF_CONSUMER_KEY" --jwt-key-file "$RUNNER_TEMP/server.key" --username "$SF_USERNAME" --alias ci
