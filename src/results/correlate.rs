//! Conditions that span a whole scan, applied when it ends: a finding that matters only because of
//! another file (Data Loader ciphertext beside its `dataLoader.key`), or whose severity rises with
//! another finding (an encrypted CLI auth store together with the `key.json` that decrypts it).
//! Rules declare these in their `[rule.scan]` table.

use crate::detect::finding::Finding;
use crate::detect::rules::{RuleBook, Severity};
use std::collections::BTreeSet;

#[derive(Debug, Default)]
pub(crate) struct Correlator {
    /// (rule id, file name that must be seen, lower-case)
    requires: Vec<(String, String)>,
    /// (rule id, rule whose finding raises it to critical)
    raises: Vec<(String, String)>,
    seen_names: BTreeSet<String>,
}

impl Correlator {
    pub fn new(book: &RuleBook) -> Correlator {
        let mut c = Correlator::default();
        for r in &book.rules {
            if let Some(f) = &r.scan.requires_file {
                c.requires.push((r.id.clone(), f.to_ascii_lowercase()));
            }
            if let Some(w) = &r.scan.raise_with_rule {
                c.raises.push((r.id.clone(), w.clone()));
            }
        }
        c
    }

    /// Records a scanned unit's path (only its file name matters).
    pub(crate) fn saw(&mut self, path: &str) {
        if self.requires.is_empty() {
            return;
        }
        let name = path.rsplit(['/', '!']).next().unwrap_or(path);
        self.seen_names.insert(name.to_ascii_lowercase());
    }

    /// Whether findings of this rule can only be judged at the end (streamed output holds them back).
    pub(crate) fn holds_back(&self, rule: &str) -> bool {
        self.requires.iter().any(|(r, _)| r == rule) || self.raises.iter().any(|(r, _)| r == rule)
    }

    /// The rules [`Correlator::holds_back`] is true for.
    pub(crate) fn held_back_rules(&self) -> BTreeSet<String> {
        self.requires.iter().chain(&self.raises).map(|(r, _)| r.clone()).collect()
    }

    /// Whether a unit with this path has a file name some rule requires (the only names [`saw`]
    /// keeps); a sweep records just these for its checkpoint.
    ///
    /// [`saw`]: Correlator::saw
    pub(crate) fn wants(&self, path: &str) -> bool {
        let name = path.rsplit(['/', '!']).next().unwrap_or(path).to_ascii_lowercase();
        self.requires.iter().any(|(_, n)| *n == name)
    }

    /// Drops findings (or secret records) whose required file was not seen, raises those whose
    /// partner rule was found. Both conditions concern a rule as a whole, so applying them to
    /// records folded from findings gives what applying them to the findings would.
    pub fn apply<T: Correlated>(&self, items: &mut Vec<T>) {
        items.retain(|f| self.requires.iter().all(|(r, name)| f.rule() != r || self.seen_names.contains(name)));
        let present: BTreeSet<String> = items.iter().map(|f| f.rule().to_string()).collect();
        for f in items.iter_mut() {
            if self.raises.iter().any(|(r, with)| f.rule() == r && present.contains(with)) {
                f.raise_to(Severity::Critical);
            }
        }
    }
}

/// What scan-level conditions act on: a finding, or a deduplicated secret record.
pub(crate) trait Correlated {
    fn rule(&self) -> &str;
    fn raise_to(&mut self, s: Severity);
}

impl Correlated for Finding {
    fn rule(&self) -> &str {
        &self.rule
    }
    fn raise_to(&mut self, s: Severity) {
        self.severity = s;
    }
}

impl Correlated for crate::results::records::SecretRecord {
    fn rule(&self) -> &str {
        &self.rule
    }
    fn raise_to(&mut self, s: Severity) {
        self.severity = s;
    }
}
