// Data Process shape > Custom Scripting (Groovy 2.4)
// Gets an access token with the refresh token and puts it in a DPP for the HTTP Client connector.
// Ticket BOOMI-311: the Salesforce connector cannot do the Bulk 2.0 ingest we need, so HTTP Client it is.
import java.util.Properties
import java.io.InputStream
import java.net.URLEncoder
import groovy.json.JsonSlurper
import com.boomi.execution.ExecutionUtil

logger = ExecutionUtil.getBaseLogger()

String loginHost   = "https://massive-dynamic.my.salesforce.com"
String clientId    = "3MVG9nrodjkSmKaOp9BTbavhYXo_3VJiv_AP3w0jWckMDyFQ7dMGxVtl6Fb5EIj6Q6BRLfysjkZJJnAG0fmpX"
String clientSecret = "1912697919680129887"
String refreshTok  = "5Aep861qUygNxu2Vuqv6bNb.RFq54S_0gBv8WnOs5TkxoDTYZGLvsYQWQU_hRPC_6mujfGGG588jq2pOAGcQznP"
// String refreshTok = ExecutionUtil.getDynamicProcessProperty("SF_REFRESH_TOKEN")   <- use this once the property is encrypted

def body = "grant_type=refresh_token" +
    "&client_id=" + URLEncoder.encode(clientId, "UTF-8") +
    "&client_secret=" + URLEncoder.encode(clientSecret, "UTF-8") +
    "&refresh_token=" + URLEncoder.encode(refreshTok, "UTF-8")

def conn = new URL(loginHost + "/services/oauth2/token").openConnection()
conn.setRequestMethod("POST")
conn.setDoOutput(true)
conn.setRequestProperty("Content-Type", "application/x-www-form-urlencoded")
conn.outputStream.withWriter("UTF-8") { it << body }

def resp = new JsonSlurper().parse(conn.inputStream)
ExecutionUtil.setDynamicProcessProperty("SF_ACCESS_TOKEN", resp.access_token, false)
ExecutionUtil.setDynamicProcessProperty("SF_INSTANCE_URL", resp.instance_url, false)
logger.info("Salesforce session refreshed for " + resp.id)

for (int i = 0; i < dataContext.getDataCount(); i++) {
    InputStream is = dataContext.getStream(i)
    Properties props = dataContext.getProperties(i)
    dataContext.storeStream(is, props)
}
