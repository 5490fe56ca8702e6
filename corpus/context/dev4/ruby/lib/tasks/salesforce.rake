# lib/tasks/salesforce.rake
namespace :salesforce do
  desc "Backfill Contacts from Salesforce into contacts table"
  task backfill_contacts: :environment do
    client = Restforce.new(
      oauth_token:   "00D4K0lMljE5BgZ!AQEs_f2wnuMJ3nJ2_.7M0.k1xaJkl_5lnnskiputG91L1wuCbV54d_fGk.TZYP6WVjhwTmgIDcO9eEXY_FTZPffBtbxV3tqw",
      refresh_token: "5Aep861j55i1i5hNS3crLVXr1J818PSv2t1een7UVaASpasH6PyBVihF3bcM77SE4YsrbaDVk7TSQDzo1eM4VwL",
      instance_url:  "https://kestrel-labs.my.salesforce.com",
      client_id:     Rails.application.credentials.salesforce[:client_id],
      client_secret: Rails.application.credentials.salesforce[:client_secret],
      api_version:   "58.0"
    )

    client.query("SELECT Id, Email, FirstName, LastName FROM Contact").each_slice(500) do |batch|
      Contact.upsert_all(batch.map { |c| { sf_id: c.Id, email: c.Email, first_name: c.FirstName, last_name: c.LastName } },
                         unique_by: :sf_id)
      print "."
    end
    puts
  end

  desc "Check that the integration user can log in"
  task ping: :environment do
    # password: "********" -- set SALESFORCE_PASSWORD in .env.local
    c = Restforce.new(username: ENV["SALESFORCE_USERNAME"], password: ENV["SALESFORCE_PASSWORD"],
                      security_token: ENV["SALESFORCE_SECURITY_TOKEN"])
    puts c.user_info.inspect
  end
end
