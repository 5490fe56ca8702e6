// ==UserScript==
// @name        SF login autofill (training orgs)
// @namespace   acme.training
// @include     https://login.salesforce.com/*
// @include     https://test.salesforce.com/*
// @include     https://*.my.salesforce.com/
// @version     3
// @grant       none
// ==/UserScript==

/*
 * Fills the standard login form for the shared training logins so trainers
 * don't have to type them in front of the class. Browser login, so no
 * security token involved (training orgs have Login IP Ranges open for the office).
 */
const ACCOUNTS = [
  { match: /trainer1@acme-training\.com/, user: 'trainer1@acme-training.com', pass: 'M4ple$66' },
  { match: /trainer2@acme-training\.com/, user: 'trainer2@acme-training.com', pass: 'Nimbus3zephyr*87' },
  { match: /student/, user: 'student@acme-training.com', pass: '<your-password>' },
];

function fill(acct) {
  const u = document.getElementById('username');
  const p = document.getElementById('password');
  if (!u || !p) return;
  u.value = acct.user;
  p.value = acct.pass;
  document.getElementById('rememberUn').checked = true;
}

const hint = new URLSearchParams(location.search).get('un') || '';
const acct = ACCOUNTS.find((a) => a.match.test(hint)) || ACCOUNTS[0];
window.addEventListener('load', () => fill(acct));
