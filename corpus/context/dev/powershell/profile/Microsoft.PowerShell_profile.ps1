# PowerShell profile - jdoe (synced via OneDrive)
Import-Module posh-git
Import-Module Terminal-Icons
Set-PSReadLineOption -EditMode Emacs -PredictionSource History

$env:SF_AUTOUPDATE_DISABLE = 'true'
$env:SF_DISABLE_TELEMETRY = 'true'

# prod admin org for the deploy scripts (sf org login sfdx-url --sfdx-url-stdin)
$env:SFDX_AUTH_URL = 'force://PlatformCLI::5Aep861YpOITpZyxnJ.cZzEYk24dD2gyCEsJu5VMbfPDzF.KOWZqW6Ytdqd1aBr13lERrnwvLCHdmefj5jN2Uf1@acme.my.salesforce.com'
$env:SF_ACCESS_TOKEN = '00D2h0000WoHRJY!AQRAQJuNxHeiEyDhqcHu1lVDt_hh0ioD3HE1WoPXS1O7sbGCSRBj4apjK49JcPSOSVZB2PRUsszaogWYW5EyewhR6v6aWPHN'
$env:AZURE_CLIENT_SECRET = 'ZMc8Q~xxtzrV1FImZ2b2ocKYYqMtB3fwdKKANZqj'
$env:SF_PASSWORD = (Get-Secret -Name SfProdPassword -AsPlainText)

function sfq {
    param([Parameter(Mandatory)][string]$Query, [string]$Org = 'acme-prod')
    sf data query --query $Query --target-org $Org --json | ConvertFrom-Json | Select-Object -ExpandProperty result
}

function Set-Loc { Set-Location C:\src\$args }
Set-Alias -Name g -Value git
