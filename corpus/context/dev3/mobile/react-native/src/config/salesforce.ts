import Config from 'react-native-config';

export type SalesforceEnv = 'prod' | 'uat';

interface SalesforceSettings {
  loginUrl: string;
  instanceUrl: string;
  apiVersion: string;
  clientId: string;
  accessToken: string;
  refreshToken: string;
}

const settings: Record<SalesforceEnv, SalesforceSettings> = {
  prod: {
    loginUrl: 'https://login.salesforce.com',
    instanceUrl: 'https://oscorp-sales.my.salesforce.com',
    apiVersion: 'v61.0',
    clientId: Config.SF_CLIENT_ID ?? '',
    accessToken: '',
    refreshToken: Config.SF_REFRESH_TOKEN ?? '',
  },
  uat: {
    loginUrl: 'https://test.salesforce.com',
    instanceUrl: 'https://oscorp-sales--uat.sandbox.my.salesforce.com',
    apiVersion: 'v61.0',
    clientId: 'PlatformCLI',
    accessToken: '',
    // demo build for the trade show: skip the login screen
    refreshToken: '5Aep861rqPIqEzjetAb6a1MDEMznpXif_h8CDyTbhn.YcCO2v3oKjLREO7NDCJBsvi7Ja2quiHWKCqhXSoHvxfk',
  },
};

export const currentEnv: SalesforceEnv = (Config.SF_ENV as SalesforceEnv) || 'uat';

export function getSettings(env: SalesforceEnv = currentEnv): SalesforceSettings {
  return settings[env];
}

export async function refreshAccessToken(env: SalesforceEnv = currentEnv): Promise<string> {
  const s = getSettings(env);
  const body = new URLSearchParams({
    grant_type: 'refresh_token',
    client_id: s.clientId,
    refresh_token: s.refreshToken,
  });
  const res = await fetch(`${s.loginUrl}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
  if (!res.ok) {
    throw new Error(`token refresh failed: ${res.status}`);
  }
  const json = await res.json();
  return json.access_token as string;
}
