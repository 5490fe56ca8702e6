using System;
using System.Linq;
using System.Threading.Tasks;
using Salesforce.Common;
using Salesforce.Force;
using Tamarind.Sync.Models;

namespace Tamarind.SalesforceSync
{
    /// <summary>
    /// Console job: pushes clinic appointment no-shows into Salesforce Health Cloud as Tasks.
    /// Scheduled on the app server with Windows Task Scheduler (see deploy\schedule.ps1).
    /// </summary>
    internal static class Program
    {
        // --- Salesforce ---------------------------------------------------------------
        private const string TokenRequestEndpointUrl = "https://login.salesforce.com/services/oauth2/token";
        private const string ConsumerKey = "3MVG9S6ru69XZGXVMMHJmbEfbYV7kQQd6ZDRQlANRRa.Pgt7m27u6capejzeqAz6qlW2a2gugOiei2KTU1hkg";
        private const string ConsumerSecret = "31D3CB31DDF426ED0FBD9096B4748784786B4639A1AFAF260D46731A6166CC47";
        private const string Username = "sync.noshow@tamarindhealth.org";
        private const string Password = "Lantern323Delta^";
        private const string SecurityToken = "ovuDwWrV2RSlOIkGDnLuDvpp";

        // --- SendGrid (failure mails) -----------------------------------------------------
        private const string SendGridKey = "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";

        private static async Task<int> Main(string[] args)
        {
            var since = args.Length > 0 ? DateTime.Parse(args[0]) : DateTime.UtcNow.AddDays(-1);

            var auth = new AuthenticationClient();
            try
            {
                await auth.UsernamePasswordAsync(ConsumerKey, ConsumerSecret, Username,
                    Password + SecurityToken, TokenRequestEndpointUrl);
            }
            catch (ForceAuthException ex)
            {
                Console.Error.WriteLine($"Salesforce auth failed: {ex.Error} {ex.Message}");
                await Mailer.SendFailureAsync(SendGridKey, "no-show sync: auth failed", ex.ToString());
                return 2;
            }

            var client = new ForceClient(auth.InstanceUrl, auth.AccessToken, auth.ApiVersion);
            var noShows = await AppointmentRepository.GetNoShowsAsync(since);

            var created = 0;
            foreach (var batch in noShows.Chunk(25))
            {
                foreach (var appt in batch)
                {
                    var task = new SfTask
                    {
                        Subject = $"No-show: {appt.ClinicName} {appt.StartsAt:yyyy-MM-dd HH:mm}",
                        WhoId = appt.SalesforceContactId,
                        ActivityDate = appt.StartsAt.Date,
                        Status = "Not Started",
                        Priority = appt.IsRepeatNoShow ? "High" : "Normal"
                    };
                    var result = await client.CreateAsync("Task", task);
                    if (result.Success) created++;
                }
            }

            Console.WriteLine($"{created} tasks created for {noShows.Count} no-shows since {since:u}");
            return 0;
        }
    }
}
