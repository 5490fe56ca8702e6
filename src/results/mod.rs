//! Results: the policy that turns findings into what a report shows and what a run means.
//!
//! Every scan, whatever its source, hands what it found to one [`Collector`], input by input. The
//! collector is where every decision about findings is made, in this order:
//!
//! 1. **Suppressions** ([`suppress`]): inline allow markers, `.forcescan.toml` and the baseline.
//!    The scan driver asks for them before live validation ([`Collector::screen`]), so a suppressed
//!    credential is never sent anywhere.
//! 2. **Live-validation outcomes** are counted once per distinct credential; a check that failed is
//!    said as it happens and leaves the run incomplete.
//! 3. **One record per secret** ([`records`], `--dedupe` and `sweep`): findings are folded into
//!    records keyed by rule and fingerprint, with counts and first and last places and times.
//! 4. **Scan-wide conditions** ([`correlate`]): findings that matter only because of another file
//!    (Data Loader ciphertext and its key) or whose severity rises with another finding.
//! 5. **Filters**: `--only-live` keeps live credentials, `--sarif-head-only` keeps history
//!    findings still present at HEAD.
//!
//! [`Collector::finish`] returns [`Results`]: sorted findings or records, errors, warnings and the
//! [`Summary`], and the [`Status`] that the command line turns into an exit code. Reports
//! ([`crate::report`]) only format them.

pub mod correlate;
pub mod records;
pub mod summary;
pub mod suppress;

use crate::detect::finding::{Finding, Status as Liveness};
use crate::detect::rules::RuleBook;
use crate::error::{Diagnostics, ScanError};
use correlate::Correlator;
use records::{RecordSet, SecretRecord};
use std::collections::BTreeSet;
use std::sync::Arc;
pub use summary::{RuleSummary, Summary, ValidationSummary};
use suppress::Suppressions;

/// Everything one input produced (a file and, for an archive, all its members), gathered before it
/// is handed on, so a sweep can checkpoint an input as one unit. With dedupe the findings are
/// already folded into `records`; otherwise `records` is empty.
#[derive(Debug, Default)]
pub struct InputResults {
    /// Units scanned: 1 for a plain file, one per member for an archive.
    pub files: usize,
    pub bytes: u64,
    /// Names of the units that scan-wide rules ask about (`Collector::wants_name`).
    pub names: Vec<String>,
    pub findings: Vec<Finding>,
    pub records: RecordSet,
    /// What made the scan of this input incomplete.
    pub errors: Vec<ScanError>,
    /// Scanned in full, but worth a look.
    pub warnings: Vec<ScanError>,
}

/// How findings become results: the choices a command makes before it scans.
#[derive(Default)]
pub struct Policy {
    pub suppressions: Suppressions,
    /// One record per distinct secret instead of one finding per occurrence.
    pub dedupe: bool,
    /// Live validation runs: count its outcomes (and with `only_live`, keep only live credentials,
    /// so that "findings" means "live credentials found").
    pub validation: Option<OnlyLive>,
    /// Of the findings from git history, keep only those known to be still present at HEAD.
    pub head_only: bool,
}

/// Whether only live credentials are kept (see [`Policy::validation`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OnlyLive(pub bool);

/// Called with findings that can be reported now, as each input finishes: those that depend on no
/// other part of the scan. JSON Lines output streams through it.
pub(crate) type Stream = Box<dyn FnMut(&[&Finding]) + Send>;

/// What the collector tracks about live validation.
struct Validated {
    only_live: bool,
    seen: BTreeSet<(String, String)>,
    summary: ValidationSummary,
}

/// Collects the results of a scan from any number of inputs (callers on several threads share it
/// behind a lock) and applies the [`Policy`]. Errors and warnings are passed to the
/// [`Diagnostics`] as they arrive, so a person watching sees them at once.
pub struct Collector {
    findings: Vec<Finding>,
    records: Option<RecordSet>,
    errors: Vec<ScanError>,
    warnings: Vec<ScanError>,
    files: usize,
    bytes: u64,
    correlator: Correlator,
    suppress: Suppressions,
    validation: Option<Validated>,
    head_only: bool,
    stream: Option<Stream>,
    diagnostics: Arc<dyn Diagnostics>,
}

/// What a run found, ready to be reported.
#[derive(Debug)]
pub struct Results {
    pub items: Items,
    pub errors: Vec<ScanError>,
    pub warnings: Vec<ScanError>,
    pub summary: Summary,
    /// Rules whose findings were held back from streaming (they depend on the whole scan): a
    /// streamed report writes those at the end.
    pub held_back: BTreeSet<String>,
}

/// Findings, or one record per secret.
#[derive(Debug)]
pub enum Items {
    Findings(Vec<Finding>),
    Records(Vec<SecretRecord>),
}

/// What a run amounts to. The command line makes it the exit code: 0, 1, 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Everything asked for was scanned and nothing was found.
    Clean,
    /// Something was found (with `--only-live`: something live).
    Findings,
    /// Not everything could be scanned, or not every credential could be validated: the absence
    /// of a finding proves nothing.
    Incomplete { unscanned: usize, unvalidated: usize },
}

impl Collector {
    pub fn new(book: &RuleBook, policy: Policy, diagnostics: Arc<dyn Diagnostics>) -> Collector {
        Collector {
            findings: Vec::new(),
            records: policy.dedupe.then(RecordSet::new),
            errors: Vec::new(),
            warnings: Vec::new(),
            files: 0,
            bytes: 0,
            correlator: Correlator::new(book),
            suppress: policy.suppressions,
            validation: policy.validation.map(|OnlyLive(only_live)| Validated {
                only_live,
                seen: BTreeSet::new(),
                summary: ValidationSummary::default(),
            }),
            head_only: policy.head_only,
            stream: None,
            diagnostics,
        }
    }

    /// Streams findings that can be reported before the scan ends (JSON Lines). Not with dedupe:
    /// records are complete only at the end.
    pub fn streaming(mut self, stream: Stream) -> Collector {
        if self.records.is_none() {
            self.stream = Some(stream);
        }
        self
    }

    /// Whether findings are folded into records.
    pub(crate) fn is_dedupe(&self) -> bool {
        self.records.is_some()
    }

    /// Whether scan-wide rules ask about units with this name (see [`correlate`]): a sweep keeps
    /// only those names of an input's units, in memory and in its checkpoint.
    pub(crate) fn wants_name(&self, path: &str) -> bool {
        self.correlator.wants(path)
    }

    /// Removes and counts suppressed findings now, before anything else acts on them (live
    /// validation). [`Collector::input`] does it too; applying it twice counts nothing twice.
    pub fn screen(&mut self, findings: &mut Vec<Finding>) {
        self.suppress.apply(findings);
    }

    /// Records something that could not be scanned, and says so now.
    pub fn error(&mut self, e: ScanError) {
        self.diagnostics.error(&e.to_string());
        self.errors.push(e);
    }

    /// Says something that is neither a problem nor a finding (a sweep resuming from a checkpoint).
    pub fn note(&self, message: &str) {
        self.diagnostics.note(message);
    }

    /// Records something worth a look that was still scanned in full.
    pub fn warning(&mut self, w: ScanError) {
        self.diagnostics.warning(&w.to_string());
        self.warnings.push(w);
    }

    /// Adds records of inputs scanned elsewhere (a checkpoint, another shard's report). Only with
    /// dedupe.
    pub fn add_records(&mut self, records: RecordSet) {
        if let Some(set) = &mut self.records {
            set.merge(records);
        }
    }

    /// Takes everything one input produced: its errors and warnings, then its findings or records.
    pub fn input(&mut self, r: InputResults) {
        r.errors.into_iter().for_each(|e| self.error(e));
        r.warnings.into_iter().for_each(|w| self.warning(w));
        r.names.iter().for_each(|n| self.correlator.saw(n));
        self.files += r.files;
        self.bytes += r.bytes;
        self.take(r.findings);
        self.add_records(r.records);
    }

    /// Takes one scanned unit (a file, a blob, an archive member) named `path`.
    pub fn unit(&mut self, path: &str, bytes: u64, findings: Vec<Finding>, error: Option<ScanError>) {
        self.files += 1;
        self.bytes += bytes;
        self.correlator.saw(path);
        if let Some(e) = error {
            self.error(e);
        }
        self.take(findings);
    }

    /// Keeps findings: suppressions first, then folded into records with dedupe (scan-wide rules
    /// apply to the records at the end), else validation counted, streamed, and kept for sorting.
    fn take(&mut self, mut findings: Vec<Finding>) {
        self.suppress.apply(&mut findings);
        if let Some(set) = &mut self.records {
            findings.iter().for_each(|f| set.add_finding(f));
            return;
        }
        self.account_validation(&findings);
        if let Some(stream) = &mut self.stream {
            // Findings that depend on the rest of the scan wait for the end; with `--only-live`,
            // only live credentials are reported at all.
            let only_live = self.validation.as_ref().is_some_and(|v| v.only_live);
            let now: Vec<&Finding> = findings
                .iter()
                .filter(|f| !self.correlator.holds_back(&f.rule) && (!only_live || is_live(f)))
                .collect();
            if !now.is_empty() {
                stream(&now);
            }
        }
        self.findings.append(&mut findings);
    }

    /// Counts outcomes per distinct credential and says which checks failed.
    fn account_validation(&mut self, findings: &[Finding]) {
        let Some(val) = &mut self.validation else { return };
        for f in findings {
            let Some(v) = &f.validation else { continue };
            if val.seen.insert((f.rule.clone(), f.fingerprint.clone())) {
                val.summary.add(v.status);
                if v.status == Liveness::Error {
                    let msg = format!("{}: {} {}: could not be validated: {}", f.path, f.rule, f.secret, v.message);
                    self.diagnostics.error(&msg);
                }
            }
        }
    }

    /// Applies what needs the whole scan and returns the results, sorted for the report.
    pub fn finish(mut self) -> Results {
        let held_back = self.correlator.held_back_rules();
        if let Some(set) = self.records.take() {
            let mut records = set.into_sorted();
            self.correlator.apply(&mut records);
            records::sort_records(&mut records);
            let mut summary = Summary::from_records(&records, self.files, self.bytes, self.errors.len());
            summary.suppressed = self.suppress.counts;
            return Results {
                items: Items::Records(records),
                errors: self.errors,
                warnings: self.warnings,
                summary,
                held_back,
            };
        }
        self.correlator.apply(&mut self.findings);
        if self.head_only {
            self.findings.retain(|f| f.git.as_ref().is_none_or(|g| g.present_at_head == Some(true)));
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
        summary.validation = self.validation.map(|v| v.summary);
        summary.suppressed = self.suppress.counts;
        Results {
            items: Items::Findings(self.findings),
            errors: self.errors,
            warnings: self.warnings,
            summary,
            held_back,
        }
    }
}

impl Results {
    /// What the run amounts to: incomplete if anything could not be scanned or validated, else
    /// whether anything was found.
    pub fn status(&self) -> Status {
        let unvalidated = self.summary.validation.as_ref().map_or(0, |v| v.error);
        let found = match &self.items {
            Items::Findings(f) => !f.is_empty(),
            Items::Records(r) => !r.is_empty(),
        };
        if !self.errors.is_empty() || unvalidated > 0 {
            Status::Incomplete { unscanned: self.errors.len(), unvalidated }
        } else if found {
            Status::Findings
        } else {
            Status::Clean
        }
    }

    /// The findings (empty for records).
    pub fn findings(&self) -> &[Finding] {
        match &self.items {
            Items::Findings(f) => f,
            Items::Records(_) => &[],
        }
    }
}

fn is_live(f: &Finding) -> bool {
    f.validation.as_ref().is_some_and(|v| v.status == Liveness::Live)
}

/// Sort order of every report: path, then position, then rule.
pub(crate) fn sort_findings(v: &mut [Finding]) {
    v.sort_by(|a, b| a.path.cmp(&b.path).then(a.offset.cmp(&b.offset)).then(a.rule.cmp(&b.rule)));
}
