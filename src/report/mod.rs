//! Reports: formatting only. What to report, and what a run means, was decided in
//! [`crate::results`]; a report writes [`Results`] in one format and decides nothing.
//!
//! * `text`: `path:line:col  rule  redacted`, grep-like, coloured on a terminal, then a summary;
//!   with `--validate`, the outcome on the same line and who is exposed on the next; with `-v`,
//!   why a context finding was reported and where the other parts of a credential found apart are,
//!   a line each. Git hooks get the findings and how to fix them instead of the summary ([`Hook`]).
//! * `json`: one document with findings, summary and errors.
//! * `jsonl`: one finding per line, streamed as each input finishes ([`write_lines`]).
//! * `github`: GitHub Actions annotations and a job summary table (see [`github`]).
//! * `sarif`: SARIF 2.1.0 for GitHub code scanning (see [`sarif`]).
//!
//! Records (one per distinct secret, `--dedupe`) are written as text, JSON or JSON Lines; SARIF
//! and GitHub annotations describe results per location, so records have no form there.
//! None of them ever prints a full secret unless the engine was told to keep it
//! (`--show-secrets`), and every string that reaches a terminal is escaped ([`escape_control`]).

pub mod artifacts;
pub mod github;
pub mod json;
pub mod linehash;
pub mod sarif;
pub mod text;

use crate::detect::finding::Finding;
use crate::error::ScanError;
use crate::results::records::SecretRecord;
use crate::results::{Items, Results, Summary};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Jsonl,
    Sarif,
    /// GitHub Actions annotations, and a table in the job summary (see [`github`]).
    Github,
}

/// Which git hook a report is for, which decides the advice printed with findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hook {
    PrePush,
    PreCommit,
}

/// How to write a report.
pub struct ReportOptions {
    pub format: Format,
    pub style: text::Style,
    /// Text for a git hook: one `clean` line, or the findings and how to fix them.
    pub hook: Option<Hook>,
    /// What SARIF needs besides findings.
    pub sarif: sarif::SarifOptions,
    /// Text (`-v`): why each finding made by its context was reported, and each other part of a
    /// credential found apart on a line of its own.
    pub verbose: bool,
    /// JSON Lines only: end the report with one `{"error": {"path", "message"}}` line per input
    /// that could not be scanned (`sweep` and `merge`, so a shard's report carries its errors and
    /// `merge` can say the merged result is incomplete).
    pub error_lines: bool,
}

impl ReportOptions {
    pub fn new(format: Format) -> ReportOptions {
        ReportOptions {
            format,
            style: text::Style { color: false },
            hook: None,
            sarif: Default::default(),
            verbose: false,
            error_lines: false,
        }
    }
}

/// What writing a report had to leave out.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// SARIF results left out: GitHub accepts at most [`sarif::MAX_RESULTS`] per run.
    pub sarif_left_out: usize,
}

/// Writes the report of `results`. For JSON Lines, findings were streamed as the scan went
/// ([`write_lines`]): only those held back until the end (they depend on the whole scan) are
/// written here.
pub fn write(w: &mut dyn Write, results: &Results, opts: &ReportOptions) -> std::io::Result<Written> {
    let mut written = Written::default();
    match &results.items {
        Items::Records(records) => {
            let o = RecordsOutcome {
                records,
                errors: &results.errors,
                warnings: &results.warnings,
                summary: &results.summary,
            };
            write_records(w, opts.format, &o, opts.style)?;
            if opts.format == Format::Jsonl && opts.error_lines {
                json::write_error_lines(w, &results.errors)?;
            }
        }
        Items::Findings(findings) => {
            let o = ScanOutcome { findings, errors: &results.errors, summary: &results.summary };
            match opts.format {
                Format::Text => {
                    let verbose = opts.verbose.then(|| text::Verbose::new(findings));
                    findings.iter().try_for_each(|f| text::write_finding(w, f, opts.style, verbose.as_ref()))?;
                    match opts.hook {
                        Some(hook) => text::write_hook_summary(w, &o, hook)?,
                        None => text::write_summary(w, &o, opts.style)?,
                    }
                }
                Format::Json => json::write_document(w, &o)?,
                Format::Github => github::write(w, &o)?,
                Format::Jsonl => {
                    json::write_lines(w, findings.iter().filter(|f| results.held_back.contains(&f.rule)))?;
                    if opts.error_lines {
                        json::write_error_lines(w, &results.errors)?;
                    }
                }
                Format::Sarif => {
                    written.sarif_left_out = sarif::write(w, findings, &results.errors, &opts.sarif)?;
                }
            }
        }
    }
    Ok(written)
}

/// Writes findings as JSON Lines, one object per line: the streamed part of a `jsonl` report.
pub fn write_lines<'a>(w: &mut dyn Write, findings: impl IntoIterator<Item = &'a Finding>) -> std::io::Result<()> {
    json::write_lines(w, findings)
}

/// The "what to rotate" table a sweep prints at the end (on standard error, beside its JSON Lines).
pub fn write_rotation_table(w: &mut dyn Write, records: &[SecretRecord], style: text::Style) -> std::io::Result<()> {
    text::write_rotation_table(w, records, style)
}

/// Everything a report of findings needs.
pub(crate) struct ScanOutcome<'a> {
    pub findings: &'a [Finding],
    pub errors: &'a [ScanError],
    pub summary: &'a Summary,
}

/// Everything a deduplicated report needs: records instead of findings.
pub(crate) struct RecordsOutcome<'a> {
    pub records: &'a [SecretRecord],
    pub errors: &'a [ScanError],
    pub warnings: &'a [ScanError],
    pub summary: &'a Summary,
}

/// Writes a deduplicated report in `format`: the one place every record format is chosen.
fn write_records(w: &mut dyn Write, format: Format, o: &RecordsOutcome, style: text::Style) -> std::io::Result<()> {
    match format {
        Format::Text => text::write_records(w, o, style),
        Format::Json => json::write_records_document(w, o),
        Format::Jsonl => json::write_records_lines(w, o.records),
        Format::Sarif | Format::Github => {
            Err(std::io::Error::other("deduplicated records are written as text, json or jsonl only"))
        }
    }
}

/// Makes a string safe for a terminal: control characters (newlines, escape sequences in file
/// names) are shown as `\n`, `\x1b`, … so a hostile file name cannot rewrite the screen.
pub fn escape_control(s: &str) -> String {
    if !s.chars().any(|c| c.is_control()) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Where a report goes: stdout, or a file created with owner-only permissions and moved into place
/// only when complete, so an interrupted scan never leaves a half-written report.
pub enum Output {
    Stdout(std::io::BufWriter<std::io::Stdout>),
    File {
        tmp: tempfile::NamedTempFile,
        dest: PathBuf,
    },
    /// A path that is no regular file (`/dev/null`, `/dev/stdout`, a named pipe): written in place.
    /// Moving a file over it would replace the device or pipe itself.
    Special(std::io::BufWriter<std::fs::File>),
}

impl Output {
    pub fn open(path: Option<&Path>) -> std::io::Result<Output> {
        match path {
            None => Ok(Output::Stdout(std::io::BufWriter::new(std::io::stdout()))),
            Some(dest) if std::fs::metadata(dest).is_ok_and(|m| !m.is_file() && !m.is_dir()) => {
                Ok(Output::Special(std::io::BufWriter::new(std::fs::OpenOptions::new().write(true).open(dest)?)))
            }
            Some(dest) => {
                let dir = match dest.parent() {
                    Some(d) if !d.as_os_str().is_empty() => d,
                    _ => Path::new("."),
                };
                // NamedTempFile is created 0600 on Unix.
                let tmp = tempfile::Builder::new().prefix(".forcescan-").suffix(".tmp").tempfile_in(dir)?;
                Ok(Output::File { tmp, dest: dest.to_path_buf() })
            }
        }
    }

    /// Flushes and, for a file, renames it into place.
    pub fn finish(self) -> std::io::Result<()> {
        match self {
            Output::Stdout(mut w) => w.flush(),
            Output::Special(mut w) => w.flush(),
            Output::File { mut tmp, dest } => {
                tmp.flush()?;
                tmp.persist(&dest).map_err(|e| e.error)?;
                Ok(())
            }
        }
    }

    pub fn is_terminal(&self) -> bool {
        use std::io::IsTerminal;
        matches!(self, Output::Stdout(_)) && std::io::stdout().is_terminal()
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Output::Stdout(w) => w.write(buf),
            Output::Special(w) => w.write(buf),
            Output::File { tmp, .. } => tmp.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Output::Stdout(w) => w.flush(),
            Output::Special(w) => w.flush(),
            Output::File { tmp, .. } => tmp.flush(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(escape_control("a\nb\x1b[31m"), "a\\nb\\x1b[31m");
        assert_eq!(escape_control("plain/path.txt"), "plain/path.txt");
    }
}
