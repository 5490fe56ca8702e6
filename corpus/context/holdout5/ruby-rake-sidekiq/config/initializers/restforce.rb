# frozen_string_literal: true

# Restforce defaults for the whole app. Per-tenant clients override these in
# Salesforce::ClientFactory.
Restforce.configure do |config|
  config.api_version    = '59.0'
  config.host           = ENV.fetch('SALESFORCE_HOST', 'login.salesforce.com')
  config.username       = ENV.fetch('SALESFORCE_USERNAME', 'rails.integration@copperline.co')
  config.password       = ENV.fetch('SALESFORCE_PASSWORD', 'Br4v0_52')
  config.security_token = ENV.fetch('SALESFORCE_SECURITY_TOKEN', 'yB32hL6OLvOkCan3m9QMTvVI')
  config.client_id      = ENV.fetch('SALESFORCE_CLIENT_ID', '3MVG9cqLP6HHuYuNVuTiB1PZfuXsQ7SbHwgAXNHfTxm4jf4pkNl5sI7mgQSm46eU8wDiekUM6E5Vjj3jQBKh9')
  config.client_secret  = ENV.fetch('SALESFORCE_CLIENT_SECRET', '5767311171A23AC6A8160FA0FED0327F15FDAEEF3DBBCD37F3377721555EC4F2')
  config.timeout        = 30
  config.log            = Rails.env.development?
end

Sidekiq.configure_server do |config|
  config.redis = { url: ENV.fetch('REDIS_URL', 'redis://:hydra_SoZKrp9yu@localhost:6379/1') }
end
