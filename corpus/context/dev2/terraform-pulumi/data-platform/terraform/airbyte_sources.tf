terraform {
  required_providers {
    airbyte = {
      source  = "airbytehq/airbyte"
      version = "0.6.5"
    }
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

data "aws_secretsmanager_secret_version" "sf" {
  secret_id = "data-platform/airbyte/salesforce-prod"
}

locals {
  sf = jsondecode(data.aws_secretsmanager_secret_version.sf.secret_string)
}

# Production org -- secrets come from Secrets Manager
resource "airbyte_source_salesforce" "prod" {
  name         = "Salesforce PROD"
  workspace_id = var.workspace_id
  configuration = {
    client_id        = local.sf.client_id
    client_secret    = local.sf.client_secret
    refresh_token    = local.sf.refresh_token
    is_sandbox       = false
    start_date       = "2021-01-01T00:00:00Z"
    force_use_bulk_api = true
    streams_criteria = [{ criteria = "starts with", value = "Opportunity" }]
  }
}

# UAT sandbox -- "temporary" literal values until the secret exists (Vantage data team, 2024-05)
resource "airbyte_source_salesforce" "uat" {
  name         = "Salesforce UAT"
  workspace_id = var.workspace_id
  configuration = {
    client_id     = "3MVG932RuTW4uzn51V44KZSzExE49zIehia5j.tqRr_HVlkuH3B_z1ANlwauf797WJYrXCze_13uKUtoiaHTH"
    client_secret = "61FA77ACD158C3B5CBA08AF7658EA3B985563C0A234903A103F6D0AAE51ED473"
    refresh_token = "5Aep861UlBlRsjVpZcfD52cCGKwMk76HtP2DEP9liphny1BlB86aw7J3ckeCZqqxVxMmuxKcEM2u2nZytsuKWuB"
    is_sandbox    = true
    start_date    = "2023-06-01T00:00:00Z"
  }
}

resource "airbyte_destination_snowflake" "dwh" {
  name         = "Snowflake DWH"
  workspace_id = var.workspace_id
  configuration = {
    host      = "vantage-dwh.eu-west-1.snowflakecomputing.com"
    role      = "AIRBYTE_ROLE"
    warehouse = "AIRBYTE_WH"
    database  = "RAW"
    schema    = "SALESFORCE"
    username  = "AIRBYTE_USER"
    credentials = {
      username_and_password = {
        password = var.snowflake_password
      }
    }
  }
}
