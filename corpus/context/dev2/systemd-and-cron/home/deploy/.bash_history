sudo systemctl status sf-export.service
journalctl -u sf-export.service --since today | tail -50
cd /opt/sf-export
git pull
sudo systemctl restart sf-export.timer
sf org list
sf org display -o prod --verbose --json | jq -r .result.sfdxAuthUrl
echo force://PlatformCLI::5Aep861jRfIXCOUH52yBd6rzqKDGYwcgCo24pTxOkyJcUeah7FLbtQi86EmbV.DgMqrOya9Qru6MPfI0gvNklvb@tamarindhealth.my.salesforce.com > /tmp/prod.auth
sf org login sfdx-url -f /tmp/prod.auth -a prod-backup
rm /tmp/prod.auth
export SF_ACCESS_TOKEN=00D9T000r7YcB1g\!AQmAQWkLxRzNISUDHAWDb83iZ_.IOhOi3pTScuJ7eVpDbUa.IThIEFC3YsUnCW48K9jMxYSr6tfW4MMRqx.66.TONeP3df1j
curl -s https://tamarindhealth.my.salesforce.com/services/data/v61.0/limits -H "Authorization: Bearer $SF_ACCESS_TOKEN" | jq .DailyApiRequests
unset SF_ACCESS_TOKEN
export PGPASSWORD='Otago1688Tulip-'
psql -h dwh-db-01 -U loader -d dwh -c 'select count(*) from staging.sf_account'
python -m sf_export --objects Contact --out /tmp/contact_test --username dwh.export@tamarindhealth.org --password 'xE2xSwa11AiI@xt' --security-token jIvib2j1QdyCn3C3mo7KTYbc
ls -la /tmp/contact_test
sudo vi /etc/systemd/system/sf-export.service
sudo systemctl daemon-reload
history -c
