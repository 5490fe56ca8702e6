//! The text of a document written in markup: what a reader of a Word runbook, a spreadsheet
//! saved as flat XML, a help desk macro's HTML or an OCR engine's hOCR sees.
//!
//! Markup splits what a reader sees as one line: a Word paragraph's `Password: ` and its value
//! are two runs (`<w:t>Password: </w:t></w:r><w:r>…<w:t>v</w:t>`), a spreadsheet's header and
//! its cells are elements lines apart, an OCR engine writes one element per word. Keys and values
//! are read from text, so the engine also scans the document's text ([`TextView`]): tags dropped,
//! entities decoded (twice: a Jira export's `&lt;p&gt;` holds HTML inside XML), blanks run
//! together as a browser runs them, and a line where a paragraph, a row or a line break ends, a
//! tab where a table's cell ends. Each byte of the text knows the bytes of the document it came
//! from, so what is found there is reported where it is in the file.
//!
//! Only such documents (see [`DOCUMENT_TAGS`]): configuration in XML (`<password>v</password>`)
//! and HTML pages are read where they are, and a unit without a document's tags costs a search
//! for `<`.

/// A document's text, and for each of its bytes the span of the markup it came from.
pub struct TextView {
    pub text: Vec<u8>,
    /// The document's span of each byte of `text`, as (start, end).
    spans: Vec<(u32, u32)>,
    /// How many table cells are open where rendering is.
    cells: usize,
}

/// Units larger than this are not rendered (a view costs nine bytes per byte).
pub(crate) const MAX_UNIT: usize = 16 << 20;

/// Tags of a document whose markup splits its text: a word processor's runs (WordprocessingML,
/// OpenDocument), an OCR engine's words (hOCR), HTML escaped inside XML (a Jira export) or kept in
/// a string (a help desk macro's body in JSON).
///
/// Not an HTML page's own tags: its lines are read where they are (a table by its header, a
/// paragraph as text), and rendering every documentation page a second time doubled the time of a
/// documentation-heavy repository (salesforcer's pkgdown site: 663 ms → 1,235 ms).
const DOCUMENT_TAGS: [&[u8]; 14] = [
    b"<w:t>",
    b"<w:t ",
    b"<text:p",
    b"ocrx_word",
    b"&lt;p&gt;",
    b"&lt;br",
    b"&lt;div",
    b"&lt;td",
    b"\"<p>",
    b"\"<div",
    b"\"<html",
    b"\"<br",
    b"\"<table",
    b"\"<span",
];

/// Elements after which a reader starts a new line.
const BLOCKS: [&[u8]; 13] =
    [b"p", b"br", b"div", b"li", b"h1", b"h2", b"h3", b"h4", b"h5", b"h6", b"w:p", b"w:br", b"text:p"];

/// A table's rows: a line each.
const ROWS: [&[u8]; 3] = [b"tr", b"w:tr", b"table:table-row"];

/// Elements after which a reader moves to the next cell of a row.
const CELLS: [&[u8]; 4] = [b"td", b"th", b"w:tc", b"table:table-cell"];

impl TextView {
    /// The text of `buf` if it is a document in markup.
    pub fn of(buf: &[u8]) -> Option<TextView> {
        if buf.len() > MAX_UNIT || !is_document(buf) {
            return None;
        }
        let mut v =
            TextView { text: Vec::with_capacity(buf.len() / 2), spans: Vec::with_capacity(buf.len() / 2), cells: 0 };
        v.render(buf);
        Some(v)
    }

    /// The document's span of `text[range]`.
    pub fn source(&self, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let start = self.spans.get(range.start).map_or(0, |s| s.0 as usize);
        let end = range.end.checked_sub(1).and_then(|e| self.spans.get(e)).map_or(start, |s| s.1 as usize);
        start..end.max(start)
    }

    fn push(&mut self, b: u8, span: (usize, usize)) {
        // Blanks run together, and none starts a line or ends one.
        let last = self.text.last().copied();
        if b == b' ' && matches!(last, None | Some(b' ' | b'\n' | b'\t')) {
            return;
        }
        // (Nor a cell's tab a line.)
        if matches!(b, b'\n' | b'\t') && last == Some(b' ') || b == b'\n' && last == Some(b'\t') {
            self.text.pop();
            self.spans.pop();
        }
        if b == b'\n' && matches!(self.text.last(), None | Some(b'\n')) {
            return;
        }
        self.text.push(b);
        self.spans.push((span.0 as u32, span.1 as u32));
    }

    fn render(&mut self, buf: &[u8]) {
        let mut i = 0;
        while i < buf.len() {
            let b = buf[i];
            // A tag, plain or escaped.
            let tag = if b == b'<' {
                tag_at(buf, i, b"<", b">")
            } else if b == b'&' && buf[i..].starts_with(b"&lt;") {
                tag_at(buf, i, b"&lt;", b"&gt;")
            } else {
                None
            };
            if let Some((name, end)) = tag {
                let name = name.to_ascii_lowercase();
                let closing = buf[i..].starts_with(b"</") || buf[i..].starts_with(b"&lt;/");
                if CELLS.contains(&name.as_slice()) {
                    if closing {
                        self.cells = self.cells.saturating_sub(1);
                        self.push(b'\t', (i, end));
                    } else {
                        self.cells += 1;
                        self.push(b' ', (i, end));
                    }
                } else if ROWS.contains(&name.as_slice()) {
                    self.push(b'\n', (i, end));
                } else if BLOCKS.contains(&name.as_slice()) || memchr::memmem::find(&buf[i..end], b"ocr_line").is_some()
                {
                    // (A paragraph in a table's cell is the cell's text.)
                    self.push(if self.cells > 0 { b' ' } else { b'\n' }, (i, end));
                } else if !inline(&name) {
                    // (Any other element parts words as a blank would.)
                    self.push(b' ', (i, end));
                }
                i = end;
                continue;
            }
            if b == b'&' {
                if let Some((decoded, end)) = entity(buf, i) {
                    for c in decoded {
                        self.push(c, (i, end));
                    }
                    i = end;
                    continue;
                }
            }
            let c = if b.is_ascii_whitespace() { b' ' } else { b };
            self.push(c, (i, i + 1));
            i += 1;
        }
    }
}

/// Elements inside a run of text, which part no words: a Word run and its properties, spans,
/// emphasis, links.
fn inline(name: &[u8]) -> bool {
    matches!(
        name,
        b"span"
            | b"b"
            | b"i"
            | b"u"
            | b"em"
            | b"strong"
            | b"a"
            | b"code"
            | b"tt"
            | b"font"
            | b"small"
            | b"sup"
            | b"sub"
    ) || name.starts_with(b"w:r")
        || name.starts_with(b"w:t")
        || name.starts_with(b"w:b")
        || name.starts_with(b"w:i")
        || name.starts_with(b"w:u")
        || name.starts_with(b"w:sz")
        || name.starts_with(b"w:color")
        || name.starts_with(b"w:proof")
        || name.starts_with(b"text:span")
        || name.starts_with(b"text:s")
}

/// A tag at `at` opened by `open` and closed by `close`: its element's name and where it ends.
/// (`<` before no name, as in `a < b`, is text.)
fn tag_at(buf: &[u8], at: usize, open: &[u8], close: &[u8]) -> Option<(Vec<u8>, usize)> {
    let mut p = at + open.len();
    if matches!(buf.get(p), Some(b'/')) {
        p += 1;
    }
    // A declaration, processing instruction or comment (`<?xml …?>`, `<!DOCTYPE …>`): no text.
    if matches!(buf.get(p), Some(b'?' | b'!')) && !buf[at + 1..p].contains(&b'/') {
        let limit = (p + 2048).min(buf.len());
        let end = memchr::memmem::find(&buf[p..limit], close)? + p + close.len();
        return Some((buf[p..p + 1].to_vec(), end));
    }
    let start = p;
    while p < buf.len() && (buf[p].is_ascii_alphanumeric() || matches!(buf[p], b':' | b'-' | b'_')) {
        p += 1;
    }
    if p == start || !buf[start].is_ascii_alphabetic() {
        return None;
    }
    let limit = (p + 2048).min(buf.len());
    let end = memchr::memmem::find(&buf[p..limit], close)? + p + close.len();
    Some((buf[start..p].to_vec(), end))
}

/// An entity at `at` (`&amp;`, `&#33;`, `&#x21;`, and one escaped once more: `&amp;quot;`): its
/// bytes and where it ends.
fn entity(buf: &[u8], at: usize) -> Option<(Vec<u8>, usize)> {
    let semi = memchr::memchr(b';', &buf[at..(at + 12).min(buf.len())])? + at;
    let name = &buf[at + 1..semi];
    let c: u32 = match name {
        b"amp" => {
            // Read what follows as if this entity's `;` were its `&`.
            let mut again = vec![b'&'];
            again.extend_from_slice(&buf[semi + 1..(semi + 12).min(buf.len())]);
            if let Some((bytes, end)) = entity(&again, 0) {
                return Some((bytes, semi + end));
            }
            '&' as u32
        }
        b"lt" => '<' as u32,
        b"gt" => '>' as u32,
        b"quot" => '"' as u32,
        b"apos" => '\'' as u32,
        b"nbsp" => ' ' as u32,
        _ if name.first() == Some(&b'#') => {
            let s = std::str::from_utf8(&name[1..]).ok()?;
            match s.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => s.parse().ok()?,
            }
        }
        _ => return None,
    };
    let mut out = [0u8; 4];
    Some((char::from_u32(c)?.encode_utf8(&mut out).as_bytes().to_vec(), semi + 1))
}

/// Whether `buf` has a document's tags (any one of them) in its first 256 KiB.
pub(crate) fn is_document(buf: &[u8]) -> bool {
    // (A document says so in its first pages.)
    let buf = &buf[..buf.len().min(256 << 10)];
    if memchr::memchr(b'<', buf).is_none() && memchr::memmem::find(buf, b"&lt;").is_none() {
        return false;
    }
    DOCUMENT_TAGS.iter().any(|t| memchr::memmem::find(buf, t).is_some())
}

#[cfg(test)]
mod tests {
    use super::TextView;

    fn text(s: &str) -> String {
        String::from_utf8(TextView::of(s.as_bytes()).expect("a document").text).unwrap()
    }

    #[test]
    fn word_runs_join_into_their_paragraphs_line() {
        let doc = r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Password: </w:t></w:r><w:r><w:rPr><w:rFonts w:ascii="Consolas"/></w:rPr><w:t>AcmeCedar#88</w:t></w:r></w:p>
<w:p><w:r><w:t>Security token: </w:t></w:r><w:r><w:t>P53OtV2HN1b4k124Lrs5Qiut</w:t></w:r></w:p>"#;
        assert_eq!(text(doc), "Password: AcmeCedar#88\nSecurity token: P53OtV2HN1b4k124Lrs5Qiut\n");
        // Each byte of the text knows where it is in the document.
        let v = TextView::of(doc.as_bytes()).unwrap();
        let at = |needle: &str| {
            let i = v.text.windows(needle.len()).position(|w| w == needle.as_bytes()).unwrap();
            v.source(i..i + needle.len())
        };
        assert_eq!(&doc[at("AcmeCedar#88")], "AcmeCedar#88");
        assert_eq!(&doc[at("Cedar#88\nSecurity")], "Cedar#88</w:t></w:r></w:p>\n<w:p><w:r><w:t>Security");
    }

    #[test]
    fn cells_rows_and_escaped_markup() {
        let ods = "<table:table-row>\n <table:table-cell><text:p>Password</text:p></table:table-cell>\n <table:table-cell><text:p>Token</text:p></table:table-cell>\n</table:table-row><table:table-row><table:table-cell><text:p>a&amp;b</text:p></table:table-cell></table:table-row>";
        assert_eq!(text(ods), "Password\tToken\na&b\n");
        // A declaration or comment is no text.
        assert_eq!(text(&format!("<?xml version=\"1.0\"?>\n<!-- saved -->{ods}")), "Password\tToken\na&b\n");
        let jira = "<comment>&lt;p&gt;pw is &lt;tt&gt;Hunter&amp;amp;2&lt;/tt&gt; &amp;quot;ok&amp;quot;&lt;/p&gt;&lt;p&gt;next&lt;/p&gt;</comment>";
        assert_eq!(text(jira), "pw is Hunter&2 \"ok\"\nnext\n");
    }

    #[test]
    fn configuration_is_no_document() {
        assert!(TextView::of(b"<config><password>v</password><user>u</user></config>").is_none());
        assert!(TextView::of(b"2024-01-01 INFO a < b and c > d").is_none());
        assert!(TextView::of(b"<html><body><p>a page</p><p>read where it is</p></body></html>").is_none());
        // HTML kept in a JSON string is a document's text.
        assert!(TextView::of(br#"{"body": "<p>Hi,</p><p>the login</p>"}"#).is_some());
    }
}
