"""Nightly S3 backup using boto2 (legacy)."""
import boto
import boto.s3.connection

conn = boto.s3.connect_to_region(
    'eu-west-1',
    aws_access_key_id='ASIARG2UFPJDBFKPTV5A',
    aws_secret_access_key='4A2dGtX6H8MsFSF6zPJWEAtpCyxFtu13L3QaveyP',
    security_token='FwoGZXIvYXdzE+xtcrlQRqNxSkT6Eqg+KXTAiJzGyy3mpa2eCDqDFQKnoFLMuWsSNt8WZELit3mUqQLgOr90oTMgzoFMcPoB/DPCc/vBNFPA8dX9hYFWjcjr63hPN7TMYM8Z2kWZoB0ZTfugLv48G03fYoCb7N8pOia2r3RUk+yA/Z8xUYnsQPVnET7tEgzT+1/6FnWFpEyTGE41O0MJWlx8MRjuife9Zz8/j/4NFJ9VCasU+lvq88ux46vOt2NZlx+7XZIZm9hnXDXDt31+GiNBMl3fXWQ1ncPvBGqf4V9ZWklLfzyXV8OaQEuzNPV4vGu9ElBoncKtvY4fAQUT1psS3mTGeZ2SPJbn+ZTNBbX+I',
)
bucket = conn.get_bucket('acme-backups')
