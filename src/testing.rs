//! Support shared by forcescan's own tests, benchmarks and fuzz targets. Hidden from the docs and
//! not a stable API: it exists so that those programs generate their inputs one way.

use crate::detect::{Engine, EngineOptions, RuleBook};

/// A Word document's body (WordprocessingML) whose label and value are two runs of one
/// paragraph: `Password: ` and `AcmeCedar#88` on line 3, the security token on line 4. Fake
/// values of the real shapes.
pub const WORD_RUNBOOK: &str = concat!(
    "<w:document><w:body>\n",
    "<w:p><w:r><w:t>Break-glass login for the Salesforce API user ops@acme.com.</w:t></w:r></w:p>\n",
    "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Password: </w:t></w:r><w:r><w:t>AcmeCedar#88</w:t></w:r></w:p>\n",
    "<w:p><w:r><w:t>Security token: </w:t></w:r><w:r><w:t>P53OtV2HN1b4k124Lrs5Qiut</w:t></w:r></w:p>\n",
    "</w:body></w:document>\n"
);

/// A deterministic pseudo-random generator (xorshift64). Generated inputs (fake credentials, log
/// text, fuzz mutations, read sizes) are then the same on every run, so a failure replays exactly.
/// Never use it where unpredictability matters.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator starting from `seed`. Xorshift stays at zero forever, so zero becomes one.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn pick<T: Copy>(&mut self, from: &[T]) -> T {
        from[self.below(from.len())]
    }

    /// `n` characters drawn from `alphabet` (ASCII).
    pub fn chars(&mut self, alphabet: &[u8], n: usize) -> String {
        (0..n).map(|_| self.pick(alphabet) as char).collect()
    }
}

/// Two engines with the built-in rules and `chunk_size`-byte chunks, decoding on and off: small
/// chunks (and the small stream blocks that follow from them) make inputs of a few KiB cross many
/// chunk and block edges, which is where readers go wrong.
pub fn small_chunk_engines(chunk_size: usize) -> Vec<Engine> {
    [true, false]
        .into_iter()
        .map(|decode| {
            let opts = EngineOptions { chunk_size, decode, ..Default::default() };
            Engine::new(RuleBook::builtin(), opts).expect("built-in rules compile")
        })
        .collect()
}

/// Opens the packs in `dir` (an `objects/pack` directory) as a history scan does and reads every
/// object their indexes list, in the scan's order; returns how many could be read. Damage must
/// give unreadable objects, never a panic or an unbounded allocation: the pack fuzz target.
pub fn read_every_packed_object(dir: &std::path::Path, cache_bytes: usize) -> usize {
    let packs = crate::sources::git::pack::Packs::open(dir, cache_bytes);
    let ids = packs.ids();
    let order = packs.read_order(&ids);
    assert_eq!(order.len(), ids.len(), "read_order lost or invented objects");
    let mut reader = packs.reader();
    order.into_iter().filter(|&i| reader.read(ids[i]).is_some()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequences_are_fixed_by_the_seed_and_zero_is_not_stuck() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        let xs: Vec<u64> = (0..4).map(|_| a.next_u64()).collect();
        assert_eq!(xs, (0..4).map(|_| b.next_u64()).collect::<Vec<_>>());
        assert_eq!(xs[0], 7 ^ (7 << 13) ^ ((7 ^ (7 << 13)) >> 7) ^ ((7 ^ (7 << 13) ^ ((7 ^ (7 << 13)) >> 7)) << 17));
        assert_ne!(Rng::new(0).next_u64(), 0);
        assert_eq!(Rng::new(1).below(0), 0);
        assert_eq!(Rng::new(5).chars(b"ab", 10).len(), 10);
    }
}
