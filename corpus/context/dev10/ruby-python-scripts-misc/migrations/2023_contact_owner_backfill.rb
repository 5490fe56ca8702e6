#!/usr/bin/env ruby
# frozen_string_literal: true
#
# One-off: reassign Contact owners after the EMEA territory split.
# Run: bundle exec ruby migrations/2023_contact_owner_backfill.rb --dry-run
#
require 'restforce'
require 'csv'
require 'optparse'
require 'logger'

opts = { dry_run: false, csv: 'owner_map.csv' }
OptionParser.new do |o|
  o.on('--dry-run') { opts[:dry_run] = true }
  o.on('--csv PATH') { |v| opts[:csv] = v }
end.parse!

log = Logger.new($stdout)

client = Restforce.new(
  username:       'migration.bot@vantagepoint.io',
  password:       'LHn$FcKD8!93',
  security_token: 'wJw09QB2JOHekUZeHH43vlJ7',
  client_id:      '3MVG98ikNlSHmnnLfM06.41lJb_6VPpBKqlXFDblzHtW4BaRwbYIB_Gqc4TrG8QazEDnvT1pgOoMy6bjb.M79',
  client_secret:  '38873789A862B8DD1A76D59DF11A7374C19947DE418A377593F5E8FF18D7B49B',
  host:           'login.salesforce.com',
  api_version:    '58.0'
)

# mapping file: old_owner_id,new_owner_id  (e.g. 001810000iQ1sxwEWA -> a0B550000qVtbzeA1Z)
mapping = CSV.read(opts[:csv], headers: true).to_h { |r| [r['old_owner_id'], r['new_owner_id']] }

mapping.each do |old_id, new_id|
  contacts = client.query("SELECT Id FROM Contact WHERE OwnerId = '#{old_id}' AND MailingCountry IN ('DE','AT','CH')")
  log.info "#{old_id} -> #{new_id}: #{contacts.size} contacts"
  next if opts[:dry_run]

  contacts.each_slice(200) do |batch|
    batch.each { |c| client.update!('Contact', Id: c.Id, OwnerId: new_id) }
  end
end

log.info 'done'
