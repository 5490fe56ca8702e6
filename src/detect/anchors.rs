//! The literal search every rule starts from: where in a buffer does any rule's anchor occur?
//!
//! It is the one pass over every byte scanned, so it sets the scanner's speed on text that holds no
//! secret (most of any log dump); everything after a hit is paid only where an anchor is. Three
//! decisions keep it at memory speed with 80-odd anchors (the context rules' words in their case
//! variants, beside every token prefix and its encoded forms); each was measured (see
//! `benches/README.md`, "The anchor search").
//!
//! * **Only minimal anchors are searched.** An anchor that contains another one (`token` holds
//!   `tok`, `mot de passe` holds `pass`, `clientSecret"` holds `Secret`) is not searched itself: it
//!   is compared byte for byte around each hit of the anchor inside it. Every occurrence of the
//!   longer anchor holds a hit of the shorter, so nothing is lost, and the searcher gets fewer and
//!   more distinct patterns.
//! * **Tiers of like-length patterns.** The searcher (Teddy, from `aho-corasick`'s `packed`
//!   module) tests each position's first `min(4, shortest pattern)` bytes; one 3-byte pattern in a
//!   set makes all of them match on 3 bytes only, and admit far more false candidates. Patterns
//!   are therefore searched in one tier per length (1, 2, 3, 4 and more bytes).
//! * **Buckets chosen by expected false candidates.** Teddy sorts a tier's patterns into 8
//!   buckets and tests a position against each bucket's *nibble* sets, byte by byte: two words in
//!   one bucket also admit their crossings (`pwd` with `tok` admits `pod`, `twk`…). The bucket of a
//!   pattern follows from the order patterns are added (a new low-nibble prefix goes to bucket
//!   `7 - id % 8`; patterns sharing one, such as a word's case variants, share its bucket). So each
//!   word is put where it adds the fewest expected candidates per byte under a byte distribution
//!   of source code and logs ([`BYTE_WEIGHT`]), and a tier is split in two only while it stays
//!   noisy. Packed by hand in the order rules happened to list them, the same anchors ranged from
//!   20 to 87 ms per 134 MB of logs; packed this way, 20 ms.
//!
//! The bucket rule is `aho-corasick`'s implementation, not its documented contract: if it
//! changes, what is found does not (every hit is verified), only how fast.

use crate::detect::decode::Encoding;
use aho_corasick::{packed, AhoCorasick, Input, MatchKind, Span};
use anyhow::Result;
use std::collections::BTreeMap;
use std::ops::Range;

/// One anchor: a literal, the rules it triggers, and the encoding to decode around it (for the
/// encoded spellings of token prefixes).
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Anchor {
    pub(crate) text: Vec<u8>,
    pub(crate) rules: Vec<usize>,
    pub(crate) decode: Option<Encoding>,
}

/// An anchor a hit of a searched pattern stands for: it starts `back` bytes before the hit, and
/// is there only if its bytes are (`verify`; the searched pattern itself needs no check).
#[derive(Debug)]
struct Seen {
    anchor: usize,
    back: usize,
    verify: bool,
}

enum Search {
    Teddy(packed::Searcher),
    /// Where Teddy cannot run (no SIMD, or a tier it refuses).
    Automaton(AhoCorasick),
}

struct Tier {
    search: Search,
    /// Pattern id → the anchors a hit of it may be.
    seen: Vec<Vec<Seen>>,
    longest: usize,
    texts: Vec<Vec<u8>>,
}

/// Every rule's anchors, compiled for search.
pub(crate) struct AnchorSet {
    anchors: Vec<Anchor>,
    tiers: Vec<Tier>,
    longest: usize,
}

impl AnchorSet {
    /// `anchors` must have distinct, non-empty texts.
    pub(crate) fn new(anchors: Vec<Anchor>) -> Result<AnchorSet> {
        let n = anchors.len();
        let inside = |outer: usize, inner: usize| {
            inner != outer
                && anchors[inner].text.len() < anchors[outer].text.len()
                && memchr::memmem::find(&anchors[outer].text, &anchors[inner].text).is_some()
        };
        let minimal: Vec<usize> = (0..n).filter(|&i| !(0..n).any(|j| inside(i, j))).collect();
        let mut seen: Vec<Vec<Seen>> =
            minimal.iter().map(|&i| vec![Seen { anchor: i, back: 0, verify: false }]).collect();
        for i in (0..n).filter(|i| !minimal.contains(i)) {
            // Checked around the longest (rarest) searched anchor inside it.
            let (k, back) = minimal
                .iter()
                .enumerate()
                .filter(|&(_, &j)| inside(i, j))
                .map(|(k, &j)| (k, memchr::memmem::find(&anchors[i].text, &anchors[j].text).expect("inside")))
                .max_by_key(|&(k, back)| {
                    (anchors[minimal[k]].text.len(), std::cmp::Reverse(back), std::cmp::Reverse(k))
                })
                .expect("a non-minimal anchor contains a minimal one");
            seen[k].push(Seen { anchor: i, back, verify: true });
        }
        let texts: Vec<&[u8]> = minimal.iter().map(|&i| anchors[i].text.as_slice()).collect();
        let mut tiers = Vec::new();
        for order in plan(&texts) {
            let pats: Vec<&[u8]> = order.iter().map(|&k| texts[k]).collect();
            let search = match packed::Config::new()
                .match_kind(packed::MatchKind::LeftmostFirst)
                .only_teddy_fat(Some(false))
                .builder()
                .extend(&pats)
                .build()
            {
                Some(s) => Search::Teddy(s),
                None => Search::Automaton(AhoCorasick::builder().match_kind(MatchKind::LeftmostFirst).build(&pats)?),
            };
            tiers.push(Tier {
                search,
                longest: pats.iter().map(|p| p.len()).max().unwrap_or(0),
                texts: pats.iter().map(|p| p.to_vec()).collect(),
                seen: order.iter().map(|&k| std::mem::take(&mut seen[k])).collect(),
            });
        }
        let longest = anchors.iter().map(|a| a.text.len()).max().unwrap_or(0);
        Ok(AnchorSet { anchors, tiers, longest })
    }

    pub(crate) fn anchor(&self, i: usize) -> &Anchor {
        &self.anchors[i]
    }

    /// The longest anchor, searched or checked.
    pub(crate) fn longest(&self) -> usize {
        self.longest
    }

    /// The literals searched, tier by tier (anchors that contain one of them are not listed).
    pub(crate) fn searched(&self) -> Vec<Vec<Vec<u8>>> {
        self.tiers.iter().map(|t| t.texts.clone()).collect()
    }

    /// Calls `f` once per hit of a searched pattern starting in `block`, with every anchor found
    /// there as (start, anchor index): the pattern's own anchor first, then the longer anchors
    /// around it. Tier by tier, so hits do not come in order of position.
    pub(crate) fn search(&self, buf: &[u8], block: Range<usize>, mut f: impl FnMut(&[(usize, usize)])) {
        let mut found: Vec<(usize, usize)> = Vec::new();
        for tier in &self.tiers {
            // A pattern starting in the block may end past it.
            let end = (block.end + tier.longest.saturating_sub(1)).min(buf.len());
            let mut at = block.start;
            while at < end {
                let hit = match &tier.search {
                    Search::Teddy(s) => s.find_in(buf, Span::from(at..end)).map(|m| (m.start(), m.end(), m.pattern())),
                    Search::Automaton(ac) => {
                        ac.find(Input::new(buf).range(at..end)).map(|m| (m.start(), m.end(), m.pattern()))
                    }
                };
                let Some((start, stop, pid)) = hit else { break };
                if start >= block.end {
                    break;
                }
                found.clear();
                for s in &tier.seen[pid.as_usize()] {
                    let Some(from) = start.checked_sub(s.back) else { continue };
                    if !s.verify || buf[from..].starts_with(&self.anchors[s.anchor].text) {
                        found.push((from, s.anchor));
                    }
                }
                f(&found);
                at = stop;
            }
        }
    }
}

/// Teddy's buckets (its slim form, on every SIMD width).
const BUCKETS: usize = 8;
/// Most patterns one Teddy searcher accepts.
const MAX_PER_TIER: usize = 64;
/// Expected false candidates per byte above which a tier is split (one per 2 KiB: each costs a
/// bucket's verification, a few nanoseconds; a tier pass costs ~0.07 ns a byte).
const NOISY: f64 = 1.0 / 2048.0;

/// Relative frequency of each byte value in text (the mean of source code and logs, measured on
/// `corpus/` and `gen-logs.py` output; at least 1). Only its shape matters: it ranks bucket
/// layouts, it does not predict timings.
#[rustfmt::skip]
const BYTE_WEIGHT: [u16; 256] = [
    84, 2, 2, 2, 2, 1, 1, 1, 2, 26, 1004, 1, 1, 9, 1, 1,
    1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    7719, 44, 2797, 24, 16, 11, 73, 87, 310, 309, 21, 102, 694, 1178, 1198, 844,
    1870, 1709, 1786, 820, 807, 784, 927, 636, 685, 628, 1407, 128, 83, 440, 113, 15,
    17, 159, 75, 124, 104, 242, 96, 157, 144, 123, 48, 39, 88, 83, 115, 225,
    163, 31, 171, 221, 422, 81, 49, 62, 49, 32, 108, 281, 27, 281, 2, 291,
    68, 1743, 672, 1569, 1096, 3306, 739, 420, 567, 1294, 94, 283, 1141, 632, 1462, 1781,
    768, 127, 1687, 2037, 2232, 828, 340, 235, 163, 461, 68, 192, 55, 192, 3, 1,
    16, 1, 1, 1, 1, 1, 2, 2, 3, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 2, 1, 13, 1, 4, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 2, 1, 1, 1, 4, 1, 1, 2, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 2, 2, 1, 1, 1, 1,
    1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1,
    1, 1, 19, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 2,
];

/// A bucket's nibble sets: per tested byte, the low and the high nibbles its patterns have there.
#[derive(Clone, Copy, Default)]
struct Nibbles {
    lo: [u16; 4],
    hi: [u16; 4],
}

impl Nibbles {
    fn of(pats: &[&[u8]], mask: usize) -> Nibbles {
        let mut n = Nibbles::default();
        for p in pats {
            for (i, &b) in p.iter().take(mask).enumerate() {
                n.lo[i] |= 1 << (b & 15);
                n.hi[i] |= 1 << (b >> 4);
            }
        }
        n
    }

    fn union(self, o: Nibbles) -> Nibbles {
        let mut n = self;
        for i in 0..4 {
            n.lo[i] |= o.lo[i];
            n.hi[i] |= o.hi[i];
        }
        n
    }

    /// The chance that a byte position of text passes this bucket's test (bytes taken as
    /// independent).
    fn fires(&self, mask: usize) -> f64 {
        if self.lo[0] == 0 {
            return 0.0;
        }
        let total: f64 = BYTE_WEIGHT.iter().map(|&w| w as f64).sum();
        (0..mask)
            .map(|i| {
                let admitted: f64 = (0..256usize)
                    .filter(|&b| self.lo[i] & (1 << (b & 15)) != 0 && self.hi[i] & (1 << (b >> 4)) != 0)
                    .map(|b| BYTE_WEIGHT[b] as f64)
                    .sum();
                admitted / total
            })
            .product()
    }
}

/// Splits patterns into tiers and orders each tier so that Teddy puts every word in the bucket
/// chosen for it. Returns pattern indices, tier by tier, in the order to add them.
fn plan(texts: &[&[u8]]) -> Vec<Vec<usize>> {
    // Tested bytes → low-nibble prefix → patterns (a Teddy bucket never splits such a class).
    let mut by_mask: BTreeMap<usize, BTreeMap<Vec<u8>, Vec<usize>>> = BTreeMap::new();
    for (i, t) in texts.iter().enumerate() {
        let mask = t.len().min(4);
        let key = t[..mask].iter().map(|b| b & 15).collect();
        by_mask.entry(mask).or_default().entry(key).or_default().push(i);
    }
    let mut tiers = Vec::new();
    for (mask, classes) in by_mask {
        let classes: Vec<Vec<usize>> = classes.into_values().collect();
        let total: usize = classes.iter().map(Vec::len).sum();
        let mut k = total.div_ceil(MAX_PER_TIER).max(1);
        loop {
            let layout = pack(texts, &classes, mask, k);
            let noisy = layout.iter().any(|t| t.iter().map(|b| b.1.fires(mask)).sum::<f64>() > NOISY);
            if !noisy || k * BUCKETS >= classes.len() {
                tiers.extend(layout.iter().map(|t| sequence(t, &classes)));
                break;
            }
            k += 1;
        }
    }
    tiers
}

/// Puts classes into `tiers` × [`BUCKETS`] buckets, each where it adds the fewest expected
/// candidates (noisiest classes first). A bucket is (its classes, their nibble sets).
fn pack(texts: &[&[u8]], classes: &[Vec<usize>], mask: usize, tiers: usize) -> Vec<Vec<(Vec<usize>, Nibbles)>> {
    let nib = |c: &[usize]| Nibbles::of(&c.iter().map(|&i| texts[i]).collect::<Vec<_>>(), mask);
    let mut order: Vec<usize> = (0..classes.len()).collect();
    let own: Vec<f64> = classes.iter().map(|c| nib(c).fires(mask)).collect();
    order.sort_by(|&a, &b| own[b].total_cmp(&own[a]).then(a.cmp(&b)));
    let mut layout = vec![vec![(Vec::new(), Nibbles::default()); BUCKETS]; tiers];
    let mut counts = vec![0usize; tiers];
    for c in order {
        let n = nib(&classes[c]);
        let mut best: Option<(f64, usize, usize)> = None;
        for (t, buckets) in layout.iter().enumerate() {
            if counts[t] > 0 && counts[t] + classes[c].len() > MAX_PER_TIER {
                continue;
            }
            for (b, (_, bn)) in buckets.iter().enumerate() {
                let added = bn.union(n).fires(mask) - bn.fires(mask);
                if best.is_none_or(|(cost, _, _)| added < cost) {
                    best = Some((added, t, b));
                }
            }
        }
        let (_, t, b) = best.unwrap_or((0.0, 0, 0));
        let bucket = &mut layout[t][b];
        bucket.0.push(c);
        bucket.1 = bucket.1.union(n);
        counts[t] += classes[c].len();
    }
    layout.retain(|t| t.iter().any(|b| !b.0.is_empty()));
    layout
}

/// Orders one tier's patterns so that Teddy's rule (a new low-nibble prefix at pattern id `i`
/// goes to bucket `7 - i % 8`) puts each class in its planned bucket: a class's first pattern is
/// placed at an id of the right residue, and the rest of a started class fill the ids between.
fn sequence(buckets: &[(Vec<usize>, Nibbles)], classes: &[Vec<usize>]) -> Vec<usize> {
    let mut unstarted: Vec<Vec<usize>> = buckets.iter().map(|b| b.0.iter().rev().copied().collect()).collect();
    let mut rest: Vec<usize> = Vec::new();
    let total: usize = buckets.iter().flat_map(|b| &b.0).map(|&c| classes[c].len()).sum();
    let mut out = Vec::with_capacity(total);
    let start = |c: usize, rest: &mut Vec<usize>, out: &mut Vec<usize>| {
        out.push(classes[c][0]);
        rest.extend(classes[c][1..].iter().rev());
    };
    while out.len() < total {
        let want = BUCKETS - 1 - out.len() % BUCKETS;
        if let Some(c) = unstarted.get_mut(want).and_then(Vec::pop) {
            start(c, &mut rest, &mut out);
        } else if let Some(p) = rest.pop() {
            out.push(p);
        } else {
            // Nothing fits this id: start any class (it lands in another bucket; only speed
            // suffers).
            let c = unstarted.iter_mut().find_map(Vec::pop).expect("patterns remain");
            start(c, &mut rest, &mut out);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(words: &[&str]) -> AnchorSet {
        let anchors = words
            .iter()
            .enumerate()
            .map(|(i, w)| Anchor { text: w.as_bytes().to_vec(), rules: vec![i], decode: None })
            .collect();
        AnchorSet::new(anchors).unwrap()
    }

    /// Every (start, anchor text) found in `text`, sorted.
    fn hits(s: &AnchorSet, text: &str) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        s.search(text.as_bytes(), 0..text.len(), |found| {
            for &(at, a) in found {
                out.push((at, String::from_utf8(s.anchor(a).text.clone()).unwrap()));
            }
        });
        out.sort();
        out
    }

    #[test]
    fn an_anchor_holding_another_is_found_through_it_and_not_searched() {
        let s = set(&["tok", "token", "pass", "mot de passe", "clientSecret\"", "Secret"]);
        let searched: Vec<String> = s.searched().concat().into_iter().map(|t| String::from_utf8(t).unwrap()).collect();
        assert!(!searched.iter().any(|t| t == "token" || t == "mot de passe" || t == "clientSecret\""), "{searched:?}");
        assert_eq!(
            hits(&s, "token=1 mot de passe: x \"clientSecret\": y tok Token"),
            vec![
                (0, "tok".into()),
                (0, "token".into()),
                (8, "mot de passe".into()),
                (15, "pass".into()),
                (25, "clientSecret\"".into()),
                (31, "Secret".into()),
                (42, "tok".into()),
            ]
        );
    }

    #[test]
    fn a_longer_anchor_starting_before_the_buffer_is_not_claimed() {
        let s = set(&["pass", "mot de passe"]);
        assert_eq!(hits(&s, "de passe"), vec![(3, "pass".into())]);
    }

    #[test]
    fn hits_are_reported_once_per_block_even_when_a_pattern_crosses_its_end() {
        let s = set(&["password", "token"]);
        let text = b"xx password yy token";
        let mut seen = Vec::new();
        for block in [0..5, 5..15, 15..text.len()] {
            s.search(text, block, |f| seen.extend(f.iter().map(|&(at, _)| at)));
        }
        assert_eq!(seen, vec![3, 15]);
    }

    #[test]
    fn each_word_gets_the_bucket_planned_for_it() {
        // Case variants share a low-nibble prefix, so they make one class and one bucket.
        let words = ["pass", "Pass", "PASS", "secret", "Secret", "SECRET", "force://", "5Aep861", "3MVG9", "3mvg9"];
        let texts: Vec<&[u8]> = words.iter().map(|w| w.as_bytes()).collect();
        let tiers = plan(&texts);
        assert_eq!(tiers.len(), 1);
        // Replay Teddy's rule and check that classes with distinct planned buckets got distinct ones.
        let mut bucket_of: BTreeMap<Vec<u8>, usize> = BTreeMap::new();
        for (id, &p) in tiers[0].iter().enumerate() {
            let key: Vec<u8> = texts[p][..4].iter().map(|b| b & 15).collect();
            bucket_of.entry(key).or_insert(BUCKETS - 1 - id % BUCKETS);
        }
        let distinct: std::collections::BTreeSet<usize> = bucket_of.values().copied().collect();
        assert_eq!(distinct.len(), bucket_of.len(), "{bucket_of:?}");
    }

    #[test]
    fn three_byte_anchors_are_searched_apart_from_longer_ones() {
        let texts: Vec<&[u8]> = vec![b"tok", b"pwd", b"password", b"secret"];
        let tiers = plan(&texts);
        let lens: Vec<Vec<usize>> = tiers.iter().map(|t| t.iter().map(|&i| texts[i].len().min(4)).collect()).collect();
        assert!(lens.iter().all(|t| t.iter().all(|&l| l == t[0])), "{lens:?}");
        assert_eq!(tiers.len(), 2);
    }
}
