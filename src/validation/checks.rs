//! The Salesforce side of live checks: which endpoint proves what, and how each answer maps to a
//! [`Status`]. Every check is read-only or, where Salesforce offers no read-only proof (refresh
//! tokens, consumer secrets, passwords), mints a session and revokes it again at once.
//!
//! | credential | request | live | dead | unverifiable |
//! |---|---|---|---|---|
//! | access token | `GET /services/oauth2/userinfo`, Bearer | 200 | 401 | 403 (a session without API access, e.g. Lightning) |
//! | refresh token, SFDX auth URL | `POST /services/oauth2/token`, `grant_type=refresh_token` | 200 | 400/401 `invalid_grant` | other 400s (`invalid_client_id`: the token belongs to another app) |
//! | consumer key + secret | `POST /services/oauth2/token`, `grant_type=client_credentials` | 200 | 400/401 `invalid_client` | other 400s (flow not enabled for the app) |
//! | username + password + token | SOAP `login()` (only with `--validate-passwords`) | 200 | fault `INVALID_LOGIN` | other faults (locked, API disabled) |
//!
//! Any other answer is an error: 429 after the retries, 5xx, a redirect (never followed), anything
//! unexpected. A session minted by a check is revoked with `POST /services/oauth2/revoke`.

use super::http::{Failure, Net, Payload, Reply};
use crate::detect::finding::{Identity, Revocation, Status, Validation};

/// A credential in the form a check needs.
pub(crate) enum Credential<'a> {
    AccessToken(&'a str),
    RefreshToken { token: &'a str, client_id: &'a str, client_secret: Option<&'a str> },
    ClientCredentials { key: &'a str, secret: &'a str },
    Login { username: &'a str, password: &'a str },
}

/// Written by hand so that no credential can reach a debug print.
impl std::fmt::Debug for Credential<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Credential::AccessToken(_) => "AccessToken(..)",
            Credential::RefreshToken { .. } => "RefreshToken(..)",
            Credential::ClientCredentials { .. } => "ClientCredentials(..)",
            Credential::Login { .. } => "Login(..)",
        })
    }
}

pub(crate) fn verdict(status: Status, host: Option<&str>, http: Option<u16>, message: String) -> Validation {
    Validation { status, host: host.map(str::to_string), http_status: http, message, identity: None, revocation: None }
}

/// A request that could not be made: refused by policy because of where the content said to go
/// (unverifiable: nothing to retry), or failed on the way (error).
fn failed(f: Failure) -> Validation {
    use super::policy::Refusal;
    let status = match &f {
        Failure::Refused(Refusal::NotSalesforce(_) | Refusal::Port(_)) => Status::Unverifiable,
        _ => Status::Error,
    };
    verdict(status, None, None, f.to_string())
}

/// Answers no check expects: always an error, worded for the case.
fn unexpected(net: &Net, r: &Reply) -> Validation {
    let (h, c) = (&r.host, r.status);
    let message = match c {
        429 => format!("{h} kept answering HTTP 429 (rate limited), also after {} retries", net.retries),
        300..=399 => format!("{h} answered with a redirect (HTTP {c}), which is never followed"),
        500..=599 => format!("{h} answered HTTP {c} (server error)"),
        _ => format!("unexpected answer from {h}: HTTP {c}"),
    };
    verdict(Status::Error, Some(h), Some(c), message)
}

/// Keeps text from an answer fit for a one-line report: no control characters, bounded length.
fn clean(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).take(120).collect()
}

/// The OAuth `error` code of a JSON error answer, cleaned.
fn oauth_error(body: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(body).ok()?;
    let code = v.get("error")?.as_str()?;
    let code: String = code.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_').take(60).collect();
    (!code.is_empty()).then_some(code)
}

fn json_str(v: &serde_json::Value, key: &str) -> Option<String> {
    v.get(key)?.as_str().map(clean).filter(|s| !s.is_empty())
}

/// `…/id/<org id>/<user id>`, the identity URL of a token response.
fn identity_from_id_url(url: &str) -> Identity {
    let mut parts = url.rsplit('/');
    let user = parts.next().map(clean);
    let org = parts.next().map(clean);
    let is_id = |s: &Option<String>, prefix: &str| s.as_deref().is_some_and(|s| s.starts_with(prefix) && s.len() >= 15);
    if is_id(&org, "00D") && is_id(&user, "005") {
        Identity { org_id: org, user_id: user, username: None }
    } else {
        Identity::default()
    }
}

/// The text of the first `<tag>` or `<prefix:tag>` element, cleaned.
fn xml_text(xml: &str, tag: &str) -> Option<String> {
    let mut rest = xml;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>')?;
        let name = &rest[..end];
        let local = name.rsplit(':').next().unwrap_or(name);
        if local == tag {
            let body = &rest[end + 1..];
            let stop = body.find('<')?;
            return Some(clean(&body[..stop])).filter(|s| !s.is_empty());
        }
    }
    None
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}

fn live(host: &str, http: u16, message: String, identity: Identity) -> Validation {
    Validation {
        identity: (!identity.is_empty()).then_some(identity),
        ..verdict(Status::Live, Some(host), Some(http), message)
    }
}

/// Runs the check for `cred` against one host.
pub(crate) fn check_at(net: &Net, cred: &Credential, host: &str) -> Validation {
    match cred {
        Credential::AccessToken(token) => userinfo_check(net, token, host),
        Credential::RefreshToken { token, client_id, client_secret } => {
            let mut form = vec![("grant_type", "refresh_token"), ("client_id", *client_id), ("refresh_token", *token)];
            if let Some(s) = client_secret {
                form.push(("client_secret", s));
            }
            exchange(net, host, &form, "invalid_grant", "refresh token")
        }
        Credential::ClientCredentials { key, secret } => {
            let form = [("grant_type", "client_credentials"), ("client_id", *key), ("client_secret", *secret)];
            exchange(net, host, &form, "invalid_client", "consumer key and secret")
        }
        Credential::Login { username, password } => login(net, host, username, password),
    }
}

fn userinfo_check(net: &Net, token: &str, host: &str) -> Validation {
    let r = match net.send(host, "/services/oauth2/userinfo", Some(token), Payload::Empty) {
        Ok(r) => r,
        Err(f) => return failed(f),
    };
    let h = r.host.as_str();
    match r.status {
        200 => live(
            h,
            200,
            format!("{h} accepted the token (userinfo)"),
            identity_from_userinfo(&r.body),
        ),
        401 => verdict(
            Status::Dead,
            Some(h),
            Some(401),
            format!("{h} rejected the token (HTTP 401): expired, revoked or not valid there"),
        ),
        403 => verdict(
            Status::Unverifiable,
            Some(h),
            Some(403),
            format!("{h} refused userinfo (HTTP 403): a session without API access (e.g. a Lightning session) proves neither live nor dead"),
        ),
        _ => unexpected(net, &r),
    }
}

fn identity_from_userinfo(body: &str) -> Identity {
    let Ok(v) = serde_json::from_str::<serde_json::Value>(body) else {
        return Identity::default();
    };
    Identity {
        org_id: json_str(&v, "organization_id"),
        user_id: json_str(&v, "user_id"),
        username: json_str(&v, "preferred_username").or_else(|| json_str(&v, "username")),
    }
}

/// A token request (`grant_type` in `form`). On success Salesforce has minted an access token: we
/// ask who it belongs to, then revoke it at once, so the check leaves no session behind.
fn exchange(net: &Net, host: &str, form: &[(&str, &str)], dead_error: &str, what: &str) -> Validation {
    let r = match net.send(host, "/services/oauth2/token", None, Payload::Form(form)) {
        Ok(r) => r,
        Err(f) => return failed(f),
    };
    let h = r.host.as_str();
    match r.status {
        200 => {
            let v: serde_json::Value = serde_json::from_str(&r.body).unwrap_or_default();
            let minted = v.get("access_token").and_then(|t| t.as_str());
            // The new session lives on the org's instance; fall back to the host we asked.
            let api_host = v
                .get("instance_url")
                .and_then(|u| u.as_str())
                .and_then(|u| u.strip_prefix("https://"))
                .map(|u| u.split('/').next().unwrap_or(u))
                .filter(|u| super::policy::salesforce_host(u).is_ok())
                .unwrap_or(h);
            let mut identity = v.get("id").and_then(|u| u.as_str()).map(identity_from_id_url).unwrap_or_default();
            let mut message = format!("{h} issued an access token for the {what}");
            if let Some(token) = minted {
                if let Ok(u) = net.send(api_host, "/services/oauth2/userinfo", Some(token), Payload::Empty) {
                    if u.status == 200 {
                        identity = identity_from_userinfo(&u.body);
                    }
                }
                let rev = revoke_at(net, token, api_host);
                message.push_str(if rev.revoked {
                    "; that access token was revoked again"
                } else {
                    "; revoking that access token failed"
                });
                if !rev.revoked {
                    message = format!("{message} ({})", rev.message);
                }
            }
            live(h, 200, message, identity)
        }
        400 | 401 => match oauth_error(&r.body) {
            Some(code) if code == dead_error => verdict(
                Status::Dead,
                Some(h),
                Some(r.status),
                format!("{h} rejected the {what} (HTTP {}, {code})", r.status),
            ),
            code => verdict(
                Status::Unverifiable,
                Some(h),
                Some(r.status),
                format!(
                    "{h} refused the request without judging the {what} (HTTP {}, {})",
                    r.status,
                    code.as_deref().unwrap_or("no error code")
                ),
            ),
        },
        _ => unexpected(net, &r),
    }
}

/// SOAP `login()`: the one check that can count toward a lockout, so it runs only when asked.
fn login(net: &Net, host: &str, username: &str, password: &str) -> Validation {
    let envelope = format!(
        concat!(
            r#"<?xml version="1.0" encoding="utf-8"?>"#,
            r#"<env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:partner.soap.sforce.com">"#,
            "<env:Body><urn:login><urn:username>{}</urn:username><urn:password>{}</urn:password></urn:login></env:Body></env:Envelope>"
        ),
        xml_escape(username),
        xml_escape(password)
    );
    let r = match net.send(host, "/services/Soap/u/60.0", None, Payload::SoapLogin(&envelope)) {
        Ok(r) => r,
        Err(f) => return failed(f),
    };
    let h = r.host.as_str();
    match r.status {
        200 => {
            let identity = Identity {
                org_id: xml_text(&r.body, "organizationId"),
                user_id: xml_text(&r.body, "userId"),
                username: xml_text(&r.body, "userName"),
            };
            let mut message = format!("{h} accepted the login");
            if let Some(session) = xml_text(&r.body, "sessionId") {
                let rev = revoke_at(net, &session, h);
                message.push_str(if rev.revoked {
                    "; the session was revoked again"
                } else {
                    "; revoking the session failed"
                });
            }
            live(h, 200, message, identity)
        }
        500 => {
            let fault = xml_text(&r.body, "faultcode").unwrap_or_default();
            let code = fault.rsplit(':').next().unwrap_or_default();
            let (status, says) = match code {
                "INVALID_LOGIN" => (Status::Dead, "rejected the username, password and token"),
                "" => return unexpected(net, &r),
                _ => (Status::Unverifiable, "refused the login without judging the password"),
            };
            verdict(status, Some(h), Some(500), format!("{h} {says} ({code})"))
        }
        _ => unexpected(net, &r),
    }
}

/// `POST /services/oauth2/revoke`. 200 means revoked; 400 means Salesforce does not know the token
/// there (already revoked or expired, or it belongs to another instance).
pub(crate) fn revoke_at(net: &Net, token: &str, host: &str) -> Revocation {
    let r = match net.send(host, "/services/oauth2/revoke", None, Payload::Form(&[("token", token)])) {
        Ok(r) => r,
        Err(f) => return Revocation { revoked: false, host: None, http_status: None, message: f.to_string() },
    };
    let h = r.host.clone();
    let message = match r.status {
        200 => format!("revoked at {h}"),
        400 => format!(
            "{h} did not revoke it (HTTP 400, {}): not valid there, already revoked or expired",
            oauth_error(&r.body).as_deref().unwrap_or("no error code")
        ),
        _ => unexpected(net, &r).message,
    };
    Revocation { revoked: r.status == 200, host: Some(h), http_status: Some(r.status), message }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_url_and_xml_parsing() {
        let i = identity_from_id_url("https://login.salesforce.com/id/00Dhu0000G8GP38EAG/005hu000000abcdAAA");
        assert_eq!(i.org_id.as_deref(), Some("00Dhu0000G8GP38EAG"));
        assert_eq!(i.user_id.as_deref(), Some("005hu000000abcdAAA"));
        assert!(identity_from_id_url("https://evil/x/y").is_empty());
        let xml = "<soapenv:Body><loginResponse><result><sessionId>S</sessionId><userInfo><userName>ops@acme.com</userName></userInfo></result></loginResponse>";
        assert_eq!(xml_text(xml, "userName").as_deref(), Some("ops@acme.com"));
        assert_eq!(
            xml_text("<soapenv:Fault><faultcode>sf:INVALID_LOGIN</faultcode>", "faultcode").as_deref(),
            Some("sf:INVALID_LOGIN")
        );
        assert_eq!(xml_text(xml, "missing"), None);
        assert_eq!(xml_escape("a<b&'\""), "a&lt;b&amp;&apos;&quot;");
    }

    #[test]
    fn answers_are_cleaned_before_they_reach_a_report() {
        assert_eq!(oauth_error(r#"{"error":"invalid_grant\u001b[31m"}"#).as_deref(), Some("invalid_grant31m"));
        assert_eq!(oauth_error("<html>"), None);
        assert_eq!(clean("ops\n@acme"), "ops@acme");
    }
}
