//! Rules as data: the TOML schema, the built-in rule files, and loading user rule files.
//!
//! A rule file holds `[[rule]]` tables and optionally one `[known_examples]` table. Rules are parsed
//! at start-up (a few hundred microseconds) but their regexes are compiled lazily by the matcher, on
//! the first anchor hit, so a scan that never sees an anchor pays nothing for them.

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};
use std::fmt;

include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));

/// How bad a leak of this credential is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

/// How sure the rule is that a match is a real credential.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        })
    }
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        })
    }
}

/// How anchors are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AnchorCase {
    /// Exactly as written (token prefixes such as `00D`).
    #[default]
    Exact,
    /// The word as written plus its lower-case, UPPER-case and Capitalised forms, which covers
    /// `password`, `PASSWORD`, `Password`, `sfPassword`, `SF_PASSWORD`. Cheaper than a
    /// case-insensitive automaton, which would also turn `00D` into the very common `00d`.
    Variants,
}

/// Salesforce context that must be near a match for context-dependent rules.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextSpec {
    /// Regexes; one of them must match within `radius` bytes of the secret.
    #[serde(default)]
    pub near: Vec<String>,
    /// How far around the secret `near` looks, in bytes.
    #[serde(default = "default_radius")]
    pub radius: usize,
    /// Path globs (matched against the file name and the whole path) that count as context.
    #[serde(default)]
    pub paths: Vec<String>,
    /// When the captured `key` matches this regex, no further context is needed.
    pub waived_by_key: Option<String>,
    /// With `paths`: a path match counts only inside a project that has one of these names in the
    /// file's directory or an ancestor of it (`sfdx-project.json`, `force-app`): `server.key` is a
    /// Salesforce JWT key in a Salesforce project and a TLS key everywhere else.
    #[serde(default)]
    pub project_markers: Vec<String>,
}

/// Conditions that need the whole scan, applied when it ends (see `correlate`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScanSpec {
    /// Keep findings only if a file of this name (case-insensitive) was seen in the same scan
    /// (Data Loader ciphertext matters only beside its `dataLoader.key`).
    pub requires_file: Option<String>,
    /// Raise findings to critical when the same scan has a finding of this rule (an encrypted CLI
    /// auth store is decryptable when its `key.json` leaked with it).
    pub raise_with_rule: Option<String>,
}

fn yes() -> bool {
    true
}

fn default_radius() -> usize {
    512
}

/// A positive or negative example: a line of text, optionally with the path it lives at (for rules
/// whose context includes the file kind) and the secret it must yield.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Example {
    Text(String),
    Located {
        text: String,
        #[serde(default)]
        path: Option<String>,
        #[serde(default)]
        secret: Option<String>,
    },
}

impl Example {
    pub fn text(&self) -> &str {
        match self {
            Example::Text(t) | Example::Located { text: t, .. } => t,
        }
    }
    pub fn path(&self) -> Option<&str> {
        match self {
            Example::Text(_) => None,
            Example::Located { path, .. } => path.as_deref(),
        }
    }
    pub fn secret(&self) -> Option<&str> {
        match self {
            Example::Text(_) => None,
            Example::Located { secret, .. } => secret.as_deref(),
        }
    }
}

/// How a rule finds its secrets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleKind {
    /// Its `regex`, in a window around each anchor hit.
    #[default]
    Regex,
    /// The context layer (`contextual`): the key an anchor belongs to says the value's `role`.
    Context,
}

/// Parses a regex character-class body such as `A-Za-z0-9_` (the rules' `not_preceded_by`,
/// `not_followed_by` and `anchor_not_followed_by`) into a byte table.
pub fn byte_class(class: &str) -> [bool; 256] {
    let mut t = [false; 256];
    let b = class.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if i + 2 < b.len() && b[i + 1] == b'-' {
            for c in b[i]..=b[i + 2] {
                t[c as usize] = true;
            }
            i += 3;
        } else {
            t[b[i] as usize] = true;
            i += 1;
        }
    }
    t
}

/// One rule as written in TOML.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    pub id: String,
    #[serde(default)]
    pub kind: RuleKind,
    /// For `kind = "context"`: the `[[role]]` whose values this rule reports.
    #[serde(default)]
    pub role: Option<String>,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub severity: Severity,
    pub confidence: Confidence,
    pub anchors: Vec<String>,
    #[serde(default)]
    pub anchor_case: AnchorCase,
    /// Also search the base64, UTF-16 and percent-encoded spellings of exact anchors (see `decode`).
    #[serde(default = "yes")]
    pub encoded_anchors: bool,
    /// Report at most one finding of this rule per file.
    #[serde(default)]
    pub once_per_file: bool,
    /// Whole-scan conditions.
    #[serde(default)]
    pub scan: ScanSpec,
    /// The regex after template expansion (see `expand_templates`); none for context rules.
    #[serde(default)]
    pub regex: String,
    /// Bytes before and after an anchor hit that the regex (or, for context rules, the key/value
    /// reader) may see.
    pub window: [usize; 2],
    /// Character class (regex class body, e.g. `A-Za-z0-9`) that must not touch the secret's start.
    #[serde(default)]
    pub not_preceded_by: String,
    /// Character class that must not touch the secret's end.
    #[serde(default)]
    pub not_followed_by: String,
    /// Character class that must not follow an anchor for the regex to be worth running: for a
    /// rule whose every match has its anchor end a key (`security_token=`), `A-Za-z0-9_` skips the
    /// anchor inside longer words (`token_count`, `tokenizer`) without running the regex over the
    /// window. A performance hint that must never change what the rule finds: the rule's examples
    /// are checked with it.
    #[serde(default)]
    pub anchor_not_followed_by: String,
    /// Shape checks by name; see `validate::Validator`.
    #[serde(default)]
    pub validators: Vec<String>,
    pub context: Option<ContextSpec>,
    #[serde(default)]
    pub remediation: String,
    #[serde(default)]
    pub examples: Vec<Example>,
    #[serde(default)]
    pub negative_examples: Vec<Example>,
}

/// Values published in documentation and fixtures; silent unless asked for.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnownExamples {
    /// A secret that contains one of these is a known example.
    #[serde(default)]
    pub values: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    #[serde(default)]
    rule: Vec<RuleSpec>,
    #[serde(default)]
    known_examples: Option<KnownExamples>,
    #[serde(default)]
    vocabulary: Option<super::vocabulary::WordLists>,
    #[serde(default)]
    role: Vec<super::vocabulary::RoleSpec>,
    #[serde(default)]
    vendor: Vec<super::vocabulary::VendorSpec>,
    #[serde(default)]
    context: Vec<super::vocabulary::ContextPatterns>,
    #[serde(default)]
    pair: Vec<super::vocabulary::PairSpec>,
    #[serde(default)]
    login_call: Vec<super::vocabulary::LoginCallSpec>,
    #[serde(default)]
    line_model: Option<super::learned::LineModelSpec>,
}

/// Every rule, the known-example list and the context layer's vocabulary, in load order.
#[derive(Debug, Clone, Default)]
pub struct RuleBook {
    pub rules: Vec<RuleSpec>,
    pub known_examples: KnownExamples,
    pub vocabulary: super::vocabulary::Vocabulary,
    pub pairs: Vec<super::vocabulary::PairSpec>,
    pub login_calls: Vec<super::vocabulary::LoginCallSpec>,
    /// The line model (see [`super::learned`]); a later file's replaces an earlier one's.
    pub line_model: Option<super::learned::ModelSource>,
}

/// The separator between a key and its value, on one line: `KEY=v`, `"key": "v"`, `'k' => 'v'`,
/// `key := "v"`, `key="v"`; Data Loader's `<entry key="k" value="v"/>`; and the `"key": "k",
/// "value": "v"` pairs of Postman environments (which may span lines). Keys may be padded to align
/// their separators (`terraform fmt`, YAML and properties files do), and may close a JSON string
/// that is itself escaped inside another string (`{\"password\":\"v\"}` in a JSON log line).
const ASSIGN: &str = r#"(?:\\?["']?\]?[ \t]{0,32}(?:=>|:=|=|:)[ \t]{0,16}|"?\s+value\s*=\s*|"\s*,\s*"value"\s*:\s*)"#;

/// Expands the templates a rule regex may use:
/// * `{{ASSIGN}}`: see [`ASSIGN`];
/// * `{{VALUE}}`: a double-quoted, single-quoted, escaped-double-quoted (`\"v\"`, a JSON string
///   inside a JSON string) or bare value, captured as `secretN`;
/// * `{{CONCAT}}`: two string literals joined with `+` (`"Hunter2!" + "pMud8…"`), captured as
///   `secretN` (the unescape step joins them).
///
/// Each use gets its own numbered group, because the regex crate forbids duplicate group names.
pub(crate) fn expand_templates(regex: &str) -> String {
    let mut out = regex.replace("{{ASSIGN}}", ASSIGN);
    let mut n = 0;
    loop {
        let (pos, len, text) = match (out.find("{{VALUE}}"), out.find("{{CONCAT}}")) {
            (Some(v), c) if c.is_none_or(|c| v < c) => {
                n += 1;
                let t = format!(
                    r#"(?:"(?P<secretq{n}>[^"\r\n]{{1,256}})"|'(?P<secreta{n}>[^'\r\n]{{1,256}})'|\\"(?P<secretj{n}>[^"\\\r\n]{{1,256}})\\"|(?P<secretb{n}>[^\s"'<>&,;)\]}}`]{{1,256}}))"#
                );
                (v, "{{VALUE}}".len(), t)
            }
            (_, Some(c)) => {
                n += 1;
                let t = format!(
                    r#"(?P<secretc{n}>"[^"\r\n]{{1,64}}"\s*\+\s*"[A-Za-z0-9]{{24,25}}"|'[^'\r\n]{{1,64}}'\s*\+\s*'[A-Za-z0-9]{{24,25}}')"#
                );
                (c, "{{CONCAT}}".len(), t)
            }
            _ => break,
        };
        out.replace_range(pos..pos + len, &text);
    }
    out
}

/// Largest `window` side and context `radius` a rule may ask for, in bytes. Streams keep this much
/// text around every block and every anchor hit runs its regex over it, so an unbounded value in a
/// user's rule file would make memory and time per hit unbounded (a window of 10^11 bytes aborted
/// the scan on allocation). The built-in rules need at most 12,400.
pub(crate) const MAX_WINDOW: usize = 64 * 1024;

impl RuleSpec {
    /// The spellings of one of this rule's anchors that are looked for: the anchor itself, and
    /// with [`AnchorCase::Variants`] its lower-case, UPPER-case, Capitalised and Pascal-case forms
    /// (`securityKey` is also written `SecurityKey`).
    pub fn spellings(&self, anchor: &str) -> Vec<String> {
        if self.anchor_case == AnchorCase::Exact {
            return vec![anchor.to_string()];
        }
        let mut cap = anchor.to_ascii_lowercase();
        if let Some(f) = cap.get_mut(0..1) {
            f.make_ascii_uppercase();
        }
        let mut pascal = anchor.to_string();
        if let Some(f) = pascal.get_mut(0..1) {
            f.make_ascii_uppercase();
        }
        let mut v = vec![anchor.to_string(), anchor.to_ascii_lowercase(), anchor.to_ascii_uppercase(), cap, pascal];
        v.sort();
        v.dedup();
        v
    }
}

impl RuleBook {
    /// The rules built into the binary.
    pub fn builtin() -> RuleBook {
        let mut book = RuleBook::default();
        for (name, text) in EMBEDDED_RULES {
            // (The built-in line model is read when first needed: see `learned::ModelSource`.)
            if *name == super::learned::BUILTIN_FILE {
                book.line_model = Some(super::learned::ModelSource::Builtin(text));
                continue;
            }
            book.add_toml(name, text).unwrap_or_else(|e| panic!("built-in rule file {name} is invalid: {e:#}"));
        }
        book
    }

    /// Adds the rules of one TOML document. Ids must be unique across the book.
    pub fn add_toml(&mut self, name: &str, text: &str) -> crate::error::Result<()> {
        self.add_toml_inner(name, text).map_err(|e| crate::error::Error::Rules(format!("{e:#}")))
    }

    fn add_toml_inner(&mut self, name: &str, text: &str) -> Result<()> {
        let file: RuleFile = toml::from_str(text).with_context(|| format!("{name}: not a valid rule file"))?;
        for mut rule in file.rule {
            if self.rules.iter().any(|r| r.id == rule.id) {
                bail!("{name}: rule id `{}` is defined twice", rule.id);
            }
            if rule.anchors.is_empty() || rule.anchors.iter().any(|a| a.is_empty()) {
                bail!("{name}: rule `{}` needs at least one non-empty anchor", rule.id);
            }
            let radius = rule.context.as_ref().map_or(0, |c| c.radius);
            if rule.window.iter().chain([&radius]).any(|&w| w > MAX_WINDOW) {
                bail!("{name}: rule `{}`: window and context radius are at most {MAX_WINDOW} bytes", rule.id);
            }
            match rule.kind {
                RuleKind::Regex if rule.regex.is_empty() => bail!("{name}: rule `{}` needs a regex", rule.id),
                RuleKind::Context if rule.role.is_none() => bail!("{name}: context rule `{}` needs a role", rule.id),
                _ => {}
            }
            rule.regex = expand_templates(&rule.regex);
            self.rules.push(rule);
        }
        if let Some(k) = file.known_examples {
            self.known_examples.values.extend(k.values);
        }
        // Vocabulary adds up: a user's file can add a spelling to a built-in role or vendor, or a
        // library to the Salesforce context, by naming the same id.
        let v = &mut self.vocabulary;
        if let Some(w) = file.vocabulary {
            v.lists.noise.extend(w.noise);
            v.lists.not_credential.extend(w.not_credential);
            v.lists.neutral.extend(w.neutral);
            v.lists.not_in_path.extend(w.not_in_path);
            v.lists.declarations.extend(w.declarations);
            v.lists.system_keys.extend(w.system_keys);
            v.lists.host_keys.extend(w.host_keys);
            v.lists.database_keys.extend(w.database_keys);
            v.lists.holders.extend(w.holders);
            v.lists.environments.extend(w.environments);
            v.lists.stores.extend(w.stores);
            v.lists.system_columns.extend(w.system_columns);
            v.lists.person_columns.extend(w.person_columns);
        }
        for r in file.role {
            match v.roles.iter_mut().find(|x| x.id == r.id) {
                Some(x) => {
                    x.words.extend(r.words);
                    x.vendor_words.extend(r.vendor_words);
                }
                None => v.roles.push(r),
            }
        }
        for d in file.vendor {
            match v.vendors.iter_mut().find(|x| x.id == d.id) {
                Some(x) => {
                    x.words.extend(d.words);
                    x.prefixes.extend(d.prefixes);
                }
                None => v.vendors.push(d),
            }
        }
        v.context.extend(file.context);
        self.pairs.extend(file.pair);
        self.login_calls.extend(file.login_call);
        if let Some(m) = file.line_model {
            self.line_model = Some(super::learned::ModelSource::Spec(m));
        }
        Ok(())
    }

    /// Adds a user rule file from disk.
    pub fn add_file(&mut self, path: &std::path::Path) -> crate::error::Result<()> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| crate::error::Error::Rules(format!("cannot read rule file {}: {e}", path.display())))?;
        self.add_toml(&path.display().to_string(), &text)
    }

    /// Every rule's id, title, severity, confidence, anchors, description and remediation, as a
    /// pretty-printed JSON array (`forcescan rules list --json`).
    pub fn listing_json(&self) -> String {
        let v: Vec<_> = self
            .rules
            .iter()
            .map(|r| {
                serde_json::json!({"id": r.id, "title": r.title, "severity": r.severity, "confidence": r.confidence,
                    "anchors": r.anchors, "description": r.description, "remediation": r.remediation})
            })
            .collect();
        serde_json::to_string_pretty(&v).unwrap_or_default()
    }

    /// The rule with this id.
    pub fn find(&self, id: &str) -> Option<&RuleSpec> {
        self.rules.iter().find(|r| r.id == id)
    }
}

/// A one-rule TOML file for tests: rule `id` with one anchor, a regex (whose `secret` group is
/// the finding) and a window, plus `extra` lines (context tables and the like).
#[cfg(test)]
pub(crate) fn test_rule_toml(id: &str, anchor: &str, regex: &str, window: &str, extra: &str) -> String {
    format!(
        "[[rule]]\nid = {id:?}\ntitle = \"t\"\nseverity = \"low\"\nconfidence = \"low\"\nanchors = [{anchor:?}]\n\
         regex = '{regex}'\nwindow = {window}\n{extra}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_load_with_unique_ids() {
        let book = RuleBook::builtin();
        let mut ids: Vec<_> = book.rules.iter().map(|r| r.id.as_str()).collect();
        assert!(ids.len() >= 7);
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), book.rules.len());
        assert!(!book.known_examples.values.is_empty());
    }

    #[test]
    fn class_tables() {
        let t = byte_class("A-Za-z0-9_");
        assert!(t[b'a' as usize] && t[b'Z' as usize] && t[b'_' as usize] && t[b'5' as usize]);
        assert!(!t[b'.' as usize] && !t[b'-' as usize]);
    }

    #[test]
    fn variants_cover_common_casings() {
        let book = RuleBook::builtin();
        let password = book.find("salesforce-password").expect("built in");
        assert_eq!(password.spellings("password"), vec!["PASSWORD", "Password", "password"]);
        assert_eq!(
            password.spellings("securityKey"),
            vec!["SECURITYKEY", "SecurityKey", "Securitykey", "securityKey", "securitykey"]
        );
        let exact = book.find("salesforce-refresh-token").expect("built in");
        assert_eq!(exact.spellings("5Aep861"), vec!["5Aep861"]);
    }

    #[test]
    fn value_template_numbers_groups() {
        let r = expand_templates("a{{VALUE}}b{{VALUE}}");
        assert!(r.contains("secretq1") && r.contains("secretb2"));
        assert!(!r.contains("{{"));
    }

    #[test]
    fn windows_and_radii_beyond_the_cap_are_rejected() {
        let rule = |window: &str, context: &str| test_rule_toml("w", "x", "(?P<secret>x)", window, context);
        let ok = rule(&format!("[{MAX_WINDOW}, {MAX_WINDOW}]"), &format!("[rule.context]\nradius = {MAX_WINDOW}\n"));
        assert!(RuleBook::default().add_toml("ok.toml", &ok).is_ok());
        for bad in [
            rule("[9223372036854775807, 40]", ""),
            rule(&format!("[0, {}]", MAX_WINDOW + 1), ""),
            rule("[0, 40]", "[rule.context]\nradius = 100000000000\n"),
        ] {
            let err = RuleBook::default().add_toml("user.toml", &bad).unwrap_err().to_string();
            assert_eq!(err, "user.toml: rule `w`: window and context radius are at most 65536 bytes");
        }
    }

    #[test]
    fn duplicate_ids_are_rejected() {
        let mut book = RuleBook::builtin();
        let dup = test_rule_toml("salesforce-access-token", "x", "(?P<secret>x)", "[0, 1]", "");
        let err = book.add_toml("user.toml", &dup).unwrap_err().to_string();
        assert!(err.contains("defined twice"), "{err}");
    }
}
