//! Human-readable output: one grep-like line per finding, then a summary of distinct secrets.

use super::{escape_control, Hook, RecordsOutcome, ScanOutcome};
use crate::detect::finding::{redact, Finding, GitProvenance, Identity, Status, Validation};
use crate::detect::rules::Severity;
use crate::detect::timestamp::Timestamp;
use crate::error::human_bytes;
use crate::results::records::SecretRecord;
use crate::results::Summary;
use std::collections::BTreeMap;
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
    fn status_code(s: Status) -> &'static str {
        match s {
            Status::Live => "1;31",
            Status::Dead => "32",
            Status::Unverifiable => "33",
            Status::Error => "35",
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

/// One finding: `path:line:col  rule  value`, then, when validated, `  status: why` and, for a live
/// credential, who is exposed and what revocation did; with `verbose` (`-v`), why a finding made by
/// its context was reported and where the other parts of a credential found apart are; for git
/// history, a line saying where the secret came from.
pub(crate) fn write_finding(
    w: &mut dyn Write,
    f: &Finding,
    style: Style,
    verbose: Option<&Verbose>,
) -> std::io::Result<()> {
    // The redacted value too: its first characters may be an escape sequence from the file.
    let value = escape_control(f.secret_value.as_ref().unwrap_or(&f.secret));
    let example = if f.known_example { "  (known example)" } else { "" };
    write!(
        w,
        "{}:{}:{}  {}  {}{}",
        style.paint("35", &escape_control(&f.path)),
        style.paint("32", &f.line.to_string()),
        f.column,
        style.paint(Style::severity_code(f.severity), &f.rule),
        value,
        example
    )?;
    match &f.validation {
        None => writeln!(w)?,
        Some(v) => write_validation(w, v, style)?,
    }
    if let Some(v) = verbose {
        write_evidence(w, f, v)?;
    }
    match &f.git {
        Some(g) => write_provenance(w, f, g),
        None => Ok(()),
    }
}

/// What `-v` needs to print evidence without printing secrets. A key's parents are the text before
/// it, and on one line of code or a URL that text holds the values before it
/// (`…?client_id=3MVG9…&client_secret=BB80…&username=…&password=`): unless `--show-secrets` was
/// given, every secret of the report and every run that looks like a value (16 or more token
/// characters with a digit, or 24 or more in mixed case) is shown redacted there.
pub(crate) struct Verbose<'a> {
    secrets: Vec<&'a [u8]>,
}

impl<'a> Verbose<'a> {
    pub(crate) fn new(findings: &'a [Finding]) -> Verbose<'a> {
        let mut secrets: Vec<&[u8]> = findings.iter().map(|f| f.raw.as_slice()).filter(|r| r.len() >= 8).collect();
        // Longest first, so that a secret containing another is redacted whole.
        secrets.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        secrets.dedup();
        Verbose { secrets }
    }

    /// `s` with the report's secrets and anything that looks like a value redacted.
    fn scrub(&self, s: &str) -> String {
        let mut text = s.to_string();
        for secret in &self.secrets {
            if let Ok(plain) = std::str::from_utf8(secret) {
                if text.contains(plain) {
                    text = text.replace(plain, &redact(secret));
                }
            }
        }
        let token = |c: char| c.is_ascii_alphanumeric() || "._~+-".contains(c);
        let looks_like_value = |run: &str| {
            let digit = run.bytes().any(|b| b.is_ascii_digit());
            let mixed = run.bytes().any(|b| b.is_ascii_lowercase()) && run.bytes().any(|b| b.is_ascii_uppercase());
            (run.len() >= 16 && digit) || (run.len() >= 24 && mixed)
        };
        let mut out = String::with_capacity(text.len());
        let mut rest = text.as_str();
        while let Some(start) = rest.find(token) {
            let len = rest[start..].find(|c: char| !token(c)).unwrap_or(rest.len() - start);
            let run = &rest[start..start + len];
            out.push_str(&rest[..start]);
            if looks_like_value(run) {
                out.push_str(&redact(run.as_bytes()));
            } else {
                out.push_str(run);
            }
            rest = &rest[start + len..];
        }
        out.push_str(rest);
        out
    }
}

/// `-v`: for a finding made by its context, the key it was under (and the keys around that) and
/// what made it Salesforce's, with that context's line when it is elsewhere; for a credential found
/// apart, where each other part is. Roles and positions only, never a part's value.
///
/// ```text
///     key: SF_PASSWORD (under salesforce > auth)
///     Salesforce: Salesforce client library `simple_salesforce`, line 1
///     security-token: line 4, column 26
/// ```
fn write_evidence(w: &mut dyn Write, f: &Finding, v: &Verbose) -> std::io::Result<()> {
    let show = |s: &str| if f.secret_value.is_some() { escape_control(s) } else { escape_control(&v.scrub(s)) };
    if let Some(e) = &f.evidence {
        write!(w, "    key: {}", show(&e.key))?;
        match &e.key_path {
            Some(path) => writeln!(w, " (under {})", show(path))?,
            None => writeln!(w)?,
        }
        write!(w, "    Salesforce: {}", show(&e.salesforce))?;
        match e.line {
            Some(line) => writeln!(w, ", line {line}")?,
            None => writeln!(w)?,
        }
    }
    for r in &f.related {
        writeln!(w, "    {}: line {}, column {}", escape_control(&r.role), r.line, r.column)?;
    }
    Ok(())
}

/// `    introduced in <commit> by <author> on <day> at <path>:<line>; still present at HEAD`: who to
/// ask about the leak, and whether removing it from the current tree is still to do.
fn write_provenance(w: &mut dyn Write, f: &Finding, g: &GitProvenance) -> std::io::Result<()> {
    let short = |id: &str| id[..id.len().min(crate::sources::git::SHORT_ID)].to_string();
    let at_head = match g.present_at_head {
        Some(true) => "; still present at HEAD",
        Some(false) => "; no longer at HEAD",
        None => "",
    };
    match &g.commit {
        Some(commit) => writeln!(
            w,
            "    introduced in {} by {} on {} at {}:{}{}",
            short(commit),
            escape_control(g.author.as_deref().unwrap_or("an unknown author")),
            g.date.as_deref().map_or("an unknown date", |d| &d[..d.len().min(10)]),
            escape_control(&f.path),
            f.line,
            at_head
        ),
        None => writeln!(w, "    in blob {}, which no commit reaches{}", short(&g.blob), at_head),
    }
}

/// `  live: why` and the lines under it.
fn write_validation(w: &mut dyn Write, v: &Validation, style: Style) -> std::io::Result<()> {
    writeln!(w, "  {}: {}", style.paint(Style::status_code(v.status), v.status.as_str()), escape_control(&v.message))?;
    if let Some(who) = v.identity.as_ref().and_then(exposed) {
        writeln!(w, "    exposed: {}", escape_control(&who))?;
    }
    if let Some(r) = &v.revocation {
        let word = if r.revoked { "revoked" } else { "not revoked" };
        writeln!(w, "    {}: {}", word, escape_control(&r.message))?;
    }
    Ok(())
}

/// "user ops@acme.com (005…) in org 00D…", with whatever parts Salesforce gave.
fn exposed(i: &Identity) -> Option<String> {
    let user = match (&i.username, &i.user_id) {
        (Some(n), Some(id)) => Some(format!("user {n} ({id})")),
        (Some(n), None) => Some(format!("user {n}")),
        (None, Some(id)) => Some(format!("user {id}")),
        (None, None) => None,
    };
    let org = i.org_id.as_ref().map(|o| format!("org {o}"));
    match (user, org) {
        (Some(u), Some(o)) => Some(format!("{u} in {o}")),
        (u, o) => u.or(o),
    }
}

/// The closing summary.
pub(crate) fn write_summary(w: &mut dyn Write, o: &ScanOutcome, style: Style) -> std::io::Result<()> {
    write_summary_of(w, o.summary, style)
}

fn write_summary_of(w: &mut dyn Write, s: &Summary, style: Style) -> std::io::Result<()> {
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
    write_suppressed(w, s)?;
    if let Some(v) = &s.validation {
        writeln!(
            w,
            "  live validation, distinct credentials: {} live, {} dead, {} unverifiable, {} error{}",
            style.paint(Style::status_code(Status::Live), &v.live.to_string()),
            v.dead,
            v.unverifiable,
            v.error,
            if v.error == 1 { "" } else { "s" }
        )?;
        if v.not_shown > 0 {
            writeln!(
                w,
                "  --only-live: {} finding{} of credentials not found live not shown",
                v.not_shown,
                if v.not_shown == 1 { "" } else { "s" }
            )?;
        }
        if v.error > 0 {
            writeln!(
                w,
                "forcescan: {} credential{} could not be validated (see errors above); the result is incomplete",
                v.error,
                if v.error == 1 { "" } else { "s" }
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

/// `N suppressed (inline M, config K, baseline B)`, when anything was.
fn write_suppressed(w: &mut dyn Write, s: &Summary) -> std::io::Result<()> {
    let c = s.suppressed;
    if c.total == 0 {
        return Ok(());
    }
    writeln!(w, "forcescan: {} suppressed (inline {}, config {}, baseline {})", c.total, c.inline, c.config, c.baseline)
}

/// What a git hook prints after its findings: one `clean` line when there are none (and nothing
/// failed), else a short summary and what to do. Errors were already named on stderr.
pub(crate) fn write_hook_summary(w: &mut dyn Write, o: &ScanOutcome, hook: Hook) -> std::io::Result<()> {
    let s = o.summary;
    let suppressed = match s.suppressed.total {
        0 => String::new(),
        n => format!(" ({n} suppressed)"),
    };
    if s.findings == 0 {
        if s.errors == 0 {
            writeln!(w, "forcescan: clean{suppressed}")?;
        } else {
            writeln!(w, "forcescan: {} input(s) could not be scanned (see errors above){suppressed}", s.errors)?;
        }
        return Ok(());
    }
    let what = match hook {
        Hook::PrePush => "push blocked",
        Hook::PreCommit => "commit blocked",
    };
    writeln!(
        w,
        "\nforcescan: {what}: {} credential{} found{suppressed}. To fix:",
        s.distinct_secrets,
        if s.distinct_secrets == 1 { "" } else { "s" }
    )?;
    match hook {
        Hook::PrePush => {
            let mut commits: Vec<&str> = o.findings.iter().filter_map(|f| f.git.as_ref()?.commit.as_deref()).collect();
            commits.sort();
            commits.dedup();
            let ids: Vec<&str> = commits.iter().map(|c| &c[..c.len().min(crate::sources::git::SHORT_ID)]).collect();
            writeln!(
                w,
                "  1. remove it from the commits: `git rebase -i {}^` (mark the commit `edit`), or \
                 `git commit --amend` if it is the last one; then push again",
                ids.first().copied().unwrap_or("<commit>")
            )?;
            if ids.len() > 1 {
                writeln!(w, "     (introduced in {})", ids.join(", "))?;
            }
        }
        Hook::PreCommit => {
            writeln!(w, "  1. remove it from the staged files, then `git add` them again")?;
        }
    }
    writeln!(w, "  2. rotate the credential in Salesforce: treat it as leaked")?;
    writeln!(
        w,
        "  3. a false positive or an accepted test value: add `forcescan:allow` in a comment on its line \
         or the line before, or record it with `forcescan baseline create`"
    )
}

/// A deduplicated report: one line per distinct secret, then the summary.
/// `first-path:line:col  rule  value  ×N  last last-path:line  [first-ts .. last-ts]`
pub(crate) fn write_records(w: &mut dyn Write, o: &RecordsOutcome, style: Style) -> std::io::Result<()> {
    for r in o.records {
        let value = match &r.secret_value {
            Some(v) => escape_control(v),
            None => r.secret.clone(),
        };
        let when = match (&r.first_timestamp, &r.last_timestamp) {
            (Some(a), Some(b)) if a == b => format!("  {a}"),
            (Some(a), Some(b)) => format!("  {a} .. {b}"),
            _ => String::new(),
        };
        writeln!(
            w,
            "{}:{}:{}  {}  {}  x{}  last {}:{}{}",
            style.paint("35", &escape_control(&r.first_seen.path)),
            style.paint("32", &r.first_seen.line.to_string()),
            r.first_seen.column,
            style.paint(Style::severity_code(r.severity), &r.rule),
            value,
            r.occurrences,
            escape_control(&r.last_seen.path),
            r.last_seen.line,
            when
        )?;
    }
    write_summary_of(w, o.summary, style)
}

/// One row of the rotation table: a credential type in one org.
struct RotationRow<'a> {
    secrets: usize,
    occurrences: u64,
    first: Option<&'a Timestamp>,
    last: Option<&'a Timestamp>,
}

/// "What to rotate": distinct secrets grouped by severity, credential type and org ID, most severe
/// first. This is the incident responder's to-do list, so it goes to stderr even when the records
/// go to a file, and it never shows a secret, not even redacted.
pub fn write_rotation_table(w: &mut dyn Write, records: &[SecretRecord], style: Style) -> std::io::Result<()> {
    if records.is_empty() {
        return writeln!(w, "forcescan: nothing to rotate");
    }
    let mut groups: BTreeMap<(std::cmp::Reverse<Severity>, &str, &str), RotationRow> = BTreeMap::new();
    for r in records {
        let key = (std::cmp::Reverse(r.severity), r.rule.as_str(), r.org_id.as_deref().unwrap_or("-"));
        let row = groups.entry(key).or_insert(RotationRow { secrets: 0, occurrences: 0, first: None, last: None });
        row.secrets += 1;
        row.occurrences += r.occurrences;
        row.first = [row.first, r.first_timestamp.as_ref()].into_iter().flatten().min();
        row.last = [row.last, r.last_timestamp.as_ref()].into_iter().flatten().max();
    }
    let occurrences: u64 = records.iter().map(|r| r.occurrences).sum();
    writeln!(
        w,
        "\nforcescan: what to rotate ({} distinct secret{}, {} occurrence{})",
        records.len(),
        if records.len() == 1 { "" } else { "s" },
        occurrences,
        if occurrences == 1 { "" } else { "s" }
    )?;
    writeln!(
        w,
        "  {:<9} {:<32} {:<18} {:>8} {:>12}  {:<24} LAST SEEN",
        "SEVERITY", "CREDENTIAL", "ORG ID", "SECRETS", "OCCURRENCES", "FIRST SEEN"
    )?;
    for ((sev, rule, org), row) in &groups {
        let ts = |t: Option<&Timestamp>| t.map_or("-".to_string(), |t| t.to_string());
        writeln!(
            w,
            "  {} {:<32} {:<18} {:>8} {:>12}  {:<24} {}",
            style.paint(Style::severity_code(sev.0), &format!("{:<9}", sev.0.to_string())),
            rule,
            org,
            row.secrets,
            row.occurrences,
            ts(row.first),
            ts(row.last)
        )?;
    }
    Ok(())
}
