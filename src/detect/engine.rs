//! The engine: turns a unit of bytes (a file, a chunked memory map, a stream) into findings with
//! line and column numbers. Sources decide *what* to read; the matcher decides *what matches*; this
//! module connects them and owns the buffering rules that make each secret reported exactly once.

use crate::detect::contextual::{self, Remake};
use crate::detect::decode::{self, Encoding};
use crate::detect::finding::{fingerprint, hash_key, redact, Evidence, Finding, Related};
use crate::detect::learned::{self, LineModel, ModelSource};
use crate::detect::markup;
use crate::detect::matcher::{resolve_overlaps, resolve_overlaps_by, Match, Matcher};
use crate::detect::rules::Confidence;
use crate::detect::rules::RuleBook;
use crate::detect::scope::Hit;
use crate::detect::shape::is_known_example;
use crate::detect::timestamp::{self, Timestamp};
use rayon::prelude::*;
use std::io::Read;
use std::ops::Range;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Blocks of a stream scanned with [`Engine::scan_reader_parallel`] are cut into pieces of at
/// least this size, one per thread.
const STREAM_PIECE: usize = 1 << 20;

/// Streams being matched on several threads right now, in this process.
static STREAMS: AtomicUsize = AtomicUsize::new(0);

/// Counts a stream in [`STREAMS`] while it lives.
struct StreamGuard;

impl StreamGuard {
    fn enter() -> StreamGuard {
        STREAMS.fetch_add(1, Ordering::Relaxed);
        StreamGuard
    }
}

impl Drop for StreamGuard {
    fn drop(&mut self) {
        STREAMS.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Knobs that change what is reported (not how it is printed).
#[derive(Debug, Clone)]
pub struct EngineOptions {
    /// Keep the full secret in findings (`--show-secrets`).
    pub show_secrets: bool,
    /// Report published example values, labelled as such (`--include-examples`).
    pub include_examples: bool,
    /// Large inputs are cut into chunks (in memory) or blocks (streamed) of this many bytes. 1 MiB
    /// keeps a block in cache between the read that copies it in and the search that reads it: a
    /// sweep of 1 GiB of logs in 8 files took 1.4x less wall time than with 8 MiB blocks, which the
    /// search read back from memory (`benches/README.md`).
    pub chunk_size: usize,
    /// Look inside base64, UTF-16 and percent-encoded text (`--no-decode` turns it off).
    pub decode: bool,
    /// Record each finding's [`crate::detect::context::Context`] (instance host, consumer key, username),
    /// which live validation needs. Off by default: a plain scan neither pays for it nor reports it.
    pub capture_context: bool,
    /// Record the timestamp a finding's line starts with (`Finding::timestamp`). Done here because
    /// only the engine still holds the line's bytes when a finding is made: a stream's buffer is
    /// gone by the time its findings reach a source or a report. Off by default: plain scans of
    /// source trees have no use for it.
    pub line_timestamps: bool,
}

impl Default for EngineOptions {
    fn default() -> Self {
        EngineOptions {
            show_secrets: false,
            include_examples: false,
            chunk_size: 1 << 20,
            decode: true,
            capture_context: false,
            line_timestamps: false,
        }
    }
}

/// Rules plus options: everything needed to scan bytes. Cheap to share across threads.
pub struct Engine {
    pub(crate) matcher: Matcher,
    pub book: RuleBook,
    pub opts: EngineOptions,
    hash_key: Vec<u8>,
    /// The second look at lines no rule reported (see [`crate::detect::learned`]).
    line_model: std::sync::OnceLock<Option<LineModel>>,
}

/// What the engine reads off a finding's lines while they are still in the buffer.
struct LineFacts {
    /// An allow marker is on the secret's line or the line before.
    allowed: bool,
    /// The timestamp the secret's line starts with (with `line_timestamps`).
    timestamp: Option<Timestamp>,
}

/// Tracks line numbers while moving forward through a unit, possibly across discarded buffers.
#[derive(Debug, Clone, Copy)]
struct LineCursor {
    /// Absolute offset up to which newlines have been counted.
    pos: u64,
    /// 1-based line at `pos`.
    line: u64,
    /// Absolute offset where that line starts.
    line_start: u64,
}

impl LineCursor {
    fn new() -> Self {
        LineCursor { pos: 0, line: 1, line_start: 0 }
    }
    /// Counts the newlines in `seg`, which must start at `self.pos`.
    fn advance(&mut self, seg: &[u8]) {
        let n = memchr::memchr_iter(b'\n', seg).count() as u64;
        if n > 0 {
            self.line += n;
            let last = memchr::memrchr(b'\n', seg).expect("counted one");
            self.line_start = self.pos + last as u64 + 1;
        }
        self.pos += seg.len() as u64;
    }
}

/// The lines of a whole unit, for the places of findings made after its scan (the line model's,
/// a document's text's): a cursor at any offset without counting from the start each time.
struct LineIndex(Vec<usize>);

impl LineIndex {
    fn of(buf: &[u8]) -> LineIndex {
        LineIndex(memchr::memchr_iter(b'\n', buf).collect())
    }

    /// A cursor at `offset`, as one advanced from the start would be.
    fn at(&self, offset: usize) -> LineCursor {
        let l = self.0.partition_point(|&n| n < offset);
        let line_start = if l == 0 { 0 } else { self.0[l - 1] as u64 + 1 };
        LineCursor { pos: offset as u64, line: l as u64 + 1, line_start }
    }
}

/// Findings in a narrowed UTF-16 text point into the narrowed bytes; make offsets and lengths count
/// the original bytes (lines and columns already count code units, which is what editors show).
fn utf16_positions(mut fs: Vec<Finding>, bom: usize, enc: Encoding) -> Vec<Finding> {
    for f in &mut fs {
        f.offset = bom as u64 + 2 * f.offset;
        f.length *= 2;
        f.decoded.get_or_insert(enc.name());
    }
    fs
}

fn is_binary(buf: &[u8]) -> bool {
    memchr::memchr(0, &buf[..buf.len().min(8192)]).is_some()
}

impl Engine {
    pub fn new(book: RuleBook, opts: EngineOptions) -> crate::error::Result<Engine> {
        let mut matcher = Matcher::new(&book, opts.decode).map_err(|e| crate::error::Error::Rules(format!("{e:#}")))?;
        matcher.capture_context(opts.capture_context);
        // A user's model is checked now, the built-in one (tested) when first needed.
        let line_model = std::sync::OnceLock::new();
        if let Some(ModelSource::Spec(spec)) = &book.line_model {
            let m = LineModel::new(spec).map_err(|e| crate::error::Error::Rules(format!("{e:#}")))?;
            let _ = line_model.set(matcher.layer.as_ref().map(|_| m));
        }
        Ok(Engine { matcher, book, opts, hash_key: hash_key(), line_model })
    }

    /// The line model, if the book has one and a context layer to go with it.
    fn line_model(&self) -> Option<&LineModel> {
        self.line_model
            .get_or_init(|| {
                let spec = self.book.line_model.as_ref()?.spec().expect("the built-in line model is valid");
                self.matcher.layer.as_ref()?;
                Some(LineModel::new(&spec).expect("the built-in line model is valid"))
            })
            .as_ref()
    }

    /// Compiles every rule's regular expressions now (they are otherwise compiled on first use),
    /// so a bad user rule is reported before a scan rather than skipped during it.
    pub fn check_compiles(&self) -> crate::error::Result<()> {
        self.matcher.check_compiles().map_err(|e| crate::error::Error::Rules(format!("{e:#}")))
    }

    /// Every literal anchor searched for, by automaton tier (benchmarks hand them to ripgrep).
    pub fn anchors(&self) -> Vec<Vec<Vec<u8>>> {
        self.matcher.anchors()
    }

    /// Bytes of context a stream keeps before and after each block (what windows may reach): tests
    /// use it to put tokens right on block edges.
    #[doc(hidden)]
    pub fn stream_context(&self) -> (usize, usize) {
        (self.matcher.keep_before(), self.matcher.keep_after())
    }

    /// The built-in rules with default options.
    pub fn builtin() -> Engine {
        Engine::new(RuleBook::builtin(), EngineOptions::default()).expect("built-in rules compile")
    }

    /// Scans one in-memory buffer on the calling thread.
    pub fn scan_bytes(&self, path: &str, buf: &[u8]) -> Vec<Finding> {
        self.scan_buffer(path, buf, false)
    }

    /// Scans a large buffer (a memory map) in parallel chunks. Windows read across chunk edges into
    /// the whole buffer, so no overlap is needed and nothing is found twice.
    pub fn scan_chunked(&self, path: &str, buf: &[u8]) -> Vec<Finding> {
        self.scan_buffer(path, buf, true)
    }

    fn scan_buffer(&self, path: &str, buf: &[u8], parallel: bool) -> Vec<Finding> {
        if self.opts.decode {
            if let Some((enc, bom)) = decode::utf16_kind(buf) {
                let narrow = decode::narrow_utf16(&buf[bom..], enc);
                return self.once_per_file(utf16_positions(self.scan_plain(path, &narrow, parallel), bom, enc));
            }
        }
        let mut fs = self.scan_plain(path, buf, parallel);
        if self.opts.decode {
            self.scan_markup(path, buf, &mut fs);
        }
        self.once_per_file(fs)
    }

    /// The findings in the text of a document written in markup (see [`markup`]) that the
    /// markup hid: each where its bytes are in the document. One found in the markup too is
    /// reported once, as the pair where the text joined it to its partner; an HTML table's are
    /// left to the reading of the table itself (its header names its columns).
    fn scan_markup(&self, path: &str, buf: &[u8], fs: &mut Vec<Finding>) {
        // (Source code is no document, whatever markup its strings hold: a test's
        // `b"<html></html>"` once had a Python file's lines run together and an org ID read as
        // a password.)
        if contextual::is_code(Some(Path::new(path))) {
            return;
        }
        let Some(view) = markup::TextView::of(buf) else { return };
        let found = self.scan_plain(path, &view.text, false);
        if found.is_empty() {
            return;
        }
        let (doc, text) = (LineIndex::of(buf), LineIndex::of(&view.text));
        // A span of the text, placed where its bytes are in the document.
        let placed = |offset: u64, length: u64| {
            let r = view.source(offset as usize..(offset + length) as usize);
            place(doc.at(r.start), doc.at(r.end), &r)
        };
        let spans = |f: &Finding| {
            std::iter::once((f.offset, f.length))
                .chain(f.related.iter().map(|r| (r.offset, r.length)))
                .collect::<Vec<_>>()
        };
        let overlap = |a: &[(u64, u64)], b: &[(u64, u64)]| {
            a.iter().any(|&(s, l)| b.iter().any(|&(t, m)| s < t + m.max(1) && t < s + l.max(1)))
        };
        // (An HTML table is read where it is, header and rows: its text is no second reading.)
        // (OpenDocument's `<table:table>` is no HTML table: its text is its rows.)
        let in_html_table = |o: usize| {
            let from = o.saturating_sub(1 << 16);
            let html = |t: &usize| matches!(buf.get(from + t + 6), Some(b'>' | b' ' | b'\t' | b'\n' | b'\r'));
            memchr::memmem::rfind_iter(&buf[from..o], b"<table")
                .find(html)
                .is_some_and(|t| memchr::memmem::find(&buf[from + t..o], b"</table>").is_none())
        };
        for mut f in found {
            [f.line, f.column, f.end_line, f.end_column, f.offset, f.length] = placed(f.offset, f.length);
            if in_html_table(f.offset as usize) {
                continue;
            }
            for r in &mut f.related {
                [r.line, r.column, r.end_line, r.end_column, r.offset, r.length] = placed(r.offset, r.length);
            }
            if let Some(e) = f.evidence.as_mut() {
                if let Some(l) = e.line.filter(|&l| l >= 1) {
                    let start = if l == 1 { 0 } else { text.0.get(l as usize - 2).map_or(0, |&n| n + 1) };
                    e.line = Some(doc.at(view.source(start..start + 1).start).line);
                }
            }
            f.decoded.get_or_insert("markup");
            let mine = spans(&f);
            let clashes: Vec<usize> = (0..fs.len()).filter(|&k| overlap(&spans(&fs[k]), &mine)).collect();
            // (A pair the text joined replaces its parts found alone in the markup.)
            if clashes.iter().all(|&k| fs[k].related.len() < f.related.len()) {
                for k in clashes.into_iter().rev() {
                    fs.remove(k);
                }
                fs.push(f);
            }
        }
        fs.sort_by_key(|f| f.offset);
    }

    /// Keeps the first finding of each `once_per_file` rule (findings arrive sorted by position).
    fn once_per_file(&self, mut fs: Vec<Finding>) -> Vec<Finding> {
        let mut seen = Vec::new();
        fs.retain(|f| {
            let once = self.book.rules.iter().any(|r| r.id == f.rule && r.once_per_file);
            !once || {
                let first = !seen.contains(&f.rule);
                seen.push(f.rule.clone());
                first
            }
        });
        fs
    }

    fn scan_plain(&self, path: &str, buf: &[u8], parallel: bool) -> Vec<Finding> {
        let piece = parallel.then(|| self.opts.chunk_size.max(4096));
        let ms = self.matches_in(buf, 0..buf.len(), path, piece);
        self.finish(path, buf, ms)
    }

    /// Matches of anchors that start in `range` of `buf`, in parallel pieces of `piece` bytes when
    /// given. Windows read across piece edges into the whole buffer, so no overlap is needed and
    /// nothing is found twice.
    fn matches_in(&self, buf: &[u8], range: Range<usize>, path: &str, piece: Option<usize>) -> Vec<Match> {
        let p = Some(Path::new(path));
        match piece {
            Some(size) if range.len() > size => {
                let starts: Vec<usize> = range.clone().step_by(size).collect();
                starts
                    .par_iter()
                    .flat_map_iter(|&s| {
                        let mut out = Vec::new();
                        self.matcher.scan(buf, s..(s + size).min(range.end), p, &mut out);
                        out
                    })
                    .collect()
            }
            _ => {
                let mut out = Vec::new();
                self.matcher.scan(buf, range, p, &mut out);
                out
            }
        }
    }

    /// Matches of anchors that start in `range` of `buf`, on up to `threads` OS threads, each taking
    /// a piece of at least [`STREAM_PIECE`] bytes (windows read across piece edges, as in
    /// [`Engine::matches_in`]). OS threads rather than rayon tasks: a rayon worker that waits for
    /// nested tasks steals other work meanwhile, e.g. a whole other input's decompression, and this
    /// stream then stalls behind it; a sweep measured that as running on one core.
    fn matches_on_threads(&self, buf: &[u8], range: Range<usize>, path: &str, threads: usize) -> Vec<Match> {
        let size = range.len().div_ceil(threads.max(1)).max(STREAM_PIECE);
        if range.len() <= size {
            return self.matches_in(buf, range, path, None);
        }
        let starts: Vec<usize> = range.clone().step_by(size).collect();
        let piece = |s: usize| self.matches_in(buf, s..(s + size).min(range.end), path, None);
        std::thread::scope(|scope| {
            let others: Vec<_> = starts[1..].iter().map(|&s| scope.spawn(move || piece(s))).collect();
            let mut out = piece(starts[0]);
            for h in others {
                out.extend(h.join().expect("matching does not panic"));
            }
            out
        })
    }

    /// Scans a stream with bounded memory, on the calling thread. A UTF-16 stream (BOM, or NUL in
    /// every other byte of its first 4 KiB) is narrowed as it is read.
    pub fn scan_reader(&self, path: &str, r: impl Read) -> std::io::Result<Vec<Finding>> {
        self.scan_reader_on(path, r, 1)
    }

    /// Like [`Engine::scan_reader`], but each block is matched on as many threads as rayon has: for
    /// a large file read as a stream, where matching (not reading) is the work. A decompressed
    /// stream gains nothing from it, since decompression is the bottleneck there.
    pub fn scan_reader_parallel(&self, path: &str, r: impl Read) -> std::io::Result<Vec<Finding>> {
        self.scan_reader_on(path, r, rayon::current_num_threads())
    }

    fn scan_reader_on(&self, path: &str, mut r: impl Read, threads: usize) -> std::io::Result<Vec<Finding>> {
        let mut head = Vec::with_capacity(4096);
        (&mut r).take(4096).read_to_end(&mut head)?;
        match decode::utf16_kind(&head).filter(|_| self.opts.decode) {
            Some((enc, bom)) => {
                head.drain(..bom);
                let narrow = decode::Utf16Reader::new(std::io::Cursor::new(head).chain(r), enc);
                let fs = self.scan_stream_plain(path, narrow, threads, false)?;
                Ok(self.once_per_file(utf16_positions(fs, bom, enc)))
            }
            None => {
                let fs =
                    self.scan_stream_plain(path, std::io::Cursor::new(head).chain(r), threads, self.opts.decode)?;
                Ok(self.once_per_file(fs))
            }
        }
    }

    /// Streams blocks of `chunk_size` plus the context the rules need. `markup`: a unit small
    /// enough to keep whole is read as a document's text too, as [`Engine::scan_buffer`] reads
    /// one in memory (a `.docx`'s `word/document.xml` comes out of its zip as a stream).
    fn scan_stream_plain(
        &self,
        path: &str,
        mut r: impl Read,
        threads: usize,
        markup: bool,
    ) -> std::io::Result<Vec<Finding>> {
        let _active = (threads > 1).then(StreamGuard::enter);
        let keep_before = self.matcher.keep_before();
        let keep_after = self.matcher.keep_after();
        // A block per thread's piece: with one block of `chunk_size` (1 MiB, the least piece a
        // thread takes) a large file's stream was matched on one core only.
        let block = (self.opts.chunk_size * threads.max(1)).max(keep_before + keep_after + 4096);
        // Allocated and zeroed once per stream; `filled` says how much of it holds data. (Zeroing
        // the free space for every block cost a tenth of a log sweep's CPU time.)
        let mut space = vec![0u8; block + keep_before + keep_after];
        let mut filled = 0usize;
        let mut base: u64 = 0; // absolute offset of space[0]
        let mut accept_from = 0usize; // anchors before this were handled with the previous block
        let mut cursor = LineCursor::new();
        // Each match with its start and end, and what its lines said (decided while they are
        // still in the buffer).
        let mut found: Vec<(Match, LineCursor, LineCursor, LineFacts)> = Vec::new();
        let mut binary = None;
        // The Salesforce context of the stream's head (imports, connector types), for the context
        // layer's candidates found anywhere in it.
        let mut file_context = None;
        // A copy of a stream small enough for the line model and the document reading, which
        // read a unit whole (as they do a file read whole: the two must find the same).
        // (Past the line model's bound only a document is kept: it says so in its first block.)
        let model_limit = self.line_model().map_or(0, LineModel::max_unit);
        let mut limit = model_limit.max(if markup { markup::MAX_UNIT } else { 0 });
        let mut whole = (limit > 0).then(Vec::new);
        let mut document = None;
        loop {
            let mut eof = false;
            while filled < block + keep_before {
                let n = loop {
                    match r.read(&mut space[filled..]) {
                        Ok(n) => break n,
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                        Err(e) => return Err(e),
                    }
                };
                if let Some(w) = &mut whole {
                    if w.len() + n <= limit {
                        w.extend_from_slice(&space[filled..filled + n]);
                    } else {
                        whole = None;
                    }
                }
                filled += n;
                if n == 0 {
                    eof = true;
                    break;
                }
            }
            let buf = &space[..filled];
            binary.get_or_insert_with(|| is_binary(buf));
            if !*document.get_or_insert_with(|| markup && markup::is_document(buf)) && limit > model_limit {
                limit = model_limit;
                whole = whole.filter(|w| w.len() <= limit);
            }
            if base == 0 {
                file_context = self.matcher.layer.as_ref().and_then(|l| contextual::file_context(l, path, buf));
            }
            let accept_end = if eof { buf.len() } else { buf.len() - keep_after };
            // Cores are shared with the other streams being matched now (a walk scans several
            // large files at once): a block takes its share of them, so that 8 logs on 2 cores
            // do not run 16 threads.
            let share = (threads / STREAMS.load(Ordering::Relaxed).max(1)).max(1);
            let mut ms = self.matches_on_threads(buf, accept_from..accept_end, path, share);
            ms.sort_by_key(|m| m.start);
            // `cursor` sits at `base`; secrets found now start at or after it (windows never reach
            // further back than `keep_before`), so a block-local copy only moves forward.
            let mut c = cursor;
            for mut m in ms {
                c.advance(&buf[(c.pos - base) as usize..m.start]);
                let mut e = c;
                e.advance(&buf[m.start..m.end]);
                // Read off the lines while they are buffered: an allow marker next to the secret,
                // and the timestamp its line starts with (none if the line is longer than the
                // context the rules keep, so its start is gone).
                let facts = LineFacts {
                    allowed: super::allow::inline_allowed(buf, m.start),
                    timestamp: c.line_start.checked_sub(base).and_then(|s| self.line_timestamp(&buf[s as usize..])),
                };
                m.start += base as usize;
                m.end += base as usize;
                found.push((m, c, e, facts));
            }
            if eof {
                break;
            }
            let cut = accept_end.saturating_sub(keep_before);
            cursor.advance(&buf[..cut]);
            space.copy_within(cut..filled, 0);
            filled -= cut;
            base += cut as u64;
            accept_from = accept_end - cut;
        }
        let binary = binary.unwrap_or(false);
        resolve_overlaps_by(&mut found, |(m, _, _, _)| (m.rule, m.start, m.end, m.pending.is_some()));
        let fs = found.into_iter().filter_map(|(m, s, e, facts)| self.finding(path, m, s, e, binary, facts)).collect();
        let mut fs = self.settle(fs, || file_context);
        if let Some(w) = whole.filter(|_| !binary) {
            self.second_look(path, &w, &mut fs);
            if markup {
                self.scan_markup(path, &w, &mut fs);
            }
        }
        Ok(fs)
    }

    /// Settles the context layer's provisional findings once a unit is read (see `contextual`).
    /// `file`: the unit's Salesforce context, computed only if there is something to settle.
    fn settle(&self, fs: Vec<Finding>, file: impl FnOnce() -> Option<(Hit, Option<u64>)>) -> Vec<Finding> {
        match &self.matcher.layer {
            Some(layer) if fs.iter().any(|f| f.pending.is_some()) => {
                let file = file();
                contextual::resolve(layer, self, fs, file.as_ref())
            }
            _ => fs,
        }
    }

    /// Dedupes matches of a whole buffer and turns them into findings with positions, then lets
    /// the line model look at the lines they left.
    fn finish(&self, path: &str, buf: &[u8], mut ms: Vec<Match>) -> Vec<Finding> {
        let binary = is_binary(buf);
        let mut fs = Vec::new();
        if !ms.is_empty() {
            resolve_overlaps(&mut ms);
            let mut cursor = LineCursor::new();
            fs = ms
                .into_iter()
                .filter_map(|m| {
                    cursor.advance(&buf[cursor.pos as usize..m.start]);
                    let mut end = cursor;
                    end.advance(&buf[m.start..m.end]);
                    let facts = LineFacts {
                        allowed: super::allow::inline_allowed(buf, m.start),
                        timestamp: self.line_timestamp(&buf[cursor.line_start as usize..]),
                    };
                    self.finding(path, m, cursor, end, binary, facts)
                })
                .collect();
            fs = self.settle(fs, || self.matcher.layer.as_ref().and_then(|l| contextual::file_context(l, path, buf)));
        }
        if !binary {
            self.second_look(path, buf, &mut fs);
        }
        fs
    }

    /// The line model's findings on the lines of `buf` where nothing was found (neither a
    /// finding nor a part of a pair), at medium confidence, with their evidence.
    fn second_look(&self, path: &str, buf: &[u8], fs: &mut Vec<Finding>) {
        // (A small unit with no anchor or no Salesforce word does not even load the model.)
        if buf.len() <= learned::LOOK_FIRST && !learned::worth_a_look(buf) {
            return;
        }
        let (Some(model), Some(layer)) = (self.line_model(), &self.matcher.layer) else { return };
        let taken: std::collections::HashSet<u64> =
            fs.iter().flat_map(|f| std::iter::once(f.line).chain(f.related.iter().map(|r| r.line))).collect();
        let verdicts = model.judge(&layer.vocab, path, buf, &|i| taken.contains(&(i as u64 + 1)));
        if verdicts.is_empty() {
            return;
        }
        let lines = LineIndex::of(buf);
        let at = |offset: usize| lines.at(offset);
        let mut absorbed = Vec::new();
        for v in verdicts {
            let Some(rule) = self.matcher.rules.iter().position(|r| r.spec.id == v.rule) else { continue };
            let span = v.candidate.value.clone();
            let value = buf[span.clone()].to_vec();
            // The value check of the rule's role, as for the context layer's own candidates
            // (`Pa$$w0rd!` is no password, a 24-letter word no security token).
            if !layer.fits(rule, &value) {
                continue;
            }
            let m = Match {
                rule,
                start: span.start,
                end: span.end,
                known_example: is_known_example(&value, &self.book.known_examples),
                value: value.clone(),
                org: None,
                decoding: None,
                context: Default::default(),
                pending: None,
            };
            let (start, end) = (at(span.start), at(span.end));
            let facts = LineFacts {
                allowed: super::allow::inline_allowed(buf, span.start),
                timestamp: self.line_timestamp(&buf[start.line_start as usize..]),
            };
            let Some(mut f) = self.finding(path, m, start, end, false, facts) else { continue };
            if let Some((p, role)) = &v.partner {
                // A token the rules reported alone is now this pair's other part (the pair itself
                // starts at its own value, never at its partner's).
                absorbed.push(p.start as u64);
                let [line, column, end_line, end_column, offset, length] = place(at(p.start), at(p.end), p);
                let part = role.to_string();
                f.related.push(Related { role: part, line, column, end_line, end_column, offset, length });
                // As the context layer's pairs: a password and its token log in as one string, a
                // key and secret go as `key:secret`.
                let joined = match *role {
                    "consumer-key" => [&buf[p.clone()], b":", &value].concat(),
                    _ => [&value[..], &buf[p.clone()]].concat(),
                };
                self.remake(&mut f, rule, joined);
            }
            self.confidence(&mut f, Confidence::Medium);
            // Evidence, as the context layer's: the key and what names Salesforce, never a value.
            let text = |r: &Range<usize>| contextual::without_values(&String::from_utf8_lossy(&buf[r.clone()]));
            let key = v.candidate.key.as_ref().map_or_else(|| "(none: a value on its own line)".to_string(), text);
            let said = v.candidate.salesforce.as_ref().map_or_else(String::new, |r| format!("`{}`", text(r)));
            let salesforce = format!("the line model ({:.2}): {said}", v.probability);
            let line = v.candidate.salesforce.as_ref().map(|r| at(r.start).line).filter(|&l| l != f.line);
            f.evidence = Some(Evidence { key, key_path: None, salesforce, line });
            fs.push(f);
        }
        fs.retain(|f| !absorbed.contains(&f.offset));
        fs.sort_by_key(|f| f.offset);
    }

    /// The timestamp at the start of the line that begins `from` (when asked for).
    fn line_timestamp(&self, from: &[u8]) -> Option<Timestamp> {
        if !self.opts.line_timestamps {
            return None;
        }
        timestamp::at_line_start(&from[..from.len().min(timestamp::LINE_HEAD)])
    }

    /// `facts`: what the secret's lines said (an allow marker, see [`suppress`]; a timestamp).
    fn finding(
        &self,
        path: &str,
        m: Match,
        start: LineCursor,
        end: LineCursor,
        binary: bool,
        facts: LineFacts,
    ) -> Option<Finding> {
        if m.known_example && !self.opts.include_examples {
            return None;
        }
        let rule = &self.matcher.rules[m.rule].spec;
        let [line, column, end_line, end_column, offset, length] = place(start, end, &(m.start..m.end));
        Some(Finding {
            rule: rule.id.clone(),
            title: rule.title.clone(),
            severity: rule.severity,
            confidence: rule.confidence,
            path: path.to_string(),
            line,
            column,
            end_line,
            end_column,
            offset,
            length,
            secret: redact(&m.value),
            secret_value: self.opts.show_secrets.then(|| String::from_utf8_lossy(&m.value).into_owned()),
            fingerprint: fingerprint(&self.hash_key, &rule.id, &m.value),
            org_id: m.org,
            known_example: m.known_example,
            binary,
            decoded: m.decoding.map(|d| d.name()),
            git: None,
            context: m.context,
            validation: None,
            allowed_inline: facts.allowed,
            timestamp: facts.timestamp,
            raw: m.value,
            evidence: None,
            related: Vec::new(),
            pending: m.pending,
        })
    }
}

/// Line, column, end line, end column, offset and length of `span`, from the cursors at its start
/// and end (lines and columns 1-based).
fn place(start: LineCursor, end: LineCursor, span: &Range<usize>) -> [u64; 6] {
    let (s, e) = (span.start as u64, span.end as u64);
    [start.line, s - start.line_start + 1, end.line, e - end.line_start + 1, s, e - s]
}

/// How the context layer turns a settled finding into a pair's finding.
impl Remake for Engine {
    fn remake(&self, f: &mut Finding, rule: usize, value: Vec<u8>) {
        let spec = &self.matcher.rules[rule].spec;
        f.rule = spec.id.clone();
        f.title = spec.title.clone();
        f.severity = spec.severity;
        f.confidence = spec.confidence;
        f.secret = redact(&value);
        f.secret_value = self.opts.show_secrets.then(|| String::from_utf8_lossy(&value).into_owned());
        f.fingerprint = fingerprint(&self.hash_key, &spec.id, &value);
        f.raw = value;
    }

    fn confidence(&self, f: &mut Finding, c: Confidence) {
        f.confidence = c;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AT: &str = "00Dhu0000G8GP38!AQnC1.4EakoKm5b.OAYGSTWjRlLK6sNdVU72lZ_o2.YH19dCqgn28s9Dp68GZN9Z3zLIbet6.UzH.7_3eLO6m4H5x29iI_Vm";

    fn small_engine() -> Engine {
        let opts = EngineOptions { chunk_size: 4096, ..Default::default() };
        Engine::new(RuleBook::builtin(), opts).unwrap()
    }

    #[test]
    fn a_documents_text_is_read_and_reported_where_it_is() {
        // A Word paragraph's label and value are two runs: read as the paragraph reads, reported
        // at the value's line and column in the file.
        let doc = crate::testing::WORD_RUNBOOK;
        let fs = Engine::builtin().scan_bytes("runbook.xml", doc.as_bytes());
        let got: Vec<_> = fs
            .iter()
            .map(|f| (f.rule.as_str(), f.line, f.column, f.decoded, f.related.first().map(|r| r.line)))
            .collect();
        assert_eq!(got, [("salesforce-password-with-token", 3, 69, Some("markup"), Some(4))]);
        assert_eq!(&doc[fs[0].offset as usize..][..fs[0].length as usize], "AcmeCedar#88");
        // With decoding off, the markup alone: nothing there says what the runs hold.
        let e = Engine::new(RuleBook::builtin(), EngineOptions { decode: false, ..Default::default() }).unwrap();
        assert_eq!(e.scan_bytes("runbook.xml", doc.as_bytes()).len(), 0);
        // Source code is no document, whatever its strings hold.
        assert_eq!(Engine::builtin().scan_bytes("runbook.py", doc.as_bytes()).len(), 0);
        // Read as a stream (a `.docx`'s `word/document.xml` out of its zip, a `.gz`), the same.
        let streamed = Engine::builtin().scan_reader("runbook.xml", std::io::Cursor::new(doc.as_bytes())).unwrap();
        let places = |fs: &[Finding]| fs.iter().map(|f| (f.rule.clone(), f.line, f.column)).collect::<Vec<_>>();
        assert_eq!(places(&streamed), places(&fs));
        // A document longer than the line model reads (1 MiB), streamed or not, the same.
        let long = doc.replace("</w:body>", &"<w:p></w:p>\n".repeat(1 << 17));
        let (whole, streamed) = (
            Engine::builtin().scan_bytes("runbook.xml", long.as_bytes()),
            Engine::builtin().scan_reader("runbook.xml", std::io::Cursor::new(long.as_bytes())).unwrap(),
        );
        assert!(long.len() > 1 << 20);
        assert_eq!(places(&whole), [("salesforce-password-with-token".to_string(), 3, 69)]);
        assert_eq!(places(&streamed), places(&whole));
    }

    #[test]
    fn positions_are_one_based() {
        let e = Engine::builtin();
        let text = format!("first\nsecond line has  {AT} here\n");
        let f = e.scan_bytes("x.log", text.as_bytes());
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].line, f[0].column, f[0].end_column), (2, 18, 18 + AT.len() as u64));
        assert_eq!(f[0].org_id.as_deref(), Some("00Dhu0000G8GP38"));
    }

    #[test]
    fn every_chunk_edge_finds_the_token_once_and_streams_agree() {
        let e = small_engine();
        let filler = "abcdefghij\n".repeat(1000);
        for shift in [0usize, 1, 50, 4090, 4095, 4096, 4097, 4200, 8191] {
            let mut text = filler[..shift.min(filler.len())].to_string();
            text.push(' ');
            text.push_str(AT);
            text.push('\n');
            text.push_str(&filler);
            let a = e.scan_bytes("f", text.as_bytes());
            let b = e.scan_chunked("f", text.as_bytes());
            let c = e.scan_reader("f", std::io::Cursor::new(text.as_bytes())).unwrap();
            assert_eq!(a.len(), 1, "shift {shift}");
            for other in [&b, &c] {
                assert_eq!(other.len(), 1, "shift {shift}");
                assert_eq!((other[0].line, other[0].column, other[0].offset), (a[0].line, a[0].column, a[0].offset));
            }
        }
    }

    #[test]
    fn allow_markers_are_seen_wherever_block_edges_fall() {
        let e = small_engine();
        let filler = "abcdefghij\n".repeat(1000);
        for shift in [0usize, 100, 4000, 4090, 4096, 4100, 8000] {
            for (text, allowed) in [
                (format!("# forcescan:allow\ntoken={AT}\n"), true),
                (format!("token={AT} # kingfisher:ignore\n"), true),
                (format!("# forcescan:allow\n\ntoken={AT}\n"), false),
            ] {
                let t = format!("{}{text}{filler}", &filler[..shift]);
                let a = e.scan_bytes("f", t.as_bytes());
                let c = e.scan_reader("f", std::io::Cursor::new(t.as_bytes())).unwrap();
                assert_eq!((a[0].allowed_inline, c[0].allowed_inline), (allowed, allowed), "shift {shift}: {text}");
            }
        }
    }

    #[test]
    fn context_is_captured_only_when_asked_and_alike_wherever_block_edges_fall() {
        let plain = small_engine();
        let text = format!(r#"{{"access_token":"{AT}","instance_url":"https://acme.my.salesforce.com"}}"#);
        assert_eq!(plain.scan_bytes("f", text.as_bytes())[0].context.instance, None);
        let e = Engine::new(
            RuleBook::builtin(),
            EngineOptions { chunk_size: 4096, capture_context: true, ..Default::default() },
        )
        .unwrap();
        let filler = "abcdefghij\n".repeat(1000);
        for shift in [0usize, 100, 3900, 4000, 4090, 4500, 8000] {
            let t = format!("{}{text}\n{filler}", &filler[..shift]);
            let a = e.scan_bytes("f", t.as_bytes());
            let c = e.scan_reader("f", std::io::Cursor::new(t.as_bytes())).unwrap();
            for f in [&a[0], &c[0]] {
                assert_eq!(f.context.instance.as_deref(), Some("acme.my.salesforce.com"), "shift {shift}");
            }
        }
    }

    #[test]
    fn line_timestamps_survive_block_edges_in_every_mode() {
        let opts = EngineOptions { chunk_size: 4096, line_timestamps: true, ..Default::default() };
        let e = Engine::new(RuleBook::builtin(), opts).unwrap();
        let filler = "abcdefghij\n".repeat(1000);
        // Lines start at multiples of 11: the timestamped line starts before, at and after a
        // 4096-byte block edge, with the secret 34 bytes later (across the edge for 4081, 4092).
        for shift in [0usize, 3993, 4048, 4081, 4092, 4103, 8140] {
            let mut text = filler[..shift].to_string();
            text.push_str("2026-10-12 10:00:00.5 +0000 token ");
            text.push_str(AT);
            text.push('\n');
            text.push_str(&filler);
            let all = [
                e.scan_bytes("f", text.as_bytes()),
                e.scan_chunked("f", text.as_bytes()),
                e.scan_reader("f", std::io::Cursor::new(text.as_bytes())).unwrap(),
            ];
            for (mode, f) in all.iter().enumerate() {
                assert_eq!(f.len(), 1, "shift {shift}");
                let ts = f[0].timestamp.as_ref().map(|t| t.as_str());
                assert_eq!(ts, Some("2026-10-12T10:00:00.5"), "shift {shift}, mode {mode}");
            }
        }
        let plain = Engine::builtin().scan_bytes("f", format!("2026-10-12T10:00:00Z {AT}").as_bytes());
        assert_eq!(plain[0].timestamp, None, "only when asked for");
    }

    #[test]
    fn streamed_blocks_matched_in_parallel_pieces_find_each_secret_once() {
        let e = Engine::builtin();
        let mut text = "abcdefghij\n".repeat(4 * STREAM_PIECE / 11);
        // Secrets straddling a piece edge, ending at one, starting at one.
        let p = STREAM_PIECE;
        let starts = [p - 60, 2 * p - AT.len(), 3 * p];
        for &s in &starts {
            text.replace_range(s - 1..s + AT.len() + 1, &format!(" {AT} "));
        }
        let whole = e.scan_bytes("f", text.as_bytes());
        let streamed = e.scan_reader_on("f", std::io::Cursor::new(text.as_bytes()), 4).unwrap();
        let offsets = |v: &[Finding]| v.iter().map(|f| (f.offset, f.line, f.column)).collect::<Vec<_>>();
        assert_eq!(whole.iter().map(|f| f.offset as usize).collect::<Vec<_>>(), starts);
        assert_eq!(offsets(&streamed), offsets(&whole));
    }
}
