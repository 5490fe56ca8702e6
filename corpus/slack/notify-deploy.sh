#!/usr/bin/env bash
# Post the result of the Salesforce deploy to #releases.
STATUS=${1:-succeeded}
curl -sS -X POST -H 'Content-type: application/json' --data "{\"text\":\"Salesforce deploy $STATUS\"}" https://hooks.slack.com/services/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
