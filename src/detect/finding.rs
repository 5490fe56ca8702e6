//! A finding as reported to users: where, which rule, how bad, a redacted value, and a stable
//! fingerprint. The full secret is kept only in memory and printed only with `--show-secrets`.

use crate::detect::context::Context;
use crate::detect::rules::{Confidence, Severity};
use crate::detect::timestamp::Timestamp;
use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::Sha256;

/// Default key of the fingerprint HMAC. Fingerprints must be stable across machines (baselines,
/// SARIF alerts), so the default is fixed; teams who publish reports set `FORCESCAN_HASH_KEY` to a
/// private value so a fingerprint cannot be used to confirm a guessed password.
const DEFAULT_HASH_KEY: &[u8] = b"forcescan/secretHash/v1";

/// The HMAC key in force: `FORCESCAN_HASH_KEY` if set, else the built-in default.
pub fn hash_key() -> Vec<u8> {
    std::env::var_os("FORCESCAN_HASH_KEY").map_or_else(|| DEFAULT_HASH_KEY.to_vec(), |k| k.into_encoded_bytes())
}

/// `HMAC-SHA256(key, rule id ‖ 0x00 ‖ secret)`, hex, first 32 characters. Never includes positions,
/// so a secret that moves keeps its fingerprint.
pub fn fingerprint(key: &[u8], rule_id: &str, secret: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(rule_id.as_bytes());
    mac.update(&[0]);
    mac.update(secret);
    let out = mac.finalize().into_bytes();
    out[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// Shows at most the first 4 and last 2 characters, fewer for short values:
/// `00Dh…Vm`, `Hu…` (8–15 chars), `…` (shorter).
pub fn redact(secret: &[u8]) -> String {
    let s = String::from_utf8_lossy(secret);
    let chars: Vec<char> = s.chars().collect();
    let (head, tail) = match chars.len() {
        n if n >= 16 => (4, 2),
        n if n >= 8 => (2, 0),
        _ => (0, 0),
    };
    let mut out: String = chars[..head].iter().collect();
    out.push('…');
    out.extend(&chars[chars.len() - tail..]);
    out
}

/// Where a finding in git history came from: the commit and path that first introduced the blob.
/// No e-mail addresses: reports travel further than the repository does.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct GitProvenance {
    /// Full hex id of the commit that introduced the blob (None for a blob no commit reaches).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
    /// Hex id of the blob the secret is in.
    pub blob: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Author date, RFC 3339.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Whether the same secret is still in the tree at HEAD.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub present_at_head: Option<bool>,
}

/// What a live check (`--validate`) concluded about a credential.
///
/// Serialised in lower case (`"live"`, …), which is also what SARIF and other consumers should map
/// from. Ordered from most to least urgent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Salesforce accepted it: whoever holds it can use it now.
    Live,
    /// Salesforce rejected it: expired, revoked, or the secret is wrong.
    Dead,
    /// Nothing was decided and nothing needs retrying: no safe check exists for this kind of
    /// credential, context it needs was missing, its host was refused, or Salesforce's answer
    /// proves neither (a session without API access).
    Unverifiable,
    /// The check failed (network, timeout, rate limit, unexpected answer): the result is unknown
    /// and the run is incomplete.
    Error,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Live => "live",
            Status::Dead => "dead",
            Status::Unverifiable => "unverifiable",
            Status::Error => "error",
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who is exposed by a live credential, as Salesforce reported it (`userinfo`, a token response's
/// identity URL, or a SOAP login result).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Identity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub org_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
}

impl Identity {
    pub fn is_empty(&self) -> bool {
        self.org_id.is_none() && self.user_id.is_none() && self.username.is_none()
    }
}

/// The outcome of revoking a credential (`--revoke-live`, `forcescan revoke`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Revocation {
    /// Salesforce confirmed the revocation.
    pub revoked: bool,
    /// The host the revocation went to, when one was sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_status: Option<u16>,
    /// One line for people: what happened, or what to do instead.
    pub message: String,
}

/// The result of a live check, attached to every finding of the credential it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Validation {
    pub status: Status,
    /// The Salesforce host that was asked (absent when nothing was sent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// HTTP status of the answer the status is based on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_status: Option<u16>,
    /// One line for people: why this status. Never contains the secret.
    pub message: String,
    /// Who is exposed; only for live credentials.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity: Option<Identity>,
    /// Set when `--revoke-live` acted on this credential.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revocation: Option<Revocation>,
}

#[derive(Clone, Serialize)]
pub struct Finding {
    pub rule: String,
    pub title: String,
    pub severity: Severity,
    pub confidence: Confidence,
    pub path: String,
    /// 1-based line of the secret's first byte.
    pub line: u64,
    /// 1-based byte column of the secret's first byte.
    pub column: u64,
    /// Line of the secret's last byte.
    pub end_line: u64,
    /// 1-based byte column just past the secret (exclusive).
    pub end_column: u64,
    /// Byte offset of the secret in the scanned unit, and its length as written.
    pub offset: u64,
    pub length: u64,
    /// Redacted value: never more than the first 4 and last 2 characters.
    pub secret: String,
    /// The full value; only with `--show-secrets`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret_value: Option<String>,
    pub fingerprint: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub org_id: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub known_example: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub binary: bool,
    /// How the secret was encoded where it was found (`base64`, `utf-16le`, `utf-16be`, `percent`, `csv-quotes`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decoded: Option<&'static str>,
    /// Set for findings in git history.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub git: Option<GitProvenance>,
    /// Surroundings captured for live validation; only `instance` is serialised, and only when
    /// context capture was on.
    #[serde(flatten)]
    pub context: Context,
    /// Set by live validation (`--validate`): live, dead, unverifiable or error, with details.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub validation: Option<Validation>,
    /// An allow marker (`forcescan:allow`, …) is on the secret's line or the line before: the
    /// results step counts the finding as suppressed instead of reporting it. Never serialised.
    #[serde(skip)]
    pub allowed_inline: bool,
    /// The timestamp the finding's line starts with, normalised (see [`crate::detect::timestamp`]). Only
    /// when the engine was asked for it (`sweep`, `--dedupe`): it dates a leak in a log.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
    /// Why a credential found by its context is one: the key it was under and what made it
    /// Salesforce's. Only for the context layer's findings (passwords, tokens, secrets).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
    /// The other parts of a credential found apart: the security token of a password, the
    /// consumer key of a secret.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// The normalised secret, for in-process consumers (validation, SARIF hashing). Never serialised.
    #[serde(skip)]
    pub raw: Vec<u8>,
    /// The context layer's note until its unit is settled (see `contextual`, which alone knows
    /// its type). Never serialised.
    #[doc(hidden)]
    #[serde(skip)]
    pub pending: Option<std::sync::Arc<dyn std::any::Any + Send + Sync>>,
}

/// Why a credential found by its context is a Salesforce credential.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// The key the value was under, as written (`SF_PASSWORD`, `Security Token`).
    pub key: String,
    /// Its parent keys, outermost first (`salesforce > auth`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_path: Option<String>,
    /// What made it Salesforce's: the key, or the context found (`Salesforce client library
    /// `simple_salesforce``).
    pub salesforce: String,
    /// The line of that context, when it is not the key's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
}

/// Another location of the same credential.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    /// What is there (`security-token`, `consumer-key`).
    pub role: String,
    pub line: u64,
    pub column: u64,
    pub end_line: u64,
    pub end_column: u64,
    pub offset: u64,
    pub length: u64,
}

impl Related {
    /// The location of `f`, as a part of another finding.
    pub(crate) fn of(f: &Finding, role: &str) -> Related {
        Related {
            role: role.to_string(),
            line: f.line,
            column: f.column,
            end_line: f.end_line,
            end_column: f.end_column,
            offset: f.offset,
            length: f.length,
        }
    }
}

/// Written by hand so that `{:?}` (in a panic message, a log line, a test failure) can never print
/// the secret: `raw` and `secret_value` are left out.
impl std::fmt::Debug for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Finding")
            .field("rule", &self.rule)
            .field("path", &self.path)
            .field("line", &self.line)
            .field("column", &self.column)
            .field("secret", &self.secret)
            .field("fingerprint", &self.fingerprint)
            .field("org_id", &self.org_id)
            .field("context", &self.context)
            .field("validation", &self.validation)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_limits() {
        assert_eq!(redact(b"00Dhu0000G8GP38!AQnC1.4EakoKm5b"), "00Dh…5b");
        assert_eq!(redact(b"Hunter2!"), "Hu…");
        assert_eq!(redact(b"abc"), "…");
    }

    #[test]
    fn fingerprint_depends_on_rule_and_secret_only() {
        let k = DEFAULT_HASH_KEY;
        let a = fingerprint(k, "r", b"secret");
        assert_eq!(a, fingerprint(k, "r", b"secret"));
        assert_ne!(a, fingerprint(k, "r", b"secreT"));
        assert_ne!(a, fingerprint(k, "q", b"secret"));
        assert_ne!(a, fingerprint(b"other", "r", b"secret"));
        assert_eq!(a.len(), 32);
    }

    #[test]
    fn debug_output_never_shows_the_secret() {
        let e = crate::Engine::new(
            crate::RuleBook::builtin(),
            crate::EngineOptions { show_secrets: true, ..Default::default() },
        )
        .unwrap();
        let token = "00Dhu0000G8GP38!AQnC1.4EakoKm5b.OAYGSTWjRlLK6sNdVU72lZ_o2.YH19dCqgn28s9Dp68GZN9Z3zLIbet6.UzH.7_3eLO6m4H5x29iI_Vm";
        let f = e.scan_bytes("x", token.as_bytes());
        assert_eq!(f[0].secret_value.as_deref(), Some(token));
        let dbg = format!("{:?}", f[0]);
        assert!(dbg.contains("00Dh…Vm") && !dbg.contains("AQnC1"), "{dbg}");
    }
}
