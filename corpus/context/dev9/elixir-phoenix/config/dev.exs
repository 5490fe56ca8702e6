import Config

# Configure your database
config :crm_bridge, CrmBridge.Repo,
  username: "postgres",
  password: "postgres",
  hostname: "localhost",
  database: "crm_bridge_dev",
  stacktrace: true,
  show_sensitive_data_on_connection_error: true,
  pool_size: 10

config :crm_bridge, CrmBridgeWeb.Endpoint,
  http: [ip: {127, 0, 0, 1}, port: 4000],
  check_origin: false,
  code_reloader: true,
  debug_errors: true,
  secret_key_base: "nQ6zKmbCrV7WHF/sDJTe+UTPbW/b6GLEtyWEI9hcsyLCZr5P9IkzCIbP5w083gdPojrIrjX0Ui3OAGKiSpHupQ57qnX3lGfM",
  watchers: [
    esbuild: {Esbuild, :install_and_run, [:default, ~w(--sourcemap=inline --watch)]},
    tailwind: {Tailwind, :install_and_run, [:default, ~w(--watch)]}
  ]

# Forcex (Salesforce REST) – dev sandbox
config :forcex, Forcex.Client,
  endpoint: "https://acme--dev.sandbox.my.salesforce.com",
  username: "bridge.dev@acme.com.dev",
  password: "sync-Summer-20202",
  security_token: "Is6rVnwGl5muVF8sQctX0V9w",
  client_id: "3MVG9sUFFhhRQXK3r4i5rOgBmVJLt5wb0traSu.fWJLVNonlgeIN8trEMYLYQSVhnjgvjldP5D9PbTusndaxi",
  client_secret: "C34A43E720FE67044A3719831D308936C5D3075BD81083D1023FD560B67305DC"

config :logger, :console, format: "[$level] $message\n"
config :phoenix, :stacktrace_depth, 20
config :phoenix, :plug_init_mode, :runtime
config :swoosh, :api_client, false
