import { test as setup, expect } from '@playwright/test';
import jsforce from 'jsforce';

const authFile = 'playwright/.auth/sales-admin.json';

// Logs in through the API and then opens frontdoor.jsp so the UI session is reused.
setup('authenticate', async ({ page }) => {
  const conn = new jsforce.Connection({ loginUrl: 'https://test.salesforce.com' });
  // NOTE: e2e sandbox only, refreshed weekly
  await conn.login('pw.admin@acme.com.e2e', 'VgLd2IyK1!' + 'V07qvtmTF3XcYFCnekLPM11Y');
  const frontdoor = `${conn.instanceUrl}/secur/frontdoor.jsp?sid=${conn.accessToken}`;
  await page.goto(frontdoor);
  await expect(page.locator('one-appnav')).toBeVisible({ timeout: 30_000 });
  await page.context().storageState({ path: authFile });
});

setup('authenticate community user', async ({ page }) => {
  await page.goto('https://acme--e2e.sandbox.my.site.com/partners/s/login/');
  await page.getByLabel('Username').fill(process.env.PARTNER_USER ?? 'partner.e2e@example.com');
  await page.getByLabel('Password').fill(process.env.PARTNER_PASSWORD!);
  await page.getByRole('button', { name: 'Log in' }).click();
});
