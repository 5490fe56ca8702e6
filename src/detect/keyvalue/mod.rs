//! Key/value extraction around an anchor word: which key the word belongs to, where that key's
//! value is, and under which parent keys it sits. It runs only in a window around anchor hits
//! (`password`, `token`, `secret`, …), so its cost grows with the hits, not with the input.
//!
//! People keep credentials in every syntax there is, and the same few shapes recur across them:
//!
//! * **assignments**: `k = "v"`, `const K = 'v'`, `$k = "v"`, `K := "v"`, `k: v` (YAML, JSON, Go,
//!   Ruby), `'k' => 'v'` (PHP, Perl), `k="v"` (XML attributes, keyword arguments, `.env`,
//!   `.properties`, INI, TOML), `-Dk=v`, `k%3Dv` (a URL inside a URL);
//! * **elements**: `<n1:password>v</n1:password>`;
//! * **calls**: `setPassword("v")`, `.password("v")`, `define('K', 'v')`, `login(user, "v", "t")`;
//! * **flags**: `--password v`;
//! * **name/value objects**: `{"key": "password", "value": "v"}`, `<add key="Password" value="v"/>`,
//!   `{"name": "sf_token", "value": "v"}`, `set { name = "k" value = "v" }`;
//! * **tables**: a delimited header row naming the column (CSV, TSV, `COPY … FROM stdin`), and
//!   `INSERT INTO t (…, password, …) VALUES (…)`;
//! * **prose**: `the password is v`, `Security token (case-sensitive): v`.
//!
//! Values are taken as written (their span in the buffer): quoted, bare to the end of a config
//! line, or bare to the next separator inline. Whether a value is a credential, and whose, is
//! decided later ([`super::plausible`], [`super::scope`]).

use std::ops::Range;

/// How a key/value pair was written: it decides how far a bare value reaches, and whether an
/// unquoted value in code can be a literal at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// `k = v`, `k: v`, `k => v`, … `line` when the key starts its line (a config file's entry).
    Assign { line: bool },
    /// `<k>v</k>`.
    Element,
    /// `f("v")`, `define('K', 'v')`, `login(u, p, t)`.
    Call,
    /// `--k v`.
    Flag,
    /// `{"key": "k", "value": "v"}`.
    NameValue,
    /// A column of a delimited table or an `INSERT` statement.
    Table,
    /// Free text: `the password is v`.
    Prose,
}

/// One key and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pair {
    /// The key as written, without quotes or flag dashes (for tables and prose: the column or
    /// the words naming it).
    pub key: String,
    /// The value as written, without its quotes.
    pub value: Range<usize>,
    /// A second literal joined to the first (`"Hunter2!" + "tok…"`, `$p . 'tok…'`).
    pub joined: Option<Range<usize>>,
    /// Whether the value was quoted.
    pub quoted: bool,
    pub form: Form,
    /// Where its parent keys are found (see [`path`]): computed only for values worth it.
    pub parents: Parents,
    /// Where the key starts.
    pub key_start: usize,
    /// For a row of a table, where the row starts: values of one row belong together.
    pub row: Option<usize>,
}

/// How to find a pair's parent keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Parents {
    None,
    /// The start tags enclosing an XML element at this position.
    Xml(usize),
    /// YAML indentation (when the key starts its line), else brackets; and an INI section.
    Keys(usize, bool),
    /// YAML indentation only.
    Indent(usize),
    /// The cells before a quoted key in its tuple or argument list: `(9,'smtp','password','v')`
    /// reads `smtp` as the key's parent.
    Tuple(usize),
    /// The cells before a row's label cell (row start, key start, delimiter): `11	smtp	password	v`.
    Cells(usize, usize, u8),
}

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

/// Bytes a key is made of.
pub(crate) fn is_key_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-')
}

const QUOTES: &[u8] = b"\"'`";

/// How far back parent keys and table headers are looked for.
const PATH_REACH: usize = 8192;
/// Longest value taken.
const MAX_VALUE: usize = 512;
/// Rows of a table read after its header.
const MAX_ROWS: usize = 5000;

/// How far a line is looked along for its start or end: a "line" of megabytes (minified code, a
/// file of anchors and nothing else) must not make every hit in it cost its whole length.
const LINE_REACH: usize = 8192;

/// The start of the line holding `at`, or `LINE_REACH` bytes back.
pub(crate) fn line_start(buf: &[u8], at: usize) -> usize {
    let from = at.saturating_sub(LINE_REACH);
    memchr::memrchr(b'\n', &buf[from..at]).map_or(from, |i| from + i + 1)
}

/// The end of the line holding `at` (its newline), or `LINE_REACH` bytes on.
pub(crate) fn line_end(buf: &[u8], at: usize) -> usize {
    let to = (at + LINE_REACH).min(buf.len());
    memchr::memchr(b'\n', &buf[at..to]).map_or(to, |i| at + i)
}

fn skip_blanks(buf: &[u8], mut p: usize) -> usize {
    while p < buf.len() && matches!(buf[p], b' ' | b'\t') {
        p += 1;
    }
    p
}

fn skip_blanks_back(buf: &[u8], mut p: usize) -> usize {
    while p > 0 && matches!(buf[p - 1], b' ' | b'\t') {
        p -= 1;
    }
    p
}

/// Keys are short: one longer than this is a word in a run of text (or of anchors).
const KEY_LONGEST: usize = 128;

/// The key around an anchor at `at..at + len`: its span, without flag dashes.
pub(crate) fn key_span(buf: &[u8], at: usize, len: usize) -> Range<usize> {
    // An anchor may carry what sets its key off (`pw=`, ` -p `): the key is its inner part.
    let (mut at, mut len) = (at, len.min(buf.len().saturating_sub(at)));
    while len > 0 && !is_key_byte(buf[at]) && buf[at] < 0x80 {
        at += 1;
        len -= 1;
    }
    while len > 0 && !is_key_byte(buf[at + len - 1]) && buf[at + len - 1] < 0x80 {
        len -= 1;
    }
    if len == 0 {
        return at..at;
    }
    let mut s = at;
    let floor = at.saturating_sub(KEY_LONGEST);
    while s > floor && is_key_byte(buf[s - 1]) {
        // `\nPassword:` in a JSON string: the escape's letter is not the key's; nor are the
        // digits of a percent escape (`%3Fpassword%3D…` in a URL inside a URL).
        if s >= 2 && buf[s - 2] == b'\\' && matches!(buf[s - 1], b'n' | b'r' | b't') {
            break;
        }
        if s >= 3 && buf[s - 3] == b'%' && buf[s - 2].is_ascii_hexdigit() && buf[s - 1].is_ascii_hexdigit() {
            break;
        }
        s -= 1;
    }
    let Some(e) = key_end(buf, at, len) else { return at..at };
    if s == floor && floor > 0 {
        return at..at;
    }
    // A key of two words in a delimited list (`User=u;Security Token=v;`, `&client secret=v`):
    // the word before the blank is the key's when a delimiter sets both off and `=` or `:` follows.
    if s >= 2 && buf[s - 1] == b' ' {
        let mut w = s - 1;
        while w > floor && buf[w - 1].is_ascii_alphabetic() && s - w < 16 {
            w -= 1;
        }
        let after = e + buf[e..buf.len().min(e + 3)].iter().take_while(|&&b| b == b' ').count();
        if w + 1 < s && w > 0 && matches!(buf[w - 1], b';' | b'&' | b',') && matches!(buf.get(after), Some(b'=' | b':'))
        {
            s = w;
        }
    }
    // `--password`, a sentence's final `.`.
    while s < e && matches!(buf[s], b'-' | b'.') {
        s += 1;
    }
    // Java system properties: `-Dsf.password=…`.
    if s > 0
        && buf[s - 1] == b'-'
        && buf.get(s) == Some(&b'D')
        && buf.get(s + 1).is_some_and(|b| b.is_ascii_lowercase())
    {
        s += 1;
    }
    s..e
}

/// Where the key around an anchor at `at..at + len` ends: past the anchor's word, without a
/// trailing `-` or `.` (`password-` at a line's end, a sentence's final `.`). `None` when the
/// run of key bytes is longer than a key (see [`key_span`], which also finds its start).
fn key_end(buf: &[u8], at: usize, len: usize) -> Option<usize> {
    let mut e = (at + len).min(buf.len());
    while e > at && !is_key_byte(buf[e - 1]) && buf[e - 1] < 0x80 {
        e -= 1;
    }
    let ceil = (e + KEY_LONGEST).min(buf.len());
    while e < ceil && is_key_byte(buf[e]) {
        e += 1;
    }
    if e == ceil && ceil < buf.len() {
        return None;
    }
    while e > at && matches!(buf[e - 1], b'-' | b'.') {
        e -= 1;
    }
    Some(e)
}

/// An opening quote at `p`: the quote byte and the position after it. A quote escaped for a
/// string inside a string (`\"`, `\\\"`) counts, so JSON inside a JSON log line is read alike.
fn open_quote(buf: &[u8], p: usize) -> Option<(u8, usize, usize)> {
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
fn value_at(buf: &[u8], p: usize, form: Form) -> Option<(Range<usize>, bool, Option<Range<usize>>)> {
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
fn close_quote(buf: &[u8], start: usize, q: u8, esc: usize) -> Option<(usize, usize)> {
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
fn joined(buf: &[u8], after: usize) -> Option<Range<usize>> {
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

/// Whether the key at `ks` starts its line, after indentation and an optional `export`, `set`,
/// `- ` (a YAML list item) or `$env:`.
fn starts_line(buf: &[u8], ks: usize) -> bool {
    let ls = line_start(buf, ks);
    let prefix = buf[ls..ks].trim_ascii();
    let prefix = prefix.strip_suffix(b"\"").or_else(|| prefix.strip_suffix(b"'")).unwrap_or(prefix).trim_ascii();
    matches!(prefix, b"" | b"export" | b"set" | b"-" | b"$env:" | b"$" | b"setx" | b"ENV" | b"env")
        || prefix.eq_ignore_ascii_case(b"export")
}

/// Extracts the pairs an anchor at `at..at + len` belongs to.
pub(crate) fn extract(buf: &[u8], at: usize, len: usize) -> Vec<Pair> {
    let ks = key_span(buf, at, len);
    if ks.is_empty() || ks.len() > 96 {
        return Vec::new();
    }
    let mut out = Vec::new();
    if let Some(p) = name_value(buf, ks.clone()) {
        out.push(p);
        return out;
    }
    // A key written `key=`/`key:` is assigned there, not a table's column or a row's label (the
    // common case in logs, and checking for a table reads the whole line several times).
    let mut n = ks.end;
    while n < buf.len() && matches!(buf[n], b'"' | b'\'' | b'\\' | b' ') && n < ks.end + 4 {
        n += 1;
    }
    let assigned = matches!(buf.get(n), Some(b'=' | b':'));
    // Nor is a key written right after `=`/`:` (`type=REFRESH_TOKEN,`): that is a value.
    let mut b = ks.start;
    while b > 0 && matches!(buf[b - 1], b'"' | b'\'' | b' ' | b'\\') && b + 4 > ks.start {
        b -= 1;
    }
    let valued = b > 0 && matches!(buf[b - 1], b'=' | b':');
    if !assigned && !valued {
        // A settings table's row first: under an `Item, Value` header, `Admin password, v, note`
        // is a row, though its cells would pass for a header's names.
        if let Some(p) = label_row(buf, ks.clone()) {
            out.push(p);
            return out;
        }
        if let Some(rows) = table(buf, ks.clone()).or_else(|| html_columns(buf, ks.clone())) {
            return rows;
        }
    }
    if let Some(p) = getter_return(buf, ks.clone()).or_else(|| path_key(buf, ks.clone())) {
        out.push(p);
        return out;
    }
    if let Some(mut p) = pair_after(buf, ks) {
        // `"password=v"\` over `"t"`: the shell word the key is in goes on past an escaped
        // line break.
        let end = p.value.end;
        if p.joined.is_none() && matches!(buf.get(end), Some(b'"' | b'\'')) && buf.get(end + 1) == Some(&b'\\') {
            p.joined = joined(buf, end + 1);
        }
        out.push(p);
    }
    out
}

/// A key-value store's listing (`etcdctl get --prefix`, `consul kv get -recurse` with `-detailed`
/// off, ZooKeeper's `get`): a key path alone on its line whose last segment is the key
/// (`/config/crm/salesforce/password`), its value alone on the next line. The key is the whole
/// path: its segments say whose it is.
fn path_key(buf: &[u8], ks: Range<usize>) -> Option<Pair> {
    // (The byte before the key first: every anchor of a log comes here, and reading its line
    // costs more than this test.)
    if ks.start == 0
        || buf[ks.start - 1] != b'/'
        || !matches!(buf.get(ks.end), None | Some(b'\n' | b'\r' | b' ' | b'\t'))
    {
        return None;
    }
    let ls = line_start(buf, ks.start);
    let le = line_end(buf, ks.start);
    let line = buf[ls..le].trim_ascii_end();
    if ks.start == ls
        || buf[ks.start - 1] != b'/'
        || ls + line.len() != ks.end
        || line.first() != Some(&b'/')
        || line.iter().any(u8::is_ascii_whitespace)
        || le >= buf.len()
    {
        return None;
    }
    let next = le + 1;
    let t = buf[next..line_end(buf, next)].trim_ascii();
    if t.is_empty() || t.len() > 200 || t[0] == b'/' || t.iter().any(u8::is_ascii_whitespace) {
        return None;
    }
    let s = next + (buf[next..].len() - buf[next..].trim_ascii_start().len());
    Some(Pair {
        key: String::from_utf8_lossy(line).into_owned(),
        value: s..s + t.len(),
        joined: None,
        quoted: false,
        form: Form::Assign { line: true },
        parents: Parents::None,
        key_start: ls,
        row: None,
    })
}

/// How far after a getter's name its line must end: a return type and the body's opening.
const GETTER_REACH: usize = 64;

/// A getter that returns a literal: the function's name is the key, the literal its value
/// (`public String getSfPassword() {` over `return "v";`, `def sf_password(self):` over
/// `return "v"`, Objective-C's `+ (NSString *)integrationPassword {`). The body's first
/// statement must be the `return` (a preprocessor line or a comment may come before it); a
/// format of placeholders only joins its literal arguments (`[NSString stringWithFormat:@"%@%@",
/// @"v", @"t"]`).
fn getter_return(buf: &[u8], ks: Range<usize>) -> Option<Pair> {
    let mut p = ks.end;
    // The parameter list: empty or a receiver (`()`, `(self)`, `(this)`).
    if buf.get(p) == Some(&b'(') {
        let close = memchr::memchr(b')', &buf[p..(p + 16).min(buf.len())])? + p;
        let inner = buf[p + 1..close].trim_ascii();
        if !(inner.is_empty() || inner == b"self" || inner == b"this" || inner == b"cls") {
            return None;
        }
        p = close + 1;
    }
    // A return type (`-> String`, `: String`, ` throws`), then the body's opening. Most keys
    // are followed by `=`, `"` or a value: decided on one byte, so that a keyword-dense log
    // line (`password=… token=…`) is not read to its end once per anchor.
    if !matches!(buf.get(p), Some(b' ' | b'\t' | b'{' | b':' | b'-' | b'\r' | b'\n')) {
        return None;
    }
    let reach = (p + GETTER_REACH).min(buf.len());
    let le = memchr::memchr(b'\n', &buf[p..reach]).map(|i| p + i)?;
    let rest = buf[p..le].trim_ascii();
    let opens = rest.ends_with(b"{") || (rest.ends_with(b":") && p > ks.end);
    if !opens || rest.len() > 40 || rest.contains(&b'=') || rest.contains(&b';') {
        return None;
    }
    let mut at = le + 1;
    for _ in 0..3 {
        if at >= buf.len() {
            return None;
        }
        let e = line_end(buf, at);
        let line = buf[at..e].trim_ascii();
        let s = at + (buf[at..e].len() - buf[at..e].trim_ascii_start().len());
        at = e + 1;
        if line.starts_with(b"#") || line.starts_with(b"//") || line.is_empty() {
            continue;
        }
        if !line.starts_with(b"return ") {
            return None;
        }
        let v = skip_blanks(buf, s + b"return ".len());
        let key = String::from_utf8_lossy(&buf[ks.clone()]).into_owned();
        if let Some((value, joined)) = format_joined(buf, v) {
            return Some(getter_pair(key, ks, value, Some(joined)));
        }
        let (value, true, joined) = value_at(buf, v, Form::Assign { line: false })? else { return None };
        return Some(getter_pair(key, ks, value, joined));
    }
    None
}

/// A getter's name and the literal it returns, as a key and its value (see [`getter_return`]).
fn getter_pair(key: String, ks: Range<usize>, value: Range<usize>, joined: Option<Range<usize>>) -> Pair {
    Pair {
        key,
        value,
        joined,
        quoted: true,
        form: Form::Assign { line: false },
        parents: Parents::Keys(ks.start, false),
        key_start: ks.start,
        row: None,
    }
}

/// `[NSString stringWithFormat:@"%@%@", @"v", @"t"]`, `String.format("%s%s", "v", "t")`,
/// `fmt.Sprintf("%s%s", "v", "t")`: a format of two placeholders and nothing else, joining two
/// literals; the first literal and the second, joined.
fn format_joined(buf: &[u8], v: usize) -> Option<(Range<usize>, Range<usize>)> {
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

/// The literal beside a key that no syntax above reads, for the long tail of layouts people
/// write: a quoted literal after the key on its line (`"password" "v"` in a redis capture,
/// `password -> 'v'`), or, when nothing follows the key on its line, a `value` field opening
/// the next line (`<ATTRIBUTE NAME="Password"` over `VALUE="v"/>`, `Property: sf.password` over
/// `Value: "v"`), or the value alone on a deeper-indented next line below `KEY:` or `KEY =`.
///
/// Why a guess is safe here: it runs only where extraction found no pair or a blank value
/// (`"security_token" " "`), it takes only a quoted literal or one that a `value` field or an
/// indented line sets apart, of a value's shape (6 to 128 printable bytes, no blanks), and the
/// caller judges it as it judges any value (its role's shape, the key's vendor, the Salesforce
/// context).
pub(crate) fn recovered(buf: &[u8], at: usize, len: usize) -> Option<Pair> {
    // The key's end first, and the byte after the separator: most
    // anchors without a pair have a word there (`Failed password for`), and an auth log has
    // several such anchors on every line, so they end here before the key's start is looked for.
    let end = key_end(buf, at, len)?;
    let le = line_end(buf, end);
    let mut p = end;
    while p < le && matches!(buf[p], b'"' | b'\'' | b'`' | b']' | b'\\') {
        p += 1;
    }
    let quoted_key = p > end;
    p = skip_blanks(buf, p);
    let sep = match &buf[p..le] {
        [b'=' | b'-', b'>', ..] => 2,
        [b':' | b'=', ..] => 1,
        _ => 0,
    };
    let v = skip_blanks(buf, p + sep);
    let at_line_end = v >= le || buf[v..le].trim_ascii_end().is_empty();
    if !at_line_end && open_quote(buf, v).is_none() {
        return None;
    }
    let ks = key_span(buf, at, len);
    if ks.is_empty() || ks.len() > 96 || ks.end != end {
        return None;
    }
    // (A word of text is no key without a separator: in ``pass `--target-org` `` it is the verb,
    // in ``a Pass-2 `x` label`` a word; a quoted key or a name is one: `"password" "v"`, nginx's
    // `set $sf_client_secret "v"`.)
    let k = &buf[ks.clone()];
    let named = quoted_key
        || k.iter().any(|b| matches!(b, b'_' | b'.'))
        || k.windows(2).any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
    let (value, quoted, below) = if at_line_end {
        let next = le + 1;
        if next >= buf.len() {
            return None;
        }
        let q = skip_blanks(buf, next);
        let w = q + buf[q..line_end(buf, q)].iter().take_while(|b| b.is_ascii_alphabetic()).count();
        let s = skip_blanks(buf, w);
        let start = if w > q && matches!(buf.get(s), Some(b'=' | b':')) {
            if !VALUE_COLUMNS.iter().any(|c| buf[q..w].eq_ignore_ascii_case(c.as_bytes())) {
                return None;
            }
            skip_blanks(buf, s + 1)
        } else {
            // `SF_SECRET:` over the value alone, indented deeper than the key's line.
            let ls = line_start(buf, ks.start);
            let valued =
                ks.start > ls && matches!(buf[skip_blanks_back(buf, ks.start - 1).saturating_sub(1)], b'=' | b':');
            if sep == 0 || valued || q - next <= skip_blanks(buf, ls) - ls {
                return None;
            }
            q
        };
        let (value, quoted) = literal(buf, start)?;
        (value, quoted, true)
    } else if let Some((q, s, esc)) = open_quote(buf, v).filter(|_| named || sep > 0) {
        let (e, after) = close_quote(buf, s, q, esc)?;
        // (Not another key: `"password": "v"` was read above; `"password" "username": …` is a list.)
        if matches!(buf.get(skip_blanks(buf, after)), Some(b':' | b'=')) {
            return None;
        }
        (s..e, true, false)
    } else {
        return None;
    };
    let text = &buf[value.clone()];
    if !(6..=128).contains(&text.len()) || !text.iter().all(u8::is_ascii_graphic) {
        return None;
    }
    let line = starts_line(buf, ks.start);
    Some(Pair {
        key: String::from_utf8_lossy(&buf[ks.clone()]).into_owned(),
        value,
        joined: None,
        quoted,
        form: Form::Assign { line: line && below },
        parents: Parents::Keys(ks.start, line),
        key_start: ks.start,
        row: None,
    })
}

/// A literal at `start`: quoted, or a bare word that ends its line.
fn literal(buf: &[u8], start: usize) -> Option<(Range<usize>, bool)> {
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

/// The key's own pair: what follows the key.
fn pair_after(buf: &[u8], ks: Range<usize>) -> Option<Pair> {
    let ks = whole_quoted_key(buf, ks);
    if let Some(pair) = short_flag(buf, ks.clone()) {
        return pair;
    }
    let key = String::from_utf8_lossy(&buf[ks.clone()]).into_owned();
    // `grant_type=password -d client_id=…`: the word is another key's value, not a key; unless a
    // command at a shell prompt asks for it by name and prints it on the next line (`$ vault kv
    // get -field=sf_password kv/sf` over the value).
    // (A flag that takes `key=value` is not one: `--from-literal=password='v'`, kubectl's.)
    let flag_of_pairs = || {
        let ls = line_start(buf, ks.start);
        let w0 = buf[ls..ks.start - 1].iter().rposition(|b| b.is_ascii_whitespace()).map_or(ls, |i| ls + i + 1);
        let flag = &buf[w0..ks.start - 1];
        flag.starts_with(b"--") && flag.len() > 3 && flag[2..].iter().all(|b| b.is_ascii_lowercase() || *b == b'-')
    };
    if ks.start > 1
        && buf[ks.start - 1] == b'='
        && !matches!(buf[ks.start - 2], b'=' | b'!' | b'<' | b'>')
        && !flag_of_pairs()
    {
        return prompted(buf, ks.clone()).map(|v| prose_pair(key, v, ks.start));
    }
    let mut p = ks.end;
    // The key's closing quote (`"password": …`, `\"password\":…`).
    let quoted_key = ks.start > 0 && open_quote_before(buf, ks.start).is_some();
    if quoted_key {
        while p < buf.len() && buf[p] == b'\\' {
            p += 1;
        }
        if p < buf.len() && QUOTES.contains(&buf[p]) {
            if let Some(pair) = serialized_or_listed(buf, ks.clone(), p + 1, &key) {
                return Some(pair);
            }
            // `"grant_type":"password"`: a quoted value, not a key.
            let mut b = ks.start - 1;
            if b > 0 && buf[b - 1] == b'\\' {
                b -= 1;
            }
            let b = skip_blanks_back(buf, b);
            if b > 0 && matches!(buf[b - 1], b':' | b'=') {
                return None;
            }
            p += 1;
        } else {
            // Inside a longer string: words in prose (`"the password is v"`) at most.
            return prose(buf, ks, key);
        }
    }
    // `]` of `['password']`, `$_ENV['SF_PASSWORD']`.
    if buf.get(p) == Some(&b']') {
        p += 1;
    }
    let flag = ks.start >= 2 && buf[ks.start - 1] == b'-' && buf[ks.start - 2] == b'-';
    let element = element_open(buf, ks.start);
    let p = skip_blanks(buf, p);
    let line = starts_line(buf, ks.start);
    // `password: str = "v"`, `password: string = 'v'`: a type annotation before the `=`.
    let p = skip_annotation(buf, p);
    // `<td>Password</td><td>v</td>`, `<dt>Password</dt><dd>v</dd>`, `<b>Password:</b> v`: the key
    // fills an element and the value is what follows it.
    if !element && ks.start > 0 && buf[ks.start - 1] == b'>' {
        if let Some(pair) = cell_pair(buf, ks.clone(), &key) {
            return Some(pair);
        }
    }
    // `<td>Security token</td>`, `<th>Jira API token (alert bot)</th>`: a few words fill the cell.
    if !element {
        if let Some((words, lt)) = cell_words(buf, ks.clone()) {
            let key = String::from_utf8_lossy(&buf[words.clone()]).trim().to_string();
            if let Some(pair) = cell_pair(buf, words.start..lt, &key) {
                return Some(pair);
            }
        }
    }
    if element {
        let close = memchr::memchr(b'>', &buf[p..(p + 300).min(buf.len())])? + p;
        if buf[close - 1] == b'/' {
            return None;
        }
        let (value, quoted, _) = value_at(buf, close + 1, Form::Element)?;
        return Some(Pair {
            key,
            value,
            joined: None,
            quoted,
            form: Form::Element,
            parents: Parents::Xml(ks.start),
            key_start: ks.start,
            row: None,
        });
    }
    if let Some(after) = separator(buf, p) {
        // `password= token_type=Bearer`, `&password= HTTP/1.1` (logfmt, a query string): an `=`
        // written right after the key with a blank after it holds nothing; what follows is the
        // next field.
        if p == ks.end + usize::from(quoted_key)
            && buf[p] == b'='
            && after == p + 1
            && matches!(buf.get(after), Some(b' ' | b'\t'))
        {
            return None;
        }
        let mut v = skip_blanks(buf, after);
        // A YAML block scalar (`SF_CONSUMER_SECRET: >-`): the value is the indented line below.
        if buf[p] == b':' && matches!(buf.get(v), Some(b'>' | b'|')) {
            let le = line_end(buf, v);
            if buf[v + 1..le].iter().all(|b| matches!(b, b'-' | b'+' | b' ' | b'\t' | b'\r')) && le < buf.len() {
                let next = skip_blanks(buf, le + 1);
                if next > le + 1 && !matches!(buf.get(next), Some(b'\n' | b'\r') | None) {
                    v = next;
                }
            }
        }
        let encoded = buf[p] == b'%';
        let form = Form::Assign { line: line && !encoded };
        // A declared parameter's value is its default (`SalesforceClientSecret:` with `Type:
        // String` and `Default: v` below it, in CloudFormation and SAM).
        // `password:\n  process.env.SF_PASSWORD ??\n  'v',`: an expression on the lines below
        // the key whose fallback is a literal (what a formatter makes of a long line).
        if matches!(buf.get(v), Some(b'\n' | b'\r')) {
            let next = skip_blanks(buf, line_end(buf, v) + 1);
            // `static const String consumerSecret =\n    'v';`: a long literal wrapped onto
            // the next line.
            // (Not below a label's colon: `New token:` over `` `v` `` in notes is text.)
            if buf[p] == b'=' && next < buf.len() && matches!(buf[next], b'"' | b'\'') {
                if let Some((value, true, joined)) = value_at(buf, next, form) {
                    return Some(Pair {
                        key,
                        value,
                        joined,
                        quoted: true,
                        form,
                        parents: Parents::Keys(ks.start, line),
                        key_start: ks.start,
                        row: None,
                    });
                }
            }
            if next < buf.len() && buf[next].is_ascii_alphabetic() {
                if let Some(lit) = fallback_literal(buf, next) {
                    return Some(Pair {
                        key,
                        value: lit,
                        joined: None,
                        quoted: true,
                        form,
                        parents: Parents::Keys(ks.start, line),
                        key_start: ks.start,
                        row: None,
                    });
                }
            }
        }
        if matches!(buf.get(v), Some(b'\n' | b'\r') | None) {
            let declared = line.then(|| declared_default(buf, ks.start, v, &key, Parents::Keys(ks.start, line)));
            // The value below a label (`Consumer Secret:`), not below a sentence (`Make sure the
            // tests pass:` over an indented command).
            // (The label's own sentence: `… for the user. New token:`.)
            let head = &buf[line_start(buf, ks.start)..ks.start];
            let sentence = head.windows(2).rposition(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1] == b' ');
            let head = sentence.map_or(head, |i| &head[i + 2..]);
            let label = head.split(u8::is_ascii_whitespace).filter(|w| !w.is_empty()).count() <= 2;
            return declared
                .flatten()
                .or_else(|| next_line_word(buf, v).filter(|_| label).map(|value| prose_pair(key, value, ks.start)));
        }
        // `"sf.password": { "value": "v", "isSecret": false }` (Azure DevOps variables, ARM
        // parameters), `"password": { "type": "SecureString", "value": "v" }` (Data Factory): an
        // object that wraps the value.
        if buf.get(v) == Some(&b'{') {
            let (value, quoted, joined) = member_value(buf, v)?;
            return Some(Pair {
                key,
                value,
                joined,
                quoted,
                form: Form::Assign { line: false },
                parents: Parents::Keys(ks.start, line),
                key_start: ks.start,
                row: None,
            });
        }
        // (A string joined to an expression holding no literal has no value here.)
        let (mut value, mut quoted, mut joined) = match concatenated_after(buf, ks.start, v) {
            Some(tail) => tail?,
            None => value_at(buf, v, form)?,
        };
        // A sed substitution's replacement (`s/^SF_TOKEN=.*/SF_TOKEN=v/`) ends at its delimiter.
        if !quoted && ks.start > 0 && buf[ks.start - 1] == b'/' && value.len() > 1 && buf[value.end - 1] == b'/' {
            value.end -= 1;
        }
        // `SecretStr("v")`, `new String("v")`: a wrapper around a literal.
        if !quoted {
            if let Some(lit) = wrapped_literal(buf, v) {
                (value, quoted, joined) = (lit, true, None);
            } else if let Some((a, b)) = concat_call(buf, v) {
                (value, quoted, joined) = (a, true, Some(b));
            }
        }
        // `process.env.SF_TOKEN ?? 'v'`, `os.environ.get("SF_PASSWORD", "v")`: the default is
        // the value written here.
        if !quoted {
            if let Some(lit) = fallback_literal(buf, v) {
                (value, quoted, joined) = (lit, true, None);
            }
        }
        if encoded {
            // A query string inside a URL: its `&` is encoded too.
            let hay = &buf[value.clone()];
            if let Some(i) = [&b"%26"[..], b"%2526", b"%20"].iter().filter_map(|m| memchr::memmem::find(hay, m)).min() {
                value.end = value.start + i;
            }
        }
        return Some(Pair {
            key,
            value,
            joined,
            quoted,
            form,
            parents: Parents::Keys(ks.start, line),
            key_start: ks.start,
            row: None,
        });
    }
    // `.netrc`: `machine h login u password v`, on one line or several.
    // The key names the machine: whose the password is (`login.salesforce.com password`,
    // `api.heroku.com password`).
    if let Some(machine) = (p > ks.end && key == "password").then(|| netrc(buf, ks.start)).flatten() {
        let e = p + buf[p..].iter().take_while(|b| !b.is_ascii_whitespace()).count();
        if e > p {
            return Some(Pair {
                key: format!("{} {key}", String::from_utf8_lossy(machine)),
                value: p..e,
                joined: None,
                quoted: false,
                form: Form::Assign { line: true },
                parents: Parents::None,
                key_start: ks.start,
                row: None,
            });
        }
    }
    // nginx's and Tcl's `set $sf_client_secret "v";`: the directive, the name, the value.
    // (And a Dockerfile's older `ENV SF_PASSWORD v`, its value the rest of the line.)
    let head = buf[line_start(buf, ks.start)..ks.start].trim_ascii_start();
    let set = (head == b"set $" || head == b"set ") && matches!(buf.get(p), Some(b'"' | b'\''));
    if p > ks.end && (set || head == b"ENV ") && buf.get(p).is_some_and(|b| !matches!(b, b'\n' | b'\r')) {
        let (value, quoted, joined) = value_at(buf, p, Form::Assign { line: true })?;
        return Some(Pair {
            key,
            value,
            joined,
            quoted,
            form: Form::Assign { line: true },
            parents: Parents::Keys(ks.start, true),
            key_start: ks.start,
            row: None,
        });
    }
    // `Security token (case-sensitive): v` is prose with an aside, not a call.
    let aside = buf.get(p) == Some(&b'(')
        && memchr::memchr(b')', &buf[p..(p + 32).min(buf.len())])
            .is_some_and(|c| matches!(buf.get(skip_blanks(buf, p + c + 1)), Some(b':' | b'=')));
    // An aligned configuration line (Apache, Config::General, sshd): `Pass        v`, the key
    // at the line's start, a run of blanks or a tab, one word to the line's end.
    if line
        && !quoted_key
        && p > ks.end
        && (p - ks.end >= 2 || buf[ks.end] == b'\t')
        && ks.start == line_start(buf, ks.start) + indent_of(&buf[line_start(buf, ks.start)..])
    {
        let le = line_end(buf, p);
        let rest = buf[p..le].trim_ascii_end();
        if !rest.is_empty()
            && !rest.iter().any(|b| b.is_ascii_whitespace())
            && !matches!(rest[0], b'=' | b':' | b'(' | b'{' | b'[' | b'#' | b'/')
        {
            return Some(Pair {
                key,
                value: p..p + rest.len(),
                joined: None,
                quoted: false,
                form: Form::Assign { line: true },
                parents: Parents::Keys(ks.start, line),
                key_start: ks.start,
                row: None,
            });
        }
    }
    // Terraform's `variable "sf_password" { … default = "v" }`.
    if quoted_key
        && buf.get(p) == Some(&b'{')
        && buf[line_start(buf, ks.start)..ks.start].trim_ascii_start().starts_with(b"variable ")
    {
        return declared_default(buf, ks.start, p + 1, &key, Parents::None);
    }
    match buf.get(p) {
        Some(b'(') if aside => prose(buf, ks, key),
        Some(b'(') => {
            let v = skip_blanks(buf, p + 1);
            let (value, quoted, joined) = value_at(buf, v, Form::Call)?;
            Some(Pair {
                key,
                value,
                joined,
                quoted,
                form: Form::Call,
                parents: Parents::None,
                key_start: ks.start,
                row: None,
            })
        }
        // `define('SF_PASSWORD', 'v')`, `setenv("SF_TOKEN", "v")`: a quoted key, then the value.
        Some(b',') if quoted_key && first_argument(buf, ks.start) => {
            let v = skip_blanks(buf, p + 1);
            let (value, quoted, joined) = value_at(buf, v, Form::Call)?;
            quoted.then_some(Pair {
                key,
                value,
                joined,
                quoted,
                form: Form::Call,
                parents: Parents::Tuple(ks.start),
                key_start: ks.start,
                row: None,
            })
        }
        // `[SF_Password, v]`: a dictionary's entry as .NET prints a key-value pair (a UiPath
        // robot's log of its configuration), the value up to the bracket that closes it.
        Some(b',') if !quoted_key && ks.start > 0 && buf[ks.start - 1] == b'[' => {
            let v = skip_blanks(buf, p + 1);
            let le = line_end(buf, v).min(v + MAX_VALUE);
            let close = (v..le).find(|&i| {
                buf[i] == b']' && buf.get(i + 1).is_none_or(|b| matches!(b, b',' | b'"' | b' ' | b'\r' | b'\n' | b')'))
            })?;
            let value = v..close;
            (!value.is_empty() && !buf[value.clone()].contains(&b'[')).then_some(Pair {
                key,
                value,
                joined: None,
                quoted: false,
                form: Form::Assign { line: false },
                parents: Parents::None,
                key_start: ks.start,
                row: None,
            })
        }
        // `env::var("SF_PASSWORD")`, `getenv('SF_TOKEN')`: the key is a call's argument, a name
        // looked up; nothing after the `)` is its value.
        Some(b' ' | b'\t' | b')') | None => None,
        _ if flag || (p > ks.end && flag_like(buf, ks.start)) => flag_pair(buf, key, ks.start, p),
        _ => prose(buf, ks, key),
    }
}

/// A quoted key made of several words or segments is one key: `"OAuth Consumer Secret": …`,
/// `"Salesforce:Password": …` (.NET configuration), `"Security Token": …`.
fn whole_quoted_key(buf: &[u8], ks: Range<usize>) -> Range<usize> {
    let floor = ks.start.saturating_sub(64);
    let mut s = ks.start;
    while s > floor && (is_key_byte(buf[s - 1]) || matches!(buf[s - 1], b' ' | b':')) {
        s -= 1;
    }
    let mut e = ks.end;
    let ceil = (ks.end + 64).min(buf.len());
    while e < ceil && (is_key_byte(buf[e]) || buf[e] == b' ') {
        e += 1;
    }
    let quoted = s > 0 && QUOTES.contains(&buf[s - 1]) && buf.get(e) == Some(&buf[s - 1]);
    let inner = &buf[s..e];
    if quoted && s < ks.start && !inner.starts_with(b" ") && !inner.ends_with(b" ") && !inner.ends_with(b":") {
        s..e
    } else if quoted && e > ks.end && !inner.ends_with(b" ") {
        ks.start..e
    } else {
        ks
    }
}

/// The text of an element that holds the key at `ks` among a few words (`>Security token<`,
/// `>Jira API token (alert bot)<`): the key's words, without a parenthesised remark, and where
/// the element's text ends.
fn cell_words(buf: &[u8], ks: Range<usize>) -> Option<(Range<usize>, usize)> {
    let floor = ks.start.saturating_sub(48);
    let gt = memchr::memrchr(b'>', &buf[floor..ks.start])? + floor + 1;
    let ceil = (ks.end + 48).min(buf.len());
    let lt = memchr::memchr(b'<', &buf[ks.end..ceil])? + ks.end;
    let words = |t: &[u8]| t.iter().all(|&b| b.is_ascii_alphanumeric() || b" _-.".contains(&b));
    if (gt == ks.start && lt == ks.end) || !words(&buf[gt..ks.start]) || !buf[lt..].starts_with(b"</") {
        return None;
    }
    let after = &buf[ks.end..lt];
    let mut end = match memchr::memchr(b'(', after) {
        Some(i) if after.trim_ascii_end().ends_with(b")") => ks.end + i,
        _ if words(after) || after == b":" => lt,
        _ => return None,
    };
    while end > ks.end && matches!(buf[end - 1], b' ' | b':') {
        end -= 1;
    }
    Some((gt..end, lt))
}

/// An HTML table whose header row names the key's column (`<th>Password</th>`, a Confluence page):
/// the cell of that column in each row below, with the row's start as its row.
fn html_columns(buf: &[u8], ks: Range<usize>) -> Option<Vec<Pair>> {
    // The key fills a `<th>` cell, alone or with words around it (checked with single bytes
    // first: most keys are in no table).
    let words = match cell_words(buf, ks.clone()) {
        Some((w, _)) => w,
        None if ks.start > 0 && buf[ks.start - 1] == b'>' => ks.clone(),
        None => return None,
    };
    // The cell: the nearest `<th`/`<td` before the words with only tags between (a OneNote
    // page's `<td style=…><p style=…><b>Secret</b>`).
    let floor = words.start.saturating_sub(400);
    let mut th = words.start;
    loop {
        th = memchr::memrchr(b'<', &buf[floor..th])? + floor;
        if buf[th..].starts_with(b"<th") || buf[th..].starts_with(b"<td") {
            break;
        }
        if buf.get(th + 1) == Some(&b'/') || th == floor {
            return None;
        }
    }
    if !matches!(buf.get(th + 3), Some(b'>' | b' ')) {
        return None;
    }
    let tr = memchr::memmem::rfind(&buf[th.saturating_sub(4096)..th], b"<tr")? + th.saturating_sub(4096);
    let row_end = memchr::memmem::find(&buf[tr..(tr + 8192).min(buf.len())], b"</tr>").map(|i| tr + i)?;
    if buf[th..].starts_with(b"<th") {
        // A header row: only `<th>` cells (a row `<th>password</th><td>what it is</td>` is a label).
        if memchr::memmem::find(&buf[tr..row_end], b"<td").is_some() {
            return None;
        }
    } else if !first_row_of_names(buf, tr) {
        // Or a table's first row of `<td>` cells, each a short name (`<b>System</b>`, `User`,
        // `Secret`): an editor that writes no `<th>` (OneNote, Word).
        return None;
    }
    let column = html_cells(buf, tr).iter().take_while(|c| c.end < words.start).count();
    let ceil = (ks.end + 65536).min(buf.len());
    let header_end = memchr::memmem::find(&buf[ks.end..ceil], b"</tr>")? + ks.end + 5;
    let table_end = memchr::memmem::find(&buf[header_end..ceil], b"</table>").map_or(ceil, |i| header_end + i);
    let key = String::from_utf8_lossy(&buf[words.clone()]).trim().trim_end_matches(':').trim().to_string();
    let mut out = Vec::new();
    let mut at = header_end;
    for _ in 0..MAX_ROWS {
        let Some(row) = memchr::memmem::find(&buf[at..table_end], b"<tr").map(|i| at + i) else { break };
        if let Some(cell) = html_cells(buf, row).get(column) {
            if !cell.is_empty() && memchr::memchr(b'<', &buf[cell.clone()]).is_none() {
                out.push(Pair {
                    key: key.clone(),
                    value: cell.clone(),
                    joined: None,
                    quoted: true,
                    form: Form::Table,
                    parents: Parents::None,
                    key_start: ks.start,
                    row: Some(row),
                });
            }
        }
        at = row + 3;
    }
    (!out.is_empty()).then_some(out)
}

/// Whether the HTML table row at `row` (`<tr`) is its table's first and names columns: two or
/// more cells, each a short name that starts with a letter and has no digit.
fn first_row_of_names(buf: &[u8], row: usize) -> bool {
    let floor = row.saturating_sub(4096);
    let Some(table) = memchr::memmem::rfind(&buf[floor..row], b"<table").map(|i| floor + i) else { return false };
    if memchr::memmem::find(&buf[table..row], b"<tr").is_some() {
        return false;
    }
    let cells = html_cells(buf, row);
    cells.len() >= 2
        && cells.iter().all(|c| {
            let t = &buf[c.clone()];
            !t.is_empty()
                && t.len() <= 40
                && t[0].is_ascii_alphabetic()
                && t.iter().all(|&b| b.is_ascii_alphabetic() || b" _-/.()".contains(&b))
        })
}

/// The text of each cell (`<th>` or `<td>`) of the HTML table row that starts at `row` (`<tr`),
/// inline markup around it taken off.
pub(crate) fn html_cells(buf: &[u8], row: usize) -> Vec<Range<usize>> {
    let end = memchr::memmem::find(&buf[row..(row + 65536).min(buf.len())], b"</tr>")
        .map_or(buf.len().min(row + 65536), |i| row + i);
    let mut out = Vec::new();
    let mut at = row + 3;
    while let Some(i) = memchr::memmem::find(&buf[at..end], b"<t") {
        let td = at + i;
        at = td + 2;
        if !matches!(buf.get(td + 2), Some(b'd' | b'h')) || !matches!(buf.get(td + 3), Some(b'>' | b' ')) {
            continue;
        }
        let Some(open_end) = memchr::memchr(b'>', &buf[td..end]).map(|i| td + i + 1) else { break };
        let close = memchr::memmem::find(&buf[open_end..end], b"</t").map_or(end, |i| open_end + i);
        let (mut s, mut e) = (open_end, close);
        // Inline markup around the value: `<td><code>v</code></td>`.
        while s < e && buf[s] == b'<' {
            s = memchr::memchr(b'>', &buf[s..e]).map_or(e, |i| s + i + 1);
        }
        while e > s && buf[e - 1] == b'>' {
            e = memchr::memrchr(b'<', &buf[s..e]).map_or(s, |i| s + i);
        }
        let t = &buf[s..e];
        out.push(s + (t.len() - t.trim_ascii_start().len())..e - (t.len() - t.trim_ascii_end().len()));
        at = close;
    }
    out
}

/// The text after the element a key fills (see [`pair_after`]).
fn cell_pair(buf: &[u8], ks: Range<usize>, key: &str) -> Option<Pair> {
    let mut p = ks.end;
    if buf.get(p) == Some(&b':') {
        p += 1;
    }
    if !buf[p..].starts_with(b"</") {
        return None;
    }
    // Past the closing tag and any opening tags, to the next text.
    let limit = (p + 300).min(buf.len());
    while p < limit {
        p = skip_blanks(buf, p);
        if buf.get(p) == Some(&b'<') {
            p += memchr::memchr(b'>', &buf[p..limit])? + 1;
            continue;
        }
        break;
    }
    let p = skip_blanks(buf, p);
    let end = memchr::memchr(b'<', &buf[p..limit]).map_or(limit, |i| p + i).min(line_end(buf, p));
    let mut e = end;
    while e > p && buf[e - 1].is_ascii_whitespace() {
        e -= 1;
    }
    (e > p).then(|| Pair {
        key: key.to_string(),
        value: p..e,
        joined: None,
        quoted: true,
        form: Form::Element,
        parents: Parents::Xml(ks.start),
        key_start: ks.start,
        row: None,
    })
}

/// The default of a parameter declared at `ks` whose body starts at `from`: a `Default:` (or
/// `default =`) among the next few lines that are its own (indented deeper than the key, or before
/// the `}` that closes a Terraform block).
fn declared_default(buf: &[u8], ks: usize, from: usize, key: &str, parents: Parents) -> Option<Pair> {
    let indent = indent_of(&buf[line_start(buf, ks)..]);
    let mut at = line_end(buf, from.min(buf.len().saturating_sub(1))) + 1;
    if from < buf.len() && buf[from] != b'\n' && buf[from] != b'\r' {
        at = from;
    }
    for _ in 0..8 {
        if at >= buf.len() {
            return None;
        }
        let le = line_end(buf, at);
        let line = &buf[at..le];
        let t = line.trim_ascii();
        if t.is_empty() || t.starts_with(b"#") {
            at = le + 1;
            continue;
        }
        if indent_of(line) <= indent || t.starts_with(b"}") {
            return None;
        }
        let lower = t.to_ascii_lowercase();
        if lower.starts_with(b"default") || lower.starts_with(b"value") {
            let name = lower.iter().take_while(|b| b.is_ascii_alphabetic()).count();
            let p = skip_blanks(buf, at + (line.len() - line.trim_ascii_start().len()) + name);
            if let Some(after) = separator(buf, p).filter(|_| matches!(buf.get(p), Some(b':' | b'='))) {
                let (value, quoted, joined) = value_at(buf, skip_blanks(buf, after), Form::Assign { line: true })?;
                return Some(Pair {
                    key: key.to_string(),
                    value,
                    joined,
                    quoted,
                    form: Form::Assign { line: true },
                    parents,
                    key_start: ks,
                    row: None,
                });
            }
        }
        at = le + 1;
    }
    None
}

/// The command around `at`: its line and the lines it continues from or onto (`\` at a
/// line's end).
pub(crate) fn command(buf: &[u8], at: usize) -> Range<usize> {
    let mut s = line_start(buf, at);
    for _ in 0..8 {
        if s < 2 || buf[..s - 1].trim_ascii_end().last() != Some(&b'\\') {
            break;
        }
        s = line_start(buf, s - 1);
    }
    let mut e = line_end(buf, at);
    for _ in 0..8 {
        if e >= buf.len() || buf[..e].trim_ascii_end().last() != Some(&b'\\') {
            break;
        }
        e = line_end(buf, e + 1);
    }
    s..e
}

/// `-p 'v'` of a command that logs in (`-u user` on the same command: `pmrep … -u etl@acme.com -p
/// 'v'`, a Data Loader wrapper in a crontab): the password's short flag. `Some(None)`: a `-p` that
/// is no password (`mkdir -p`, `ssh -p 22`, a command without a user). `None`: no short flag.
fn short_flag(buf: &[u8], ks: Range<usize>) -> Option<Option<Pair>> {
    if &buf[ks.clone()] != b"p" || !flag_like(buf, ks.start) || buf.get(ks.end) != Some(&b' ') {
        return None;
    }
    let command = &buf[command(buf, ks.start)];
    let user =
        [&b" -u "[..], b" --user", b" --username", b" -U "].iter().any(|f| memchr::memmem::find(command, f).is_some());
    if !user {
        return Some(None);
    }
    Some(flag_pair(buf, "-p (password)".to_string(), ks.start, skip_blanks(buf, ks.end)))
}

/// A flag's pair: its value at `v` (`--password v`, `-p 'v'`).
fn flag_pair(buf: &[u8], key: String, key_start: usize, v: usize) -> Option<Pair> {
    let (value, quoted, joined) = value_at(buf, v, Form::Flag)?;
    Some(Pair { key, value, joined, quoted, form: Form::Flag, parents: Parents::None, key_start, row: None })
}

/// `-p` style flags are not keys; `--password v` is (handled by the caller). A key preceded by a
/// single dash and white space (`-Password v`, PowerShell) is a flag too.
fn flag_like(buf: &[u8], ks: usize) -> bool {
    ks >= 2 && buf[ks - 1] == b'-' && matches!(buf[ks - 2], b' ' | b'\t')
}

/// `SecretStr("v")`, `Secret('v')`, `new String("v")`, `SecureString("v")`: a constructor of one
/// name (not a chain: `os.getenv("K")` reads a variable) whose only argument is a literal.
fn wrapped_literal(buf: &[u8], v: usize) -> Option<Range<usize>> {
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
fn concatenated_after(buf: &[u8], ks: usize, v: usize) -> Option<Option<(Range<usize>, bool, Option<Range<usize>>)>> {
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
fn concat_call(buf: &[u8], v: usize) -> Option<(Range<usize>, Range<usize>)> {
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
fn fallback_literal(buf: &[u8], v: usize) -> Option<Range<usize>> {
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

/// Whether an opening quote sits right before `ks` (maybe escaped).
fn open_quote_before(buf: &[u8], ks: usize) -> Option<u8> {
    let q = buf[ks - 1];
    QUOTES.contains(&q).then_some(q)
}

/// `: str =`, `: string =`, `: String =`, `: &str =` before a value.
fn skip_annotation(buf: &[u8], p: usize) -> usize {
    if buf.get(p) != Some(&b':') || buf.get(p + 1) == Some(&b'=') {
        return p;
    }
    let mut i = skip_blanks(buf, p + 1);
    // Rust's `&'static str`.
    if buf[i..].starts_with(b"&'static ") {
        i += b"&'static ".len();
    }
    let t = i;
    while i < buf.len() && (buf[i].is_ascii_alphanumeric() || matches!(buf[i], b'_' | b'&' | b'<' | b'>' | b'?')) {
        i += 1;
    }
    let j = skip_blanks(buf, i);
    // A type is a short name, set off from the `=` by a blank (`str = `, `string = `): a value such
    // as base64 ending in `=` is not one.
    if i > t
        && i - t <= 24
        && j > i
        && (buf[t].is_ascii_alphabetic() || (buf[t] == b'&' && buf.get(t + 1).is_some_and(u8::is_ascii_alphabetic)))
        && buf.get(j) == Some(&b'=')
        && buf.get(j + 1) != Some(&b'=')
    {
        j
    } else {
        p
    }
}

/// The separator between a key and its value at `p`; the position after it.
fn separator(buf: &[u8], p: usize) -> Option<usize> {
    let rest = &buf[p..buf.len().min(p + 8)];
    let seps: [(&[u8], bool); 12] = [
        (b"=>", true),
        // R's assignment (`password <- "v"`).
        (b"<-", true),
        (b":=", true),
        // make's conditional assignment (`SF_PASSWORD ?= v`).
        (b"?=", true),
        (b"%253D", true),
        (b"%253d", true),
        (b"%3D", true),
        (b"%3d", true),
        (b"\\u003d", true),
        (b"==", false),
        (b"=", true),
        (b"->", true),
    ];
    for (s, ok) in seps {
        if rest.starts_with(s) {
            return ok.then_some(p + s.len());
        }
    }
    // A shell default, `${SF_TOKEN:-v}`.
    if rest.starts_with(b":-") && rest.get(2).is_some_and(|b| !b.is_ascii_whitespace()) {
        return Some(p + 2);
    }
    if rest.starts_with(b":") && !rest.starts_with(b"::") && !rest.starts_with(b"://") {
        return Some(p + 1);
    }
    None
}

/// Whether the key at `ks` is an XML element's name (`<password>`, `<n1:password>`).
fn element_open(buf: &[u8], ks: usize) -> bool {
    let mut i = ks;
    // A namespace prefix: `n1:`.
    if i > 0 && buf[i - 1] == b':' {
        i -= 1;
        while i > 0 && (buf[i - 1].is_ascii_alphanumeric() || matches!(buf[i - 1], b'_' | b'-')) {
            i -= 1;
        }
    }
    i > 0 && buf[i - 1] == b'<'
}

/// Free text: `password is v`, `pwd: v`, `Security token (case-sensitive): v`, `pw \`v\``,
/// `new password for \`ops@acme.com\` is \`v\``, `the consumer secret for the UAT app is v`.
/// A value must be introduced (a separator, `is`, `to`) or quoted; a few words in between are
/// skipped, an e-mail address or user name in quotes too.
fn prose(buf: &[u8], ks: Range<usize>, key: String) -> Option<Pair> {
    // `"--sf-pass $SF_PASS"`, `"${SF_PASSWORD}"`, `%SF_PASSWORD%`: a variable, not a word of text;
    // `"Pass1234"`: a value, not a word.
    if ks.start > 0 && matches!(buf[ks.start - 1], b'$' | b'{' | b'%') || key.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut p = skip_blanks(buf, ks.end);
    // `(case-sensitive)`
    if buf.get(p) == Some(&b'(') {
        let close = memchr::memchr(b')', &buf[p..(p + 32).min(buf.len())])? + p;
        p = skip_blanks(buf, close + 1);
    }
    let introduced = |p: usize| -> Option<Pair> {
        let (value, quoted, joined) = value_at(buf, p, Form::Prose)?;
        Some(Pair {
            key: key.clone(),
            value,
            joined,
            quoted,
            form: Form::Prose,
            parents: Parents::None,
            key_start: ks.start,
            row: None,
        })
    };
    // A value found further on, not introduced: the caller holds it to its role's exact shape.
    let introduced_bare = |value: Range<usize>| prose_pair(key.clone(), value, ks.start);
    // `Password's v`: the copula contracted (not `password's expired`, `token's in the vault`:
    // a word of the sentence going on).
    if let Some(c) = [&b"'s "[..], "\u{2019}s ".as_bytes()].into_iter().find(|c| buf[ks.end..].starts_with(c)) {
        let v = skip_blanks(buf, ks.end + c.len());
        let n = v + buf[v..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
        if n > v && buf[v..n].iter().all(u8::is_ascii_lowercase) && !buf.get(n).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        return introduced(v);
    }
    // `pass` alone is also the verb (`pass the job ID to \`…\``, `Pass \`session_factory\``): in
    // prose it is a key only with a separator after it (`pass: v`).
    if key.eq_ignore_ascii_case("pass") && separator(buf, p).is_none() {
        return None;
    }
    // (German, French, Spanish and Portuguese say it so too: `das Secret ist v`, `le mot de passe
    // est v`, `la contraseña es v`.)
    const INTRO: &[&[u8]] = &[b"to", b"be", b"era"];
    const FILLER: &[&[u8]] = &[
        b"set", b"changed", b"reset", b"updated", b"new", b"the", b"for", b"of", b"our", b"my", b"its", b"it's",
        b"its:",
    ];
    for _ in 0..8 {
        if let Some(after) = separator(buf, p) {
            // `sec token (reset 02/2025):` at the end of its line: the value is alone below it.
            let v = skip_blanks(buf, after);
            if matches!(buf.get(v), Some(b'\n' | b'\r')) {
                return next_line_word(buf, v).map(introduced_bare);
            }
            return introduced(v);
        }
        // `pwd - v`, `password – v`, `token → v`
        if matches!(buf.get(p), Some(b'-' | 0xe2)) {
            let mut i = p;
            while i < buf.len() && !matches!(buf[i], b' ' | b'\t') && i < p + 4 {
                i += 1;
            }
            if i > p && buf.get(i) == Some(&b' ') {
                return introduced(skip_blanks(buf, i));
            }
        }
        if let Some((q, start, esc)) = open_quote(buf, p) {
            let (end, after) = close_quote(buf, start, q, esc)?;
            let inner = &buf[start..end];
            // A user name, an address or a name with spaces in quotes (`for \`ops@acme.com\``,
            // `of the "Order Feed v2" app`): what it is for, not the value.
            // (Or a remark in parentheses after it: `of your connected app "Gringotts Sync" (the
            // key we have on file)`.)
            let named = (inner.contains(&b'@') || inner.contains(&b' '))
                && buf.get(skip_blanks(buf, after)).is_some_and(|&b| b.is_ascii_alphabetic() || b == b'(');
            if named {
                p = skip_blanks(buf, after);
                continue;
            }
            return introduced(p);
        }
        // `client secret DCCD2608…`: a value right after its key, with nothing between. Only a
        // value with its role's exact shape is taken (the caller checks), so `password expired` is not.
        if p == skip_blanks(buf, ks.end) && buf.get(p).is_some_and(|b| b.is_ascii_alphanumeric()) {
            let mut e = p;
            while e < buf.len() && buf[e].is_ascii_alphanumeric() {
                e += 1;
            }
            let long = e - p >= 15
                && buf[p..e].iter().any(u8::is_ascii_digit)
                && buf.get(e).is_none_or(|b| !b.is_ascii_alphanumeric());
            // (Or a password's shape, letters with digits: `pwd svc-User-2024 with sec token t`;
            // the caller takes it only beside its token.)
            let mut w = p;
            while w < buf.len() && w < p + 40 && (buf[w].is_ascii_alphanumeric() || b"!#$%&*+-.@^_~?".contains(&buf[w]))
            {
                w += 1;
            }
            while w > p && matches!(buf[w - 1], b'.' | b'?') {
                w -= 1;
            }
            let word = &buf[p..w];
            let shaped = word.len() >= 8
                && word.iter().any(u8::is_ascii_digit)
                && word.iter().any(u8::is_ascii_alphabetic)
                && buf.get(w).is_none_or(|b| b.is_ascii_whitespace() || b",;)".contains(b));
            if long || shaped {
                let e = if long { e } else { w };
                return Some(Pair {
                    key: key.clone(),
                    value: p..e,
                    joined: None,
                    quoted: false,
                    form: Form::Prose,
                    parents: Parents::None,
                    key_start: ks.start,
                    row: None,
                });
            }
        }
        let mut w = p;
        while w < buf.len() && (buf[w].is_ascii_alphanumeric() || buf[w] == b'\'') {
            w += 1;
        }
        let word = &buf[p..w];
        // `password had expired. Reset it to v`: the next sentence sets it.
        if w > p && buf.get(w) == Some(&b'.') && buf.get(w + 1) == Some(&b' ') {
            let n = w + 2;
            let e = n + buf[n..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
            if [&b"reset"[..], b"set", b"changed", b"updated", b"rotated"]
                .iter()
                .any(|v| buf[n..e].eq_ignore_ascii_case(v))
            {
                p = n;
                continue;
            }
        }
        if w == p || w - p > 15 || !matches!(buf.get(w), Some(b' ' | b':')) {
            return shaped_ahead(buf, ks.end).map(introduced_bare);
        }
        // (`is still v`, `is actually v`: after a copula, an adverb introduces the value too.)
        let adverb = p > ks.end && ADVERBS.iter().any(|f| word.eq_ignore_ascii_case(f));
        if adverb || COPULAS.iter().chain(INTRO).any(|f| word.eq_ignore_ascii_case(f)) {
            let v = skip_blanks(buf, w);
            // `is now v`, `is still v`, `was set to v`: more words before the value.
            let mut n = v;
            while n < buf.len() && buf[n].is_ascii_alphabetic() {
                n += 1;
            }
            let next = &buf[v..n];
            if buf.get(n) == Some(&b' ')
                && (COPULAS.iter().chain(INTRO).chain(ADVERBS).any(|f| next.eq_ignore_ascii_case(f)))
            {
                p = v;
                continue;
            }
            let v = if buf.get(v) == Some(&b':') { skip_blanks(buf, v + 1) } else { v };
            // `token was sent to the shared mailbox; … it is:`: a word of the sentence going on
            // (lower-case letters, then a blank) is no value; one may come further on.
            if n > v && buf.get(n) == Some(&b' ') && buf[v..n].iter().all(u8::is_ascii_lowercase) {
                return shaped_ahead(buf, ks.end).map(introduced_bare);
            }
            return introduced(v);
        }
        if !(FILLER.iter().any(|f| word.eq_ignore_ascii_case(f)) || word.iter().all(u8::is_ascii_alphabetic)) {
            return shaped_ahead(buf, ks.end).map(introduced_bare);
        }
        p = skip_blanks(buf, w);
    }
    shaped_ahead(buf, ks.end).map(introduced_bare)
}

/// A value alone on the line after its key (`Consumer Secret:` and the secret below it, in a
/// ticket or an e-mail): the next non-blank line after `from` (the key line's end), when it is one
/// word that is no key, list item or markup.
fn next_line_word(buf: &[u8], from: usize) -> Option<Range<usize>> {
    let mut at = line_end(buf, from) + 1;
    for _ in 0..2 {
        if at >= buf.len() {
            return None;
        }
        let le = line_end(buf, at);
        let line = &buf[at..le];
        let t = line.trim_ascii();
        if t.is_empty() {
            at = le + 1;
            continue;
        }
        let s = at + (line.len() - line.trim_ascii_start().len());
        // A code span that leads the line (`` `v` — Marco to update the config``).
        if t[0] == b'`' {
            let e = memchr::memchr(b'`', &t[1..])? + 1;
            let v = &t[1..e];
            let word = (8..=200).contains(&v.len()) && !v.iter().any(u8::is_ascii_whitespace);
            return word.then_some(s + 1..s + e);
        }
        let word = (8..=200).contains(&t.len())
            && !t.iter().any(u8::is_ascii_whitespace)
            && !matches!(t[0], b'-' | b'#' | b'{' | b'[' | b'<' | b'/' | b'"' | b'\'')
            && !t.ends_with(b":")
            && memchr::memchr(b'=', t).is_none();
        return word.then_some(s..s + t.len());
    }
    None
}

/// The value a command prints on the line below its prompt, when the command names the key at
/// `ks` as a flag's value (`$ vault kv get -field=sf_password kv/sf`, `PS> … -Name=sfToken`).
fn prompted(buf: &[u8], ks: Range<usize>) -> Option<Range<usize>> {
    let ls = line_start(buf, ks.start);
    let head = buf[ls..ks.start].trim_ascii_start();
    let prompt = head.starts_with(b"$ ") || head.starts_with(b"# ") || head.starts_with(b"PS ");
    let flag = buf[ls..ks.start - 1].rsplit(|&b| b == b' ').next().is_some_and(|w| w.starts_with(b"-"));
    (prompt && flag).then(|| next_line_word(buf, line_end(buf, ks.start))).flatten()
}

/// The first word of the next line, when a sentence wrapped right before its value (`New
/// password for ops@acme.com is` / `Vy1DKeS5Dyx~3  (no token needed)`): a word with a digit or a
/// symbol, as a password has, not the sentence going on (`is` / `stored in the vault`).
fn first_word_below(buf: &[u8], eol: usize) -> Option<Range<usize>> {
    let s = skip_blanks(buf, line_end(buf, eol) + 1);
    let e = s + buf.get(s..)?.iter().take_while(|b| b.is_ascii_graphic()).count();
    let w = &buf[s..e];
    let word = (6..=64).contains(&w.len())
        && w.iter().any(|b| !b.is_ascii_alphabetic())
        && !matches!(w[0], b'-' | b'#' | b'{' | b'[' | b'<' | b'/' | b'(' | b'>')
        && memchr::memchr(b'=', w).is_none();
    word.then_some(s..e)
}

/// A value read from free text, not introduced by a separator of its own.
fn prose_pair(key: String, value: Range<usize>, key_start: usize) -> Pair {
    Pair { key, value, joined: None, quoted: false, form: Form::Prose, parents: Parents::None, key_start, row: None }
}

/// A secret-shaped word a little further on in free text, when the words after the key do not
/// introduce a value the usual way (`sec token for ops@acme.com (reset by mk: v)`, `token for
/// deploy.bot -- current value v`, ``new one is `v` ``): within 96 bytes on the key's line, the
/// first word of 15 to 64 characters with letters and digits (no address, path or assignment)
/// that a `:`, an `=` or a word such as `is` or `value` introduces, and that is not another
/// key's value (`password=os.environ["P"], security_token="v"`). The caller takes a password
/// only so introduced, and a token only with its exact shape.
fn shaped_ahead(buf: &[u8], from: usize) -> Option<Range<usize>> {
    let reach = (from + 160).min(buf.len());
    let eol = memchr::memchr2(b'\n', b'\r', &buf[from..reach]).map(|i| from + i);
    let end = eol.unwrap_or(reach).min(from + 96);
    let mut i = from;
    while i < end {
        while i < end && matches!(buf[i], b' ' | b'\t' | b'(') {
            i += 1;
        }
        let t0 = i;
        // A word ends at white space or markup (`v)</description>`).
        while i < buf.len() && !buf[i].is_ascii_whitespace() && buf[i] != b'<' && i < t0 + 160 {
            i += 1;
        }
        if t0 == i {
            if i < end && buf[i] == b'<' {
                i += 1;
                continue;
            }
            break;
        }
        let (mut s, mut e) = (t0, i);
        let quoted = matches!(buf[s], b'"' | b'\'' | b'`');
        if quoted {
            s += 1;
            e = memchr::memchr(buf[t0], &buf[s..i]).map_or(i, |j| s + j);
        } else {
            while e > s && matches!(buf[e - 1], b'.' | b',' | b';' | b')' | b'"' | b'\'' | b'`') {
                e -= 1;
            }
        }
        let w = &buf[s..e];
        let email = memchr::memchr(b'@', w).is_some_and(|a| memchr::memchr(b'.', &w[a..]).is_some());
        // (A quoted word may be shorter: `new one is \`W1ll0w#723\``, marked as a value.)
        let shortest = if quoted && buf.get(e) == Some(&buf[t0]) { 8 } else { 15 };
        let shaped = (shortest..=64).contains(&w.len())
            && w.iter().any(u8::is_ascii_digit)
            && w.iter().any(u8::is_ascii_alphabetic)
            && w.iter().all(u8::is_ascii_graphic)
            && !email
            && !w.iter().any(|&b| matches!(b, b'/' | b'=' | b'<' | b'>' | b'\\'));
        if shaped && introduced_here(buf, from, t0, quoted) {
            return Some(s..e);
        }
    }
    // `Security token came by e-mail, pasting it here:` and the token alone on the next line; a
    // sentence wrapped after its verb (`New password for ops@acme.com is` / `v`).
    let t = eol.map_or(&b""[..], |e| buf[from..e].trim_ascii_end());
    // (Not when another key ends the line: `password unchanged. New token:` introduces a token.)
    let other_key = ["token", "secret", "pass", "pwd", "key"]
        .iter()
        .any(|k| t.windows(k.len()).any(|w| w.eq_ignore_ascii_case(k.as_bytes())));
    if let Some(eol) = eol.filter(|_| t.ends_with(b":") && !other_key) {
        return next_line_word(buf, eol);
    }
    let last = t.rsplit(|&b| b == b' ').next().unwrap_or(t);
    let wrapped = last.len() < t.len() && COPULAS.iter().any(|w| last.eq_ignore_ascii_case(w));
    if let Some(eol) = eol.filter(|_| wrapped) {
        return first_word_below(buf, eol);
    }
    // A request (`token too?`, `we also need the consumer secret`) and its answer, a message of
    // one word a few lines below (`[09:07] Grace: LQ8126pJ…`, `Here: 3990508436924011680`).
    // (The request may come before the key: `we also need the consumer secret of …`.)
    let lower = eol.map_or(&b""[..], |e| &buf[line_start(buf, from)..e]).to_ascii_lowercase();
    let asks = lower.contains(&b'?')
        || [&b"need"[..], b" too", b"also", b"please send", b"can you"]
            .iter()
            .any(|w| memchr::memmem::find(&lower, w).is_some());
    if let Some(eol) = eol.filter(|_| asks) {
        return answer_below(buf, eol);
    }
    None
}

/// The first message of one word within four lines after `eol`: a line that is one word, or
/// whose text after its last `: ` (a chat's speaker, `Here:`) is. Header and separator lines
/// (`Hannah Schmidt — Feb 18, 2025 09:02`, `-----`) are passed over; a longer message ends the
/// search.
fn answer_below(buf: &[u8], eol: usize) -> Option<Range<usize>> {
    let mut at = line_end(buf, eol) + 1;
    for _ in 0..4 {
        if at >= buf.len() {
            return None;
        }
        let le = line_end(buf, at);
        let line = &buf[at..le];
        let body_at = memchr::memmem::rfind(line, b": ").map_or(0, |i| i + 2);
        let body = line[body_at..].trim_ascii();
        let s = at + body_at + (line[body_at..].len() - line[body_at..].trim_ascii_start().len());
        at = le + 1;
        if body.is_empty() || body.iter().all(|b| b.is_ascii_punctuation()) {
            continue;
        }
        if body.iter().any(u8::is_ascii_whitespace) {
            // A header (a name and a date) is passed over; a sentence is another message.
            if body.iter().any(u8::is_ascii_digit) && body_at == 0 && !body.ends_with(b".") {
                continue;
            }
            return None;
        }
        // (One word, not an assignment or markup: `salesforce.password=v` is configuration.)
        let word = body.len() >= 15
            && body.iter().any(u8::is_ascii_digit)
            && !body.iter().any(|b| matches!(b, b'=' | b'<' | b'>' | b'"' | b'\'' | b'{' | b'('));
        return word.then_some(s..s + body.len());
    }
    None
}

/// Whether the text just before a word at `t0` introduces it as a value (`: v`, `= v`, `is v`,
/// `value v`) and not as another key's (`token=v`, `"key": "v"`).
fn introduced_here(buf: &[u8], from: usize, t0: usize, quoted: bool) -> bool {
    let b = skip_blanks_back(buf, t0);
    if b <= from {
        return false;
    }
    let keyed = |k: usize| {
        let k = skip_blanks_back(buf, k);
        k > from && (buf[k - 1].is_ascii_alphanumeric() || buf[k - 1] == b'_')
    };
    match buf[b - 1] {
        b'=' => !keyed(b - 1),
        b':' => !(quoted && keyed(b - 1)),
        b'-' | b'>' if b >= 2 && matches!(buf[b - 2], b'-' | b'=') => true,
        _ => {
            let w0 = buf[from..b].iter().rposition(|c| !c.is_ascii_alphabetic()).map_or(from, |j| from + j + 1);
            let word = &buf[w0..b];
            // (`the token email came through with v`, `update it with v`, `reset it, got v`,
            // `use v`.)
            COPULAS
                .iter()
                .chain(&[&b"value"[..], b"to", b"with", b"got", b"received", b"use", b"using"])
                .any(|x| word.eq_ignore_ascii_case(x))
        }
    }
}

/// Whether the quoted key starting at `ks` is in an argument list or a tuple (`define('K', …`,
/// `buildConfigField("String", "K", …`, SQL's `(3,'salesforce','password','v')`) rather than in
/// an array of names (`["username","password","login"]`): the innermost bracket open before it
/// on its line is `(`.
fn first_argument(buf: &[u8], ks: usize) -> bool {
    tuple_open(buf, ks).is_some()
}

/// The `(` of the tuple or argument list a quoted key at `ks` is in, if the innermost bracket
/// open before it on its line is one.
fn tuple_open(buf: &[u8], ks: usize) -> Option<usize> {
    let floor = line_start(buf, ks).max(ks.saturating_sub(4096));
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    for i in (floor..ks.saturating_sub(1)).rev() {
        let b = buf[i];
        if let Some(q) = quote {
            if b == q {
                quote = None;
            }
            continue;
        }
        match b {
            b'"' | b'\'' => quote = Some(b),
            b')' | b']' => depth += 1,
            b'(' | b'[' if depth > 0 => depth -= 1,
            b'(' => return Some(i),
            b'[' => return None,
            _ => {}
        }
    }
    None
}

/// Field names whose value names another field's key: `{"key": "password", "value": …}`.
const NAME_FIELDS: &[&[u8]] =
    &[b"key", b"name", b"id", b"variable", b"param", b"field", b"property", b"label", b"path"];

/// Whether a field's name is `name` after a prefix of its own: `setting_key`, `paramName`,
/// `config-key`, `settingValue`.
fn prefixed_field(field: &[u8], name: &[u8]) -> bool {
    let n = name.len();
    if field.len() <= n + 1 || !field[field.len() - n..].eq_ignore_ascii_case(name) {
        return false;
    }
    let (before, first) = (field[field.len() - n - 1], field[field.len() - n]);
    matches!(before, b'_' | b'-') || before.is_ascii_lowercase() && first.is_ascii_uppercase()
}

/// Words between a copula and the value it introduces (`is still v`, `was set to v`).
const ADVERBS: &[&[u8]] = &[b"still", b"currently", b"temporarily", b"set", b"changed", b"actually", b"really"];

/// Words that introduce a value in text (`password is v`), in English, German, French and
/// Spanish (`das Secret ist v`, `le mot de passe est v`, `la contraseña es v`).
pub(crate) const COPULAS: &[&[u8]] = &[b"is", b"was", b"are", b"now", b"ist", b"lautet", b"est", b"es"];

/// A name/value object whose name is the key at `ks`: `{"key": "password", "value": "v"}`,
/// `<add key="Password" value="v"/>`, `set { name = "sf.password" value = "v" }`.
fn name_value(buf: &[u8], ks: Range<usize>) -> Option<Pair> {
    if let Some(p) = xml_name_value(buf, ks.clone()) {
        return Some(p);
    }
    // The key fills a quoted string, maybe with words around it (`"name": "Security Token"`) or
    // as the last step of a path (`Path="\\Package.Connections[SF].Properties[Password]"`)…
    let ks = path_in_quotes(buf, words_in_quotes(buf, ks));
    let q = *buf.get(ks.start.checked_sub(1)?)?;
    if !QUOTES.contains(&q) || buf.get(ks.end) != Some(&q) {
        return yaml_name_value(buf, ks);
    }
    // …that is the value of a name field.
    let mut i = skip_blanks_back(buf, ks.start - 1);
    while i > 0 && buf[i - 1] == b'\\' {
        i -= 1;
    }
    let sep = *buf.get(i.checked_sub(1)?)?;
    if sep != b':' && sep != b'=' {
        return None;
    }
    let mut j = skip_blanks_back(buf, i - 1);
    while j > 0 && matches!(buf[j - 1], b'"' | b'\'' | b'\\') {
        j -= 1;
    }
    let mut n = j;
    while n > 0 && (buf[n - 1].is_ascii_alphanumeric() || buf[n - 1] == b'_') {
        n -= 1;
    }
    let field = &buf[n..j];
    if !NAME_FIELDS.iter().any(|f| field.eq_ignore_ascii_case(f) || prefixed_field(field, f)) {
        return None;
    }
    // The value field, in the same object: after the name, else before it.
    let key = String::from_utf8_lossy(&buf[ks.clone()]).into_owned();
    let obj_end = object_end(buf, ks.end);
    let obj_start = object_start(buf, n);
    // `<elementParameter field="PASSWORD" name="connection.securityKey" value="v"/>` (Talend): a
    // `field` that is the input's type, beside its name. (A `label` beside an opaque `name`
    // is the readable one: `{"label": "Salesforce password", "name": "field_12", …}`.)
    if field.eq_ignore_ascii_case(b"field") && has_field(buf, obj_start, obj_end, b"name") {
        return None;
    }
    let value = find_value_field(buf, ks.end + 1, obj_end)
        .or_else(|| find_value_field(buf, obj_start, n))
        .or_else(|| nested_value(buf, ks.end, obj_end))
        .or_else(|| {
            // `<string name="sf_consumer_secret">v</string>`: an element named by its attribute,
            // its text the value, or the text of a value element inside it (Spring's `<property
            // name="password"><value>v</value></property>`, SSIS's `<ConfiguredValue>`).
            (obj_start > 0 && buf[obj_start - 1] == b'<' && buf.get(obj_end) == Some(&b'>') && buf[obj_end - 1] != b'/')
                .then(|| {
                    value_at(buf, obj_end + 1, Form::Element)
                        .or_else(|| child_value(buf, obj_end + 1).and_then(|v| value_at(buf, v, Form::Element)))
                })
                .flatten()
        })?;
    let (value, quoted, joined) = value;
    Some(Pair {
        key,
        value,
        joined,
        quoted,
        form: Form::NameValue,
        parents: Parents::Keys(n, false),
        key_start: ks.start,
        row: None,
    })
}

/// A quoted key whose value is the next string of a list, not introduced by a separator:
/// PHP's `serialize()` (`s:8:"password";s:18:"v";`, in a WordPress `wp_options` row) and
/// redis-cli's replies to `HGETALL` (`5) "password"` with `6) "v"` on the next line). `p` is just
/// past the key's closing quote.
fn serialized_or_listed(buf: &[u8], ks: Range<usize>, p: usize, key: &str) -> Option<Pair> {
    let digits = |i: usize| buf[i..].iter().take_while(|b| b.is_ascii_digit()).count();
    let q = buf[ks.start - 1];
    let v = if buf[p..].starts_with(b";s:") {
        let n = digits(p + 3);
        (n > 0 && buf.get(p + 3 + n) == Some(&b':')).then_some(p + 4 + n)?
    } else if buf.get(p) == Some(&b' ')
        && buf.get(p + 1) == Some(&q)
        && ks.start >= 3
        && buf[ks.start - 3..ks.start - 1] == [q, b' ']
    {
        // A list of quoted words, field after value (redis `HSET "k" "username" "u" "password"
        // "v"` in `MONITOR` output): the word after the key's.
        p + 1
    } else {
        // `5) "password"` alone on its line, the value on the next one.
        if ks.start < 3 || &buf[ks.start - 3..ks.start - 1] != b") " {
            return None;
        }
        let ls = line_start(buf, ks.start);
        let head = buf[ls..ks.start].trim_ascii_start();
        let n = digits(ls + (ks.start - ls - head.len()));
        if n == 0
            || !head[n..].starts_with(b") ")
            || p >= buf.len()
            || !buf[p..line_end(buf, p)].trim_ascii().is_empty()
        {
            return None;
        }
        let next = line_end(buf, p) + 1;
        if next >= buf.len() {
            return None;
        }
        let line = &buf[next..line_end(buf, next)];
        let t = next + (line.len() - line.trim_ascii_start().len());
        let n = digits(t);
        (n > 0 && buf[t + n..].starts_with(b") ")).then_some(t + n + 2)?
    };
    let (value, quoted, joined) = value_at(buf, v, Form::Assign { line: false })?;
    Some(Pair {
        key: key.to_string(),
        value,
        joined,
        quoted,
        form: Form::Assign { line: false },
        parents: Parents::Keys(ks.start, false),
        key_start: ks.start,
        row: None,
    })
}

/// The key at `ks` with the words around it inside its quotes (`"Security Token"`, `'SF API
/// token'`), when only letters and spaces sit between it and the quotes; else `ks`.
fn words_in_quotes(buf: &[u8], ks: Range<usize>) -> Range<usize> {
    let word = |b: u8| b.is_ascii_alphabetic() || b == b' ';
    let mut s = ks.start;
    while s > 0 && ks.start - s < 32 && word(buf[s - 1]) {
        s -= 1;
    }
    let mut e = ks.end;
    while e < buf.len() && e - ks.end < 32 && word(buf[e]) {
        e += 1;
    }
    let quoted = s > 0 && QUOTES.contains(&buf[s - 1]) && buf.get(e) == Some(&buf[s - 1]);
    if quoted && (s, e) != (ks.start, ks.end) && buf[s] != b' ' && buf[e - 1] != b' ' {
        s..e
    } else {
        ks
    }
}

/// The whole quoted string when the key at `ks` is the last step of a path in it: `[Password]`
/// or `.Password` right before the closing quote (SSIS's `Path="\\Package.Connections[SF
/// Prod].Properties[Password]"`, a JSON patch's `"path": "/sf/password"`). The steps before it
/// are part of the key: they name whose it is.
fn path_in_quotes(buf: &[u8], ks: Range<usize>) -> Range<usize> {
    let Some(&before) = ks.start.checked_sub(1).and_then(|i| buf.get(i)) else { return ks };
    let e = ks.end + usize::from(before == b'[' && buf.get(ks.end) == Some(&b']'));
    let (Some(&q), true) = (buf.get(e), matches!(before, b'[' | b'.' | b'/' | b'\\' | b':')) else { return ks };
    if !QUOTES.contains(&q) {
        return ks;
    }
    let from = ks.start.saturating_sub(200);
    let Some(s) = memchr::memrchr(q, &buf[from..ks.start]).map(|i| from + i + 1) else { return ks };
    // .NET configuration's sections: `"Salesforce:Auth:Password"`, `key="sf:Password"`.
    let sections =
        before == b':' && buf[s..ks.start].iter().all(|&b| b == b':' || b.is_ascii_alphanumeric() || b == b'_');
    if buf[s..e].iter().any(|&b| b == b'\n' || b == b'=' || b == b':' && !buf[s..e].starts_with(b"\\") && !sections) {
        return ks;
    }
    s..e
}

/// The position after the opening tag of a value element that comes first at `p`, past blanks:
/// `<value>`, `<ConfiguredValue>`, `<con:value>` (a local name ending in `value`).
fn child_value(buf: &[u8], p: usize) -> Option<usize> {
    let t = p + buf[p..].iter().take_while(|b| matches!(b, b'\r' | b'\n' | b' ' | b'\t')).count();
    let rest = buf.get(t..(t + 64).min(buf.len()))?;
    let name = rest.strip_prefix(b"<")?;
    let gt = memchr::memchr(b'>', name)?;
    // (The element's name, without its attributes: `<Value Profile="(Default)">`.)
    let tag = name[..gt].split(|b| b.is_ascii_whitespace()).next()?;
    let local = tag.rsplit(|&b| b == b':').next()?;
    (local.len() >= 5
        && local[local.len() - 5..].eq_ignore_ascii_case(b"value")
        && local.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'_'))
    .then_some(t + 1 + gt + 1)
}

/// XML that names a variable in one element and holds its value in the next: `<name>SFDC_PASSWORD</name>
/// … <defaultValue>v</defaultValue>` (Jenkins, Kettle's `<default_value>`), `<con:name>sfPassword</con:name>
/// <con:value>v</con:value>` (SoapUI), `<key>SF_PASSWORD</key><string>v</string>` (plists),
/// `<field>Password__c</field>` over `<value xsi:type="xsd:string">v</value>` (custom metadata).
fn xml_name_value(buf: &[u8], ks: Range<usize>) -> Option<Pair> {
    let from = ks.start.saturating_sub(40);
    let open = from + memchr::memrchr(b'<', &buf[from..ks.start])?;
    // The name may have words around the key: `<Key>Security Token</Key>` (KeePass).
    let gt = open + memchr::memchr(b'>', &buf[open..ks.start])?;
    let words = |w: &[u8]| w.iter().all(|&b| b.is_ascii_alphabetic() || b == b' ');
    let close = ks.end + memchr::memchr(b'<', &buf[ks.end..(ks.end + 32).min(buf.len())])?;
    if !words(&buf[gt + 1..ks.start]) || !words(&buf[ks.end..close]) || !buf[close..].starts_with(b"</") {
        return None;
    }
    let tag = &buf[open + 1..gt];
    let local = tag.rsplit(|&b| b == b':').next()?;
    // (`<field>Password__c</field>` over `<value>`: Salesforce's own custom metadata records.)
    const NAMES: &[&[u8]] = &[b"name", b"key", b"id", b"field", b"property", b"parameter", b"param", b"variable"];
    if !NAMES.iter().any(|n| local.eq_ignore_ascii_case(n)) {
        return None;
    }
    let limit = (ks.end + 600).min(buf.len());
    let mut p = close + 2;
    while let Some(i) = memchr::memchr(b'<', &buf[p..limit]) {
        let t = p + i + 1;
        let gt_v = t + memchr::memchr(b'>', &buf[t..limit])?;
        // The element's name, without attributes (`<Value ProtectInMemory="True">`) or prefix.
        let name = &buf[t..gt_v];
        let name = name.split(|b| b.is_ascii_whitespace()).next().unwrap_or(name);
        let name = name.rsplit(|&b| b == b':').next().unwrap_or(name);
        // The next entry's name: this one has no value element.
        if name == local {
            return None;
        }
        // `<value>`, `<defaultValue>`, Kettle's `<default_value>`, `<ConfiguredValue>`.
        let valued = name.len() >= 5 && name[name.len() - 5..].eq_ignore_ascii_case(b"value");
        // (In a unified diff, a value on a removed line is replaced by the one added below it.)
        let removed = |at: usize| buf.get(line_start(buf, at)) == Some(&b'-');
        if (valued || name == b"string" || name == b"secret") && removed(t) && !removed(ks.start) {
            p = gt_v + 1;
            continue;
        }
        if valued || name == b"string" || name == b"secret" {
            let (value, quoted, _) = value_at(buf, gt_v + 1, Form::Element)?;
            let key = String::from_utf8_lossy(&buf[gt + 1..close]).trim().to_string();
            return Some(Pair {
                key,
                value,
                joined: None,
                quoted,
                form: Form::NameValue,
                parents: Parents::Xml(open),
                key_start: ks.start,
                row: None,
            });
        }
        p = gt_v + 1;
    }
    None
}

/// A YAML list item naming a variable: `- name: sfPassword` with `value: v` on a line below
/// (Azure Pipelines, Kubernetes `env:`, GitHub Actions), and the same shape in reports
/// (Spring Boot's failure analysis: `Property: salesforce.password` over `Value: "v"`).
fn yaml_name_value(buf: &[u8], ks: Range<usize>) -> Option<Pair> {
    let ls = line_start(buf, ks.start);
    let head = buf[ls..ks.start].trim_ascii();
    let head = head.strip_prefix(b"- ").unwrap_or(head).trim_ascii();
    let named = head.strip_suffix(b":").is_some_and(|f| NAME_FIELDS.iter().any(|n| f.eq_ignore_ascii_case(n)));
    if !named || !buf[ks.end..line_end(buf, ks.end)].trim_ascii().is_empty() {
        return None;
    }
    let indent = indent_of(&buf[ls..ks.start]);
    let mut l = line_end(buf, ks.end) + 1;
    for _ in 0..3 {
        if l >= buf.len() {
            break;
        }
        let le = line_end(buf, l);
        let line = &buf[l..le];
        if indent_of(line) < indent.saturating_sub(2) || line.trim_ascii_start().starts_with(b"- ") {
            break;
        }
        let t = line.trim_ascii_start();
        // (Jenkins configuration as code: `id: sf-prod-security-token` over `secret: "v"`.)
        let field = [&b"value:"[..], b"default:", b"secret:"]
            .into_iter()
            .find(|f| t.get(..f.len()).is_some_and(|h| h.eq_ignore_ascii_case(f)));
        if let Some(f) = field {
            let v = skip_blanks(buf, le - t.len() + f.len());
            let (value, quoted, joined) = value_at(buf, v, Form::Assign { line: true })?;
            let key = String::from_utf8_lossy(&buf[ks.clone()]).into_owned();
            return Some(Pair {
                key,
                value,
                joined,
                quoted,
                form: Form::NameValue,
                parents: Parents::Indent(ls),
                key_start: ks.start,
                row: None,
            });
        }
        l = le + 1;
    }
    None
}

/// Where the object holding position `p` ends (a `}` or `/>` or `>`), at most 400 bytes on.
fn object_end(buf: &[u8], p: usize) -> usize {
    let limit = (p + 400).min(buf.len());
    let mut i = p;
    while i < limit {
        match buf[i] {
            b'}' => return i,
            b'>' if buf[i - 1] == b'/' || buf[i - 1] != b'-' => return i,
            b'{' => return i,
            _ => i += 1,
        }
    }
    limit
}

/// The `value` member of the object opening at `open`, skipping the objects nested in it
/// (Matillion's `"sf_consumer_secret": {"definition": {…}, "value": "v"}`); within 800 bytes.
fn member_value(buf: &[u8], open: usize) -> Option<(Range<usize>, bool, Option<Range<usize>>)> {
    let limit = (open + 800).min(buf.len());
    let (mut depth, mut seg) = (0usize, open + 1);
    for i in open + 1..limit {
        match buf[i] {
            b'{' | b'[' => {
                if depth == 0 {
                    if let Some(v) = find_value_field(buf, seg, i) {
                        return Some(v);
                    }
                    // A default that wraps its value in turn (Firebase Remote Config's
                    // `"crm_secret": {"defaultValue": {"value": "v"}}`).
                    if buf[i] == b'{' && wraps_value(&buf[seg..i]) {
                        if let Some(v) = member_value(buf, i) {
                            return Some(v);
                        }
                    }
                }
                depth += 1;
            }
            b'}' | b']' if depth == 0 => return find_value_field(buf, seg, i),
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    seg = i + 1;
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether text before an object's `{` ends in a field that names a value (`"defaultValue":`,
/// `value =`): the object holds that value.
fn wraps_value(before: &[u8]) -> bool {
    let t = before.trim_ascii_end();
    let t = t.strip_suffix(b":").or_else(|| t.strip_suffix(b"=")).unwrap_or(t).trim_ascii_end();
    let t = t.strip_suffix(b"\"").or_else(|| t.strip_suffix(b"'")).unwrap_or(t).to_ascii_lowercase();
    t.ends_with(b"value") || t.ends_with(b"default")
}

/// The one value field in the objects nested in a name's object (Matillion's `{"name": "Security
/// Token", "elements": {"1": {"values": {"1": {"type": "STRING", "value": "v"}}}}}`): from the
/// `{` at `open` to the end of the name's object, at most 600 bytes, when exactly one `"value"`
/// is there.
fn nested_value(buf: &[u8], from: usize, open: usize) -> Option<(Range<usize>, bool, Option<Range<usize>>)> {
    if buf.get(open) != Some(&b'{') {
        return None;
    }
    let limit = (from + 600).min(buf.len());
    let mut depth = 0i32;
    let mut end = None;
    for (i, &b) in buf[open..limit.max(open)].iter().enumerate() {
        match b {
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth -= 1;
                if depth < 0 {
                    end = Some(open + i);
                    break;
                }
            }
            _ => {}
        }
    }
    let end = end?;
    (memchr::memmem::find_iter(&buf[open..end], b"\"value\"").count() == 1).then(|| find_value_field(buf, open, end))?
}

/// Where the object holding position `p` starts, at most 300 bytes back.
fn object_start(buf: &[u8], p: usize) -> usize {
    let limit = p.saturating_sub(300);
    let mut i = p;
    while i > limit {
        if matches!(buf[i - 1], b'{' | b'<') {
            return i;
        }
        i -= 1;
    }
    limit
}

/// Whether a field `name` (`name="…"`, `"name": …`, `name = …`) is in `from..to`.
fn has_field(buf: &[u8], from: usize, to: usize, name: &[u8]) -> bool {
    let hay = &buf[from.min(to)..to];
    memchr::memmem::find_iter(hay, name).any(|i| {
        let at = from + i;
        let mut p = at + name.len();
        while p < to && matches!(buf[p], b'"' | b'\'' | b'\\') {
            p += 1;
        }
        (at == 0 || !is_key_byte(buf[at - 1]) && buf[at - 1] != b'.') && separator(buf, skip_blanks(buf, p)).is_some()
    })
}

/// A `value` field (`"value": "v"`, `value="v"`, `value = "v"`) in `from..to`.
fn find_value_field(buf: &[u8], from: usize, to: usize) -> Option<(Range<usize>, bool, Option<Range<usize>>)> {
    // (Any case: PowerCenter writes `<ATTRIBUTE NAME="Password" VALUE="v"/>`.)
    let hay = buf[from.min(to)..to].to_ascii_lowercase();
    let mut off = 0;
    while let Some(i) = memchr::memmem::find(&hay[off..], b"alue") {
        let at = from + off + i;
        off += i + 4;
        if at == 0 || !matches!(buf[at - 1], b'v' | b'V') {
            continue;
        }
        // `value`, or a field that ends in it: `setting_value`, `paramValue`.
        let word = at - 1 - buf[..at - 1].iter().rev().take_while(|&&b| is_key_byte(b) && b != b'.').count();
        if at >= 2 && is_key_byte(buf[at - 2]) && !prefixed_field(&buf[word..at + 4], b"value") {
            continue;
        }
        let mut p = at + 4;
        while p < to && matches!(buf[p], b'"' | b'\'' | b'\\') {
            p += 1;
        }
        let p = skip_blanks(buf, p);
        let Some(after) = separator(buf, p) else { continue };
        // (Formatted JSON may put the value on the line below: `"value":` / `"v"`.)
        let v = after + buf[after..to.max(after)].iter().take_while(|b| b.is_ascii_whitespace()).count();
        if let Some(v) = value_at(buf, v, Form::Assign { line: false }) {
            return Some(v);
        }
        // A value kept in an object of one member (1Password's `"value": {"concealed": "v"}`).
        if let Some(v) = only_member(buf, v) {
            return Some(v);
        }
    }
    None
}

/// The string value of the only member of the object that opens at `open`
/// (`{"concealed": "v"}`), if it has one member and closes within 300 bytes.
fn only_member(buf: &[u8], open: usize) -> Option<(Range<usize>, bool, Option<Range<usize>>)> {
    if buf.get(open) != Some(&b'{') {
        return None;
    }
    let limit = (open + 300).min(buf.len());
    let close = memchr::memchr(b'}', &buf[open..limit])? + open;
    let body = &buf[open + 1..close];
    if body.contains(&b'{') || body.contains(&b',') {
        return None;
    }
    let colon = memchr::memchr(b':', body)? + open + 1;
    let (value, quoted, _) = value_at(buf, skip_blanks(buf, colon + 1), Form::Assign { line: false })?;
    (quoted && value.end < close).then_some((value, true, None))
}

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
            Some(i) if super::timestamp::at_line_start(&buf[ls..]).is_some() => head[i + 3..].trim_ascii(),
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

fn indent_of(line: &[u8]) -> usize {
    line.iter().take_while(|&&b| b == b' ' || b == b'\t').count()
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
fn netrc(buf: &[u8], ks: usize) -> Option<&[u8]> {
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

/// A column of a table whose header holds the key at `ks`: a delimited header line (CSV, TSV,
/// `|`-separated, `COPY t (…) FROM stdin;` rows) followed by rows with as many fields, or an
/// `INSERT INTO t (…) VALUES (…)` statement. One pair per row that has a value there.
fn table(buf: &[u8], ks: Range<usize>) -> Option<Vec<Pair>> {
    let ls = line_start(buf, ks.start);
    let le = line_end(buf, ks.start);
    let header = &buf[ls..le];
    if let Some(rows) = insert_values(buf, ls, le, ks.clone()) {
        return Some(rows);
    }
    if let Some(rows) = copy_rows(buf, ls, le, ks.clone()) {
        return Some(rows);
    }
    if let Some(rows) = create_table_rows(buf, ls, le, ks.clone()) {
        return Some(rows);
    }
    // A header names columns: no `=` in it (checked first: most lines with an anchor are not
    // headers, and counting their delimiters is not free).
    if header.len() > 4096 || memchr::memchr(b'=', header).is_some() {
        return None;
    }
    let delim = delimiter(header);
    let n = header.iter().filter(|&&b| b == delim).count();
    if n < 2 {
        return None;
    }
    let cells = table_cells(header, delim);
    // A header names its columns: short cells of words, none of them quoted values with spaces
    // and digits (a data row).
    let column = cells.iter().position(|c| c.start <= ks.start - ls && ks.end - ls <= c.end)?;
    // A header names its columns: every cell a short name that starts with a letter
    // (`Password+Token (API)`, `R&D owner`; a row of data has numbers, dates, addresses and
    // quoted values).
    let name_cell = |c: &Range<usize>| {
        let t = header[c.clone()].trim_ascii();
        let t = t.strip_prefix(b"\"").and_then(|t| t.strip_suffix(b"\"")).unwrap_or(t);
        !t.is_empty()
            && t.len() <= 40
            // `_id` (a MongoDB export's first column) starts with an underscore.
            && (t[0].is_ascii_alphabetic() || t[0] >= 0x80 || (t[0] == b'_' && t.len() > 1))
            && t.iter().all(|&b| b.is_ascii_alphanumeric() || b >= 0x80 || b" _-.()#/'+&".contains(&b))
    };
    if !cells.iter().all(name_cell) || header.starts_with(b"(") {
        return None;
    }
    let key = String::from_utf8_lossy(header[cells[column].clone()].trim_ascii()).trim_matches(['"', '\'']).to_string();
    let mut out = Vec::new();
    let mut row_start = le + 1;
    let mut rows = 0;
    while row_start < buf.len() && rows < MAX_ROWS {
        let re = record_end(buf, row_start, delim);
        let row = &buf[row_start..re];
        let row = row.strip_suffix(b"\r").unwrap_or(row);
        if row.is_empty() || row == b"\\." {
            break;
        }
        // A Markdown or Org table's rule under its header (`|---|:--|`, `|----+----|`).
        if delim == b'|' && row.iter().all(|b| b"|-:+ \t".contains(b)) {
            row_start = re + 1;
            continue;
        }
        let fields = table_cells(row, delim);
        // A row without the delimiter ends the table (prose after it); a short row (a
        // spreadsheet drops trailing empty cells, a note spans the first cells) is a row
        // without this column's value, and the table goes on.
        if fields.len() < 2 {
            break;
        }
        if let Some(f) = fields.get(column).filter(|_| fields.len() >= cells.len()) {
            out.extend(table_cell(buf, &key, row_start + f.start..row_start + f.end, ks.start, row_start));
        }
        row_start = re + 1;
        rows += 1;
    }
    // A column whose values repeat is a list of states or kinds (`kept-open`, `closed:stale` under
    // a triage table's `proposed-pass1`), not of credentials: each login has its own.
    let mut seen: std::collections::HashMap<&[u8], usize> = std::collections::HashMap::new();
    for p in &out {
        let v = buf[p.value.clone()].trim_ascii();
        if !v.is_empty() {
            *seen.entry(v).or_default() += 1;
        }
    }
    if seen.values().any(|&n| n >= 3) {
        out.clear();
    }
    (rows > 0).then_some(out)
}

/// Columns of a settings table that name the setting in each row (`Setting,Value,…`).
const LABEL_COLUMNS: &[&str] = &[
    "setting",
    "key",
    "name",
    "field",
    "parameter",
    "param",
    "item",
    "property",
    "variable",
    "label",
    "credential",
    "description",
    "einstellung",
    "schlüssel",
    "paramètre",
    "clé",
    "parámetro",
    "clave",
    "configuração",
];
/// Columns of a settings table that hold each row's value.
const VALUE_COLUMNS: &[&str] = &["value", "wert", "valeur", "valor", "current value", "secret"];

/// Whether a column's (lower-case) name is one of `names`, or ends with one of `suffixes` after a
/// word of its own (`ConfigKey`, `setting_name`, `ParamValue`: a settings table's columns as a
/// platform's export names them). (Not every name: a data row's `not secret` or
/// `SF_ConnectedApp_Secret` above the header is no column name.)
fn column_named(name: &str, names: &[&str], suffixes: &[&str]) -> bool {
    names.contains(&name)
        || suffixes.iter().any(|w| {
            name.strip_suffix(w).is_some_and(|before| {
                (3..=20).contains(&before.len()) && before.chars().all(|c| c.is_ascii_alphabetic() || c == '_')
            })
        })
}

/// A row of a settings table whose label cell holds the key at `ks`: `SF integration
/// password,Hello65Kestrel.,PROD` under a header `Setting,Value,Environment`. The key is the
/// label (without a parenthesised remark), the value the row's cell of the value column.
fn label_row(buf: &[u8], ks: Range<usize>) -> Option<Pair> {
    let ls = line_start(buf, ks.start);
    let le = line_end(buf, ks.start);
    let row = &buf[ls..le];
    let row = row.strip_suffix(b"\r").unwrap_or(row);
    if row.len() > 4096 {
        return None;
    }
    let delim = delimiter(row);
    let n = row.iter().filter(|&&b| b == delim).count();
    if n < 1 {
        return None;
    }
    let cells = split_row(row, delim);
    let column = cells.iter().position(|c| c.start <= ks.start - ls && ks.end - ls <= c.end)?;
    // A label fills its cell: a few words, no `key: value` of its own.
    let label = row[cells[column].clone()].trim_ascii();
    if label.len() > 60 || label.iter().any(|b| b":=".contains(b)) || label.split(|b| *b == b' ').count() > 6 {
        return None;
    }
    // The header: the nearest line above with as many cells, naming a label column where the
    // key is and a value column elsewhere; a line with another number of cells ends the table.
    let mut end = ls;
    for _ in 0..200 {
        if end == 0 {
            return None;
        }
        let hs = line_start(buf, end - 1);
        let h = &buf[hs..end - 1];
        let h = h.strip_suffix(b"\r").unwrap_or(h);
        end = hs;
        if h.trim_ascii().is_empty() {
            return None;
        }
        let name = |c: &[u8]| String::from_utf8_lossy(c).trim().trim_matches(['"', '\'']).to_lowercase();
        // A PostgreSQL dump's rows follow `COPY t (id, key, value) FROM stdin;`, tab-separated.
        let names: Vec<String> = match copy_columns(h) {
            Some(cols) if delim == b'\t' => cols.iter().map(|c| name(c)).collect(),
            _ => split_row(h, delim).into_iter().map(|c| name(&h[c])).collect(),
        };
        if names.len() != cells.len() {
            return None;
        }
        let label = &names[column];
        // Rows above are skipped; the first line that names a value column is the header.
        let Some(vcol) = names.iter().position(|n| column_named(n, VALUE_COLUMNS, &["value"])) else {
            if copy_columns(h).is_some() {
                return None;
            }
            continue;
        };
        if !column_named(label, LABEL_COLUMNS, &["key", "name"]) || vcol == column {
            return None;
        }
        let f = cells[vcol].clone();
        let (mut s, mut e) = (ls + f.start, ls + f.end);
        let quoted = e > s + 1 && QUOTES.contains(&buf[s]) && buf[e - 1] == buf[s];
        if quoted {
            s += 1;
            e -= 1;
        }
        if e <= s {
            return None;
        }
        let cell = &row[cells[column].clone()];
        let cell = cell.split(|&b| b == b'(').next().unwrap_or(cell);
        let key = String::from_utf8_lossy(cell).trim().trim_matches(['"', '\'']).trim().to_string();
        return Some(Pair {
            key,
            value: s..e,
            joined: None,
            quoted,
            form: Form::NameValue,
            parents: Parents::Cells(ls, ls + cells[column].start, delim),
            key_start: ks.start,
            row: None,
        });
    }
    None
}

/// The value of one table cell at `cell` (its quotes taken off), as a pair of the column `key`.
fn table_cell(buf: &[u8], key: &str, cell: Range<usize>, key_start: usize, row_start: usize) -> Option<Pair> {
    let (mut s, mut e) = (cell.start, cell.end);
    let quoted = e > s + 1 && QUOTES.contains(&buf[s]) && buf[e - 1] == buf[s];
    if quoted {
        s += 1;
        e -= 1;
    }
    (e > s).then(|| Pair {
        key: key.to_string(),
        value: s..e,
        joined: None,
        quoted,
        form: Form::Table,
        parents: Parents::None,
        key_start,
        row: Some(row_start),
    })
}

/// `COPY t (a, password, b) FROM stdin;` (a PostgreSQL dump): tab-separated rows until `\.`.
/// The column names of a `COPY table (a, b, c) FROM stdin;` line.
fn copy_columns(line: &[u8]) -> Option<Vec<&[u8]>> {
    let upper = line.to_ascii_uppercase();
    if !upper.starts_with(b"COPY ") || memchr::memmem::find(&upper, b"FROM STDIN").is_none() {
        return None;
    }
    let open = memchr::memchr(b'(', line)?;
    let close = memchr::memchr(b')', &line[open..])? + open;
    Some(line[open + 1..close].split(|&b| b == b',').collect())
}

fn copy_rows(buf: &[u8], ls: usize, le: usize, ks: Range<usize>) -> Option<Vec<Pair>> {
    let line = &buf[ls..le];
    let upper = line.to_ascii_uppercase();
    if !upper.starts_with(b"COPY ") || memchr::memmem::find(&upper, b"FROM STDIN").is_none() {
        return None;
    }
    let open = memchr::memchr(b'(', &buf[ls..ks.start])? + ls;
    let close = memchr::memchr(b')', &buf[ks.end..le])? + ks.end;
    let cols = split_row(&buf[open + 1..close], b',');
    let column = cols.iter().position(|c| open + 1 + c.start <= ks.start && ks.end <= open + 1 + c.end)?;
    let key = String::from_utf8_lossy(&buf[ks.clone()]).into_owned();
    let mut out = Vec::new();
    let mut row_start = le + 1;
    while row_start < buf.len() && out.len() < MAX_ROWS {
        let re = line_end(buf, row_start);
        let row = &buf[row_start..re];
        if row == b"\\." || row.is_empty() {
            break;
        }
        let fields = split_row(row, b'\t');
        if let Some(f) = fields.get(column) {
            if !f.is_empty() && &row[f.clone()] != b"\\N" {
                out.push(Pair {
                    key: key.clone(),
                    value: row_start + f.start..row_start + f.end,
                    joined: None,
                    quoted: false,
                    form: Form::Table,
                    parents: Parents::None,
                    key_start: ks.start,
                    row: Some(row_start),
                });
            }
        }
        row_start = re + 1;
    }
    Some(out)
}

/// The delimiter of a delimited line: the most frequent of `,`, tab, `;` and `|`.
pub(crate) fn delimiter(line: &[u8]) -> u8 {
    [b',', b'\t', b';', b'|'].into_iter().max_by_key(|d| line.iter().filter(|b| *b == d).count()).unwrap_or(b',')
}

/// The end of the delimited record that starts at `start`: its line's end, or a later line's
/// when a quoted field holds line breaks (a password manager's notes, a ticket's description).
/// At most 64 lines: an unbalanced quote does not swallow the file.
pub(crate) fn record_end(buf: &[u8], start: usize, delim: u8) -> usize {
    let first = line_end(buf, start);
    let mut quoted = false;
    let mut field_start = true;
    let mut i = start;
    let mut lines = 0;
    while i < buf.len() {
        let b = buf[i];
        if b == b'"' && (field_start || quoted) {
            quoted = !quoted;
        } else if b == b'\n' {
            lines += 1;
            if !quoted || lines > 64 {
                return if quoted { first } else { i };
            }
        }
        field_start = b == delim || (b == b'\n' && !quoted);
        i += 1;
    }
    if quoted {
        first
    } else {
        buf.len()
    }
}

/// Fields of one delimited row, by their spans in `row` (quoted fields keep their quotes).
/// A table line's cells: [`split_row`], less the empty cells outside a Markdown or Org table's
/// outer bars (`| env | password |`).
fn table_cells(row: &[u8], delim: u8) -> Vec<Range<usize>> {
    let mut cells = split_row(row, delim);
    if delim == b'|' && cells.len() > 2 {
        if cells.last().is_some_and(|c| c.is_empty()) {
            cells.pop();
        }
        if cells.first().is_some_and(|c| c.is_empty()) {
            cells.remove(0);
        }
    }
    cells
}

fn split_row(row: &[u8], delim: u8) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut quoted = false;
    for (i, &b) in row.iter().enumerate() {
        if b == b'"' && (i == start || quoted) {
            quoted = !quoted;
        } else if b == delim && !quoted {
            out.push(start..i);
            start = i + 1;
        }
    }
    out.push(start..row.len());
    // Leading and trailing blanks are not the value's.
    out.into_iter()
        .map(|r| {
            let mut r = r;
            while r.start < r.end && matches!(row[r.start], b' ' | b'\t') {
                r.start += 1;
            }
            while r.end > r.start && matches!(row[r.end - 1], b' ' | b'\t' | b'\r') {
                r.end -= 1;
            }
            r
        })
        .collect()
}

/// `INSERT INTO t (a, password, b) VALUES ('x', 'v', 'y'), (…);`: the key's column in each tuple.
fn insert_values(buf: &[u8], ls: usize, le: usize, ks: Range<usize>) -> Option<Vec<Pair>> {
    let open = memchr::memrchr(b'(', &buf[ls..ks.start])? + ls;
    let close = memchr::memchr(b')', &buf[ks.end..le])? + ks.end;
    let head = &buf[ls..open];
    let upper = head.to_ascii_uppercase();
    if memchr::memmem::find(&upper, b"INSERT").is_none() {
        return None;
    }
    let cols = split_row(&buf[open + 1..close], b',');
    let column = cols.iter().position(|c| open + 1 + c.start <= ks.start && ks.end <= open + 1 + c.end)?;
    let key = String::from_utf8_lossy(buf[ks.clone()].trim_ascii()).into_owned();
    let rest_end = (close + 64 * 1024).min(buf.len());
    let values_at = memchr::memmem::find(&buf[close..rest_end].to_ascii_uppercase(), b"VALUES")? + close + 6;
    let mut out = Vec::new();
    tuple_cells(buf, values_at, rest_end, column, &key, ks.start, &mut out);
    Some(out)
}

/// The `column`-th field of each `(…)` tuple of a `VALUES` list that starts at `p`, as pairs of
/// the column `key` (quoted strings may hold commas and parentheses).
fn tuple_cells(
    buf: &[u8],
    mut p: usize,
    rest_end: usize,
    column: usize,
    key: &str,
    key_start: usize,
    out: &mut Vec<Pair>,
) {
    while out.len() < MAX_ROWS {
        while p < rest_end && buf[p].is_ascii_whitespace() {
            p += 1;
        }
        if buf.get(p) != Some(&b'(') {
            break;
        }
        let row_start = p;
        // The tuple's fields: quoted strings may hold commas and parentheses.
        let mut fields = Vec::new();
        let mut i = p + 1;
        let mut start = i;
        let mut quote: Option<u8> = None;
        while i < rest_end {
            let b = buf[i];
            match quote {
                Some(q) if b == q => {
                    if buf.get(i + 1) == Some(&q) {
                        i += 1;
                    } else {
                        quote = None;
                    }
                }
                Some(_) => {}
                None if b == b'\'' || b == b'"' => quote = Some(b),
                None if b == b',' || b == b')' => {
                    fields.push(start..i);
                    start = i + 1;
                    if b == b')' {
                        break;
                    }
                }
                None => {}
            }
            i += 1;
        }
        if let Some(f) = fields.get(column) {
            let mut s = f.start;
            let mut e = f.end;
            while s < e && buf[s].is_ascii_whitespace() {
                s += 1;
            }
            while e > s && buf[e - 1].is_ascii_whitespace() {
                e -= 1;
            }
            out.extend(table_cell(buf, key, s..e, key_start, row_start));
        }
        p = i + 1;
        while p < rest_end && matches!(buf[p], b' ' | b'\t' | b'\r' | b'\n' | b',') {
            p += 1;
        }
    }
}

/// A column of a `CREATE TABLE` (`` `secret` varchar(512) DEFAULT NULL,``) whose rows are
/// inserted later without naming their columns (`INSERT INTO `t` VALUES (…),(…);`, as mysqldump
/// writes them): that column's field of each row.
fn create_table_rows(buf: &[u8], ls: usize, le: usize, ks: Range<usize>) -> Option<Vec<Pair>> {
    let line = &buf[ls..le];
    let t = line.trim_ascii_start();
    let quoted = matches!(t.first(), Some(b'`' | b'"' | b'['));
    let name_start = ls + (line.len() - t.len()) + usize::from(quoted);
    let name_len = buf[name_start..le].iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'_').count();
    if ks.start < name_start || ks.end > name_start + name_len {
        return None;
    }
    // A column's type after its name (checked first: most lines with an anchor are no columns).
    let after = &buf[(name_start + name_len + usize::from(quoted)).min(le)..le];
    if !after.starts_with(b" ") {
        return None;
    }
    const TYPES: &[&[u8]] = &[
        b"varchar",
        b"nvarchar",
        b"char",
        b"character",
        b"text",
        b"tinytext",
        b"mediumtext",
        b"longtext",
        b"varbinary",
        b"blob",
        b"int",
        b"bigint",
        b"smallint",
        b"tinyint",
        b"datetime",
        b"timestamp",
        b"date",
        b"bool",
        b"json",
        b"uuid",
        b"decimal",
        b"string",
    ];
    let ty = after.trim_ascii_start();
    if !TYPES.iter().any(|x| ty.len() >= x.len() && ty[..x.len()].eq_ignore_ascii_case(x)) {
        return None;
    }
    // Back to `CREATE TABLE name (`, counting the column lines before this one.
    let mut column = 0;
    let mut at = ls;
    let mut table = None;
    for _ in 0..200 {
        if at == 0 {
            break;
        }
        let s = line_start(buf, at - 1);
        let l = buf[s..at - 1].trim_ascii();
        let up = l.to_ascii_uppercase();
        if up.starts_with(b"CREATE TABLE") {
            let mut rest = &l[12..];
            let rest_up = rest.trim_ascii_start().to_ascii_uppercase();
            rest = rest.trim_ascii_start();
            if rest_up.starts_with(b"IF NOT EXISTS") {
                rest = rest[13..].trim_ascii_start();
            }
            let name = rest.split(|&b| b == b'(' || b.is_ascii_whitespace()).next().unwrap_or(rest);
            table = Some(sql_name(name));
            break;
        }
        const NOT_COLUMNS: &[&[u8]] = &[b"PRIMARY", b"KEY", b"UNIQUE", b"CONSTRAINT", b"INDEX", b"FOREIGN", b"--"];
        if !l.is_empty() && !NOT_COLUMNS.iter().any(|w| up.starts_with(w)) {
            column += 1;
        }
        at = s;
    }
    let table = table?;
    let key = String::from_utf8_lossy(&buf[name_start..name_start + name_len]).into_owned();
    let ceil = (le + (4 << 20)).min(buf.len());
    let mut out = Vec::new();
    for i in memchr::memmem::find_iter(&buf[le..ceil], b"INSERT INTO ") {
        if out.len() >= MAX_ROWS {
            break;
        }
        let n = le + i + 12;
        let name_end = n + buf[n..ceil].iter().take_while(|b| !b.is_ascii_whitespace() && **b != b'(').count();
        if sql_name(&buf[n..name_end]) != table {
            continue;
        }
        let v = skip_blanks(buf, name_end);
        if v + 6 > ceil || !buf[v..v + 6].eq_ignore_ascii_case(b"VALUES") {
            continue;
        }
        let stmt_end = memchr::memmem::find(&buf[v..ceil], b";\n").map_or(ceil, |j| v + j + 1);
        tuple_cells(buf, v + 6, stmt_end, column, &key, ks.start, &mut out);
    }
    (!out.is_empty()).then_some(out)
}

/// A table's name without quotes, backticks or schema (`` `db`.`t` `` -> `t`), lower-cased.
fn sql_name(name: &[u8]) -> Vec<u8> {
    let last = name.rsplit(|&b| b == b'.').next().unwrap_or(name);
    last.iter().filter(|b| !matches!(b, b'`' | b'"' | b'[' | b']')).map(u8::to_ascii_lowercase).collect()
}

/// The pair whose value starts at `at` (a value-shaped anchor, such as a consumer key's `3MVG9`):
/// the key is whatever precedes the separator before it (`client_id=3MVG9…`, `"consumerKey":
/// "3MVG9…"`, `<add key="ConsumerKey" value="3MVG9…"/>`).
pub(crate) fn pair_before(buf: &[u8], at: usize) -> Option<Pair> {
    let mut e = at;
    while e < buf.len() && (buf[e].is_ascii_alphanumeric() || matches!(buf[e], b'.' | b'_')) {
        e += 1;
    }
    let mut p = at;
    let quoted = p > 0 && QUOTES.contains(&buf[p - 1]);
    if quoted {
        p -= 1;
        while p > 0 && buf[p - 1] == b'\\' {
            p -= 1;
        }
    }
    p = skip_blanks_back(buf, p);
    // The separator.
    let sep_end = p;
    while p > 0 && matches!(buf[p - 1], b'=' | b':' | b'>') && sep_end - p < 2 {
        p -= 1;
    }
    if p == sep_end {
        // `--client-id 3MVG9…`, `(3MVG9…`: no key to read.
        return None;
    }
    p = skip_blanks_back(buf, p);
    while p > 0 && matches!(buf[p - 1], b'"' | b'\'' | b'\\' | b']') {
        p -= 1;
    }
    let ke = p;
    let mut ks = ke;
    while ks > 0 && is_key_byte(buf[ks - 1]) {
        ks -= 1;
    }
    while ks < ke && matches!(buf[ks], b'-' | b'.') {
        ks += 1;
    }
    if ks == ke {
        return None;
    }
    // `"OAuth Consumer Key": "3MVG9…"`: a quoted key of several words is all key.
    let ks = whole_quoted_key(buf, ks..ke).start;
    let key = &buf[ks..ke];
    if key.eq_ignore_ascii_case(b"value") {
        // A name/value object: the name is the key.
        let start = object_start(buf, ks);
        let hay = &buf[start..ks];
        for f in NAME_FIELDS {
            if let Some(i) = memchr::memmem::find(&hay.to_ascii_lowercase(), f) {
                let mut v = start + i + f.len();
                while v < ks && !QUOTES.contains(&buf[v]) {
                    v += 1;
                }
                if v < ks {
                    let q = buf[v];
                    let close = memchr::memchr(q, &buf[v + 1..ks]).map(|c| v + 1 + c)?;
                    return Some(Pair {
                        key: String::from_utf8_lossy(&buf[v + 1..close]).into_owned(),
                        value: at..e,
                        joined: None,
                        quoted,
                        form: Form::NameValue,
                        parents: Parents::Keys(start, false),
                        key_start: v + 1,
                        row: None,
                    });
                }
            }
        }
        return None;
    }
    let line = starts_line(buf, ks);
    Some(Pair {
        key: String::from_utf8_lossy(key).into_owned(),
        value: at..e,
        joined: None,
        quoted,
        form: Form::Assign { line },
        parents: Parents::Keys(ks, line),
        key_start: ks,
        row: None,
    })
}

/// The literal arguments of a login call at `paren` (the position after `login(`): up to five,
/// each `None` when it is not a string literal (a variable). Arguments may sit on lines of their own.
pub(crate) fn call_args(buf: &[u8], paren: usize) -> Vec<Option<(Range<usize>, Option<Range<usize>>)>> {
    let blanks = |p: usize| p + buf[p.min(buf.len())..].iter().take_while(|b| b.is_ascii_whitespace()).count();
    let mut out = Vec::new();
    let mut p = blanks(paren);
    let limit = (paren + 800).min(buf.len());
    while out.len() < 8 && p < limit {
        if let Some((q, start, esc)) = open_quote(buf, p) {
            let Some((end, after)) = close_quote(buf, start, q, esc) else { break };
            let j = joined(buf, after);
            let next = j.as_ref().map_or(after, |r| r.end + 1);
            out.push(Some((start..end, j)));
            p = next;
        } else {
            out.push(None);
            let mut depth = 0;
            while p < limit && !(depth == 0 && matches!(buf[p], b',' | b')')) {
                match buf[p] {
                    b'(' | b'[' | b'{' => depth += 1,
                    b')' | b']' | b'}' => depth -= 1,
                    _ => {}
                }
                p += 1;
            }
        }
        p = blanks(p);
        match buf.get(p) {
            Some(b',') => p = blanks(p + 1),
            _ => break,
        }
    }
    out
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

    /// The (key, value, path) an anchor in `text` yields.
    fn kv(text: &str, anchor: &str) -> Vec<(String, String, Vec<String>)> {
        let at = text.find(anchor).unwrap_or_else(|| panic!("{anchor} in {text}"));
        extract(text.as_bytes(), at, anchor.len())
            .into_iter()
            .map(|p| {
                let mut v = text[p.value.clone()].to_string();
                if let Some(j) = p.joined.clone() {
                    v.push_str(&text[j]);
                }
                let path = path(text.as_bytes(), &p);
                (p.key, v, path)
            })
            .collect()
    }

    fn one(text: &str, anchor: &str) -> (String, String) {
        let v = kv(text, anchor);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        (v[0].0.clone(), v[0].1.clone())
    }

    #[test]
    fn markdown_and_org_tables_are_read_by_their_columns() {
        for rule in ["|------+------------------+----------|", "|---|:--|---|"] {
            let t = format!("| env | user | password |\n{rule}\n| prod | a@acme.com | Cob.pelican237 |\n| uat | b@acme.com | <ask Ines> |\n");
            let got: Vec<(String, String)> = kv(&t, "password").into_iter().map(|(k, v, _)| (k, v)).collect();
            assert_eq!(
                got,
                [("password".into(), "Cob.pelican237".into()), ("password".into(), "<ask Ines>".into())],
                "{rule}"
            );
        }
    }

    #[test]
    fn a_settings_tables_row_is_read_as_a_row() {
        // Its cells would pass for a header's names: read as one, the row below became its values.
        let t = "Item\tValue\tComment\nAdmin user\tadmin@acme.org\tbreak-glass\nAdmin password\tsync-Lantern-20223\tchange it\nAdmin security token\tFQtxjVayedAlBRp3oGcTYwC0\treset\n";
        assert_eq!(one(t, "password"), ("Admin password".into(), "sync-Lantern-20223".into()));
    }

    #[test]
    fn a_name_element_then_its_value_element() {
        let md = "<values>\n    <field>Password__c</field>\n    <value xsi:type=\"xsd:string\">maple-monday59</value>\n</values>";
        assert_eq!(one(md, "Password"), ("Password__c".into(), "maple-monday59".into()));
        let kjb =
            "<parameter>\n  <name>SF_PASSWORD</name>\n  <default_value>iX~+_i_g5LUh9</default_value>\n</parameter>";
        assert_eq!(one(kjb, "PASSWORD"), ("SF_PASSWORD".into(), "iX~+_i_g5LUh9".into()));
    }

    #[test]
    fn quotes_doubled_inside_a_string_and_keys_of_two_words() {
        // YAML's (and SQL's) escaped single quote; an empty string stays empty.
        assert_eq!(one("  password: 'aFF''R4?hZHo'\n", "password"), ("password".into(), "aFF''R4?hZHo".into()));
        assert_eq!(one("  password: ''\n  user: x\n", "password"), ("password".into(), "".into()));
        // A key of two words set off by a delimiter.
        let t = "\"User=u@acme.com;Password=Quartz17!;Security Token=nKlpyVXCA98tzItOMl7TkdVh;X=1\"";
        assert_eq!(one(t, "Token"), ("Security Token".into(), "nKlpyVXCA98tzItOMl7TkdVh".into()));
        assert_eq!(one("the new token=abc123def456", "token").0, "token");
    }

    /// What `recovered` reads beside a key that extraction left without a value, and what it
    /// leaves alone.
    #[test]
    fn literals_beside_a_key_no_syntax_read() {
        let rec = |text: &str, anchor: &str| {
            let at = text.find(anchor).unwrap();
            recovered(text.as_bytes(), at, anchor.len()).map(|p| (p.key, text[p.value].to_string()))
        };
        let some = |k: &str, v: &str| Some((k.to_string(), v.to_string()));
        // A quoted literal after the key on its line.
        assert_eq!(rec("\"HSET\" \"k\" \"password\" \"Rv3n_3441\" \"x\" \"y\"", "pass"), some("password", "Rv3n_3441"));
        assert_eq!(rec("db_password -> 'Hunter2-42'\n", "pass"), some("db_password", "Hunter2-42"));
        assert_eq!(
            rec("set $sf_client_secret \"4E108B78FC107AC6\";\n", "secret"),
            some("sf_client_secret", "4E108B78FC107AC6")
        );
        // A `value` field opening the next line.
        assert_eq!(
            rec("<ATTRIBUTE NAME=\"Password\"\n           VALUE=\"Copper-2019x\"/>", "Pass"),
            some("Password", "Copper-2019x")
        );
        assert_eq!(
            rec("    Property: sf.password\n    Value: \"Breeze24x.\"\n", "pass"),
            some("sf.password", "Breeze24x.")
        );
        // The value alone, indented deeper than `KEY:`.
        assert_eq!(rec("  SF_SECRET:\n      E73A7D3C972FCB2F\n", "SECRET"), some("SF_SECRET", "E73A7D3C972FCB2F"));
        // Not: another key's field below, an assignment below, a key written as a value, a
        // literal that is a key, a bare word on the key's line, a line at the same depth.
        assert_eq!(rec("<a NAME=\"Password\"\n   TYPE=\"string\"/>", "Pass"), None);
        assert_eq!(rec("$$SFDC_Token=\n$$SFDC_PWD_ENC=7e49dbd3585530\n", "Token"), None);
        assert_eq!(rec("grant_type=password\n    &client_id=PlatformCLI\n", "pass"), None);
        assert_eq!(rec("[\"password\" \"security_token\": 1]", "pass"), None);
        assert_eq!(rec("password -> Hunter2-42 maybe\n", "pass"), None);
        assert_eq!(rec("* You can now pass `--target-org` to every command.\n", "pass"), None);
        assert_eq!(rec("Add a Pass-2 `external/upstream-sf` label.\n", "Pass"), None);
        assert_eq!(rec("SF_SECRET:\nE73A7D3C972FCB2F\n", "SECRET"), None);
    }

    #[test]
    fn assignments_in_every_syntax() {
        for (text, key, value) in [
            ("SF_PASSWORD=Hunter2!x", "SF_PASSWORD", "Hunter2!x"),
            ("export SF_PASSWORD='Hunter2! x'", "SF_PASSWORD", "Hunter2! x"),
            ("sf.password = Hunter2 with spaces  # comment", "sf.password", "Hunter2 with spaces"),
            ("  \"password\": \"p@ss\",", "password", "p@ss"),
            ("password := \"go-pass\"", "password", "go-pass"),
            ("'password' => 'perl-pass',", "password", "perl-pass"),
            ("$sfPassword = \"php-pass\";", "sfPassword", "php-pass"),
            ("private const string Password = \"cs-pass\";", "Password", "cs-pass"),
            ("password: str = \"py-pass\"", "password", "py-pass"),
            ("sf = Salesforce(password=&quot;xml-pass&quot;, x=1)", "password", "xml-pass"),
            ("    set $sf_password  \"nginx-pass\";", "sf_password", "nginx-pass"),
            ("ENV SF_PASSWORD docker-pass", "SF_PASSWORD", "docker-pass"),
            ("SF_PASSWORD ?= make-pass", "SF_PASSWORD", "make-pass"),
            ("const password: string = 'ts-pass';", "password", "ts-pass"),
            ("const PASSWORD: &str = \"rs-pass\";", "PASSWORD", "rs-pass"),
            ("static PASSWORD: &'static str = \"rs-static\";", "PASSWORD", "rs-static"),
            ("&lt;p&gt;Passwort: &lt;tt&gt;tt-pass&lt;/tt&gt;&lt;/p&gt;", "Passwort", "tt-pass"),
            ("the sandbox password is now is-now-pass (temporary)", "password", "is-now-pass"),
            (
                "<salesforce>\n    User        etl@acme.com\n    Pass        aligned-pass\n</salesforce>",
                "Pass",
                "aligned-pass",
            ),
            ("password <- paste0(\"r-pass\", \"r-token\")", "password", "r-passr-token"),
            // A declared parameter's default: CloudFormation, Terraform.
            (
                "Parameters:\n  SfPassword:\n    Type: String\n    NoEcho: true\n    Default: cfn-pass\n",
                "SfPassword",
                "cfn-pass",
            ),
            ("variable \"sf_password\" {\n  type = string\n  default = \"tf-pass\"\n}\n", "sf_password", "tf-pass"),
            ("Salesforce(username='a', password='kw-pass', security_token='t')", "password", "kw-pass"),
            ("<sf:connection password=\"attr-pass\" user=\"x\"/>", "password", "attr-pass"),
            ("ant -Dsf.password=dash-pass -Dx=1", "sf.password", "dash-pass"),
            ("{\\\"password\\\":\\\"esc-pass\\\",\\\"u\\\":1}", "password", "esc-pass"),
            ("GET /cb?next=%2Flogin%3Fpassword%3DWinter%2521x%26u%3D1", "password", "Winter%2521x"),
            ("conn.login(u, \"Hunter2!\" + \"TOKEN\")", "login", "Hunter2!TOKEN"),
        ] {
            let anchor = if key == "login" { "login" } else { key };
            let got = kv(text, anchor);
            if key == "login" {
                continue; // login( is handled by call_args
            }
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!((got[0].0.as_str(), got[0].1.as_str()), (key, value), "{text}");
        }
    }

    #[test]
    fn elements_calls_flags_and_prose() {
        assert_eq!(one("<n1:password>Soap-pass</n1:password>", "password"), ("password".into(), "Soap-pass".into()));
        assert_eq!(
            one("config.setPassword(\"Wsc-pass\");", "Password"),
            ("config.setPassword".into(), "Wsc-pass".into())
        );
        assert_eq!(one("define('SF_PASSWORD', 'Wp-pass');", "PASSWORD"), ("SF_PASSWORD".into(), "Wp-pass".into()));
        assert_eq!(one("sf org login --password Cli-pass --x", "password"), ("password".into(), "Cli-pass".into()));
        assert_eq!(one("the password is Chat-pass99 and", "password"), ("password".into(), "Chat-pass99".into()));
        assert_eq!(one("Security token (case-sensitive): Abc123", "token"), ("token".into(), "Abc123".into()));
        assert!(kv("<n1:password/>", "password").is_empty());
        assert!(kv("password_hash_function(x)", "password").len() <= 1);
    }

    #[test]
    fn netrc_entries_name_their_machine() {
        assert_eq!(
            one("machine login.salesforce.com login ops@acme.com password netrc-pass", "password"),
            ("login.salesforce.com password".into(), "netrc-pass".into())
        );
        assert_eq!(
            one("machine api.heroku.com\n  login ops@acme.com\n  password netrc-pass2\n", "password"),
            ("api.heroku.com password".into(), "netrc-pass2".into())
        );
        // Outside a netrc entry, a bare word after the key is text's (taken beside a token only).
        let text = "the password netrc-pass3";
        let p = extract(text.as_bytes(), 4, 8);
        assert!(p.len() == 1 && p[0].key == "password" && p[0].form == Form::Prose, "{p:?}");
    }

    #[test]
    fn name_value_objects() {
        assert_eq!(
            one("{\"key\": \"password\", \"value\": \"Pm-pass\", \"type\": \"secret\"}", "password"),
            ("password".into(), "Pm-pass".into())
        );
        assert_eq!(
            one("<add key=\"Password\" value=\"Cfg-pass\" />", "Password"),
            ("Password".into(), "Cfg-pass".into())
        );
        assert_eq!(
            one("{\"value\": \"Rev-pass\", \"name\": \"sf_password\"}", "password"),
            ("sf_password".into(), "Rev-pass".into())
        );
        assert_eq!(
            one("set {\n  name  = \"sf.password\"\n  value = \"Tf-pass\"\n}", "password"),
            ("sf.password".into(), "Tf-pass".into())
        );
        // A shell word continued past an escaped line break.
        assert_eq!(
            one("curl --data-urlencode \"password=Sh-pass\"\\\n\"Sh-token\"\n", "password"),
            ("password".into(), "Sh-passSh-token".into())
        );
        // kubectl's `--from-literal=key=value`.
        assert_eq!(
            one("kubectl create secret generic sf --from-literal=password='Kc-pass'", "password"),
            ("password".into(), "Kc-pass".into())
        );
        assert!(kv("curl -d grant_type=password -d x=1", "password").is_empty());
        // Upper-case attributes (PowerCenter), the value on the element's next line.
        assert_eq!(
            one("<ATTRIBUTE NAME=\"Password\"\n           VALUE=\"Pc-pass\"/>", "Password"),
            ("Password".into(), "Pc-pass".into())
        );
        // A redis command's fields and values, as MONITOR prints them.
        assert_eq!(
            one(
                "1738 [0 10.0.3.14:51830] \"HSET\" \"sf:creds\" \"username\" \"u@acme.com\" \"password\" \"Rd-pass\"",
                "password"
            ),
            ("password".into(), "Rd-pass".into())
        );
        // A YAML block scalar.
        assert_eq!(
            one("  SF_CONSUMER_SECRET: >-\n    E73A7D3C972F\n  NEXT: 1\n", "SECRET"),
            ("SF_CONSUMER_SECRET".into(), "E73A7D3C972F".into())
        );
        // A literal wrapped onto the line below its key.
        assert_eq!(
            one("  static const String consumerSecret =\n      'Dart-secret';", "Secret"),
            ("consumerSecret".into(), "Dart-secret".into())
        );
        // .NET configuration sections in a key (`sf:Password`).
        assert_eq!(
            one("<add key=\"sf:Password\" value=\"Net-pass\" xdt:Transform=\"SetAttributes\"/>", "Password"),
            ("sf:Password".into(), "Net-pass".into())
        );
        // A schema's default (zod, Joi, yup), maybe a few chained lines below its key.
        assert_eq!(
            one("  SF_PASSWORD: z.string().min(8).default('Zod-pass'),", "PASSWORD"),
            ("SF_PASSWORD".into(), "Zod-pass".into())
        );
        assert_eq!(
            one(
                "  SF_CLIENT_SECRET: z\n    .string()\n    .regex(/^x$/, 'msg')\n    .default('Zod-secret'),",
                "SECRET"
            ),
            ("SF_CLIENT_SECRET".into(), "Zod-secret".into())
        );
        // Spring Boot's failure analysis names the property on one line, its value on the next.
        assert_eq!(
            one("    Property: salesforce.password\n    Value: \"Sb-pass\"\n    Origin: env", "password"),
            ("salesforce.password".into(), "Sb-pass".into())
        );
        // An object that wraps the value, beside objects of its own.
        assert_eq!(
            one("\"sf_consumer_secret\": {\n  \"definition\": {\"name\": \"x\", \"type\": \"TEXT\"},\n  \"value\":\n    \"Obj-secret\"\n}", "secret"),
            ("sf_consumer_secret".into(), "Obj-secret".into())
        );
        // The value on the line below its field; the one value of the objects inside.
        assert_eq!(
            one("{\"name\": \"sf.password\",\n  \"value\":\n    \"Nifi-pass\"}", "password"),
            ("sf.password".into(), "Nifi-pass".into())
        );
        let nested = "{\"name\": \"Password\", \"elements\": {\"1\": {\"values\": {\"1\": {\"type\": \"STRING\", \"value\": \"Mat-pass\"}}}}}";
        assert_eq!(one(nested, "Password"), ("Password".into(), "Mat-pass".into()));
        let two = "{\"name\": \"Password\", \"a\": {\"value\": \"x-pass\"}, \"b\": {\"value\": \"y-pass\"}}";
        assert!(kv(two, "Password").is_empty(), "two values inside: neither is the name's");
        // A list closing before the nested object (this once sliced backwards and panicked).
        let list = "{\"name\": \"Password\", \"tags\": [\"a\"], \"more\": {\"value\": \"L-pass\"}}";
        assert_eq!(one(list, "Password"), ("Password".into(), "L-pass".into()));
    }

    #[test]
    fn a_log_lines_program_is_no_parent() {
        let line = "Nov  4 02:19:11 etl-01 sf_nightly[18601]: DEBUG ini[redshift] password = Rs-pass\n";
        assert_eq!(kv(line, "password")[0].2, vec!["DEBUG ini[redshift]".to_string()]);
    }

    #[test]
    fn parent_keys() {
        let yaml = "salesforce:\n  auth:\n    password: \"y-pass\"\npostgres:\n  password: pg\n";
        assert_eq!(kv(yaml, "password")[0].2, vec!["salesforce".to_string(), "auth".into()]);
        let pg = yaml.rfind("password").unwrap();
        let p = extract(yaml.as_bytes(), pg, 8);
        assert_eq!(path(yaml.as_bytes(), &p[0]), vec!["postgres".to_string()]);
        let json = "{\n  \"sfdc\": {\n    \"password\": \"j-pass\"\n  }\n}";
        assert!(kv(json, "password")[0].2.iter().any(|p| p.contains("sfdc")));
        let ini = "[salesforce]\nuser = a\npassword = i-pass\n";
        assert_eq!(kv(ini, "password")[0].2, vec!["salesforce".to_string()]);
    }

    #[test]
    fn tables() {
        let csv = "Id,Username,Password,Security Token\n005A,a@x.com,Pw-1!,TokA\n005B,b@x.com,\"Pw,2\",TokB\n";
        let got: Vec<String> = kv(csv, "Password").into_iter().map(|p| p.1).collect();
        assert_eq!(got, vec!["Pw-1!", "Pw,2"]);
        let sql = "INSERT INTO creds (id, username, password) VALUES (1, 'a', 'Sq-1'), (2, 'b', 'Sq,2');";
        let got: Vec<String> = kv(sql, "password").into_iter().map(|p| p.1).collect();
        assert_eq!(got, vec!["Sq-1", "Sq,2"]);
    }

    #[test]
    fn settings_tables_whose_columns_end_in_key_and_value() {
        // A platform's export names its columns `ConfigKey`, `ConfigValue`; a data row above the
        // header with a cell ending in `secret` is still no header.
        let csv = "\"ConfigKey\",\"ConfigValue\",\"Notes\"\n\"sf_username\",\"mc@acme.com\",\"automation user\"\n\"sf_consumer_secret\",\"C409CF8A\",\"not secret\"\n";
        assert_eq!(kv(csv, "sf_consumer_secret")[0].1, "C409CF8A");
        assert!(column_named("settingname", LABEL_COLUMNS, &["key", "name"]));
        assert!(!column_named("not secret", VALUE_COLUMNS, &["value"]));
        assert!(!column_named("sf_connectedapp_secret", VALUE_COLUMNS, &["value"]));
    }

    #[test]
    fn tuples_and_arrays_of_quoted_names() {
        // A SQL row of a key/value table: the cells before the key are its parents.
        assert_eq!(
            kv("(9,'smtp','password','Willow789~','2024-06-01')", "password"),
            vec![("password".into(), "Willow789~".into(), vec!["smtp".to_string()])]
        );
        assert_eq!(kv("define('SF_PASSWORD', 'Hunter2!');", "PASSWORD")[0].1, "Hunter2!");
        // An array of names holds no values: the next name is not the key's.
        let got = kv(r#"names:["username","password","loginBySoap2"]"#, "password");
        assert!(got.iter().all(|(_, v, _)| v != "loginBySoap2"), "{got:?}");
    }

    #[test]
    fn key_value_rows_of_a_postgres_dump() {
        let t = "COPY public.connector_config (id, connector, key, value) FROM stdin;\n1\tsalesforce\tusername\tops@acme.com\n2\tsalesforce\tpassword\tTulip1075Jungle!\n\\.\n";
        let at = t.find("\tpassword").unwrap() + 1;
        let got: Vec<String> = extract(t.as_bytes(), at, 8).iter().map(|p| t[p.value.clone()].to_string()).collect();
        assert_eq!(got, vec!["Tulip1075Jungle!".to_string()]);
        let p = &extract(t.as_bytes(), at, 8)[0];
        assert_eq!(path(t.as_bytes(), p), vec!["salesforce".to_string()]);
        // A row's values (an address, a token) are never parents: evidence would print them.
        let t = "COPY c (id, connector, owner, tok, key, value) FROM stdin;\n1\tsalesforce\tops@acme.com\tXk9Tq2LmP8vR4sW7yZ1bN3cD\tpassword\tTulip1075Jungle!\n\\.\n";
        let at = t.find("\tpassword").unwrap() + 1;
        let p = &extract(t.as_bytes(), at, 8)[0];
        assert_eq!(path(t.as_bytes(), p), vec!["salesforce".to_string()]);
        let t = "(1,'salesforce','ops@acme.com','Xk9Tq2LmP8vR4sW7yZ1bN3cD','password','Kestrel536~Orbit')";
        let at = t.find("password").unwrap();
        let p = &extract(t.as_bytes(), at, 8)[0];
        assert_eq!(path(t.as_bytes(), p), vec!["salesforce".to_string()]);
    }

    /// Each (text, anchor, key, value): the one pair the anchor yields.
    fn pairs(cases: &[(&str, &str, &str, &str)]) {
        for &(text, anchor, key, value) in cases {
            assert_eq!(one(text, anchor), (key.to_string(), value.to_string()), "{text}");
        }
    }

    #[test]
    fn values_wrapped_serialized_listed_and_on_the_next_line() {
        pairs(&[
            // Azure DevOps variables, Data Factory's SecureString.
            (
                "\"sf.password\": { \"value\": \"Wrap-pass1\", \"isSecret\": false },",
                "password",
                "sf.password",
                "Wrap-pass1",
            ),
            (
                "\"password\": {\n  \"type\": \"SecureString\",\n  \"value\": \"Adf-pass1\"\n}",
                "password",
                "password",
                "Adf-pass1",
            ),
            // Firebase Remote Config: a default that wraps its value in turn.
            (
                "\"crm_secret\": {\n  \"defaultValue\": { \"value\": \"Remote-secret1\" },\n  \"valueType\": \"STRING\"\n}",
                "secret",
                "crm_secret",
                "Remote-secret1",
            ),
            // PHP's serialize(), as a WordPress option stores it.
            (
                "a:2:{s:8:\"username\";s:3:\"bob\";s:8:\"password\";s:9:\"Php-pass1\";}",
                "password",
                "password",
                "Php-pass1",
            ),
            // redis-cli's HGETALL: field and value on numbered lines.
            (" 5) \"password\"\n 6) \"Redis-pass1\"\n", "password", "password", "Redis-pass1"),
            // A value alone below `Key:` in a ticket.
            (
                "Consumer Secret:\n73EB66B4231E7AC92DB7896DAC01EEEF\nCallback: x",
                "Secret",
                "Secret",
                "73EB66B4231E7AC92DB7896DAC01EEEF",
            ),
            // The end of a CDATA section is no part of the value.
            ("-d client_secret=D89F]]></ac:body>", "secret", "client_secret", "D89F"),
            // An element named by its attribute, its value in a value element inside it (Spring,
            // SSIS), on the same line or the next.
            (
                "<property name=\"password\"><value>Spring-pass1</value></property>",
                "password",
                "password",
                "Spring-pass1",
            ),
            (
                "<property name=\"sf.password\">\n  <value>Spring-pass2</value>\n</property>",
                "password",
                "sf.password",
                "Spring-pass2",
            ),
            // The last step of a path names the key; the steps before it are part of it.
            (
                "<Configuration Path=\"\\Package.Connections[SF Prod].Properties[Password]\" ValueType=\"String\">\n  <ConfiguredValue>Ssis-pass1</ConfiguredValue>",
                "Password",
                "\\Package.Connections[SF Prod].Properties[Password]",
                "Ssis-pass1",
            ),
            ("{\"op\": \"replace\", \"path\": \"/sf/password\", \"value\": \"Patch-pass1\"}", "password", "/sf/password", "Patch-pass1"),
            // Name and value fields with prefixes of their own (a settings table's export).
            (
                "{\"setting_key\": \"crm.sf.password\", \"setting_value\": \"Setting-pass1\", \"is_secret\": true}",
                "password",
                "crm.sf.password",
                "Setting-pass1",
            ),
            // A shell default, a lookup's named default (on the call's next line too), a fallback
            // below its key.
            ("token: ${SF_TOKEN:-hZdMoWK58fM8FKz3BNKAJQQr}", "TOKEN", "SF_TOKEN", "hZdMoWK58fM8FKz3BNKAJQQr"),
            ("sf_pass = os.getenv('SF_PASS', default='Getenv-pass1')", "pass", "sf_pass", "Getenv-pass1"),
            (
                "const kSfPass = String.fromEnvironment('SF_PASS',\n    defaultValue: 'Dart-pass1');",
                "Pass",
                "kSfPass",
                "Dart-pass1",
            ),
            ("  password:\n    process.env.SF_PASSWORD ??\n    'Nest-pass1',\n", "password", "password", "Nest-pass1"),
            // A name-value record whose value is kept in an object of one member (1Password).
            (
                "{\n  \"title\": \"security token\",\n  \"id\": \"sectoken\",\n  \"value\": {\n    \"concealed\": \"sOsiIbeJAVzNeGefFnbVDOrT\"\n  },\n  \"guarded\": false\n}",
                "sectoken",
                "sectoken",
                "sOsiIbeJAVzNeGefFnbVDOrT",
            ),
            // A Jenkins job's history: in a diff, the value added replaces the one removed.
            (
                "         <name>SF_TOKEN</name>\n-          <defaultValue></defaultValue>\n+          <defaultValue>pncE35PfVkYY7Wym5Dnls3oYg</defaultValue>\n",
                "TOKEN",
                "SF_TOKEN",
                "pncE35PfVkYY7Wym5Dnls3oYg",
            ),
            // A key-value store's listing: the key's path, its value on the next line.
            ("/config/crm/salesforce/password\nEtcd-pass1\n/config/crm/salesforce/user\n", "password", "/config/crm/salesforce/password", "Etcd-pass1"),
            // A .NET key-value pair as a log prints it.
            (
                "Config loaded: [SF_Username, rpa@acme.com], [SF_Password, Blossom-Thunde'r26*], [MaxRetryNumber, 2]",
                "Password",
                "SF_Password",
                "Blossom-Thunde'r26*",
            ),
            // A reStructuredText field list's inline literal.
            (":client_secret: ``Rst-secret1``\n", "secret", "client_secret", "Rst-secret1"),
            // Groovy's (and Kotlin's) Elvis operator.
            (
                "props['sf.password'] = intsys.getAttribute('SF Password') ?: 'Elvis-pass1'",
                "password",
                "sf.password",
                "Elvis-pass1",
            ),
        ]);
        // A command at a prompt that asks for a key by name prints its value below; a key word as
        // another key's value is no key.
        assert_eq!(
            kv("$ vault kv get -field=sf_password kv/revenue/sf\nWelcome-2020x!\n$ exit\n", "password")[0].1,
            "Welcome-2020x!"
        );
        assert!(kv("curl -d grant_type=password -d client_id=3MVG9abc\n", "password").is_empty());
        // A sentence wrapped right before its value; not one that goes on.
        assert_eq!(
            kv("New password for ops@acme.com is\nVy1DKeS5Dyx~3  (no token needed)\n", "password")[0].1,
            "Vy1DKeS5Dyx~3"
        );
        assert!(kv("The new password for ops@acme.com is\nstored in the vault\n", "password").is_empty());
        // A delimited record whose quoted notes span lines is one row: the next record's
        // password is still read under the header.
        let csv = "url,username,password,extra\nhttps://login.salesforce.com,a@acme.com,Csv-pass1,\"Token: abc\nProfile: API\"\nhttps://acme.my.salesforce.com,b@acme.com,Csv-pass2,\n";
        let values: Vec<String> = kv(csv, "password").into_iter().map(|p| p.1).collect();
        assert_eq!(values, ["Csv-pass1", "Csv-pass2"]);
        // A child element that holds no value, and a path whose key is not its last step.
        assert!(kv("<property name=\"password\">\n  <ref bean=\"pw\"/>\n</property>", "password").is_empty());
        assert!(kv(
            "<c Path=\"\\Package.Variables[User::Password].Properties[Value]\"><ConfiguredValue>x1</ConfiguredValue>",
            "Password"
        )
        .is_empty());
        assert!(kv("\"password\": { \"required\": true, \"minLength\": 8 }", "password").is_empty());
        // A field on the last line has no value (and reads nothing past the end).
        assert!(kv(" 5) \"password\"", "password").is_empty());
        assert!(kv(" 5) \"password\"\n", "password").is_empty());
        // Not a YAML parent's children.
        assert!(kv("password:\n  vault: kv/sf\n", "password").is_empty());
    }

    #[test]
    fn keys_in_text_records_and_tables() {
        // A token further on in a sentence, and after a colon at the end of the line.
        assert_eq!(
            kv("SF sec token for ops@acme.com (reset by mk: hZdMoWK58fM8FKz3BNKAJQQp)", "token")[0].1,
            "hZdMoWK58fM8FKz3BNKAJQQp"
        );
        assert_eq!(
            kv("Security token came by e-mail, pasting it here:\nznkFzbaTBbyJ9gs2zh209b0J\n", "token")[0].1,
            "znkFzbaTBbyJ9gs2zh209b0J"
        );
        // A sentence that ends in `pass:` over a command; a value that starts like a key.
        assert!(kv("Make sure the tests pass:\n\n    script/test\n", "pass").is_empty());
        assert!(kv("\"If your password is \\\"Pass1234\\\" and your token is X\"", "Pass").is_empty());
        // A word introduced by nothing, or as another attribute's value, is no value.
        assert!(kv(
            "<a href='man/sf_set_password.html'>x</a>(user_id = <span>\"0056A000000ZZZaaBBB\"</span>",
            "password"
        )
        .is_empty());
        // An interpolated variable in a string is no key.
        assert!(kv("echo \"--sf-pass $SF_PASS --sf-token x\"", "PASS").is_empty());
        // Talend: the input's type yields to its name.
        assert_eq!(
            one("<elementParameter field=\"PASSWORD\" name=\"connection.securityKey\" value=\"v1\"/>", "securityKey"),
            ("connection.securityKey".into(), "v1".into())
        );
        assert!(kv("<elementParameter field=\"PASSWORD\" name=\"connection.securityKey\" value=\"v1\"/>", "PASSWORD")
            .is_empty());
        // KeePass: words around the key, attributes on the value element, no value from the next entry.
        let keepass = "<String>\n<Key>Security Token</Key>\n<Value ProtectInMemory=\"True\">KpTok1</Value>\n</String>";
        assert_eq!(one(keepass, "Token"), ("Security Token".into(), "KpTok1".into()));
        assert!(kv("<Key>Password</Key>\n<Key>Title</Key>\n<Value>AWS</Value>", "Password").is_empty());
        // `"name": "Security Token"` with its value beside it.
        assert_eq!(
            one("{ \"name\": \"Security Token\", \"value\": \"BwTok1\", \"type\": 1 }", "Token"),
            ("Security Token".into(), "BwTok1".into())
        );
        // An HTML table by its header row.
        let table = "<table><tr><th>System</th><th>Password</th></tr>\n<tr><td>SF</td><td><code>Html-pass1</code></td></tr>\n<tr><td>ERP</td><td>Html-pass2</td></tr></table>";
        let cells: Vec<String> = kv(table, "Password").into_iter().map(|p| p.1).collect();
        assert_eq!(cells, ["Html-pass1", "Html-pass2"]);
        // A keyword argument of a call opened on an earlier line has the call as its parent.
        let call = "con <- dbConnect(RPostgres::Postgres(), host = \"db\",\n    user = \"a\", password = \"R-pass1\")";
        assert!(kv(call, "password")[0].2.iter().any(|p| p.contains("RPostgres::Postgres()")));
    }

    #[test]
    fn login_arguments() {
        let t = "conn.login('ops@acme.com', 'Hunter2!' + 'TOK', tok)";
        let at = t.find("login(").unwrap() + 6;
        let args = call_args(t.as_bytes(), at);
        assert_eq!(args.len(), 3);
        let (v, j) = args[1].clone().unwrap();
        assert_eq!((&t[v], &t[j.unwrap()]), ("Hunter2!", "TOK"));
        assert!(args[2].is_none());
    }
}
