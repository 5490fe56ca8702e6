# prod.tfvars -- applied from the ops laptop, NOT from CI (CI uses TF_VAR_* from Vault)
environment     = "prod"
aws_region      = "eu-central-1"
vpc_cidr        = "10.40.0.0/16"
instance_type   = "t3.large"

# ---- heroku (legacy marketing app)
heroku_email    = "ops@acme-corp.com"
heroku_api_key  = "77f478b9-109f-4751-bcd9-d50cef57f10c"

# ---- salesforce integration user for the mulesoft replacement lambda
sfdc_instance_url    = "https://acme-corp.my.salesforce.com"
sfdc_username        = "lambda-int@acme-corp.com"
sfdc_password        = "integration-Harbor-202065"
sfdc_security_token  = "x8tgFsYyPBS6bL0f3GUEKaLZ"
sfdc_api_version     = "60.0"

# ---- datadog
datadog_api_key = "93f39c384072cdfa39c26d373dd7df1b"
datadog_app_key = "a0712a91b89d62ffe11196853d816f740d229da5"

tags = {
  owner       = "platform"
  cost-center = "cc-4410"
}
