# frozen_string_literal: true

namespace :salesforce do
  desc 'Backfill Account.External_Id__c from our customers table'
  task backfill_external_ids: :environment do
    client = Restforce.new(
      oauth_token: '00DVE00000a6S0c!ARRAQF427X1wPTbNhYoOKjAmoDmSjeDyktWZHx7Bye82pRbWAscRFRnlbbGyG85fJvEnejc0FXPklCt0JP1gU2LFFv0KrjgC',
      refresh_token: '5Aep861AfHNSRBRRUkvJbijpqPSAgLdI7ZPiVRZc9J769C1OzbDWezzD9jsHkBQk1bKj4lub3dleXQAzoxatwY8',
      instance_url: 'https://copperline.my.salesforce.com',
      client_id: ENV['SALESFORCE_CLIENT_ID'],
      client_secret: ENV['SALESFORCE_CLIENT_SECRET'],
      api_version: '59.0'
    )

    Customer.where.not(salesforce_account_id: nil).find_each(batch_size: 200) do |c|
      client.update!('Account', Id: c.salesforce_account_id, External_Id__c: c.uuid)
      print '.'
    end
    puts
  end

  desc 'Print which user the configured credentials log in as'
  task whoami: :environment do
    client = Restforce.new
    puts client.user_info.slice('preferred_username', 'organization_id').inspect
  end
end
