//! Options several subcommands share, and what they build: the engine, the verifier, the
//! suppressions, the report.

use super::output::Report;
use clap::Args;
use forcescan::detect::{Engine, EngineOptions, RuleBook};
use forcescan::error::{Error, Result};
use forcescan::report::sarif::SarifOptions;
use forcescan::report::{artifacts::Artifacts, Format};
use forcescan::results::suppress::Suppressions;
use forcescan::scan::shard::Shard;
use forcescan::sources::archive::{self, ArchiveOptions};
use forcescan::sources::git::Scope;
use forcescan::validation::{self, Verifier};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Suppressions (see README, "Suppressions").
#[derive(Args)]
pub struct SuppressArgs {
    /// The config file (default: `.forcescan.toml` at the repository or scan root, if present).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Report only findings not in this baseline (default: `.forcescan-baseline.json` at the
    /// repository or scan root, if present).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
}

impl SuppressArgs {
    /// Loads the config and baseline for a scan rooted at `start`; `repo_relative`: finding paths
    /// are relative to the repository root (git history) rather than the current directory.
    pub fn load(&self, start: &Path, book: &RuleBook, repo_relative: bool) -> Result<Suppressions> {
        Suppressions::load(self.config.as_deref(), self.baseline.as_deref(), start, book, repo_relative)
    }
}

/// Output formats, as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    Text,
    Json,
    Jsonl,
    Sarif,
    /// GitHub Actions annotations, and a table in the job summary (see [`github`]).
    Github,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Text => Format::Text,
            FormatArg::Json => Format::Json,
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Sarif => Format::Sarif,
            FormatArg::Github => Format::Github,
        }
    }
}

/// Where and how a report is written: every reporting command shares these (merge too).
#[derive(Args)]
pub struct OutputArgs {
    /// Output format [default: text; jsonl for sweep and merge].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<FormatArg>,
    /// Write the report to FILE (created readable by its owner only) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// When to colour text output.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
}

impl OutputArgs {
    /// The format: `-f`, else the command's default.
    pub fn format(&self, default: Format) -> Format {
        self.format.map_or(default, Format::from)
    }

    /// Opens the report destination; `default` is the command's format when `-f` is not given.
    pub fn open(&self, default: Format) -> Result<Report> {
        let color = match self.color {
            ColorChoice::Always => Some(true),
            ColorChoice::Never => Some(false),
            ColorChoice::Auto => None,
        };
        Report::open(self.output.as_deref(), self.format(default), color)
    }

    /// Records have no SARIF form (see `report::write`): say so before any work is done.
    pub fn check_records_format(&self) -> Result<()> {
        if matches!(self.format, Some(FormatArg::Sarif | FormatArg::Github)) {
            return Err(Error::Usage(
                "one record per secret (--dedupe, sweep, merge) is written as jsonl, json or text, not sarif or github"
                    .into(),
            ));
        }
        Ok(())
    }
}

/// Options every scanning command shares (scan, sweep, and later git).
#[derive(Args)]
pub struct CommonArgs {
    #[command(flatten)]
    pub out: OutputArgs,
    /// Print secrets in full. Without it every output shows at most the first 4 and last 2 characters.
    #[arg(long)]
    pub show_secrets: bool,
    /// Text: under each finding, why it was reported (the key and the Salesforce context of a
    /// password, token or secret found by its context) and where its other parts are.
    #[arg(long, short = 'v')]
    pub verbose: bool,
    /// Also report values published in documentation and samples, labelled "known example".
    #[arg(long)]
    pub include_examples: bool,
    /// Additional rule files (TOML, same schema as the built-in rules/).
    #[arg(long = "rules", value_name = "FILE")]
    pub rules: Vec<PathBuf>,
    /// Do not look inside base64, UTF-16 or percent-encoded text.
    #[arg(long)]
    pub no_decode: bool,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
    /// SARIF: set the GitHub code scanning category (`automationDetails.id`). Use different ones
    /// for scans of HEAD and of history, so neither closes the other's alerts.
    #[arg(long, value_name = "NAME")]
    pub sarif_category: Option<String>,
    /// SARIF: for history scans, report only secrets known to be still present at HEAD.
    #[arg(long)]
    pub sarif_head_only: bool,
    #[command(flatten)]
    pub suppress: SuppressArgs,
    #[command(flatten)]
    pub validation: ValidateArgs,
}

/// Live validation: off unless one of these flags is given, because it sends each credential to
/// Salesforce.
#[derive(Args)]
#[command(next_help_heading = "Live validation (sends credentials to Salesforce; off by default)")]
pub struct ValidateArgs {
    /// Check each distinct credential against its Salesforce host over HTTPS (read-only; a session
    /// a check creates is revoked at once) and report it live, dead, unverifiable or error.
    #[arg(long)]
    pub validate: bool,
    /// Also try a login with password+security-token findings that have a username nearby.
    /// WARNING: a failed login counts toward the user's lockout limit and can lock the account.
    /// Implies --validate.
    #[arg(long)]
    pub validate_passwords: bool,
    /// Report only credentials found live: exit 1 only if one was. Implies --validate.
    #[arg(long)]
    pub only_live: bool,
    /// Revoke every access token, refresh token and SFDX auth URL found live. Asks for confirmation
    /// on a terminal, refuses without one unless --yes. Implies --validate.
    #[arg(long)]
    pub revoke_live: bool,
    /// Do not ask before --revoke-live revokes.
    #[arg(long, requires = "revoke_live")]
    pub yes: bool,
    #[command(flatten)]
    pub net: NetArgs,
}

/// How validation and revocation requests are sent.
#[derive(Args)]
pub struct NetArgs {
    /// Seconds one validation request may take.
    #[arg(long, value_name = "SECS", default_value = "10", value_parser = positive)]
    pub validation_timeout: f64,
    /// Validation requests per second at most, over all hosts.
    #[arg(long, value_name = "N", default_value = "10", value_parser = positive)]
    pub validation_rate: f64,
    /// Validation requests in flight to one host at most.
    #[arg(long, value_name = "N", default_value = "4", value_parser = clap::value_parser!(u16).range(1..))]
    pub validation_host_concurrency: u16,
    /// TEST ONLY: send every request to this loopback URL (http://127.0.0.1:PORT) instead of
    /// Salesforce. Also read from FORCESCAN_VALIDATION_BASE_URL.
    #[arg(long, hide = true, value_name = "URL")]
    pub validation_base_url: Option<String>,
}

fn positive(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 => Ok(v),
        _ => Err("must be a number greater than 0".into()),
    }
}

impl ValidateArgs {
    pub fn enabled(&self) -> bool {
        self.validate || self.validate_passwords || self.only_live || self.revoke_live
    }
}

impl NetArgs {
    /// Builds the verifier; says so on stderr when the test-only base URL is in force.
    pub fn verifier(&self, passwords: bool, revoke_live: bool) -> Result<Verifier> {
        let base_url = self
            .validation_base_url
            .clone()
            .or_else(|| std::env::var(validation::BASE_URL_ENV).ok().filter(|v| !v.is_empty()));
        let opts = validation::Options {
            passwords,
            revoke_live,
            timeout: Duration::from_secs_f64(self.validation_timeout),
            rate_per_sec: self.validation_rate,
            per_host: self.validation_host_concurrency.into(),
            base_url,
            ..Default::default()
        };
        let v = Verifier::new(opts)?;
        if let Some(base) = v.test_base_url() {
            eprintln!("forcescan: warning: test mode: every validation request goes to {base}");
        }
        Ok(v)
    }
}

/// `--revoke-live` acts on production credentials: a person confirms it on a terminal, or a script
/// says `--yes`. Without either nothing is sent.
fn confirm_revoke_live() -> Result<()> {
    if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        return Err(Error::Usage("--revoke-live needs confirmation: run it on a terminal, or add --yes".into()));
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
        Err(Error::Usage("aborted: nothing was validated or revoked".into()))
    }
}

impl CommonArgs {
    /// Sets up threads, rules and the engine. `line_timestamps`: record the timestamp a finding's
    /// log line starts with (for records).
    pub fn engine(&self, line_timestamps: bool) -> Result<Engine> {
        if let Some(n) = self.threads {
            let _ = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global();
        }
        let book = load_book(&self.rules)?;
        let opts = EngineOptions {
            show_secrets: self.show_secrets,
            include_examples: self.include_examples,
            decode: !self.no_decode,
            capture_context: self.validation.enabled(),
            line_timestamps,
            ..Default::default()
        };
        let engine = Engine::new(book, opts)?;
        if !self.rules.is_empty() {
            // User rules compile now, so a bad regex is reported before the scan, not skipped during it.
            engine.check_compiles()?;
        }
        Ok(engine)
    }

    /// Checks the SARIF-only options against the format, then opens the report destination.
    pub fn report(&self, default: Format) -> Result<Report> {
        if self.out.format(default) != Format::Sarif && (self.sarif_category.is_some() || self.sarif_head_only) {
            return Err(Error::Usage("--sarif-category and --sarif-head-only need --format sarif".into()));
        }
        if self.sarif_category.as_deref().is_some_and(|c| c.trim().is_empty()) {
            return Err(Error::Usage("--sarif-category needs a non-empty name".into()));
        }
        Ok(self.out.open(default)?.verbose(self.verbose))
    }

    /// What SARIF output needs from the command: the rules' help text, the category, and how to
    /// find the files findings are in.
    pub fn sarif(&self, engine: &Engine, artifacts: Box<dyn Artifacts>) -> SarifOptions {
        SarifOptions { rules: engine.book.rules.clone(), category: self.sarif_category.clone(), artifacts }
    }

    /// The verifier when live validation was asked for (after confirming `--revoke-live`).
    pub fn verifier(&self) -> Result<Option<Verifier>> {
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
pub struct RevokeArgs {
    /// What the secret is: salesforce-access-token, salesforce-refresh-token or
    /// salesforce-sfdx-auth-url.
    #[arg(long, value_name = "RULE")]
    pub rule: String,
    /// The Salesforce host to revoke at (acme.my.salesforce.com). Default: the auth URL's host,
    /// else login.salesforce.com, then test.salesforce.com.
    #[arg(long, value_name = "HOST")]
    pub instance: Option<String>,
    /// The secret, or `-` to read it from standard input.
    #[arg(value_name = "SECRET")]
    pub secret: String,
    #[command(flatten)]
    pub net: NetArgs,
}

#[derive(Args)]
pub struct ScanArgs {
    /// Files or directories to scan; `-` is standard input.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Do not honour .gitignore / .ignore files.
    #[arg(long)]
    pub no_ignore: bool,
    /// Scan compressed files and archives as raw bytes instead of opening them (by default gz, bz2,
    /// xz, zst, zip and tar are opened, found by their magic bytes).
    #[arg(long, overrides_with = "archives")]
    pub no_archives: bool,
    /// Open compressed files and archives: the default, accepted so that older scripts keep working
    /// (after `--no-archives`, the last of the two wins). Only clap reads it.
    #[arg(long, hide = true, overrides_with = "no_archives")]
    #[allow(dead_code)]
    pub archives: bool,
    #[command(flatten)]
    pub limits: ArchiveLimits,
    /// One record per distinct secret (occurrences, first/last place and time seen).
    #[arg(long)]
    pub dedupe: bool,
    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(Args)]
pub struct GitArgs {
    /// The repository: a work tree, any directory inside one, or a bare repository. Default: the
    /// repository containing the current directory.
    pub repo: Option<PathBuf>,
    /// Only what the commits of A..B introduced (reachable from B, not from A).
    #[arg(long, value_name = "A..B", conflicts_with_all = ["since_commit", "branch", "all_objects"])]
    pub range: Option<String>,
    /// Only what the commits after COMMIT introduced (on --branch, or on every ref).
    #[arg(long, value_name = "COMMIT", conflicts_with = "all_objects")]
    pub since_commit: Option<String>,
    /// Only the history of this branch (or any revision) instead of every ref.
    #[arg(long, value_name = "NAME", conflicts_with = "all_objects")]
    pub branch: Option<String>,
    /// Also every commit and blob in the object database that no ref reaches (forensics).
    #[arg(long)]
    pub all_objects: bool,
    #[command(flatten)]
    pub common: CommonArgs,
}

impl GitArgs {
    pub fn scope(&self) -> Scope {
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
pub struct ArchiveLimits {
    /// Levels of archives inside archives to open (`a.zip!b.tar.gz!c.log` is 2).
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub max_depth: u32,
    /// Cut a decompressed stream short when it grows past N times its compressed size (bombs).
    #[arg(long, value_name = "N", default_value_t = 250)]
    pub max_ratio: u64,
    /// Decompressed bytes allowed from one input file in all (e.g. 64G).
    #[arg(long, value_name = "SIZE", default_value = "64G", value_parser = archive::parse_size)]
    pub max_decompressed: u64,
    /// A zip inside another archive is held in memory up to SIZE; a larger one is scanned as raw bytes.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = archive::parse_size)]
    pub max_nested_zip: u64,
}

impl ArchiveLimits {
    pub fn options(&self) -> ArchiveOptions {
        ArchiveOptions {
            max_depth: self.max_depth,
            max_ratio: self.max_ratio.max(1),
            max_total: self.max_decompressed,
            max_nested_zip: self.max_nested_zip,
        }
    }
}

#[derive(Args)]
pub struct SweepArgs {
    /// Files and directories to sweep; `-` is standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Scan compressed files and archives as raw bytes instead of opening them.
    #[arg(long)]
    pub no_archives: bool,
    #[command(flatten)]
    pub limits: ArchiveLimits,
    /// One JSON line per finding instead of one record per distinct secret.
    #[arg(long)]
    pub no_dedupe: bool,
    /// Record finished inputs in FILE and skip them when run again (resume an interrupted sweep).
    #[arg(long, value_name = "FILE")]
    pub checkpoint: Option<PathBuf>,
    /// Sweep only shard K of N (0 <= K < N), by a stable hash of each file's path below its root.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<Shard>,
    /// No progress bar (it is shown only when stderr is a terminal anyway).
    #[arg(long)]
    pub no_progress: bool,
    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(Args)]
pub struct MergeArgs {
    /// JSON Lines reports: sweep records or scan findings.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// The built-in rules and the user's rule files.
pub fn load_book(extra: &[PathBuf]) -> Result<RuleBook> {
    let mut book = RuleBook::builtin();
    for f in extra {
        book.add_file(f)?;
    }
    Ok(book)
}
