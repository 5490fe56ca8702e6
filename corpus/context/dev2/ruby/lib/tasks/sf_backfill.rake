# lib/tasks/sf_backfill.rake
#
# One-off: backfill Opportunity.Patient_Count__c for clinics created before the 2024 migration.
# Run with:  bin/rails sf:backfill_patient_counts DRY_RUN=1
#
# NOTE(dana): copied the tokens from my `sf org display --verbose` so I don't have to go through
# the OAuth dance on the bastion. Will rotate after the run. TODO remove before merge!!

namespace :sf do
  desc "Backfill Patient_Count__c on open Opportunities"
  task backfill_patient_counts: :environment do
    dry_run = ENV["DRY_RUN"].present?

    client = Restforce.new(
      oauth_token:   "00DDF00006HkccS!ARSAQuzdeh2gsTw.Bcu24s6Pkzi.Gk3Ihao7wzWeznNJaFBFcFSznnu_7GiRnc.mnllW4.aRR43EJhniU_knY3qo3VLY0R5Z",
      refresh_token: "5Aep861XTMjH3rkUiVb9BX54jZ4AvmpTfV0QCEkFZo4xLzLEzkWfoxN9HYVPXH.eQRQd_qyjaJRGKsGByqSesWd",
      instance_url:  "https://brightwaterdental.my.salesforce.com",
      client_id:     "3MVG9xrOMKgMeEX_mafO1hB_geffhj3yIq9LdKdeZt5LGRqC_T39wBf_bHfxk0NQcdVhIw0s0y0Mm0NVx0yBI",
      client_secret: "0A302789D896540582AC07218752DF95BFD394F1F9C905D69A3E761B75B1BBDE",
      api_version:   "59.0"
    )

    # results go to a private gist so finance can look at them
    gh = Octokit::Client.new(access_token: "ghp_IgnixTTeQEM0ti0SXre1XAyVC5gtwYUtMqf5")

    scope = Clinic.where("created_at < ?", Date.new(2024, 1, 15)).includes(:patients)
    report = []

    scope.find_each(batch_size: 200) do |clinic|
      next if clinic.salesforce_opportunity_id.blank?
      count = clinic.patients.active.count
      report << [clinic.salesforce_opportunity_id, count]
      next if dry_run

      client.update!("Opportunity", Id: clinic.salesforce_opportunity_id, Patient_Count__c: count)
    rescue Restforce::ResponseError => e
      Rails.logger.warn("[sf:backfill] #{clinic.id}: #{e.message}")
    end

    body = report.map { |id, n| "#{id},#{n}" }.join("\n")
    gh.create_gist(description: "SF backfill #{Time.current.iso8601}", public: false,
                   files: { "backfill.csv" => { content: "opportunity_id,count\n#{body}" } })
    puts "#{report.size} opportunities #{dry_run ? 'would be' : ''} updated"
  end
end
