//! Salesforce context at three scopes. A key that names no vendor (`password`, `client_secret`)
//! is a Salesforce credential when Salesforce is named
//!
//! 1. in the key's own path: a parent key (`salesforce:` → `password:`), a section (`[sfdc]`), an
//!    enclosing connector element (`<salesforce:basic-connection …>`) — decided in `contextual`;
//! 2. in its **neighbourhood**: a Salesforce host, API path, consumer key or library within
//!    [`NEAR`] bytes of the value;
//! 3. in its **file**: a client library imported or required anywhere in it, a connector type, a
//!    Salesforce host, the file's own path (`config/salesforce.ini`).
//!
//! The patterns are data (`[[context]]` in `rules/context.toml`); one Aho-Corasick automaton finds
//! them all, case-insensitively, and a hit records what it was so a finding can say why it is
//! Salesforce's (`Salesforce client library simple_salesforce, line 1`). Hits carry the pattern
//! (never the line around it, which might hold a secret).

use super::vocabulary::ContextPatterns;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::ops::Range;

/// How far around a value the neighbourhood reaches, in bytes.
pub(crate) const NEAR: usize = 1536;

/// A piece of Salesforce context: what kind it is, what was found, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub kind: String,
    pub text: String,
    /// Offset in the scanned unit.
    pub offset: usize,
}

/// The compiled patterns.
pub(crate) struct Scope {
    ac: Option<AhoCorasick>,
    /// Pattern id → (kind, whole word only).
    meta: Vec<(String, bool)>,
}

fn word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl Scope {
    pub(crate) fn new(groups: &[ContextPatterns]) -> Scope {
        let mut pats = Vec::new();
        let mut meta = Vec::new();
        for g in groups {
            for p in &g.patterns {
                pats.push(p.to_ascii_lowercase());
                meta.push((g.kind.clone(), g.word));
            }
        }
        let ac = (!pats.is_empty()).then(|| {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&pats)
                .or_else(|_| AhoCorasick::builder().ascii_case_insensitive(true).build(&pats))
                .expect("literal patterns build")
        });
        Scope { ac, meta }
    }

    /// Every hit in `range` of `buf`, in order.
    pub(crate) fn hits<'a>(&'a self, buf: &'a [u8], range: Range<usize>) -> impl Iterator<Item = Hit> + 'a {
        let hay = &buf[..range.end.min(buf.len())];
        let start = range.start.min(hay.len());
        self.ac.iter().flat_map(move |ac| {
            ac.find_iter(aho_corasick::Input::new(hay).range(start..hay.len())).filter_map(move |m| {
                let (kind, word) = &self.meta[m.pattern().as_usize()];
                if *word {
                    let before = m.start().checked_sub(1).map(|i| hay[i]);
                    let after = hay.get(m.end()).copied();
                    if before.is_some_and(word_byte) || after.is_some_and(word_byte) {
                        return None;
                    }
                }
                Some(Hit {
                    kind: kind.clone(),
                    text: String::from_utf8_lossy(&hay[m.start()..m.end()]).into_owned(),
                    offset: m.start(),
                })
            })
        })
    }

    /// The hit nearest to `at` within [`NEAR`] bytes, if any.
    pub(crate) fn near(&self, buf: &[u8], at: Range<usize>) -> Option<Hit> {
        let from = at.start.saturating_sub(NEAR);
        let to = (at.end + NEAR).min(buf.len());
        // (`not Salesforce`, `non-SFDC`: a mention that says the opposite.)
        let negated = |h: &Hit| {
            let before = buf[h.offset.saturating_sub(5)..h.offset].to_ascii_lowercase();
            before.ends_with(b"not ") || before.ends_with(b"non-") || before.ends_with(b"non ")
        };
        self.hits(buf, from..to)
            .filter(|h| (h.offset + h.text.len() <= at.start || h.offset >= at.end) && !negated(h))
            .min_by_key(|h| if h.offset >= at.end { h.offset - at.end } else { at.start - h.offset })
    }

    /// The first hit in `range`, preferring the strongest kinds (a library over a word).
    pub(crate) fn first(&self, buf: &[u8], range: Range<usize>) -> Option<Hit> {
        let mut best: Option<Hit> = None;
        for h in self.hits(buf, range) {
            let rank = |k: &str| match k {
                "Salesforce client library" => 0,
                "Salesforce host or API" => 1,
                "Salesforce project file" => 2,
                "Salesforce consumer key" => 3,
                _ => 4,
            };
            if best.as_ref().is_none_or(|b| rank(&h.kind) < rank(&b.kind)) {
                let done = rank(&h.kind) == 0;
                best = Some(h);
                if done {
                    break;
                }
            }
        }
        best
    }

    /// Whether a path names Salesforce (`config/salesforce.ini`, `sfdc/`, `SalesforceService.cs`).
    pub(crate) fn in_path(&self, path: &str) -> Option<Hit> {
        let lower = path.to_ascii_lowercase();
        let named = self.hits(lower.as_bytes(), 0..lower.len()).any(|h| {
            matches!(h.kind.as_str(), "Salesforce word" | "Salesforce client library" | "Salesforce project file")
        });
        named.then(|| Hit {
            kind: "Salesforce file name".into(),
            text: path.rsplit('/').next().unwrap_or(path).to_string(),
            offset: 0,
        })
    }
}
