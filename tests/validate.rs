//! Live validation and revocation as a user meets them, against a fake Salesforce on 127.0.0.1
//! (tests/common/fake_salesforce.rs). The binary runs in its test mode (`--validation-base-url`),
//! where every request goes to the fake and names its intended host in a header, so these tests
//! see where each check would have gone. Every credential here is generated and fake.

mod common;
use common::fake_salesforce::{Behaviour, FakeSalesforce, Trap, MINTED, ORG_ID, USER_ID};
use common::*;
use serde_json::Value;
use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

/// `forcescan scan --validate …` over `dir`, against `sf`.
fn scan(sf: &FakeSalesforce, dir: &Path, args: &[&str]) -> Output {
    forcescan()
        .current_dir(dir)
        .args(["scan", "--color", "never", "--validation-base-url", &sf.url])
        .args(args)
        .arg(".")
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap()
}

/// The findings of a `-f json` report, as (path → finding).
fn findings(out: &Output) -> Vec<Value> {
    let doc: Value = serde_json::from_str(&stdout_of(out)).expect("a JSON report");
    doc["findings"].as_array().unwrap().clone()
}

fn at<'a>(fs: &'a [Value], path: &str) -> &'a Value {
    fs.iter().find(|f| f["path"] == path).unwrap_or_else(|| panic!("no finding in {path}: {fs:?}"))
}

/// stderr without the test-mode notice every run here prints.
fn errors(out: &Output) -> String {
    stderr_of(out).lines().filter(|l| !l.starts_with("forcescan: warning: test mode")).collect::<Vec<_>>().join("\n")
}

/// The hosts that requests to `path` were meant for, in order.
fn targets(sf: &FakeSalesforce, path: &str, credential: &str) -> Vec<String> {
    sf.requests_to(path).into_iter().filter(|r| r.credential == credential).map(|r| r.target).collect()
}

fn assert_no_secret(out: &Output, secrets: &[&str]) {
    let all = format!("{}{}", stdout_of(out), stderr_of(out));
    for s in secrets {
        assert!(!all.contains(s), "a secret leaked into the output");
    }
}

#[test]
fn access_tokens_are_live_dead_or_unverifiable_and_checked_where_their_context_says() {
    let (live, expired, lightning) = (fake_access_token(1), fake_access_token(2), fake_access_token(3));
    let sf = FakeSalesforce::start();
    sf.on(&live, Behaviour::Live("ops@acme.com"))
        .on(&expired, Behaviour::Reject(401, "invalid_token"))
        .on(&lightning, Behaviour::Reject(403, "forbidden"));
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        ".sfdx/alice.json",
        format!(r#"{{"accessToken": "{live}", "instanceUrl": "https://acme.my.salesforce.com"}}"#),
    );
    write(d.path(), "old.log", format!("Authorization: Bearer {expired}\n"));
    write(d.path(), "ui.log", format!("sid={lightning}\n"));
    let out = scan(&sf, d.path(), &["--validate", "-f", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", errors(&out));
    let fs = findings(&out);

    let v = &at(&fs, ".sfdx/alice.json")["validation"];
    assert_eq!(at(&fs, ".sfdx/alice.json")["instance"], "acme.my.salesforce.com");
    assert_eq!(v["status"], "live");
    assert_eq!(v["http_status"], 200);
    assert_eq!(v["host"], "acme.my.salesforce.com");
    assert_eq!(v["identity"]["username"], "ops@acme.com");
    assert_eq!(v["identity"]["user_id"], USER_ID);
    assert_eq!(v["identity"]["org_id"], ORG_ID);
    assert_eq!(targets(&sf, "userinfo", &live), ["acme.my.salesforce.com"]);

    // No instance nearby: login.salesforce.com, then test.salesforce.com for sandboxes.
    let v = &at(&fs, "old.log")["validation"];
    assert_eq!(v["status"], "dead");
    assert_eq!(v["http_status"], 401);
    assert_eq!(
        v["message"],
        "login.salesforce.com rejected the token (HTTP 401): expired, revoked or not valid there; \
test.salesforce.com rejected the token (HTTP 401): expired, revoked or not valid there"
    );
    assert!(v.get("identity").is_none());
    assert_eq!(targets(&sf, "userinfo", &expired), ["login.salesforce.com", "test.salesforce.com"]);

    let v = &at(&fs, "ui.log")["validation"];
    assert_eq!(v["status"], "unverifiable");
    assert_eq!(v["http_status"], 403);
    assert_eq!(targets(&sf, "userinfo", &lightning), ["login.salesforce.com"]);

    let summary = &serde_json::from_str::<Value>(&stdout_of(&out)).unwrap()["summary"]["validation"];
    assert_eq!(*summary, serde_json::json!({"live": 1, "dead": 1, "unverifiable": 1, "error": 0}));
    // Only userinfo was asked: nothing was revoked or exchanged.
    assert_eq!(sf.requests().len(), 4);
    assert!(sf.requests().iter().all(|r| r.method == "GET"));
    assert_no_secret(&out, &[&live, &expired, &lightning]);
}

#[test]
fn text_report_shows_the_status_and_who_is_exposed() {
    let live = fake_access_token(11);
    let sf = FakeSalesforce::start();
    sf.on(&live, Behaviour::Live("ops@acme.com"));
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "app.log", format!("GET https://acme.lightning.force.com/one.app sid={live}\n"));
    let out = scan(&sf, d.path(), &["--validate"]);
    assert_eq!(out.status.code(), Some(1), "{}", errors(&out));
    let s = stdout_of(&out);
    let lines: Vec<&str> = s.lines().collect();
    let redacted = format!("{}…{}", &live[..4], &live[live.len() - 2..]);
    assert_eq!(
        lines[0],
        format!("app.log:1:50  salesforce-access-token  {redacted}  live: acme.my.salesforce.com accepted the token (userinfo)")
    );
    assert_eq!(lines[1], format!("    exposed: user ops@acme.com ({USER_ID}) in org {ORG_ID}"));
    assert!(s.contains("  live validation, distinct credentials: 1 live, 0 dead, 0 unverifiable, 0 errors\n"), "{s}");
    assert_no_secret(&out, &[&live]);
}

#[test]
fn each_distinct_credential_is_checked_once_per_run() {
    let (live, expired) = (fake_access_token(21), fake_access_token(22));
    let sf = FakeSalesforce::start();
    sf.on(&live, Behaviour::Slow(Duration::from_millis(200)));
    let d = tempfile::tempdir().unwrap();
    for i in 0..6 {
        write(d.path(), &format!("live{i}.log"), format!("token {live}\n"));
    }
    for i in 0..3 {
        write(d.path(), &format!("old{i}.log"), format!("token {expired}\n"));
    }
    let out = scan(&sf, d.path(), &["--validate", "-f", "jsonl", "-j", "4"]);
    assert_eq!(out.status.code(), Some(1), "{}", errors(&out));
    let statuses: Vec<String> = stdout_of(&out)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["validation"]["status"].to_string())
        .collect();
    assert_eq!(statuses.len(), 9);
    assert_eq!(statuses.iter().filter(|s| *s == "\"live\"").count(), 6);
    assert_eq!(statuses.iter().filter(|s| *s == "\"dead\"").count(), 3);
    assert_eq!(targets(&sf, "userinfo", &live).len(), 1);
    // One check of the expired token: at login.salesforce.com, then test.salesforce.com.
    assert_eq!(targets(&sf, "userinfo", &expired).len(), 2);
}

#[test]
fn rate_limited_answers_are_retried_with_backoff_then_given_up() {
    let (once, always) = (fake_access_token(31), fake_access_token(32));
    let sf = FakeSalesforce::start();
    sf.on(&once, Behaviour::RateLimited { times: 1, retry_after: "1" })
        .on(&always, Behaviour::RateLimited { times: usize::MAX, retry_after: "0" });
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.log", format!("token {once}\n"));
    let started = Instant::now();
    let out = scan(&sf, d.path(), &["--validate", "-f", "json"]);
    assert!(started.elapsed() >= Duration::from_secs(1), "Retry-After: 1 was not waited for");
    assert_eq!(out.status.code(), Some(1), "{}", errors(&out));
    assert_eq!(at(&findings(&out), "a.log")["validation"]["status"], "live");
    assert_eq!(targets(&sf, "userinfo", &once).len(), 2);

    write(d.path(), "a.log", format!("token {always}\n"));
    let out = scan(&sf, d.path(), &["--validate", "-f", "json"]);
    assert_eq!(out.status.code(), Some(2), "an unvalidated credential makes the run incomplete");
    let fs = findings(&out);
    let v = &at(&fs, "a.log")["validation"];
    assert_eq!(v["status"], "error");
    assert_eq!(v["http_status"], 429);
    assert_eq!(v["message"], "login.salesforce.com kept answering HTTP 429 (rate limited), also after 3 retries");
    assert_eq!(targets(&sf, "userinfo", &always).len(), 4, "1 try + 3 retries");
    let redacted = format!("{}…{}", &always[..4], &always[always.len() - 2..]);
    assert_eq!(
        errors(&out),
        format!(
            "forcescan: error: a.log: salesforce-access-token {redacted}: could not be validated: \
login.salesforce.com kept answering HTTP 429 (rate limited), also after 3 retries\n\
forcescan: error: 1 credential(s) could not be validated; the result is incomplete"
        )
    );
}

#[test]
fn a_slow_answer_times_out_as_an_error() {
    let slow = fake_access_token(41);
    let sf = FakeSalesforce::start();
    sf.on(&slow, Behaviour::Slow(Duration::from_secs(6)));
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.log", format!("token {slow}\n"));
    let started = Instant::now();
    let out = scan(&sf, d.path(), &["--validate", "--validation-timeout", "1"]);
    assert!(started.elapsed() < Duration::from_secs(5), "the timeout was not applied");
    assert_eq!(out.status.code(), Some(2));
    let s = stdout_of(&out);
    assert!(s.contains("  error: login.salesforce.com did not answer within 1s\n"), "{s}");
    assert!(
        s.contains("forcescan: 1 credential could not be validated (see errors above); the result is incomplete"),
        "{s}"
    );
}

#[test]
fn refresh_tokens_and_auth_urls_are_exchanged_and_the_minted_token_revoked_at_once() {
    let (live, dead) = (fake_refresh_token(51), fake_refresh_token(52));
    let key = fake_consumer_key(53);
    let sf = FakeSalesforce::start();
    sf.on(&live, Behaviour::Live("unused@acme.com"));
    let d = tempfile::tempdir().unwrap();
    write(d.path(), ".env", format!("SF_REFRESH_TOKEN={live}\n"));
    write(
        d.path(),
        "ci.yml",
        format!("env:\n  SFDX_AUTH_URL: force://{key}:0F1E2D3C4B5A69788796A5B4C3D2E1F0:{dead}@acme--uat.sandbox.my.salesforce.com\n"),
    );
    let out = scan(&sf, d.path(), &["--validate", "-f", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", errors(&out));
    let fs = findings(&out);

    let v = &at(&fs, ".env")["validation"];
    assert_eq!(v["status"], "live");
    assert_eq!(v["host"], "login.salesforce.com");
    assert_eq!(
        v["message"],
        "login.salesforce.com issued an access token for the refresh token; that access token was revoked again"
    );
    // Who is exposed: asked with the minted token, on the instance the token response named.
    assert_eq!(v["identity"]["username"], "minted@acme.com");
    let token_calls = sf.requests_to("/services/oauth2/token");
    let exchange = token_calls.iter().find(|r| r.credential == live).unwrap();
    assert_eq!(exchange.target, "login.salesforce.com");
    assert_eq!(exchange.form["grant_type"], "refresh_token");
    assert_eq!(exchange.form["client_id"], "PlatformCLI");
    assert!(!exchange.form.contains_key("client_secret"));
    assert_eq!(targets(&sf, "userinfo", MINTED), ["acme.my.salesforce.com"]);
    assert_eq!(targets(&sf, "revoke", MINTED), ["acme.my.salesforce.com"]);
    // The leaked refresh token itself is left alone without --revoke-live.
    assert!(targets(&sf, "revoke", &live).is_empty());

    // The auth URL names its host and client: one check there, no fallback, dead.
    let v = &at(&fs, "ci.yml")["validation"];
    assert_eq!(v["status"], "dead");
    assert_eq!(
        v["message"],
        "acme--uat.sandbox.my.salesforce.com rejected the refresh token (HTTP 400, invalid_grant)"
    );
    let exchange = token_calls.iter().find(|r| r.credential == dead).unwrap();
    assert_eq!(exchange.target, "acme--uat.sandbox.my.salesforce.com");
    assert_eq!(exchange.form["client_id"], key);
    assert_eq!(exchange.form["client_secret"], "0F1E2D3C4B5A69788796A5B4C3D2E1F0");
    assert_eq!(token_calls.len(), 2);
    assert_no_secret(&out, &[&live, &dead, MINTED]);
}

#[test]
fn consumer_key_and_secret_pairs_are_checked_with_client_credentials_on_the_org_host() {
    let (s_live, s_dead, s_alone) = (fake_consumer_secret(61), fake_consumer_secret(62), fake_consumer_secret(63));
    let (k_live, k_dead) = (fake_consumer_key(64), fake_consumer_key(65));
    let sf = FakeSalesforce::start();
    sf.on(&s_live, Behaviour::Live("integration@acme.com")).on(&s_dead, Behaviour::Reject(400, "invalid_client"));
    let d = tempfile::tempdir().unwrap();
    let curl = |k: &str, s: &str| {
        format!("curl https://acme.my.salesforce.com/services/oauth2/token -d grant_type=client_credentials -d client_id={k} -d client_secret={s}\n")
    };
    // A token request is one finding for the pair, and so are a key and secret in one config file;
    // a lone secret takes the key found near it.
    write(d.path(), "live.sh", curl(&k_live, &s_live));
    write(
        d.path(),
        "dead.env",
        format!(
            "SF_INSTANCE_URL=https://acme.my.salesforce.com\nSF_CONSUMER_KEY={k_dead}\nSF_CLIENT_SECRET={s_dead}\n"
        ),
    );
    write(d.path(), ".env", format!("SF_CLIENT_SECRET={s_alone}\n"));
    let out = scan(&sf, d.path(), &["--validate", "-f", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", errors(&out));
    let fs = findings(&out);
    assert_eq!(at(&fs, "live.sh")["rule"], "salesforce-client-credentials");
    assert_eq!(at(&fs, "dead.env")["rule"], "salesforce-client-credentials");

    let v = &at(&fs, "live.sh")["validation"];
    assert_eq!(v["status"], "live");
    assert_eq!(v["identity"]["username"], "minted@acme.com");
    let call = sf.requests_to("/oauth2/token").into_iter().find(|r| r.credential == s_live).unwrap();
    assert_eq!(call.target, "acme.my.salesforce.com");
    assert_eq!(call.form["grant_type"], "client_credentials");
    assert_eq!(call.form["client_id"], k_live);
    assert_eq!(targets(&sf, "revoke", MINTED), ["acme.my.salesforce.com"]);

    let v = &at(&fs, "dead.env")["validation"];
    assert_eq!(v["status"], "dead");
    let call = sf.requests_to("/oauth2/token").into_iter().find(|r| r.credential == s_dead).unwrap();
    assert_eq!((call.target.as_str(), call.form["client_id"].as_str()), ("acme.my.salesforce.com", k_dead.as_str()));
    assert_eq!(v["message"], "acme.my.salesforce.com rejected the consumer key and secret (HTTP 400, invalid_client)");

    let v = &at(&fs, ".env")["validation"];
    assert_eq!(v["status"], "unverifiable");
    assert_eq!(v["message"], "no consumer key (3MVG9…) near the secret; the client-credentials check needs it");
    assert!(sf.requests().iter().all(|r| r.credential != s_alone));
    assert_no_secret(&out, &[&s_live, &s_dead, &s_alone]);
}

#[test]
fn passwords_are_tried_only_with_validate_passwords_and_only_once() {
    let (good, bad) = (fake_password_with_token(71), fake_password_with_token(72));
    let sf = FakeSalesforce::start();
    sf.on(&good, Behaviour::Live("ops@acme.com"));
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "good.properties", format!("sf.username=ops@acme.com\nsf.password={good}\n"));
    write(d.path(), "bad.properties", format!("sf.username=old@acme.com\nsf.password={bad}\n"));

    let out = scan(&sf, d.path(), &["--validate", "-f", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", errors(&out));
    for path in ["good.properties", "bad.properties"] {
        let v = &findings(&out).iter().find(|f| f["path"] == path).unwrap()["validation"].clone();
        assert_eq!(v["status"], "unverifiable");
        assert_eq!(
            v["message"],
            "not tried: a login attempt counts toward the user's lockout limit (use --validate-passwords)"
        );
    }
    assert!(sf.requests().is_empty(), "no login without --validate-passwords");

    let out = scan(&sf, d.path(), &["--validate-passwords", "-f", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", errors(&out));
    let fs = findings(&out);
    let v = &at(&fs, "good.properties")["validation"];
    assert_eq!(v["status"], "live");
    assert_eq!(v["identity"]["username"], "ops@acme.com");
    assert_eq!(v["message"], "login.salesforce.com accepted the login; the session was revoked again");
    let v = &at(&fs, "bad.properties")["validation"];
    assert_eq!(v["status"], "dead");
    assert_eq!(v["message"], "login.salesforce.com rejected the username, password and token (INVALID_LOGIN)");
    let logins = sf.requests_to("/services/Soap/u/");
    assert_eq!(logins.len(), 2, "one attempt per password, no second host");
    let bad_login = logins.iter().find(|r| r.credential == bad).unwrap();
    assert!(bad_login.body.contains("<urn:username>old@acme.com</urn:username>"));
    assert_eq!(targets(&sf, "revoke", MINTED), ["login.salesforce.com"]);
    assert_no_secret(&out, &[&good, &bad]);
}

#[test]
fn answers_that_prove_nothing_are_unverifiable_and_failures_are_errors() {
    let (token, refresh, password) = (fake_access_token(181), fake_refresh_token(182), fake_password_with_token(183));
    let sf = FakeSalesforce::start();
    sf.on(&token, Behaviour::Reject(503, "unavailable"))
        .on(&refresh, Behaviour::Reject(400, "invalid_client_id"))
        .on(&password, Behaviour::Reject(500, "PASSWORD_LOCKOUT"));
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.log", format!("token {token}\n"));
    write(d.path(), ".env", format!("SF_REFRESH_TOKEN={refresh}\n"));
    write(d.path(), "b.properties", format!("sf.username=ops@acme.com\nsf.password={password}\n"));
    let out = scan(&sf, d.path(), &["--validate-passwords", "-f", "json"]);
    assert_eq!(out.status.code(), Some(2), "a server error leaves the run incomplete");
    let fs = findings(&out);
    let expect = [
        ("a.log", "error", 503, "login.salesforce.com answered HTTP 503 (server error)"),
        (
            ".env",
            "unverifiable",
            400,
            "login.salesforce.com refused the request without judging the refresh token (HTTP 400, invalid_client_id)",
        ),
        (
            "b.properties",
            "unverifiable",
            500,
            "login.salesforce.com refused the login without judging the password (PASSWORD_LOCKOUT)",
        ),
    ];
    for (path, status, http, message) in expect {
        let v = &at(&fs, path)["validation"];
        assert_eq!((v["status"].as_str(), v["http_status"].as_u64()), (Some(status), Some(http)), "{path}");
        assert_eq!(v["message"], message, "{path}");
    }
    // Not dead, so no second host was tried for any of them.
    assert_eq!(sf.requests().len(), 3);
}

#[test]
fn only_live_reports_live_credentials_and_exits_1_only_for_them() {
    let (live, dead) = (fake_access_token(81), fake_access_token(82));
    let sf = FakeSalesforce::start();
    sf.on(&live, Behaviour::Live("ops@acme.com"));
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "live.log", format!("token {live}\n"));
    write(d.path(), "dead.log", format!("token {dead}\n"));
    write(d.path(), "dead2.log", format!("again {dead}\n"));
    let out = scan(&sf, d.path(), &["--only-live", "-f", "jsonl"]);
    assert_eq!(out.status.code(), Some(1), "{}", errors(&out));
    assert_eq!(jsonl_triples(&stdout_of(&out)), vec![("live.log".into(), 1, "salesforce-access-token".into())]);
    let line: Value = serde_json::from_str(stdout_of(&out).trim()).unwrap();
    assert_eq!(line["validation"]["status"], "live");

    std::fs::remove_file(d.path().join("live.log")).unwrap();
    let out = scan(&sf, d.path(), &["--only-live"]);
    assert_eq!(out.status.code(), Some(0), "dead credentials alone pass --only-live");
    let s = stdout_of(&out);
    assert!(s.starts_with("forcescan: no findings (2 files,"), "{s}");
    assert!(s.contains("  --only-live: 2 findings of credentials not found live not shown\n"), "{s}");
    assert!(s.contains("0 live, 1 dead"), "{s}");
}

#[test]
fn hosts_that_are_not_salesforce_are_refused_without_any_request() {
    let (token, refresh, other) = (fake_access_token(91), fake_refresh_token(92), fake_refresh_token(93));
    let sf = FakeSalesforce::start();
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "token.json",
        format!(r#"{{"access_token":"{token}","instance_url":"https://evil.example.com","token_type":"Bearer"}}"#),
    );
    // (A host with "example" in it would make the whole auth URL look like a placeholder.)
    write(d.path(), "auth.txt", format!("force://PlatformCLI::{refresh}@login.attacker.net\n"));
    write(d.path(), "port.txt", format!("force://PlatformCLI::{other}@acme.my.salesforce.com:8443\n"));
    let out = scan(&sf, d.path(), &["--validate", "-f", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", errors(&out));
    let fs = findings(&out);
    let allowed = "(allowed: *.salesforce.com, *.force.com, *.my.site.com, *.marketingcloudapis.com, \
*.salesforce-sites.com, *.cloudforce.com, *.database.com)";
    for (path, host) in [("token.json", "evil.example.com"), ("auth.txt", "login.attacker.net")] {
        let v = &at(&fs, path)["validation"];
        assert_eq!(v["status"], "unverifiable", "{path}");
        assert_eq!(v["message"], format!("refused to contact {host}: not a Salesforce-owned host {allowed}"), "{path}");
        assert!(v.get("host").is_none() && v.get("http_status").is_none());
    }
    assert_eq!(at(&fs, "token.json")["instance"], "evil.example.com");
    assert_eq!(
        at(&fs, "port.txt")["validation"]["message"],
        "refused to contact acme.my.salesforce.com:8443: only port 443 is allowed"
    );
    assert!(sf.requests().is_empty(), "{:?}", sf.requests());
}

#[test]
fn redirects_and_proxy_settings_never_send_a_request_elsewhere() {
    let (redirected, live) = (fake_access_token(101), fake_access_token(102));
    let trap = Trap::start();
    let sf = FakeSalesforce::start();
    sf.on(&redirected, Behaviour::Redirect(format!("{}/steal", trap.url))).on(&live, Behaviour::Live("ops@acme.com"));
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.log", format!("token {redirected}\n"));
    write(d.path(), "b.log", format!("token {live}\n"));
    let out = forcescan()
        .current_dir(d.path())
        .env("HTTPS_PROXY", &trap.url)
        .env("https_proxy", &trap.url)
        .env("HTTP_PROXY", &trap.url)
        .env("ALL_PROXY", &trap.url)
        .args(["scan", "--validate", "-f", "json", "--validation-base-url", &sf.url, "."])
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", errors(&out));
    let fs = findings(&out);
    let v = &at(&fs, "a.log")["validation"];
    assert_eq!(v["status"], "error");
    assert_eq!(v["message"], "login.salesforce.com answered with a redirect (HTTP 302), which is never followed");
    assert_eq!(at(&fs, "b.log")["validation"]["status"], "live");
    assert_eq!(trap.hits(), 0, "a request left for somewhere other than the test server");
    assert_eq!(sf.requests().len(), 2);
}

#[test]
fn validation_is_off_unless_asked_for() {
    let token = fake_access_token(111);
    let sf = FakeSalesforce::start();
    sf.on(&token, Behaviour::Live("ops@acme.com"));
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "a.json",
        format!(r#"{{"access_token":"{token}","instance_url":"https://acme.my.salesforce.com"}}"#),
    );
    let out = forcescan()
        .current_dir(d.path())
        .env("FORCESCAN_VALIDATION_BASE_URL", &sf.url)
        .args(["scan", "-f", "json", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let f = &findings(&out)[0];
    assert!(f.get("validation").is_none() && f.get("instance").is_none(), "{f}");
    assert!(sf.requests().is_empty());
    assert_eq!(stderr_of(&out), "");
}

#[test]
fn a_base_url_off_loopback_is_refused_before_scanning() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.log", format!("token {}\n", fake_access_token(121)));
    for base in ["http://10.0.0.1:80", "https://login.salesforce.com:443"] {
        let out = forcescan()
            .current_dir(d.path())
            .env("FORCESCAN_VALIDATION_BASE_URL", base)
            .args(["scan", "--validate", "."])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(
            stderr_of(&out).trim(),
            "forcescan: error: the validation base URL must be http://127.0.0.1:PORT (a test-only setting)"
        );
        assert_eq!(stdout_of(&out), "");
    }
}

#[test]
fn requests_respect_the_per_host_concurrency_and_global_rate_limits() {
    let sf = FakeSalesforce::start();
    let d = tempfile::tempdir().unwrap();
    for i in 0..4 {
        let t = fake_access_token(130 + i);
        sf.on(&t, Behaviour::Slow(Duration::from_millis(300)));
        write(
            d.path(),
            &format!("{i}.json"),
            format!(r#"{{"access_token":"{t}","instance_url":"https://acme.my.salesforce.com"}}"#),
        );
    }
    let out = scan(&sf, d.path(), &["--validate", "-j", "4", "--validation-host-concurrency", "1"]);
    assert_eq!(out.status.code(), Some(1), "{}", errors(&out));
    assert_eq!(sf.max_in_flight(), 1);

    let sf = FakeSalesforce::start();
    for i in 0..4 {
        sf.on(&fake_access_token(130 + i), Behaviour::Slow(Duration::from_millis(300)));
    }
    let out = scan(&sf, d.path(), &["--validate", "-j", "4", "--validation-host-concurrency", "4"]);
    assert_eq!(out.status.code(), Some(1), "{}", errors(&out));
    assert!(sf.max_in_flight() >= 2, "the limit above was not what kept requests apart");

    // 4 requests at 4 per second: at least 3 intervals of 250 ms.
    let sf = FakeSalesforce::start();
    let started = Instant::now();
    let out = scan(&sf, d.path(), &["--validate", "-j", "4", "--validation-rate", "4"]);
    assert!(started.elapsed() >= Duration::from_millis(750), "{:?}", started.elapsed());
    assert_eq!(sf.requests().len(), 4, "{}", errors(&out));
}

/// `forcescan revoke` with the secret on standard input.
fn revoke(sf: &FakeSalesforce, args: &[&str], stdin: &str) -> Output {
    forcescan()
        .args(["revoke", "--validation-base-url", &sf.url])
        .args(args)
        .write_stdin(stdin.to_string())
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap()
}

#[test]
fn revoke_reads_the_secret_from_stdin_and_says_what_salesforce_did() {
    let (live, unknown) = (fake_access_token(141), fake_access_token(142));
    let refresh = fake_refresh_token(143);
    let sf = FakeSalesforce::start();
    sf.on(&live, Behaviour::Live("ops@acme.com")).on(&refresh, Behaviour::Live("ops@acme.com"));
    let redacted = |s: &str| format!("{}…{}", &s[..4], &s[s.len() - 2..]);

    let out = revoke(&sf, &["--rule", "salesforce-access-token", "-"], &format!("{live}\n"));
    assert_eq!(out.status.code(), Some(0), "{}", errors(&out));
    assert_eq!(
        stdout_of(&out),
        format!("forcescan: salesforce-access-token {}: revoked at login.salesforce.com\n", redacted(&live))
    );
    let calls = sf.requests_to("/services/oauth2/revoke");
    assert_eq!((calls.len(), calls[0].method.as_str()), (1, "POST"));
    assert_eq!(calls[0].form["token"], live);

    let out = revoke(
        &sf,
        &["--rule", "salesforce-access-token", "--instance", "https://acme.my.salesforce.com/", "-"],
        &live,
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(targets(&sf, "revoke", &live), ["login.salesforce.com", "acme.my.salesforce.com"]);

    // Salesforce does not know the token at either login host: exit 1, and say so.
    let out = revoke(&sf, &["--rule", "salesforce-access-token", "-"], &unknown);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        errors(&out),
        format!(
            "forcescan: error: salesforce-access-token {}: test.salesforce.com did not revoke it (HTTP 400, \
unsupported_token_type): not valid there, already revoked or expired",
            redacted(&unknown)
        )
    );
    assert_eq!(targets(&sf, "revoke", &unknown), ["login.salesforce.com", "test.salesforce.com"]);

    // An auth URL: its refresh token is revoked at its own host.
    let url = format!("force://PlatformCLI::{refresh}@acme.my.salesforce.com");
    let out = revoke(&sf, &["--rule", "salesforce-sfdx-auth-url", "-"], &url);
    assert_eq!(out.status.code(), Some(0), "{}", errors(&out));
    assert_eq!(targets(&sf, "revoke", &refresh), ["acme.my.salesforce.com"]);
    assert_no_secret(&out, &[&refresh]);
}

#[test]
fn revoke_refuses_what_it_cannot_revoke_without_sending_anything() {
    let sf = FakeSalesforce::start();
    let out = revoke(&sf, &["--rule", "salesforce-consumer-secret", "-"], &fake_consumer_secret(151));
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        errors(&out),
        "forcescan: error: salesforce-consumer-secret: a consumer secret cannot be revoked by API: \
generate a new one in Setup > App Manager"
    );
    let out = revoke(&sf, &["--rule", "salesforce-access-token", "-"], "hello world");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(errors(&out), "forcescan: error: the value given is not a salesforce-access-token");
    let out = revoke(&sf, &["--rule", "no-such-rule", "-"], "x");
    assert_eq!(out.status.code(), Some(2));
    assert!(errors(&out).starts_with("forcescan: error: unknown rule `no-such-rule` (revocable: "));
    assert!(sf.requests().is_empty());
}

#[test]
fn revoke_live_needs_a_terminal_or_yes_and_revokes_only_live_credentials() {
    let (live, dead) = (fake_access_token(161), fake_access_token(162));
    let sf = FakeSalesforce::start();
    sf.on(&live, Behaviour::Live("ops@acme.com"));
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "live.json",
        format!(r#"{{"access_token":"{live}","instance_url":"https://acme.my.salesforce.com"}}"#),
    );
    write(d.path(), "dead.log", format!("token {dead}\n"));

    let out = scan(&sf, d.path(), &["--revoke-live"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr_of(&out).trim(),
        "forcescan: error: --revoke-live needs confirmation: run it on a terminal, or add --yes"
    );
    assert_eq!(stdout_of(&out), "");
    assert!(sf.requests().is_empty(), "nothing is validated before confirmation");

    let out = scan(&sf, d.path(), &["--revoke-live", "--yes"]);
    assert_eq!(out.status.code(), Some(1), "{}", errors(&out));
    let s = stdout_of(&out);
    assert!(s.contains("\n    revoked: revoked at acme.my.salesforce.com\n"), "{s}");
    assert_eq!(targets(&sf, "revoke", &live), ["acme.my.salesforce.com"]);
    assert!(targets(&sf, "revoke", &dead).is_empty(), "a dead token is not revoked");

    // The JSON report records what revocation did.
    let sf = FakeSalesforce::start();
    sf.on(&live, Behaviour::Live("ops@acme.com"));
    let out = scan(&sf, d.path(), &["--revoke-live", "--yes", "-f", "json"]);
    let fs = findings(&out);
    let r = &at(&fs, "live.json")["validation"]["revocation"];
    assert_eq!(r["revoked"], true);
    assert_eq!(r["host"], "acme.my.salesforce.com");
    assert_eq!(r["http_status"], 200);
}

#[test]
fn revoke_live_asks_on_a_terminal_and_a_no_sends_nothing() {
    // `script` gives the command a terminal; it reads the answer from our stdin.
    if std::process::Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: util-linux `script` is not installed");
        return;
    }
    let live = fake_access_token(171);
    let sf = FakeSalesforce::start();
    sf.on(&live, Behaviour::Live("ops@acme.com"));
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.log", format!("token {live}\n"));
    let bin = assert_cmd::cargo::cargo_bin("forcescan");
    let cmd = format!("{} scan --revoke-live --validation-base-url {} {}", bin.display(), sf.url, d.path().display());
    let out = std::process::Command::new("script")
        .args(["-q", "-e", "-c", &cmd, "/dev/null"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().unwrap().write_all(b"n\n")?;
            c.wait_with_output()
        })
        .unwrap();
    let screen = String::from_utf8_lossy(&out.stdout);
    assert!(screen.contains("Continue? [y/N]"), "{screen}");
    assert!(screen.contains("aborted: nothing was validated or revoked"), "{screen}");
    assert_eq!(out.status.code(), Some(2), "{screen}");
    assert!(sf.requests().is_empty());
}
