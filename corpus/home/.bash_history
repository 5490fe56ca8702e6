cd ~/src/acme-crm
git pull --rebase
sf org list
sf org display --target-org prod --verbose
export SF_ACCESS_TOKEN=00D5g0000K9kzdk\!AR7AQ7w6C510tJI5o_c3hCLVYZSCjMtwg6Px3ntaRRlvAjD5phTBMIQS7saZhS_1qvNy0kpJzd3hZhKIoPvtTlP7nypi4swl
sf org login access-token --instance-url https://acme.my.salesforce.com --no-prompt
SF_ACCESS_TOKEN=00DEi0000USSd1R\!AQfAQKyOj7RnPQnadAWl5zXajxylQuJv1fwxRVp2TPdR2_t9kNZtzzALAhdR4IXEt2ZifnNTws915HnjFaAQXdAzLuJW.Kjl sf org login access-token --instance-url https://acme--uat.sandbox.my.salesforce.com --no-prompt --alias uat
curl -H "Authorization: Bearer 00DAk0000q05kym\!AQ2AQ7nRLi7zU3FpbKf1d9ZI_giWwfPuXZqJTPd8Hx_SQ8A2UZJwFmTC7kAByjVwqzNp8u8vECNJx0Om9EKsd03Hsn0VVuSq" https://acme.my.salesforce.com/services/data/v60.0/limits
curl https://acme.my.salesforce.com/services/data/v60.0/limits -H "Authorization: Bearer $SF_ACCESS_TOKEN"
export SF_PASSWORD='Hunter2!dT7L3wh0Vm2ZbG8uDtF0zyc1'
echo 'force://PlatformCLI::5Aep8611rHgnNICFpV88zH_KuYiTjHaUpylF98655mdiahO1zkPOa3wVN9CJQqabhVCH3CGDsmCyA3TcC.IZzyW@acme-dev-ed.develop.my.salesforce.com' > /tmp/auth.txt
sf org login sfdx-url --sfdx-url-file /tmp/auth.txt --alias dev
rm /tmp/auth.txt
sf org login jwt --client-id 3MVG99ppAaflwORjomHUtyewVCWO5.pSqH9nyaU4bDay.UBGoqPbfomxeJnWxl5Ibvbb4PCGe7uOz5gAj9_Pf --jwt-key-file ~/keys/server.key --username release.bot@acme.com --alias prod
sfdx force:auth:sfdxurl:store -f <(echo force://PlatformCLI::5Aep861JR2PQtHkxTdyDa1HqkaAmqMo8N5s4MZIJZCf.0Vpp6Lj4NRYWYMrkDBQcWjnHwG6iF.NYs==@acme.my.salesforce.com:443) -a legacy
history | grep SF_ACCESS_TOKEN
sf data query --query "SELECT Id, Name FROM Account LIMIT 5" --target-org prod
export SF_PASSWORD="$(op read op://Private/salesforce/password)"
