//! The `forcescan` command line: argument parsing and exit codes. All the work is in the library.

use clap::{Args, Parser, Subcommand};
use forcescan::engine::{Engine, EngineOptions};
use forcescan::finding::Finding;
use forcescan::hooks;
use forcescan::report::artifacts::{Artifacts, FsArtifacts};
use forcescan::report::dedupe::{read_report, DedupeSet};
use forcescan::report::sarif::SarifOptions;
use forcescan::report::Hook;
use forcescan::report::{error_line, Format, Output, Reporter, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use forcescan::rules::RuleBook;
use forcescan::sources::archive::{self, ArchiveOptions};
use forcescan::sources::fs::{self as fsrc, WalkOptions};
use forcescan::sources::git::{self as gitsrc, GitOptions, Scope};
use forcescan::suppress::{self, Suppressions};
use forcescan::sweep::{self, RunOptions};
use forcescan::verify::{self, Verifier};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::Duration;

#[derive(Parser)]
#[command(name = "forcescan", version, about = "Find leaked Salesforce credentials in files, logs and git history.")]
#[command(
    after_help = "Exit status: 0 no findings, 1 findings (with --only-live: live credentials), 2 error or incomplete scan \
(including credentials whose live check failed)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Scan files and directories (`-` reads standard input).
    Scan(ScanArgs),
    /// Revoke a Salesforce access token, refresh token or SFDX auth URL (POST /services/oauth2/revoke).
    #[command(
        after_help = "Pass the secret as `-` and it is read from standard input (recommended: it then stays out of \
shell history and process lists).\n\nExit status: 0 revoked, 1 Salesforce did not know the token (already revoked, \
expired, or it belongs to another instance: try --instance), 2 error."
    )]
    Revoke(RevokeArgs),
    /// Scan git history: every blob of every commit in scope, once, attributed to the commit and
    /// path that first introduced it.
    Git(GitArgs),
    /// Git hooks: run by git (see `install-hooks`), or by the pre-commit framework.
    Hook {
        #[command(subcommand)]
        command: HookCommand,
    },
    /// Write forcescan's pre-commit and pre-push hooks into the current repository (honours
    /// core.hooksPath). A hook already there is kept and runs first. Default: both hooks.
    InstallHooks {
        /// Install the pre-commit hook.
        #[arg(long)]
        pre_commit: bool,
        /// Install the pre-push hook.
        #[arg(long)]
        pre_push: bool,
    },
    /// Accept the current findings: later scans report only new ones.
    Baseline {
        #[command(subcommand)]
        command: BaselineCommand,
    },
    /// Incident response: sweep log dumps and archives, list what to rotate. Archives opened,
    /// ignore files ignored, one record per distinct secret (JSON Lines), a progress bar on a
    /// terminal and a "what to rotate" table on stderr.
    Sweep(SweepArgs),
    /// Combine JSON Lines reports (sweep shards, `scan -f jsonl`) into one deduplicated report.
    Merge(MergeArgs),
    /// List or check the rules.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
}

#[derive(Subcommand)]
enum HookCommand {
    /// git's pre-push hook: reads `<local ref> <local oid> <remote ref> <remote oid>` lines on
    /// stdin and scans only what the pushed commits introduce. Exit 1 blocks the push.
    PrePush {
        /// The remote's name (git passes it; under the pre-commit framework it is read from
        /// PRE_COMMIT_REMOTE_NAME).
        remote: Option<String>,
        /// The remote's URL (git passes it; unused).
        url: Option<String>,
        #[command(flatten)]
        suppress: SuppressArgs,
    },
    /// git's pre-commit hook: scans the staged files (the index, not the work tree), reporting only
    /// added or changed lines. Exit 1 blocks the commit.
    PreCommit {
        #[command(flatten)]
        suppress: SuppressArgs,
    },
}

#[derive(Subcommand)]
enum BaselineCommand {
    /// Scan PATH and write every finding's rule and fingerprint (no secrets, paths or lines) to
    /// the baseline file.
    Create {
        /// What to scan.
        #[arg(default_value = ".")]
        path: PathBuf,
        /// Where to write the baseline.
        #[arg(long, short = 'o', value_name = "FILE", default_value = suppress::BASELINE_FILE)]
        output: PathBuf,
        /// Do not honour .gitignore / .ignore files.
        #[arg(long)]
        no_ignore: bool,
        /// A config file instead of `.forcescan.toml` at the repository or scan root.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
}

/// Suppressions (see README, "Suppressions").
#[derive(Args)]
struct SuppressArgs {
    /// The config file (default: `.forcescan.toml` at the repository or scan root, if present).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Report only findings not in this baseline (default: `.forcescan-baseline.json` at the
    /// repository or scan root, if present).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
}

impl SuppressArgs {
    /// Loads the config and baseline for a scan rooted at `start`; `repo_relative`: finding paths
    /// are relative to the repository root (git history) rather than the current directory.
    fn load(&self, start: &Path, book: &RuleBook, repo_relative: bool) -> Result<Suppressions, u8> {
        load_suppressions(self.config.as_deref(), self.baseline.as_deref(), start, book, repo_relative)
    }
}

/// The directory a scan's default config and baseline live in: the work tree root of the
/// repository containing `start`, else `start` itself (or its directory, for a file).
fn project_root(start: &Path) -> PathBuf {
    if let Some(w) = git2::Repository::discover(start).ok().and_then(|r| r.workdir().map(Path::to_path_buf)) {
        return w;
    }
    if start.is_dir() {
        start.to_path_buf()
    } else {
        start.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")).to_path_buf()
    }
}

fn load_suppressions(
    config: Option<&Path>,
    baseline: Option<&Path>,
    start: &Path,
    book: &RuleBook,
    repo_relative: bool,
) -> Result<Suppressions, u8> {
    let fail = |e: anyhow::Error| {
        error_line(format!("{e:#}"));
        EXIT_ERROR
    };
    let root = project_root(start);
    let config_file =
        config.map(Path::to_path_buf).or_else(|| Some(root.join(suppress::CONFIG_FILE)).filter(|p| p.is_file()));
    let baseline_file =
        baseline.map(Path::to_path_buf).or_else(|| Some(root.join(suppress::BASELINE_FILE)).filter(|p| p.is_file()));
    let config = match &config_file {
        Some(f) => {
            let c = suppress::Config::load(f).map_err(fail)?;
            c.check_rules(book, f).map_err(fail)?;
            Some(std::sync::Arc::new(c))
        }
        None => None,
    };
    let baseline = baseline_file.as_deref().map(suppress::Baseline::load).transpose().map_err(fail)?;
    Ok(Suppressions { config, baseline, repo_relative_paths: repo_relative, counts: Default::default() })
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

/// Where and how a report is written: every reporting command shares these (merge too).
#[derive(Args)]
struct OutputArgs {
    /// Output format [default: text; jsonl for sweep and merge].
    #[arg(long, short = 'f', value_enum)]
    format: Option<Format>,
    /// Write the report to FILE (created readable by its owner only) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// When to colour text output.
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorChoice,
}

impl OutputArgs {
    /// Opens the report destination; `default` is the command's format when `-f` is not given.
    fn reporter(&self, default: Format, book: &RuleBook) -> Result<Reporter, u8> {
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
        Ok(Reporter::new(self.format.unwrap_or(default), out, color, book))
    }

    /// Records have no SARIF form (see `report::write_records`): say so before any work is done.
    fn check_records_format(&self) -> Result<(), u8> {
        if matches!(self.format, Some(Format::Sarif | Format::Github)) {
            error_line(
                "one record per secret (--dedupe, sweep, merge) is written as jsonl, json or text, not sarif or github",
            );
            return Err(EXIT_ERROR);
        }
        Ok(())
    }
}

/// Options every scanning command shares (scan, sweep, and later git).
#[derive(Args)]
struct CommonArgs {
    #[command(flatten)]
    out: OutputArgs,
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
    /// SARIF: set the GitHub code scanning category (`automationDetails.id`). Use different ones
    /// for scans of HEAD and of history, so neither closes the other's alerts.
    #[arg(long, value_name = "NAME")]
    sarif_category: Option<String>,
    /// SARIF: for history scans, report only secrets known to be still present at HEAD.
    #[arg(long)]
    sarif_head_only: bool,
    #[command(flatten)]
    suppress: SuppressArgs,
    #[command(flatten)]
    validation: ValidateArgs,
}

/// Live validation: off unless one of these flags is given, because it sends each credential to
/// Salesforce.
#[derive(Args)]
#[command(next_help_heading = "Live validation (sends credentials to Salesforce; off by default)")]
struct ValidateArgs {
    /// Check each distinct credential against its Salesforce host over HTTPS (read-only; a session
    /// a check creates is revoked at once) and report it live, dead, unverifiable or error.
    #[arg(long)]
    validate: bool,
    /// Also try a login with password+security-token findings that have a username nearby.
    /// WARNING: a failed login counts toward the user's lockout limit and can lock the account.
    /// Implies --validate.
    #[arg(long)]
    validate_passwords: bool,
    /// Report only credentials found live: exit 1 only if one was. Implies --validate.
    #[arg(long)]
    only_live: bool,
    /// Revoke every access token, refresh token and SFDX auth URL found live. Asks for confirmation
    /// on a terminal, refuses without one unless --yes. Implies --validate.
    #[arg(long)]
    revoke_live: bool,
    /// Do not ask before --revoke-live revokes.
    #[arg(long, requires = "revoke_live")]
    yes: bool,
    #[command(flatten)]
    net: NetArgs,
}

/// How validation and revocation requests are sent.
#[derive(Args)]
struct NetArgs {
    /// Seconds one validation request may take.
    #[arg(long, value_name = "SECS", default_value = "10", value_parser = positive)]
    validation_timeout: f64,
    /// Validation requests per second at most, over all hosts.
    #[arg(long, value_name = "N", default_value = "10", value_parser = positive)]
    validation_rate: f64,
    /// Validation requests in flight to one host at most.
    #[arg(long, value_name = "N", default_value = "4", value_parser = clap::value_parser!(u16).range(1..))]
    validation_host_concurrency: u16,
    /// TEST ONLY: send every request to this loopback URL (http://127.0.0.1:PORT) instead of
    /// Salesforce. Also read from FORCESCAN_VALIDATION_BASE_URL.
    #[arg(long, hide = true, value_name = "URL")]
    validation_base_url: Option<String>,
}

fn positive(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 => Ok(v),
        _ => Err("must be a number greater than 0".into()),
    }
}

impl ValidateArgs {
    fn enabled(&self) -> bool {
        self.validate || self.validate_passwords || self.only_live || self.revoke_live
    }
}

impl NetArgs {
    /// Builds the verifier; says so on stderr when the test-only base URL is in force.
    fn verifier(&self, passwords: bool, revoke_live: bool) -> Result<Verifier, u8> {
        let base_url = self
            .validation_base_url
            .clone()
            .or_else(|| std::env::var(verify::BASE_URL_ENV).ok().filter(|v| !v.is_empty()));
        let opts = verify::Options {
            passwords,
            revoke_live,
            timeout: Duration::from_secs_f64(self.validation_timeout),
            rate_per_sec: self.validation_rate,
            per_host: self.validation_host_concurrency.into(),
            base_url,
            ..Default::default()
        };
        let v = Verifier::new(opts).map_err(|e| {
            error_line(format!("{e:#}"));
            EXIT_ERROR
        })?;
        if let Some(base) = v.test_base_url() {
            eprintln!("forcescan: warning: test mode: every validation request goes to {base}");
        }
        Ok(v)
    }
}

/// `--revoke-live` acts on production credentials: a person confirms it on a terminal, or a script
/// says `--yes`. Without either nothing is sent.
fn confirm_revoke_live() -> Result<(), u8> {
    if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        error_line("--revoke-live needs confirmation: run it on a terminal, or add --yes");
        return Err(EXIT_ERROR);
    }
    eprint!(
        "forcescan: --revoke-live will revoke every access token, refresh token and SFDX auth URL \
this scan finds live. Continue? [y/N] "
    );
    let mut answer = String::new();
    let _ = std::io::stdin().read_line(&mut answer);
    if matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes") {
        Ok(())
    } else {
        error_line("aborted: nothing was validated or revoked");
        Err(EXIT_ERROR)
    }
}

impl CommonArgs {
    /// Sets up threads, rules and the engine; on error prints it and returns the exit code.
    /// `line_timestamps`: record the timestamp a finding's log line starts with (for dedupe).
    fn engine(&self, line_timestamps: bool) -> Result<Engine, u8> {
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
            capture_context: self.validation.enabled(),
            line_timestamps,
            ..Default::default()
        };
        let engine = Engine::new(book, opts).map_err(fail)?;
        if !self.rules.is_empty() {
            // User rules compile now, so a bad regex is reported before the scan, not skipped during it.
            engine.matcher.check_compiles().map_err(fail)?;
        }
        Ok(engine)
    }

    /// Opens the report destination; `default` is the command's format when `-f` is not given.
    fn reporter(&self, engine: &Engine, default: Format) -> Result<Reporter, u8> {
        if self.out.format.unwrap_or(default) != Format::Sarif
            && (self.sarif_category.is_some() || self.sarif_head_only)
        {
            error_line("--sarif-category and --sarif-head-only need --format sarif");
            return Err(EXIT_ERROR);
        }
        if self.sarif_category.as_deref().is_some_and(|c| c.trim().is_empty()) {
            error_line("--sarif-category needs a non-empty name");
            return Err(EXIT_ERROR);
        }
        let reporter = self.out.reporter(default, &engine.book)?;
        Ok(if self.validation.enabled() { reporter.with_validation(self.validation.only_live) } else { reporter })
    }

    /// What SARIF output needs from the command: the rules' help text, the category, and how to
    /// find the files findings are in.
    fn sarif(&self, engine: &Engine, artifacts: Box<dyn Artifacts>) -> SarifOptions {
        SarifOptions {
            rules: engine.book.rules.clone(),
            category: self.sarif_category.clone(),
            head_only: self.sarif_head_only,
            artifacts,
        }
    }
    /// The verifier when live validation was asked for (after confirming `--revoke-live`).
    fn verifier(&self) -> Result<Option<Verifier>, u8> {
        let v = &self.validation;
        if !v.enabled() {
            return Ok(None);
        }
        if v.revoke_live && !v.yes {
            confirm_revoke_live()?;
        }
        v.net.verifier(v.validate_passwords, v.revoke_live).map(Some)
    }
}

#[derive(Args)]
struct RevokeArgs {
    /// What the secret is: salesforce-access-token, salesforce-refresh-token or
    /// salesforce-sfdx-auth-url.
    #[arg(long, value_name = "RULE")]
    rule: String,
    /// The Salesforce host to revoke at (acme.my.salesforce.com). Default: the auth URL's host,
    /// else login.salesforce.com, then test.salesforce.com.
    #[arg(long, value_name = "HOST")]
    instance: Option<String>,
    /// The secret, or `-` to read it from standard input.
    #[arg(value_name = "SECRET")]
    secret: String,
    #[command(flatten)]
    net: NetArgs,
}

#[derive(Args)]
struct ScanArgs {
    /// Files or directories to scan; `-` is standard input.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Do not honour .gitignore / .ignore files.
    #[arg(long)]
    no_ignore: bool,
    /// Open compressed files and archives (gz, bz2, xz, zst, zip, tar), found by their magic bytes.
    #[arg(long)]
    archives: bool,
    #[command(flatten)]
    limits: ArchiveLimits,
    /// One record per distinct secret (occurrences, first/last place and time seen).
    #[arg(long)]
    dedupe: bool,
    #[command(flatten)]
    common: CommonArgs,
}

#[derive(Args)]
struct GitArgs {
    /// The repository: a work tree, any directory inside one, or a bare repository. Default: the
    /// repository containing the current directory.
    repo: Option<PathBuf>,
    /// Only what the commits of A..B introduced (reachable from B, not from A).
    #[arg(long, value_name = "A..B", conflicts_with_all = ["since_commit", "branch", "all_objects"])]
    range: Option<String>,
    /// Only what the commits after COMMIT introduced (on --branch, or on every ref).
    #[arg(long, value_name = "COMMIT", conflicts_with = "all_objects")]
    since_commit: Option<String>,
    /// Only the history of this branch (or any revision) instead of every ref.
    #[arg(long, value_name = "NAME", conflicts_with = "all_objects")]
    branch: Option<String>,
    /// Also every commit and blob in the object database that no ref reaches (forensics).
    #[arg(long)]
    all_objects: bool,
    #[command(flatten)]
    common: CommonArgs,
}

impl GitArgs {
    fn scope(&self) -> Scope {
        match (&self.range, &self.since_commit, &self.branch) {
            (Some(r), _, _) => Scope::Range(r.clone()),
            (None, Some(c), b) => Scope::Since { commit: c.clone(), branch: b.clone() },
            (None, None, Some(b)) => Scope::Branch(b.clone()),
            (None, None, None) if self.all_objects => Scope::AllObjects,
            (None, None, None) => Scope::AllRefs,
        }
    }
}

/// Limits for opening archives (see `forcescan::sources::archive`).
#[derive(Args)]
struct ArchiveLimits {
    /// Levels of archives inside archives to open (`a.zip!b.tar.gz!c.log` is 2).
    #[arg(long, value_name = "N", default_value_t = 3)]
    max_depth: u32,
    /// Cut a decompressed stream short when it grows past N times its compressed size (bombs).
    #[arg(long, value_name = "N", default_value_t = 250)]
    max_ratio: u64,
    /// Decompressed bytes allowed from one input file in all (e.g. 64G).
    #[arg(long, value_name = "SIZE", default_value = "64G", value_parser = archive::parse_size)]
    max_decompressed: u64,
    /// A zip inside another archive is held in memory up to SIZE; a larger one is scanned as raw bytes.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = archive::parse_size)]
    max_nested_zip: u64,
}

impl ArchiveLimits {
    fn options(&self) -> ArchiveOptions {
        ArchiveOptions {
            max_depth: self.max_depth,
            max_ratio: self.max_ratio.max(1),
            max_total: self.max_decompressed,
            max_nested_zip: self.max_nested_zip,
        }
    }
}

#[derive(Args)]
struct SweepArgs {
    /// Files and directories to sweep; `-` is standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Scan compressed files and archives as raw bytes instead of opening them.
    #[arg(long)]
    no_archives: bool,
    #[command(flatten)]
    limits: ArchiveLimits,
    /// One JSON line per finding instead of one record per distinct secret.
    #[arg(long)]
    no_dedupe: bool,
    /// Record finished inputs in FILE and skip them when run again (resume an interrupted sweep).
    #[arg(long, value_name = "FILE")]
    checkpoint: Option<PathBuf>,
    /// Sweep only shard K of N (0 <= K < N), by a stable hash of each file's path below its root.
    #[arg(long, value_name = "K/N")]
    shard: Option<sweep::Shard>,
    /// No progress bar (it is shown only when stderr is a terminal anyway).
    #[arg(long)]
    no_progress: bool,
    #[command(flatten)]
    common: CommonArgs,
}

#[derive(Args)]
struct MergeArgs {
    /// JSON Lines reports: sweep records or scan findings.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    #[command(flatten)]
    out: OutputArgs,
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
        Command::Git(a) => run_git(a),
        Command::Revoke(a) => run_revoke(a),
        Command::Hook { command: HookCommand::PrePush { remote, url: _, suppress } } => run_pre_push(remote, &suppress),
        Command::Hook { command: HookCommand::PreCommit { suppress } } => run_pre_commit(&suppress),
        Command::InstallHooks { pre_commit, pre_push } => run_install_hooks(pre_commit, pre_push),
        Command::Baseline { command: BaselineCommand::Create { path, output, no_ignore, config } } => {
            run_baseline_create(&path, &output, no_ignore, config.as_deref())
        }
        Command::Sweep(a) => run_sweep(a),
        Command::Merge(a) => run_merge(a),
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
    let opts = RunOptions {
        walk: walk_options(a.no_ignore, &a.common),
        archives: a.archives.then(|| a.limits.options()),
        ..Default::default()
    };
    run_scanning(&a.paths, &a.common, a.dedupe, Format::Text, opts, |r| r)
}

fn run_sweep(a: SweepArgs) -> u8 {
    if a.no_dedupe && a.checkpoint.is_some() {
        error_line("--checkpoint keeps per-file secret records, so it cannot be used with --no-dedupe");
        return EXIT_ERROR;
    }
    let dedupe = !a.no_dedupe;
    let opts = RunOptions {
        walk: walk_options(true, &a.common),
        archives: (!a.no_archives).then(|| a.limits.options()),
        checkpoint: a.checkpoint,
        shard: a.shard,
        progress: !a.no_progress,
    };
    run_scanning(&a.paths, &a.common, dedupe, Format::Jsonl, opts, |r| r.rotation_table(dedupe))
}

/// What scan and sweep share: check the options, build the engine, the verifier and the reporter,
/// then run over the inputs. `finish_reporter` adds the command's own reporting.
fn run_scanning(
    paths: &[PathBuf],
    common: &CommonArgs,
    dedupe: bool,
    default_format: Format,
    mut opts: RunOptions,
    finish_reporter: impl FnOnce(Reporter) -> Reporter,
) -> u8 {
    if dedupe {
        if let Err(code) = common.out.check_records_format() {
            return code;
        }
        if common.validation.enabled() {
            error_line(
                "live validation reports findings, not records: add --no-dedupe (sweep) or drop --dedupe (scan)",
            );
            return EXIT_ERROR;
        }
    }
    let engine = match common.engine(dedupe) {
        Ok(e) => e,
        Err(code) => return code,
    };
    let verifier = match common.verifier() {
        Ok(v) => v,
        Err(code) => return code,
    };
    let reporter = match common.reporter(&engine, default_format) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let roots: Vec<PathBuf> = paths.iter().filter(|p| p.as_os_str() != "-").cloned().collect();
    let start = roots.first().map_or(Path::new("."), PathBuf::as_path);
    let suppressions = match common.suppress.load(start, &engine.book, false) {
        Ok(s) => s,
        Err(code) => return code,
    };
    opts.walk.skip = suppressions.config.clone();
    let reporter = finish_reporter(reporter.dedupe(dedupe))
        .with_suppressions(suppressions)
        .with_sarif(common.sarif(&engine, Box::new(FsArtifacts::new(&roots))));
    // Validation happens on the scanning threads, outside the reporter's lock, so JSON Lines
    // still stream unit by unit; suppressed credentials are removed first, so never sent.
    let annotate = verifier.as_ref().map(|v| move |f: &mut Vec<Finding>| v.annotate(f));
    sweep::run(&engine, paths, &opts, reporter, annotate.as_ref().map(|f| f as sweep::Annotate))
}

fn walk_options(no_ignore: bool, common: &CommonArgs) -> WalkOptions {
    WalkOptions { no_ignore, threads: common.threads.unwrap_or(0), ..Default::default() }
}

fn run_merge(a: MergeArgs) -> u8 {
    if let Err(code) = a.out.check_records_format() {
        return code;
    }
    let mut reporter = match a.out.reporter(Format::Jsonl, &RuleBook::builtin()) {
        Ok(r) => r.dedupe(true).rotation_table(true),
        Err(code) => return code,
    };
    let mut set = DedupeSet::new();
    for file in &a.files {
        read_report(file, &mut set).into_iter().for_each(|e| reporter.error(e));
    }
    reporter.add_records(set);
    reporter.finish()
}

/// Reads the secret for `revoke`: the argument, or standard input for `-` (prompting on a terminal).
fn read_secret(arg: &str) -> Result<String, String> {
    if arg != "-" {
        return Ok(arg.trim().to_string());
    }
    let stdin = std::io::stdin();
    let mut s = String::new();
    let read = if stdin.is_terminal() {
        eprint!("Paste the secret, then press Enter: ");
        stdin.read_line(&mut s)
    } else {
        stdin.lock().take(64 * 1024).read_to_string(&mut s)
    };
    read.map_err(|e| format!("reading the secret from standard input: {}", fsrc::io_message(&e)))?;
    Ok(s.trim().to_string())
}

fn run_revoke(a: RevokeArgs) -> u8 {
    let fail = |msg: String| {
        error_line(msg);
        EXIT_ERROR
    };
    if !verify::REVOCABLE.contains(&a.rule.as_str()) {
        return fail(match RuleBook::builtin().find(&a.rule) {
            Ok(_) => format!("{}: {}", a.rule, verify::not_revocable(&a.rule)),
            Err(_) => format!("unknown rule `{}` (revocable: {})", a.rule, verify::REVOCABLE.join(", ")),
        });
    }
    let secret = match read_secret(&a.secret) {
        Ok(s) if !s.is_empty() => s,
        Ok(_) => return fail("no secret given".into()),
        Err(e) => return fail(e),
    };
    // The secret goes through the rules like scanned text: its shape is checked and its encoding
    // normalised (`%21` → `!`) before anything is sent.
    let opts = EngineOptions { include_examples: true, ..Default::default() };
    let engine = match Engine::new(RuleBook::builtin(), opts) {
        Ok(e) => e,
        Err(e) => return fail(format!("{e:#}")),
    };
    let Some(finding) = engine.scan_bytes("<secret>", secret.as_bytes()).into_iter().find(|f| f.rule == a.rule) else {
        return fail(format!("the value given is not a {}", a.rule));
    };
    let instance = a.instance.as_deref().map(|i| {
        let i = i.trim();
        let i = i.strip_prefix("https://").unwrap_or(i);
        i.split('/').next().unwrap_or(i).to_string()
    });
    let verifier = match a.net.verifier(false, false) {
        Ok(v) => v,
        Err(code) => return code,
    };
    let r = verifier.revoke(&finding, instance.as_deref());
    if r.revoked {
        // The message comes from the server: escaped like anything else printed to a terminal.
        println!(
            "forcescan: {}",
            forcescan::report::escape_control(&format!("{} {}: {}", a.rule, finding.secret, r.message))
        );
        EXIT_CLEAN
    } else {
        error_line(format!("{} {}: {}", a.rule, finding.secret, r.message));
        if r.http_status == Some(400) {
            EXIT_FINDINGS
        } else {
            EXIT_ERROR
        }
    }
}

fn run_git(a: GitArgs) -> u8 {
    let engine = match a.common.engine(false) {
        Ok(e) => e,
        Err(code) => return code,
    };
    let verifier = match a.common.verifier() {
        Ok(v) => v,
        Err(code) => return code,
    };
    let mut reporter = match a.common.reporter(&engine, Format::Text) {
        Ok(r) => r,
        Err(code) => return code,
    };
    match a.common.suppress.load(a.repo.as_deref().unwrap_or(Path::new(".")), &engine.book, true) {
        Ok(s) => reporter = reporter.with_suppressions(s),
        Err(code) => return code,
    }
    let blobs = FsArtifacts::new(&[]).with_blobs(gitsrc::blob_reader(a.repo.as_deref()));
    reporter = reporter.with_sarif(a.common.sarif(&engine, Box::new(blobs)));
    let opts = GitOptions {
        scope: a.scope(),
        repo: a.repo,
        threads: a.common.threads.unwrap_or(0),
        // Progress is for a person watching: on a terminal, never in CI logs.
        progress: std::io::stderr().is_terminal() && std::env::var_os("CI").is_none(),
    };
    gitsrc::scan(&engine, &opts, verifier.as_ref(), &mut reporter);
    reporter.finish()
}

/// The engine and text reporter a hook uses: built-in rules, suppressions from the repository.
fn hook_setup(args: &SuppressArgs, hook: Hook) -> Result<(Engine, Reporter), u8> {
    let engine = Engine::new(RuleBook::builtin(), EngineOptions::default()).map_err(|e| {
        error_line(format!("{e:#}"));
        EXIT_ERROR
    })?;
    let suppressions = args.load(Path::new("."), &engine.book, true)?;
    let out = Output::open(None).map_err(|e| {
        error_line(fsrc::io_message(&e));
        EXIT_ERROR
    })?;
    let reporter = Reporter::new(Format::Text, out, None, &engine.book).with_suppressions(suppressions).for_hook(hook);
    Ok((engine, reporter))
}

fn run_pre_push(remote: Option<String>, args: &SuppressArgs) -> u8 {
    let env = |k: &str| std::env::var(k).ok();
    let Some(remote) = remote.or_else(|| env("PRE_COMMIT_REMOTE_NAME")) else {
        error_line("hook pre-push: missing the remote's name (git passes it as the first argument)");
        return EXIT_ERROR;
    };
    let mut input = String::new();
    if !std::io::stdin().is_terminal() {
        if let Err(e) = std::io::stdin().lock().read_to_string(&mut input) {
            error_line(format!("reading the pre-push input: {}", fsrc::io_message(&e)));
            return EXIT_ERROR;
        }
    }
    if input.trim().is_empty() {
        input = hooks::pre_commit_framework_input(env).unwrap_or_default();
    }
    let updates = match hooks::parse_push_lines(&input) {
        Ok(u) => u,
        Err(e) => {
            error_line(e);
            return EXIT_ERROR;
        }
    };
    let Some(scope) = hooks::push_scope(&updates, &remote) else {
        println!("forcescan: clean");
        return EXIT_CLEAN;
    };
    let (engine, mut reporter) = match hook_setup(args, Hook::PrePush) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let opts = GitOptions { scope, repo: None, threads: 0, progress: false };
    gitsrc::scan(&engine, &opts, None, &mut reporter);
    reporter.finish()
}

fn run_pre_commit(args: &SuppressArgs) -> u8 {
    let (engine, mut reporter) = match hook_setup(args, Hook::PreCommit) {
        Ok(x) => x,
        Err(code) => return code,
    };
    hooks::scan_staged(&engine, Path::new("."), &mut reporter);
    reporter.finish()
}

fn run_install_hooks(pre_commit: bool, pre_push: bool) -> u8 {
    let kinds: Vec<hooks::HookKind> = match (pre_commit, pre_push) {
        (true, false) => vec![hooks::HookKind::PreCommit],
        (false, true) => vec![hooks::HookKind::PrePush],
        _ => vec![hooks::HookKind::PreCommit, hooks::HookKind::PrePush],
    };
    let exe = std::env::current_exe().map(|p| p.to_string_lossy().into_owned()).unwrap_or_else(|_| "forcescan".into());
    let dir = match hooks::hooks_dir(Path::new(".")) {
        Ok(d) => d,
        Err(e) => {
            error_line(format!("{e:#}"));
            return EXIT_ERROR;
        }
    };
    for kind in kinds {
        match hooks::install(&dir, kind, &exe) {
            Ok(hooks::Installed::Written(p)) => println!("forcescan: installed {}", p.display()),
            Ok(hooks::Installed::Chained { hook, previous }) => {
                println!(
                    "forcescan: installed {} (the previous hook, now {}, runs first)",
                    hook.display(),
                    previous.display()
                )
            }
            Ok(hooks::Installed::Unchanged(p)) => println!("forcescan: {} is up to date", p.display()),
            Err(e) => {
                error_line(format!("{e:#}"));
                return EXIT_ERROR;
            }
        }
    }
    EXIT_CLEAN
}

fn run_baseline_create(path: &Path, output: &Path, no_ignore: bool, config: Option<&Path>) -> u8 {
    let engine = Engine::builtin();
    // The baseline being written is not applied: it replaces the old one.
    let mut suppressions = match load_suppressions(config, None, path, &engine.book, false) {
        Ok(s) => s,
        Err(code) => return code,
    };
    suppressions.baseline = None;
    let walk = WalkOptions { no_ignore, skip: suppressions.config.clone(), ..Default::default() };
    let out = match Output::open(None) {
        Ok(o) => o,
        Err(e) => {
            error_line(fsrc::io_message(&e));
            return EXIT_ERROR;
        }
    };
    let reporter = Mutex::new(Reporter::new(Format::Text, out, None, &engine.book).with_suppressions(suppressions));
    let (inputs, errors) = fsrc::collect_inputs(&[path.to_path_buf()], &walk);
    for e in errors {
        reporter.lock().unwrap_or_else(|e| e.into_inner()).error(e);
    }
    fsrc::scan_inputs(&engine, &inputs, &walk, |r| {
        reporter.lock().unwrap_or_else(|e| e.into_inner()).unit(&r.path, r.bytes, r.findings, r.error)
    });
    let (findings, errors) = reporter.into_inner().unwrap_or_else(|e| e.into_inner()).into_findings();
    if errors > 0 {
        error_line(format!("{errors} input(s) could not be scanned; no baseline written"));
        return EXIT_ERROR;
    }
    let written = Output::open(Some(output)).and_then(|mut o| {
        o.write_all(suppress::baseline_json(&findings).as_bytes())?;
        o.finish()
    });
    if let Err(e) = written {
        error_line(format!("{}: {}", output.display(), fsrc::io_message(&e)));
        return EXIT_ERROR;
    }
    let distinct = findings.iter().map(|f| (&f.rule, &f.fingerprint)).collect::<std::collections::BTreeSet<_>>().len();
    println!("forcescan: wrote {} ({distinct} secrets from {} findings)", output.display(), findings.len());
    EXIT_CLEAN
}
