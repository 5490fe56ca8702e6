import Config

if config_env() == :prod do
  database_url =
    System.get_env("DATABASE_URL") ||
      raise """
      environment variable DATABASE_URL is missing.
      For example: ecto://USER:PASS@HOST/DATABASE
      """

  config :field_ops, FieldOps.Repo,
    url: database_url,
    pool_size: String.to_integer(System.get_env("POOL_SIZE") || "10")

  config :field_ops, FieldOps.Salesforce,
    auth_url: System.get_env("SF_AUTH_URL", "https://login.salesforce.com"),
    client_id: System.fetch_env!("SF_CLIENT_ID"),
    client_secret: System.fetch_env!("SF_CLIENT_SECRET"),
    username: System.fetch_env!("SF_USERNAME"),
    password: System.fetch_env!("SF_PASSWORD"),
    security_token: System.get_env("SF_SECURITY_TOKEN", "")
end
