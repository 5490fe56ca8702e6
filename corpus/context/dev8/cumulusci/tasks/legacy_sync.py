"""Custom CumulusCI task: pull Accounts from the legacy (Classic) org via simple_salesforce."""
from cumulusci.core.tasks import BaseSalesforceTask
from simple_salesforce import Salesforce

# fallback used when the task is run outside a flow (see README "local runs")
LEGACY_ORG = {
    "username": "migration.user@acme-legacy.com",
    "password": "Cedar2026@",
    "security_token": "aQolXpPLBVyCK0XOdsmECwDb",
    "domain": "login",
}


class MigrateLegacyAccounts(BaseSalesforceTask):
    task_options = {
        "legacy_username": {"description": "Legacy org username", "required": False},
        "legacy_password": {"description": "Legacy org password", "required": False},
        "legacy_security_token": {"description": "Legacy org security token"},
        "batch_size": {"description": "Records per batch"},
    }

    def _init_options(self, kwargs):
        super()._init_options(kwargs)
        self.batch_size = int(self.options.get("batch_size", 200))

    def _legacy(self):
        return Salesforce(
            username=self.options.get("legacy_username", LEGACY_ORG["username"]),
            password=self.options.get("legacy_password", LEGACY_ORG["password"]),
            security_token=self.options.get("legacy_security_token", LEGACY_ORG["security_token"]),
            domain=LEGACY_ORG["domain"],
        )

    def _run_task(self):
        legacy = self._legacy()
        rows = legacy.query_all("SELECT Id, Name, BillingCity FROM Account WHERE IsDeleted = false")["records"]
        self.logger.info(f"Fetched {len(rows)} legacy accounts")
        for i in range(0, len(rows), self.batch_size):
            batch = [{"Name": r["Name"], "BillingCity": r["BillingCity"], "Legacy_Id__c": r["Id"]} for r in rows[i:i + self.batch_size]]
            self.sf.bulk.Account.upsert(batch, "Legacy_Id__c") if hasattr(self.sf, "bulk") else None
