//! Running a scan over many inputs, as `scan` and the incident-response `sweep` do: walk, shard,
//! skip what a checkpoint says is done, scan each input (opening archives when asked), record it in
//! the checkpoint, report it, and show progress.
//!
//! `sweep` is this with every option on: no ignore files (a dump's `.gitignore` must not hide a
//! log), archives opened, findings folded into one record per secret, a progress bar on a terminal,
//! and the "what to rotate" table at the end.
//!
//! **Checkpoints** (`--checkpoint FILE`) make a multi-hour sweep resumable. The file is JSON Lines:
//! a header, then one entry per finished input with its path, size and modification time and
//! everything it produced (its secret records, unit and byte counts, errors and warnings). An entry is
//! appended, in one write, only once the input is fully scanned, so a sweep killed at any moment
//! leaves at worst a torn last line, which is ignored. A rerun skips every input whose path, size
//! and mtime match an entry and folds the entry's records into the result; records fold the same
//! in any order ([`crate::report::dedupe`]), so the resumed result equals an uninterrupted run.
//! The file is created readable by its owner only: it holds fingerprints and redacted secrets
//! (full ones with `--show-secrets`).
//!
//! **Shards** (`--shard K/N`) split one sweep over N machines: an input belongs to shard
//! `fnv1a64(path relative to its root) mod N`, so every machine agrees without talking to the
//! others, whatever the mount point. `forcescan merge` folds the shards' JSON Lines together.

use crate::engine::Engine;
use crate::finding::Finding;
use crate::report::dedupe::{DedupeSet, SecretRecord};
use crate::report::{InputResults, Reporter};
use crate::sources::archive::{self, ArchiveOptions, Event};
use crate::sources::fs::{self, display_path, io_message, Input, ScanError, WalkOptions};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// `--shard K/N`: this process scans shard K (0-based, as `JOB_COMPLETION_INDEX` counts) of N.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u32,
    pub count: u32,
}

impl std::str::FromStr for Shard {
    type Err = String;
    fn from_str(s: &str) -> Result<Shard, String> {
        let bad = || format!("--shard wants K/N with 0 <= K < N (e.g. 0/4), not {s:?}");
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let index: u32 = k.trim().parse().map_err(|_| bad())?;
        let count: u32 = n.trim().parse().map_err(|_| bad())?;
        if count == 0 || index >= count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl Shard {
    /// Whether the input with this shard key belongs to this shard.
    pub fn owns(&self, key: &str) -> bool {
        fnv1a64(key.as_bytes()) % u64::from(self.count) == u64::from(self.index)
    }
}

/// FNV-1a, 64 bits: tiny, and fixed forever (a std hasher may change between Rust releases,
/// which would move files between shards of one sweep run by different builds).
fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x100000001b3))
}

/// The path an input is sharded by: relative to the root it was found under (so machines that
/// mount the dump in different places agree), or its file name when it was named itself.
pub fn shard_key(input: &Input, roots: &[PathBuf]) -> String {
    for root in roots {
        if let Ok(rel) = input.path.strip_prefix(root) {
            if !rel.as_os_str().is_empty() {
                return display_path(rel);
            }
        }
    }
    input.path.file_name().map_or_else(|| input.display.clone(), |n| n.to_string_lossy().into_owned())
}

/// How to run over the inputs.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    pub walk: WalkOptions,
    /// Open archives and compressed files (`--archives`); `None` scans them as bytes.
    pub archives: Option<ArchiveOptions>,
    pub checkpoint: Option<PathBuf>,
    pub shard: Option<Shard>,
    /// Show a progress bar if stderr is a terminal.
    pub progress: bool,
}

/// An input's identity in a checkpoint: if any of these changed, it is scanned again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    path: String,
    size: u64,
    mtime_secs: i64,
    mtime_nanos: u32,
}

impl Stamp {
    fn of(input: &Input) -> Option<Stamp> {
        let meta = std::fs::metadata(&input.path).ok()?;
        let (secs, nanos) = match meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => (d.as_secs() as i64, d.subsec_nanos()),
            Err(e) => (-(e.duration().as_secs() as i64), e.duration().subsec_nanos()),
        };
        Some(Stamp { path: input.display.clone(), size: meta.len(), mtime_secs: secs, mtime_nanos: nanos })
    }
}

/// One finished input in a checkpoint.
#[derive(Debug, Serialize, Deserialize)]
struct Entry {
    #[serde(flatten)]
    stamp: Stamp,
    files: usize,
    bytes: u64,
    /// Unit names scan-level rules ask about (see [`Reporter::wants_name`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    names: Vec<String>,
    records: Vec<SecretRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    errors: Vec<ScanError>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    warnings: Vec<ScanError>,
}

const CHECKPOINT_HEADER: &str = r#"{"forcescan_checkpoint":1}"#;

/// An open checkpoint: what earlier runs finished, and the file new entries are appended to.
struct Checkpoint {
    done: HashMap<String, Entry>,
    file: Mutex<std::fs::File>,
}

impl Checkpoint {
    /// Opens (creating it owner-only if needed) and reads a checkpoint. A torn last line, left by
    /// a run killed mid-write, is ignored and the input it described is scanned again.
    fn open(path: &Path) -> Result<Checkpoint, String> {
        use std::os::unix::fs::OpenOptionsExt;
        let name = path.display();
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .mode(0o600)
            .open(path)
            .map_err(|e| format!("{name}: {}", io_message(&e)))?;
        let mut done = HashMap::new();
        let mut text = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut text).map_err(|e| format!("{name}: {}", io_message(&e)))?;
        let mut lines = text.split(|&b| b == b'\n');
        match lines.next() {
            Some(h) if h == CHECKPOINT_HEADER.as_bytes() => {}
            Some(h) if h.is_empty() && text.is_empty() => {
                writeln!(file, "{CHECKPOINT_HEADER}").map_err(|e| format!("{name}: {}", io_message(&e)))?;
            }
            _ => return Err(format!("{name}: not a forcescan checkpoint file")),
        }
        for line in lines {
            // Later entries for the same path (the file changed and was scanned again) win.
            if let Ok(e) = serde_json::from_slice::<Entry>(line) {
                done.insert(e.stamp.path.clone(), e);
            }
        }
        if text.last().is_some_and(|&b| b != b'\n') {
            // Close the torn line so the next entry starts on a line of its own.
            file.write_all(b"\n").map_err(|e| format!("{name}: {}", io_message(&e)))?;
        }
        Ok(Checkpoint { done, file: Mutex::new(file) })
    }

    /// Appends one finished input, in a single write so a kill cannot interleave two entries.
    fn record(&self, e: &Entry) -> std::io::Result<()> {
        let mut line = serde_json::to_vec(e)?;
        line.push(b'\n');
        self.file.lock().unwrap().write_all(&line)
    }
}

/// Validates findings in place (live validation), on the scanning thread.
pub type Annotate<'a> = &'a (dyn Fn(&mut Vec<Finding>) + Sync);

/// How an input's events become its results.
struct Gather<'a> {
    dedupe: bool,
    annotate: Option<Annotate<'a>>,
    reporter: &'a Mutex<Reporter>,
    /// Findings so far, for the progress bar.
    found: &'a AtomicU64,
}

impl Gather<'_> {
    /// Folds what scanning one input produced into its results.
    fn results(&self, events: Vec<Event>) -> InputResults {
        let mut res = InputResults::default();
        for e in events {
            match e {
                Event::Unit(mut r) => {
                    res.files += 1;
                    res.bytes += r.bytes;
                    res.errors.extend(r.error);
                    {
                        let mut reporter = lock(self.reporter);
                        if reporter.wants_name(&r.path) {
                            res.names.push(r.path.clone());
                        }
                        // Suppressed findings go before anything else sees them: neither folded
                        // into records nor sent for live validation.
                        reporter.suppress(&mut r.findings);
                    }
                    if let Some(annotate) = self.annotate {
                        annotate(&mut r.findings);
                    }
                    self.found.fetch_add(r.findings.len() as u64, Ordering::Relaxed);
                    if self.dedupe {
                        r.findings.iter().for_each(|f| res.records.add_finding(f));
                    } else {
                        res.findings.extend(r.findings);
                    }
                }
                Event::Incomplete(e) => res.errors.push(e),
                Event::Warning(w) => res.warnings.push(w),
            }
        }
        res
    }
}

/// The reporter, even if a thread panicked while holding it: a report of what was scanned is
/// still worth writing.
fn lock(r: &Mutex<Reporter>) -> std::sync::MutexGuard<'_, Reporter> {
    r.lock().unwrap_or_else(|e| e.into_inner())
}

/// Scans one input, opening archives if asked. `done` advances with the bytes read from disk.
fn scan_one(engine: &Engine, input: &Input, opts: &RunOptions, done: &AtomicU64) -> Vec<Event> {
    match &opts.archives {
        None => {
            let r = fs::scan_input(engine, input, &opts.walk);
            done.fetch_add(r.bytes, Ordering::Relaxed);
            vec![Event::Unit(r)]
        }
        Some(a) => {
            let mut events = Vec::new();
            archive::scan_input_archives(engine, input, &opts.walk, a, Some(done), &mut |e| events.push(e));
            events
        }
    }
}

/// Scans standard input (`-`), decompressing it if archives are on. Never checkpointed or sharded.
fn scan_stdin(engine: &Engine, opts: &RunOptions) -> Vec<Event> {
    let stdin = std::io::stdin();
    let mut lock = stdin.lock();
    match &opts.archives {
        None => vec![Event::Unit(fs::scan_stream(engine, fs::STDIN_NAME, &mut lock))],
        Some(a) => {
            let mut events = Vec::new();
            archive::scan_reader_archives(engine, fs::STDIN_NAME, &mut lock, a, &mut |e| events.push(e));
            events
        }
    }
}

/// Runs over `paths` (`-` is standard input) and reports to `reporter`; returns the exit code.
/// `annotate`, if given, runs on each unit's findings before they are reported (live validation).
pub fn run(
    engine: &Engine,
    paths: &[PathBuf],
    opts: &RunOptions,
    reporter: Reporter,
    annotate: Option<Annotate>,
) -> u8 {
    let dedupe = reporter.is_dedupe();
    let reporter = Mutex::new(reporter);
    let report_error = |e: ScanError| lock(&reporter).error(e);
    let checkpoint = match opts.checkpoint.as_deref().map(Checkpoint::open).transpose() {
        Ok(c) => c,
        Err(msg) => {
            crate::report::error_line(msg);
            return crate::report::EXIT_ERROR;
        }
    };
    let (stdin_named, roots): (Vec<_>, Vec<_>) = paths.iter().cloned().partition(|p| p.as_os_str() == "-");
    let (mut inputs, errors) = fs::collect_inputs(&roots, &opts.walk);
    errors.into_iter().for_each(report_error);
    if let Some(shard) = opts.shard {
        inputs.retain(|i| shard.owns(&shard_key(i, &roots)));
    }
    let found = AtomicU64::new(0);
    let gather = Gather { dedupe, annotate, reporter: &reporter, found: &found };
    if !stdin_named.is_empty() {
        let r = gather.results(scan_stdin(engine, opts));
        lock(&reporter).input(r);
    }

    // Inputs a checkpoint already holds are reported from it, exactly as if scanned now.
    let mut stamps: HashMap<String, Stamp> = HashMap::new();
    if let Some(cp) = &checkpoint {
        let before = inputs.len();
        let mut resumed = Vec::new();
        inputs.retain(|i| {
            let Some(stamp) = Stamp::of(i) else {
                return true;
            };
            match cp.done.get(&i.display) {
                Some(e) if e.stamp == stamp => {
                    resumed.push(i.display.clone());
                    false
                }
                _ => {
                    stamps.insert(i.display.clone(), stamp);
                    true
                }
            }
        });
        if !resumed.is_empty() {
            crate::report::note_line(format!(
                "resuming from {}: {} of {} inputs already done",
                opts.checkpoint.as_deref().unwrap_or(Path::new("")).display(),
                resumed.len(),
                before
            ));
        }
        let mut r = lock(&reporter);
        for name in resumed {
            let e = &cp.done[&name];
            let mut set = DedupeSet::new();
            e.records.iter().cloned().for_each(|rec| set.add(rec));
            r.input(InputResults {
                files: e.files,
                bytes: e.bytes,
                names: e.names.clone(),
                records: set,
                errors: e.errors.clone(),
                warnings: e.warnings.clone(),
                ..Default::default()
            });
        }
    }

    let done = AtomicU64::new(0);
    let finished = std::sync::atomic::AtomicBool::new(false);
    let total: u64 = if opts.progress {
        inputs.iter().filter_map(|i| std::fs::metadata(&i.path).ok()).map(|m| m.len()).sum()
    } else {
        0
    };
    std::thread::scope(|s| {
        if opts.progress {
            s.spawn(|| progress_bar(total, &done, &found, &finished));
        }
        use rayon::prelude::*;
        inputs.par_iter().for_each(|input| {
            let res = gather.results(scan_one(engine, input, opts, &done));
            if let (Some(cp), Some(stamp)) = (&checkpoint, stamps.get(&input.display)) {
                let entry = Entry {
                    stamp: stamp.clone(),
                    files: res.files,
                    bytes: res.bytes,
                    names: res.names.clone(),
                    records: res.records.clone().into_sorted(),
                    errors: res.errors.clone(),
                    warnings: res.warnings.clone(),
                };
                if let Err(e) = cp.record(&entry) {
                    report_error(ScanError {
                        path: opts.checkpoint.as_deref().map(display_path).unwrap_or_default(),
                        message: format!("cannot record progress: {}", io_message(&e)),
                    });
                }
            }
            lock(&reporter).input(res);
        });
        finished.store(true, Ordering::Relaxed);
    });
    reporter.into_inner().unwrap_or_else(|e| e.into_inner()).finish()
}

/// Bytes done / total, speed, ETA and findings so far, on stderr, only on a terminal.
fn progress_bar(total: u64, done: &AtomicU64, found: &AtomicU64, finished: &std::sync::atomic::AtomicBool) {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    use std::io::IsTerminal;
    // For a person watching: on a terminal, never in CI logs (as `forcescan git`'s progress line).
    if !std::io::stderr().is_terminal() || std::env::var_os("CI").is_some() {
        return;
    }
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{wide_bar} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}",
    ) {
        bar.set_style(style);
    }
    // Drawn at least once, so even a short sweep shows what it covered before the bar is cleared.
    loop {
        bar.set_position(done.load(Ordering::Relaxed).min(total));
        let n = found.load(Ordering::Relaxed);
        bar.set_message(format!("{n} finding{}", if n == 1 { "" } else { "s" }));
        if finished.load(Ordering::Relaxed) {
            break;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    bar.finish_and_clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_parse_and_partition() {
        assert_eq!("1/4".parse::<Shard>(), Ok(Shard { index: 1, count: 4 }));
        for bad in ["4/4", "1", "a/b", "0/0", "-1/3"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
        let shards: Vec<Shard> = (0..3).map(|k| Shard { index: k, count: 3 }).collect();
        for key in ["a.log", "logs/b.log.gz", "x/y/z.tar"] {
            assert_eq!(shards.iter().filter(|s| s.owns(key)).count(), 1, "{key}");
        }
        // Fixed forever: a file must not change shards between builds.
        assert_eq!(fnv1a64(b"logs/app.log"), 0xdbc7_aa9c_bec4_9602); // reference FNV-1a 64
    }

    #[test]
    fn shard_key_is_relative_to_the_root() {
        let roots = vec![PathBuf::from("/mnt/dump"), PathBuf::from("single.log")];
        let input = |p: &str| Input { path: PathBuf::from(p), display: p.to_string(), explicit: false };
        assert_eq!(shard_key(&input("/mnt/dump/a/b.log"), &roots), "a/b.log");
        assert_eq!(shard_key(&input("single.log"), &roots), "single.log");
    }
}
