# prod values -- DO NOT COMMIT (ha)
aws_region      = "us-east-1"
environment     = "prod"
sf_client_id    = "3MVG9wJwbrVttQx4LjdWsOlOoiwGtKu8zArW0FfmC7z.YDT0iJBP0V4zM4FveucAjnucuXMCRo2wMDUeseLzv"
sf_client_secret = "9B655FF9AE46B65F5F672DE9BAFD042D3EDC6EBBEFAE8E29AD8A0B664D3C55F8"
sf_login_url    = "https://login.salesforce.com"
sf_api_version  = "59.0"

# old user/pass flow for the reporting lambda
sfdc_username   = "reports@acme.com"
sfdc_password   = "Puffin_VwsY5k?3zqqwYZWPztzMSJYkycFdh6I"

datadog_api_key = "50864a9e0ec6c5aa7129a5b3a28cb6f8"
pagerduty_token = ""

tags = {
  team  = "revops-eng"
  owner = "jlee"
}
