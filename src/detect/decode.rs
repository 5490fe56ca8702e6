//! Finding credentials that are encoded: base64 / base64url blocks (Kubernetes Secrets, Basic auth
//! headers, JSON blobs), UTF-16 text (Windows exports, strings inside binaries) and percent-encoded
//! URLs (an SFDX auth URL passed as a query parameter).
//!
//! Decoding never runs over whole buffers. Instead encodings contribute *encoded anchors* to the
//! matcher's automata: the base64 of `00D`, `5Aep861`, `force://` and `3MVG9` as a base64 text
//! starting with them is spelled (`MDBE`, `NUFlcDg2`, …), and `force%3A%2F%2F`. Only where such an
//! anchor hits is the surrounding encoded run decoded and scanned again with every rule (to a bounded
//! depth), and every match found inside is mapped back to the span of encoded bytes it came from.
//! UTF-16 strings inside binary data are found without anchors: buffers with NUL bytes have their
//! runs of ASCII code units narrowed and scanned (`Matcher::scan_utf16_strings`).
//!
//! Whole UTF-16 files (BOM, or NUL in every other byte) are narrowed to one byte per code unit before
//! scanning; see [`utf16_kind`] and [`narrow_utf16`].

use base64::Engine as _;
use std::ops::Range;

/// How an encoded anchor is written, and so how to decode the text around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    Base64,
    /// ASCII text in UTF-16 inside other bytes (strings in a binary): the byte order of a run of
    /// ASCII code units cannot be told apart, LE text being BE text shifted by one byte.
    Utf16,
    Utf16Le,
    Utf16Be,
    Percent,
    /// A field of a CSV file whose quotes are doubled (`"{""password"": ""v""}"`: JSON kept in a
    /// spreadsheet cell, a log exported from Azure Monitor or a Zapier task history).
    Doubled,
}

impl Encoding {
    /// The name used in findings (`"decoded": "base64"`).
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Base64 => "base64",
            Encoding::Utf16 => "utf-16",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Percent => "percent",
            Encoding::Doubled => "csv-quotes",
        }
    }
}

/// Largest encoded run decoded around one hit, each way. A Kubernetes Secret value or a Basic header
/// is far smaller; the cap keeps a hostile megabyte of base64 from being decoded over and over.
pub(crate) const MAX_RUN: usize = 64 * 1024;

/// How deep encodings may nest (base64 inside base64 inside a UTF-16 file, …).
pub const MAX_DEPTH: u8 = 2;

/// The base64 spelling of `anchor` when the encoded text starts with it (alignment 0): the
/// characters fully determined by the anchor, in the standard and the URL-safe alphabet.
pub(crate) fn base64_prefix_anchors(anchor: &[u8]) -> Vec<String> {
    let full = base64::engine::general_purpose::STANDARD_NO_PAD.encode(anchor);
    let std = full[..anchor.len() * 8 / 6].to_string();
    let url = std.replace('+', "-").replace('/', "_");
    if url == std {
        vec![std]
    } else {
        vec![std, url]
    }
}

/// Text decoded from an encoded run, and how to map positions back.
pub struct Decoded {
    pub bytes: Vec<u8>,
    /// The encoded run in the original buffer.
    pub run: Range<usize>,
    pub encoding: Encoding,
    /// Percent and doubled-quote decoding only: for each decoded byte, the offset of its first
    /// encoded byte in `run`.
    map: Vec<usize>,
}

impl Decoded {
    /// The span of encoded bytes that decoded to `r` (a span inside `bytes`).
    pub fn original_span(&self, r: Range<usize>) -> Range<usize> {
        let s = self.run.start;
        let (a, b) = match self.encoding {
            Encoding::Base64 => (s + r.start / 3 * 4, s + r.end.div_ceil(3) * 4),
            Encoding::Utf16 | Encoding::Utf16Le | Encoding::Utf16Be => (s + 2 * r.start, s + 2 * r.end),
            Encoding::Percent | Encoding::Doubled => {
                let end = self.map.get(r.end).map_or(self.run.len(), |&o| o);
                (s + self.map[r.start], s + end)
            }
        };
        a.min(self.run.end)..b.min(self.run.end)
    }
}

fn is_b64(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'-' | b'_')
}

/// Decodes the base64 run around a hit at `at`. Every base64 anchor spells a token prefix as a
/// base64 text *starting* with it would, so `at` is on a 4-character group boundary: the run is
/// decoded from the first boundary at or after the start of the base64 characters before it (which
/// may include a key such as `token=`, itself made of base64 characters).
pub fn decode_base64(buf: &[u8], at: usize) -> Option<Decoded> {
    let mut start = at;
    let lim = at.saturating_sub(MAX_RUN);
    while start > lim && is_b64(buf[start - 1]) {
        start -= 1;
    }
    start += (at - start) % 4;
    let end = base64_run_end(buf, at);
    if end - start < 8 {
        return None;
    }
    let text = &buf[start..end];
    let tail = text.len() % 4;
    // A dangling single character cannot be decoded; two or three are a padless final group.
    let usable = if tail >= 2 { text.len() } else { text.len() - tail };
    let bytes = base64_lenient(&text[..usable])?;
    let mut run_end = start + usable;
    while run_end < buf.len() && run_end < start + usable + 2 && tail >= 2 && buf[run_end] == b'=' {
        run_end += 1;
    }
    (printable(&bytes) * 10 >= bytes.len() * 6).then_some(Decoded {
        bytes,
        run: start..run_end,
        encoding: Encoding::Base64,
        map: Vec::new(),
    })
}

/// Where the base64 run through `at` ends, looking at most [`MAX_RUN`] bytes ahead: as far as
/// [`decode_base64`] reads. A caller whose decode failed skips later hits before this point, which
/// would read the same run and fail the same way.
pub(crate) fn base64_run_end(buf: &[u8], at: usize) -> usize {
    let lim = (at + MAX_RUN).min(buf.len());
    at + buf[at.min(lim)..lim].iter().take_while(|&&b| is_b64(b)).count()
}

/// Decodes standard or URL-safe base64, padded or not, tolerating non-zero trailing bits (text cut
/// out of a larger run). The one base64 decoder every caller uses.
pub(crate) fn base64_lenient(text: &[u8]) -> Option<Vec<u8>> {
    let std: Vec<u8> = text
        .iter()
        .map(|&b| match b {
            b'-' => b'+',
            b'_' => b'/',
            b => b,
        })
        .collect();
    let engine = base64::engine::GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        base64::engine::GeneralPurposeConfig::new()
            .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent)
            .with_decode_allow_trailing_bits(true),
    );
    engine.decode(std).ok()
}

/// Decodes a whole value that is base64 of printable text (a Kubernetes Secret's `data` entry).
pub fn decode_value_base64(v: &[u8]) -> Option<Vec<u8>> {
    if v.len() < 8 || v.len() > 4096 || !v.iter().all(|&b| is_b64(b) || b == b'=') {
        return None;
    }
    let bytes = base64_lenient(v)?;
    (printable(&bytes) == bytes.len() && !bytes.is_empty()).then_some(bytes)
}

/// Count of printable ASCII bytes (and line breaks): decoded text should be mostly text.
fn printable(b: &[u8]) -> usize {
    b.iter().filter(|&&c| (0x20..0x7f).contains(&c) || c == b'\n' || c == b'\r' || c == b'\t').count()
}

/// Narrows the run of ASCII UTF-16 code units around a hit at `at` (read as little-endian: ASCII
/// byte, then NUL) to one byte per code unit.
pub fn decode_utf16_run(buf: &[u8], at: usize) -> Option<Decoded> {
    let unit = |i: usize| i + 1 < buf.len() && buf[i + 1] == 0 && buf[i] != 0 && buf[i] < 0x80;
    let mut start = at;
    while start >= 2 && at - start < MAX_RUN && unit(start - 2) {
        start -= 2;
    }
    let mut end = at;
    while end - at < MAX_RUN && unit(end) {
        end += 2;
    }
    let bytes: Vec<u8> = buf[start..end].chunks_exact(2).map(|u| u[0]).collect();
    (!bytes.is_empty()).then_some(Decoded { bytes, run: start..end, encoding: Encoding::Utf16, map: Vec::new() })
}

/// Percent-decodes the URL-ish run around a hit.
pub fn decode_percent_run(buf: &[u8], at: usize) -> Option<Decoded> {
    let urlish = |b: u8| b.is_ascii_alphanumeric() || b"%._~+-!*'()".contains(&b);
    let mut start = at;
    while start > 0 && at - start < MAX_RUN && urlish(buf[start - 1]) {
        start -= 1;
    }
    let mut end = at;
    while end < buf.len() && end - at < MAX_RUN && urlish(buf[end]) {
        end += 1;
    }
    let run = &buf[start..end];
    let (mut bytes, mut map) = (Vec::with_capacity(run.len()), Vec::with_capacity(run.len()));
    let mut i = 0;
    while i < run.len() {
        map.push(i);
        if run[i] == b'%' && i + 2 < run.len() {
            if let (Some(h), Some(l)) = ((run[i + 1] as char).to_digit(16), (run[i + 2] as char).to_digit(16)) {
                bytes.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        bytes.push(run[i]);
        i += 1;
    }
    Some(Decoded { bytes, run: start..end, encoding: Encoding::Percent, map })
}

/// Undoubles the quotes of the line around a key at `at` that is quoted with doubled quotes
/// (`""sf_pass"": ""v""`). Without that, the key's quotes and its value's read as empty strings.
pub fn decode_doubled_run(buf: &[u8], at: usize) -> Option<Decoded> {
    let keyish = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b' ');
    let ks = at - buf[at.saturating_sub(64)..at].iter().rev().take_while(|&&b| keyish(b)).count();
    let ke = at + buf[at..buf.len().min(at + 64)].iter().take_while(|&&b| keyish(b)).count();
    let sep = buf[ke..buf.len().min(ke + 8)].iter().position(|&b| b != b' ' && b != b'"').map(|i| buf[ke + i]);
    if ks < 2 || &buf[ks - 2..ks] != b"\"\"" || !buf[ke..].starts_with(b"\"\"") || !matches!(sep, Some(b':' | b'=')) {
        return None;
    }
    let start = buf[at.saturating_sub(MAX_RUN)..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(at.saturating_sub(MAX_RUN), |i| at.saturating_sub(MAX_RUN) + i + 1);
    let end =
        memchr::memchr(b'\n', &buf[at..buf.len().min(at + MAX_RUN)]).map_or(buf.len().min(at + MAX_RUN), |i| at + i);
    let run = &buf[start..end];
    let (mut bytes, mut map) = (Vec::with_capacity(run.len()), Vec::with_capacity(run.len()));
    let mut i = 0;
    while i < run.len() {
        map.push(i);
        bytes.push(run[i]);
        i += if run[i] == b'"' && run.get(i + 1) == Some(&b'"') { 2 } else { 1 };
    }
    Some(Decoded { bytes, run: start..end, encoding: Encoding::Doubled, map })
}

/// Whether a whole buffer is UTF-16 text: a byte-order mark, or NUL in (nearly) every other byte of
/// its start. Returns the encoding and the length of the BOM.
pub fn utf16_kind(buf: &[u8]) -> Option<(Encoding, usize)> {
    match buf {
        [0xFF, 0xFE, ..] => return Some((Encoding::Utf16Le, 2)),
        [0xFE, 0xFF, ..] => return Some((Encoding::Utf16Be, 2)),
        _ => {}
    }
    let head = &buf[..buf.len().min(4096) & !1];
    if head.len() < 16 {
        return None;
    }
    let units = head.len() / 2;
    let zeros_odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let zeros_even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    if zeros_odd * 10 >= units * 9 && zeros_even * 10 <= units {
        Some((Encoding::Utf16Le, 0))
    } else if zeros_even * 10 >= units * 9 && zeros_odd * 10 <= units {
        Some((Encoding::Utf16Be, 0))
    } else {
        None
    }
}

/// One byte per UTF-16 code unit: ASCII stays, anything else becomes `0x1A` (credentials are ASCII,
/// and line breaks survive, so lines and columns count code units).
pub fn narrow_utf16(buf: &[u8], enc: Encoding) -> Vec<u8> {
    let lo = if enc == Encoding::Utf16Le { 0 } else { 1 };
    buf.chunks_exact(2)
        .map(|u| {
            let (l, h) = if lo == 0 { (u[0], u[1]) } else { (u[1], u[0]) };
            if h == 0 && l < 0x80 {
                l
            } else {
                0x1A
            }
        })
        .collect()
}

/// Narrows a UTF-16 stream as it is read (see [`narrow_utf16`]).
pub struct Utf16Reader<R> {
    inner: R,
    enc: Encoding,
    raw: Vec<u8>,
    /// An odd byte left from the previous read.
    carry: Option<u8>,
}

impl<R: std::io::Read> Utf16Reader<R> {
    pub fn new(inner: R, enc: Encoding) -> Self {
        Utf16Reader { inner, enc, raw: Vec::new(), carry: None }
    }
}

impl<R: std::io::Read> std::io::Read for Utf16Reader<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if out.is_empty() {
            return Ok(0);
        }
        loop {
            self.raw.clear();
            self.raw.extend(self.carry.take());
            let have = self.raw.len();
            self.raw.resize(have + 2 * out.len(), 0);
            let n = match self.inner.read(&mut self.raw[have..]) {
                Ok(n) => n,
                Err(e) => {
                    // Keep the odd byte for the caller's retry (`Interrupted`): dropping it would
                    // shift every later code unit by one byte and garble the rest of the stream.
                    self.carry = self.raw[..have].first().copied();
                    return Err(e);
                }
            };
            self.raw.truncate(have + n);
            if n == 0 {
                return Ok(0); // a trailing odd byte is not a code unit
            }
            if self.raw.len() % 2 == 1 {
                self.carry = self.raw.pop();
            }
            if self.raw.is_empty() {
                continue;
            }
            let narrowed = narrow_utf16(&self.raw, self.enc);
            out[..narrowed.len()].copy_from_slice(&narrowed);
            return Ok(narrowed.len());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose::STANDARD;

    #[test]
    fn doubled_quotes_are_undoubled_around_a_quoted_key_only() {
        let line =
            b"2,\"{\"\"SfLoginUrl\"\": \"\"https://login.salesforce.com\"\", \"\"SfPassword\"\": \"\"Pi$38\"\"}\",x\n";
        let at = memchr::memmem::find(line, b"Password").unwrap();
        let d = decode_doubled_run(line, at).expect("a key in doubled quotes");
        assert_eq!(d.encoding.name(), "csv-quotes");
        let text = String::from_utf8(d.bytes.clone()).unwrap();
        assert_eq!(text, "2,\"{\"SfLoginUrl\": \"https://login.salesforce.com\", \"SfPassword\": \"Pi$38\"}\",x");
        // The value's span maps back onto the doubled text.
        let v = text.find("Pi$38").unwrap();
        assert_eq!(&line[d.original_span(v..v + 5)], b"Pi$38");
        // A key in plain quotes (or none) is not re-read.
        assert!(decode_doubled_run(b"{\"password\": \"v\"}", 2).is_none());
        assert!(decode_doubled_run(b"password,\"\"", 0).is_none());
    }

    #[test]
    fn base64_prefix_anchors_are_what_encoding_starts_with() {
        for a in ["00D", "5Aep861", "force://", "3MVG9"] {
            for anchor in base64_prefix_anchors(a.as_bytes()) {
                assert!(STANDARD.encode(format!("{a}Zq0000umpm08!AQ")).starts_with(anchor.as_str()), "{a}: {anchor}");
            }
        }
        assert_eq!(base64_prefix_anchors(b"00D"), vec!["MDBE"]);
    }

    #[test]
    fn base64_run_decodes_and_maps_back() {
        let secret = "SF_TOKEN=5Aep861abc";
        let text = format!("data:\n  creds: {}\n", STANDARD.encode(secret));
        let at = text.find("creds: ").unwrap() + 7;
        let d = decode_base64(text.as_bytes(), at).unwrap();
        assert_eq!(d.bytes, secret.as_bytes());
        let r = d.original_span(0..d.bytes.len());
        assert_eq!(&text[r], STANDARD.encode(secret));
        // Base64-looking key characters right before the run do not shift the decoding.
        let glued = format!("token={}", STANDARD.encode(secret));
        let d = decode_base64(glued.as_bytes(), 6).unwrap();
        assert_eq!(d.bytes, secret.as_bytes());
    }

    #[test]
    fn utf16_detection_and_narrowing() {
        let le: Vec<u8> = "hello world, this is text\n".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(utf16_kind(&le), Some((Encoding::Utf16Le, 0)));
        assert_eq!(narrow_utf16(&le, Encoding::Utf16Le), b"hello world, this is text\n");
        assert_eq!(utf16_kind(b"plain ascii text that is long enough"), None);
    }

    #[test]
    fn utf16_stream_survives_interrupted_reads_after_an_odd_byte() {
        /// Hands out 3 bytes, is interrupted, then hands out the rest.
        struct Flaky<'a>(&'a [u8], u8);
        impl std::io::Read for Flaky<'_> {
            fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
                self.1 += 1;
                if self.1 == 2 {
                    return Err(std::io::ErrorKind::Interrupted.into());
                }
                let n = if self.1 == 1 { 3 } else { self.0.len() }.min(out.len()).min(self.0.len());
                out[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let le: Vec<u8> = "token=5Aep861".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let mut r = Utf16Reader::new(Flaky(&le, 0), Encoding::Utf16Le);
        let mut out = Vec::new();
        let mut buf = [0u8; 64];
        loop {
            match std::io::Read::read(&mut r, &mut buf) {
                Ok(0) => break,
                Ok(n) => out.extend_from_slice(&buf[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => panic!("{e}"),
            }
        }
        assert_eq!(out, b"token=5Aep861");
    }

    #[test]
    fn percent_run_maps_offsets() {
        let text = b"u=force%3A%2F%2Fx%3A%3Ay&z";
        let d = decode_percent_run(text, 4).unwrap();
        assert_eq!(d.bytes, b"force://x::y".to_vec());
        let i = d.bytes.iter().position(|&b| b == b'f').unwrap();
        assert_eq!(&text[d.original_span(i..d.bytes.len())], b"force%3A%2F%2Fx%3A%3Ay");
    }
}
