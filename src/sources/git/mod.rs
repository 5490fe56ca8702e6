//! Git history: every blob that a scope of commits introduced, read and scanned exactly once, each
//! finding attributed to the commit and path that first introduced its blob.
//!
//! The scan runs in three phases so that memory is bounded by the number of objects, never by their
//! contents:
//!
//! 1. **Walk**. The commits in scope are put in topological order, oldest first, so every parent
//!    comes before its children. Each commit's tree is walked, skipping any subtree already walked
//!    for an earlier commit (and, for a range, any subtree equal to the one a parent has at that
//!    path): a blob not seen before was introduced by this commit, at this path. Only trees are
//!    read here, each distinct tree once, and only ids and paths are kept. Content that only a
//!    merge commit has (a conflict resolution) is new in the merge's tree, so it is found too. A
//!    long history is cut into consecutive slices walked on every thread and merged in order, to
//!    the same result (see `Walker::walk_in_parallel`).
//! 2. **Scan** (every core). Blobs are read straight from the pack files (see [`pack`]) in delta
//!    order, each right after the version it is stored as a delta of, so each is inflated once;
//!    one blob in memory per worker. Each worker has its own `git2::Repository` (it is not `Sync`)
//!    for what the packs cannot give: loose objects, alternates, damage to report.
//! 3. **Attribute**. A secret that stays in a file while the file changes is in many blobs; it is
//!    reported once per path, at the oldest blob that has it (and in a range, not at all if the
//!    version the range replaced already had it). Findings get their commit, author (name only:
//!    reports travel further than the repository), date and summary, and whether the same secret
//!    (same rule and fingerprint) is still in a blob of HEAD's tree. They are returned in
//!    introduction order, so the same repository always gives the same report.
//!
//! Missing or corrupt objects, a shallow boundary, or refs that point nowhere are reported as errors
//! and skipped; the rest of the scan goes on and the exit code is 2.

mod attribute;
mod object;
// Public only so that benches/git_blobs.rs can measure it against libgit2; not part of the API.
#[doc(hidden)]
pub mod pack;
mod plan;
mod push;
mod staged;
mod walk;

pub use push::{parse_push_lines, pre_commit_framework_input, push_scope, PushUpdate};
pub(crate) use staged::scan_staged;

use super::{display_path, Event, Progress, Sink, Unit};
use crate::detect::finding::{Finding, GitProvenance};
use crate::error::ScanError;
use attribute::{
    drop_inherited, keep_first_per_path, provenance, secret_keys, secrets_at_head, CommitInfoCache, SecretKey,
};
use git2::{ErrorCode, ObjectType, Oid, Repository};
use object::{short, Objects};
use pack::Packs;
use plan::{plan_scope, read_shallow};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use walk::{History, WalkShared, Walker};

/// Which commits (and objects) a git scan covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every commit reachable from any ref or from HEAD.
    AllRefs,
    /// Every commit reachable from one revision (a branch, tag or commit).
    Branch(String),
    /// What the commits of `A..B` introduced: reachable from B, not from A.
    Range(String),
    /// What the commits after `commit` introduced, on `branch` or on every ref.
    Since { commit: String, branch: Option<String> },
    /// Every ref, then every commit and blob in the object database that no ref reaches (dangling
    /// blobs, amended or reset commits): a forensic sweep.
    AllObjects,
    /// What a push sends: the commits reachable from `tips` and from none of `hidden` (the
    /// remote's old ids; those this repository does not have are skipped) nor from any ref
    /// `hidden_refs` matches (`refs/remotes/origin/*`: what the remote is known to have, which is
    /// all there is to go by for a new branch).
    Push { tips: Vec<String>, hidden: Vec<String>, hidden_refs: Option<String> },
}

/// What to scan and how.
#[derive(Debug, Clone)]
pub struct GitOptions {
    /// The repository, or any directory inside its work tree; `None`: the current directory.
    pub repo: Option<PathBuf>,
    pub scope: Scope,
    /// Worker threads for reading and scanning blobs (0: one per core).
    pub threads: usize,
}

/// Digits of a commit id shown in text reports and messages: enough to be unique in any real
/// repository, stable across runs (git's own abbreviation grows with the repository).
pub(crate) const SHORT_ID: usize = 12;

/// Files at least this large are scanned in parallel chunks, like memory-mapped files.
const CHUNKED_SCAN_BYTES: usize = 16 << 20;

/// Memory for objects resolved from packs, shared by all threads (see `pack`). Blobs are read in
/// delta order and need only the last few; the walk needs the latest version of each directory's
/// tree. 8 MiB already reads each object once in a 20,000-commit, 3,000-file history (32 MiB
/// measured the same wall time with 30 MB more peak RSS).
// Public (hidden) so that benches/git_blobs.rs measures the reader with the scan's own budget.
#[doc(hidden)]
pub const PACK_CACHE_BYTES: usize = 8 << 20;

/// Scans a repository's history: every blob the scope introduced, handed to `sink` once, each
/// finding attributed to the commit and path that first introduced it. Returns what happened in
/// the order a report tells it: problems with the repository, refs and objects first, then one
/// unit per blob in introduction order (so the same repository always gives the same report).
/// Whatever can be scanned still is.
pub(crate) fn scan(sink: &dyn Sink, opts: &GitOptions, progress: &Progress) -> Vec<Event> {
    configure_libgit2();
    let start = opts.repo.as_deref().unwrap_or_else(|| Path::new("."));
    let label = display_path(start);
    let repo_err = |message: String| Event::Incomplete(ScanError { path: label.clone(), message });
    let repo = match Repository::discover(start) {
        Ok(r) => r,
        Err(e) => {
            return vec![repo_err(match std::fs::metadata(start) {
                Err(io) => crate::error::io_message(&io),
                Ok(_) if e.code() == ErrorCode::NotFound => "not a git repository".to_string(),
                Ok(_) => format!("cannot open the repository: {}", e.message()),
            })];
        }
    };
    let odb = match repo.odb() {
        Ok(o) => o,
        Err(e) => return vec![repo_err(format!("cannot open the object database: {}", e.message()))],
    };
    let packs = Packs::open(&repo.commondir().join("objects").join("pack"), PACK_CACHE_BYTES);
    let mut errors = Vec::new();
    let plan = match plan_scope(&repo, &opts.scope, &mut errors) {
        Ok(p) => p,
        Err(message) => {
            let mut events: Vec<Event> = errors.into_iter().map(Event::Incomplete).collect();
            events.push(repo_err(message));
            return events;
        }
    };

    // Phase 1: the walk, on this thread.
    let shallow = read_shallow(&repo);
    let mut history = History::default();
    let threads = if opts.threads == 0 { rayon::current_num_threads() } else { opts.threads };
    let shared = WalkShared { packs: &packs, git_dir: repo.path(), label: &label, progress, threads };
    let mut walker = Walker::new(Objects::new(&packs, &odb), &shared);
    walker.walk(&mut history, &plan, &shallow);
    if opts.scope == Scope::AllObjects {
        walker.sweep_unreachable(&mut history, &shallow);
    }
    errors.append(&mut walker.errors);
    history.shallow_hits.sort();
    if !history.shallow_hits.is_empty() {
        let ids: Vec<String> = history.shallow_hits.iter().map(|o| short(*o)).collect();
        let message = format!("shallow clone: history before {} is not available", ids.join(", "));
        errors.insert(0, ScanError::new(&label, message));
    }
    let mut events: Vec<Event> = errors.into_iter().map(Event::Incomplete).collect();
    if history.commits.is_empty() && walker.units.is_empty() {
        // Pushing commits the remote already has is nothing new, and nothing to say.
        if !matches!(opts.scope, Scope::Push { .. }) {
            events.push(repo_err(format!("nothing to scan: {}", plan.empty_reason)));
        }
        return events;
    }

    // Phase 2: reading and scanning, on every core.
    let units = std::mem::take(&mut walker.units);
    drop(walker);
    let scanner = Scanner { git_dir: repo.path(), packs: &packs, sink, threads };
    let jobs: Vec<Job> = units.iter().map(|u| Job { oid: u.oid, path: &u.path }).collect();
    Progress::add(&progress.units_total, jobs.len() as u64);
    progress.set_phase(super::Phase::Scanning);
    let mut outcomes = scanner.scan(&jobs, Some(progress));

    // Phase 3: attribution, then the units in introduction order.
    let any_findings = outcomes.iter().any(|o| !o.findings.is_empty());
    let mut objects = Objects::new(&packs, &odb);
    let at_head = if any_findings { secrets_at_head(&repo, &scanner, &mut objects, &units, &outcomes) } else { None };
    if any_findings {
        drop_inherited(&scanner, &units, &mut outcomes);
        keep_first_per_path(&units, &mut outcomes);
    }
    let mut info = CommitInfoCache::new(objects);
    for (unit, outcome) in units.iter().zip(outcomes) {
        let mut findings = outcome.findings;
        for f in &mut findings {
            f.git = Some(provenance(unit, &history, &mut info, at_head.as_ref(), f));
        }
        let error = outcome.error.map(|message| ScanError::new(&unit.path, message));
        events.push(Event::Unit(Unit { path: unit.path.clone(), bytes: outcome.bytes, findings, error }));
    }
    events
}

/// Reads a blob's bytes by a finding's provenance.
pub type BlobReader = Box<dyn Fn(&GitProvenance) -> Option<Vec<u8>> + Send>;

/// Reads the blob a finding is in, for reports that quote or hash its lines (SARIF). Opens the
/// repository containing `repo` (as `scan` does) on first use; only blobs with findings are read.
pub fn blob_reader(repo: Option<&Path>) -> BlobReader {
    let start = repo.unwrap_or_else(|| Path::new(".")).to_path_buf();
    let opened: Mutex<Option<Repository>> = Mutex::new(None);
    Box::new(move |g| {
        let oid = Oid::from_str(&g.blob).ok()?;
        let mut repo = opened.lock().ok()?;
        if repo.is_none() {
            *repo = Some(Repository::discover(&start).ok()?);
        }
        let blob = repo.as_ref()?.find_blob(oid).ok()?;
        Some(blob.content().to_vec())
    })
}

/// Process-wide libgit2 settings, set once before any repository is opened.
fn configure_libgit2() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // libgit2 re-hashes (SHA-1 with collision detection) every object it reads; that costs as
        // much as the scan itself. zlib's checksum still catches damaged objects.
        git2::opts::strict_hash_verification(false);
        // forcescan only reads objects: it runs no hooks, filters or configured commands, which is
        // what the ownership check (git's safe.directory) protects against. Without this, scanning
        // a checkout owned by another user (a CI volume, a mounted disk) would fail.
        // SAFETY: called once, before this process opens any repository.
        unsafe {
            let _ = git2::opts::set_verify_owner_validation(false);
        }
    });
}

/// A blob to read and scan, named by the path it is reported under.
pub(super) struct Job<'a> {
    oid: Oid,
    path: &'a str,
}

/// The result of reading and scanning one blob.
#[derive(Debug, Default)]
pub(super) struct Outcome {
    pub(super) bytes: u64,
    pub(super) findings: Vec<Finding>,
    pub(super) error: Option<String>,
}

/// Phase 2: what reading and scanning blobs needs on every worker thread.
pub(super) struct Scanner<'a> {
    /// Each worker opens its own repository here (`git2::Repository` is not `Sync`).
    git_dir: &'a Path,
    packs: &'a Packs,
    sink: &'a dyn Sink,
    threads: usize,
}

impl Scanner<'_> {
    /// Reads and scans `jobs` in delta order (each blob right after its base, see `pack`), on
    /// `threads` workers that take small consecutive batches. Results are in `jobs` order.
    fn scan(&self, jobs: &[Job], progress: Option<&Progress>) -> Vec<Outcome> {
        const BATCH: usize = 16;
        if jobs.is_empty() {
            return Vec::new();
        }
        let ids: Vec<Oid> = jobs.iter().map(|j| j.oid).collect();
        let order = self.packs.read_order(&ids);
        let next = AtomicUsize::new(0);
        let done: Mutex<Vec<(usize, Outcome)>> = Mutex::new(Vec::with_capacity(jobs.len()));
        std::thread::scope(|s| {
            for _ in 0..self.threads.clamp(1, order.len()) {
                s.spawn(|| {
                    let repo = Repository::open(self.git_dir);
                    let odb = repo
                        .as_ref()
                        .map_err(|e| e.message().to_string())
                        .and_then(|r| r.odb().map_err(|e| e.message().to_string()));
                    let mut objects = odb.as_ref().map(|odb| Objects::new(self.packs, odb));
                    let mut mine = Vec::new();
                    loop {
                        let start = next.fetch_add(BATCH, Ordering::Relaxed);
                        if start >= order.len() {
                            break;
                        }
                        for &j in &order[start..(start + BATCH).min(order.len())] {
                            let out = match &mut objects {
                                Ok(objects) => self.scan_blob(objects, &jobs[j]),
                                Err(m) => Outcome {
                                    error: Some(format!("cannot open the repository: {m}")),
                                    ..Default::default()
                                },
                            };
                            if let Some(p) = progress {
                                Progress::add(&p.units_done, 1);
                                Progress::add(&p.bytes_done, out.bytes);
                            }
                            mine.push((j, out));
                        }
                    }
                    done.lock().unwrap().append(&mut mine);
                });
            }
        });
        let mut done = done.into_inner().unwrap();
        done.sort_by_key(|(j, _)| *j);
        done.into_iter().map(|(_, o)| o).collect()
    }

    fn scan_blob(&self, objects: &mut Objects, job: &Job) -> Outcome {
        match objects.read(job.oid, ObjectType::Blob) {
            Ok(obj) => {
                let data = obj.bytes();
                let found = if data.len() >= CHUNKED_SCAN_BYTES {
                    self.sink.large(job.path, data)
                } else {
                    self.sink.bytes(job.path, data)
                };
                match found {
                    Ok(findings) => Outcome { bytes: data.len() as u64, findings, error: None },
                    Err(e) => Outcome { bytes: data.len() as u64, findings: Vec::new(), error: Some(e) },
                }
            }
            Err(message) => Outcome { error: Some(message), ..Default::default() },
        }
    }

    /// The secrets in blobs outside the scope (HEAD's tree in a range scan, the versions a range
    /// replaced), scanned only to compare with: each is a blob and the path to scan it as.
    pub(super) fn secrets_of(&self, blobs: &[(Oid, String)]) -> Vec<HashSet<SecretKey>> {
        let jobs: Vec<Job> = blobs.iter().map(|(oid, path)| Job { oid: *oid, path }).collect();
        self.scan(&jobs, None).iter().map(|o| secret_keys(&o.findings).collect()).collect()
    }
}
