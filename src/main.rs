//! The `forcescan` command line: argument parsing and exit codes. All the work is in the library.

use clap::{Args, Parser, Subcommand};
use forcescan::engine::{Engine, EngineOptions};
use forcescan::report::{error_line, Format, Output, Reporter, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use forcescan::rules::RuleBook;
use forcescan::sources::fs::{self as fsrc, WalkOptions};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;

#[derive(Parser)]
#[command(name = "forcescan", version, about = "Find leaked Salesforce credentials in files, logs and git history.")]
#[command(after_help = "Exit status: 0 no findings, 1 findings, 2 error or incomplete scan.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Scan files and directories (`-` reads standard input).
    Scan(ScanArgs),
    /// List or check the rules.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
}

#[derive(Subcommand)]
enum RulesCommand {
    /// Print every rule: id, severity, confidence, title.
    List {
        /// Also load these rule files.
        #[arg(long = "rules", value_name = "FILE")]
        rules: Vec<PathBuf>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Print every literal anchor searched for, one per line (tiers separated by a blank line with
    /// --tiers). Benchmarks pass this list to ripgrep for a like-for-like comparison.
    Anchors {
        /// Also load these rule files.
        #[arg(long = "rules", value_name = "FILE")]
        rules: Vec<PathBuf>,
        /// Without base64 / percent-encoded anchors.
        #[arg(long)]
        no_decode: bool,
        /// Separate the automata with blank lines.
        #[arg(long)]
        tiers: bool,
    },
    /// Run every rule's examples and negative examples; exit 1 on any miss.
    Check {
        /// A rule file to check (its rules run alongside the built-in ones). Default: the built-in rules.
        file: Option<PathBuf>,
    },
}

/// Options every scanning command shares (scan, and later git and sweep).
#[derive(Args)]
struct CommonArgs {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    format: Format,
    /// Write the report to FILE (created readable by its owner only) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Print secrets in full. Without it every output shows at most the first 4 and last 2 characters.
    #[arg(long)]
    show_secrets: bool,
    /// Also report values published in documentation and samples, labelled "known example".
    #[arg(long)]
    include_examples: bool,
    /// Additional rule files (TOML, same schema as the built-in rules/).
    #[arg(long = "rules", value_name = "FILE")]
    rules: Vec<PathBuf>,
    /// Do not look inside base64, UTF-16 or percent-encoded text.
    #[arg(long)]
    no_decode: bool,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    threads: Option<usize>,
    /// When to colour text output.
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorChoice,
}

impl CommonArgs {
    /// Sets up threads, rules and the engine; on error prints it and returns the exit code.
    fn engine(&self) -> Result<Engine, u8> {
        if let Some(n) = self.threads {
            let _ = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global();
        }
        let fail = |e: anyhow::Error| {
            error_line(format!("{e:#}"));
            EXIT_ERROR
        };
        let book = load_book(&self.rules).map_err(fail)?;
        let opts = EngineOptions {
            show_secrets: self.show_secrets,
            include_examples: self.include_examples,
            decode: !self.no_decode,
            ..Default::default()
        };
        let engine = Engine::new(book, opts).map_err(fail)?;
        if !self.rules.is_empty() {
            // User rules compile now, so a bad regex is reported before the scan, not skipped during it.
            engine.matcher.check_compiles().map_err(fail)?;
        }
        Ok(engine)
    }

    /// Opens the report destination.
    fn reporter(&self, engine: &Engine) -> Result<Reporter, u8> {
        let out = Output::open(self.output.as_deref()).map_err(|e| {
            let name = self.output.as_deref().unwrap_or_else(|| "-".as_ref());
            error_line(format!("{}: {}", name.display(), fsrc::io_message(&e)));
            EXIT_ERROR
        })?;
        let color = match self.color {
            ColorChoice::Always => Some(true),
            ColorChoice::Never => Some(false),
            ColorChoice::Auto => None,
        };
        Ok(Reporter::new(self.format, out, color, &engine.book))
    }
}

#[derive(Args)]
struct ScanArgs {
    /// Files or directories to scan; `-` is standard input.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Do not honour .gitignore / .ignore files.
    #[arg(long)]
    no_ignore: bool,
    #[command(flatten)]
    common: CommonArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn load_book(extra: &[PathBuf]) -> anyhow::Result<RuleBook> {
    let mut book = RuleBook::builtin();
    for f in extra {
        book.add_file(f)?;
    }
    Ok(book)
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_ERROR } else { EXIT_CLEAN };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let code = match cli.command {
        Command::Scan(a) => run_scan(a),
        Command::Rules { command: RulesCommand::List { rules, json } } => run_rules_list(&rules, json),
        Command::Rules { command: RulesCommand::Check { file } } => run_rules_check(file),
        Command::Rules { command: RulesCommand::Anchors { rules, no_decode, tiers } } => {
            run_rules_anchors(&rules, no_decode, tiers)
        }
    };
    ExitCode::from(code)
}

fn run_rules_list(extra: &[PathBuf], as_json: bool) -> u8 {
    let book = match load_book(extra) {
        Ok(b) => b,
        Err(e) => {
            error_line(format!("{e:#}"));
            return EXIT_ERROR;
        }
    };
    let mut out = std::io::stdout().lock();
    if as_json {
        let v: Vec<_> = book
            .rules
            .iter()
            .map(|r| {
                serde_json::json!({"id": r.id, "title": r.title, "severity": r.severity, "confidence": r.confidence,
                    "anchors": r.anchors, "description": r.description, "remediation": r.remediation})
            })
            .collect();
        let _ = writeln!(out, "{}", serde_json::to_string_pretty(&v).unwrap_or_default());
    } else {
        let _ = writeln!(out, "{:<34} {:<9} {:<10} TITLE", "ID", "SEVERITY", "CONFIDENCE");
        for r in &book.rules {
            let _ = writeln!(
                out,
                "{:<34} {:<9} {:<10} {}",
                r.id,
                r.severity.to_string(),
                r.confidence.to_string(),
                r.title
            );
        }
    }
    EXIT_CLEAN
}

fn run_rules_anchors(extra: &[PathBuf], no_decode: bool, tiers: bool) -> u8 {
    let engine =
        load_book(extra).and_then(|book| Engine::new(book, EngineOptions { decode: !no_decode, ..Default::default() }));
    let engine = match engine {
        Ok(e) => e,
        Err(e) => {
            error_line(format!("{e:#}"));
            return EXIT_ERROR;
        }
    };
    let mut out = std::io::stdout().lock();
    for (i, tier) in engine.matcher.anchors().iter().enumerate() {
        if tiers && i > 0 {
            let _ = writeln!(out);
        }
        for a in tier {
            let _ = out.write_all(a);
            let _ = writeln!(out);
        }
    }
    EXIT_CLEAN
}

fn run_rules_check(file: Option<PathBuf>) -> u8 {
    let mut book = RuleBook::builtin();
    let only: Option<Vec<String>> = match &file {
        None => None,
        Some(f) => {
            let before = book.rules.len();
            if let Err(e) = book.add_file(f) {
                error_line(format!("{e:#}"));
                return EXIT_ERROR;
            }
            Some(book.rules[before..].iter().map(|r| r.id.clone()).collect())
        }
    };
    let results = match forcescan::rulecheck::check(&book, only.as_deref()) {
        Ok(r) => r,
        Err(e) => {
            error_line(format!("{e:#}"));
            return EXIT_ERROR;
        }
    };
    let mut out = std::io::stdout().lock();
    let mut failed = 0;
    for r in &results {
        if r.failures.is_empty() {
            let _ = writeln!(
                out,
                "ok    {:<34} {} examples, {} negative examples",
                r.rule, r.examples, r.negative_examples
            );
        } else {
            failed += 1;
            let _ = writeln!(out, "FAIL  {}", r.rule);
            for f in &r.failures {
                let _ = writeln!(out, "        {f}");
            }
        }
    }
    let _ = writeln!(out, "{} rules checked, {} failed", results.len(), failed);
    if failed > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

fn run_scan(a: ScanArgs) -> u8 {
    let engine = match a.common.engine() {
        Ok(e) => e,
        Err(code) => return code,
    };
    let reporter = match a.common.reporter(&engine) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let reporter = Mutex::new(reporter);
    let walk = WalkOptions { no_ignore: a.no_ignore, threads: a.common.threads.unwrap_or(0), ..Default::default() };
    let (stdin_named, roots): (Vec<_>, Vec<_>) = a.paths.iter().cloned().partition(|p| p.as_os_str() == "-");
    let (inputs, errors) = fsrc::collect_inputs(&roots, &walk);
    for e in errors {
        reporter.lock().unwrap().error(e);
    }
    if !stdin_named.is_empty() {
        let r = fsrc::scan_stream(&engine, "<stdin>", std::io::stdin().lock());
        reporter.lock().unwrap().unit(&r.path, r.bytes, r.findings, r.error);
    }
    fsrc::scan_inputs(&engine, &inputs, &walk, |r| {
        reporter.lock().unwrap().unit(&r.path, r.bytes, r.findings, r.error)
    });
    reporter.into_inner().unwrap().finish()
}
