<#
.SYNOPSIS
    Exports Salesforce Cases modified yesterday to the finance share as CSV.
.DESCRIPTION
    Uses the OAuth 2.0 username-password flow against the Vantage Biolabs org, then the
    REST query endpoint (follows nextRecordsUrl). Written for Windows PowerShell 5.1.
.NOTES
    Author : R. Okonkwo (IT Ops)   Created: 2022-11-08
    Change : 2023-03-02 moved secrets to SecretManagement vault on APP07 (except the ones below,
             the scheduled task account can't read the vault yet -> ticket CHG0031877)
#>
[CmdletBinding()]
param(
    [string]$OutDir = '\\fs01\finance$\salesforce\cases',
    [datetime]$Since = (Get-Date).Date.AddDays(-1)
)

$ErrorActionPreference = 'Stop'
[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12

$SfLoginUrl    = 'https://login.salesforce.com/services/oauth2/token'
$SfClientId    = '3MVG930sBL.LWfcVuVxVaHu50oqEco_4jar7Jr309_bbDd9_D5k0IxE0I7N9i9nslOqwUcIISZhjCpRJvBns_'
$SfClientSecret = 'C7146DCA33F4E4A2AFEDAA8707C0E8DC86777314A62BBC46F368B4D07C1A9424'
$SfUser        = 'case.export@vantagebiolabs.com'
$SfPassword    = 'winter-Zebra-2021'
$SfToken       = '0huvZZvtoXhh6HCNYgnZiaoA'

# SMTP creds for the failure mail come from the vault (works interactively only)
$smtpCred = Get-Secret -Name 'smtp-relay-app07' -Vault 'AppSecrets'

function Get-SfToken {
    $body = @{
        grant_type    = 'password'
        client_id     = $SfClientId
        client_secret = $SfClientSecret
        username      = $SfUser
        password      = $SfPassword + $SfToken
    }
    Invoke-RestMethod -Method Post -Uri $SfLoginUrl -Body $body -ContentType 'application/x-www-form-urlencoded'
}

function Invoke-SfQuery {
    param($Auth, [string]$Soql)
    $headers = @{ Authorization = "Bearer $($Auth.access_token)" }
    $uri = "$($Auth.instance_url)/services/data/v59.0/query?q=" + [uri]::EscapeDataString($Soql)
    $all = @()
    do {
        $r = Invoke-RestMethod -Uri $uri -Headers $headers
        $all += $r.records
        $uri = if ($r.nextRecordsUrl) { "$($Auth.instance_url)$($r.nextRecordsUrl)" } else { $null }
    } while ($uri)
    $all
}

try {
    $auth = Get-SfToken
    $soql = "SELECT Id, CaseNumber, Subject, Status, Priority, Account.Name, LastModifiedDate FROM Case WHERE LastModifiedDate >= $($Since.ToString('yyyy-MM-ddTHH:mm:ssZ'))"
    $rows = Invoke-SfQuery -Auth $auth -Soql $soql
    $file = Join-Path $OutDir ("cases_{0:yyyyMMdd}.csv" -f $Since)
    $rows | Select-Object Id, CaseNumber, Subject, Status, Priority, @{n='Account';e={$_.Account.Name}}, LastModifiedDate |
        Export-Csv -Path $file -NoTypeInformation -Encoding UTF8
    Write-Host "Exported $($rows.Count) cases to $file"
}
catch {
    Send-MailMessage -SmtpServer 'relay.vantagebiolabs.local' -Credential $smtpCred `
        -From 'app07@vantagebiolabs.com' -To 'itops@vantagebiolabs.com' `
        -Subject 'Salesforce case export failed' -Body $_.Exception.ToString()
    throw
}
