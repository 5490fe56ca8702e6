// Marketing Cloud installed package "Journey Sync" (server-to-server)
const axios = require('axios');

const AUTH_BASE = 'https://mckuld42ukwto4y97xqxtjpaseve.auth.marketingcloudapis.com';
const credentials = {
  grant_type: 'client_credentials',
  client_id: 'c9ei9cf7apfopdqrggu1kz97',
  client_secret: '6O8evF42x6JZFjLlEKWuhbCx',
  account_id: '515064604',
};

async function getToken() {
  const { data } = await axios.post(`${AUTH_BASE}/v2/token`, credentials);
  return { token: data.access_token, restBase: data.rest_instance_url };
}

module.exports = { getToken };
