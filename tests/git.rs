//! `forcescan git` as a user meets it: what history scans find, how each finding is attributed, the
//! scopes, and what happens with shallow, damaged, bare and empty repositories.

mod common;
use common::git::*;
use common::*;
use serde_json::Value;
use std::path::Path;

/// Runs `forcescan git REPO ARGS…`.
fn git_scan(repo: &Path, args: &[&str]) -> std::process::Output {
    forcescan().arg("git").arg(repo).args(["--color", "never"]).args(args).output().unwrap()
}

/// Runs a JSON Lines scan and returns the findings and the exit code.
fn jsonl(repo: &Path, args: &[&str]) -> (Vec<Value>, Option<i32>) {
    let mut all = vec!["-f", "jsonl"];
    all.extend_from_slice(args);
    let out = git_scan(repo, &all);
    let findings = stdout_of(&out).lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect();
    (findings, out.status.code())
}

/// (path, line, commit) of each finding, in report order.
fn where_from(findings: &[Value]) -> Vec<(String, u64, String)> {
    findings
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["git"]["commit"].as_str().unwrap_or("-").to_string(),
            )
        })
        .collect()
}

fn stderr_lines(out: &std::process::Output) -> Vec<String> {
    stderr_of(out).lines().map(str::to_string).collect()
}

#[test]
fn secret_added_then_deleted_is_attributed_to_the_commit_that_added_it() {
    let r = GitRepo::new();
    r.write("README.md", "hello\n");
    r.commit("initial");
    r.write("config/app.properties", format!("# app\nuser=api\nrefresh={REFRESH_TOKEN}\n"));
    let added = r.commit("add app config");
    std::fs::remove_file(r.path.join("config/app.properties")).unwrap();
    r.commit("remove app config");

    let out = git_scan(&r.path, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[..2],
        [
            "config/app.properties:3:9  salesforce-refresh-token  5Aep…fi".to_string(),
            format!(
                "    introduced in {} by {AUTHOR} on 2023-11-14 at config/app.properties:3; \
                 no longer at HEAD",
                short(&added)
            )
        ]
    );
    assert!(text.contains("forcescan: 1 finding, 1 distinct secret"), "{text}");
    assert!(!text.contains(EMAIL) && !text.contains(REFRESH_TOKEN));

    let (f, code) = jsonl(&r.path, &[]);
    assert_eq!(code, Some(1));
    assert_eq!(f.len(), 1);
    let g = &f[0]["git"];
    assert_eq!(g["commit"], added.as_str());
    assert_eq!(g["blob"], r.rev(&format!("{added}:config/app.properties")));
    assert_eq!(g["author"], AUTHOR);
    assert_eq!(g["date"], date_of(1).as_str());
    assert_eq!(g["summary"], "add app config");
    assert_eq!(g["present_at_head"], false);
    assert_eq!(f[0]["rule"], "salesforce-refresh-token");
}

#[test]
fn secret_only_in_a_merge_conflict_resolution_is_attributed_to_the_merge() {
    let r = GitRepo::new();
    r.diverge("settings.txt");
    assert!(!r.git_ok(&["merge", "-q", "side"]), "the merge must conflict");
    r.write("settings.txt", format!("mode=merged\nSF_SECURITY_TOKEN={SECURITY_TOKEN}\n"));
    let merge = r.commit("Merge branch 'side'");
    assert_eq!(r.git(&["rev-list", "--parents", "-n1", "HEAD"]).split(' ').count(), 3, "a merge commit");

    let (f, code) = jsonl(&r.path, &[]);
    assert_eq!(code, Some(1));
    assert_eq!(where_from(&f), [("settings.txt".to_string(), 2, merge.clone())]);
    assert_eq!(f[0]["git"]["summary"], "Merge branch 'side'");
    assert_eq!(f[0]["git"]["present_at_head"], true);
}

#[test]
fn unmerged_branch_is_in_every_ref_scan_but_not_in_another_branch() {
    let r = GitRepo::new();
    r.write("app.txt", "v1\n");
    r.commit("app");
    r.git(&["checkout", "-q", "-b", "experiment"]);
    r.write("creds/dev.env", format!("SF_SECURITY_TOKEN={SECURITY_TOKEN}\n"));
    let tried = r.commit("try creds");
    r.git(&["checkout", "-q", "main"]);
    r.write("app.txt", "v2\n");
    r.commit("more app");

    let expected = [("creds/dev.env".to_string(), 1, tried.clone())];
    let (f, code) = jsonl(&r.path, &[]);
    assert_eq!((where_from(&f), code), (expected.to_vec(), Some(1)));
    assert_eq!(f[0]["git"]["present_at_head"], false);

    let (f, code) = jsonl(&r.path, &["--branch", "experiment"]);
    assert_eq!((where_from(&f), code), (expected.to_vec(), Some(1)));

    let out = git_scan(&r.path, &["--branch", "main"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout_of(&out).starts_with("forcescan: no findings (2 files,"));
}

#[test]
fn unreachable_blobs_and_commits_are_found_only_with_all_objects() {
    let r = GitRepo::new();
    r.write("a.txt", "a\n");
    r.commit("one");
    // A blob no commit has (a `git add` that was never committed leaves the same).
    let loose = r.path.parent().unwrap().join("leftover.txt");
    std::fs::write(&loose, format!("leftover {ACCESS_TOKEN}\n")).unwrap();
    let blob = r.git(&["hash-object", "-w", loose.to_str().unwrap()]);
    // A commit amended away: no ref reaches it any more.
    r.write("b.env", format!("SF_SECURITY_TOKEN={SECURITY_TOKEN}\n"));
    let amended = r.commit("add b");
    std::fs::remove_file(r.path.join("b.env")).unwrap();
    r.git(&["add", "-A"]);
    r.git(&["commit", "-q", "--amend", "--allow-empty", "-m", "add nothing"]);

    let out = git_scan(&r.path, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout_of(&out));

    let (f, code) = jsonl(&r.path, &["--all-objects"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        where_from(&f),
        [("b.env".to_string(), 1, amended.clone()), (format!("<blob:{blob}>"), 1, "-".to_string()),]
    );
    assert_eq!(f[1]["git"]["blob"], blob.as_str());
    assert!(f[1]["git"].get("author").is_none());

    let out = git_scan(&r.path, &["--all-objects"]);
    let text = stdout_of(&out);
    assert!(
        text.contains(&format!(
            "<blob:{blob}>:1:10  salesforce-access-token  00Dh…Vm\n    in blob {}, which no \
             commit reaches; no longer at HEAD\n",
            &blob[..12]
        )),
        "{text}"
    );
}

#[test]
fn renamed_file_keeps_the_path_that_introduced_it() {
    let r = GitRepo::new();
    r.write("old/name.env", format!("SF_SECURITY_TOKEN={SECURITY_TOKEN}\n"));
    let first = r.commit("add");
    r.git(&["mv", "old", "new"]);
    r.commit("move directory");
    r.git(&["mv", "new/name.env", "new/renamed.env"]);
    r.commit("rename file");

    let (f, code) = jsonl(&r.path, &[]);
    assert_eq!(code, Some(1));
    assert_eq!(where_from(&f), [("old/name.env".to_string(), 1, first)]);
    assert_eq!(f[0]["git"]["present_at_head"], true);
}

#[test]
fn secret_kept_while_its_file_changes_is_reported_once_per_path() {
    let r = GitRepo::new();
    r.write("app.properties", format!("a=1\nrefresh={REFRESH_TOKEN}\n"));
    let first = r.commit("add");
    r.write("app.properties", format!("a=2\nrefresh={REFRESH_TOKEN}\nb=3\n"));
    r.commit("change a");
    r.write("other/app.properties", format!("refresh={REFRESH_TOKEN}\nc=4\n"));
    let copied = r.commit("copy");

    let (f, code) = jsonl(&r.path, &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        where_from(&f),
        [("app.properties".to_string(), 2, first), ("other/app.properties".to_string(), 1, copied),]
    );
    assert!(f.iter().all(|x| x["git"]["present_at_head"] == true));
    assert_eq!(f[0]["fingerprint"], f[1]["fingerprint"]);
}

#[test]
fn shallow_clone_says_what_history_is_missing_and_reports_what_it_has() {
    let origin = GitRepo::new();
    origin.write("a.env", format!("SF_SECURITY_TOKEN={SECURITY_TOKEN}\n"));
    origin.commit("one");
    origin.write("b.log", format!("Bearer {ACCESS_TOKEN}\n"));
    origin.commit("two");
    origin.write("c.txt", "c\n");
    let tip = origin.commit("three");
    let shallow = origin.clone_to("shallow", &["--depth", "1"]);

    let out = git_scan(&shallow.path, &["-f", "jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr_lines(&out),
        [
            format!(
                "forcescan: error: {}: shallow clone: history before {} is not available",
                shallow.path.display(),
                short(&tip)
            ),
            "forcescan: error: 1 input(s) could not be scanned".to_string(),
        ]
    );
    let f: Vec<Value> = stdout_of(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(where_from(&f), [("a.env".to_string(), 1, tip.clone()), ("b.log".to_string(), 1, tip.clone()),]);
}

#[test]
fn missing_and_corrupt_objects_are_named_and_the_rest_is_reported() {
    let r = GitRepo::new();
    r.write("keep.env", format!("SF_SECURITY_TOKEN={SECURITY_TOKEN}\n"));
    r.write("gone.log", format!("Bearer {ACCESS_TOKEN}\n"));
    r.write("broken.log", format!("refresh {REFRESH_TOKEN}\n"));
    r.write("sub/dir.log", format!("Bearer {ACCESS_TOKEN_2}\n"));
    r.commit("add");
    let gone = r.rev("HEAD:gone.log");
    let broken = r.rev("HEAD:broken.log");
    let sub = r.rev("HEAD:sub");
    std::fs::remove_file(r.loose_object(&gone)).unwrap();
    std::fs::remove_file(r.loose_object(&sub)).unwrap();
    let corrupt = r.loose_object(&broken);
    std::fs::set_permissions(&corrupt, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
    std::fs::write(&corrupt, b"this is not zlib data").unwrap();

    let out = git_scan(&r.path, &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_lines(&out);
    assert_eq!(err.len(), 3, "{err:?}");
    assert_eq!(err[0], format!("forcescan: error: sub: missing tree {sub}"));
    assert!(err[1].starts_with(&format!("forcescan: error: broken.log: cannot read blob {broken}: ")), "{err:?}");
    assert_eq!(err[2], format!("forcescan: error: gone.log: missing blob {gone}"));
    let text = stdout_of(&out);
    assert!(text.starts_with("keep.env:1:19  salesforce-security-token  exz9…0I\n"), "{text}");
    assert!(text.contains("forcescan: 3 inputs could not be scanned"), "{text}");
}

#[test]
fn range_and_since_commit_scan_only_what_those_commits_introduced() {
    let r = GitRepo::new();
    r.write("a.env", format!("SF_SECURITY_TOKEN={SECURITY_TOKEN}\n"));
    let c1 = r.commit("a");
    r.write("b.log", format!("Bearer {ACCESS_TOKEN}\n"));
    // Changing a file that already had a secret does not introduce that secret again.
    r.write("a.env", format!("# edited\nSF_SECURITY_TOKEN={SECURITY_TOKEN}\n"));
    let c2 = r.commit("b");
    r.write("c.log", format!("Bearer {ACCESS_TOKEN_2}\n"));
    let c3 = r.commit("c");

    let expect_b_c = vec![("b.log".to_string(), 1, c2.clone()), ("c.log".to_string(), 1, c3.clone())];
    for range in [format!("{c1}..{c3}"), "HEAD~2..HEAD".to_string()] {
        let (f, code) = jsonl(&r.path, &["--range", &range]);
        assert_eq!((where_from(&f), code), (expect_b_c.clone(), Some(1)), "{range}");
    }
    let (f, code) = jsonl(&r.path, &["--since-commit", &c2]);
    assert_eq!((where_from(&f), code), (vec![("c.log".to_string(), 1, c3.clone())], Some(1)));
    let (f, _) = jsonl(&r.path, &[]);
    assert_eq!(f.len(), 3, "without a range a.env is found too");

    let repo = r.path.display();
    for (args, message) in [
        (vec!["--range", "HEAD..HEAD"], format!("{repo}: nothing to scan: the range HEAD..HEAD has no commits")),
        (
            vec!["--range", "HEAD~1...HEAD"],
            format!("{repo}: --range HEAD~1...HEAD: symmetric ranges (A...B) are not supported; use A..B"),
        ),
        (vec!["--range", "HEAD"], format!("{repo}: --range HEAD: expected a range A..B")),
    ] {
        let out = git_scan(&r.path, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr_lines(&out), [format!("forcescan: error: {message}")], "{args:?}");
    }
    let out = git_scan(&r.path, &["--range", "nope..HEAD"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(
        err.starts_with(&format!("forcescan: error: {repo}: --range nope..HEAD: ")) && err.lines().count() == 1,
        "{err}"
    );
}

#[test]
fn bare_repositories_and_the_current_directory_are_scanned() {
    let r = GitRepo::new();
    r.write("src/app.log", format!("Bearer {ACCESS_TOKEN}\n"));
    let c = r.commit("add");
    let expected = [("src/app.log".to_string(), 1, c.clone())];

    let bare = r.clone_to("bare.git", &["--bare"]);
    let (f, code) = jsonl(&bare.path, &[]);
    assert_eq!((where_from(&f), code), (expected.to_vec(), Some(1)));
    assert_eq!(f[0]["git"]["present_at_head"], true);

    let out = forcescan().current_dir(r.path.join("src")).args(["git", "-f", "jsonl"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(jsonl_triples(&stdout_of(&out)).len(), 1);
}

#[test]
fn empty_repository_and_non_repository_are_errors() {
    let r = GitRepo::new();
    let out = git_scan(&r.path, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr_lines(&out),
        [format!(
            "forcescan: error: {}: nothing to scan: no commit is reachable from any ref (an empty \
             repository?)",
            r.path.display()
        )]
    );
    let out = git_scan(&r.path.join("no-such-dir"), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr_lines(&out),
        [format!("forcescan: error: {}: No such file or directory", r.path.join("no-such-dir").display())]
    );
    let plain = tempfile::tempdir().unwrap();
    let out = git_scan(plain.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr_lines(&out), [format!("forcescan: error: {}: not a git repository", plain.path().display())]);
}

/// A `git fast-import` commit on `branch` with marks, parents and one file written inline.
fn import_commit(mark: u32, branch: &str, parents: &[u32], path: &str, text: &str) -> String {
    let when = EPOCH + 60 * i64::from(mark);
    let msg = format!("commit {mark}");
    let mut c = format!(
        "commit refs/heads/{branch}\nmark :{mark}\nauthor {AUTHOR} <{EMAIL}> {when} +0000\n\
         committer {AUTHOR} <{EMAIL}> {when} +0000\ndata {}\n{msg}\n",
        msg.len()
    );
    for (i, p) in parents.iter().enumerate() {
        c.push_str(&format!("{} :{p}\n", if i == 0 { "from" } else { "merge" }));
    }
    c.push_str(&format!("M 100644 inline {path}\ndata {}\n{text}\n\n", text.len()));
    c
}

/// Long enough for the walk to run on several threads: the report must not depend on how many.
#[test]
fn same_repository_gives_byte_identical_jsonl_whatever_the_threads() {
    let r = GitRepo::new();
    let mut stream = String::new();
    for i in 1..=150u32 {
        let parents: Vec<u32> = match i {
            1 => vec![],
            90 => vec![89, 1005], // merges the side branch
            _ => vec![i - 1],
        };
        // Every tenth commit leaves a token in one of seven logs; the others overwrite a log.
        let text = if i % 10 == 3 { format!("line {i}\nBearer {ACCESS_TOKEN}\n") } else { format!("line {i}\n") };
        stream.push_str(&import_commit(i, "main", &parents, &format!("logs/{}.log", i % 7), &text));
        if i == 40 {
            for s in 1001..=1005u32 {
                let text = format!("side {s}\nBearer {ACCESS_TOKEN_2}\n");
                let parent = if s == 1001 { 40 } else { s - 1 };
                stream.push_str(&import_commit(s, "side", &[parent], "side.log", &text));
            }
        }
    }
    r.fast_import(&stream);
    let run = |threads: &str| {
        let out = git_scan(&r.path, &["-f", "jsonl", "-j", threads]);
        assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
        out.stdout
    };
    let first = run("1");
    // One finding per log that ever held the token (seven), and side.log once.
    let (f, _) = jsonl(&r.path, &["-j", "1"]);
    let mut paths: Vec<&str> = f.iter().map(|x| x["path"].as_str().unwrap()).collect();
    paths.sort();
    assert_eq!(
        paths,
        ["logs/0.log", "logs/1.log", "logs/2.log", "logs/3.log", "logs/4.log", "logs/5.log", "logs/6.log", "side.log"]
    );
    for threads in ["2", "3", "2"] {
        assert_eq!(String::from_utf8_lossy(&run(threads)), String::from_utf8_lossy(&first), "-j {threads}");
    }
}

/// The benchmark generator's repository in miniature: every planted secret is found at the path,
/// line and commit that introduced it (`../shared/bench/gen-history.py`, when it is there).
#[test]
fn generated_history_planted_secrets_are_found() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/gen-history.py");
    if !script.exists() {
        println!("note: {} not found; skipping", script.display());
        return;
    }
    let d = tempfile::tempdir().unwrap();
    let repo = d.path().join("gen");
    let ok = std::process::Command::new("python3")
        .arg(&script)
        .arg(&repo)
        .args(["--commits", "300", "--files", "50"])
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    let expected: Vec<Value> = std::fs::read_to_string(d.path().join("gen.expected.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(expected.len(), 4);
    let g = GitRepo::at(repo.clone(), None);
    // The generator's commit messages tell which commit planted each secret.
    let planted_by = |how: &str| {
        let msg = match how {
            "deleted_later" => "add integration config",
            "merge_only" => "Merge feature/merge",
            "unmerged_branch" => "try creds",
            other => panic!("unknown case {other}"),
        };
        g.git(&["log", "--all", "--format=%H", "--fixed-strings", "--grep", msg])
    };
    let rule = |kind: &str| match kind {
        "access_token" => "salesforce-access-token",
        "refresh_token" => "salesforce-refresh-token",
        "sfdx_auth_url" => "salesforce-sfdx-auth-url",
        other => panic!("unknown kind {other}"),
    };
    let (refs, code) = jsonl(&repo, &[]);
    assert_eq!(code, Some(1));
    for scope in [&[][..], &["--all-objects"][..]] {
        let with = |j: &str| git_scan(&repo, &[&["-f", "jsonl", "-j", j][..], scope].concat()).stdout;
        assert_eq!(with("1"), with("2"), "{scope:?}: the walk on one thread and on two must agree");
    }
    let (all, code) = jsonl(&repo, &["--all-objects"]);
    assert_eq!(code, Some(1));
    for e in &expected {
        let how = e["how"].as_str().unwrap();
        let line = e["line"].as_u64().unwrap();
        let rule = rule(e["kind"].as_str().unwrap());
        let found = |fs: &[Value]| -> Vec<(String, u64, String, String)> {
            fs.iter()
                .filter(|f| f["rule"] == rule && f["line"] == line)
                .filter(|f| match e["path"].as_str() {
                    Some(p) => f["path"] == p,
                    None => f["git"].get("commit").is_none(),
                })
                .map(|f| {
                    (
                        f["path"].as_str().unwrap().to_string(),
                        f["line"].as_u64().unwrap(),
                        f["rule"].as_str().unwrap().to_string(),
                        f["git"]["commit"].as_str().unwrap_or("-").to_string(),
                    )
                })
                .collect()
        };
        match e["path"].as_str() {
            Some(path) => {
                let want = vec![(path.to_string(), line, rule.to_string(), planted_by(how))];
                assert_eq!(found(&refs), want, "{how}");
                assert_eq!(found(&all), want, "{how} with --all-objects");
            }
            None => {
                assert_eq!(found(&refs).len(), 0, "{how} without --all-objects");
                assert_eq!(found(&all).len(), 1, "{how} with --all-objects");
            }
        }
    }
}

/// SARIF for history: valid for GitHub, each result says where the secret came in, its line hash
/// is computed from the blob (the file is gone from disk), and `--sarif-head-only` keeps only what
/// is still at HEAD.
#[test]
fn sarif_for_history_reads_blobs_and_head_only_keeps_what_is_still_there() {
    let r = GitRepo::new();
    r.write("gone.log", format!("first\nBearer {ACCESS_TOKEN}\n"));
    let added = r.commit("add gone");
    std::fs::remove_file(r.path.join("gone.log")).unwrap();
    r.write("kept.env", format!("SF_SECURITY_TOKEN={SECURITY_TOKEN}\n"));
    let kept = r.commit("swap");

    let results = |args: &[&str]| {
        let out = git_scan(&r.path, args);
        assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
        let doc = common::sarif::check(&stdout_of(&out), &[ACCESS_TOKEN, SECURITY_TOKEN]);
        let mut found: Vec<(String, u64, String, bool, bool)> = doc["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|res| {
                let loc = &res["locations"][0]["physicalLocation"];
                (
                    loc["artifactLocation"]["uri"].as_str().unwrap().to_string(),
                    loc["region"]["startLine"].as_u64().unwrap(),
                    res["properties"]["commit"].as_str().unwrap().to_string(),
                    res["properties"]["presentAtHead"].as_bool().unwrap(),
                    res["partialFingerprints"]["primaryLocationLineHash"].is_string(),
                )
            })
            .collect();
        found.sort();
        found
    };
    assert_eq!(
        results(&["-f", "sarif"]),
        [("gone.log".to_string(), 2, added, false, true), ("kept.env".to_string(), 1, kept.clone(), true, true)]
    );
    assert_eq!(results(&["-f", "sarif", "--sarif-head-only"]), [("kept.env".to_string(), 1, kept, true, true)]);
}

/// `--validate` checks credentials found in history like those in files: each distinct credential
/// once, however many blobs and paths hold it.
#[test]
fn live_validation_checks_each_credential_in_history_once() {
    use common::fake_salesforce::{Behaviour, FakeSalesforce};
    let live = fake_access_token(7);
    let sf = FakeSalesforce::start();
    sf.on(&live, Behaviour::Live("ops@acme.com"));
    let r = GitRepo::new();
    r.write("a.log", format!("Bearer {live}\n"));
    r.commit("a");
    r.write("b.log", format!("token: {live}\n"));
    r.commit("b");

    let out = forcescan()
        .arg("git")
        .arg(&r.path)
        .args(["-f", "jsonl", "--validate", "--validation-base-url", &sf.url])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let found: Vec<(String, String)> = stdout_of(&out)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .map(|f| (f["path"].as_str().unwrap().to_string(), f["validation"]["status"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(found, [("a.log".to_string(), "live".to_string()), ("b.log".to_string(), "live".to_string())]);
    let checks = sf.requests_to("userinfo").into_iter().filter(|q| q.credential == live).count();
    assert_eq!(checks, 1);
    assert!(!stdout_of(&out).contains(&live));
}
