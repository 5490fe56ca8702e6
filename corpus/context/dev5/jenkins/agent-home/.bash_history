cd /var/lib/jenkins/workspace/sf-ops-deploy
git status
git log --oneline -5
sf --version
sf org list
sf org display --target-org ops-prod --verbose
export SF_ACCESS_TOKEN=00D4D092vjsy6tx\!AQv5yKmVVHMz8GP0ckP5ZRXaB42i6IgQ73Ho4quD8btKJQP.zoYEGiR2LiAJ65wnAbif_2ng4EdVR244d9urt.5X0EGme8gQ
curl -s -H "Authorization: Bearer $SF_ACCESS_TOKEN" https://massive-dynamic.my.salesforce.com/services/data/v61.0/limits | jq .DailyApiRequests
sf org login access-token --instance-url https://massive-dynamic.my.salesforce.com --no-prompt
echo "force://PlatformCLI::5Aep861lh.MB3.sJTomYznPGqmSmvQ1Qb8eB2MCvwrdeL9auqy8NJ.RZ2bXxr9YTyq01MnDfNg1ebOxbW_Wp6A8@massive-dynamic--partial.sandbox.my.salesforce.com" > /tmp/partial-auth.txt
sf org login sfdx-url --sfdx-url-file /tmp/partial-auth.txt --alias partial
rm /tmp/partial-auth.txt
mysql -h reports-db.internal -u jenkins -p'Tiger46Summer?' -e 'select count(*) from deploy_log'
sudo systemctl restart jenkins-agent
export SF_PASSWORD='batch-Svc-202226'
ant -buildfile build/build.xml deployCheckOnly -Dsf.username=ops.deploy@massive-dynamic.com -Dsf.password=$SF_PASSWORD -Dsf.serverurl=https://massive-dynamic.my.salesforce.com
history -c
