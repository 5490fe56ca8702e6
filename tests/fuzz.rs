//! The fuzz targets under `cargo test` (stable Rust): every input cargo-fuzz kept
//! (`fuzz/corpus/<target>/`) or failed on (`fuzz/artifacts/<target>/`) is replayed, so what was found
//! once stays fixed; and a short deterministic mutation run per target guards machines that never
//! run the real fuzzer. `fuzz/smoke.sh` runs the long forms.

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod targets;

use std::path::{Path, PathBuf};
use std::time::Duration;
use targets::smoke::{self, Budget};
use targets::TARGETS;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

/// The files directly under `dir` (none when it does not exist).
fn inputs_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.is_file()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

fn corpus_of(name: &str) -> Vec<PathBuf> {
    let d = fuzz_dir();
    [inputs_in(&d.join("corpus").join(name)), inputs_in(&d.join("artifacts").join(name))].concat()
}

#[test]
fn every_kept_fuzz_input_passes_its_target() {
    let mut total = 0;
    for t in TARGETS {
        let files = corpus_of(t.name);
        assert!(!files.is_empty(), "fuzz/corpus/{} is empty: run fuzz/smoke.sh and keep what it finds", t.name);
        for f in files {
            let data = std::fs::read(&f).unwrap();
            if std::panic::catch_unwind(|| (t.run)(&data)).is_err() {
                panic!("{} fails on {}", t.name, f.display());
            }
            total += 1;
        }
    }
    assert!(total >= TARGETS.len());
}

/// Directories of targets that do not exist would be silently skipped: every directory under
/// `fuzz/corpus/` and `fuzz/artifacts/` must belong to a target.
#[test]
fn every_corpus_directory_has_a_target() {
    for sub in ["corpus", "artifacts"] {
        for d in std::fs::read_dir(fuzz_dir().join(sub)).into_iter().flatten().flatten() {
            let name = d.file_name().to_string_lossy().into_owned();
            assert!(TARGETS.iter().any(|t| t.name == name), "fuzz/{sub}/{name} has no target in fuzz/src/lib.rs");
        }
    }
}

/// Where the smoke driver saves inputs that fail: next to cargo-fuzz's, so the replay test picks
/// them up.
fn crash_dir(name: &str) -> PathBuf {
    fuzz_dir().join("artifacts").join(name)
}

#[test]
fn a_short_mutation_run_of_every_target_passes() {
    for t in TARGETS {
        let pool = corpus_of(t.name).iter().filter_map(|p| std::fs::read(p).ok()).collect();
        smoke::run(t, pool, Budget::Inputs(300), 0x5eed, &crash_dir(t.name));
    }
}

/// The stable smoke run `fuzz/smoke.sh --stable` does: `FORCESCAN_SMOKE_SECS` (default 60) per
/// target, a fresh seed each time (printed, to replay a run). Ignored by default: it is long.
#[test]
#[ignore]
fn timed_smoke_run_of_every_target() {
    let secs: u64 = std::env::var("FORCESCAN_SMOKE_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(60);
    let only = std::env::var("FORCESCAN_SMOKE_TARGET").ok();
    let seed = std::env::var("FORCESCAN_SMOKE_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64)
    });
    for t in TARGETS.iter().filter(|t| only.as_deref().is_none_or(|o| o == t.name)) {
        let pool = corpus_of(t.name).iter().filter_map(|p| std::fs::read(p).ok()).collect();
        let s = smoke::run(t, pool, Budget::Time(Duration::from_secs(secs)), seed, &crash_dir(t.name));
        println!("{}: {} inputs in {secs} s, none failed (seed {seed}, longest {} bytes)", t.name, s.inputs, s.max_len);
    }
}

/// Writes each target's built-in seeds (rule examples, their UTF-16 forms, the rule files) into
/// its `fuzz/corpus/<target>/`, for a new target's first fuzz run: `cargo test --test fuzz
/// write_seed_corpora -- --ignored`.
#[test]
#[ignore]
fn write_seed_corpora() {
    for t in TARGETS {
        let dir = fuzz_dir().join("corpus").join(t.name);
        std::fs::create_dir_all(&dir).unwrap();
        for (i, s) in (t.seeds)().iter().enumerate() {
            std::fs::write(dir.join(format!("seed-{i:03}")), s).unwrap();
        }
    }
}
