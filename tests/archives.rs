//! Archives and compressed files as a user meets them: every format built on the fly with planted
//! fake credentials, member paths and line numbers, and hostile or broken archives.

mod common;
use common::*;
use std::io::Write;
use std::path::Path;

fn bz2(data: &[u8]) -> Vec<u8> {
    let mut e = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn xz(data: &[u8]) -> Vec<u8> {
    let mut e = xz2::write::XzEncoder::new(Vec::new(), 1);
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn zst(data: &[u8]) -> Vec<u8> {
    zstd::encode_all(data, 1).unwrap()
}

fn tar(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    for (name, data) in members {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        b.append_data(&mut h, name, *data).unwrap();
    }
    b.into_inner().unwrap()
}

fn zip(members: &[(&str, &[u8], zip::CompressionMethod)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data, method) in members {
        let o = zip::write::SimpleFileOptions::default().compression_method(*method);
        w.start_file(*name, o).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const DEFLATED: zip::CompressionMethod = zip::CompressionMethod::Deflated;
const STORED: zip::CompressionMethod = zip::CompressionMethod::Stored;

/// A log whose line `line` (1-based) carries `token`.
fn log_with(token: &str, line: usize) -> Vec<u8> {
    let mut s = String::new();
    for i in 1..line {
        s.push_str(&format!("2026-10-12T10:00:{:02}Z INFO request {i} ok\n", i % 60));
    }
    s.push_str(&format!("2026-10-12T10:01:00Z DEBUG Authorization: Bearer {token}\n"));
    s.push_str("2026-10-12T10:02:00Z INFO done\n");
    s.into_bytes()
}

/// `scan` opens archives by default (issue 15: no silent misses); `--no-archives` opts out.
fn scan_archives(dir: &Path, extra: &[&str]) -> std::process::Output {
    forcescan().current_dir(dir).args(["scan", "-f", "jsonl"]).args(extra).output().unwrap()
}

fn triples(out: &std::process::Output) -> Vec<(String, u64, String)> {
    jsonl_triples(&stdout_of(out))
}

fn at(path: &str, line: u64) -> (String, u64, String) {
    (path.to_string(), line, "salesforce-access-token".to_string())
}

#[test]
fn every_archive_type_is_opened_with_member_paths_and_lines() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    // A multi-member gzip (what `cat a.gz b.gz` or logrotate's delaycompress append produce): the
    // secret is in the second member, its line counted across both.
    let mut multi = gz(b"first member line 1\nline 2\n");
    multi.extend(gz(&log_with(ACCESS_TOKEN, 3)));
    write(p, "multi.log.gz", multi);
    write(p, "app.log.bz2", bz2(&log_with(ACCESS_TOKEN, 4)));
    write(p, "app.log.xz", xz(&log_with(ACCESS_TOKEN, 5)));
    write(p, "app.log.zst", zst(&log_with(ACCESS_TOKEN, 6)));
    let t1 = log_with(ACCESS_TOKEN, 7);
    let t2 = log_with(ACCESS_TOKEN_2, 8);
    let members: &[(&str, &[u8])] = &[("logs/one.log", &t1), ("logs/two.log", &t2)];
    let plain_tar = tar(members);
    write(p, "logs.tar", &plain_tar);
    write(p, "logs.tar.gz", gz(&plain_tar));
    write(p, "logs.tgz", gz(&plain_tar));
    write(p, "logs.tar.zst", zst(&plain_tar));
    write(p, "logs.tar.xz", xz(&plain_tar));
    write(p, "logs.tar.bz2", bz2(&plain_tar));
    write(
        p,
        "bundle.zip",
        zip(&[
            ("deflated/z.log", &log_with(ACCESS_TOKEN, 9), DEFLATED),
            ("stored.txt", &log_with(ACCESS_TOKEN_2, 10), STORED),
        ]),
    );
    // outer.zip!inner.tar.gz!deep/file.log
    let inner = gz(&tar(&[("deep/file.log", &log_with(ACCESS_TOKEN_2, 11))]));
    write(p, "outer.zip", zip(&[("inner.tar.gz", &inner, DEFLATED)]));

    let out = scan_archives(p, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert_eq!(stderr_of(&out), "");
    let mut want = vec![
        at("app.log.bz2", 4),
        at("app.log.xz", 5),
        at("app.log.zst", 6),
        at("bundle.zip!deflated/z.log", 9),
        at("bundle.zip!stored.txt", 10),
        at("multi.log.gz", 5),
        at("outer.zip!inner.tar.gz!deep/file.log", 11),
    ];
    for t in ["logs.tar", "logs.tar.bz2", "logs.tar.gz", "logs.tar.xz", "logs.tar.zst", "logs.tgz"] {
        want.push(at(&format!("{t}!logs/one.log"), 7));
        want.push(at(&format!("{t}!logs/two.log"), 8));
    }
    want.sort();
    assert_eq!(triples(&out), want);

    // `--archives`, the old way to ask for this, is still accepted and changes nothing.
    let out = scan_archives(p, &["--archives"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert_eq!(triples(&out), want);

    // With --no-archives, compressed members are not searched (only the uncompressed tar and the
    // stored zip member are found, as raw bytes).
    let out = scan_archives(p, &["--no-archives"]);
    let paths: Vec<String> = triples(&out).into_iter().map(|t| t.0).collect();
    assert!(paths.iter().all(|p| !p.contains('!')), "{paths:?}");
    assert!(!paths.contains(&"app.log.xz".to_string()));
    // The last of the two wins.
    assert_eq!(triples(&scan_archives(p, &["--archives", "--no-archives"])), triples(&out));
    assert_eq!(triples(&scan_archives(p, &["--no-archives", "--archives"])), want);
}

/// A rotated log in a scanned folder is read by default, in every format, and `--no-archives`
/// leaves it closed (its compressed bytes hold nothing to find).
#[test]
fn a_gzipped_log_in_a_scanned_folder_is_found_by_default() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    write(p, "logs/api.log", "2026-10-12T10:00:00Z INFO nothing to see\n");
    write(p, "logs/api.log.1.gz", gz(&log_with(ACCESS_TOKEN, 3)));
    write(p, "logs/old.tar.gz", gz(&tar(&[("var/log/app.log", &log_with(ACCESS_TOKEN_2, 2))])));

    let out = forcescan().current_dir(p).args(["scan", "--color", "never", "logs"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert_eq!(stderr_of(&out), "");
    let text = stdout_of(&out);
    let lines: Vec<&str> = text.lines().take_while(|l| !l.is_empty()).collect();
    assert_eq!(
        lines,
        vec![
            "logs/api.log.1.gz:3:50  salesforce-access-token  00Dh…Vm",
            "logs/old.tar.gz!var/log/app.log:2:50  salesforce-access-token  00Dm…BD",
        ]
    );
    assert!(text.contains("forcescan: 2 findings, 2 distinct secrets (3 files, "), "{text}");

    // Left closed, but never silently: a note per archive on stderr (in the order workers finish).
    let closed = |out: &std::process::Output| {
        let mut notes: Vec<String> = stderr_of(out).lines().map(str::to_string).collect();
        notes.sort();
        notes
    };
    let want_notes = vec![
        "forcescan: note: logs/api.log.1.gz: gzip not opened (--no-archives), scanned as raw bytes",
        "forcescan: note: logs/old.tar.gz: gzip not opened (--no-archives), scanned as raw bytes",
    ];
    let out = forcescan().current_dir(p).args(["scan", "-f", "jsonl", "--no-archives", "logs"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "");
    assert_eq!(closed(&out), want_notes);
    let out = forcescan().current_dir(p).args(["scan", "--color", "never", "--no-archives", "logs"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(stdout_of(&out).starts_with("forcescan: no findings (3 files, "), "{}", stdout_of(&out));
    assert_eq!(closed(&out), want_notes);

    // Standard input too; plain text is not noted.
    let out = forcescan()
        .args(["scan", "-f", "jsonl", "--no-archives", "-"])
        .write_stdin(gz(&log_with(ACCESS_TOKEN, 3)))
        .output()
        .unwrap();
    assert_eq!((out.status.code(), stdout_of(&out)), (Some(0), String::new()));
    assert_eq!(stderr_of(&out), "forcescan: note: <stdin>: gzip not opened (--no-archives), scanned as raw bytes\n");
    let out = forcescan()
        .args(["scan", "-f", "jsonl", "--no-archives", "-"])
        .write_stdin(log_with(ACCESS_TOKEN, 3))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert_eq!(stderr_of(&out), "");
}

#[test]
fn gzip_is_detected_by_magic_not_by_name() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "app.log.1", gz(&log_with(ACCESS_TOKEN, 2)));
    // Named .gz but plain text: scanned as text, no error.
    write(d.path(), "notreally.gz", log_with(ACCESS_TOKEN_2, 3));
    let out = scan_archives(d.path(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert_eq!(triples(&out), vec![at("app.log.1", 2), at("notreally.gz", 3)]);
}

/// Text that does not compress: hex of a simple generator, so a gzip of it is about as long.
fn incompressible_lines(n: usize) -> String {
    let mut rng = forcescan::testing::Rng::new(0x9E3779B97F4A7C15);
    let mut s = String::new();
    for i in 0..n {
        let x = rng.next_u64();
        s.push_str(&format!("2026-10-12T10:00:00Z trace {i} {x:016x}{:016x}\n", x.rotate_left(29)));
    }
    s
}

#[test]
fn truncated_gzip_reports_what_it_decoded_and_exits_2() {
    let d = tempfile::tempdir().unwrap();
    let mut text = log_with(ACCESS_TOKEN, 2);
    text.extend(incompressible_lines(20_000).into_bytes());
    text.extend(format!("late {ACCESS_TOKEN_2}\n").into_bytes());
    let full = gz(&text);
    write(d.path(), "cut.log.gz", &full[..full.len() / 2]);
    write(d.path(), "fine.log", log_with(ACCESS_TOKEN_2, 1));
    let out = scan_archives(d.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(triples(&out), vec![at("cut.log.gz", 2), at("fine.log", 1)]);
    let err = stderr_of(&out);
    assert!(err.starts_with("forcescan: error: cut.log.gz: corrupt or truncated gzip data after "), "{err}");
    assert!(err.contains("the rest is not scanned"), "{err}");
}

#[test]
fn zip_bomb_is_cut_short_by_the_ratio_cap_with_a_clear_error() {
    let d = tempfile::tempdir().unwrap();
    let mut bomb = format!("{ACCESS_TOKEN}\n").into_bytes();
    bomb.extend(std::iter::repeat_n(b'\n', 24 << 20));
    bomb.extend(format!("{ACCESS_TOKEN_2}\n").into_bytes());
    write(d.path(), "bomb.zip", zip(&[("bomb.txt", &bomb, DEFLATED)]));

    let out = scan_archives(d.path(), &[]);
    assert_eq!(out.status.code(), Some(2), "cut short = incomplete scan");
    assert_eq!(triples(&out), vec![at("bomb.zip!bomb.txt", 1)]);
    let err = stderr_of(&out);
    assert!(err.starts_with("forcescan: error: bomb.zip!bomb.txt: cut short after "), "{err}");
    assert!(err.contains("decompression ratio above 250:1"), "{err}");
    assert!(err.contains("raise --max-ratio"), "{err}");

    // The cap is what stopped it: raised, the whole member is scanned.
    let out = scan_archives(d.path(), &["--max-ratio", "100000"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert_eq!(triples(&out), vec![at("bomb.zip!bomb.txt", 1), at("bomb.zip!bomb.txt", (24 << 20) + 2)]);

    // The absolute cap, too.
    let out = scan_archives(d.path(), &["--max-ratio", "100000", "--max-decompressed", "2M"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("--max-decompressed 2.0 MiB reached"), "{}", stderr_of(&out));
}

/// A tar header whose name is written raw (the tar crate refuses to build `..` names).
fn tar_with_raw_name(name: &str, data: &[u8]) -> Vec<u8> {
    let mut h = tar::Header::new_ustar();
    h.as_ustar_mut().unwrap().name[..name.len()].copy_from_slice(name.as_bytes());
    h.set_size(data.len() as u64);
    h.set_mode(0o644);
    h.set_entry_type(tar::EntryType::Regular);
    h.set_cksum();
    let mut out = h.as_bytes().to_vec();
    out.extend_from_slice(data);
    out.resize(out.len().div_ceil(512) * 512 + 1024, 0);
    out
}

#[test]
fn climbing_member_names_are_warned_about_and_nothing_is_extracted() {
    let d = tempfile::tempdir().unwrap();
    let dump = d.path().join("dump");
    write(&dump, "evil.tar", tar_with_raw_name("../../escape/evil.log", &log_with(ACCESS_TOKEN, 2)));
    let out = scan_archives(&dump, &[]);
    assert_eq!(out.status.code(), Some(1), "a warning does not make the scan incomplete");
    assert_eq!(triples(&out), vec![at("evil.tar!../../escape/evil.log", 2)]);
    assert_eq!(
        stderr_of(&out).trim(),
        "forcescan: warning: evil.tar!../../escape/evil.log: member name climbs out of the archive \
         (`..`); reported as written, nothing is extracted"
    );
    assert!(!d.path().join("escape").exists() && !dump.join("escape").exists());
}

#[test]
fn corrupt_zip_is_scanned_as_raw_bytes_and_reported() {
    let d = tempfile::tempdir().unwrap();
    let mut junk = b"PK\x03\x04 not really a zip\n".to_vec();
    junk.extend(log_with(ACCESS_TOKEN, 2));
    write(d.path(), "broken.zip", junk);
    write(d.path(), "ok.log", log_with(ACCESS_TOKEN_2, 1));
    let out = scan_archives(d.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(triples(&out), vec![at("broken.zip", 3), at("ok.log", 1)]);
    let err = stderr_of(&out);
    assert!(err.starts_with("forcescan: error: broken.zip: not a readable zip archive ("), "{err}");
    assert!(err.contains("; scanned as raw bytes"), "{err}");
}

#[test]
fn archives_deeper_than_the_limit_are_scanned_raw_and_reported() {
    let d = tempfile::tempdir().unwrap();
    let inner = tar(&[("deep/file.log", &log_with(ACCESS_TOKEN, 2))]);
    write(d.path(), "outer.zip", zip(&[("inner.tar", &inner, DEFLATED)]));
    let out = scan_archives(d.path(), &["--max-depth", "1"]);
    assert_eq!(out.status.code(), Some(2));
    // The uncompressed inner tar is still searched as bytes: the line counts the tar header's line.
    assert_eq!(triples(&out), vec![at("outer.zip!inner.tar", 2)]);
    assert_eq!(
        stderr_of(&out).lines().next().unwrap(),
        "forcescan: error: outer.zip!inner.tar: tar nested deeper than --max-depth 1: scanned as raw bytes"
    );
    let out = scan_archives(d.path(), &["--max-depth", "2"]);
    assert_eq!(triples(&out), vec![at("outer.zip!inner.tar!deep/file.log", 2)]);
}

#[test]
fn compressed_standard_input_is_opened() {
    let out =
        forcescan().args(["scan", "-f", "jsonl", "-"]).write_stdin(gz(&log_with(ACCESS_TOKEN, 3))).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert_eq!(triples(&out), vec![at("<stdin>", 3)]);
}

/// A Word document is a zip: its `word/document.xml` comes out as a stream, and is read as its
/// text reads (a label and its value in two runs), reported at the value's line in the member.
#[test]
fn a_docx_members_text_is_read_as_the_document_reads() {
    let d = tempfile::tempdir().unwrap();
    let doc = forcescan::testing::WORD_RUNBOOK;
    write(d.path(), "runbook.docx", zip(&[("word/document.xml", doc.as_bytes(), DEFLATED)]));
    let out = scan_archives(d.path(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert_eq!(
        triples(&out),
        [("runbook.docx!word/document.xml".to_string(), 3, "salesforce-password-with-token".to_string())]
    );
}

/// An OpenDocument spreadsheet's `content.xml` is read as its rows: a row a line, a cell a tab.
#[test]
fn an_ods_members_rows_are_read_as_a_table() {
    let cell = |t: &str| format!("<table:table-cell><text:p>{t}</text:p></table:table-cell>");
    let row = |cells: &[&str]| {
        format!("<table:table-row>{}</table:table-row>\n", cells.iter().map(|c| cell(c)).collect::<String>())
    };
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content><office:body><office:spreadsheet><table:table table:name=\"Creds\">\n{}{}</table:table></office:spreadsheet></office:body></office:document-content>\n",
        row(&["System", "Login", "Password", "Security Token"]),
        row(&["Salesforce", "ops@acme.com", "AcmeCedar#88", "P53OtV2HN1b4k124Lrs5Qiut"]),
    );
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "creds.ods", zip(&[("content.xml", content.as_bytes(), DEFLATED)]));
    let out = scan_archives(d.path(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert_eq!(triples(&out), [("creds.ods!content.xml".to_string(), 4, "salesforce-password-with-token".to_string())]);
}

/// A compressed export shorter than the size files are streamed at is read whole, as the same
/// file uncompressed is: a login far below its table's header (past the 1 MiB blocks a stream is
/// read in) is found in `users.csv.gz` as in `users.csv`.
#[test]
fn a_compressed_table_is_read_under_its_header_as_the_plain_one_is() {
    let mut csv = String::from("System,Username,Password,Security Token,Notes\n");
    for i in 0..30_000 {
        if i == 25_000 {
            csv.push_str("Salesforce,ops@acme.com,AcmeCedar#88,P53OtV2HN1b4k124Lrs5Qiut,prod\n");
        } else {
            csv.push_str(&format!("Jira,user{i}@acme.com,,,migrated in batch {} by the nightly export job\n", i % 9));
        }
    }
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "users.csv", &csv);
    write(d.path(), "users.csv.gz", gz(csv.as_bytes()));
    let out = scan_archives(d.path(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let rule = "salesforce-password-with-token".to_string();
    assert_eq!(
        triples(&out),
        [("users.csv".to_string(), 25_002, rule.clone()), ("users.csv.gz".to_string(), 25_002, rule)]
    );
}

/// An Excel workbook's cells hold only numbers of shared strings: its sheets are read as their
/// rows (row n at line n, cells tab-separated), so a credentials tracker's header names its
/// columns, across a blank row; another system's row stays silent. Broken shared strings are said, not skipped.
#[test]
fn a_workbooks_sheets_are_read_as_rows() {
    let strings = [
        "System",
        "Login",
        "Password",
        "Security Token",
        "Salesforce",
        "ops@acme.com",
        "AcmeCedar#88",
        "P53OtV2HN1b4k124Lrs5Qiut",
        "Jira",
        "jira-bot",
        "Hunter2Blue!",
    ];
    let sst: String = strings.iter().map(|s| format!("<si><t>{s}</t></si>")).collect();
    let sst = format!(r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{sst}</sst>"#);
    let row = |r: usize, cells: &[usize]| -> String {
        let cells: String = cells
            .iter()
            .enumerate()
            .map(|(i, v)| format!(r#"<c r="{}{r}" t="s"><v>{v}</v></c>"#, "ABCD"[i..].chars().next().unwrap()))
            .collect();
        format!(r#"<row r="{r}">{cells}</row>"#)
    };
    let sheet = format!(
        "<worksheet><sheetData>{}{}{}</sheetData></worksheet>",
        row(1, &[0, 1, 2, 3]),
        row(3, &[4, 5, 6, 7]),
        row(4, &[8, 9, 10])
    );
    let book = |sst: &str| {
        zip(&[
            ("xl/workbook.xml", b"<workbook/>".as_slice(), DEFLATED),
            ("xl/sharedStrings.xml", sst.as_bytes(), DEFLATED),
            ("xl/worksheets/sheet1.xml", sheet.as_bytes(), DEFLATED),
        ])
    };
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "tracker.xlsx", book(&sst));
    let out = scan_archives(d.path(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert_eq!(stderr_of(&out), "");
    let member = "tracker.xlsx!xl/worksheets/sheet1.xml".to_string();
    assert_eq!(triples(&out), [(member.clone(), 3, "salesforce-password-with-token".to_string())]);

    // A row far below its header (past the blocks a stream is read in) is still read under it.
    let filler: String = (2..60_000)
        .map(|r| format!(r#"<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>batch job {r}: the nightly export of accounts, contacts and opportunities to the warehouse</t></is></c></row>"#))
        .collect();
    let tall = format!(
        "<worksheet><sheetData>{}{filler}{}</sheetData></worksheet>",
        row(1, &[0, 1, 2, 3]),
        row(60_000, &[4, 5, 6, 7])
    );
    let tall = zip(&[
        ("xl/workbook.xml", b"<workbook/>".as_slice(), DEFLATED),
        ("xl/sharedStrings.xml", sst.as_bytes(), DEFLATED),
        ("xl/worksheets/sheet1.xml", tall.as_bytes(), DEFLATED),
    ]);
    write(d.path(), "tracker.xlsx", tall);
    let out = scan_archives(d.path(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert_eq!(triples(&out), [(member, 60_000, "salesforce-password-with-token".to_string())]);

    // Shared strings that are no XML: a warning, and the sheet scanned as the XML it is.
    write(d.path(), "tracker.xlsx", book("<sst><si><t>unclosed</si>"));
    let out = scan_archives(d.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let err = stderr_of(&out);
    assert!(err.starts_with("forcescan: warning: tracker.xlsx!xl/sharedStrings.xml: "), "{err}");
    assert!(err.trim_end().ends_with(": the workbook's sheets are scanned as XML"), "{err}");

    // Shared strings that decompress past --max-decompressed are cut short like any member: said,
    // and the scan is incomplete (exit 2), not a workbook's worth of memory taken on trust.
    let bomb = format!("<sst>{}</sst>", "<si><t>filler</t></si>".repeat(200_000));
    write(d.path(), "tracker.xlsx", book(&bomb));
    let out = scan_archives(d.path(), &["--max-decompressed", "1M"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    let err = stderr_of(&out);
    assert!(
        err.contains("tracker.xlsx!xl/sharedStrings.xml: cut short after 1.0 MiB of shared strings output: --max-decompressed 1.0 MiB reached"),
        "{err}"
    );
}
