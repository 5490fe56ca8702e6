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
//!
//! Here are the entry points ([`extract`], [`recovered`], [`pair_before`]), the key's span and the
//! byte helpers every form shares, and `pair_after`, which reads what follows a key and hands each
//! form to the file that reads it:
//!
//! * `value`: a value at a position (quoted, bare, joined) and the literals code wraps around one;
//! * `parents`: a pair's parent keys ([`path`]);
//! * `objects`: name/value objects, objects that wrap a value, declared defaults;
//! * `tables`: delimited, HTML and SQL tables, and settings tables' label rows;
//! * `prose`: free text;
//! * `code`: getters, call arguments and flags.

mod code;
mod objects;
mod parents;
mod prose;
mod tables;
mod value;

pub(crate) use code::{call_args, command};
use code::{first_argument, flag_like, flag_pair, getter_return, short_flag};
use objects::{declared_default, member_value, name_value, object_start, serialized_or_listed, NAME_FIELDS};
use parents::netrc;
pub(crate) use parents::{next_bracket, path, prev_bracket};
pub(crate) use prose::COPULAS;
use prose::{next_line_word, prompted, prose, prose_pair};
use std::ops::Range;
use tables::{cell_pair, cell_words, html_columns, label_row, table, VALUE_COLUMNS};
pub(crate) use tables::{delimiter, html_cells, record_end};
use value::{
    close_quote, concat_call, concatenated_after, fallback_literal, joined, literal, open_quote, value_at,
    wrapped_literal,
};

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
    /// The cells before a row's label cell (row start, key start, delimiter): `11\tsmtp\tpassword\tv` (tab-separated).
    Cells(usize, usize, u8),
}

/// Bytes a key is made of.
pub(crate) fn is_key_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-')
}

const QUOTES: &[u8] = b"\"'`";

/// Longest value taken.
const MAX_VALUE: usize = 512;

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
    // (A line longer than the reach ends at it, maybe among blanks.)
    p = skip_blanks(buf, p).min(le);
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

fn indent_of(line: &[u8]) -> usize {
    line.iter().take_while(|&&b| b == b' ' || b == b'\t').count()
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

#[cfg(test)]
mod tests {
    use super::tables::{column_named, LABEL_COLUMNS};
    use super::*;

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
}
