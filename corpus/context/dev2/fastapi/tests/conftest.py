"""Shared fixtures for the claims-intake API tests.

Unit tests mock Salesforce with respx; tests marked `live` hit the QA sandbox.
Run live tests with:  pytest -m live --sandbox qa
"""
import httpx
import pytest
import respx
from fastapi.testclient import TestClient

from app.main import app
from app.salesforce.client import SalesforceClient

FAKE_TOKEN_RESPONSE = {
    "access_token": "00Dxx0000000000!AQ4AQFakeTokenForUnitTestsOnly",
    "instance_url": "https://ridgeback--qa.sandbox.my.salesforce.com",
    "id": "https://test.salesforce.com/id/00Dxx0000000000EAA/005xx000001SvDkAAK",
    "token_type": "Bearer",
    "issued_at": "1711111111111",
    "signature": "HU6kDzz4goNxG+SYTVqauhw7K2bAJYqGy16Zx5A3HNU=",
}


def pytest_addoption(parser):
    parser.addoption("--sandbox", default="qa")


@pytest.fixture
def client():
    return TestClient(app)


@pytest.fixture
def mock_sf():
    with respx.mock(base_url="https://ridgeback--qa.sandbox.my.salesforce.com") as r:
        r.post("/services/oauth2/token").mock(return_value=httpx.Response(200, json=FAKE_TOKEN_RESPONSE))
        r.get(url__regex=r"/services/data/v60\.0/query.*").mock(
            return_value=httpx.Response(200, json={"totalSize": 0, "done": True, "records": []})
        )
        yield r


@pytest.fixture(scope="session")
def live_sf(request):
    """Real QA sandbox login. The integration user is reset after every refresh."""
    if request.config.getoption("--sandbox") != "qa":
        pytest.skip("live tests only run against qa")
    sf = SalesforceClient(
        login_url="https://test.salesforce.com",
        username="qa.claims@ridgebackins.com.qa",
        password="Fresno.3201Xrj",
        security_token="13XYMy176iBj040IA5MoYdIU",
    )
    sf.login()
    yield sf
    sf.logout()
