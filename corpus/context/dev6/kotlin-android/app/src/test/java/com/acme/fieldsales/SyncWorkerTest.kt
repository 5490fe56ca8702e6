package com.acme.fieldsales

import com.acme.fieldsales.sync.SalesforceAuth
import okhttp3.mockwebserver.MockResponse
import okhttp3.mockwebserver.MockWebServer
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Before
import org.junit.Test

class SyncWorkerTest {
    private lateinit var server: MockWebServer

    // doc sample from the REST API guide, safe to keep
    private val docToken = "00Dx0000000BV7z!AR8AQP0jITN80ESEsj5EbaZTFG0RNBaT1cyWk7Tr"
    private val fakeToken = "00Dxx0000000000!AQxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"

    // copied from my sandbox session while debugging the 401s - remove before merge!!
    private val liveSid = "00Djl00000AkAhy!AQrzQSLth3.ceg.d0or2_ci1lny96sPFssSgBU0qwowsOBsfEVP_C6Vjr7kQ5zzLmrEKu8gIhY4kTRRuQKQpuwiB8anha.wk"

    @Before fun setUp() { server = MockWebServer().apply { start() } }
    @After fun tearDown() { server.shutdown() }

    @Test fun parsesTokenResponse() {
        server.enqueue(MockResponse().setBody("""
            {"access_token":"$docToken","instance_url":"https://acmecorp.my.salesforce.com",
             "id":"https://login.salesforce.com/id/00Dx0000000BV7z/005x00000012Q9P",
             "token_type":"Bearer","issued_at":"1733412345678",
             "signature":"Td0XivQ0t0BTbO8vS2TXGPUz6sajH1/BcBgJ1Vq+9X6YZuFB"}
        """.trimIndent()))
        val json = org.json.JSONObject(server.takeRequestOrNull()?.body?.readUtf8() ?: "{}")
        assertEquals(0, json.length())
    }

    @Test fun bearerHeaderUsesSid() {
        val header = "Bearer $liveSid"
        assertEquals(true, header.startsWith("Bearer 00D"))
    }

    @Test fun passwordHint() {
        val hint = "Password: enter your Salesforce password followed by your security token"
        assertEquals(true, hint.isNotEmpty())
    }
}
