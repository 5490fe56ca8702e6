//! The line model: a second look, in Salesforce files, at the lines the rules passed over.
//!
//! The context layer ([`super::contextual`]) reads a key, its value and its context by hand-written
//! syntax, and on files written by people it was not tuned on it misses about one context
//! credential in ten: a layout no reader knows (`"value":` alone on the line above), a key spelled
//! as nobody spelled it before (`SF_TKN`), a chat line (`i did, its C0pp3r…`). Each miss is a new
//! shape, so more hand-written readers have stopped paying. What those lines share is what a
//! person sees at a glance: a password or token word on the line or just above it, a value that
//! looks random rather than like a word, a name or a reference, Salesforce around it and no other
//! vendor.
//!
//! This module measures exactly those things ([`line_features`]: the value's shape, the words before
//! it, anchor words, the key's role and vendor as the context layer's vocabulary reads them,
//! Salesforce and other vendors' words on the line, around it and in the file) and a logistic
//! regression trained on the labelled context sets and the rules' own examples
//! (`rules/line-model.toml`, written by `corpus/context/tools/train_line_model.py`) says which
//! credential, if any, the line holds. It runs only
//! * on units no larger than the model's `max_unit` (configuration, code, exports, tickets: a
//!   gigabyte log is left to the rules, whose cost is linear in it); a stream that small is kept
//!   whole for it, so that a file read whole and the same file streamed find the same;
//! * where the unit names Salesforce at all;
//! * on lines with an anchor word, or one or two lines below one (a value under its key), except
//!   in log records (a line that starts with a timestamp), which the lines above say nothing of;
//! * on the value right after a key's anchor word when the line has one (where that value is
//!   masked, another token on the line is not its stand-in), and only if the context layer's
//!   plausibility check (`plausible::not_a_value`) calls it a value: no placeholder, mask,
//!   reference, cipher text or expression is ever judged;
//! * on lines where no rule reported anything (neither a finding nor a pair's other part).
//!
//! What it reports is at medium confidence, with the probability in its evidence.
//! Being a linear model over named features, its weights can be read: the heaviest say why it
//! fires. Measured at first sight (trained without the four halves it was judged on, on the lines
//! the binaries that first saw them left): 14 of their 40 misses found, one extra.

use super::plausible;
use super::timestamp;
use super::vocabulary::{split_words, Vocabulary, SALESFORCE};
use regex::bytes::Regex;
use serde::Deserialize;
use std::collections::HashMap;
use std::ops::Range;

/// `[line_model]` of a rule file: a multinomial logistic regression over named features.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LineModelSpec {
    /// A line is reported when its most likely credential class has at least this probability.
    pub threshold: f64,
    /// Units larger than this many bytes are not looked at.
    pub max_unit: usize,
    /// `none` and the rule ids the model tells apart, in the order of the weights.
    pub classes: Vec<String>,
    pub bias: Vec<f64>,
    /// One feature a line: its name, then one weight per class, blank-separated. (One string
    /// rather than a table of arrays: TOML parses a 100 KB string in microseconds, and a thousand
    /// arrays in milliseconds that every start-up would pay.)
    pub weights: String,
    /// How the model was trained (read by people, not by forcescan).
    #[serde(default)]
    pub trained: String,
}

/// The file of `rules/` that holds the built-in model.
pub(crate) const BUILTIN_FILE: &str = "line-model.toml";

/// Where a rule book's line model comes from.
#[derive(Debug, Clone)]
pub enum ModelSource {
    /// A rule file's `[line_model]` table, read with the file.
    Spec(LineModelSpec),
    /// The built-in `rules/line-model.toml`, read when a unit first needs it: its thousand
    /// weights cost a start-up that needs none of them (a hook on a clean push) 2 ms.
    Builtin(&'static str),
}

impl ModelSource {
    pub fn spec(&self) -> anyhow::Result<LineModelSpec> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct File {
            line_model: LineModelSpec,
        }
        match self {
            ModelSource::Spec(s) => Ok(s.clone()),
            ModelSource::Builtin(text) => Ok(toml::from_str::<File>(text)?.line_model),
        }
    }
}

/// A line the model looked at: its 0-based number, the value it judged and what it measured.
#[doc(hidden)]
#[derive(Debug, Clone)]
pub struct LineCandidate {
    pub line: usize,
    pub value: Range<usize>,
    pub features: Vec<(String, f64)>,
    /// The anchor word nearest before the value (its key, for the evidence).
    pub key: Option<Range<usize>>,
    /// The first Salesforce word near the line, or in the file.
    pub salesforce: Option<Range<usize>>,
}

/// What the model says of a line: the class's rule id, its probability and the line.
#[derive(Debug, Clone)]
pub(crate) struct Verdict {
    pub(crate) rule: String,
    pub(crate) probability: f64,
    pub(crate) candidate: LineCandidate,
    /// For a pair's class: the partner's value span (a security token or a consumer key nearby).
    pub(crate) partner: Option<(Range<usize>, &'static str)>,
}

struct Patterns {
    anchor: &'static Regex,
    salesforce: &'static Regex,
    /// Other vendors' and systems' words (`sap` only as a whole word's end).
    other: aho_corasick::AhoCorasick,
    value: Regex,
    /// Literal signs of a placeholder or a reference (see [`placeholder`] for the rest).
    placeholder: aho_corasick::AhoCorasick,
    pass: Regex,
    token: Regex,
    token_value: Regex,
    key_value: Regex,
}

/// Other vendors' and systems' words, looked for anywhere (`mysql_host`, `AWS_SECRET`).
const OTHER: &[&str] = &[
    "aws",
    "azure",
    "gcp",
    "google",
    "snowflake",
    "postgres",
    "mysql",
    "mongo",
    "redis",
    "jira",
    "slack",
    "github",
    "gitlab",
    "stripe",
    "twilio",
    "zendesk",
    "hubspot",
    "sendgrid",
    "okta",
    "oracle",
    "sap",
    "smtp",
    "mail",
    "ldap",
    "kafka",
    "rabbit",
    "docker",
    "npm",
    "datadog",
    "sentry",
    "netsuite",
    "marketo",
    "workday",
    "servicenow",
    "jenkins",
    "sonar",
    "artifactory",
    "heroku",
    "ftp",
    "ssh",
    "db_",
    "database",
    "redshift",
    "bigquery",
    "tableau",
    "s3",
];

const PLACEHOLDER: &[&str] = &[
    "${",
    "{{",
    "%(",
    "changeme",
    "your",
    "example",
    "placeholder",
    "redacted",
    "environ",
    "getenv",
    "process.env",
    "secret/",
    "vault",
    "()",
    ".get(",
    "xxxx",
    "***",
];

fn patterns() -> &'static Patterns {
    static P: std::sync::OnceLock<Patterns> = std::sync::OnceLock::new();
    P.get_or_init(|| {
        let re = |s: &str| Regex::new(s).expect("line model pattern compiles");
        // (Aho-Corasick rather than regex alternations: a tenth of the build time, which the
        // first Salesforce file of a run pays.)
        let words = |w: &[&str]| {
            aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(w).expect("literal words")
        };
        let (anchor, salesforce) = gate();
        Patterns {
            anchor,
            salesforce,
            other: words(OTHER),
            value: re(concat!(
                r#"(?-u)"([^"\s]{6,})"|'([^'\s]{6,})'|`([^`\s]{6,})`|[=:>][ \t]*([^\s"'<>,;]{6,})"#,
                r#"|(?:^|\s)([^\s"'<>,;=]{6,})|(?:^|[,;|\t])([^\s"'<>,;|=]{6,})"#
            )),
            placeholder: words(PLACEHOLDER),
            pass: re(r"(?i-u)pass|pwd"),
            token: re(r"(?i-u)token|tkn"),
            token_value: re(r"(?-u)\b[A-Za-z0-9]{24,25}\b"),
            key_value: re(r"(?-u)\b3MVG9[A-Za-z0-9._]{40,}"),
        }
    })
}

impl Patterns {
    fn other(&self, t: &[u8]) -> bool {
        self.other.find_iter(t).any(|m| {
            // (`sap` only at a word's end: not `sapphire`.)
            m.len() != 3
                || !t[m.range()].eq_ignore_ascii_case(b"sap")
                || t.get(m.end()).is_none_or(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
        })
    }
}

/// A placeholder or a reference: `${…}`, `{{…}}`, `<your_password>`, `xxxx`, `***`,
/// `changeme`, `example`, `env`, `vault`, a call.
fn placeholder(p: &Patterns, v: &[u8]) -> bool {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let env = v.windows(3).enumerate().any(|(i, w)| {
        w.eq_ignore_ascii_case(b"env") && (i == 0 || !word(v[i - 1])) && v.get(i + 3).is_none_or(|&b| !word(b))
    });
    let angle = v.iter().enumerate().any(|(i, &b)| {
        b == b'<' && {
            let n = v[i + 1..].iter().take_while(|c| c.is_ascii_alphabetic() || **c == b'_').count();
            n > 0 && v.get(i + 1 + n) == Some(&b'>')
        }
    });
    p.placeholder.is_match(v) || env || angle
}

/// Whether `t` has a run of at least `n` ASCII letters and digits.
fn alnum_run(t: &[u8], n: usize) -> bool {
    t.split(|b| !b.is_ascii_alphanumeric()).any(|r| r.len() >= n)
}

/// The two patterns every unit is first tested with.
fn gate() -> (&'static Regex, &'static Regex) {
    static GATE: std::sync::OnceLock<(Regex, Regex)> = std::sync::OnceLock::new();
    let (a, s) = GATE.get_or_init(|| (Regex::new(ANCHOR).expect("compiles"), Regex::new(SF).expect("compiles")));
    (a, s)
}

/// Units up to this size are first tested with [`worth_a_look`], before the model is loaded
/// (larger ones load it to learn its `max_unit`: a regex over a gigabyte costs more than that).
pub(crate) const LOOK_FIRST: usize = 1 << 20;

/// Whether a unit has an anchor word and a Salesforce word at all (compiling only the two small
/// patterns that tell: most files stop here, and a start-up that scans one file pays no more).
pub(crate) fn worth_a_look(buf: &[u8]) -> bool {
    let (anchor, salesforce) = gate();
    // (An anchor word in a URL's path, `https://login.salesforce.com`, is no key.)
    anchor.find_iter(buf).any(|m| m.start() == 0 || buf[m.start() - 1] != b'/') && salesforce.is_match(buf)
}

const ANCHOR: &str = r"(?i-u)pass|pwd|\bpw\b|secret|token|tkn|credential|seckey|sec_key|\blogin\b";
const SF: &str = r"(?i-u)salesforce|sfdc|force\.com|\bsf[_\-. ]|\bsf\b|simple_salesforce|jsforce|restforce|3MVG9|soql";

fn entropy(v: &[u8]) -> f64 {
    let mut n = [0u32; 256];
    for &b in v {
        n[b as usize] += 1;
    }
    let len = v.len() as f64;
    n.iter().filter(|&&c| c > 0).map(|&c| -(c as f64 / len) * (c as f64 / len).log2()).sum()
}

/// A value's shape, as named features, and how much it looks like a secret (the value a line's
/// candidates compete on).
fn shape(p: &Patterns, v: &[u8]) -> (Vec<(&'static str, f64)>, f64) {
    let up = v.iter().filter(|b| b.is_ascii_uppercase()).count();
    let lo = v.iter().filter(|b| b.is_ascii_lowercase()).count();
    let di = v.iter().filter(|b| b.is_ascii_digit()).count();
    let sp = v.len() - up - lo - di;
    let classes = [up, lo, di, sp].iter().filter(|&&n| n > 0).count();
    let letters = |b: &u8| b.is_ascii_alphabetic();
    let ident = !v.is_empty()
        && (v[0].is_ascii_alphabetic() || v[0] == b'_')
        && v.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'_')
        && di == 0;
    let dotted = v.contains(&b'.')
        && v.split(|&b| b == b'.').all(|s| !s.is_empty() && (s[0].is_ascii_alphabetic() || s[0] == b'_'))
        && v.iter().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'(' | b')'));
    let at = v.iter().rposition(|&b| b == b'@');
    let email = at.is_some_and(|a| v[a..].contains(&b'.'));
    let url = memchr::memmem::find(v, b"://").is_some() || v.starts_with(b"/");
    let tail24 = v.len() > 30 && v.iter().rev().take_while(|b| b.is_ascii_alphanumeric()).count() >= 24;
    let f = [
        ("v_len", v.len().min(80) as f64 / 80.0),
        ("v_ent", entropy(v) / 6.0),
        ("v_has_up", (up > 0) as u8 as f64),
        ("v_has_lo", (lo > 0) as u8 as f64),
        ("v_has_di", (di > 0) as u8 as f64),
        ("v_has_sp", (sp > 0) as u8 as f64),
        ("v_classes", classes as f64),
        ("v_hex64", (v.len() == 64 && v.iter().all(u8::is_ascii_hexdigit)) as u8 as f64),
        ("v_digits1519", ((15..=19).contains(&v.len()) && di == v.len()) as u8 as f64),
        ("v_alnum24", ((24..=25).contains(&v.len()) && v.iter().all(u8::is_ascii_alphanumeric)) as u8 as f64),
        ("v_tail24", tail24 as u8 as f64),
        ("v_word", (v.iter().all(|b| b.is_ascii_lowercase()) && v.iter().all(letters)) as u8 as f64),
        ("v_ident", ident as u8 as f64),
        ("v_dotted", dotted as u8 as f64),
        ("v_email", email as u8 as f64),
        ("v_url", url as u8 as f64),
        ("v_place", placeholder(p, v) as u8 as f64),
        ("v_sigil", matches!(v.first(), Some(b'$' | b'%' | b'@' | b'{' | b'<')) as u8 as f64),
    ];
    let get = |n: &str| f.iter().find(|x| x.0 == n).map_or(0.0, |x| x.1);
    let score = get("v_ent") + 0.3 * classes as f64
        - 2.0 * get("v_place")
        - get("v_email")
        - get("v_url")
        - get("v_word")
        - get("v_ident")
        - get("v_dotted");
    (f.to_vec(), score)
}

/// A value judged: its span, its shape's features, and its score.
type Judged = (Range<usize>, Vec<(&'static str, f64)>, f64);

/// The line's most secret-looking value, as a span of the line. On a line with an anchor word
/// only the values just after one (within [`KEY_TO_VALUE`] bytes) count: that key's value is
/// the line's, and where it is masked (`password=********`) another token on the line (a proxy's
/// `HIER_DIRECT/13.110.37.6`) is not its stand-in.
fn best_value(p: &Patterns, line: &[u8]) -> Option<Judged> {
    let anchors: Vec<usize> = keys(p, line).map(|m| m.end()).collect();
    let mut best: Option<Judged> = None;
    for c in p.value.captures_iter(line) {
        let Some(m) = c.iter().skip(1).flatten().next() else { continue };
        let (mut s, mut e) = (m.start(), m.end());
        let trim = |b: u8| matches!(b, b'.' | b',' | b';' | b')' | b'(');
        while s < e && trim(line[s]) {
            s += 1;
        }
        while e > s && trim(line[e - 1]) {
            e -= 1;
        }
        // (A blob longer than any credential is none: a certificate, a cipher text, a URL's
        // whole query.)
        if e - s < 6 || m.end() - m.start() > 120 {
            continue;
        }
        if !anchors.is_empty() && !anchors.iter().any(|&a| a <= s && s - a <= KEY_TO_VALUE && open(&line[a..s])) {
            continue;
        }
        // (A token with a Salesforce prefix is its own rule's: the model judges what has none.)
        if PREFIXES.iter().any(|x| line[s..e].starts_with(x)) {
            continue;
        }
        let (f, score) = shape(p, &line[s..e]);
        if best.as_ref().is_none_or(|b| score > b.2) {
            best = Some((s..e, f, score));
        }
    }
    best
}

/// Whether the text between a key's anchor word and a value leaves the value to the key: no `=`
/// or `:` there is followed by something else (`password=******** - HIER_DIRECT/…`: the key's
/// value was the mask).
fn open(gap: &[u8]) -> bool {
    gap.iter().enumerate().filter(|(_, b)| matches!(b, b'=' | b':')).all(|(k, _)| {
        let rest = gap[k + 1..].trim_ascii_start();
        rest.is_empty() || matches!(rest[0], b'"' | b'\'' | b'`' | b'>' | b'=' | b':')
    })
}

/// The prefixes of Salesforce's own tokens (consumer keys, session IDs, refresh tokens, SFDX
/// auth URLs).
const PREFIXES: [&[u8]; 4] = [b"3MVG9", b"00D", b"5Aep", b"force:"];

/// Bytes from an anchor word's end to its value's start, at most (`SF_PASSWORD_PROD"  :  "v`,
/// `password for the UAT user is v`).
const KEY_TO_VALUE: usize = 48;

/// The anchor words of a text that may be a key's: not a URL's path (`/oauth2/token`, `/login`).
fn keys<'a>(p: &'a Patterns, t: &'a [u8]) -> impl Iterator<Item = regex::bytes::Match<'a>> + 'a {
    p.anchor.find_iter(t).filter(move |m| m.start() == 0 || t[m.start() - 1] != b'/')
}

fn has_key(p: &Patterns, t: &[u8]) -> bool {
    keys(p, t).next().is_some()
}

/// A line that starts with a Unix time (`1742893201.113    212 …`: squid's access log).
fn epoch(line: &[u8]) -> bool {
    let digits = line.iter().take_while(|b| b.is_ascii_digit()).count();
    digits == 10 && matches!(line.get(10), Some(b'.' | b' ' | b'\t'))
}

/// Lower-cased words of a text, camelCase, snake_case and the like split (`SF_SecurityKey` →
/// `sf`, `security`, `key`); single letters dropped.
fn words(text: &[u8]) -> Vec<String> {
    // The vocabulary's own split (`SF_SecurityKey`, `sfToken`, `SFToken`), less what is not a
    // word to the model: digits, single letters and punctuation past ASCII (`—`).
    split_words(&String::from_utf8_lossy(text))
        .into_iter()
        .filter(|w| w.len() > 1 && w.chars().all(char::is_alphabetic))
        .collect()
}

fn extension_kind(path: &str) -> &'static str {
    let name = path.rsplit(['/', '\\', '!']).next().unwrap_or(path);
    let ext = name.rsplit_once('.').map(|x| x.1.to_ascii_lowercase()).unwrap_or_default();
    const CODE: &[&str] = &[
        "py", "js", "ts", "rb", "go", "java", "cs", "php", "pl", "ps1", "kt", "scala", "dart", "swift", "groovy", "r",
        "lua", "rs", "sh", "bash", "mjs", "cls",
    ];
    const CONF: &[&str] = &[
        "yml",
        "yaml",
        "json",
        "toml",
        "ini",
        "properties",
        "env",
        "conf",
        "cfg",
        "xml",
        "config",
        "settings",
        "tf",
        "hcl",
    ];
    const TEXT: &[&str] = &["txt", "log", "md", "csv", "tsv", "eml", "mbox", "html"];
    if CODE.contains(&ext.as_str()) {
        "ext_code"
    } else if CONF.contains(&ext.as_str()) {
        "ext_conf"
    } else if TEXT.contains(&ext.as_str()) {
        "ext_text"
    } else {
        "ext_other"
    }
}

/// The field `v` was picked from: between the whitespace, quotes, `=` or angle brackets around it.
fn written<'a>(line: &'a [u8], v: &Range<usize>) -> &'a [u8] {
    let stop = |b: &u8| b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b'`' | b'=' | b'<' | b'>');
    let s = line[..v.start].iter().rposition(stop).map_or(0, |i| i + 1);
    let e = line[v.end..].iter().position(stop).map_or(line.len(), |i| v.end + i);
    &line[s..e]
}

/// `buf` without `cut` (the value), for "is there a word on the line besides the value".
fn without(buf: &[u8], cut: &Range<usize>) -> Vec<u8> {
    [&buf[..cut.start], &buf[cut.end..]].concat()
}

/// Line spans of `buf` (without their `\n`).
fn line_spans(buf: &[u8]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut s = 0;
    for e in memchr::memchr_iter(b'\n', buf) {
        out.push(s..e);
        s = e + 1;
    }
    out.push(s..buf.len());
    out
}

/// Longest line looked at: longer ones are minified code or data, not a key and its value.
const LONGEST_LINE: usize = 2000;
/// Lines either side that make a line's neighbourhood.
const NEAR: usize = 5;

/// The lines of a unit the model would judge (those with an anchor word on them or on one of the
/// two lines above, and a value), with their features. `skip(line)` (0-based) leaves a line out.
#[doc(hidden)]
pub fn line_features(vocab: &Vocabulary, path: &str, buf: &[u8], skip: &dyn Fn(usize) -> bool) -> Vec<LineCandidate> {
    if !worth_a_look(buf) {
        return Vec::new();
    }
    let p = patterns();
    let sf_count = p.salesforce.find_iter(buf).take(10).count();
    if sf_count == 0 {
        return Vec::new();
    }
    let sf_file = sf_count as f64 / 10.0;
    let first_sf = p.salesforce.find(buf).map(|m| m.range());
    let spans = line_spans(buf);
    let text = |i: usize| &buf[spans[i].clone()];
    let anchored: Vec<bool> = (0..spans.len()).map(|i| has_key(p, text(i))).collect();
    let kind = extension_kind(path);
    let code = kind == "ext_code";
    let mut out = Vec::new();
    for i in 0..spans.len() {
        let line = text(i);
        // A log line is a record of its own: the lines above say nothing of it.
        let record = || {
            // (Ruby's Logger writes its severity's letter first: `I, [2025-03-02T02:00:01 #21]`.)
            let head = match line {
                [l, b',', b' ', rest @ ..] if l.is_ascii_uppercase() => rest,
                _ => line,
            };
            timestamp::at_line_start(&head[..head.len().min(timestamp::LINE_HEAD)]).is_some() || epoch(line)
        };
        if line.len() > LONGEST_LINE
            || !(anchored[i] || (!record() && ((i >= 1 && anchored[i - 1]) || (i >= 2 && anchored[i - 2]))))
            || skip(i)
        {
            continue;
        }
        let Some((v, shape, score)) = best_value(p, line) else { continue };
        // The value as written, around what was picked (`ENC[AES256_GCM,data:…`, `![…]`,
        // `$ANSIBLE_VAULT;…`): one that is no credential of any role is not judged at all.
        let quoted = v.start > 0 && matches!(line[v.start - 1], b'"' | b'\'' | b'`');
        let as_written = written(line, &v);
        if plausible::not_a_value(as_written, quoted, code && !quoted) || vocab.another_vendors_token(as_written) {
            continue;
        }
        let before = &line[..v.start];
        let rest = without(line, &v);
        let prev = if i >= 1 { text(i - 1) } else { b"" };
        let prev2 = if i >= 2 { text(i - 2) } else { b"" };
        let (lo, hi) = (i.saturating_sub(NEAR), (i + NEAR + 1).min(spans.len()));
        let near = &buf[spans[lo].start..spans[hi - 1].end];
        let others = || (lo..hi).filter(|&j| j != i).map(text);
        let mut f: Vec<(String, f64)> = shape.into_iter().map(|(n, x)| (n.to_string(), x)).collect();
        let flag = |b: bool| b as u8 as f64;
        f.extend([
            ("v_score".to_string(), score / 5.0),
            ("anch_before".into(), flag(has_key(p, before))),
            ("anch_line".into(), flag(has_key(p, &rest))),
            ("anch_prev".into(), flag(has_key(p, prev))),
            ("anch_prev2".into(), flag(has_key(p, prev2))),
            ("sf_line".into(), flag(p.salesforce.is_match(&rest))),
            ("sf_near".into(), flag(p.salesforce.is_match(near))),
            ("sf_file".into(), sf_file),
            ("other_line".into(), flag(p.other(&rest))),
            ("other_prev".into(), flag(p.other(prev))),
            ("other_near".into(), flag(p.other(near))),
            ("mvg_near".into(), flag(memchr::memmem::find(near, b"3MVG9").is_some())),
            ("tok24_near".into(), flag(others().any(|l| p.token.is_match(l) && alnum_run(l, 24)))),
            ("pw_near".into(), flag(others().any(|l| p.pass.is_match(l)))),
            (
                "comment".into(),
                flag(
                    line.trim_ascii_start().starts_with(b"#")
                        || [&b"//"[..], b"--", b"*", b";"].iter().any(|c| line.trim_ascii_start().starts_with(c)),
                ),
            ),
            (
                "n_tokens".into(),
                line.split(u8::is_ascii_whitespace).filter(|w| !w.is_empty()).count().min(20) as f64 / 20.0,
            ),
            (kind.to_string(), 1.0),
        ]);
        let mut ws: Vec<String> = words(before).into_iter().rev().take(6).collect();
        ws.extend(words(prev).into_iter().rev().take(4));
        ws.sort();
        ws.dedup();
        f.extend(ws.into_iter().map(|w| (format!("w_{w}"), 1.0)));
        // What the context layer's vocabulary reads: the vendor the words before the value and
        // on the line above name, and the role and vendor of the key.
        let vendor =
            |t: &[u8]| vocab.vendor_of(&vocab.text_words(&String::from_utf8_lossy(t))).map(|v| v == SALESFORCE);
        for (name, t) in [("line", before), ("prev", prev)] {
            match vendor(t) {
                Some(true) => f.push((format!("vendor_{name}_sf"), 1.0)),
                Some(false) => f.push((format!("vendor_{name}_other"), 1.0)),
                None => {}
            }
        }
        let url = memchr::memmem::find_iter(line, b"://").any(|u| {
            u < v.start && !line[u..v.start].iter().any(|b| b.is_ascii_whitespace() || matches!(b, b'"' | b'\''))
        });
        f.push(("in_url".into(), flag(url)));
        let abs = |r: Range<usize>| spans[i].start + r.start..spans[i].start + r.end;
        // The key: the identifier around the last anchor word before the value, on its line or
        // the two above.
        let key = [(i, before), (i.wrapping_sub(1), prev), (i.wrapping_sub(2), prev2)]
            .into_iter()
            .filter(|(j, _)| *j < spans.len())
            .find_map(|(j, t)| keys(p, t).last().map(|m| (j, identifier(t, m.range()))))
            .map(|(j, r)| spans[j].start + r.start..spans[j].start + r.end);
        if let Some(k) = &key {
            let text = String::from_utf8_lossy(&buf[k.clone()]);
            if let Some(r) = vocab.read(&text, false) {
                f.push((format!("role_{}", vocab.roles[r.role].id), 1.0));
                match r.vendor.as_deref() {
                    Some(SALESFORCE) => f.push(("key_vendor_sf".into(), 1.0)),
                    Some(_) => f.push(("key_vendor_other".into(), 1.0)),
                    None => {}
                }
            }
        }
        // What names Salesforce: the first word of it near the line (not inside the value),
        // else the file's first.
        let value = abs(v.clone());
        let base = spans[lo].start;
        let salesforce = p
            .salesforce
            .find_iter(near)
            .map(|m| base + m.start()..base + m.end())
            .find(|r| !value.contains(&r.start))
            .or_else(|| first_sf.clone());
        out.push(LineCandidate { line: i, value, features: f, key, salesforce });
    }
    out
}

/// The identifier (`[A-Za-z0-9_.-]`) around `m` in `t`, at most 64 bytes.
fn identifier(t: &[u8], m: Range<usize>) -> Range<usize> {
    let part = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-');
    let mut s = m.start;
    while s > 0 && m.start - s < 32 && part(&t[s - 1]) {
        s -= 1;
    }
    let mut e = m.end;
    while e < t.len() && e - m.end < 32 && part(&t[e]) {
        e += 1;
    }
    s..e
}

/// The compiled model.
pub(crate) struct LineModel {
    spec: LineModelSpec,
    /// Feature name → one weight per class.
    weights: HashMap<String, Vec<f64>>,
    none: usize,
}

impl LineModel {
    pub(crate) fn new(spec: &LineModelSpec) -> anyhow::Result<LineModel> {
        let k = spec.classes.len();
        if spec.bias.len() != k {
            anyhow::bail!("line_model: {} classes but {} biases", k, spec.bias.len());
        }
        let mut weights = HashMap::new();
        for (n, line) in spec.weights.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let mut fields = line.split_whitespace();
            let name = fields.next().unwrap_or_default();
            let w: Vec<f64> = fields
                .map(|f| {
                    f.parse().map_err(|_| anyhow::anyhow!("line_model: weights line {}: `{f}` is no number", n + 1))
                })
                .collect::<anyhow::Result<_>>()?;
            if w.len() != k {
                anyhow::bail!("line_model: feature `{name}` has {} weights for {k} classes", w.len());
            }
            weights.insert(name.to_string(), w);
        }
        let none = spec
            .classes
            .iter()
            .position(|c| c == "none")
            .ok_or_else(|| anyhow::anyhow!("line_model: no `none` class"))?;
        Ok(LineModel { spec: spec.clone(), weights, none })
    }

    /// Units larger than this are not looked at.
    pub(crate) fn max_unit(&self) -> usize {
        self.spec.max_unit
    }

    /// The class probabilities of one line's features.
    fn probabilities(&self, features: &[(String, f64)]) -> Vec<f64> {
        let mut z = self.spec.bias.clone();
        for (name, x) in features {
            if let Some(w) = self.weights.get(name) {
                for (zi, wi) in z.iter_mut().zip(w) {
                    *zi += wi * x;
                }
            }
        }
        let top = z.iter().cloned().fold(f64::MIN, f64::max);
        let e: Vec<f64> = z.iter().map(|v| (v - top).exp()).collect();
        let sum: f64 = e.iter().sum();
        e.into_iter().map(|v| v / sum).collect()
    }

    /// The lines of a unit the model reports, except those `reported` (0-based line numbers
    /// where a rule already found something).
    pub(crate) fn judge(
        &self,
        vocab: &Vocabulary,
        path: &str,
        buf: &[u8],
        reported: &dyn Fn(usize) -> bool,
    ) -> Vec<Verdict> {
        if buf.len() > self.spec.max_unit {
            return Vec::new();
        }
        let p = patterns();
        let mut out = Vec::new();
        for c in line_features(vocab, path, buf, reported) {
            let probs = self.probabilities(&c.features);
            let Some((k, &pk)) =
                probs.iter().enumerate().filter(|(k, _)| *k != self.none).max_by(|a, b| a.1.total_cmp(b.1))
            else {
                continue;
            };
            if pk < self.spec.threshold {
                continue;
            }
            let rule = self.spec.classes[k].clone();
            let partner = partner_of(p, buf, &rule, &c);
            out.push(Verdict { rule, probability: pk, candidate: c, partner });
        }
        out
    }
}

/// A pair's other half near its line: a security token's value for a password, a consumer key
/// for a consumer secret.
fn partner_of(p: &Patterns, buf: &[u8], rule: &str, c: &LineCandidate) -> Option<(Range<usize>, &'static str)> {
    let (re, role, keyed): (&Regex, &'static str, bool) = match rule {
        "salesforce-password-with-token" => (&p.token_value, "security-token", true),
        "salesforce-client-credentials" => (&p.key_value, "consumer-key", false),
        _ => return None,
    };
    let spans = line_spans(buf);
    let near = |d: usize| [c.line.checked_sub(d), Some(c.line + d)];
    (1..=NEAR).flat_map(near).flatten().filter(|&j| j < spans.len()).find_map(|j| {
        let t = &buf[spans[j].clone()];
        if keyed && !p.token.is_match(t) {
            return None;
        }
        re.find(t).map(|m| (spans[j].start + m.start()..spans[j].start + m.end(), role))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_as_keys_are_spelled() {
        assert_eq!(words(b"SF_SecurityKey"), ["sf", "security", "key"]);
        assert_eq!(words(b"sfToken = "), ["sf", "token"]);
        assert_eq!(words(b"SFToken a"), ["sf", "token"]);
        assert_eq!(words(b"x.password"), ["password"]);
    }

    #[test]
    fn the_most_secret_looking_value_of_a_line_is_judged() {
        let p = patterns();
        let line = br#"  SF_PASSWORD = 'vuNu@6vEjAMz.H'  # see https://example.com/docs"#;
        let (v, _, _) = best_value(p, line).unwrap();
        assert_eq!(&line[v], b"vuNu@6vEjAMz.H");
        let line = br#""password": "${SF_PASSWORD}", "user": "ops@acme.com""#;
        let (v, f, _) = best_value(p, line).unwrap();
        assert!(f.contains(&("v_place", 1.0)) || f.contains(&("v_email", 1.0)), "{:?}", &line[v]);
    }

    #[test]
    fn only_lines_near_an_anchor_in_a_salesforce_file_are_candidates() {
        let v = crate::RuleBook::builtin().vocabulary;
        let f = b"# salesforce\nuser=ops@acme.com\nAPI_TKN=NYz93216IBpv6JtqQ95GuPYo\nname=Harbor2022abcdef\n\n\n\nother=Zq8vY2mN4kLp0Rt\n";
        let lines = |c: Vec<LineCandidate>| c.iter().map(|c| c.line).collect::<Vec<_>>();
        assert_eq!(lines(line_features(&v, "a.env", f, &|_| false)), [2, 3]);
        assert_eq!(lines(line_features(&v, "a.env", f, &|l| l == 3)), [2]);
        assert!(line_features(&v, "a.env", &f[13..], &|_| false).is_empty(), "no Salesforce word left");
    }

    const XML: &str = "<connection type=\"salesforce\">\n  <user>etl@globex.com</user>\n  \
        <pwdPlusToken>dataloader-Rocket-202577QeEqiBS52qL0B2e15PsWLDAj</pwdPlusToken>\n</connection>\n";

    #[test]
    fn the_model_reports_a_line_no_rule_read_at_medium_confidence_with_its_evidence() {
        let fs = crate::Engine::builtin().scan_bytes("c.xml", XML.as_bytes());
        assert_eq!(fs.len(), 1, "{fs:?}");
        let f = &fs[0];
        assert_eq!((f.rule.as_str(), f.line, f.column), ("salesforce-password-with-token", 3, 17));
        assert_eq!(f.confidence, crate::detect::rules::Confidence::Medium);
        let e = f.evidence.as_ref().expect("evidence");
        assert_eq!(e.key, "pwdPlusToken");
        assert!(
            e.salesforce.starts_with("the line model (0.9") && e.salesforce.ends_with("`salesforce`"),
            "{}",
            e.salesforce
        );
        assert_eq!(e.line, Some(1));
        // The rules alone read nothing there.
        let mut book = crate::RuleBook::builtin();
        book.line_model = None;
        let rules = crate::Engine::new(book, Default::default()).unwrap();
        assert!(rules.scan_bytes("c.xml", XML.as_bytes()).is_empty());
    }

    #[test]
    fn the_model_is_silent_without_salesforce_and_in_large_units() {
        let e = crate::Engine::builtin();
        assert!(e.scan_bytes("c.xml", XML.replace("salesforce", "netsuite").as_bytes()).is_empty());
        let large = format!("{XML}{}", "<!-- padding -->\n".repeat(70_000));
        assert!(large.len() > 1 << 20);
        assert!(e.scan_bytes("c.xml", large.as_bytes()).is_empty());
    }

    #[test]
    fn a_model_whose_weights_do_not_fit_its_classes_is_refused() {
        let mut spec = crate::RuleBook::builtin().line_model.expect("built in").spec().expect("valid");
        let good = spec.weights.clone();
        spec.weights.push_str("\nv_len 1.0\n");
        let err = LineModel::new(&spec).err().expect("refused").to_string();
        assert!(err.contains("feature `v_len` has 1 weights for 6 classes"), "{err}");
        spec.weights = format!("{good}\nv_len 1 2 3 4 5 x\n");
        let err = LineModel::new(&spec).err().expect("refused").to_string();
        assert!(err.ends_with("`x` is no number"), "{err}");
        spec.weights.clear();
        spec.classes[0] = "nothing".into();
        assert!(LineModel::new(&spec).is_err());
    }
}
