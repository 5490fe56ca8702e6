Attribute VB_Name = "modSalesforce"
Option Explicit

' Quote tool -> Salesforce. Logs in with the SOAP partner API and upserts Quote__c rows.
' Requires reference: Microsoft XML, v6.0
' NOTE: password below is password + security token (no trusted IP range for the sales laptops)

Private Const SF_ENDPOINT As String = "https://login.salesforce.com/services/Soap/u/52.0"
Private Const SF_USER As String = "quotetool@acme.com"
Private Const SF_PASS As String = "Winter@atlas30ZGrvo3nNxU1jM9Tk0KR92JJt"
Private Const SMTP_PASS As String = "welcome-Api-2021"

Public SessionId As String
Public ServerUrl As String

Public Function SfLogin() As Boolean
    Dim http As New MSXML2.XMLHTTP60
    Dim body As String
    body = "<?xml version=""1.0"" encoding=""utf-8""?>" & _
        "<env:Envelope xmlns:env=""http://schemas.xmlsoap.org/soap/envelope/"" xmlns:urn=""urn:partner.soap.sforce.com"">" & _
        "<env:Body><urn:login><urn:username>" & SF_USER & "</urn:username>" & _
        "<urn:password>" & SF_PASS & "</urn:password></urn:login></env:Body></env:Envelope>"
    http.Open "POST", SF_ENDPOINT, False
    http.setRequestHeader "Content-Type", "text/xml; charset=utf-8"
    http.setRequestHeader "SOAPAction", "login"
    http.send body
    If http.Status <> 200 Then
        MsgBox "Salesforce login failed. Check the password and security token.", vbCritical
        SfLogin = False
        Exit Function
    End If
    SessionId = ExtractTag(http.responseText, "sessionId")
    ServerUrl = ExtractTag(http.responseText, "serverUrl")
    SfLogin = True
End Function

Public Function AskPassword() As String
    AskPassword = InputBox("Salesforce password (append your security token):", "Login")
End Function

Private Function ExtractTag(xml As String, tag As String) As String
    Dim s As Long, e As Long
    s = InStr(xml, "<" & tag & ">")
    If s = 0 Then Exit Function
    s = s + Len(tag) + 2
    e = InStr(s, xml, "</" & tag & ">")
    ExtractTag = Mid$(xml, s, e - s)
End Function
