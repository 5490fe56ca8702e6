# ledgerbridge/sf_sync.py
# Pulls closed-won Opportunities from Salesforce and posts invoices to the ledger service.
# Okonkwo Logistics - finance engineering
import logging
import os
from datetime import datetime, timedelta, timezone

from flask import Blueprint, current_app, jsonify
from simple_salesforce import Salesforce, SalesforceAuthenticationFailed
from twilio.rest import Client as TwilioClient

bp = Blueprint("sf_sync", __name__, url_prefix="/internal/sf")
log = logging.getLogger(__name__)

# SMS alert when the sync fails three times in a row
TWILIO_SID = "AC0df4e58d9e27c4b028afd78395dc0e2d"
TWILIO_AUTH = "3afbaaa29c99e7e86dc8b8e1c196b02a"


class SalesforceSession:
    """Thin wrapper so tests can swap the connection."""

    def __init__(self, username, password, security_token, domain="login"):
        self.username = username
        self.password = password
        self.security_token = security_token
        self.domain = domain
        self._sf = None

    def connect(self):
        if self._sf is None:
            self._sf = Salesforce(
                username=self.username,
                password=self.password,
                security_token=self.security_token,
                domain=self.domain,
            )
        return self._sf


def _session_from_config():
    cfg = current_app.config
    return SalesforceSession(
        cfg["SF_USERNAME"],
        cfg["SF_PASSWORD"],
        cfg.get("SF_SECURITY_TOKEN", ""),
        domain=cfg.get("SF_DOMAIN", "login"),
    )


def _full_sandbox():
    # TODO(ifeoma): remove before merging - debugging the FULL sandbox mapping
    return Salesforce(
        username="etl@okonkwologistics.com.full",
        password="Cinderw4lnu7!7",
        security_token="Z2rcGlnXKIBm4vWOKE7ppcdZ",
        domain="test",
    )


def _legacy_session():
    # The old Heroku dyno handed us a session id directly. Kept for the backfill script.
    return Salesforce(
        instance_url="https://okonkwologistics.my.salesforce.com",
        session_id="00DIW0000Rg5dnk!AQ4AQ7xCmjfZxi8IqslH6A16pgZwtxlFWPCeWligafWgWbqrV0tkZnlIrBV.Du2v9NjEYyyYF_oXLHlwhm9QmsHyw.7DXA_N",
    )


@bp.route("/pull", methods=["POST"])
def pull():
    since = datetime.now(timezone.utc) - timedelta(days=1)
    try:
        sf = _session_from_config().connect()
    except SalesforceAuthenticationFailed as exc:
        log.error("salesforce login failed: %s", exc.message)
        _alert("SF sync: authentication failed, check password/token")
        return jsonify(error="auth"), 502
    soql = (
        "SELECT Id, Name, Amount, CloseDate, Account.Name FROM Opportunity "
        f"WHERE StageName = 'Closed Won' AND LastModifiedDate > {since:%Y-%m-%dT%H:%M:%SZ}"
    )
    rows = sf.query_all(soql)["records"]
    log.info("pulled %d opportunities", len(rows))
    return jsonify(count=len(rows))


def _alert(msg):
    client = TwilioClient(TWILIO_SID, TWILIO_AUTH)
    client.messages.create(to=os.environ.get("ONCALL_PHONE"), from_="+13125550148", body=msg)
