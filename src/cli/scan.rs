//! `forcescan scan` and `forcescan sweep`: files, directories, standard input, archives (opened by
//! both unless `--no-archives`). A sweep is a scan with the incident responder's defaults: ignore
//! files ignored, one record per secret, a progress bar and the "what to rotate" table.

use super::args::{CommonArgs, ScanArgs, SweepArgs};
use super::progress;
use forcescan::error::{Error, Result};
use forcescan::report::artifacts::FsArtifacts;
use forcescan::report::Format;
use forcescan::results::{OnlyLive, Policy};
use forcescan::scan::{self, Options, Scan, Target};
use forcescan::sources::fs::WalkOptions;
use forcescan::sources::Progress;
use std::path::{Path, PathBuf};

pub fn scan(a: ScanArgs) -> Result<u8> {
    let opts = Options {
        walk: walk_options(a.no_ignore, &a.common),
        archives: (!a.no_archives).then(|| a.limits.options()),
        ..Default::default()
    };
    let sweep = Sweep { progress: false, rotation_table: false, error_lines: false };
    run(&a.paths, &a.common, a.dedupe, Format::Text, opts, sweep)
}

pub fn sweep(a: SweepArgs) -> Result<u8> {
    if a.no_dedupe && a.checkpoint.is_some() {
        return Err(Error::Usage(
            "--checkpoint keeps per-file secret records, so it cannot be used with --no-dedupe".into(),
        ));
    }
    let opts = Options {
        walk: walk_options(true, &a.common),
        archives: (!a.no_archives).then(|| a.limits.options()),
        checkpoint: a.checkpoint,
        shard: a.shard,
        measure_total: !a.no_progress && super::stderr_is_watched(),
    };
    let dedupe = !a.no_dedupe;
    let sweep = Sweep { progress: !a.no_progress, rotation_table: dedupe, error_lines: true };
    run(&a.paths, &a.common, dedupe, Format::Jsonl, opts, sweep)
}

/// What a sweep adds to a scan's report.
struct Sweep {
    /// A progress bar (on a terminal).
    progress: bool,
    /// The "what to rotate" table on stderr.
    rotation_table: bool,
    /// JSON Lines end with one `{"error": …}` line per input that could not be scanned, so a
    /// shard's report carries its errors into `merge`.
    error_lines: bool,
}

/// What scan and sweep share: check the options, build the engine, the verifier and the report,
/// then run over the inputs.
fn run(
    paths: &[PathBuf],
    common: &CommonArgs,
    dedupe: bool,
    default_format: Format,
    mut opts: Options,
    sweep: Sweep,
) -> Result<u8> {
    if dedupe {
        common.out.check_records_format()?;
        if common.validation.enabled() {
            return Err(Error::Usage(
                "live validation reports findings, not records: add --no-dedupe (sweep) or drop --dedupe (scan)".into(),
            ));
        }
    }
    let engine = common.engine(dedupe)?;
    let verifier = common.verifier()?;
    let report = common.report(default_format)?;
    let roots: Vec<PathBuf> = paths.iter().filter(|p| p.as_os_str() != "-").cloned().collect();
    let start = roots.first().map_or(Path::new("."), PathBuf::as_path);
    let suppressions = common.suppress.load(start, &engine.book, false)?;
    opts.walk.skip = suppressions.skip_files();
    let mut report = report.with_sarif(common.sarif(&engine, Box::new(FsArtifacts::new(&roots))));
    if sweep.rotation_table {
        report = report.with_rotation_table();
    }
    if sweep.error_lines {
        report = report.with_error_lines();
    }
    let policy = Policy {
        suppressions,
        dedupe,
        validation: common.validation.enabled().then_some(OnlyLive(common.validation.only_live)),
        head_only: common.sarif_head_only,
    };
    let collector = report.collector(&engine.book, policy);
    let counters = Progress::default();
    let s = Scan { engine: &engine, verifier: verifier.as_ref(), progress: &counters };
    let target = Target::Paths(paths.to_vec());
    let collector = progress::while_running(sweep.progress, &counters, || scan::run(&s, &target, &opts, collector))?;
    Ok(report.finish(collector.finish()))
}

fn walk_options(no_ignore: bool, common: &CommonArgs) -> WalkOptions {
    WalkOptions { no_ignore, threads: common.threads.unwrap_or(0), ..Default::default() }
}
