//! The `beacon` binary: parses arguments, runs the command, prints the outcome or the errors,
//! and picks the exit status (0 ok, 1 content errors, 2 usage or I/O errors).

use std::process::ExitCode;

use beacon::cli::{run, Cli};
use beacon::Error;
use clap::Parser;

// Rendering makes many short-lived strings and maps on every thread at once; mimalloc's
// per-thread heaps make that markedly cheaper than the system allocator (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(outcome) => {
            if !cli.quiet {
                for line in outcome.lines {
                    println!("{line}");
                }
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            if let Error::Content(diagnostics) = &error {
                for d in diagnostics {
                    eprintln!("{d}\n");
                }
            }
            eprintln!("error: {error}");
            ExitCode::from(error.exit_code())
        }
    }
}
