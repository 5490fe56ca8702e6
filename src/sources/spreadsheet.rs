//! A spreadsheet's rows, as text: an Excel workbook (`.xlsx`, `.xlsm`) is a zip whose sheets
//! hold no text of their own. A cell says only "shared string number 5"
//! (`<c r="C3" t="s"><v>5</v></c>`), and the strings are in another member
//! (`xl/sharedStrings.xml`), in the order they were first typed. Scanned as XML, a sheet is
//! numbers, and the shared strings are a list with no columns: a credentials tracker's
//! `Password` header and the passwords under it are never in one row.
//!
//! So a sheet is read as the table it is: one line per row, at the row's own number (line 3 is
//! row 3), its cells separated by tabs at their own columns (column C is after two tabs), each
//! cell holding its text. The detection then reads it as it reads any delimited table, header
//! row and all, and a finding's line is the row a user sees in Excel.
//!
//! Parsing is [`quick_xml`]'s; any prefix on the elements (`<x:c>`) is ignored. A cell's tab or
//! line break becomes a space, so that it stays in its row and column.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// Whether a zip member is a workbook's sheet (`xl/worksheets/sheet1.xml`).
pub fn is_sheet(member: &str) -> bool {
    member.starts_with("xl/worksheets/") && member.ends_with(".xml") && !member[14..].contains('/')
}

/// The shared strings of a workbook (`xl/sharedStrings.xml`), in their order: each `<si>`'s
/// text, its rich-text runs joined (phonetic guides left out).
pub fn shared_strings(xml: &[u8]) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let (mut item, mut in_text, mut phonetic) = (None::<String>, false, false);
    loop {
        match reader.read_event_into(&mut buf).map_err(|e| xml_error(&e, reader.error_position()))? {
            Event::Start(e) => match e.local_name().as_ref() {
                b"si" => item = Some(String::new()),
                b"t" => in_text = true,
                b"rPh" => phonetic = true,
                _ => {}
            },
            Event::Empty(e) if e.local_name().as_ref() == b"si" => out.push(String::new()),
            Event::End(e) => match e.local_name().as_ref() {
                b"si" => out.push(item.take().unwrap_or_default()),
                b"t" => in_text = false,
                b"rPh" => phonetic = false,
                _ => {}
            },
            ev @ (Event::Text(_) | Event::CData(_) | Event::GeneralRef(_)) if in_text && !phonetic => {
                if let Some(s) = item.as_mut() {
                    s.push_str(&text_of(&ev)?);
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

/// A sheet's rows as tab-separated lines, row `n` on line `n`, with `shared` the workbook's
/// shared strings. A cell's value is its shared string (`t="s"`), its inline string
/// (`t="inlineStr"`), or its value as written (numbers, booleans, formulas' cached results).
///
/// Every row has as many cells as the sheet's widest (Excel leaves empty cells out; a table
/// reader takes a short row for one that is not the table's), and an empty row between two rows
/// is a row of empty cells, so that a blank row under a header does not end its table.
pub fn rows(xml: &[u8], shared: &[String]) -> Result<Vec<u8>, String> {
    // Each row's number and its cells (column, text), in the order written.
    let mut table: Vec<(u64, Vec<(u64, String)>)> = Vec::new();
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    // The cell being read: its column, its type, its text so far.
    let mut cell: Option<(Option<u64>, Vec<u8>, String)> = None;
    let (mut in_value, mut in_inline) = (false, false);
    loop {
        match reader.read_event_into(&mut buf).map_err(|e| xml_error(&e, reader.error_position()))? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"row" => {
                // (Rows are in order; at most a million of them, as Excel has.)
                let last = table.last().map_or(0, |r| r.0);
                let n = attribute(&e, b"r").and_then(|r| r.parse().ok()).unwrap_or(last + 1).max(last + 1);
                table.push((n.min(MAX_ROWS), Vec::new()));
            }
            Event::Start(e) if e.local_name().as_ref() == b"c" => {
                let at = attribute(&e, b"r").and_then(|r| column_of(&r));
                cell = Some((at, attribute(&e, b"t").unwrap_or_default().into_bytes(), String::new()));
            }
            Event::Start(e) => match e.local_name().as_ref() {
                b"v" => in_value = true,
                b"is" => in_inline = true,
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"v" => in_value = false,
                b"is" => in_inline = false,
                b"c" => {
                    let Some((at, kind, text)) = cell.take() else { continue };
                    let value = match kind.as_slice() {
                        b"s" => {
                            text.trim().parse::<usize>().ok().and_then(|i| shared.get(i)).cloned().unwrap_or_default()
                        }
                        _ => text,
                    };
                    if table.is_empty() {
                        table.push((1, Vec::new())); // a cell outside any row: the first row's
                    }
                    let cells = &mut table.last_mut().expect("a row").1;
                    let next = cells.last().map_or(0, |c| c.0 + 1);
                    cells.push((at.unwrap_or(next).max(next).min(MAX_COLUMNS), value));
                }
                _ => {}
            },
            ev @ (Event::Text(_) | Event::CData(_) | Event::GeneralRef(_)) if in_value || in_inline => {
                if let Some((_, _, text)) = cell.as_mut() {
                    text.push_str(&text_of(&ev)?);
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    let width = table.iter().filter_map(|r| r.1.last()).map(|c| c.0 + 1).max().unwrap_or(1);
    // (A sheet wider than a table of credentials is not padded: its padding would outgrow it.)
    let pad = |out: &mut Vec<u8>, column: u64| {
        if width <= MAX_PADDED {
            out.extend(std::iter::repeat_n(b'\t', (width - 1 - column) as usize));
        }
    };
    let mut out: Vec<u8> = Vec::new();
    let mut line = 0u64;
    for (n, cells) in &table {
        // Rows left out: rows of empty cells (bare lines past a long gap, to stay small).
        let gap = n.saturating_sub(line + 1);
        for _ in 0..gap {
            if gap <= 100 {
                pad(&mut out, 0);
            }
            out.push(b'\n');
        }
        let mut column = 0;
        for (at, value) in cells {
            out.extend(std::iter::repeat_n(b'\t', (at - column) as usize));
            out.extend(value.bytes().map(|b| if matches!(b, b'\t' | b'\n' | b'\r') { b' ' } else { b }));
            column = *at;
        }
        pad(&mut out, column);
        out.push(b'\n');
        line = line.max(*n);
    }
    Ok(out)
}

/// Excel's limits: 1,048,576 rows of 16,384 columns.
const MAX_ROWS: u64 = 1 << 20;
const MAX_COLUMNS: u64 = (1 << 14) - 1;
/// The widest sheet whose rows are padded to its width.
const MAX_PADDED: u64 = 64;

/// The text an event stands for: text as written, CDATA as is, an entity or character
/// reference resolved (an unknown entity kept as written).
fn text_of(ev: &Event) -> Result<String, String> {
    Ok(match ev {
        Event::Text(t) => t.decode().map_err(|_| NOT_UTF8.to_string())?.into_owned(),
        Event::CData(c) => c.decode().map_err(|_| NOT_UTF8.to_string())?.into_owned(),
        Event::GeneralRef(r) => {
            let name = r.decode().map_err(|_| NOT_UTF8.to_string())?;
            match r.resolve_char_ref() {
                Ok(Some(c)) => c.to_string(),
                _ => quick_xml::escape::resolve_predefined_entity(&name)
                    .map_or_else(|| format!("&{name};"), str::to_string),
            }
        }
        _ => String::new(),
    })
}

const NOT_UTF8: &str = "text that is not UTF-8";

/// What is wrong with a workbook's XML, without a word of its text: `quick_xml`'s own messages
/// quote tag and entity names, and a cell's text (a password with a `&` in it) can end up in one.
fn xml_error(e: &quick_xml::Error, at: u64) -> String {
    use quick_xml::Error as E;
    let what = match e {
        E::Io(e) => return format!("read error ({})", e.kind()),
        E::Syntax(e) => return format!("{e} at byte {at}"),
        E::IllFormed(_) => "ill-formed XML (tags that do not match)",
        E::InvalidAttr(_) => "a malformed attribute",
        E::Encoding(_) => NOT_UTF8,
        E::Escape(_) => "a malformed entity or character reference",
        E::Namespace(_) => "a malformed namespace",
    };
    format!("{what} at byte {at}")
}

/// An attribute's value as written (the cell references and types read here have no entities).
fn attribute(e: &BytesStart, name: &[u8]) -> Option<String> {
    let a = e.try_get_attribute(name).ok()??;
    Some(String::from_utf8_lossy(&a.value).into_owned())
}

/// The 0-based column of a cell reference (`C3` → 2, `AA1` → 26).
fn column_of(reference: &str) -> Option<u64> {
    let letters = reference.bytes().take_while(u8::is_ascii_alphabetic).collect::<Vec<_>>();
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let n = letters.iter().fold(0u64, |n, &b| n * 26 + u64::from(b.to_ascii_uppercase() - b'A' + 1));
    Some(n - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sheet_reads_as_its_rows_and_columns() {
        let shared = shared_strings(
            br#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4">
<si><t>System</t></si><si><r><t>Pass</t></r><r><rPr><b/></rPr><t>word</t></r></si>
<si><t xml:space="preserve">Acme&amp;Co#88 </t></si><si/><si><t>Salesforce</t><rPh><t>x</t></rPh></si></sst>"#,
        )
        .unwrap();
        assert_eq!(shared, ["System", "Password", "Acme&Co#88 ", "", "Salesforce"]);
        // Row 1 the header, row 2 skipped, row 3 with a gap at column B; an inline string with a
        // line break; a number.
        let sheet = br#"<worksheet><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>
<row r="3"><c r="A3" t="s"><v>4</v></c><c r="C3" t="s"><v>2</v></c><c r="D3"><v>42</v></c></row>
<row r="4"><c r="B4" t="inlineStr"><is><t>two
lines</t></is></c></row>
</sheetData></worksheet>"#;
        let text = String::from_utf8(rows(sheet, &shared).unwrap()).unwrap();
        assert_eq!(text, "System\t\tPassword\t\n\t\t\t\nSalesforce\t\tAcme&Co#88 \t42\n\ttwo lines\t\t\n");
    }

    #[test]
    fn prefixed_elements_rows_without_numbers_and_broken_xml() {
        let sheet =
            br#"<x:worksheet><x:sheetData><x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c></x:row>
<x:row><x:c t="s"><x:v>9</x:v></x:c></x:row></x:sheetData></x:worksheet>"#;
        let shared = ["a".to_string(), "b".to_string()];
        // (Cells without references follow each other; an index out of range is an empty cell.)
        assert_eq!(String::from_utf8(rows(sheet, &shared).unwrap()).unwrap(), "a\tb\n\t\n");
        assert_eq!(
            rows(b"<worksheet><row r=\"1\"><c></row>", &shared).unwrap_err(),
            "ill-formed XML (tags that do not match) at byte 25"
        );
        // The error never quotes the document: a tag or entity name made of a cell's text stays out.
        let err = shared_strings(b"<sst><si><t>pw: Cedar&Sup3rS3cret;</t></si><Hunter2Blue></sst>").unwrap_err();
        assert!(!err.contains("Sup3r") && !err.contains("Hunter2"), "{err}");
        assert!(shared_strings(b"<sst><si><t>x</t></si").unwrap_err().starts_with("tag not closed"));
        assert_eq!(column_of("AA12"), Some(26));
        assert_eq!(column_of("12"), None);
        assert!(is_sheet("xl/worksheets/sheet2.xml") && !is_sheet("xl/worksheets/_rels/sheet2.xml.rels"));
    }
}
