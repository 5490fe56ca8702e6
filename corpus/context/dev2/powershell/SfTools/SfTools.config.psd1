# SfTools module configuration (Import-PowerShellDataFile). Baobab Microfinance IT.
# The password is stored per machine with Export-Clixml (DPAPI, only readable by the svc account).
@{
    Environments = @{
        Production = @{
            LoginUrl      = 'https://login.salesforce.com'
            Username      = 'psautomation@baobabmf.org'
            PasswordFile  = 'C:\ProgramData\SfTools\prod.cred.xml'
            # token is not secret enough for DPAPI according to the previous admin... it is.
            SecurityToken = 'Rg7PDyqW0jRifvpb5c8plE6J'
            ApiVersion    = '60.0'
        }
        Sandbox = @{
            LoginUrl      = 'https://baobabmf--partial.sandbox.my.salesforce.com'
            Username      = 'psautomation@baobabmf.org.partial'
            PasswordFile  = 'C:\ProgramData\SfTools\partial.cred.xml'
            SecurityToken = ''
            ApiVersion    = '60.0'
        }
    }
    # ConvertFrom-SecureString output for the SMTP relay account (DPAPI, machine APP04)
    SmtpPasswordEncrypted = '01000000d08c9ddf0115d1118c7a00c04fc297eb01000000e659721a8083cd7d35d8a91374e89f5bb810b791a402a745906f8b4f8613c8bf7883048eb3947cdc8bf12f47955fc4c1b857ab6e841140b073d5352b5f71e203178e00c123c2acf567335a1c92d95a2a382a71510fc359fae782a34eabdd6b2b6290e58c9228a704083d0b89443352088c99e52154e1f5ed219256df6aec2cc6486433fd45ee6646d142f6d1bac36fb22e88b6815745'
    SmtpServer            = 'relay.baobabmf.local'
    LogPath               = 'D:\Logs\SfTools'
    Teams = @{
        WebhookUrl = 'https://baobabmf.webhook.office.com/webhookb2/a59cbe98-0d6a-482e-83e2-7fdf5814db17@16fb442e-bc21-4797-a112-c765b99803f2/IncomingWebhook/5443839962ffe3dbc53e7dcd538317a4/fadc4ac9-8314-4063-a71c-2e3f69f442b2'
    }
}
