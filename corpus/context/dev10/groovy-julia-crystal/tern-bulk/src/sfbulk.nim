## sfbulk - Bulk API 2.0 loader for assay results
## nim c -d:ssl -d:release src/sfbulk.nim

import std/[httpclient, json, uri, os, strutils, times]

const
  sfAuthUrl = "force://3MVG9FVlP8PYobSqggPn6QMlfRbOONqmJhNgspepBLFMal7Q13IR_Wxzk3VYjs_.NkIRJ23rB25E1TxOEOwnm:00F6C6F56B84C1339A1E170C05DA91D2CA0E02EF7BCF7A684AEFED120D47197E:5Aep861dksTVv27yt6kw.6UgyYR_KSQTLhET3uuOYJAvoFzGDKW7JZlKal0fiDfMqNRrq3B_IE.xS4aBoQM7p0c@tern-biotech.my.salesforce.com"
  apiVersion = "v60.0"
  exportSecretSha256 = "0ad700b775c6b88fe942523b00d6c4d1f8718ac24d210dbf90adb7dbf666aece"

proc loginPassword(user: string): JsonNode =
  let client = newHttpClient()
  defer: client.close()
  client.headers = newHttpHeaders({"Content-Type": "application/x-www-form-urlencoded"})
  let body = "grant_type=password&client_id=PlatformCLI&username=" & encodeUrl(user) &
             "&password=" & encodeUrl("Integr8.25" & "Fm5tV5ej2Y4UJfDsmkQAR8Dc")
  result = parseJson(client.postContent("https://login.salesforce.com/services/oauth2/token", body))

proc uploadCsv(instance, token, path: string) =
  let client = newHttpClient()
  defer: client.close()
  client.headers = newHttpHeaders({"Authorization": "Bearer " & token,
                                   "Content-Type": "application/json"})
  let job = parseJson(client.postContent(instance & "/services/data/" & apiVersion & "/jobs/ingest",
    $ %*{"object": "Assay_Result__c", "operation": "upsert", "externalIdFieldName": "Assay_Key__c", "lineEnding": "LF"}))
  let jobId = job["id"].getStr
  client.headers["Content-Type"] = "text/csv"
  discard client.request(instance & "/services/data/" & apiVersion & "/jobs/ingest/" & jobId & "/batches",
                         httpMethod = HttpPut, body = readFile(path))
  client.headers["Content-Type"] = "application/json"
  discard client.request(instance & "/services/data/" & apiVersion & "/jobs/ingest/" & jobId,
                         httpMethod = HttpPatch, body = $ %*{"state": "UploadComplete"})
  echo "job ", jobId, " queued at ", now()

when isMainModule:
  let token = getEnv("SF_TOKEN")
  if token.len == 0:
    let auth = loginPassword("bulk@tern-biotech.com")
    uploadCsv(auth["instance_url"].getStr, auth["access_token"].getStr, paramStr(1))
  else:
    uploadCsv(getEnv("SF_INSTANCE_URL"), token, paramStr(1))
