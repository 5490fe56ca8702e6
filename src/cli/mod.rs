//! The `forcescan` command line: arguments, one file per subcommand, and the only place that
//! prints to standard error or decides an exit code. The work is the library's: each subcommand
//! builds what it needs from its arguments, runs it, and turns the outcome into an exit code.
//!
//! * [`args`]: options several subcommands share (output, rules, suppressions, validation).
//! * [`output`]: a report being written, and how results become the exit code.
//! * [`progress`]: the progress display, drawn from the library's counters on a terminal.
//! * `scan` (also `sweep`), `git`, `hook` (also `install-hooks`), `baseline`, `merge`, `rules`,
//!   `revoke`: the subcommands.

mod args;
mod baseline;
mod git;
mod hook;
mod merge;
mod output;
mod progress;
mod revoke;
mod rules;
mod scan;

use args::{GitArgs, MergeArgs, RevokeArgs, ScanArgs, SuppressArgs, SweepArgs};
use clap::{Parser, Subcommand};
use forcescan::error::{Diagnostics, Error};
use forcescan::report::escape_control;
use std::io::Write;
use std::path::PathBuf;

/// Exit codes shared by every command: nothing found, findings, error or incomplete scan.
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

#[derive(Parser)]
#[command(name = "forcescan", version, about = "Find leaked Salesforce credentials in files, logs and git history.")]
#[command(
    after_help = "Exit status: 0 no findings, 1 findings (with --only-live: live credentials), 2 error or incomplete scan \
(including credentials whose live check failed)."
)]
pub struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand)]
pub(crate) enum Command {
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
pub(crate) enum HookCommand {
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
pub(crate) enum BaselineCommand {
    /// Scan PATH and write every finding's rule and fingerprint (no secrets, paths or lines) to
    /// the baseline file.
    Create {
        /// What to scan.
        #[arg(default_value = ".")]
        path: PathBuf,
        /// Where to write the baseline.
        #[arg(long, short = 'o', value_name = "FILE", default_value = forcescan::results::suppress::BASELINE_FILE)]
        output: PathBuf,
        /// Do not honour .gitignore / .ignore files.
        #[arg(long)]
        no_ignore: bool,
        /// Scan compressed files and archives as raw bytes instead of opening them (as `scan
        /// --no-archives` does).
        #[arg(long)]
        no_archives: bool,
        /// A config file instead of `.forcescan.toml` at the repository or scan root.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
}
#[derive(Subcommand)]
pub(crate) enum RulesCommand {
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

/// Runs a parsed command line and returns its exit code; an [`Error`] is for `main` to print.
pub fn run(cli: Cli) -> Result<u8, Error> {
    match cli.command {
        Command::Scan(a) => scan::scan(a),
        Command::Sweep(a) => scan::sweep(a),
        Command::Git(a) => git::run(a),
        Command::Revoke(a) => revoke::run(a),
        Command::Hook { command: HookCommand::PrePush { remote, url: _, suppress } } => {
            hook::pre_push(remote, &suppress)
        }
        Command::Hook { command: HookCommand::PreCommit { suppress } } => hook::pre_commit(&suppress),
        Command::InstallHooks { pre_commit, pre_push } => hook::install_hooks(pre_commit, pre_push),
        Command::Baseline { command: BaselineCommand::Create { path, output, no_ignore, no_archives, config } } => {
            baseline::create(&path, &output, no_ignore, !no_archives, config.as_deref())
        }
        Command::Merge(a) => merge::run(a),
        Command::Rules { command: RulesCommand::List { rules, json } } => rules::list(&rules, json),
        Command::Rules { command: RulesCommand::Check { file } } => rules::check(file),
        Command::Rules { command: RulesCommand::Anchors { rules, no_decode, tiers } } => {
            rules::anchors(&rules, no_decode, tiers)
        }
    }
}

/// Prints a one-line error on stderr, escaped for the terminal. Messages never carry secrets.
pub fn error_line(msg: impl std::fmt::Display) {
    let _ = writeln!(std::io::stderr(), "forcescan: error: {}", escape_control(&msg.to_string()));
}

/// Diagnostics as one line each on standard error, as they happen.
pub(crate) struct Stderr;

impl Diagnostics for Stderr {
    fn error(&self, message: &str) {
        error_line(message);
    }
    fn warning(&self, message: &str) {
        let _ = writeln!(std::io::stderr(), "forcescan: warning: {}", escape_control(message));
    }
    fn note(&self, message: &str) {
        let _ = writeln!(std::io::stderr(), "forcescan: note: {}", escape_control(message));
    }
}

/// Whether a person is watching standard error: a terminal, and not a CI job's log.
pub(crate) fn stderr_is_watched() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal() && std::env::var_os("CI").is_none()
}
