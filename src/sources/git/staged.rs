//! The staged files of a commit about to be made: the index, not the work tree (an unstaged edit
//! cannot hide a staged secret), with findings kept only on added or changed lines.

use crate::error::ScanError;
use crate::sources::{display_path, Event, Sink, Unit};
use std::collections::HashSet;
use std::path::Path;

/// Scans the staged version of every added or changed file in the repository containing `dir`,
/// keeping findings on added or changed lines (compared with HEAD; without HEAD, every line).
pub(crate) fn scan_staged(sink: &dyn Sink, dir: &Path) -> Vec<Event> {
    let fail = |message: String| vec![Event::Incomplete(ScanError::new(display_path(dir), message))];
    let repo = match git2::Repository::discover(dir) {
        Ok(r) => r,
        Err(e) => return fail(format!("not a git repository ({})", e.message())),
    };
    let index = match repo.index() {
        Ok(i) => i,
        Err(e) => return fail(format!("cannot read the index: {}", e.message())),
    };
    let head = repo.head().ok().and_then(|h| h.peel_to_tree().ok());
    let mut opts = git2::DiffOptions::new();
    opts.context_lines(0);
    let diff = match repo.diff_tree_to_index(head.as_ref(), Some(&index), Some(&mut opts)) {
        Ok(d) => d,
        Err(e) => return fail(format!("cannot compare the index with HEAD: {}", e.message())),
    };
    let mut events = Vec::new();
    for i in 0..diff.deltas().len() {
        let Some(delta) = diff.get_delta(i) else { continue };
        if delta.status() == git2::Delta::Deleted || delta.new_file().mode() == git2::FileMode::Commit {
            continue;
        }
        let path = delta.new_file().path().map_or_else(String::new, |p| p.to_string_lossy().replace('\\', "/"));
        // Added lines; `None` for a binary file, where every finding counts.
        let added: Option<HashSet<u64>> = match git2::Patch::from_diff(&diff, i) {
            Ok(Some(patch)) if !patch.delta().flags().is_binary() => {
                let mut lines = HashSet::new();
                for h in 0..patch.num_hunks() {
                    for l in 0..patch.num_lines_in_hunk(h).unwrap_or(0) {
                        if let Ok(line) = patch.line_in_hunk(h, l) {
                            if line.origin() == '+' {
                                lines.extend(line.new_lineno().map(u64::from));
                            }
                        }
                    }
                }
                Some(lines)
            }
            _ => None,
        };
        match repo.find_blob(delta.new_file().id()) {
            Ok(blob) => {
                let mut unit = Unit::scanned(&path, blob.size() as u64, sink.bytes(&path, blob.content()));
                if let Some(added) = &added {
                    unit.findings.retain(|f| (f.line..=f.end_line).any(|l| added.contains(&l)));
                }
                events.push(Event::Unit(unit));
            }
            Err(e) => {
                events.push(Event::Unit(Unit::failed(&path, format!("cannot read the staged file: {}", e.message()))));
            }
        }
    }
    events
}
