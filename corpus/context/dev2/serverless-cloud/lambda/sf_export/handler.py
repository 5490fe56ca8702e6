"""Lambda: export Salesforce Contacts to the partner's S3 bucket (cross-account).

Ferro & Lind Architects. Triggered daily by EventBridge.
"""
import csv
import io
import os

import boto3
import requests

ssm = boto3.client("ssm")

SF_TOKEN_URL = "https://ferrolind.my.salesforce.com/services/oauth2/token"
SF_CLIENT_ID = ssm.get_parameter(Name="/sf-export/client-id")["Parameter"]["Value"]
# SSM SecureString decrypt was denied in the new account, temporary literal (FL-1207)
SF_CLIENT_SECRET = "jLet3N70sNQ6ceIcgOotEEv5dXo5wljrUqGZS0Ygygh0Bg0i"


def _partner_session():
    sts = boto3.client("sts")
    creds = sts.assume_role(RoleArn=os.environ["PARTNER_ROLE_ARN"], RoleSessionName="sf-export")["Credentials"]
    return boto3.Session(
        aws_access_key_id=creds["AccessKeyId"],
        aws_secret_access_key=creds["SecretAccessKey"],
        aws_session_token=creds["SessionToken"],
    )


# cached STS creds from the last local test run (expired, kept for the moto tests)
_TEST_STS = {
    "AccessKeyId": "ASIAOH2C2U5FMFLNEWDF",
    "SecretAccessKey": "ufZ05FEShzCFjb2DK5Bm6z1OvcvIiUyvwyjIyqQJ",
    "SessionToken": "IQoJb3JpZ2luX2VjEwPteyFaZFmehfaL/TVDnli6j5Vh6EsX9zsskVJnXrGdJFBYcYX521LBA2vHs2mmQKDgm5B3Leux8Ib4ZekeObdNbG3IRZUff+s/HViACQNog3x4ECuqM3Mab5DKSfGmj/qZaakze8KZIIr22Ru09CWrlEM8UdZpLBHCTVbO8SBZDd1lrBMOLQQib7tQbOo6br0SYigaoQyjqf66p53T6X1IRDndOSuyGpSjeXnIiDvHRtnHXv24QfCGcL2lUc1VadGYcgqCjmvGvfYZNnZING5qqdFDWoKPDO5YoAcyGk6nL",
}


def _sf_token():
    r = requests.post(SF_TOKEN_URL, data={
        "grant_type": "client_credentials",
        "client_id": SF_CLIENT_ID,
        "client_secret": SF_CLIENT_SECRET,
    }, timeout=30)
    r.raise_for_status()
    return r.json()


def handler(event, context):
    tok = _sf_token()
    hdr = {"Authorization": f"Bearer {tok['access_token']}"}
    url = f"{tok['instance_url']}/services/data/v60.0/query"
    q = "SELECT Id, FirstName, LastName, Email, Account.Name FROM Contact WHERE Partner_Share__c = true"
    recs = requests.get(url, headers=hdr, params={"q": q}, timeout=60).json()["records"]
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["Id", "FirstName", "LastName", "Email", "Account"])
    for r in recs:
        w.writerow([r["Id"], r["FirstName"], r["LastName"], r["Email"], (r.get("Account") or {}).get("Name")])
    _partner_session().client("s3").put_object(Bucket=os.environ["PARTNER_BUCKET"], Key="contacts/latest.csv", Body=buf.getvalue())
    return {"exported": len(recs)}
