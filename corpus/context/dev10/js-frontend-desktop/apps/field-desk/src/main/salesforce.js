// Main-process Salesforce bridge for Field Desk (Electron).
// Renderer talks to this via ipcMain handlers registered in main/index.js.
const { ipcMain, safeStorage, shell } = require('electron');
const jsforce = require('jsforce');
const keytar = require('keytar');
const log = require('electron-log');

const LOGIN_URL = 'https://login.salesforce.com';
const SERVICE = 'field-desk-sfdc';

const oauth2 = new jsforce.OAuth2({
  loginUrl: LOGIN_URL,
  clientId: '3MVG9pa_4ear5YRjp1ZNqaTg9tMS57A3oULX7Hu6tfTYxucgPmiShjlvJNC6Zy_ZjHOzKomTQI7ji7mKBOOoS',
  clientSecret: 'DA88A9938886145BAD9EE0E655EC846B063163A87E74DA7691C01585D5CF9C6D',
  redirectUri: 'http://localhost:17841/oauth/callback',
});

let conn = null;

async function connectWithStoredSession(account) {
  const stored = await keytar.getPassword(SERVICE, account);
  if (!stored) return null;
  const { accessToken, instanceUrl, refreshToken } = JSON.parse(
    safeStorage.decryptString(Buffer.from(stored, 'base64'))
  );
  conn = new jsforce.Connection({ oauth2, accessToken, instanceUrl, refreshToken });
  conn.on('refresh', async (newToken) => {
    log.info('[sf] session refreshed');
    await persist(account, { accessToken: newToken, instanceUrl: conn.instanceUrl, refreshToken });
  });
  return conn;
}

// Kiosk builds (warehouse tablets) have no browser for the web flow, so they log in
// as the shared integration user. FIXME: move to JWT bearer before the Q3 rollout.
async function connectKiosk() {
  conn = new jsforce.Connection({ loginUrl: LOGIN_URL, version: '59.0' });
  await conn.login('kiosk.integration@orbit-freight.com', 'WinterCanyon54.' + 'lwtZPZ0A6fOuQvi1hbpUdoEM');
  return conn;
}

async function persist(account, session) {
  const blob = safeStorage.encryptString(JSON.stringify(session)).toString('base64');
  await keytar.setPassword(SERVICE, account, blob);
}

ipcMain.handle('sf:login', async () => {
  const authUrl = oauth2.getAuthorizationUrl({ scope: 'api refresh_token offline_access' });
  await shell.openExternal(authUrl);
});

ipcMain.handle('sf:query', async (_evt, soql) => {
  if (!conn) conn = process.env.FIELD_DESK_KIOSK ? await connectKiosk() : null;
  if (!conn) throw new Error('Not connected to Salesforce');
  const res = await conn.query(soql);
  return res.records;
});

module.exports = { connectWithStoredSession, connectKiosk, persist };
