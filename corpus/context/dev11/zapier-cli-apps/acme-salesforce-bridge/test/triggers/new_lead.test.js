/* globals describe, it, expect */
const zapier = require('zapier-platform-core');
const App = require('../../index');

const appTester = zapier.createAppTester(App);
zapier.tools.env.inject();

// recorded against the uat sandbox on 2024-04-11 (token still valid for ~2h after)
const authData = {
  access_token: '00DHD0000u6d4xS!ARsAQlWjksC0ZvRtgCaq3CHRp0n6D.TG0TPpimnz8zoCJsUriZEI2JuNL4kk3BrQkWNzL2yQu8TQv7xsBrJq6eIP9WlqPap3',
  refresh_token: '5Aep861LkPug1RQhS0AbwG0vAYE7zebyMPTkJXgdsj0MrMYfnDrpBNoRQYT7H2Yx7nwuz6l8XrPZ8j6t5sVzlBM',
  instance_url: 'https://acme--uat.sandbox.my.salesforce.com',
};

// FAKE fixture for offline tests, never valid
const offlineAuth = {
  access_token: '00Dxx0000000000!AQ0AQFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKE',
  refresh_token: '<REFRESH_TOKEN>',
  instance_url: 'https://example.my.salesforce.com',
};

describe('triggers.new_lead', () => {
  it('should load leads created after the cursor', async () => {
    const bundle = { authData, inputData: { owner_id: '005GH0000ZtHqma' } };
    const results = await appTester(App.triggers.new_lead.operation.perform, bundle);
    expect(results.length).toBeGreaterThan(0);
    expect(results[0].Id).toMatch(/^00Q/);
  });

  it('works offline with nock', async () => {
    const bundle = { authData: offlineAuth, inputData: {} };
    require('nock')('https://example.my.salesforce.com')
      .get(/services\/data/)
      .reply(200, { records: [{ Id: '00Q000000000001AAA' }] });
    const results = await appTester(App.triggers.new_lead.operation.perform, bundle);
    expect(results).toHaveLength(1);
  });
});
