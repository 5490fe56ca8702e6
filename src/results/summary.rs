//! The summary every report ends with: findings and distinct secrets per rule, what was scanned,
//! what could not be, what suppressions removed and what live validation found.

use super::records::SecretRecord;
use super::suppress::SuppressedCounts;
use crate::detect::finding::{Finding, Status};
use crate::detect::rules::Severity;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Counts per rule, distinct by fingerprint.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RuleSummary {
    pub rule: String,
    pub severity: Severity,
    pub findings: usize,
    pub distinct: usize,
}

/// Outcomes of live validation, counted over distinct credentials (rule + fingerprint), including
/// those `--only-live` left out of the report.
#[derive(Debug, Clone, Serialize, Default, PartialEq, Eq)]
pub struct ValidationSummary {
    pub live: usize,
    pub dead: usize,
    pub unverifiable: usize,
    pub error: usize,
    /// Findings left out by `--only-live`.
    #[serde(skip_serializing_if = "is_zero")]
    pub not_shown: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl ValidationSummary {
    pub(crate) fn add(&mut self, s: Status) {
        *match s {
            Status::Live => &mut self.live,
            Status::Dead => &mut self.dead,
            Status::Unverifiable => &mut self.unverifiable,
            Status::Error => &mut self.error,
        } += 1;
    }
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Summary {
    pub findings: usize,
    pub distinct_secrets: usize,
    pub files_scanned: usize,
    pub bytes_scanned: u64,
    pub errors: usize,
    pub rules: Vec<RuleSummary>,
    /// Present when live validation ran.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub validation: Option<ValidationSummary>,
    /// Findings left out by inline allow markers, `.forcescan.toml` and the baseline.
    pub suppressed: SuppressedCounts,
}

impl Summary {
    pub fn new(findings: &[Finding], files_scanned: usize, bytes_scanned: u64, errors: usize) -> Summary {
        let mut per: BTreeMap<&str, (Severity, usize, BTreeSet<&str>)> = BTreeMap::new();
        for f in findings {
            let e = per.entry(&f.rule).or_insert((f.severity, 0, BTreeSet::new()));
            e.1 += 1;
            e.2.insert(&f.fingerprint);
        }
        let rules: Vec<RuleSummary> = per
            .into_iter()
            .map(|(rule, (severity, n, d))| RuleSummary {
                rule: rule.to_string(),
                severity,
                findings: n,
                distinct: d.len(),
            })
            .collect();
        let distinct: BTreeSet<(&str, &str)> =
            findings.iter().map(|f| (f.rule.as_str(), f.fingerprint.as_str())).collect();
        Summary::assemble(rules, findings.len(), distinct.len(), files_scanned, bytes_scanned, errors)
    }

    /// The one place a summary is put together: rules most severe first, counts as given.
    fn assemble(
        mut rules: Vec<RuleSummary>,
        findings: usize,
        distinct_secrets: usize,
        files_scanned: usize,
        bytes_scanned: u64,
        errors: usize,
    ) -> Summary {
        rules.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.rule.cmp(&b.rule)));
        Summary {
            findings,
            distinct_secrets,
            files_scanned,
            bytes_scanned,
            errors,
            rules,
            validation: None,
            suppressed: Default::default(),
        }
    }
}

impl Summary {
    /// The summary of a deduplicated scan: findings are occurrences, distinct are records.
    pub(crate) fn from_records(
        records: &[SecretRecord],
        files_scanned: usize,
        bytes_scanned: u64,
        errors: usize,
    ) -> Summary {
        let mut per: BTreeMap<&str, RuleSummary> = BTreeMap::new();
        for r in records {
            let e = per.entry(&r.rule).or_insert_with(|| RuleSummary {
                rule: r.rule.clone(),
                severity: r.severity,
                findings: 0,
                distinct: 0,
            });
            e.findings += r.occurrences as usize;
            e.distinct += 1;
        }
        let findings = records.iter().map(|r| r.occurrences as usize).sum();
        Summary::assemble(per.into_values().collect(), findings, records.len(), files_scanned, bytes_scanned, errors)
    }
}
