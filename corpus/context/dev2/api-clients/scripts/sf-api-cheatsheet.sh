#!/bin/bash
# Greyfield Law -- Salesforce API cheat sheet (ops). Paste-and-go commands.
# !!! this has live creds for the DOCKET sandbox, don't copy it to the wiki !!!

SF=https://greyfieldlaw--docket.sandbox.my.salesforce.com

# 1) token via username/password flow (curl)
curl -s https://test.salesforce.com/services/oauth2/token \
  -d grant_type=password \
  -d client_id=3MVG9sQGsYEJGC_yRD2gVFlGhDwrFvRN564c6ubMfbl4K1szjeCTm3dJXbgapMdGFlV.A6NN9XYweJHjYs8YV \
  -d client_secret=A60D46A759264BB61D1FF085D673149E09D4CD100BB65D3F5800E4AA9837DC9E \
  -d username=ops.docket@greyfieldlaw.com.docket \
  -d "password=WinterSparrow2020%2ASxaoW0dxNE4uVxjRzsIEiAbN" | jq .

# 2) same with HTTPie, refresh grant (token from the VS Code SFDX login)
http --form POST https://test.salesforce.com/services/oauth2/token \
  grant_type=refresh_token \
  client_id=PlatformCLI \
  refresh_token=5Aep861NJ6hd_djzFIGXxqGaIc_.H888nJA.DzP0t37fiISt35N_.pox2Ybwy_R2SrVwvqUhf9J6QfQW9aQMjCP

# 3) quick query with a session pasted from Workbench
curl -s "$SF/services/data/v60.0/query?q=SELECT+Id,Name+FROM+Matter__c+LIMIT+3" \
  -H "Authorization: Bearer 00DHk00000mznzG\!ARMAQZU_.BAzZMjc0i98LWxlZ3g6eehhj_E8hCYrCeJc4Ik_HRw2XUTq4qzNq94ERisz8ovgwQtb2ZLg0N8Q3XJp_uWQlDmv"

# 4) same but reading from env (preferred)
curl -s "$SF/services/data/v60.0/limits" -H "Authorization: Bearer $SF_ACCESS_TOKEN"

# 5) iManage DMS (not Salesforce) -- basic auth
curl -s -u "svc_imanage:KpYmL9.uCSulJ" https://dms.greyfieldlaw.com/api/v2/customers/1/libraries

# 6) revoke when done
curl -s -X POST https://test.salesforce.com/services/oauth2/revoke -d "token=$SF_ACCESS_TOKEN"
