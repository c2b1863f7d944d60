//! The `factlint` binary: parse arguments, run, map errors to exit codes
//! (0 clean, 1 findings at or above `--fail-on`, 2 usage, input or rule-file
//! errors). A closed pipe (`factlint check … | head`) is not an error.

mod cli;

use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            for cause in err.chain() {
                if let Some(io) = cause.downcast_ref::<std::io::Error>()
                    && io.kind() == std::io::ErrorKind::BrokenPipe
                {
                    return ExitCode::SUCCESS;
                }
            }
            // `{:#}` prints the chain; rule-file errors carry path:line:column.
            // Not `eprintln!`, which panics when standard error is a closed
            // pipe.
            let _ = writeln!(std::io::stderr(), "error: {err:#}");
            ExitCode::from(2)
        }
    }
}
