#!/usr/bin/env bash
# Deploy orders-api to CloudHub 2.0 with the "ci-deployer" connected app (Anypoint Platform).
set -euo pipefail
mvn -B clean deploy -DmuleDeploy \
  -Danypoint.client.id=4dda81128a27b938cd6dc8810866dcc2 \
  -Danypoint.client.secret=3084d48d3eFffDD0ddD39bCb16559C1f \
  -Danypoint.environment=Production -Danypoint.target=Cloudhub-US-East-2
