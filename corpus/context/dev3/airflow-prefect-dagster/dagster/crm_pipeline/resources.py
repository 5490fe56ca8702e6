import os
from dagster import ConfigurableResource, EnvVar, Definitions
from simple_salesforce import Salesforce
from pydantic import PrivateAttr


class SalesforceResource(ConfigurableResource):
    username: str
    password: str
    security_token: str = ""
    consumer_key: str = ""
    consumer_secret: str = ""
    domain: str = "login"
    _client: Salesforce = PrivateAttr(default=None)

    def client(self) -> Salesforce:
        if self._client is None:
            if self.consumer_key:
                self._client = Salesforce(username=self.username, password=self.password,
                                          consumer_key=self.consumer_key, consumer_secret=self.consumer_secret,
                                          domain=self.domain)
            else:
                self._client = Salesforce(username=self.username, password=self.password + self.security_token,
                                          domain=self.domain)
        return self._client


prod_salesforce = SalesforceResource(
    username=EnvVar("SF_USERNAME"),
    password=EnvVar("SF_PASSWORD"),
    security_token=EnvVar("SF_SECURITY_TOKEN"),
)

# local / branch deployments: fall back to the shared dev-org app
dev_salesforce = SalesforceResource(
    username=os.getenv("SF_USERNAME", "dagster.dev@quartz-analytics.com.dev"),
    password=os.getenv("SF_PASSWORD", "dataload.Spring-2020!"),
    consumer_key=os.getenv("SF_CONSUMER_KEY", "3MVG9ktfyWccXFfamtHcozgG8Tikcbj0jfGvlkP7lodnOfh16P4jCIB0TY8XtBMkvSg4RBm8otbFF.2cHdRFj"),
    consumer_secret=os.getenv("SF_CONSUMER_SECRET", "0DBD0D30FD09BE07818B56BF70D9F5DB2845F67461545CB30266F2366C7D2B75"),
    domain="test",
)

RESOURCES_BY_DEPLOYMENT = {
    "prod": {"salesforce": prod_salesforce},
    "dev": {"salesforce": dev_salesforce},
}


def get_resources():
    return RESOURCES_BY_DEPLOYMENT[os.getenv("DAGSTER_DEPLOYMENT", "dev")]
