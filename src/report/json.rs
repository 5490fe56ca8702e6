//! JSON (one document) and JSON Lines (one finding per line, streamed).

use super::{ScanOutcome, Summary};
use crate::finding::Finding;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct ErrorJson<'a> {
    path: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct Document<'a> {
    tool: &'static str,
    version: &'static str,
    findings: &'a [Finding],
    summary: &'a Summary,
    errors: Vec<ErrorJson<'a>>,
}

/// Writes the whole report as one pretty-printed JSON document.
pub fn write_document(w: &mut dyn Write, o: &ScanOutcome) -> std::io::Result<()> {
    let doc = Document {
        tool: "forcescan",
        version: env!("CARGO_PKG_VERSION"),
        findings: o.findings,
        summary: o.summary,
        errors: o.errors.iter().map(|e| ErrorJson { path: &e.path, message: &e.message }).collect(),
    };
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    writeln!(w)
}

/// Writes findings as JSON Lines.
pub fn write_lines<'a>(w: &mut dyn Write, findings: impl IntoIterator<Item = &'a Finding>) -> std::io::Result<()> {
    for f in findings {
        serde_json::to_writer(&mut *w, f)?;
        w.write_all(b"\n")?;
    }
    Ok(())
}
