//! `forcescan merge`: JSON Lines reports (sweep shards, `scan -f jsonl`) folded into one record per
//! secret.

use super::args::MergeArgs;
use forcescan::detect::RuleBook;
use forcescan::error::Result;
use forcescan::report::Format;
use forcescan::results::records::{read_report, RecordSet};
use forcescan::results::Policy;

pub fn run(a: MergeArgs) -> Result<u8> {
    a.out.check_records_format()?;
    let report = a.out.open(Format::Jsonl)?.with_rotation_table();
    let mut collector = report.collector(&RuleBook::builtin(), Policy { dedupe: true, ..Default::default() });
    let mut set = RecordSet::new();
    for file in &a.files {
        read_report(file, &mut set).into_iter().for_each(|e| collector.error(e));
    }
    collector.add_records(set);
    Ok(report.finish(collector.finish()))
}
