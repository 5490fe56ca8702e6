//! What a push sends: git's pre-push protocol (`<local ref> <local oid> <remote ref> <remote oid>`
//! on standard input, or the `PRE_COMMIT_*` variables of the pre-commit framework) turned into a
//! [`Scope::Push`] of only the commits the remote does not have yet.

use super::Scope;

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
    pub(crate) fn is_delete(&self) -> bool {
        is_zero(&self.local_oid)
    }
    /// The remote does not have this ref yet.
    pub(crate) fn is_new(&self) -> bool {
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
