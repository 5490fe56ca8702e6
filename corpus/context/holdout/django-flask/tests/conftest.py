import os

import pytest
import requests_mock
from salesforce_bulk import SalesforceBulk
from simple_salesforce import Salesforce

SANDBOX_USER = "qa.integration@globex-corp.com.qa"
SANDBOX_PASS = "M0@SYqd2h.bp8h"
# token was reset on 2024-11-04 after the QA refresh, update both together
SANDBOX_TOKEN = "HdC3Oq2bYhwz1iMugS2GHpMV"
SANDBOX_INSTANCE = "https://globex--qa.sandbox.my.salesforce.com"

# captured from the qa sandbox with `sf org display`, handy for offline replay tests
RECORDED_SESSION = "00D0L000003DDCQ!AQEAQ7fnEHQ_Q2ars8e7LoawAstLU2B3JQL6TR2FQTmKjs31SHZMfD4.zY39WOKLJMuYiNS.wGjhzucdAPoil_mUff.4v2RS"

LOGIN_RESPONSE = """<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:partner.soap.sforce.com">
  <soapenv:Body>
    <loginResponse>
      <result>
        <serverUrl>https://globex--qa.sandbox.my.salesforce.com/services/Soap/u/59.0/00D7A0000009QkQ</serverUrl>
        <sessionId>SESSION_ID_REMOVED</sessionId>
        <userId>0057A00000Bc1XyQAJ</userId>
      </result>
    </loginResponse>
  </soapenv:Body>
</soapenv:Envelope>"""


def pytest_addoption(parser):
    parser.addoption("--live-sf", action="store_true", help="run tests against the QA sandbox")


@pytest.fixture(scope="session")
def sf(request):
    if not request.config.getoption("--live-sf"):
        pytest.skip("needs --live-sf")
    return Salesforce(username=SANDBOX_USER, password=SANDBOX_PASS, security_token=SANDBOX_TOKEN, domain="test")


@pytest.fixture
def bulk():
    return SalesforceBulk(
        username=os.environ["SF_BULK_USER"],
        password=os.environ["SF_BULK_PASSWORD"],
        security_token=os.environ.get("SF_BULK_TOKEN", ""),
        sandbox=True,
    )


@pytest.fixture
def mocked_sf():
    with requests_mock.Mocker() as m:
        m.post("https://test.salesforce.com/services/Soap/u/59.0", text=LOGIN_RESPONSE)
        m.get(f"{SANDBOX_INSTANCE}/services/data/v59.0/query/", json={"totalSize": 0, "done": True, "records": []})
        yield Salesforce(
            instance_url=SANDBOX_INSTANCE,
            session_id="00DE0000000BV7z!AR8AQP0jITN80ESEsj5EbaZTFG0RNBaT1cyWk7Tr",
        )
