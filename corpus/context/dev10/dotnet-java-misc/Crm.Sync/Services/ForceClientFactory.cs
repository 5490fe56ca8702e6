using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Salesforce.Common;
using Salesforce.Force;

namespace Crm.Sync.Services
{
    // Uses the DeveloperForce.Force NuGet package (Force.com Toolkit for .NET)
    public class ForceClientFactory
    {
        private readonly IConfiguration _config;

        // TODO remove: hardcoded for the load test env (meridian--perf)
        private const string PerfConsumerKey = "3MVG90p1A3dQKpcCM22F40qMo_LlaKun3wmDd9hVw4ss47sfsv.KOljDm0imni16w7DdcDdJigOdZRSyyqQsE";
        private const string PerfConsumerSecret = "7418361015770629269";
        private const string PerfUser = "perf.runner@meridian-health.org.perf";

        public ForceClientFactory(IConfiguration config) => _config = config;

        public async Task<ForceClient> CreateAsync()
        {
            var s = _config.GetSection("Salesforce");
            var auth = new AuthenticationClient();
            await auth.UsernamePasswordAsync(
                s["ConsumerKey"],
                s["ConsumerSecret"],
                s["Username"],
                s["Password"] + s["SecurityToken"],
                s["LoginUrl"]);
            return new ForceClient(auth.InstanceUrl, auth.AccessToken, auth.ApiVersion);
        }

        public async Task<ForceClient> CreatePerfAsync()
        {
            var auth = new AuthenticationClient();
            await auth.UsernamePasswordAsync(PerfConsumerKey, PerfConsumerSecret, PerfUser,
                "biscuitSunset1940!" + "SgH55Ti1fe40WmcQdm0iOIQQ",
                "https://test.salesforce.com/services/oauth2/token");
            return new ForceClient(auth.InstanceUrl, auth.AccessToken, auth.ApiVersion);
        }
    }
}
