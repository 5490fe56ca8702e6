//! Normalising a matched secret to the value a user would paste: percent-encoding (`%21`), JSON and
//! C escapes (`\u0021`, `\x21`), shell escapes (`\!`), HTML character references (`&#33;`, `&#x21;`,
//! `&amp;`), and JavaScript string concatenation (`'Hunter2!' + 'pMud8…'`).
//!
//! The finding keeps the span of the original bytes; only the value used for validation,
//! fingerprints and `--show-secrets` is normalised, so `00D…%21…` and `00D…!…` are one secret.

use std::borrow::Cow;

/// Returns the normalised value. Borrowed when nothing needed decoding (the common case).
pub fn normalize(raw: &[u8]) -> Cow<'_, [u8]> {
    let joined = join_literals(raw);
    let needs = joined.iter().any(|&b| b == b'%' || b == b'\\' || b == b'&');
    if !needs {
        return joined;
    }
    Cow::Owned(unescape(&joined))
}

/// `'abc' + 'def'` or `"abc" + "def"` → `abcdef`; anything else unchanged.
fn join_literals(raw: &[u8]) -> Cow<'_, [u8]> {
    let q = match raw.first() {
        Some(&q @ (b'\'' | b'"')) => q,
        _ => return Cow::Borrowed(raw),
    };
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] != q {
            return Cow::Borrowed(raw);
        }
        let Some(end) = raw[i + 1..].iter().position(|&b| b == q) else {
            return Cow::Borrowed(raw);
        };
        out.extend_from_slice(&raw[i + 1..i + 1 + end]);
        i += end + 2;
        while i < raw.len() && (raw[i] == b' ' || raw[i] == b'+' || raw[i] == b'\t') {
            i += 1;
        }
    }
    Cow::Owned(out)
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

fn hex_value(s: &[u8]) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    s.iter().try_fold(0u32, |acc, &b| Some(acc.checked_mul(16)? + hex(b)? as u32))
}

fn push_char(out: &mut Vec<u8>, c: u32) {
    match char::from_u32(c) {
        Some(ch) => {
            let mut buf = [0u8; 4];
            out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
        }
        None => out.push(b'?'),
    }
}

/// Decodes every escape form we know, in one left-to-right pass.
pub fn unescape(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let b = s[i];
        match b {
            b'%' if i + 2 < s.len() => {
                // URL encoders leave unreserved characters (letters, digits, `-._~`) alone: a
                // `%57` in `Xubhkookfu%57` is the password's own text, not an encoded `W`.
                if let (Some(h), Some(l)) = (hex(s[i + 1]), hex(s[i + 2])) {
                    let c = h * 16 + l;
                    if !(c.is_ascii_alphanumeric() || b"-._~".contains(&c)) {
                        out.push(c);
                        i += 3;
                        continue;
                    }
                }
            }
            b'\\' if i + 1 < s.len() => {
                let n = s[i + 1];
                if (n == b'u' || n == b'U') && i + 6 <= s.len() {
                    if let Some(v) = hex_value(&s[i + 2..i + 6]) {
                        push_char(&mut out, v);
                        i += 6;
                        continue;
                    }
                }
                if n == b'x' && i + 4 <= s.len() {
                    if let Some(v) = hex_value(&s[i + 2..i + 4]) {
                        push_char(&mut out, v);
                        i += 4;
                        continue;
                    }
                }
                if n.is_ascii_punctuation() {
                    out.push(n);
                    i += 2;
                    continue;
                }
            }
            b'&' => {
                if let Some(end) = s[i + 1..].iter().take(10).position(|&c| c == b';') {
                    let ent = &s[i + 1..i + 1 + end];
                    let decoded = match ent {
                        [b'#', b'x' | b'X', rest @ ..] => hex_value(rest),
                        [b'#', rest @ ..] if !rest.is_empty() && rest.iter().all(u8::is_ascii_digit) => {
                            std::str::from_utf8(rest).ok().and_then(|t| t.parse().ok())
                        }
                        b"amp" => Some('&' as u32),
                        b"lt" => Some('<' as u32),
                        b"gt" => Some('>' as u32),
                        b"quot" => Some('"' as u32),
                        b"apos" => Some('\'' as u32),
                        b"excl" => Some('!' as u32),
                        _ => None,
                    };
                    if let Some(v) = decoded {
                        push_char(&mut out, v);
                        i += end + 2;
                        continue;
                    }
                }
            }
            _ => {}
        }
        out.push(b);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> String {
        String::from_utf8(normalize(s.as_bytes()).into_owned()).unwrap()
    }

    #[test]
    fn every_spelling_of_the_bang() {
        for s in ["a%21b", "a\\u0021b", "a\\!b", "a&#33;b", "a&#x21;b", "a\\x21b", "a!b"] {
            assert_eq!(n(s), "a!b", "{s}");
        }
    }

    #[test]
    fn literal_concatenation() {
        assert_eq!(n("'Hunter2!' + 'abc'"), "Hunter2!abc");
        assert_eq!(n("\"a\"+\"b\""), "ab");
        assert_eq!(n("'unterminated"), "'unterminated");
    }

    #[test]
    fn broken_escapes_are_kept() {
        assert_eq!(n("100%"), "100%");
        assert_eq!(n("%2"), "%2");
        assert_eq!(n("a&b"), "a&b");
        assert_eq!(n("\\u00"), "\\u00");
        assert_eq!(n("Winter2026%23x"), "Winter2026#x");
    }

    #[test]
    fn unreserved_characters_are_never_encoded() {
        assert_eq!(n("Xubhkookfu%57"), "Xubhkookfu%57");
        assert_eq!(n("a%2Db%41"), "a%2Db%41");
        assert_eq!(n("00Dx%2521y"), "00Dx%21y");
    }
}
