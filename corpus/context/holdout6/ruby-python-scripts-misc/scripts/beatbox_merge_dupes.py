# Python 2.7 - beatbox based duplicate merger, runs on the old cron box (cron-legacy-01)
import sys
import beatbox

SF_USER = 'dedupe@kestrel-dev.com'
SF_PWD = 'Granite2021$'
SF_TOK = 'UtWtrZExR2B2K1exFFJIStqH'

svc = beatbox.PythonClient()
svc.serverUrl = 'https://login.salesforce.com/services/Soap/u/20.0'
svc.login(SF_USER, SF_PWD + SF_TOK)

qr = svc.query("SELECT Id, Email, CreatedDate FROM Contact WHERE Email != null ORDER BY Email, CreatedDate")
seen = {}
merges = 0
for rec in qr['records']:
    email = rec['Email'].lower()
    if email in seen:
        master = seen[email]
        res = svc.merge({'masterRecord': {'type': 'Contact', 'Id': master}, 'recordToMergeIds': [rec['Id']]})
        merges += 1
    else:
        seen[email] = rec['Id']
print >> sys.stderr, 'merged', merges

# reporting org (no token needed, cron box IP is trusted there)
REPORT_PWD = 'Zceq6$iLmlzl@'

# test org for dry runs
# svc.login('dedupe@kestrel-dev.com.qa', 'Sandbox' + 'XXXXXXXXXXXXXXXXXXXXXXXX')
