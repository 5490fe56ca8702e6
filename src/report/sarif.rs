//! SARIF 2.1.0 for GitHub code scanning (`--format sarif`).
//!
//! The file is built to be accepted by GitHub's upload on the first try and to produce stable
//! alerts:
//!
//! * one run, `results` always present, `columnKind: utf16CodeUnits` with columns recomputed from
//!   the file (the engine counts bytes);
//! * one result per secret per file: further occurrences in the same file become
//!   `relatedLocations`, so a token pasted into a log 300 times is one alert, not 300; so do the
//!   other parts of a credential found apart (the security token of a password), listed first and
//!   named by their role in the message, never by their value;
//! * `partialFingerprints`: GitHub's own `primaryLocationLineHash` (see [`super::linehash`]) and
//!   our `secretHash/v1`, the keyed HMAC of the secret, which survives the secret moving;
//! * GitHub's limits: 5,000 results per run (highest severity kept, a notification says how many
//!   were left out), 1,000 related locations per result, a bounded total so the file stays far
//!   below the 10 MB compressed upload limit;
//! * no secret anywhere: messages use the redacted value, and there are no snippets.
//!
//! Nothing here depends on where findings came from: paths and file contents come through the
//! [`Artifacts`] trait, so git history and archives plug in their own.

use super::artifacts::{path_to_uri, Artifacts, FsArtifacts};
use super::linehash::{hashes_for_lines, LineHash};
use crate::detect::finding::{Finding, Related, Status};
use crate::detect::rules::{Confidence, RuleSpec, Severity};
use crate::error::ScanError;
use serde::Serialize;
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

pub(crate) const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// GitHub rejects runs with more results than this.
pub const MAX_RESULTS: usize = 5_000;
/// GitHub keeps at most this many related locations per result.
pub(crate) const MAX_RELATED: usize = 1_000;
/// Related locations in the whole run. 5,000 results × 1,000 locations would be hundreds of
/// megabytes; this bound keeps the worst case to a few megabytes, far below GitHub's 10 MB
/// compressed limit, while still allowing 1,000 each for twenty much-repeated secrets.
pub const MAX_RELATED_TOTAL: usize = 20_000;
/// Error notifications listed one by one; the rest are counted in one more.
pub(crate) const MAX_NOTIFICATIONS: usize = 1_000;

/// CWE-798, "Use of Hard-coded Credentials", is what every forcescan rule detects.
const TAGS: &[&str] = &["security", "secret", "external/cwe/cwe-798", "salesforce"];

/// What the SARIF writer needs besides findings.
pub struct SarifOptions {
    /// Rule metadata for `tool.driver.rules`. A rule missing here is described from its findings.
    pub rules: Vec<RuleSpec>,
    /// `automationDetails.id`, GitHub's analysis category; unset by default.
    pub category: Option<String>,
    /// Repository-relative paths and contents of the files findings are in.
    pub artifacts: Box<dyn Artifacts>,
}

impl Default for SarifOptions {
    fn default() -> Self {
        SarifOptions { rules: Vec::new(), category: None, artifacts: Box::new(FsArtifacts::new(&[])) }
    }
}

// ---- The SARIF object model: only what forcescan writes. Field names follow the spec via serde.

#[derive(Debug, Serialize)]
pub struct SarifLog {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run; 1],
    /// Results that did not fit under [`MAX_RESULTS`]; not part of the file.
    #[serde(skip)]
    pub left_out: usize,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    invocations: [Invocation; 1],
    #[serde(skip_serializing_if = "Option::is_none")]
    automation_details: Option<AutomationDetails>,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Debug, Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    semantic_version: &'static str,
    information_uri: &'static str,
    rules: Vec<Descriptor>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor {
    id: String,
    name: String,
    short_description: Text,
    full_description: Text,
    help: Help,
    help_uri: String,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Debug, Serialize)]
struct Text {
    text: String,
}

impl Text {
    fn new(s: impl Into<String>) -> Text {
        Text { text: s.into() }
    }
}

#[derive(Debug, Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Debug, Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Debug, Serialize)]
struct RuleProperties {
    tags: Vec<&'static str>,
    precision: &'static str,
    #[serde(rename = "security-severity")]
    security_severity: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Debug, Serialize)]
struct Notification {
    level: &'static str,
    message: Text,
}

#[derive(Debug, Serialize)]
struct AutomationDetails {
    id: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: String,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: [Location; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: PartialFingerprints,
    #[serde(skip_serializing_if = "ResultProperties::is_empty")]
    properties: ResultProperties,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Debug, Clone, Serialize)]
struct ArtifactLocation {
    uri: String,
}

/// 1-based lines and columns; `end_column` is exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Region {
    pub start_line: u64,
    pub start_column: u64,
    pub end_line: u64,
    pub end_column: u64,
}

#[derive(Debug, Serialize)]
struct PartialFingerprints {
    #[serde(rename = "primaryLocationLineHash", skip_serializing_if = "Option::is_none")]
    line_hash: Option<String>,
    #[serde(rename = "secretHash/v1")]
    secret_hash: String,
}

/// Facts a reviewer needs that SARIF has no field for. No author names or e-mail addresses.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
struct ResultProperties {
    /// Occurrences of this secret in this file, when more than one.
    #[serde(skip_serializing_if = "Option::is_none")]
    occurrences: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    known_example: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    commit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    blob: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    present_at_head: Option<bool>,
    /// The live check's verdict (`--validate`): `live`, `dead`, `unverifiable` or `error`. Only
    /// the status: the check's message names the user, whose username is an e-mail address.
    #[serde(skip_serializing_if = "Option::is_none")]
    validation: Option<&'static str>,
}

impl ResultProperties {
    fn is_empty(&self) -> bool {
        self.occurrences.is_none()
            && self.known_example.is_none()
            && self.commit.is_none()
            && self.blob.is_none()
            && self.author_date.is_none()
            && self.present_at_head.is_none()
            && self.validation.is_none()
    }
}

// ---- Severity mapping.

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "note",
    }
}

/// GitHub's bands: critical ≥ 9.0, high 7.0–8.9, medium 4.0–6.9, low < 4.0.
fn security_severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
    }
}

fn precision(c: Confidence) -> &'static str {
    match c {
        Confidence::High => "high",
        Confidence::Medium => "medium",
        Confidence::Low => "low",
    }
}

// ---- Rules.

/// The rule text a descriptor is made of, from the rule book or, failing that, from a finding.
struct RuleText<'a> {
    id: &'a str,
    title: &'a str,
    description: &'a str,
    remediation: &'a str,
    severity: Severity,
    confidence: Confidence,
}

impl<'a> RuleText<'a> {
    fn find(rules: &'a [RuleSpec], f: &'a Finding) -> RuleText<'a> {
        match rules.iter().find(|r| r.id == f.rule) {
            Some(r) => RuleText {
                id: &r.id,
                title: &r.title,
                description: r.description.trim(),
                remediation: r.remediation.trim(),
                severity: r.severity,
                confidence: r.confidence,
            },
            None => RuleText {
                id: &f.rule,
                title: &f.title,
                description: "",
                remediation: "",
                severity: f.severity,
                confidence: f.confidence,
            },
        }
    }

    fn descriptor(&self) -> Descriptor {
        let description = sentence(if self.description.is_empty() { self.title } else { self.description });
        let remediation = if self.remediation.is_empty() {
            "Revoke or rotate the credential where it was issued, then remove it from the file and \
             from anywhere it was copied to."
                .to_string()
        } else {
            sentence(self.remediation)
        };
        let text =
            format!("{description}\n\nRotate or revoke: {remediation}\n\n{suppress}", suppress = FALSE_POSITIVE_TEXT);
        let markdown = format!(
            "**{title}**\n\n{description}\n\n### Rotate or revoke\n\n{remediation}\n\n\
             Removing the value from the file is not enough: it stays in the repository history \
             and in every clone, so treat it as compromised.\n\n### False positives\n\n{suppress}",
            title = markdown_text(self.title),
            description = markdown_text(&description),
            remediation = markdown_text(&remediation),
            suppress = FALSE_POSITIVE_MARKDOWN
        );
        Descriptor {
            id: self.id.to_string(),
            name: pascal_case(self.id),
            short_description: Text::new(sentence(self.title)),
            full_description: Text::new(description),
            help: Help { text, markdown },
            help_uri: format!("{}#rules", env!("CARGO_PKG_HOMEPAGE")),
            default_configuration: Configuration { level: level(self.severity) },
            properties: RuleProperties {
                tags: TAGS.to_vec(),
                precision: precision(self.confidence),
                security_severity: security_severity(self.severity),
            },
        }
    }
}

const FALSE_POSITIVE_TEXT: &str = "Not a real credential? If it is a test or sample value, \
dismiss the alert as \"used in tests\" or \"false positive\" in code scanning. To stop scanning a \
file, list it in a .ignore file (gitignore syntax). A reference such as ${SF_PASSWORD} instead of \
the value is never reported.";

const FALSE_POSITIVE_MARKDOWN: &str = "If the value is a test or sample value, not a real \
credential, dismiss the alert as *used in tests* or *false positive* in code scanning. To stop \
scanning a file altogether, list it in a `.ignore` file (same syntax as `.gitignore`); forcescan \
honours both. Better still, keep the value out of the file: references such as `${SF_PASSWORD}` \
or `process.env.SF_PASSWORD` are never reported.";

/// Collapses the line breaks of TOML multi-line text and ends it with a period.
fn sentence(s: &str) -> String {
    let mut t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if !t.ends_with('.') {
        t.push('.');
    }
    t
}

/// Rule text for Markdown: `<` and `>` outside code spans become entities, so placeholders such
/// as `https://<my-domain>.my.salesforce.com` are shown rather than taken for HTML tags.
fn markdown_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_code = false;
    for c in s.chars() {
        match c {
            '`' => {
                in_code = !in_code;
                out.push(c);
            }
            '<' if !in_code => out.push_str("&lt;"),
            '>' if !in_code => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// `salesforce-access-token` → `SalesforceAccessToken`, the form SARIF suggests for rule names.
fn pascal_case(id: &str) -> String {
    id.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect()
}

// ---- Positions.

/// The finding's region in UTF-16 code units, if `content` is the text its byte offsets refer to.
/// `None` when it is not (the file changed since the scan, or is not the same text).
#[cfg(test)]
fn utf16_region(f: &Finding, content: &[u8]) -> Option<Region> {
    Span::of(f).region(content)
}

/// A finding's position as the engine reports it: 1-based line and byte columns, byte offsets.
#[derive(Debug, Clone, Copy)]
struct Span {
    line: u64,
    column: u64,
    end_line: u64,
    end_column: u64,
    offset: u64,
    length: u64,
}

impl Span {
    fn of(f: &Finding) -> Span {
        Span {
            line: f.line,
            column: f.column,
            end_line: f.end_line,
            end_column: f.end_column,
            offset: f.offset,
            length: f.length,
        }
    }

    /// Where another part of a finding's credential is (in the same file as the finding).
    fn of_related(r: &Related) -> Span {
        Span {
            line: r.line,
            column: r.column,
            end_line: r.end_line,
            end_column: r.end_column,
            offset: r.offset,
            length: r.length,
        }
    }

    /// The span in a UTF-16 text narrowed to one byte per code unit, whose offsets the engine
    /// reports in the file's bytes (`bom + 2 × unit`); lines and columns already count units.
    fn narrowed(self, bom: usize) -> Option<Span> {
        let from = self.offset.checked_sub(bom as u64)?;
        (from % 2 == 0 && self.length % 2 == 0).then_some(Span { offset: from / 2, length: self.length / 2, ..self })
    }

    /// Checks the span against `text` (its columns must end where its offsets are, at the start of
    /// a line) and counts the columns in UTF-16 code units.
    fn region(self, text: &[u8]) -> Option<Region> {
        let start = usize::try_from(self.offset).ok()?;
        let end = start.checked_add(usize::try_from(self.length).ok()?)?;
        let start_line_at = start.checked_sub(usize::try_from(self.column.checked_sub(1)?).ok()?)?;
        let end_line_at = end.checked_sub(usize::try_from(self.end_column.checked_sub(1)?).ok()?)?;
        if end > text.len() {
            return None;
        }
        for (line_at, pos) in [(start_line_at, start), (end_line_at, end)] {
            let starts_a_line = line_at == 0 || text[line_at - 1] == b'\n';
            if !starts_a_line || memchr::memchr(b'\n', &text[line_at..pos]).is_some() {
                return None;
            }
        }
        let utf16 = |b: &[u8]| String::from_utf8_lossy(b).encode_utf16().count() as u64;
        Some(Region {
            start_line: self.line,
            start_column: utf16(&text[start_line_at..start]) + 1,
            end_line: self.end_line,
            end_column: utf16(&text[end_line_at..end]) + 1,
        })
    }
}

/// A file's bytes, and the narrowed text the engine scanned if the file is UTF-16.
struct Scanned {
    raw: Vec<u8>,
    narrowed: Option<(Vec<u8>, usize)>,
}

impl Scanned {
    fn new(raw: Vec<u8>) -> Scanned {
        let narrowed = crate::detect::decode::utf16_kind(&raw)
            .map(|(enc, bom)| (crate::detect::decode::narrow_utf16(&raw[bom..], enc), bom));
        Scanned { raw, narrowed }
    }

    fn region(&self, span: Span) -> Option<Region> {
        self.narrowed
            .as_ref()
            .and_then(|(text, bom)| span.narrowed(*bom)?.region(text))
            .or_else(|| span.region(&self.raw))
    }
}

/// Byte positions as they are: right for ASCII lines, and never less than 1.
fn byte_region(s: Span) -> Region {
    Region {
        start_line: s.line.max(1),
        start_column: s.column.max(1),
        end_line: s.end_line.max(s.line).max(1),
        end_column: s.end_column.max(1),
    }
}

/// A finding with its place in the repository.
struct Placed<'a> {
    f: &'a Finding,
    uri: String,
    /// The repository-relative path as text, for messages.
    path: String,
    region: Region,
    line_hash: Option<LineHash>,
    /// The other parts of the credential (`Finding::related`), in the same file: role and region.
    parts: Vec<(&'a str, Region)>,
}

/// Locates every finding, reading each file or blob once.
fn place<'a>(findings: &[&'a Finding], artifacts: &dyn Artifacts) -> Vec<Placed<'a>> {
    let mut by_source: BTreeMap<(&str, Option<&str>), Vec<&'a Finding>> = BTreeMap::new();
    for &f in findings {
        let blob = f.git.as_ref().map(|g| g.blob.as_str());
        by_source.entry((&f.path, blob)).or_default().push(f);
    }
    let mut out = Vec::with_capacity(findings.len());
    for members in by_source.into_values() {
        let rel = artifacts.locate(members[0]);
        let uri = path_to_uri(&rel);
        let path = rel.to_string_lossy().replace('\\', "/");
        let content = artifacts.content(members[0]).map(Scanned::new);
        let region = |s: Span| content.as_ref().and_then(|c| c.region(s));
        let regions: Vec<Option<Region>> = members.iter().map(|f| region(Span::of(f))).collect();
        // Hash only the lines whose position the content confirmed.
        let lines: BTreeSet<u64> =
            members.iter().zip(&regions).filter(|(_, r)| r.is_some()).map(|(f, _)| f.line).collect();
        // Of the file's own bytes, as the upload action would hash them (even UTF-16).
        let hashes = match &content {
            Some(c) if !lines.is_empty() => hashes_for_lines(&c.raw, &lines),
            _ => Default::default(),
        };
        for (f, at) in members.into_iter().zip(regions) {
            let parts = f
                .related
                .iter()
                .map(|r| {
                    let s = Span::of_related(r);
                    (r.role.as_str(), region(s).unwrap_or_else(|| byte_region(s)))
                })
                .collect();
            out.push(Placed {
                f,
                uri: uri.clone(),
                path: path.clone(),
                line_hash: at.and_then(|_| hashes.get(&f.line).copied()),
                region: at.unwrap_or_else(|| byte_region(Span::of(f))),
                parts,
            });
        }
    }
    out
}

// ---- Results.

/// One secret in one file: the first occurrence and the others.
struct Group<'a> {
    first: Placed<'a>,
    others: Vec<Placed<'a>>,
}

impl Group<'_> {
    fn rank(&self) -> impl Ord + '_ {
        let f = self.first.f;
        (Reverse(f.severity), Reverse(f.confidence), &self.first.uri, self.first.region, &f.rule)
    }

    fn order(&self) -> impl Ord + '_ {
        (&self.first.uri, self.first.region, &self.first.f.rule, &self.first.f.fingerprint)
    }
}

fn group(placed: Vec<Placed<'_>>) -> Vec<Group<'_>> {
    let mut by_secret: BTreeMap<(String, String, String), Vec<Placed>> = BTreeMap::new();
    for p in placed {
        let key = (p.uri.clone(), p.f.rule.clone(), p.f.fingerprint.clone());
        by_secret.entry(key).or_default().push(p);
    }
    by_secret
        .into_values()
        .map(|mut v| {
            // Earliest commit first for history, then position; the same spot reached twice (a
            // file named both directly and through a link) counts once.
            v.sort_by(|a, b| {
                let date = |p: &Placed| p.f.git.as_ref().and_then(|g| g.date.clone());
                date(a).cmp(&date(b)).then(a.region.cmp(&b.region))
            });
            v.dedup_by(|a, b| {
                a.region == b.region && a.f.git.as_ref().map(|g| &g.blob) == b.f.git.as_ref().map(|g| &g.blob)
            });
            let mut it = v.into_iter();
            let first = it.next().expect("groups are never empty");
            Group { first, others: it.collect() }
        })
        .collect()
}

fn physical(p: &Placed) -> PhysicalLocation {
    PhysicalLocation { artifact_location: ArtifactLocation { uri: p.uri.clone() }, region: p.region }
}

/// Names the credential, the redacted value and where it came in; never the secret itself.
fn message(g: &Group) -> String {
    let (f, p) = (g.first.f, &g.first);
    let mut m = format!("{} `{}` ", f.title, f.secret);
    match &f.git {
        Some(git) => {
            m.push_str(&format!("introduced in {} at line {}", p.path, p.region.start_line));
            if let Some(c) = &git.commit {
                let short: String = c.chars().take(12).collect();
                m.push_str(&format!(" by commit {short}"));
            }
            if let Some(d) = &git.date {
                m.push_str(&format!(" ({d})"));
            }
            m.push('.');
            match git.present_at_head {
                Some(true) => m.push_str(" It is still present at HEAD."),
                Some(false) => m.push_str(" It is no longer present at HEAD but stays in the history: rotate it."),
                None => {}
            }
        }
        None => m.push_str(&format!("found in {} at line {}.", p.path, p.region.start_line)),
    }
    for (role, region) in &g.first.parts {
        m.push_str(&format!(" Its {} is at line {}.", role_words(role), region.start_line));
    }
    match g.others.len() {
        0 => {}
        1 => m.push_str(" It occurs once more in this file."),
        n => m.push_str(&format!(" It occurs {n} more times in this file.")),
    }
    if f.known_example {
        m.push_str(" The value is published in documentation (known example).");
    }
    match f.validation.as_ref().map(|v| v.status) {
        Some(Status::Live) => m.push_str(" A live check found it valid: revoke it now."),
        Some(Status::Dead) => m.push_str(" A live check found it no longer valid."),
        _ => {}
    }
    m
}

/// A part's role as words: `security-token` → `security token`. Roles are rule vocabulary, never
/// values.
fn role_words(role: &str) -> String {
    role.replace(['-', '_'], " ")
}

/// What a related location that is another part of the credential is, for people reading the
/// alert: never the value, nor a username.
fn part_message(role: &str) -> String {
    match role {
        "security-token" => "The security token of this login (it goes with the password).".to_string(),
        "consumer-key" => "The consumer key of this secret's connected app.".to_string(),
        other => format!("The {} of this credential.", role_words(other)),
    }
}

fn properties(g: &Group) -> ResultProperties {
    let f = g.first.f;
    let git = f.git.as_ref();
    ResultProperties {
        occurrences: (!g.others.is_empty()).then_some(g.others.len() + 1),
        known_example: f.known_example.then_some(true),
        commit: git.and_then(|g| g.commit.clone()),
        blob: git.map(|g| g.blob.clone()),
        author_date: git.and_then(|g| g.date.clone()),
        present_at_head: git.and_then(|g| g.present_at_head),
        validation: f.validation.as_ref().map(|v| v.status.as_str()),
    }
}

/// Builds the SARIF log of a scan.
pub fn to_log(findings: &[Finding], errors: &[ScanError], opts: &SarifOptions) -> SarifLog {
    let kept: Vec<&Finding> = findings.iter().collect();
    let mut groups = group(place(&kept, opts.artifacts.as_ref()));

    let left_out = groups.len().saturating_sub(MAX_RESULTS);
    if left_out > 0 {
        groups.sort_by(|a, b| a.rank().cmp(&b.rank()));
        groups.truncate(MAX_RESULTS);
    }
    groups.sort_by(|a, b| a.order().cmp(&b.order()));

    // Rules that produced a result, sorted by id; results point at them by index.
    let mut rule_ids: Vec<&str> = groups.iter().map(|g| g.first.f.rule.as_str()).collect();
    rule_ids.sort_unstable();
    rule_ids.dedup();
    let rules: Vec<Descriptor> = rule_ids
        .iter()
        .map(|id| {
            let f = groups.iter().map(|g| g.first.f).find(|f| f.rule == *id).expect("every id comes from a result");
            RuleText::find(&opts.rules, f).descriptor()
        })
        .collect();

    // The other parts of a credential come first, then further occurrences of the secret, under
    // one limit per result and one for the run.
    let mut related_budget = MAX_RELATED_TOTAL;
    let (mut related_left_out, mut parts_left_out) = (0, 0);
    let results: Vec<SarifResult> = groups
        .iter()
        .map(|g| {
            let f = g.first.f;
            let parts = &g.first.parts;
            let np = parts.len().min(MAX_RELATED).min(related_budget);
            related_budget -= np;
            parts_left_out += parts.len() - np;
            let n = g.others.len().min(MAX_RELATED - np).min(related_budget);
            related_budget -= n;
            related_left_out += g.others.len() - n;
            let part_locations = parts[..np].iter().map(|(role, region)| {
                let at = PhysicalLocation {
                    artifact_location: ArtifactLocation { uri: g.first.uri.clone() },
                    region: *region,
                };
                (at, part_message(role))
            });
            let occurrences =
                g.others[..n].iter().map(|p| (physical(p), "Another occurrence of the same secret.".to_string()));
            SarifResult {
                rule_id: f.rule.clone(),
                rule_index: rule_ids.binary_search(&f.rule.as_str()).expect("listed"),
                level: level(f.severity),
                message: Text::new(message(g)),
                locations: [Location { id: None, physical_location: physical(&g.first), message: None }],
                related_locations: part_locations
                    .chain(occurrences)
                    .enumerate()
                    .map(|(i, (at, text))| Location {
                        id: Some(i + 1),
                        physical_location: at,
                        message: Some(Text::new(text)),
                    })
                    .collect(),
                partial_fingerprints: PartialFingerprints {
                    line_hash: g.first.line_hash.map(|h| h.to_string()),
                    secret_hash: f.fingerprint.clone(),
                },
                properties: properties(g),
            }
        })
        .collect();

    let mut notes: Vec<Notification> = errors
        .iter()
        .take(MAX_NOTIFICATIONS)
        .map(|e| Notification {
            level: "error",
            message: Text::new(format!("{}.", e.to_string().trim_end_matches('.'))),
        })
        .collect();
    if errors.len() > MAX_NOTIFICATIONS {
        notes.push(Notification {
            level: "error",
            message: Text::new(format!("{} more inputs could not be scanned.", errors.len() - MAX_NOTIFICATIONS)),
        });
    }
    if left_out > 0 {
        notes.push(Notification {
            level: "warning",
            message: Text::new(format!(
                "{left_out} results were left out: GitHub accepts at most {MAX_RESULTS} per run, \
                 so the {MAX_RESULTS} most severe are listed. Use --format json for all of them."
            )),
        });
    }
    if parts_left_out > 0 {
        notes.push(Notification {
            level: "warning",
            message: Text::new(format!(
                "{parts_left_out} other parts of reported credentials are not listed as related \
                 locations (at most {MAX_RELATED} per result and {MAX_RELATED_TOTAL} in all); \
                 --format json lists them under `related`."
            )),
        });
    }
    if related_left_out > 0 {
        notes.push(Notification {
            level: "warning",
            message: Text::new(format!(
                "{related_left_out} further occurrences of reported secrets are not listed as \
                 related locations (at most {MAX_RELATED} per result and {MAX_RELATED_TOTAL} in \
                 all)."
            )),
        });
    }

    SarifLog {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "forcescan",
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: env!("CARGO_PKG_HOMEPAGE"),
                    rules,
                },
            },
            invocations: [Invocation { execution_successful: errors.is_empty(), tool_execution_notifications: notes }],
            automation_details: opts.category.as_deref().map(|c| AutomationDetails { id: category_id(c) }),
            column_kind: "utf16CodeUnits",
            results,
        }],
        left_out,
    }
}

/// GitHub reads the category as everything up to the last `/` of `automationDetails.id`, so a
/// category given without one would be taken as a run id in an empty category.
fn category_id(c: &str) -> String {
    if c.ends_with('/') {
        c.to_string()
    } else {
        format!("{c}/")
    }
}

/// Writes the SARIF log, pretty-printed, and returns how many results were left out.
pub fn write(
    w: &mut dyn Write,
    findings: &[Finding],
    errors: &[ScanError],
    opts: &SarifOptions,
) -> std::io::Result<usize> {
    let log = to_log(findings, errors, opts);
    let mut w = super::json::EscapeControls::new(w);
    serde_json::to_writer_pretty(&mut w, &log)?;
    writeln!(w)?;
    w.flush()?;
    Ok(log.left_out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Engine;

    fn finding(text: &str) -> (Finding, Vec<u8>) {
        let f = Engine::builtin().scan_bytes("x", text.as_bytes());
        assert_eq!(f.len(), 1, "{text}");
        (f.into_iter().next().unwrap(), text.as_bytes().to_vec())
    }

    const AT: &str = "00Dhu0000G8GP38!AQnC1.4EakoKm5b.OAYGSTWjRlLK6sNdVU72lZ_o2.YH19dCqgn28s9Dp68GZN9Z3zLIbet6.UzH.7_3eLO6m4H5x29iI_Vm";

    #[test]
    fn columns_count_utf16_code_units() {
        // "é" is 2 bytes / 1 unit; "🔑" is 4 bytes / 2 units: 18 bytes, 15 units before the token.
        let (f, c) = finding(&format!("x\n// é 🔑 Bearer {AT} ✓\n"));
        assert_eq!((f.line, f.column), (2, 19));
        let r = utf16_region(&f, &c).unwrap();
        assert_eq!(r, Region { start_line: 2, start_column: 16, end_line: 2, end_column: 16 + AT.len() as u64 });
    }

    #[test]
    fn content_that_does_not_match_the_finding_is_refused() {
        let (f, c) = finding(&format!("Bearer {AT}\n"));
        assert!(utf16_region(&f, &c).is_some());
        // A line was inserted above since the scan: the offset now points into the wrong line.
        let mut moved = b"new first line\n".to_vec();
        moved.extend_from_slice(&c);
        assert!(utf16_region(&f, &moved).is_none());
        // Truncated.
        assert!(utf16_region(&f, &c[..20]).is_none());
    }

    #[test]
    fn severity_bands_follow_github() {
        for (s, lo, hi) in [
            (Severity::Critical, 9.0, 10.0),
            (Severity::High, 7.0, 8.9),
            (Severity::Medium, 4.0, 6.9),
            (Severity::Low, 0.1, 3.9),
        ] {
            let v: f64 = security_severity(s).parse().unwrap();
            assert!((lo..=hi).contains(&v), "{s}: {v}");
        }
    }

    #[test]
    fn markdown_keeps_angle_bracket_placeholders_visible() {
        assert_eq!(
            markdown_text("POST to https://<host>/revoke, or run `sf org login --url <url>`"),
            "POST to https://&lt;host&gt;/revoke, or run `sf org login --url <url>`"
        );
    }

    #[test]
    fn names_and_categories() {
        assert_eq!(pascal_case("salesforce-access-token"), "SalesforceAccessToken");
        assert_eq!(category_id("forcescan-history"), "forcescan-history/");
        assert_eq!(category_id("a/b/"), "a/b/");
    }
}
