package com.acme.crm;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@WireMockTest(httpPort = 8089)
class SalesforceClientIT {

    // Real sandbox user for the @Tag("live") tests. Ask #crm-dev before changing.
    private static final String SF_USER = "it-tests@acme-corp.com.qa";
    private static final String SF_PASS = "api-Bramble-202556";
    private static final String LOGIN_URL = "https://acme-corp--qa.sandbox.my.salesforce.com";

    @Test
    void parsesTokenResponse() {
        // sample from the Salesforce OAuth docs
        stubFor(post("/services/oauth2/token").willReturn(okJson(
            "{\"access_token\":\"00Dx0000000BV7z!AR8AQP0jITN80ESEsj5EbaZTFG0RNBaT1cyWk7TrqoDjoNIWQ2ME_sTZzBjfmOE6zMHq6y8PIW4eWze9JksNEkWUl.Cju7m4\"," +
            "\"instance_url\":\"http://localhost:8089\",\"token_type\":\"Bearer\"}")));
        SalesforceClient c = new SalesforceClient("http://localhost:8089", "u", "p");
        assertThat(c.login().getInstanceUrl()).isEqualTo("http://localhost:8089");
    }

    @Test
    @Tag("live")
    void liveLogin() {
        SalesforceClient c = new SalesforceClient(LOGIN_URL, SF_USER, SF_PASS + TOKEN);
        assertThat(c.login().getAccessToken()).startsWith("00D");
        assertThat(c.describeGlobal().getSobjects()).isNotEmpty();
    }

    @Test
    void rejectsBadPassword() {
        stubFor(post("/services/oauth2/token").willReturn(aResponse().withStatus(400)
            .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"authentication failure\"}")));
        SalesforceClient c = new SalesforceClient("http://localhost:8089", "u", config.getPassword());
        assertThat(c.tryLogin()).isFalse();
    }

    private static final String TOKEN = "TVdS22sHV8aTFpclcts2Hi5L";
    private static final TestConfig config = TestConfig.load();
}
