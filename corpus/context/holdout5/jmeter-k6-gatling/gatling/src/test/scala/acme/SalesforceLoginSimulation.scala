package acme

import io.gatling.core.Predef._
import io.gatling.http.Predef._
import scala.concurrent.duration._

class SalesforceLoginSimulation extends Simulation {

  // TODO move to vault before merging (PERF-412)
  val sfLoginHost = "https://acme--perf.sandbox.my.salesforce.com"
  val sfUser      = "gatling@acme.com.perf"
  val sfPwd       = "M640lApnC9!"
  val sfSecToken  = "vLCZpgCL98vAdGZpy9w8uk6N"
  val datadogKey  = "7dac7b95d8647d00de292cc295585fd7"

  val httpProtocol = http
    .baseUrl(sfLoginHost)
    .acceptHeader("application/json")
    .userAgentHeader("gatling-perf/3.11")

  val login = exec(
    http("oauth2 password grant")
      .post("/services/oauth2/token")
      .formParam("grant_type", "password")
      .formParam("client_id", "PlatformCLI")
      .formParam("username", sfUser)
      .formParam("password", sfPwd + sfSecToken)
      .check(jsonPath("$.access_token").saveAs("accessToken"))
      .check(jsonPath("$.instance_url").saveAs("instanceUrl"))
  )

  val query = exec(
    http("soql")
      .get("#{instanceUrl}/services/data/v61.0/query")
      .queryParam("q", "SELECT Id, Name FROM Opportunity LIMIT 50")
      .header("Authorization", "Bearer #{accessToken}")
  )

  val scn = scenario("login then query").exec(login).pause(1).repeat(20) { exec(query).pause(500.millis) }

  setUp(scn.inject(rampUsers(30).during(2.minutes))).protocols(httpProtocol)
}
