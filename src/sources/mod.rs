//! Sources: what the user named, turned into units of bytes with a name and provenance, handed to a
//! [`Sink`]. Sources never interpret content; they know detection only as the [`Sink`] they hand
//! bytes to (the scan driver, [`crate::scan`], connects it to the engine), and never see results or
//! reports.
//!
//! * [`fs`]: walking directories (the `ignore` crate, as ripgrep) and reading files and streams.
//! * [`archive`]: compressed files and archives opened as streams, members named `a.tar.gz!b.log`;
//!   a workbook's sheets read as their rows ([`spreadsheet`]).
//! * [`git`]: every blob a scope of history introduced, once, with the commit that introduced it;
//!   the staged files of a commit; what a push sends.
//!
//! Each source reports what it produced as [`Event`]s: scanned units, and what could not be
//! scanned. [`Progress`] is the counters a source advances as it goes, which the command line draws.

pub mod archive;
pub mod fs;
pub mod git;
pub mod spreadsheet;

use crate::detect::Finding;
use crate::error::ScanError;
use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicU64, AtomicU8, Ordering};

/// What sources hand their bytes to, and get findings back from. The scan driver implements it with
/// the detection engine; a source keeps the findings only to pass them on (and, for git history,
/// to compare which blob introduced a secret).
///
/// `Err` is a unit the sink could not finish (for the scan driver, a bug caught in detection):
/// the source reports it as that unit's error and goes on.
pub trait Sink: Sync {
    /// A unit held whole in memory.
    fn bytes(&self, name: &str, data: &[u8]) -> Result<Vec<Finding>, String>;
    /// A large unit in memory: matched in parallel chunks.
    fn large(&self, name: &str, data: &[u8]) -> Result<Vec<Finding>, String>;
    /// A stream, read to its end in blocks with bounded memory. `parallel`: each block is matched
    /// on every core (a large file, where matching rather than reading is the work).
    fn stream(&self, name: &str, r: &mut dyn Read, parallel: bool) -> std::io::Result<Vec<Finding>>;
}

/// One scanned unit: a file, a decompressed stream, an archive member, a git blob.
#[derive(Debug)]
pub struct Unit {
    pub path: String,
    pub bytes: u64,
    pub findings: Vec<Finding>,
    /// What stopped this unit from being scanned in full.
    pub error: Option<ScanError>,
}

impl Unit {
    /// A unit a sink was given whole, with what it answered.
    pub fn scanned(path: &str, bytes: u64, found: Result<Vec<Finding>, String>) -> Unit {
        let (findings, error) = match found {
            Ok(f) => (f, None),
            Err(e) => (Vec::new(), Some(ScanError::new(path, e))),
        };
        Unit { path: path.to_string(), bytes, findings, error }
    }

    /// A unit that could not be read at all.
    pub fn failed(path: &str, message: String) -> Unit {
        Unit { path: path.to_string(), bytes: 0, findings: Vec::new(), error: Some(ScanError::new(path, message)) }
    }
}

/// What scanning one input produces, in order.
#[derive(Debug)]
pub enum Event {
    /// One scanned unit.
    Unit(Unit),
    /// Part of the input was not scanned (or not decoded): the scan is incomplete.
    Incomplete(ScanError),
    /// Scanned in full, but worth a look.
    Warning(ScanError),
    /// Nothing wrong, but worth saying on stderr (an archive left closed by `--no-archives`).
    /// Recorded in no report.
    Note(String),
}

/// The name standard input goes by in reports. Reports that re-read files know it is not one.
pub(crate) const STDIN_NAME: &str = "<stdin>";

/// How a path is shown: as given, without a leading `./`, with `/` separators.
pub fn display_path(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    let mut t = s.as_str();
    while let Some(rest) = t.strip_prefix("./") {
        t = rest;
    }
    if t.is_empty() {
        ".".to_string()
    } else {
        t.to_string()
    }
}

/// What a scan has done so far, advanced by sources and the driver from any thread and read by
/// whoever draws progress (the command line, on a terminal). Only counters: nothing here prints.
#[derive(Debug, Default)]
pub struct Progress {
    phase: AtomicU8,
    /// Commits walked (git history).
    pub commits: AtomicU64,
    /// Units to scan, when known in advance (git blobs), and units done.
    pub units_total: AtomicU64,
    pub units_done: AtomicU64,
    /// Bytes to read, when known in advance (files on disk), and bytes read.
    pub bytes_total: AtomicU64,
    pub bytes_done: AtomicU64,
    /// Findings so far.
    pub findings: AtomicU64,
}

/// What a scan is doing, for the progress display.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Finding what to scan: walking directories or git history.
    Walking,
    /// Reading and scanning.
    Scanning,
    /// Done: the display clears.
    Finished,
}

impl Progress {
    pub fn phase(&self) -> Phase {
        match self.phase.load(Ordering::Relaxed) {
            0 => Phase::Walking,
            1 => Phase::Scanning,
            _ => Phase::Finished,
        }
    }

    pub fn set_phase(&self, p: Phase) {
        self.phase.store(p as u8, Ordering::Relaxed);
    }

    pub fn add(counter: &AtomicU64, n: u64) {
        counter.fetch_add(n, Ordering::Relaxed);
    }

    pub fn get(counter: &AtomicU64) -> u64 {
        counter.load(Ordering::Relaxed)
    }
}
