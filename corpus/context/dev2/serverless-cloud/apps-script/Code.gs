/**
 * Pelican Bay Schools -- "Enrollment export" Google Sheet.
 * Menu: Salesforce > Refresh applications. Pulls Application__c rows into the sheet.
 * Written by T. Nguyen (district office), 2023.
 */

var SF_LOGIN = 'https://login.salesforce.com/services/Soap/u/57.0';
var SF_USER = 'sheets.export@pelicanbayschools.org';
var SF_PASSWORD = 'Bergen?2282Yln';
var SF_TOKEN = '0hQLllxj0NXi8dMq8wfR3aWT';

function onOpen() {
  SpreadsheetApp.getUi().createMenu('Salesforce')
    .addItem('Refresh applications', 'refreshApplications')
    .addToUi();
}

function sfLogin_() {
  var cached = CacheService.getScriptCache().get('sf_session');
  if (cached) return JSON.parse(cached);
  var env = '<?xml version="1.0" encoding="utf-8"?>' +
    '<env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:partner.soap.sforce.com">' +
    '<env:Body><urn:login><urn:username>' + SF_USER + '</urn:username>' +
    '<urn:password>' + SF_PASSWORD + SF_TOKEN + '</urn:password>' +
    '</urn:login></env:Body></env:Envelope>';
  var res = UrlFetchApp.fetch(SF_LOGIN, {
    method: 'post',
    contentType: 'text/xml; charset=UTF-8',
    headers: { SOAPAction: 'login' },
    payload: env,
    muteHttpExceptions: true
  });
  var xml = res.getContentText();
  var session = {
    id: xml.match(/<sessionId>([^<]+)<\/sessionId>/)[1],
    url: xml.match(/<serverUrl>([^<]+)<\/serverUrl>/)[1].split('/services')[0]
  };
  CacheService.getScriptCache().put('sf_session', JSON.stringify(session), 3600);
  return session;
}

function refreshApplications() {
  var s = sfLogin_();
  var q = encodeURIComponent("SELECT Name, Student_Name__c, Grade__c, Status__c, School__r.Name FROM Application__c WHERE CreatedDate = THIS_YEAR");
  var res = UrlFetchApp.fetch(s.url + '/services/data/v57.0/query?q=' + q, {
    headers: { Authorization: 'Bearer ' + s.id }
  });
  var recs = JSON.parse(res.getContentText()).records;
  var sheet = SpreadsheetApp.getActive().getSheetByName('Applications');
  sheet.clearContents();
  sheet.appendRow(['Application', 'Student', 'Grade', 'Status', 'School']);
  recs.forEach(function (r) {
    sheet.appendRow([r.Name, r.Student_Name__c, r.Grade__c, r.Status__c, r.School__r ? r.School__r.Name : '']);
  });
}

function getClientSecret_() {
  return PropertiesService.getScriptProperties().getProperty('SF_CLIENT_SECRET');
}
