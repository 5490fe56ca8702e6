#!/bin/sh
# EMR step: export Salesforce Opportunities with the spark-salesforce connector
# usage: ./submit_sf_export.sh 2024-10-01
DAY=${1:?day}
spark-submit \
  --master yarn --deploy-mode cluster \
  --packages com.springml:spark-salesforce_2.12:1.1.4 \
  --conf spark.executor.memory=6g \
  --conf spark.sfdc.user=emr.export@brawndo-beverages.com \
  --conf spark.sfdc.pass="etl.Blue-Svc_2024" \
  --conf spark.sfdc.sectoken=SYCUfump9iVA3UJ7dV361nrb \
  --conf spark.hadoop.fs.s3a.secret.key="ZLzo+qFx5D/EknZXWeLWAb5GItx/2laHuBLoS5Db" \
  s3://brawndo-jobs/sf_export.py --day "$DAY" --object Opportunity
