//! Phase 3, attribution: a secret that stays in a file while the file changes is in many blobs; it
//! is reported once per path, at the oldest blob that has it (and in a range, not at all if the
//! version the range replaced already had it). Findings get their commit, author, date and
//! summary, and whether the same secret is still in a blob of HEAD's tree.

use super::object::{parse_commit_info, parse_tree, CommitInfo, EntryKind, Objects};
use super::walk::{join_path, BlobUnit, History};
use super::{Outcome, Scanner};
use crate::detect::finding::{Finding, GitProvenance};
use git2::{ObjectType, Oid, Repository};
use std::collections::{HashMap, HashSet};

/// Reads each attributed commit's author, date and summary once.
pub(super) struct CommitInfoCache<'a> {
    objects: Objects<'a>,
    cache: HashMap<Oid, CommitInfo>,
}

impl<'a> CommitInfoCache<'a> {
    pub(super) fn new(objects: Objects<'a>) -> Self {
        CommitInfoCache { objects, cache: HashMap::new() }
    }
    pub(super) fn get(&mut self, oid: Oid) -> &CommitInfo {
        let objects = &mut self.objects;
        self.cache.entry(oid).or_insert_with(|| {
            objects
                .read(oid, ObjectType::Commit)
                .map_or(CommitInfo { author: None, date: None, summary: None }, |raw| parse_commit_info(raw.bytes()))
        })
    }
}

pub(super) fn provenance(
    unit: &BlobUnit,
    h: &History,
    info: &mut CommitInfoCache,
    at_head: Option<&HashSet<SecretKey>>,
    f: &Finding,
) -> GitProvenance {
    let commit = unit.commit.map(|i| h.commits[i as usize]);
    let ci = commit.map(|c| info.get(c).clone());
    GitProvenance {
        commit: commit.map(|c| c.to_string()),
        blob: unit.oid.to_string(),
        author: ci.as_ref().and_then(|c| c.author.clone()),
        date: ci.as_ref().and_then(|c| c.date.clone()),
        summary: ci.and_then(|c| c.summary),
        present_at_head: at_head.map(|s| s.contains(&(f.rule.clone(), f.fingerprint.clone()))),
    }
}

/// A secret as the attribution compares it: rule and fingerprint, never the value.
pub(super) type SecretKey = (String, String);

pub(super) fn secret_keys(findings: &[Finding]) -> impl Iterator<Item = SecretKey> + '_ {
    findings.iter().map(|f| (f.rule.clone(), f.fingerprint.clone()))
}

/// The secrets in the blobs of HEAD's tree, or `None` if HEAD does not name a commit (an unborn
/// branch). Blobs of HEAD outside the scope are scanned now.
pub(super) fn secrets_at_head(
    repo: &Repository,
    scanner: &Scanner,
    objects: &mut Objects,
    units: &[BlobUnit],
    outcomes: &[Outcome],
) -> Option<HashSet<SecretKey>> {
    let tree = repo.head().ok()?.peel_to_tree().ok()?.id();
    let head_blobs = blobs_of_tree(objects, tree);
    let mut secrets = HashSet::new();
    let mut scanned = HashSet::new();
    for (u, o) in units.iter().zip(outcomes) {
        scanned.insert(u.oid);
        if head_blobs.contains_key(&u.oid) {
            secrets.extend(secret_keys(&o.findings));
        }
    }
    let mut rest: Vec<(Oid, String)> = head_blobs.into_iter().filter(|(o, _)| !scanned.contains(o)).collect();
    rest.sort();
    secrets.extend(scanner.secrets_of(&rest).into_iter().flatten());
    Some(secrets)
}

/// In a range, changing a file makes a new blob, but a secret the replaced version already had
/// was not introduced by the range (a pre-push hook must not flag old secrets again): drop it.
pub(super) fn drop_inherited(scanner: &Scanner, units: &[BlobUnit], outcomes: &mut [Outcome]) {
    let index: HashMap<Oid, usize> = units.iter().enumerate().map(|(i, u)| (u.oid, i)).collect();
    let with_findings = || {
        units
            .iter()
            .zip(outcomes.iter())
            .enumerate()
            .filter(|(_, (u, o))| !o.findings.is_empty() && !u.replaced.is_empty())
    };
    let mut outside: Vec<(Oid, String)> = with_findings()
        .flat_map(|(_, (u, _))| u.replaced.iter().map(|r| (*r, u.path.clone())))
        .filter(|(r, _)| !index.contains_key(r))
        .collect();
    outside.sort();
    outside.dedup_by_key(|(r, _)| *r);
    let outside_secrets: HashMap<Oid, HashSet<SecretKey>> =
        outside.iter().map(|(r, _)| *r).zip(scanner.secrets_of(&outside)).collect();
    let before: Vec<(usize, HashSet<SecretKey>)> = with_findings()
        .map(|(i, (u, _))| {
            let mut had = HashSet::new();
            for r in &u.replaced {
                match index.get(r) {
                    Some(&j) => had.extend(secret_keys(&outcomes[j].findings)),
                    None => had.extend(outside_secrets.get(r).into_iter().flatten().cloned()),
                }
            }
            (i, had)
        })
        .collect();
    for (i, had) in before {
        outcomes[i].findings.retain(|f| !had.contains(&(f.rule.clone(), f.fingerprint.clone())));
    }
}

/// Every blob in a tree, with the first path it is at. Unreadable subtrees are skipped: HEAD's
/// trees were walked (and their errors reported) already, or are outside the scope.
pub(super) fn blobs_of_tree(objects: &mut Objects, root: Oid) -> HashMap<Oid, String> {
    let mut out = HashMap::new();
    let mut seen = HashSet::new();
    let mut stack = vec![(root, String::new())];
    while let Some((tree, prefix)) = stack.pop() {
        if !seen.insert(tree) {
            continue;
        }
        let Ok(raw) = objects.read(tree, ObjectType::Tree) else {
            continue;
        };
        for e in parse_tree(raw.bytes()).unwrap_or_default() {
            match e.kind {
                EntryKind::Tree => stack.push((e.id.oid(), join_path(&prefix, e.name))),
                EntryKind::Blob => {
                    out.entry(e.id.oid()).or_insert_with(|| join_path(&prefix, e.name));
                }
                EntryKind::Gitlink => {}
            }
        }
    }
    out
}

/// A secret that stays in a file while the file changes is in every version's blob; keep it only
/// in the oldest blob at that path (units are in introduction order), so it is reported once, at
/// the commit that first introduced it. A secret moved to another path is reported there too.
pub(super) fn keep_first_per_path(units: &[BlobUnit], outcomes: &mut [Outcome]) {
    let mut first: HashMap<(&str, String, String), usize> = HashMap::new();
    for (i, (u, o)) in units.iter().zip(outcomes.iter()).enumerate() {
        for f in &o.findings {
            first.entry((u.path.as_str(), f.rule.clone(), f.fingerprint.clone())).or_insert(i);
        }
    }
    for (i, (u, o)) in units.iter().zip(outcomes.iter_mut()).enumerate() {
        o.findings.retain(|f| first[&(u.path.as_str(), f.rule.clone(), f.fingerprint.clone())] == i);
    }
}
