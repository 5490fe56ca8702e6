//! JSON (one document) and JSON Lines (one finding per line, streamed).

use super::{RecordsOutcome, ScanOutcome};
use crate::detect::finding::Finding;
use crate::error::ScanError;
use crate::results::records::SecretRecord;
use crate::results::Summary;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct ErrorJson<'a> {
    path: &'a str,
    message: &'a str,
}

/// The one shape of a JSON report: `{tool, version, <items>, summary, errors, warnings}`, where the
/// items are `findings` (a scan) or `secrets` (a deduplicated sweep) and `warnings` appears only
/// when there are some.
#[derive(Serialize)]
struct Document<'a, Items: Serialize> {
    tool: &'static str,
    version: &'static str,
    #[serde(flatten)]
    items: Items,
    summary: &'a Summary,
    errors: Vec<ErrorJson<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    warnings: Vec<ErrorJson<'a>>,
}

#[derive(Serialize)]
struct Findings<'a> {
    findings: &'a [Finding],
}

#[derive(Serialize)]
struct Secrets<'a> {
    secrets: &'a [SecretRecord],
}

impl<'a, Items: Serialize> Document<'a, Items> {
    fn new(items: Items, summary: &'a Summary, errors: &'a [ScanError], warnings: &'a [ScanError]) -> Self {
        Document {
            tool: "forcescan",
            version: env!("CARGO_PKG_VERSION"),
            items,
            summary,
            errors: error_list(errors),
            warnings: error_list(warnings),
        }
    }

    /// Writes the document pretty-printed, control characters escaped.
    fn write(&self, w: &mut dyn Write) -> std::io::Result<()> {
        let mut w = EscapeControls::new(w);
        serde_json::to_writer_pretty(&mut w, self)?;
        writeln!(w)?;
        w.flush()
    }
}

/// Writes one JSON value per line, control characters escaped.
fn write_json_lines<T: Serialize>(w: &mut dyn Write, items: impl IntoIterator<Item = T>) -> std::io::Result<()> {
    let mut w = EscapeControls::new(w);
    for item in items {
        serde_json::to_writer(&mut w, &item)?;
        w.write_all(b"\n")?;
    }
    w.flush()
}

fn error_list(v: &[ScanError]) -> Vec<ErrorJson<'_>> {
    v.iter().map(|e| ErrorJson { path: &e.path, message: &e.message }).collect()
}

/// Passes JSON through with the control characters serde_json leaves raw escaped as `\u00XX`: DEL
/// and the C1 controls U+0080–U+009F (U+009B is CSI, which some terminals obey like `ESC [`). They
/// can only occur inside strings (a file name, a secret's first characters), so the document stays
/// the same JSON value, and `forcescan scan -f json` on a terminal cannot be made to rewrite it.
/// serde_json writes whole characters per call; a lead byte left at the end of one is carried over.
pub(crate) struct EscapeControls<W: Write> {
    inner: W,
    lead: bool,
}

impl<W: Write> EscapeControls<W> {
    pub fn new(inner: W) -> Self {
        EscapeControls { inner, lead: false }
    }
}

impl<W: Write> Write for EscapeControls<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut out = Vec::with_capacity(buf.len() + 8);
        for &b in buf {
            if std::mem::take(&mut self.lead) {
                if (0x80..=0x9f).contains(&b) {
                    write!(out, "\\u{b:04x}")?;
                    continue;
                }
                out.push(0xc2);
            }
            match b {
                0xc2 => self.lead = true,
                0x7f => out.extend_from_slice(b"\\u007f"),
                _ => out.push(b),
            }
        }
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if std::mem::take(&mut self.lead) {
            self.inner.write_all(&[0xc2])?;
        }
        self.inner.flush()
    }
}

/// Writes the whole report as one pretty-printed JSON document.
pub(crate) fn write_document(w: &mut dyn Write, o: &ScanOutcome) -> std::io::Result<()> {
    Document::new(Findings { findings: o.findings }, o.summary, o.errors, &[]).write(w)
}

/// Writes findings as JSON Lines.
pub fn write_lines<'a>(w: &mut dyn Write, findings: impl IntoIterator<Item = &'a Finding>) -> std::io::Result<()> {
    write_json_lines(w, findings)
}

/// The deduplicated report as one document: `{tool, version, secrets, summary, errors, warnings}`.
pub(crate) fn write_records_document(w: &mut dyn Write, o: &RecordsOutcome) -> std::io::Result<()> {
    Document::new(Secrets { secrets: o.records }, o.summary, o.errors, o.warnings).write(w)
}

/// One line per input that could not be scanned, `{"error":{"path":…,"message":…}}`, so a JSON
/// Lines report (a sweep shard) carries what it is missing; `forcescan merge` reads them back.
/// Sorted by path, so the same run gives the same lines whatever order workers finished in.
pub(crate) fn write_error_lines(w: &mut dyn Write, errors: &[ScanError]) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct ErrorLine<'a> {
        error: ErrorJson<'a>,
    }
    let mut sorted: Vec<&ScanError> = errors.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path).then_with(|| a.message.cmp(&b.message)));
    write_json_lines(
        w,
        sorted.into_iter().map(|e| ErrorLine { error: ErrorJson { path: &e.path, message: &e.message } }),
    )
}

/// One secret record per line (what `forcescan merge` reads back).
pub(crate) fn write_records_lines(w: &mut dyn Write, records: &[SecretRecord]) -> std::io::Result<()> {
    write_json_lines(w, records)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn del_and_c1_controls_are_escaped_and_the_json_value_is_unchanged() {
        let v = serde_json::json!({"path": "a\u{9b}31m\u{7f}b\u{1b}é€\u{85}"});
        let mut out = Vec::new();
        serde_json::to_writer(EscapeControls::new(&mut out), &v).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text, r#"{"path":"a\u009b31m\u007fb\u001bé€\u0085"}"#);
        assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), v);
    }
}
