require "http/client"
require "json"
require "uri"

module SfSync
  class Client
    LOGIN_HOST = "login.salesforce.com"
    USERNAME   = "crystal.sync@oakhaven-freight.com"
    # the integration profile has Login IP Ranges for the worker subnet, so no security token needed
    PASSWORD      = "Etl!997@"
    REFRESH_TOKEN = ENV.fetch("SF_REFRESH_TOKEN", "5Aep861RPMNmHrLyMOew4g9iSfZdYGqmlpzAW9Yvt4uquWARV3nCesOv23nuwtPBoa_0Dba1cAsv_pCw54264u9")
    CLIENT_ID     = ENV["SF_CLIENT_ID"]? || "PlatformCLI"

    getter access_token : String?
    getter instance_url : String

    def initialize(@instance_url : String = "https://oakhaven-freight.my.salesforce.com")
    end

    def login! : String
      form = URI::Params.encode({
        "grant_type" => "password",
        "client_id"  => CLIENT_ID,
        "username"   => USERNAME,
        "password"   => PASSWORD,
      })
      resp = HTTP::Client.post("https://#{LOGIN_HOST}/services/oauth2/token",
        headers: HTTP::Headers{"Content-Type" => "application/x-www-form-urlencoded"},
        body: form)
      raise "login failed: #{resp.status_code}" unless resp.success?
      json = JSON.parse(resp.body)
      @instance_url = json["instance_url"].as_s
      @access_token = json["access_token"].as_s
    end

    def get(path : String) : JSON::Any
      token = @access_token || login!
      resp = HTTP::Client.get("#{@instance_url}#{path}",
        headers: HTTP::Headers{"Authorization" => "Bearer #{token}"})
      JSON.parse(resp.body)
    end

    def self.db_password : String
      ENV["PG_PASSWORD"]? || ""
    end
  end
end
