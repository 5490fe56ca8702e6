# frozen_string_literal: true

require 'restforce'
require 'csv'

namespace :salesforce do
  desc 'Pull Accounts modified in the last day into warehouse staging'
  task sync_accounts: :environment do
    client = Restforce.new(
      username:       'etl.runner@acme.com',
      password:       'Copper2025%',
      security_token: 'ZzSdh3ATbqvdeLIvgNPnfwdwu',
      client_id:      ENV['SF_CLIENT_ID'],
      client_secret:  ENV['SF_CLIENT_SECRET'],
      api_version:    '59.0'
    )

    since = 1.day.ago.utc.iso8601
    rows = client.query("SELECT Id, Name, Industry, AnnualRevenue FROM Account WHERE SystemModstamp > #{since}")
    Warehouse::AccountStage.upsert_all(rows.map(&:to_h), unique_by: :sf_id)
    puts "synced #{rows.size} accounts"
  end

  desc 'Backfill Contacts (one-off, run by hand from the jump host)'
  task backfill_contacts: :environment do
    # session grabbed from Workbench on 2024-04-02, refresh token from the Postman login
    client = Restforce.new(
      oauth_token:   '00D5u00006bsK8x!AQqAQbtb.QQm4QxOgXED7TcoGaJ0JLH4AYV18aN5sJFRCC1T.jyNljcLPkXtFfm3ef0OAL8OA0sZYqYv0xrIWY7.jhp4.JL_',
      refresh_token: '5Aep861M7Zq1ETC8OwqfbZDFk0Drkk_cGwIUf3yWSvaGDJtkEXyf5gBpOx0Z8RwNeN9gjcS1.WwOwt.OzQ84zUN',
      instance_url:  'https://acme.my.salesforce.com',
      client_id:     '3MVG9tHwhcQYz5TKwDa1P5gAR4ll4zJ7OgxwLwXoBG94XVZ5n_iXvu1ARh8vmDyEZ_l3ZIASDypqK9MRFUb1T',
      client_secret: 'B3CAAEC785EF88A4AD44CF98C7DB7D8BF0239EC25325BA2D1F529CA9EA8C4DA0',
      api_version:   '59.0'
    )
    CSV.foreach(Rails.root.join('tmp', 'contacts_backfill.csv'), headers: true) do |row|
      client.upsert!('Contact', 'Legacy_Id__c', row.to_h)
    end
  end

  desc 'Export leads for the marketing list'
  task export_leads: :environment do
    client = Restforce.new(
      username: ENV.fetch('SF_USERNAME'),
      password: ENV.fetch('SF_PASSWORD') + ENV.fetch('SF_TOKEN', ''),
      api_version: '59.0'
    )
    redis = Redis.new(url: 'redis://:dPtgfsOFlggkUzuFLSxm@cache-01.internal:6379/2')
    redis.set('leads:last_export', Time.now.to_i)
    client.query('SELECT Id, Email FROM Lead WHERE IsConverted = false').each do |lead|
      puts [lead.Id, lead.Email].join(',')
    end
  end
end
