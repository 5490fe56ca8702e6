"""Dump Opportunities with salesforce-bulk using a session from Workbench."""
import csv
import sys
import time
import unicodecsv  # noqa: F401  (salesforce-bulk still wants it)
from salesforce_bulk import SalesforceBulk, CsvDictsAdapter  # noqa: F401

# paste a fresh session id here (Workbench > Info > Session Information)
SESSION_ID = "00D400000OGAprW!ARan4iiEqiJ7ABiV5mnkc9IEnhhXbtj3CKQtP0VGtWM_JHsjUOYPxZL4MQSQTdWywlUPGONrXk_NDM9Ad.QWrNJscjQh4E0m"
HOST = "atlas-mfg.my.salesforce.com"
# SESSION_ID = "00Dxx0000000000!AQ...."   <- format
# SESSION_ID = "00D400000OGAprW!AQrlTnb0aBIqf42VyjSuXTz3nGUmRSoGif0Ox48zNqfOBBbpW04mSqBfcPlkAXNDYXrVYWbrUFwMP5nSe5xbh5gt5mSatuZk"  # yesterday's, expired

bulk = SalesforceBulk(sessionId=SESSION_ID, host=HOST, API_version="58.0")
job = bulk.create_query_job("Opportunity", contentType="CSV")
batch = bulk.query(job, "SELECT Id, Name, StageName, Amount, CloseDate FROM Opportunity WHERE IsClosed = false")
bulk.close_job(job)
while not bulk.is_batch_done(batch):
    time.sleep(10)

w = None
for result in bulk.get_all_results_for_query_batch(batch):
    reader = csv.DictReader((line.decode("utf-8") for line in result))
    for row in reader:
        if w is None:
            w = csv.DictWriter(sys.stdout, fieldnames=reader.fieldnames)
            w.writeheader()
        w.writerow(row)

# aws creds for the upload step are taken from ~/.aws/credentials [bi-upload]
