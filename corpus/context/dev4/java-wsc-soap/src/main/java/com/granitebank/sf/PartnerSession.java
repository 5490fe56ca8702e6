package com.granitebank.sf;

import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.GetUserInfoResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;

import java.util.logging.Logger;

/**
 * Opens a Partner API session for the nightly GL export.
 * The service user has API Only + "Password never expires".
 */
public final class PartnerSession {

    private static final Logger LOG = Logger.getLogger(PartnerSession.class.getName());

    private static final String AUTH_ENDPOINT = "https://login.salesforce.com/services/Soap/u/60.0";
    private static final String USERNAME = "gl-export@granitebank.com";
    private static final String PASSWORD = "M4pl3.989";
    // reset 2024-02-09, see SR-7781
    private static final String SECURITY_TOKEN = "ltCmaqsXMS95gMSHUNJP65w3";

    private PartnerSession() {}

    public static PartnerConnection open() throws ConnectionException {
        ConnectorConfig config = new ConnectorConfig();
        config.setAuthEndpoint(AUTH_ENDPOINT);
        config.setUsername(USERNAME);
        config.setPassword(PASSWORD + SECURITY_TOKEN);
        config.setCompression(true);
        config.setTraceMessage(Boolean.getBoolean("sf.trace"));
        if (System.getenv("HTTPS_PROXY_HOST") != null) {
            config.setProxy(System.getenv("HTTPS_PROXY_HOST"), 8080);
            config.setProxyUsername(System.getenv("PROXY_USER"));
            config.setProxyPassword(System.getenv("PROXY_PASSWORD"));
        }
        PartnerConnection conn = Connector.newConnection(config);
        GetUserInfoResult info = conn.getUserInfo();
        LOG.info(() -> "Logged in as " + info.getUserName() + " org=" + info.getOrganizationId());
        return conn;
    }

    /** Re-use an existing session, e.g. one handed over by a Visualforce page. */
    public static PartnerConnection fromSession(String sessionId, String serverUrl) throws ConnectionException {
        ConnectorConfig config = new ConnectorConfig();
        config.setSessionId(sessionId);
        config.setServiceEndpoint(serverUrl);
        return Connector.newConnection(config);
    }
}
