//! Prints, as JSON lines, what the line model (`forcescan::detect::learned`) measures on every
//! line it would judge: `{"path", "line", "features"}` (1-based lines; paths relative to the
//! folder). `corpus/context/tools/train_line_model.py` trains the model on this and the labelled
//! sets' manifests, so the features it learns from are exactly the ones forcescan computes.
//!
//!     cargo run --release --example line_features -- corpus/context/dev
//!
//! With `--rules`, the lines of every built-in rule's examples and negative examples instead,
//! each labelled with what the rules report on it (`"label"`: a rule id, or `none`): the rules'
//! verdicts on their own examples are what `forcescan rules check` verifies, so they are labels
//! the model can learn from (a warehouse's password in a Salesforce tap's config is not
//! Salesforce's).
use forcescan::{Engine, EngineOptions, RuleBook};
use std::path::Path;

fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        if e.file_type()?.is_dir() {
            walk(root, &p, out)?;
        } else {
            let rel = p.strip_prefix(root).unwrap_or(&p).to_string_lossy().replace('\\', "/");
            out.push((rel, std::fs::read(&p)?));
        }
    }
    Ok(())
}

fn features(c: forcescan::detect::learned::LineCandidate) -> serde_json::Map<String, serde_json::Value> {
    c.features.into_iter().map(|(k, v)| (k, serde_json::json!(v))).collect()
}

fn main() -> std::io::Result<()> {
    let arg = std::env::args().nth(1).expect("usage: line_features DIR | --rules");
    let mut book = RuleBook::builtin();
    let vocab = book.vocabulary.clone();
    if arg == "--rules" {
        book.line_model = None; // the rules' own verdicts
        let engine = Engine::new(book.clone(), EngineOptions::default()).expect("built-in rules");
        for rule in &book.rules {
            for (kind, list) in [("example", &rule.examples), ("negative", &rule.negative_examples)] {
                for (n, ex) in list.iter().enumerate() {
                    let path = ex.path().unwrap_or("example.txt");
                    let found = engine.scan_bytes(path, ex.text().as_bytes());
                    for c in forcescan::detect::learned::line_features(&vocab, path, ex.text().as_bytes(), &|_| false) {
                        let line = c.line as u64 + 1;
                        let label = found.iter().find(|f| f.line == line).map_or("none", |f| f.rule.as_str());
                        let id = format!("{}:{kind}:{}", rule.id, n + 1);
                        println!(
                            "{}",
                            serde_json::json!({"path": id, "line": line, "label": label, "features": features(c)})
                        );
                    }
                }
            }
        }
        return Ok(());
    }
    let root = Path::new(&arg);
    let mut files = Vec::new();
    walk(root, root, &mut files)?;
    for (path, data) in files {
        if path == "manifest.toml" || data[..data.len().min(8192)].contains(&0) {
            continue;
        }
        for c in forcescan::detect::learned::line_features(&vocab, &path, &data, &|_| false) {
            println!("{}", serde_json::json!({"path": path, "line": c.line + 1, "features": features(c)}));
        }
    }
    Ok(())
}
