//! The shape of the code, as the README's "How it works" describes it: a pipeline whose dependency
//! arrows point one way. Read from the `crate::` and `super::` paths in `src/`, so a new module or
//! import that breaks the shape fails here, with the offending edge named.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The module path of a file: `src/detect/engine.rs` → `["detect", "engine"]`, `mod.rs` and
/// `lib.rs`/`main.rs` name their folder.
fn module_of(file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src()).unwrap();
    let mut parts: Vec<String> = rel.iter().map(|c| c.to_string_lossy().into_owned()).collect();
    let last = parts.pop().unwrap();
    let stem = last.trim_end_matches(".rs");
    if !matches!(stem, "mod" | "lib" | "main") {
        parts.push(stem.to_string());
    }
    parts
}

/// Code without comments (so prose that mentions a path is no dependency) and without tests.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap();
    text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

fn ident_at(s: &str) -> &str {
    let end = s.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(s.len());
    &s[..end]
}

/// The modules a file names: the first segments of each `crate::` path (as deep as module names
/// go, i.e. lower-case segments) and each `super::` path resolved against the file's module.
fn references(module: &[String], text: &str) -> BTreeSet<Vec<String>> {
    let mut out = BTreeSet::new();
    for (prefix, base) in [("crate::", Vec::new()), ("super::", module[..module.len().saturating_sub(1)].to_vec())] {
        let mut rest = text;
        while let Some(i) = rest.find(prefix) {
            let before = rest[..i].chars().last();
            rest = &rest[i + prefix.len()..];
            if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let mut path = base.clone();
            let mut s = rest;
            loop {
                let id = ident_at(s);
                if id.is_empty() || id.chars().next().unwrap().is_ascii_uppercase() || !s[id.len()..].starts_with("::")
                {
                    // The last segment is an item (or a module used as a value): keep it only if
                    // it is lower-case and followed by nothing path-like.
                    if !id.is_empty() && id.chars().next().unwrap().is_ascii_lowercase() && path.is_empty() {
                        path.push(id.to_string());
                    }
                    break;
                }
                path.push(id.to_string());
                s = &s[id.len() + 2..];
            }
            if !path.is_empty() {
                out.insert(path);
            }
        }
    }
    out
}

struct Crate {
    /// Module → the modules it names.
    edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
    texts: BTreeMap<Vec<String>, String>,
}

/// The library crate (everything but `main.rs` and `cli/`) or the binary crate.
fn load(binary: bool) -> Crate {
    let mut all = Vec::new();
    files(&src(), &mut all);
    let mut edges = BTreeMap::new();
    let mut texts = BTreeMap::new();
    for f in all {
        let m = module_of(&f);
        let in_bin = f.ends_with("main.rs") || m.first().is_some_and(|s| s == "cli");
        if in_bin != binary {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap();
        edges.insert(m.clone(), references(&m, &code(&text)));
        texts.insert(m, text);
    }
    // A reference names the deepest module that exists (`detect::engine::Engine` → detect::engine).
    let known: BTreeSet<Vec<String>> = edges.keys().cloned().collect();
    for refs in edges.values_mut() {
        *refs = refs
            .iter()
            .filter_map(|r| (1..=r.len()).rev().map(|n| r[..n].to_vec()).find(|p| known.contains(p)))
            .collect();
    }
    Crate { edges, texts }
}

/// Edges between the children of `parent` (a folder), each reference lifted to the child it is in.
fn sibling_graph(c: &Crate, parent: &[String]) -> BTreeMap<String, BTreeSet<String>> {
    let child = |m: &[String]| (m.len() > parent.len() && m.starts_with(parent)).then(|| m[parent.len()].clone());
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (m, refs) in &c.edges {
        let Some(from) = child(m) else { continue };
        let e = g.entry(from.clone()).or_default();
        for r in refs {
            if let Some(to) = child(r) {
                if to != from {
                    e.insert(to);
                }
            }
        }
    }
    g
}

/// A cycle in `g`, as the list of its nodes, if there is one.
fn find_cycle(g: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(n.to_string(), 1);
        stack.push(n.to_string());
        for m in g.get(n).into_iter().flatten() {
            match state.get(m.as_str()) {
                Some(1) => {
                    let at = stack.iter().position(|s| s == m).unwrap();
                    let mut cycle = stack[at..].to_vec();
                    cycle.push(m.clone());
                    return Some(cycle);
                }
                Some(_) => {}
                None => {
                    if let Some(c) = visit(m, g, state, stack) {
                        return Some(c);
                    }
                }
            }
        }
        stack.pop();
        state.insert(n.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in g.keys() {
        if !state.contains_key(n.as_str()) {
            if let Some(c) = visit(n, g, &mut state, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

#[test]
fn no_module_cycles_at_any_level() {
    for binary in [false, true] {
        let c = load(binary);
        let folders: BTreeSet<Vec<String>> =
            c.edges.keys().flat_map(|m| (0..m.len()).map(move |n| m[..n].to_vec())).collect();
        for folder in folders {
            let g = sibling_graph(&c, &folder);
            if let Some(cycle) = find_cycle(&g) {
                panic!("import cycle among the modules of `{}`: {}", folder.join("::"), cycle.join(" → "));
            }
        }
    }
}

#[test]
fn the_pipeline_points_one_way() {
    let c = load(false);
    let g = sibling_graph(&c, &[]);
    // Each stage may name only the stages before it (and the error and testing helpers).
    let order = ["error", "detect", "sources", "validation", "results", "report", "scan"];
    let rank = |m: &str| order.iter().position(|o| *o == m);
    for (from, tos) in &g {
        for to in tos {
            if let (Some(a), Some(b)) = (rank(from), rank(to)) {
                assert!(b < a, "`{from}` names `{to}`, a later stage of the pipeline ({})", order.join(" → "));
            }
        }
    }
    for stage in ["sources", "detect"] {
        for later in ["results", "report", "scan"] {
            assert!(!g.get(stage).is_some_and(|t| t.contains(later)), "`{stage}` must not name `{later}`");
        }
    }
}

#[test]
fn only_the_command_line_prints_to_stderr_knows_clap_or_exit_codes() {
    let c = load(false);
    for (m, text) in &c.texts {
        let code = code(text);
        for banned in ["clap::", "eprint", "std::io::stderr", "process::exit", "EXIT_"] {
            assert!(!code.contains(banned), "{} uses `{banned}`: only src/cli/ may", m.join("::"));
        }
    }
    let main = std::fs::read_to_string(src().join("main.rs")).unwrap();
    assert!(main.lines().count() < 150, "src/main.rs has {} lines: keep it a thin layer", main.lines().count());
}

#[test]
#[ignore = "prints the module graph: cargo test --test layout -- --ignored --nocapture"]
fn print_graph() {
    for binary in [false, true] {
        for (from, tos) in sibling_graph(&load(binary), &[]) {
            println!("{from} → {}", tos.into_iter().collect::<Vec<_>>().join(", "));
        }
    }
}
