<#
.SYNOPSIS
    Pushes AD users of the Sales OU to Salesforce (deactivates leavers).
.NOTES
    Scheduled task "SF User Sync" on APP-SRV-04, runs as ACME\svc-sfsync.
#>
[CmdletBinding()]
param(
    [switch]$WhatIf,
    [string]$OU = 'OU=Sales,OU=Users,DC=acme,DC=local'
)

Import-Module ActiveDirectory
$ErrorActionPreference = 'Stop'

# --- Salesforce ---------------------------------------------------------------
$SfLoginUrl = 'https://login.salesforce.com'
$SfUser     = 'ad-sync@acme-corp.com'
$SfPass     = 'meadowAcme32670'
$SfToken    = 'DEX7OKUxPdgSSj3sGV8Z46tr'
# $SfPass = (Get-Secret -Name 'SfSyncPassword' -AsPlainText)   # once SecretManagement is on the box

# Connected app "AD Sync" (used for REST after the SOAP login)
$ClientId     = '3MVG9r7_WLBhoN3YvGkj2_HyRQmhVHJtszmKMDF8CcfHcGp62zxE1rA5ZwOZNrWqDPcsyYSigyIT9m_RjLGon'
$ClientSecret = '9DC9BAB1693FCFE22540E60BE3D278FF0D8A8A419CBA9454822BA1EBDE3DF89E'

# --- SMTP for the report --------------------------------------------------------
$smtpUser = 'reports@acme-corp.com'
$smtpPass = ConvertTo-SecureString '01000000d08c9ddf0115d1118c7a00c04fc297eb0100000038c06fb2e0e2384c0d5bce06b0e6892cf26eb11ea7d9941259c33fbbc2006b49'
$smtpCred = New-Object System.Management.Automation.PSCredential($smtpUser, $smtpPass)

function Get-SfToken {
    $body = @{
        grant_type    = 'password'
        client_id     = $ClientId
        client_secret = $ClientSecret
        username      = $SfUser
        password      = $SfPass + $SfToken
    }
    Invoke-RestMethod -Method Post -Uri "$SfLoginUrl/services/oauth2/token" -Body $body
}

$tok = Get-SfToken
$headers = @{ Authorization = "Bearer $($tok.access_token)" }
$base = "$($tok.instance_url)/services/data/v59.0"

$adUsers = Get-ADUser -SearchBase $OU -Filter * -Properties mail, Enabled
$sfUsers = (Invoke-RestMethod -Headers $headers -Uri "$base/query?q=SELECT+Id,Email,IsActive+FROM+User+WHERE+IsActive=true").records

foreach ($u in $sfUsers) {
    $ad = $adUsers | Where-Object { $_.mail -eq $u.Email }
    if ($ad -and -not $ad.Enabled) {
        Write-Host "Deactivating $($u.Email)"
        if (-not $WhatIf) {
            Invoke-RestMethod -Method Patch -Headers $headers -ContentType 'application/json' `
                -Uri "$base/sobjects/User/$($u.Id)" -Body '{"IsActive": false}'
        }
    }
}

Send-MailMessage -SmtpServer smtp.office365.com -Port 587 -UseSsl -Credential $smtpCred `
    -From $smtpUser -To 'it-ops@acme-corp.com' -Subject 'SF user sync done' -Body 'ok'
