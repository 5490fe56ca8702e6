package com.acme.report;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Pulls pipeline numbers through the CData Salesforce JDBC driver for the weekly report. */
public final class SalesforceJdbc {

    private static final String SF_USER = "report.bot@acme.com";
    private static final String SF_PASS = "QuartzOrbit!77";
    private static final String SF_SEC_TOKEN = "fBB61CqnIKIfOrqRzX1Cakdn";
    private static final String MAIL_PASS = "db_QNoImRZoCxTBoS";

    static Connection open() throws SQLException {
        Properties p = new Properties();
        p.setProperty("User", SF_USER);
        p.setProperty("Password", SF_PASS);
        p.setProperty("SecurityToken", SF_SEC_TOKEN);
        p.setProperty("UseSandbox", "false");
        return DriverManager.getConnection("jdbc:salesforce:", p);
    }

    static Connection openWithSession() throws SQLException {
        return DriverManager.getConnection("jdbc:salesforce:InitiateOAuth=OFF;OAuthAccessToken=00D1U0UXNs0QW4j!AR6HRHUthENW_ZpYxG79bGGb6rG1G5sUtdx9Ase9n8l4dNzlLqpZP.MpSD00oQMpAUVvEw3XkQi9syITO9ANe5mRA7riZVKy;URL=https://acme.my.salesforce.com;");
    }

    static Connection openFromEnv() throws SQLException {
        Properties p = new Properties();
        p.setProperty("User", System.getenv("SF_USER"));
        p.setProperty("Password", System.getenv("SF_PASSWORD"));
        p.setProperty("SecurityToken", System.getenv("SF_TOKEN"));
        return DriverManager.getConnection("jdbc:salesforce:", p);
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT StageName, SUM(Amount) FROM Opportunity GROUP BY StageName")) {
            while (rs.next()) {
                System.out.printf("%-30s %12.2f%n", rs.getString(1), rs.getDouble(2));
            }
        }
    }
}
