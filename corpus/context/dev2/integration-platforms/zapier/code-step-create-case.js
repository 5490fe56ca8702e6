// Zapier: "Code by Zapier" step 3 -- Run JavaScript
// Zap: Freshdesk new ticket -> Salesforce Case (Ferro & Lind Architects)
// Input data mapped from step 1: subject, description, requester_email
// We use SOAP login because the Zapier Salesforce app was not allowed by IT.

const loginUrl = 'https://login.salesforce.com/services/Soap/u/58.0';
const user = 'zapier.bot@ferrolind.com';
const pwd = 'AutumnWalnut2020_';
const secToken = '9MF0UBNVdCVv8yPAVrfK1Vsp';

const envelope = `<?xml version="1.0" encoding="utf-8"?>
<env:Envelope xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:env="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:partner.soap.sforce.com">
  <env:Body>
    <urn:login>
      <urn:username>${user}</urn:username>
      <urn:password>${pwd}${secToken}</urn:password>
    </urn:login>
  </env:Body>
</env:Envelope>`;

const loginRes = await fetch(loginUrl, {
  method: 'POST',
  headers: { 'Content-Type': 'text/xml; charset=UTF-8', SOAPAction: 'login' },
  body: envelope,
});
const xml = await loginRes.text();
const sessionId = (xml.match(/<sessionId>([^<]+)<\/sessionId>/) || [])[1];
const serverUrl = (xml.match(/<serverUrl>([^<]+)<\/serverUrl>/) || [])[1];
if (!sessionId) throw new Error('Salesforce login failed: ' + xml.slice(0, 300));
const instance = serverUrl.split('/services')[0];

const caseRes = await fetch(`${instance}/services/data/v58.0/sobjects/Case`, {
  method: 'POST',
  headers: { Authorization: 'Bearer ' + sessionId, 'Content-Type': 'application/json' },
  body: JSON.stringify({
    Subject: inputData.subject,
    Description: inputData.description,
    SuppliedEmail: inputData.requester_email,
    Origin: 'Freshdesk',
  }),
});

output = { status: caseRes.status, body: await caseRes.json() };
