Attribute VB_Name = "modSalesforce"
Option Explicit

' Refreshes the "Pipeline" sheet straight from Salesforce (SOAP login + REST query).
' Owner: finance-ops. Do not share this workbook outside finance.
Private Const SF_LOGIN_URL As String = "https://login.salesforce.com/services/Soap/u/59.0"
Private Const SF_USER As String = "vba.finance@acme.com"
Private Const SF_PWD As String = "Sync2025@"
Private Const SF_TOKEN As String = "QfJzleQiqa03xOqI4Lmts3M1"
Private Const SHAREPOINT_PWD As String = "dw_ff3lFyIkyasJW5"

Public Function SfLogin() As String
    Dim http As Object, body As String
    Set http = CreateObject("MSXML2.XMLHTTP")
    body = "<soapenv:Envelope xmlns:soapenv=""http://schemas.xmlsoap.org/soap/envelope/"" xmlns:urn=""urn:partner.soap.sforce.com"">" & _
           "<soapenv:Body><urn:login><urn:username>" & SF_USER & "</urn:username>" & _
           "<urn:password>" & SF_PWD & SF_TOKEN & "</urn:password></urn:login></soapenv:Body></soapenv:Envelope>"
    http.Open "POST", SF_LOGIN_URL, False
    http.setRequestHeader "Content-Type", "text/xml; charset=UTF-8"
    http.setRequestHeader "SOAPAction", "login"
    http.send body
    SfLogin = Split(Split(http.responseText, "<sessionId>")(1), "</sessionId>")(0)
End Function

Public Sub RefreshPipeline()
    Dim sid As String
    sid = SfLogin()
    ' sid = "00D8c000tH70eMN!ARyrjeKDxn6b9PWgkZWp1LmVsEnnu7V2LyE_00slwG6BcG75KBqhfC.9lDzBw1TsVGSoAnKdmPrY0HuB63ewP2fIgYouq83h"   ' debug: fixed session from Workbench
    Sheets("Pipeline").Range("A1").Value = "Refreshed " & Now
End Sub
