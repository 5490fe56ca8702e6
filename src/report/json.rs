//! JSON (one document) and JSON Lines (one finding per line, streamed).

use super::dedupe::SecretRecord;
use super::{RecordsOutcome, ScanOutcome, Summary};
use crate::finding::Finding;
use crate::sources::fs::ScanError;
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
        errors: error_list(o.errors),
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

#[derive(Serialize)]
struct RecordsDocument<'a> {
    tool: &'static str,
    version: &'static str,
    secrets: &'a [SecretRecord],
    summary: &'a Summary,
    errors: Vec<ErrorJson<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    warnings: Vec<ErrorJson<'a>>,
}

fn error_list(v: &[ScanError]) -> Vec<ErrorJson<'_>> {
    v.iter().map(|e| ErrorJson { path: &e.path, message: &e.message }).collect()
}

/// The deduplicated report as one document: `{tool, version, secrets, summary, errors, warnings}`.
pub fn write_records_document(w: &mut dyn Write, o: &RecordsOutcome) -> std::io::Result<()> {
    let doc = RecordsDocument {
        tool: "forcescan",
        version: env!("CARGO_PKG_VERSION"),
        secrets: o.records,
        summary: o.summary,
        errors: error_list(o.errors),
        warnings: error_list(o.warnings),
    };
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    writeln!(w)
}

/// One secret record per line (what `forcescan merge` reads back).
pub fn write_records_lines(w: &mut dyn Write, records: &[SecretRecord]) -> std::io::Result<()> {
    for r in records {
        serde_json::to_writer(&mut *w, r)?;
        w.write_all(b"\n")?;
    }
    Ok(())
}
