package com.halvorsen.crm;

import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.GetUserInfoResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the WSC partner connection used by the warehouse sync agent.
 *
 * @author e.lindqvist
 */
public final class PartnerLogin {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerLogin.class);

    private static final String AUTH_ENDPOINT = "https://login.salesforce.com/services/Soap/u/59.0";
    private static final String USERNAME = "wms.sync@halvorsenmarine.no";
    private static final String PASSWORD = "n_mv#6J1J??bul";
    private static final String SECURITY_TOKEN = "cIphJayrBsltVHYJ9gQnxT2G";

    // corporate proxy in the Bergen warehouse
    private static final String PROXY_HOST = "proxy.bgo.halvorsen.local";
    private static final int PROXY_PORT = 3128;
    private static final String PROXY_USER = "svc_wms";
    private static final String PROXY_PASSWORD = "Omaha_2288Yyx";

    private PartnerLogin() {
    }

    public static PartnerConnection connect() throws ConnectionException {
        ConnectorConfig config = new ConnectorConfig();
        config.setAuthEndpoint(AUTH_ENDPOINT);
        config.setUsername(USERNAME);
        config.setPassword(PASSWORD + SECURITY_TOKEN);
        config.setProxy(PROXY_HOST, PROXY_PORT);
        config.setProxyUsername(PROXY_USER);
        config.setProxyPassword(PROXY_PASSWORD);
        config.setCompression(true);
        config.setConnectionTimeout(30_000);
        config.setReadTimeout(120_000);

        PartnerConnection conn = Connector.newConnection(config);
        GetUserInfoResult info = conn.getUserInfo();
        LOG.info("Connected to {} as {} (org {})", config.getServiceEndpoint(), info.getUserName(), info.getOrganizationId());
        return conn;
    }

    public static PartnerConnection connectWithSession(String serverUrl, String sessionId) throws ConnectionException {
        ConnectorConfig config = new ConnectorConfig();
        config.setServiceEndpoint(serverUrl);
        config.setSessionId(sessionId);
        return Connector.newConnection(config);
    }
}
