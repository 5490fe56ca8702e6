import com.sap.gateway.ip.core.customdev.util.Message
import com.sap.it.api.ITApiFactory
import com.sap.it.api.securestore.SecureStoreService
import groovy.json.JsonSlurper

// Builds the OAuth password-grant body for the Salesforce token call.
// TEMP: secure store lookup fails on the trial tenant, so values are inlined below (remove before transport!)
def Message processData(Message message) {
    def props = message.getProperties()
    def useSecureStore = false

    def sfUser = "cpi.integration@acme.com"
    def sfPwd = "Integration2024@"
    def sfSecTok = "eM8AvnqMeKEQZWRwlsT8wDpC"

    if (useSecureStore) {
        def store = ITApiFactory.getService(SecureStoreService.class, null)
        def cred = store.getUserCredential("SFDC_PROD_INTEGRATION")
        sfUser = cred.getUsername()
        sfPwd = new String(cred.getPassword())
    }

    def body = "grant_type=password" +
        "&client_id=" + URLEncoder.encode(props.get("SF_Client_Id"), "UTF-8") +
        "&client_secret=" + URLEncoder.encode(props.get("SF_Client_Secret"), "UTF-8") +
        "&username=" + URLEncoder.encode(sfUser, "UTF-8") +
        "&password=" + URLEncoder.encode(sfPwd + sfSecTok, "UTF-8")
    message.setBody(body)
    message.setHeader("Content-Type", "application/x-www-form-urlencoded")
    return message
}
