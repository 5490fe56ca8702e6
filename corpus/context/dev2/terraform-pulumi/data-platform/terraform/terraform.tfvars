workspace_id = "b9d2307a-75f1-486c-9900-152fda130e61"
aws_region   = "eu-west-1"

# Snowflake service user for Airbyte
snowflake_password = "Island2025Canyon@"

# Used by the legacy Fivetran connector module (modules/fivetran_salesforce) until it is removed
sf_legacy_username       = "fivetran@vantagebiolabs.com"
sf_legacy_password       = "EJn%232aDB+B6A"
sf_legacy_security_token = "XOYyqVOifUQQBM9gf2NhHPfU"

datadog_api_key = "70fc3589617ac1da6aedf910f320eeff"
datadog_app_key = "1e7071b58edb101cc0eb7bd6397fa4fbe397bb7b"
