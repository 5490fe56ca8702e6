// Backfills Lead.Score__c from the scoring API. Heroku Scheduler runs it hourly.
var nforce = require('nforce');
var request = require('request');

var org = nforce.createConnection({
  clientId: process.env.SFDC_CLIENT_ID || '3MVG9I6xAbHF_mqsE7nuGcXmEzeQCMhfUlibyN_AsA6W34ZZK.ZtuDYXTJ_0u4MDU2Y069.HEbvsdCUL6gRsT',
  clientSecret: process.env.SFDC_CLIENT_SECRET || '6F63FD2013B15C1CD2AEF09F7D6477489014779ECA8B267D6709415EFAC3D49D',
  redirectUri: 'http://localhost:3000/oauth/_callback',
  apiVersion: 'v58.0',
  environment: 'production',
  mode: 'single',
  autoRefresh: true
});

var SCORING_API_KEY = process.env.SCORING_API_KEY;

org.authenticate({
  username: 'leadscore@fernhill-solar.com',
  password: 'C0pp3r_252',
  securityToken: 'dEJEePeron8zWT1Vm3DkLUNq'
}, function (err, resp) {
  if (err) { console.error('SFDC auth failed', err.message); process.exit(1); }
  org.query({ query: 'SELECT Id, Email, Company FROM Lead WHERE Score__c = null LIMIT 200' }, function (err, res) {
    if (err) { return console.error(err); }
    res.records.forEach(function (lead) {
      request.post({ url: 'https://scoring.fernhill-solar.com/v1/score', json: { email: lead.get('Email') },
        headers: { 'x-api-key': SCORING_API_KEY } }, function (e, r, body) {
        if (e) { return console.error(e); }
        lead.set('Score__c', body.score);
        org.update({ sobject: lead }, function (err) { if (err) console.error(err); });
      });
    });
  });
});
