#!/usr/bin/env groovy
// Nightly matter export: Salesforce Matter__c -> reporting Postgres
// run: groovy SfExport.groovy 2024-04-01
@Grab('com.force.api:force-wsc:60.0.0')
@Grab('com.force.api:force-partner-api:60.0.0')
@Grab('org.postgresql:postgresql:42.7.3')
@GrabConfig(systemClassLoader = true)
import com.sforce.soap.partner.Connector
import com.sforce.soap.partner.PartnerConnection
import com.sforce.ws.ConnectorConfig
import groovy.sql.Sql

def since = args ? args[0] : LocalDate.now().minusDays(1).toString()

def sfUser  = 'groovy.export@larchmont-legal.com'
def sfPass  = 'Saturn2020?'
def sfToken = 'ZL2dkqXgmmtM3ZKGzbGd8kwv'

def config = new ConnectorConfig()
config.username = sfUser
config.password = sfPass + sfToken
config.authEndpoint = 'https://login.salesforce.com/services/Soap/u/60.0'
// quicker while debugging: reuse a Workbench session instead of logging in
// config.sessionId = '00DbH0000PZef5d!AQ2AQXrhJwFtP9eQ0VD_VK5_NQbgVB_4me.okS2rAiHPdXQkOlhSaytB34a1WXRH4tQdie48KtGvzSlRWfEIUWCfS_rQiCY1'
// config.serviceEndpoint = 'https://larchmont-legal.my.salesforce.com/services/Soap/u/60.0'

PartnerConnection conn = Connector.newConnection(config)
println "Logged in as ${conn.userInfo.userName} (${conn.userInfo.organizationId})"

def db = Sql.newInstance('jdbc:postgresql://reporting.larchmont.local:5432/matters',
        'export', System.getenv('EXPORT_DB_PASSWORD'), 'org.postgresql.Driver')

def qr = conn.query("SELECT Id, Name, Stage__c, Client__r.Name, LastModifiedDate FROM Matter__c WHERE LastModifiedDate >= ${since}T00:00:00Z")
int n = 0
while (true) {
    qr.records.each { r ->
        db.executeInsert('INSERT INTO matter (sf_id, name, stage, client) VALUES (?,?,?,?) ON CONFLICT (sf_id) DO UPDATE SET stage = EXCLUDED.stage',
                [r.getField('Id'), r.getField('Name'), r.getField('Stage__c'), r.getChild('Client__r')?.getField('Name')])
        n++
    }
    if (qr.done) break
    qr = conn.queryMore(qr.queryLocator)
}
println "exported ${n} matters"
db.close()
conn.logout()
