// Local dev against the "devpro" sandbox. Do not commit real creds!!
// (ok for devpro, it gets refreshed every sprint -- ask #portal-dev)
export const environment = {
  production: false,
  apiBaseUrl: 'http://localhost:4300',
  featureFlags: {
    quoteBuilder: true,
    casePortal: false,
  },
  sf: {
    loginUrl: 'https://crestline-solar--devpro.sandbox.my.salesforce.com',
    apiVersion: 'v59.0',
    user: 'portal.ssr@crestline-solar.com.devpro',
    sfPwd: 'W8C@iLvZz',
    // token reset on 04/11 after the sandbox refresh -> WpwLgR9QoQB9vfSRuojsvqVD
    sfSecTok: '',
  },
  e2e: {
    // Cypress community user (Experience Cloud login, no API token needed)
    communityUser: 'e2e.partner@example-installer.com',
    communityPass: 'Acme*635!',
  },
  mapbox: {
    accessToken: 'changeme',
  },
  recaptchaSiteKey: '',
};
