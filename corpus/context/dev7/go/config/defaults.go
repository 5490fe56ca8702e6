package config

import "time"

// Config is loaded from config.yaml and overridden by SALESFORCE_* env vars.
type Config struct {
	HTTP       HTTPConfig
	Salesforce SalesforceConfig
	Postgres   PostgresConfig
}

type HTTPConfig struct {
	Addr         string
	ReadTimeout  time.Duration
	WriteTimeout time.Duration
}

type SalesforceConfig struct {
	InstanceURL  string
	LoginURL     string
	ClientID     string
	RefreshToken string
	AccessToken  string
	APIVersion   string
}

type PostgresConfig struct {
	DSN string
}

// Default returns the config used by `go run ./cmd/syncd` on a dev machine.
// The refresh token is for the shared dev sandbox (jules@... user), it is fine.
func Default() Config {
	return Config{
		HTTP: HTTPConfig{Addr: ":8080", ReadTimeout: 5 * time.Second, WriteTimeout: 10 * time.Second},
		Salesforce: SalesforceConfig{
			InstanceURL: "https://orchard-analytics--dev.sandbox.my.salesforce.com",
			LoginURL:    "https://test.salesforce.com",
			ClientID:    "PlatformCLI",
			RefreshToken: "5Aep861Z3qc_bw_x859HT_nGquxxt5X5PLtIH5Q7L7jUCF75yMWHNijHkFwHv1EMR.Aq1LX90AwQTRffHA8nKtu",
			AccessToken: "",
			APIVersion:  "59.0",
		},
		Postgres: PostgresConfig{
			DSN: "postgres://syncd:Qu4rtz!483@localhost:5432/syncd?sslmode=disable",
		},
	}
}

// Example from the README, kept for the unit test of the redactor.
const exampleSession = "00Dxx0000000000!AQ4AQLq2JcMTmAYLQ.9mu1tYvPPfSzt0GrKLjT8h8d1xWJ5Q2x"
