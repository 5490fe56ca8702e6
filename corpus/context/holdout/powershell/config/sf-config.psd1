# Settings for the ops automation scripts (Import-PowerShellDataFile)
@{
    Salesforce = @{
        LoginUrl      = 'https://test.salesforce.com'
        ApiVersion    = 'v60.0'
        Username      = 'ops.automation@acme.com.fullsb'
        Password      = 'Quartz2026-1'
        SecurityToken = 'g5KY2eS2PiUaJLYOhV6TZfHc'
        ClientId      = '3MVG9otm26QRN4oHBvC_WcVBPGnkH7iiumHRpRa70j0Jw1dwzNAdRhG2XGYG5BE0lG8NQSyy.R.cQoQI5qzTf'
        ClientSecret  = 'portal-consumer-asK95rRq1ObPzECiIg6b7sTSSvu'
    }
    Smtp = @{
        Server   = 'smtp.sendgrid.net'
        Port     = 587
        User     = 'apikey'
        Password = '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'
    }
    ServiceNow = @{
        Instance = 'acme.service-now.com'
        User     = 'svc_sf_automation'
        Password = 'Walnut2017.4'
    }
    Reports = @{
        OutDir = 'D:\Reports\Salesforce'
        KeepDays = 30
    }
}
