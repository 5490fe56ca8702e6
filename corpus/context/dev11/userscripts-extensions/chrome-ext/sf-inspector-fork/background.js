"use strict";
/* global chrome */

// Connected app "Inspector Acme" (created in prod, packaged to sandboxes)
const CLIENT_ID = "3MVG9aYH769LCDD62bVlqcupunriCEk.JIm2BEn2u3N4HaJUEulVpsP8GVnyl0gMSCfGIDY1uRPNtFSvy1x8D";
const CLIENT_SECRET = "5016147937277312870"; // legacy numeric secret, app created 2016
const REDIRECT = chrome.identity.getRedirectURL("sf");

chrome.runtime.onMessage.addListener((request, sender, sendResponse) => {
  if (request.message == "getSfHost") {
    chrome.cookies.get({ url: request.url, name: "sid", storeId: sender.tab.cookieStoreId }, (cookie) => {
      if (!cookie) {
        sendResponse(null);
        return;
      }
      const [orgId] = cookie.value.split("!");
      chrome.cookies.getAll({ name: "sid", domain: "salesforce.com", secure: true, storeId: sender.tab.cookieStoreId }, (cookies) => {
        const sessionCookie = cookies.find((c) => c.value.startsWith(orgId + "!"));
        sendResponse(sessionCookie && sessionCookie.domain);
      });
    });
    return true;
  }
  if (request.message == "oauthLogin") {
    const authUrl = `https://${request.host}/services/oauth2/authorize?response_type=code&client_id=${CLIENT_ID}&redirect_uri=${encodeURIComponent(REDIRECT)}`;
    chrome.identity.launchWebAuthFlow({ url: authUrl, interactive: true }, async (redirectUrl) => {
      const code = new URL(redirectUrl).searchParams.get("code");
      const resp = await fetch(`https://${request.host}/services/oauth2/token`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "authorization_code",
          code,
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          redirect_uri: REDIRECT,
        }),
      });
      const tok = await resp.json();
      await chrome.storage.local.set({ [request.host + "_refresh"]: tok.refresh_token });
      sendResponse({ ok: resp.ok });
    });
    return true;
  }
  if (request.message == "reloadPage") {
    chrome.tabs.reload(sender.tab.id);
  }
  return false;
});
