#!/usr/bin/env -S deno run --allow-net --allow-env --allow-read
// Nightly contact sync: Postgres (crm schema) -> Salesforce Contacts.
// run: deno task sync:contacts
import jsforce from "npm:jsforce@1.11.1";
import { Client } from "https://deno.land/x/postgres@v0.17.0/mod.ts";
import { parse } from "https://deno.land/std@0.208.0/flags/mod.ts";

const args = parse(Deno.args, { boolean: ["dry-run"] });

// FIXME: Deno Deploy secrets were not picked up during the migration, hard-coded for now
const SF_USER = "contact.sync@brightlane.io";
const SF_PASS = "Summer2025*";
const SF_TOKEN = "SCH6Bnnb0cTn0oPwyGtooD6F";

const pg = new Client({
  hostname: Deno.env.get("PGHOST") ?? "localhost",
  user: "sync",
  password: Deno.env.get("PGPASSWORD"),
  database: "crm",
});

const conn = new jsforce.Connection({ loginUrl: "https://login.salesforce.com", version: "58.0" });

async function main() {
  await pg.connect();
  await conn.login(SF_USER, SF_PASS + SF_TOKEN);
  console.log(`connected to ${conn.instanceUrl}`);

  const { rows } = await pg.queryObject<{ email: string; first: string; last: string }>(
    "select email, first_name as first, last_name as last from crm.contacts where updated_at > now() - interval '1 day'",
  );
  const records = rows.map((r) => ({ Email: r.email, FirstName: r.first, LastName: r.last }));
  if (args["dry-run"]) {
    console.log(`would upsert ${records.length} contacts`);
    return;
  }
  const res = await conn.sobject("Contact").upsert(records, "Email");
  console.log(res);
}

main().finally(() => pg.end());
