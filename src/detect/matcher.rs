//! The matcher: the anchor search ([`crate::detect::anchors`]) finds where any rule's anchor occurs,
//! and only there does the owning rule's regex run, inside a small window (or the context layer read
//! the key and value there). No regex ever runs over a whole buffer, so throughput is set by the
//! literal search, not by the regexes.
//!
//! Regexes, context regexes and path globs are compiled on first use: a git hook that scans a few
//! kilobytes with no anchor in them never compiles a regex at all.
//!
//! A `scan` call looks for anchors that *start* inside `accept`, but windows may read the whole
//! buffer. Callers that split a buffer into chunks pass each chunk as `accept` and the full buffer
//! as `buf`, which makes every secret found exactly once with no chunk overlap at all; streaming
//! callers keep [`Matcher::keep_before`] + [`Matcher::keep_after`] bytes of context (see `engine`).

use crate::detect::anchors::{Anchor, AnchorSet};
use crate::detect::context::{self, Context};
use crate::detect::contextual::Layer;
use crate::detect::decode::{self, Decoded, Encoding};
use crate::detect::rules::{byte_class, AnchorCase, KnownExamples, RuleBook, RuleKind, RuleSpec};
use crate::detect::shape::{is_known_example, is_placeholder, Validator};
use crate::detect::unescape::normalize;
use anyhow::{anyhow, Context as _, Result};
use globset::{Glob, GlobSet, GlobSetBuilder};
use regex::bytes::{Regex, RegexBuilder};
use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

/// A confirmed candidate in one buffer: byte span of the secret as written, and its normalised value.
#[derive(Debug, Clone)]
pub(crate) struct Match {
    pub(crate) rule: usize,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) value: Vec<u8>,
    pub(crate) org: Option<String>,
    pub(crate) known_example: bool,
    /// Set when the secret was found inside encoded text (the span covers the encoded bytes).
    pub(crate) decoding: Option<Encoding>,
    /// Surroundings a live check needs; empty unless [`Matcher::capture_context`] is on.
    pub(crate) context: Context,
    /// Set by the context layer: settled when the unit ends (see `contextual`).
    pub(crate) pending: Option<std::sync::Arc<dyn std::any::Any + Send + Sync>>,
}

/// Per-rule lazily compiled parts.
struct Compiled {
    regex: Regex,
    /// The regex anchored at its start, for rules whose window starts at the anchor (`window[0]` is
    /// 0): only a match starting right at the hit counts, so the search may stop as soon as none can.
    /// Unanchored, a hit with no match scanned its whole window (7 KiB for a JWT) and text made of
    /// anchors (`eyJeyJ…`) cost minutes per megabyte.
    anchored: Option<Regex>,
    /// The secret is the regex's first, unrepeated group, so it starts where the match does.
    secret_leads: bool,
    secret_groups: Vec<usize>,
    key_group: Option<usize>,
    org_group: Option<usize>,
    near: Vec<Regex>,
    waiver: Option<Regex>,
    paths: Option<GlobSet>,
}

pub(crate) struct CompiledRule {
    pub(crate) spec: RuleSpec,
    validators: Vec<Validator>,
    not_before: [bool; 256],
    not_after: [bool; 256],
    /// See `RuleSpec::anchor_not_followed_by`.
    anchor_not_after: [bool; 256],
    compiled: OnceLock<Result<Compiled, String>>,
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
            not_before: byte_class(&spec.not_preceded_by),
            not_after: byte_class(&spec.not_followed_by),
            anchor_not_after: byte_class(&spec.anchor_not_followed_by),
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
        let anchored = match spec.window[0] {
            0 => Some(
                build_regex(&format!("^(?:{})", spec.regex))
                    .with_context(|| format!("rule `{}`: bad regex", spec.id))?,
            ),
            _ => None,
        };
        Ok(Compiled {
            key_group: group("key"),
            org_group: group("org"),
            secret_leads: secret_groups.len() == 1 && secret_leads(&spec.regex),
            regex,
            anchored,
            secret_groups,
            near,
            waiver,
            paths,
        })
    }

    fn compiled(&self) -> Option<&Compiled> {
        self.compiled.get_or_init(|| Self::compile(&self.spec).map_err(|e| format!("{e:#}"))).as_ref().ok()
    }

    /// Compiles now and reports errors (used for user rule files and `rules check`).
    pub(crate) fn check_compiles(&self) -> Result<()> {
        if self.spec.kind == RuleKind::Context {
            return Ok(());
        }
        match self.compiled.get_or_init(|| Self::compile(&self.spec).map_err(|e| format!("{e:#}"))) {
            Ok(_) => Ok(()),
            Err(e) => Err(anyhow!("{e}")),
        }
    }
}

/// Whether `re` starts with its `secret` group and that group is not repeated (`(?P<secret>…)+` would
/// capture its last repetition, somewhere inside the match).
fn secret_leads(re: &str) -> bool {
    if !re.starts_with("(?P<secret") {
        return false;
    }
    // Find the group's closing parenthesis, skipping escapes and character classes.
    let b = re.as_bytes();
    let (mut depth, mut i, mut class) = (0usize, 0, false);
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'[' if !class => class = true,
            b']' if class => class = false,
            b'(' if !class => depth += 1,
            b')' if !class => {
                depth -= 1;
                if depth == 0 {
                    return !matches!(b.get(i + 1), Some(b'*' | b'+' | b'?' | b'{'));
                }
            }
            _ => {}
        }
        i += 1;
    }
    false
}

/// The compiled rule set.
pub(crate) struct Matcher {
    pub(crate) rules: Vec<CompiledRule>,
    known: KnownExamples,
    anchors: AnchorSet,
    /// Whether encoded text is looked into at all.
    decode: bool,
    before: usize,
    after: usize,
    capture_context: bool,
    /// The context layer, for rules of `kind = "context"`.
    pub(crate) layer: Option<Layer>,
}

/// Percent-encodes the URL-reserved characters of an anchor (`force://` → `force%3A%2F%2F`), in
/// upper- and lower-case hex; empty when the anchor has none.
fn percent_forms(anchor: &str) -> Vec<String> {
    const RESERVED: &[u8] = b":/@!?#&=+";
    if !anchor.bytes().any(|b| RESERVED.contains(&b)) {
        return Vec::new();
    }
    let upper: String = anchor
        .bytes()
        .map(|b| if RESERVED.contains(&b) { format!("%{b:02X}") } else { (b as char).to_string() })
        .collect();
    let lower = lower_hex(&upper);
    vec![upper, lower]
}

/// The spelling, percent-encoded once more, of every percent escape a rule's regex accepts in place
/// of a character (`%21` for the `!` of an access token → `%2521`), in upper- and lower-case hex.
/// A URL carried inside another URL's parameter (`?next=…%3Fsid%3D00D…%2521AQ…`) is encoded twice:
/// the rule's own `%21` no longer matches, so these are searched as percent-encoded anchors, and the
/// run around a hit is decoded once and scanned again, where the rule finds its `%21`.
fn double_percent_forms(regex: &str) -> Vec<String> {
    let b = regex.as_bytes();
    let (mut out, mut i, mut class) = (Vec::new(), 0, false);
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'[' if !class => class = true,
            b']' if class => class = false,
            b'%' if !class && i + 2 < b.len() && b[i + 1].is_ascii_hexdigit() && b[i + 2].is_ascii_hexdigit() => {
                let hex = &regex[i + 1..i + 3];
                out.push(format!("%25{}", hex.to_ascii_uppercase()));
                out.push(format!("%25{}", hex.to_ascii_lowercase()));
                i += 2;
            }
            _ => {}
        }
        i += 1;
    }
    out.sort();
    out.dedup();
    out
}

/// Lower-cases only the hex digits of percent escapes.
fn lower_hex(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            out.push('%');
            out.push((b[i + 1] as char).to_ascii_lowercase());
            out.push((b[i + 2] as char).to_ascii_lowercase());
            i += 3;
        } else {
            out.push(b[i] as char);
            i += 1;
        }
    }
    out
}

/// Bytes searched by every tier before moving on (fits in L2 cache).
const BLOCK: usize = 256 * 1024;

impl Matcher {
    /// Compiles the rule book. With `decode`, encoded anchors (base64, UTF-16, percent) are searched
    /// too and the text around them decoded (see `decode`).
    pub(crate) fn new(book: &RuleBook, decode: bool) -> Result<Matcher> {
        let rules: Vec<CompiledRule> = book.rules.iter().cloned().map(CompiledRule::new).collect::<Result<_>>()?;
        let mut pats: Vec<Anchor> = Vec::new();
        let mut add = |text: Vec<u8>, rule: Option<usize>, dec: Option<Encoding>| {
            let i = match pats.iter().position(|p| p.text == text) {
                Some(i) => i,
                None => {
                    pats.push(Anchor { text, ..Default::default() });
                    pats.len() - 1
                }
            };
            if let Some(r) = rule {
                if !pats[i].rules.contains(&r) {
                    pats[i].rules.push(r);
                }
            }
            if dec.is_some() {
                pats[i].decode = dec;
            }
        };
        let mut encoded: Vec<(Vec<u8>, Encoding)> = Vec::new();
        for (ri, r) in rules.iter().enumerate() {
            if decode && r.spec.encoded_anchors && r.spec.kind != RuleKind::Context {
                for p in double_percent_forms(&r.spec.regex) {
                    encoded.push((p.into_bytes(), Encoding::Percent));
                }
            }
            for a in &r.spec.anchors {
                match r.spec.anchor_case {
                    AnchorCase::Variants => {
                        r.spec.spellings(a).into_iter().for_each(|v| add(v.into_bytes(), Some(ri), None))
                    }
                    AnchorCase::Exact => {
                        add(a.clone().into_bytes(), Some(ri), None);
                        // Token prefixes survive encoding recognisably. Only the base64 spelling at
                        // alignment 0 is searched (a Kubernetes value or a Basic header starts with the
                        // credential); once any anchor decodes a run, every rule scans all of it, so
                        // other alignments inside it are found too. UTF-16 needs no anchors (see
                        // `scan_utf16_strings`).
                        if decode && r.spec.encoded_anchors && a.len() >= 3 {
                            for b in decode::base64_prefix_anchors(a.as_bytes()) {
                                encoded.push((b.into_bytes(), Encoding::Base64));
                            }
                            for p in percent_forms(a) {
                                encoded.push((p.into_bytes(), Encoding::Percent));
                            }
                        }
                    }
                }
            }
        }
        for (text, enc) in encoded {
            add(text, None, Some(enc));
        }
        pats.retain(|p| !p.text.is_empty());
        let anchors = AnchorSet::new(pats)?;
        let ctx_radius = |r: &CompiledRule| r.spec.context.as_ref().map_or(0, |c| c.radius);
        let mut before = rules.iter().map(|r| r.spec.window[0].max(ctx_radius(r)) + 1).max().unwrap_or(0);
        let mut after = rules.iter().map(|r| r.spec.window[1].max(ctx_radius(r)) + 1).max().unwrap_or(0);
        if decode {
            // A decoded run may reach this far around its anchor.
            before = before.max(decode::MAX_RUN + 4);
            after = after.max(decode::MAX_RUN + 4);
        }
        Ok(Matcher {
            layer: Layer::new(book)?,
            anchors,
            decode,
            rules,
            known: book.known_examples.clone(),
            before,
            after,
            capture_context: false,
        })
    }

    /// Records [`Context`] with every match (for live validation). Widens what streaming callers
    /// keep around a block so that a secret's context is the same wherever block edges fall.
    pub(crate) fn capture_context(&mut self, on: bool) {
        self.capture_context = on;
        if on {
            let widest = |side: usize| self.rules.iter().map(|r| r.spec.window[side]).max();
            self.before = self.before.max(widest(0).unwrap_or(0) + context::RADIUS + 1);
            self.after = self.after.max(widest(1).unwrap_or(0) + context::RADIUS + 1);
        }
    }

    /// Bytes before an anchor that a rule may need (window, context radius, decoded run).
    pub(crate) fn keep_before(&self) -> usize {
        self.before
    }
    /// Bytes after an anchor that a rule may need.
    pub(crate) fn keep_after(&self) -> usize {
        self.after + self.anchors.longest()
    }

    /// Every literal the automata search for, tier by tier (`forcescan rules anchors`; benchmarks
    /// give the same list to ripgrep).
    pub(crate) fn anchors(&self) -> Vec<Vec<Vec<u8>>> {
        self.anchors.searched()
    }

    /// Compiles every rule now; the first error names the rule.
    pub(crate) fn check_compiles(&self) -> Result<()> {
        self.rules.iter().try_for_each(|r| r.check_compiles())
    }

    /// Finds the secrets whose anchors start in `accept`, appending them to `out` (unsorted, possibly
    /// with duplicates; see [`resolve_overlaps`]). `path` is used by rules whose context includes the file kind.
    pub(crate) fn scan(&self, buf: &[u8], accept: Range<usize>, path: Option<&Path>, out: &mut Vec<Match>) {
        self.scan_at_depth(buf, accept, path, out, 0);
    }

    fn scan_at_depth(&self, buf: &[u8], accept: Range<usize>, path: Option<&Path>, out: &mut Vec<Match>, depth: u8) {
        let end = accept.end.min(buf.len());
        if accept.start >= end {
            return;
        }
        // Runs already decoded in this call: further anchors inside one add nothing. Ranges, not a
        // watermark: each tier searches the block from its start, so a later tier's hits come
        // before an earlier tier's decoded run (a Basic header before a JWT in one file).
        let mut decoded: Vec<(Encoding, Range<usize>)> = Vec::new();
        // Base64 runs that failed to decode, by the alignment (hit offset mod 4) they were decoded
        // at: a later hit at the same alignment in the same run would decode the same text.
        let mut b64_failed: Vec<(usize, Range<usize>)> = Vec::new();
        // Every tier searches the same block while it is in cache.
        let mut block = accept.start;
        while block < end {
            let block_end = (block + BLOCK).min(end);
            self.anchors.search(buf, block..block_end, |found| {
                // Several context rules may own one word, and a word may be found as two anchors
                // (`tok` and `token`): the layer reads each place once.
                let mut context_at: Option<usize> = None;
                for &(at, ai) in found {
                    let anchor = self.anchors.anchor(ai);
                    let len = anchor.text.len();
                    for &ri in &anchor.rules {
                        if at + len < buf.len() && self.rules[ri].anchor_not_after[buf[at + len] as usize] {
                            continue;
                        }
                        if self.rules[ri].spec.kind == RuleKind::Context {
                            if context_at != Some(at) {
                                context_at = Some(at);
                                self.confirm_context(buf, at, len, path, out);
                                // A key in a CSV field's doubled quotes: its line read undoubled.
                                let done = decoded
                                    .iter()
                                    .rev()
                                    .take(16)
                                    .any(|(e, r)| *e == Encoding::Doubled && r.contains(&at));
                                if depth < decode::MAX_DEPTH && !done {
                                    if let Some(d) = decode::decode_doubled_run(buf, at) {
                                        decoded.push((Encoding::Doubled, d.run.clone()));
                                        self.scan_decoded(&d, path, out, depth);
                                    }
                                }
                            }
                            continue;
                        }
                        self.confirm(ri, buf, at, path, out);
                    }
                    let Some(enc) = anchor.decode else { continue };
                    let failed = enc == Encoding::Base64
                        && b64_failed.iter().rev().take(16).any(|(a, r)| *a == at % 4 && r.contains(&at));
                    let done = decoded.iter().rev().take(16).any(|(e, r)| *e == enc && r.contains(&at));
                    if depth >= decode::MAX_DEPTH || done || failed {
                        continue;
                    }
                    let d = match enc {
                        Encoding::Base64 => decode::decode_base64(buf, at),
                        Encoding::Percent => decode::decode_percent_run(buf, at),
                        Encoding::Doubled => decode::decode_doubled_run(buf, at),
                        Encoding::Utf16 | Encoding::Utf16Le | Encoding::Utf16Be => decode::decode_utf16_run(buf, at),
                    };
                    match d {
                        Some(d) => {
                            decoded.push((enc, d.run.start.min(at)..d.run.end));
                            self.scan_decoded(&d, path, out, depth);
                        }
                        // Every later hit at this alignment in this run would decode the same text
                        // and fail again: in a run of anchors and random base64 that was 128 KiB of
                        // decoding per hit.
                        None if enc == Encoding::Base64 => {
                            b64_failed.push((at % 4, at..decode::base64_run_end(buf, at)))
                        }
                        None => {}
                    }
                }
            });
            block = block_end;
        }
        if self.decode && depth < decode::MAX_DEPTH {
            self.scan_utf16_strings(buf, accept.start..end, path, out, depth);
        }
    }

    /// Finds UTF-16 strings (ASCII code units: byte, NUL) of at least 8 characters in binary data and
    /// scans them narrowed. Every string has a NUL after its first character, so the search starts
    /// at the range's first NUL, and text without one (logs, source) costs a single `memchr` pass.
    /// The whole range is searched, not a sample of its start: installers, core dumps and logs
    /// with a binary blob begin with kilobytes of text and carry their strings further on.
    fn scan_utf16_strings(
        &self,
        buf: &[u8],
        range: Range<usize>,
        path: Option<&Path>,
        out: &mut Vec<Match>,
        depth: u8,
    ) {
        // One byte past the range: a string starting at its last byte has its NUL there.
        let Some(first_nul) = memchr::memchr(0, &buf[range.start..(range.end + 1).min(buf.len())]) else {
            return;
        };
        let unit = |i: usize| i + 1 < buf.len() && buf[i + 1] == 0 && (0x20..0x7f).contains(&buf[i]);
        let mut i = (range.start + first_nul).saturating_sub(1).max(range.start);
        while i < range.end {
            if !unit(i) {
                // A string of 8 units starting in the next 16 bytes covers byte 14 or 15 of them
                // (by its parity); when neither is a unit, skip all 16: zeroed disk images and
                // sparse files went 16 times slower without this.
                i += if unit(i + 14) || unit(i + 15) { 1 } else { 16 };
                continue;
            }
            // Walk no further than the range's end (plus enough to tell a string from noise): a run
            // that goes on is the next range's (a chunk's neighbour, a stream's next block).
            // Walking to its end from every chunk it crosses was quadratic in its length.
            let start = i;
            while i < range.end + 16 && unit(i) {
                i += 2;
            }
            if i - start < 16 {
                continue;
            }
            // Decoding reads at most MAX_RUN either side of where it starts, so a long run is
            // decoded from every MAX_RUN-th unit of it in this range: overlapping pieces, each secret
            // inside one of them whole (before, only the first 64 KiB of a run were ever read).
            for at in (start..i.min(range.end)).step_by(decode::MAX_RUN) {
                if let Some(d) = decode::decode_utf16_run(buf, at) {
                    self.scan_decoded(&d, path, out, depth);
                }
            }
        }
    }

    /// Scans decoded text and maps what it finds back onto the encoded bytes.
    fn scan_decoded(&self, d: &Decoded, path: Option<&Path>, out: &mut Vec<Match>, depth: u8) {
        let mut inner = Vec::new();
        self.scan_at_depth(&d.bytes, 0..d.bytes.len(), path, &mut inner, depth + 1);
        for mut m in inner {
            let span = d.original_span(m.start..m.end);
            m.start = span.start;
            m.end = span.end;
            m.decoding.get_or_insert(d.encoding);
            out.push(m);
        }
    }

    /// Hands an anchor hit of the context rules to the layer.
    fn confirm_context(&self, buf: &[u8], at: usize, len: usize, path: Option<&Path>, out: &mut Vec<Match>) {
        let Some(layer) = &self.layer else { return };
        for c in layer.candidates(buf, at, len, path) {
            out.push(Match {
                rule: c.rule,
                start: c.span.start,
                end: c.span.end,
                known_example: is_known_example(&c.value, &self.known),
                org: None,
                decoding: c.base64.then_some(Encoding::Base64),
                context: if self.capture_context {
                    context::extract(buf, c.span.start, c.span.end)
                } else {
                    Context::default()
                },
                value: c.value,
                pending: Some(std::sync::Arc::new(c.pending)),
            });
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
        // A secret that must start at the hit cannot follow a character its rule forbids there:
        // decided without the regex (in `eyJeyJ…` or `00D00D…`, every hit but the first).
        if rel == 0 && c.secret_leads && blocked_before(rule, buf, at) {
            return;
        }
        // Matches must start at or before the hit (`rel`); with the window starting at the hit, that
        // is one anchored search, the same first match as the unanchored search would report.
        // Otherwise the spans come from the DFA alone and only a match that covers the hit pays for
        // its capture groups (resolved at the same start, so the same match): a window holding many
        // earlier matches (`token:` keys, line after line) cost their captures at every hit.
        let candidates: Box<dyn Iterator<Item = regex::bytes::Captures<'_>>> = match &c.anchored {
            Some(a) if rel == 0 => Box::new(a.captures(window).into_iter()),
            _ => Box::new(
                c.regex
                    .find_iter(window)
                    .take_while(move |m| m.start() <= rel)
                    .filter(move |m| m.end() > rel)
                    .filter_map(|m| c.regex.captures_at(window, m.start())),
            ),
        };
        for caps in candidates {
            let m = caps.get(0).expect("group 0");
            if m.start() > rel {
                break;
            }
            if m.end() <= rel {
                continue;
            }
            let Some(sm) = c.secret_groups.iter().find_map(|&g| caps.get(g)) else { continue };
            let (s, e) = (ws + sm.start(), ws + sm.end());
            if blocked_before(rule, buf, s) || (e < buf.len() && rule.not_after[buf[e] as usize]) {
                continue;
            }
            let raw = &buf[s..e];
            // A value that is base64 of printable text (a Kubernetes Secret's data) is judged by
            // what it decodes to, never as written: the encoded form would pass for a password.
            let (value, decoding) = match self.decode.then(|| decode::decode_value_base64(raw)).flatten() {
                Some(v) => (v, Some(Encoding::Base64)),
                None => (normalize(raw).into_owned(), None),
            };
            if is_placeholder(&value) || !rule.validators.iter().all(|x| x.check(&value)) {
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
                value,
                org,
                decoding,
                context: if self.capture_context { context::extract(buf, s, e) } else { Context::default() },
                pending: None,
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
            let markers = &rule.spec.context.as_ref().expect("has context").project_markers;
            if (g.is_match(p) || p.file_name().is_some_and(|f| g.is_match(f))) && in_project(p, markers) {
                return true;
            }
        }
        let radius = rule.spec.context.as_ref().map_or(0, |x| x.radius);
        let around = &buf[s.saturating_sub(radius)..(e + radius).min(buf.len())];
        c.near.iter().any(|r| r.is_match(around))
    }
}

/// Whether the byte before a secret starting at `s` is one its rule forbids there. An escape that
/// ends in a letter or digit is a boundary, not part of a longer word: `%3D` (`=`) and `%20` in
/// URL-encoded text (`?next=%2Ffrontdoor.jsp%3Fsid%3D00D…%21…`, `Bearer%2000D…`) and `\n`, `\t`,
/// `\r` in JSON strings and logs.
fn blocked_before(rule: &CompiledRule, buf: &[u8], s: usize) -> bool {
    if s == 0 || !rule.not_before[buf[s - 1] as usize] {
        return false;
    }
    let percent = s >= 3 && buf[s - 3] == b'%' && buf[s - 2].is_ascii_hexdigit() && buf[s - 1].is_ascii_hexdigit();
    let backslash = s >= 2 && buf[s - 2] == b'\\' && matches!(buf[s - 1], b'n' | b'r' | b't');
    !(percent || backslash)
}

/// Whether a file lies in a project marked by one of `markers` (always, when there are none): a
/// marker in its directory's parent or grandparent, where an SFDX project keeps its JWT key
/// (`server.key` beside `sfdx-project.json`, or in `certificates/`). Looking further up would make an
/// nginx `ssl/server.key` in a monorepo that also holds Salesforce code a Salesforce key.
fn in_project(path: &Path, markers: &[String]) -> bool {
    markers.is_empty()
        || path.ancestors().skip(1).take(2).any(|dir| {
            let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
            markers.iter().any(|m| dir.join(m).exists())
        })
}

/// Sorts matches by position and removes duplicates (the same secret reached from two anchors) and
/// matches that lie inside another rule's match (the refresh token inside an SFDX auth URL). A
/// context-layer candidate also gives way to any rule's match it overlaps: the client secret in a
/// `client_id=3MVG9…&client_secret=…` request is reported once, by the client-credentials rule.
pub fn resolve_overlaps(ms: &mut Vec<Match>) {
    resolve_overlaps_by(ms, |m| (m.rule, m.start, m.end, m.pending.is_some()));
}

/// [`resolve_overlaps`] for anything that carries a match; `key` gives (rule, start, end, whether
/// it is a context candidate).
pub(crate) fn resolve_overlaps_by<T>(ms: &mut Vec<T>, key: impl Fn(&T) -> (usize, usize, usize, bool)) {
    ms.sort_by(|a, b| {
        let (ra, sa, ea, pa) = key(a);
        let (rb, sb, eb, pb) = key(b);
        sa.cmp(&sb).then(eb.cmp(&ea)).then(pa.cmp(&pb)).then(ra.cmp(&rb))
    });
    ms.dedup_by(|b, a| {
        let (ra, sa, ea, _) = key(a);
        let (rb, sb, eb, _) = key(b);
        (ra, sa, ea) == (rb, sb, eb)
    });
    let plain: Vec<(usize, usize)> = ms.iter().map(&key).filter(|k| !k.3).map(|k| (k.1, k.2)).collect();
    let overlaps_plain = |s: usize, e: usize| {
        let upto = plain.partition_point(|&(ps, _)| ps < e);
        plain[..upto].iter().rev().take(64).any(|&(_, pe)| pe > s)
    };
    let mut container: Option<(usize, usize)> = None;
    ms.retain(|m| {
        let (_, s, e, pending) = key(m);
        if pending {
            return !overlaps_plain(s, e);
        }
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
        let m = Matcher::new(&book, true).unwrap();
        let mut out = Vec::new();
        m.scan(text.as_bytes(), 0..text.len(), None, &mut out);
        resolve_overlaps(&mut out);
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
    fn anchor_not_followed_by_skips_the_regex_for_anchors_inside_longer_words() {
        let mut book = RuleBook::default();
        // The regex would match `keyz=1234` too: only the hint keeps it from running there.
        let rule = crate::detect::rules::test_rule_toml(
            "user-key",
            "key",
            "(?P<secret>key[a-z]*=[0-9]{4})",
            "[0, 40]",
            "anchor_not_followed_by = \"a-z\"\n",
        );
        book.add_toml("user.toml", &rule).unwrap();
        let m = Matcher::new(&book, false).unwrap();
        let found = |text: &str| {
            let mut out = Vec::new();
            m.scan(text.as_bytes(), 0..text.len(), None, &mut out);
            out.iter().map(|x| &text[x.start..x.end]).collect::<Vec<_>>().join(",")
        };
        assert_eq!(found("a key=1234 b keyz=5678 c key"), "key=1234");
    }

    #[test]
    fn an_anchor_inside_a_longer_anchor_still_triggers_its_rules() {
        let mut book = RuleBook::builtin();
        let rule = crate::detect::rules::test_rule_toml(
            "user-client-secret-param",
            "client_secret=",
            "(?P<secret>client_secret=[0-9A-F]{64})",
            "[0, 90]",
            "",
        );
        book.add_toml("user.toml", &rule).unwrap();
        let m = Matcher::new(&book, true).unwrap();
        let text = "POST https://login.salesforce.com/services/oauth2/token client_secret=FFD1AB68BC20DE11F4FC3B3837D7686E031FB5C46959D9DDD62CCB6F8A7A2685";
        let mut out = Vec::new();
        m.scan(text.as_bytes(), 0..text.len(), None, &mut out);
        let mut ids: Vec<&str> = out.iter().map(|x| m.rules[x.rule].spec.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids, vec!["salesforce-consumer-secret", "user-client-secret-param"]);
    }

    #[test]
    fn secret_leads_only_when_the_secret_group_comes_first_unrepeated() {
        assert!(secret_leads(r"(?P<secret>00D[0-9A-Za-z]{12}(?:!|%21)[a-z]{96})"));
        assert!(secret_leads(r"(?P<secret>a[()\)]b)c"));
        assert!(!secret_leads(r"(?P<secret>ab)+"));
        assert!(!secret_leads(r"(?P<secret>ab){2}"));
        assert!(!secret_leads(r"key=(?P<secret>ab)"));
        assert!(!secret_leads(r"(?P<secret>ab"));
    }

    #[test]
    fn double_percent_forms_come_from_escapes_outside_classes() {
        let access = RuleBook::builtin().find("salesforce-access-token").unwrap().regex.clone();
        assert_eq!(double_percent_forms(&access), vec!["%2521"]);
        assert_eq!(double_percent_forms(r"a(?:/|%2F)b"), vec!["%252F", "%252f"]);
        assert!(double_percent_forms(r"[A-Za-z0-9%]{20}\%41").is_empty());
    }
}
