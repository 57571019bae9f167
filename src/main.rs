//! The `beacon` binary: parses arguments, runs the command, prints the outcome or the errors,
//! and picks the exit status (0 ok, 1 content errors, 2 usage or I/O errors).

use std::process::ExitCode;

use beacon::cli::{run, Cli};
use beacon::Error;
use clap::Parser;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(outcome) => {
            // Warnings show even with --quiet: a skipped file is what a CI log must not hide.
            for warning in &outcome.warnings {
                eprintln!("warning: {warning}\n");
            }
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
