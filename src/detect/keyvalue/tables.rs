//! Tables: a column whose header names the key, read in every row below it (CSV, TSV,
//! Markdown and Org tables, HTML tables, `COPY … FROM stdin` rows, `INSERT INTO t (…) VALUES (…)`,
//! a `CREATE TABLE` column filled by later `INSERT`s); a settings table's row whose label cell
//! is the key (`Setting,Value` over `SF password,v`); and an HTML cell whose text is the key, its
//! value in the cell after it (`<td>Password</td><td>v</td>`).
//!
//! A table yields one pair per row, each with its row's start, so that values of one row are
//! paired together.

use super::{line_end, line_start, skip_blanks, Form, Pair, Parents, QUOTES};
use std::ops::Range;

/// Rows of a table read after its header. (Each row's values become candidates held until the
/// unit is settled, ~5 KB a row: an export of 80,000 logins took 5.2 s and 441 MB; see
/// benches/README.md.)
const MAX_ROWS: usize = 100_000;

/// The text of an element that holds the key at `ks` among a few words (`>Security token<`,
/// `>Jira API token (alert bot)<`): the key's words, without a parenthesised remark, and where
/// the element's text ends.
pub(super) fn cell_words(buf: &[u8], ks: Range<usize>) -> Option<(Range<usize>, usize)> {
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
pub(super) fn html_columns(buf: &[u8], ks: Range<usize>) -> Option<Vec<Pair>> {
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
    let mut at = (row + 3).min(end);
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
        // (Blanks trimmed off both ends; a cell of blanks is an empty range at its start.)
        let t = &buf[s..e];
        let lead = t.len() - t.trim_ascii_start().len();
        out.push(s + lead..s + lead + t.trim_ascii().len());
        at = close;
    }
    out
}

/// The text after the element a key fills (see [`pair_after`](super::pair_after)).
pub(super) fn cell_pair(buf: &[u8], ks: Range<usize>, key: &str) -> Option<Pair> {
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
        p = skip_blanks(buf, p).min(limit);
        if p < limit && buf[p] == b'<' {
            p += memchr::memchr(b'>', &buf[p..limit])? + 1;
            continue;
        }
        break;
    }
    let p = skip_blanks(buf, p).min(limit);
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

/// A column of a table whose header holds the key at `ks`: a delimited header line (CSV, TSV,
/// `|`-separated, `COPY t (…) FROM stdin;` rows) followed by rows with as many fields, or an
/// `INSERT INTO t (…) VALUES (…)` statement. One pair per row that has a value there.
pub(super) fn table(buf: &[u8], ks: Range<usize>) -> Option<Vec<Pair>> {
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
    // a triage table's `proposed-pass1`), not of credentials: each login has its own. (Masks and
    // placeholders repeat in a column of credentials: `********` in every row but one.)
    let mut seen: std::collections::HashMap<&[u8], usize> = std::collections::HashMap::new();
    for p in &out {
        let v = buf[p.value.clone()].trim_ascii();
        if !v.is_empty() && !crate::detect::plausible::not_a_value(v, p.quoted, false) {
            *seen.entry(v).or_default() += 1;
        }
    }
    if seen.values().any(|&n| n >= 3) {
        out.clear();
    }
    (rows > 0).then_some(out)
}

/// Columns of a settings table that name the setting in each row (`Setting,Value,…`).
pub(super) const LABEL_COLUMNS: &[&str] = &[
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
pub(super) const VALUE_COLUMNS: &[&str] = &["value", "wert", "valeur", "valor", "current value", "secret"];

/// Whether a column's (lower-case) name is one of `names`, or ends with one of `suffixes` after a
/// word of its own (`ConfigKey`, `setting_name`, `ParamValue`: a settings table's columns as a
/// platform's export names them). (Not every name: a data row's `not secret` or
/// `SF_ConnectedApp_Secret` above the header is no column name.)
pub(super) fn column_named(name: &str, names: &[&str], suffixes: &[&str]) -> bool {
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
pub(super) fn label_row(buf: &[u8], ks: Range<usize>) -> Option<Pair> {
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
    memchr::memmem::find(&upper, b"INSERT")?;
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
