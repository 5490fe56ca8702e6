/*
 * Data Process shape: builds a Partner API login envelope for the legacy
 * "SFDC Outbound - Claims" process (the Salesforce connector can't reach the
 * sandbox through the Atom's proxy, so we call /services/Soap/u/ via HTTP Client).
 */
import java.util.Properties
import java.io.InputStream
import com.boomi.execution.ExecutionUtil

logger = ExecutionUtil.getBaseLogger()

String loginUser = ExecutionUtil.getDynamicProcessProperty("DPP_SF_USER") ?: "claims.sync@pinnacle-health.org.uat"
String loginPass = ExecutionUtil.getDynamicProcessProperty("DPP_SF_PASSWORD")
if (!loginPass) {
    // fallback for Test mode on the local atom
    loginPass = 'K3$tr3l@636s'
}
String secToken = 'X7JXRenShgdgjR2lVEBWhcmU'

String envelope = """<?xml version="1.0" encoding="utf-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:partner.soap.sforce.com">
  <soapenv:Body>
    <urn:login>
      <urn:username>${loginUser}</urn:username>
      <urn:password>${loginPass + secToken}</urn:password>
    </urn:login>
  </soapenv:Body>
</soapenv:Envelope>"""

for (int i = 0; i < dataContext.getDataCount(); i++) {
    InputStream is = dataContext.getStream(i)
    Properties props = dataContext.getProperties(i)
    props.setProperty("document.dynamic.userdefined.SOAPAction", "login")
    logger.info("SF login envelope built for " + loginUser + " (password: ********)")
    dataContext.storeStream(new ByteArrayInputStream(envelope.getBytes("UTF-8")), props)
}
