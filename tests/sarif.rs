//! `--format sarif` as GitHub code scanning meets it. Every SARIF file produced here goes through
//! `common::sarif::check`: the SARIF 2.1.0 schema plus the GitHub profile (relative URIs, columns,
//! limits, rule metadata, no secrets, no e-mail addresses).

mod common;
use common::*;
use forcescan::detect::finding::{fingerprint, hash_key, GitProvenance, Identity, Status, Validation};
use forcescan::detect::rules::{Confidence, RuleBook, Severity};
use forcescan::report::artifacts::{Artifacts, FsArtifacts};
use forcescan::report::linehash::line_hashes;
use forcescan::report::sarif::{to_log, SarifOptions, MAX_RELATED_TOTAL, MAX_RESULTS};
use forcescan::report::{Format, ReportOptions};
use forcescan::results::{Collector, Policy, Status as RunStatus};
use forcescan::{Engine, Finding};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Runs `forcescan scan -f sarif ARGS` in `dir`; checks the SARIF and returns it with the exit code.
fn sarif_scan(dir: &Path, args: &[&str]) -> (Option<i32>, Value, String) {
    let out = forcescan().current_dir(dir).args(["scan", "-f", "sarif"]).args(args).output().unwrap();
    let doc = sarif::check(&stdout_of(&out), ALL_SECRETS);
    (out.status.code(), doc, stderr_of(&out))
}

fn results(doc: &Value) -> &Vec<Value> {
    doc["runs"][0]["results"].as_array().expect("results array")
}

fn uri(result: &Value) -> &str {
    result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str().unwrap()
}

fn region(result: &Value) -> (u64, u64, u64, u64) {
    let r = &result["locations"][0]["physicalLocation"]["region"];
    let n = |k: &str| r[k].as_u64().unwrap();
    (n("startLine"), n("startColumn"), n("endLine"), n("endColumn"))
}

fn secret_hash(result: &Value) -> &str {
    result["partialFingerprints"]["secretHash/v1"].as_str().unwrap()
}

/// The full values a scan finds, from `--show-secrets` JSON: what must never reach the SARIF.
fn secrets_found(dir: &Path, args: &[&str]) -> Vec<String> {
    let out = forcescan().current_dir(dir).args(["scan", "-f", "json", "--show-secrets"]).args(args).output().unwrap();
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    j["findings"].as_array().unwrap().iter().map(|f| f["secret_value"].as_str().unwrap().to_string()).collect()
}

#[test]
fn demo_tree_gives_one_valid_result_per_secret_and_no_secret_even_with_show_secrets() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let secrets = secrets_found(root, &["demo"]);
    assert_eq!(secrets.len(), 4);
    let secrets: Vec<&str> = secrets.iter().map(String::as_str).collect();
    for extra in [&[][..], &["--show-secrets"][..]] {
        let out = forcescan().current_dir(root).args(["scan", "demo", "-f", "sarif"]).args(extra).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
        let doc = sarif::check(&stdout_of(&out), &secrets);
        let got: Vec<(&str, &str, u64)> =
            results(&doc).iter().map(|r| (r["ruleId"].as_str().unwrap(), uri(r), region(r).0)).collect();
        assert_eq!(
            got,
            [
                ("salesforce-sfdx-auth-url", "demo/.env", 4),
                ("salesforce-password-with-token", "demo/config/build.properties", 3),
                ("salesforce-access-token", "demo/logs/api-debug.log", 2),
                ("salesforce-access-token", "demo/logs/api-debug.log", 4),
            ]
        );
        let run = &doc["runs"][0];
        let rule_ids: Vec<&str> =
            run["tool"]["driver"]["rules"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
        assert_eq!(rule_ids, ["salesforce-access-token", "salesforce-password-with-token", "salesforce-sfdx-auth-url"]);
        assert_eq!(run["invocations"][0]["executionSuccessful"], true);
        assert!(run.get("automationDetails").is_none());
        // The message names the credential and the redacted value.
        assert_eq!(
            results(&doc)[2]["message"]["text"],
            "Salesforce access token (session ID) `00Dm…BD` found in demo/logs/api-debug.log at line 2."
        );
        // Help carries what it is, how to revoke it, how to suppress a false positive.
        let help = run["tool"]["driver"]["rules"][0]["help"]["markdown"].as_str().unwrap();
        assert!(help.contains("Session Management") && help.contains("False positives"));
    }
}

#[test]
fn corpus_sarif_is_valid_and_holds_every_distinct_secret_and_none_of_their_values() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let secrets = secrets_found(root, &["corpus"]);
    let secrets: Vec<&str> = secrets.iter().map(String::as_str).collect();
    let out = forcescan().current_dir(root).args(["scan", "corpus", "-f", "sarif"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let doc = sarif::check(&stdout_of(&out), &secrets);
    // Every finding is a result or a related location of one (its further occurrences; the other
    // parts of a credential found apart are related locations too, listed first).
    let occurrence = |l: &&Value| l["message"]["text"] == "Another occurrence of the same secret.";
    let listed: usize = results(&doc)
        .iter()
        .map(|r| 1 + r["relatedLocations"].as_array().map_or(0, |a| a.iter().filter(occurrence).count()))
        .sum();
    assert_eq!(listed, secrets.len());
    let parts = results(&doc)
        .iter()
        .flat_map(|r| r["relatedLocations"].as_array().into_iter().flatten())
        .filter(|l| !occurrence(l))
        .count();
    assert!(parts > 0, "the corpus has passwords with their security token apart");
}

#[test]
fn clean_tree_has_an_empty_results_array_and_exits_0() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "README.md", "sf.password = ${SF_PASSWORD}\n");
    let (code, doc, _) = sarif_scan(d.path(), &[]);
    assert_eq!(code, Some(0));
    assert_eq!(doc["runs"][0]["results"], serde_json::json!([]));
    assert_eq!(doc["runs"][0]["tool"]["driver"]["rules"], serde_json::json!([]));
}

#[test]
fn uris_are_repository_relative_resolved_and_percent_encoded() {
    let d = tempfile::tempdir().unwrap();
    let repo = d.path().join("repo");
    std::fs::create_dir_all(repo.join(".git")).unwrap();
    write(&repo, "app/my conf/a#b.env", format!("SF_SECURITY_TOKEN={SECURITY_TOKEN}\n"));
    std::os::unix::fs::symlink(repo.join("app/my conf/a#b.env"), repo.join("link.env")).unwrap();
    // Run from outside the repository, naming a directory inside it, a symlink, and absolutely.
    let abs = repo.join("app").display().to_string();
    for args in [&["repo/app"][..], &["repo/link.env"], &[abs.as_str()]] {
        let (code, doc, _) = sarif_scan(d.path(), args);
        assert_eq!(code, Some(1));
        let r = results(&doc);
        assert_eq!(r.len(), 1, "{args:?}");
        assert_eq!(uri(&r[0]), "app/my%20conf/a%23b.env", "{args:?}");
    }
    // The same file named twice (directly and through the link) is still one result.
    let (_, doc, _) = sarif_scan(d.path(), &["repo/app", "repo/link.env"]);
    assert_eq!(results(&doc).len(), 1);
    assert!(results(&doc)[0].get("relatedLocations").is_none());

    // Outside any repository: relative to the current directory.
    let plain = tempfile::tempdir().unwrap();
    write(plain.path(), "logs/a.log", format!("sid={ACCESS_TOKEN}\n"));
    let (_, doc, _) = sarif_scan(plain.path(), &["logs"]);
    assert_eq!(uri(&results(&doc)[0]), "logs/a.log");
}

#[test]
fn columns_count_utf16_code_units_and_the_line_hash_is_githubs() {
    let d = tempfile::tempdir().unwrap();
    // "é" is 2 bytes and 1 UTF-16 unit; "🔑" 4 bytes and 2 units: byte column 22, UTF-16 column 18.
    let text = format!("first line\n// é 🔑 é Bearer {ACCESS_TOKEN}\nlast\n");
    write(d.path(), "a.log", &text);
    let (_, doc, _) = sarif_scan(d.path(), &[]);
    let r = &results(&doc)[0];
    let len = ACCESS_TOKEN.len() as u64;
    assert_eq!(region(r), (2, 18, 2, 18 + len));
    let mut want = None;
    line_hashes(text.as_bytes(), |line, h| {
        if line == 2 {
            want = Some(h.to_string());
        }
    });
    assert_eq!(r["partialFingerprints"]["primaryLocationLineHash"].as_str(), want.as_deref());
}

#[test]
fn a_utf16_file_gets_code_unit_columns_and_the_hash_of_its_own_bytes() {
    let d = tempfile::tempdir().unwrap();
    // "€" is one UTF-16 code unit: the token starts in column 10 of line 2.
    let text = format!("first\r\n// € sid={ACCESS_TOKEN}\r\n");
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    write(d.path(), "notes.txt", &le);
    let (code, doc, _) = sarif_scan(d.path(), &[]);
    assert_eq!(code, Some(1));
    let r = &results(&doc)[0];
    assert_eq!(region(r), (2, 10, 2, 10 + ACCESS_TOKEN.len() as u64));
    // The upload action reads the file's bytes as UTF-8 whatever they are; so does the line hash.
    let mut want = None;
    line_hashes(&le, |line, h| {
        if line == 2 {
            want = Some(h.to_string());
        }
    });
    assert!(want.is_some());
    assert_eq!(r["partialFingerprints"]["primaryLocationLineHash"].as_str(), want.as_deref());
}

#[test]
fn a_secret_repeated_in_a_file_is_one_result_with_related_locations() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.log", format!("t={ACCESS_TOKEN}\nx\nt={ACCESS_TOKEN}\nu={ACCESS_TOKEN_2}\nt={ACCESS_TOKEN}\n"));
    write(d.path(), "b.log", format!("\nt={ACCESS_TOKEN}\n"));
    let (code, doc, _) = sarif_scan(d.path(), &[]);
    assert_eq!(code, Some(1));
    let r = results(&doc);
    let got: Vec<(&str, u64)> = r.iter().map(|x| (uri(x), region(x).0)).collect();
    assert_eq!(got, [("a.log", 1), ("a.log", 4), ("b.log", 2)]);
    let related: Vec<(u64, u64)> = r[0]["relatedLocations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["id"].as_u64().unwrap(), l["physicalLocation"]["region"]["startLine"].as_u64().unwrap()))
        .collect();
    assert_eq!(related, [(1, 3), (2, 5)]);
    assert_eq!(r[0]["properties"]["occurrences"], 3);
    assert!(r[0]["message"]["text"].as_str().unwrap().ends_with("It occurs 2 more times in this file."));
    // Same secret, same fingerprint, in both files.
    assert_eq!(secret_hash(&r[0]), secret_hash(&r[2]));
    assert_ne!(secret_hash(&r[0]), secret_hash(&r[1]));
}

/// A password whose security token was found apart is one result; the token's place is its first
/// related location, named by its role, before further occurrences of the password. Neither value
/// nor the username reaches the SARIF.
#[test]
fn a_password_and_its_security_token_found_apart_give_the_token_as_a_related_location() {
    let d = tempfile::tempdir().unwrap();
    let password = "Tr0ub4dor-Quartz-91";
    write(
        d.path(),
        "sync.py",
        format!(
            "import simple_salesforce\n\nUSERNAME = \"etl@acme.com\"\nPASSWORD = \"{password}\"\n\
             SECURITY_TOKEN = \"{SECURITY_TOKEN}\"\n\n# the same login, for the nightly job\n\
             NIGHTLY_PASSWORD = \"{password}\"\nNIGHTLY_SECURITY_TOKEN = \"{SECURITY_TOKEN}\"\n"
        ),
    );
    let out = forcescan().current_dir(d.path()).args(["scan", "-f", "sarif"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    let pair = format!("{password}{SECURITY_TOKEN}");
    let doc = sarif::check(&text, &[password, SECURITY_TOKEN, &pair, "etl@acme.com"]);
    assert!(!text.contains("etl@acme.com") && !text.contains(password) && !text.contains(SECURITY_TOKEN));
    let r = results(&doc);
    assert_eq!(r.len(), 1, "{r:#?}");
    assert_eq!(r[0]["ruleId"], "salesforce-password-with-token");
    assert_eq!((uri(&r[0]), region(&r[0])), ("sync.py", (4, 13, 4, 32)));
    assert_eq!(
        r[0]["message"]["text"],
        "Salesforce password with security token `Tr0u…0I` found in sync.py at line 4. Its security token is at \
         line 5. It occurs once more in this file."
    );
    let related: Vec<(u64, &str, (u64, u64, u64, u64), &str)> = r[0]["relatedLocations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let g = &l["physicalLocation"]["region"];
            let n = |k: &str| g[k].as_u64().unwrap();
            (
                l["id"].as_u64().unwrap(),
                l["physicalLocation"]["artifactLocation"]["uri"].as_str().unwrap(),
                (n("startLine"), n("startColumn"), n("endLine"), n("endColumn")),
                l["message"]["text"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        related,
        [
            (1, "sync.py", (5, 19, 5, 43), "The security token of this login (it goes with the password)."),
            (2, "sync.py", (8, 21, 8, 40), "Another occurrence of the same secret."),
        ]
    );
}

#[test]
fn secret_hash_survives_a_move_and_changes_with_the_secret() {
    let d = tempfile::tempdir().unwrap();
    let scan = |text: String| {
        write(d.path(), "app.env", text);
        let (_, doc, _) = sarif_scan(d.path(), &[]);
        let r = &results(&doc)[0];
        (region(r).0, secret_hash(r).to_string())
    };
    let (line, original) = scan(format!("SF_SECURITY_TOKEN={SECURITY_TOKEN}\n"));
    let (moved_line, moved) = scan(format!("{}SF_SECURITY_TOKEN={SECURITY_TOKEN}\n", "# padding\n".repeat(30)));
    assert_eq!((line, moved_line), (1, 31));
    assert_eq!(moved, original);
    let other = SECURITY_TOKEN.replace("exz9", "Qm7w");
    let (same_line, changed) = scan(format!("SF_SECURITY_TOKEN={other}\n"));
    assert_eq!(same_line, 1);
    assert_ne!(changed, original);
}

#[test]
fn an_incomplete_scan_is_not_successful_and_says_why() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.log", format!("t={ACCESS_TOKEN}\n"));
    let (code, doc, err) = sarif_scan(d.path(), &["a.log", "does-not-exist"]);
    assert_eq!(code, Some(2), "{err}");
    let inv = &doc["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    assert_eq!(
        inv["toolExecutionNotifications"],
        serde_json::json!([{"level": "error",
            "message": {"text": "does-not-exist: No such file or directory."}}])
    );
    assert_eq!(results(&doc).len(), 1, "findings are still reported");
}

#[test]
fn category_sets_automation_details_and_sarif_flags_need_sarif() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.log", format!("t={ACCESS_TOKEN}\n"));
    let (_, doc, _) = sarif_scan(d.path(), &["--sarif-category", "forcescan-head"]);
    assert_eq!(doc["runs"][0]["automationDetails"]["id"], "forcescan-head/");
    let out = forcescan().current_dir(d.path()).args(["scan", "-f", "sarif", "--sarif-category", ""]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr_of(&out), "forcescan: error: --sarif-category needs a non-empty name\n");
    for flag in [&["--sarif-category", "x"][..], &["--sarif-head-only"]] {
        let out = forcescan().current_dir(d.path()).args(["scan", "-f", "json"]).args(flag).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(stderr_of(&out), "forcescan: error: --sarif-category and --sarif-head-only need --format sarif\n");
    }
}

#[test]
fn standard_input_falls_back_to_byte_columns_without_a_line_hash() {
    let out =
        forcescan().args(["scan", "-", "-f", "sarif"]).write_stdin(format!("é {ACCESS_TOKEN}\n")).output().unwrap();
    let doc = sarif::check(&stdout_of(&out), ALL_SECRETS);
    let r = &results(&doc)[0];
    assert_eq!(uri(r), "%3Cstdin%3E");
    // No content to recompute from: the byte column (é is two bytes) stands.
    assert_eq!(region(r).1, 4);
    assert!(r["partialFingerprints"].get("primaryLocationLineHash").is_none());
}

#[test]
fn more_than_five_thousand_secrets_warn_and_keep_five_thousand() {
    const DIGITS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let d = tempfile::tempdir().unwrap();
    // 6,000 distinct tokens: the last three payload characters count in base 62.
    let stem = &ACCESS_TOKEN[..ACCESS_TOKEN.len() - 3];
    let text: String = (0..6000usize)
        .map(|i| {
            let tail: String = [i / 3844, i / 62 % 62, i % 62].iter().map(|&k| DIGITS[k] as char).collect();
            format!("sid={stem}{tail}\n")
        })
        .collect();
    write(d.path(), "big.log", text);
    let (code, doc, err) = sarif_scan(d.path(), &[]);
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(
        err,
        "forcescan: warning: 1000 results left out of the SARIF report (GitHub accepts at most \
         5000 per run; the most severe are kept)\n"
    );
    assert_eq!(results(&doc).len(), 5000);
    let notes = &doc["runs"][0]["invocations"][0]["toolExecutionNotifications"];
    assert!(notes[0]["message"]["text"].as_str().unwrap().starts_with("1000 results were left out"));
}

#[test]
fn report_file_is_written_like_other_formats() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.log", format!("t={ACCESS_TOKEN}\n"));
    let out =
        forcescan().current_dir(d.path()).args(["scan", "a.log", "-f", "sarif", "-o", "out.sarif"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let text = std::fs::read_to_string(d.path().join("out.sarif")).unwrap();
    let doc = sarif::check(&text, ALL_SECRETS);
    assert_eq!(results(&doc).len(), 1);
}

// ---- Through the library: git provenance (another source fills it in) and GitHub's limits.

/// A finding for `text` at `path` as the engine reports it, with git provenance attached.
fn git_finding(path: &str, text: &str, commit: &str, date: &str, at_head: bool) -> Finding {
    let mut f = Engine::builtin().scan_bytes(path, text.as_bytes());
    assert_eq!(f.len(), 1, "{text}");
    let mut f = f.remove(0);
    f.git = Some(GitProvenance {
        commit: Some(commit.to_string()),
        blob: format!("b{commit}"),
        author: Some("Dana Developer <dana@example.com>".into()),
        date: Some(date.into()),
        summary: Some("add config".into()),
        present_at_head: Some(at_head),
    });
    f
}

/// Blobs by id, as the git source would read them.
struct Blobs(Vec<(String, Vec<u8>)>);

impl Artifacts for Blobs {
    fn locate(&self, f: &Finding) -> PathBuf {
        PathBuf::from(&f.path)
    }
    fn content(&self, f: &Finding) -> Option<Vec<u8>> {
        let blob = &f.git.as_ref()?.blob;
        self.0.iter().find(|(id, _)| id == blob).map(|(_, c)| c.clone())
    }
}

fn options(artifacts: Box<dyn Artifacts>) -> SarifOptions {
    SarifOptions { rules: RuleBook::builtin().rules, artifacts, ..Default::default() }
}

fn log_text(findings: &[Finding], opts: &SarifOptions) -> String {
    serde_json::to_string_pretty(&to_log(findings, &[], opts)).unwrap()
}

#[test]
fn git_findings_carry_commit_date_and_head_state_from_their_blob_without_emails() {
    let old = format!("x\n  ✓ sid={ACCESS_TOKEN}\n");
    let new = format!("✓✓ sid={ACCESS_TOKEN}\n");
    let c1 = "1111111111111111111111111111111111111111";
    let c2 = "2222222222222222222222222222222222222222";
    let findings = vec![
        git_finding("config/app.env", &new, c2, "2024-06-01T00:00:00Z", true),
        git_finding("config/app.env", &old, c1, "2024-05-01T00:00:00Z", true),
        git_finding(
            "old/gone.env",
            &format!("SF_SECURITY_TOKEN={SECURITY_TOKEN}\n"),
            c1,
            "2024-05-01T00:00:00Z",
            false,
        ),
    ];
    let blobs = Blobs(vec![(format!("b{c1}"), old.clone().into_bytes()), (format!("b{c2}"), new.clone().into_bytes())]);
    let text = log_text(&findings, &options(Box::new(blobs)));
    let doc = sarif::check(&text, ALL_SECRETS);
    let r = results(&doc);
    assert_eq!(r.len(), 2);
    // One result per secret and path: the earliest commit is the primary location.
    assert_eq!(uri(&r[0]), "config/app.env");
    let len = ACCESS_TOKEN.len() as u64;
    // "  ✓ sid=": the check mark is 3 bytes but 1 UTF-16 unit (byte column 11, UTF-16 column 9).
    assert_eq!(region(&r[0]), (2, 9, 2, 9 + len));
    assert_eq!(
        r[0]["properties"],
        serde_json::json!({"occurrences": 2, "commit": c1, "blob": format!("b{c1}"),
            "authorDate": "2024-05-01T00:00:00Z", "presentAtHead": true})
    );
    assert_eq!(
        r[0]["message"]["text"],
        "Salesforce access token (session ID) `00Dh…Vm` introduced in config/app.env at line 2 \
         by commit 111111111111 (2024-05-01T00:00:00Z). It is still present at HEAD. \
         It occurs once more in this file."
    );
    // The later copy, read from its own blob: "✓✓ sid=" is 11 bytes, 7 units.
    let rel = &r[0]["relatedLocations"][0]["physicalLocation"]["region"];
    assert_eq!((rel["startLine"].as_u64(), rel["startColumn"].as_u64()), (Some(1), Some(8)));
    // The line hash comes from the historical blob, not from any checkout.
    let mut want = None;
    line_hashes(old.as_bytes(), |l, h| {
        if l == 2 {
            want = Some(h.to_string())
        }
    });
    assert_eq!(r[0]["partialFingerprints"]["primaryLocationLineHash"].as_str(), want.as_deref());
    assert_eq!(r[1]["properties"]["presentAtHead"], false);
    assert!(r[1]["message"]["text"].as_str().unwrap().contains("no longer present at HEAD"));
    assert!(!text.contains("Dana"), "author names stay out");
}

#[test]
fn a_live_check_adds_its_verdict_but_never_the_exposed_username() {
    let mut live = Engine::builtin().scan_bytes("a.log", format!("t {ACCESS_TOKEN}\n").as_bytes()).remove(0);
    live.validation = Some(Validation {
        status: Status::Live,
        host: Some("acme.my.salesforce.com".into()),
        http_status: Some(200),
        message: "acme.my.salesforce.com accepted the token (userinfo) for ops@acme.com".into(),
        identity: Some(Identity {
            org_id: Some("00Dhu0000G8GP38EAG".into()),
            user_id: Some("005hu00000AbCdEAAQ".into()),
            username: Some("ops@acme.com".into()),
        }),
        revocation: None,
    });
    let text = log_text(&[live], &options(Box::new(FsArtifacts::new(&[]))));
    let doc = sarif::check(&text, ALL_SECRETS);
    let r = &results(&doc)[0];
    assert_eq!(r["properties"]["validation"], "live");
    assert!(r["message"]["text"].as_str().unwrap().ends_with("A live check found it valid: revoke it now."));
    assert!(!text.contains("005hu00000AbCdEAAQ"));
}

#[test]
fn head_only_keeps_findings_still_at_head_and_sets_the_status_by_what_is_reported() {
    let run = |findings: Vec<Finding>| {
        let policy = Policy { head_only: true, ..Default::default() };
        let diagnostics = std::sync::Arc::new(forcescan::error::Collected::default());
        let mut c = Collector::new(&RuleBook::builtin(), policy, diagnostics);
        c.unit("a.env", 1, findings, None);
        let run = c.finish();
        let mut opts = ReportOptions::new(Format::Sarif);
        opts.sarif = options(Box::new(FsArtifacts::new(&[])));
        let mut out = Vec::new();
        forcescan::report::write(&mut out, &run, &opts).unwrap();
        let doc = sarif::check(&String::from_utf8(out).unwrap(), ALL_SECRETS);
        (run.status(), results(&doc).len())
    };
    let c = "3333333333333333333333333333333333333333";
    let gone = || git_finding("a.env", &format!("t {ACCESS_TOKEN}\n"), c, "2024-01-01", false);
    let here = || git_finding("b.env", &format!("t {ACCESS_TOKEN_2}\n"), c, "2024-01-01", true);
    assert_eq!(run(vec![gone(), here()]), (RunStatus::Findings, 1));
    assert_eq!(run(vec![gone()]), (RunStatus::Clean, 0));
}

#[test]
fn missing_content_falls_back_to_byte_positions() {
    // The file is gone by the time the report is written.
    let mut f = Engine::builtin().scan_bytes("deleted/é.log", format!("é {ACCESS_TOKEN}\n").as_bytes());
    let f = f.remove(0);
    let text = log_text(&[f], &options(Box::new(FsArtifacts::new(&[]))));
    let doc = sarif::check(&text, ALL_SECRETS);
    let r = &results(&doc)[0];
    assert_eq!(uri(r), "deleted/%C3%A9.log");
    assert_eq!(region(r).1, 4);
    assert!(r["partialFingerprints"].get("primaryLocationLineHash").is_none());
}

/// A made-up finding: only what the SARIF writer reads.
fn synthetic(i: usize, rule: &str, severity: Severity) -> Finding {
    let secret = format!("synthetic-value-{i:05}");
    Finding {
        rule: rule.to_string(),
        title: "t".into(),
        severity,
        confidence: Confidence::High,
        path: format!("gen/f{:03}.log", i / 100),
        line: (i % 100) as u64 + 1,
        column: 1,
        end_line: (i % 100) as u64 + 1,
        end_column: 23,
        offset: 0,
        length: 22,
        secret: forcescan::detect::finding::redact(secret.as_bytes()),
        secret_value: None,
        fingerprint: fingerprint(&hash_key(), rule, secret.as_bytes()),
        org_id: None,
        known_example: false,
        binary: false,
        decoded: None,
        git: None,
        timestamp: None,
        context: Default::default(),
        validation: None,
        allowed_inline: false,
        raw: secret.into_bytes(),
        evidence: None,
        related: Vec::new(),
        pending: None,
    }
}

#[test]
fn six_thousand_results_are_capped_at_five_thousand_most_severe_first() {
    // 5,500 medium findings listed before 500 critical ones: the cap must not keep input order.
    let mut findings: Vec<Finding> = (0..5500).map(|i| synthetic(i, "salesforce-password", Severity::Medium)).collect();
    findings.extend((5500..6000).map(|i| synthetic(i, "salesforce-access-token", Severity::Critical)));
    let opts = options(Box::new(FsArtifacts::new(&[])));
    let log = to_log(&findings, &[], &opts);
    assert_eq!(log.left_out, 1000);
    let text = serde_json::to_string_pretty(&log).unwrap();
    assert!(text.len() < 10 << 20, "{} bytes", text.len());
    let doc = sarif::check(&text, &[]);
    let r = results(&doc);
    assert_eq!(r.len(), MAX_RESULTS);
    let critical = r.iter().filter(|x| x["ruleId"] == "salesforce-access-token").count();
    assert_eq!(critical, 500);
    let notes = &doc["runs"][0]["invocations"][0]["toolExecutionNotifications"];
    assert_eq!(notes.as_array().unwrap().len(), 1);
    assert_eq!(notes[0]["level"], "warning");
    assert!(notes[0]["message"]["text"]
        .as_str()
        .unwrap()
        .starts_with("1000 results were left out: GitHub accepts at most 5000 per run"));
    // Left out is not failed.
    assert_eq!(doc["runs"][0]["invocations"][0]["executionSuccessful"], true);
    // Results are in a stable order: by file, then line.
    let keys: Vec<(String, u64)> = r.iter().map(|x| (uri(x).to_string(), region(x).0)).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn related_locations_stop_at_one_thousand_per_result() {
    let findings: Vec<Finding> = (0..1200)
        .map(|i| {
            let mut f = synthetic(7, "salesforce-access-token", Severity::Critical);
            f.line = i + 1;
            f.end_line = i + 1;
            f
        })
        .collect();
    let text = log_text(&findings, &options(Box::new(FsArtifacts::new(&[]))));
    let doc = sarif::check(&text, &[]);
    let r = results(&doc);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0]["relatedLocations"].as_array().unwrap().len(), 1000);
    assert_eq!(r[0]["properties"]["occurrences"], 1200);
    let notes = &doc["runs"][0]["invocations"][0]["toolExecutionNotifications"];
    assert!(notes[0]["message"]["text"].as_str().unwrap().starts_with("199 further occurrences"));
}

/// The checker itself: every rule it enforces must be able to fail, or the tests above prove
/// nothing.
#[test]
fn the_checker_rejects_what_github_rejects() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.log", format!("t={ACCESS_TOKEN}\n"));
    let (_, good, _) = sarif_scan(d.path(), &[]);
    type Mutation = fn(&mut Value);
    let cases: &[(&str, Mutation)] = &[
        ("schema", |v| v["runs"][0]["results"][0]["level"] = "fatal".into()),
        ("schema", |v| {
            v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0.into()
        }),
        ("absolute", |v| {
            v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
                "/tmp/a.log".into()
        }),
        ("scheme", |v| {
            v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
                "file:///tmp/a.log".into()
        }),
        ("scheme", |v| {
            v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
                "https://github.com/o/r/blob/main/a.log".into()
        }),
        ("not percent-encoded", |v| {
            v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = "a b.log".into()
        }),
        ("region lacks", |v| {
            v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
                .as_object_mut()
                .unwrap()
                .remove("endColumn");
        }),
        ("ends before", |v| {
            v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["endColumn"] = 1.into()
        }),
        ("snippet", |v| {
            v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["snippet"] =
                serde_json::json!({"text": "x"})
        }),
        ("ruleIndex", |v| v["runs"][0]["results"][0]["ruleIndex"] = 3.into()),
        ("security-severity", |v| {
            v["runs"][0]["tool"]["driver"]["rules"][0]["properties"]["security-severity"] = 9.5.into()
        }),
        ("tags", |v| {
            v["runs"][0]["tool"]["driver"]["rules"][0]["properties"]["tags"] =
                serde_json::json!(["security", "external/cwe/cwe-798", "a", "b", "c", "d", "e", "f", "g", "h", "i"])
        }),
        ("not unique and sorted", |v| {
            let r = v["runs"][0]["tool"]["driver"]["rules"][0].clone();
            v["runs"][0]["tool"]["driver"]["rules"].as_array_mut().unwrap().push(r);
        }),
        ("secretHash", |v| v["runs"][0]["results"][0]["partialFingerprints"]["secretHash/v1"] = "123".into()),
        ("e-mail", |v| v["runs"][0]["results"][0]["properties"] = serde_json::json!({"author": "dana@example.com"})),
        ("the secret", |v| v["runs"][0]["results"][0]["message"]["text"] = ACCESS_TOKEN.into()),
        ("piece of the secret", |v| v["runs"][0]["results"][0]["message"]["text"] = ACCESS_TOKEN[20..40].into()),
        ("results missing", |v| {
            v["runs"][0].as_object_mut().unwrap().remove("results");
        }),
        ("columnKind", |v| v["runs"][0]["columnKind"] = "unicodeCodePoints".into()),
    ];
    for (want, mutate) in cases {
        let mut doc = good.clone();
        mutate(&mut doc);
        let text = serde_json::to_string_pretty(&doc).unwrap();
        let mut problems = sarif::schema_errors(&doc);
        problems.extend(sarif::github_profile(&doc, &text, ALL_SECRETS));
        assert!(problems.iter().any(|p| p.contains(want)), "expected a {want:?} problem, got {problems:?}");
    }
    let many: Vec<Value> = (0..5001).map(|_| results(&good)[0].clone()).collect();
    let mut doc = good.clone();
    doc["runs"][0]["results"] = Value::Array(many);
    let problems = sarif::github_profile(&doc, "", &[]);
    assert!(problems.iter().any(|p| p.contains("5001 results")), "{problems:?}");
}

#[test]
fn the_worst_case_stays_far_below_githubs_10_mb_compressed_limit() {
    // 5,000 secrets, each in 6 places of its file: 25,000 related locations, more than the run's
    // budget.
    let findings: Vec<Finding> = (0..5000usize)
        .flat_map(|i| {
            (0..6u64).map(move |k| {
                let mut f = synthetic(i, "salesforce-access-token", Severity::Critical);
                f.line = k * 1000 + (i % 100) as u64 + 1;
                f.end_line = f.line;
                f
            })
        })
        .collect();
    let log = to_log(&findings, &[], &options(Box::new(FsArtifacts::new(&[]))));
    let text = serde_json::to_string_pretty(&log).unwrap();
    let doc = sarif::check(&text, &[]);
    let related: usize = results(&doc).iter().map(|r| r["relatedLocations"].as_array().map_or(0, Vec::len)).sum();
    assert_eq!(related, MAX_RELATED_TOTAL);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, text.as_bytes()).unwrap();
    let compressed = gz.finish().unwrap().len();
    assert!(compressed < 2 << 20, "{compressed} bytes gzipped");
}
