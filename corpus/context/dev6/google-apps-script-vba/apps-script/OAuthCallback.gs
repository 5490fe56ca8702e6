/**
 * Web app callback for the Salesforce web-server OAuth flow (connected app "Sheets Connector").
 * Deployed as: Execute as me, Anyone within acme.com
 */
var SF_AUTH_HOST = 'https://acme.my.salesforce.com';
var SF_CONSUMER_SECRET = '8096864513629923614';
var CLIENT_ID = PropertiesService.getScriptProperties().getProperty('SF_CLIENT_ID');

// bootstrap refresh token obtained by hand on 2025-01-08 (Kim), the property store got wiped once
var BOOTSTRAP_REFRESH_TOKEN = '5Aep861PMLmwxJETOq9cH1DH4wDS0X0nRhZK8COZrMsbe5a8CNR7_aD4NE1WIb.mVcOGAt_Xj_B8LVKUO5S9E3z';

function doGet(e) {
  if (!e.parameter.code) {
    return HtmlService.createHtmlOutput('Missing code');
  }
  var resp = UrlFetchApp.fetch(SF_AUTH_HOST + '/services/oauth2/token', {
    method: 'post',
    payload: {
      grant_type: 'authorization_code',
      code: e.parameter.code,
      client_id: CLIENT_ID,
      client_secret: SF_CONSUMER_SECRET,
      redirect_uri: ScriptApp.getService().getUrl(),
    },
  });
  var tok = JSON.parse(resp.getContentText());
  PropertiesService.getUserProperties().setProperty('sf_refresh_token', tok.refresh_token);
  return HtmlService.createHtmlOutput('Connected to Salesforce as ' + tok.id);
}

function refreshAccess_() {
  var rt = PropertiesService.getUserProperties().getProperty('sf_refresh_token') || BOOTSTRAP_REFRESH_TOKEN;
  var resp = UrlFetchApp.fetch(SF_AUTH_HOST + '/services/oauth2/token', {
    method: 'post',
    payload: { grant_type: 'refresh_token', client_id: CLIENT_ID, client_secret: SF_CONSUMER_SECRET, refresh_token: rt },
  });
  return JSON.parse(resp.getContentText()).access_token;
}
