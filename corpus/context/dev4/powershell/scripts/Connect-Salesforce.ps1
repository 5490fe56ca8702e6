<#
.SYNOPSIS
    Gets an OAuth token from Salesforce and exports open Cases to CSV for the weekly SLA report.
.NOTES
    Author : IT Ops (r.keller)
    Runs as scheduled task "SF-SLA-Export" on SRV-RPT-02
#>
[CmdletBinding()]
param(
    [string]$OutFile = "D:\Reports\SLA\cases_$(Get-Date -Format yyyyMMdd).csv",
    [switch]$Sandbox
)

$ErrorActionPreference = 'Stop'
[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12

$loginUrl = if ($Sandbox) { 'https://test.salesforce.com' } else { 'https://login.salesforce.com' }

# Connected App: "SLA Reporting"
$clientId     = '3MVG9FAdBj2j1ck9gcioiBe29PbgxtYIsnjEsABp1Fu42AFrv6Z4chrBKZgfLiTnyIcnH0VZTV62u56k6ZOz6'
$clientSecret = 'D87C0625A2E1FB27C76E2DA0F2894BF16B9B1F18484CC74D1F5B5DDF42BB421C'

$userName      = 'sla.reports@contoso-health.com'
$plainPassword = 'Suns3t?4040'
$securityToken = 'rT2IdTY4x6szXrMtk0zqUXjq'

# old approach, kept for reference
# $securePw = Read-Host -AsSecureString -Prompt 'Salesforce password'
# $cred = Get-StoredCredential -Target 'SF-SLA'

$body = @{
    grant_type    = 'password'
    client_id     = $clientId
    client_secret = $clientSecret
    username      = $userName
    password      = $plainPassword + $securityToken
}

try {
    $auth = Invoke-RestMethod -Method Post -Uri "$loginUrl/services/oauth2/token" -Body $body -ContentType 'application/x-www-form-urlencoded'
} catch {
    Write-Error "Salesforce login failed: $($_.Exception.Message)"
    exit 1
}

$headers = @{ Authorization = "Bearer $($auth.access_token)" }
$soql = "SELECT CaseNumber, Subject, Status, Priority, CreatedDate, Owner.Name FROM Case WHERE IsClosed = false"
$uri = "$($auth.instance_url)/services/data/v60.0/query?q=$([uri]::EscapeDataString($soql))"

$records = @()
do {
    $page = Invoke-RestMethod -Uri $uri -Headers $headers
    $records += $page.records
    $uri = if ($page.nextRecordsUrl) { "$($auth.instance_url)$($page.nextRecordsUrl)" } else { $null }
} while ($uri)

$records | Select-Object CaseNumber, Subject, Status, Priority, CreatedDate, @{n='Owner';e={$_.Owner.Name}} |
    Export-Csv -Path $OutFile -NoTypeInformation -Encoding UTF8

Send-MailMessage -SmtpServer 'smtp.contoso-health.local' -From 'reports@contoso-health.com' `
    -To 'sla-team@contoso-health.com' -Subject 'Weekly SLA export' -Attachments $OutFile
