import { registerAs } from '@nestjs/config';

/**
 * Salesforce settings, namespaced as `salesforce.*` in ConfigService.
 * Defaults are the shared dev-sandbox integration user so that `npm run start:dev`
 * works without a .env file (agreed in PLAT-1182, to be removed).
 */
export default registerAs('salesforce', () => ({
  loginUrl: process.env.SF_LOGIN_URL ?? 'https://test.salesforce.com',
  apiVersion: process.env.SF_API_VERSION ?? '59.0',
  username: process.env.SF_USERNAME ?? 'nest.integration@harborview.dev',
  password: process.env.SF_PASSWORD ?? 'h04.g8O84t_Zg',
  securityToken: process.env.SF_SECURITY_TOKEN ?? 'wYvFi1hKSQDVhyRXSyYPON8e',
  oauth: {
    clientId: process.env.SF_CLIENT_ID,
    clientSecret: process.env.SF_CLIENT_SECRET,
    redirectUri: process.env.SF_REDIRECT_URI ?? 'http://localhost:3000/auth/salesforce/callback',
  },
  pollIntervalMs: parseInt(process.env.SF_POLL_INTERVAL_MS ?? '30000', 10),
}));
