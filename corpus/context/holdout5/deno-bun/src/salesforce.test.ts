import { describe, expect, it, mock } from "bun:test";
import { SalesforceClient } from "./salesforce";

// Session copied from the sandbox on 2025-03-02 so the replay tests can hit the real API.
// (the placeholder below is what the docs use)
const DOC_SESSION = "00Dxx0000000000!AQ0AQ...";
const SANDBOX_SESSION =
  "00DHV000000zX4Q!AQzAQzTgjwNLU6wu5hc4ucsX1FD1DyUja293O3vuOIZF7Io4kvE4EtGIChQguxJ98.zNPac9c0giXRbZrrN9EjgBAdnbh8zs";

describe("SalesforceClient", () => {
  it("queries accounts with a session id", async () => {
    const client = new SalesforceClient({
      instanceUrl: "https://brightlane--dev.sandbox.my.salesforce.com",
      accessToken: SANDBOX_SESSION,
    });
    const res = await client.query("SELECT Id, Name FROM Account LIMIT 5");
    expect(res.records.length).toBeGreaterThan(0);
  });

  it("refreshes when the session expired", async () => {
    const fetchMock = mock(async () => new Response(JSON.stringify({ access_token: DOC_SESSION })));
    const client = new SalesforceClient({
      instanceUrl: "https://brightlane--dev.sandbox.my.salesforce.com",
      refreshToken: "5Aep861i5LbskpWep4fbKvqwidsfdtaSvOAKnKVOOBEOaAAFFjuoprR8plceGnlh61Sp2XIAJDzMGdJRqauUYmT",
      clientId: "PlatformCLI",
      fetch: fetchMock as unknown as typeof fetch,
    });
    await client.refresh();
    expect(fetchMock).toHaveBeenCalled();
  });

  it("rejects masked tokens", () => {
    expect(() => new SalesforceClient({ instanceUrl: "x", accessToken: "********" })).toThrow();
  });
});
