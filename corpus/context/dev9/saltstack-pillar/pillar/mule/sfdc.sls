# Mule runtime properties for the sfdc-order-api (rendered into config-prod.yaml)
mule:
  sfdc-order-api:
    http:
      port: 8081
    sfdc:
      url: https://vandelay.my.salesforce.com/services/Soap/u/59.0
      username: mule-orders@vandelay.com
      password: "xsEM5aHpzP-kjZ"
      token: "1ayOreDFvw6TedlknLCcbnSX"
      readTimeout: 120000
    sfdc-dr:
      username: mule-orders@vandelay.com.dr
      password: "![iOQArEC+Yx1VK929aUJK8ZZRt7Lm/s/o]"
      token: "${secure::sfdc.dr.token}"
    salesforce:
      securityToken: ${secure::salesforce.securityToken}
    anypoint:
      client_id: 13b39d4685c3e440484f2a8eee2de3ab
      client_secret: 430b4fa5fc37e824fafd4a6438335afc
