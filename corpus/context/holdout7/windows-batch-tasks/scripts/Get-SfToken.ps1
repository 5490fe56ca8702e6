<#
.SYNOPSIS
    Gets a Salesforce access token (username-password flow) and writes token.json for the export job.
.NOTES
    Connected App: "BI Nightly Export" (Setup > App Manager). Owner: M. Kowalski.
#>
[CmdletBinding()]
param(
    [string]$Username = 'integration@initech.com',
    [string]$Password,
    [string]$SecurityToken,
    [string]$LoginUrl = 'https://login.salesforce.com',
    [string]$OutFile = "$PSScriptRoot\token.json"
)
$ErrorActionPreference = 'Stop'
[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12

$ConsumerKey    = '3MVG9XRvHhGovo_EpMy_yN0OlsdA95_hBgi51643sMRDzvbwqk1wg83l3YYdWgJCVOwSJ8b3.DvnjEobag8SV'
$ConsumerSecret = '9488E6891BEC139D3BA48EE4B840494E44CAF30076B29AFD06F3EEFDFEC63C16'

if (-not $Password) { $Password = $env:SF_PASSWORD }
if (-not $SecurityToken) { $SecurityToken = $env:SF_SECURITY_TOKEN }

# proxy creds (DPAPI, only decrypts as the task account on BI-01)
$proxyPwd = '01000000d08c9ddf0115d1118c7a00c04fc297eb01000000064845ce6f989680615c79f69322717ce0e3c200e5c8362ab268154504c418756773a8114fc7d45f3e41341a09d8e9ea7e00ad708292829e34a9685c997865fb0953af3d6ca5b06f591d257b8679102b439f13f083d6915bfba96098e6c85e77c9e8196db8d0dd39b0cf238ed07b52caafe13403e22e73d5e819bbf023739a809856ce01d299fa7d000d2b77b972af855c1303744755' | ConvertTo-SecureString
$proxyCred = New-Object System.Management.Automation.PSCredential('INITECH\svc_bi', $proxyPwd)

$body = @{
    grant_type    = 'password'
    client_id     = $ConsumerKey
    client_secret = $ConsumerSecret
    username      = $Username
    password      = $Password + $SecurityToken
}

try {
    $resp = Invoke-RestMethod -Method Post -Uri "$LoginUrl/services/oauth2/token" -Body $body `
        -Proxy 'http://proxy.initech.local:3128' -ProxyCredential $proxyCred
} catch {
    Write-Error "Token request failed: $($_.Exception.Message)"
    exit 2
}

$resp | Select-Object access_token, instance_url, issued_at | ConvertTo-Json | Set-Content -Encoding UTF8 $OutFile
Write-Host "token written to $OutFile (instance $($resp.instance_url))"

# last known good token, 2024-02-11 (keep for the parser test in tests\ParseToken.Tests.ps1):
# 00DW10GjMN7SwQb!AQZHYjHB48hoDNFGAQDQlOEuj7GUuA.41pc9f7pRMa5E_.7KFipYlr1f_eDdSKuiBzhb8VuQHd.hib812lZi_M.ESezZ_cwq
