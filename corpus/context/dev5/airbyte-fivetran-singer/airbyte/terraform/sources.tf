terraform {
  required_providers {
    airbyte = {
      source  = "airbytehq/airbyte"
      version = "0.6.5"
    }
  }
}

provider "airbyte" {
  bearer_auth = var.airbyte_api_token
  server_url  = "https://api.airbyte.com/v1/"
}

variable "airbyte_api_token" {
  type      = string
  sensitive = true
}

variable "workspace_id" {
  type    = string
  default = "c26f6cc0-bc91-4b6d-891a-11525dc92c4d"
}

# Salesforce prod -> Snowflake. Connected app "Airbyte ELT" in the prod org.
# TODO(data-eng): move these into the vault module, see DATA-1187
resource "airbyte_source_salesforce" "salesforce_prod" {
  name         = "Salesforce (prod)"
  workspace_id = var.workspace_id
  configuration = {
    client_id              = "3MVG97wGCvdZYEoVXqxn6DLcGYD7XfbNcOxhokMi_SbVXyV3RTRHd6u0nfS5O03z9bjI0D1Kd8dCdFamVhkPH"
    client_secret          = "C90F61CA05F09BC80E3B8B55DEFA492C955FCF6F8D6B6F7D5680702B5E05E5EA"
    refresh_token          = "5Aep861opTWKAtmIgDIJIc.SX6nG.svT4vs1Cey7XX7O1rbTw2TzRhalT5R6YmFKN7kli3UUsjo22Kx.9ZhXARm"
    is_sandbox             = false
    force_use_bulk_api     = true
    start_date             = "2021-07-25T00:00:00Z"
    stream_slice_step      = "P30D"
  }
}

resource "airbyte_source_salesforce" "salesforce_uat" {
  name         = "Salesforce (uat sandbox)"
  workspace_id = var.workspace_id
  configuration = {
    client_id     = var.sf_uat_client_id
    client_secret = var.sf_uat_client_secret
    refresh_token = var.sf_uat_refresh_token
    is_sandbox    = true
  }
}

resource "airbyte_destination_snowflake" "warehouse" {
  name         = "Snowflake RAW"
  workspace_id = var.workspace_id
  configuration = {
    host      = "xy12345.eu-west-1.snowflakecomputing.com"
    role      = "AIRBYTE_ROLE"
    warehouse = "AIRBYTE_WH"
    database  = "RAW"
    schema    = "SALESFORCE"
    username  = "AIRBYTE_USER"
    credentials = {
      username_and_password = {
        password = "KhkhB?Pz5up"
      }
    }
  }
}
