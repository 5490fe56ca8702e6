//! `primaryLocationLineHash`: the line fingerprint GitHub code scanning uses to recognise an alert
//! across commits, computed the way GitHub's upload action (`codeql-action`, `fingerprints.ts`)
//! computes it when a SARIF file lacks one.
//!
//! forcescan computes it itself for two reasons: a finding in git history lives in a blob that is
//! not in the checkout the action would hash (or differs from it), and a tool that uploads SARIF
//! by some other route gets no fingerprints at all. Being bit-for-bit the action's value means an
//! alert keeps its identity whichever way the file was uploaded.
//!
//! The algorithm: the text is decoded as UTF-8 (invalid bytes become U+FFFD) and read as UTF-16
//! code units. Spaces and tabs are skipped; CR, LF and CRLF all count as one `\n`. A polynomial
//! rolling hash (base 37, wrapping 64-bit arithmetic) runs over a window of the next 100 code
//! units, so a line's hash covers its first 100 non-blank characters and, if it is shorter, the
//! start of the lines after it. After the last character comes a 65535 end marker, then zeros until
//! every line's window is full. The hash is written as unsigned lower-case hex, followed by `:n`
//! where `n` counts how often that hash value has occurred so far, so repeated lines stay distinct.

use std::collections::HashMap;
use std::fmt;

/// Characters in the rolling window.
const BLOCK: usize = 100;
/// Base of the polynomial hash.
const BASE: u64 = 37;
/// What the action feeds after the last character (JavaScript's 65535 end-of-file marker).
const END: u64 = 0xFFFF;

/// The hash of one line and which occurrence of that hash value it is (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineHash {
    pub hash: u64,
    pub occurrence: u32,
}

impl fmt::Display for LineHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:x}:{}", self.hash, self.occurrence)
    }
}

/// The rolling state: the last `BLOCK` code units, and which of them started a line.
struct Roller {
    window: [u64; BLOCK],
    /// Line number (1-based) of the line that starts at each window slot; 0 when none does.
    starts: [u64; BLOCK],
    index: usize,
    hash: u64,
    /// `BASE^BLOCK`, to take the outgoing character's weight off the hash.
    drop_weight: u64,
    line: u64,
    at_line_start: bool,
    after_cr: bool,
    seen: HashMap<u64, u32>,
}

impl Roller {
    fn new() -> Roller {
        Roller {
            window: [0; BLOCK],
            starts: [0; BLOCK],
            index: 0,
            hash: 0,
            drop_weight: BASE.wrapping_pow(BLOCK as u32),
            line: 0,
            at_line_start: true,
            after_cr: false,
            seen: HashMap::new(),
        }
    }

    /// Reports the line whose window has just filled, if the slot about to be reused started one.
    fn emit(&mut self, each: &mut impl FnMut(u64, LineHash)) {
        let line = self.starts[self.index];
        if line == 0 {
            return;
        }
        let n = self.seen.entry(self.hash).or_insert(0);
        *n += 1;
        each(line, LineHash { hash: self.hash, occurrence: *n });
        self.starts[self.index] = 0;
    }

    fn push(&mut self, c: u64) {
        let outgoing = std::mem::replace(&mut self.window[self.index], c);
        self.hash = self.hash.wrapping_mul(BASE).wrapping_add(c).wrapping_sub(self.drop_weight.wrapping_mul(outgoing));
        self.index = (self.index + 1) % BLOCK;
    }

    fn feed(&mut self, unit: u64, each: &mut impl FnMut(u64, LineHash)) {
        const TAB: u64 = b'\t' as u64;
        const SPACE: u64 = b' ' as u64;
        const LF: u64 = b'\n' as u64;
        const CR: u64 = b'\r' as u64;
        if unit == SPACE || unit == TAB || (self.after_cr && unit == LF) {
            self.after_cr = false;
            return;
        }
        self.after_cr = unit == CR;
        let c = if unit == CR { LF } else { unit };
        self.emit(each);
        if self.at_line_start {
            self.at_line_start = false;
            self.line += 1;
            self.starts[self.index] = self.line;
        }
        if c == LF {
            self.at_line_start = true;
        }
        self.push(c);
    }
}

/// Calls `each(line, hash)` for every line of `text`, in order. Lines are 1-based and delimited by
/// CR, LF or CRLF, as the upload action counts them; an empty text has one (empty) line.
pub fn line_hashes(text: &[u8], mut each: impl FnMut(u64, LineHash)) {
    let mut r = Roller::new();
    for unit in String::from_utf8_lossy(text).encode_utf16() {
        r.feed(u64::from(unit), &mut each);
    }
    r.feed(END, &mut each);
    for _ in 0..BLOCK {
        r.emit(&mut each);
        r.push(0);
    }
}

/// The hashes of the given lines (others are computed, because the occurrence counter needs them,
/// but not kept). One pass over the text however many lines are asked for.
pub(crate) fn hashes_for_lines(text: &[u8], lines: &std::collections::BTreeSet<u64>) -> HashMap<u64, LineHash> {
    let mut out = HashMap::new();
    line_hashes(text, |line, h| {
        if lines.contains(&line) {
            out.insert(line, h);
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<String> {
        let mut v = Vec::new();
        line_hashes(text.as_bytes(), |line, h| {
            assert_eq!(line, v.len() as u64 + 1, "lines come in order");
            v.push(h.to_string());
        });
        v
    }

    /// The upload action's own test vectors (codeql-action `src/fingerprints.test.ts`).
    #[test]
    fn matches_the_upload_action_vectors() {
        assert_eq!(all(""), ["c129715d7a2bc9a3:1"]);
        assert_eq!(
            all(" a\nb\n  \t\tc\n d"),
            ["271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"]
        );
        assert_eq!(
            all(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End"),
            [
                "8b7cf3e952e7aeb2:1",
                "b1ae1287ec4718d9:1",
                "bff680108adb0fcc:1",
                "c6805c5e1288b612:1",
                "b86d3392aea1be30:1",
                "e6ceba753e1a442:1",
            ]
        );
    }

    #[test]
    fn cr_lf_and_crlf_are_one_line_break() {
        let expected = [
            "e9496ae3ebfced30:1",
            "fb7c023a8b9ccb3f:1",
            "ce8ba1a563dcdaca:1",
            "e20e36e16fcb0cc8:1",
            "b3edc88f2938467e:1",
            "c8e28b0b4002a3a0:1",
            "c129715d7a2bc9a3:1",
        ];
        for text in [
            " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n",
            " hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r",
            " hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n",
            " hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n",
        ] {
            assert_eq!(all(text), expected, "{text:?}");
        }
    }

    #[test]
    fn repeated_lines_are_numbered() {
        assert_eq!(
            all(&"Lorem ipsum dolor sit amet.\n".repeat(10)),
            [
                "a7f2ff13bc495cf2:1",
                "a7f2ff13bc495cf2:2",
                "a7f2ff13bc495cf2:3",
                "a7f2ff13bc495cf2:4",
                "a7f2ff13bc495cf2:5",
                "a7f2ff13bc495cf2:6",
                "a7f2ff1481e87703:1",
                "a9cf91f7bbf1862b:1",
                "55ec222b86bcae53:1",
                "cc97dc7b1d7d8f7b:1",
                "c129715d7a2bc9a3:1"
            ]
        );
    }

    #[test]
    fn selected_lines_agree_with_the_full_pass() {
        let text = "a\nbb\nccc\n".repeat(50);
        let full = all(&text);
        let want = [1u64, 77, 151].into_iter().collect();
        let some = hashes_for_lines(text.as_bytes(), &want);
        assert_eq!(some.len(), 3);
        for l in want {
            assert_eq!(some[&l].to_string(), full[l as usize - 1]);
        }
    }
}
