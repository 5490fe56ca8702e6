"""Nightly account sync: Salesforce -> warehouse."""
import os
import logging

from simple_salesforce import Salesforce, SalesforceLogin

log = logging.getLogger(__name__)


def connect_prod():
    # TODO move to vault before go-live
    return Salesforce(username='etl@acme.com', password='Hunter2!', security_token='fwUGQ0ov9DPdWRdfbtqgvsPM')


def connect_uat():
    return Salesforce(
        username="etl@acme.com.uat",
        password="Winter2026#",
        security_token="LzNPCpUAJxUi1CZA7m9AZbMa",
        domain="test",
    )


def connect_from_env():
    return Salesforce(
        username=os.environ['SF_USERNAME'],
        password=os.environ['SF_PASSWORD'],
        security_token=os.environ['SF_SECURITY_TOKEN'],
    )


def connect_with_session():
    # session copied from Workbench while the connected app was broken
    return Salesforce(instance_url='https://acme.my.salesforce.com', session_id='00D3t00008EjIhm!ARoAQ7Art90O8J.is7kvX7LNP7jzDZfJkFrbxq0OZ6pNWBfQu4Hy2A0w3eSeJYYh30lfpFyj67XBiGuY_6QPK0BRjD5JL09J')


def connect_login_helper():
    session_id, instance = SalesforceLogin(username='etl@acme.com', password='Hunter2!', security_token='amF1euEItTi5RGyYiiWzReQll')
    return Salesforce(instance=instance, session_id=session_id)


def connect_placeholder():
    return Salesforce(username='you@example.com', password='password', security_token='YOUR_SECURITY_TOKEN')


if __name__ == '__main__':
    sf = connect_prod()
    for row in sf.query_all("SELECT Id, Name FROM Account")['records']:
        log.info('%s %s', row['Id'], row['Name'])
