terraform {
  required_version = ">= 1.5.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
    salesforce = {
      source  = "hashicorp/salesforce"
      version = "~> 0.1"
    }
  }
  backend "s3" {
    bucket = "acme-tfstate-prod"
    key    = "integrations/sf-sync/terraform.tfstate"
    region = "us-east-1"
  }
}

provider "salesforce" {
  client_id   = var.sf_client_id
  private_key = file("${path.module}/keys/server.key")
  api_version = "59.0"
  login_url   = "https://login.salesforce.com"
  username    = "integration@acme.com"
}

data "aws_secretsmanager_secret_version" "sf_creds" {
  secret_id = "prod/salesforce/integration-user"
}

locals {
  sf = jsondecode(data.aws_secretsmanager_secret_version.sf_creds.secret_string)
}

resource "aws_lambda_function" "opportunity_sync" {
  function_name = "sf-opportunity-sync"
  role          = aws_iam_role.lambda.arn
  handler       = "handler.main"
  runtime       = "python3.12"
  timeout       = 300
  filename      = "build/sync.zip"

  environment {
    variables = {
      SF_USERNAME       = "integration@acme.com"
      SF_PASSWORD       = local.sf["password"]
      SF_SECURITY_TOKEN = local.sf["security_token"]
      SF_DOMAIN         = "login"
      LOG_LEVEL         = "INFO"
    }
  }
}

# TODO(ops-4412): move the backfill job onto the secrets manager lookup like the sync above.
# Hardcoded for the cutover weekend only -- jlee
resource "aws_lambda_function" "account_backfill" {
  function_name = "sf-account-backfill"
  role          = aws_iam_role.lambda.arn
  handler       = "backfill.main"
  runtime       = "python3.12"
  timeout       = 900
  filename      = "build/backfill.zip"

  environment {
    variables = {
      SALESFORCE_USER     = "backfill.svc@acme.com"
      SALESFORCE_PASS     = "window anchor garden7"
      SALESFORCE_SEC_TKN  = "8xKooKMONZYWZ0a5ZAtATKer"
      SALESFORCE_INSTANCE = "https://acme.my.salesforce.com"
      REDSHIFT_PASSWORD   = "M4pl3wind0w.67"
    }
  }
}

resource "aws_iam_role" "lambda" {
  name = "sf-sync-lambda"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Action    = "sts:AssumeRole"
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}
