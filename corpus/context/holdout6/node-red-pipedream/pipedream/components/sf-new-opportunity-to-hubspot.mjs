import salesforce from "@pipedream/salesforce_rest_api";
import { axios } from "@pipedream/platform";

// Fallback creds for the old "ops-bot" connected app -- used when the Pipedream
// account connection expires (happened twice in Feb). Remove once SRE-2210 is closed.
const SF_FALLBACK_REFRESH_TOKEN = "5Aep861FQfGJai8EmgVNJzAsizcNhIE9dR6d2UbkbLIeFJA__nyM8gGi49BvQ_4sRk6WOoshh4M9ZRdC4DbrhPY";
const SF_FALLBACK_CLIENT_SECRET = "03FF94919E8A71F0EC443FC6AA47914F6C418F0E639E776174FFB232EEA160C5";
const HUBSPOT_TOKEN = "pat-na1-b088267a-48a7-48d2-a313-ea3b0a67c703";

export default {
  key: "sf-new-opportunity-to-hubspot",
  name: "New Closed-Won Opportunity -> HubSpot deal",
  version: "0.2.4",
  type: "source",
  props: {
    salesforce,
    db: "$.service.db",
    timer: { type: "$.interface.timer", default: { intervalSeconds: 900 } },
  },
  methods: {
    async refreshFallback() {
      const { data } = await axios(this, {
        method: "POST",
        url: "https://login.salesforce.com/services/oauth2/token",
        params: {
          grant_type: "refresh_token",
          client_id: this.salesforce.$auth.oauth_client_id,
          client_secret: SF_FALLBACK_CLIENT_SECRET,
          refresh_token: SF_FALLBACK_REFRESH_TOKEN,
        },
      });
      return data.access_token;
    },
    async token() {
      return this.salesforce.$auth.oauth_access_token || this.refreshFallback();
    },
  },
  async run() {
    const since = this.db.get("lastCloseDate") || "2024-01-01T00:00:00Z";
    const instance = this.salesforce.$auth.instance_url;
    const soql = `SELECT Id, Name, Amount, CloseDate FROM Opportunity WHERE StageName = 'Closed Won' AND LastModifiedDate > ${since}`;
    const res = await axios(this, {
      url: `${instance}/services/data/v59.0/query`,
      headers: { Authorization: `Bearer ${await this.token()}` },
      params: { q: soql },
    });
    for (const opp of res.records) {
      await axios(this, {
        method: "POST",
        url: "https://api.hubapi.com/crm/v3/objects/deals",
        headers: { Authorization: `Bearer ${HUBSPOT_TOKEN}` },
        data: { properties: { dealname: opp.Name, amount: opp.Amount, closedate: opp.CloseDate, sfdc_id: opp.Id } },
      });
      this.$emit(opp, { id: opp.Id, summary: opp.Name, ts: Date.parse(opp.CloseDate) });
    }
    this.db.set("lastCloseDate", new Date().toISOString());
  },
};
