//! Git hooks: what `forcescan hook pre-push`, `forcescan hook pre-commit` and
//! `forcescan install-hooks` do.
//!
//! * pre-push reads git's protocol from stdin ([`parse_push_lines`]) and scans, with the history
//!   scanner, only what the pushed commits introduce ([`push_scope`]).
//! * pre-commit scans the staged blobs (the index, not the work tree: an unstaged edit cannot hide
//!   a staged secret) and keeps findings on added or changed lines only ([`scan_staged`]).
//! * install-hooks writes small shell hooks that call forcescan, chaining a hook already there.

use crate::engine::Engine;
use crate::report::Reporter;
use crate::sources::fs::ScanError;
use crate::sources::git::Scope;
use anyhow::{bail, Context as _, Result};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// One line of git's pre-push input: `<local ref> <local oid> <remote ref> <remote oid>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PushUpdate {
    pub local_ref: String,
    pub local_oid: String,
    pub remote_ref: String,
    pub remote_oid: String,
}

impl PushUpdate {
    /// A deletion: nothing is sent, nothing to scan.
    pub fn is_delete(&self) -> bool {
        is_zero(&self.local_oid)
    }
    /// The remote does not have this ref yet.
    pub fn is_new(&self) -> bool {
        is_zero(&self.remote_oid)
    }
}

/// The all-zero id (of either length) git uses for "no object".
fn is_zero(oid: &str) -> bool {
    oid.bytes().all(|b| b == b'0')
}

/// A SHA-1 (40) or SHA-256 (64) id in lower-case hex.
fn is_oid(s: &str) -> bool {
    (s.len() == 40 || s.len() == 64) && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Parses git's pre-push input. Blank lines are skipped; anything else that is not four fields
/// with valid ids is an error naming the line (kept small and free of I/O: it is fuzzed).
pub fn parse_push_lines(input: &str) -> Result<Vec<PushUpdate>, String> {
    let mut out = Vec::new();
    for (n, line) in input.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split(' ').collect();
        let bad = |why: &str| format!("pre-push input line {}: {why}", n + 1);
        if f.len() != 4 || f.iter().any(|s| s.is_empty()) {
            return Err(bad("expected `<local ref> <local oid> <remote ref> <remote oid>`"));
        }
        if !is_oid(f[1]) || !is_oid(f[3]) || f[1].len() != f[3].len() {
            return Err(bad("not an object id"));
        }
        out.push(PushUpdate {
            local_ref: f[0].into(),
            local_oid: f[1].into(),
            remote_ref: f[2].into(),
            remote_oid: f[3].into(),
        });
    }
    Ok(out)
}

/// The pre-push input the pre-commit framework leaves out: it runs hooks with the pushed ref in
/// `PRE_COMMIT_*` variables instead of git's stdin. `None` when those are not set.
pub fn pre_commit_framework_input(env: impl Fn(&str) -> Option<String>) -> Option<String> {
    let to = env("PRE_COMMIT_TO_REF").filter(|t| is_oid(t))?;
    let from = env("PRE_COMMIT_FROM_REF").filter(|f| is_oid(f) && f.len() == to.len());
    let zero = "0".repeat(to.len());
    let local = env("PRE_COMMIT_LOCAL_BRANCH").filter(|b| !b.is_empty() && !b.contains(' '));
    let remote = env("PRE_COMMIT_REMOTE_BRANCH").filter(|b| !b.is_empty() && !b.contains(' '));
    Some(format!(
        "{} {to} {} {}\n",
        local.as_deref().unwrap_or("HEAD"),
        remote.as_deref().unwrap_or("HEAD"),
        from.as_deref().unwrap_or(&zero)
    ))
}

/// What a push to `remote` of these updates sends, or `None` when it sends no commits (only
/// deletions). Commits the remote has (its old ids, and what `refs/remotes/<remote>/*` point to)
/// are excluded.
pub fn push_scope(updates: &[PushUpdate], remote: &str) -> Option<Scope> {
    let tips: Vec<String> = updates.iter().filter(|u| !u.is_delete()).map(|u| u.local_oid.clone()).collect();
    if tips.is_empty() {
        return None;
    }
    let hidden = updates.iter().filter(|u| !u.is_new()).map(|u| u.remote_oid.clone()).collect();
    // A URL given as the remote name (`git push https://…`) has no remote-tracking refs.
    let hidden_refs =
        (!remote.is_empty() && !remote.contains(['/', ':', '*', ' '])).then(|| format!("refs/remotes/{remote}/*"));
    Some(Scope::Push { tips, hidden, hidden_refs })
}

/// Scans the staged version of every added or changed file in the repository containing `dir`,
/// keeping findings on added or changed lines (compared with HEAD; without HEAD, every line).
pub fn scan_staged(engine: &Engine, dir: &Path, reporter: &mut Reporter) {
    let fail = |reporter: &mut Reporter, message: String| {
        reporter.error(ScanError { path: crate::sources::fs::display_path(dir), message })
    };
    let repo = match git2::Repository::discover(dir) {
        Ok(r) => r,
        Err(e) => return fail(reporter, format!("not a git repository ({})", e.message())),
    };
    let index = match repo.index() {
        Ok(i) => i,
        Err(e) => return fail(reporter, format!("cannot read the index: {}", e.message())),
    };
    let head = repo.head().ok().and_then(|h| h.peel_to_tree().ok());
    let mut opts = git2::DiffOptions::new();
    opts.context_lines(0);
    let diff = match repo.diff_tree_to_index(head.as_ref(), Some(&index), Some(&mut opts)) {
        Ok(d) => d,
        Err(e) => return fail(reporter, format!("cannot compare the index with HEAD: {}", e.message())),
    };
    for i in 0..diff.deltas().len() {
        let Some(delta) = diff.get_delta(i) else { continue };
        if delta.status() == git2::Delta::Deleted || delta.new_file().mode() == git2::FileMode::Commit {
            continue;
        }
        let path = delta.new_file().path().map_or_else(String::new, |p| p.to_string_lossy().replace('\\', "/"));
        // Added lines; `None` for a binary file, where every finding counts.
        let added: Option<HashSet<u64>> = match git2::Patch::from_diff(&diff, i) {
            Ok(Some(patch)) if !patch.delta().flags().is_binary() => {
                let mut lines = HashSet::new();
                for h in 0..patch.num_hunks() {
                    for l in 0..patch.num_lines_in_hunk(h).unwrap_or(0) {
                        if let Ok(line) = patch.line_in_hunk(h, l) {
                            if line.origin() == '+' {
                                lines.extend(line.new_lineno().map(u64::from));
                            }
                        }
                    }
                }
                Some(lines)
            }
            _ => None,
        };
        match repo.find_blob(delta.new_file().id()) {
            Ok(blob) => {
                let mut findings = engine.scan_bytes(&path, blob.content());
                if let Some(added) = &added {
                    findings.retain(|f| (f.line..=f.end_line).any(|l| added.contains(&l)));
                }
                reporter.unit(&path, blob.size() as u64, findings, None);
            }
            Err(e) => {
                let error =
                    ScanError { path: path.clone(), message: format!("cannot read the staged file: {}", e.message()) };
                reporter.unit(&path, 0, Vec::new(), Some(error));
            }
        }
    }
}

/// Which hooks `install-hooks` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HookKind {
    PreCommit,
    PrePush,
}

impl HookKind {
    pub fn file_name(self) -> &'static str {
        match self {
            HookKind::PreCommit => "pre-commit",
            HookKind::PrePush => "pre-push",
        }
    }
}

/// Identifies a hook forcescan wrote, so running `install-hooks` again rewrites it in place.
const MARK: &str = "# installed by `forcescan install-hooks`";
/// Suffix of a hook that was there before: forcescan's hook runs it first.
pub const CHAINED_SUFFIX: &str = ".forcescan-chained";

/// The hook script. The previous hook (if any) runs first and can block on its own; pre-push
/// input is kept in a variable so both hooks read all of it. `exe` is tried first, then
/// `forcescan` on PATH, so the hook keeps working if the binary is reinstalled elsewhere.
fn script(kind: HookKind, exe: &str) -> String {
    let name = kind.file_name();
    let exe = exe.replace('\'', r"'\''");
    let (read, chained, run) = match kind {
        HookKind::PrePush => (
            "input=$(cat)\n",
            "    printf '%s\\n' \"$input\" | \"$chained\" \"$@\" || exit $?\n",
            "printf '%s\\n' \"$input\" | \"$forcescan\" hook pre-push \"$@\"\n",
        ),
        HookKind::PreCommit => ("", "    \"$chained\" \"$@\" || exit $?\n", "exec \"$forcescan\" hook pre-commit\n"),
    };
    format!(
        "#!/bin/sh\n{MARK}\n# Blocks {what} that add Salesforce credentials. A hook that was here before is kept as\n\
         # {name}{CHAINED_SUFFIX} and runs first.\nforcescan='{exe}'\n\
         [ -x \"$forcescan\" ] || forcescan=forcescan\n{read}chained=\"$(dirname \"$0\")/{name}{CHAINED_SUFFIX}\"\n\
         if [ -x \"$chained\" ]; then\n{chained}fi\n{run}",
        what = if kind == HookKind::PrePush { "pushes" } else { "commits" },
    )
}

/// What `install-hooks` did to one hook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Installed {
    Written(PathBuf),
    /// The previous hook was moved aside and is now called first.
    Chained {
        hook: PathBuf,
        previous: PathBuf,
    },
    Unchanged(PathBuf),
}

/// The hooks directory of the repository at `dir`, as git sees it (honours `core.hooksPath`).
pub fn hooks_dir(dir: &Path) -> Result<PathBuf> {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .args(["rev-parse", "--path-format=absolute", "--git-path", "hooks"])
        .output()
        .context("cannot run git")?;
    if !out.status.success() {
        let msg = String::from_utf8_lossy(&out.stderr);
        bail!("{}: {}", dir.display(), msg.lines().next().unwrap_or("not a git repository").trim());
    }
    Ok(PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
}

/// Writes one hook into `hooks`, calling forcescan at `exe`. Idempotent: a hook forcescan wrote is
/// rewritten only if it differs; any other hook is moved to `<hook>.forcescan-chained` and run
/// first.
pub fn install(hooks: &Path, kind: HookKind, exe: &str) -> Result<Installed> {
    std::fs::create_dir_all(hooks).with_context(|| format!("{}: cannot create", hooks.display()))?;
    let path = hooks.join(kind.file_name());
    let want = script(kind, exe);
    let io = |e: std::io::Error| anyhow::anyhow!("{}: {}", path.display(), crate::sources::fs::io_message(&e));
    let mut previous = None;
    match std::fs::read(&path) {
        Ok(old) if old == want.as_bytes() => return Ok(Installed::Unchanged(path)),
        Ok(old) if String::from_utf8_lossy(&old).contains(MARK) => {}
        Ok(_) => {
            let aside = hooks.join(format!("{}{CHAINED_SUFFIX}", kind.file_name()));
            if aside.exists() {
                bail!("{}: exists already; move one of the two hooks away first", aside.display());
            }
            std::fs::rename(&path, &aside).map_err(io)?;
            previous = Some(aside);
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io(e)),
    }
    std::fs::write(&path, want).map_err(io)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).map_err(io)?;
    }
    Ok(match previous {
        Some(previous) => Installed::Chained { hook: path, previous },
        None => Installed::Written(path),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "1111111111111111111111111111111111111111";
    const Z: &str = "0000000000000000000000000000000000000000";

    #[test]
    fn push_lines_parse_and_classify() {
        let input = format!("refs/heads/a {A} refs/heads/a {Z}\n\nrefs/heads/b {Z} refs/heads/b {A}\n");
        let u = parse_push_lines(&input).unwrap();
        assert_eq!(u.len(), 2);
        assert!(u[0].is_new() && !u[0].is_delete());
        assert!(u[1].is_delete());
        let sha256 = "a".repeat(64);
        let zero256 = "0".repeat(64);
        let u = parse_push_lines(&format!("HEAD {sha256} refs/heads/x {zero256}")).unwrap();
        assert!(u[0].is_new());
        assert_eq!(push_scope(&u[..0], "origin"), None);
    }

    #[test]
    fn malformed_push_lines_are_errors() {
        assert_eq!(
            parse_push_lines("refs/heads/a xyz refs/heads/a 0").unwrap_err(),
            "pre-push input line 1: not an object id"
        );
        assert!(parse_push_lines(&format!("a {A} b")).is_err());
        assert!(parse_push_lines(&format!("a {A} b {}", "0".repeat(64))).is_err());
        assert!(parse_push_lines(&format!("a  {A} b {A}")).is_err());
    }

    #[test]
    fn only_deletions_scan_nothing_and_new_branches_hide_remote_refs() {
        let del = parse_push_lines(&format!("(delete) {Z} refs/heads/x {A}")).unwrap();
        assert_eq!(push_scope(&del, "origin"), None);
        let new = parse_push_lines(&format!("refs/heads/x {A} refs/heads/x {Z}")).unwrap();
        assert_eq!(
            push_scope(&new, "origin"),
            Some(Scope::Push {
                tips: vec![A.into()],
                hidden: vec![],
                hidden_refs: Some("refs/remotes/origin/*".into())
            })
        );
        assert!(matches!(push_scope(&new, "file:///tmp/x"), Some(Scope::Push { hidden_refs: None, .. })));
    }
}
