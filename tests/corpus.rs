//! The labelled corpus: scanning `corpus/` must produce exactly the findings its manifest lists
//! (no missing, no extra), and no output format may carry a corpus secret unless asked to.

mod common;
use common::*;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Deserialize)]
struct Manifest {
    finding: Vec<Expected>,
    #[serde(default)]
    decoy: Vec<Decoy>,
}

#[derive(Deserialize)]
struct Expected {
    path: String,
    line: u64,
    rule: String,
}

#[derive(Deserialize)]
struct Decoy {
    path: String,
    line: u64,
}

fn corpus() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus"))
}

fn manifest() -> Manifest {
    let text = std::fs::read_to_string(corpus().join("manifest.toml")).expect("corpus/manifest.toml");
    toml::from_str(&text).expect("manifest parses")
}

type Key = (String, u64, String);

fn counts(v: impl IntoIterator<Item = Key>) -> BTreeMap<Key, usize> {
    let mut m = BTreeMap::new();
    for k in v {
        *m.entry(k).or_insert(0) += 1;
    }
    m
}

#[test]
fn corpus_findings_equal_the_manifest_exactly() {
    let m = manifest();
    let out = forcescan().current_dir(corpus()).args(["scan", "-f", "jsonl", "."]).output().unwrap();
    assert!(out.status.code() == Some(1), "exit {:?}: {}", out.status.code(), stderr_of(&out));
    let got = counts(jsonl_triples(&stdout_of(&out)).into_iter().filter(|(p, _, _)| p != "manifest.toml"));
    let want = counts(m.finding.iter().map(|f| (f.path.clone(), f.line, f.rule.clone())));
    let mut problems = Vec::new();
    for (k, n) in &want {
        let g = got.get(k).copied().unwrap_or(0);
        if g < *n {
            problems.push(format!("missing: {}:{} {} (want {n}, got {g})", k.0, k.1, k.2));
        }
    }
    for (k, n) in &got {
        let w = want.get(k).copied().unwrap_or(0);
        if *n > w {
            problems.push(format!("extra:   {}:{} {} (want {w}, got {n})", k.0, k.1, k.2));
        }
    }
    assert!(problems.is_empty(), "{} differences from corpus/manifest.toml:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn corpus_is_large_and_covers_every_rule() {
    let m = manifest();
    let mut per_rule: BTreeMap<&str, usize> = BTreeMap::new();
    // The context-credential set (corpus/context/) counts toward every rule's coverage too.
    let dev: Manifest =
        toml::from_str(&std::fs::read_to_string(corpus().join("context/dev/manifest.toml")).unwrap()).unwrap();
    for f in &dev.finding {
        *per_rule.entry(f.rule.as_str()).or_insert(0) += 1;
    }
    // Lines by newline bytes, which also counts UTF-16 and binary files right.
    let lines = |p: &str| {
        let bytes = std::fs::read(corpus().join(p)).unwrap_or_else(|_| panic!("{p} exists"));
        bytes.iter().filter(|&&b| b == b'\n').count() as u64 + 1
    };
    for f in &m.finding {
        *per_rule.entry(f.rule.as_str()).or_insert(0) += 1;
        assert!(lines(&f.path) >= f.line, "{}:{} is past the end of the file", f.path, f.line);
    }
    for d in &m.decoy {
        assert!(lines(&d.path) >= d.line, "decoy {}:{} is past the end of the file", d.path, d.line);
    }
    let out = forcescan().args(["rules", "list", "--json"]).output().unwrap();
    let rules: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    for r in &rules {
        let id = r["id"].as_str().unwrap();
        assert!(
            per_rule.get(id).copied().unwrap_or(0) >= 3,
            "rule {id} has fewer than 3 corpus findings: {per_rule:?}"
        );
    }
    let positive_lines: std::collections::BTreeSet<(&str, u64)> =
        m.finding.iter().map(|f| (f.path.as_str(), f.line)).collect();
    assert!(positive_lines.len() >= 120, "only {} positive lines", positive_lines.len());
    assert!(m.decoy.len() >= 80, "only {} decoy lines", m.decoy.len());
}

#[test]
fn no_output_format_carries_a_corpus_secret_without_show_secrets() {
    // The full values, as the scanner itself sees them.
    let out = forcescan().current_dir(corpus()).args(["scan", "-f", "json", "--show-secrets", "."]).output().unwrap();
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let secrets: Vec<String> = j["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["secret_value"].as_str().unwrap().to_string())
        .filter(|s| s.len() >= 8)
        .collect();
    assert!(secrets.len() >= 60);
    let dir = tempfile::tempdir().unwrap();
    for format in ["text", "json", "jsonl"] {
        let file = dir.path().join(format!("report.{format}"));
        let to_stdout =
            forcescan().current_dir(corpus()).args(["scan", "-f", format, "--color", "always", "."]).output().unwrap();
        let to_file =
            forcescan().current_dir(corpus()).args(["scan", "-f", format, "-o"]).arg(&file).arg(".").output().unwrap();
        let written = std::fs::read_to_string(&file).unwrap();
        for text in [stdout_of(&to_stdout), stderr_of(&to_stdout), written, stderr_of(&to_file)] {
            for s in &secrets {
                assert!(!text.contains(s.as_str()), "{format} output contains a full secret ({} chars)", s.len());
            }
        }
    }
}

#[test]
fn corpus_exercises_every_decoder() {
    let out = forcescan().current_dir(corpus()).args(["scan", "-f", "jsonl", "."]).output().unwrap();
    let mut seen = std::collections::BTreeSet::new();
    for l in stdout_of(&out).lines() {
        let j: serde_json::Value = serde_json::from_str(l).unwrap();
        if let Some(d) = j["decoded"].as_str() {
            seen.insert(d.to_string());
        }
    }
    for d in ["base64", "percent", "utf-16", "utf-16le", "utf-16be"] {
        assert!(seen.contains(d), "no corpus finding decoded from {d}: {seen:?}");
    }
}
