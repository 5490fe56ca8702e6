//! Reads every blob of a repository with gix, once, and prints the time, MB/s and peak RSS in the
//! same form as `git_blobs --once` (benches/git_blobs.rs), so that benches/git-readers.sh can put
//! gix, libgit2 and forcescan's pack reader side by side.
//!
//! usage: gix-compare REPO ORDER CACHE
//!
//! - ORDER: `id` (object id order, random with respect to the pack), `pack` (pack offset order,
//!   where git writes a delta's base before the delta), or a file of blob ids, one a line (for
//!   forcescan's delta-forest order: `git_blobs --order REPO`).
//! - CACHE: `default` (what `gix::open` sets up with gix's `max-performance` feature: a 64-slot
//!   LRU of delta bases capped at 96 MB), or a number of MiB for gix's memory-capped delta-base
//!   cache (`MemoryCappedHashmap`, what `core.deltaBaseCacheLimit` selects); `8` is forcescan's
//!   budget.
//!
//! The object cache (whole objects by id) stays off, as gix leaves it by default: each blob is
//! read once, so it could only cost.

use gix::objs::Find;
use gix::ObjectId;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [repo, order, cache] = &args[..] else {
        eprintln!("usage: gix-compare REPO id|pack|ID_FILE default|CACHE_MIB");
        std::process::exit(2);
    };
    let repo_path = Path::new(repo);
    let (blobs, bytes) = blobs(repo_path);
    let ids = match order.as_str() {
        "id" => blobs, // git lists them in id order
        "pack" => pack_order(repo_path, blobs),
        file => std::fs::read_to_string(file)
            .expect("order file")
            .lines()
            .map(|l| ObjectId::from_hex(l.trim().as_bytes()).expect("object id"))
            .collect(),
    };

    // Timed from here, as `git_blobs --once` times from opening the repository.
    let start = Instant::now();
    let mut repo = gix::open_opts(repo_path, gix::open::Options::isolated()).expect("repository");
    if cache != "default" {
        let mib: usize = cache.parse().expect("cache size in MiB");
        repo.objects.set_pack_cache(move || Box::new(gix::odb::pack::cache::lru::MemoryCappedHashmap::new(mib << 20)));
    }
    // One buffer for every object, the cheapest way gix offers to read many (`find_object` would
    // take one from the repository's free list and return it, to the same effect).
    let mut buf = Vec::new();
    let mut read = 0u64;
    for id in &ids {
        let data = repo.objects.try_find(id, &mut buf).expect("readable").expect("present");
        assert_eq!(data.kind, gix::object::Kind::Blob);
        read += data.data.len() as u64;
    }
    let secs = start.elapsed().as_secs_f64();
    assert_eq!(read, bytes, "every blob read, whole");

    // VmHWM: the process's peak resident memory, in KiB (Linux). gix maps pack files, so the pages
    // of the pack it touched count here.
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let hwm = status.lines().find_map(|l| l.strip_prefix("VmHWM:")).map_or("?".into(), |v| v.trim().to_string());
    let label = if Path::new(order).exists() { "delta" } else { order.as_str() };
    println!(
        "gix-{label}-{cache}: {} blobs, {bytes} bytes in {secs:.3} s, {:.0} MB/s, peak RSS {hwm}",
        ids.len(),
        bytes as f64 / secs / 1e6
    );
}

/// Every blob in `repo`, in id order, and their total size, listed by git (as `git_blobs` does), so
/// that the reader under test neither pays for the listing nor has its memory counted.
fn blobs(repo: &Path) -> (Vec<ObjectId>, u64) {
    let out = Command::new("git")
        .arg("--git-dir")
        .arg(repo)
        .args(["cat-file", "--batch-all-objects", "--batch-check=%(objecttype) %(objectname) %(objectsize)"])
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git cat-file failed on {}", repo.display());
    let (mut ids, mut bytes) = (Vec::new(), 0);
    for line in String::from_utf8(out.stdout).expect("ascii").lines() {
        if let ["blob", id, size] = line.split(' ').collect::<Vec<_>>()[..] {
            ids.push(ObjectId::from_hex(id.as_bytes()).expect("object id"));
            bytes += size.parse::<u64>().expect("object size");
        }
    }
    (ids, bytes)
}

/// `blobs` sorted by (pack file, offset in it), from gix's own index reader. Blobs in no pack
/// (loose) would come last; the benchmark repositories have none.
fn pack_order(repo: &Path, blobs: Vec<ObjectId>) -> Vec<ObjectId> {
    let mut idx: Vec<_> = std::fs::read_dir(repo.join("objects/pack"))
        .expect("objects/pack")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "idx"))
        .collect();
    idx.sort();
    let mut at = std::collections::HashMap::new();
    for (n, path) in idx.iter().enumerate() {
        let index = gix::odb::pack::index::File::at(path, gix::hash::Kind::Sha1).expect("pack index");
        for e in index.iter() {
            at.entry(e.oid).or_insert((n, e.pack_offset));
        }
    }
    let mut keyed: Vec<_> = blobs.into_iter().map(|id| (at.get(&id).copied().unwrap_or((usize::MAX, 0)), id)).collect();
    keyed.sort();
    keyed.into_iter().map(|(_, id)| id).collect()
}
