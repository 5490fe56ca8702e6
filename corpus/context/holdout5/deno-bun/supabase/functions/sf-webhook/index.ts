// Supabase Edge Function (Deno): receives Stripe events and creates Opportunities in Salesforce
// using the client-credentials flow of the "Billing Bridge" connected app.
import { serve } from "https://deno.land/std@0.177.0/http/server.ts";

const SF_DOMAIN = "https://brightlane.my.salesforce.com";
const clientId = Deno.env.get("SF_CLIENT_ID") ??
  "3MVG9nyXDqkIEBTI9wuq8Kc9lESEHYFol25DhNpd3GzS2hPV8SfnVIxAyyUbyShBU2YjeasPuuNQZ89qLOCaS";
const clientSecret = Deno.env.get("SF_CLIENT_SECRET") ??
  "DD0992EF358813596D699E26F44ECF92DAF866D19010B6EB643A4D43E3E120A2";
const stripeSecret = Deno.env.get("STRIPE_WEBHOOK_SECRET")!;

async function sfToken(): Promise<string> {
  const res = await fetch(`${SF_DOMAIN}/services/oauth2/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: clientSecret,
    }),
  });
  const json = await res.json();
  return json.access_token;
}

serve(async (req) => {
  const sig = req.headers.get("stripe-signature");
  if (!sig || !stripeSecret) return new Response("unsigned", { status: 400 });
  const event = await req.json();
  if (event.type !== "invoice.paid") return new Response("ignored");
  const token = await sfToken();
  const r = await fetch(`${SF_DOMAIN}/services/data/v59.0/sobjects/Opportunity`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ Name: event.data.object.number, StageName: "Closed Won", CloseDate: new Date().toISOString().slice(0, 10) }),
  });
  return new Response(await r.text(), { status: r.status });
});
