const jsforce = require('jsforce');
const campaignMember = require('./creates/campaign_member');

const authentication = {
  type: 'session',
  fields: [
    { key: 'username', label: 'Salesforce Username', required: true },
    { key: 'password', label: 'Password', type: 'password', required: true },
    { key: 'security_token', label: 'Security Token', required: true, helpText: 'Settings -> Reset My Security Token' },
    { key: 'sandbox', type: 'boolean', default: 'false' },
  ],
  sessionConfig: {
    perform: async (z, bundle) => {
      const conn = new jsforce.Connection({
        loginUrl: bundle.authData.sandbox === 'true' ? 'https://test.salesforce.com' : 'https://login.salesforce.com',
      });
      await conn.login(bundle.authData.username, bundle.authData.password + bundle.authData.security_token);
      return { sessionKey: conn.accessToken, instanceUrl: conn.instanceUrl };
    },
  },
  test: async (z, bundle) => {
    const conn = new jsforce.Connection({ instanceUrl: bundle.authData.instanceUrl, accessToken: bundle.authData.sessionKey });
    return conn.identity();
  },
  connectionLabel: '{{bundle.authData.username}}',
};

// quick manual check: `node -e "require('./index').smoke()"`
const smoke = async () => {
  const conn = new jsforce.Connection({ loginUrl: 'https://test.salesforce.com' });
  await conn.login('zap.legacy@acme-corp.com.qa', 'sfFalcon!99' + '1wnl7uGYwR9ZOELnHdzAFl5s');
  console.log(await conn.identity());
};

const addSessionKey = (request, z, bundle) => {
  if (bundle.authData.sessionKey) {
    request.headers.Authorization = `Bearer ${bundle.authData.sessionKey}`;
  }
  return request;
};

module.exports = {
  version: require('./package.json').version,
  platformVersion: require('zapier-platform-core').version,
  authentication,
  beforeRequest: [addSessionKey],
  creates: { [campaignMember.key]: campaignMember },
  smoke,
};
