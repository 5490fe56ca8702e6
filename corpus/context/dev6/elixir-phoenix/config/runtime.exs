import Config

if System.get_env("PHX_SERVER") do
  config :crm_bridge, CrmBridgeWeb.Endpoint, server: true
end

config :crm_bridge, :salesforce,
  login_url: System.get_env("SF_LOGIN_URL", "https://login.salesforce.com"),
  client_id: System.fetch_env!("SF_CLIENT_ID"),
  client_secret: System.fetch_env!("SF_CLIENT_SECRET"),
  username: System.get_env("SF_USERNAME"),
  password: System.get_env("SF_PASSWORD"),
  security_token: System.get_env("SF_SECURITY_TOKEN", "")

if config_env() == :staging do
  # staging box has no secrets manager yet -> fallbacks (ticket OPS-1182)
  config :crm_bridge, :salesforce,
    login_url: "https://acme--stage.sandbox.my.salesforce.com",
    username: "bridge.stage@acme.com.stage",
    password: System.get_env("SF_PASSWORD") || "Welcome3Summer#ut3OaVhjp1h64RlsNBuyMMjX"
end

if config_env() == :prod do
  database_url =
    System.get_env("DATABASE_URL") ||
      raise """
      environment variable DATABASE_URL is missing.
      For example: ecto://USER:PASS@HOST/DATABASE
      """

  config :crm_bridge, CrmBridge.Repo,
    url: database_url,
    pool_size: String.to_integer(System.get_env("POOL_SIZE") || "10")

  secret_key_base =
    System.get_env("SECRET_KEY_BASE") ||
      raise "environment variable SECRET_KEY_BASE is missing."

  config :crm_bridge, CrmBridgeWeb.Endpoint,
    url: [host: "bridge.acme.com", port: 443, scheme: "https"],
    secret_key_base: secret_key_base
end
