//! Builds small git repositories on the fly with the git command line, with fixed authors and
//! dates so attributions are predictable, and no user or system configuration.

use std::path::PathBuf;
use std::process::Command;

pub const AUTHOR: &str = "Ada Lovelace";
pub const EMAIL: &str = "ada@example.com";
/// The first commit's author date (2023-11-14T22:13:20Z); each commit is one hour later.
pub const EPOCH: i64 = 1_700_000_000;

pub struct GitRepo {
    _dir: Option<tempfile::TempDir>,
    pub path: PathBuf,
    commits: std::cell::Cell<i64>,
}

impl GitRepo {
    /// A new work tree with branch `main`.
    pub fn new() -> GitRepo {
        let dir = tempfile::tempdir().unwrap();
        let repo = GitRepo::at(dir.path().join("repo"), Some(dir));
        std::fs::create_dir_all(&repo.path).unwrap();
        repo.git(&["init", "-q", "-b", "main"]);
        repo
    }

    /// An existing repository (a clone made by a test); `keep` owns its temporary directory.
    pub fn at(path: PathBuf, keep: Option<tempfile::TempDir>) -> GitRepo {
        GitRepo { _dir: keep, path, commits: std::cell::Cell::new(0) }
    }

    /// A git command with a fixed identity and clock, and no configuration from outside.
    pub fn command(&self, args: &[&str]) -> Command {
        let when = format!("{} +0000", EPOCH + 3600 * self.commits.get());
        let mut c = Command::new("git");
        c.current_dir(&self.path)
            .args(args)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", AUTHOR)
            .env("GIT_AUTHOR_EMAIL", EMAIL)
            .env("GIT_COMMITTER_NAME", AUTHOR)
            .env("GIT_COMMITTER_EMAIL", EMAIL)
            .env("GIT_AUTHOR_DATE", &when)
            .env("GIT_COMMITTER_DATE", &when);
        c
    }

    /// Runs git, which must succeed; returns its trimmed standard output.
    pub fn git(&self, args: &[&str]) -> String {
        let out = self.command(args).output().unwrap();
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Loads a `git fast-import` stream: the quick way to a history of hundreds of commits.
    pub fn fast_import(&self, stream: &str) {
        use std::io::Write;
        let mut child = self.command(&["fast-import", "--quiet"]).stdin(std::process::Stdio::piped()).spawn().unwrap();
        child.stdin.take().unwrap().write_all(stream.as_bytes()).unwrap();
        assert!(child.wait().unwrap().success(), "git fast-import failed");
    }

    /// Runs git and returns whether it succeeded (a merge with conflicts fails).
    pub fn git_ok(&self, args: &[&str]) -> bool {
        self.command(args).output().unwrap().status.success()
    }

    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) {
        super::write(&self.path, rel, text);
    }

    /// Stages everything and commits; returns the new commit's id.
    pub fn commit(&self, msg: &str) -> String {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "--allow-empty", "-m", msg]);
        self.commits.set(self.commits.get() + 1);
        self.rev("HEAD")
    }

    /// Commits `path` as `mode=base` on `main`, then changes its one line differently on a new
    /// branch `side` and on `main` (which is checked out at the end): merging `side` conflicts.
    pub fn diverge(&self, path: &str) {
        self.write(path, "mode=base\n");
        self.commit("base");
        self.git(&["checkout", "-q", "-b", "side"]);
        self.write(path, "mode=side\n");
        self.commit("side change");
        self.git(&["checkout", "-q", "main"]);
        self.write(path, "mode=main\n");
        self.commit("main change");
    }

    pub fn rev(&self, rev: &str) -> String {
        self.git(&["rev-parse", rev])
    }

    /// The file holding a loose object.
    pub fn loose_object(&self, oid: &str) -> PathBuf {
        let git_dir = PathBuf::from(self.git(&["rev-parse", "--absolute-git-dir"]));
        git_dir.join("objects").join(&oid[..2]).join(&oid[2..])
    }

    /// A copy made with `git clone` plus `args` (`--bare`, `--depth 1`), beside this one.
    pub fn clone_to(&self, name: &str, args: &[&str]) -> GitRepo {
        let dest = self.path.parent().unwrap().join(name);
        let url = format!("file://{}", self.path.display());
        let mut all = vec!["clone", "-q"];
        all.extend_from_slice(args);
        all.push(&url);
        let dest_s = dest.to_str().unwrap().to_string();
        all.push(&dest_s);
        self.git(&all);
        GitRepo::at(dest, None)
    }
}

/// The date a commit made as the `n`th (0-based) gets, as forcescan reports it.
pub fn date_of(n: i64) -> String {
    let t = EPOCH + 3600 * n;
    // Only the test dates are needed: all on 2023-11-14/15 UTC.
    let secs = t - 1_699_920_000; // 2023-11-14T00:00:00Z
    let (day, rem) = (14 + secs / 86_400, secs % 86_400);
    format!("2023-11-{day:02}T{:02}:{:02}:{:02}+00:00", rem / 3600, rem / 60 % 60, rem % 60)
}

pub fn short(oid: &str) -> &str {
    &oid[..12]
}
