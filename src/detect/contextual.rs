//! The context layer: credentials with no prefix (passwords, security tokens, consumer secrets
//! and their pairs), found by their key and their surroundings rather than by their shape.
//!
//! At an anchor hit (`pass`, `pwd`, `secret`, `token`, `login(`), [`keyvalue`] finds the key the
//! word belongs to and the key's value; the [`vocabulary`] reads the key's role and vendor; the
//! value is judged for that role ([`plausible`]); and the Salesforce context is looked for in the
//! key's path and around the value ([`scope`]). A candidate that passes becomes a provisional
//! finding carrying a [`Pending`] note. When the whole unit (file, stream, blob) has been read,
//! [`resolve`] settles each one: a candidate whose key and neighbourhood name no vendor is kept only
//! if its file is Salesforce's; a password and a security token of one login become one
//! `salesforce-password-with-token` finding with both locations, a consumer secret and its key one
//! `salesforce-client-credentials` finding; and every finding says why (its [`Evidence`]).
//!
//! [`keyvalue`]: super::keyvalue
//! [`vocabulary`]: super::vocabulary
//! [`plausible`]: super::plausible
//! [`scope`]: super::scope

use super::finding::{Evidence, Finding, Related};
use super::keyvalue::{self, Form, Pair};
use super::plausible::{self, Check, Verdict};
use super::rules::{Confidence, RuleBook};
use super::scope::{Hit, Scope};
use super::vocabulary::{Vocabulary, SALESFORCE};
use std::ops::Range;
use std::path::Path;

/// Why a candidate is a Salesforce credential, as far as its own surroundings tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// Its key or a parent key names Salesforce.
    Key(String),
    /// Salesforce context near it, this many lines from it.
    Near(Hit, i64),
}

/// What a provisional finding of the context layer carries until its unit is settled.
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub(crate) role: usize,
    pub(crate) key: String,
    pub(crate) path: String,
    pub(crate) why: Option<Why>,
    pub(crate) form: Form,
    /// Values of one block (same parent keys, or one table row, or one call) belong together.
    pub(crate) block: Option<String>,
    pub(crate) row: Option<usize>,
    pub(crate) verdict: Verdict,
}

/// A pair of roles that make one credential (`[[pair]]` in TOML).
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairSpec {
    /// The rule the pair is reported as.
    pub rule: String,
    /// The role reported (its location is the finding's) and its partner (a related location).
    pub roles: [String; 2],
}

/// The compiled layer.
pub(crate) struct Layer {
    pub(crate) vocab: Vocabulary,
    pub(crate) scope: Scope,
    checks: Vec<Option<Check>>,
    /// Role → the rule its candidates are reported under (a context rule naming the role, else the
    /// rule of a pair the role is part of, for partners that are never reported alone).
    role_rule: Vec<Option<usize>>,
    /// Roles that are only ever a partner (consumer key, username).
    support: Vec<bool>,
    /// (rule, reported role, partner role).
    pairs: Vec<(usize, usize, usize)>,
    password: Option<usize>,
}

/// Source files, where an unquoted value is an expression rather than a literal.
fn is_code(path: Option<&Path>) -> bool {
    const CODE: &[&str] = &[
        "py", "js", "mjs", "cjs", "ts", "tsx", "jsx", "rb", "go", "java", "kt", "kts", "scala", "cs", "vb", "php",
        "pl", "pm", "r", "ps1", "psm1", "swift", "m", "gs", "groovy", "dart", "rs", "c", "cc", "cpp", "h", "hpp",
        "lua", "ex", "exs", "cls", "trigger", "apex",
    ];
    path.and_then(|p| p.extension()).and_then(|e| e.to_str()).is_some_and(|e| CODE.iter().any(|c| e.eq_ignore_ascii_case(c)))
}

impl Layer {
    /// Builds the layer from the book's vocabulary and the rules of `kind = "context"` (their
    /// indices in `rule_ids`).
    pub(crate) fn new(book: &RuleBook) -> anyhow::Result<Option<Layer>> {
        let vocab = book.vocabulary.clone();
        if vocab.roles.is_empty() {
            return Ok(None);
        }
        let index = |id: &str| book.rules.iter().position(|r| r.id == id);
        let role_of = |id: &str| vocab.role(id);
        let mut checks = Vec::new();
        for r in &vocab.roles {
            let c = Check::parse(&r.value).ok_or_else(|| {
                anyhow::anyhow!("role `{}`: unknown value check `{}` (known: {})", r.id, r.value, Check::NAMES.join(", "))
            })?;
            checks.push(Some(c));
        }
        let mut role_rule: Vec<Option<usize>> = vec![None; vocab.roles.len()];
        for (ri, r) in book.rules.iter().enumerate() {
            if let Some(role) = &r.role {
                let i = role_of(role).ok_or_else(|| anyhow::anyhow!("rule `{}`: unknown role `{role}`", r.id))?;
                role_rule[i] = Some(ri);
            }
        }
        let mut support = vec![false; vocab.roles.len()];
        let mut pairs = Vec::new();
        for p in &book.pairs {
            let rule = index(&p.rule).ok_or_else(|| anyhow::anyhow!("pair: unknown rule `{}`", p.rule))?;
            let a = role_of(&p.roles[0]).ok_or_else(|| anyhow::anyhow!("pair: unknown role `{}`", p.roles[0]))?;
            let b = role_of(&p.roles[1]).ok_or_else(|| anyhow::anyhow!("pair: unknown role `{}`", p.roles[1]))?;
            for r in [a, b] {
                if role_rule[r].is_none() {
                    role_rule[r] = Some(rule);
                    support[r] = true;
                }
            }
            pairs.push((rule, a, b));
        }
        let username = role_of("username");
        if let Some(u) = username {
            if role_rule[u].is_none() {
                role_rule[u] = pairs.first().map(|p| p.0);
                support[u] = true;
            }
        }
        Ok(Some(Layer {
            scope: Scope::new(&vocab.context),
            password: role_of("password"),
            checks,
            role_rule,
            support,
            pairs,
            vocab,
        }))
    }

    /// The candidates an anchor hit at `at..at + len` yields: (rule, value span, normalised value,
    /// note).
    pub(crate) fn candidates(&self, buf: &[u8], at: usize, len: usize, path: Option<&Path>) -> Vec<Candidate> {
        let code = is_code(path);
        let pairs: Vec<Pair> = if buf[at..at + len].ends_with(b"(") {
            login_call(buf, at + len)
        } else if buf[at..].starts_with(b"3MVG9") {
            keyvalue::pair_before(buf, at).into_iter().collect()
        } else {
            keyvalue::extract(buf, at, len)
        };
        let mut out = Vec::new();
        for p in pairs {
            // Cheap rejections first (masks, references, empty values): a keyword-dense log has
            // an anchor on every line and a value on none.
            let mut raw = buf[p.value.clone()].to_vec();
            if let Some(j) = &p.joined {
                raw.extend_from_slice(&buf[j.clone()]);
            }
            let value = normalize(&raw);
            if plausible::not_a_value(&value, p.quoted, code && !matches!(p.form, Form::Table | Form::Prose)) {
                continue;
            }
            // The vendor of the nearest parent key that names one.
            let path_words: Vec<Vec<String>> = p.path.iter().map(|s| self.vocab.words(s)).collect();
            let path_vendor = path_words.iter().rev().find_map(|w| self.vocab.vendor_of(w));
            let Some((key, reading)) = self.read_key(buf, &p, path_vendor == Some(SALESFORCE)) else { continue };
            let role = reading.role;
            let (Some(rule), Some(check)) = (self.role_rule[role], self.checks[role]) else { continue };
            let verdict = plausible::judge(check, &value);
            if verdict == Verdict::No {
                continue;
            }
            // The vendor: the key's own, else its nearest parent's.
            let vendor = reading
                .vendor
                .clone()
                .or_else(|| path_words.iter().rev().find_map(|w| self.vocab.vendor_of(w)).map(str::to_string));
            let why = match vendor.as_deref() {
                Some(SALESFORCE) => Some(Why::Key(if reading.vendor.is_some() { key.clone() } else { p.path.join(" > ") })),
                Some(_) => continue,
                None => self.scope.near(buf, p.value.clone()).map(|h| {
                    let (a, b) = if h.offset < p.value.start { (h.offset, p.value.start) } else { (p.value.start, h.offset) };
                    let lines = memchr::memchr_iter(b'\n', &buf[a..b]).count() as i64;
                    let delta = if h.offset < p.value.start { -lines } else { lines };
                    Why::Near(h, delta)
                }),
            };
            let block = (!p.path.is_empty()).then(|| p.path.join("\u{1f}"));
            let span = match &p.joined {
                Some(j) => p.value.start..j.end,
                None => p.value.clone(),
            };
            out.push(Candidate {
                rule,
                span,
                value,
                pending: Pending {
                    role,
                    key,
                    path: p.path.join(" > "),
                    why,
                    form: p.form,
                    block,
                    row: p.row,
                    verdict,
                },
            });
        }
        out
    }

    /// The key's reading; for a one-word key in text (`Token`), the words before it on its line
    /// are tried first (`Security Token`, `sec token`).
    fn read_key(&self, buf: &[u8], p: &Pair, sf_path: bool) -> Option<(String, super::vocabulary::Reading)> {
        let key = sql_alias_dropped(buf, p);
        if !matches!(p.form, Form::NameValue | Form::Table) && p.key_start > 0 {
            let ls = memchr::memrchr(b'\n', &buf[..p.key_start]).map_or(0, |i| i + 1);
            let before = String::from_utf8_lossy(&buf[ls..p.key_start]);
            if before.ends_with(' ') || before.ends_with('_') {
                let words: Vec<&str> = before.split([' ', '"', '\'', '\t', '(', ',']).filter(|w| !w.is_empty()).collect();
                for n in [2usize, 1] {
                    if words.len() >= n && words[words.len() - n..].iter().all(|w| w.bytes().all(|b| b.is_ascii_alphabetic())) {
                        let k = format!("{} {}", words[words.len() - n..].join(" "), key);
                        if let Some(r) = self.vocab.read(&k, sf_path) {
                            // Only when the words change the reading (`Security Token`, not `my password`).
                            if self.vocab.read(&key, sf_path).is_none_or(|alone| alone.role != r.role) {
                                return Some((k, r));
                            }
                        }
                    }
                }
            }
        }
        self.vocab.read(&key, sf_path).map(|r| (key.clone(), r))
    }

    /// Whether a role is only a partner, never reported alone.
    pub(crate) fn is_support(&self, role: usize) -> bool {
        self.support[role]
    }
}

/// The key, without a table alias in an SQL statement (`UPDATE staff sf SET sf.password = …`:
/// `sf` is the table there, not Salesforce).
fn sql_alias_dropped(buf: &[u8], p: &Pair) -> String {
    let Some(dot) = p.key.rfind('.') else { return p.key.clone() };
    let ls = memchr::memrchr(b'\n', &buf[..p.key_start]).map_or(0, |i| i + 1);
    let le = memchr::memchr(b'\n', &buf[p.key_start..]).map_or(buf.len(), |i| p.key_start + i);
    let line = buf[ls..le].to_ascii_uppercase();
    let sql = [&b"UPDATE "[..], b" SET ", b"SELECT ", b" WHERE ", b" FROM ", b"INSERT "]
        .iter()
        .filter(|w| memchr::memmem::find(&line, w).is_some())
        .count()
        >= 2;
    if sql {
        p.key[dot + 1..].to_string()
    } else {
        p.key.clone()
    }
}

/// A candidate at an anchor hit.
pub(crate) struct Candidate {
    pub rule: usize,
    pub span: Range<usize>,
    pub value: Vec<u8>,
    pub pending: Pending,
}

/// The value a user would paste: escapes undone, percent-encoding undone twice (a URL inside a
/// URL's parameter).
fn normalize(raw: &[u8]) -> Vec<u8> {
    let once = super::unescape::normalize(raw).into_owned();
    if once.windows(3).any(|w| w[0] == b'%' && w[1].is_ascii_hexdigit() && w[2].is_ascii_hexdigit()) {
        super::unescape::normalize(&once).into_owned()
    } else {
        once
    }
}

/// `login(user, "password" + "token")`, `login(user, "password", "token")`: the literal arguments
/// as a password (maybe with its token appended) and a token, one call's values.
fn login_call(buf: &[u8], paren: usize) -> Vec<Pair> {
    let args = keyvalue::call_args(buf, paren);
    let mut out = Vec::new();
    for (i, key) in [(1, "login password"), (2, "login security token")] {
        if let Some(Some((value, joined))) = args.get(i) {
            out.push(Pair {
                key: key.to_string(),
                value: value.clone(),
                joined: joined.clone(),
                quoted: true,
                form: Form::Call,
                path: Vec::new(),
                key_start: paren,
                row: Some(paren),
            });
        }
    }
    out
}

/// Salesforce context of a whole unit: its path, else the strongest pattern in `head` (the whole
/// buffer, or a stream's first block), with its 1-based line.
pub(crate) fn file_context(layer: &Layer, path: &str, head: &[u8]) -> Option<(Hit, Option<u64>)> {
    if let Some(h) = layer.scope.in_path(path) {
        return Some((h, None));
    }
    let h = layer.scope.first(head, 0..head.len())?;
    let line = memchr::memchr_iter(b'\n', &head[..h.offset]).count() as u64 + 1;
    Some((h, Some(line)))
}

/// How a settled finding is rebuilt under another rule with another value (a pair): supplied by
/// the engine, which owns rule metadata, redaction and fingerprints.
pub(crate) trait Remake {
    fn remake(&self, f: &mut Finding, rule: usize, value: Vec<u8>);
    fn confidence(&self, f: &mut Finding, c: Confidence);
}

/// Settles the context layer's provisional findings of one unit (see the module docs).
pub(crate) fn resolve(
    layer: &Layer,
    remake: &dyn Remake,
    findings: Vec<Finding>,
    file: Option<&(Hit, Option<u64>)>,
) -> Vec<Finding> {
    let (mut pending, mut done): (Vec<Finding>, Vec<Finding>) = findings.into_iter().partition(|f| f.pending.is_some());
    if pending.is_empty() {
        return done;
    }
    // Salesforce's, or not at all.
    pending.retain_mut(|f| {
        let p = f.pending.as_ref().expect("partitioned");
        let (salesforce, line) = match &p.why {
            Some(Why::Key(k)) => (format!("the key `{k}` names Salesforce"), None),
            Some(Why::Near(h, delta)) => (format!("{} `{}`", h.kind, h.text), Some((f.line as i64 + delta).max(1) as u64)),
            None if p.form == Form::Prose => return false,
            None => match file {
                Some((h, line)) => (format!("{} `{}`", h.kind, h.text), *line),
                None => return false,
            },
        };
        f.evidence = Some(Evidence {
            key: p.key.clone(),
            key_path: (!p.path.is_empty()).then(|| p.path.clone()),
            salesforce,
            line,
        });
        true
    });
    pending.sort_by_key(|f| f.offset);
    let role = |f: &Finding| f.pending.as_ref().expect("pending").role;
    let mut used = vec![false; pending.len()];
    let mut out: Vec<Finding> = Vec::new();
    // Pairs: each reported role's candidate takes the nearest partner of the same login or app.
    for &(rule, first, second) in &layer.pairs {
        let firsts: Vec<usize> = (0..pending.len()).filter(|&i| role(&pending[i]) == first && !used[i]).collect();
        for i in firsts {
            if pending[i].pending.as_ref().expect("pending").verdict == Verdict::WithToken {
                continue; // already a password with its token
            }
            let Some(j) = partner(&pending, &used, i, second, &firsts_count(&pending, &used, first), role) else { continue };
            used[i] = true;
            used[j] = true;
            let (a, b) = (&pending[i], &pending[j]);
            // A password and its token log in as one string; a key and secret go as `key:secret`.
            let value = if Some(first) == layer.password {
                [a.raw.as_slice(), b.raw.as_slice()].concat()
            } else {
                [b.raw.as_slice(), b":", a.raw.as_slice()].concat()
            };
            let mut f = a.clone();
            f.related.push(Related::of(b, &layer.vocab.roles[second].id));
            remake.remake(&mut f, rule, value);
            out.push(f);
        }
    }
    for (i, mut f) in pending.into_iter().enumerate() {
        if used[i] {
            continue;
        }
        let p = f.pending.clone().expect("pending");
        if layer.is_support(p.role) || p.verdict == Verdict::OnlyPaired {
            continue;
        }
        match p.verdict {
            Verdict::WithToken => {
                let rule = layer.pairs.iter().find(|x| Some(x.1) == layer.password).map(|x| x.0);
                if let Some(rule) = rule {
                    let raw = f.raw.clone();
                    remake.remake(&mut f, rule, raw);
                }
            }
            Verdict::Misshapen => remake.confidence(&mut f, Confidence::Medium),
            _ => {}
        }
        out.push(f);
    }
    for f in &mut out {
        f.pending = None;
    }
    done.append(&mut out);
    done.sort_by_key(|f| f.offset);
    done
}

fn firsts_count(pending: &[Finding], used: &[bool], first: usize) -> usize {
    pending.iter().enumerate().filter(|(i, f)| !used[*i] && f.pending.as_ref().is_some_and(|p| p.role == first)).count()
}

/// The partner of `pending[i]` with role `second`: in the same table row or call, else in the same
/// block within 12 lines, else within 4 lines, else the only one in the unit when `i`'s role has
/// only one candidate too.
fn partner(
    pending: &[Finding],
    used: &[bool],
    i: usize,
    second: usize,
    firsts: &usize,
    role: impl Fn(&Finding) -> usize,
) -> Option<usize> {
    let a = &pending[i];
    let pa = a.pending.as_ref()?;
    let cands: Vec<usize> = (0..pending.len()).filter(|&j| j != i && !used[j] && role(&pending[j]) == second).collect();
    let dist = |j: usize| (pending[j].line as i64 - a.line as i64).unsigned_abs();
    let pick = |f: &dyn Fn(usize) -> bool| cands.iter().copied().filter(|&j| f(j)).min_by_key(|&j| dist(j));
    if pa.row.is_some() {
        return pick(&|j| pending[j].pending.as_ref().is_some_and(|p| p.row == pa.row));
    }
    pick(&|j| pending[j].pending.as_ref().is_some_and(|p| p.block.is_some() && p.block == pa.block) && dist(j) <= 12)
        .or_else(|| pick(&|j| dist(j) <= 4 && pending[j].pending.as_ref().is_some_and(|p| p.row.is_none())))
        .or_else(|| (cands.len() == 1 && *firsts == 1).then(|| cands[0]))
}
