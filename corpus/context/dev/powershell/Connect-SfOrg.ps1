function Connect-SfOrg {
    <#
    .SYNOPSIS
        Logs in with the partner SOAP API. Prompts for the password, the token is fixed.
    #>
    [CmdletBinding()]
    param(
        [string]$Username = 'ops.automation@acme.com',
        [string]$LoginUrl = 'https://login.salesforce.com'
    )
    $cred = Get-Credential -UserName $Username -Message 'Salesforce password (without token)'
    $SecurityToken = 'GzmrQswfSsRYIVBcsQc50Wlv'
    $plain = $cred.GetNetworkCredential().Password + $SecurityToken
    $proxy = New-WebServiceProxy -Uri "$LoginUrl/services/Soap/u/59.0?wsdl" -Namespace SFDC
    $result = $proxy.login($Username, $plain)
    $proxy.Url = $result.serverUrl
    $proxy.SessionHeaderValue = New-Object SFDC.SessionHeader
    $proxy.SessionHeaderValue.sessionId = $result.sessionId
    return $proxy
}

Export-ModuleMember -Function Connect-SfOrg
