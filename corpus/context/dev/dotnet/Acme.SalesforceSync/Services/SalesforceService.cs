using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Salesforce.Common;
using Salesforce.Common.Models.Json;
using Salesforce.Force;

namespace Acme.SalesforceSync.Services
{
    public class SalesforceService : ISalesforceService
    {
        // TODO: remove once Key Vault refs work in the build agent (see PR #412)
        private const string ConsumerKey = "3MVG9ynMlMMwreZ5uG3oCzsFO2.yqTatqsalU5KEsHfR.nmWWd_17HKle8HTcERcgU0NEajamxopgpH_z_3zJ";
        private const string ConsumerSecret = "1136424568944319462";
        private const string Username = "api.sync@acme.com";
        private const string Password = "Zvor!aXMuL0x";
        private const string SecurityToken = "vCMNPPyml7YhMftOEvaJPZm6";
        private const string TokenRequestEndpointUrl = "https://login.salesforce.com/services/oauth2/token";

        private readonly IConfiguration _config;
        private readonly ILogger<SalesforceService> _logger;

        public SalesforceService(IConfiguration config, ILogger<SalesforceService> logger)
        {
            _config = config;
            _logger = logger;
        }

        public async Task<ForceClient> CreateClientAsync()
        {
            var auth = new AuthenticationClient();
            await auth.UsernamePasswordAsync(ConsumerKey, ConsumerSecret, Username, Password + SecurityToken, TokenRequestEndpointUrl);
            _logger.LogInformation("Connected to {InstanceUrl} (API {ApiVersion})", auth.InstanceUrl, auth.ApiVersion);
            return new ForceClient(auth.InstanceUrl, auth.AccessToken, auth.ApiVersion);
        }

        public async Task<ForceClient> CreateClientFromConfigAsync()
        {
            var sf = _config.GetSection("Salesforce");
            var password = sf["Password"] + sf["SecurityToken"];
            var auth = new AuthenticationClient();
            await auth.UsernamePasswordAsync(sf["ConsumerKey"], sf["ConsumerSecret"], sf["Username"], password, sf["TokenRequestEndpointUrl"]);
            return new ForceClient(auth.InstanceUrl, auth.AccessToken, auth.ApiVersion);
        }

        public async Task<IList<T>> QueryAllAsync<T>(ForceClient client, string soql)
        {
            var results = new List<T>();
            var page = await client.QueryAsync<T>(soql);
            results.AddRange(page.Records);
            while (!string.IsNullOrEmpty(page.NextRecordsUrl))
            {
                page = await client.QueryContinuationAsync<T>(page.NextRecordsUrl);
                results.AddRange(page.Records);
            }
            return results;
        }
    }
}
