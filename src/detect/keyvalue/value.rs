//! Reading a value at a position: a quoted string (escaped quotes, doubled single quotes, a
//! backtick template over lines), a second literal joined to it (`"v" + "t"`, `$p . 't'`), or a bare
//! value to the end of its config line or to the next separator inline; and the literals that code
//! wraps around a value (`SecretStr("v")`, `paste0("a", "b")`, `process.env.K ?? 'v'`,
//! `String.format("%s%s", "v", "t")`).
//!
//! Most forms read their value here, so that a value is taken as written (its span in the buffer)
//! the same way whatever syntax introduced its key.

use super::{line_end, line_start, skip_blanks, Form, MAX_VALUE, QUOTES};
use std::ops::Range;

/// An opening quote at `p`: the quote byte and the position after it. A quote escaped for a
/// string inside a string (`\"`, `\\\"`) counts, so JSON inside a JSON log line is read alike.
pub(super) fn open_quote(buf: &[u8], p: usize) -> Option<(u8, usize, usize)> {
    let mut i = p;
    let mut esc = 0;
    while i < buf.len() && buf[i] == b'\\' && esc < 3 {
        i += 1;
        esc += 1;
    }
    let q = *buf.get(i)?;
    QUOTES.contains(&q).then_some((q, i + 1, esc))
}

/// The value starting at `p` (after the separator and blanks).
pub(super) fn value_at(buf: &[u8], p: usize, form: Form) -> Option<(Range<usize>, bool, Option<Range<usize>>)> {
    let mut p = p;
    // String prefixes: Python `r"…"`, `b'…'`, `f"…"`, `u"…"`, C# `@"…"`, `$"…"`.
    if p + 1 < buf.len()
        && matches!(buf[p], b'r' | b'b' | b'f' | b'u' | b'@' | b'$' | b'R' | b'L')
        && QUOTES.contains(&buf[p + 1])
    {
        p += 1;
    }
    // reStructuredText's inline literal: ``` ``v`` ```.
    if buf[p..].starts_with(b"``") && buf.get(p + 2).is_some_and(|&b| b != b'`' && !b.is_ascii_whitespace()) {
        let le = line_end(buf, p);
        if let Some(i) = memchr::memmem::find(&buf[p + 2..le], b"``") {
            return Some((p + 2..p + 2 + i, true, None));
        }
    }
    if let Some((q, start, esc)) = open_quote(buf, p) {
        let (end, after) = close_quote(buf, start, q, esc)?;
        return Some((start..end, true, joined(buf, after)));
    }
    // Quotes escaped as XML entities (code kept in an attribute: `password=&quot;v&quot;`).
    for q in [&b"&quot;"[..], b"&#34;", b"&apos;", b"&#39;"] {
        if buf[p..].starts_with(q) {
            let start = p + q.len();
            let le = line_end(buf, start).min(start + MAX_VALUE);
            let end = start + memchr::memmem::find(&buf[start..le], q)?;
            return Some((start..end, true, None));
        }
    }
    // A value wrapped in inline markup, raw or escaped: `<code>v</code>`, `&lt;tt&gt;v&lt;/tt&gt;`
    // (a Jira export's HTML inside XML).
    let tagged = inline_tag(buf, p);
    if let Some(after) = tagged {
        p = after;
    }
    let b = *buf.get(p)?;
    if matches!(b, b'{' | b'[' | b'(' | b'\n' | b'\r') {
        return None;
    }
    let end = match form {
        Form::Assign { line: true } => bare_line(buf, p),
        Form::Element => memchr::memchr(b'<', &buf[p..]).map_or(buf.len(), |i| p + i).min(line_end(buf, p)),
        _ => bare_inline(buf, p),
    };
    let mut end = end.min(p + MAX_VALUE);
    // The end of a CDATA section (`-d client_secret=v]]></ac:plain-text-body>`) or of a comment
    // (`<!-- encrypt.sh -e <password> conf/key -->`, `/* password: v */`).
    // (Only a value with a `>` or a `*` in it is searched: most have neither.)
    if memchr::memchr2(b'>', b'*', &buf[p..end]).is_some() {
        if let Some(i) =
            [&b"]]>"[..], b" -->", b"-->", b" */"].iter().filter_map(|m| memchr::memmem::find(&buf[p..end], m)).min()
        {
            end = p + i;
        }
    }
    if tagged.is_some() {
        let closing = [&b"&lt;/"[..], b"</"].iter().filter_map(|c| memchr::memmem::find(&buf[p..end], c)).min();
        end = closing.map_or(end, |c| p + c);
    }
    while end > p && matches!(buf[end - 1], b' ' | b'\t' | b'\r') {
        end -= 1;
    }
    (end > p).then_some((p..end, false, None))
}

/// The position after an inline tag that opens at `p` (`<tt>`, `<code>`, `&lt;b&gt;`), if one does.
fn inline_tag(buf: &[u8], p: usize) -> Option<usize> {
    const TAGS: &[&[u8]] = &[b"tt", b"code", b"b", b"strong", b"i", b"em", b"kbd", b"pre", b"span", b"samp"];
    let rest = &buf[p..buf.len().min(p + 16)];
    let (open, close): (&[u8], &[u8]) = if rest.starts_with(b"&lt;") { (b"&lt;", b"&gt;") } else { (b"<", b">") };
    let inner = rest.strip_prefix(open)?;
    let name_len = inner.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let name = &inner[..name_len];
    (TAGS.iter().any(|t| t.eq_ignore_ascii_case(name)) && inner[name_len..].starts_with(close))
        .then_some(p + open.len() + name_len + close.len())
}

/// The closing quote of a string opened by `q` (escaped `esc` times) at `start`: the end of the
/// content and the position after the quote. Strings end at their line (a lone quote in a comment
/// does not swallow the file) unless they are backtick templates.
pub(super) fn close_quote(buf: &[u8], start: usize, q: u8, esc: usize) -> Option<(usize, usize)> {
    let limit = (start + MAX_VALUE).min(buf.len());
    let mut i = start;
    while i < limit {
        let b = buf[i];
        if b == b'\n' && q != b'`' {
            return None;
        }
        if b == b'\\' {
            // Count the backslashes before a quote: exactly `esc` of them close this string.
            let mut j = i;
            while j < limit && buf[j] == b'\\' {
                j += 1;
            }
            if j < limit && buf[j] == q && j - i == esc {
                return Some((i, j + 1));
            }
            i = j.max(i + 1);
            if i < limit && buf[i] == q {
                i += 1; // an escaped quote inside the string
            }
            continue;
        }
        if b == q && esc == 0 {
            // A single quote doubled inside a single-quoted string is one quote (YAML, SQL,
            // PowerShell: `password: 'aFF''R4?h'`), unless the string ends there (`''`).
            if q == b'\'' && i > start && buf.get(i + 1) == Some(&b'\'') {
                i += 2;
                continue;
            }
            return Some((i, i + 1));
        }
        i += 1;
    }
    None
}

/// A second string literal joined to the one that ended at `after`: `+ "…"`, `. '…'`, `& "…"`.
pub(super) fn joined(buf: &[u8], after: usize) -> Option<Range<usize>> {
    // A shell word goes on past an escaped line break: `"password=v"\` over `"t"`.
    if buf.get(after) == Some(&b'\\') && matches!(buf.get(after + 1), Some(b'\n' | b'\r')) {
        let p = skip_blanks(buf, line_end(buf, after + 1) + 1);
        if matches!(buf.get(p), Some(b'"' | b'\'')) {
            let (q, start, esc) = open_quote(buf, p)?;
            let (end, after) = close_quote(buf, start, q, esc)?;
            return matches!(buf.get(after), None | Some(b' ' | b'\t' | b'\n' | b'\r')).then_some(start..end);
        }
        return None;
    }
    let p = skip_blanks(buf, after);
    if !matches!(buf.get(p), Some(b'+' | b'.' | b'&')) {
        return None;
    }
    let p = skip_blanks(buf, p + 1);
    let (q, start, esc) = open_quote(buf, p)?;
    let (end, _) = close_quote(buf, start, q, esc)?;
    Some(start..end)
}

/// A bare value inside a line: up to white space or a separator.
fn bare_inline(buf: &[u8], p: usize) -> usize {
    let mut e = p;
    while e < buf.len()
        && !matches!(
            buf[e],
            b' ' | b'\t' | b'\r' | b'\n' | b'&' | b',' | b';' | b')' | b']' | b'}' | b'<' | b'>' | b'"' | b'\'' | b'`'
        )
    {
        // An escape in a JSON string ends the value: `\n`, `\"`.
        if buf[e] == b'\\' && matches!(buf.get(e + 1), Some(b'n' | b'r' | b't' | b'"' | b'\\')) {
            break;
        }
        e += 1;
    }
    // A sentence's final punctuation is not the value's, where the sentence ends its line, its
    // string (a chat export's `"text": "… the token is v."`) or its element (`….</p>`, a
    // caption's `….</v>`).
    while e > p + 1
        && matches!(buf[e - 1], b'.' | b':' | b'!' | b'?')
        && buf.get(e).is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b'<' | b'`' | b'\\'))
    {
        if buf[e - 1] == b'!' {
            break; // `Hunter2!` ends in `!` more often than a sentence does
        }
        e -= 1;
    }
    e
}

/// A bare value that owns the rest of its line (a config file's entry), without a trailing comment.
fn bare_line(buf: &[u8], p: usize) -> usize {
    let end = line_end(buf, p);
    let line = &buf[p..end];
    let mut cut = line.len();
    for (i, w) in line.windows(2).enumerate() {
        if (w == b" #" || w == b"\t#" || w == b" ;" || w == b" //") && i > 0 {
            cut = i;
            break;
        }
    }
    // A list of pairs on one line (`pwd: v, token t`): the value ends at `, ` before a word.
    if let Some(i) = line[..cut]
        .windows(3)
        .position(|w| (w[0] == b',' || w[0] == b';') && w[1] == b' ' && w[2].is_ascii_alphabetic())
    {
        cut = i;
    }
    // Code that ends a statement: `PASSWORD = "x";` is quoted; a bare one (`x = y;`) drops the `;`.
    let mut e = p + cut;
    while e > p && matches!(buf[e - 1], b',' | b';') {
        e -= 1;
    }
    e
}

/// `[NSString stringWithFormat:@"%@%@", @"v", @"t"]`, `String.format("%s%s", "v", "t")`,
/// `fmt.Sprintf("%s%s", "v", "t")`: a format of two placeholders and nothing else, joining two
/// literals; the first literal and the second, joined.
pub(super) fn format_joined(buf: &[u8], v: usize) -> Option<(Range<usize>, Range<usize>)> {
    let le = line_end(buf, v);
    let line = &buf[v..le];
    let open = memchr::memchr(b'"', line)? + v;
    let (q, start, esc) = open_quote(buf, open)?;
    let (end, after) = close_quote(buf, start, q, esc)?;
    if !matches!(&buf[start..end], b"%@%@" | b"%s%s" | b"{}{}" | b"%v%v") {
        return None;
    }
    let mut lits = Vec::new();
    let mut p = after;
    for _ in 0..2 {
        p = skip_blanks(buf, p);
        if buf.get(p) != Some(&b',') {
            return None;
        }
        p = skip_blanks(buf, p + 1);
        if buf.get(p) == Some(&b'@') {
            p += 1;
        }
        let (q, start, esc) = open_quote(buf, p)?;
        let (end, after) = close_quote(buf, start, q, esc)?;
        lits.push(start..end);
        p = after;
    }
    Some((lits[0].clone(), lits[1].clone()))
}

/// A literal at `start`: quoted, or a bare word that ends its line.
pub(super) fn literal(buf: &[u8], start: usize) -> Option<(Range<usize>, bool)> {
    let le = line_end(buf, start);
    if let Some((q, s, esc)) = open_quote(buf, start) {
        let (e, _) = close_quote(buf, s, q, esc)?;
        return Some((s..e, true));
    }
    let n = buf[start..le]
        .iter()
        .take_while(|b| b.is_ascii_graphic() && !matches!(b, b'"' | b'\'' | b'<' | b'>' | b',' | b';' | b'=' | b':'))
        .count();
    let after = skip_blanks(buf, start + n);
    (n > 0 && (after >= le || buf[after] == b'\r')).then_some((start..start + n, false))
}

/// `SecretStr("v")`, `Secret('v')`, `new String("v")`, `SecureString("v")`: a constructor of one
/// name (not a chain: `os.getenv("K")` reads a variable) whose only argument is a literal.
pub(super) fn wrapped_literal(buf: &[u8], v: usize) -> Option<Range<usize>> {
    let mut p = v;
    if buf[p..].starts_with(b"new ") {
        p += 4;
    }
    let name_start = p;
    while p < buf.len() && (buf[p].is_ascii_alphanumeric() || buf[p] == b'_') {
        p += 1;
    }
    if p == name_start || p - name_start > 24 || buf.get(p) != Some(&b'(') || !buf[name_start].is_ascii_uppercase() {
        return None;
    }
    let (q, start, esc) = open_quote(buf, p + 1)?;
    let (end, after) = close_quote(buf, start, q, esc)?;
    (buf.get(after) == Some(&b')')).then_some(start..end)
}

/// A form body built in code, the key's `=` ending a string literal and the value the literal
/// joined after it: `"&password=" & encodeUrl("v" & "t")` (Nim, VB), `"&password=" + "v"`. The
/// string's closing quote is at `v`; the value is a quoted literal after a join operator, maybe
/// wrapped in one call (`encodeUrl(…)`, `quote(…)`), with the literal joined to it if any.
/// `Some(None)`: the string is joined to an expression that holds no literal.
#[allow(clippy::type_complexity)]
pub(super) fn concatenated_after(
    buf: &[u8],
    ks: usize,
    v: usize,
) -> Option<Option<(Range<usize>, bool, Option<Range<usize>>)>> {
    let q = *buf.get(v)?;
    if !QUOTES.contains(&q) {
        return None;
    }
    // The key inside a string opened by the same quote on its line.
    let ls = line_start(buf, ks);
    if buf[ls..ks].iter().filter(|&&b| b == q).count() % 2 == 0 {
        return None;
    }
    let mut p = skip_blanks(buf, v + 1);
    let op = [&b"+"[..], b"&", b"..", b".", b"<>"].into_iter().find(|o| buf[p..].starts_with(o))?;
    p = skip_blanks(buf, p + op.len());
    // One call around the literal: a name and `(`.
    let name = buf[p..].iter().take(32).take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.')).count();
    if name > 0 && buf.get(p + name) == Some(&b'(') {
        p = skip_blanks(buf, p + name + 1);
    }
    let literal = || {
        let (q2, start, esc) = open_quote(buf, p)?;
        let (end, after) = close_quote(buf, start, q2, esc)?;
        Some((start..end, true, joined(buf, after)))
    };
    Some(literal())
}

/// `paste0("a", "b")` (R), `concat('a', 'b')`, `String.Concat("a", "b")`, `CONCAT('a', 'b')`:
/// two literals joined by a call, as the first and its joined second.
pub(super) fn concat_call(buf: &[u8], v: usize) -> Option<(Range<usize>, Range<usize>)> {
    let rest = &buf[v..buf.len().min(v + 24)];
    let name = [&b"paste0("[..], b"paste(", b"concat(", b"string.concat(", b"str_c("]
        .into_iter()
        .find(|n| rest.len() >= n.len() && rest[..n.len()].eq_ignore_ascii_case(n))?;
    let p = skip_blanks(buf, v + name.len());
    let (q, start, esc) = open_quote(buf, p)?;
    let (end, after) = close_quote(buf, start, q, esc)?;
    let p = skip_blanks(buf, after);
    if buf.get(p) != Some(&b',') {
        return None;
    }
    let p = skip_blanks(buf, p + 1);
    let (q2, start2, esc2) = open_quote(buf, p)?;
    let (end2, after2) = close_quote(buf, start2, q2, esc2)?;
    let p = skip_blanks(buf, after2);
    (matches!(buf.get(p), Some(b')'))).then_some((start..end, start2..end2))
}

/// The literal after a fallback operator on the line of an expression starting at `v`: `?? 'x'`, `?: 'x'`,
/// `|| "x"`, ` or 'x'`, or a lookup's default argument (`get("K", "x")`, `fetch('K', 'x')`).
pub(super) fn fallback_literal(buf: &[u8], v: usize) -> Option<Range<usize>> {
    let end = line_end(buf, v).min(v + 300);
    let line = &buf[v..end];
    // A default is a quoted literal: no quote, no default (most log lines), unless an operator
    // that ends the line puts it on the next one.
    let t = line.trim_ascii_end();
    // (`?:`: the Elvis operator of Groovy, Kotlin and PHP.)
    let continued = [&b"??"[..], b"?:", b"||", b" or"].iter().any(|op| t.ends_with(op));
    // (A builder chain whose next line goes on with `.default('v')`.)
    let chained = || end < buf.len() && buf.get(skip_blanks(buf, end + 1)) == Some(&b'.');
    if !continued && memchr::memchr2(b'"', b'\'', line).is_none() && !chained() {
        return None;
    }
    let mut at = None;
    for op in [&b"??"[..], b"?:", b"||", b" or ", b"\", "] {
        if let Some(i) = memchr::memmem::find(line, op) {
            let after = v + i + op.len();
            // `get("K", "x")`: the first argument is the key, the second the default.
            if op.starts_with(b"\"") || op.starts_with(b"'") {
                let head = &buf[v..v + i];
                if !(head.ends_with(b"(\"")
                    || memchr::memmem::find(head, b"(\"").is_some()
                    || memchr::memmem::find(head, b"('").is_some())
                {
                    continue;
                }
            }
            at = Some(match at {
                Some(a) if a < after => a,
                _ => after,
            });
        }
    }
    if at.is_none() {
        if let Some(i) = memchr::memmem::find(line, b"', ") {
            if memchr::memmem::find(&line[..i], b"('").is_some() {
                at = Some(v + i + 3);
            }
        }
    }
    // A lookup's named default, maybe on the call's next line:
    // `String.fromEnvironment('SF_SECRET',\n    defaultValue: 'v')`, `getenv("K", default="v")`.
    // A schema's default in a builder chain, maybe over lines:
    // `K: z.string().min(8).default('v')`, `K: Joi.string()\n    .default("v")`.
    let quote_at = |a: usize| open_quote(buf, skip_blanks(buf, a)).is_some();
    if !at.is_some_and(quote_at) && (memchr::memchr(b'(', line).is_some() || chained()) {
        let mut more =
            if matches!(t.last(), Some(b',' | b'(')) { line_end(buf, (end + 1).min(buf.len())) } else { end };
        for _ in 0..4 {
            let next = skip_blanks(buf, more + 1);
            if more >= buf.len() || buf.get(next) != Some(&b'.') || buf.get(next + 1) == Some(&b'.') {
                break;
            }
            more = line_end(buf, next);
        }
        let call = &buf[v..more.min(v + 400)];
        let lower = call.to_ascii_lowercase();
        at = memchr::memmem::find_iter(&lower, b"default")
            .find_map(|i| {
                let name = i + lower[i..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
                let p = skip_blanks(call, name);
                let named =
                    i > 0 && matches!(call[i - 1], b' ' | b'(' | b',') && matches!(call.get(p), Some(b':' | b'='));
                let chained =
                    (lower[..i].ends_with(b".") || lower[..i].ends_with(b".with")) && call.get(name) == Some(&b'(');
                (named || chained).then(|| v + p + 1)
            })
            .or(at);
    }
    if continued && at.is_none_or(|a| skip_blanks(buf, a) >= end) && end < buf.len() {
        at = Some(skip_blanks(buf, line_end(buf, end) + 1));
    }
    let p = skip_blanks(buf, at?);
    let (q, start, esc) = open_quote(buf, p)?;
    let (end, _) = close_quote(buf, start, q, esc)?;
    (end > start).then_some(start..end)
}
