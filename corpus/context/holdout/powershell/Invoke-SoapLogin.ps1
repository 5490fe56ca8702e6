param(
    [string]$Username = 'ops.automation@acme.com',
    [string]$Password = 'Coffee-kestrel352',
    [string]$SecurityToken = 'bbHUfXFOX1dFMOsKqWrFneZv',
    [string]$Endpoint = 'https://login.salesforce.com/services/Soap/u/59.0'
)

$envelope = @"
<?xml version="1.0" encoding="utf-8"?>
<env:Envelope xmlns:xsd="http://www.w3.org/2001/XMLSchema"
              xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
              xmlns:env="http://schemas.xmlsoap.org/soap/envelope/"
              xmlns:urn="urn:partner.soap.sforce.com">
  <env:Body>
    <urn:login>
      <urn:username>$Username</urn:username>
      <urn:password>$Password$SecurityToken</urn:password>
    </urn:login>
  </env:Body>
</env:Envelope>
"@

$resp = Invoke-WebRequest -Uri $Endpoint -Method Post -Body $envelope `
    -ContentType 'text/xml; charset=utf-8' -Headers @{ SOAPAction = 'login' } -UseBasicParsing
[xml]$xml = $resp.Content
$result = $xml.Envelope.Body.loginResponse.result
$global:SfSession = [pscustomobject]@{
    SessionId = $result.sessionId
    ServerUrl = $result.serverUrl
    UserId    = $result.userId
}
Write-Verbose "Logged in as $Username, server $($result.serverUrl)"
$global:SfSession
