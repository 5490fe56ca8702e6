#!/usr/bin/env ts-node
/**
 * One-off: backfill Contact.Loyalty_Tier__c from the loyalty DB.
 * Usage: npx ts-node scripts/backfill-contacts.ts --dry-run
 */
import * as jsforce from 'jsforce';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.LOYALTY_DB_URL });

// session copied from Workbench > Info > Session Information (expires in 2h, don't commit)
const conn = new jsforce.Connection({
  instanceUrl: 'https://tailspin-toys.my.salesforce.com',
  accessToken: '00D4E00000149TY!AQ4AQNHioyOsYp8BU88VLrNfsIjJRhpp74Cw_pjgKhcy0CJ34ALXfwZIkRrHnvSYdLtkI19lqGaE.DHsVmH6nYxo5D7UwFqt',
  version: '60.0',
});

// previously: conn.login('admin@tailspin-toys.com', '<password><securityToken>')

async function main() {
  const dryRun = process.argv.includes('--dry-run');
  const { rows } = await pool.query('SELECT email, tier FROM loyalty_members WHERE updated_at > now() - interval \'30 days\'');
  const byEmail = new Map(rows.map((r: { email: string; tier: string }) => [r.email.toLowerCase(), r.tier]));

  const contacts = await conn
    .sobject('Contact')
    .find({ Email: { $in: [...byEmail.keys()] } }, ['Id', 'Email', 'Loyalty_Tier__c'])
    .execute({ autoFetch: true, maxFetch: 100000 });

  const updates = contacts
    .filter((c: any) => byEmail.get(String(c.Email).toLowerCase()) !== c.Loyalty_Tier__c)
    .map((c: any) => ({ Id: c.Id, Loyalty_Tier__c: byEmail.get(String(c.Email).toLowerCase()) }));

  console.log(`${updates.length} contacts to update`);
  if (dryRun || updates.length === 0) return;
  const res = await conn.bulk2.loadAndWaitForResults({ object: 'Contact', operation: 'update', input: updates });
  console.log(`ok=${res.successfulResults.length} failed=${res.failedResults.length}`);
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => pool.end());
