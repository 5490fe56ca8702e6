//! Human-readable output: one grep-like line per finding, then a summary of distinct secrets.

use super::{escape_control, ScanOutcome};
use crate::finding::Finding;
use crate::rules::Severity;
use std::io::Write;

/// ANSI colours, or none.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn severity_code(s: Severity) -> &'static str {
        match s {
            Severity::Critical => "1;31",
            Severity::High => "31",
            Severity::Medium => "33",
            Severity::Low => "36",
        }
    }
}

/// One finding: `path:line:col  rule  value`.
pub fn write_finding(w: &mut dyn Write, f: &Finding, style: Style) -> std::io::Result<()> {
    let value = match &f.secret_value {
        Some(v) => escape_control(v),
        None => f.secret.clone(),
    };
    let example = if f.known_example { "  (known example)" } else { "" };
    writeln!(
        w,
        "{}:{}:{}  {}  {}{}",
        style.paint("35", &escape_control(&f.path)),
        style.paint("32", &f.line.to_string()),
        f.column,
        style.paint(Style::severity_code(f.severity), &f.rule),
        value,
        example
    )
}

/// The closing summary.
pub fn write_summary(w: &mut dyn Write, o: &ScanOutcome, style: Style) -> std::io::Result<()> {
    let s = o.summary;
    if s.findings == 0 {
        writeln!(w, "forcescan: no findings ({} files, {} scanned)", s.files_scanned, human_bytes(s.bytes_scanned))?;
    } else {
        writeln!(
            w,
            "\nforcescan: {} finding{}, {} distinct secret{} ({} files, {} scanned)",
            s.findings,
            if s.findings == 1 { "" } else { "s" },
            s.distinct_secrets,
            if s.distinct_secrets == 1 { "" } else { "s" },
            s.files_scanned,
            human_bytes(s.bytes_scanned)
        )?;
        for r in &s.rules {
            writeln!(
                w,
                "  {} {:<9} {:>5} distinct {:>6} found",
                style.paint(Style::severity_code(r.severity), &format!("{:<34}", r.rule)),
                r.severity.to_string(),
                r.distinct,
                r.findings
            )?;
        }
    }
    if s.errors > 0 {
        writeln!(
            w,
            "forcescan: {} input{} could not be scanned (see errors above)",
            s.errors,
            if s.errors == 1 { "" } else { "s" }
        )?;
    }
    Ok(())
}

pub fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1024.0 && u < UNITS.len() - 1 {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{n} B")
    } else {
        format!("{v:.1} {}", UNITS[u])
    }
}
