//! Blob reading throughput: forcescan's pack reader against libgit2's `odb.read`, the call it
//! replaced in history scans because libgit2 re-inflated delta chains.
//!
//! Every blob of a generated 2,000-commit history is read once per iteration (throughput: blob
//! bytes). The history comes from `../shared/bench/gen-history.py` and is cached under
//! `target/bench-data/history-2000`. Variants:
//!
//! - `pack_reader/delta_order`: the scan's reader, with the scan's cache budget, in
//!   `Packs::read_order` (each delta right after its base).
//! - `libgit2/delta_order`: libgit2 in that same order, so what differs is the reader.
//! - `libgit2/id_order`: libgit2 in object id order, which is random with respect to the pack:
//!   what a caller that knows nothing about packs gets.
//! - `pack_reader/read_order`: computing that order (reading every entry's header), which the scan
//!   pays on top of reading. It is kept apart so that any reader can be given the same order.
//!
//! Each iteration opens the repository afresh, so no cache carries over from the previous one.
//!
//! Run: `cargo bench --bench git_blobs`. Figures are recorded in benches/README.md.
//!
//! `git_blobs --once READER REPO` reads every blob of REPO once and prints the time, MB/s and peak
//! RSS (READER: `pack`, `libgit2-delta`, `libgit2-id`); `git_blobs --order REPO` prints the blob ids
//! in delta order. `benches/git-readers.sh` uses both to compare with gix (`benches/gix-compare`)
//! on the 20,000-commit history, which is too large for criterion's repetitions.

use criterion::{black_box, Criterion, Throughput};
use forcescan::sources::git::pack::Packs;
use forcescan::sources::git::PACK_CACHE_BYTES;
use git2::{Oid, Repository};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Every blob in `repo`, in id order, and their total size. git lists them, so that no reader under
/// test pays for the listing, or maps the pack while doing it (which would count in its RSS).
fn blobs(repo: &Path) -> (Vec<Oid>, u64) {
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
            ids.push(Oid::from_str(id).expect("object id"));
            bytes += size.parse::<u64>().expect("object size");
        }
    }
    (ids, bytes)
}

/// Reads `blobs` with the scan's pack reader and cache budget, in the order given; returns the
/// bytes read.
fn read_pack(repo: &Path, blobs: impl Iterator<Item = Oid>) -> u64 {
    let packs = Packs::open(&repo.join("objects").join("pack"), PACK_CACHE_BYTES);
    let mut reader = packs.reader();
    blobs.map(|oid| reader.read(oid).expect("packed blob").data.len() as u64).sum()
}

/// Reads `blobs` with libgit2, in the order given; returns the bytes read.
fn read_libgit2(repo: &Path, blobs: impl Iterator<Item = Oid>) -> u64 {
    // As the scan does: without this, libgit2 re-hashes every object it reads.
    git2::opts::strict_hash_verification(false);
    let repo = Repository::open_bare(repo).expect("repository");
    let odb = repo.odb().expect("object database");
    blobs.map(|oid| odb.read(oid).expect("blob").len() as u64).sum()
}

/// The blob ids in the order the pack reader reads them.
fn delta_order(repo: &Path, blobs: &[Oid]) -> Vec<Oid> {
    let packs = Packs::open(&repo.join("objects").join("pack"), 0);
    packs.read_order(blobs).into_iter().map(|i| blobs[i]).collect()
}

/// The 2,000-commit history, generated on first use (a few seconds).
fn history() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let repo = root.join("target/bench-data/history-2000");
    if !repo.join("objects").exists() {
        let gen = root.join("../shared/bench/gen-history.py");
        std::fs::create_dir_all(repo.parent().unwrap()).unwrap();
        let ok = Command::new("python3")
            .arg(&gen)
            .arg(&repo)
            .args(["--commits", "2000"])
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "could not generate {} with {}", repo.display(), gen.display());
    }
    repo
}

fn bench_git_blobs(c: &mut Criterion) {
    let repo = history();
    let (ids, bytes) = blobs(&repo);
    let in_delta_order = delta_order(&repo, &ids);
    let mut g = c.benchmark_group("git_blobs");
    // One iteration reads the whole history (tens of MB): ten samples are plenty.
    g.sample_size(10).throughput(Throughput::Bytes(bytes));
    // Each iteration checks that every byte was read.
    g.bench_function("pack_reader/delta_order", |b| {
        b.iter(|| assert_eq!(read_pack(&repo, in_delta_order.iter().copied()), bytes))
    });
    g.bench_function("libgit2/delta_order", |b| {
        b.iter(|| assert_eq!(read_libgit2(&repo, in_delta_order.iter().copied()), bytes))
    });
    g.bench_function("libgit2/id_order", |b| b.iter(|| assert_eq!(read_libgit2(&repo, ids.iter().copied()), bytes)));
    g.bench_function("pack_reader/read_order", |b| b.iter(|| delta_order(&repo, black_box(&ids))));
    g.finish();
}

/// `--once READER REPO`: one pass, and the figures benches/git-readers.sh tabulates.
fn once(reader: &str, repo: &Path) {
    let (ids, bytes) = blobs(repo);
    // The order is computed before the clock starts, as gix-compare is given it from a file; its
    // cost is printed apart.
    let start = Instant::now();
    let order = delta_order(repo, &ids);
    let ordering = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let read = match reader {
        "pack" => read_pack(repo, order.into_iter()),
        "libgit2-delta" => read_libgit2(repo, order.into_iter()),
        "libgit2-id" => read_libgit2(repo, ids.iter().copied()),
        _ => panic!("unknown reader {reader}: pack, libgit2-delta or libgit2-id"),
    };
    let secs = start.elapsed().as_secs_f64();
    assert_eq!(read, bytes);
    // VmHWM: the process's peak resident memory, in KiB (Linux).
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let hwm = status.lines().find_map(|l| l.strip_prefix("VmHWM:")).map_or("?".into(), |v| v.trim().to_string());
    println!(
        "{reader}: {} blobs, {bytes} bytes in {secs:.3} s, {:.0} MB/s, peak RSS {hwm} (order: {ordering:.3} s)",
        ids.len(),
        bytes as f64 / secs / 1e6
    );
}

// `criterion_main!` by hand, so that the two one-shot modes can come first.
criterion::criterion_group!(benches, bench_git_blobs);
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["--once", reader, repo] => once(reader, Path::new(repo)),
        ["--order", repo] => {
            let (ids, _) = blobs(Path::new(repo));
            delta_order(Path::new(repo), &ids).iter().for_each(|id| println!("{id}"));
        }
        _ => {
            benches();
            Criterion::default().configure_from_args().final_summary();
        }
    }
}
