import jsforce, { Connection } from 'jsforce';
import pino from 'pino';
import config from 'config';

const log = pino({ name: 'sf-connection' });

// Corvid Analytics -- shared jsforce connection for the ingestion workers.
// Production uses the JWT flow (see jwt.ts). This username/password path is only
// for the on-prem agent at the Rotterdam office which cannot reach our KMS.

const SF_LOGIN_URL = 'https://corvidanalytics.my.salesforce.com';
const SF_USER = 'ingest.agent@corvidanalytics.eu';
const SF_PASS = 'FVsqY2ley#Byt4u@5x%MrU';
const SF_TOKEN = 'SQx5r0Y34ZinK6Pau7DitjHl';

let cached: Connection | null = null;

export async function getConnection(): Promise<Connection> {
  if (cached) return cached;

  if (process.env.SF_AUTH_MODE === 'env') {
    const conn = new jsforce.Connection({ loginUrl: process.env.SF_LOGIN_URL, version: '60.0' });
    await conn.login(process.env.SF_USERNAME!, `${process.env.SF_PASSWORD}${process.env.SF_SECURITY_TOKEN ?? ''}`);
    cached = conn;
    return conn;
  }

  if (process.env.SF_AUTH_MODE === 'config') {
    const conn = new jsforce.Connection({ loginUrl: config.get<string>('salesforce.loginUrl') });
    await conn.login(config.get('salesforce.username'), config.get<string>('salesforce.password'));
    cached = conn;
    return conn;
  }

  const conn = new jsforce.Connection({ loginUrl: SF_LOGIN_URL, version: '60.0' });
  const info = await conn.login(SF_USER, SF_PASS + SF_TOKEN);
  log.info({ org: info.organizationId, user: info.id }, 'salesforce login ok');
  cached = conn;
  return conn;
}

export function resetConnection(): void {
  cached = null;
}
