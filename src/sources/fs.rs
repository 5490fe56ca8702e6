//! Files and directories: walking (with `ignore`, the walker behind ripgrep) and reading.
//!
//! Walking honours `.gitignore`, `.ignore` and `.git/info/exclude` (unless `--no-ignore`), descends
//! into hidden directories (credentials live in `.env`, `.sfdx/`, `.bash_history`), never enters
//! `.git/` (history is the `git` command's job), and does not follow symbolic links found inside the
//! tree (a link out of the tree, or a loop, is not scanned). Paths named on the command line are
//! followed, and may be FIFOs or block devices: those are read as streams. Character devices are
//! refused (`/dev/zero` never ends): standard input is the way to scan one on purpose.
//!
//! Reading: small files are read into memory; files of at least `stream_threshold` bytes are
//! streamed in blocks (see [`Sink::stream`]), never memory-mapped: memory stays bounded
//! whatever their size, and a file truncated while it is read cannot crash the scanner.

use super::{display_path, Progress, Sink, Unit};
use crate::error::{io_message, ScanError};
use ignore::WalkBuilder;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

#[derive(Debug, Clone)]
pub struct WalkOptions {
    /// Ignore `.gitignore` / `.ignore` files.
    pub no_ignore: bool,
    /// Worker threads for walking (0 = one per core).
    pub threads: usize,
    /// Files at least this large are streamed in blocks instead of read whole.
    pub stream_threshold: u64,
    /// Files not even read (`.forcescan.toml`'s `skip_paths`).
    pub skip: Option<SkipFiles>,
}

impl Default for WalkOptions {
    fn default() -> Self {
        WalkOptions { no_ignore: false, threads: 0, stream_threshold: STREAM_THRESHOLD, skip: None }
    }
}

/// Decides which files a walk leaves out without reading them; set by whoever sets up the scan.
#[derive(Clone)]
pub struct SkipFiles(pub std::sync::Arc<dyn Fn(&Path) -> bool + Send + Sync>);

impl std::fmt::Debug for SkipFiles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SkipFiles(..)")
    }
}

/// A file to scan and how to name it in reports.
#[derive(Debug, Clone)]
pub(crate) struct Input {
    pub path: PathBuf,
    pub display: String,
}

/// Expands the named paths into the files to scan, sorted by path so reports are deterministic.
pub(crate) fn collect_inputs(roots: &[PathBuf], opts: &WalkOptions) -> (Vec<Input>, Vec<ScanError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for root in roots {
        let meta = match std::fs::metadata(root) {
            Ok(m) => m,
            Err(e) => {
                errors.push(ScanError { path: display_path(root), message: io_message(&e) });
                continue;
            }
        };
        if !meta.is_dir() {
            inputs.push(Input { path: root.clone(), display: display_path(root) });
            continue;
        }
        let found = Mutex::new(Vec::new());
        let errs = Mutex::new(Vec::new());
        let skip = opts.skip.clone();
        let mut b = WalkBuilder::new(root);
        b.hidden(false)
            .follow_links(false)
            .require_git(false)
            .git_global(false)
            .git_ignore(!opts.no_ignore)
            .git_exclude(!opts.no_ignore)
            .ignore(!opts.no_ignore)
            .parents(!opts.no_ignore)
            .threads(opts.threads)
            .filter_entry(move |e| {
                e.file_name() != ".git"
                    && !skip.as_ref().is_some_and(|s| e.file_type().is_some_and(|t| t.is_file()) && (s.0)(e.path()))
            });
        b.build_parallel().run(|| {
            Box::new(|entry| {
                match entry {
                    Ok(e) => {
                        if e.file_type().is_some_and(|t| t.is_file()) {
                            let p = e.into_path();
                            found.lock().unwrap().push(Input { display: display_path(&p), path: p });
                        }
                    }
                    Err(err) => errs.lock().unwrap().push(walk_error(root, err)),
                }
                ignore::WalkState::Continue
            })
        });
        inputs.extend(found.into_inner().unwrap());
        errors.extend(errs.into_inner().unwrap());
    }
    inputs.sort_by(|a, b| a.display.cmp(&b.display));
    inputs.dedup_by(|a, b| a.display == b.display);
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    (inputs, errors)
}

fn walk_error(root: &Path, err: ignore::Error) -> ScanError {
    // ignore's errors wrap the path; unwrap it so the message reads "path: reason".
    let mut path = display_path(root);
    let mut e = &err;
    loop {
        match e {
            ignore::Error::WithPath { path: p, err } => {
                path = display_path(p);
                e = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => e = err,
            ignore::Error::Io(io) => return ScanError { path, message: io_message(io) },
            other => return ScanError { path, message: other.to_string() },
        }
    }
}

/// Scans one input.
pub(crate) fn scan_input(sink: &dyn Sink, input: &Input, opts: &WalkOptions) -> Unit {
    let display = input.display.clone();
    let fail = |e: std::io::Error, bytes| Unit { bytes, ..Unit::failed(&display, io_message(&e)) };
    if is_char_device(&input.path) {
        // `/dev/zero` and `/dev/urandom` never end and `/dev/tty` waits for a person: refused before
        // it is even opened (opening some devices acts on them). Standard input is read to its end,
        // which is how to scan a device on purpose.
        return Unit::failed(
            &display,
            format!("a character device, not scanned (to scan it anyway: forcescan scan - < {display})"),
        );
    }
    let file = match File::open(&input.path) {
        Ok(f) => f,
        Err(e) => return fail(e, 0),
    };
    let meta = match file.metadata() {
        Ok(m) => m,
        Err(e) => return fail(e, 0),
    };
    if !meta.is_file() {
        // A FIFO, a block device or /dev/stdin named explicitly: read it as a stream.
        return scan_stream(sink, &display, file);
    }
    let len = meta.len();
    if len >= opts.stream_threshold {
        // Streamed, not memory-mapped: a mapped file that another process truncates (a rotated log)
        // kills the scanner with SIGBUS, and mapped pages count as resident memory until the whole
        // file is done (a 480 MiB file peaked at 505 MiB). A stream keeps a few blocks in memory,
        // each matched on every core.
        return stream_result(sink, &display, file, true);
    }
    let mut buf = Vec::with_capacity(len as usize + 1);
    match std::io::Read::read_to_end(&mut &file, &mut buf) {
        Ok(_) => Unit::scanned(&display, buf.len() as u64, sink.bytes(&display, &buf)),
        Err(e) => fail(e, len),
    }
}

#[cfg(unix)]
pub(crate) fn is_char_device(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::metadata(path).is_ok_and(|m| m.file_type().is_char_device())
}

#[cfg(not(unix))]
pub(crate) fn is_char_device(_: &Path) -> bool {
    false
}

/// Counts the bytes that pass through a reader.
struct Counting<R> {
    inner: R,
    n: u64,
}

impl<R: std::io::Read> std::io::Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.n += n as u64;
        Ok(n)
    }
}

/// Scans a stream (standard input, a FIFO, a decompressor) with bounded memory.
/// The size from which a file is read as a stream, in blocks, rather than whole: a decompressed
/// stream shorter than this is held and scanned whole too (see `archive`).
pub(crate) const STREAM_THRESHOLD: u64 = 16 << 20;

pub(crate) fn scan_stream(sink: &dyn Sink, display: &str, r: impl std::io::Read) -> Unit {
    stream_result(sink, display, r, false)
}

/// Scans a stream into a unit; `parallel`: match each block on every core (a large file).
fn stream_result(sink: &dyn Sink, display: &str, r: impl std::io::Read, parallel: bool) -> Unit {
    let mut c = Counting { inner: r, n: 0 };
    let (findings, error) = match sink.stream(display, &mut c, parallel) {
        Ok(f) => (f, None),
        Err(e) => (Vec::new(), Some(ScanError::new(display, io_message(&e)))),
    };
    Unit { path: display.to_string(), bytes: c.n, findings, error }
}

/// Total size of the inputs that are regular files, for a progress bar.
pub(crate) fn total_size(inputs: &[Input], progress: &Progress) {
    let total: u64 = inputs.iter().filter_map(|i| std::fs::metadata(&i.path).ok()).map(|m| m.len()).sum();
    Progress::add(&progress.bytes_total, total);
}
