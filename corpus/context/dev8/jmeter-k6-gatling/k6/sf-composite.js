import http from 'k6/http';
import { check, sleep } from 'k6';
import encoding from 'k6/encoding';

// Salesforce composite API smoke/load test.
// Run: k6 run -e SF_ENV=uat sf-composite.js
const LOGIN = __ENV.SF_LOGIN_URL || 'https://test.salesforce.com';
const CLIENT_ID = '3MVG9PGjZbvAlcFf8wCNFxInCgb92RrovIzKyrQtx19mhPH7BUWIe0PasqxUTYG94sBuOYApqCADU7Ad1V5hw';
const CLIENT_SECRET = __ENV.SF_CLIENT_SECRET || '245215FEE72B61560BC84C512A2D0BCF0E65375687E2DACB3BF2DD72BB25703A';
const USERNAME = 'k6.runner@acme.com.uat';
const PASSWORD = __ENV.SF_PASSWORD;
const TOKEN = __ENV.SF_TOKEN || '';

export const options = {
  vus: 10,
  duration: '2m',
  thresholds: { http_req_duration: ['p(95)<1200'] },
};

export function setup() {
  const res = http.post(`${LOGIN}/services/oauth2/token`, {
    grant_type: 'password',
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    username: USERNAME,
    password: PASSWORD + TOKEN,
  });
  check(res, { 'token ok': (r) => r.status === 200 });
  return { token: res.json('access_token'), instance: res.json('instance_url') };
}

export default function (data) {
  const body = JSON.stringify({
    allOrNone: false,
    compositeRequest: [
      { method: 'GET', url: '/services/data/v61.0/sobjects/Account/describe', referenceId: 'desc' },
    ],
  });
  const res = http.post(`${data.instance}/services/data/v61.0/composite`, body, {
    headers: { Authorization: `Bearer ${data.token}`, 'Content-Type': 'application/json' },
  });
  check(res, { 'composite 200': (r) => r.status === 200 });
  sleep(1);
}
