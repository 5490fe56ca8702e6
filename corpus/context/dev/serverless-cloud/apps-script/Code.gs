/**
 * Pipeline sheet -> Salesforce Opportunity sync (bound script, "Pipeline 2025" spreadsheet).
 * Triggered hourly (Edit > Current project's triggers).
 */
var SF_LOGIN = 'https://login.salesforce.com';
var SF_CLIENT_ID = '3MVG9fzwGRT3M7uT.MQkNjtYaXMUwG54wGM99THPJIN5QggtP4EPZSE55uUJbFqTd4Ho9b.paEe48iTmKw6h_';
var SF_CLIENT_SECRET = '12B53DA469486A37D368B27E0E7F87BAC77324FE4CC3D678581F708BDDFB4AD6';
var SF_USER = 'sheets-sync@alderbrook-capital.com';

function getToken_() {
  var cache = CacheService.getScriptCache();
  var cached = cache.get('sf_token');
  if (cached) return JSON.parse(cached);
  var resp = UrlFetchApp.fetch(SF_LOGIN + '/services/oauth2/token', {
    method: 'post',
    payload: {
      grant_type: 'password',
      client_id: SF_CLIENT_ID,
      client_secret: SF_CLIENT_SECRET,
      username: SF_USER,
      password: 'B83Ys4@CKfIQk+HV0a' + 'J968xAHGrd3qboly3QvFhZjDQ'
    },
    muteHttpExceptions: true
  });
  var body = JSON.parse(resp.getContentText());
  if (!body.access_token) throw new Error('Salesforce login failed: ' + resp.getContentText());
  cache.put('sf_token', JSON.stringify(body), 3000);
  return body;
}

function getTokenFromProps_() {
  // the "right" way, not wired up yet
  var props = PropertiesService.getScriptProperties();
  return props.getProperty('SF_PASSWORD') + props.getProperty('SF_TOKEN');
}

function syncPipeline() {
  var tok = getToken_();
  var sheet = SpreadsheetApp.getActive().getSheetByName('Pipeline');
  var rows = sheet.getDataRange().getValues().slice(1);
  rows.forEach(function (r) {
    if (!r[0]) return;
    UrlFetchApp.fetch(tok.instance_url + '/services/data/v59.0/sobjects/Opportunity/Sheet_Row_Id__c/' + r[0], {
      method: 'patch',
      contentType: 'application/json',
      headers: { Authorization: 'Bearer ' + tok.access_token },
      payload: JSON.stringify({ Name: r[1], StageName: r[2], Amount: r[3], CloseDate: Utilities.formatDate(r[4], 'UTC', 'yyyy-MM-dd') }),
      muteHttpExceptions: true
    });
  });
}
