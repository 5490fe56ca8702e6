//! The `forcescan` command: parse the arguments, run the command, print an error once, exit.
//! Everything else is in [`cli`] (the subcommands) and the `forcescan` library (the work).

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    // A panic is a bug. Detection contains it to the file it happened in (that file's error,
    // exit 2); this says once where in forcescan it was, without the panic's message, which
    // may quote the text being scanned.
    std::panic::set_hook(Box::new(|info| {
        let at = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        eprintln!("forcescan: internal error{at} (a bug: please report it with this line)");
    }));
    let parsed = match cli::Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { cli::EXIT_ERROR } else { cli::EXIT_CLEAN };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli::run(parsed) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            cli::error_line(e);
            ExitCode::from(cli::EXIT_ERROR)
        }
    }
}
