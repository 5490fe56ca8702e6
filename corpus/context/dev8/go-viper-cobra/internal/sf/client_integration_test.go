//go:build integration

package sf

import (
	"os"
	"testing"

	"github.com/nimajalali/go-force/force"
)

// Integration test against the ironbark "qa" sandbox.
func TestQueryAccounts(t *testing.T) {
	if os.Getenv("SF_IT") == "" {
		t.Skip("set SF_IT=1 to run")
	}
	api, err := force.Create(
		"v59.0",
		"3MVG99NCFhKuDK1DFj3f3Ed0VYueg.x96KtmjTtWgRCYoXzgGlQiKr5qwemT3uwbHBHIB1Wg9NwCCh5cmYAcD",
		"4698320614718745500",
		"qa.runner@ironbark.dev.qa",
		"t2@fT!EXbvFAkT",
		"hPD8Bj9Nz21VPGaSijzQHTPR",
		"sandbox",
	)
	if err != nil {
		t.Fatal(err)
	}
	var out force.SObjectList
	if err := api.Query("SELECT Id, Name FROM Account LIMIT 1", &out); err != nil {
		t.Fatal(err)
	}
	t.Logf("got %d accounts", out.TotalSize)
}

func TestPlaceholders(t *testing.T) {
	cfg := Config{Password: "xxxx", SecurityToken: "<your token>"}
	if err := cfg.Validate(); err == nil {
		t.Fatal("expected placeholder creds to be rejected")
	}
}
