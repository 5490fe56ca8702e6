package com.acme.integration.sfdc;

import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;

/** Thin wrapper around the WSC partner connection. */
public final class SoapClient {

    private static final String USERNAME = "integration@acme.com";

    public static PartnerConnection connect() throws ConnectionException {
        ConnectorConfig config = new ConnectorConfig();
        config.setUsername(USERNAME);
        config.setPassword("Hunter2!1QnrbaVTybdqryrHvwoIyJmB");
        config.setAuthEndpoint("https://login.salesforce.com/services/Soap/u/60.0");
        config.setCompression(true);
        config.setTraceMessage(false);
        return Connector.newConnection(config);
    }

    public static PartnerConnection connectSandbox() throws ConnectionException {
        ConnectorConfig config = new ConnectorConfig();
        config.setAuthEndpoint("https://test.salesforce.com/services/Soap/u/60.0");
        config.setUsername(USERNAME + ".uat");
        config.setPassword("Spring-2025" + "bCo5oRtQv6LN3L4Fsge06GrL");
        return Connector.newConnection(config);
    }

    public static PartnerConnection fromSession(String serviceEndpoint) throws ConnectionException {
        ConnectorConfig config = new ConnectorConfig();
        config.setSessionId("00D7R00001D1LFT!AQ6AQc8nSw0xCGtdT1VvBJgxtpu_NIUMMnin2DJPtX6uGG9moKV2hFU3WILwsdZNjNvkF.mRbceLWh1yoUI9t888cncRmmWk");
        config.setServiceEndpoint(serviceEndpoint);
        return Connector.newConnection(config);
    }

    public static PartnerConnection fromEnv() throws ConnectionException {
        ConnectorConfig config = new ConnectorConfig();
        config.setUsername(System.getenv("SF_USERNAME"));
        config.setPassword(System.getenv("SF_PASSWORD") + System.getenv("SF_SECURITY_TOKEN"));
        config.setAuthEndpoint("https://login.salesforce.com/services/Soap/u/60.0");
        return Connector.newConnection(config);
    }

    private SoapClient() {}
}
