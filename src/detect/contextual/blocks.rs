//! The blocks around a pair, innermost first: its enclosing brackets, the sibling lines of a
//! YAML or properties entry, its INI section, the XML elements that are its records, a
//! connection string's line; what is nested inside a block; and whether a block is a structured
//! log event.
//!
//! A block is read for its vendor (`vendor`) and for the records a pair's halves must share
//! (`Pending::enclosing`, `Pending::row`).

use crate::detect::keyvalue::{self, Form, Pair};
use std::ops::Range;

/// Whether a block is a structured log event: a level and a message field (pino, bunyan,
/// logstash JSON: `{"level":30,"time":…,"hostname":"web-7c9d","msg":"…"}`).
pub(super) fn log_event(block: &[u8]) -> bool {
    let field = |names: &[&[u8]]| names.iter().any(|n| memchr::memmem::find(block, n).is_some());
    block.first() == Some(&b'{')
        && field(&[b"\"level\":", b"\"severity\":", b"\"lvl\":", b"\"log.level\":"])
        && field(&[b"\"msg\":", b"\"message\":"])
}

/// The blocks around a pair, innermost first: enclosing `{…}` / `[…]` levels (JSON, dicts, HCL),
/// the run of sibling lines of a YAML or properties entry, and a connection string's own line.
pub(super) fn blocks(buf: &[u8], p: &Pair) -> Vec<Range<usize>> {
    const REACH: usize = 4096;
    let mut out = Vec::new();
    let at = p.key_start.min(p.value.start);
    let ls = keyvalue::line_start(buf, at);
    let le = keyvalue::line_end(buf, at);
    // A connection string: `Server=…;Database=…;Password=…`.
    if buf[ls..le].iter().filter(|&&b| b == b';').count() >= 2 {
        out.push(ls..le);
    }
    // Enclosing brackets.
    let mut open = at;
    let floor = at.saturating_sub(REACH);
    for _ in 0..3 {
        let mut depth = 0i32;
        let mut i = open;
        let mut found = None;
        while i > floor {
            let Some(b) = keyvalue::prev_bracket(buf, floor, i) else { break };
            i = b;
            match buf[i] {
                b'}' | b']' => depth += 1,
                b'{' | b'[' if depth > 0 => depth -= 1,
                b'{' | b'[' => {
                    found = Some(i);
                    break;
                }
                _ => {}
            }
        }
        let Some(o) = found else { break };
        let mut depth = 0i32;
        let mut j = o + 1;
        let ceil = (o + REACH).min(buf.len());
        while j < ceil {
            let Some(b) = keyvalue::next_bracket(buf, j, ceil) else {
                j = ceil;
                break;
            };
            j = b;
            match buf[j] {
                b'{' | b'[' => depth += 1,
                b'}' | b']' if depth == 0 => break,
                b'}' | b']' => depth -= 1,
                _ => {}
            }
            j += 1;
        }
        out.push(o..j);
        open = o;
    }
    // YAML / properties siblings: lines of the same indentation around the key's, up to a line
    // indented less.
    if matches!(p.form, Form::Assign { line: true } | Form::NameValue) {
        let indent = buf[ls..at].iter().take_while(|&&b| b == b' ' || b == b'\t').count();
        let line_indent = |s: usize| buf[s..].iter().take_while(|&&b| b == b' ' || b == b'\t').count();
        let mut start = ls;
        for _ in 0..20 {
            if start == 0 {
                break;
            }
            let s = keyvalue::line_start(buf, start - 1);
            if line_indent(s) < indent || buf[s..start - 1].trim_ascii().is_empty() {
                break;
            }
            start = s;
        }
        let mut end = le;
        for _ in 0..20 {
            if end >= buf.len() {
                break;
            }
            let e = keyvalue::line_end(buf, end + 1);
            if line_indent(end + 1) < indent || buf[end + 1..e].trim_ascii().is_empty() {
                break;
            }
            end = e;
        }
        if indent > 0 {
            out.insert(0, start..end);
        } else if let Some(section) = ini_section(buf, ls, le) {
            out.insert(0, section);
        }
    }
    // XML: the elements around the key, innermost first (a KeePass `<Entry>` whose `Title` and
    // `URL` say whose its `Password` is).
    if matches!(p.parents, keyvalue::Parents::Xml(_)) || buf[ls..le].trim_ascii_start().starts_with(b"<") {
        out.extend(xml_elements(buf, at, REACH, 2));
    }
    out
}

/// The INI section around the line `ls..le` (`[Sage]` down to the next section header), when a
/// header is at most 40 lines above it.
fn ini_section(buf: &[u8], ls: usize, le: usize) -> Option<Range<usize>> {
    let header = |s: usize, e: usize| {
        let t = buf[s..e].trim_ascii();
        t.len() > 2 && t[0] == b'[' && t[t.len() - 1] == b']' && !t[1..t.len() - 1].contains(&b'[')
    };
    let mut start = ls;
    let mut found = false;
    for _ in 0..40 {
        if start == 0 {
            break;
        }
        let s = keyvalue::line_start(buf, start - 1);
        start = s;
        if header(s, keyvalue::line_end(buf, s)) {
            found = true;
            break;
        }
    }
    if !found {
        return None;
    }
    let mut end = le;
    for _ in 0..40 {
        if end >= buf.len() {
            break;
        }
        let e = keyvalue::line_end(buf, end + 1);
        if header(end + 1, e) {
            break;
        }
        end = e;
    }
    Some(start..end)
}

/// Up to `n` XML elements enclosing `at` that span lines (records, not a `<Key>` leaf), innermost
/// first, each from its `<` to the end of its closing tag, looked for within `reach` bytes either
/// side. The document's root element is no record, it says what the whole file is; unless no
/// other element encloses the key.
fn xml_elements(buf: &[u8], at: usize, reach: usize, n: usize) -> Vec<Range<usize>> {
    let floor = at.saturating_sub(reach);
    let ceil = (at + reach).min(buf.len());
    let mut out = Vec::new();
    // Names of elements closed between a candidate and `at`.
    let mut closed: Vec<&[u8]> = Vec::new();
    let mut i = at;
    while out.len() < n {
        let Some(lt) = memchr::memrchr(b'<', &buf[floor..i]).map(|j| floor + j) else { break };
        i = lt;
        let Some(gt) = memchr::memchr(b'>', &buf[lt..ceil.min(lt + 512)]).map(|j| lt + j) else { continue };
        let tag = &buf[lt + 1..gt];
        if tag.first().is_some_and(|&b| matches!(b, b'?' | b'!')) || tag.last() == Some(&b'/') {
            continue;
        }
        let name_of = |t: &[u8]| -> usize { t.iter().take_while(|&&b| !b.is_ascii_whitespace() && b != b'/').count() };
        if let Some(t) = tag.strip_prefix(b"/") {
            closed.push(&t[..name_of(t)]);
            continue;
        }
        let name = &tag[..name_of(tag)];
        if name.is_empty() {
            continue;
        }
        if closed.last() == Some(&name) {
            closed.pop();
            continue;
        }
        let mut close = Vec::with_capacity(name.len() + 3);
        close.extend_from_slice(b"</");
        close.extend_from_slice(name);
        close.push(b'>');
        let Some(end) = memchr::memmem::find(&buf[gt..ceil], &close).map(|j| gt + j + close.len()) else { break };
        // (Unless the key is one of its own fields: a Named Credential's `<endpoint>` and
        // `<password>` are children of the root, which is the one record.)
        let root = !buf[..lt].windows(2).any(|w| w[0] == b'<' && w[1].is_ascii_alphabetic());
        if root {
            if out.is_empty() && memchr::memchr(b'\n', &buf[lt..end]).is_some() {
                out.push(lt..end);
            }
            break;
        }
        // HTML's elements are layout (a table's `class="confluenceTd"`), not records.
        const HTML: &[&[u8]] = &[
            b"html",
            b"body",
            b"div",
            b"table",
            b"tbody",
            b"thead",
            b"tr",
            b"td",
            b"th",
            b"ul",
            b"ol",
            b"li",
            b"p",
            b"span",
            b"section",
            b"article",
            b"main",
            b"form",
            b"dl",
            b"pre",
            b"blockquote",
        ];
        if HTML.iter().any(|h| h.eq_ignore_ascii_case(name)) {
            break;
        }
        if memchr::memchr(b'\n', &buf[lt..end]).is_some() {
            out.push(lt..end);
        }
    }
    out
}

/// What is nested inside a block (spans relative to it): the objects and arrays one level inside
/// a block that opens with a bracket (brackets inside double-quoted strings are text), or the
/// deeper-indented lines of a run of sibling lines.
pub(super) fn nested(block: &[u8]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // An XML element: its fields are in child elements at any depth (KeePass's
    // `<String><Key>Title</Key><Value>…`), none of them a block of its own.
    if block.first() == Some(&b'<') {
        return out;
    }
    if !matches!(block.first(), Some(b'{' | b'[')) {
        // The sibling lines of a YAML or JSON entry: lines indented deeper are nested, and so
        // are lines that are objects of their own (a list's `{ "name": "gh_pat", "value": … }`
        // entries describe other things).
        let indent = |l: &[u8]| l.iter().take_while(|&&b| b == b' ' || b == b'\t').count();
        let base = block.split(|&b| b == b'\n').filter(|l| !l.trim_ascii().is_empty()).map(indent).min().unwrap_or(0);
        let mut at = 0;
        for l in block.split(|&b| b == b'\n') {
            let t = l.trim_ascii();
            if indent(l) > base || t.starts_with(b"{") && (t.ends_with(b"}") || t.ends_with(b"},")) {
                out.push(at..at + l.len());
            }
            at += l.len() + 1;
        }
        return out;
    }
    let (mut depth, mut start, mut in_str, mut escaped) = (0usize, 0, false, false);
    for (i, &b) in block.iter().enumerate() {
        if in_str {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_str = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'{' | b'[' => {
                depth += 1;
                if depth == 2 {
                    start = i;
                }
            }
            b'}' | b']' => {
                if depth == 2 {
                    out.push(start..i + 1);
                }
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    out
}
