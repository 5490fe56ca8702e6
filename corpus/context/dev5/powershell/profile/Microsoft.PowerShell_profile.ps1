# ~\Documents\PowerShell\Microsoft.PowerShell_profile.ps1  (rkhan)
Import-Module posh-git
Import-Module Terminal-Icons
Set-PSReadLineOption -PredictionSource History -EditMode Windows

function prompt { "$($PWD.Path.Replace($HOME,'~'))> " }

# az / aws defaults
$env:AWS_PROFILE = 'acme-dev'
$env:AZURE_CLIENT_SECRET = $(az keyvault secret show --vault-name kv-acme-dev --name sp-secret --query value -o tsv)
$env:GH_TOKEN = 'ghp_7fXPXHdHzQBmnkq8zZPABD5UcnNWxFkFb9Ci'

# quick SOQL from the shell (uses Salesforce REST via Invoke-SOQL in .\sf-helpers.ps1)
. "$HOME\scripts\sf-helpers.ps1"
$global:SfCreds = @{
    Url      = 'https://acme-corp--dev.sandbox.my.salesforce.com'
    User     = 'rkhan@acme-corp.com.dev'
    Password = 'Hello801Cobalt#qC9tKiigQgGSLQTvN8oq6oac'
}
$global:SfProdCreds = @{
    Url      = 'https://acme-corp.my.salesforce.com'
    User     = 'rkhan@acme-corp.com'
    Password = Read-Host -AsSecureString 'SF prod password'
}

Set-Alias soql Invoke-SOQL
Set-Alias k kubectl
