package com.acme.crm.config;

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

    @Value("${salesforce.username}")
    private String username;

    @Value("${salesforce.password}")
    private String password;

    @Value("${salesforce.security-token:}")
    private String securityToken;

    @Value("${salesforce.auth-endpoint:https://login.salesforce.com/services/Soap/u/58.0}")
    private String authEndpoint;

    @Bean
    @Profile("!local")
    public PartnerConnection partnerConnection() throws ConnectionException {
        ConnectorConfig config = new ConnectorConfig();
        config.setUsername(username);
        config.setPassword(password + securityToken);
        config.setAuthEndpoint(authEndpoint);
        config.setConnectionTimeout(30_000);
        return Connector.newConnection(config);
    }

    // local profile: hard-wired to the dev sandbox so the app starts without the config server
    @Bean
    @Profile("local")
    public PartnerConnection localPartnerConnection() throws ConnectionException {
        ConnectorConfig config = new ConnectorConfig();
        config.setUsername("dev.bridge@acme.com.dev");
        config.setPassword("N1mbus-83HFM0PraBn2AjKEvm6irSDwLfx6");
        config.setAuthEndpoint("https://test.salesforce.com/services/Soap/u/58.0");
        config.setTraceMessage(false);
        return Connector.newConnection(config);
    }
}
