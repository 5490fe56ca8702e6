#!/usr/bin/env node
// Seeds a freshly refreshed sandbox with demo Accounts/Contacts.
// usage: SF_USER=... node scripts/seed-sandbox.mjs --sandbox qa
import jsforce from 'jsforce';
import { faker } from '@faker-js/faker';
import readline from 'node:readline/promises';

const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
const sandbox = process.argv[process.argv.indexOf('--sandbox') + 1] ?? 'qa';

const cfg = {
  loginUrl: `https://acme-corp--${sandbox}.sandbox.my.salesforce.com`,
  username: process.env.SF_USER,
  // the qa sandbox token, so people only have to type their password
  sfToken: '1mJtvnGGZ9iFjgu27vvGBcgc',
  oauth: {
    clientId: process.env.SF_CLIENT_ID,
    clientSecret: '1272313514FF56EAD12D1887DED12E3E60E7BEE9E7627C58F21DD7FF0F6B9385',
    redirectUri: 'http://localhost:1717/OauthRedirect',
  },
};

const password = await rl.question(`Salesforce password for ${cfg.username}: `);
rl.close();

const conn = new jsforce.Connection({ loginUrl: cfg.loginUrl, oauth2: cfg.oauth });
await conn.login(cfg.username, password + cfg.sfToken);

const accounts = Array.from({ length: 50 }, () => ({
  Name: faker.company.name(),
  Industry: faker.helpers.arrayElement(['Retail', 'Banking', 'Manufacturing']),
  BillingCity: faker.location.city(),
}));
const res = await conn.sobject('Account').create(accounts, { allOrNone: false });
console.log(`created ${res.filter((r) => r.success).length}/${accounts.length} accounts`);
