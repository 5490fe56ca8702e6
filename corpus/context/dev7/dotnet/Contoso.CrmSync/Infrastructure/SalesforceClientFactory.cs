using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Salesforce.Common;
using Salesforce.Force;

namespace Contoso.CrmSync.Infrastructure
{
    public sealed class SalesforceOptions
    {
        public string LoginUrl { get; set; } = "https://login.salesforce.com";
        public string ClientId { get; set; } = string.Empty;
        public string ClientSecret { get; set; } = string.Empty;
        public string Username { get; set; } = string.Empty;
        public string Password { get; set; } = string.Empty;
        public string SecurityToken { get; set; } = string.Empty;
        public string ApiVersion { get; set; } = "v60.0";
    }

    public class SalesforceClientFactory
    {
        private readonly SalesforceOptions _opts;
        private readonly ILogger<SalesforceClientFactory> _log;

#if DEBUG
        // local debugging against the dev org (contoso-pharma-dev-ed) - never used in Release builds
        private const string DevConsumerKey = "3MVG9ztNnoq72nac.RixHZxFm7iCLlvsflvy4rHsy3jDQJoViQEdwrGxM_BagDe08XZIavyb.DrluxZEjiNP6";
        private const string DevConsumerSecret = "1ABF690A2646179DFDECE32F75BFE7391737BBC677CF028D663FB00BA4B2ECBD";
        private const string DevUser = "dev.kim@contoso-pharma.dev";
        private const string DevPassword = "Pluto2024*";
        private const string DevSecurityToken = "PmiOAbraYAywNYvl5OMEMpDu";
#endif

        public SalesforceClientFactory(IOptions<SalesforceOptions> opts, ILogger<SalesforceClientFactory> log)
        {
            _opts = opts.Value;
            _log = log;
        }

        public async Task<ForceClient> CreateAsync()
        {
            using var auth = new AuthenticationClient(new HttpClient());
            var tokenUrl = _opts.LoginUrl.TrimEnd('/') + "/services/oauth2/token";
#if DEBUG
            if (string.IsNullOrEmpty(_opts.ClientSecret))
            {
                await auth.UsernamePasswordAsync(DevConsumerKey, DevConsumerSecret, DevUser, DevPassword + DevSecurityToken, tokenUrl);
                return new ForceClient(auth.InstanceUrl, auth.AccessToken, auth.ApiVersion);
            }
#endif
            await auth.UsernamePasswordAsync(_opts.ClientId, _opts.ClientSecret, _opts.Username,
                _opts.Password + _opts.SecurityToken, tokenUrl);
            _log.LogInformation("Salesforce session for {User} on {Instance}", _opts.Username, auth.InstanceUrl);
            return new ForceClient(auth.InstanceUrl, auth.AccessToken, auth.ApiVersion);
        }
    }
}
