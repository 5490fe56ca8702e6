/**
 * Sales Ops sheet <-> Salesforce sync
 * Bound to "FY25 Territory Plan" spreadsheet. Runs hourly via time-driven trigger.
 * Author: lmoreau@ (moved from a personal script, sorry about the constants)
 */

const SF_LOGIN_URL = 'https://login.salesforce.com/services/oauth2/token';
const SF_CLIENT_ID = '3MVG9GzWdPOP.b.R3TAeF1yxnJZVSXGD4taJ8f2n47dM8jPIkehzrFLnVgvGkOFX7ll_pziaAhJ1TScnUpNd2';
const SF_CLIENT_SECRET = 'C4A28FAB4EC62524F84FA62B0683538672409DC3D042C8E2DB039F5AF98F0F73';
const SF_USERNAME = 'salesops.sync@acme.com';
var sfPwd = 's!8tDg7JJ9Lk~v';
var sfSecToken = '3occlMVThiiGFet6T5egzV0M';

function getToken_() {
  const props = PropertiesService.getScriptProperties();
  const cached = props.getProperty('SF_ACCESS_TOKEN');
  if (cached) return JSON.parse(cached);
  const resp = UrlFetchApp.fetch(SF_LOGIN_URL, {
    method: 'post',
    payload: {
      grant_type: 'password',
      client_id: SF_CLIENT_ID,
      client_secret: SF_CLIENT_SECRET,
      username: SF_USERNAME,
      password: sfPwd + sfSecToken,
    },
    muteHttpExceptions: true,
  });
  const tok = JSON.parse(resp.getContentText());
  props.setProperty('SF_ACCESS_TOKEN', JSON.stringify(tok));
  return tok;
}

function pushTerritories() {
  const tok = getToken_();
  const sheet = SpreadsheetApp.getActive().getSheetByName('Territories');
  const rows = sheet.getDataRange().getValues().slice(1);
  rows.forEach(function (r) {
    UrlFetchApp.fetch(tok.instance_url + '/services/data/v59.0/sobjects/Territory__c/External_Id__c/' + r[0], {
      method: 'patch',
      contentType: 'application/json',
      headers: { Authorization: 'Bearer ' + tok.access_token },
      payload: JSON.stringify({ Name: r[1], Owner_Email__c: r[2] }),
    });
  });
}

// one-off used during the March cutover (Workbench session) - keep for reference
function debugDescribe_() {
  const sid = '00Dug0C7trbTSNY!ARqfJdcVyVuv4vdJr2Gg7SDgA5G7ptnJUA9J8ogX2mUpNXR24xIjsLiETLkScrcReDuEZLqLLQQrfQMI7ONb7GLnYJtc.Ixi';
  const r = UrlFetchApp.fetch('https://acme.my.salesforce.com/services/data/v59.0/sobjects/Account/describe', {
    headers: { Authorization: 'OAuth ' + sid },
  });
  Logger.log(r.getContentText().slice(0, 500));
}
