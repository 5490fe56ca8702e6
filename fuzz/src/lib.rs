//! Fuzz target bodies, shared by three drivers:
//!
//! * the cargo-fuzz binaries in `fuzz_targets/` (nightly, coverage-guided: `fuzz/smoke.sh`);
//! * `tests/fuzz.rs` in the root crate, which compiles this file as a module and replays every
//!   input under `fuzz/corpus/<target>/` and `fuzz/artifacts/<target>/` on each `cargo test`, so a
//!   crash found once stays fixed;
//! * [`smoke`], a stable-Rust mutation driver for machines without nightly.
//!
//! Every target panics on a broken invariant, not only on a crash: a scanner that silently finds a
//! secret in one reading mode and not in another is as wrong as one that crashes.
//!
//! This file must build both as the `forcescan_fuzz` library and as a module of a root test, so it
//! uses nothing but `forcescan` and `std`.

use forcescan::detect::decode::{self, Encoding};
use forcescan::testing::{small_chunk_engines, Rng};
use forcescan::{Engine, EngineOptions, Finding, RuleBook};
use std::io::Read;
use std::sync::OnceLock;

/// A fuzz target: its name (the directory under `fuzz/corpus/`), its body, and seed inputs for
/// drivers that start without a corpus.
pub struct Target {
    pub name: &'static str,
    pub run: fn(&[u8]),
    pub seeds: fn() -> Vec<Vec<u8>>,
}

/// Every target; `fuzz/Cargo.toml` has one binary per entry.
pub const TARGETS: &[Target] = &[
    Target { name: "scan", run: scan, seeds: text_seeds },
    Target { name: "decode_base64", run: decode_base64, seeds: text_seeds },
    Target { name: "decode_percent", run: decode_percent, seeds: text_seeds },
    Target { name: "decode_utf16", run: decode_utf16, seeds: utf16_seeds },
    Target { name: "unescape", run: unescape, seeds: text_seeds },
    Target { name: "rules_toml", run: rules_toml, seeds: rule_seeds },
    Target { name: "config", run: config, seeds: config_seeds },
    Target { name: "baseline", run: baseline, seeds: baseline_seeds },
    Target { name: "pre_push", run: pre_push, seeds: pre_push_seeds },
    Target { name: "archive", run: archive, seeds: Vec::new },
    Target { name: "pack", run: pack, seeds: pack_seeds },
];

/// Engines with tiny blocks, so that inputs of a few KiB cross chunk and stream-block edges: one
/// decoding (base64, UTF-16, percent), one not (its stream blocks are only a few KiB, because it
/// keeps no decoded-run margin).
fn engines() -> &'static [Engine] {
    static E: OnceLock<Vec<Engine>> = OnceLock::new();
    E.get_or_init(|| small_chunk_engines(1))
}

/// A reader that hands out the input in small, uneven pieces and is interrupted now and then, as
/// pipes and sockets are: streaming code must not depend on how reads are cut.
pub struct Trickle<'a> {
    data: &'a [u8],
    rng: Rng,
    interrupts: bool,
}

impl<'a> Trickle<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Trickle { data, rng: Rng::new(data.len() as u64 | 1), interrupts: true }
    }

    /// Uneven pieces only: decompressors hand an `Interrupted` from below up as an error, which
    /// would end most archive inputs at their first read.
    pub fn uninterrupted(data: &'a [u8]) -> Self {
        Trickle { interrupts: false, ..Trickle::new(data) }
    }
}

impl Read for Trickle<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let state = self.rng.next_u64();
        if self.interrupts && state % 11 == 0 {
            return Err(std::io::ErrorKind::Interrupted.into());
        }
        let n = (1 + (state >> 8) as usize % 4099).min(out.len()).min(self.data.len());
        out[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

/// What must be equal about a finding whichever way its bytes were read: rule, offset, length,
/// line, column, end line, end column, fingerprint, decoding.
type Key = (String, u64, u64, u64, u64, u64, u64, String, Option<&'static str>);

fn key(f: &Finding) -> Key {
    (f.rule.clone(), f.offset, f.length, f.line, f.column, f.end_line, f.end_column, f.fingerprint.clone(), f.decoded)
}

fn keys(fs: &[Finding]) -> Vec<Key> {
    let mut v: Vec<_> = fs.iter().map(key).collect();
    v.sort();
    v
}

/// Positions inside the input, redaction, no secret kept.
fn check_findings(fs: &[Finding], len: usize) {
    for f in fs {
        assert!(f.offset + f.length <= len as u64, "{} span {}+{} past the end {len}", f.rule, f.offset, f.length);
        assert!(f.length > 0, "{}: empty secret at {}", f.rule, f.offset);
        assert!(f.line >= 1 && f.column >= 1 && f.end_line >= f.line, "{}: bad position", f.rule);
        assert!(f.secret.chars().count() <= 7, "{}: redacted value too long", f.rule);
        assert!(f.secret_value.is_none(), "secret kept without --show-secrets");
    }
}

/// Pads the input with filler lines so that it straddles a 4 KiB chunk edge at a place the input
/// chooses (its first byte).
fn padded(data: &[u8]) -> Option<Vec<u8>> {
    let (&first, rest) = data.split_first()?;
    let mut v = b"filler line\n".repeat(4096 / 12 - 16 + (first as usize) / 8);
    v.extend_from_slice(rest);
    Some(v)
}

/// The matcher over arbitrary bytes: `scan_bytes`, `scan_chunked` and `scan_reader` (fed in uneven
/// pieces) find the same secrets at the same places, all inside the input.
pub fn scan(data: &[u8]) {
    let inputs = [Some(data.to_vec()), padded(data)];
    for input in inputs.iter().flatten() {
        for e in engines() {
            let whole = e.scan_bytes("fuzz.txt", input);
            check_findings(&whole, input.len());
            let chunked = e.scan_chunked("fuzz.txt", input);
            let streamed = e.scan_reader("fuzz.txt", Trickle::new(input)).expect("reading memory cannot fail");
            let parallel = e.scan_reader_parallel("fuzz.txt", Trickle::new(input)).expect("reading memory cannot fail");
            assert_eq!(keys(&streamed), keys(&parallel), "scan_reader and scan_reader_parallel disagree");
            assert_eq!(
                keys(&whole),
                keys(&chunked),
                "scan_bytes and scan_chunked disagree (decode: {})",
                e.opts.decode
            );
            assert_eq!(
                keys(&whole),
                keys(&streamed),
                "scan_bytes and scan_reader disagree (decode: {})",
                e.opts.decode
            );
        }
    }
}

/// Splits an input into a position (its first two bytes) and the buffer.
fn at_and_buf(data: &[u8]) -> Option<(usize, &[u8])> {
    match data {
        [a, b, buf @ ..] if !buf.is_empty() => Some((u16::from_le_bytes([*a, *b]) as usize % buf.len(), buf)),
        _ => None,
    }
}

/// Every span a decoded run maps back to lies inside the run, and grows with what it maps.
fn check_spans(d: &decode::Decoded, buf_len: usize) {
    assert!(d.run.start <= d.run.end && d.run.end <= buf_len, "run {:?} outside 0..{buf_len}", d.run);
    let n = d.bytes.len();
    let step = (n / 64).max(1);
    for s in (0..n).step_by(step) {
        let mut last = d.original_span(s..s + 1);
        for e in (s + 1..=n).step_by(step) {
            let r = d.original_span(s..e);
            assert!(d.run.start <= r.start && r.start <= r.end && r.end <= d.run.end, "{s}..{e} → {r:?}");
            assert!(r.end >= last.end, "spans shrink as the decoded range grows");
            last = r;
        }
    }
}

/// Base64 runs around any position and whole base64 values.
pub fn decode_base64(data: &[u8]) {
    if let Some((at, buf)) = at_and_buf(data) {
        if let Some(d) = decode::decode_base64(buf, at) {
            // The run starts at one of the four alignments from its first base64 character.
            assert!(d.run.start <= at + 3 && at <= d.run.end + 3, "run {:?} far from {at}", d.run);
            assert!(d.bytes.len() <= d.run.len(), "base64 decodes to fewer bytes than it has");
            check_spans(&d, buf.len());
        }
    }
    if let Some(v) = decode::decode_value_base64(data) {
        assert!(!v.is_empty() && v.len() < data.len());
    }
}

/// Percent-encoded runs around any position.
pub fn decode_percent(data: &[u8]) {
    let Some((at, buf)) = at_and_buf(data) else { return };
    if let Some(d) = decode::decode_percent_run(buf, at) {
        assert!(d.run.start <= at && at <= d.run.end, "run {:?} does not cover {at}", d.run);
        assert!(d.bytes.len() <= d.run.len());
        check_spans(&d, buf.len());
    }
}

/// UTF-16 detection, narrowing of whole buffers and of streams read in uneven pieces (which must
/// agree), and runs of UTF-16 code units inside other bytes.
pub fn decode_utf16(data: &[u8]) {
    let _ = decode::utf16_kind(data);
    for enc in [Encoding::Utf16Le, Encoding::Utf16Be] {
        let narrow = decode::narrow_utf16(data, enc);
        assert_eq!(narrow.len(), data.len() / 2);
        let mut streamed = Vec::new();
        let mut r = decode::Utf16Reader::new(Trickle::new(data), enc);
        loop {
            let mut buf = [0u8; 7];
            match r.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => streamed.extend_from_slice(&buf[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => panic!("reading memory failed: {e}"),
            }
        }
        assert_eq!(streamed, narrow, "Utf16Reader and narrow_utf16 disagree");
    }
    if let Some((at, buf)) = at_and_buf(data) {
        if let Some(d) = decode::decode_utf16_run(buf, at) {
            assert_eq!(d.run.len(), 2 * d.bytes.len());
            check_spans(&d, buf.len());
        }
    }
}

/// Unescaping never grows a value: every escape is longer than what it stands for.
pub fn unescape(data: &[u8]) {
    let n = forcescan::detect::unescape::normalize(data);
    assert!(n.len() <= data.len(), "normalize grew {} bytes to {}", data.len(), n.len());
    assert!(forcescan::detect::unescape::unescape(data).len() <= data.len());
}

/// A short text with a secret in every encoding the matcher decodes, for rules under test.
const RULE_PROBE: &str = "password=Hunter2!exz9e2axKQfrJomvqftIJh0I key=%41%42%21 b64=MDBEaHUwMDAwRzhHUDM4IUFR \
    x\u{0}y\u{0}z\u{0}w\u{0}v\u{0}u\u{0}t\u{0}s\u{0}r\u{0}q\u{0} \"a\" + \"b\" \\u0021 &#33;\n";

/// Rule files as a user may write them: parsing must fail with an error, never crash; whatever
/// parses must compile or be refused with an error, and scanning with it (its own examples and a
/// probe with every encoding, whole and streamed) must stay inside the input.
pub fn rules_toml(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut book = RuleBook::default();
    if book.add_toml("fuzz.toml", &text).is_err() || book.rules.is_empty() {
        return;
    }
    // Keep runs fast: a few rules exercise the same code as many.
    book.rules.truncate(4);
    let Ok(engine) = Engine::new(book.clone(), EngineOptions { chunk_size: 1, ..Default::default() }) else { return };
    let _ = engine.check_compiles();
    let examples = book.rules.iter().flat_map(|r| r.examples.iter().chain(&r.negative_examples)).map(|e| e.text());
    for t in examples.take(12).chain([RULE_PROBE]) {
        let t = &t.as_bytes()[..t.len().min(4096)];
        check_findings(&engine.scan_bytes("fuzz.txt", t), t.len());
        let streamed = engine.scan_reader("fuzz.txt", Trickle::new(t)).expect("reading memory cannot fail");
        check_findings(&streamed, t.len());
    }
}

/// `.forcescan.toml`: any text is accepted or refused with an error; an accepted config answers
/// path and rule questions without crashing.
pub fn config(data: &[u8]) {
    use forcescan::results::suppress::Config;
    let text = String::from_utf8_lossy(data);
    let Ok(c) = Config::parse(".forcescan.toml", &text, "/repo".into()) else { return };
    for p in ["a.log", "tests/fixtures/x.snap", "deep/dir/.env", "", "../up", "/abs/x"] {
        let _ = c.skips_relative(std::path::Path::new(p));
        let _ = c.skips_file(&std::path::Path::new("/repo").join(p));
    }
    let _ = c.check_rules(rule_book(), std::path::Path::new(".forcescan.toml"));
}

/// `.forcescan-baseline.json`: any text is a baseline or an error, never a crash; a baseline
/// holds no more entries than the document lists.
pub fn baseline(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(b) = forcescan::results::suppress::Baseline::parse(".forcescan-baseline.json", &text) {
        assert!(b.len() <= text.matches("fingerprint").count());
    }
}

/// git's pre-push input (and the pre-commit framework's variables, as `NAME=value` lines): parsed
/// updates carry valid object ids; input made from the variables always parses.
pub fn pre_push(data: &[u8]) {
    use forcescan::sources::git as hooks;
    let text = String::from_utf8_lossy(data);
    if let Ok(updates) = hooks::parse_push_lines(&text) {
        for u in &updates {
            assert!(matches!(u.local_oid.len(), 40 | 64) && u.local_oid.len() == u.remote_oid.len());
        }
        let remote = text.lines().next().unwrap_or("");
        let _ = hooks::push_scope(&updates, remote);
    }
    let var = |k: &str| text.lines().find_map(|l| l.strip_prefix(k)?.strip_prefix('=').map(str::to_string));
    if let Some(input) = hooks::pre_commit_framework_input(var) {
        let parsed = hooks::parse_push_lines(&input).expect("input made from PRE_COMMIT_* variables parses");
        assert_eq!(parsed.len(), 1);
    }
}

/// Archives and compressed streams (gzip, bzip2, xz, zstd, zip, tar, nested), read as a stream in
/// uneven pieces with small limits: whatever the bytes, the outcome is units, errors and warnings,
/// never a crash or an unbounded allocation, and every unit is named inside the input. Seeds are
/// real archives holding tokens, in `fuzz/corpus/archive/`.
pub fn archive(data: &[u8]) {
    use forcescan::sources::archive::{scan_reader_archives, ArchiveOptions};
    use forcescan::sources::Event;
    let opts = ArchiveOptions { max_depth: 3, max_ratio: 250, max_total: 8 << 20, max_nested_zip: 1 << 20 };
    let mut sink = |e: Event| {
        if let Event::Unit(u) = e {
            assert!(u.path.starts_with("fuzz.bin"), "unit {:?} outside the input", u.path);
            for f in &u.findings {
                assert!(f.line >= 1 && f.column >= 1 && f.secret_value.is_none());
            }
        }
    };
    scan_reader_archives(&engines()[0], "fuzz.bin", &mut Trickle::uninterrupted(data), &opts, &mut sink);
}

/// A git pack and its index, damaged: the input is the index's length (4 bytes, little-endian),
/// the index, then the pack. Every object the index lists is ordered and read the way a history
/// scan reads them; what is damaged must read as nothing (libgit2 then reports it), never panic.
pub fn pack(data: &[u8]) {
    let Some((len, rest)) = data.split_first_chunk::<4>() else { return };
    let (idx, pack) = rest.split_at((u32::from_le_bytes(*len) as usize).min(rest.len()));
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let d = std::env::temp_dir().join(format!("forcescan-fuzz-pack-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&d).expect("temporary directory");
    std::fs::write(d.join("p.idx"), idx).expect("write the index");
    std::fs::write(d.join("p.pack"), pack).expect("write the pack");
    // Removed before the result is checked, so that a failing input leaves nothing behind either.
    let read = std::panic::catch_unwind(|| forcescan::testing::read_every_packed_object(&d, 64 << 10));
    let _ = std::fs::remove_dir_all(&d);
    if let Err(panic) = read {
        std::panic::resume_unwind(panic);
    }
}

/// Packs git wrote, with offset deltas and with id deltas: mutations start from real structure.
fn pack_seeds() -> Vec<Vec<u8>> {
    let d = std::env::temp_dir().join(format!("forcescan-fuzz-pack-seeds-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temporary directory");
    let git = |args: &[&str]| {
        let ok = std::process::Command::new("git")
            .current_dir(&d)
            .args(args)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "F")
            .env("GIT_AUTHOR_EMAIL", "f@example.com")
            .env("GIT_COMMITTER_NAME", "F")
            .env("GIT_COMMITTER_EMAIL", "f@example.com")
            .output()
            .is_ok_and(|o| o.status.success());
        assert!(ok, "git {args:?}");
    };
    git(&["init", "-q"]);
    let mut lines: Vec<String> = (0..40).map(|i| format!("line {i} of a settings file\n")).collect();
    for c in 0..12 {
        lines[(c * 7) % 40] = format!("sf.token.{c}=changed in commit {c}\n");
        std::fs::write(d.join("a.properties"), lines.concat()).expect("write");
        git(&["add", "-A"]);
        git(&["commit", "-q", "-m", &format!("c{c}")]);
    }
    let mut seeds = Vec::new();
    for offsets in ["true", "false"] {
        git(&["-c", &format!("repack.useDeltaBaseOffset={offsets}"), "repack", "-adfq", "--depth=10"]);
        let dir = d.join(".git/objects/pack");
        let file = |ext: &str| {
            let p = std::fs::read_dir(&dir)
                .expect("pack directory")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .find(|p| p.extension().is_some_and(|x| x == ext))
                .expect("pack file");
            std::fs::read(p).expect("read")
        };
        let (idx, pack) = (file("idx"), file("pack"));
        let mut seed = (idx.len() as u32).to_le_bytes().to_vec();
        seed.extend(idx);
        seed.extend(pack);
        seeds.push(seed);
    }
    let _ = std::fs::remove_dir_all(&d);
    seeds
}

fn rule_book() -> &'static RuleBook {
    static B: OnceLock<RuleBook> = OnceLock::new();
    B.get_or_init(RuleBook::builtin)
}

fn config_seeds() -> Vec<Vec<u8>> {
    [
        "skip_paths = [\"tests/fixtures/**\", \"*.snap\"]\ndisable_rules = [\"salesforce-password\"]\n\
         allow_values = [\"^00D000000000000\"]\n[rules.salesforce-security-token]\nseverity = \"medium\"\n\
         [rules.slack-webhook-url]\ndisabled = true\n",
        "skip_paths = [\"/build/**\", \"{a,b}/*.log\", \"[!x]?.env\"]\n",
        "allow_values = [\"(?i)example\", \"^5Aep861[A-Z]{3}\"]\n",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect()
}

fn baseline_seeds() -> Vec<Vec<u8>> {
    let findings: Vec<Finding> =
        text_seeds().iter().flat_map(|t| engines()[0].scan_bytes("seed.txt", t)).take(20).collect();
    vec![
        forcescan::results::suppress::baseline_json(&findings).into_bytes(),
        br#"{"tool":"forcescan","version":1,"findings":[]}"#.to_vec(),
    ]
}

fn pre_push_seeds() -> Vec<Vec<u8>> {
    let (a, b, z) = ("a".repeat(40), "b".repeat(40), "0".repeat(40));
    vec![
        format!("refs/heads/main {a} refs/heads/main {b}\nrefs/heads/new {a} refs/heads/new {z}\n").into_bytes(),
        format!("(delete) {z} refs/heads/old {b}\r\n\n").into_bytes(),
        format!("origin\nPRE_COMMIT_TO_REF={a}\nPRE_COMMIT_FROM_REF={b}\nPRE_COMMIT_LOCAL_BRANCH=main\n").into_bytes(),
        format!("HEAD {} refs/heads/x {}\n", "c".repeat(64), "d".repeat(64)).into_bytes(),
    ]
}

/// Rule examples (real-shaped fake secrets in every context the rules know) and encoded forms.
fn text_seeds() -> Vec<Vec<u8>> {
    let book = RuleBook::builtin();
    let mut v: Vec<Vec<u8>> = book
        .rules
        .iter()
        .flat_map(|r| r.examples.iter().chain(&r.negative_examples))
        .map(|e| e.text().as_bytes().to_vec())
        .collect();
    v.push(RULE_PROBE.as_bytes().to_vec());
    v
}

/// The text seeds as UTF-16 in both byte orders, with and without a byte-order mark.
fn utf16_seeds() -> Vec<Vec<u8>> {
    let mut v = Vec::new();
    for t in text_seeds().into_iter().take(40) {
        let s = String::from_utf8_lossy(&t).into_owned();
        let le: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        v.push([&[0xFF, 0xFE][..], &le].concat());
        v.push([&[0xFE, 0xFF][..], &be].concat());
        v.push(le);
        v.push(be);
    }
    v
}

/// The built-in rule files.
fn rule_seeds() -> Vec<Vec<u8>> {
    forcescan::detect::rules::EMBEDDED_RULES.iter().map(|(_, t)| t.as_bytes().to_vec()).collect()
}

/// A mutation fuzzer on stable Rust: no coverage feedback, but seeded with rule examples and a
/// dictionary of anchors and escapes, which reaches the decoders and confirmation paths quickly.
pub mod smoke {
    use super::Target;
    use forcescan::testing::Rng;
    use std::time::{Duration, Instant};

    /// Literals that matter to the matcher: anchors, their encoded forms, escapes, byte-order marks.
    const DICT: &[&[u8]] = &[
        b"00D",
        b"5Aep861",
        b"force://",
        b"3MVG9",
        b"password",
        b"PASSWORD",
        b"secret",
        b"token",
        b"!AQ",
        b"MDBE",
        b"NUFlcDg2",
        b"Zm9yY2U6Ly",
        b"force%3A%2F%2F",
        b"%21",
        b"%2",
        b"\\u0021",
        b"\\x21",
        b"\\!",
        b"&#33;",
        b"&#x21;",
        b"&amp;",
        b"'a' + 'b'",
        b"\"",
        b"'",
        b"=",
        b": ",
        b"\n",
        b"\r\n",
        b"\0",
        b"\xFF\xFE",
        b"\xFE\xFF",
        b"==",
        b"[[rule]]\n",
        b"window = [",
        b"anchors = [\"",
        b"regex = '(?P<secret>",
        b"]\n",
        b"\xF0\x9F",
        b"\xED\xA0\x80",
    ];

    /// How long a run lasts: a number of inputs, or a time.
    #[derive(Debug, Clone, Copy)]
    pub enum Budget {
        Inputs(u64),
        Time(Duration),
    }

    /// The result of a run.
    #[derive(Debug, Default)]
    pub struct Stats {
        pub inputs: u64,
        pub max_len: usize,
    }

    /// Applies one to four random edits: bit flips, byte changes, insertions and deletions,
    /// duplicated ranges (repetition is what finds quadratic paths), dictionary words, splices.
    fn mutate(rng: &mut Rng, input: &mut Vec<u8>, pool: &[Vec<u8>], max_len: usize) {
        for _ in 0..1 + rng.below(4) {
            let len = input.len();
            match rng.below(8) {
                0 if len > 0 => {
                    let i = rng.below(len);
                    input[i] ^= 1 << rng.below(8);
                }
                1 if len > 0 => {
                    let i = rng.below(len);
                    input[i] = rng.next_u64() as u8;
                }
                2 => {
                    let i = rng.below(len + 1);
                    input.insert(i, rng.next_u64() as u8);
                }
                3 if len > 0 => {
                    let i = rng.below(len);
                    let n = 1 + rng.below((len - i).min(64));
                    input.drain(i..i + n);
                }
                4 if len > 0 => {
                    let i = rng.below(len);
                    let n = 1 + rng.below((len - i).min(256));
                    let piece = input[i..i + n].to_vec();
                    let times = 1 + rng.below(32);
                    let at = rng.below(len + 1);
                    input.splice(at..at, piece.iter().copied().cycle().take(n * times));
                }
                5 | 6 => {
                    let w = DICT[rng.below(DICT.len())];
                    let at = rng.below(len + 1);
                    input.splice(at..at, w.iter().copied());
                }
                _ => {
                    let other = &pool[rng.below(pool.len())];
                    if !other.is_empty() {
                        let s = rng.below(other.len());
                        let e = s + 1 + rng.below(other.len() - s);
                        let at = rng.below(len + 1);
                        input.splice(at..at, other[s..e].iter().copied());
                    }
                }
            }
        }
        input.truncate(max_len);
    }

    /// Feeds mutated seeds to `target` until the budget is spent. A failing input is written to
    /// `crash_dir` (so that the regression test replays it from then on) before the panic goes on.
    pub fn run(
        target: &Target,
        mut pool: Vec<Vec<u8>>,
        budget: Budget,
        seed: u64,
        crash_dir: &std::path::Path,
    ) -> Stats {
        const MAX_LEN: usize = 16 << 10;
        const POOL: usize = 4096;
        pool.extend((target.seeds)());
        if pool.is_empty() {
            pool.push(Vec::new());
        }
        let mut rng = Rng::new(seed | 1);
        let started = Instant::now();
        let mut stats = Stats::default();
        loop {
            let done = match budget {
                Budget::Inputs(n) => stats.inputs >= n,
                Budget::Time(t) => started.elapsed() >= t,
            };
            if done {
                return stats;
            }
            let mut input = pool[rng.below(pool.len())].clone();
            mutate(&mut rng, &mut input, &pool, MAX_LEN);
            if let Err(panic) = std::panic::catch_unwind(|| (target.run)(&input)) {
                let _ = std::fs::create_dir_all(crash_dir);
                let name = format!("smoke-{:016x}", fnv(&input));
                let _ = std::fs::write(crash_dir.join(&name), &input);
                eprintln!("{}: failing input saved as {}", target.name, crash_dir.join(name).display());
                std::panic::resume_unwind(panic);
            }
            stats.inputs += 1;
            stats.max_len = stats.max_len.max(input.len());
            if pool.len() < POOL {
                pool.push(input);
            } else {
                let i = rng.below(POOL);
                pool[i] = input;
            }
        }
    }

    /// FNV-1a, to name saved inputs by their content.
    fn fnv(b: &[u8]) -> u64 {
        b.iter().fold(0xcbf2_9ce4_8422_2325, |h, &x| (h ^ x as u64).wrapping_mul(0x100_0000_01b3))
    }
}
