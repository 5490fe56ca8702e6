//! `forcescan hook pre-push`, `forcescan hook pre-commit` (run by git, or by the pre-commit
//! framework) and `forcescan install-hooks`, which writes small shell hooks that call them,
//! chaining a hook already there.

use super::args::SuppressArgs;
use super::output::Report;
use super::EXIT_CLEAN;
use forcescan::detect::Engine;
use forcescan::error::{io_message, Error, Result};
use forcescan::report::{Format, Hook};
use forcescan::results::Policy;
use forcescan::scan::{self, Options, Scan, Target};
use forcescan::sources::git::{parse_push_lines, pre_commit_framework_input, push_scope, GitOptions};
use forcescan::sources::Progress;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};

/// git's pre-push hook: scans only what the pushed commits introduce. Exit 1 blocks the push.
pub fn pre_push(remote: Option<String>, args: &SuppressArgs) -> Result<u8> {
    let env = |k: &str| std::env::var(k).ok();
    let Some(remote) = remote.or_else(|| env("PRE_COMMIT_REMOTE_NAME")) else {
        return Err(Error::Usage(
            "hook pre-push: missing the remote's name (git passes it as the first argument)".into(),
        ));
    };
    let mut input = String::new();
    if !std::io::stdin().is_terminal() {
        std::io::stdin()
            .lock()
            .read_to_string(&mut input)
            .map_err(|e| Error::Io(format!("reading the pre-push input: {}", io_message(&e))))?;
    }
    if input.trim().is_empty() {
        input = pre_commit_framework_input(env).unwrap_or_default();
    }
    let updates = parse_push_lines(&input).map_err(Error::Usage)?;
    let Some(scope) = push_scope(&updates, &remote) else {
        println!("forcescan: clean");
        return Ok(EXIT_CLEAN);
    };
    run(args, Hook::PrePush, Target::Git(GitOptions { scope, repo: None, threads: 0 }))
}

/// git's pre-commit hook: scans the staged files, keeping findings on added or changed lines.
/// Exit 1 blocks the commit.
pub fn pre_commit(args: &SuppressArgs) -> Result<u8> {
    run(args, Hook::PreCommit, Target::Staged(PathBuf::from(".")))
}

/// A hook's scan: built-in rules, suppressions from the repository, text on standard output.
fn run(args: &SuppressArgs, hook: Hook, target: Target) -> Result<u8> {
    let engine = Engine::new(forcescan::RuleBook::builtin(), Default::default())?;
    let suppressions = args.load(Path::new("."), &engine.book, true)?;
    let report = Report::open(None, Format::Text, None)?.for_hook(hook);
    let collector = report.collector(&engine.book, Policy { suppressions, ..Default::default() });
    let s = Scan { engine: &engine, verifier: None, progress: &Progress::default() };
    let collector = scan::run(&s, &target, &Options::default(), collector)?;
    Ok(report.finish(collector.finish()))
}

/// Writes the hooks into the current repository (honours `core.hooksPath`).
pub fn install_hooks(pre_commit: bool, pre_push: bool) -> Result<u8> {
    let kinds: Vec<HookKind> = match (pre_commit, pre_push) {
        (true, false) => vec![HookKind::PreCommit],
        (false, true) => vec![HookKind::PrePush],
        _ => vec![HookKind::PreCommit, HookKind::PrePush],
    };
    let exe = std::env::current_exe().map(|p| p.to_string_lossy().into_owned()).unwrap_or_else(|_| "forcescan".into());
    let dir = hooks_dir(Path::new("."))?;
    for kind in kinds {
        match install(&dir, kind, &exe)? {
            Installed::Written(p) => println!("forcescan: installed {}", p.display()),
            Installed::Chained { hook, previous } => {
                println!(
                    "forcescan: installed {} (the previous hook, now {}, runs first)",
                    hook.display(),
                    previous.display()
                )
            }
            Installed::Unchanged(p) => println!("forcescan: {} is up to date", p.display()),
        }
    }
    Ok(EXIT_CLEAN)
}

/// Which hooks `install-hooks` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HookKind {
    PreCommit,
    PrePush,
}

impl HookKind {
    fn file_name(self) -> &'static str {
        match self {
            HookKind::PreCommit => "pre-commit",
            HookKind::PrePush => "pre-push",
        }
    }
}

/// Identifies a hook forcescan wrote, so running `install-hooks` again rewrites it in place.
const MARK: &str = "# installed by `forcescan install-hooks`";
/// Suffix of a hook that was there before: forcescan's hook runs it first.
const CHAINED_SUFFIX: &str = ".forcescan-chained";

/// The hook script. The previous hook (if any) runs first and can block on its own; pre-push
/// input is kept in a variable so both hooks read all of it. `exe` is tried first, then
/// `forcescan` on PATH, so the hook keeps working if the binary is reinstalled elsewhere.
fn script(kind: HookKind, exe: &str) -> String {
    let name = kind.file_name();
    let exe = exe.replace('\'', r"'\''");
    let (read, chained, run) = match kind {
        HookKind::PrePush => (
            "input=$(cat)\n",
            "    printf '%s\\n' \"$input\" | \"$chained\" \"$@\" || exit $?\n",
            "printf '%s\\n' \"$input\" | \"$forcescan\" hook pre-push \"$@\"\n",
        ),
        HookKind::PreCommit => ("", "    \"$chained\" \"$@\" || exit $?\n", "exec \"$forcescan\" hook pre-commit\n"),
    };
    format!(
        "#!/bin/sh\n{MARK}\n# Blocks {what} that add Salesforce credentials. A hook that was here before is kept as\n\
         # {name}{CHAINED_SUFFIX} and runs first.\nforcescan='{exe}'\n\
         [ -x \"$forcescan\" ] || forcescan=forcescan\n{read}chained=\"$(dirname \"$0\")/{name}{CHAINED_SUFFIX}\"\n\
         if [ -x \"$chained\" ]; then\n{chained}fi\n{run}",
        what = if kind == HookKind::PrePush { "pushes" } else { "commits" },
    )
}

/// What `install-hooks` did to one hook.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Installed {
    Written(PathBuf),
    /// The previous hook was moved aside and is now called first.
    Chained {
        hook: PathBuf,
        previous: PathBuf,
    },
    Unchanged(PathBuf),
}

/// The hooks directory of the repository at `dir`, as git sees it (honours `core.hooksPath`).
fn hooks_dir(dir: &Path) -> Result<PathBuf> {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .args(["rev-parse", "--path-format=absolute", "--git-path", "hooks"])
        .output()
        .map_err(|e| Error::Io(format!("cannot run git: {e}")))?;
    if !out.status.success() {
        let msg = String::from_utf8_lossy(&out.stderr);
        let why = msg.lines().next().unwrap_or("not a git repository").trim().to_string();
        return Err(Error::Usage(format!("{}: {why}", dir.display())));
    }
    Ok(PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
}

/// Writes one hook into `hooks`, calling forcescan at `exe`. Idempotent: a hook forcescan wrote is
/// rewritten only if it differs; any other hook is moved to `<hook>.forcescan-chained` and run
/// first.
fn install(hooks: &Path, kind: HookKind, exe: &str) -> Result<Installed> {
    std::fs::create_dir_all(hooks).map_err(|e| Error::Io(format!("{}: cannot create: {e}", hooks.display())))?;
    let path = hooks.join(kind.file_name());
    let want = script(kind, exe);
    let io = |e: std::io::Error| Error::io(&path, &e);
    let mut previous = None;
    match std::fs::read(&path) {
        Ok(old) if old == want.as_bytes() => return Ok(Installed::Unchanged(path)),
        Ok(old) if String::from_utf8_lossy(&old).contains(MARK) => {}
        Ok(_) => {
            let aside = hooks.join(format!("{}{CHAINED_SUFFIX}", kind.file_name()));
            if aside.exists() {
                let msg = format!("{}: exists already; move one of the two hooks away first", aside.display());
                return Err(Error::Usage(msg));
            }
            std::fs::rename(&path, &aside).map_err(io)?;
            previous = Some(aside);
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io(e)),
    }
    std::fs::write(&path, want).map_err(io)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).map_err(io)?;
    }
    Ok(match previous {
        Some(previous) => Installed::Chained { hook: path, previous },
        None => Installed::Written(path),
    })
}
