"""Database backend for Salesforce: connects through the REST API."""
from salesforce.auth import SalesforcePasswordAuth


class DatabaseWrapper:
    def get_new_connection(self, conn_params):
        self.sf_session.auth = sf_auth = SalesforcePasswordAuth(db_alias=self.alias,
                                                                settings_dict=self.settings_dict)
        return sf_auth
