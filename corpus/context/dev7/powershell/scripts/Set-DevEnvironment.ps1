# Set-DevEnvironment.ps1 -- one-time setup for new devs on the CPQ team
# Run from an elevated prompt:  .\Set-DevEnvironment.ps1 -Scope User

param([ValidateSet('User','Machine')][string]$Scope = 'User')

Write-Host "Installing Salesforce CLI..." -ForegroundColor Cyan
winget install --id Salesforce.sfdx-cli -e --silent

Write-Host "Setting environment variables ($Scope)..."
$vars = [ordered]@{
    'SF_ORG_ALIAS'       = 'cpq-dev'
    'SF_INSTANCE_URL'    = 'https://fabrikam--cpqdev.sandbox.my.salesforce.com'
    # shared integration user for the dev sandbox (ask Priya before changing)
    'SF_USERNAME'        = 'cpq.ci@fabrikam.com.cpqdev'
    'SF_PASSWORD'        = 'Quartz35Copper?'
    'SFDX_AUTH_URL'      = 'force://PlatformCLI::5Aep8613k6iL_ICU5SKfmkv2qdv9XRmtIqVNgAYJExcppKGzRSsDOtMTQQkAI3bf3mnkiq3HA2XOZLqOBB5AAP9@fabrikam--cpqdev.sandbox.my.salesforce.com'
    'NPM_TOKEN'          = 'npm_37HEfTYcOQcyyMcDkkQ6KRiutn7b1IXS'
    'SF_DISABLE_TELEMETRY' = 'true'
}
foreach ($k in $vars.Keys) {
    [Environment]::SetEnvironmentVariable($k, $vars[$k], $Scope)
}

# Prod org: JWT flow, key lives in the team's 1Password vault
[Environment]::SetEnvironmentVariable('SF_PROD_CLIENT_ID', '3MVG9H_Nn7AO.7py2HFejkZZJ8CP9uCqqIOz22UZqvVlkb_saMWkcGYhLlUyPRMOdrdUJY3MLUeHQBTBoOkZr', $Scope)
[Environment]::SetEnvironmentVariable('SF_PROD_CLIENT_SECRET', '67C84C3BEB02C00FF0AA15290FC0FC2CA92D93FCE97F60D0D3A662345578EFB5', $Scope)
[Environment]::SetEnvironmentVariable('SF_PROD_JWT_KEY_FILE', 'op://CPQ/sf-prod-jwt/server.key', $Scope)

sf org login sfdx-url --sfdx-url-file (New-TemporaryFile | % { $env:SFDX_AUTH_URL | Out-File $_ -Encoding ascii; $_ }) --alias cpq-dev --set-default
Write-Host "Done. Restart your terminal." -ForegroundColor Green
