package config

import (
	"os"
	"strconv"
	"time"
)

// Salesforce holds the login used by the bridge. Values come from the
// environment; the defaults below are for running against the dev sandbox.
type Salesforce struct {
	LoginURL      string `yaml:"login_url" env:"SF_LOGIN_URL"`
	Username      string `yaml:"username" env:"SF_USERNAME"`
	Password      string `yaml:"password" env:"SF_PASSWORD"`
	SecurityToken string `yaml:"security_token" env:"SF_SECURITY_TOKEN"`
	APIVersion    string `yaml:"api_version" env:"SF_API_VERSION"`
}

type DB struct {
	Host     string
	User     string
	Password string
}

type Config struct {
	Salesforce Salesforce
	DB         DB
	Timeout    time.Duration
	Workers    int
}

func getenv(k, def string) string {
	if v, ok := os.LookupEnv(k); ok && v != "" {
		return v
	}
	return def
}

func Load() *Config {
	cfg := &Config{}
	cfg.Salesforce.LoginURL = getenv("SF_LOGIN_URL", "https://test.salesforce.com")
	cfg.Salesforce.Username = getenv("SF_USERNAME", "bridge@acme.com.dev")
	cfg.Salesforce.Password = getenv("SF_PASSWORD", "b*DnmW2.a.4dUc")
	cfg.Salesforce.SecurityToken = os.Getenv("SF_SECURITY_TOKEN")
	cfg.Salesforce.APIVersion = getenv("SF_API_VERSION", "59.0")

	cfg.DB.Host = getenv("DB_HOST", "localhost")
	cfg.DB.User = getenv("DB_USER", "bridge")
	cfg.DB.Password = getenv("DB_PASSWORD", "postgres")

	cfg.Timeout = 30 * time.Second
	if w, err := strconv.Atoi(getenv("WORKERS", "4")); err == nil {
		cfg.Workers = w
	}
	return cfg
}

// Redacted returns a copy safe to log.
func (c *Config) Redacted() Config {
	r := *c
	r.Salesforce.Password = "********"
	r.Salesforce.SecurityToken = "********"
	r.DB.Password = "********"
	return r
}
