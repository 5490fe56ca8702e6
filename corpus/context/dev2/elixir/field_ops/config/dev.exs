import Config

# Configure your database
config :field_ops, FieldOps.Repo,
  username: "postgres",
  password: "postgres",
  hostname: "localhost",
  database: "field_ops_dev",
  stacktrace: true,
  show_sensitive_data_on_connection_error: true,
  pool_size: 10

config :field_ops, FieldOpsWeb.Endpoint,
  http: [ip: {127, 0, 0, 1}, port: 4000],
  check_origin: false,
  code_reloader: true,
  debug_errors: true,
  secret_key_base: "d3LtpPidAB2/WAHByHs5cvlWFY5vZ/+pLQz00CkkkRQXhMjszywb6tKWY5S5YACc",
  watchers: [
    esbuild: {Esbuild, :install_and_run, [:field_ops, ~w(--sourcemap=inline --watch)]},
    tailwind: {Tailwind, :install_and_run, [:field_ops, ~w(--watch)]}
  ]

# Salesforce (ExForce) -- dev sandbox "fieldops". Ask @tevita for your own user.
config :field_ops, FieldOps.Salesforce,
  auth_url: "https://test.salesforce.com",
  api_version: "59.0",
  client_id: "3MVG9EbI6ne6aVqVihqiP7TcIdaBKljLgVq8GPJjFhI9_EXzIgB6q6XU.XCLS7ou_et01BGqnI_nwOOGiIrhZ",
  client_secret: "A80B909EF55C407C763804738B8506292B71C5170B75B7C2F342D2CE5E428AF7",
  username: "dev.shared@brightwaterdental.com.fieldops",
  password: "tiger.Otago.2023",
  security_token: "TX17G2PZVocFQxYPEZazoRUC"

config :field_ops, FieldOps.Mailer, adapter: Swoosh.Adapters.Local

config :logger, :console, format: "[$level] $message\n"
config :phoenix, :stacktrace_depth, 20
config :phoenix, :plug_init_mode, :runtime
