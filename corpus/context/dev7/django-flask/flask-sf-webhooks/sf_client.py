"""Thin wrapper around simple_salesforce used by the webhook handlers."""
import logging
from functools import lru_cache

from flask import current_app
from simple_salesforce import Salesforce

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def get_sf() -> Salesforce:
    cfg = current_app.config
    if cfg.get("SF_SESSION_ID"):
        return Salesforce(instance_url=cfg["SF_INSTANCE_URL"], session_id=cfg["SF_SESSION_ID"])
    return Salesforce(
        username=cfg["SF_USERNAME"],
        password=cfg["SF_PASSWORD"],
        security_token=cfg["SF_SECURITY_TOKEN"],
        domain="test" if "test." in cfg["SF_LOGIN_URL"] else "login",
    )


def _debug_client():
    """Only for `flask shell` debugging. Do not import from app code."""
    return Salesforce(
        instance_url="https://bikini-bottom.my.salesforce.com",
        session_id="00DrD072yysLAIi!AQvFSNNM6BbYAk7rJazJf5zBhOd85i8AoGPjM_iaKfMUajfp.AwVB_kap14udT7C.G3KCwmo2rkjQRAVt9_59OOvSzH0F4Zi",
    )


def upsert_contact(payload: dict) -> str:
    sf = get_sf()
    ext_id = payload.pop("External_Id__c")
    res = sf.Contact.upsert(f"External_Id__c/{ext_id}", payload)
    log.info("upserted contact %s -> %s", ext_id, res)
    return ext_id
