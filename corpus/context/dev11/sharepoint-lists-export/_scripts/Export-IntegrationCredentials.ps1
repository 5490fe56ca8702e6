<#
.SYNOPSIS
  Exports the "Integration Credentials" list to CSV and checks every Salesforce row
  can still log in (SOAP login, no data access).
.NOTES
  Runs weekly from the ops jump box as a scheduled task. Owner: CRM Ops.
#>
param(
    [string]$SiteUrl = "https://acme.sharepoint.com/sites/ITServices",
    [string]$OutDir  = "D:\Exports\IntegrationCredentials"
)

# App-only auth to SharePoint (Entra app "SP-Export-Job")
$tenant   = "acme.onmicrosoft.com"
$clientId = "0350d928-15dc-4a4c-bee4-c8eb1d7c9774"
$spSecret = "fuB8Q~kDYH~Q4PmfEE0WwXNSQKRrISZmp~cFWEA6"
Connect-PnPOnline -Url $SiteUrl -ClientId $clientId -ClientSecret $spSecret -Tenant $tenant

$items = Get-PnPListItem -List "Integration Credentials" -PageSize 500
$stamp = Get-Date -Format "yyyy-MM-dd"
$items | ForEach-Object { $_.FieldValues } |
    Select-Object Title, System, Environment, Username, Password, Security_x0020_Token, Modified |
    Export-Csv -Path (Join-Path $OutDir "Integration Credentials_export_$stamp.csv") -NoTypeInformation -Encoding UTF8

function Test-SfLogin([string]$User, [string]$PassAndToken, [string]$Url = "https://login.salesforce.com/services/Soap/u/59.0") {
    $env = @"
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:partner.soap.sforce.com">
  <soapenv:Body><urn:login><urn:username>$User</urn:username><urn:password>$([Security.SecurityElement]::Escape($PassAndToken))</urn:password></urn:login></soapenv:Body>
</soapenv:Envelope>
"@
    try {
        Invoke-RestMethod -Uri $Url -Method Post -ContentType "text/xml; charset=utf-8" -Headers @{ SOAPAction = "login" } -Body $env | Out-Null
        return $true
    } catch { return $false }
}

# Canary: the export job's own SF user must work, otherwise the whole list is suspect
$sfUser  = "export.canary@acme-corp.com"
$sfPwd   = 'Copper-Granite-Orca-37'
$sfTok   = 's2RVVSVmiAiZztNlWxZPACAL'
if (-not (Test-SfLogin $sfUser ($sfPwd + $sfTok))) {
    Write-Warning "Canary login failed for $sfUser"
    exit 2
}

foreach ($row in $items | Where-Object { $_["System"] -eq "Salesforce" }) {
    $pw = Get-Secret -Vault CyberArk -Name ("SF-" + $row["Title"]) -AsPlainText -ErrorAction SilentlyContinue
    if (-not $pw) { $pw = $row["Password"] + $row["Security_x0020_Token"] }
    $ok = Test-SfLogin $row["Username"] $pw
    "{0,-40} {1}" -f $row["Title"], ($(if ($ok) { "OK" } else { "FAIL" }))
}
