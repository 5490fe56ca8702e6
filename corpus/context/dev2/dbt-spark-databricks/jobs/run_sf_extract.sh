#!/usr/bin/env bash
# Submit the Salesforce CDC backfill to the on-prem Spark cluster (YARN).
# Yamabuki Retail -- data-eng, run from edge01.
set -euo pipefail

EXEC_MEM=${EXEC_MEM:-6g}
DAY=${1:-$(date -d yesterday +%F)}

spark-submit \
  --master yarn \
  --deploy-mode cluster \
  --name "sf-backfill-${DAY}" \
  --executor-memory "${EXEC_MEM}" \
  --num-executors 8 \
  --conf spark.hadoop.fs.s3a.access.key=AKIAFYAMWMMDOOGAUYHZ \
  --conf spark.hadoop.fs.s3a.secret.key=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 \
  --conf spark.sql.shuffle.partitions=64 \
  --py-files deps.zip \
  sf_extract/main.py \
    --day "${DAY}" \
    --sf-login-url https://yamabuki.my.salesforce.com \
    --sf-username bigdata@yamabuki-retail.co.jp \
    --sf-password 'Wwk@T*Q68Ik?' \
    --sf-token 9LeBzxyBEvjaBXYKTT8hUEve \
    --objects Account,Contact,Order__c,Store_Visit__c \
    --out s3a://yamabuki-datalake/raw/salesforce/

echo "submitted backfill for ${DAY}"
