//! One record per distinct secret (`--dedupe`): a log dump can repeat one leaked token a million
//! times, and what an incident responder needs is the list of credentials to rotate, how often and
//! where and when each was seen.
//!
//! A record is keyed by rule and fingerprint. It keeps the number of occurrences, the first and last
//! place seen and the earliest and latest line timestamp. "First" and "last" place are the smallest
//! and largest `(path, line, column)`, not the order in which threads happened to finish: that way
//! folding is associative and commutative, so records of shards, of resumed runs and of one
//! uninterrupted run merge to the same result (`forcescan merge`, `--checkpoint`).

use crate::detect::finding::Finding;
use crate::detect::rules::{Confidence, Severity};
use crate::detect::timestamp::Timestamp;
use crate::error::{io_message, ScanError};
use crate::sources::display_path;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A place a secret was seen.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Place {
    pub path: String,
    pub line: u64,
    pub column: u64,
}

/// One distinct secret with where and when it was seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecretRecord {
    pub rule: String,
    pub title: String,
    pub severity: Severity,
    pub confidence: Confidence,
    pub fingerprint: String,
    /// Redacted, as in findings.
    pub secret: String,
    /// Only with `--show-secrets`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_value: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org_id: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub known_example: bool,
    pub occurrences: u64,
    pub first_seen: Place,
    pub last_seen: Place,
    /// Earliest and latest timestamp of the log lines the secret was on (when lines had one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_timestamp: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_timestamp: Option<Timestamp>,
}

impl SecretRecord {
    /// The record of a single occurrence.
    pub(crate) fn from_finding(f: &Finding) -> SecretRecord {
        let place = Place { path: f.path.clone(), line: f.line, column: f.column };
        SecretRecord {
            rule: f.rule.clone(),
            title: f.title.clone(),
            severity: f.severity,
            confidence: f.confidence,
            fingerprint: f.fingerprint.clone(),
            secret: f.secret.clone(),
            secret_value: f.secret_value.clone(),
            org_id: f.org_id.clone(),
            known_example: f.known_example,
            occurrences: 1,
            first_seen: place.clone(),
            last_seen: place,
            first_timestamp: f.timestamp.clone(),
            last_timestamp: f.timestamp.clone(),
        }
    }

    /// Folds another record of the same secret into this one.
    pub(crate) fn absorb(&mut self, o: SecretRecord) {
        self.occurrences += o.occurrences;
        if o.first_seen < self.first_seen {
            self.first_seen = o.first_seen;
        }
        if o.last_seen > self.last_seen {
            self.last_seen = o.last_seen;
        }
        self.first_timestamp = pick(self.first_timestamp.take(), o.first_timestamp, std::cmp::min);
        self.last_timestamp = pick(self.last_timestamp.take(), o.last_timestamp, std::cmp::max);
        self.secret_value = self.secret_value.take().or(o.secret_value);
        self.org_id = self.org_id.take().or(o.org_id);
    }
}

fn pick<T: Ord>(a: Option<T>, b: Option<T>, f: fn(T, T) -> T) -> Option<T> {
    match (a, b) {
        (Some(a), Some(b)) => Some(f(a, b)),
        (a, b) => a.or(b),
    }
}

/// Records by (rule, fingerprint). Memory grows with distinct secrets, not with occurrences.
#[derive(Debug, Default, Clone)]
pub struct RecordSet {
    map: HashMap<(String, String), SecretRecord>,
}

impl RecordSet {
    pub fn new() -> RecordSet {
        RecordSet::default()
    }

    pub(crate) fn add_finding(&mut self, f: &Finding) {
        match self.map.get_mut(&(f.rule.clone(), f.fingerprint.clone())) {
            Some(r) => r.absorb(SecretRecord::from_finding(f)),
            None => self.add(SecretRecord::from_finding(f)),
        }
    }

    pub fn add(&mut self, r: SecretRecord) {
        let key = (r.rule.clone(), r.fingerprint.clone());
        match self.map.get_mut(&key) {
            Some(have) => have.absorb(r),
            None => {
                self.map.insert(key, r);
            }
        }
    }

    pub fn merge(&mut self, other: RecordSet) {
        for r in other.map.into_values() {
            self.add(r);
        }
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Occurrences in all.
    pub fn occurrences(&self) -> u64 {
        self.map.values().map(|r| r.occurrences).sum()
    }

    /// The records, most severe first, then by rule and first place seen.
    pub(crate) fn into_sorted(self) -> Vec<SecretRecord> {
        let mut v: Vec<SecretRecord> = self.map.into_values().collect();
        sort_records(&mut v);
        v
    }
}

/// Report order of records: severity (most severe first), rule, first place, fingerprint.
pub(crate) fn sort_records(v: &mut [SecretRecord]) {
    v.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.rule.cmp(&b.rule))
            .then_with(|| a.first_seen.cmp(&b.first_seen))
            .then_with(|| a.fingerprint.cmp(&b.fingerprint))
    });
}

/// A finding line of `scan -f jsonl`, as `merge` reads it: only what a record needs.
#[derive(Deserialize)]
struct FindingLine {
    rule: String,
    title: String,
    severity: Severity,
    confidence: Confidence,
    path: String,
    line: u64,
    column: u64,
    secret: String,
    #[serde(default)]
    secret_value: Option<String>,
    fingerprint: String,
    #[serde(default)]
    org_id: Option<String>,
    #[serde(default)]
    known_example: bool,
    #[serde(default)]
    timestamp: Option<Timestamp>,
}

/// One line of a JSON Lines report, as `merge` reads it.
#[derive(Debug, PartialEq)]
pub(crate) enum Line {
    /// A secret record, or a finding counted as one occurrence.
    Record(SecretRecord),
    /// `{"error": {"path", "message"}}`: an input the report's run could not scan (sweep shards
    /// write one per input, see `report::json::write_error_lines`).
    Error(ScanError),
}

/// Reads one line of JSON Lines output: a secret record (`sweep`, `--dedupe`), a finding
/// (`scan -f jsonl`, counted as one occurrence) or an error line.
pub(crate) fn parse_line(line: &str) -> Result<Line, String> {
    let v: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
    if let Some(e) = v.get("error").filter(|_| v.get("rule").is_none()) {
        return serde_json::from_value(e.clone()).map(Line::Error).map_err(|e| format!("not an error line: {e}"));
    }
    if v.get("occurrences").is_some() {
        return serde_json::from_value(v).map(Line::Record).map_err(|e| format!("not a secret record: {e}"));
    }
    let f: FindingLine =
        serde_json::from_value(v).map_err(|e| format!("neither a secret record nor a finding: {e}"))?;
    let place = Place { path: f.path, line: f.line, column: f.column };
    Ok(Line::Record(SecretRecord {
        rule: f.rule,
        title: f.title,
        severity: f.severity,
        confidence: f.confidence,
        fingerprint: f.fingerprint,
        secret: f.secret,
        secret_value: f.secret_value,
        org_id: f.org_id,
        known_example: f.known_example,
        occurrences: 1,
        first_seen: place.clone(),
        last_seen: place,
        first_timestamp: f.timestamp.clone(),
        last_timestamp: f.timestamp,
    }))
}

/// Folds one JSON Lines report (sweep records or scan findings) into `set`. Returns what the report
/// says its run could not scan (its error lines, as they were written) and the lines that could not
/// be read (named `file:line`); the rest of the file is still used. Either makes a merge incomplete.
pub fn read_report(path: &std::path::Path, set: &mut RecordSet) -> Vec<ScanError> {
    use std::io::BufRead;
    let name = display_path(path);
    let file = match std::fs::File::open(path) {
        Ok(f) => std::io::BufReader::new(f),
        Err(e) => return vec![ScanError { path: name, message: io_message(&e) }],
    };
    let mut errors = Vec::new();
    for (n, line) in file.lines().enumerate() {
        let parsed = line.map_err(|e| io_message(&e)).and_then(|l| match l.trim() {
            "" => Ok(None),
            l => parse_line(l).map(Some),
        });
        match parsed {
            Ok(Some(Line::Record(r))) => set.add(r),
            Ok(Some(Line::Error(e))) => errors.push(e),
            Ok(None) => {}
            Err(message) => errors.push(ScanError { path: format!("{name}:{}", n + 1), message }),
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(path: &str, line: u64, n: u64, ts: Option<&str>) -> SecretRecord {
        let ts = ts.map(|t| crate::detect::timestamp::at_line_start(t.as_bytes()).unwrap());
        SecretRecord {
            rule: "r".into(),
            title: "t".into(),
            severity: Severity::Critical,
            confidence: Confidence::High,
            fingerprint: "f".into(),
            secret: "00Dh…Vm".into(),
            secret_value: None,
            org_id: None,
            known_example: false,
            occurrences: n,
            first_seen: Place { path: path.into(), line, column: 1 },
            last_seen: Place { path: path.into(), line, column: 1 },
            first_timestamp: ts.clone(),
            last_timestamp: ts,
        }
    }

    #[test]
    fn folding_order_does_not_matter() {
        let parts = [
            rec("b.log", 3, 2, Some("2026-10-12T10:00:00Z")),
            rec("a.log.gz", 9, 1, None),
            rec("a.log.gz", 2, 5, Some("2026-10-12T09:59:59.5Z")),
        ];
        let fold = |order: &[usize]| {
            let mut s = RecordSet::new();
            for &i in order {
                s.add(parts[i].clone());
            }
            s.into_sorted()
        };
        let a = fold(&[0, 1, 2]);
        assert_eq!(a, fold(&[2, 0, 1]));
        assert_eq!(a.len(), 1);
        let r = &a[0];
        assert_eq!(r.occurrences, 8);
        assert_eq!((r.first_seen.path.as_str(), r.first_seen.line), ("a.log.gz", 2));
        assert_eq!((r.last_seen.path.as_str(), r.last_seen.line), ("b.log", 3));
        assert_eq!(r.first_timestamp.as_ref().unwrap().as_str(), "2026-10-12T09:59:59.5Z");
        assert_eq!(r.last_timestamp.as_ref().unwrap().as_str(), "2026-10-12T10:00:00Z");
    }

    #[test]
    fn records_round_trip_through_json_lines() {
        let r = rec("x.log", 1, 3, Some("2026-10-12T10:00:00Z"));
        let line = serde_json::to_string(&r).unwrap();
        assert_eq!(parse_line(&line).unwrap(), Line::Record(r));
        assert!(parse_line("{\"rule\":\"x\"}").is_err());
        let e = ScanError::new("a.tar.gz", "corrupt or truncated gzip data");
        let line = serde_json::json!({"error": {"path": "a.tar.gz", "message": "corrupt or truncated gzip data"}});
        assert_eq!(parse_line(&line.to_string()).unwrap(), Line::Error(e));
        assert!(parse_line("{\"error\":{\"path\":1}}").is_err());
    }
}
