//! The one progress display: drawn on standard error from the library's counters
//! ([`forcescan::sources::Progress`]), only while a person is watching (a terminal, not a CI log),
//! and cleared when the scan ends. A walk shows a spinner (with the commits walked, for git
//! history); scanning shows a bar of bytes when their total is known (files on disk), else of units
//! (git blobs), with throughput and the findings so far.

use forcescan::sources::{Phase, Progress};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::time::{Duration, Instant};

/// Runs `scan` while drawing `progress` when `show` is set (and stderr is watched).
pub fn while_running<T>(show: bool, progress: &Progress, scan: impl FnOnce() -> T) -> T {
    if !(show && super::stderr_is_watched()) {
        return scan();
    }
    std::thread::scope(|s| {
        s.spawn(|| draw(progress));
        let out = scan();
        progress.set_phase(Phase::Finished);
        out
    })
}

fn style(template: &str) -> ProgressStyle {
    ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar())
}

fn plural(n: u64, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// Redraws five times a second until the scan is finished; always drawn at least once, so even a
/// short scan shows what it covered before the display is cleared.
fn draw(p: &Progress) {
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(style("{spinner} {msg}"));
    let mut scanning_since: Option<Instant> = None;
    loop {
        let findings = plural(Progress::get(&p.findings), "finding");
        match p.phase() {
            Phase::Walking => {
                let commits = Progress::get(&p.commits);
                bar.set_message(if commits > 0 {
                    format!("walking history: {}", plural(commits, "commit"))
                } else {
                    "finding files".to_string()
                });
                bar.tick();
            }
            Phase::Scanning | Phase::Finished => {
                let since = *scanning_since.get_or_insert_with(|| {
                    let (bytes, units) = (Progress::get(&p.bytes_total), Progress::get(&p.units_total));
                    if bytes > 0 {
                        bar.set_style(style(
                            "{wide_bar} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}",
                        ));
                        bar.set_length(bytes);
                    } else {
                        bar.set_style(style("{spinner} scanning {bar:30} {pos}/{len} {msg}"));
                        bar.set_length(units);
                    }
                    Instant::now()
                });
                if Progress::get(&p.bytes_total) > 0 {
                    bar.set_position(Progress::get(&p.bytes_done).min(Progress::get(&p.bytes_total)));
                    bar.set_message(findings);
                } else {
                    bar.set_position(Progress::get(&p.units_done));
                    let secs = since.elapsed().as_secs_f64().max(0.001);
                    let rate = Progress::get(&p.bytes_done) as f64 / 1e6 / secs;
                    bar.set_message(format!("{rate:.1} MB/s, {findings}"));
                }
            }
        }
        if p.phase() == Phase::Finished {
            break;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    bar.finish_and_clear();
}
