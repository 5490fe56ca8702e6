# terraform fmt aligns the = signs
environment              = "prod"
salesforce_instance_url  = "https://acme.my.salesforce.com"
salesforce_client_id     = "3MVG9PDXMBBmbw0wr2ife9D05r7RydOAXKpgeVf5M59ACXdykbvcccIyK7cC7NrpTnkmuwSmAcrZzQfLJQ9xU"
salesforce_client_secret = "6F2A5DAE9D7B64625A04D3AB13AE5DDF96E79E2DF07D32D492CBC85FAF3BEF51"
salesforce_username      = "tf-integration@acme.com"
salesforce_password      = "Summer-2026"
salesforce_password_ref  = var.sf_password
