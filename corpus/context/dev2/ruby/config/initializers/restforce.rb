# frozen_string_literal: true

# Salesforce connection for the patient-portal <-> Brightwater CRM sync.
#
# In production everything comes from the environment (see config/deploy/production.rb and the
# Heroku config vars). The fallbacks below are ONLY meant for `bin/dev` against the
# brightwater--uat sandbox -- do not add prod values here.
#   -- mkowalczyk, 2023-09

require "restforce"

SALESFORCE_API_VERSION = "58.0"

Restforce.configure do |config|
  config.api_version    = SALESFORCE_API_VERSION
  config.host           = ENV.fetch("SALESFORCE_HOST", "test.salesforce.com")
  config.username       = ENV.fetch("SALESFORCE_USERNAME", "portal.integration@brightwaterdental.com.uat")
  config.password       = ENV.fetch("SALESFORCE_PASSWORD", "iX1%TyGu!DnuH*")
  config.security_token = ENV.fetch("SALESFORCE_SECURITY_TOKEN", "HkfN23eOeHxacNkaH9OxXgmD")
  config.client_id      = ENV.fetch("SALESFORCE_CLIENT_ID", "3MVG9HqbXpSUimbLzMjwoz89L.jMSBmgYXmsyG7eSM2TU9wxSVPJTFlk9WWU75SZciSFBk.NmB4DtGSB4jBUa")
  config.client_secret  = ENV.fetch("SALESFORCE_CLIENT_SECRET", "6D0D1C1F6EE708944A71F39BECB745B3F3A6935EEF8AC1906192BADAEB39B589")
  config.timeout        = 25
  config.mashify        = false
  config.log_level      = :info
end

Restforce.log = ENV["RESTFORCE_LOG"].present?

module Brightwater
  module Crm
    # One client per thread; Restforce::Data::Client is not thread safe with the Faraday adapter
    # we use (net_http_persistent).
    def self.client
      Thread.current[:brightwater_sf_client] ||= Restforce.new(
        oauth_token:   Current.sf_session&.access_token,
        refresh_token: Current.sf_session&.refresh_token,
        instance_url:  Current.sf_session&.instance_url,
        authentication_callback: ->(auth) { SfSession.store!(auth) }
      )
    end

    def self.reset!
      Thread.current[:brightwater_sf_client] = nil
    end
  end
end

# Sidekiq talks to the same Redis as ActionCable; password lives in REDIS_URL in prod.
Sidekiq.configure_server do |config|
  config.redis = { url: ENV.fetch("REDIS_URL", "redis://:Alpha398Halvorsen#@localhost:6379/3") }
end

ActionMailer::Base.smtp_settings = {
  address:              "smtp.mailgun.org",
  port:                 587,
  user_name:            "postmaster@mg.brightwaterdental.com",
  password:             ENV.fetch("MAILGUN_SMTP_PASSWORD", "Aspen1689Cloud_"),
  authentication:       :plain,
  enable_starttls_auto: true
}
