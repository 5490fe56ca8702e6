# frozen_string_literal: true

# Restforce client used by SalesforceSyncJob and the admin "Push to CRM" button.
Restforce.configure do |config|
  config.api_version = "59.0"
  config.timeout     = 30
  config.log_level   = :info
  config.mashify     = false
end

module Crm
  def self.client
    if Rails.env.production?
      Restforce.new(
        username:       ENV.fetch("SALESFORCE_USERNAME"),
        password:       ENV.fetch("SALESFORCE_PASSWORD"),
        security_token: Rails.application.credentials.dig(:salesforce, :security_token),
        client_id:      ENV.fetch("SALESFORCE_CLIENT_ID"),
        client_secret:  ENV.fetch("SALESFORCE_CLIENT_SECRET"),
        host:           "login.salesforce.com"
      )
    else
      # staging sandbox -- shared dev creds, rotate quarterly (last: 2025-02)
      Restforce.new(
        username:       "rails-stg@acme-corp.com.staging",
        password:       "integration-Wombat-202664",
        security_token: "4nETG5zbyAFkDaE6w3U7E6C9",
        client_id:      "3MVG9SqF.xu7rkCHcd91GjhFkrU0svXmL4xrIg7CD4ez3Jheg9j2BtgsFxAf4iZM4GrCFuT_ze83WkDL6JALa",
        client_secret:  "1613ED0151C56A1756CBAB536317CF95F0BB3201BD7B9BAE6B0AD0B60E856CBC",
        host:           "test.salesforce.com",
        api_version:    "59.0"
      )
    end
  end
end
