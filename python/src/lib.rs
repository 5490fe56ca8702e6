//! `forcescan._native`: the Rust side of the `forcescan` Python package. The public, documented API
//! is the Python package (`forcescan/__init__.py`, `forcescan/spark.py`); this module gives it the
//! library's scan driver, engine and archive reader, and releases the GIL while they run.
//!
//! Every scan goes through the library's own code: `scan_path` is `forcescan::scan::run` into a
//! `results::Collector` (what `forcescan scan` runs), `scan_bytes` and the Spark rows are
//! `sources::archive::scan_bytes_archives` into a collector of their own. Findings are copied into
//! plain Python objects; a full secret is kept only when the call asked for it.

use forcescan::detect::{Engine, EngineOptions, Finding, RuleBook};
use forcescan::error::{Collected, Error, ScanError};
use forcescan::results::suppress::Suppressions;
use forcescan::results::{Collector, Policy, Results};
use forcescan::scan::{self, Options, Scan, Target};
use forcescan::sources::archive::{scan_bytes_archives, ArchiveOptions};
use forcescan::sources::fs::WalkOptions;
use forcescan::sources::{Event, Progress};
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;

create_exception!(
    forcescan,
    ForcescanError,
    PyException,
    "Base class of forcescan's errors: the run could not start or finish. The message is the one \
     the forcescan command prints after `forcescan: error: `."
);
create_exception!(forcescan, RulesError, ForcescanError, "A rule file that cannot be read, parsed or compiled.");
create_exception!(
    forcescan,
    ConfigError,
    ForcescanError,
    "`.forcescan.toml` or a baseline file that cannot be read or is not valid."
);
create_exception!(forcescan, UsageError, ForcescanError, "Options that do not go together, or a value that cannot be used.");
create_exception!(forcescan, FileError, ForcescanError, "A file forcescan itself must read or write.");

/// The library's `Error` as the Python exception of its kind, with the command line's message.
fn py_error(e: Error) -> PyErr {
    let msg = e.message().to_string();
    match e {
        Error::Rules(_) => RulesError::new_err(msg),
        Error::Config(_) => ConfigError::new_err(msg),
        Error::Usage(_) => UsageError::new_err(msg),
        Error::Io(_) => FileError::new_err(msg),
        Error::Validation(_) | Error::Incomplete(_) => ForcescanError::new_err(msg),
    }
}

/// One finding, with the fields of the JSON report. Immutable; never holds the full secret unless
/// the scan was asked for it (`show_secrets=True`).
#[pyclass(module = "forcescan", name = "Finding", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
struct PyFinding {
    /// Rule id, e.g. `salesforce-access-token`.
    #[pyo3(get)]
    rule: String,
    /// What the rule finds, for people.
    #[pyo3(get)]
    title: String,
    /// `critical`, `high`, `medium` or `low`.
    #[pyo3(get)]
    severity: String,
    /// `high`, `medium` or `low`: how sure the rule is that this is a real credential.
    #[pyo3(get)]
    confidence: String,
    /// The file (or `archive.tar.gz!member`) the secret is in.
    #[pyo3(get)]
    path: String,
    /// 1-based line of the secret's first byte.
    #[pyo3(get)]
    line: u64,
    /// 1-based byte column of the secret's first byte.
    #[pyo3(get)]
    column: u64,
    /// Line of the secret's last byte.
    #[pyo3(get)]
    end_line: u64,
    /// 1-based byte column just past the secret (exclusive).
    #[pyo3(get)]
    end_column: u64,
    /// Byte offset of the secret in the scanned unit.
    #[pyo3(get)]
    offset: u64,
    /// Length of the secret as written, in bytes (`%21` counts three).
    #[pyo3(get)]
    length: u64,
    /// The redacted value: at most the first 4 and last 2 characters.
    #[pyo3(get)]
    secret: String,
    /// The full value, only when the scan was called with `show_secrets=True`; else None.
    #[pyo3(get)]
    secret_value: Option<String>,
    /// HMAC-SHA256 of rule id and secret (32 hex), keyed by `FORCESCAN_HASH_KEY` when set: stable
    /// when the secret moves, different when it changes.
    #[pyo3(get)]
    fingerprint: String,
    /// The 15-character org ID, for access tokens.
    #[pyo3(get)]
    org_id: Option<String>,
    /// A value published in Salesforce documentation or samples (only with `include_examples`).
    #[pyo3(get)]
    known_example: bool,
    /// Found in binary content.
    #[pyo3(get)]
    binary: bool,
    /// How the secret was encoded where it was found: `base64`, `utf-16le`, `utf-16be`, `percent`, `csv-quotes`.
    #[pyo3(get)]
    decoded: Option<String>,
    /// The timestamp the secret's log line starts with, normalised as in `forcescan sweep`.
    #[pyo3(get)]
    timestamp: Option<String>,
    /// Why a credential found by its context is Salesforce's (the JSON report's `evidence`), as
    /// JSON text; read through the `evidence` property.
    evidence_json: Option<String>,
    /// The other parts of a credential found apart (the report's `related`), as JSON text.
    related_json: Option<String>,
}

impl PyFinding {
    fn new(f: Finding, show_secrets: bool) -> PyFinding {
        PyFinding {
            severity: f.severity.to_string(),
            confidence: f.confidence.to_string(),
            secret_value: if show_secrets { f.secret_value } else { None },
            decoded: f.decoded.map(str::to_string),
            timestamp: f.timestamp.map(|t| t.as_str().to_string()),
            evidence_json: f.evidence.as_ref().and_then(|e| serde_json::to_string(e).ok()),
            related_json: (!f.related.is_empty()).then(|| serde_json::to_string(&f.related).ok()).flatten(),
            rule: f.rule,
            title: f.title,
            path: f.path,
            line: f.line,
            column: f.column,
            end_line: f.end_line,
            end_column: f.end_column,
            offset: f.offset,
            length: f.length,
            secret: f.secret,
            fingerprint: f.fingerprint,
            org_id: f.org_id,
            known_example: f.known_example,
            binary: f.binary,
        }
    }
}

#[pymethods]
impl PyFinding {
    /// The finding as the JSON report writes it: the same keys, optional ones only when set.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("rule", &self.rule)?;
        d.set_item("title", &self.title)?;
        d.set_item("severity", &self.severity)?;
        d.set_item("confidence", &self.confidence)?;
        d.set_item("path", &self.path)?;
        d.set_item("line", self.line)?;
        d.set_item("column", self.column)?;
        d.set_item("end_line", self.end_line)?;
        d.set_item("end_column", self.end_column)?;
        d.set_item("offset", self.offset)?;
        d.set_item("length", self.length)?;
        d.set_item("secret", &self.secret)?;
        if let Some(v) = &self.secret_value {
            d.set_item("secret_value", v)?;
        }
        d.set_item("fingerprint", &self.fingerprint)?;
        if let Some(v) = &self.org_id {
            d.set_item("org_id", v)?;
        }
        if self.known_example {
            d.set_item("known_example", true)?;
        }
        if self.binary {
            d.set_item("binary", true)?;
        }
        if let Some(v) = &self.decoded {
            d.set_item("decoded", v)?;
        }
        if let Some(v) = &self.timestamp {
            d.set_item("timestamp", v)?;
        }
        if let Some(v) = self.evidence(py)? {
            d.set_item("evidence", v)?;
        }
        if let Some(v) = self.related(py)? {
            d.set_item("related", v)?;
        }
        Ok(d)
    }

    /// Why a credential found by its context is Salesforce's: `{"key", "key_path", "salesforce",
    /// "line"}` as in the JSON report (never a value), or None for a finding made by its shape.
    #[getter]
    fn evidence<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.evidence_json.as_deref().map(|j| py.import("json")?.call_method1("loads", (j,))).transpose()
    }

    /// The other parts of a credential found apart (the security token of a password, the
    /// consumer key of a secret): a list of `{"role", "line", "column", …}`, or None.
    #[getter]
    fn related<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.related_json.as_deref().map(|j| py.import("json")?.call_method1("loads", (j,))).transpose()
    }

    fn __repr__(&self) -> String {
        format!(
            "Finding(rule={:?}, path={:?}, line={}, column={}, secret={:?}, fingerprint={:?})",
            self.rule, self.path, self.line, self.column, self.secret, self.fingerprint
        )
    }
}

/// What one scan produced, in plain data.
struct Outcome {
    findings: Vec<Finding>,
    errors: Vec<ScanError>,
    warnings: Vec<ScanError>,
    files: usize,
    bytes: u64,
}

impl Outcome {
    fn of(r: Results) -> Outcome {
        let files = r.summary.files_scanned;
        let bytes = r.summary.bytes_scanned;
        let findings = match r.items {
            forcescan::results::Items::Findings(f) => f,
            forcescan::results::Items::Records(_) => Vec::new(),
        };
        Outcome { findings, errors: r.errors, warnings: r.warnings, files, bytes }
    }
}

type PyOutcome = (Vec<PyFinding>, Vec<(String, String)>, Vec<(String, String)>, usize, u64);

fn to_py(o: Outcome, show_secrets: bool) -> PyOutcome {
    let pairs = |v: Vec<ScanError>| v.into_iter().map(|e| (e.path, e.message)).collect();
    (
        o.findings.into_iter().map(|f| PyFinding::new(f, show_secrets)).collect(),
        pairs(o.errors),
        pairs(o.warnings),
        o.files,
        o.bytes,
    )
}

/// The scanner behind `forcescan.Scanner`: an engine (always keeping full values, which are
/// dropped per call unless asked for) and how to run it. Immutable and `Sync`, so any number of
/// Python threads may use one at once, each with the GIL released while it scans.
#[pyclass(module = "forcescan._native", name = "Scanner", frozen)]
struct PyScanner {
    engine: Arc<Engine>,
    archives: bool,
    threads: usize,
    pool: Option<rayon::ThreadPool>,
}

impl PyScanner {
    /// Runs `f` on this scanner's thread pool (its own when `threads` was given).
    fn install<T: Send>(&self, f: impl FnOnce() -> T + Send) -> T {
        match &self.pool {
            Some(p) => p.install(f),
            None => f(),
        }
    }

    fn archive_options(&self) -> Option<ArchiveOptions> {
        self.archives.then(ArchiveOptions::default)
    }

    fn collector(&self) -> Collector {
        Collector::new(&self.engine.book, Policy::default(), Arc::new(Collected::default()))
    }

    /// One unit held in memory, as a file of that name is scanned: archives opened when asked,
    /// inline allow markers honoured, the results' whole-scan rules applied to this unit alone.
    fn scan_one(&self, name: &str, data: &[u8]) -> Outcome {
        let mut c = self.collector();
        let large = WalkOptions::default().stream_threshold as usize;
        match self.archive_options() {
            Some(a) => {
                let mut events = Vec::new();
                scan_bytes_archives(&*self.engine, name, data, large, &a, &mut |e| events.push(e));
                for e in events {
                    match e {
                        Event::Unit(u) => c.unit(&u.path, u.bytes, u.findings, u.error),
                        Event::Incomplete(e) => c.error(e),
                        Event::Warning(w) => c.warning(w),
                        // Notes say an archive was left closed (`--no-archives`); archives are
                        // open on this path.
                        Event::Note(_) => {}
                    }
                }
            }
            None => {
                let findings =
                    if data.len() >= large { self.engine.scan_chunked(name, data) } else { self.engine.scan_bytes(name, data) };
                c.unit(name, data.len() as u64, findings, None);
            }
        }
        Outcome::of(c.finish())
    }
}

impl PyScanner {
    /// One file on disk, named `name` in what it reports (see `_scan_local`).
    fn scan_local(&self, path: &str, name: &str) -> Outcome {
        let path = if path == "-" { PathBuf::from("./-") } else { PathBuf::from(path) };
        let shown = forcescan::sources::display_path(&path);
        let opts = Options { archives: self.archive_options(), ..Default::default() };
        let progress = Progress::default();
        let s = Scan { engine: &self.engine, verifier: None, progress: &progress };
        let mut o = match scan::run(&s, &Target::Paths(vec![path]), &opts, self.collector()) {
            Ok(c) => Outcome::of(c.finish()),
            Err(e) => Outcome {
                findings: Vec::new(),
                errors: vec![ScanError::new(shown.clone(), e.message())],
                warnings: Vec::new(),
                files: 0,
                bytes: 0,
            },
        };
        let rename = |p: &mut String| {
            if let Some(rest) = p.strip_prefix(shown.as_str()) {
                if rest.is_empty() || rest.starts_with('!') {
                    *p = format!("{name}{rest}");
                }
            }
        };
        o.findings.iter_mut().for_each(|f| rename(&mut f.path));
        o.errors.iter_mut().chain(o.warnings.iter_mut()).for_each(|e| rename(&mut e.path));
        o
    }
}


#[pymethods]
impl PyScanner {
    #[new]
    #[pyo3(signature = (rules, include_examples, decode, archives, threads, rule_texts=Vec::new()))]
    fn new(
        rules: Vec<PathBuf>,
        include_examples: bool,
        decode: bool,
        archives: bool,
        threads: Option<usize>,
        rule_texts: Vec<(String, String)>,
    ) -> PyResult<PyScanner> {
        let mut book = RuleBook::builtin();
        for f in &rules {
            book.add_file(f).map_err(py_error)?;
        }
        // Rule files read elsewhere (Spark's driver), as (name, TOML text).
        for (name, text) in &rule_texts {
            book.add_toml(name, text).map_err(py_error)?;
        }
        let opts = EngineOptions {
            show_secrets: true,
            include_examples,
            decode,
            line_timestamps: true,
            ..Default::default()
        };
        let engine = Engine::new(book, opts).map_err(py_error)?;
        if !rules.is_empty() || !rule_texts.is_empty() {
            engine.check_compiles().map_err(py_error)?;
        }
        let pool = match threads {
            None | Some(0) => None,
            Some(n) => Some(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .thread_name(|i| format!("forcescan-{i}"))
                    .build()
                    .map_err(|e| ForcescanError::new_err(format!("cannot start {n} threads: {e}")))?,
            ),
        };
        Ok(PyScanner { engine: Arc::new(engine), archives, threads: threads.unwrap_or(0), pool })
    }

    /// Scans `data` as one unit named `path`.
    #[pyo3(signature = (data, path, show_secrets))]
    fn scan_bytes(&self, py: Python<'_>, data: &Bound<'_, PyBytes>, path: &str, show_secrets: bool) -> PyOutcome {
        let bytes = data.as_bytes();
        let o = py.detach(|| self.install(|| self.scan_one(path, bytes)));
        to_py(o, show_secrets)
    }

    /// Scans `text` (UTF-8) as one unit named `path`.
    #[pyo3(signature = (text, path, show_secrets))]
    fn scan_text(&self, py: Python<'_>, text: &str, path: &str, show_secrets: bool) -> PyOutcome {
        let o = py.detach(|| self.install(|| self.scan_one(path, text.as_bytes())));
        to_py(o, show_secrets)
    }

    /// Scans files and directories as `forcescan scan` (with `--archives` when archives are on)
    /// does: `.gitignore` honoured, `.forcescan.toml` and the baseline at the repository (or scan)
    /// root applied.
    #[pyo3(signature = (paths, show_secrets))]
    fn scan_path(&self, py: Python<'_>, paths: Vec<PathBuf>, show_secrets: bool) -> PyResult<PyOutcome> {
        // `-` is standard input to the command line; here it is a file of that name.
        let paths: Vec<PathBuf> =
            paths.into_iter().map(|p| if p.as_os_str() == "-" { PathBuf::from("./-") } else { p }).collect();
        let o = py.detach(|| {
            self.install(|| -> Result<Outcome, Error> {
                let start = paths.first().cloned().unwrap_or_else(|| PathBuf::from("."));
                let suppressions = Suppressions::load(None, None, &start, &self.engine.book, false)?;
                let walk = WalkOptions { threads: self.threads, skip: suppressions.skip_files(), ..Default::default() };
                let opts = Options { walk, archives: self.archive_options(), ..Default::default() };
                let policy = Policy { suppressions, ..Default::default() };
                let collector = Collector::new(&self.engine.book, policy, Arc::new(Collected::default()));
                let progress = Progress::default();
                let s = Scan { engine: &self.engine, verifier: None, progress: &progress };
                let c = scan::run(&s, &Target::Paths(paths), &opts, collector)?;
                Ok(Outcome::of(c.finish()))
            })
        });
        o.map(|o| to_py(o, show_secrets)).map_err(py_error)
    }

    /// Files on a local (or mounted) filesystem, scanned where they are, as `forcescan sweep`
    /// scans a file it is given: archives opened, large files streamed in bounded memory. File `i`
    /// is read from `paths[i]` and reported as `names[i]` (its members as `names[i]!member`); one
    /// that cannot be read is an error row with the command's message. Files are scanned in
    /// parallel. Returns the columns of `_scan_arrow`.
    #[pyo3(signature = (paths, names, show_secrets))]
    fn _scan_local<'py>(
        &self,
        py: Python<'py>,
        paths: Vec<String>,
        names: Vec<String>,
        show_secrets: bool,
    ) -> PyResult<Bound<'py, PyDict>> {
        if paths.len() != names.len() {
            return Err(UsageError::new_err("paths and names differ in length"));
        }
        let outcomes: Vec<Option<Outcome>> = py.detach(|| {
            self.install(|| paths.par_iter().zip(names.par_iter()).map(|(p, n)| Some(self.scan_local(p, n))).collect())
        });
        let names: Vec<&String> = names.iter().collect();
        rows_to_columns(py, &names, outcomes, show_secrets, None)
    }

    /// Spark's rows: the `n` values of an Arrow binary or string array, described by the addresses
    /// of its buffers (`data`, `offsets` of `offset_width` bytes each, the `validity` bitmap if any)
    /// and its `offset`. Value `i` is scanned as a unit named `names[i]` (or `names[0]` for all). A
    /// null value is an error row saying `missing`, or skipped when `missing` is None. The caller
    /// keeps the buffers alive and unchanged for the call (it holds the Arrow array).
    ///
    /// Returns columns (lists): `row` (the value's index), the finding fields, `error` and
    /// `warning` (rows of their own).
    #[pyo3(signature = (names, n, data, data_len, offsets, offset_width, offset, validity, show_secrets, missing))]
    #[allow(clippy::too_many_arguments)]
    fn _scan_arrow<'py>(
        &self,
        py: Python<'py>,
        names: Vec<String>,
        n: usize,
        data: usize,
        data_len: usize,
        offsets: usize,
        offset_width: usize,
        offset: usize,
        validity: Option<usize>,
        show_secrets: bool,
        missing: Option<String>,
    ) -> PyResult<Bound<'py, PyDict>> {
        if names.len() != n && names.len() != 1 {
            return Err(UsageError::new_err("names must hold one name, or one per value"));
        }
        if offset_width != 4 && offset_width != 8 {
            return Err(UsageError::new_err("offsets are 4 or 8 bytes wide"));
        }
        // SAFETY (all reads below): the caller passes the buffers of a live Arrow array of `n`
        // values starting at `offset`, which it holds, unchanged, for the duration of this call.
        let read_offset = |i: usize| -> usize {
            let at = offsets + (offset + i) * offset_width;
            unsafe {
                if offset_width == 4 {
                    std::ptr::read_unaligned(at as *const i32) as usize
                } else {
                    std::ptr::read_unaligned(at as *const i64) as usize
                }
            }
        };
        let is_valid = |i: usize| -> bool {
            validity.is_none_or(|v| {
                let bit = offset + i;
                unsafe { (*((v + bit / 8) as *const u8) >> (bit % 8)) & 1 == 1 }
            })
        };
        let mut spans = Vec::with_capacity(n);
        for i in 0..n {
            let (start, end) = (read_offset(i), read_offset(i + 1));
            if start > end || end > data_len {
                return Err(UsageError::new_err(format!("value {i}: offsets {start}..{end} outside the data")));
            }
            spans.push(is_valid(i).then_some((start, end)));
        }
        let name = |i: usize| if names.len() == 1 { &names[0] } else { &names[i] };
        let outcomes: Vec<Option<Outcome>> = py.detach(|| {
            self.install(|| {
                spans
                    .par_iter()
                    .enumerate()
                    .map(|(i, span)| {
                        let (start, end) = (*span)?;
                        let bytes: &[u8] = if end == start {
                            &[]
                        } else {
                            unsafe { std::slice::from_raw_parts((data + start) as *const u8, end - start) }
                        };
                        Some(self.scan_one(name(i), bytes))
                    })
                    .collect()
            })
        });
        let names: Vec<&String> = (0..n).map(name).collect();
        rows_to_columns(py, &names, outcomes, show_secrets, missing.as_deref())
    }
}

/// The columns `_scan_arrow` returns (Python lists, Arrow builds the batch from them).
fn rows_to_columns<'py>(
    py: Python<'py>,
    names: &[&String],
    outcomes: Vec<Option<Outcome>>,
    show_secrets: bool,
    missing: Option<&str>,
) -> PyResult<Bound<'py, PyDict>> {
    #[derive(Default)]
    struct Cols {
        row: Vec<usize>,
        path: Vec<String>,
        rule: Vec<Option<String>>,
        title: Vec<Option<String>>,
        severity: Vec<Option<String>>,
        confidence: Vec<Option<String>>,
        line: Vec<Option<u64>>,
        column: Vec<Option<u64>>,
        end_line: Vec<Option<u64>>,
        end_column: Vec<Option<u64>>,
        offset: Vec<Option<u64>>,
        length: Vec<Option<u64>>,
        secret: Vec<Option<String>>,
        secret_value: Vec<Option<String>>,
        fingerprint: Vec<Option<String>>,
        org_id: Vec<Option<String>>,
        known_example: Vec<Option<bool>>,
        binary: Vec<Option<bool>>,
        decoded: Vec<Option<String>>,
        timestamp: Vec<Option<String>>,
        error: Vec<Option<String>>,
        warning: Vec<Option<String>>,
    }
    let mut c = Cols::default();
    let problem = |c: &mut Cols, row: usize, e: ScanError, is_error: bool| {
        c.row.push(row);
        c.path.push(e.path);
        for v in [&mut c.rule, &mut c.title, &mut c.severity, &mut c.confidence] {
            v.push(None);
        }
        for v in [&mut c.line, &mut c.column, &mut c.end_line, &mut c.end_column, &mut c.offset, &mut c.length] {
            v.push(None);
        }
        for v in [&mut c.secret, &mut c.secret_value, &mut c.fingerprint, &mut c.org_id, &mut c.decoded, &mut c.timestamp] {
            v.push(None);
        }
        c.known_example.push(None);
        c.binary.push(None);
        let (e_msg, w_msg) = if is_error { (Some(e.message), None) } else { (None, Some(e.message)) };
        c.error.push(e_msg);
        c.warning.push(w_msg);
    };
    for (row, o) in outcomes.into_iter().enumerate() {
        let Some(o) = o else {
            if let Some(m) = missing {
                problem(&mut c, row, ScanError::new(names[row].as_str(), m), true);
            }
            continue;
        };
        for f in o.findings {
            let f = PyFinding::new(f, show_secrets);
            c.row.push(row);
            c.path.push(f.path);
            c.rule.push(Some(f.rule));
            c.title.push(Some(f.title));
            c.severity.push(Some(f.severity));
            c.confidence.push(Some(f.confidence));
            c.line.push(Some(f.line));
            c.column.push(Some(f.column));
            c.end_line.push(Some(f.end_line));
            c.end_column.push(Some(f.end_column));
            c.offset.push(Some(f.offset));
            c.length.push(Some(f.length));
            c.secret.push(Some(f.secret));
            c.secret_value.push(f.secret_value);
            c.fingerprint.push(Some(f.fingerprint));
            c.org_id.push(f.org_id);
            c.known_example.push(Some(f.known_example));
            c.binary.push(Some(f.binary));
            c.decoded.push(f.decoded);
            c.timestamp.push(f.timestamp);
            c.error.push(None);
            c.warning.push(None);
        }
        for e in o.errors {
            problem(&mut c, row, e, true);
        }
        for w in o.warnings {
            problem(&mut c, row, w, false);
        }
    }
    let d = PyDict::new(py);
    d.set_item("row", PyList::new(py, c.row)?)?;
    d.set_item("path", c.path)?;
    d.set_item("rule", c.rule)?;
    d.set_item("title", c.title)?;
    d.set_item("severity", c.severity)?;
    d.set_item("confidence", c.confidence)?;
    d.set_item("line", c.line)?;
    d.set_item("column", c.column)?;
    d.set_item("end_line", c.end_line)?;
    d.set_item("end_column", c.end_column)?;
    d.set_item("offset", c.offset)?;
    d.set_item("length", c.length)?;
    d.set_item("secret", c.secret)?;
    d.set_item("secret_value", c.secret_value)?;
    d.set_item("fingerprint", c.fingerprint)?;
    d.set_item("org_id", c.org_id)?;
    d.set_item("known_example", c.known_example)?;
    d.set_item("binary", c.binary)?;
    d.set_item("decoded", c.decoded)?;
    d.set_item("timestamp", c.timestamp)?;
    d.set_item("error", c.error)?;
    d.set_item("warning", c.warning)?;
    Ok(d)
}

/// The fingerprint forcescan gives `secret` under `rule`, with the key in force
/// (`FORCESCAN_HASH_KEY`, else the built-in one).
#[pyfunction]
fn fingerprint(rule: &str, secret: &str) -> String {
    forcescan::detect::finding::fingerprint(&forcescan::detect::finding::hash_key(), rule, secret.as_bytes())
}

/// The redacted form of `secret`: at most its first 4 and last 2 characters.
#[pyfunction]
fn redact(secret: &str) -> String {
    forcescan::detect::finding::redact(secret.as_bytes())
}

/// The built-in rules (and those of `rules`, TOML files), as `forcescan rules list --json` prints
/// them: a JSON text.
#[pyfunction]
#[pyo3(signature = (rules))]
fn rules_json(rules: Vec<PathBuf>) -> PyResult<String> {
    let mut book = RuleBook::builtin();
    for f in &rules {
        book.add_file(f).map_err(py_error)?;
    }
    Ok(book.listing_json())
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("ForcescanError", py.get_type::<ForcescanError>())?;
    m.add("RulesError", py.get_type::<RulesError>())?;
    m.add("ConfigError", py.get_type::<ConfigError>())?;
    m.add("UsageError", py.get_type::<UsageError>())?;
    m.add("FileError", py.get_type::<FileError>())?;
    m.add_class::<PyScanner>()?;
    m.add_class::<PyFinding>()?;
    m.add_function(wrap_pyfunction!(fingerprint, m)?)?;
    m.add_function(wrap_pyfunction!(redact, m)?)?;
    m.add_function(wrap_pyfunction!(rules_json, m)?)?;
    Ok(())
}
