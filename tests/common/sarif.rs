//! The check every SARIF file in the test suite goes through: the SARIF 2.1.0 JSON schema (the
//! copy in tests/data, validated offline) and a GitHub code scanning profile, i.e. the rules
//! GitHub's upload enforces or that forcescan promises on top of the schema.

use aho_corasick::{AhoCorasick, MatchKind};
use serde_json::Value;
use std::sync::OnceLock;

/// From the `serde-sarif` crate's `src/schema.json`, with its two `language` patterns
/// (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`, an unbalanced `]`) fixed to
/// `^[a-zA-Z]{2}(-[a-zA-Z]{2})?$` so that a strict regex engine accepts the schema.
const SCHEMA: &str = include_str!("../data/sarif-2.1.0.schema.json");

fn validator() -> &'static jsonschema::Validator {
    static V: OnceLock<jsonschema::Validator> = OnceLock::new();
    V.get_or_init(|| {
        let schema: Value = serde_json::from_str(SCHEMA).expect("schema is JSON");
        jsonschema::options().should_validate_formats(true).build(&schema).expect("the SARIF schema compiles")
    })
}

/// Problems with `doc` under the SARIF 2.1.0 schema.
pub fn schema_errors(doc: &Value) -> Vec<String> {
    validator().iter_errors(doc).map(|e| format!("schema: {} at {}", e, e.instance_path)).collect()
}

/// Parses SARIF text and checks it against the schema and the GitHub profile; panics listing every
/// problem. `secrets`: values that must not appear (see [`github_profile`]).
pub fn check(text: &str, secrets: &[&str]) -> Value {
    let doc: Value = serde_json::from_str(text).expect("SARIF output is JSON");
    let mut problems = schema_errors(&doc);
    problems.extend(github_profile(&doc, text, secrets));
    assert!(problems.is_empty(), "SARIF problems:\n  {}", problems.join("\n  "));
    doc
}

fn is_hex(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// A URI GitHub can map into the repository: relative, `/`-separated, no scheme, no climbing out.
fn uri_problem(uri: &str) -> Option<&'static str> {
    if uri.is_empty() {
        Some("empty")
    } else if uri.contains("://") || uri.starts_with("file:") {
        Some("has a scheme")
    } else if uri.starts_with('/') {
        Some("absolute")
    } else if uri.contains('\\') {
        Some("backslash")
    } else if uri.split('/').any(|s| s == ".." || s == "." || s.is_empty()) {
        Some("empty, `.` or `..` segment")
    } else if uri.bytes().any(|b| b == b' ' || b == b'#' || b == b'?' || !b.is_ascii()) {
        Some("not percent-encoded")
    } else {
        None
    }
}

fn region_problems(at: &str, r: &Value, out: &mut Vec<String>) {
    let get = |k: &str| r[k].as_u64();
    match (get("startLine"), get("startColumn"), get("endLine"), get("endColumn")) {
        (Some(sl), Some(sc), Some(el), Some(ec)) => {
            if sl < 1 || sc < 1 || el < 1 || ec < 1 {
                out.push(format!("{at}: region values must be >= 1: {r}"));
            }
            if el < sl || (el == sl && ec <= sc) {
                out.push(format!("{at}: region ends before it starts: {r}"));
            }
        }
        _ => out.push(format!("{at}: region lacks a line/column field: {r}")),
    }
    if r.get("snippet").is_some() {
        out.push(format!("{at}: has a snippet"));
    }
}

fn location_problems(at: &str, loc: &Value, out: &mut Vec<String>) {
    let pl = &loc["physicalLocation"];
    match pl["artifactLocation"]["uri"].as_str() {
        Some(uri) => {
            if let Some(p) = uri_problem(uri) {
                out.push(format!("{at}: uri {uri:?}: {p}"));
            }
        }
        None => out.push(format!("{at}: no artifactLocation.uri")),
    }
    region_problems(at, &pl["region"], out);
    if pl.get("contextRegion").is_some() {
        out.push(format!("{at}: has a contextRegion (could show the secret)"));
    }
}

/// The GitHub profile. `text` is the file as written; `secrets` must not appear in it, in full or
/// as any 12-character piece, outside the rule help text (which is fixed text from the rule files
/// and mentions hosts such as `my.salesforce.com` that an auth URL also contains).
pub fn github_profile(doc: &Value, text: &str, secrets: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    if doc["$schema"] != "https://json.schemastore.org/sarif-2.1.0.json" {
        out.push(format!("$schema is {}", doc["$schema"]));
    }
    if doc["version"] != "2.1.0" {
        out.push(format!("version is {}", doc["version"]));
    }
    let runs = doc["runs"].as_array().cloned().unwrap_or_default();
    if runs.len() != 1 {
        out.push(format!("{} runs, want exactly 1", runs.len()));
        return out;
    }
    let run = &runs[0];
    if run["columnKind"] != "utf16CodeUnits" {
        out.push(format!("columnKind is {}", run["columnKind"]));
    }
    let driver = &run["tool"]["driver"];
    if driver["name"] != "forcescan" {
        out.push(format!("driver name {}", driver["name"]));
    }
    if driver["semanticVersion"] != env!("CARGO_PKG_VERSION") {
        out.push(format!("semanticVersion {}", driver["semanticVersion"]));
    }
    let rules = driver["rules"].as_array().cloned().unwrap_or_default();
    let ids: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    sorted.dedup();
    if ids != sorted {
        out.push(format!("rule ids not unique and sorted: {ids:?}"));
    }
    for r in &rules {
        let id = r["id"].as_str().unwrap_or("?");
        let tags: Vec<&str> = r["properties"]["tags"]
            .as_array()
            .map(|t| t.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        if tags.len() > 10 {
            out.push(format!("rule {id}: {} tags, GitHub shows at most 10", tags.len()));
        }
        for want in ["security", "external/cwe/cwe-798"] {
            if !tags.contains(&want) {
                out.push(format!("rule {id}: no {want} tag"));
            }
        }
        match r["properties"]["security-severity"].as_str() {
            Some(s) if s.parse::<f64>().is_ok_and(|v| (0.0..=10.0).contains(&v)) => {}
            other => out.push(format!("rule {id}: security-severity must be a numeric string 0-10, is {other:?}")),
        }
        if !["very-high", "high", "medium", "low"].contains(&r["properties"]["precision"].as_str().unwrap_or("")) {
            out.push(format!("rule {id}: precision {}", r["properties"]["precision"]));
        }
        for k in ["shortDescription", "fullDescription"] {
            if r[k]["text"].as_str().is_none_or(str::is_empty) {
                out.push(format!("rule {id}: no {k}"));
            }
        }
        for k in ["text", "markdown"] {
            if r["help"][k].as_str().is_none_or(|s| s.len() < 100) {
                out.push(format!("rule {id}: help.{k} missing or too short"));
            }
        }
        if !r["helpUri"].as_str().unwrap_or("").starts_with("https://") {
            out.push(format!("rule {id}: helpUri {}", r["helpUri"]));
        }
    }
    let Some(results) = run["results"].as_array() else {
        out.push("results missing".into());
        return out;
    };
    if results.len() > 5000 {
        out.push(format!("{} results, GitHub accepts 5000", results.len()));
    }
    for (i, res) in results.iter().enumerate() {
        let at = format!("results[{i}]");
        let rule_id = res["ruleId"].as_str().unwrap_or("");
        let idx = res["ruleIndex"].as_u64().map(|n| n as usize);
        if idx.and_then(|n| ids.get(n)) != Some(&rule_id) {
            out.push(format!("{at}: ruleIndex {idx:?} does not point at {rule_id}"));
        }
        if res["message"]["text"].as_str().is_none_or(str::is_empty) {
            out.push(format!("{at}: no message text"));
        }
        let locs = res["locations"].as_array().cloned().unwrap_or_default();
        if locs.len() != 1 {
            out.push(format!("{at}: {} locations, want 1", locs.len()));
        }
        for l in &locs {
            location_problems(&at, l, &mut out);
        }
        let related = res["relatedLocations"].as_array().cloned().unwrap_or_default();
        if related.len() > 1000 {
            out.push(format!("{at}: {} related locations", related.len()));
        }
        for (j, l) in related.iter().enumerate() {
            location_problems(&format!("{at}.relatedLocations[{j}]"), l, &mut out);
        }
        let fp = &res["partialFingerprints"];
        if !fp["secretHash/v1"].as_str().is_some_and(|s| s.len() == 32 && is_hex(s)) {
            out.push(format!("{at}: secretHash/v1 {}", fp["secretHash/v1"]));
        }
        if let Some(h) = fp.get("primaryLocationLineHash") {
            let ok = h
                .as_str()
                .and_then(|s| s.split_once(':'))
                .is_some_and(|(hash, n)| is_hex(hash) && n.parse::<u32>().is_ok_and(|n| n >= 1));
            if !ok {
                out.push(format!("{at}: primaryLocationLineHash {h}"));
            }
        }
    }
    // The rest looks for things that must not be there: e-mail addresses (git authors stay out of
    // reports) and secrets. File paths are the user's own names and legitimately appear in
    // messages, so they are taken out first (`.sfdx/alice@acme.com.json` names a file, and
    // `tap-salesforce.config.json` shares 12 characters with an auth URL's host).
    let mut paths: Vec<String> = Vec::new();
    for res in results {
        let related = res["relatedLocations"].as_array().cloned().unwrap_or_default();
        for l in res["locations"].as_array().into_iter().flatten().chain(&related) {
            if let Some(u) = l["physicalLocation"]["artifactLocation"]["uri"].as_str() {
                paths.push(percent_decode(u));
            }
        }
    }
    paths.sort();
    paths.dedup();
    let path_finder =
        AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&paths).expect("paths make an automaton");
    let scrub = |s: &String| path_finder.replace_all(s, &vec!["<path>"; paths.len()]);
    // Compared with the decoded strings, so JSON escaping cannot hide anything.
    let mut everywhere = Vec::new();
    strings(doc, &mut everywhere);
    let mut without_rules = doc.clone();
    without_rules["runs"][0]["tool"]["driver"]["rules"] = Value::Null;
    let mut outside_rules = Vec::new();
    strings(&without_rules, &mut outside_rules);
    let outside_rules: String = outside_rules.iter().map(scrub).collect::<Vec<_>>().join("\n");
    let email =
        regex::Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}").expect("valid regex");
    if let Some(m) = email.find(&outside_rules) {
        out.push(format!("contains an e-mail address: {}", m.as_str()));
    }
    // No secrets: in full anywhere, nor any 12-character piece outside rule help and paths.
    let everywhere = everywhere.join("\n");
    for s in secrets {
        if everywhere.contains(s) || text.contains(s) {
            out.push(format!("contains the secret {}…", head(s)));
        }
    }
    // Every 12-character piece of every secret, searched for in one pass.
    let pieces: Vec<(String, &str)> = secrets
        .iter()
        .flat_map(|s| {
            let chars: Vec<char> = s.chars().collect();
            chars.windows(12).map(|w| (w.iter().collect::<String>(), *s)).collect::<Vec<_>>()
        })
        .collect();
    if !pieces.is_empty() {
        let finder = AhoCorasick::new(pieces.iter().map(|(p, _)| p)).expect("pieces make an automaton");
        let mut seen = std::collections::BTreeSet::new();
        for m in finder.find_overlapping_iter(&outside_rules) {
            let (piece, secret) = &pieces[m.pattern().as_usize()];
            if seen.insert(*secret) {
                out.push(format!("contains a piece of the secret {}…: {piece}", head(secret)));
            }
        }
    }
    out
}

/// Every string in a JSON value, keys included.
fn strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(o) => {
            for (k, x) in o {
                out.push(k.clone());
                strings(x, out);
            }
        }
        _ => {}
    }
}

/// `%XX` escapes back to bytes (invalid escapes are kept as they are).
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = b.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (b[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The start of a secret, enough to tell which one a message is about.
fn head(s: &str) -> String {
    s.chars().take(4).collect()
}
