//! Errors, in two kinds, and the words they are told in.
//!
//! * [`ScanError`]: one input (a file, an archive member, a blob, a ref) could not be scanned in
//!   full. The scan goes on; the error is collected with the results, shown as it happens, and makes
//!   the scan incomplete (exit code 2 in the command line). It is plain data, so sweep checkpoints
//!   and shard reports can carry it.
//! * [`Error`]: the run cannot start or finish: a rule file that does not compile, a config file
//!   with an unknown key, options that do not go together, a report that cannot be written. The
//!   library returns it; the command line prints it once, at the top, and exits 2.
//!
//! Neither ever carries file contents, so neither can carry a secret.

/// Something that could not be scanned, with the path it concerns. (Serialisable: sweep
/// checkpoints and shard reports keep them.)
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ScanError {
    pub path: String,
    pub message: String,
}

impl ScanError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> ScanError {
        ScanError { path: path.into(), message: message.into() }
    }
}

impl std::fmt::Display for ScanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Why a run could not start or finish. Each kind says which part of the user's request was at
/// fault; the message is one line and names the file (and line) where there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// A rule file that cannot be read, parsed or compiled.
    Rules(String),
    /// `.forcescan.toml` or a baseline that cannot be read or is not valid.
    Config(String),
    /// Options that do not go together, or a value the command cannot use.
    Usage(String),
    /// A file forcescan itself must read or write (a report, a checkpoint, a git hook).
    Io(String),
    /// Live validation could not be set up.
    Validation(String),
    /// The run could not cover everything asked for, so what it would have produced (a baseline)
    /// was not written.
    Incomplete(String),
}

impl Error {
    /// The message, without the kind.
    pub fn message(&self) -> &str {
        match self {
            Error::Rules(m)
            | Error::Config(m)
            | Error::Usage(m)
            | Error::Io(m)
            | Error::Validation(m)
            | Error::Incomplete(m) => m,
        }
    }

    /// An I/O error on `path`, as `path: reason`.
    pub fn io(path: &std::path::Path, e: &std::io::Error) -> Error {
        Error::Io(format!("{}: {}", path.display(), io_message(e)))
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for Error {}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Where errors, warnings and notes go while a run is under way. The library never prints: the
/// command line implements this by writing one line each to standard error, tests and the Python
/// binding by collecting them. Messages are one line and never carry a secret.
pub trait Diagnostics: Send + Sync {
    /// Something could not be scanned or checked: the run will be incomplete.
    fn error(&self, message: &str);
    /// Something worth a look that does not make the run incomplete.
    fn warning(&self, message: &str);
    /// Information, neither a problem nor a finding.
    fn note(&self, message: &str);
}

/// Keeps every diagnostic in memory, in order, as `(level, message)`.
#[derive(Debug, Default)]
pub struct Collected(pub std::sync::Mutex<Vec<(&'static str, String)>>);

impl Diagnostics for Collected {
    fn error(&self, message: &str) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).push(("error", message.to_string()));
    }
    fn warning(&self, message: &str) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).push(("warning", message.to_string()));
    }
    fn note(&self, message: &str) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).push(("note", message.to_string()));
    }
}

/// An I/O error as a short message without the `(os error N)` suffix.
pub fn io_message(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// A byte count for people: `512 B`, `1.5 KiB`, `3.2 GiB`.
pub(crate) fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1024.0 && u + 1 < UNITS.len() {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{n} B")
    } else {
        format!("{v:.1} {}", UNITS[u])
    }
}
