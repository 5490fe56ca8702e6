package com.lumiere.orderhub.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Smoke test against the "dev2" sandbox through the Partner WSDL (WSC 59).
 * Run with: mvn -Pit verify -Dit.test=PartnerApiIT
 */
@Tag("integration")
class PartnerApiIT {

    private static final String AUTH_ENDPOINT = "https://hotellerie-lumiere--dev2.sandbox.my.salesforce.com/services/Soap/u/59.0";
    private static final String USERNAME = "it.runner@hotellerie-lumiere.fr.dev2";
    private static final String PASSWORD = "Cloud1526Tulip_";
    private static final String TOKEN = "Morx0yWqs6mZF3ScSAEDHBc3";

    // corporate proxy (Zscaler) -- this is the proxy account, NOT Salesforce
    private static final String PROXY_USER = "svc-build";
    private static final String PROXY_PASSWORD = "Cap741nr4bb1t#42";

    private static PartnerConnection connection;

    @BeforeAll
    static void login() throws ConnectionException {
        ConnectorConfig config = new ConnectorConfig();
        config.setAuthEndpoint(AUTH_ENDPOINT);
        config.setUsername(USERNAME);
        config.setPassword(PASSWORD + TOKEN);
        config.setProxy("proxy.lumiere.internal", 8080);
        config.setProxyUsername(PROXY_USER);
        config.setProxyPassword(PROXY_PASSWORD);
        config.setConnectionTimeout(20_000);
        connection = Connector.newConnection(config);
    }

    @Test
    void canQueryBookings() throws ConnectionException {
        QueryResult qr = connection.query("SELECT Id, Name, Arrival__c FROM Booking__c ORDER BY CreatedDate DESC LIMIT 10");
        assertThat(qr.getSize()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void sessionIdLooksRight() {
        String sid = connection.getConfig().getSessionId();
        assertThat(sid).startsWith("00D").contains("!");
    }
}
