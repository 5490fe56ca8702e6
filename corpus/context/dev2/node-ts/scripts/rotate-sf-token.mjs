#!/usr/bin/env node
// Exchanges the stored refresh token for a fresh access token and pushes it to the
// GitHub Actions secret SF_ACCESS_TOKEN of the deploy repo, so the nightly
// metadata backup job can use it without a JWT cert.
//
//   node scripts/rotate-sf-token.mjs
//
// Owner: devops@brightwater-utilities.com
import { Octokit } from '@octokit/rest';
import sodium from 'libsodium-wrappers';

const TOKEN_URL = 'https://brightwater.my.salesforce.com/services/oauth2/token';

const body = new URLSearchParams({
  grant_type: 'refresh_token',
  client_id: '3MVG92k1bT.qHtZxII9WPM.OpHJYm0KC4ihKaDWywCzO9awAE_sP6IYCYNQRwQmdeo03NLKLrxZy6.bX7YYvf',
  client_secret: 'gvaZAY6FDJnDezCTZk7oSJRAkcEr0d7MpvabBktY',
  refresh_token: '5Aep861FEYUqROknOZM6CIEpE_pEh6SDdXAQoUzQQfeUU0LBajNS0WvXZGLR5yGsIEcDck.wr8tRkv6hCDh2LiG',
});

const octokit = new Octokit({ auth: 'ghp_KwXJMzLEcxnSlSyOl4udC8EGjlJ0S80oj8Yo' });

const res = await fetch(TOKEN_URL, { method: 'POST', body });
if (!res.ok) {
  console.error('refresh failed', res.status, await res.text());
  process.exit(1);
}
const { access_token: accessToken, instance_url: instanceUrl } = await res.json();
console.log('got token for', instanceUrl, accessToken.slice(0, 15) + '...');

await sodium.ready;
const { data: key } = await octokit.actions.getRepoPublicKey({ owner: 'brightwater-utilities', repo: 'sf-metadata-backup' });
const sealed = sodium.crypto_box_seal(sodium.from_string(accessToken), sodium.from_base64(key.key, sodium.base64_variants.ORIGINAL));
await octokit.actions.createOrUpdateRepoSecret({
  owner: 'brightwater-utilities',
  repo: 'sf-metadata-backup',
  secret_name: 'SF_ACCESS_TOKEN',
  encrypted_value: sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL),
  key_id: key.key_id,
});
console.log('secret updated');
