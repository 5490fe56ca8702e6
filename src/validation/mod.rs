//! Opt-in live validation and revocation (`--validate`, `--revoke-live`, `forcescan revoke`).
//!
//! Nothing here runs unless asked: a plain scan never builds a [`Verifier`], so no byte leaves the
//! machine. When asked, each distinct credential (rule + fingerprint) is checked once per run,
//! whatever number of files it appears in; threads that meet a credential already being checked
//! wait for that result instead of sending a second request.
//!
//! * [`policy`]: which hosts and addresses may be contacted (Salesforce-owned names, public
//!   addresses, checked after resolution).
//! * [`http`]: the single path to the network: rate limit, per-host concurrency, timeouts, retries.
//! * [`checks`]: which endpoint proves what, and how each answer maps to live/dead/unverifiable/error.
//!
//! Where a check goes: the finding's [`Context::instance`](crate::detect::context::Context) (an
//! `instance_url` or org host next to the secret), the `@host` of an SFDX auth URL, else
//! `login.salesforce.com` and, if that rejects the credential, `test.salesforce.com` (sandboxes). A
//! password is tried on one host only, never twice.

pub mod checks;
pub mod http;
pub mod policy;

use crate::detect::finding::{Finding, Revocation, Status, Validation};
use anyhow::{anyhow, bail, Result};
use checks::{check_at, revoke_at, verdict, Credential};
use http::{Net, NetConfig, TestServer};
use policy::{Lookup, SystemLookup};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

/// Rule ids with a live check.
pub const ACCESS_TOKEN: &str = "salesforce-access-token";
pub(crate) const JWT_ACCESS_TOKEN: &str = "salesforce-jwt-access-token";
pub const REFRESH_TOKEN: &str = "salesforce-refresh-token";
pub const SFDX_AUTH_URL: &str = "salesforce-sfdx-auth-url";
pub(crate) const CONSUMER_SECRET: &str = "salesforce-consumer-secret";
pub(crate) const CLIENT_CREDENTIALS: &str = "salesforce-client-credentials";
pub(crate) const PASSWORD_WITH_TOKEN: &str = "salesforce-password-with-token";

/// Rules whose credential the OAuth revoke endpoint can end (`forcescan revoke --rule`).
pub(crate) const REVOCABLE: &[&str] = &[ACCESS_TOKEN, JWT_ACCESS_TOKEN, REFRESH_TOKEN, SFDX_AUTH_URL];

/// The client id of the Salesforce CLI, which issued most refresh tokens found in CI files.
const DEFAULT_CLIENT_ID: &str = "PlatformCLI";
const LOGIN_HOSTS: [&str; 2] = ["login.salesforce.com", "test.salesforce.com"];

/// Environment variable behind the test-only base URL (see [`Options::base_url`]).
pub const BASE_URL_ENV: &str = "FORCESCAN_VALIDATION_BASE_URL";

#[derive(Debug, Clone)]
pub struct Options {
    /// Try SOAP logins with password+token findings that have a username nearby. Off by default: a
    /// failed login counts toward the user's lockout limit.
    pub passwords: bool,
    /// Revoke every credential found live, right after its check.
    pub revoke_live: bool,
    /// Whole-request timeout (connect is capped at 5 s within it).
    pub timeout: Duration,
    /// Global limit, requests per second, over all hosts and threads.
    pub rate_per_sec: f64,
    /// Requests in flight to one host at most.
    pub per_host: usize,
    /// Retries of an HTTP 429 answer.
    pub retries: u32,
    /// First backoff when a 429 names no `Retry-After`; doubled at each retry.
    pub backoff: Duration,
    /// TEST ONLY: send every request to this `http(s)://127.0.0.1:PORT` (or `[::1]`, `localhost`)
    /// instead of the Salesforce host, which travels in the `X-Forcescan-Target` header. The host
    /// policy still applies; only the address check is replaced by "loopback only".
    pub base_url: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            passwords: false,
            revoke_live: false,
            timeout: Duration::from_secs(10),
            rate_per_sec: 10.0,
            per_host: 4,
            retries: 3,
            backoff: Duration::from_secs(1),
            base_url: None,
        }
    }
}

/// Parses the test-only base URL; refuses anything but plain or TLS HTTP to a loopback address.
fn test_server(base: &str) -> Result<TestServer> {
    let bad = || anyhow!("the validation base URL must be http://127.0.0.1:PORT (a test-only setting)");
    let rest = base.strip_prefix("http://").or_else(|| base.strip_prefix("https://")).ok_or_else(bad)?;
    let netloc = rest.trim_end_matches('/');
    if netloc.contains('/') || netloc.contains('@') {
        bail!(bad());
    }
    let (host, port) = netloc.rsplit_once(':').ok_or_else(bad)?;
    let port: u16 = port.parse().map_err(|_| bad())?;
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    let loopback = bare == "localhost" || bare.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback());
    if !loopback {
        bail!(bad());
    }
    Ok(TestServer { base: base.trim_end_matches('/').to_string(), host: host.to_string(), port })
}

/// One distinct credential: (rule, fingerprint).
type CredentialKey = (String, String);
/// Its result, computed by the first thread that needs it while later ones wait.
type ResultCell = Arc<OnceLock<Validation>>;

/// Checks credentials against Salesforce; shared by all scanning threads.
pub struct Verifier {
    net: Net,
    opts: Options,
    /// One cell per distinct credential: the first thread to need it runs the check, others wait.
    done: Mutex<HashMap<CredentialKey, ResultCell>>,
}

impl Verifier {
    pub fn new(opts: Options) -> crate::error::Result<Verifier> {
        Verifier::with_lookup(opts, Arc::new(SystemLookup))
    }

    /// With a given resolver, so tests can decide what names resolve to without real DNS.
    pub(crate) fn with_lookup(opts: Options, lookup: Arc<dyn Lookup>) -> crate::error::Result<Verifier> {
        let test_server = opts
            .base_url
            .as_deref()
            .map(test_server)
            .transpose()
            .map_err(|e| crate::error::Error::Validation(format!("{e:#}")))?;
        let net = Net::new(
            NetConfig {
                timeout: opts.timeout,
                rate_per_sec: opts.rate_per_sec,
                per_host: opts.per_host,
                retries: opts.retries,
                backoff: opts.backoff,
                test_server,
            },
            lookup,
        );
        Ok(Verifier { net, opts, done: Mutex::new(HashMap::new()) })
    }

    /// The test server every request goes to, when one is set.
    pub fn test_base_url(&self) -> Option<&str> {
        self.opts.base_url.as_deref()
    }

    /// Sets `validation` on every finding, checking each distinct credential once per run.
    pub(crate) fn annotate(&self, findings: &mut [Finding]) {
        for f in findings {
            let cell = {
                let mut done = self.done.lock().unwrap_or_else(|e| e.into_inner());
                done.entry((f.rule.clone(), f.fingerprint.clone())).or_default().clone()
            };
            f.validation = Some(cell.get_or_init(|| self.check(f)).clone());
        }
    }

    /// Checks one finding's credential (no caching), and revokes it when live and asked to.
    pub fn check(&self, f: &Finding) -> Validation {
        let (cred, hosts) = match self.credential(f) {
            Ok(c) => c,
            Err(why) => return verdict(Status::Unverifiable, None, None, why),
        };
        let mut v = self.first_not_dead(&hosts, |h| check_at(&self.net, &cred, h));
        if v.status == Status::Live && self.opts.revoke_live {
            v.revocation = Some(self.revoke_credential(&cred, v.host.as_deref()));
        }
        v
    }

    /// Revokes a credential given on its own (`forcescan revoke`): at `host` if given, else where
    /// its own text or the default login hosts say.
    pub fn revoke(&self, f: &Finding, host: Option<&str>) -> Revocation {
        let token = match self.credential(f) {
            Ok((Credential::AccessToken(t), _)) => t,
            Ok((Credential::RefreshToken { token, .. }, _)) => token,
            _ => {
                return Revocation {
                    revoked: false,
                    host: None,
                    http_status: None,
                    message: not_revocable(&f.rule).to_string(),
                }
            }
        };
        let hosts = match (host, auth_url_parts(f)) {
            (Some(h), _) => vec![h.to_string()],
            (None, Some(a)) => vec![a.host.to_string()],
            (None, None) => LOGIN_HOSTS.map(String::from).to_vec(),
        };
        let mut last = None;
        for h in &hosts {
            let r = revoke_at(&self.net, token, h);
            if r.revoked || r.http_status != Some(400) {
                return r;
            }
            last = Some(r);
        }
        last.unwrap_or_else(|| Revocation {
            revoked: false,
            host: None,
            http_status: None,
            message: "no host to revoke at".into(),
        })
    }

    /// Runs `check` on each host in turn while the answer is "dead": a token rejected by
    /// login.salesforce.com may belong to a sandbox (test.salesforce.com).
    fn first_not_dead(&self, hosts: &[String], check: impl Fn(&str) -> Validation) -> Validation {
        let mut rejected = Vec::new();
        for (i, h) in hosts.iter().enumerate() {
            let mut v = check(h);
            if v.status == Status::Dead && i + 1 < hosts.len() {
                rejected.push(v.message);
                continue;
            }
            if !rejected.is_empty() {
                rejected.push(v.message);
                v.message = rejected.join("; ");
            }
            return v;
        }
        verdict(Status::Unverifiable, None, None, "no host to check".into())
    }

    fn revoke_credential(&self, cred: &Credential, host: Option<&str>) -> Revocation {
        let token = match cred {
            Credential::AccessToken(t) => *t,
            Credential::RefreshToken { token, .. } => token,
            Credential::ClientCredentials { .. } => {
                return not_revoked(not_revocable(CONSUMER_SECRET));
            }
            Credential::Login { .. } => return not_revoked(not_revocable(PASSWORD_WITH_TOKEN)),
        };
        match host {
            Some(h) => revoke_at(&self.net, token, h),
            None => not_revoked("no host known to revoke at"),
        }
    }

    /// What to check and where, or why nothing is checked.
    fn credential<'f>(&self, f: &'f Finding) -> Result<(Credential<'f>, Vec<String>), String> {
        let Ok(secret) = std::str::from_utf8(&f.raw) else {
            return Err("the value is not text; not checked".to_string());
        };
        let instance = f.context.instance.as_deref();
        let hosts_or_login = |given: Option<&str>| match given {
            Some(h) => vec![h.to_string()],
            None => LOGIN_HOSTS.map(String::from).to_vec(),
        };
        Ok(match f.rule.as_str() {
            ACCESS_TOKEN | JWT_ACCESS_TOKEN => (Credential::AccessToken(secret), hosts_or_login(instance)),
            REFRESH_TOKEN => (
                Credential::RefreshToken {
                    token: secret,
                    client_id: f.context.client_id.as_deref().unwrap_or(DEFAULT_CLIENT_ID),
                    client_secret: None,
                },
                hosts_or_login(instance),
            ),
            SFDX_AUTH_URL => {
                let a = auth_url_parts(f).ok_or_else(|| "the SFDX auth URL could not be parsed".to_string())?;
                (
                    Credential::RefreshToken {
                        token: a.refresh,
                        client_id: a.client_id,
                        client_secret: a.client_secret,
                    },
                    vec![a.host.to_string()],
                )
            }
            CONSUMER_SECRET | CLIENT_CREDENTIALS => {
                let (key, secret) =
                    match f.rule.as_str() {
                        CLIENT_CREDENTIALS => client_credentials_pair(secret)
                            .ok_or("the consumer key and secret could not be told apart")?,
                        _ => (
                            f.context.client_id.as_deref().ok_or(
                                "no consumer key (3MVG9…) near the secret; the client-credentials check needs it",
                            )?,
                            secret,
                        ),
                    };
                // The client-credentials flow is served only on the org's own (My Domain) host.
                let host = instance
                    .filter(|h| !LOGIN_HOSTS.contains(h))
                    .ok_or("no org host (My Domain) near the secret; the client-credentials check needs it")?;
                (Credential::ClientCredentials { key, secret }, vec![host.to_string()])
            }
            PASSWORD_WITH_TOKEN if !self.opts.passwords => {
                return Err(
                    "not tried: a login attempt counts toward the user's lockout limit (use --validate-passwords)"
                        .to_string(),
                )
            }
            PASSWORD_WITH_TOKEN => {
                let username = f
                    .context
                    .username
                    .as_deref()
                    .ok_or_else(|| "no username near the password; a login check needs it".to_string())?;
                // One host only: every failed attempt counts toward a lockout.
                (Credential::Login { username, password: secret }, vec![instance.unwrap_or(LOGIN_HOSTS[0]).to_string()])
            }
            rule => {
                return Err(format!(
                    "no live check exists for {rule}{}",
                    if rule == "salesforce-security-token" { " (a security token is half a credential)" } else { "" }
                ))
            }
        })
    }
}

fn not_revoked(message: &str) -> Revocation {
    Revocation { revoked: false, host: None, http_status: None, message: message.to_string() }
}

/// The finding `forcescan revoke` acts on: `secret` run through the rules like scanned text, so its
/// shape is checked and its encoding normalised (`%21` → `!`) before anything is sent. The error
/// says why nothing can be revoked: a rule that cannot be, or a value that is not of that rule.
pub fn revocation_target(rule: &str, secret: &str) -> Result<Finding, String> {
    check_revocable(rule)?;
    if secret.is_empty() {
        return Err("no secret given".into());
    }
    let opts = crate::detect::EngineOptions { include_examples: true, ..Default::default() };
    let engine = crate::detect::Engine::new(crate::detect::RuleBook::builtin(), opts).map_err(|e| e.to_string())?;
    engine
        .scan_bytes("<secret>", secret.as_bytes())
        .into_iter()
        .find(|f| f.rule == rule)
        .ok_or_else(|| format!("the value given is not a {rule}"))
}

/// Whether the OAuth revoke endpoint can end credentials of `rule`; if not, what to do instead.
pub fn check_revocable(rule: &str) -> Result<(), String> {
    if REVOCABLE.contains(&rule) {
        return Ok(());
    }
    Err(match crate::detect::RuleBook::builtin().find(rule) {
        Some(_) => format!("{rule}: {}", not_revocable(rule)),
        None => format!("unknown rule `{rule}` (revocable: {})", REVOCABLE.join(", ")),
    })
}

/// The host of an instance given as `acme.my.salesforce.com` or `https://acme.my.salesforce.com/…`.
pub fn instance_host(given: &str) -> String {
    let i = given.trim();
    let i = i.strip_prefix("https://").unwrap_or(i);
    i.split('/').next().unwrap_or(i).to_string()
}

/// What to do instead, for credentials the OAuth revoke endpoint cannot end.
pub(crate) fn not_revocable(rule: &str) -> &'static str {
    match rule {
        CONSUMER_SECRET | CLIENT_CREDENTIALS => {
            "a consumer secret cannot be revoked by API: generate a new one in Setup > App Manager"
        }
        PASSWORD_WITH_TOKEN | "salesforce-password" | "salesforce-security-token" => {
            "a password or security token cannot be revoked by API: change the password and reset the security token"
        }
        _ => "this kind of credential cannot be revoked by API",
    }
}

/// The key and secret of a `salesforce-client-credentials` finding, which is either
/// `3MVG9…<separators>client_secret=SECRET` (a token request) or `3MVG9…:SECRET` (a Basic header).
fn client_credentials_pair(v: &str) -> Option<(&str, &str)> {
    let (key, rest) = match v.find("client_secret=") {
        Some(i) => (&v[..i], &v[i + "client_secret=".len()..]),
        None => v.split_once(':')?,
    };
    let key = key.strip_prefix("client_id=").unwrap_or(key);
    let key = &key[..key.find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '_')).unwrap_or(key.len())];
    let secret = rest.split(['&', ' ', '\t']).next()?;
    (key.starts_with("3MVG9") && !secret.is_empty()).then_some((key, secret))
}

/// The parts of `force://[clientId:clientSecret:]refreshToken@host`.
struct AuthUrl<'a> {
    client_id: &'a str,
    client_secret: Option<&'a str>,
    refresh: &'a str,
    host: &'a str,
}

fn auth_url_parts(f: &Finding) -> Option<AuthUrl<'_>> {
    if f.rule != SFDX_AUTH_URL {
        return None;
    }
    let s = std::str::from_utf8(&f.raw).ok()?.strip_prefix("force://")?;
    let (creds, host) = s.rsplit_once('@')?;
    let parts: Vec<&str> = creds.split(':').collect();
    let (client_id, client_secret, refresh) = match parts[..] {
        [r] => (DEFAULT_CLIENT_ID, None, r),
        [c, s, r] => (c, Some(s).filter(|s| !s.is_empty()), r),
        _ => return None,
    };
    Some(AuthUrl { client_id, client_secret, refresh, host })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::IpAddr;

    #[test]
    fn test_base_url_must_be_loopback_http() {
        for ok in ["http://127.0.0.1:8080", "http://127.0.0.1:8080/", "http://[::1]:9", "http://localhost:80"] {
            assert!(test_server(ok).is_ok(), "{ok}");
        }
        for bad in [
            "http://10.0.0.1:80",
            "http://evil.example.com:80",
            "http://127.0.0.1",
            "ftp://127.0.0.1:21",
            "http://127.0.0.1:80/path",
            "http://user@127.0.0.1:80",
        ] {
            let e = test_server(bad).err().expect(bad);
            assert_eq!(e.to_string(), "the validation base URL must be http://127.0.0.1:PORT (a test-only setting)");
        }
    }

    #[test]
    fn client_credentials_pairs_split_into_key_and_secret() {
        for v in [
            "3MVG9abc.DEF_1 -d client_secret=F9C4952C&x=1",
            "3MVG9abc.DEF_1&client_secret=F9C4952C",
            "3MVG9abc.DEF_1:F9C4952C",
        ] {
            assert_eq!(client_credentials_pair(v), Some(("3MVG9abc.DEF_1", "F9C4952C")), "{v}");
        }
        assert_eq!(client_credentials_pair("abc:def"), None);
    }

    /// Resolves every name to one address and counts the questions.
    struct ResolvesTo(IpAddr, Mutex<usize>);

    impl Lookup for ResolvesTo {
        fn lookup(&self, _host: &str, _port: u16) -> std::io::Result<Vec<IpAddr>> {
            *self.1.lock().unwrap() += 1;
            Ok(vec![self.0])
        }
    }

    fn finding_with_instance(instance: &str) -> Finding {
        let e = crate::Engine::builtin();
        let token = "00Dhu0000G8GP38!AQnC1.4EakoKm5b.OAYGSTWjRlLK6sNdVU72lZ_o2.YH19dCqgn28s9Dp68GZN9Z3zLIbet6.UzH.7_3eLO6m4H5x29iI_Vm";
        let mut f = e.scan_bytes("x", token.as_bytes()).remove(0);
        f.context.instance = Some(instance.to_string());
        f
    }

    #[test]
    fn a_salesforce_name_resolving_to_a_private_address_is_refused_before_connecting() {
        for ip in ["10.0.0.7", "127.0.0.1", "::ffff:192.168.1.1", "fe80::1"] {
            let lookup = Arc::new(ResolvesTo(ip.parse().unwrap(), Mutex::new(0)));
            let v = Verifier::with_lookup(Options::default(), lookup.clone()).unwrap();
            let r = v.check(&finding_with_instance("acme.my.salesforce.com"));
            assert_eq!(r.status, Status::Error, "{ip}");
            assert!(
                r.message.starts_with("refused to contact acme.my.salesforce.com: it resolves to")
                    && r.message.ends_with(ip),
                "{}",
                r.message
            );
            assert_eq!(r.http_status, None);
            assert_eq!(*lookup.1.lock().unwrap(), 1, "resolved once, then refused");
        }
    }

    #[test]
    fn a_host_that_is_not_salesforce_is_never_resolved() {
        let lookup = Arc::new(ResolvesTo("13.108.0.1".parse().unwrap(), Mutex::new(0)));
        let v = Verifier::with_lookup(Options::default(), lookup.clone()).unwrap();
        let r = v.check(&finding_with_instance("evil.example.com"));
        assert_eq!(r.status, Status::Unverifiable);
        assert!(
            r.message.starts_with("refused to contact evil.example.com: not a Salesforce-owned host"),
            "{}",
            r.message
        );
        assert_eq!(*lookup.1.lock().unwrap(), 0);
    }
}
