//! Printing findings. Formats share one summary; none ever prints a full secret unless the engine
//! was told to keep it (`--show-secrets`).
//!
//! * `text`: `path:line:col  rule  redacted`, grep-like, coloured on a terminal, then a summary;
//!   with `--validate`, the outcome on the same line and who is exposed on the next.
//! * `json`: one document with findings, summary and errors.
//! * `jsonl`: one finding per line, written as each file finishes (streaming).
//! * `github`: GitHub Actions annotations and a job summary table (see [`github`]).
//! * `sarif`: SARIF 2.1.0 for GitHub code scanning (see [`sarif`]).
//!
//! With `--dedupe` ([`dedupe`]) the text, JSON and JSON Lines formats carry one record per distinct
//! secret instead of one line per occurrence; JSON Lines then holds records, written when the scan
//! ends.

pub mod artifacts;
pub mod dedupe;
pub mod github;
pub mod json;
pub mod linehash;
pub mod sarif;
pub mod text;

use crate::finding::{Finding, Status};
use crate::rules::Severity;
use crate::sources::fs::ScanError;
use dedupe::{DedupeSet, SecretRecord};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Jsonl,
    Sarif,
    /// GitHub Actions annotations, and a table in the job summary (see [`github`]).
    Github,
}

/// Counts per rule, distinct by fingerprint.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RuleSummary {
    pub rule: String,
    pub severity: Severity,
    pub findings: usize,
    pub distinct: usize,
}

/// Outcomes of live validation, counted over distinct credentials (rule + fingerprint), including
/// those `--only-live` left out of the report.
#[derive(Debug, Clone, Serialize, Default, PartialEq, Eq)]
pub struct ValidationSummary {
    pub live: usize,
    pub dead: usize,
    pub unverifiable: usize,
    pub error: usize,
    /// Findings left out by `--only-live`.
    #[serde(skip_serializing_if = "is_zero")]
    pub not_shown: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl ValidationSummary {
    fn add(&mut self, s: Status) {
        *match s {
            Status::Live => &mut self.live,
            Status::Dead => &mut self.dead,
            Status::Unverifiable => &mut self.unverifiable,
            Status::Error => &mut self.error,
        } += 1;
    }
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Summary {
    pub findings: usize,
    pub distinct_secrets: usize,
    pub files_scanned: usize,
    pub bytes_scanned: u64,
    pub errors: usize,
    pub rules: Vec<RuleSummary>,
    /// Present when live validation ran.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub validation: Option<ValidationSummary>,
    /// Findings left out by inline allow markers, `.forcescan.toml` and the baseline.
    pub suppressed: crate::suppress::SuppressedCounts,
}

impl Summary {
    pub fn new(findings: &[Finding], files_scanned: usize, bytes_scanned: u64, errors: usize) -> Summary {
        let mut per: BTreeMap<&str, (Severity, usize, BTreeSet<&str>)> = BTreeMap::new();
        for f in findings {
            let e = per.entry(&f.rule).or_insert((f.severity, 0, BTreeSet::new()));
            e.1 += 1;
            e.2.insert(&f.fingerprint);
        }
        let rules: Vec<RuleSummary> = per
            .into_iter()
            .map(|(rule, (severity, n, d))| RuleSummary {
                rule: rule.to_string(),
                severity,
                findings: n,
                distinct: d.len(),
            })
            .collect();
        let distinct: BTreeSet<(&str, &str)> =
            findings.iter().map(|f| (f.rule.as_str(), f.fingerprint.as_str())).collect();
        Summary::assemble(rules, findings.len(), distinct.len(), files_scanned, bytes_scanned, errors)
    }

    /// The one place a summary is put together: rules most severe first, counts as given.
    fn assemble(
        mut rules: Vec<RuleSummary>,
        findings: usize,
        distinct_secrets: usize,
        files_scanned: usize,
        bytes_scanned: u64,
        errors: usize,
    ) -> Summary {
        rules.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.rule.cmp(&b.rule)));
        Summary {
            findings,
            distinct_secrets,
            files_scanned,
            bytes_scanned,
            errors,
            rules,
            validation: None,
            suppressed: Default::default(),
        }
    }
}

impl Summary {
    /// The summary of a deduplicated scan: findings are occurrences, distinct are records.
    pub fn from_records(records: &[SecretRecord], files_scanned: usize, bytes_scanned: u64, errors: usize) -> Summary {
        let mut per: BTreeMap<&str, RuleSummary> = BTreeMap::new();
        for r in records {
            let e = per.entry(&r.rule).or_insert_with(|| RuleSummary {
                rule: r.rule.clone(),
                severity: r.severity,
                findings: 0,
                distinct: 0,
            });
            e.findings += r.occurrences as usize;
            e.distinct += 1;
        }
        let findings = records.iter().map(|r| r.occurrences as usize).sum();
        Summary::assemble(per.into_values().collect(), findings, records.len(), files_scanned, bytes_scanned, errors)
    }
}

/// Sort order of every report: path, then position, then rule.
pub fn sort_findings(v: &mut [Finding]) {
    v.sort_by(|a, b| a.path.cmp(&b.path).then(a.offset.cmp(&b.offset)).then(a.rule.cmp(&b.rule)));
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
    File { tmp: tempfile::NamedTempFile, dest: PathBuf },
}

impl Output {
    pub fn open(path: Option<&Path>) -> std::io::Result<Output> {
        match path {
            None => Ok(Output::Stdout(std::io::BufWriter::new(std::io::stdout()))),
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
            Output::File { tmp, .. } => tmp.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Output::Stdout(w) => w.flush(),
            Output::File { tmp, .. } => tmp.flush(),
        }
    }
}

/// Everything a report needs at the end of a scan.
pub struct ScanOutcome<'a> {
    pub findings: &'a [Finding],
    pub errors: &'a [ScanError],
    pub summary: &'a Summary,
}

/// Everything a deduplicated report needs: records instead of findings.
pub struct RecordsOutcome<'a> {
    pub records: &'a [SecretRecord],
    pub errors: &'a [ScanError],
    pub warnings: &'a [ScanError],
    pub summary: &'a Summary,
}

/// Writes a deduplicated report in `format`: the one place every record format is chosen.
/// SARIF and GitHub annotations describe results per location, so records (one per secret, many
/// places) have no form there yet; the commands refuse `--dedupe` with those before scanning.
pub fn write_records(w: &mut dyn Write, format: Format, o: &RecordsOutcome, style: text::Style) -> std::io::Result<()> {
    match format {
        Format::Text => text::write_records(w, o, style),
        Format::Json => json::write_records_document(w, o),
        Format::Jsonl => json::write_records_lines(w, o.records),
        Format::Sarif | Format::Github => {
            Err(std::io::Error::other("deduplicated records are written as text, json or jsonl only"))
        }
    }
}

/// Everything one input produced (a file and, for an archive, all its members), gathered before it
/// is reported so a sweep can checkpoint an input as one unit. With dedupe the findings are already
/// folded into `records`; otherwise `records` is empty.
#[derive(Debug, Default)]
pub struct InputResults {
    /// Units scanned: 1 for a plain file, one per member for an archive.
    pub files: usize,
    pub bytes: u64,
    /// Names of the units that scan-level rules ask about ([`Reporter::wants_name`]).
    pub names: Vec<String>,
    pub findings: Vec<Finding>,
    pub records: DedupeSet,
    /// What made the scan of this input incomplete.
    pub errors: Vec<ScanError>,
    /// Scanned in full, but worth a look.
    pub warnings: Vec<ScanError>,
}

/// Exit codes shared by every command: nothing found, findings, error or incomplete scan.
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

/// Prints a one-line error on stderr, escaped for the terminal. Messages never carry secrets.
pub fn error_line(msg: impl std::fmt::Display) {
    let _ = writeln!(std::io::stderr(), "forcescan: error: {}", escape_control(&msg.to_string()));
}

fn is_live(f: &Finding) -> bool {
    f.validation.as_ref().is_some_and(|v| v.status == Status::Live)
}

/// Prints a one-line warning on stderr: something the user should know that does not fail the scan.
pub fn warning_line(msg: impl std::fmt::Display) {
    let _ = writeln!(std::io::stderr(), "forcescan: warning: {}", escape_control(&msg.to_string()));
}

/// Prints a one-line note on stderr: information, neither a problem nor a finding.
pub fn note_line(msg: impl std::fmt::Display) {
    let _ = writeln!(std::io::stderr(), "forcescan: note: {}", escape_control(&msg.to_string()));
}

/// Collects the results of a scan from any number of threads and writes the report: JSON Lines as
/// results arrive, the other formats sorted at the end. Errors go to stderr as they happen and
/// make the exit code 2. Every command (scan, git, sweep) reports through this.
pub struct Reporter {
    out: Output,
    format: Format,
    style: text::Style,
    findings: Vec<Finding>,
    errors: Vec<ScanError>,
    warnings: Vec<ScanError>,
    files: usize,
    bytes: u64,
    write_error: Option<std::io::Error>,
    /// `--dedupe`: findings are folded into records here instead of kept.
    dedupe: Option<DedupeSet>,
    /// `sweep`: print the "what to rotate" table on stderr at the end.
    rotation_table: bool,
    /// `--color always/never`, which also governs the table on stderr.
    color_forced: Option<bool>,
    correlator: crate::correlate::Correlator,
    sarif: sarif::SarifOptions,
    /// Set when live validation runs: outcomes per distinct credential, and whether to keep only
    /// live ones.
    validation: Option<Validated>,
    /// Inline markers, config and baseline: applied to every unit before anything else sees it.
    suppress: crate::suppress::Suppressions,
    /// Set for git hooks: one `clean` line when there is nothing to report, else the findings and
    /// how to fix them instead of the summary table.
    hook: Option<Hook>,
}

/// Which git hook a report is for, which decides the advice printed with findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hook {
    PrePush,
    PreCommit,
}

/// What the reporter tracks about live validation.
struct Validated {
    only_live: bool,
    seen: BTreeSet<(String, String)>,
    summary: ValidationSummary,
}

impl Reporter {
    /// `color`: `Some(true/false)` forces it; `None` colours a terminal unless `NO_COLOR` is set.
    pub fn new(format: Format, out: Output, color_forced: Option<bool>, book: &crate::rules::RuleBook) -> Reporter {
        let color = color_forced
            .unwrap_or_else(|| out.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()));
        Reporter {
            out,
            format,
            style: text::Style { color },
            findings: Vec::new(),
            errors: Vec::new(),
            warnings: Vec::new(),
            files: 0,
            bytes: 0,
            write_error: None,
            dedupe: None,
            rotation_table: false,
            color_forced,
            correlator: crate::correlate::Correlator::new(book),
            sarif: sarif::SarifOptions { rules: book.rules.clone(), ..Default::default() },
            validation: None,
            suppress: Default::default(),
            hook: None,
        }
    }

    /// Applies these suppressions to every unit (see [`crate::suppress`]).
    pub fn with_suppressions(mut self, s: crate::suppress::Suppressions) -> Reporter {
        self.suppress = s;
        self
    }

    /// Reports for a git hook (see [`Hook`]).
    pub fn for_hook(mut self, hook: Hook) -> Reporter {
        self.hook = Some(hook);
        self
    }

    /// Ends the scan without writing a report: the findings (after suppressions and correlation)
    /// and the number of inputs that could not be scanned. For `baseline create`.
    pub fn into_findings(mut self) -> (Vec<Finding>, usize) {
        self.correlator.apply(&mut self.findings);
        sort_findings(&mut self.findings);
        (self.findings, self.errors.len())
    }

    /// Reports live validation results: a count per outcome in the summary, one stderr line per
    /// credential whose check failed (the run is then incomplete: exit 2), and with `only_live`
    /// only findings of live credentials, so that exit code 1 means "a live credential was found".
    pub fn with_validation(mut self, only_live: bool) -> Reporter {
        self.validation = Some(Validated { only_live, seen: BTreeSet::new(), summary: ValidationSummary::default() });
        self
    }

    /// Counts outcomes per distinct credential and says on stderr which checks failed.
    fn account_validation(&mut self, findings: &[Finding]) {
        let Some(val) = &mut self.validation else { return };
        for f in findings {
            let Some(v) = &f.validation else { continue };
            if val.seen.insert((f.rule.clone(), f.fingerprint.clone())) {
                val.summary.add(v.status);
                if v.status == Status::Error {
                    error_line(format!("{}: {} {}: could not be validated: {}", f.path, f.rule, f.secret, v.message));
                }
            }
        }
    }

    /// Whether a finding is reported: all of them, or with `--only-live` those of live credentials.
    fn shown(&self, f: &Finding) -> bool {
        !self.validation.as_ref().is_some_and(|v| v.only_live) || is_live(f)
    }

    /// Sets what SARIF output needs beyond findings: rule metadata, the category, where files
    /// are. Without it, SARIF describes rules from their findings and locates files on disk.
    pub fn with_sarif(mut self, opts: sarif::SarifOptions) -> Reporter {
        self.sarif = opts;
        self
    }

    /// One record per distinct secret instead of one finding per occurrence (`--dedupe`).
    pub fn dedupe(mut self, on: bool) -> Reporter {
        self.dedupe = on.then(DedupeSet::new);
        self
    }

    /// Ends the report with a "what to rotate" table on stderr (with `--dedupe`).
    pub fn rotation_table(mut self, on: bool) -> Reporter {
        self.rotation_table = on;
        self
    }

    /// Whether findings are folded into records.
    pub fn is_dedupe(&self) -> bool {
        self.dedupe.is_some()
    }

    /// Whether scan-level rules ask about units with this name (see [`crate::correlate`]): a sweep
    /// keeps only those names of an input's units, in memory and in its checkpoint.
    pub fn wants_name(&self, path: &str) -> bool {
        self.correlator.wants(path)
    }

    /// Records something that could not be scanned, and says so on stderr now.
    pub fn error(&mut self, e: ScanError) {
        error_line(&e);
        self.errors.push(e);
    }

    /// Removes and counts suppressed findings now. [`Reporter::unit`] does it too; callers that
    /// act on findings first (live validation) call this before, so a suppressed credential is
    /// never sent anywhere. Applying it twice counts nothing twice.
    pub fn suppress(&mut self, findings: &mut Vec<Finding>) {
        self.suppress.apply(findings);
    }

    /// Records something worth a look that was still scanned in full; printed now, exit code kept.
    pub fn warning(&mut self, w: ScanError) {
        warning_line(&w);
        self.warnings.push(w);
    }

    /// Adds records of units scanned elsewhere (another shard's report). Only with dedupe.
    pub fn add_records(&mut self, records: DedupeSet) {
        if let Some(set) = &mut self.dedupe {
            set.merge(records);
        }
    }

    /// Reports everything one input produced: its errors and warnings (printed now), then its
    /// findings (streamed with JSON Lines) or records.
    pub fn input(&mut self, r: InputResults) {
        r.errors.into_iter().for_each(|e| self.error(e));
        r.warnings.into_iter().for_each(|w| self.warning(w));
        r.names.iter().for_each(|n| self.correlator.saw(n));
        self.files += r.files;
        self.bytes += r.bytes;
        self.take(r.findings);
        self.add_records(r.records);
    }

    /// Records one scanned unit (a file, a blob, an archive member) named `path`.
    pub fn unit(&mut self, path: &str, bytes: u64, findings: Vec<Finding>, error: Option<ScanError>) {
        self.files += 1;
        self.bytes += bytes;
        self.correlator.saw(path);
        if let Some(e) = error {
            self.error(e);
        }
        self.take(findings);
    }

    /// Keeps findings for the report: suppressions first (inline markers, config, baseline), then
    /// folded into records with dedupe (scan-level rules are applied to the records at the end),
    /// else streamed with JSON Lines and kept for sorting.
    fn take(&mut self, mut findings: Vec<Finding>) {
        self.suppress.apply(&mut findings);
        if let Some(set) = &mut self.dedupe {
            findings.iter().for_each(|f| set.add_finding(f));
            return;
        }
        self.account_validation(&findings);
        if self.format == Format::Jsonl && self.write_error.is_none() {
            // Findings that depend on the rest of the scan are written at the end; with
            // `--only-live`, only live credentials are written at all.
            let now: Vec<&Finding> =
                findings.iter().filter(|f| !self.correlator.holds_back(&f.rule) && self.shown(f)).collect();
            if let Err(e) = json::write_lines(&mut self.out, now) {
                self.write_error = Some(e);
            }
        }
        self.findings.append(&mut findings);
    }

    /// Writes what remains and returns the exit code.
    pub fn finish(mut self) -> u8 {
        if let Some(set) = self.dedupe.take() {
            return self.finish_records(set.into_sorted());
        }
        self.correlator.apply(&mut self.findings);
        if self.format == Format::Sarif {
            // Dropped findings are not reported, so they do not make the exit code 1 either.
            let opts = &self.sarif;
            self.findings.retain(|f| opts.keeps(f));
        }
        sort_findings(&mut self.findings);
        if let Some(val) = &mut self.validation {
            if val.only_live {
                let before = self.findings.len();
                self.findings.retain(is_live);
                val.summary.not_shown = before - self.findings.len();
            }
        }
        let mut summary = Summary::new(&self.findings, self.files, self.bytes, self.errors.len());
        summary.validation = self.validation.as_ref().map(|v| v.summary.clone());
        summary.suppressed = self.suppress.counts;
        let unvalidated = summary.validation.as_ref().map_or(0, |v| v.error);
        let outcome = ScanOutcome { findings: &self.findings, errors: &self.errors, summary: &summary };
        let written = match (self.write_error.take(), self.format) {
            (Some(e), _) => Err(e),
            (None, Format::Text) => {
                self.findings.iter().try_for_each(|f| text::write_finding(&mut self.out, f, self.style)).and_then(
                    |_| match self.hook {
                        Some(hook) => text::write_hook_summary(&mut self.out, &outcome, hook),
                        None => text::write_summary(&mut self.out, &outcome, self.style),
                    },
                )
            }
            (None, Format::Json) => json::write_document(&mut self.out, &outcome),
            (None, Format::Github) => github::write(&mut self.out, &outcome),
            (None, Format::Jsonl) => {
                let held: Vec<&Finding> =
                    self.findings.iter().filter(|f| self.correlator.holds_back(&f.rule)).collect();
                json::write_lines(&mut self.out, held)
            }
            (None, Format::Sarif) => {
                sarif::write(&mut self.out, &self.findings, &self.errors, &self.sarif).map(|left_out| {
                    if left_out > 0 {
                        warning_line(format!(
                            "{left_out} results left out of the SARIF report (GitHub accepts at most {} per run; \
                             the most severe are kept)",
                            sarif::MAX_RESULTS
                        ));
                    }
                })
            }
        };
        let found = !self.findings.is_empty();
        self.exit_code(written, found, unvalidated)
    }

    /// The deduplicated report: records in the chosen format, then the rotation table if asked.
    fn finish_records(mut self, mut records: Vec<SecretRecord>) -> u8 {
        self.correlator.apply(&mut records);
        dedupe::sort_records(&mut records);
        let mut summary = Summary::from_records(&records, self.files, self.bytes, self.errors.len());
        summary.suppressed = self.suppress.counts;
        let outcome =
            RecordsOutcome { records: &records, errors: &self.errors, warnings: &self.warnings, summary: &summary };
        let written = match self.write_error.take() {
            Some(e) => Err(e),
            None => write_records(&mut self.out, self.format, &outcome, self.style),
        };
        if self.rotation_table {
            let color = self.color_forced.unwrap_or_else(|| {
                use std::io::IsTerminal;
                std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            });
            let _ = text::write_rotation_table(&mut std::io::stderr().lock(), &records, text::Style { color });
        }
        self.exit_code(written, !records.is_empty(), 0)
    }

    /// Finishes the output and turns what happened into the exit code.
    fn exit_code(self, written: std::io::Result<()>, found: bool, unvalidated: usize) -> u8 {
        if let Err(e) = written.and_then(|_| self.out.finish()) {
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                error_line(format!("writing the report: {}", crate::sources::fs::io_message(&e)));
            }
            return EXIT_ERROR;
        }
        if !self.errors.is_empty() {
            if self.format != Format::Text {
                error_line(format!("{} input(s) could not be scanned", self.errors.len()));
            }
            EXIT_ERROR
        } else if unvalidated > 0 {
            if self.format != Format::Text {
                error_line(format!("{unvalidated} credential(s) could not be validated; the result is incomplete"));
            }
            EXIT_ERROR
        } else if found {
            EXIT_FINDINGS
        } else {
            EXIT_CLEAN
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
