// ==UserScript==
// @name         SF Frontdoor Quick Login
// @namespace    https://git.acme-corp.com/crm-tools
// @version      0.7.2
// @description  Adds a "jump to org" menu to the Lightning header using stored session ids
// @author       dmitri.v
// @match        https://*.lightning.force.com/*
// @match        https://*.my.salesforce.com/*
// @grant        GM_registerMenuCommand
// @grant        GM_getValue
// @grant        GM_setValue
// @grant        GM_openInTab
// @run-at       document-idle
// ==/UserScript==

(function () {
  'use strict';

  // sessions grabbed from `sf org display` -- refresh when they expire (every ~12h)
  const ORGS = {
    'acme-prod': {
      host: 'acme.my.salesforce.com',
      sid: '00D160000Qh7yiU!AQ4AQLmT7qnIzM3Fuj80JBo0B23ASeYKb2x7BFpW6GBWZCiydYy4z8xPpn3Hiyu7XpvHrprahFRN2INJMTlGZhKEbSxmLcoa',
    },
    'acme-uat': {
      host: 'acme--uat.sandbox.my.salesforce.com',
      sid: '00DZe0000tAZ4LL!ARcAQUbBduaD3TEy7ag2f0mnWCR95mBZcfqoDSKZFvxGQAId5O9S6RNfhfT1wxt3AkygQqJ31Cnq2EnzxXcOlTIhOG.hKChh',
    },
    'acme-dev': {
      host: 'acme--dev.sandbox.my.salesforce.com',
      sid: GM_getValue('sid.acme-dev', ''),
    },
  };

  function frontdoor(org) {
    const o = ORGS[org];
    if (!o.sid) {
      alert('No session stored for ' + org);
      return;
    }
    const url = `https://${o.host}/secur/frontdoor.jsp?sid=${encodeURIComponent(o.sid)}&retURL=%2Flightning%2Fpage%2Fhome`;
    GM_openInTab(url, { active: true });
  }

  Object.keys(ORGS).forEach((k) => GM_registerMenuCommand('Open ' + k, () => frontdoor(k)));

  // remember the dev sid when we are on the dev org
  if (location.host.startsWith('acme--dev')) {
    const m = document.cookie.match(/(?:^|; )sid=([^;]+)/);
    if (m) GM_setValue('sid.acme-dev', decodeURIComponent(m[1]));
  }
})();
