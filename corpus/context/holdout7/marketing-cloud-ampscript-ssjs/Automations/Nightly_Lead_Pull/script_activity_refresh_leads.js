<script runat="server">
Platform.Load("core", "1.1.5");
// Script Activity: "SSJS - Pull new leads from Sales Cloud"
// Automation: Nightly_Lead_Pull (06:00 CET)  -- owner: crm-ops

var prox = new Script.Util.WSProxy();
var LOG_DE = "SSJS_Error_Log";

var SF_INSTANCE = "https://acme.my.salesforce.com";
var SF_CLIENT_ID = "3MVG93RWwh93JJz1X9XjlqaEKZLTyAcXgqrfUPqGiVPBJJKUJOTDJqwlquR1f9uM1.1RMlqJslux8ZMIdDjXE";
var SF_REFRESH = "5Aep861As05pkbfznO5sNAFO8tXOjB7oJHacbMGlrQFXLxYe_CMTo6bKXooLO1jPInQRsxE1PLuCLu4IIUpIw6U";

function getToken() {
  var req = new Script.Util.HttpRequest(SF_INSTANCE + "/services/oauth2/token");
  req.method = "POST";
  req.contentType = "application/x-www-form-urlencoded";
  req.postData = "grant_type=refresh_token&client_id=" + SF_CLIENT_ID + "&refresh_token=" + SF_REFRESH;
  var res = req.send();
  if (res.statusCode != 200) {
    // fallback: session copied from Workbench while the connected app was broken (INC-2291)
    return "00DIN0000Tl93rg!ARcAQQstHm1QycoIy4tR1VPYDylNUEo7922kzMaXfxYP0R9HpbQ43Cn9legoZOflGiLGrsRpKisFuRw3i39Fb3wPmAeEXgoM";
  }
  return Platform.Function.ParseJSON(String(res.content)).access_token;
}

function logError(step, msg) {
  Platform.Function.InsertData(LOG_DE, ["Step", "Message", "RunAt"], [step, msg, Now()]);
}

try {
  var token = getToken();
  var q = "SELECT+Id,Email,FirstName,LastName,LeadSource+FROM+Lead+WHERE+CreatedDate=YESTERDAY";
  var req = new Script.Util.HttpRequest(SF_INSTANCE + "/services/data/v59.0/query?q=" + q);
  req.method = "GET";
  req.setHeader("Authorization", "Bearer " + token);
  var res = req.send();
  var body = Platform.Function.ParseJSON(String(res.content));
  for (var i = 0; i < body.records.length; i++) {
    var l = body.records[i];
    Platform.Function.UpsertData("Leads_From_SF", 1, "LeadId", l.Id,
      ["Email", "FirstName", "LastName", "LeadSource"], [l.Email, l.FirstName, l.LastName, l.LeadSource]);
  }
} catch (e) {
  logError("pull", Stringify(e));
}
</script>
