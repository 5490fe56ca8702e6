//! Properties over generated inputs: a valid token planted anywhere in arbitrary text is found
//! exactly once, at the right place, whichever way the text is read (whole, in parallel chunks, as a
//! stream cut into uneven reads) and wherever chunk and stream-block edges fall; scanning is
//! deterministic; redaction never shows more than the first 4 and last 2 characters.

use forcescan::detect::finding::redact;
use forcescan::testing::{small_chunk_engines, Rng};
use forcescan::{Engine, Finding};
use proptest::prelude::*;
use std::io::Read;
use std::sync::OnceLock;

/// Token characters that cannot spell a placeholder word (`xxxx`, `todo`, `dummy`, `_here`, …, see
/// `validate::is_placeholder`): no vowels, no `x`. Every generated token is then valid, so a token
/// that is not found is the scanner's fault, not the generator's.
const PAYLOAD: &[u8] = b"0123456789BCDFGHJKLMNPQRSTVWYZbcdfghjklmnpqrstvwyz._";
const ORG: &[u8] = b"0123456789BCDFGHJKLMNPQRSTVWYZbcdfghjklmnpqrstvwyz";

/// Bytes that end a token for every rule (none of them is a token character or `=`, `-`, `.`).
const SEPARATORS: &[u8] = b" \n\t\"',;<>()|";

/// What surrounds planted tokens: mostly text and line breaks, some UTF-8, invalid UTF-8 (lone
/// continuation bytes, a surrogate's encoding) and NUL, which makes the text binary. Never `0xFE`
/// or `0xFF`, which would turn the start of a file into a UTF-16 byte-order mark.
const FILLER: &[&[u8]] = &[
    b"a",
    b"Z",
    b"7",
    b" ",
    b"=",
    b":",
    b"\"",
    b"/",
    b"\n",
    b"\n",
    b"\r\n",
    b"\t",
    b"{",
    b"}",
    b"%",
    b"\\",
    b"!",
    b"&",
    b"-",
    b"_",
    b".",
    b"00",
    b"5A",
    "é".as_bytes(),
    "€".as_bytes(),
    "😀".as_bytes(),
    b"\x80",
    b"\xC3",
    b"\xED\xA0\x80",
    b"\0",
];

/// Filler of exactly `len` bytes (the last piece is cut short; a cut UTF-8 sequence is just more
/// invalid UTF-8).
fn filler(seed: u64, len: usize) -> Vec<u8> {
    let mut rng = Rng::new(seed | 1);
    let mut v = Vec::with_capacity(len + 4);
    while v.len() < len {
        v.extend_from_slice(rng.pick(FILLER));
    }
    v.truncate(len);
    v
}

#[derive(Debug, Clone, Copy)]
enum Kind {
    AccessToken,
    RefreshToken,
    AuthUrl,
}

/// The ways an access token's `!` is written, which the rule accepts and unescaping normalises.
const BANGS: &[&str] = &["!", "%21", "\\u0021", "\\!", "&#33;", "&#x21;"];

/// A random token of the exact shape of `kind`: (as written, normalised value, rule id).
fn token(kind: Kind, seed: u64) -> (String, String, &'static str) {
    let mut rng = Rng::new(seed | 1);
    match kind {
        Kind::AccessToken => {
            let (org, payload) = (rng.chars(ORG, 12), rng.chars(PAYLOAD, 96));
            let bang = rng.pick(BANGS);
            (format!("00D{org}{bang}{payload}"), format!("00D{org}!{payload}"), "salesforce-access-token")
        }
        Kind::RefreshToken => {
            let t = format!("5Aep861{}", rng.chars(PAYLOAD, 80));
            (t.clone(), t, "salesforce-refresh-token")
        }
        Kind::AuthUrl => {
            let host =
                rng.pick(&["acme.my.salesforce.com", "login.salesforce.com", "globex--uat.sandbox.my.salesforce.com"]);
            let t = format!("force://PlatformCLI::5Aep861{}@{host}", rng.chars(PAYLOAD, 80));
            (t.clone(), t, "salesforce-sfdx-auth-url")
        }
    }
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![Just(Kind::AccessToken), Just(Kind::RefreshToken), Just(Kind::AuthUrl)]
}

/// Engines whose chunks (4 KiB) and stream blocks are small enough for generated texts to cross
/// many edges: decoding on (blocks of ~130 KiB, the decoded-run margin) and off (~17 KiB).
fn engines() -> &'static [Engine] {
    static E: OnceLock<Vec<Engine>> = OnceLock::new();
    E.get_or_init(|| small_chunk_engines(4096))
}

/// Where `scan_reader` stops accepting anchors for its `k`-th block, for a reader that fills every
/// read (a `Cursor`); computed the way the engine sizes its blocks, to put tokens right on them.
fn stream_edge(e: &Engine, k: usize) -> usize {
    let (before, after) = e.stream_context();
    let block = e.opts.chunk_size.max(before + after + 4096);
    before + (k + 1) * block
}

/// A reader that returns 1 to ~5,000 bytes per call, as pipes do.
struct Uneven<'a>(&'a [u8], Rng);
impl Read for Uneven<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let n = (1 + (self.1.next_u64() % 5000) as usize).min(out.len()).min(self.0.len());
        out[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

/// Every reading mode, each labelled.
fn all_modes(e: &Engine, text: &[u8]) -> Vec<(&'static str, Vec<Finding>)> {
    vec![
        ("scan_bytes", e.scan_bytes("t.log", text)),
        ("scan_chunked", e.scan_chunked("t.log", text)),
        ("scan_reader", e.scan_reader("t.log", std::io::Cursor::new(text)).unwrap()),
        ("scan_reader (uneven reads)", e.scan_reader("t.log", Uneven(text, Rng::new(text.len() as u64 | 1))).unwrap()),
        ("scan_reader_parallel", e.scan_reader_parallel("t.log", Uneven(text, Rng::new(3))).unwrap()),
    ]
}

/// (rule, offset, length, line, column, redacted) of a finding.
type Seen = (String, u64, u64, u64, u64, String);

fn summary(fs: &[Finding]) -> Vec<Seen> {
    fs.iter().map(|f| (f.rule.clone(), f.offset, f.length, f.line, f.column, f.secret.clone())).collect()
}

/// Line and byte column (1-based) of `offset`.
fn line_col(text: &[u8], offset: usize) -> (u64, u64) {
    let before = &text[..offset];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count() as u64;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    (line, (offset - line_start + 1) as u64)
}

/// A planted token: its kind, the seed of its random part, and the separator bytes around it
/// (`None` only at the very start or end of the text, where nothing can touch it).
type Planted = (Kind, u64, Option<u8>, Option<u8>);

/// Text made of filler and planted tokens (the `i`-th after the `i`-th filler part), and the
/// findings it must produce.
fn plant(parts: &[(u64, usize)], tokens: &[Planted]) -> (Vec<u8>, Vec<Seen>) {
    let sep = |b: u8| SEPARATORS[b as usize % SEPARATORS.len()];
    let mut text = Vec::new();
    let mut want = Vec::new();
    for (i, &(seed, len)) in parts.iter().enumerate() {
        text.extend(filler(seed, len));
        if let Some(&(kind, tseed, before, after)) = tokens.get(i) {
            let (written, value, rule) = token(kind, tseed);
            text.extend(before.map(sep));
            let (line, col) = line_col(&text, text.len());
            want.push((rule.to_string(), text.len() as u64, written.len() as u64, line, col, redact(value.as_bytes())));
            text.extend_from_slice(written.as_bytes());
            text.extend(after.map(sep));
        }
    }
    (text, want)
}

/// Where to put the token: the very start, the very end, anywhere, or on an edge.
#[derive(Debug, Clone, Copy)]
enum Place {
    Start,
    End,
    Anywhere(usize),
    /// Around the `k`-th 4 KiB chunk edge, `d` bytes before it.
    ChunkEdge(usize, usize),
    /// Around the `k`-th stream block edge of engine `e`.
    StreamEdge(usize, usize, usize),
}

fn place() -> impl Strategy<Value = Place> {
    prop_oneof![
        Just(Place::Start),
        Just(Place::End),
        (0usize..60_000).prop_map(Place::Anywhere),
        (1usize..8, 0usize..260).prop_map(|(k, d)| Place::ChunkEdge(k, d)),
        (0usize..2, 0usize..2, 0usize..260).prop_map(|(e, k, d)| Place::StreamEdge(e, k, d)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn a_planted_token_is_found_exactly_once_where_it_was_put(
        kind in kind(),
        tseed in any::<u64>(),
        fseed in any::<u64>(),
        place in place(),
        tail in 0usize..3000,
        before in any::<u8>(),
        after in any::<u8>(),
    ) {
        let tok_len = token(kind, tseed).0.len();
        let at_edge = |edge: usize, d: usize| edge.saturating_sub(d);
        let head = match place {
            Place::Start => 0,
            Place::End => tail,
            Place::Anywhere(n) => n,
            Place::ChunkEdge(k, d) => at_edge(k * 4096, d),
            Place::StreamEdge(e, k, d) => at_edge(stream_edge(&engines()[e], k), d),
        };
        // At the very start or end of the text nothing precedes or follows the token.
        let before = (!matches!(place, Place::Start)).then_some(before);
        let after = (!matches!(place, Place::End)).then_some(after);
        let tail = if matches!(place, Place::End) { 0 } else { tail };
        let (text, want) = plant(&[(fseed, head), (fseed ^ 0xABCD, tail)], &[(kind, tseed, before, after)]);
        prop_assert_eq!(want[0].2 as usize, tok_len);
        for e in engines() {
            for (mode, found) in all_modes(e, &text) {
                prop_assert_eq!(&summary(&found), &want, "{} (decode {}), {} bytes", mode, e.opts.decode, text.len());
            }
        }
    }

    #[test]
    fn several_tokens_are_all_found_and_every_reading_mode_agrees_exactly(
        parts in prop::collection::vec((any::<u64>(), 0usize..20_000), 1..6),
        tokens in prop::collection::vec((kind(), any::<u64>(), any::<u8>(), any::<u8>()).prop_map(|(k, s, b, a)| (k, s, Some(b), Some(a))), 0..5),
    ) {
        let (text, want) = plant(&parts, &tokens);
        for e in engines() {
            let modes = all_modes(e, &text);
            prop_assert_eq!(&summary(&modes[0].1), &want);
            let reference = serde_json::to_string(&modes[0].1).unwrap();
            for (mode, found) in &modes[1..] {
                prop_assert_eq!(&serde_json::to_string(found).unwrap(), &reference, "{} differs", mode);
            }
            // And again: the same input gives the same report, byte for byte.
            prop_assert_eq!(serde_json::to_string(&e.scan_chunked("t.log", &text)).unwrap(), reference);
        }
    }

    #[test]
    fn redaction_shows_at_most_the_first_4_and_last_2_characters(
        value in prop::collection::vec(any::<u8>(), 0..200),
    ) {
        let shown = redact(&value);
        let chars: Vec<char> = String::from_utf8_lossy(&value).chars().collect();
        let n = chars.len();
        // The shape: up to 4 leading characters of the value, `…`, up to 2 trailing ones.
        let form = |h: usize, t: usize| {
            let mut s: String = chars[..h].iter().collect();
            s.push('…');
            s.extend(&chars[n - t..]);
            s
        };
        let shapes: Vec<(usize, usize)> =
            (0..=4).flat_map(|h| (0..=2).map(move |t| (h, t))).filter(|&(h, t)| h + t <= n && form(h, t) == shown).collect();
        prop_assert!(!shapes.is_empty(), "{:?} is not a redaction of {:?}", shown, chars);
        // And never more than 3/8 of the value.
        let (h, t) = shapes[0];
        prop_assert!((h + t) * 8 <= n * 3, "{:?} shows {} of {} characters", shown, h + t, n);
    }

    #[test]
    fn a_documents_text_reading_never_panics_and_reports_inside_the_file(
        pieces in prop::collection::vec(prop_oneof![
            Just("<w:p>"), Just("</w:p>"), Just("<w:r><w:t>"), Just("</w:t></w:r>"), Just("<w:t xml:space=\"preserve\">"),
            Just("<table:table-row>"), Just("</table:table-row>"), Just("<table:table-cell>"), Just("</table:table-cell>"),
            Just("<text:p>"), Just("</text:p>"), Just("&lt;p&gt;"), Just("&lt;/p&gt;"), Just("&amp;"), Just("&amp;amp;"),
            Just("&#33;"), Just("&#x2"), Just("&"), Just("<"), Just(">"), Just("\n"), Just(" "), Just("\t"),
            Just("Password: "), Just("Security token: "), Just("Salesforce "), Just("Hunter2!Quartz"),
            Just("P53OtV2HN1b4k124Lrs5Qiut"), Just("\"<p>"), Just("é"),
        ], 0..120),
    ) {
        let text = pieces.concat();
        for f in Engine::builtin().scan_bytes("doc.xml", text.as_bytes()) {
            let end = (f.offset + f.length) as usize;
            prop_assert!(end <= text.len() && f.line >= 1 && f.column >= 1, "{:?} in {:?}", (f.offset, f.length), text);
            for r in &f.related {
                prop_assert!((r.offset + r.length) as usize <= text.len());
            }
        }
    }

    /// Code and configuration made of any mixture of the context layer's syntax (keys, sigils,
    /// quotes, brackets, operators, comments, values) never panic, in any language's file, and
    /// report only inside the text. (It found a PHP `'…'.$backtrace[0]` read as an empty name.)
    #[test]
    fn code_and_configuration_of_any_shape_never_panic(
        pieces in prop::collection::vec(prop_oneof![
            Just("password"), Just("pass"), Just("sf_token"), Just("securityToken"), Just("client_secret"), Just("PASS"),
            Just(" = "), Just(": "), Just("="), Just(":"), Just(" => "), Just(" := "), Just("->"), Just("'"), Just("\""),
            Just("`"), Just("$"), Just(".$"), Just("."), Just("@"), Just("["), Just("]"), Just("[0]"), Just("("), Just(")"),
            Just("{"), Just("}"), Just(";"), Just(","), Just("\n"), Just("\t"), Just(" "), Just("#"), Just("// "),
            Just("<password>"), Just("</password>"), Just("|"), Just("\\"), Just("%"), Just("&"), Just("+"), Just("*"),
            Just("self."), Just("Salesforce"), Just("import simple_salesforce\n"), Just("login.salesforce.com"),
            Just("Hunter2!Quartz"), Just("P53OtV2HN1b4k124Lrs5Qiut"), Just("3MVG9A2kN3Bn17hs8MIaQx1voVGy"),
            Just("x"), Just("0"), Just("é"), Just("\u{0}"),
        ], 0..100),
        name in prop_oneof![
            Just("a.php"), Just("a.py"), Just("a.rb"), Just("a.js"), Just("a.yaml"), Just("a.json"), Just("a.xml"),
            Just("a.csv"), Just("a.properties"), Just("a.md"), Just("a.log"), Just("a.R"), Just("a.ps1"),
        ],
    ) {
        let text = pieces.concat();
        for f in Engine::builtin().scan_bytes(name, text.as_bytes()) {
            prop_assert!((f.offset + f.length) as usize <= text.len() && f.line >= 1, "{:?} in {:?}", f.rule, text);
        }
    }

    /// A workbook's sheet read as rows: any mixture of rows, cells, references (valid, out of
    /// order, absurd), types and text never panics, and a sheet whose rows are numbered puts
    /// row n on line n.
    #[test]
    fn a_sheets_rows_never_panic_and_keep_their_numbers(
        pieces in prop::collection::vec(prop_oneof![
            Just("<row>".to_string()), Just("</row>".to_string()), Just("<row/>".to_string()),
            (1u64..3_000_000).prop_map(|n| format!("<row r=\"{n}\">")),
            Just("<c>".to_string()), Just("<c t=\"s\">".to_string()), Just("<c t=\"inlineStr\">".to_string()),
            "[A-Z]{1,4}[0-9]{0,7}".prop_map(|r| format!("<c r=\"{r}\" t=\"s\">")),
            Just("</c>".to_string()), Just("<v>".to_string()), Just("</v>".to_string()), Just("<is><t>".to_string()),
            Just("</t></is>".to_string()), Just("0".to_string()), Just("7".to_string()), Just("99999999999999999999".to_string()),
            Just("&amp;".to_string()), Just("&#9;".to_string()), Just("\n".to_string()), Just("Password".to_string()),
        ], 0..150),
        rows in prop::collection::btree_set(1u64..400, 1..20),
    ) {
        let shared = ["Password".to_string(), "Hunter2!".to_string()];
        let _ = forcescan::sources::spreadsheet::rows(pieces.concat().as_bytes(), &shared);
        let sheet: String = rows.iter().map(|n| format!("<row r=\"{n}\"><c r=\"B{n}\" t=\"inlineStr\"><is><t>row{n}</t></is></c></row>")).collect();
        let text = String::from_utf8(forcescan::sources::spreadsheet::rows(sheet.as_bytes(), &shared).unwrap()).unwrap();
        for n in &rows {
            let want = format!("\trow{n}");
            prop_assert_eq!(text.lines().nth(*n as usize - 1), Some(want.as_str()));
        }
    }
}
