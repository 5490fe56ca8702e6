//! `forcescan rules check`: every rule's examples must produce a finding of that rule (with the
//! stated secret, when one is given) and its negative examples must not. Run by the test suite for
//! the built-in rules, and by users for their own rule files.

use crate::detect::engine::{Engine, EngineOptions};
use crate::detect::finding::redact;
use crate::detect::rules::{Example, RuleBook};
use crate::error::Result;

/// Minimum number of examples of each kind a rule must carry.
pub(crate) const MIN_EXAMPLES: usize = 3;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleCheck {
    pub rule: String,
    pub examples: usize,
    pub negative_examples: usize,
    /// Human-readable failures; empty when the rule passed.
    pub failures: Vec<String>,
}

fn excerpt(text: &str) -> String {
    // Examples are fake but shaped like real secrets; show them redacted like any other.
    let t = text.trim();
    if t.len() <= 24 {
        redact(t.as_bytes())
    } else {
        format!("{}… ({} chars)", t.chars().take(20).collect::<String>(), t.len())
    }
}

/// Checks the rules whose ids are in `only` (all rules when `None`), each against the whole book so
/// that rules interact as they do in a real scan.
pub fn check(book: &RuleBook, only: Option<&[String]>) -> Result<Vec<RuleCheck>> {
    let opts = EngineOptions { show_secrets: true, ..Default::default() };
    let engine = Engine::new(book.clone(), opts)?;
    let mut out = Vec::new();
    for (i, rule) in book.rules.iter().enumerate() {
        if only.is_some_and(|ids| !ids.contains(&rule.id)) {
            continue;
        }
        let mut failures = Vec::new();
        if let Err(e) = engine.matcher.rules[i].check_compiles() {
            failures.push(format!("{e:#}"));
        }
        if rule.examples.len() < MIN_EXAMPLES {
            failures.push(format!("has {} examples; at least {MIN_EXAMPLES} are required", rule.examples.len()));
        }
        if rule.negative_examples.len() < MIN_EXAMPLES {
            failures.push(format!(
                "has {} negative examples; at least {MIN_EXAMPLES} are required",
                rule.negative_examples.len()
            ));
        }
        let scan = |ex: &Example| engine.scan_bytes(ex.path().unwrap_or("example.txt"), ex.text().as_bytes());
        for (n, ex) in rule.examples.iter().enumerate() {
            let found = scan(ex);
            let mine: Vec<_> = found.iter().filter(|f| f.rule == rule.id).collect();
            if mine.is_empty() {
                let others: Vec<_> = found.iter().map(|f| f.rule.as_str()).collect();
                failures.push(format!(
                    "example {} not found: {}{}",
                    n + 1,
                    excerpt(ex.text()),
                    if others.is_empty() {
                        String::new()
                    } else {
                        format!(" (matched instead: {})", others.join(", "))
                    }
                ));
            } else if let Some(want) = ex.secret() {
                if !mine.iter().any(|f| f.secret_value.as_deref() == Some(want)) {
                    failures.push(format!(
                        "example {} found, but not with the expected secret {}",
                        n + 1,
                        redact(want.as_bytes())
                    ));
                }
            }
        }
        for (n, ex) in rule.negative_examples.iter().enumerate() {
            if scan(ex).iter().any(|f| f.rule == rule.id) {
                failures.push(format!("negative example {} matched: {}", n + 1, excerpt(ex.text())));
            }
        }
        out.push(RuleCheck {
            rule: rule.id.clone(),
            examples: rule.examples.len(),
            negative_examples: rule.negative_examples.len(),
            failures,
        });
    }
    Ok(out)
}
