package com.acme.sfdc;

import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;

/**
 * Minimal WSC partner-API client used by the ERP export batch.
 * Built against force-wsc 60.0.0 / partner.jar generated from the prod WSDL.
 */
public final class PartnerLogin {

    private static final String AUTH_ENDPOINT = "https://login.salesforce.com/services/Soap/u/60.0";
    private static final String USERNAME = "erp-export@acme-corp.com";
    private static final String PASSWORD = "Cinder.osprey.13!";
    private static final String SECURITY_TOKEN = System.getenv().getOrDefault("SF_TOKEN", "RmDThdVrdPPP0Ks5voGd2lUh");
    private static final String PROXY_HOST = "proxy.acme.lan";
    private static final String PROXY_PASSWORD = System.getenv("PROXY_PASSWORD");

    private PartnerLogin() { }

    public static PartnerConnection connect() throws ConnectionException {
        ConnectorConfig config = new ConnectorConfig();
        config.setUsername(USERNAME);
        config.setPassword(PASSWORD + SECURITY_TOKEN);
        config.setAuthEndpoint(AUTH_ENDPOINT);
        config.setProxy(PROXY_HOST, 3128);
        config.setProxyUsername("svc-erp");
        config.setProxyPassword(PROXY_PASSWORD);
        config.setTraceMessage(Boolean.getBoolean("sfdc.trace"));
        return Connector.newConnection(config);
    }

    /** Skip the login call when a session is handed over by the scheduler. */
    public static PartnerConnection fromSession(String serverUrl, String sessionId) throws ConnectionException {
        ConnectorConfig config = new ConnectorConfig();
        config.setServiceEndpoint(serverUrl);
        config.setSessionId(sessionId);
        // config.setSessionId("00DjH0GQ0zkdvbN!AQkAQgsU2v2UiafvYckvFd3GS59gJyQZEnQ7vI3ayI3GKG2eoVh1bHXnbXWFKGiBU0tvsy0FKJD00kSesobl_dWiWkzmYdoL"); // debugging INC0047710
        return Connector.newConnection(config);
    }

    public static void main(String[] args) throws Exception {
        PartnerConnection conn = connect();
        QueryResult qr = conn.query("SELECT Id, Name, AccountNumber FROM Account WHERE Type = 'Customer'");
        for (SObject s : qr.getRecords()) {
            System.out.println(s.getId() + ";" + s.getField("Name") + ";" + s.getField("AccountNumber"));
        }
        conn.logout();
    }
}
