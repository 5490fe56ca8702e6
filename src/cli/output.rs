//! A report being written: its destination, its format, the collector that streams into it, and
//! how a run's results become the exit code.

use super::{error_line, Stderr, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use forcescan::detect::RuleBook;
use forcescan::error::{io_message, Diagnostics, Error, Result};
use forcescan::report::sarif::{SarifOptions, MAX_RESULTS};
use forcescan::report::text::Style;
use forcescan::report::{self, Format, Hook, Output, ReportOptions};
use forcescan::results::{Collector, Items, Policy, Results, Status};
use std::io::IsTerminal;
use std::path::Path;
use std::sync::{Arc, Mutex};

/// The destination, shared with the collector's stream while the scan runs.
struct Dest {
    out: Output,
    /// The first write that failed; nothing more is written after it.
    error: Option<std::io::Error>,
}

/// A report: opened before the scan (so a destination that cannot be written fails first),
/// written when it ends.
pub struct Report {
    dest: Arc<Mutex<Dest>>,
    opts: ReportOptions,
    /// `--color always/never`, which also governs the rotation table on stderr.
    color_forced: Option<bool>,
    /// `sweep` and `merge`: print the "what to rotate" table on stderr at the end.
    rotation_table: bool,
}

fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

impl Report {
    /// Opens `path` (a file created owner-only and moved into place when complete) or standard
    /// output. `color`: `Some` forces it; `None` colours a terminal unless `NO_COLOR` is set.
    pub fn open(path: Option<&Path>, format: Format, color: Option<bool>) -> Result<Report> {
        let out = Output::open(path).map_err(|e| {
            Error::Io(format!("{}: {}", path.unwrap_or_else(|| "-".as_ref()).display(), io_message(&e)))
        })?;
        let mut opts = ReportOptions::new(format);
        opts.style = Style { color: color.unwrap_or_else(|| out.is_terminal() && !no_color()) };
        Ok(Report {
            dest: Arc::new(Mutex::new(Dest { out, error: None })),
            opts,
            color_forced: color,
            rotation_table: false,
        })
    }

    /// Text for a git hook (see [`Hook`]).
    pub fn for_hook(mut self, hook: Hook) -> Report {
        self.opts.hook = Some(hook);
        self
    }

    /// Text: why each finding was reported and where its other parts are, a line each (`-v`).
    pub fn verbose(mut self, on: bool) -> Report {
        self.opts.verbose = on;
        self
    }

    pub fn with_sarif(mut self, sarif: SarifOptions) -> Report {
        self.opts.sarif = sarif;
        self
    }

    /// JSON Lines end with one error line per input that could not be scanned (`sweep`, `merge`).
    pub fn with_error_lines(mut self) -> Report {
        self.opts.error_lines = true;
        self
    }

    /// Ends with the "what to rotate" table on stderr (when the report holds records).
    pub fn with_rotation_table(mut self) -> Report {
        self.rotation_table = true;
        self
    }

    /// The collector for a run reported here: diagnostics on stderr, and JSON Lines streamed into
    /// the destination as inputs finish.
    pub fn collector(&self, book: &RuleBook, policy: Policy) -> Collector {
        let c = Collector::new(book, policy, Arc::new(Stderr));
        if self.opts.format != Format::Jsonl {
            return c;
        }
        let dest = self.dest.clone();
        c.streaming(Box::new(move |findings| {
            let mut d = dest.lock().unwrap_or_else(|e| e.into_inner());
            if d.error.is_none() {
                if let Err(e) = report::write_lines(&mut d.out, findings.iter().copied()) {
                    d.error = Some(e);
                }
            }
        }))
    }

    /// Writes the report and returns the exit code: 2 if it could not be written or the run is
    /// incomplete, 1 if something was found, 0 otherwise.
    pub fn finish(self, results: Results) -> u8 {
        // The collector, and with it the stream's handle on the destination, is gone by now.
        let dest = Arc::try_unwrap(self.dest).ok().expect("the stream ended with the collector").into_inner();
        let Dest { mut out, error } = dest.unwrap_or_else(|e| e.into_inner());
        let written = match error {
            Some(e) => Err(e),
            None => report::write(&mut out, &results, &self.opts).map(|w| {
                if w.sarif_left_out > 0 {
                    Stderr.warning(&format!(
                        "{} results left out of the SARIF report (GitHub accepts at most {MAX_RESULTS} per run; \
                         the most severe are kept)",
                        w.sarif_left_out
                    ));
                }
            }),
        };
        if let (true, Items::Records(records)) = (self.rotation_table, &results.items) {
            let color = self.color_forced.unwrap_or_else(|| std::io::stderr().is_terminal() && !no_color());
            let _ = report::write_rotation_table(&mut std::io::stderr().lock(), records, Style { color });
        }
        if let Err(e) = written.and_then(|_| out.finish()) {
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                error_line(format!("writing the report: {}", io_message(&e)));
            }
            return EXIT_ERROR;
        }
        let quiet = self.opts.format == Format::Text;
        match results.status() {
            Status::Incomplete { unscanned, .. } if unscanned > 0 => {
                if !quiet {
                    error_line(format!("{unscanned} input(s) could not be scanned"));
                }
                EXIT_ERROR
            }
            Status::Incomplete { unvalidated, .. } => {
                if !quiet {
                    error_line(format!("{unvalidated} credential(s) could not be validated; the result is incomplete"));
                }
                EXIT_ERROR
            }
            Status::Findings => EXIT_FINDINGS,
            Status::Clean => EXIT_CLEAN,
        }
    }
}
