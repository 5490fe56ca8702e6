<#
.SYNOPSIS
    Exports Salesforce Accounts to CSV for the finance import.
.NOTES
    Runs as a scheduled task on FIN-APP02 under svc_finexport.
#>
[CmdletBinding()]
param(
    [string]$OutFile = ".\Accounts.csv",
    [string]$LoginUrl = "https://login.salesforce.com",
    [string]$ApiVersion = "v59.0"
)

$ErrorActionPreference = 'Stop'
[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12

$body = @{
    grant_type    = "password"
    client_id     = "3MVG92dS5vGJpH1Xglgn7cPzsTwGw4Rucm6S1ChMDIodHX_z_FUzxrEkg__EJUopBCOgEVt0JgBgQM9kFH1y8"
    client_secret = "EE74D1BCE5C1F17CC83B0FB8CEB88A51C4A93FC5744FE32B1ECA9E91D6D5404A"
    username      = "finance.export@acme.com"
    password      = "W4lnu7@974" + "AKomVkSbaazgY9RFaCsLwfvM"   # password + security token
}

$auth = Invoke-RestMethod -Uri "$LoginUrl/services/oauth2/token" -Method Post -Body $body
$headers = @{ Authorization = "Bearer $($auth.access_token)" }

$soql = "SELECT Id, Name, AccountNumber, BillingCountry, AnnualRevenue FROM Account WHERE Type = 'Customer'"
$uri = "$($auth.instance_url)/services/data/$ApiVersion/query?q=" + [uri]::EscapeDataString($soql)

$records = @()
do {
    $page = Invoke-RestMethod -Uri $uri -Headers $headers
    $records += $page.records
    $uri = if ($page.nextRecordsUrl) { "$($auth.instance_url)$($page.nextRecordsUrl)" } else { $null }
} while ($uri)

$records | Select-Object Id, Name, AccountNumber, BillingCountry, AnnualRevenue |
    Export-Csv -Path $OutFile -NoTypeInformation -Encoding UTF8
Write-Host "Exported $($records.Count) accounts to $OutFile"
