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
//!    (same rule and fingerprint) is still in a blob of HEAD's tree. They are handed to the reporter
//!    in introduction order, so the same repository always gives the same report.
//!
//! Missing or corrupt objects, a shallow boundary, or refs that point nowhere are reported as errors
//! and skipped; the rest of the scan goes on and the exit code is 2.

use crate::engine::Engine;
use crate::finding::{Finding, GitProvenance};
use crate::report::artifacts::BlobReader;
use crate::report::Reporter;
use crate::sources::fs::{display_path, ScanError};
use crate::verify::Verifier;
use git2::{ErrorCode, ObjectType, Odb, Oid, Repository};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

// Public only so that benches/git_blobs.rs can measure it against libgit2; not part of the API.
#[doc(hidden)]
pub mod pack;
use pack::Packs;

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
    /// Show a progress bar on stderr (the caller decides: only on a terminal, never in CI).
    pub progress: bool,
}

/// Digits of a commit id shown in text reports and messages: enough to be unique in any real
/// repository, stable across runs (git's own abbreviation grows with the repository).
pub const SHORT_ID: usize = 12;

/// Files at least this large are scanned in parallel chunks, like memory-mapped files.
const CHUNKED_SCAN_BYTES: usize = 16 << 20;

/// Memory for objects resolved from packs, shared by all threads (see `pack`). Blobs are read in
/// delta order and need only the last few; the walk needs the latest version of each directory's
/// tree. 8 MiB already reads each object once in a 20,000-commit, 3,000-file history (32 MiB
/// measured the same wall time with 30 MB more peak RSS).
// Public (hidden) so that benches/git_blobs.rs measures the reader with the scan's own budget.
#[doc(hidden)]
pub const PACK_CACHE_BYTES: usize = 8 << 20;

/// Scans a repository's history into `reporter`, checking each credential live first when given a
/// `verifier`. Every problem, fatal or not, is reported there as an error (so the exit code
/// becomes 2); whatever can be scanned still is.
pub fn scan(engine: &Engine, opts: &GitOptions, verifier: Option<&Verifier>, reporter: &mut Reporter) {
    configure_libgit2();
    let start = opts.repo.as_deref().unwrap_or_else(|| Path::new("."));
    let label = display_path(start);
    let repo_err = |message: String| ScanError { path: label.clone(), message };
    let repo = match Repository::discover(start) {
        Ok(r) => r,
        Err(e) => {
            reporter.error(repo_err(match std::fs::metadata(start) {
                Err(io) => crate::sources::fs::io_message(&io),
                Ok(_) if e.code() == ErrorCode::NotFound => "not a git repository".to_string(),
                Ok(_) => format!("cannot open the repository: {}", e.message()),
            }));
            return;
        }
    };
    let odb = match repo.odb() {
        Ok(o) => o,
        Err(e) => {
            reporter.error(repo_err(format!("cannot open the object database: {}", e.message())));
            return;
        }
    };
    let packs = Packs::open(&repo.commondir().join("objects").join("pack"), PACK_CACHE_BYTES);
    let progress = Progress::new(opts.progress);
    let mut errors = Vec::new();
    let plan = match plan_scope(&repo, &opts.scope, &mut errors) {
        Ok(p) => p,
        Err(message) => {
            errors.into_iter().for_each(|e| reporter.error(e));
            reporter.error(repo_err(message));
            return;
        }
    };

    // Phase 1: the walk, on this thread.
    let shallow = read_shallow(&repo);
    let mut history = History::default();
    let threads = if opts.threads == 0 { rayon::current_num_threads() } else { opts.threads };
    let shared = WalkShared { packs: &packs, git_dir: repo.path(), label: &label, progress: &progress, threads };
    let mut walker = Walker::new(Objects::new(&packs, &odb), &shared);
    walker.walk(&mut history, &plan, &shallow);
    if opts.scope == Scope::AllObjects {
        walker.sweep_unreachable(&mut history, &shallow);
    }
    errors.append(&mut walker.errors);
    history.shallow_hits.sort();
    if !history.shallow_hits.is_empty() {
        let ids: Vec<String> = history.shallow_hits.iter().map(|o| short(*o)).collect();
        errors.insert(0, repo_err(format!("shallow clone: history before {} is not available", ids.join(", "))));
    }
    if history.commits.is_empty() && walker.units.is_empty() {
        errors.into_iter().for_each(|e| reporter.error(e));
        if matches!(opts.scope, Scope::Push { .. }) {
            return; // pushing commits the remote already has: nothing new, nothing to say
        }
        reporter.error(repo_err(format!("nothing to scan: {}", plan.empty_reason)));
        return;
    }
    errors.into_iter().for_each(|e| reporter.error(e));

    // Phase 2: reading and scanning, on every core.
    let units = std::mem::take(&mut walker.units);
    drop(walker);
    let scanner = Scanner { git_dir: repo.path(), packs: &packs, engine, threads };
    let jobs: Vec<Job> = units.iter().map(|u| Job { oid: u.oid, path: &u.path }).collect();
    progress.scanning(jobs.len());
    let mut outcomes = scanner.scan(&jobs, &progress);
    progress.finish();

    // Phase 3: attribution, then the report in introduction order.
    let any_findings = outcomes.iter().any(|o| !o.findings.is_empty());
    let mut objects = Objects::new(&packs, &odb);
    let at_head = if any_findings { secrets_at_head(&repo, &scanner, &mut objects, &units, &outcomes) } else { None };
    if any_findings {
        drop_inherited(&scanner, &units, &mut outcomes);
        keep_first_per_path(&units, &mut outcomes);
    }
    let mut info = CommitInfoCache::new(objects);
    for (unit, outcome) in units.iter().zip(outcomes.iter_mut()) {
        for f in &mut outcome.findings {
            f.git = Some(provenance(unit, &history, &mut info, at_head.as_ref(), f));
        }
    }
    if let Some(v) = verifier {
        // A suppressed credential is never sent for validation.
        outcomes.iter_mut().for_each(|o| reporter.suppress(&mut o.findings));
        // Network-bound: checked in parallel, each distinct credential once (the verifier dedupes).
        use rayon::prelude::*;
        outcomes.par_iter_mut().filter(|o| !o.findings.is_empty()).for_each(|o| v.annotate(&mut o.findings));
    }
    for (unit, outcome) in units.iter().zip(outcomes) {
        let error = outcome.error.map(|message| ScanError { path: unit.path.clone(), message });
        reporter.unit(&unit.path, outcome.bytes, outcome.findings, error);
    }
}

/// Reads the blob a finding is in, for reports that quote or hash its lines (SARIF). Opens the
/// repository containing `repo` (as [`scan`] does) on first use; only blobs with findings are read.
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

/// The commits a scope starts from and the ones it excludes (with everything they reach).
struct Plan {
    tips: Vec<Oid>,
    hidden: Vec<Oid>,
    /// Commits the walk stops at, when known without walking everything `hidden` reaches: for a
    /// push, the parents of the pushed commits that the remote has (see [`push_boundary`]).
    stop_at: Option<HashSet<Oid>>,
    /// Why the scope would be empty, for the error message.
    empty_reason: String,
}

/// Resolves a scope into tips and hidden commits. Refs that cannot be read are added to `errors`;
/// a revision the user named that does not resolve is the returned error.
fn plan_scope(repo: &Repository, scope: &Scope, errors: &mut Vec<ScanError>) -> Result<Plan, String> {
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
fn push_boundary(repo: &Repository, tips: &[Oid], hidden: &[Oid]) -> Option<HashSet<Oid>> {
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
fn all_ref_tips(repo: &Repository, errors: &mut Vec<ScanError>) -> Vec<Oid> {
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
fn read_shallow(repo: &Repository) -> HashSet<Oid> {
    std::fs::read_to_string(repo.commondir().join("shallow"))
        .unwrap_or_default()
        .lines()
        .filter_map(|l| Oid::from_str(l.trim()).ok())
        .collect()
}

/// The commits in scope, in walk order, and what the walk learnt about them.
#[derive(Default)]
struct History {
    /// Commits in topological order, oldest first; `Unit::commit` indexes this.
    commits: Vec<Oid>,
    /// Every commit already walked (so a second walk, of unreachable commits, skips them).
    walked: HashSet<Oid>,
    /// Shallow-boundary commits the walk reached.
    shallow_hits: Vec<Oid>,
}

/// A blob to scan: its id, and the commit (index into `History::commits`, `None` for a blob no
/// commit reaches) and path that introduced it. Units are created in introduction order.
struct Unit {
    oid: Oid,
    commit: Option<u32>,
    path: String,
    /// In a range: the blobs the parents had at this path, which this one replaced.
    replaced: Vec<Oid>,
}

/// A commit as the walk needs it.
struct CommitNode {
    oid: Oid,
    tree: Oid,
    parents: Vec<Oid>,
    time: i64,
}

/// What the walkers of one scan share (one walker per thread in a parallel walk).
struct WalkShared<'a> {
    packs: &'a Packs,
    /// Where a walker on another thread opens its own repository.
    git_dir: &'a Path,
    /// How the repository is named in errors that concern no path (commits, refs).
    label: &'a str,
    progress: &'a Progress,
    threads: usize,
}

/// A history at least this long is walked on every thread (see `Walker::walk_in_parallel`);
/// below it the duplicated first trees cost more than the threads save.
const PARALLEL_WALK_MIN_COMMITS: usize = 128;

/// One slice of a parallel walk, on its own thread with its own repository handle: the trees it
/// walked, its units (numbered from commit `first`) and its errors.
fn walk_slice(shared: &WalkShared, first: usize, trees: &[Oid]) -> (IdSet, Vec<Unit>, Vec<ScanError>) {
    let repo = match Repository::open(shared.git_dir) {
        Ok(r) => r,
        Err(e) => {
            let message = format!("cannot open the repository: {}", e.message());
            return (IdSet::default(), Vec::new(), vec![ScanError { path: shared.label.into(), message }]);
        }
    };
    let odb = match repo.odb() {
        Ok(o) => o,
        Err(e) => {
            let message = format!("cannot open the object database: {}", e.message());
            return (IdSet::default(), Vec::new(), vec![ScanError { path: shared.label.into(), message }]);
        }
    };
    let mut w = Walker::new(Objects::new(shared.packs, &odb), shared);
    for (k, tree) in trees.iter().enumerate() {
        w.walk_tree((first + k) as u32, *tree, Vec::new());
        shared.progress.walked(1);
    }
    (w.trees, w.units, w.errors)
}

/// Phase 1: walks commits and trees, creating a `Unit` for every blob not seen before.
struct Walker<'a> {
    objects: Objects<'a>,
    shared: &'a WalkShared<'a>,
    /// Trees already walked: every blob under them has been seen.
    trees: IdSet,
    /// Blobs already seen (each has its unit).
    blobs: IdSet,
    /// One per blob to scan, in introduction order.
    units: Vec<Unit>,
    /// What could not be read, in walk order.
    errors: Vec<ScanError>,
}

impl<'a> Walker<'a> {
    fn new(objects: Objects<'a>, shared: &'a WalkShared<'a>) -> Self {
        Walker {
            objects,
            shared,
            trees: IdSet::default(),
            blobs: IdSet::default(),
            units: Vec::new(),
            errors: Vec::new(),
        }
    }

    /// Walks every commit reachable from `tips` but not from `hidden`. With hidden commits (a
    /// range), each commit's tree is compared with its parents' so that only what the commits in
    /// range introduced is collected.
    fn walk(&mut self, h: &mut History, plan: &Plan, shallow: &HashSet<Oid>) {
        self.walk_from(h, &plan.tips, &plan.hidden, plan.stop_at.as_ref(), shallow)
    }

    /// [`Self::walk`] of explicit tips and hidden commits; `stop_at`, when given, replaces
    /// walking everything `hidden` reaches.
    fn walk_from(
        &mut self,
        h: &mut History,
        tips: &[Oid],
        hidden: &[Oid],
        stop_at: Option<&HashSet<Oid>>,
        shallow: &HashSet<Oid>,
    ) {
        let excluded = match stop_at {
            Some(s) => s.clone(),
            None if hidden.is_empty() => HashSet::new(),
            None => self.reachable(hidden, shallow),
        };
        let compare = !hidden.is_empty();
        let nodes = self.collect_commits(h, tips, &excluded, shallow);
        let order = topo_oldest_first(&nodes);
        let base = h.commits.len();
        h.commits.extend(order.iter().map(|&i| nodes[i].oid));
        let trees: Vec<Oid> = order.iter().map(|&i| nodes[i].tree).collect();
        if !compare && self.shared.threads > 1 && trees.len() >= PARALLEL_WALK_MIN_COMMITS {
            return self.walk_in_parallel(base, &trees);
        }
        let mut parent_trees: HashMap<Oid, Oid> = nodes.iter().map(|n| (n.oid, n.tree)).collect();
        for (k, &i) in order.iter().enumerate() {
            let parents: Vec<Oid> = if compare {
                nodes[i].parents.iter().filter_map(|p| self.tree_of(*p, &mut parent_trees)).collect()
            } else {
                Vec::new()
            };
            self.walk_tree((base + k) as u32, nodes[i].tree, parents);
            self.shared.progress.walked(1);
        }
    }

    /// The walk of `trees` (the root trees of the commits numbered from `base`, in walk order),
    /// split into one consecutive slice per thread, each walked by its own walker that knows
    /// nothing of the others. Merging in slice order then keeps a blob only if no earlier slice
    /// had it: the blob's first commit and path in its own slice are then its first overall, since
    /// the slices are consecutive parts of one order. So the result is exactly the sequential
    /// walk's; the price is that each slice walks its first commit's whole tree.
    fn walk_in_parallel(&mut self, base: usize, trees: &[Oid]) {
        let shared = self.shared;
        // At least 64 commits a slice, so the first trees each slice walks in full stay a fraction.
        let slices = shared.threads.min(trees.len() / 64).max(1);
        let per = trees.len().div_ceil(slices);
        let slices: Vec<(IdSet, Vec<Unit>, Vec<ScanError>)> = std::thread::scope(|s| {
            let workers: Vec<_> = trees
                .chunks(per)
                .enumerate()
                .map(|(c, slice)| s.spawn(move || walk_slice(shared, base + c * per, slice)))
                .collect();
            workers.into_iter().map(|w| w.join().expect("walker thread")).collect()
        });
        // Each slice reports an unreadable object it meets; the sequential walk reports it once.
        let mut reported: HashSet<String> = self.errors.iter().map(|e| e.message.clone()).collect();
        for (trees, units, errors) in slices {
            for u in units {
                if self.blobs.insert(Id::of(u.oid)) {
                    self.units.push(u);
                }
            }
            self.trees.extend(trees);
            self.errors.extend(errors.into_iter().filter(|e| reported.insert(e.message.clone())));
        }
    }

    /// The tree of a commit outside the walk (a range's boundary parent), cached.
    fn tree_of(&mut self, commit: Oid, cache: &mut HashMap<Oid, Oid>) -> Option<Oid> {
        if let Some(t) = cache.get(&commit) {
            return Some(*t);
        }
        let raw = self.read(commit, ObjectType::Commit, "")?;
        let tree = parse_commit(raw.bytes())?.tree;
        cache.insert(commit, tree);
        Some(tree)
    }

    /// Reads an object of the expected kind; a missing or wrong object is recorded as an error
    /// (against `path`, or the repository for the root tree and commits) and gives `None`.
    fn read(&mut self, oid: Oid, kind: ObjectType, path: &str) -> Option<Data<'a>> {
        match self.objects.read(oid, kind) {
            Ok(o) => Some(o),
            Err(message) => {
                self.errors.push(ScanError { path: self.display(path), message });
                None
            }
        }
    }

    /// A path for an error message; the root tree and commits are the repository's.
    fn display(&self, path: &str) -> String {
        if path.is_empty() { self.shared.label } else { path }.to_string()
    }

    /// Every commit reachable from `from` (the hidden side of a range).
    fn reachable(&mut self, from: &[Oid], shallow: &HashSet<Oid>) -> HashSet<Oid> {
        let mut seen = HashSet::new();
        let mut stack: Vec<Oid> = from.to_vec();
        while let Some(oid) = stack.pop() {
            if !seen.insert(oid) {
                continue;
            }
            let Some(raw) = self.read(oid, ObjectType::Commit, "") else {
                continue;
            };
            if let Some(c) = parse_commit(raw.bytes()) {
                if !shallow.contains(&oid) {
                    stack.extend(c.parents);
                }
            }
        }
        seen
    }

    /// The commits reachable from `tips`, minus `excluded` and minus commits walked before.
    fn collect_commits(
        &mut self,
        h: &mut History,
        tips: &[Oid],
        excluded: &HashSet<Oid>,
        shallow: &HashSet<Oid>,
    ) -> Vec<CommitNode> {
        let mut nodes = Vec::new();
        let mut stack: Vec<Oid> = tips.iter().rev().copied().collect();
        while let Some(oid) = stack.pop() {
            if excluded.contains(&oid) || !h.walked.insert(oid) {
                continue;
            }
            let Some(raw) = self.read(oid, ObjectType::Commit, "") else {
                continue;
            };
            let Some(mut c) = parse_commit(raw.bytes()) else {
                self.errors.push(ScanError {
                    path: self.shared.label.to_string(),
                    message: format!("commit {oid} is corrupt"),
                });
                continue;
            };
            if shallow.contains(&oid) {
                // Its parents were not fetched: to the walk it is a root commit.
                c.parents.clear();
                h.shallow_hits.push(oid);
            }
            stack.extend(c.parents.iter().rev());
            nodes.push(CommitNode { oid, tree: c.tree, parents: c.parents, time: c.time });
        }
        nodes
    }

    /// Walks one commit's tree. `parents` are the parent commits' root trees when comparing (a
    /// range), empty otherwise: then a blob is new exactly when no earlier commit had it, since
    /// parents were walked first.
    fn walk_tree(&mut self, commit: u32, root: Oid, parents: Vec<Oid>) {
        if parents.contains(&root) || !self.trees.insert(Id::of(root)) {
            return;
        }
        let mut stack: Vec<(Oid, String, Vec<Oid>)> = vec![(root, String::new(), parents)];
        while let Some((tree, prefix, parents)) = stack.pop() {
            let Some(raw) = self.read(tree, ObjectType::Tree, &prefix) else {
                continue;
            };
            let parent_raws: Vec<Data> =
                parents.iter().filter_map(|p| self.read(*p, ObjectType::Tree, &prefix)).collect();
            let parent_entries: Vec<HashMap<&[u8], TreeEntry>> = parent_raws
                .iter()
                .map(|r| parse_tree(r.bytes()).unwrap_or_default().into_iter().map(|e| (e.name, e)).collect())
                .collect();
            let Some(entries) = parse_tree(raw.bytes()) else {
                self.errors.push(ScanError { path: self.display(&prefix), message: format!("tree {tree} is corrupt") });
                continue;
            };
            for e in entries {
                let in_parent =
                    |kind| parent_entries.iter().filter_map(move |m| m.get(&e.name).filter(|p| p.kind == kind));
                match e.kind {
                    EntryKind::Gitlink => {}
                    EntryKind::Tree => {
                        if in_parent(EntryKind::Tree).any(|p| p.id == e.id) || !self.trees.insert(e.id) {
                            continue;
                        }
                        let sub: Vec<Oid> = in_parent(EntryKind::Tree).map(|p| p.id.oid()).collect();
                        stack.push((e.id.oid(), join_path(&prefix, e.name), sub));
                    }
                    EntryKind::Blob => {
                        if self.blobs.contains(&e.id) || in_parent(EntryKind::Blob).any(|p| p.id == e.id) {
                            continue;
                        }
                        self.blobs.insert(e.id);
                        self.units.push(Unit {
                            oid: e.id.oid(),
                            commit: Some(commit),
                            path: join_path(&prefix, e.name),
                            replaced: in_parent(EntryKind::Blob).map(|p| p.id.oid()).collect(),
                        });
                    }
                }
            }
        }
    }

    /// `--all-objects`: after the refs, walks every commit no ref reaches (attributing its new
    /// blobs to it), then adds every blob still not seen, attributed to no commit.
    fn sweep_unreachable(&mut self, h: &mut History, shallow: &HashSet<Oid>) {
        let mut unknown = Vec::new();
        let odb = self.objects.odb;
        let listed = odb.foreach(|oid| {
            let id = Id::of(*oid);
            if !h.walked.contains(oid) && !self.trees.contains(&id) && !self.blobs.contains(&id) {
                unknown.push(*oid);
            }
            true
        });
        if let Err(e) = listed {
            self.errors.push(ScanError {
                path: self.shared.label.to_string(),
                message: format!("cannot list every object: {}", e.message()),
            });
        }
        unknown.sort();
        unknown.dedup();
        let mut commits = Vec::new();
        let mut blobs = Vec::new();
        for oid in unknown {
            match odb.read_header(oid) {
                Ok((_, ObjectType::Commit)) => commits.push(oid),
                Ok((_, ObjectType::Blob)) => blobs.push(oid),
                Ok(_) => {}
                Err(e) => self
                    .errors
                    .push(ScanError { path: self.shared.label.to_string(), message: object_error("object", oid, &e) }),
            }
        }
        self.walk_from(h, &commits, &[], None, shallow);
        for oid in blobs {
            if self.blobs.insert(Id::of(oid)) {
                self.units.push(Unit { oid, commit: None, path: format!("<blob:{oid}>"), replaced: Vec::new() });
            }
        }
    }
}

/// `a/b` from a prefix and a tree entry name (lossy UTF-8: reports are text).
fn join_path(prefix: &str, name: &[u8]) -> String {
    let name = String::from_utf8_lossy(name);
    if prefix.is_empty() {
        name.into_owned()
    } else {
        format!("{prefix}/{name}")
    }
}

/// Commits ordered parents-first, oldest first among those ready (by committer time, then id, so
/// the order is the same on every run): Kahn's algorithm over the edges inside `nodes`.
fn topo_oldest_first(nodes: &[CommitNode]) -> Vec<usize> {
    let index: HashMap<Oid, usize> = nodes.iter().enumerate().map(|(i, n)| (n.oid, i)).collect();
    let mut pending = vec![0usize; nodes.len()];
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for (i, n) in nodes.iter().enumerate() {
        for p in &n.parents {
            if let Some(&pi) = index.get(p) {
                pending[i] += 1;
                children[pi].push(i);
            }
        }
    }
    let key = |i: usize| Reverse((nodes[i].time, nodes[i].oid, i));
    let mut ready: BinaryHeap<_> = (0..nodes.len()).filter(|&i| pending[i] == 0).map(key).collect();
    let mut order = Vec::with_capacity(nodes.len());
    while let Some(Reverse((_, _, i))) = ready.pop() {
        order.push(i);
        for &c in &children[i] {
            pending[c] -= 1;
            if pending[c] == 0 {
                ready.push(key(c));
            }
        }
    }
    order
}

/// Objects by id: from the packs where possible (see `pack`: much faster for delta chains), else
/// through libgit2, whose error is the one reported when neither can read an object.
struct Objects<'a> {
    packs: pack::PackReader<'a>,
    odb: &'a Odb<'a>,
}

/// An object's bytes, wherever they came from.
enum Data<'a> {
    Packed(Arc<pack::Object>),
    Odb(git2::OdbObject<'a>),
}

impl Data<'_> {
    fn bytes(&self) -> &[u8] {
        match self {
            Data::Packed(o) => &o.data,
            Data::Odb(o) => o.data(),
        }
    }
    fn kind(&self) -> ObjectType {
        match self {
            Data::Packed(o) => o.kind,
            Data::Odb(o) => o.kind(),
        }
    }
}

impl<'a> Objects<'a> {
    fn new(packs: &'a Packs, odb: &'a Odb<'a>) -> Self {
        Objects { packs: packs.reader(), odb }
    }

    /// Reads an object and checks its kind; the error is a message naming the object.
    fn read(&mut self, oid: Oid, kind: ObjectType) -> Result<Data<'a>, String> {
        let data = match self.packs.read(oid) {
            Some(o) => Data::Packed(o),
            None => Data::Odb(self.odb.read(oid).map_err(|e| object_error(kind.str(), oid, &e))?),
        };
        if data.kind() != kind {
            return Err(format!("{} {oid} is a {}, not a {}", kind.str(), data.kind().str(), kind.str()));
        }
        Ok(data)
    }
}

fn object_error(kind: &str, oid: Oid, e: &git2::Error) -> String {
    if e.code() == ErrorCode::NotFound {
        format!("missing {kind} {oid}")
    } else {
        format!("cannot read {kind} {oid}: {}", e.message())
    }
}

/// The fields of a raw commit object the walk needs.
#[derive(Debug, PartialEq, Eq)]
struct RawCommit {
    tree: Oid,
    parents: Vec<Oid>,
    /// Committer time (seconds since the epoch), for oldest-first ordering.
    time: i64,
}

/// Parses `tree`, `parent` and `committer` from a raw commit; `None` if there is no valid tree.
fn parse_commit(data: &[u8]) -> Option<RawCommit> {
    let mut tree = None;
    let mut parents = Vec::new();
    let mut time = 0;
    for line in data.split(|&b| b == b'\n') {
        if line.is_empty() {
            break; // end of headers
        }
        if let Some(h) = line.strip_prefix(b"tree ") {
            tree = hex_oid(h);
        } else if let Some(h) = line.strip_prefix(b"parent ") {
            parents.push(hex_oid(h)?);
        } else if let Some(s) = line.strip_prefix(b"committer ") {
            time = parse_signature(s).map_or(0, |s| s.time);
        }
    }
    Some(RawCommit { tree: tree?, parents, time })
}

fn hex_oid(h: &[u8]) -> Option<Oid> {
    Oid::from_str(std::str::from_utf8(h).ok()?.trim()).ok()
}

/// `Name <email> 1500000000 +0200`, without the e-mail.
#[derive(Debug, PartialEq, Eq)]
struct Signature {
    name: String,
    time: i64,
    /// Minutes east of UTC.
    offset: i32,
}

fn parse_signature(s: &[u8]) -> Option<Signature> {
    let lt = s.iter().position(|&b| b == b'<')?;
    let gt = s.iter().rposition(|&b| b == b'>')?;
    let name = String::from_utf8_lossy(&s[..lt]).trim().to_string();
    let rest = std::str::from_utf8(s.get(gt + 1..)?).ok()?;
    let mut it = rest.split_whitespace();
    let time: i64 = it.next()?.parse().ok()?;
    let tz = it.next().unwrap_or("+0000").as_bytes();
    let offset = if tz.len() == 5 && (tz[0] == b'+' || tz[0] == b'-') {
        let n: i32 = std::str::from_utf8(&tz[1..]).ok()?.parse().ok()?;
        let m = (n / 100) * 60 + n % 100;
        if tz[0] == b'-' {
            -m
        } else {
            m
        }
    } else {
        0
    };
    Some(Signature { name, time, offset })
}

/// RFC 3339 in the author's own time zone, as `git log --date=iso-strict` shows it.
fn rfc3339(time: i64, offset_minutes: i32) -> String {
    let local = time + offset_minutes as i64 * 60;
    let (days, secs) = (local.div_euclid(86_400), local.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let off = offset_minutes.unsigned_abs();
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        secs / 3600,
        secs / 60 % 60,
        secs % 60,
        off / 60,
        off % 60
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// What a finding's provenance says about its commit.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CommitInfo {
    author: Option<String>,
    date: Option<String>,
    summary: Option<String>,
}

fn parse_commit_info(data: &[u8]) -> CommitInfo {
    let mut author = None;
    let mut date = None;
    let (headers, message) = match data.windows(2).position(|w| w == b"\n\n") {
        Some(i) => (&data[..i], &data[i + 2..]),
        None => (data, &data[data.len()..]),
    };
    for line in headers.split(|&b| b == b'\n') {
        if let Some(s) = line.strip_prefix(b"author ") {
            if let Some(sig) = parse_signature(s) {
                date = Some(rfc3339(sig.time, sig.offset));
                author = Some(sig.name);
            }
        }
    }
    // git's summary (`%s`): the first paragraph, lines joined by spaces.
    let text = String::from_utf8_lossy(message);
    let summary: Vec<&str> =
        text.lines().map(str::trim).skip_while(|l| l.is_empty()).take_while(|l| !l.is_empty()).collect();
    CommitInfo { author, date, summary: (!summary.is_empty()).then(|| summary.join(" ")) }
}

/// Reads each attributed commit's author, date and summary once.
struct CommitInfoCache<'a> {
    objects: Objects<'a>,
    cache: HashMap<Oid, CommitInfo>,
}

impl<'a> CommitInfoCache<'a> {
    fn new(objects: Objects<'a>) -> Self {
        CommitInfoCache { objects, cache: HashMap::new() }
    }
    fn get(&mut self, oid: Oid) -> &CommitInfo {
        let objects = &mut self.objects;
        self.cache.entry(oid).or_insert_with(|| {
            objects
                .read(oid, ObjectType::Commit)
                .map_or(CommitInfo { author: None, date: None, summary: None }, |raw| parse_commit_info(raw.bytes()))
        })
    }
}

fn provenance(
    unit: &Unit,
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

/// Abbreviated id for messages.
fn short(oid: Oid) -> String {
    oid.to_string()[..SHORT_ID].to_string()
}

/// A raw object id. The walk looks up every entry of every tree it reads in its sets (millions
/// of lookups), so ids are compared as plain bytes (`Oid` compares through an FFI call) and hashed
/// by their first 8 bytes: ids are SHA-1 output, already uniformly random.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Id([u8; 20]);

impl Id {
    fn of(oid: Oid) -> Id {
        let mut b = [0; 20];
        b.copy_from_slice(oid.as_bytes());
        Id(b)
    }
    fn oid(self) -> Oid {
        Oid::from_bytes(&self.0).expect("20 bytes")
    }
}

impl std::hash::Hash for Id {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        let mut lead = [0; 8];
        lead.copy_from_slice(&self.0[..8]);
        h.write_u64(u64::from_le_bytes(lead));
    }
}

/// Passes an [`Id`]'s leading bytes through as its hash.
#[derive(Default)]
struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
}

type IdSet = HashSet<Id, std::hash::BuildHasherDefault<IdHasher>>;

/// A tree entry: what it points to and its name (raw bytes: git paths need not be UTF-8).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TreeEntry<'a> {
    kind: EntryKind,
    name: &'a [u8],
    id: Id,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EntryKind {
    Tree,
    /// Files and symbolic links (a link's target is a blob too).
    Blob,
    /// A submodule's commit: in another repository, not scanned.
    Gitlink,
}

/// Parses a raw tree: entries of `<octal mode> <name>\0<20-byte id>`. `None` if malformed.
fn parse_tree(mut data: &[u8]) -> Option<Vec<TreeEntry<'_>>> {
    let mut out = Vec::new();
    while !data.is_empty() {
        let sp = memchr::memchr(b' ', data)?;
        if sp == 0 || sp > 7 {
            return None;
        }
        let mut mode = 0u32;
        for &d in &data[..sp] {
            if !(b'0'..=b'7').contains(&d) {
                return None;
            }
            mode = mode * 8 + u32::from(d - b'0');
        }
        let nul = sp + 1 + memchr::memchr(0, &data[sp + 1..])?;
        let id = Id(data.get(nul + 1..nul + 21)?.try_into().ok()?);
        let kind = match mode & 0o170000 {
            0o040000 => EntryKind::Tree,
            0o160000 => EntryKind::Gitlink,
            _ => EntryKind::Blob,
        };
        out.push(TreeEntry { kind, name: &data[sp + 1..nul], id });
        data = &data[nul + 21..];
    }
    Some(out)
}

/// A blob to read and scan, named by the path it is reported under.
struct Job<'a> {
    oid: Oid,
    path: &'a str,
}

/// The result of reading and scanning one blob.
#[derive(Debug, Default)]
struct Outcome {
    bytes: u64,
    findings: Vec<Finding>,
    error: Option<String>,
}

/// Phase 2: what reading and scanning blobs needs on every worker thread.
struct Scanner<'a> {
    /// Each worker opens its own repository here (`git2::Repository` is not `Sync`).
    git_dir: &'a Path,
    packs: &'a Packs,
    engine: &'a Engine,
    threads: usize,
}

impl Scanner<'_> {
    /// Reads and scans `jobs` in delta order (each blob right after its base, see `pack`), on
    /// `threads` workers that take small consecutive batches. Results are in `jobs` order.
    fn scan(&self, jobs: &[Job], progress: &Progress) -> Vec<Outcome> {
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
                            progress.scanned(out.bytes);
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
                let findings = if data.len() >= CHUNKED_SCAN_BYTES {
                    self.engine.scan_chunked(job.path, data)
                } else {
                    self.engine.scan_bytes(job.path, data)
                };
                Outcome { bytes: data.len() as u64, findings, error: None }
            }
            Err(message) => Outcome { error: Some(message), ..Default::default() },
        }
    }

    /// The secrets in blobs outside the scope (HEAD's tree in a range scan, the versions a range
    /// replaced), scanned only to compare with: each is a blob and the path to scan it as.
    fn secrets_of(&self, blobs: &[(Oid, String)]) -> Vec<HashSet<SecretKey>> {
        let jobs: Vec<Job> = blobs.iter().map(|(oid, path)| Job { oid: *oid, path }).collect();
        self.scan(&jobs, &Progress::new(false)).iter().map(|o| secret_keys(&o.findings).collect()).collect()
    }
}

/// A secret as the attribution compares it: rule and fingerprint, never the value.
type SecretKey = (String, String);

fn secret_keys(findings: &[Finding]) -> impl Iterator<Item = SecretKey> + '_ {
    findings.iter().map(|f| (f.rule.clone(), f.fingerprint.clone()))
}

/// The secrets in the blobs of HEAD's tree, or `None` if HEAD does not name a commit (an unborn
/// branch). Blobs of HEAD outside the scope are scanned now.
fn secrets_at_head(
    repo: &Repository,
    scanner: &Scanner,
    objects: &mut Objects,
    units: &[Unit],
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
fn drop_inherited(scanner: &Scanner, units: &[Unit], outcomes: &mut [Outcome]) {
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
fn blobs_of_tree(objects: &mut Objects, root: Oid) -> HashMap<Oid, String> {
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
fn keep_first_per_path(units: &[Unit], outcomes: &mut [Outcome]) {
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

/// Progress on stderr: commits walked, then blobs scanned and throughput. Off unless asked for.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    bytes: AtomicU64,
    commits: AtomicUsize,
    /// When blob scanning started, for the throughput.
    start: std::sync::OnceLock<Instant>,
}

impl Progress {
    fn new(enabled: bool) -> Progress {
        let bar = enabled.then(|| {
            let b = indicatif::ProgressBar::new_spinner();
            b.set_message("walking history");
            b.enable_steady_tick(std::time::Duration::from_millis(120));
            b
        });
        Progress { bar, bytes: AtomicU64::new(0), commits: AtomicUsize::new(0), start: std::sync::OnceLock::new() }
    }

    /// Counts walked commits (from any thread).
    fn walked(&self, commits: usize) {
        if let Some(b) = &self.bar {
            let total = self.commits.fetch_add(commits, Ordering::Relaxed) + commits;
            if total % 256 == 0 {
                b.set_message(format!("walking history: {total} commits"));
            }
        }
    }

    fn scanning(&self, total: usize) {
        self.start.get_or_init(Instant::now);
        if let Some(b) = &self.bar {
            b.set_style(
                indicatif::ProgressStyle::with_template("{spinner} scanning blobs {bar:30} {pos}/{len} {msg}")
                    .expect("valid template"),
            );
            b.set_length(total as u64);
            b.set_position(0);
            b.set_message("");
        }
    }

    fn scanned(&self, bytes: u64) {
        if let Some(b) = &self.bar {
            let total = self.bytes.fetch_add(bytes, Ordering::Relaxed) + bytes;
            b.inc(1);
            if b.position() % 64 == 0 {
                let start = self.start.get_or_init(Instant::now);
                let secs = start.elapsed().as_secs_f64().max(0.001);
                b.set_message(format!("{:.1} MB/s", total as f64 / 1e6 / secs));
            }
        }
    }

    fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn oid(n: u8) -> Oid {
        Oid::from_bytes(&[n; 20]).unwrap()
    }

    #[test]
    fn dates_are_rfc3339_in_the_authors_zone() {
        assert_eq!(rfc3339(0, 0), "1970-01-01T00:00:00+00:00");
        assert_eq!(rfc3339(1_500_000_000, 0), "2017-07-14T02:40:00+00:00");
        assert_eq!(rfc3339(1_500_000_000, 120), "2017-07-14T04:40:00+02:00");
        assert_eq!(rfc3339(1_500_000_000, -330), "2017-07-13T21:10:00-05:30");
        assert_eq!(rfc3339(951_782_400, 0), "2000-02-29T00:00:00+00:00");
        assert_eq!(rfc3339(-86_400, 0), "1969-12-31T00:00:00+00:00");
    }

    #[test]
    fn commits_parse_without_email_and_with_git_summary() {
        let raw = format!(
            "tree {}\nparent {}\nparent {}\nauthor Ada Lovelace <ada@example.com> 1500000000 -0130\n\
             committer C <c@example.com> 1600000000 +0000\ngpgsig -----BEGIN\n \n -----END\n\n\
             \nFirst line\ncontinued\n\nbody\n",
            oid(1),
            oid(2),
            oid(3)
        );
        let c = parse_commit(raw.as_bytes()).unwrap();
        assert_eq!(c, RawCommit { tree: oid(1), parents: vec![oid(2), oid(3)], time: 1_600_000_000 });
        let i = parse_commit_info(raw.as_bytes());
        assert_eq!(i.author.as_deref(), Some("Ada Lovelace"));
        assert_eq!(i.date.as_deref(), Some("2017-07-14T01:10:00-01:30"));
        assert_eq!(i.summary.as_deref(), Some("First line continued"));
        assert_eq!(parse_commit(b"parent x\n\nmsg"), None);
    }

    #[test]
    fn trees_parse_and_malformed_trees_are_rejected() {
        let mut raw = Vec::new();
        for (mode, name, n) in [("100644", "a.txt", 1), ("40000", "dir", 2), ("160000", "sub", 3)] {
            raw.extend_from_slice(format!("{mode} {name}\0").as_bytes());
            raw.extend_from_slice(oid(n).as_bytes());
        }
        let t = parse_tree(&raw).unwrap();
        let kinds: Vec<_> = t.iter().map(|e| (e.kind, e.name, e.id.oid())).collect();
        assert_eq!(
            kinds,
            vec![
                (EntryKind::Blob, &b"a.txt"[..], oid(1)),
                (EntryKind::Tree, &b"dir"[..], oid(2)),
                (EntryKind::Gitlink, &b"sub"[..], oid(3)),
            ]
        );
        assert!(parse_tree(&raw[..raw.len() - 1]).is_none());
        assert!(parse_tree(b"10x644 a\0").is_none());
    }

    #[test]
    fn topological_order_puts_parents_first_then_oldest() {
        let node = |o: u8, parents: &[u8], time| CommitNode {
            oid: oid(o),
            tree: oid(0),
            parents: parents.iter().map(|&p| oid(p)).collect(),
            time,
        };
        // 1 <- 2 <- 4 (merge of 2 and 3), 1 <- 3; 3's clock is behind its parent's.
        let nodes = vec![
            node(4, &[2, 3], 40),
            node(3, &[1], 5),
            node(2, &[1], 20),
            node(1, &[9], 10), // parent 9 is outside the walk
        ];
        let order: Vec<u8> = topo_oldest_first(&nodes).into_iter().map(|i| nodes[i].oid.as_bytes()[0]).collect();
        assert_eq!(order, vec![1, 3, 2, 4]);
    }
}
