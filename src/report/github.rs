//! `--format github`: GitHub Actions workflow commands. One `::error` (critical, high) or
//! `::warning` annotation per finding, shown on the pull request's diff (its message names the
//! lines of the other parts of a credential found apart), and, when the job
//! summary file (`$GITHUB_STEP_SUMMARY`) is set, a Markdown table of the findings appended to it.
//! Like every format, only the redacted value is ever written.

use super::{escape_control, ScanOutcome};
use crate::detect::finding::Finding;
use crate::detect::rules::Severity;
use crate::results::Summary;
use std::io::Write;

/// Escapes a workflow command's message (`%`, CR, LF), as the runner's toolkit does, then any
/// other control character as `\x1b`, … (a file name or a redacted value with an escape sequence
/// would otherwise reach the log viewer or a terminal raw).
fn data(s: &str) -> String {
    escape_control(&s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A"))
}

/// Escapes a workflow command's property value: also `:` and `,`.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Where a finding came from, for people: the commit that introduced it, if from history.
fn origin(f: &Finding) -> String {
    match f.git.as_ref().and_then(|g| g.commit.as_deref()) {
        Some(c) => format!(" (introduced in {})", &c[..c.len().min(crate::sources::git::SHORT_ID)]),
        None => String::new(),
    }
}

/// The other parts of a credential found apart, which the annotation's own line does not show:
/// ` (+ security-token at line 4, column 26)`.
fn parts(f: &Finding) -> String {
    if f.related.is_empty() {
        return String::new();
    }
    let each: Vec<String> =
        f.related.iter().map(|r| format!("{} at line {}, column {}", r.role, r.line, r.column)).collect();
    format!(" (+ {})", each.join("; "))
}

pub(crate) fn write(w: &mut dyn Write, o: &ScanOutcome) -> std::io::Result<()> {
    for f in o.findings {
        let level = if f.severity >= Severity::High { "error" } else { "warning" };
        writeln!(
            w,
            "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            property(&f.path),
            f.line,
            f.column,
            f.end_line,
            f.end_column,
            property(&format!("forcescan: {}", f.rule)),
            data(&format!(
                "{} {}{}{}: rotate it, then remove it (see the rule's help)",
                f.title,
                f.secret,
                parts(f),
                origin(f)
            ))
        )?;
    }
    if let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) {
        let mut file = std::fs::OpenOptions::new().append(true).create(true).open(path)?;
        file.write_all(markdown(o.findings, o.summary).as_bytes())?;
    }
    Ok(())
}

/// Markdown cells cannot hold `|` or newlines; other control characters are escaped.
fn cell(s: &str) -> String {
    escape_control(&s.replace('|', "\\|").replace(['\n', '\r'], " "))
}

/// The job summary: a one-line verdict and a table of findings.
pub fn markdown(findings: &[Finding], s: &Summary) -> String {
    let mut out = String::from("## forcescan\n\n");
    let sup = &s.suppressed;
    if findings.is_empty() {
        out.push_str(&format!("Clean: no Salesforce credentials found ({} files scanned", s.files_scanned));
    } else {
        out.push_str(&format!(
            "**{} finding{}, {} distinct secret{}** ({} files scanned",
            s.findings,
            if s.findings == 1 { "" } else { "s" },
            s.distinct_secrets,
            if s.distinct_secrets == 1 { "" } else { "s" },
            s.files_scanned
        ));
    }
    if sup.total > 0 {
        out.push_str(&format!(
            "; {} suppressed: inline {}, config {}, baseline {}",
            sup.total, sup.inline, sup.config, sup.baseline
        ));
    }
    out.push_str(").\n\n");
    if !findings.is_empty() {
        out.push_str("| file | line | rule | severity | value | commit |\n|---|---|---|---|---|---|\n");
        for f in findings {
            let commit = f.git.as_ref().and_then(|g| g.commit.as_deref()).map_or("", |c| &c[..c.len().min(12)]);
            out.push_str(&format!(
                "| `{}` | {} | {} | {} | `{}` | {} |\n",
                cell(&f.path),
                f.line,
                f.rule,
                f.severity,
                cell(&f.secret),
                commit
            ));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_command_values_are_escaped() {
        assert_eq!(property("a,b:c%\n"), "a%2Cb%3Ac%25%0A");
        assert_eq!(data("50% done\r\n"), "50%25 done%0D%0A");
        assert_eq!(property("evil\n\u{1b}[2J\u{9b}.log"), "evil%0A\\x1b[2J\\x9b.log");
        assert_eq!(cell("a|b\n\u{7}"), "a\\|b \\x07");
    }
}
