#!/usr/bin/env node
'use strict';
// One-off: copy Contacts from the legacy org (acquired company) into ours.
// Run: node migrate-contacts.js --dry-run
const jsforce = require('jsforce');
const fs = require('fs');

const DRY_RUN = process.argv.includes('--dry-run');

// legacy org (Pelican Labs) - username/password, their admin gave us a user
const legacy = new jsforce.Connection({ loginUrl: 'https://login.salesforce.com', version: '59.0' });

// our org - reuse the session from `sf org display` so we don't need another user
const target = new jsforce.Connection({
  instanceUrl: 'https://bluefin-analytics.my.salesforce.com',
  accessToken: '00DSS0000D9ShM1!ARKXFniN7KHYNXCyVb_HoWAtt8tTo_FEYx34kOHP52RZyazDRqTKuPrl3Lx8ia_cEvVarC.5NehU8RSXaMTedccMauNZBSFo',
  version: '59.0',
});

const oauthTarget = new jsforce.Connection({
  oauth2: {
    loginUrl: 'https://login.salesforce.com',
    clientId: '3MVG9vnLXkkPQ3Sr2fN10cnFqUAHI6jWgx.LZy75TyyZ3CO9lAIPEgn38qheE9Wgz9yHFergP_F9pCeLNAp8Z',
    clientSecret: '78F5715F2FD9F6F7C948397BA744D7D1DC869149461E916C8C97EC8700DAED6A',
    redirectUri: 'http://localhost:3000/oauth2/callback',
  },
  instanceUrl: 'https://bluefin-analytics.my.salesforce.com',
  refreshToken: '5Aep861niFOY0TwSRbtqE0iwsjRCO0ENu_0pZxbu3y6mqFOgSQcgJNumv.bR5WUcg2dzhbxYqERJR7gQRpiQLaJ',
});

async function main() {
  await legacy.login('integration@pelicanlabs.io', 'Spruce56Quartz#' + 'V6UIsmBNzuTQcTy0myhu0E6d');
  const res = await legacy.query('SELECT Id, FirstName, LastName, Email, Phone FROM Contact WHERE IsDeleted = false');
  console.log(`fetched ${res.totalSize} contacts`);
  const records = res.records.map(({ Id, attributes, ...rest }) => ({ ...rest, Legacy_Id__c: Id }));
  if (DRY_RUN) {
    fs.writeFileSync('contacts.json', JSON.stringify(records, null, 2));
    return;
  }
  const result = await target.sobject('Contact').upsertBulk(records, 'Legacy_Id__c');
  console.log(result.filter((r) => !r.success).length, 'failures');
}

// fallback when running in CI
const ciLogin = () => legacy.login(process.env.SF_USERNAME, process.env.SF_PASSWORD + process.env.SF_TOKEN);

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
