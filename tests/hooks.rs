//! The git hooks as a developer meets them: real repositories, a bare "remote", real `git push` and
//! `git commit` running the hooks `forcescan install-hooks` wrote.

mod common;
use common::git::*;
use common::*;
use std::path::Path;

/// A work tree with one clean commit on `main`, pushed to a bare remote `origin`, with forcescan's
/// hooks (`which`: the install-hooks flags) installed.
fn repo_with_remote(which: &[&str]) -> (GitRepo, GitRepo) {
    let r = GitRepo::new();
    r.write("README.md", "hello\n");
    r.commit("initial");
    let remote = r.clone_to("remote.git", &["--bare"]);
    r.git(&["remote", "add", "origin", remote.path.to_str().unwrap()]);
    r.git(&["fetch", "-q", "origin"]);
    install(&r.path, which);
    (r, remote)
}

fn install(repo: &Path, which: &[&str]) -> std::process::Output {
    let out = forcescan().current_dir(repo).arg("install-hooks").args(which).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    out
}

/// Runs git in `r`; returns its output whatever the exit status (a hook may refuse).
fn git_out(r: &GitRepo, args: &[&str]) -> std::process::Output {
    r.command(args).output().unwrap()
}

/// Everything git and the hook printed (git shows hook output on stderr).
fn all_output(out: &std::process::Output) -> String {
    format!("{}{}", stdout_of(out), stderr_of(out))
}

fn assert_no_secret(text: &str) {
    for s in ALL_SECRETS {
        assert!(!text.contains(s), "secret printed: {text}");
    }
}

#[test]
fn pushing_a_new_branch_with_a_secret_in_its_second_commit_is_blocked() {
    let (r, remote) = repo_with_remote(&["--pre-push"]);
    r.git(&["checkout", "-q", "-b", "feature"]);
    r.write("src/main.txt", "clean\n");
    r.commit("first on feature");
    r.write("config/app.properties", format!("user=api\nrefresh={REFRESH_TOKEN}\n"));
    let leaking = r.commit("add config");
    r.write("src/main.txt", "still clean\n");
    r.commit("third");

    let out = git_out(&r, &["push", "-q", "origin", "feature"]);
    assert!(!out.status.success());
    let text = all_output(&out);
    assert!(text.contains("config/app.properties:2:9  salesforce-refresh-token  5Aep…fi"), "{text}");
    assert!(text.contains(&format!("introduced in {}", short(&leaking))), "{text}");
    assert!(text.contains("forcescan: push blocked: 1 credential found. To fix:"), "{text}");
    assert!(text.contains(&format!("git rebase -i {}^", short(&leaking))), "{text}");
    assert!(text.contains("forcescan:allow") && text.contains("forcescan baseline create"), "{text}");
    assert_no_secret(&text);
    // The remote did not get the branch.
    assert!(!remote.git_ok(&["rev-parse", "--verify", "-q", "refs/heads/feature"]));
}

#[test]
fn pushing_commits_the_remote_has_reports_only_the_new_ones() {
    let (r, _remote) = repo_with_remote(&["--pre-push"]);
    // An old secret is on the remote already (pushed past the hook): a later push must not be
    // blocked by it, only by what it adds.
    r.write("old.properties", format!("refresh={REFRESH_TOKEN}\n"));
    r.commit("old leak");
    r.git(&["push", "-q", "--no-verify", "origin", "main"]);
    r.write("notes.txt", "clean\n");
    r.commit("clean change");
    let out = git_out(&r, &["push", "-q", "origin", "main"]);
    assert!(out.status.success(), "{}", all_output(&out));
    assert_eq!(all_output(&out).trim(), "forcescan: clean");
}

#[test]
fn a_push_that_only_deletes_a_branch_passes() {
    let (r, remote) = repo_with_remote(&["--pre-push"]);
    r.git(&["checkout", "-q", "-b", "old"]);
    r.write("leak.properties", format!("refresh={REFRESH_TOKEN}\n"));
    r.commit("leak");
    r.git(&["push", "-q", "--no-verify", "origin", "old"]);
    r.git(&["checkout", "-q", "main"]);

    let out = git_out(&r, &["push", "-q", "origin", "--delete", "old"]);
    assert!(out.status.success(), "{}", all_output(&out));
    assert_eq!(all_output(&out).trim(), "forcescan: clean");
    assert!(!remote.git_ok(&["rev-parse", "--verify", "-q", "refs/heads/old"]));
}

#[test]
fn a_secret_that_only_a_merge_commit_has_blocks_the_push() {
    let (r, _remote) = repo_with_remote(&["--pre-push"]);
    r.diverge("app.properties");
    r.git(&["push", "-q", "origin", "main", "side"]);
    assert!(!r.git_ok(&["merge", "-q", "side"]), "the merge conflicts");
    // The conflict resolution brings the secret: neither parent had it.
    r.write("app.properties", format!("mode=both\nrefresh={REFRESH_TOKEN}\n"));
    r.git(&["add", "app.properties"]);
    r.git(&["commit", "-q", "--no-edit"]);
    let merge = r.rev("HEAD");

    let out = git_out(&r, &["push", "-q", "origin", "main"]);
    assert!(!out.status.success());
    let text = all_output(&out);
    assert!(text.contains("app.properties:2:9  salesforce-refresh-token  5Aep…fi"), "{text}");
    assert!(text.contains(&format!("introduced in {}", short(&merge))), "{text}");
}

#[test]
fn a_staged_secret_is_blocked_even_when_the_work_tree_copy_is_clean() {
    let (r, _remote) = repo_with_remote(&["--pre-commit"]);
    r.write("config.env", format!("SF_REFRESH={REFRESH_TOKEN}\n"));
    r.git(&["add", "config.env"]);
    r.write("config.env", "SF_REFRESH=${FROM_VAULT}\n"); // cleaned, but not staged
    let out = git_out(&r, &["commit", "-q", "-m", "config"]);
    assert!(!out.status.success());
    let text = all_output(&out);
    assert!(text.contains("config.env:1:12  salesforce-refresh-token  5Aep…fi"), "{text}");
    assert!(text.contains("forcescan: commit blocked: 1 credential found. To fix:"), "{text}");
    assert_no_secret(&text);
    assert!(!r.git_ok(&["rev-parse", "--verify", "-q", "HEAD~1"]), "nothing was committed");
}

#[test]
fn pre_commit_reports_only_added_lines() {
    let (r, _remote) = repo_with_remote(&["--pre-commit"]);
    r.write("app.properties", format!("refresh={REFRESH_TOKEN}\n"));
    r.git(&["add", "-A"]);
    r.git(&["commit", "-q", "--no-verify", "-m", "old leak"]);
    r.write("app.properties", format!("refresh={REFRESH_TOKEN}\nmode=new\n"));
    r.git(&["add", "-A"]);
    let out = git_out(&r, &["commit", "-q", "-m", "unrelated line"]);
    assert!(out.status.success(), "{}", all_output(&out));
    assert_eq!(all_output(&out).trim(), "forcescan: clean");

    // A new secret on a changed line of the same file is caught.
    r.write("app.properties", format!("refresh={REFRESH_TOKEN}\nmode={ACCESS_TOKEN}\n"));
    r.git(&["add", "-A"]);
    let out = forcescan().current_dir(&r.path).args(["hook", "pre-commit"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout_of(&out);
    assert!(text.starts_with("app.properties:2:6  salesforce-access-token  00Dh…Vm\n"), "{text}");
    assert!(!text.contains("salesforce-refresh-token"), "{text}");
}

#[test]
fn pre_commit_in_a_repository_without_commits_scans_everything_staged() {
    let r = GitRepo::new();
    r.write("a/b.log", format!("token {ACCESS_TOKEN}\n"));
    r.git(&["add", "-A"]);
    let out = forcescan().current_dir(&r.path).args(["hook", "pre-commit"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert!(stdout_of(&out).starts_with("a/b.log:1:7  salesforce-access-token  00Dh…Vm\n"));
}

#[test]
fn install_hooks_keeps_an_existing_hook_running_and_is_idempotent() {
    let r = GitRepo::new();
    r.write("README.md", "hello\n");
    r.commit("initial");
    let remote = r.clone_to("remote.git", &["--bare"]);
    r.git(&["remote", "add", "origin", remote.path.to_str().unwrap()]);
    let hooks = r.path.join(".git/hooks");
    let marker = r.path.join("marker.txt");
    // The existing hook records the stdin it got, so we know the input reached it too.
    let existing = format!("#!/bin/sh\ncat > '{}'\n", marker.display());
    std::fs::write(hooks.join("pre-push"), &existing).unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(hooks.join("pre-push"), std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let first = install(&r.path, &[]);
    assert!(stdout_of(&first).contains("pre-push.forcescan-chained, runs first"), "{}", stdout_of(&first));
    let installed = std::fs::read(hooks.join("pre-push")).unwrap();
    let second = install(&r.path, &[]);
    assert_eq!(std::fs::read(hooks.join("pre-push")).unwrap(), installed);
    assert_eq!(std::fs::read_to_string(hooks.join("pre-push.forcescan-chained")).unwrap(), existing);
    assert!(stdout_of(&second).lines().all(|l| l.ends_with("is up to date")), "{}", stdout_of(&second));

    r.write("leak.properties", format!("refresh={REFRESH_TOKEN}\n"));
    r.git(&["add", "-A"]);
    r.git(&["commit", "-q", "--no-verify", "-m", "leak"]);
    let head = r.rev("HEAD");
    let out = git_out(&r, &["push", "-q", "origin", "main"]);
    assert!(!out.status.success(), "forcescan blocked it");
    assert!(all_output(&out).contains("leak.properties:1:9  salesforce-refresh-token"));
    let got = std::fs::read_to_string(&marker).expect("the chained hook ran");
    assert_eq!(got.trim(), format!("refs/heads/main {head} refs/heads/main {}", remote.rev("refs/heads/main")));
}

#[test]
fn install_hooks_honours_core_hooks_path() {
    let r = GitRepo::new();
    r.git(&["config", "core.hooksPath", "githooks"]);
    install(&r.path, &["--pre-commit"]);
    assert!(r.path.join("githooks/pre-commit").is_file());
    assert!(!r.path.join("githooks/pre-push").exists());
    assert!(!r.path.join(".git/hooks/pre-commit").exists());
}

#[test]
fn malformed_pre_push_input_is_a_one_line_error() {
    let r = GitRepo::new();
    let out = forcescan()
        .current_dir(&r.path)
        .args(["hook", "pre-push", "origin", "url"])
        .write_stdin("refs/heads/main nothex refs/heads/main 0000\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr_of(&out), "forcescan: error: pre-push input line 1: not an object id\n");
}

#[test]
fn pre_push_under_the_pre_commit_framework_reads_its_variables() {
    let (r, _remote) = repo_with_remote(&[]);
    let base = r.rev("HEAD");
    r.write("leak.properties", format!("refresh={REFRESH_TOKEN}\n"));
    r.git(&["add", "-A"]);
    r.git(&["commit", "-q", "--no-verify", "-m", "leak"]);
    let run = |from: &str| {
        forcescan()
            .current_dir(&r.path)
            .args(["hook", "pre-push"])
            .env("PRE_COMMIT_REMOTE_NAME", "origin")
            .env("PRE_COMMIT_FROM_REF", from)
            .env("PRE_COMMIT_TO_REF", r.rev("HEAD"))
            .env("PRE_COMMIT_LOCAL_BRANCH", "refs/heads/main")
            .env("PRE_COMMIT_REMOTE_BRANCH", "refs/heads/main")
            .write_stdin("")
            .output()
            .unwrap()
    };
    let out = run(&base);
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert!(stdout_of(&out).starts_with("leak.properties:1:9  salesforce-refresh-token  5Aep…fi\n"));
    let out = run(&r.rev("HEAD"));
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "forcescan: clean\n");
}
