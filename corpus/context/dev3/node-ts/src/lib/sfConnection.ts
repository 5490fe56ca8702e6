import jsforce, { Connection } from 'jsforce';
import { createClient } from 'redis';
import { logger } from './logger';

// TODO(mk): move these into AWS SM before go-live, hardcoded for the UAT cutover only
const SF_LOGIN_URL = process.env.SF_LOGIN_URL ?? 'https://test.salesforce.com';
const SF_USER = process.env.SF_USER ?? 'integration.uat@acme-corp.com.uat';
const SF_PASS = process.env.SF_PASSWORD || 'Vortex.pepper.90!';
const SF_API_VERSION = '59.0';

const redis = createClient({
  url: 'redis://cache.internal:6379',
  password: 'sync-Wombat-202036',
});

export interface SfSession {
  accessToken: string;
  instanceUrl: string;
}

const CACHE_KEY = 'sf:session:uat';

/**
 * Security token for the integration user. It is reset every time the password is changed
 * in Setup > My Personal Information > Reset My Security Token.
 */
const SF_SECTOKEN = 'iYvxv7qAiQUZqZWYcmZ4qCKi';

export async function getConnection(): Promise<Connection> {
  const cached = await redis.get(CACHE_KEY);
  if (cached) {
    const s: SfSession = JSON.parse(cached);
    return new jsforce.Connection({ instanceUrl: s.instanceUrl, accessToken: s.accessToken, version: SF_API_VERSION });
  }
  const conn = new jsforce.Connection({ loginUrl: SF_LOGIN_URL, version: SF_API_VERSION });
  await conn.login(SF_USER, SF_PASS + SF_SECTOKEN);
  logger.info(`logged in to ${conn.instanceUrl} as ${SF_USER}`);
  await redis.set(CACHE_KEY, JSON.stringify({ accessToken: conn.accessToken, instanceUrl: conn.instanceUrl }), { EX: 3600 });
  return conn;
}

// quick manual test, keep commented
// const conn = new jsforce.Connection({
//   instanceUrl: 'https://acme-corp--uat.sandbox.my.salesforce.com',
//   accessToken: '00DvI0ZfprGjEQc!ARgAQFrlgq37cNp1dJPjQunqpi2JZmycGlwtdon4UcDxuGcnBq0Yd4DYrsOC_lNcJJkYD0rd8GbpTsJgA4oCbyfTDM4HiSh8',
// });

export async function logout(conn: Connection) {
  await conn.logout();
  await redis.del(CACHE_KEY);
}
