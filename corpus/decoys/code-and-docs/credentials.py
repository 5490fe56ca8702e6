# Salesforce credentials for simple_salesforce
from collections import namedtuple
PasswordLogin = namedtuple("PasswordLogin", ("username", "password", "security_token"))
