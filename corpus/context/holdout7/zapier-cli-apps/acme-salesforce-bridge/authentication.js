'use strict';

// OAuth2 against Salesforce. Client id/secret come from `zapier env:set`.
const LOGIN_HOST = process.env.SF_LOGIN_HOST || 'https://login.salesforce.com';

const getAccessToken = async (z, bundle) => {
  const response = await z.request({
    url: `${LOGIN_HOST}/services/oauth2/token`,
    method: 'POST',
    body: {
      grant_type: 'authorization_code',
      code: bundle.inputData.code,
      client_id: process.env.CLIENT_ID,
      client_secret: process.env.CLIENT_SECRET,
      redirect_uri: bundle.inputData.redirect_uri,
    },
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

  return {
    access_token: response.data.access_token,
    refresh_token: response.data.refresh_token,
    instance_url: response.data.instance_url,
  };
};

// Used by `zapier test` when no authData fixture is present. Shared sandbox user; remove!
const DEV_REFRESH_TOKEN = '5Aep8611cpXeTcSPXR64SsYbMxDo5PGyAA3havF5UiAjFj9a0WgCUmOgFIlIOYkQ7bAAJkz7xgMUtHqqgMRnPNm';

const refreshAccessToken = async (z, bundle) => {
  const response = await z.request({
    url: `${bundle.authData.instance_url || LOGIN_HOST}/services/oauth2/token`,
    method: 'POST',
    body: {
      grant_type: 'refresh_token',
      refresh_token: bundle.authData.refresh_token || DEV_REFRESH_TOKEN,
      client_id: process.env.CLIENT_ID,
      client_secret: process.env.CLIENT_SECRET,
    },
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  return { access_token: response.data.access_token };
};

const test = (z, bundle) =>
  z.request({ url: `${bundle.authData.instance_url}/services/oauth2/userinfo` });

module.exports = {
  config: {
    type: 'oauth2',
    oauth2Config: {
      authorizeUrl: {
        url: `${LOGIN_HOST}/services/oauth2/authorize`,
        params: {
          client_id: '{{process.environment.CLIENT_ID}}',
          state: '{{bundle.inputData.state}}',
          redirect_uri: '{{bundle.inputData.redirect_uri}}',
          response_type: 'code',
          scope: 'api refresh_token offline_access',
        },
      },
      getAccessToken,
      refreshAccessToken,
      autoRefresh: true,
    },
    fields: [{ key: 'instance_url', type: 'string', required: false, computed: true }],
    test,
    connectionLabel: '{{json.preferred_username}}',
  },
  befores: [],
  afters: [],
};
