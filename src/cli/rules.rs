//! `forcescan rules list|anchors|check`.

use super::args::load_book;
use super::{EXIT_CLEAN, EXIT_FINDINGS};
use forcescan::detect::rulecheck;
use forcescan::detect::{Engine, EngineOptions, RuleBook};
use forcescan::error::Result;
use std::io::Write;
use std::path::PathBuf;

/// Every rule: id, severity, confidence, title (or JSON).
pub fn list(extra: &[PathBuf], as_json: bool) -> Result<u8> {
    let book = load_book(extra)?;
    let mut out = std::io::stdout().lock();
    if as_json {
        let _ = writeln!(out, "{}", book.listing_json());
    } else {
        let _ = writeln!(out, "{:<34} {:<9} {:<10} TITLE", "ID", "SEVERITY", "CONFIDENCE");
        for r in &book.rules {
            let _ = writeln!(
                out,
                "{:<34} {:<9} {:<10} {}",
                r.id,
                r.severity.to_string(),
                r.confidence.to_string(),
                r.title
            );
        }
    }
    Ok(EXIT_CLEAN)
}

/// Every literal anchor searched for, one per line (automaton tiers apart with `tiers`).
pub fn anchors(extra: &[PathBuf], no_decode: bool, tiers: bool) -> Result<u8> {
    let engine = Engine::new(load_book(extra)?, EngineOptions { decode: !no_decode, ..Default::default() })?;
    let mut out = std::io::stdout().lock();
    for (i, tier) in engine.anchors().iter().enumerate() {
        if tiers && i > 0 {
            let _ = writeln!(out);
        }
        for a in tier {
            let _ = out.write_all(a);
            let _ = writeln!(out);
        }
    }
    Ok(EXIT_CLEAN)
}

/// Runs every rule's examples and negative examples (of `file`'s rules, run alongside the built-in
/// ones, when given); exit 1 on any miss.
pub fn check(file: Option<PathBuf>) -> Result<u8> {
    let mut book = RuleBook::builtin();
    let only: Option<Vec<String>> = match &file {
        None => None,
        Some(f) => {
            let before = book.rules.len();
            book.add_file(f)?;
            Some(book.rules[before..].iter().map(|r| r.id.clone()).collect())
        }
    };
    let results = rulecheck::check(&book, only.as_deref())?;
    let mut out = std::io::stdout().lock();
    let mut failed = 0;
    for r in &results {
        if r.failures.is_empty() {
            let _ = writeln!(
                out,
                "ok    {:<34} {} examples, {} negative examples",
                r.rule, r.examples, r.negative_examples
            );
        } else {
            failed += 1;
            let _ = writeln!(out, "FAIL  {}", r.rule);
            for f in &r.failures {
                let _ = writeln!(out, "        {f}");
            }
        }
    }
    let _ = writeln!(out, "{} rules checked, {} failed", results.len(), failed);
    Ok(if failed > 0 { EXIT_FINDINGS } else { EXIT_CLEAN })
}
