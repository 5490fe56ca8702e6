//! Compressed files and archives, opened as streams while walking: `.gz` (every member of a
//! multi-member file), `.bz2`, `.xz`, `.zst`, `.zip`, `.tar` and any compressed tar, nested up to
//! [`ArchiveOptions::max_depth`] levels. Nothing is ever extracted to disk.
//!
//! * **Detection is by magic bytes**, never by name: a rotated `app.log.1` that is really gzip is
//!   opened, and a `.gz` that is really text is scanned as text.
//! * **Naming**: a member is reported as `outer.tar.gz!inner/path.log`, nested ones as
//!   `outer.zip!inner.tar.gz!deep/file.log`. A compressed single file keeps its own name
//!   (`app.log.gz`); its line numbers count lines of the decompressed text.
//! * **Depth**: each archive or compressed stream opened inside another one is one level; a tar
//!   directly inside a compressor (`.tar.gz`) shares its level. `outer.zip!inner.tar.gz!x.log` is
//!   two levels deep.
//! * **Memory**: every stream is decompressed on the calling thread and scanned in blocks as it
//!   arrives ([`Sink::stream`]), so memory does not grow with the input. The one exception is
//!   a zip *inside* another archive: zip needs random access, so it is held in memory when it is at
//!   most [`ArchiveOptions::max_nested_zip`] bytes, and scanned as raw bytes otherwise.
//!
//! What goes wrong is reported at one of two levels, and never stops the walk:
//!
//! * **incomplete** (an error: exit code 2): a member cut short by a decompression-bomb limit
//!   (ratio or total size), corrupt or truncated compressed data, a corrupt archive, an archive
//!   nested deeper than allowed, a zip member that is encrypted or uses a method we cannot decode.
//!   Whatever was decoded before the problem is still scanned and reported; a top-level file of
//!   which nothing could be decoded is scanned as raw bytes, and so are undecodable zip members and
//!   over-deep archives.
//! * **warning** (exit code unchanged): the content was scanned in full, but something about it is
//!   worth a look, e.g. a member name that climbs out of the archive (`../`) or is absolute.
//!
//! With archives off (`--no-archives`), [`scan_input_closed`] and [`scan_reader_closed`] scan every
//! input as raw bytes and send a note for each one whose magic bytes say it is an archive or
//! compressed, so that what was left closed is never left closed silently.

use super::fs::{is_char_device, scan_input, scan_stream, Input, WalkOptions, STREAM_THRESHOLD};
use super::{spreadsheet, Event, Sink, Unit};
use crate::error::{human_bytes, io_message, ScanError};
use std::cell::Cell;
use std::io::{Cursor, Read, Seek, SeekFrom};
use std::os::unix::fs::FileExt;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Limits that keep a hostile archive from exhausting time or memory.
#[derive(Debug, Clone)]
pub struct ArchiveOptions {
    /// Levels of archives/compressed streams opened inside one another (see module docs).
    pub max_depth: u32,
    /// A decompressed stream is cut short once its output exceeds this many times the compressed
    /// bytes it has consumed (past `RATIO_GRACE`). Text logs compress 5–20×, very repetitive
    /// ones up to about 100×; a deflate bomb reaches 1000×.
    pub max_ratio: u64,
    /// Decompressed bytes allowed from one input file in all, across members and levels.
    pub max_total: u64,
    /// A zip inside another archive is read into memory up to this size (zip needs seeking).
    pub max_nested_zip: u64,
}

impl Default for ArchiveOptions {
    fn default() -> Self {
        ArchiveOptions { max_depth: 3, max_ratio: 250, max_total: 64 << 30, max_nested_zip: 64 << 20 }
    }
}

/// Output below this size is never cut by the ratio limit: tiny, very regular inputs (a 200-byte
/// gzip of a blank 1 MiB file) are legitimate and harmless.
pub(crate) const RATIO_GRACE: u64 = 1 << 20;

/// The kinds of content told apart by their first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Gzip,
    Bzip2,
    Xz,
    Zstd,
    Zip,
    Tar,
    Plain,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Gzip => "gzip",
            Kind::Bzip2 => "bzip2",
            Kind::Xz => "xz",
            Kind::Zstd => "zstd",
            Kind::Zip => "zip",
            Kind::Tar => "tar",
            Kind::Plain => "plain",
        }
    }
}

/// Bytes [`detect`] wants to see: a tar header block.
pub const HEAD: usize = 512;

/// Identifies content by its magic bytes (`head` should be its first [`HEAD`] bytes, or all of it).
pub fn detect(head: &[u8]) -> Kind {
    match head {
        [0x1f, 0x8b, ..] => Kind::Gzip,
        [b'B', b'Z', b'h', b'1'..=b'9', ..] => Kind::Bzip2,
        [0xfd, b'7', b'z', b'X', b'Z', 0, ..] => Kind::Xz,
        [0x28, 0xb5, 0x2f, 0xfd, ..] => Kind::Zstd,
        [b'P', b'K', 3, 4, ..] | [b'P', b'K', 5, 6, ..] => Kind::Zip,
        _ if is_tar_header(head) => Kind::Tar,
        _ => Kind::Plain,
    }
}

/// A tar header: `ustar` magic at 257, or (old v7 tars) a valid header checksum and a file name.
fn is_tar_header(h: &[u8]) -> bool {
    if h.len() < HEAD {
        return false;
    }
    if &h[257..262] == b"ustar" {
        return true;
    }
    let field = &h[148..156];
    let digits: Vec<u8> =
        field.iter().copied().skip_while(|c| *c == b' ').take_while(|c| (b'0'..=b'7').contains(c)).collect();
    let Ok(Ok(want)) = std::str::from_utf8(&digits).map(|s| u32::from_str_radix(s, 8)) else {
        return false;
    };
    let sum: u32 =
        h[..HEAD].iter().enumerate().map(|(i, &b)| if (148..156).contains(&i) { 32 } else { u32::from(b) }).sum();
    h[0] != 0 && !digits.is_empty() && sum == want
}

/// Parses a size such as `64G`, `512M`, `1.5T` or a plain number of bytes (binary units).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (num, mult) = match t.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => {
            let m: u64 = match c.to_ascii_uppercase() {
                'K' => 1 << 10,
                'M' => 1 << 20,
                'G' => 1 << 30,
                'T' => 1 << 40,
                _ => return Err(format!("unknown size unit in {s:?} (use K, M, G or T)")),
            };
            (&t[..i], m)
        }
        _ => (t, 1),
    };
    let v: f64 = num.parse().map_err(|_| format!("not a size: {s:?} (e.g. 512M, 64G)"))?;
    if !v.is_finite() || v < 0.0 {
        return Err(format!("not a size: {s:?}"));
    }
    Ok((v * mult as f64) as u64)
}

/// Counts bytes read through it into a shared cell: the compressed bytes a decoder consumed.
struct Meter<R> {
    inner: R,
    n: Rc<Cell<u64>>,
}

impl<R: Read> Read for Meter<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.n.set(self.n.get() + n as u64);
        Ok(n)
    }
}

impl<R: Seek> Seek for Meter<R> {
    fn seek(&mut self, pos: SeekFrom) -> std::io::Result<u64> {
        self.inner.seek(pos)
    }
}

/// Adds the bytes read from a top-level file to the sweep's progress counter.
struct Progress<'p, R> {
    inner: R,
    done: Option<&'p AtomicU64>,
}

impl<R: Read> Read for Progress<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Some(d) = self.done {
            d.fetch_add(n as u64, Ordering::Relaxed);
        }
        Ok(n)
    }
}

impl<R: Seek> Seek for Progress<'_, R> {
    fn seek(&mut self, pos: SeekFrom) -> std::io::Result<u64> {
        self.inner.seek(pos)
    }
}

/// Why a decoder's output was ended early.
#[derive(Debug)]
enum Stop {
    Ratio,
    Total,
    Failed(std::io::Error),
}

/// Wraps a decoder: enforces the bomb limits and turns a decoding error into the end of the stream
/// (remembering it), so what was decoded before the problem is still scanned and reported.
struct Guard<'a> {
    inner: Box<dyn Read + 'a>,
    consumed: Rc<Cell<u64>>,
    budget: Rc<Cell<u64>>,
    max_ratio: u64,
    out: u64,
    stop: Option<Stop>,
}

impl Read for Guard<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.stop.is_some() || buf.is_empty() {
            return Ok(0);
        }
        let room = self.budget.get();
        if room == 0 {
            self.stop = Some(Stop::Total);
            return Ok(0);
        }
        let want = buf.len().min(usize::try_from(room).unwrap_or(usize::MAX));
        match self.inner.read(&mut buf[..want]) {
            Ok(n) => {
                self.out += n as u64;
                self.budget.set(room - n as u64);
                let allowed = self.max_ratio.saturating_mul(self.consumed.get().max(1)).max(RATIO_GRACE);
                if self.out > allowed {
                    self.stop = Some(Stop::Ratio);
                }
                Ok(n)
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => Err(e),
            Err(e) => {
                self.stop = Some(Stop::Failed(e));
                Ok(0)
            }
        }
    }
}

/// Serves a peeked head, then the rest of the stream.
struct Peeked<'a> {
    head: Vec<u8>,
    pos: usize,
    rest: &'a mut dyn Read,
}

impl<'a> Peeked<'a> {
    /// Reads up to [`HEAD`] bytes ahead (fewer at end of stream).
    fn new(rest: &'a mut dyn Read) -> std::io::Result<Peeked<'a>> {
        let mut head = Vec::with_capacity(HEAD);
        (&mut *rest).take(HEAD as u64).read_to_end(&mut head)?;
        Ok(Peeked { head, pos: 0, rest })
    }
}

impl Read for Peeked<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.pos < self.head.len() {
            let n = (self.head.len() - self.pos).min(buf.len());
            buf[..n].copy_from_slice(&self.head[self.pos..self.pos + n]);
            self.pos += n;
            return Ok(n);
        }
        self.rest.read(buf)
    }
}

/// Something that stopped a stream from being decoded in full.
struct Problem {
    err: ScanError,
    /// Nothing at all could be decoded: the caller may scan the raw bytes instead.
    nothing_decoded: bool,
}

/// Walks one input's layers, sending events as units finish.
struct Walk<'a> {
    sink: &'a dyn Sink,
    opts: &'a ArchiveOptions,
    emit: &'a mut dyn FnMut(Event),
    budget: Rc<Cell<u64>>,
}

/// How a member's name is shown: `parent!member`. Names that climb out of the archive or are
/// absolute are kept as written (that is what `tar t` shows and nothing is extracted) and noted.
fn member_name(parent: &str, raw: &[u8]) -> (String, Option<&'static str>) {
    let name = String::from_utf8_lossy(raw).replace('\\', "/");
    let climbs = name.split('/').any(|c| c == "..");
    let note = if climbs {
        Some("member name climbs out of the archive (`..`); reported as written, nothing is extracted")
    } else if name.starts_with('/') {
        Some("member name is absolute; reported as written, nothing is extracted")
    } else {
        None
    };
    let shown = name.strip_prefix("./").unwrap_or(&name);
    (format!("{parent}!{shown}"), note)
}

impl Walk<'_> {
    /// Puts a decoder under this input's limits; `consumed` tracks the compressed bytes it read.
    fn guard<'d>(&self, inner: Box<dyn Read + 'd>, consumed: Rc<Cell<u64>>) -> Guard<'d> {
        Guard { inner, consumed, budget: self.budget.clone(), max_ratio: self.opts.max_ratio, out: 0, stop: None }
    }

    fn unit(&mut self, r: Unit) {
        (self.emit)(Event::Unit(r));
    }

    fn incomplete(&mut self, path: &str, message: String) {
        (self.emit)(Event::Incomplete(ScanError { path: path.to_string(), message }));
    }

    /// Scans bytes as they are, without decoding: whole when there are fewer than a file is
    /// streamed at (as a file of that size is read: a table's rows past the first block keep
    /// their header, a document and the line model see all of it), else as a stream, in blocks.
    fn raw(&mut self, name: &str, r: &mut dyn Read) {
        let mut held = Vec::new();
        let res = match (&mut *r).take(STREAM_THRESHOLD).read_to_end(&mut held) {
            Ok(n) if (n as u64) < STREAM_THRESHOLD => Unit::scanned(name, n as u64, self.sink.bytes(name, &held)),
            Ok(_) => scan_stream(self.sink, name, Cursor::new(held).chain(r)),
            Err(e) => {
                // (What was read is scanned; the unit says why it ends there.)
                let mut u = Unit::scanned(name, held.len() as u64, self.sink.bytes(name, &held));
                u.error.get_or_insert_with(|| err(name, io_message(&e)));
                u
            }
        };
        self.unit(res);
    }

    /// Scans one stream at nesting `level`. `in_decoder`: the stream is a decompressor's output
    /// (a tar there shares the compressor's level). Problems of members are reported here; the
    /// returned problem is the stream's own.
    fn stream(&mut self, name: &str, r: &mut dyn Read, level: u32, in_decoder: bool) -> Result<(), Problem> {
        let mut p = match Peeked::new(r) {
            Ok(p) => p,
            Err(e) => return Err(Problem { err: err(name, io_message(&e)), nothing_decoded: true }),
        };
        let kind = detect(&p.head);
        let opens_level = !(kind == Kind::Tar && in_decoder);
        if kind != Kind::Plain && opens_level && level >= self.opts.max_depth {
            self.raw(name, &mut p);
            self.incomplete(
                name,
                format!("{} nested deeper than --max-depth {}: scanned as raw bytes", kind.name(), self.opts.max_depth),
            );
            return Ok(());
        }
        match kind {
            Kind::Plain => {
                self.raw(name, &mut p);
                Ok(())
            }
            Kind::Tar => self.tar(name, &mut p, if in_decoder { level } else { level + 1 }),
            Kind::Zip => self.nested_zip(name, &mut p, level + 1),
            Kind::Gzip | Kind::Bzip2 | Kind::Xz | Kind::Zstd => self.decompress(name, kind, &mut p, level + 1),
        }
    }

    fn decompress(&mut self, name: &str, kind: Kind, r: &mut dyn Read, level: u32) -> Result<(), Problem> {
        let consumed = Rc::new(Cell::new(0));
        let input = Meter { inner: r, n: consumed.clone() };
        let decoder: Box<dyn Read + '_> = match kind {
            Kind::Gzip => Box::new(flate2::read::MultiGzDecoder::new(input)),
            Kind::Bzip2 => Box::new(bzip2::read::MultiBzDecoder::new(input)),
            Kind::Xz => Box::new(xz2::read::XzDecoder::new_multi_decoder(input)),
            Kind::Zstd => match zstd::stream::read::Decoder::new(input) {
                Ok(d) => Box::new(d),
                Err(e) => {
                    return Err(Problem {
                        err: err(name, format!("cannot start zstd decoder: {}", io_message(&e))),
                        nothing_decoded: true,
                    })
                }
            },
            _ => unreachable!("only compressors are decompressed"),
        };
        let mut g = self.guard(decoder, consumed);
        let inner = self.stream(name, &mut g, level, true);
        // The decoder's own stop explains whatever the layers inside it saw (a tar cut mid-member).
        let Some(stop) = g.stop else { return inner };
        let message = stop_message(stop, kind.name(), g.out, self.opts);
        Err(Problem { err: err(name, message), nothing_decoded: g.out == 0 })
    }

    fn tar(&mut self, name: &str, r: &mut dyn Read, level: u32) -> Result<(), Problem> {
        let mut archive = tar::Archive::new(r);
        let mut members = 0usize;
        let mut last = String::new();
        let failure = match archive.entries() {
            Err(e) => Some(e),
            Ok(entries) => {
                let mut failure = None;
                for entry in entries {
                    let mut entry = match entry {
                        Ok(e) => e,
                        Err(e) => {
                            failure = Some(e);
                            break;
                        }
                    };
                    let t = entry.header().entry_type();
                    if !(t.is_file() || t.is_contiguous() || t.is_gnu_sparse()) {
                        continue;
                    }
                    members += 1;
                    let (member, note) = member_name(name, &entry.path_bytes());
                    if let Some(n) = note {
                        (self.emit)(Event::Warning(err(&member, n.to_string())));
                    }
                    if let Err(p) = self.stream(&member, &mut entry, level, false) {
                        (self.emit)(Event::Incomplete(p.err));
                    }
                    last = member;
                }
                failure
            }
        };
        let Some(e) = failure else { return Ok(()) };
        // The tar crate cannot resynchronise after a bad header: search what is left as raw bytes.
        let after = if members == 0 { "at its start".to_string() } else { format!("after {last}") };
        let rest = archive.into_inner();
        self.raw(name, rest);
        Err(Problem {
            err: err(
                name,
                format!("corrupt tar archive {after} ({}); the rest was scanned as raw bytes", io_message(&e)),
            ),
            nothing_decoded: false,
        })
    }

    /// A zip found inside another stream: held in memory if small enough, since zip needs seeking.
    fn nested_zip(&mut self, name: &str, r: &mut dyn Read, level: u32) -> Result<(), Problem> {
        let cap = self.opts.max_nested_zip;
        let mut buf = Vec::new();
        if let Err(e) = (&mut *r).take(cap + 1).read_to_end(&mut buf) {
            self.raw(name, &mut Cursor::new(&buf));
            return Err(Problem { err: err(name, io_message(&e)), nothing_decoded: false });
        }
        if buf.len() as u64 > cap {
            let mut whole = Cursor::new(buf).chain(r);
            self.raw(name, &mut whole);
            return Err(Problem {
                err: err(
                    name,
                    format!(
                        "zip inside an archive is larger than {} (--max-nested-zip): scanned as raw bytes",
                        human_bytes(cap)
                    ),
                ),
                nothing_decoded: false,
            });
        }
        match self.zip(name, Cursor::new(&buf[..]), level) {
            Err(p) if p.nothing_decoded => {
                self.raw(name, &mut Cursor::new(&buf));
                Err(Problem {
                    err: err(name, format!("{}; scanned as raw bytes", p.err.message)),
                    nothing_decoded: false,
                })
            }
            other => other,
        }
    }

    fn zip<R: Read + Seek>(&mut self, name: &str, r: R, level: u32) -> Result<(), Problem> {
        let consumed = Rc::new(Cell::new(0));
        let metered = Meter { inner: r, n: consumed.clone() };
        let mut archive = match zip::ZipArchive::new(metered) {
            Ok(a) => a,
            Err(e) => {
                return Err(Problem {
                    err: err(name, format!("not a readable zip archive ({e})")),
                    nothing_decoded: true,
                })
            }
        };
        // A workbook's sheets are read as their rows (see `spreadsheet`), with its shared strings.
        let shared = if archive.index_for_name("xl/workbook.xml").is_some() {
            self.shared_strings(name, &mut archive)
        } else {
            None
        };
        for i in 0..archive.len() {
            let (member, note, decodable, sheet) = match archive.by_index_raw(i) {
                Ok(f) if f.is_dir() => continue,
                Ok(f) => {
                    let (m, n) = member_name(name, f.name_raw());
                    let sheet = shared.is_some() && spreadsheet::is_sheet(&String::from_utf8_lossy(f.name_raw()));
                    (m, n, !f.encrypted(), sheet)
                }
                Err(e) => {
                    self.incomplete(name, format!("zip entry {i} cannot be read ({e})"));
                    continue;
                }
            };
            if let Some(n) = note {
                (self.emit)(Event::Warning(err(&member, n.to_string())));
            }
            let start = consumed.get();
            // Bound in the match itself so the member's borrow of the archive ends with it.
            let decoded = match if decodable {
                archive.by_index(i).map_err(|e| e.to_string())
            } else {
                Err("encrypted".to_string())
            } {
                Ok(file) => {
                    let mut g = self.guard(Box::new(file), Rc::new(Cell::new(0)));
                    // The member's compressed bytes are what the archive's reader consumed since
                    // it was opened; the guard reads that through a cell updated as it goes.
                    let mut meter = MemberMeter { guard: &mut g, archive_consumed: consumed.clone(), start };
                    let inner = match shared.as_deref().filter(|_| sheet) {
                        Some(shared) => self.sheet(&member, &mut meter, shared, level),
                        None => self.stream(&member, &mut meter, level, false),
                    };
                    Ok(match g.stop {
                        None => inner.err().map(|p| p.err.message),
                        Some(stop) => Some(stop_message(stop, "zip member", g.out, self.opts)),
                    })
                }
                Err(why) => Err(why),
            };
            let problem = decoded.unwrap_or_else(|why| {
                // Scan what is stored, so plain text in a member we cannot decode is still found.
                if let Ok(mut raw) = archive.by_index_raw(i) {
                    self.raw(&member, &mut raw);
                }
                Some(format!("zip member not decoded ({why}): scanned as raw bytes"))
            });
            if let Some(message) = problem {
                self.incomplete(&member, message);
            }
        }
        Ok(())
    }
}

/// The most of a workbook's shared strings, or of one of its sheets, held in memory to read it
/// as rows (a workbook of 32 MB of XML peaked at 103 MB: see benches/README.md); a larger one is
/// scanned as XML, with a warning.
const MAX_SHEET: u64 = 64 << 20;

impl Walk<'_> {
    /// A workbook's shared strings (`xl/sharedStrings.xml`; none if it has none), or `None`
    /// (with a note) when they cannot be read: its sheets are then scanned as XML.
    fn shared_strings<R: Read + Seek>(&mut self, name: &str, archive: &mut zip::ZipArchive<R>) -> Option<Vec<String>> {
        const MEMBER: &str = "xl/sharedStrings.xml";
        let mut xml = Vec::new();
        let read = match archive.by_name(MEMBER) {
            Err(zip::result::ZipError::FileNotFound) => return Some(Vec::new()),
            Err(e) => Err(e.to_string()),
            Ok(f) => {
                // Under the input's bomb limits like every member (the ratio against the member's
                // own compressed size, since it is read before the archive's walk meters anything).
                let packed = Rc::new(Cell::new(f.compressed_size()));
                let mut g = self.guard(Box::new(f), packed);
                match (&mut g).take(MAX_SHEET + 1).read_to_end(&mut xml) {
                    Err(e) => Err(io_message(&e)),
                    Ok(_) => match g.stop {
                        None => Ok(()),
                        Some(stop) => Err(stop_message(stop, "shared strings", g.out, self.opts)),
                    },
                }
            }
        };
        let strings = read.and_then(|_| {
            if xml.len() as u64 > MAX_SHEET {
                return Err(format!("larger than {}", human_bytes(MAX_SHEET)));
            }
            spreadsheet::shared_strings(&xml)
        });
        match strings {
            Ok(s) => Some(s),
            Err(why) => {
                let path = format!("{name}!{MEMBER}");
                (self.emit)(Event::Warning(err(&path, format!("{why}: the workbook's sheets are scanned as XML"))));
                None
            }
        }
    }

    /// Scans a workbook's sheet as its rows: row `n` at line `n`, cells tab-separated.
    fn sheet(&mut self, member: &str, r: &mut dyn Read, shared: &[String], level: u32) -> Result<(), Problem> {
        let mut xml = Vec::new();
        if let Err(e) = r.take(MAX_SHEET + 1).read_to_end(&mut xml) {
            self.raw(member, &mut Cursor::new(&xml));
            return Err(Problem { err: err(member, io_message(&e)), nothing_decoded: false });
        }
        let why = if xml.len() as u64 > MAX_SHEET {
            format!("larger than {}", human_bytes(MAX_SHEET))
        } else {
            match spreadsheet::rows(&xml, shared) {
                // (Scanned whole, as held: streamed in blocks, a table's rows past the first
                // blocks would be read without their header.)
                Ok(rows) => {
                    let found = self.sink.bytes(member, &rows);
                    self.unit(Unit::scanned(member, rows.len() as u64, found));
                    return Ok(());
                }
                Err(e) => e,
            }
        };
        (self.emit)(Event::Warning(err(member, format!("not readable as a sheet ({why}): scanned as XML"))));
        self.stream(member, &mut Cursor::new(xml).chain(r), level, false)
    }
}

/// Feeds a zip member through its guard while keeping the guard's idea of "compressed bytes
/// consumed" equal to what the archive's reader has read since the member was opened.
struct MemberMeter<'g, 'a> {
    guard: &'g mut Guard<'a>,
    archive_consumed: Rc<Cell<u64>>,
    start: u64,
}

impl Read for MemberMeter<'_, '_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.guard.consumed.set(self.archive_consumed.get().saturating_sub(self.start));
        self.guard.read(buf)
    }
}

fn stop_message(stop: Stop, what: &str, out: u64, opts: &ArchiveOptions) -> String {
    let out = human_bytes(out);
    match stop {
        Stop::Ratio => format!(
            "cut short after {out} of {what} output: decompression ratio above {}:1 \
             (a decompression bomb?); raise --max-ratio to scan the rest",
            opts.max_ratio
        ),
        Stop::Total => format!(
            "cut short after {out} of {what} output: --max-decompressed {} reached for this input",
            human_bytes(opts.max_total)
        ),
        Stop::Failed(e) => format!(
            "corrupt or truncated {what} data after {out} of output ({}); the rest is not scanned",
            io_message(&e)
        ),
    }
}

fn err(path: &str, message: String) -> ScanError {
    ScanError { path: path.to_string(), message }
}

/// Scans one input, opening it as an archive or compressed stream when its first bytes say so.
/// Plain files take the usual path ([`scan_input`]: whole-buffer or chunked memory map). `done`,
/// if given, is advanced by the bytes read from disk as they are read (for a progress bar).
pub(crate) fn scan_input_archives(
    sink: &dyn Sink,
    input: &Input,
    walk: &WalkOptions,
    opts: &ArchiveOptions,
    done: Option<&AtomicU64>,
    emit: &mut dyn FnMut(Event),
) {
    let name = input.display.as_str();
    if is_char_device(&input.path) {
        // Refused before it is opened, in scan_input's words: `/dev/zero` would never end.
        return emit(Event::Unit(scan_input(sink, input, walk)));
    }
    let opened = std::fs::File::open(&input.path).and_then(|f| {
        let m = f.metadata()?;
        Ok((f, m))
    });
    let (file, meta) = match opened {
        Ok(x) => x,
        // scan_input reports the error in its usual words.
        Err(_) => return emit(Event::Unit(scan_input(sink, input, walk))),
    };
    let mut walker = Walk { sink, opts, emit, budget: Rc::new(Cell::new(opts.max_total)) };
    if !meta.is_file() {
        // A FIFO or device: one pass only, so no raw rescan is possible.
        let mut r = Progress { inner: std::io::BufReader::with_capacity(256 << 10, file), done };
        if let Err(p) = walker.stream(name, &mut r, 0, false) {
            walker.incomplete(name, p.err.message);
        }
        return;
    }
    let mut head = [0u8; HEAD];
    let n = read_head(&file, &mut head);
    let kind = detect(&head[..n]);
    let result = match kind {
        Kind::Plain => {
            let r = scan_input(sink, input, walk);
            if let Some(d) = done {
                d.fetch_add(meta.len(), Ordering::Relaxed);
            }
            return (walker.emit)(Event::Unit(r));
        }
        Kind::Zip => walker.zip(name, Progress { inner: std::io::BufReader::with_capacity(64 << 10, &file), done }, 1),
        _ => {
            let mut r = Progress { inner: std::io::BufReader::with_capacity(256 << 10, &file), done };
            walker.stream(name, &mut r, 0, false)
        }
    };
    if let Err(p) = result {
        if p.nothing_decoded {
            walker.unit(scan_input(sink, input, walk));
            walker.incomplete(name, format!("{}; scanned as raw bytes", p.err.message));
        } else {
            walker.incomplete(name, p.err.message);
        }
    }
}

/// Scans one input held in memory (a file's contents handed over by another program: a Spark
/// `binaryFile` row, a Python `bytes`), opening it as [`scan_input_archives`] opens a file: plain
/// content is scanned in place (in parallel chunks when at least `large` bytes), an archive or
/// compressed stream member by member, and content of which nothing could be decoded is scanned
/// as raw bytes and reported incomplete.
pub fn scan_bytes_archives(
    sink: &dyn Sink,
    name: &str,
    data: &[u8],
    large: usize,
    opts: &ArchiveOptions,
    emit: &mut dyn FnMut(Event),
) {
    let plain = |sink: &dyn Sink| {
        Unit::scanned(
            name,
            data.len() as u64,
            if data.len() >= large { sink.large(name, data) } else { sink.bytes(name, data) },
        )
    };
    let kind = detect(&data[..data.len().min(HEAD)]);
    let mut walker = Walk { sink, opts, emit, budget: Rc::new(Cell::new(opts.max_total)) };
    let result = match kind {
        Kind::Plain => return walker.unit(plain(sink)),
        Kind::Zip => walker.zip(name, Cursor::new(data), 1),
        _ => walker.stream(name, &mut Cursor::new(data), 0, false),
    };
    if let Err(p) = result {
        if p.nothing_decoded {
            walker.unit(plain(sink));
            walker.incomplete(name, format!("{}; scanned as raw bytes", p.err.message));
        } else {
            walker.incomplete(name, p.err.message);
        }
    }
}

/// The first bytes of a file, without moving its read position.
fn read_head(file: &std::fs::File, head: &mut [u8]) -> usize {
    let mut n = 0;
    while n < head.len() {
        match file.read_at(&mut head[n..], n as u64) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => break,
        }
    }
    n
}

/// What is said about an archive or compressed input that archives being off left closed.
fn closed_note(name: &str, kind: Kind) -> String {
    format!("{name}: {} not opened (--no-archives), scanned as raw bytes", kind.name())
}

/// Scans one input as raw bytes (archives off), with a note first if its magic bytes say it is an
/// archive or compressed. Only regular files are looked at first: a FIFO could be read only once.
pub(crate) fn scan_input_closed(sink: &dyn Sink, input: &Input, walk: &WalkOptions, emit: &mut dyn FnMut(Event)) {
    let regular = std::fs::metadata(&input.path).is_ok_and(|m| m.is_file());
    if let Some(file) = regular.then(|| std::fs::File::open(&input.path).ok()).flatten() {
        let mut head = [0u8; HEAD];
        let n = read_head(&file, &mut head);
        let kind = detect(&head[..n]);
        if kind != Kind::Plain {
            emit(Event::Note(closed_note(&input.display, kind)));
        }
    }
    emit(Event::Unit(scan_input(sink, input, walk)));
}

/// Scans a stream as raw bytes (archives off), with a note first if it is an archive or compressed.
pub fn scan_reader_closed(sink: &dyn Sink, name: &str, r: &mut dyn Read, emit: &mut dyn FnMut(Event)) {
    match Peeked::new(r) {
        Ok(mut p) => {
            let kind = detect(&p.head);
            if kind != Kind::Plain {
                emit(Event::Note(closed_note(name, kind)));
            }
            emit(Event::Unit(scan_stream(sink, name, &mut p)));
        }
        Err(e) => emit(Event::Unit(Unit::failed(name, io_message(&e)))),
    }
}

/// Scans standard input (or any stream), opening it if it is compressed or an archive.
pub fn scan_reader_archives(
    sink: &dyn Sink,
    name: &str,
    r: &mut dyn Read,
    opts: &ArchiveOptions,
    emit: &mut dyn FnMut(Event),
) {
    let mut walker = Walk { sink, opts, emit, budget: Rc::new(Cell::new(opts.max_total)) };
    if let Err(p) = walker.stream(name, r, 0, false) {
        walker.incomplete(name, p.err.message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_bytes_decide() {
        assert_eq!(detect(&[0x1f, 0x8b, 8, 0]), Kind::Gzip);
        assert_eq!(detect(b"BZh91AY&SY"), Kind::Bzip2);
        assert_eq!(detect(b"BZhx"), Kind::Plain);
        assert_eq!(detect(&[0xfd, b'7', b'z', b'X', b'Z', 0]), Kind::Xz);
        assert_eq!(detect(&[0x28, 0xb5, 0x2f, 0xfd]), Kind::Zstd);
        assert_eq!(detect(b"PK\x03\x04rest"), Kind::Zip);
        assert_eq!(detect(b"plain text"), Kind::Plain);
        let mut h = tar::Header::new_old();
        h.set_path("a.log").unwrap();
        h.set_size(1);
        h.set_cksum();
        assert_eq!(detect(h.as_bytes()), Kind::Tar, "v7 tar by checksum");
        let mut h = tar::Header::new_gnu();
        h.set_path("a.log").unwrap();
        h.set_cksum();
        assert_eq!(detect(h.as_bytes()), Kind::Tar);
        assert_eq!(detect(&[b'a'; 512]), Kind::Plain);
    }

    #[test]
    fn sizes_parse_with_units() {
        assert_eq!(parse_size("64G"), Ok(64 << 30));
        assert_eq!(parse_size("512m"), Ok(512 << 20));
        assert_eq!(parse_size("1.5K"), Ok(1536));
        assert_eq!(parse_size("100"), Ok(100));
        assert!(parse_size("12Q").is_err());
        assert!(parse_size("lots").is_err());
        assert!(parse_size("-1K").is_err() && parse_size("NaN").is_err());
    }

    #[test]
    fn bytes_in_memory_open_as_files_do() {
        use std::io::Write;
        let engine = crate::Engine::builtin();
        let token = "00Dhu0000G8GP38!AQnC1.4EakoKm5b.OAYGSTWjRlLK6sNdVU72lZ_o2.YH19dCqgn28s9Dp68GZN9Z3zLIbet6.UzH.7_3eLO6m4H5x29iI_Vm";
        let text = format!("x\nAuthorization: Bearer {token}\n");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(text.as_bytes()).unwrap();
        let gz = gz.finish().unwrap();
        let run = |data: &[u8], large: usize| {
            let mut events = Vec::new();
            scan_bytes_archives(&engine, "a.gz", data, large, &ArchiveOptions::default(), &mut |e| events.push(e));
            let (mut lines, mut errors) = (Vec::new(), Vec::new());
            for e in events {
                match e {
                    Event::Unit(u) => lines.extend(u.findings.iter().map(|f| (u.path.clone(), f.line, f.column))),
                    Event::Incomplete(e) => errors.push(e.message),
                    Event::Warning(_) | Event::Note(_) => {}
                }
            }
            (lines, errors)
        };
        let want = vec![("a.gz".to_string(), 2, 23)];
        assert_eq!(run(&gz, 1 << 20), (want.clone(), vec![]));
        assert_eq!(run(text.as_bytes(), 1 << 20), (want.clone(), vec![]));
        assert_eq!(run(text.as_bytes(), 1), (want.clone(), vec![]), "chunked in parallel");
        // Gzip magic and nothing decodable: scanned as raw bytes, and said so.
        let mut bad = vec![0x1f, 0x8b, 0xff, 0xff];
        bad.extend_from_slice(text.as_bytes());
        let (found, errors) = run(&bad, 1 << 20);
        assert_eq!(found.len(), 1);
        assert!(errors[0].ends_with("; scanned as raw bytes"), "{errors:?}");
    }

    #[test]
    fn member_names_are_joined_and_climbing_ones_noted() {
        assert_eq!(member_name("a.tar", b"./x/y.log"), ("a.tar!x/y.log".into(), None));
        let (n, note) = member_name("a.tar", b"../../etc/passwd");
        assert_eq!(n, "a.tar!../../etc/passwd");
        assert!(note.unwrap().contains("climbs out"));
        assert!(member_name("a.tar", b"/etc/x").1.unwrap().contains("absolute"));
    }
}
