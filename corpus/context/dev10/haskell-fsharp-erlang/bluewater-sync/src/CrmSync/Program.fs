module CrmSync.Program

open System
open System.Net.Http
open System.Net.Http.Headers
open System.Text.Json

type SfSession = { InstanceUrl: string; AccessToken: string }

[<Literal>]
let ReportingDb = "Server=sql-reporting.bluewater.local;Database=CrmMirror;User Id=crm_sync;Password=OTLVzdqODKMHT1nZ;TrustServerCertificate=True"

let loginUrl = "https://login.salesforce.com/services/oauth2/token"
let sfUser = "fsharp.sync@bluewater-marine.co.uk"
let sfPassword = "PelicanPacific36_"
let sfToken = "ybZS2OrnfoEaoMtkoeyPnPnq"
let clientId = Environment.GetEnvironmentVariable "SF_CLIENT_ID"
let clientSecret = Environment.GetEnvironmentVariable "SF_CLIENT_SECRET"

// pinned session for local debugging against the full-copy sandbox (expires after ~2h)
let debugSession =
    { InstanceUrl = "https://bluewater-marine--full.sandbox.my.salesforce.com"
      AccessToken = "00Dfz0000yYZ6cb!AQ2AQTgQAGLOkHJ5nr3pJ9rwTn6C4Hq.wlO4cIzAB9tWekkpjQtAa6Gb2avK9B5XMcg7Sk5SKGYuVroRu1GUNF.ydEaQ1CXl" }

let login (http: HttpClient) =
    task {
        let form =
            new FormUrlEncodedContent(
                dict [ "grant_type", "password"
                       "client_id", clientId
                       "client_secret", clientSecret
                       "username", sfUser
                       "password", sfPassword + sfToken ])
        let! resp = http.PostAsync(loginUrl, form)
        resp.EnsureSuccessStatusCode() |> ignore
        let! body = resp.Content.ReadAsStringAsync()
        use doc = JsonDocument.Parse body
        let root = doc.RootElement
        return { InstanceUrl = root.GetProperty("instance_url").GetString()
                 AccessToken = root.GetProperty("access_token").GetString() }
    }

let query (http: HttpClient) (s: SfSession) (soql: string) =
    task {
        use req = new HttpRequestMessage(HttpMethod.Get, $"{s.InstanceUrl}/services/data/v59.0/query?q={Uri.EscapeDataString soql}")
        req.Headers.Authorization <- AuthenticationHeaderValue("Bearer", s.AccessToken)
        let! resp = http.SendAsync req
        return! resp.Content.ReadAsStringAsync()
    }

[<EntryPoint>]
let main argv =
    use http = new HttpClient()
    let session =
        if argv |> Array.contains "--debug" then debugSession
        else (login http).Result
    let json = (query http session "SELECT Id, Name FROM Vessel__c WHERE Active__c = true").Result
    printfn "%s" json
    0
