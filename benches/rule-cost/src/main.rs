//! rule-cost DIR [--reps N] [--leave-one-out]
//! rule-cost DIR --only RULE_ID [--reps N]     (one configuration, e.g. to run under `perf record`)
//!
//! Reads every file of DIR into memory and prints, as markdown:
//! 1. per rule: anchor hits that reach the rule's regex (hits whose next byte is not in the rule's
//!    `anchor_not_followed_by`), the window bytes those regex runs read (hits x window, clipped at
//!    the buffer's ends), findings, and the CPU time of the built-in rules with only that rule live
//!    minus the time with no rule live ("anchors only": the same automata and decoders, every hit
//!    skipped before its regex);
//! 2. per file: MB/s with every rule live and with none;
//! 3. with --leave-one-out, the time with every rule live but one.
//!
//! Switching a rule off sets its `anchor_not_followed_by` to every ASCII byte, so the automata
//! (tiers, patterns, encoded anchors) stay exactly those of the real scan. Times are the minimum of
//! --reps runs of `Engine::scan_bytes` (one thread, its CPU time), after one warm-up run that compiles
//! the regexes.
use forcescan::detect::rules::{byte_class, RuleBook};
use forcescan::{Engine, EngineOptions};

/// CPU time of the calling thread: the scan runs on it alone, so other jobs on the machine do not
/// count (wall time would).
fn cpu_now() -> f64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: a valid clock id and a valid pointer to a timespec.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

const ALL_ASCII: &str = "\u{0}-\u{7f}";


/// The built-in book with only the rules `live` says yes to left running their regexes.
fn engine(base: &RuleBook, live: impl Fn(&str) -> bool) -> Engine {
    let mut book = base.clone();
    for r in &mut book.rules {
        if !live(&r.id) {
            r.anchor_not_followed_by = ALL_ASCII.to_string();
        }
    }
    Engine::new(book, EngineOptions::default()).expect("rules compile")
}

/// (seconds, findings): minimum over `reps` timed runs over all files, after a warm-up run.
fn time(e: &Engine, files: &[(String, Vec<u8>)], reps: usize) -> (f64, usize) {
    let run = || {
        let t = cpu_now();
        let n: usize = files.iter().map(|(p, b)| e.scan_bytes(p, b).len()).sum();
        (cpu_now() - t, n)
    };
    let (_, n) = run();
    let best = (0..reps).map(|_| run().0).fold(f64::INFINITY, f64::min);
    (best, n)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args.get(1).expect("usage: rule-cost DIR [--reps N] [--leave-one-out | --only RULE_ID]");
    let reps = args.iter().position(|a| a == "--reps").map_or(3, |i| args[i + 1].parse().expect("--reps N"));
    let loo = args.iter().any(|a| a == "--leave-one-out");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("read DIR")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .map(|p| (p.display().to_string(), std::fs::read(&p).expect("read file")))
        .collect();
    files.sort();
    let total: usize = files.iter().map(|(_, b)| b.len()).sum();
    let mb = total as f64 / 1e6;
    let base = RuleBook::builtin();
    if let Some(i) = args.iter().position(|a| a == "--only") {
        let id = args[i + 1].as_str();
        assert!(base.find(id).is_some() || id == "none" || id == "all", "no rule `{id}` (or none, all)");
        let e = engine(&base, |r| id == "all" || r == id);
        let (t, n) = time(&e, &files, reps);
        println!("{id}: {t:.3} s CPU, {:.0} MB/s, {n} findings", mb / t);
        return;
    }

    let none = engine(&base, |_| false);
    let all = engine(&base, |_| true);
    let (t_none, _) = time(&none, &files, reps);
    let (t_all, n_all) = time(&all, &files, reps);
    println!("{} files, {:.1} MB; one thread, CPU seconds, minimum of {reps} runs\n", files.len(), mb);
    println!("| configuration | s | MB/s | findings |\n|---|---|---|---|");
    println!("| every rule live | {t_all:.3} | {:.0} | {n_all} |", mb / t_all);
    println!("| anchors only (no rule regex runs) | {t_none:.3} | {:.0} | 0 |", mb / t_none);

    println!("\n| rule | anchors (as searched) | window | hits reaching the regex | window MB read | s alone - anchors only | share of (all - anchors only) | findings |");
    println!("|---|---|---|---|---|---|---|---|");
    let mut sum = 0.0;
    for r in &base.rules {
        let forms: Vec<String> = r
            .anchors
            .iter()
            .flat_map(|a| r.spellings(a))
            .collect();
        let skip = byte_class(&r.anchor_not_followed_by);
        let (mut hits, mut wbytes) = (0usize, 0usize);
        for (_, b) in &files {
            for f in &forms {
                for at in memchr::memmem::find_iter(b, f.as_bytes()) {
                    let after = at + f.len();
                    if after < b.len() && skip[b[after] as usize] {
                        continue;
                    }
                    hits += 1;
                    wbytes += (at + r.window[1]).min(b.len()) - at.saturating_sub(r.window[0]);
                }
            }
        }
        if hits == 0 {
            println!("| {} | {} | {:?} | 0 | 0 | - | - | - |", r.id, forms.join(" "), r.window);
            continue;
        }
        let e = engine(&base, |id| id == r.id);
        let (t, n) = time(&e, &files, reps);
        let cost = (t - t_none).max(0.0);
        sum += cost;
        println!(
            "| {} | {} | {:?} | {hits} | {:.0} | {cost:.3} | {:.0}% | {n} |",
            r.id,
            forms.join(" "),
            r.window,
            wbytes as f64 / 1e6,
            100.0 * cost / (t_all - t_none)
        );
    }
    println!("\nSum of the rules' own costs: {sum:.3} s; every rule live minus anchors only: {:.3} s.", t_all - t_none);

    println!("\n| file | MB | MB/s, every rule | MB/s, anchors only |\n|---|---|---|---|");
    for f in &files {
        let one = std::slice::from_ref(f);
        let (ta, _) = time(&all, one, reps);
        let (tn, _) = time(&none, one, reps);
        let m = f.1.len() as f64 / 1e6;
        let name = f.0.rsplit('/').next().unwrap_or(&f.0);
        println!("| {name} | {m:.1} | {:.0} | {:.0} |", m / ta, m / tn);
    }

    if loo {
        println!("\n| every rule live but | s | saved vs every rule |\n|---|---|---|");
        for r in &base.rules {
            let e = engine(&base, |id| id != r.id);
            let (t, _) = time(&e, &files, reps);
            println!("| {} | {t:.3} | {:.3} |", r.id, t_all - t);
        }
    }
}
