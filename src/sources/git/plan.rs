//! Scope planning: which commits a scan starts from and which it excludes, resolved from what the
//! user or git named (every ref, a branch, a range, what a push sends), with the errors of refs that
//! point nowhere and the boundary of a shallow clone.

use super::Scope;
use crate::error::ScanError;
use git2::{ErrorCode, Oid, Repository};
use std::collections::HashSet;

/// The commits a scope starts from and the ones it excludes (with everything they reach).
pub(super) struct Plan {
    pub(super) tips: Vec<Oid>,
    pub(super) hidden: Vec<Oid>,
    /// Commits the walk stops at, when known without walking everything `hidden` reaches: for a
    /// push, the parents of the pushed commits that the remote has (see [`push_boundary`]).
    pub(super) stop_at: Option<HashSet<Oid>>,
    /// Why the scope would be empty, for the error message.
    pub(super) empty_reason: String,
}

/// Resolves a scope into tips and hidden commits. Refs that cannot be read are added to `errors`;
/// a revision the user named that does not resolve is the returned error.
pub(super) fn plan_scope(repo: &Repository, scope: &Scope, errors: &mut Vec<ScanError>) -> Result<Plan, String> {
    let commit_of = |flag: &str, spec: &str| -> Result<Oid, String> {
        repo.revparse_single(spec)
            .and_then(|o| o.peel_to_commit())
            .map(|c| c.id())
            .map_err(|e| format!("{flag} {spec}: {}", e.message()))
    };
    let (tips, hidden, empty_reason) = match scope {
        Scope::AllRefs | Scope::AllObjects => (
            all_ref_tips(repo, errors),
            Vec::new(),
            if *scope == Scope::AllRefs {
                "no commit is reachable from any ref (an empty repository?)".to_string()
            } else {
                "the object database holds no commits or blobs".to_string()
            },
        ),
        Scope::Branch(name) => {
            (vec![commit_of("--branch", name)?], Vec::new(), format!("--branch {name} has no commits"))
        }
        Scope::Since { commit, branch } => {
            let tips = match branch {
                Some(b) => vec![commit_of("--branch", b)?],
                None => all_ref_tips(repo, errors),
            };
            let on = branch.as_deref().map_or("any ref".to_string(), |b| b.to_string());
            (tips, vec![commit_of("--since-commit", commit)?], format!("no commit on {on} comes after {commit}"))
        }
        Scope::Push { tips, hidden, hidden_refs } => {
            let tips = tips.iter().map(|t| commit_of("pushing", t)).collect::<Result<Vec<_>, _>>()?;
            let mut excluded: Vec<Oid> = hidden
                .iter()
                .filter_map(|h| repo.revparse_single(h).and_then(|o| o.peel_to_commit()).ok())
                .map(|c| c.id())
                .collect();
            if let Some(g) = hidden_refs {
                if let Ok(refs) = repo.references_glob(g) {
                    excluded.extend(refs.flatten().filter_map(|r| r.peel_to_commit().ok()).map(|c| c.id()));
                }
            }
            excluded.sort();
            excluded.dedup();
            (tips, excluded, "the push sends no new commits".to_string())
        }
        Scope::Range(spec) => {
            let rs = repo.revparse(spec).map_err(|e| format!("--range {spec}: {}", e.message()))?;
            if rs.mode().contains(git2::RevparseMode::MERGE_BASE) {
                return Err(format!("--range {spec}: symmetric ranges (A...B) are not supported; use A..B"));
            }
            let (Some(from), Some(to)) = (rs.from(), rs.to()) else {
                return Err(format!("--range {spec}: expected a range A..B"));
            };
            let peel = |o: &git2::Object| {
                o.peel_to_commit().map(|c| c.id()).map_err(|e| format!("--range {spec}: {}", e.message()))
            };
            (vec![peel(to)?], vec![peel(from)?], format!("the range {spec} has no commits"))
        }
    };
    let stop_at = match scope {
        Scope::Push { .. } if !hidden.is_empty() => push_boundary(repo, &tips, &hidden),
        _ => None,
    };
    Ok(Plan { tips, hidden, stop_at, empty_reason })
}

/// The commits just outside a push: parents of commits reachable from `tips` and not from `hidden`
/// that are themselves reachable from `hidden`. libgit2's walk finds the pushed commits by commit
/// date without visiting the whole history below `hidden`, which keeps a hook on a long history
/// fast. `None` if the walk fails (the caller then walks everything `hidden` reaches).
pub(super) fn push_boundary(repo: &Repository, tips: &[Oid], hidden: &[Oid]) -> Option<HashSet<Oid>> {
    let mut walk = repo.revwalk().ok()?;
    for t in tips {
        walk.push(*t).ok()?;
    }
    for h in hidden {
        walk.hide(*h).ok()?;
    }
    let pushed: HashSet<Oid> = walk.collect::<Result<_, _>>().ok()?;
    let mut boundary = HashSet::new();
    for c in &pushed {
        for p in repo.find_commit(*c).ok()?.parent_ids() {
            if !pushed.contains(&p) {
                boundary.insert(p);
            }
        }
    }
    // A hidden commit that is a tip itself (pushing what the remote has) stops the walk at once.
    boundary.extend(hidden.iter().copied());
    Some(boundary)
}

/// The commits every ref and HEAD point to, sorted. Symbolic refs are skipped (their targets are
/// refs too); refs to trees or blobs are skipped (`--all-objects` finds those blobs); a ref whose
/// object is missing is an error.
pub(super) fn all_ref_tips(repo: &Repository, errors: &mut Vec<ScanError>) -> Vec<Oid> {
    let mut peeled: Vec<(String, Result<Oid, git2::Error>)> = Vec::new();
    match repo.references() {
        Ok(refs) => {
            for r in refs {
                match r {
                    Ok(r) if r.kind() == Some(git2::ReferenceType::Symbolic) => {}
                    Ok(r) => peeled.push((
                        String::from_utf8_lossy(r.name_bytes()).into_owned(),
                        r.peel_to_commit().map(|c| c.id()),
                    )),
                    Err(e) => errors.push(ScanError {
                        path: "refs".to_string(),
                        message: format!("cannot read a ref: {}", e.message()),
                    }),
                }
            }
        }
        Err(e) => {
            errors.push(ScanError { path: "refs".to_string(), message: format!("cannot list refs: {}", e.message()) })
        }
    }
    // A detached HEAD reaches commits no ref does. An unborn HEAD (empty repository) is no error.
    if let Ok(head) = repo.head() {
        peeled.push(("HEAD".to_string(), head.peel_to_commit().map(|c| c.id())));
    }
    peeled.sort_by(|a, b| a.0.cmp(&b.0)); // errors in a stable order
    let mut tips = Vec::new();
    for (name, r) in peeled {
        match r {
            Ok(oid) => tips.push(oid),
            Err(e) if e.code() == ErrorCode::NotFound => errors
                .push(ScanError { path: name, message: format!("ref points to a missing object ({})", e.message()) }),
            Err(_) => {} // a ref to a tree or a blob
        }
    }
    tips.sort();
    tips.dedup();
    tips
}

/// The commits a shallow clone was cut at (`shallow` in the common git directory): their parents
/// are not in the repository.
pub(super) fn read_shallow(repo: &Repository) -> HashSet<Oid> {
    std::fs::read_to_string(repo.commondir().join("shallow"))
        .unwrap_or_default()
        .lines()
        .filter_map(|l| Oid::from_str(l.trim()).ok())
        .collect()
}
