//! Suppressions as a user meets them: inline allow markers, `.forcescan.toml`, baselines, and the
//! counts every report gives so nothing disappears silently.

mod common;
use common::*;
use serde_json::Value;
use std::path::Path;

fn scan(dir: &Path, args: &[&str]) -> std::process::Output {
    forcescan().current_dir(dir).args(["scan", ".", "--color", "never"]).args(args).output().unwrap()
}

fn json_scan(dir: &Path, args: &[&str]) -> (Value, Option<i32>) {
    let out = scan(dir, &[&["-f", "json"], args].concat());
    (serde_json::from_str(&stdout_of(&out)).expect("a JSON document"), out.status.code())
}

fn rules_found(doc: &Value) -> Vec<(String, u64, String)> {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (f["path"].as_str().unwrap().to_string(), f["line"].as_u64().unwrap(), f["rule"].as_str().unwrap().into())
        })
        .collect()
}

#[test]
fn every_marker_spelling_allows_on_the_same_line_and_the_line_before() {
    for marker in
        ["forcescan:allow", "gitleaks:allow", "pragma: allowlist secret", "trufflehog:ignore", "kingfisher:ignore"]
    {
        for text in [format!("token={ACCESS_TOKEN} # {marker}\n"), format!("# {marker}\ntoken={ACCESS_TOKEN}\n")] {
            let dir = tempfile::tempdir().unwrap();
            write(dir.path(), "app.env", &text);
            let out = scan(dir.path(), &[]);
            assert_eq!(out.status.code(), Some(0), "{marker}: {}", stdout_of(&out));
            let text = stdout_of(&out);
            assert!(text.contains("forcescan: 1 suppressed (inline 1, config 0, baseline 0)"), "{marker}: {text}");
        }
    }
}

#[test]
fn a_marker_two_lines_above_or_on_the_next_line_does_not_allow() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.env", format!("# forcescan:allow\n\ntoken={ACCESS_TOKEN}\n"));
    write(dir.path(), "b.env", format!("token={ACCESS_TOKEN_2}\n# forcescan:allow\n"));
    let (doc, code) = json_scan(dir.path(), &[]);
    assert_eq!(code, Some(1));
    assert_eq!(rules_found(&doc).len(), 2);
    assert_eq!(doc["summary"]["suppressed"]["total"], 0);
}

#[test]
fn inline_markers_work_on_standard_input_too() {
    let out = forcescan()
        .args(["scan", "-", "--color", "never"])
        .write_stdin(format!("x\n# gitleaks:allow\nAuthorization: Bearer {ACCESS_TOKEN}\n"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout_of(&out));
    assert!(stdout_of(&out).contains("1 suppressed (inline 1, config 0, baseline 0)"));
}

#[test]
fn baseline_round_trip_follows_the_secret_not_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "app.properties", format!("user=api\nrefresh={REFRESH_TOKEN}\n"));
    let out = forcescan().current_dir(d).args(["baseline", "create", "."]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let baseline = std::fs::read_to_string(d.join(".forcescan-baseline.json")).unwrap();
    assert!(!baseline.contains(REFRESH_TOKEN) && !baseline.contains("app.properties"), "{baseline}");
    let doc: Value = serde_json::from_str(&baseline).unwrap();
    assert_eq!(doc["findings"].as_array().unwrap().len(), 1);
    assert_eq!(doc["findings"][0]["rule"], "salesforce-refresh-token");
    // Same input, same file: no timestamps.
    forcescan().current_dir(d).args(["baseline", "create", "."]).assert().success();
    assert_eq!(std::fs::read_to_string(d.join(".forcescan-baseline.json")).unwrap(), baseline);

    // Found automatically at the scan root.
    let (doc, code) = json_scan(d, &[]);
    assert_eq!(code, Some(0));
    assert_eq!(doc["summary"]["suppressed"], serde_json::json!({"total": 1, "inline": 0, "config": 0, "baseline": 1}));

    // Moved 30 lines down: still the same secret, still suppressed.
    write(d, "app.properties", format!("user=api\n{}refresh={REFRESH_TOKEN}\n", "filler\n".repeat(30)));
    let out = scan(d, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout_of(&out));
    assert!(stdout_of(&out).contains("forcescan: 1 suppressed (inline 0, config 0, baseline 1)"));

    // A different secret on the same line is new.
    let other = fake_refresh_token(7);
    write(d, "app.properties", format!("user=api\nrefresh={other}\n"));
    let (doc, code) = json_scan(d, &[]);
    assert_eq!(code, Some(1));
    assert_eq!(rules_found(&doc), vec![("app.properties".into(), 2, "salesforce-refresh-token".into())]);

    // --baseline names another file; a broken one is a one-line error.
    write(d, "other.json", "{\"tool\":\"forcescan\",\"version\":1,\"findings\":[]}");
    let (doc, _) = json_scan(d, &["--baseline", d.join("other.json").to_str().unwrap()]);
    assert_eq!(doc["summary"]["suppressed"]["baseline"], 0);
    write(d, "bad.json", "[]");
    let out = scan(d, &["--baseline", d.join("bad.json").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr_of(&out).lines().count(), 1, "{}", stderr_of(&out));
}

#[test]
fn config_skips_paths_disables_rules_allows_values_and_overrides_severity() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "fixtures/deep/token.log", format!("{ACCESS_TOKEN}\n"));
    write(d, "snap/x.snap", format!("{ACCESS_TOKEN}\n"));
    write(d, "allowed.log", format!("{ACCESS_TOKEN_2}\n"));
    write(d, "refresh.properties", format!("refresh={REFRESH_TOKEN}\n"));
    write(d, "kept.log", format!("{ACCESS_TOKEN}\n"));
    write(
        d,
        ".forcescan.toml",
        r#"skip_paths = ["fixtures/**", "*.snap"]
disable_rules = ["salesforce-refresh-token"]
allow_values = ["^00DmV00002AjC6a!"]

[rules.salesforce-access-token]
severity = "low"
"#,
    );
    let (doc, code) = json_scan(d, &[]);
    assert_eq!(code, Some(1));
    assert_eq!(rules_found(&doc), vec![("kept.log".into(), 1, "salesforce-access-token".into())]);
    assert_eq!(doc["findings"][0]["severity"], "low");
    // Skipped paths are not read at all; the disabled rule and the allowed value are counted.
    assert_eq!(doc["summary"]["suppressed"], serde_json::json!({"total": 2, "inline": 0, "config": 2, "baseline": 0}));
    assert_eq!(doc["summary"]["files_scanned"], 4);
}

#[test]
fn config_errors_are_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, ".forcescan.toml", "skip_path = [\"x\"]\n");
    let out = scan(d, &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("forcescan: error: ") && err.contains(".forcescan.toml:1: unknown field `skip_path`"),
        "{err}"
    );

    write(d, ".forcescan.toml", "disable_rules = [\"no-such-rule\"]\n");
    let out = scan(d, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("unknown rule `no-such-rule`"), "{}", stderr_of(&out));

    let cfg = d.join("custom.toml");
    std::fs::write(&cfg, "allow_values = [\"(\"]\n").unwrap();
    std::fs::remove_file(d.join(".forcescan.toml")).unwrap();
    let out = scan(d, &["--config", cfg.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("allow_values[0] is not a valid regular expression"));
}

#[test]
fn suppressions_apply_to_history_scans() {
    let r = common::git::GitRepo::new();
    r.write("a.env", format!("token={ACCESS_TOKEN} # forcescan:allow\n"));
    r.write("b.env", format!("refresh={REFRESH_TOKEN}\n"));
    r.write(".forcescan.toml", "skip_paths = [\"b.env\"]\n");
    r.commit("add");
    let out = forcescan().arg("git").arg(&r.path).args(["--color", "never"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout_of(&out));
    assert!(
        stdout_of(&out).contains("forcescan: 2 suppressed (inline 1, config 1, baseline 0)"),
        "{}",
        stdout_of(&out)
    );
}

#[test]
fn github_format_annotates_without_secrets_and_writes_the_job_summary() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "logs/a,b.log", format!("x\nAuthorization: Bearer {ACCESS_TOKEN}\n"));
    let summary = d.join("summary.md");
    let run = || {
        forcescan()
            .current_dir(d)
            .args(["scan", "logs", "-f", "github"])
            .env("GITHUB_STEP_SUMMARY", &summary)
            .output()
            .unwrap()
    };
    let out = run();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout_of(&out),
        "::error file=logs/a%2Cb.log,line=2,col=23,endLine=2,endColumn=135,title=forcescan%3A salesforce-access-token::\
         Salesforce access token (session ID) 00Dh…Vm: rotate it, then remove it (see the rule's help)\n"
    );
    let md = std::fs::read_to_string(&summary).unwrap();
    assert!(md.contains("**1 finding, 1 distinct secret** (1 files scanned)"), "{md}");
    assert!(md.contains("| `logs/a,b.log` | 2 | salesforce-access-token | critical | `00Dh…Vm` |  |"), "{md}");
    assert!(!md.contains(ACCESS_TOKEN));

    std::fs::remove_file(d.join("logs/a,b.log")).unwrap();
    let out = run();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout_of(&out), "");
    assert!(std::fs::read_to_string(&summary).unwrap().contains("Clean: no Salesforce credentials found"));
}

#[test]
fn suppressed_credentials_are_never_sent_for_validation() {
    use common::fake_salesforce::{Behaviour, FakeSalesforce};
    let (allowed, reported) = (fake_access_token(11), fake_access_token(12));
    let sf = FakeSalesforce::start();
    sf.on(&allowed, Behaviour::Reject(401, "invalid_token")).on(&reported, Behaviour::Reject(401, "invalid_token"));
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.log", format!("Authorization: Bearer {allowed} # forcescan:allow\n"));
    write(dir.path(), "b.log", format!("Authorization: Bearer {reported}\n"));
    let out = scan(dir.path(), &["--validate", "--validation-base-url", &sf.url, "-f", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let sent: Vec<String> = sf.requests().into_iter().map(|r| r.credential).collect();
    assert!(sent.iter().any(|c| c == &reported), "the reported token was checked");
    assert!(!sent.iter().any(|c| c == &allowed), "the suppressed token was sent");
    let doc: Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(doc["summary"]["suppressed"]["inline"], 1);
}
