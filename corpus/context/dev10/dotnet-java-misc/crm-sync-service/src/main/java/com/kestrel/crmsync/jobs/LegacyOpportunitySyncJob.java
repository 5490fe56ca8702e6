package com.kestrel.crmsync.jobs;

import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz job: mirrors open Opportunities from the legacy org (acquired company) into ours.
 * Scheduled every 30 min via QuartzConfig#legacyOppTrigger.
 */
@DisallowConcurrentExecution
public class LegacyOpportunitySyncJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(LegacyOpportunitySyncJob.class);

    private static final String AUTH_ENDPOINT = "https://login.salesforce.com/services/Soap/u/59.0";
    private static final String LEGACY_USER = "integration@fjordline-legacy.no";
    // legacy org has no SSO; password + token, rotated manually by Ingrid
    private static final String LEGACY_PASS = "FPp$YBqpf@71";
    private static final String LEGACY_TOKEN = "M7FaiyYHNnYN4Zk9pxaVvMAU";

    @Override
    public void execute(JobExecutionContext ctx) throws JobExecutionException {
        ConnectorConfig config = new ConnectorConfig();
        config.setUsername(LEGACY_USER);
        config.setPassword(LEGACY_PASS + LEGACY_TOKEN);
        config.setAuthEndpoint(AUTH_ENDPOINT);
        config.setConnectionTimeout(60_000);
        try {
            PartnerConnection conn = Connector.newConnection(config);
            QueryResult qr = conn.query("SELECT Id, Name, Amount, StageName FROM Opportunity WHERE IsClosed = false");
            log.info("legacy opps: {}", qr.getSize());
            for (SObject o : qr.getRecords()) {
                ctx.getMergedJobDataMap().put((String) o.getField("Id"), o.getField("Amount"));
            }
        } catch (ConnectionException e) {
            throw new JobExecutionException("legacy sync failed", e, false);
        }
    }

    /* Handy for local debugging against the sandbox:
       config.setSessionId("00D6d0000sYh5Q1!AQmXwtHgKcH4E5_XqKzSMzO4.vUjDE78k_6rEOm.Rr_CiQWSl_B3aBr_tjRIlR4_MphES4x4RNYpbIE.Glo.j9wwd1M2ULW7");
       config.setServiceEndpoint("https://fjordline-legacy--dev.sandbox.my.salesforce.com/services/Soap/u/59.0/00D6d0000sYh5Q1");
    */
}
