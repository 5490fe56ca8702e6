//! Golden outputs: the reports of `demo/`, `corpus/` and a 2,000-commit git history in every format,
//! the sweep of `corpus/`, and `--help` of every subcommand, byte for byte (JSON Lines compared as
//! sorted lines, since findings stream in the order workers finish). They were saved before the
//! pipeline was reorganised into sources → detect → results → report, and guard that the layout
//! changes nothing a user sees.
//!
//! A deliberate change of output updates them: `FORCESCAN_BLESS=1 cargo test --test golden`, then
//! review `git diff tests/golden/`.

mod common;
use common::*;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn golden_dir() -> PathBuf {
    root().join("tests/golden")
}

/// The synthetic history of `tests/golden/gen-history.py --commits 2000` (seed 11: the same
/// repository every time), built once per test run.
fn history() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let out = std::process::Command::new("python3")
            .arg(golden_dir().join("gen-history.py"))
            .arg(dir.path().join("history.git"))
            .args(["--commits", "2000"])
            .output()
            .expect("python3 is needed to build the golden git history (tests/golden/gen-history.py)");
        assert!(out.status.success(), "gen-history.py failed: {}", stderr_of(&out));
        dir
    })
    .path()
}

/// Runs forcescan with `args` in `cwd` and compares stdout, stderr and the exit code with
/// `tests/golden/<name>`, `<name>.err` and `<name>.rc`.
fn check(name: &str, cwd: &Path, args: &[&str], sort_lines: bool) {
    let out = forcescan().current_dir(cwd).args(args).output().unwrap();
    let norm = |s: String| {
        if sort_lines {
            let mut v: Vec<&str> = s.lines().collect();
            v.sort_unstable();
            v.iter().map(|l| format!("{l}\n")).collect()
        } else {
            s
        }
    };
    let got = [
        (name.to_string(), norm(stdout_of(&out))),
        (format!("{name}.err"), stderr_of(&out)),
        (format!("{name}.rc"), format!("{}\n", out.status.code().unwrap_or(-1))),
    ];
    let bless = std::env::var_os("FORCESCAN_BLESS").is_some();
    let mut problems = Vec::new();
    for (file, text) in got {
        let path = golden_dir().join(&file);
        if bless {
            std::fs::write(&path, &text).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{} is missing", path.display()));
        if want != text {
            let line = want
                .lines()
                .zip(text.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(want.lines().count().min(text.lines().count()));
            problems.push(format!(
                "{file} differs from line {}:\n  want: {}\n  got:  {}",
                line + 1,
                want.lines().nth(line).unwrap_or("<end>"),
                text.lines().nth(line).unwrap_or("<end>")
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

const FORMATS: [&str; 4] = ["text", "json", "jsonl", "sarif"];

#[test]
fn demo_reports_are_unchanged() {
    for f in FORMATS {
        check(&format!("demo.{f}"), &root().join("demo"), &["scan", "-f", f, "--color", "never", "."], f == "jsonl");
    }
}

#[test]
fn corpus_reports_are_unchanged() {
    for f in FORMATS {
        check(
            &format!("corpus.{f}"),
            &root().join("corpus"),
            &["scan", "-f", f, "--color", "never", "."],
            f == "jsonl",
        );
    }
    check("corpus.sweep", &root().join("corpus"), &["sweep", "."], true);
}

#[test]
fn git_history_reports_are_unchanged() {
    let repo = history().join("history.git");
    let repo = repo.to_str().unwrap();
    for f in FORMATS {
        check(&format!("history.{f}"), root(), &["git", "-f", f, "--color", "never", repo], f == "jsonl");
    }
}

#[test]
fn help_texts_are_unchanged() {
    check("help", root(), &["--help"], false);
    for c in ["scan", "revoke", "git", "hook", "install-hooks", "baseline", "sweep", "merge", "rules"] {
        check(&format!("help.{c}"), root(), &[c, "--help"], false);
    }
    for c in ["hook pre-push", "hook pre-commit", "baseline create", "rules list", "rules check", "rules anchors"] {
        let args: Vec<&str> = c.split(' ').chain(["--help"]).collect();
        check(&format!("help.{}", c.replace(' ', "-")), root(), &args, false);
    }
}
