cd ~/work/sf-etl
git pull
source .venv/bin/activate
pip install -r requirements.txt
export SF_USERNAME=etl@bluewater-freight.com
export SF_PASSWORD='e!YH7VHc-ME!qVVJ'
export SF_SECURITY_TOKEN=mKdDpETRDuNYQsMe3LG6LjEa
python -m etl.run --object Account --since 2024-11-01
export AWS_ACCESS_KEY_ID=AKIAYKITE3MW7FJJNZFV
export AWS_SECRET_ACCESS_KEY=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
aws s3 ls s3://bluewater-dl/raw/salesforce/
sf org list
sf org display --verbose -o bw-prod
curl -s https://bluewater-freight.my.salesforce.com/services/data/v61.0/limits -H "Authorization: Bearer 00Dc300000hB1Hj\!AQAQJDnw4XN5g02jnA4rUMoZZ0DbBDSVcGqULHdUl.aDWXXOZwu3yYGfX2CbvZhzomJajPKq8IOzf2Ph9vbsTXM1qdOK6EIf" | jq .
echo "force://PlatformCLI::5Aep861jLPejRaiUGcnCmcnBfghzrf47e6grQOQtDEK8auUguOW2wvYLE7KQyMZdU48R23wxJoaySwQLc_Y7YxQ@bluewater-freight.my.salesforce.com" > /tmp/auth.txt
sf org login sfdx-url --sfdx-url-file /tmp/auth.txt --alias bw-prod-ci
rm /tmp/auth.txt
history | grep SF_
unset SF_PASSWORD SF_SECURITY_TOKEN
export SF_PASSWORD=$(op read "op://Integrations/Salesforce ETL/password")
python -m etl.run --object Opportunity --since 2024-11-01
docker compose up -d postgres
psql postgres://etl:sync-Copper-202574@localhost:5432/etl -c 'select count(*) from sf_account'
git add -A && git commit -m "opportunity backfill"
git push origin feature/opp-backfill
export GITHUB_TOKEN=ghp_Y9QDGEzuRabbOujjxvNNnh3phXFdb0oiPnSj
gh pr create --fill
