//! The matcher: one Aho-Corasick automaton over every rule's anchors finds candidate positions, and
//! only there does the owning rule's regex run, inside a small window. No regex ever runs over a
//! whole buffer, so throughput is set by the literal prefilter (SIMD Teddy for small anchor sets),
//! not by the regexes.
//!
//! Regexes, context regexes and path globs are compiled on first use: a git hook that scans a few
//! kilobytes with no anchor in them never compiles a regex at all.
//!
//! A `scan` call looks for anchors that *start* inside `accept`, but windows may read the whole
//! buffer. Callers that split a buffer into chunks pass each chunk as `accept` and the full buffer
//! as `buf`, which makes every secret found exactly once with no chunk overlap at all; streaming
//! callers keep [`Matcher::keep_before`] + [`Matcher::keep_after`] bytes of context (see `engine`).

use crate::rules::{AnchorCase, KnownExamples, RuleBook, RuleSpec};
use crate::unescape::normalize;
use crate::validate::{is_known_example, is_placeholder, Validator};
use aho_corasick::{AhoCorasick, Input, MatchKind};
use anyhow::{anyhow, Context as _, Result};
use globset::{Glob, GlobSet, GlobSetBuilder};
use regex::bytes::{Regex, RegexBuilder};
use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

/// A confirmed candidate in one buffer: byte span of the secret as written, and its normalised value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub rule: usize,
    pub start: usize,
    pub end: usize,
    pub value: Vec<u8>,
    pub org: Option<String>,
    pub known_example: bool,
}

/// Per-rule lazily compiled parts.
struct Compiled {
    regex: Regex,
    secret_groups: Vec<usize>,
    key_group: Option<usize>,
    org_group: Option<usize>,
    near: Vec<Regex>,
    waiver: Option<Regex>,
    paths: Option<GlobSet>,
}

pub struct CompiledRule {
    pub spec: RuleSpec,
    validators: Vec<Validator>,
    not_before: [bool; 256],
    not_after: [bool; 256],
    compiled: OnceLock<Result<Compiled, String>>,
}

/// Parses a regex character-class body such as `A-Za-z0-9_` into a byte table.
fn class_table(class: &str) -> [bool; 256] {
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

fn build_regex(re: &str) -> Result<Regex> {
    RegexBuilder::new(re).unicode(false).size_limit(1 << 22).build().map_err(|e| anyhow!("{e}"))
}

impl CompiledRule {
    fn new(spec: RuleSpec) -> Result<CompiledRule> {
        let validators = spec
            .validators
            .iter()
            .map(|n| {
                Validator::parse(n).ok_or_else(|| {
                    anyhow!("rule `{}`: unknown validator `{n}` (known: {})", spec.id, Validator::NAMES.join(", "))
                })
            })
            .collect::<Result<_>>()?;
        Ok(CompiledRule {
            not_before: class_table(&spec.not_preceded_by),
            not_after: class_table(&spec.not_followed_by),
            validators,
            spec,
            compiled: OnceLock::new(),
        })
    }

    fn compile(spec: &RuleSpec) -> Result<Compiled> {
        let regex = build_regex(&spec.regex).with_context(|| format!("rule `{}`: bad regex", spec.id))?;
        let names: Vec<(usize, &str)> =
            regex.capture_names().enumerate().filter_map(|(i, n)| n.map(|n| (i, n))).collect();
        let secret_groups: Vec<usize> =
            names.iter().filter(|(_, n)| n.starts_with("secret")).map(|&(i, _)| i).collect();
        if secret_groups.is_empty() {
            return Err(anyhow!("rule `{}`: regex has no `secret` capture group", spec.id));
        }
        let group = |want: &str| names.iter().find(|(_, n)| *n == want).map(|&(i, _)| i);
        let (mut near, mut waiver, mut paths) = (Vec::new(), None, None);
        if let Some(ctx) = &spec.context {
            for n in &ctx.near {
                near.push(build_regex(n).with_context(|| format!("rule `{}`: bad context regex", spec.id))?);
            }
            if let Some(w) = &ctx.waived_by_key {
                waiver = Some(build_regex(w).with_context(|| format!("rule `{}`: bad waived_by_key", spec.id))?);
            }
            if !ctx.paths.is_empty() {
                let mut b = GlobSetBuilder::new();
                for p in &ctx.paths {
                    b.add(Glob::new(p).with_context(|| format!("rule `{}`: bad path glob `{p}`", spec.id))?);
                }
                paths = Some(b.build()?);
            }
        }
        Ok(Compiled { key_group: group("key"), org_group: group("org"), regex, secret_groups, near, waiver, paths })
    }

    fn compiled(&self) -> Option<&Compiled> {
        self.compiled.get_or_init(|| Self::compile(&self.spec).map_err(|e| format!("{e:#}"))).as_ref().ok()
    }

    /// Compiles now and reports errors (used for user rule files and `rules check`).
    pub fn check_compiles(&self) -> Result<()> {
        match self.compiled.get_or_init(|| Self::compile(&self.spec).map_err(|e| format!("{e:#}"))) {
            Ok(_) => Ok(()),
            Err(e) => Err(anyhow!("{e}")),
        }
    }
}

/// The compiled rule set.
pub struct Matcher {
    pub rules: Vec<CompiledRule>,
    known: KnownExamples,
    ac: AhoCorasick,
    /// Automaton pattern id → (rule, offset of that rule's anchor inside the pattern).
    pattern_rules: Vec<Vec<(usize, usize)>>,
    longest_anchor: usize,
    before: usize,
    after: usize,
}

fn variants(word: &str) -> Vec<String> {
    let mut cap = word.to_ascii_lowercase();
    if let Some(f) = cap.get_mut(0..1) {
        f.make_ascii_uppercase();
    }
    let mut v = vec![word.to_string(), word.to_ascii_lowercase(), word.to_ascii_uppercase(), cap];
    v.sort();
    v.dedup();
    v
}

impl Matcher {
    pub fn new(book: &RuleBook) -> Result<Matcher> {
        let rules: Vec<CompiledRule> = book.rules.iter().cloned().map(CompiledRule::new).collect::<Result<_>>()?;
        // Every distinct anchor string and the rules that own it.
        let mut owners: Vec<(String, Vec<usize>)> = Vec::new();
        for (ri, r) in rules.iter().enumerate() {
            for a in &r.spec.anchors {
                let forms = match r.spec.anchor_case {
                    AnchorCase::Exact => vec![a.clone()],
                    AnchorCase::Variants => variants(a),
                };
                for f in forms {
                    match owners.iter_mut().find(|(p, _)| *p == f) {
                        Some((_, rs)) if !rs.contains(&ri) => rs.push(ri),
                        Some(_) => {}
                        None => owners.push((f, vec![ri])),
                    }
                }
            }
        }
        // Leftmost-first search keeps the SIMD prefilter (an overlapping search measured ~30x slower
        // on logs), but reports one anchor where several overlap. Longest anchors go first, and a hit
        // also runs the rules of every shorter anchor inside it, at that anchor's offset, so an
        // anchor hidden inside another (`token` in a user's `sf_token`) still triggers its rules.
        owners.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        let patterns: Vec<&str> = owners.iter().map(|(p, _)| p.as_str()).collect();
        let pattern_rules: Vec<Vec<(usize, usize)>> = owners
            .iter()
            .map(|(p, _)| {
                let mut v = Vec::new();
                for (q, rs) in &owners {
                    for (off, _) in p.match_indices(q.as_str()) {
                        v.extend(rs.iter().map(|&r| (r, off)));
                    }
                }
                v.sort_unstable();
                v.dedup();
                v
            })
            .collect();
        let ac = AhoCorasick::builder().match_kind(MatchKind::LeftmostFirst).build(&patterns)?;
        let ctx_radius = |r: &CompiledRule| r.spec.context.as_ref().map_or(0, |c| c.radius);
        let before = rules.iter().map(|r| r.spec.window[0].max(ctx_radius(r)) + 1).max().unwrap_or(0);
        let after = rules.iter().map(|r| r.spec.window[1].max(ctx_radius(r)) + 1).max().unwrap_or(0);
        Ok(Matcher {
            longest_anchor: owners.first().map_or(0, |(p, _)| p.len()),
            rules,
            known: book.known_examples.clone(),
            ac,
            pattern_rules,
            before,
            after,
        })
    }

    /// Bytes before an anchor that a rule may need (window or context radius).
    pub fn keep_before(&self) -> usize {
        self.before
    }
    /// Bytes after an anchor that a rule may need.
    pub fn keep_after(&self) -> usize {
        self.after + self.longest_anchor
    }

    /// Compiles every rule now; the first error names the rule.
    pub fn check_compiles(&self) -> Result<()> {
        self.rules.iter().try_for_each(|r| r.check_compiles())
    }

    /// Finds the secrets whose anchors start in `accept`, appending them to `out` (unsorted, possibly
    /// with duplicates; see [`dedupe`]). `path` is used by rules whose context includes the file kind.
    pub fn scan(&self, buf: &[u8], accept: Range<usize>, path: Option<&Path>, out: &mut Vec<Match>) {
        let end = accept.end.min(buf.len());
        if accept.start >= end {
            return;
        }
        let search_end = (end + self.longest_anchor.saturating_sub(1)).min(buf.len());
        for hit in self.ac.find_iter(Input::new(buf).range(accept.start..search_end)) {
            if hit.start() >= end {
                break;
            }
            for &(ri, off) in &self.pattern_rules[hit.pattern().as_usize()] {
                self.confirm(ri, buf, hit.start() + off, path, out);
            }
        }
    }

    /// Runs rule `ri`'s regex in the window around an anchor at `at`.
    fn confirm(&self, ri: usize, buf: &[u8], at: usize, path: Option<&Path>, out: &mut Vec<Match>) {
        let rule = &self.rules[ri];
        let Some(c) = rule.compiled() else { return };
        let ws = at.saturating_sub(rule.spec.window[0]);
        let we = (at + rule.spec.window[1]).min(buf.len());
        let window = &buf[ws..we];
        let rel = at - ws;
        for caps in c.regex.captures_iter(window) {
            let m = caps.get(0).expect("group 0");
            if m.start() > rel {
                break;
            }
            if m.end() <= rel {
                continue;
            }
            let Some(sm) = c.secret_groups.iter().find_map(|&g| caps.get(g)) else {
                continue;
            };
            let (s, e) = (ws + sm.start(), ws + sm.end());
            if (s > 0 && rule.not_before[buf[s - 1] as usize]) || (e < buf.len() && rule.not_after[buf[e] as usize]) {
                continue;
            }
            let value = normalize(&buf[s..e]);
            if is_placeholder(&value) || !rule.validators.iter().all(|v| v.check(&value)) {
                continue;
            }
            if rule.spec.context.is_some() {
                let key = c.key_group.and_then(|g| caps.get(g)).map(|k| k.as_bytes());
                if !self.has_context(rule, c, buf, s, e, key, path) {
                    continue;
                }
            }
            let org = match c.org_group.and_then(|g| caps.get(g)) {
                Some(o) => Some(String::from_utf8_lossy(o.as_bytes()).into_owned()),
                None if value.starts_with(b"00D") && value.len() >= 15 => {
                    Some(String::from_utf8_lossy(&value[..15]).into_owned())
                }
                None => None,
            };
            out.push(Match {
                rule: ri,
                start: s,
                end: e,
                known_example: is_known_example(&value, &self.known),
                value: value.into_owned(),
                org,
            });
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn has_context(
        &self,
        rule: &CompiledRule,
        c: &Compiled,
        buf: &[u8],
        s: usize,
        e: usize,
        key: Option<&[u8]>,
        path: Option<&Path>,
    ) -> bool {
        if let (Some(w), Some(k)) = (&c.waiver, key) {
            if w.is_match(k) {
                return true;
            }
        }
        if let (Some(g), Some(p)) = (&c.paths, path) {
            if g.is_match(p) || p.file_name().is_some_and(|f| g.is_match(f)) {
                return true;
            }
        }
        let radius = rule.spec.context.as_ref().map_or(0, |x| x.radius);
        let around = &buf[s.saturating_sub(radius)..(e + radius).min(buf.len())];
        c.near.iter().any(|r| r.is_match(around))
    }
}

/// Sorts matches by position and removes duplicates (the same secret reached from two anchors) and
/// matches that lie inside another rule's match (the refresh token inside an SFDX auth URL).
pub fn dedupe(ms: &mut Vec<Match>) {
    dedupe_by(ms, |m| (m.rule, m.start, m.end));
}

/// [`dedupe`] for anything that carries a match; `key` gives (rule, start, end).
pub fn dedupe_by<T>(ms: &mut Vec<T>, key: impl Fn(&T) -> (usize, usize, usize)) {
    ms.sort_by(|a, b| {
        let (ra, sa, ea) = key(a);
        let (rb, sb, eb) = key(b);
        sa.cmp(&sb).then(eb.cmp(&ea)).then(ra.cmp(&rb))
    });
    ms.dedup_by(|b, a| key(a) == key(b));
    let mut container: Option<(usize, usize)> = None;
    ms.retain(|m| {
        let (_, s, e) = key(m);
        if let Some((cs, ce)) = container {
            if e <= ce && (s, e) != (cs, ce) {
                return false;
            }
        }
        if container.is_none_or(|(_, ce)| e > ce) {
            container = Some((s, e));
        }
        true
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Vec<(String, String)> {
        let book = RuleBook::builtin();
        let m = Matcher::new(&book).unwrap();
        let mut out = Vec::new();
        m.scan(text.as_bytes(), 0..text.len(), None, &mut out);
        dedupe(&mut out);
        out.iter().map(|x| (m.rules[x.rule].spec.id.clone(), text[x.start..x.end].to_string())).collect()
    }

    #[test]
    fn auth_url_hides_its_refresh_token() {
        let t = "x force://PlatformCLI::5Aep861w6mF8u9oiqaNs0Gc4LtWa4pmDP4iXJ44MG508LOvndABLZCPvmDXqQYAMWHS5FwMezMv3q4W_hNeRM0C@acme.my.salesforce.com y";
        let f = find(t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "salesforce-sfdx-auth-url");
    }

    #[test]
    fn an_anchor_inside_a_longer_anchor_still_triggers_its_rules() {
        let mut book = RuleBook::builtin();
        book.add_toml(
            "user.toml",
            r#"
[[rule]]
id = "user-client-secret-param"
title = "t"
severity = "low"
confidence = "low"
anchors = ["client_secret="]
regex = '(?P<secret>client_secret=[0-9A-F]{64})'
window = [0, 90]
"#,
        )
        .unwrap();
        let m = Matcher::new(&book).unwrap();
        let text = "POST https://login.salesforce.com/services/oauth2/token client_secret=FFD1AB68BC20DE11F4FC3B3837D7686E031FB5C46959D9DDD62CCB6F8A7A2685";
        let mut out = Vec::new();
        m.scan(text.as_bytes(), 0..text.len(), None, &mut out);
        let mut ids: Vec<&str> = out.iter().map(|x| m.rules[x.rule].spec.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids, vec!["salesforce-consumer-secret", "user-client-secret-param"]);
    }

    #[test]
    fn class_tables() {
        let t = class_table("A-Za-z0-9_");
        assert!(t[b'a' as usize] && t[b'Z' as usize] && t[b'_' as usize] && t[b'5' as usize]);
        assert!(!t[b'.' as usize] && !t[b'-' as usize]);
    }

    #[test]
    fn variants_cover_common_casings() {
        assert_eq!(variants("password"), vec!["PASSWORD", "Password", "password"]);
    }
}
