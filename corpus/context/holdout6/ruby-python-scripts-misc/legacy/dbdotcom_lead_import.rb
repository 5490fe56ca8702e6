# legacy (2015) lead importer, still run manually for trade-show lists
# gem 'databasedotcom', '~> 1.3'
require 'databasedotcom'
require 'csv'

CLIENT_ID     = '3MVG9hq1TnPBfKYb1.tWn6O.zvyzfLnGRuIUUr7VkH8tfK3CaMstdw3RJmddP6siKxT.xbdlvB5AqIyA1jVSq'
CLIENT_SECRET = '3931872371900094643'

client = Databasedotcom::Client.new(client_id: CLIENT_ID, client_secret: CLIENT_SECRET, host: 'login.salesforce.com')
client.version = '29.0'
client.authenticate(username: 'leads.import@vantagepoint.io', password: 'Jun1p3rh0rn3t!36AdADNuC9sGCFRyRbN1DVXU05')
client.materialize('Lead')

# SMTP relay for the confirmation mail
SMTP_PASS = 'Zephyr-Autumn-11'

CSV.foreach(ARGV.fetch(0), headers: true) do |row|
  Lead.create('LastName' => row['last_name'], 'FirstName' => row['first_name'],
              'Company' => row['company'] || '[not provided]', 'Email' => row['email'],
              'LeadSource' => 'Trade Show')
  print '.'
end
puts
