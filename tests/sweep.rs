//! `forcescan sweep` and `forcescan merge` as an incident responder uses them: deduplicated
//! records, the rotation table, checkpoints across a killed run, shards merged back together.

mod common;
use common::*;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

fn records(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn sweep(args: &[&str]) -> std::process::Output {
    forcescan().arg("sweep").args(args).output().unwrap()
}

#[test]
fn sweep_writes_one_record_per_secret_with_counts_places_and_times() {
    let d = tempfile::tempdir().unwrap();
    let dump = d.path().join("dump");
    write(
        &dump,
        "api/app.log",
        format!(
            "2026-10-12T10:00:00Z INFO start\n\
             2026-10-12T10:00:05Z DEBUG Authorization: Bearer {ACCESS_TOKEN}\n\
             2026-10-12T10:00:06Z INFO ok\n\
             2026-10-12T11:30:00+01:00 DEBUG Authorization: Bearer {ACCESS_TOKEN}\n"
        ),
    );
    write(
        &dump,
        "nginx/access.log.gz",
        gz(format!(
            "10.0.0.9 - - [12/Oct/2026:09:59:00 +0000] \"GET /secur/frontdoor.jsp?sid={} HTTP/1.1\" 302 0\n\
             Oct 12 10:00:00 host app: refresh_token={REFRESH_TOKEN}\n",
            ACCESS_TOKEN.replace('!', "%21")
        )
        .as_bytes()),
    );
    // A sweep ignores ignore files: a dump's .gitignore must not hide a log.
    write(&dump, ".gitignore", "*.log\n");
    let report = d.path().join("leaks.jsonl");
    let out = sweep(&[dump.to_str().unwrap(), "-o", report.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert_eq!(std::fs::metadata(&report).unwrap().permissions().mode() & 0o777, 0o600);
    let recs = records(&report);
    assert_eq!(recs.len(), 2, "{recs:?}");
    let dump_s = dump.to_str().unwrap();
    let at = &recs[0];
    assert_eq!(at["rule"], "salesforce-access-token");
    assert_eq!(at["occurrences"], 3);
    assert_eq!(at["org_id"], "00Dhu0000G8GP38");
    assert_eq!(at["secret"], "00Dh…Vm");
    assert_eq!(at["first_seen"], serde_json::json!({"path": format!("{dump_s}/api/app.log"), "line": 2, "column": 50}));
    assert_eq!(
        at["last_seen"],
        serde_json::json!({"path": format!("{dump_s}/nginx/access.log.gz"), "line": 1, "column": 73})
    );
    assert_eq!(at["first_timestamp"], "2026-10-12T09:59:00Z");
    assert_eq!(at["last_timestamp"], "2026-10-12T10:30:00Z");
    let rt = &recs[1];
    assert_eq!(rt["rule"], "salesforce-refresh-token");
    assert_eq!(rt["occurrences"], 1);
    assert_eq!(rt["first_timestamp"], "Oct 12 10:00:00", "syslog has no year");

    let err = stderr_of(&out);
    let table: Vec<&str> = err.lines().skip_while(|l| !l.contains("what to rotate")).collect();
    assert_eq!(table[0], "forcescan: what to rotate (2 distinct secrets, 4 occurrences)");
    let row: Vec<&str> = table[2].split_whitespace().collect();
    assert_eq!(
        row,
        [
            "critical",
            "salesforce-access-token",
            "00Dhu0000G8GP38",
            "1",
            "3",
            "2026-10-12T09:59:00Z",
            "2026-10-12T10:30:00Z"
        ]
    );
    assert!(table[3].contains("salesforce-refresh-token"), "{err}");
    for text in [stdout_of(&out), err, std::fs::read_to_string(&report).unwrap()] {
        assert!(!text.contains(ACCESS_TOKEN) && !text.contains(REFRESH_TOKEN));
    }
}

/// A dump with repeated secrets across plain files and archives.
fn make_dump(root: &Path) {
    let tokens = [ACCESS_TOKEN, ACCESS_TOKEN_2, REFRESH_TOKEN];
    for i in 0..12 {
        let tok = tokens[i % 3];
        let text = format!("2026-10-12T10:{i:02}:00Z INFO start\n2026-10-12T10:{i:02}:30Z DEBUG token={tok}\n");
        if i % 4 == 0 {
            write(root, &format!("logs/f{i:02}.log.gz"), gz(text.as_bytes()));
        } else {
            write(root, &format!("logs/f{i:02}.log"), text);
        }
    }
}

#[test]
fn two_shards_merged_equal_one_unsharded_run() {
    let d = tempfile::tempdir().unwrap();
    let dump = d.path().join("dump");
    make_dump(&dump);
    let out_of = |name: &str| d.path().join(name).to_str().unwrap().to_string();
    let run = |extra: &[&str], name: &str| {
        let mut args = vec!["dump".to_string(), "-o".to_string(), out_of(name)];
        args.extend(extra.iter().map(|s| s.to_string()));
        let out = forcescan().current_dir(d.path()).arg("sweep").args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
        std::fs::read_to_string(out_of(name)).unwrap()
    };
    let all = run(&[], "all.jsonl");
    let s0 = run(&["--shard", "0/2"], "s0.jsonl");
    let s1 = run(&["--shard", "1/2"], "s1.jsonl");
    assert_ne!(s0, all, "each shard holds only part of the dump");
    assert_ne!(s1, all);
    let merged = merge_shards(d.path());
    assert_eq!(merged.status.code(), Some(1), "{}", stderr_of(&merged));
    assert_eq!(std::fs::read_to_string(out_of("merged.jsonl")).unwrap(), all);
    let occurrences: u64 = all
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["occurrences"].as_u64().unwrap())
        .sum();
    assert_eq!(occurrences, 12);

    // The same shard key wherever the dump is mounted: the path below the root decides.
    let moved = d.path().join("elsewhere");
    std::fs::rename(&dump, &moved).unwrap();
    let out = forcescan()
        .current_dir(d.path())
        .args(["sweep", "elsewhere", "--shard", "0/2", "-o"])
        .arg(out_of("m0.jsonl"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(out_of("m0.jsonl")).unwrap(), s0.replace("\"dump/", "\"elsewhere/"));
}

/// The error lines of a JSON Lines report: `{"error": {"path", "message"}}`.
/// `forcescan merge -o merged.jsonl s0.jsonl s1.jsonl` in `dir`.
fn merge_shards(dir: &Path) -> std::process::Output {
    forcescan()
        .args(["merge", "-o"])
        .arg(dir.join("merged.jsonl"))
        .arg(dir.join("s0.jsonl"))
        .arg(dir.join("s1.jsonl"))
        .output()
        .unwrap()
}

fn error_lines(report: &str) -> Vec<(String, String)> {
    report
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v.get("error").is_some())
        .map(|v| {
            (v["error"]["path"].as_str().unwrap().to_string(), v["error"]["message"].as_str().unwrap().to_string())
        })
        .collect()
}

#[test]
fn shard_reports_carry_their_errors_and_merge_of_them_is_incomplete() {
    let d = tempfile::tempdir().unwrap();
    let dump = d.path().join("dump");
    make_dump(&dump);
    // A gzip cut short: the first part decodes (its token is still found), the rest cannot.
    let mut text = String::new();
    for i in 0..4000 {
        text.push_str(&format!("2026-10-12T11:00:{:02}Z INFO request {i} served in {}ms\n", i % 60, i % 97));
    }
    text.insert_str(0, &format!("2026-10-12T11:00:00Z DEBUG token={REFRESH_TOKEN}\n"));
    let whole = gz(text.as_bytes());
    write(&dump, "logs/cut.log.gz", &whole[..whole.len() / 2]);
    let out_of = |name: &str| d.path().join(name).to_str().unwrap().to_string();
    let run = |extra: &[&str], name: &str| {
        let mut args = vec!["dump".to_string(), "-o".to_string(), out_of(name)];
        args.extend(extra.iter().map(|s| s.to_string()));
        let out = forcescan().current_dir(d.path()).arg("sweep").args(&args).output().unwrap();
        (out.status.code(), stderr_of(&out), std::fs::read_to_string(out_of(name)).unwrap())
    };

    let (code, err, all) = run(&[], "all.jsonl");
    assert_eq!(code, Some(2), "{err}");
    let errors = error_lines(&all);
    assert_eq!(errors.len(), 1, "{all}");
    assert_eq!(errors[0].0, "dump/logs/cut.log.gz");
    assert!(errors[0].1.starts_with("corrupt or truncated gzip data after "), "{}", errors[0].1);
    assert!(err.contains(&format!("forcescan: error: dump/logs/cut.log.gz: {}", errors[0].1)), "{err}");
    let last = format!(r#"{{"error":{{"path":"dump/logs/cut.log.gz","message":"{}"}}}}"#, errors[0].1);
    assert_eq!(all.lines().last().unwrap(), last, "the error line ends the report");

    // Exactly one shard owns the damaged file: it exits 2 and its report says why.
    let shards: Vec<_> = (0..2).map(|k| run(&["--shard", &format!("{k}/2")], &format!("s{k}.jsonl"))).collect();
    let codes: Vec<_> = shards.iter().map(|s| s.0).collect();
    assert!(codes == [Some(2), Some(1)] || codes == [Some(1), Some(2)], "{codes:?}");
    for (code, _, report) in &shards {
        assert_eq!(error_lines(report).len(), usize::from(*code == Some(2)), "{report}");
    }

    // The merge is as incomplete as the unsharded sweep: exit 2, the file named, the same report.
    let merged = merge_shards(d.path());
    assert_eq!(merged.status.code(), Some(2), "{}", stderr_of(&merged));
    let stderr = stderr_of(&merged);
    assert!(stderr.contains(&format!("forcescan: error: dump/logs/cut.log.gz: {}", errors[0].1)), "{stderr}");
    assert!(stderr.contains("forcescan: error: 1 input(s) could not be scanned"), "{stderr}");
    assert_eq!(std::fs::read_to_string(out_of("merged.jsonl")).unwrap(), all);

    // A merge of merges keeps them too; as a JSON document they are the `errors` list.
    let again = forcescan().arg("merge").arg(out_of("merged.jsonl")).args(["-f", "json"]).output().unwrap();
    assert_eq!(again.status.code(), Some(2));
    let doc: serde_json::Value = serde_json::from_str(&stdout_of(&again)).unwrap();
    assert_eq!(doc["errors"][0]["path"], "dump/logs/cut.log.gz");
    assert_eq!(doc["errors"][0]["message"], errors[0].1.as_str());
}

#[test]
fn unsharded_findings_sweep_ends_with_its_error_lines_and_scan_jsonl_has_none() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.log", format!("token {ACCESS_TOKEN}\n"));
    write(d.path(), "b.log.gz", &gz(b"hello\n")[..6]);
    let out = forcescan().current_dir(d.path()).args(["sweep", "--no-dedupe", "."]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let report = stdout_of(&out);
    let last = report.lines().last().unwrap();
    assert!(last.starts_with(r#"{"error":{"path":"b.log.gz","message":"#), "{report}");
    assert_eq!(report.lines().count(), 2, "{report}");
    // Plain scans keep one finding per line, and errors on stderr only.
    let out = forcescan().current_dir(d.path()).args(["scan", "--archives", "-f", "jsonl", "."]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(error_lines(&stdout_of(&out)).is_empty());
}

#[test]
fn merge_reads_scan_findings_too_and_names_bad_lines() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.log", format!("x\ntoken {ACCESS_TOKEN}\ntoken {ACCESS_TOKEN}\n"));
    let scan = forcescan().current_dir(d.path()).args(["scan", "-f", "jsonl", "a.log"]).output().unwrap();
    let mut lines = stdout_of(&scan);
    lines.push_str("not json\n");
    write(d.path(), "findings.jsonl", lines);
    let out = forcescan().current_dir(d.path()).args(["merge", "findings.jsonl", "-f", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).starts_with("forcescan: error: findings.jsonl:3: expected ident"), "{}", stderr_of(&out));
    let doc: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(doc["secrets"][0]["occurrences"], 2);
    assert_eq!(doc["secrets"][0]["first_seen"]["line"], 2);
    assert_eq!(doc["secrets"][0]["last_seen"]["line"], 3);
    assert_eq!(doc["summary"]["distinct_secrets"], 1);
}

#[test]
fn checkpoint_needs_dedupe() {
    let out = sweep(&[".", "--no-dedupe", "--checkpoint", "cp"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr_of(&out).trim(),
        "forcescan: error: --checkpoint keeps per-file secret records, so it cannot be used with --no-dedupe"
    );
}

fn lines_in(path: &Path) -> usize {
    std::fs::read_to_string(path).map_or(0, |s| s.lines().count())
}

/// The acceptance test for resuming: a real sweep is killed (SIGKILL) while it is stuck on its
/// last input, a FIFO nobody writes to; the rerun with the same checkpoint must skip every finished
/// file and produce exactly what an uninterrupted sweep produces.
#[test]
fn killed_sweep_resumes_from_its_checkpoint_and_matches_an_uninterrupted_run() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    make_dump(&p.join("dump"));
    let late = p.join("zz-late.log");
    let late_text = format!("2026-10-12T12:00:00Z late {ACCESS_TOKEN_2}\n");
    write(p, "zz-late.log", &late_text);

    // The reference: one uninterrupted sweep.
    let reference =
        forcescan().current_dir(p).args(["sweep", "dump", "zz-late.log", "-o", "ref.jsonl"]).output().unwrap();
    assert_eq!(reference.status.code(), Some(1), "{}", stderr_of(&reference));

    // The interrupted run: the last input (sorted last) blocks forever.
    std::fs::remove_file(&late).unwrap();
    assert!(std::process::Command::new("mkfifo").arg(&late).status().unwrap().success());
    let bin = assert_cmd::cargo::cargo_bin("forcescan");
    let mut child = std::process::Command::new(&bin)
        .current_dir(p)
        .args(["sweep", "dump", "zz-late.log", "--checkpoint", "cp.jsonl", "-o", "out.jsonl"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    while lines_in(&p.join("cp.jsonl")) < 1 + 12 {
        assert!(Instant::now() < deadline, "the 12 files never reached the checkpoint");
        std::thread::sleep(Duration::from_millis(50));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(!p.join("out.jsonl").exists(), "a killed sweep leaves no half report");
    // A kill mid-write leaves a torn line: simulate one too.
    std::fs::OpenOptions::new()
        .append(true)
        .open(p.join("cp.jsonl"))
        .unwrap()
        .write_all(b"{\"path\":\"dump/logs/f0")
        .unwrap();
    assert_eq!(std::fs::metadata(p.join("cp.jsonl")).unwrap().permissions().mode() & 0o777, 0o600);

    // Prove finished files are skipped, not rescanned: change one's secret but keep its size and
    // mtime (what the checkpoint compares). A rescan would report ACCESS_TOKEN_2 there.
    let f1 = p.join("dump/logs/f01.log");
    let mtime = std::fs::metadata(&f1).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(&f1).unwrap();
    assert!(text.contains(ACCESS_TOKEN_2));
    std::fs::write(&f1, text.replace(ACCESS_TOKEN_2, ACCESS_TOKEN)).unwrap();
    std::fs::File::options().write(true).open(&f1).unwrap().set_modified(mtime).unwrap();

    std::fs::remove_file(&late).unwrap();
    write(p, "zz-late.log", &late_text);
    let resumed = forcescan()
        .current_dir(p)
        .args(["sweep", "dump", "zz-late.log", "--checkpoint", "cp.jsonl", "-o", "out.jsonl"])
        .output()
        .unwrap();
    assert_eq!(resumed.status.code(), Some(1), "{}", stderr_of(&resumed));
    assert!(
        stderr_of(&resumed).starts_with("forcescan: note: resuming from cp.jsonl: 12 of 13 inputs already done\n"),
        "{}",
        stderr_of(&resumed)
    );
    assert_eq!(
        std::fs::read_to_string(p.join("out.jsonl")).unwrap(),
        std::fs::read_to_string(p.join("ref.jsonl")).unwrap()
    );
    // And a third run has nothing left to scan but still reports everything.
    let again = forcescan()
        .current_dir(p)
        .args(["sweep", "dump", "zz-late.log", "--checkpoint", "cp.jsonl", "-o", "again.jsonl"])
        .output()
        .unwrap();
    assert!(stderr_of(&again).contains("13 of 13 inputs already done"));
    assert_eq!(
        std::fs::read_to_string(p.join("again.jsonl")).unwrap(),
        std::fs::read_to_string(p.join("ref.jsonl")).unwrap()
    );
}

#[test]
fn scan_dedupe_prints_one_line_per_secret() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "a.log",
        format!("2026-10-12 10:00:00.250 x {ACCESS_TOKEN}\n2026-10-12 10:05:00 y {ACCESS_TOKEN}\n"),
    );
    let out = forcescan().current_dir(d.path()).args(["scan", "--dedupe", "--color", "never"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout_of(&out).lines().next().unwrap(),
        "a.log:1:27  salesforce-access-token  00Dh…Vm  x2  last a.log:2  \
         2026-10-12T10:00:00.250 .. 2026-10-12T10:05:00"
    );
}

/// Runs `forcescan ARGS` under `script`, which gives it a pseudo-terminal, and returns the screen.
/// `ci`: with the `CI` variable set, as CI services set it.
fn on_a_terminal(dir: &Path, args: &str, ci: bool) -> String {
    let bin = assert_cmd::cargo::cargo_bin("forcescan");
    let mut cmd = std::process::Command::new("script");
    cmd.current_dir(dir).env_remove("NO_COLOR").env_remove("CI");
    if ci {
        cmd.env("CI", "true");
    }
    let out = cmd
        .args(["-qec", &format!("{} {args}", bin.display()), "/dev/null"])
        .output()
        .expect("script(1) from util-linux runs commands on a pseudo-terminal");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn progress_bar_only_on_a_terminal() {
    let d = tempfile::tempdir().unwrap();
    make_dump(&d.path().join("dump"));
    let screen = on_a_terminal(d.path(), "sweep dump -o out.jsonl", false);
    assert!(screen.contains("findings"), "{screen}");
    assert!(screen.contains("/s ETA "), "{screen}");
    assert!(screen.contains("what to rotate"), "{screen}");
    let quiet = on_a_terminal(d.path(), "sweep dump -o out.jsonl --no-progress", false);
    assert!(!quiet.contains("/s ETA ") && quiet.contains("what to rotate"), "{quiet}");
    // In CI, even on a terminal: no bar.
    let ci = on_a_terminal(d.path(), "sweep dump -o out.jsonl", true);
    assert!(!ci.contains("/s ETA ") && ci.contains("what to rotate"), "{ci}");
    // Not a terminal: no bar (stderr is exactly the table).
    let out = forcescan().current_dir(d.path()).args(["sweep", "dump", "-o", "out.jsonl"]).output().unwrap();
    assert!(stderr_of(&out).starts_with("\nforcescan: what to rotate"), "{}", stderr_of(&out));
}

#[test]
fn records_are_refused_as_sarif_and_with_live_validation_before_any_work() {
    let d = tempfile::tempdir().unwrap();
    make_dump(&d.path().join("dump"));
    for args in [
        vec!["sweep", "dump", "-f", "sarif"],
        vec!["merge", "x.jsonl", "-f", "sarif"],
        vec!["scan", "--dedupe", "-f", "sarif", "dump"],
        vec!["sweep", "dump", "-f", "github"],
    ] {
        let out = forcescan().current_dir(d.path()).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            stderr_of(&out).trim(),
            "forcescan: error: one record per secret (--dedupe, sweep, merge) is written as jsonl, json or text, not sarif or github",
            "{args:?}"
        );
    }
    let out = forcescan().current_dir(d.path()).args(["sweep", "dump", "--validate"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr_of(&out).trim(),
        "forcescan: error: live validation reports findings, not records: add --no-dedupe (sweep) or drop --dedupe (scan)"
    );
    // Findings can be SARIF: `sweep --no-dedupe -f sarif` works.
    let out = forcescan().current_dir(d.path()).args(["sweep", "dump", "--no-dedupe", "-f", "sarif"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let sarif: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 12);
}

#[test]
fn suppressed_findings_are_not_folded_into_records() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "dump/app.log",
        format!(
            "2026-10-12T10:00:00Z token={ACCESS_TOKEN} # forcescan:allow test fixture\n\
             2026-10-12T10:00:00Z (a marker covers its own line and the next)\n\
             2026-10-12T10:00:01Z token={ACCESS_TOKEN_2}\n"
        ),
    );
    let out = forcescan().current_dir(d.path()).args(["sweep", "dump", "-f", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let doc: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    let secrets = doc["secrets"].as_array().unwrap();
    assert_eq!(secrets.len(), 1, "{secrets:?}");
    assert_eq!(secrets[0]["first_seen"]["line"], 3);
    assert_eq!(doc["summary"]["suppressed"]["inline"], 1, "{}", doc["summary"]);
}
