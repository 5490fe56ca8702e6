//! `forcescan baseline create`: accept today's findings, so later scans report only new ones.

use super::{Stderr, EXIT_CLEAN};
use forcescan::detect::Engine;
use forcescan::error::{io_message, Error, Result};
use forcescan::report::Output;
use forcescan::results::suppress::{baseline_json, Suppressions};
use forcescan::results::{Collector, Policy};
use forcescan::scan::{self, Options, Scan, Target};
use forcescan::sources::archive::ArchiveOptions;
use forcescan::sources::fs::WalkOptions;
use forcescan::sources::Progress;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

/// Scans `path` and writes every finding's rule and fingerprint (no secrets, paths or lines) to
/// `output`. Nothing is written if anything could not be scanned. `archives`: open compressed
/// files and archives, as `scan` does by default, so the baseline covers what `scan` reports.
pub fn create(path: &Path, output: &Path, no_ignore: bool, archives: bool, config: Option<&Path>) -> Result<u8> {
    let engine = Engine::builtin();
    // The baseline being written is not applied: it replaces the old one.
    let mut suppressions = Suppressions::load(config, None, path, &engine.book, false)?;
    suppressions.baseline = None;
    let opts = Options {
        walk: WalkOptions { no_ignore, skip: suppressions.skip_files(), ..Default::default() },
        archives: archives.then(ArchiveOptions::default),
        ..Default::default()
    };
    let collector = Collector::new(&engine.book, Policy { suppressions, ..Default::default() }, Arc::new(Stderr));
    let s = Scan { engine: &engine, verifier: None, progress: &Progress::default() };
    let results = scan::run(&s, &Target::Paths(vec![path.to_path_buf()]), &opts, collector)?.finish();
    if !results.errors.is_empty() {
        return Err(Error::Incomplete(format!(
            "{} input(s) could not be scanned; no baseline written",
            results.errors.len()
        )));
    }
    let findings = results.findings();
    let written = Output::open(Some(output)).and_then(|mut o| {
        o.write_all(baseline_json(findings).as_bytes())?;
        o.finish()
    });
    written.map_err(|e| Error::Io(format!("{}: {}", output.display(), io_message(&e))))?;
    let distinct = findings.iter().map(|f| (&f.rule, &f.fingerprint)).collect::<std::collections::BTreeSet<_>>().len();
    println!("forcescan: wrote {} ({distinct} secrets from {} findings)", output.display(), findings.len());
    Ok(EXIT_CLEAN)
}
