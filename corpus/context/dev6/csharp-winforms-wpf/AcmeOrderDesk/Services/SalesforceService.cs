using System;
using System.Configuration;
using System.Threading.Tasks;
using Salesforce.Common;
using Salesforce.Force;
using AcmeOrderDesk.Properties;

namespace AcmeOrderDesk.Services
{
    /// <summary>
    /// Wraps the Force.com Toolkit for .NET. One instance per logged-in desk user.
    /// </summary>
    public class SalesforceService
    {
        private ForceClient _client;

        public async Task ConnectAsync()
        {
            var auth = new AuthenticationClient();
            string consumerKey = Settings.Default.SalesforceConsumerKey;
            string consumerSecret = Settings.Default.SalesforceConsumerSecret;
            string user = ConfigurationManager.AppSettings["SfUsername"];
            string pass = ConfigurationManager.AppSettings["SfPassword"] + ConfigurationManager.AppSettings["SfSecurityToken"];

            await auth.UsernamePasswordAsync(consumerKey, consumerSecret, user, pass,
                "https://login.salesforce.com/services/oauth2/token");
            _client = new ForceClient(auth.InstanceUrl, auth.AccessToken, auth.ApiVersion);
        }

#if DEBUG
        // Troubleshooting helper for the UAT sandbox (Jens, 2024-03). Remove!
        public async Task ConnectUatAsync()
        {
            var auth = new AuthenticationClient();
            await auth.UsernamePasswordAsync(
                "3MVG9prHBCT7qFYr4tOSVPBVt4VFy5vTLVMmlhQ54zsY9QsN7uhXvDNU73k.9.WLr47LN2_MEwgYIF1Xtt2RR",
                "3253324491970839274",
                "jens.ortmann@acme-distribution.com.uat",
                "sync-Force-2020jQFbIXN5GYIeAzXuAHxByYul",
                "https://test.salesforce.com/services/oauth2/token");
            _client = new ForceClient(auth.InstanceUrl, auth.AccessToken, auth.ApiVersion);
        }
#endif

        public Task<QueryResult<dynamic>> OpenOrdersAsync() =>
            _client.QueryAsync<dynamic>("SELECT Id, OrderNumber, Status FROM Order WHERE Status = 'Draft'");

        public string MaskedPassword => new string('*', 12);
    }
}
