//! `forcescan git`: history, every blob once, attributed to the commit that introduced it.

use super::args::GitArgs;
use super::progress;
use forcescan::error::Result;
use forcescan::report::artifacts::FsArtifacts;
use forcescan::report::Format;
use forcescan::results::{OnlyLive, Policy};
use forcescan::scan::{self, Options, Scan, Target};
use forcescan::sources::git::{self as gitsrc, GitOptions};
use forcescan::sources::Progress;
use std::path::Path;

pub fn run(a: GitArgs) -> Result<u8> {
    let engine = a.common.engine(false)?;
    let verifier = a.common.verifier()?;
    let report = a.common.report(Format::Text)?;
    let suppressions = a.common.suppress.load(a.repo.as_deref().unwrap_or(Path::new(".")), &engine.book, true)?;
    let blobs = FsArtifacts::new(&[]).with_blobs(gitsrc::blob_reader(a.repo.as_deref()));
    let report = report.with_sarif(a.common.sarif(&engine, Box::new(blobs)));
    let policy = Policy {
        suppressions,
        dedupe: false,
        validation: a.common.validation.enabled().then_some(OnlyLive(a.common.validation.only_live)),
        head_only: a.common.sarif_head_only,
    };
    let collector = report.collector(&engine.book, policy);
    let target = Target::Git(GitOptions { scope: a.scope(), repo: a.repo, threads: a.common.threads.unwrap_or(0) });
    let counters = Progress::default();
    let s = Scan { engine: &engine, verifier: verifier.as_ref(), progress: &counters };
    // Progress is for a person watching: on a terminal, never in CI logs.
    let collector =
        progress::while_running(true, &counters, || scan::run(&s, &target, &Options::default(), collector))?;
    Ok(report.finish(collector.finish()))
}
