//! Context around a secret that a live check needs but the secret itself does not carry: which
//! Salesforce instance a token belongs to, the connected app's consumer key next to a consumer
//! secret, the username next to a password.
//!
//! Why here: the engine does not keep the text around a finding (streams drop it block by block), so
//! the only moment the neighbourhood is in memory is when the matcher confirms a match. Extraction is
//! opt-in ([`crate::EngineOptions::capture_context`], switched on by `--validate`) so a plain scan
//! neither pays for it nor changes its output.
//!
//! What is captured, within `RADIUS` bytes either side of the secret:
//! * `instance`: the host of an `instance_url` / `instanceUrl` / `--instance-url` value (taken as
//!   written, even when it is not a Salesforce host: the live check refuses such hosts, and saying
//!   so is more useful than silently checking somewhere else); otherwise the nearest Salesforce
//!   host, preferring an org's own host (`acme.my.salesforce.com`) over the generic
//!   `login.`/`test.salesforce.com`. Lightning hosts (`acme.lightning.force.com`) are mapped to the
//!   org's API host (`acme.my.salesforce.com`).
//! * `client_id`: the nearest consumer key (`3MVG9…`).
//! * `username`: the nearest e-mail-shaped value after a `user`/`username` key or as the first
//!   argument of `.login(`.
//!
//! None of these is a secret. Only `instance` is serialised; the consumer key and the username stay
//! in memory for the live check (a report has no need to repeat a username next to a password).

use regex::bytes::{Regex, RegexBuilder};
use serde::Serialize;
use std::sync::OnceLock;

/// How far either side of a secret context is looked for. A token response or `sf org display`
/// JSON keeps `instance_url` within a few hundred bytes of the token.
pub(crate) const RADIUS: usize = 512;

/// Salesforce-owned DNS suffixes: the hosts a live check may contact (see `validation::policy`) and
/// the hosts worth recording as an instance.
pub(crate) const SALESFORCE_SUFFIXES: &[&str] = &[
    "salesforce.com",
    "force.com",
    "my.site.com",
    "marketingcloudapis.com",
    "salesforce-sites.com",
    "cloudforce.com",
    "database.com",
];

/// Generic login hosts: any org's credential may be presented there, so they say little about
/// which org a credential belongs to and rank below an org's own host.
const GENERIC_HOSTS: &[&str] = &["login.salesforce.com", "test.salesforce.com"];

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Context {
    /// The Salesforce host the credential most likely belongs to (lower case, with `:port` only
    /// when one was written). Where a live check goes; shown in reports.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    /// A consumer key (`3MVG9…`) near the secret, for the client-credentials check.
    #[serde(skip)]
    pub client_id: Option<String>,
    /// A username near a password, for the (opt-in) login check.
    #[serde(skip)]
    pub username: Option<String>,
}

fn build(re: &str) -> Regex {
    RegexBuilder::new(re).unicode(false).build().expect("context regexes are fixed and tested")
}

fn instance_url_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    // `"instance_url":"https://h"`, `instanceUrl: 'https://h'`, `--instance-url https://h`,
    // `instance_url=https%3A%2F%2Fh`, JSON-escaped `https:\/\/h`.
    RE.get_or_init(|| {
        build(r"(?i)instance[_-]?url\W{0,8}https?(?::|%3A)(?://|\\/\\/|%2F%2F)(?P<h>[A-Za-z0-9.-]+(?::[0-9]{1,5})?)")
    })
}

fn host_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let suffixes: Vec<String> = SALESFORCE_SUFFIXES.iter().map(|s| regex::escape(s)).collect();
        build(&format!(r"(?i)(?:[a-z0-9](?:[a-z0-9-]{{0,61}}[a-z0-9])?\.)+(?:{})", suffixes.join("|")))
    })
}

fn client_id_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| build(r"3MVG9[A-Za-z0-9._]{20,250}"))
}

fn username_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    // `username=ops%40acme.com`, `<n1:username>ops@acme.com<`, `"username": "…"`,
    // `key="sfdc.username" value="…"`, `conn.login('ops@acme.com', …)`.
    RE.get_or_init(|| {
        build(
            r#"(?i)(?:user(?:_?name)?(?:"?\s+value\s*=)?|\.login\(\s*)\W{0,12}(?P<u>[A-Za-z0-9._+'-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)"#,
        )
    })
}

/// A candidate found near the secret: its value and its distance in bytes from the secret.
struct Near {
    value: String,
    distance: usize,
}

/// Matches of `re` (group `group`, or the whole match) in `around` that do not overlap the secret
/// at `s..e` and pass `keep(start, end)`, with their distance to the secret.
fn candidates(
    re: &Regex,
    group: Option<&str>,
    around: &[u8],
    (s, e): (usize, usize),
    keep: impl Fn(usize, usize) -> bool,
) -> Vec<Near> {
    re.captures_iter(around)
        .filter_map(|c| {
            let m = match group {
                Some(g) => c.name(g)?,
                None => c.get(0)?,
            };
            let distance = if m.end() <= s {
                s - m.end()
            } else if m.start() >= e {
                m.start() - e
            } else {
                return None;
            };
            keep(m.start(), m.end())
                .then(|| Near { value: String::from_utf8_lossy(m.as_bytes()).into_owned(), distance })
        })
        .collect()
}

fn nearest(mut v: Vec<Near>) -> Option<String> {
    v.sort_by_key(|n| n.distance);
    v.into_iter().next().map(|n| n.value)
}

fn name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

/// A host written next to text: neither glued to more name characters (`acme.salesforce.com.evil.io`
/// is not a Salesforce host), nor the tail of a longer name.
fn whole_host(around: &[u8], start: usize, end: usize) -> bool {
    let before_ok = start == 0 || !(name_byte(around[start - 1]) || around[start - 1] == b'.');
    let after_ok = match around.get(end) {
        None => true,
        Some(&b) if name_byte(b) => false,
        Some(b'.') => !around.get(end + 1).is_some_and(|&b| name_byte(b)),
        Some(_) => true,
    };
    before_ok && after_ok
}

/// Lower case; `acme.lightning.force.com` → `acme.my.salesforce.com` (Lightning hosts serve the UI,
/// not the OAuth endpoints).
fn api_host(h: &str) -> String {
    let h = h.to_ascii_lowercase();
    match h.strip_suffix(".lightning.force.com") {
        Some(org) => format!("{org}.my.salesforce.com"),
        None => h,
    }
}

fn instance(around: &[u8], span: (usize, usize)) -> Option<String> {
    let any = |_, _| true;
    if let Some(h) = nearest(candidates(instance_url_re(), Some("h"), around, span, any)) {
        return Some(api_host(&h));
    }
    let hosts = candidates(host_re(), None, around, span, |a, b| whole_host(around, a, b));
    let (generic, specific): (Vec<Near>, Vec<Near>) = hosts
        .into_iter()
        .map(|n| Near { value: api_host(&n.value), ..n })
        .partition(|n| GENERIC_HOSTS.contains(&n.value.as_str()));
    nearest(specific).or_else(|| nearest(generic))
}

/// Captures the context of the secret at `start..end` of `buf` (see the module docs).
pub(crate) fn extract(buf: &[u8], start: usize, end: usize) -> Context {
    let lo = start.saturating_sub(RADIUS);
    let hi = end.saturating_add(RADIUS).min(buf.len());
    let around = &buf[lo..hi];
    let span = (start - lo, end - lo);
    // Not the tail of a longer token.
    let starts_a_word = |a: usize, _| a == 0 || !around[a - 1].is_ascii_alphanumeric();
    Context {
        instance: instance(around, span),
        client_id: nearest(candidates(client_id_re(), None, around, span, starts_a_word)),
        username: nearest(candidates(username_re(), Some("u"), around, span, |_, _| true))
            .map(|u| u.replace("%40", "@")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "SECRET";

    /// Context of the word SECRET in `text`.
    fn ctx(text: &str) -> Context {
        let s = text.find(SECRET).unwrap();
        extract(text.as_bytes(), s, s + SECRET.len())
    }

    #[test]
    fn instance_url_in_the_same_json_beats_a_nearer_login_host() {
        let c = ctx(
            r#"{"id":"https://login.salesforce.com/id/00D/005","access_token":"SECRET","instance_url":"https://acme.my.salesforce.com","token_type":"Bearer"}"#,
        );
        assert_eq!(c.instance.as_deref(), Some("acme.my.salesforce.com"));
        let c = ctx("instance_url=https%3A%2F%2FAcme--UAT.sandbox.my.salesforce.com&refresh_token=SECRET");
        assert_eq!(c.instance.as_deref(), Some("acme--uat.sandbox.my.salesforce.com"));
        let c = ctx(r#"{"instanceUrl":"https:\/\/acme.my.salesforce.com","accessToken":"SECRET"}"#);
        assert_eq!(c.instance.as_deref(), Some("acme.my.salesforce.com"));
    }

    #[test]
    fn instance_url_is_kept_as_written_even_when_not_salesforce() {
        // The live check refuses it; recording it is what lets the report say why.
        let c = ctx(r#"{"access_token":"SECRET","instance_url":"https://evil.example.com"}"#);
        assert_eq!(c.instance.as_deref(), Some("evil.example.com"));
    }

    #[test]
    fn an_orgs_own_host_beats_the_generic_login_host_and_lightning_maps_to_my_domain() {
        let c = ctx("login.salesforce.com SECRET then https://acme.lightning.force.com/lightning/page");
        assert_eq!(c.instance.as_deref(), Some("acme.my.salesforce.com"));
        let c = ctx("POST https://login.salesforce.com/services/oauth2/token SECRET");
        assert_eq!(c.instance.as_deref(), Some("login.salesforce.com"));
    }

    #[test]
    fn hosts_glued_to_other_names_are_not_salesforce_hosts() {
        assert_eq!(ctx("https://acme.my.salesforce.com.evil.io/ SECRET").instance, None);
        assert_eq!(ctx("https://notsalesforce.com SECRET").instance, None);
        assert_eq!(ctx("Visit acme.my.salesforce.com. SECRET").instance.as_deref(), Some("acme.my.salesforce.com"));
    }

    #[test]
    fn nothing_beyond_the_radius_counts() {
        let far = format!("acme.my.salesforce.com{} SECRET", " ".repeat(RADIUS + 1));
        assert_eq!(ctx(&far).instance, None);
    }

    #[test]
    fn usernames_next_to_passwords() {
        for (text, want) in [
            ("<n1:username>ops@acme.com</n1:username><n1:password>SECRET</n1:password>", "ops@acme.com"),
            ("grant_type=password&username=ops%40acme.com&password=SECRET", "ops@acme.com"),
            ("conn.login('ops@acme.com', 'SECRET')", "ops@acme.com"),
            (
                r#"<entry key="sfdc.username" value="ops@acme.com"/><entry key="sfdc.password" value="SECRET"/>"#,
                "ops@acme.com",
            ),
            ("sf = Salesforce(username='ops@acme.com', password='SECRET')", "ops@acme.com"),
        ] {
            assert_eq!(ctx(text).username.as_deref(), Some(want), "{text}");
        }
        assert_eq!(ctx("mail ops@acme.com password=SECRET").username, None);
    }

    #[test]
    fn nearest_consumer_key() {
        let c = ctx("client_id=3MVG9far0000000000000000000000000 x client_id=3MVG9near000000000000000000000000&client_secret=SECRET");
        assert_eq!(c.client_id.as_deref(), Some("3MVG9near000000000000000000000000"));
        assert_eq!(ctx("x13MVG9near000000000000000000000000 SECRET").client_id, None);
    }
}
