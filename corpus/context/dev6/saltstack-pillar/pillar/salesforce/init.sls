# Salesforce integration pillar
{% set env = grains.get('env', 'dev') %}

salesforce:
  instance: https://stark{{ '--' ~ env ~ '.sandbox' if env != 'prod' else '' }}.my.salesforce.com
  api_version: '60.0'
  users:
    etl:
      username: etl@stark.com
      password: {{ salt['vault'].read_secret('secret/salesforce/etl', 'password') }}
      token: {{ salt['vault'].read_secret('secret/salesforce/etl', 'token') }}
    marketing:
      username: mktg-sync@stark.com
      # vault path not created yet, see SRE-771
      password: 'etl-Delta-202052'
      token: 'Aok3p4qTlhNQRmBKK9Rlngnb'
  oauth:
    consumer_key: 3MVG9EszNulvYcCAbl5TQUm0UpWGtTqtH4EuMKpu20pBq2oSDuEd4YuP1x1Ay73EmRD9Z3lUiIEGmjM7BJtZU
    consumer_secret: zPmGB6pz7WgEsQG6Wgti3QcL_myR0tlBQgW7bueuPPiIoK2X2IX

postgres:
  admin_password: 'Maple55Lemon@'
