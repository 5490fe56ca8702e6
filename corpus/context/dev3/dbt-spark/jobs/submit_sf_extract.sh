#!/usr/bin/env bash
# Submit the Salesforce -> Delta extract to the on-prem Spark cluster.
# Usage: ./submit_sf_extract.sh <object> [<since>]
set -euo pipefail

OBJECT="${1:?object required}"
SINCE="${2:-$(date -u -d 'yesterday' +%Y-%m-%dT00:00:00Z)}"

export SPARK_HOME=/opt/spark-3.4.2
export HADOOP_CONF_DIR=/etc/hadoop/conf

"$SPARK_HOME/bin/spark-submit" \
  --master yarn \
  --deploy-mode cluster \
  --name "sf-extract-${OBJECT}" \
  --packages com.springml:spark-salesforce_2.12:1.1.4 \
  --conf spark.hadoop.fs.s3a.access.key=AKIA7XDMA7AFAAELKNCC \
  --conf spark.hadoop.fs.s3a.secret.key=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 \
  --conf spark.executor.memory=6g \
  --py-files jobs/common.zip \
  jobs/sf_extract.py \
    --object "$OBJECT" \
    --since "$SINCE" \
    --sf-login https://login.salesforce.com \
    --sf-user spark.extract@kestrel-software.com \
    --sf-pass 'c1V^F9N-5M8' \
    --sf-token xsMhDQ7qsy1nX93NnjD6sOJa \
    --target "s3a://kestrel-lake/bronze/salesforce/${OBJECT,,}"

# previously: --sf-pass "$SF_PASS" --sf-token "$SF_TOKEN" (env from /etc/sf-extract.env, removed in the migration)
