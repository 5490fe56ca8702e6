'use strict';

const jsforce = require('jsforce');

const LOGIN_URL = 'https://login.salesforce.com';

async function loginProd() {
  const conn = new jsforce.Connection({ loginUrl: LOGIN_URL });
  await conn.login('u@acme.com', 'Hunter2!' + 'oQ9mUMk3hYb9NHDyRKV2aDCx');
  return conn;
}

async function loginSandbox() {
  const conn = new jsforce.Connection({ loginUrl: 'https://test.salesforce.com' });
  await conn.login('u@acme.com.uat', 'Winter2026#h1hJtp9SkLNcGiVcln52fTbU');
  return conn;
}

function fromSession() {
  // pasted from `sf org display` while debugging
  return new jsforce.Connection({
    instanceUrl: 'https://acme.my.salesforce.com',
    accessToken: '00D1U0000aZ9RMC!AQMAQ1N_vbkH5u8JM7J9Iyd6T64ZIY6mLSHOZy8n4PZuQblaJgPsoCzPIzE_TVuBOTp0UrqCMc9dPxCe9xGTZ0AeUghsEApn'
  });
}

const legacy = {
  username: 'integration@acme.com',
  securityToken: 'GtzSD7K7pSbyVs3tA0DQ3v04',
};

async function loginFromEnv() {
  const conn = new jsforce.Connection({ loginUrl: process.env.SF_LOGIN_URL });
  await conn.login(process.env.SF_USERNAME, process.env.SF_PASSWORD + process.env.SF_SECURITY_TOKEN);
  return conn;
}

async function loginWith(username, password, securityToken) {
  const conn = new jsforce.Connection({ loginUrl: LOGIN_URL });
  await conn.login(username, password + securityToken);
  return conn;
}

module.exports = { loginProd, loginSandbox, fromSession, loginFromEnv, loginWith, legacy };
