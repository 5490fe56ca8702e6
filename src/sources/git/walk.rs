//! Phase 1, the walk: commits in topological order, oldest first, each tree walked once, and a
//! [`BlobUnit`] for every blob not seen before: the commit and path that introduced it. Only ids and
//! paths are kept, so memory grows with the number of objects, never with their contents.

use super::object::{object_error, parse_commit, parse_tree, Data, EntryKind, Id, IdSet, Objects, TreeEntry};
use super::pack::Packs;
use super::plan::Plan;
use crate::error::ScanError;
use crate::sources::Progress;
use git2::{ObjectType, Oid, Repository};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};
use std::path::Path;

/// The commits in scope, in walk order, and what the walk learnt about them.
#[derive(Default)]
pub(super) struct History {
    /// Commits in topological order, oldest first; `BlobUnit::commit` indexes this.
    pub(super) commits: Vec<Oid>,
    /// Every commit already walked (so a second walk, of unreachable commits, skips them).
    pub(super) walked: HashSet<Oid>,
    /// Shallow-boundary commits the walk reached.
    pub(super) shallow_hits: Vec<Oid>,
}

/// A blob to scan: its id, and the commit (index into `History::commits`, `None` for a blob no
/// commit reaches) and path that introduced it. Units are created in introduction order.
pub(super) struct BlobUnit {
    pub(super) oid: Oid,
    pub(super) commit: Option<u32>,
    pub(super) path: String,
    /// In a range: the blobs the parents had at this path, which this one replaced.
    pub(super) replaced: Vec<Oid>,
}

/// A commit as the walk needs it.
pub(super) struct CommitNode {
    pub(super) oid: Oid,
    pub(super) tree: Oid,
    pub(super) parents: Vec<Oid>,
    pub(super) time: i64,
}

/// What the walkers of one scan share (one walker per thread in a parallel walk).
pub(super) struct WalkShared<'a> {
    pub(super) packs: &'a Packs,
    /// Where a walker on another thread opens its own repository.
    pub(super) git_dir: &'a Path,
    /// How the repository is named in errors that concern no path (commits, refs).
    pub(super) label: &'a str,
    pub(super) progress: &'a Progress,
    pub(super) threads: usize,
}

/// A history at least this long is walked on every thread (see `Walker::walk_in_parallel`);
/// below it the duplicated first trees cost more than the threads save.
pub(super) const PARALLEL_WALK_MIN_COMMITS: usize = 128;

/// One slice of a parallel walk, on its own thread with its own repository handle: the trees it
/// walked, its units (numbered from commit `first`) and its errors.
pub(super) fn walk_slice(shared: &WalkShared, first: usize, trees: &[Oid]) -> (IdSet, Vec<BlobUnit>, Vec<ScanError>) {
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
        Progress::add(&shared.progress.commits, 1);
    }
    (w.trees, w.units, w.errors)
}

/// Phase 1: walks commits and trees, creating a `BlobUnit` for every blob not seen before.
pub(super) struct Walker<'a> {
    pub(super) objects: Objects<'a>,
    pub(super) shared: &'a WalkShared<'a>,
    /// Trees already walked: every blob under them has been seen.
    pub(super) trees: IdSet,
    /// Blobs already seen (each has its unit).
    pub(super) blobs: IdSet,
    /// One per blob to scan, in introduction order.
    pub(super) units: Vec<BlobUnit>,
    /// What could not be read, in walk order.
    pub(super) errors: Vec<ScanError>,
}

impl<'a> Walker<'a> {
    pub(super) fn new(objects: Objects<'a>, shared: &'a WalkShared<'a>) -> Self {
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
    pub(super) fn walk(&mut self, h: &mut History, plan: &Plan, shallow: &HashSet<Oid>) {
        self.walk_from(h, &plan.tips, &plan.hidden, plan.stop_at.as_ref(), shallow)
    }

    /// [`Self::walk`] of explicit tips and hidden commits; `stop_at`, when given, replaces
    /// walking everything `hidden` reaches.
    pub(super) fn walk_from(
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
            Progress::add(&self.shared.progress.commits, 1);
        }
    }

    /// The walk of `trees` (the root trees of the commits numbered from `base`, in walk order),
    /// split into one consecutive slice per thread, each walked by its own walker that knows
    /// nothing of the others. Merging in slice order then keeps a blob only if no earlier slice
    /// had it: the blob's first commit and path in its own slice are then its first overall, since
    /// the slices are consecutive parts of one order. So the result is exactly the sequential
    /// walk's; the price is that each slice walks its first commit's whole tree.
    pub(super) fn walk_in_parallel(&mut self, base: usize, trees: &[Oid]) {
        let shared = self.shared;
        // At least 64 commits a slice, so the first trees each slice walks in full stay a fraction.
        let slices = shared.threads.min(trees.len() / 64).max(1);
        let per = trees.len().div_ceil(slices);
        let slices: Vec<(IdSet, Vec<BlobUnit>, Vec<ScanError>)> = std::thread::scope(|s| {
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
    pub(super) fn tree_of(&mut self, commit: Oid, cache: &mut HashMap<Oid, Oid>) -> Option<Oid> {
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
    pub(super) fn read(&mut self, oid: Oid, kind: ObjectType, path: &str) -> Option<Data<'a>> {
        match self.objects.read(oid, kind) {
            Ok(o) => Some(o),
            Err(message) => {
                self.errors.push(ScanError { path: self.display(path), message });
                None
            }
        }
    }

    /// A path for an error message; the root tree and commits are the repository's.
    pub(super) fn display(&self, path: &str) -> String {
        if path.is_empty() { self.shared.label } else { path }.to_string()
    }

    /// Every commit reachable from `from` (the hidden side of a range).
    pub(super) fn reachable(&mut self, from: &[Oid], shallow: &HashSet<Oid>) -> HashSet<Oid> {
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
    pub(super) fn collect_commits(
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
    pub(super) fn walk_tree(&mut self, commit: u32, root: Oid, parents: Vec<Oid>) {
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
                        self.units.push(BlobUnit {
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
    pub(super) fn sweep_unreachable(&mut self, h: &mut History, shallow: &HashSet<Oid>) {
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
                self.units.push(BlobUnit { oid, commit: None, path: format!("<blob:{oid}>"), replaced: Vec::new() });
            }
        }
    }
}

/// `a/b` from a prefix and a tree entry name (lossy UTF-8: reports are text).
pub(super) fn join_path(prefix: &str, name: &[u8]) -> String {
    let name = String::from_utf8_lossy(name);
    if prefix.is_empty() {
        name.into_owned()
    } else {
        format!("{prefix}/{name}")
    }
}

/// Commits ordered parents-first, oldest first among those ready (by committer time, then id, so
/// the order is the same on every run): Kahn's algorithm over the edges inside `nodes`.
pub(super) fn topo_oldest_first(nodes: &[CommitNode]) -> Vec<usize> {
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

#[cfg(test)]
mod tests {
    use super::super::object::oid;
    use super::*;

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
