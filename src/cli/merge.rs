//! `forcescan merge`: JSON Lines reports (sweep shards, `scan -f jsonl`) folded into one record per
//! secret. The error lines of a shard (inputs it could not scan) are errors of the merge: named on
//! stderr, written into the merged report, and the exit code is 2, as for an unsharded sweep.

use super::args::MergeArgs;
use forcescan::detect::RuleBook;
use forcescan::error::Result;
use forcescan::report::Format;
use forcescan::results::records::{read_report, RecordSet};
use forcescan::results::Policy;

pub fn run(a: MergeArgs) -> Result<u8> {
    a.out.check_records_format()?;
    let report = a.out.open(Format::Jsonl)?.with_rotation_table().with_error_lines();
    let mut collector = report.collector(&RuleBook::builtin(), Policy { dedupe: true, ..Default::default() });
    let mut set = RecordSet::new();
    for file in &a.files {
        read_report(file, &mut set).into_iter().for_each(|e| collector.error(e));
    }
    collector.add_records(set);
    Ok(report.finish(collector.finish()))
}
