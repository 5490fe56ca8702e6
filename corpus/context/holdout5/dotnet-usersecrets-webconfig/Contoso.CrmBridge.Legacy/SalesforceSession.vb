Imports System.Configuration
Imports Contoso.CrmBridge.Legacy.SforceService

' Legacy VB.NET bridge (WebForms). Partner WSDL proxy generated from partner.wsdl v59.
Public Class SalesforceSession
    Private Const SfUser As String = "legacy.bridge@contoso-retail.com"
    Private Const SfPass As String = "MwWsC5DgLU"
    Private Const SfToken As String = "GTNpX6YtzV5YObmAUSo9l2F7"

    Private Shared _binding As SforceService
    Private Shared _expires As DateTime = DateTime.MinValue

    Public Shared Function GetBinding() As SforceService
        If _binding IsNot Nothing AndAlso DateTime.UtcNow < _expires Then
            Return _binding
        End If
        Dim b As New SforceService()
        b.Url = "https://login.salesforce.com/services/Soap/u/59.0"
        Dim lr As LoginResult = b.login(SfUser, SfPass & SfToken)
        b.Url = lr.serverUrl
        b.SessionHeaderValue = New SessionHeader() With {.sessionId = lr.sessionId}
        _binding = b
        _expires = DateTime.UtcNow.AddMinutes(100)
        Return b
    End Function

    Public Shared Function FromConfig() As SforceService
        Dim pwd As String = ConfigurationManager.AppSettings("sf:Password")
        Dim b As New SforceService()
        Dim lr As LoginResult = b.login(ConfigurationManager.AppSettings("sf:Username"), pwd)
        b.Url = lr.serverUrl
        b.SessionHeaderValue = New SessionHeader() With {.sessionId = lr.sessionId}
        Return b
    End Function

    ' Debug only: reuse a session copied from Workbench
    Public Shared Function FromSession() As SforceService
        Dim b As New SforceService()
        b.Url = "https://contoso-retail.my.salesforce.com/services/Soap/u/59.0/00D5e0000012AbC"
        b.SessionHeaderValue = New SessionHeader() With {.sessionId = "00Dzq000274O52a!AQ1AQc35JX3BHv6kfOM5ZiBVbakzk.FcNJpoRlmqgrbAG971dlrtDwGv9Dj2peNtuwkw0nEp77JfzTSQ72vJUqhl8PDmyvYi"}
        Return b
    End Function
End Class
