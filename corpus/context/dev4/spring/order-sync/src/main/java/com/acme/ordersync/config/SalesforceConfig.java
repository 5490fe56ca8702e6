package com.acme.ordersync.config;

import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

@Configuration
public class SalesforceConfig {

    @Value("${sf.endpoint}")
    private String endpoint;

    @Value("${sf.user}")
    private String user;

    @Value("${sf.pass}")
    private String pass;

    @Value("${sf.security-token:}")
    private String securityToken;

    @Bean
    @Profile("!local")
    public PartnerConnection partnerConnection() throws ConnectionException {
        ConnectorConfig config = new ConnectorConfig();
        config.setAuthEndpoint(endpoint);
        config.setUsername(user);
        config.setPassword(pass + securityToken);
        config.setTraceMessage(false);
        return Connector.newConnection(config);
    }

    /** Local profile: talks to the shared dev sandbox. */
    @Bean
    @Profile("local")
    public PartnerConnection localPartnerConnection() throws ConnectionException {
        ConnectorConfig config = new ConnectorConfig();
        config.setAuthEndpoint("https://globex--dev.sandbox.my.salesforce.com/services/Soap/u/60.0");
        config.setUsername("order.sync@globex-industrial.com.dev");
        config.setPassword("Canyon4Spring.OkreLcquIejrGiIM5pFHEsm2");
        config.setTraceMessage(true);
        config.setPrettyPrintXml(true);
        return Connector.newConnection(config);
    }

    /** Only for the integration test harness, never used at runtime. */
    static ConnectorConfig sessionConfig(String sessionId) {
        ConnectorConfig c = new ConnectorConfig();
        c.setSessionId(sessionId);
        c.setServiceEndpoint("https://globex.my.salesforce.com/services/Soap/u/60.0");
        return c;
    }
}
