//! The command line as a user meets it: findings, positions, exit codes, error messages, files.

mod common;
use common::*;
use std::os::unix::fs::PermissionsExt;

#[test]
fn text_output_lists_each_finding_with_position_and_exits_1() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "logs/app.log", format!("INFO start\nDEBUG Authorization: Bearer {ACCESS_TOKEN}\n"));
    write(d.path(), ".env", format!("SF_SECURITY_TOKEN={SECURITY_TOKEN}\n"));
    let out = forcescan().current_dir(d.path()).args(["scan", "--color", "never"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let s = stdout_of(&out);
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(lines[0], ".env:1:19  salesforce-security-token  exz9…0I");
    assert_eq!(lines[1], "logs/app.log:2:29  salesforce-access-token  00Dh…Vm");
    assert!(s.contains("forcescan: 2 findings, 2 distinct secrets (2 files,"), "{s}");
    assert!(!s.contains(SECURITY_TOKEN) && !s.contains(ACCESS_TOKEN));
}

#[test]
fn clean_tree_exits_0_and_says_so() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "README.md", "nothing to see\nsf.password = ${SF_PASSWORD}\n");
    let out = forcescan().args(["scan"]).arg(d.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout_of(&out).starts_with("forcescan: no findings (1 files,"), "{}", stdout_of(&out));
}

#[test]
fn missing_path_is_an_error_and_the_rest_is_still_scanned() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.log", format!("token {ACCESS_TOKEN}\n"));
    let out = forcescan().current_dir(d.path()).args(["scan", "a.log", "does-not-exist"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr_of(&out).trim(), "forcescan: error: does-not-exist: No such file or directory");
    assert!(stdout_of(&out).contains("a.log:1:7  salesforce-access-token"));
}

/// Runs the scan as an unprivileged user when the tests run as root, so permission bits apply.
fn unprivileged(cmd: &mut assert_cmd::Command) -> bool {
    let root = unsafe_getuid() == 0;
    if root {
        let bin = assert_cmd::cargo::cargo_bin("forcescan");
        *cmd = assert_cmd::Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"]).arg(bin);
    }
    root
}

fn unsafe_getuid() -> u32 {
    // No libc dependency: read it from /proc.
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("Uid:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|u| u.parse().ok())
        .unwrap_or(1000)
}

#[test]
fn hostile_directory_completes_names_the_unreadable_file_and_exits_2() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    std::fs::set_permissions(root, std::fs::Permissions::from_mode(0o755)).unwrap();
    write(root, "good.env", format!("SF_SECURITY_TOKEN={SECURITY_TOKEN}\n"));
    write(root, "secret-but-unreadable.log", format!("{ACCESS_TOKEN_2}\n"));
    std::fs::set_permissions(root.join("secret-but-unreadable.log"), std::fs::Permissions::from_mode(0o000)).unwrap();
    // A FIFO nobody writes to: reading it would hang forever.
    assert!(std::process::Command::new("mkfifo").arg(root.join("pipe")).status().unwrap().success());
    // A symlink loop.
    std::os::unix::fs::symlink(root.join("loop"), root.join("loop")).unwrap();
    std::os::unix::fs::symlink(root, root.join("self")).unwrap();
    // A 50 MB file that is one single line, with a token in the middle of it.
    let mut big = vec![b'x'; 50 << 20];
    let at = 25 << 20;
    big[at - 1] = b' ';
    big[at..at + ACCESS_TOKEN.len()].copy_from_slice(ACCESS_TOKEN.as_bytes());
    big[at + ACCESS_TOKEN.len()] = b' ';
    write(root, "one-line.min.js", &big);
    drop(big);
    for p in ["good.env", "one-line.min.js"] {
        std::fs::set_permissions(root.join(p), std::fs::Permissions::from_mode(0o644)).unwrap();
    }

    let mut cmd = forcescan();
    unprivileged(&mut cmd);
    let out = cmd
        .current_dir(root)
        .args(["scan", "--color", "never", "."])
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap();
    let (so, se) = (stdout_of(&out), stderr_of(&out));
    assert_eq!(out.status.code(), Some(2), "stdout: {so}\nstderr: {se}");
    assert_eq!(se.trim(), "forcescan: error: secret-but-unreadable.log: Permission denied");
    assert!(so.contains("good.env:1:19  salesforce-security-token"), "{so}");
    assert!(so.contains(&format!("one-line.min.js:1:{}  salesforce-access-token", at + 1)), "{so}");
    assert!(so.contains("1 input could not be scanned"), "{so}");
}

#[test]
fn gitignore_is_honoured_dotfiles_are_scanned_and_git_internals_skipped() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), ".gitignore", "build/\n");
    write(d.path(), "build/out.log", format!("{ACCESS_TOKEN}\n"));
    write(d.path(), ".sfdx/alice.json", format!("{{\"accessToken\": \"{ACCESS_TOKEN_2}\"}}\n"));
    write(d.path(), ".git/config", format!("{ACCESS_TOKEN}\n"));
    let out = forcescan().current_dir(d.path()).args(["scan", "-f", "jsonl"]).output().unwrap();
    assert_eq!(jsonl_triples(&stdout_of(&out)), vec![(".sfdx/alice.json".into(), 1, "salesforce-access-token".into())]);
    let out = forcescan().current_dir(d.path()).args(["scan", "-f", "jsonl", "--no-ignore"]).output().unwrap();
    let paths: Vec<String> = jsonl_triples(&stdout_of(&out)).into_iter().map(|t| t.0).collect();
    assert_eq!(paths, vec![".sfdx/alice.json".to_string(), "build/out.log".to_string()]);
}

#[test]
fn stdin_is_scanned_with_dash() {
    let out = forcescan()
        .args(["scan", "-", "--color", "never"])
        .write_stdin(format!("line one\nCookie: sid={ACCESS_TOKEN}; path=/\n"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout_of(&out).starts_with("<stdin>:2:13  salesforce-access-token  00Dh…Vm\n"), "{}", stdout_of(&out));
}

#[test]
fn json_document_carries_every_field_and_the_summary() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "x.log", format!("GET /secur/frontdoor.jsp?sid={} HTTP/1.1\n", ACCESS_TOKEN.replace('!', "%21")));
    let out = forcescan().current_dir(d.path()).args(["scan", "-f", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = &j["findings"][0];
    assert_eq!(f["rule"], "salesforce-access-token");
    assert_eq!(f["severity"], "critical");
    assert_eq!(f["confidence"], "high");
    assert_eq!((f["line"].as_u64(), f["column"].as_u64()), (Some(1), Some(30)));
    // The span covers the bytes as written (%21 is three bytes).
    assert_eq!(f["length"].as_u64(), Some(ACCESS_TOKEN.len() as u64 + 2));
    assert_eq!(f["end_column"].as_u64(), Some(30 + ACCESS_TOKEN.len() as u64 + 2));
    assert_eq!(f["org_id"], "00Dhu0000G8GP38");
    assert_eq!(f["secret"], "00Dh…Vm");
    assert!(f.get("secret_value").is_none());
    assert_eq!(f["fingerprint"].as_str().unwrap().len(), 32);
    assert_eq!(j["summary"]["distinct_secrets"], 1);
    assert_eq!(j["errors"], serde_json::json!([]));
}

#[test]
fn percent_encoded_and_plain_forms_are_one_secret() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.log", format!("Bearer {ACCESS_TOKEN}\n?sid={}\n", ACCESS_TOKEN.replace('!', "%21")));
    let out = forcescan().current_dir(d.path()).args(["scan", "-f", "json"]).output().unwrap();
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["summary"]["findings"], 2);
    assert_eq!(j["summary"]["distinct_secrets"], 1);
    assert_eq!(j["findings"][0]["fingerprint"], j["findings"][1]["fingerprint"]);
}

#[test]
fn show_secrets_prints_full_values_only_when_asked() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.log", format!("Bearer {ACCESS_TOKEN}\n"));
    let out = forcescan().current_dir(d.path()).args(["scan", "--show-secrets", "--color", "never"]).output().unwrap();
    assert!(stdout_of(&out).starts_with(&format!("a.log:1:8  salesforce-access-token  {ACCESS_TOKEN}\n")));
    let out = forcescan().current_dir(d.path()).args(["scan", "-f", "json", "--show-secrets"]).output().unwrap();
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["findings"][0]["secret_value"], ACCESS_TOKEN);
}

#[test]
fn report_file_is_created_owner_only() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.log", format!("Bearer {ACCESS_TOKEN}\n"));
    let report = d.path().join("out/report.jsonl");
    std::fs::create_dir_all(report.parent().unwrap()).unwrap();
    let out =
        forcescan().current_dir(d.path()).args(["scan", "a.log", "-f", "jsonl", "-o"]).arg(&report).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let mode = std::fs::metadata(&report).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert_eq!(
        jsonl_triples(&std::fs::read_to_string(&report).unwrap()),
        vec![("a.log".into(), 1, "salesforce-access-token".into())]
    );
    // No temporary file is left behind.
    assert_eq!(std::fs::read_dir(report.parent().unwrap()).unwrap().count(), 1);
}

/// `-o /dev/null` or `-o` a named pipe: the report is written into it, never moved over it (a
/// rename over `/dev/null` run as root replaced the device with a file).
#[test]
fn report_to_a_named_pipe_is_written_in_place() {
    use std::os::unix::fs::FileTypeExt;
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.log", format!("Bearer {ACCESS_TOKEN}\n"));
    let fifo = d.path().join("report.pipe");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let out =
        forcescan().current_dir(d.path()).args(["scan", "a.log", "-f", "jsonl", "-o"]).arg(&fifo).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    // (Checked before reading: a pipe moved over would leave the reader waiting forever.)
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(), "the pipe is still a pipe");
    assert_eq!(jsonl_triples(&reader.join().unwrap()), vec![("a.log".into(), 1, "salesforce-access-token".into())]);
    assert_eq!(std::fs::read_dir(d.path()).unwrap().count(), 2, "no temporary file is left behind");
}

#[test]
fn unwritable_report_path_is_a_one_line_error() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.log", "clean\n");
    let out = forcescan().current_dir(d.path()).args(["scan", "a.log", "-o", "no/such/dir/r.json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr_of(&out).trim(), "forcescan: error: no/such/dir/r.json: No such file or directory");
}

#[test]
fn binary_files_are_searched_but_never_printed_raw() {
    let d = tempfile::tempdir().unwrap();
    let mut bin = b"\x7fELF\x00\x00\x01\x02garbage\x00".to_vec();
    bin.extend_from_slice(format!("\x00{ACCESS_TOKEN}\x00\x1b[2J").as_bytes());
    write(d.path(), "core.dump", &bin);
    let out = forcescan().current_dir(d.path()).args(["scan", "-f", "json"]).output().unwrap();
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["findings"][0]["binary"], true);
    let out = forcescan().current_dir(d.path()).args(["scan", "--color", "never"]).output().unwrap();
    let s = stdout_of(&out);
    assert!(s.starts_with("core.dump:1:18  salesforce-access-token  00Dh…Vm\n"), "{s}");
    assert!(!s.contains('\u{1b}') && !s.contains('\0'));
}

#[test]
fn published_examples_are_silent_unless_asked() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "docs.md", format!("curl -H 'Authorization: Bearer {DOC_ACCESS_TOKEN}'\n"));
    let out = forcescan().current_dir(d.path()).args(["scan"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let out =
        forcescan().current_dir(d.path()).args(["scan", "--include-examples", "--color", "never"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout_of(&out).starts_with("docs.md:1:32  salesforce-access-token  00Dx…e2  (known example)\n"),
        "{}",
        stdout_of(&out)
    );
}

#[test]
fn color_follows_the_flag_and_no_color() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.log", format!("Bearer {ACCESS_TOKEN}\n"));
    let out = forcescan().current_dir(d.path()).args(["scan", "--color", "always"]).output().unwrap();
    assert!(stdout_of(&out).contains("\u{1b}[35ma.log\u{1b}[0m"));
    // Not a terminal: auto means no colour.
    let out = forcescan().current_dir(d.path()).args(["scan"]).output().unwrap();
    assert!(!stdout_of(&out).contains('\u{1b}'));
}

#[test]
fn file_names_with_control_characters_are_escaped() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "evil\n\u{1b}[31mname.log", format!("{ACCESS_TOKEN}\n"));
    let out = forcescan().current_dir(d.path()).args(["scan", "--color", "never"]).output().unwrap();
    assert!(
        stdout_of(&out).starts_with("evil\\n\\x1b[31mname.log:1:1  salesforce-access-token"),
        "{}",
        stdout_of(&out)
    );
}

#[test]
fn rules_list_shows_every_builtin_rule() {
    let out = forcescan().args(["rules", "list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let s = stdout_of(&out);
    for id in [
        "salesforce-access-token",
        "salesforce-refresh-token",
        "salesforce-sfdx-auth-url",
        "salesforce-consumer-secret",
        "salesforce-password-with-token",
        "salesforce-security-token",
        "salesforce-password",
    ] {
        assert!(s.lines().any(|l| l.starts_with(id)), "{id} missing from:\n{s}");
    }
}

#[test]
fn rules_check_passes_for_builtin_rules() {
    let out = forcescan().args(["rules", "check"]).output().unwrap();
    let s = stdout_of(&out);
    assert_eq!(out.status.code(), Some(0), "{s}");
    assert!(s.ends_with("rules checked, 0 failed\n"), "{s}");
    assert!(!s.contains("FAIL"));
}

const USER_RULE: &str = r#"
[[rule]]
id = "acme-internal-key"
title = "ACME internal API key"
severity = "high"
confidence = "high"
anchors = ["ACMEKEY_"]
regex = '(?P<secret>ACMEKEY_[A-Za-z0-9]{20})'
window = [0, 40]
not_followed_by = "A-Za-z0-9"
examples = ["k=ACMEKEY_abcdefghij0123456789", "ACMEKEY_ABCDEFGHIJ0123456789", "x ACMEKEY_aBcDeFgHiJ0123456789 y"]
negative_examples = ["ACMEKEY_short", "ACMEKEY_abcdefghij0123456789toolong", "acmekey_abcdefghij0123456789"]
"#;

#[test]
fn user_rules_load_check_and_scan() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "acme.toml", USER_RULE);
    write(d.path(), "src/a.py", "KEY = 'ACMEKEY_Zz9Yy8Xx7Ww6Vv5Uu4Tt'\n");
    let out = forcescan().current_dir(d.path()).args(["rules", "check", "acme.toml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout_of(&out));
    assert!(stdout_of(&out).contains("ok    acme-internal-key"));
    let out = forcescan()
        .current_dir(d.path())
        .args(["scan", "src", "--rules", "acme.toml", "--color", "never"])
        .output()
        .unwrap();
    assert!(stdout_of(&out).starts_with("src/a.py:1:8  acme-internal-key  ACME…Tt\n"), "{}", stdout_of(&out));
}

#[test]
fn rules_check_fails_loudly_on_a_miss() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "bad.toml", USER_RULE.replace("\"ACMEKEY_ABCDEFGHIJ0123456789\"", "\"ACMEKEY_tooshort\""));
    let out = forcescan().current_dir(d.path()).args(["rules", "check", "bad.toml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let s = stdout_of(&out);
    assert!(s.contains("FAIL  acme-internal-key\n        example 2 not found:"), "{s}");
}

#[test]
fn invalid_rule_file_is_a_one_line_error() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "broken.toml", "[[rule]]\nid = 1\n");
    let out = forcescan().current_dir(d.path()).args(["scan", "--rules", "broken.toml", "."]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let e = stderr_of(&out);
    assert!(e.starts_with("forcescan: error: broken.toml: not a valid rule file"), "{e}");
    assert_eq!(e.trim_end().lines().count(), 1, "{e}");
}

#[test]
fn bad_user_regex_is_reported_before_scanning() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "r.toml", USER_RULE.replace("[A-Za-z0-9]{20})", "[A-Za-z0-9{20})"));
    let out = forcescan().current_dir(d.path()).args(["scan", "--rules", "r.toml", "."]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).starts_with("forcescan: error: rule `acme-internal-key`: bad regex"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn usage_errors_exit_2() {
    let out = forcescan().args(["scan", "--format", "xml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// A password whose security token sits on the next line, in a file that imports a Salesforce
/// client library: fake values of real shape.
const PAIR_PASSWORD: &str = "Tr0ub4dor-Quartz-91";
const PAIR_USERNAME: &str = "etl@acme.com";

fn pair_fixture(dir: &std::path::Path) {
    write(
        dir,
        "sync.py",
        format!(
            "import simple_salesforce\n\nUSERNAME = \"{PAIR_USERNAME}\"\nPASSWORD = \"{PAIR_PASSWORD}\"\nSECURITY_TOKEN = \"{SECURITY_TOKEN}\"\n"
        ),
    );
}

#[test]
fn verbose_text_says_why_a_context_finding_was_reported_and_where_its_token_is() {
    let d = tempfile::tempdir().unwrap();
    pair_fixture(d.path());
    let out = forcescan().current_dir(d.path()).args(["scan", "-v", "--color", "never"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let s = stdout_of(&out);
    let lines: Vec<&str> = s.lines().take_while(|l| !l.is_empty()).collect();
    assert_eq!(
        lines,
        [
            "sync.py:4:13  salesforce-password-with-token  Tr0u…0I",
            "    key: PASSWORD",
            "    Salesforce: Salesforce client library `simple_salesforce`, line 1",
            "    security-token: line 5, column 19",
        ]
    );
    for value in [PAIR_PASSWORD, SECURITY_TOKEN, PAIR_USERNAME] {
        assert!(!s.contains(value), "{value} printed: {s}");
    }

    // Without -v, one line per finding, as before.
    let out = forcescan().current_dir(d.path()).args(["scan", "--color", "never"]).output().unwrap();
    let s = stdout_of(&out);
    let lines: Vec<&str> = s.lines().take_while(|l| !l.is_empty()).collect();
    assert_eq!(lines, ["sync.py:4:13  salesforce-password-with-token  Tr0u…0I"]);

    // GitHub annotations name the token's place in the password's message.
    let out = forcescan()
        .current_dir(d.path())
        .args(["scan", "-f", "github"])
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert_eq!(
        stdout_of(&out),
        "::error file=sync.py,line=4,col=13,endLine=4,endColumn=32,title=forcescan%3A salesforce-password-with-token::\
         Salesforce password with security token Tr0u…0I (+ security-token at line 5, column 19): rotate it, then \
         remove it (see the rule's help)\n"
    );
}

/// The keys above a value on one line of a URL are the values before it: -v shows them redacted.
#[test]
fn verbose_text_never_prints_the_values_around_a_key() {
    let d = tempfile::tempdir().unwrap();
    let key = "3MVG9r6q_XZ9WDGREc2IRPWCof6wfwcrFZr0CIXaKar1otrAk3UqrfNtnns7uf6PMForozso6ZBcvtwI89EYu";
    let secret = "F9C4952C8641B20EEB20930C5BCC5994B122E084E595E5307A2D35136D805A57";
    write(
        d.path(),
        "proxy.log",
        format!(
            "2024-11-03T10:00:00Z POST https://login.salesforce.com/services/oauth2/token?grant_type=password\
             &client_id={key}&client_secret={secret}&username=etl%40acme.com&password=Tr0ub4dorQuartz91{SECURITY_TOKEN} HTTP/1.1\n"
        ),
    );
    let out = forcescan().current_dir(d.path()).args(["scan", "-v", "--color", "never"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let s = stdout_of(&out);
    let lines: Vec<&str> = s.lines().take_while(|l| !l.is_empty()).collect();
    // (A query string's earlier parameters are not read as the key's parents at all.)
    assert_eq!(lines.len(), 7, "{s}");
    assert_eq!(lines[0], "proxy.log:1:208  salesforce-client-credentials  3MVG…57");
    assert_eq!(lines[3], "    consumer-key: line 1, column 108");
    assert_eq!(lines[4], "proxy.log:1:306  salesforce-password-with-token  Tr0u…0I");
    assert_eq!(lines[5], "    key: password", "{s}");
    for value in [key, secret, "Tr0ub4dorQuartz91", SECURITY_TOKEN] {
        assert!(!s.contains(value), "{value} printed: {s}");
    }
}
