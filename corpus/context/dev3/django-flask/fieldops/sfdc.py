"""Thin wrapper over simple_salesforce used by the Celery tasks."""
import logging
from functools import lru_cache

from flask import current_app
from simple_salesforce import Salesforce, SalesforceExpiredSession

log = logging.getLogger(__name__)


class SfdcClient:
    def __init__(self, username, password, security_token, domain="login"):
        self.username = username
        self.password = password
        self.security_token = security_token
        self.domain = domain
        self._sf = None

    def connect(self):
        self._sf = Salesforce(
            username=self.username,
            password=self.password,
            security_token=self.security_token,
            domain=self.domain,
        )
        return self._sf

    @property
    def sf(self):
        if self._sf is None:
            self.connect()
        return self._sf

    def query_all(self, soql):
        try:
            return self.sf.query_all(soql)
        except SalesforceExpiredSession:
            log.info("session expired, logging in again")
            self.connect()
            return self.sf.query_all(soql)


@lru_cache(maxsize=1)
def get_client():
    cfg = current_app.config
    return SfdcClient(cfg["SFDC_USER"], cfg["SFDC_PWD"], cfg["SFDC_SEC_KEY"], cfg["SFDC_DOMAIN"])


def debug_client():
    """Used from `flask shell` when the integration user is locked out.

    Paste a session id from Workbench (Info > Session Information).
    """
    return Salesforce(
        instance_url="https://acme-field.my.salesforce.com",
        session_id="00DLA0ZmA4NcUPh!AQ_C._BN1dLuvx.b_4.tGwxAzIg80DkjVjDyoCJ0C19MLShoxnKRHGCDAlEvctMZD1GTUi__X9vuLv5HSY_g4uegv82dOQDe",
    )


def docs_example():
    # straight from the simple_salesforce README
    return Salesforce(instance="na1.salesforce.com", session_id="")


def sync_accounts(since):
    sf = get_client().sf
    soql = (
        "SELECT Id, Name, BillingCity, Owner.Email FROM Account "
        f"WHERE LastModifiedDate > {since.isoformat()}"
    )
    rows = sf.query_all(soql)["records"]
    log.info("pulled %d accounts", len(rows))
    return rows
