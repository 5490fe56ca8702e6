//! Parent keys: where a pair sits (`salesforce` for `salesforce:\n  password: v`), read by
//! [`path`] as the pair's [`Parents`] says: YAML indentation, brackets (JSON, dicts, HCL), an
//! INI or TOML `[section]`, the call a keyword argument is in, the start tags enclosing an XML
//! element, the name cells before a key in its tuple or row; and the machine of a `.netrc` entry.
//!
//! Parents are read only for values worth it (the caller asks), as they look back up to
//! [`PATH_REACH`] bytes.

use super::code::tuple_open;
use super::{indent_of, line_end, line_start, Pair, Parents};

/// Parent keys of a pair, outermost first (`salesforce` for `salesforce:\n  password: v`), and
/// for an XML element the enclosing start tags.
pub(crate) fn path(buf: &[u8], p: &Pair) -> Vec<String> {
    match p.parents {
        Parents::None => Vec::new(),
        Parents::Xml(at) => xml_path(buf, at),
        Parents::Keys(at, line) => parent_path(buf, at, line),
        Parents::Indent(at) => indent_path(buf, at, at.saturating_sub(PATH_REACH)),
        Parents::Tuple(at) => tuple_path(buf, at),
        Parents::Cells(row, at, delim) => buf[row..at]
            .split(|&b| b == delim)
            .map(|c| String::from_utf8_lossy(c).trim().trim_matches(['"', '\'']).to_string())
            .filter(|c| row_name(c))
            .collect(),
    }
}

/// Whether a row's cell may stand as a parent key: a name of letters (`salesforce`,
/// `smtp`, `salesforce_sandbox`), never a value (an address, a number, a token) that evidence
/// would then print.
fn row_name(cell: &str) -> bool {
    cell.len() <= 40
        && cell.starts_with(|c: char| c.is_ascii_alphabetic())
        && cell.chars().all(|c| c.is_ascii_alphabetic() || matches!(c, '_' | '-' | '.' | ' '))
}

/// The quoted name cells between the `(` that opens a quoted key's tuple and the key at `ks`.
fn tuple_path(buf: &[u8], ks: usize) -> Vec<String> {
    let Some(open) = tuple_open(buf, ks) else { return Vec::new() };
    let mut out = Vec::new();
    let mut i = open + 1;
    let end = ks.saturating_sub(1);
    while i < end {
        if matches!(buf[i], b'"' | b'\'') {
            let q = buf[i];
            let Some(close) = memchr::memchr(q, &buf[i + 1..end]).map(|c| c + i + 1) else { break };
            let cell = String::from_utf8_lossy(&buf[i + 1..close]).into_owned();
            if row_name(&cell) {
                out.push(cell);
            }
            i = close + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// How far back parent keys and table headers are looked for.
const PATH_REACH: usize = 8192;

/// Parent keys of a key at `ks`: YAML by indentation, JSON, dicts and HCL by braces, INI and TOML
/// by their last `[section]`; outermost first.
fn parent_path(buf: &[u8], ks: usize, line: bool) -> Vec<String> {
    let from = ks.saturating_sub(PATH_REACH);
    let mut path = if line { indent_path(buf, ks, from) } else { Vec::new() };
    if path.is_empty() {
        path = brace_path(buf, ks, from);
    }
    if let Some(s) = section(buf, ks, from) {
        path.insert(0, s);
    }
    // What the key's own line says before it: the call it is an argument of (`Salesforce(…,`,
    // `psycopg2.connect(…,`), the string it is inside (`"sasl.jaas.config": "…PlainLoginModule …`).
    let mut own_line = 0;
    if !line {
        let ls = line_start(buf, ks);
        let head = buf[ls..ks].trim_ascii();
        let head = &head[head.len().saturating_sub(160)..];
        // In a string of text, only its own line counts (after an escaped newline or a break).
        let head = if memchr::memchr2(b'\\', b'>', head).is_some() {
            [&b"\\n"[..], b"<br>", b"<br/>", b"<p>", b"</p>", b"\">"]
                .iter()
                .filter_map(|sep| memchr::memmem::rfind(head, sep).map(|i| i + sep.len()))
                .max()
                .map_or(head, |i| head[i..].trim_ascii())
        } else {
            head
        };
        // A log line's program (`etl-01 sf_nightly[18601]: DEBUG ini[redshift] password = v`)
        // is what logged it, not a parent of its message's keys.
        let head = match memchr::memmem::find(head, b"]: ") {
            Some(i) if crate::detect::timestamp::at_line_start(&buf[ls..]).is_some() => head[i + 3..].trim_ascii(),
            _ => head,
        };
        // (Not declarations: `private const string` names no parent.)
        // Nor a query string's earlier parameters (`…&client_id=…&client_secret`).
        let query = ks > 0 && matches!(buf[ks - 1], b'&' | b'?' | b';');
        // In an object written on one line, its members before the key are siblings, not
        // parents (`{"level":30,"hostname":"order-webhook-7c9d","client_secret":…}`), and what
        // comes before the `{` is read by the braces.
        let head = if memchr::memchr(b'{', head).is_some() { &[][..] } else { head };
        if head.len() > 2 && !query && head.iter().any(|b| b"(\"'[{:=,".contains(b)) {
            path.push(String::from_utf8_lossy(head).into_owned());
            own_line = 1;
        }
    }
    // A keyword argument of a call opened on an earlier line (`dbConnect(RPostgres::Postgres(),`
    // … `password = "v")`, `Salesforce(` … `password="v",`): the call's first line.
    if memchr::memchr(b'(', &buf[line_start(buf, ks)..ks]).is_none() {
        // (Unless a parent already is that line: `return Salesforce(` read by its indentation.)
        if let Some(head) = call_head(buf, ks).filter(|h| !path.iter().any(|p| h.starts_with(p.trim()))) {
            path.insert(path.len() - own_line, head);
        }
    }
    path
}

/// The first line of the call whose argument list, opened on an earlier line (at most six lines
/// and 600 bytes back), holds `ks`: from that line's start to its end.
fn call_head(buf: &[u8], ks: usize) -> Option<String> {
    let floor = ks.saturating_sub(600);
    let mut depth = 0usize;
    let mut lines = 0;
    let mut i = line_start(buf, ks);
    while i > floor {
        i -= 1;
        match buf[i] {
            b'\n' => {
                lines += 1;
                if lines > 6 {
                    return None;
                }
            }
            b')' => depth += 1,
            b'(' if depth > 0 => depth -= 1,
            b'(' => {
                // A call: a name right before the bracket.
                if i == 0 || !(buf[i - 1].is_ascii_alphanumeric() || buf[i - 1] == b'_') {
                    return None;
                }
                let ls = line_start(buf, i);
                let line = buf[ls..line_end(buf, i)].trim_ascii();
                return Some(String::from_utf8_lossy(&line[..line.len().min(200)]).into_owned());
            }
            b'{' | b'}' | b';' => return None,
            _ => {}
        }
    }
    None
}

/// YAML-style parents: each earlier line less indented than the last one found, that ends a key
/// (`salesforce:`, `- name: sf`).
fn indent_path(buf: &[u8], ks: usize, from: usize) -> Vec<String> {
    let ls = line_start(buf, ks);
    let mut indent = indent_of(&buf[ls..ks]);
    let mut out = Vec::new();
    let mut end = ls;
    while indent > 0 && end > from {
        let s = line_start(buf, end - 1);
        let l = &buf[s..end - 1];
        end = s;
        if l.trim_ascii().is_empty() || l.trim_ascii_start().starts_with(b"#") {
            continue;
        }
        let i = indent_of(l);
        if i < indent {
            indent = i;
            let t = l.trim_ascii();
            let t = t.strip_prefix(b"- ").unwrap_or(t);
            if let Some(c) = memchr::memchr(b':', t) {
                out.push(String::from_utf8_lossy(t[..c].trim_ascii()).trim_matches(['"', '\'']).to_string());
                // `- name: salesforce` names its list item.
                let rest = t[c + 1..].trim_ascii();
                if !rest.is_empty() && rest.len() < 60 {
                    out.push(String::from_utf8_lossy(rest).trim_matches(['"', '\'']).to_string());
                }
            } else if t.ends_with(b"{") || t.ends_with(b"(") {
                out.push(String::from_utf8_lossy(&t[..t.len() - 1]).trim().to_string());
            }
        }
        if s == 0 {
            break;
        }
    }
    out.reverse();
    out
}

/// The nearest `{`, `}`, `[` or `]` in `buf[floor..i]`, searched with SIMD: a log line has none
/// for kilobytes, and a byte-by-byte walk back over them was most of a keyword-dense log's time.
pub(crate) fn prev_bracket(buf: &[u8], floor: usize, i: usize) -> Option<usize> {
    let hay = &buf[floor..i];
    let a = memchr::memrchr3(b'{', b'}', b'[', hay);
    let b = memchr::memrchr(b']', hay);
    a.max(b).map(|x| floor + x)
}

/// The nearest `{`, `}`, `[` or `]` in `buf[j..ceil]`.
pub(crate) fn next_bracket(buf: &[u8], j: usize, ceil: usize) -> Option<usize> {
    let hay = &buf[j..ceil];
    match (memchr::memchr3(b'{', b'}', b'[', hay), memchr::memchr(b']', hay)) {
        (Some(a), Some(b)) => Some(j + a.min(b)),
        (a, b) => a.or(b).map(|x| j + x),
    }
}

/// Brace-nested parents (JSON, dicts, HCL, C#/Java initialisers): the text before each `{` (or
/// `(`) that encloses `ks`.
fn brace_path(buf: &[u8], ks: usize, from: usize) -> Vec<String> {
    let mut depth = 0i32;
    let mut out = Vec::new();
    let mut i = ks;
    while i > from && out.len() < 6 {
        let Some(b) = prev_bracket(buf, from, i) else { break };
        i = b;
        match buf[i] {
            b'}' | b']' => depth += 1,
            b'{' | b'[' if depth > 0 => depth -= 1,
            b'{' => {
                let ls = line_start(buf, i);
                let head = &buf[ls..i];
                let head = head.trim_ascii();
                if head.is_empty() {
                    // `{` on a line of its own: the key is on the line before, unless that line
                    // ends an item of a list (`{ … },`): then the object is an item itself.
                    if ls > 0 {
                        let pls = line_start(buf, ls - 1);
                        let prev = buf[pls..ls - 1].trim_ascii();
                        if !matches!(prev.last(), Some(b',' | b'}' | b']' | b';')) {
                            out.push(String::from_utf8_lossy(prev).into_owned());
                        }
                    }
                } else {
                    // On a line of several objects (`{"salesforce": {…}, "sso": {`), only the
                    // key of this one.
                    let own = head
                        .iter()
                        .rposition(|b| matches!(b, b',' | b'{' | b'['))
                        .map_or(head, |c| head[c + 1..].trim_ascii());
                    out.push(String::from_utf8_lossy(own).into_owned());
                }
            }
            _ => {}
        }
    }
    out.reverse();
    out
}

/// The INI/TOML section a key is in: the last `[name]` line before it.
fn section(buf: &[u8], ks: usize, from: usize) -> Option<String> {
    let mut end = line_start(buf, ks);
    while end > from {
        let s = line_start(buf, end - 1);
        let l = buf[s..end - 1].trim_ascii();
        if l.starts_with(b"[") && l.ends_with(b"]") && l.len() < 80 && !l.contains(&b'=') && !l.contains(&b',') {
            return Some(String::from_utf8_lossy(&l[1..l.len() - 1]).trim_matches('[').trim_matches(']').to_string());
        }
        end = s;
    }
    None
}

/// Elements of HTML, whose attributes say nothing of the values inside.
const HTML_TAGS: &[&str] = &[
    "html",
    "body",
    "div",
    "span",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "p",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "nav",
    "code",
    "pre",
    "a",
    "b",
    "i",
    "strong",
    "em",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "font",
    "tt",
    "small",
    "label",
    "form",
    "colgroup",
    "col",
    "caption",
    "aside",
    "details",
    "summary",
];

/// The start tags enclosing an XML element at `ks`, with their attributes (a connector's type is
/// often an attribute: `<connection type="salesforce">`).
fn xml_path(buf: &[u8], ks: usize) -> Vec<String> {
    let from = ks.saturating_sub(PATH_REACH);
    let mut out = Vec::new();
    let mut closed = 0;
    let mut i = ks.saturating_sub(1);
    while i > from && out.len() < 6 {
        let Some(lt) = memchr::memrchr(b'<', &buf[from..i]) else { break };
        let lt = from + lt;
        i = lt;
        // A `<` with no `>` after it (`a < b` in code) opens no tag.
        let Some(gt) = memchr::memchr(b'>', &buf[lt..(lt + 600).min(buf.len())]).map(|g| lt + g) else { continue };
        let tag = &buf[lt + 1..gt];
        if tag.starts_with(b"/") {
            closed += 1;
        } else if tag.starts_with(b"?") || tag.starts_with(b"!") || tag.ends_with(b"/") {
        } else if closed > 0 {
            closed -= 1;
        } else {
            // An HTML element's attributes are layout (`class="confluenceTable"`), not names.
            let name = tag.split(|&b| b.is_ascii_whitespace()).next().unwrap_or(tag);
            let html = HTML_TAGS.iter().any(|t| name.eq_ignore_ascii_case(t.as_bytes()));
            out.push(without_namespaces(&String::from_utf8_lossy(if html { name } else { tag })));
        }
    }
    out.reverse();
    out
}

/// The machine of a `.netrc` entry whose `password` is at `ks`: `machine h` begins its line or
/// one of the three lines above, and only `login`/`account` entries are between.
pub(super) fn netrc(buf: &[u8], ks: usize) -> Option<&[u8]> {
    fn host(l: &[u8]) -> Option<&[u8]> {
        let rest = l.strip_prefix(b"machine ")?.trim_ascii_start();
        Some(&rest[..rest.iter().take_while(|b| !b.is_ascii_whitespace()).count()])
    }
    let mut s = line_start(buf, ks);
    let head = buf[s..ks].trim_ascii();
    if let Some(h) = host(head) {
        return Some(h);
    }
    if !head.is_empty() && !head.starts_with(b"login ") {
        return None;
    }
    for _ in 0..3 {
        if s == 0 {
            return None;
        }
        s = line_start(buf, s - 1);
        let l = buf[s..line_end(buf, s)].trim_ascii();
        if let Some(h) = host(l) {
            return Some(h);
        }
        if !(l.starts_with(b"login ") || l.starts_with(b"account ")) {
            return None;
        }
    }
    None
}

/// A tag without its namespace declarations: `xmlns="http://soap.sforce.com/2006/04/metadata"`
/// names the schema of a Salesforce metadata file, not whose a credential inside it is (a Named
/// Credential holds another system's password).
fn without_namespaces(tag: &str) -> String {
    let mut out = String::with_capacity(tag.len());
    let mut rest = tag;
    while let Some(i) = rest.find("xmlns") {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        // The attribute's value: up to its closing quote.
        let end = after
            .find(['"', '\''])
            .and_then(|q| after[q + 1..].find(&after[q..q + 1]).map(|e| q + 1 + e + 1))
            .unwrap_or(after.len());
        rest = &after[end..];
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespaces_name_no_parent() {
        assert_eq!(
            without_namespaces("NamedCredential xmlns=\"http://soap.sforce.com/2006/04/metadata\""),
            "NamedCredential"
        );
        assert_eq!(without_namespaces("n1:login xmlns:n1='urn:partner.soap.sforce.com' a=\"b\""), "n1:login a=\"b\"");
    }

    #[test]
    fn a_less_than_sign_far_from_any_tag_is_no_parent() {
        // `a < b` in code, then an element 700 bytes on: this once sliced backwards and panicked.
        let text = format!("a < b{}<password>v</password>", " ".repeat(700));
        let ks = text.find("password").unwrap();
        assert!(xml_path(text.as_bytes(), ks).is_empty());
    }
}
