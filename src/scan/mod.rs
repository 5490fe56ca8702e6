//! The scan driver: the one place where sources, detection, validation and results meet. Every
//! command that scans (`scan`, `sweep`, `git`, the git hooks, `baseline create`) runs [`run`].
//!
//! ```text
//!  Target ──► sources ──► units ──► detect (the Engine as the sources' Sink) ──► findings
//!                                        ──► results::Collector::screen (suppressions first)
//!                                        ──► validation (only when asked)
//!                                        ──► results::Collector (records, counts, streaming)
//! ```
//!
//! For files and directories the driver walks the named paths, keeps this shard's inputs
//! ([`shard`]), skips what a [`checkpoint`] says an earlier run finished, and scans the rest in
//! parallel, opening archives when asked; each input's units are gathered into one
//! [`InputResults`] (so a checkpoint records an input whole) before the collector takes them. Git
//! history and staged files come back from their source in report order, and are handed on in
//! that order.
//!
//! Progress is counters only ([`Progress`]); whoever runs the scan decides whether to draw them.

pub mod checkpoint;
pub mod shard;

use crate::detect::{Engine, Finding};
use crate::error::Result;
use crate::results::{Collector, InputResults};
use crate::sources::archive::{self, ArchiveOptions};
use crate::sources::fs::{self, Input, WalkOptions};
use crate::sources::git::{self, GitOptions};
use crate::sources::{Event, Phase, Progress, Sink, STDIN_NAME};
use crate::validation::Verifier;
use checkpoint::Checkpoint;
use rayon::prelude::*;
use shard::{shard_key, Shard};
use std::io::Read;
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

/// Detection, as the sources see it. A panic in detection is a bug; it costs the unit it
/// happened in (reported as that unit's error: the scan is incomplete, exit 2), never the scan.
impl Sink for Engine {
    fn bytes(&self, name: &str, data: &[u8]) -> Result<Vec<Finding>, String> {
        contained(name, || self.scan_bytes(name, data))
    }
    fn large(&self, name: &str, data: &[u8]) -> Result<Vec<Finding>, String> {
        contained(name, || self.scan_chunked(name, data))
    }
    fn stream(&self, name: &str, r: &mut dyn Read, parallel: bool) -> std::io::Result<Vec<Finding>> {
        contained(name, || if parallel { self.scan_reader_parallel(name, r) } else { self.scan_reader(name, r) })
            .map_err(std::io::Error::other)?
    }
}

/// What a unit whose detection panicked says. (Not the panic's message: a slice's may quote the
/// text, a secret among it. The panic hook prints where in forcescan it happened.)
pub const INTERNAL_ERROR: &str = "internal error in forcescan's detection (a bug: please report it); \
                                  this file's findings are not reported";

/// Runs one unit's detection, a panic in it turned into [`INTERNAL_ERROR`].
fn contained<T>(name: &str, f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        // (Debug builds only: a unit named `*.forcescan-test-panic` panics, so that the tests
        // can check what a bug in detection costs; see tests/hostile.rs.)
        #[cfg(debug_assertions)]
        if name.ends_with(".forcescan-test-panic") {
            panic!("the tests' deliberate panic");
        }
        #[cfg(not(debug_assertions))]
        let _ = name;
        f()
    }))
    .map_err(|_| INTERNAL_ERROR.to_string())
}

/// What to scan.
#[derive(Debug, Clone)]
pub enum Target {
    /// Files and directories; `-` is standard input.
    Paths(Vec<PathBuf>),
    /// Git history (or what a push sends).
    Git(GitOptions),
    /// The staged files of the repository containing this directory (a pre-commit hook).
    Staged(PathBuf),
}

/// How to scan files and directories. Git targets use only the engine and the validator.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub walk: WalkOptions,
    /// Open archives and compressed files; `None` scans them as bytes.
    pub archives: Option<ArchiveOptions>,
    /// Record finished inputs here and skip them when run again.
    pub checkpoint: Option<PathBuf>,
    pub shard: Option<Shard>,
    /// Measure the total size of the inputs first, so a progress bar can show how far along it is.
    pub measure_total: bool,
}

/// The parts of a scan every input needs.
pub struct Scan<'a> {
    pub engine: &'a Engine,
    /// Live validation, on the scanning threads; `None` unless asked for.
    pub verifier: Option<&'a Verifier>,
    pub progress: &'a Progress,
}

/// Scans `target` into `collector` and returns it, ready to [`Collector::finish`]. Whatever cannot
/// be scanned is an error in the collector (the run is then incomplete) and the scan goes on; the
/// returned error is for a run that cannot start (a checkpoint that cannot be opened).
pub fn run(scan: &Scan, target: &Target, opts: &Options, collector: Collector) -> Result<Collector> {
    let collector = Mutex::new(collector);
    scan.progress.set_phase(Phase::Walking);
    match target {
        Target::Paths(paths) => scan.paths(paths, opts, &collector)?,
        Target::Git(g) => scan.in_order(git::scan(scan.engine, g, scan.progress), &collector),
        Target::Staged(dir) => scan.in_order(git::scan_staged(scan.engine, dir), &collector),
    }
    scan.progress.set_phase(Phase::Finished);
    Ok(collector.into_inner().unwrap_or_else(|e| e.into_inner()))
}

/// The collector, even if a thread panicked while holding it: a report of what was scanned is
/// still worth writing.
fn lock(c: &Mutex<Collector>) -> MutexGuard<'_, Collector> {
    c.lock().unwrap_or_else(|e| e.into_inner())
}

impl Scan<'_> {
    /// Files, directories and standard input: walked, sharded, resumed, scanned in parallel.
    fn paths(&self, paths: &[PathBuf], opts: &Options, collector: &Mutex<Collector>) -> Result<()> {
        let checkpoint = opts.checkpoint.as_deref().map(Checkpoint::open).transpose()?;
        let (stdin_named, roots): (Vec<_>, Vec<_>) = paths.iter().cloned().partition(|p| p.as_os_str() == "-");
        let (mut inputs, errors) = fs::collect_inputs(&roots, &opts.walk);
        errors.into_iter().for_each(|e| lock(collector).error(e));
        if let Some(shard) = opts.shard {
            inputs.retain(|i| shard.owns(&shard_key(i, &roots)));
        }
        if !stdin_named.is_empty() {
            let r = self.gather(self.stdin(opts), collector);
            lock(collector).input(r);
        }
        // Inputs a checkpoint already holds are reported from it, exactly as if scanned now.
        let mut stamps = Default::default();
        if let Some(cp) = &checkpoint {
            let before = inputs.len();
            let (resumed, rest) = cp.resume(&mut inputs);
            stamps = rest;
            let mut c = lock(collector);
            if !resumed.is_empty() {
                let path = opts.checkpoint.as_deref().unwrap_or(std::path::Path::new("")).display();
                c.note(&format!("resuming from {path}: {} of {before} inputs already done", resumed.len()));
            }
            resumed.into_iter().for_each(|r| c.input(r));
        }
        if opts.measure_total {
            fs::total_size(&inputs, self.progress);
        }
        self.progress.set_phase(Phase::Scanning);
        inputs.par_iter().for_each(|input| {
            let res = self.gather(self.input(input, opts), collector);
            if let (Some(cp), Some(stamp)) = (&checkpoint, stamps.get(&input.display)) {
                if let Err(e) = cp.record(stamp, &res) {
                    lock(collector).error(e);
                }
            }
            lock(collector).input(res);
        });
        Ok(())
    }

    /// Scans one input, opening archives if asked.
    fn input(&self, input: &Input, opts: &Options) -> Vec<Event> {
        match &opts.archives {
            None => {
                let mut events = Vec::new();
                archive::scan_input_closed(self.engine, input, &opts.walk, &mut |e| events.push(e));
                for e in &events {
                    if let Event::Unit(u) = e {
                        Progress::add(&self.progress.bytes_done, u.bytes);
                    }
                }
                events
            }
            Some(a) => {
                let mut events = Vec::new();
                let done = Some(&self.progress.bytes_done);
                archive::scan_input_archives(self.engine, input, &opts.walk, a, done, &mut |e| events.push(e));
                events
            }
        }
    }

    /// Scans standard input (`-`), decompressing it if archives are on. Never checkpointed or
    /// sharded.
    fn stdin(&self, opts: &Options) -> Vec<Event> {
        let stdin = std::io::stdin();
        let mut lock = stdin.lock();
        match &opts.archives {
            None => {
                let mut events = Vec::new();
                archive::scan_reader_closed(self.engine, STDIN_NAME, &mut lock, &mut |e| events.push(e));
                events
            }
            Some(a) => {
                let mut events = Vec::new();
                archive::scan_reader_archives(self.engine, STDIN_NAME, &mut lock, a, &mut |e| events.push(e));
                events
            }
        }
    }

    /// Folds what scanning one input produced into its results: suppressions first (what they
    /// remove is neither validated nor folded), then live validation on this thread, then the
    /// findings, or records with dedupe.
    fn gather(&self, events: Vec<Event>, collector: &Mutex<Collector>) -> InputResults {
        let mut res = InputResults::default();
        let dedupe = lock(collector).is_dedupe();
        for e in events {
            match e {
                Event::Unit(mut u) => {
                    res.files += 1;
                    res.bytes += u.bytes;
                    res.errors.extend(u.error);
                    {
                        let mut c = lock(collector);
                        if c.wants_name(&u.path) {
                            res.names.push(u.path.clone());
                        }
                        c.screen(&mut u.findings);
                    }
                    if let Some(v) = self.verifier {
                        v.annotate(&mut u.findings);
                    }
                    Progress::add(&self.progress.findings, u.findings.len() as u64);
                    if dedupe {
                        u.findings.iter().for_each(|f| res.records.add_finding(f));
                    } else {
                        res.findings.extend(u.findings);
                    }
                }
                Event::Incomplete(e) => res.errors.push(e),
                Event::Warning(w) => res.warnings.push(w),
                Event::Note(n) => lock(collector).note(&n),
            }
        }
        res
    }

    /// Events that must be reported in the order given (git history: problems first, then blobs
    /// in introduction order). Validation, network-bound, checks units in parallel first.
    fn in_order(&self, mut events: Vec<Event>, collector: &Mutex<Collector>) {
        if let Some(v) = self.verifier {
            let mut c = lock(collector);
            for e in &mut events {
                if let Event::Unit(u) = e {
                    c.screen(&mut u.findings);
                }
            }
            drop(c);
            events.par_iter_mut().for_each(|e| match e {
                Event::Unit(u) if !u.findings.is_empty() => v.annotate(&mut u.findings),
                _ => {}
            });
        }
        let mut c = lock(collector);
        for e in events {
            match e {
                Event::Unit(u) => {
                    Progress::add(&self.progress.findings, u.findings.len() as u64);
                    c.unit(&u.path, u.bytes, u.findings, u.error);
                }
                Event::Incomplete(e) => c.error(e),
                Event::Warning(w) => c.warning(w),
                Event::Note(n) => c.note(&n),
            }
        }
    }
}
