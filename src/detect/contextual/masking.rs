//! Masks, both ways: a key assigned a mask in the input (`password=********`, `"token":
//! "<redacted>"`) is rejected before its value is read, and the evidence text a finding carries
//! (its key, its parents, what named Salesforce) has every value masked out of it, so that a
//! report never carries a secret by the side door.

/// Evidence text with every value taken out. A key's parents include the text before it on its
/// line, and there, on a URL, a call or a logfmt line, sit other values (`…&client_secret=BB80…&
/// password=`, `Salesforce("ops@acme.com", "Hunter2!", token=`): what follows `=` or `:` becomes
/// `…`, and so does a quoted literal that is not a key (`"k":`) or a plain name. The reports never
/// carry a secret; this keeps evidence from carrying one by the side door.
pub(crate) fn without_values(s: &str) -> String {
    // Escaped quotes (a JSON string inside a JSON string) are quotes.
    let mut s = s.to_string();
    while s.contains("\\\"") {
        s = s.replace("\\\"", "\"");
    }
    let out = strip_values(&s);
    // What quoting hid (quotes inside quotes): any address or long token left is masked.
    masked_tokens(&out)
}

/// Text with its addresses and random-looking tokens (12 or more characters, letters with digits,
/// no `/`) replaced by `…`: what is left is words.
pub(super) fn masked_tokens(s: &str) -> String {
    static LEFT: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let left = LEFT.get_or_init(|| regex::Regex::new(r#"[^\s"'`,;:(){}\[\]<>=\\]+"#).expect("valid regex"));
    left.replace_all(s, |c: &regex::Captures| {
        let t = &c[0];
        let digit = t.bytes().any(|b| b.is_ascii_digit());
        let letter = t.bytes().any(|b| b.is_ascii_alphabetic());
        if t.find('@').is_some_and(|i| i > 0 && t[i..].contains('.'))
            || (t.len() >= 12 && digit && letter && !t.contains('/'))
        {
            "…".to_string()
        } else {
            t.to_string()
        }
    })
    .into_owned()
}

fn strip_values(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let stop = |c: u8| {
        matches!(c, b' ' | b'\t' | b'&' | b',' | b';' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'>' | b'<' | b'`')
    };
    while i < b.len() {
        let c = b[i];
        if (c == b'=' || c == b':')
            && !b[i..].starts_with(b"://")
            && !b[i..].starts_with(b"::")
            && !b[i..].starts_with(b"=>")
        {
            out.push(c as char);
            i += 1;
            while i < b.len() && b[i] == b' ' {
                out.push(' ');
                i += 1;
            }
            if i < b.len() && matches!(b[i], b'"' | b'\'') {
                continue;
            }
            let start = i;
            while i < b.len() && !stop(b[i]) && !matches!(b[i], b'"' | b'\'') {
                i += 1;
            }
            if i > start {
                out.push('…');
            }
            continue;
        }
        if c == b'"' || c == b'\'' {
            let Some(len) = b[i + 1..].iter().position(|&x| x == c) else {
                out.push('…');
                break;
            };
            let inner = &s[i + 1..i + 1 + len];
            let after = b[i + 2 + len..].iter().find(|&&x| x != b' ');
            let name = inner.len() < 40
                && inner.bytes().all(|x| x.is_ascii_alphabetic() || matches!(x, b'_' | b'.' | b'-' | b' '));
            out.push(c as char);
            out.push_str(if after == Some(&b':') || name { inner } else { "…" });
            out.push(c as char);
            i += len + 2;
            continue;
        }
        let ch = s[i..].chars().next().expect("in bounds");
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

/// Whether the key whose anchor ends at `e` is assigned a mask or nothing right there
/// (`password=********`, `"token": "<redacted>"`, `secret=[FILTERED]`, `password= next=…`): the
/// common case of authentication logs, rejected before the key and value are read at all.
pub(super) fn masked_assignment(buf: &[u8], mut e: usize) -> bool {
    let stop = (e + 64).min(buf.len());
    while e < stop && (buf[e].is_ascii_alphanumeric() || matches!(buf[e], b'_' | b'-' | b'.')) {
        e += 1;
    }
    if e < buf.len() && matches!(buf[e], b'"' | b'\'') {
        e += 1;
    }
    let tight = e;
    while e < buf.len() && buf[e] == b' ' && e < stop {
        e += 1;
    }
    let Some(&sep) = buf.get(e) else { return false };
    let tight = e == tight;
    if sep != b'=' && sep != b':' {
        return false;
    }
    e += 1;
    // Nothing after `=`: the next field follows (logfmt, query strings); not a quote escaped as
    // an entity (`password=&quot;v&quot;`).
    let entity = [&b"&quot;"[..], b"&#34;", b"&apos;", b"&#39;"].iter().any(|q| buf[e..].starts_with(q));
    if sep == b'='
        && tight
        && !entity
        && buf.get(e).is_none_or(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'&' | b',' | b';'))
    {
        return true;
    }
    while e < buf.len() && matches!(buf[e], b' ' | b'"' | b'\'') && e < stop {
        e += 1;
    }
    let v = &buf[e..(e + 12).min(buf.len())];
    let starts = |m: &[u8]| v.len() >= m.len() && v[..m.len()].eq_ignore_ascii_case(m);
    v.starts_with(b"***")
        || v.starts_with(b"%2A%2A")
        || v.starts_with(b"xxxx")
        || [
            &b"<redacted"[..],
            b"<hidden",
            b"<masked",
            b"<removed",
            b"<filtered",
            b"[redacted",
            b"[filtered",
            b"[hidden",
            b"[masked",
            b"[protected",
            b"[secure",
            b"(hidden",
            b"(null",
            b"(redacted",
        ]
        .iter()
        .any(|m| starts(m))
}

#[cfg(test)]
mod tests {
    use super::without_values;

    #[test]
    fn evidence_carries_no_values() {
        assert_eq!(
            without_values(
                "POST /services/oauth2/token?grant_type=password&client_id=3MVG9abc&client_secret=BB80F00D1234"
            ),
            "POST /services/oauth2/token?grant_type=…&client_id=…&client_secret=…"
        );
        assert_eq!(
            without_values("Salesforce(\"ops@acme.com\", \"Hunter2!\", token="),
            "Salesforce(\"…\", \"…\", token="
        );
        assert_eq!(without_values("\"salesforce\": {"), "\"salesforce\": {");
        assert_eq!(without_values("the key `sf > auth` names Salesforce"), "the key `sf > auth` names Salesforce");
        assert_eq!(
            without_values("url `login.salesforce.com` in its block"),
            "url `login.salesforce.com` in its block"
        );
        // A JSON string inside a JSON string: its escaped values go too.
        assert_eq!(without_values(r#""body": "{\"username\": \"svc@acme.com\", \""#).contains("svc@"), false);
        assert_eq!(without_values("url `https://ops:Hunter2@login.salesforce.com`"), "url `https://ops:…`");
    }
}
