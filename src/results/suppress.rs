//! Suppressions: findings a team has decided not to be told about again, and why. Three kinds,
//! each counted in the report's summary so that nothing disappears silently:
//!
//! * **inline**: an allow marker (`forcescan:allow`, and the spellings other scanners use) on the
//!   secret's line or the line before. The engine looks for it when it creates the finding, while
//!   the bytes are at hand (also in streams), and records the answer in the finding.
//! * **config**: `.forcescan.toml` (at the repository or scan root, or `--config FILE`): paths to
//!   skip (the walker does not even read them), rules to disable, regexes for values to allow, and
//!   per-rule severity overrides.
//! * **baseline**: `.forcescan-baseline.json`, written by `forcescan baseline create`: the rule and
//!   fingerprint (keyed hash of the secret) of every finding accepted so far. No paths or lines, so
//!   a secret that moves stays suppressed, and a different secret on the same line does not.
//!
//! [`Suppressions::apply`] is the one place all three are applied: the [`Collector`](super::Collector) calls it for every
//! scanned unit, so every command (scan, git, hooks) honours them alike.

use crate::detect::finding::Finding;
use crate::detect::rules::{RuleBook, Severity};
use crate::error::{Error, Result};
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// The config file looked for at the repository (or scan) root.
pub(crate) const CONFIG_FILE: &str = ".forcescan.toml";
/// The baseline looked for at the repository (or scan) root.
pub const BASELINE_FILE: &str = ".forcescan-baseline.json";

/// The directory a scan's default config and baseline live in: the work tree root of the
/// repository containing `start`, else `start` itself (or its directory, for a file).
pub(crate) fn project_root(start: &Path) -> PathBuf {
    if let Some(w) = git2::Repository::discover(start).ok().and_then(|r| r.workdir().map(Path::to_path_buf)) {
        return w;
    }
    if start.is_dir() {
        start.to_path_buf()
    } else {
        start.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")).to_path_buf()
    }
}

/// `.forcescan.toml` as written. Unknown keys are an error: a misspelt key would otherwise
/// silently suppress nothing.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    skip_paths: Vec<String>,
    #[serde(default)]
    disable_rules: Vec<String>,
    #[serde(default)]
    allow_values: Vec<String>,
    #[serde(default)]
    rules: BTreeMap<String, RuleOverride>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleOverride {
    severity: Option<Severity>,
    #[serde(default)]
    disabled: bool,
}

/// A loaded `.forcescan.toml`.
#[derive(Debug)]
pub struct Config {
    /// The directory holding the file: skip globs are relative to it.
    base: PathBuf,
    /// Globs with a `/`, matched against the whole relative path.
    paths: GlobSet,
    /// Globs without a `/`, matched against the file name at any depth (as in `.gitignore`).
    names: GlobSet,
    disabled: HashSet<String>,
    allow: Vec<regex::bytes::Regex>,
    severity: HashMap<String, Severity>,
}

impl Config {
    /// Reads and checks a config file. Errors are one line naming the file (and line, for syntax).
    pub fn load(path: &Path) -> Result<Config> {
        let name = path.display();
        let text = std::fs::read_to_string(path)
            .map_err(|e| Error::Config(format!("{name}: {}", crate::error::io_message(&e))))?;
        let base = std::path::absolute(path.parent().unwrap_or(Path::new(".")))
            .map_err(|_| Error::Config(format!("{name}: cannot resolve its directory")))?;
        Config::parse(&name.to_string(), &text, base)
    }

    /// Checks the text of a config file named `name` whose globs are relative to `base` (no I/O:
    /// the `config` fuzz target calls it).
    pub fn parse(name: &str, text: &str, base: PathBuf) -> Result<Config> {
        let file: ConfigFile = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            let msg = e.message().replace('\n', " ");
            match line {
                Some(l) => Error::Config(format!("{name}:{l}: {}", msg.trim())),
                None => Error::Config(format!("{name}: {}", msg.trim())),
            }
        })?;
        let (mut paths, mut names) = (GlobSetBuilder::new(), GlobSetBuilder::new());
        for g in &file.skip_paths {
            let pattern = g.trim_start_matches('/');
            let glob = Glob::new(pattern).map_err(|e| Error::Config(format!("{name}: skip_paths: {}", e.kind())))?;
            if pattern.contains('/') {
                paths.add(glob);
            } else {
                names.add(glob);
            }
        }
        let mut allow = Vec::new();
        for (i, r) in file.allow_values.iter().enumerate() {
            // The pattern is the user's, not a secret, but the error names only its position.
            let re = regex::bytes::Regex::new(r)
                .map_err(|_| Error::Config(format!("{name}: allow_values[{i}] is not a valid regular expression")))?;
            allow.push(re);
        }
        let mut disabled: HashSet<String> = file.disable_rules.into_iter().collect();
        let mut severity = HashMap::new();
        for (rule, o) in file.rules {
            if o.disabled {
                disabled.insert(rule.clone());
            }
            if let Some(s) = o.severity {
                severity.insert(rule, s);
            }
        }
        Ok(Config {
            base,
            paths: paths.build().map_err(|e| Error::Config(format!("{name}: skip_paths: {e}")))?,
            names: names.build().map_err(|e| Error::Config(format!("{name}: skip_paths: {e}")))?,
            disabled,
            allow,
            severity,
        })
    }

    /// Rejects rule ids the rule book does not know: a typo must not look like a working override.
    pub fn check_rules(&self, book: &RuleBook, file: &Path) -> Result<()> {
        let known: HashSet<&str> = book.rules.iter().map(|r| r.id.as_str()).collect();
        let mut named: Vec<&String> = self.disabled.iter().chain(self.severity.keys()).collect();
        named.sort();
        for r in named {
            if !known.contains(r.as_str()) {
                return Err(Error::Config(format!(
                    "{}: unknown rule `{r}` (see `forcescan rules list`)",
                    file.display()
                )));
            }
        }
        Ok(())
    }

    /// Whether a file is skipped. `path` is absolute, or relative to the current directory.
    pub fn skips_file(&self, path: &Path) -> bool {
        let Ok(abs) = std::path::absolute(path) else { return false };
        match abs.strip_prefix(&self.base) {
            Ok(rel) => self.skips_relative(rel),
            Err(_) => false,
        }
    }

    /// Whether a path relative to the config file's directory is skipped.
    pub fn skips_relative(&self, rel: &Path) -> bool {
        self.paths.is_match(rel) || rel.file_name().is_some_and(|n| self.names.is_match(n))
    }

    /// Why the config suppresses a finding, if it does.
    fn suppresses(&self, f: &Finding, path_is_repo_relative: bool) -> bool {
        let skipped = if path_is_repo_relative {
            self.skips_relative(Path::new(&f.path))
        } else {
            self.skips_file(Path::new(&f.path))
        };
        skipped || self.disabled.contains(&f.rule) || self.allow.iter().any(|re| re.is_match(&f.raw))
    }
}

/// One accepted finding in a baseline: which rule, which secret (by keyed hash).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct BaselineEntry {
    pub rule: String,
    pub fingerprint: String,
}

/// `.forcescan-baseline.json`: sorted, without timestamps, positions or secrets, so it diffs well
/// and can be committed.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    tool: String,
    version: u32,
    findings: Vec<BaselineEntry>,
}

/// A loaded baseline.
#[derive(Debug, Default)]
pub struct Baseline {
    known: HashSet<(String, String)>,
}

impl Baseline {
    pub fn load(path: &Path) -> Result<Baseline> {
        let name = path.display();
        let text = std::fs::read_to_string(path)
            .map_err(|e| Error::Config(format!("{name}: {}", crate::error::io_message(&e))))?;
        Baseline::parse(&name.to_string(), &text)
    }

    /// Checks the text of a baseline named `name` (no I/O: the `baseline` fuzz target calls it).
    pub fn parse(name: &str, text: &str) -> Result<Baseline> {
        let file: BaselineFile =
            serde_json::from_str(text).map_err(|e| Error::Config(format!("{name}: not a forcescan baseline: {e}")))?;
        if file.tool != "forcescan" || file.version != 1 {
            return Err(Error::Config(format!("{name}: not a forcescan baseline (version 1)")));
        }
        Ok(Baseline { known: file.findings.into_iter().map(|e| (e.rule, e.fingerprint)).collect() })
    }

    /// How many distinct (rule, fingerprint) pairs it accepts.
    pub fn len(&self) -> usize {
        self.known.len()
    }

    pub fn is_empty(&self) -> bool {
        self.known.is_empty()
    }

    fn contains(&self, f: &Finding) -> bool {
        self.known.contains(&(f.rule.clone(), f.fingerprint.clone()))
    }
}

/// The baseline document for `findings`: each distinct (rule, fingerprint) once, sorted.
pub fn baseline_json(findings: &[Finding]) -> String {
    let set: BTreeSet<BaselineEntry> =
        findings.iter().map(|f| BaselineEntry { rule: f.rule.clone(), fingerprint: f.fingerprint.clone() }).collect();
    let doc = BaselineFile { tool: "forcescan".into(), version: 1, findings: set.into_iter().collect() };
    let mut s = serde_json::to_string_pretty(&doc).expect("plain data serialises");
    s.push('\n');
    s
}

/// How many findings each kind of suppression removed (JSON: `summary.suppressed`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SuppressedCounts {
    pub total: usize,
    pub inline: usize,
    pub config: usize,
    pub baseline: usize,
}

/// Everything that can suppress a finding in one run.
#[derive(Debug, Default)]
pub struct Suppressions {
    /// Shared with the walker, which skips the config's paths without reading them.
    pub config: Option<std::sync::Arc<Config>>,
    pub baseline: Option<Baseline>,
    /// Finding paths are relative to the config's directory (git history: the repository root),
    /// rather than to the current directory.
    pub repo_relative_paths: bool,
    pub counts: SuppressedCounts,
}

impl Suppressions {
    /// The config's `skip_paths`, for the walker: those files are not even read.
    pub fn skip_files(&self) -> Option<crate::sources::fs::SkipFiles> {
        let c = self.config.clone()?;
        Some(crate::sources::fs::SkipFiles(std::sync::Arc::new(move |p: &Path| c.skips_file(p))))
    }

    /// Loads the config and baseline for a scan rooted at `start`: the files named, else
    /// `.forcescan.toml` and `.forcescan-baseline.json` at the `project_root` when they exist.
    /// `repo_relative`: finding paths are relative to the repository root (git history) rather
    /// than to the current directory.
    pub fn load(
        config: Option<&Path>,
        baseline: Option<&Path>,
        start: &Path,
        book: &RuleBook,
        repo_relative: bool,
    ) -> Result<Suppressions> {
        let root = project_root(start);
        let config_file =
            config.map(Path::to_path_buf).or_else(|| Some(root.join(CONFIG_FILE)).filter(|p| p.is_file()));
        let baseline_file =
            baseline.map(Path::to_path_buf).or_else(|| Some(root.join(BASELINE_FILE)).filter(|p| p.is_file()));
        let config = match &config_file {
            Some(f) => {
                let c = Config::load(f)?;
                c.check_rules(book, f)?;
                Some(std::sync::Arc::new(c))
            }
            None => None,
        };
        let baseline = baseline_file.as_deref().map(Baseline::load).transpose()?;
        Ok(Suppressions { config, baseline, repo_relative_paths: repo_relative, counts: Default::default() })
    }

    /// Removes suppressed findings and counts them; applies severity overrides to the rest. A
    /// finding is counted once, under the first reason that applies: inline, config, baseline.
    pub fn apply(&mut self, findings: &mut Vec<Finding>) {
        let c = &mut self.counts;
        findings.retain(|f| {
            let why = if f.allowed_inline {
                &mut c.inline
            } else if self.config.as_ref().is_some_and(|cfg| cfg.suppresses(f, self.repo_relative_paths)) {
                &mut c.config
            } else if self.baseline.as_ref().is_some_and(|b| b.contains(f)) {
                &mut c.baseline
            } else {
                return true;
            };
            *why += 1;
            c.total += 1;
            false
        });
        if let Some(cfg) = &self.config {
            for f in findings.iter_mut() {
                if let Some(s) = cfg.severity.get(&f.rule) {
                    f.severity = *s;
                }
            }
        }
    }
}
