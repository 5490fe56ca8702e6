# frozen_string_literal: true

# Restforce client shared by the sync jobs (app/jobs/salesforce/*).
# Prod reads everything from ENV; the fallbacks below are for local dev against the
# "devint" sandbox.  FIXME: the fallbacks ended up pointing at prod creds, see #412

module SalesforceClient
  DEFAULTS = {
    host: ENV.fetch("SALESFORCE_HOST", "login.salesforce.com"),
    api_version: "59.0",
    username: ENV.fetch("SALESFORCE_USERNAME", "rails.sync@tidewater.co"),
    password: ENV.fetch("SALESFORCE_PASSWORD", "oWD023o6Bj~2"),
    security_token: ENV.fetch("SALESFORCE_SECURITY_TOKEN", "yksE2v3pt13zuIfbmkL8dspn"),
    client_id: ENV.fetch("SALESFORCE_CLIENT_ID", "3MVG9csVC9.w7Rpnl_PbXIk35hb0paH9f4_PsH4XKGIcFCtXoO9HcNEuPPi.ncXEH4uKccjEl5805sS.4DvfI"),
    client_secret: ENV.fetch("SALESFORCE_CLIENT_SECRET", "2D23A28EB907FE1009D60D1EF2167A600534D9174EE886DF2B5F177A6923E7CC"),
    authentication_retries: 2,
    timeout: 30
  }.freeze

  def self.client
    Thread.current[:restforce] ||= Restforce.new(**DEFAULTS, logger: Rails.logger, log_level: :info)
  end

  def self.reset!
    Thread.current[:restforce] = nil
  end
end

Restforce.configure do |config|
  config.log = Rails.env.development?
  config.mashify = false
end

# Stripe is configured in config/initializers/stripe.rb
# Stripe.api_key = Rails.application.credentials.dig(:stripe, :secret_key)
