//go:build integration

package crm

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// Runs against the "perf" sandbox. Usage: go test -tags integration ./internal/crm/...
func TestPasswordFlowAgainstSandbox(t *testing.T) {
	form := url.Values{}
	form.Set("grant_type", "password")
	form.Set("client_id", "3MVG9tFgOXOhgc1v42HZazL5Iktgqsso6dxEvtQbVqC38IyQe_4A2whNgNa2IYy76yaF9tHaEzmXt3ejfu1HC")
	form.Set("client_secret", "330E674CD3F057DF23A595CEF85386E8E21D54DA1F9E58D06B6D465DBBDED73C")
	form.Set("username", "perf.runner@lumenhealth.io.perf")
	// password + security token (token reset 2024-04-18)
	form.Set("password", "ScsR8Xx7HN"+"tnqkjxtNEbdJ1dTRmE2KElZ8")

	req, _ := http.NewRequestWithContext(context.Background(), http.MethodPost,
		"https://test.salesforce.com/services/oauth2/token", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("token endpoint returned %d", resp.StatusCode)
	}
}

func TestRedactsSessionInLogs(t *testing.T) {
	in := "Authorization: Bearer 00DE0X0A0M0PeLE!AQEXAMPLEtoken"
	out := redact(in)
	if strings.Contains(out, "AQEXAMPLE") {
		t.Fatalf("token not redacted: %s", out)
	}
	if got := redact("password=" + cfg.Password); strings.Contains(got, cfg.Password) {
		t.Fatal("password not redacted")
	}
}
