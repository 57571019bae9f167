//! The command line: clap types, and one short file per command that calls the library.
//! Commands return what they did as text; only `main.rs` prints and picks the exit status.

mod build;
mod check;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::error::Result;

/// A static-site generator for public status pages.
#[derive(Debug, Parser)]
#[command(name = "beacon", version, about)]
pub struct Cli {
    /// The site folder (holding config.toml).
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
    /// Print only errors.
    #[arg(long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print more about what is done.
    #[arg(long, global = true)]
    pub verbose: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate config and content; report every problem, not only the first.
    Check,
    /// Build the site into the output folder.
    Build(build::BuildArgs),
}

/// What a command reports to the person who ran it.
#[derive(Debug, Default)]
pub struct Outcome {
    /// One line per thing done, for stdout (hidden by --quiet).
    pub lines: Vec<String>,
}

impl Outcome {
    pub fn line(line: impl Into<String>) -> Self {
        Outcome {
            lines: vec![line.into()],
        }
    }
}

/// Runs the parsed command line.
pub fn run(cli: &Cli) -> Result<Outcome> {
    match &cli.command {
        Command::Check => check::run(cli),
        Command::Build(args) => build::run(cli, args),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn command_line_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
