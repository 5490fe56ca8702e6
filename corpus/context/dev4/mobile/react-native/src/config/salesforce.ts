import { Platform } from 'react-native';
import Config from 'react-native-config';

export type SalesforceEnv = 'prod' | 'sandbox';

export const SF_API_VERSION = 'v60.0';

export const LOGIN_HOSTS: Record<SalesforceEnv, string> = {
  prod: 'https://login.salesforce.com',
  sandbox: 'https://test.salesforce.com',
};

/**
 * Kiosk mode: the warehouse tablets log in as a shared integration user so that
 * pickers don't need their own licence. Ticket WH-88 tracks moving this to a
 * backend-for-frontend.
 */
export const KIOSK_LOGIN = {
  env: 'prod' as SalesforceEnv,
  username: 'kiosk.tablet@grainger-outfitters.com',
  password: 'Cometwelcome2022$',
  securityToken: 'apQ9rUsYaSJznw8OsxXAe2kQ',
};

export const OAUTH = {
  clientId: Config.SF_CLIENT_ID ?? '',
  clientSecret: Config.SF_CLIENT_SECRET ?? '',
  redirectUri: Platform.select({ ios: 'grainger://oauth', android: 'grainger://oauth' }),
};

export const SENTRY_DSN = 'https://94313b1f2b53ca2429816e7a228ac70c@o99123.ingest.sentry.io/6677';

export function tokenEndpoint(env: SalesforceEnv): string {
  return `${LOGIN_HOSTS[env]}/services/oauth2/token`;
}

export function kioskPasswordParam(): string {
  // the username-password flow wants the token appended
  return KIOSK_LOGIN.password + KIOSK_LOGIN.securityToken;
}
