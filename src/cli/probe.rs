//! `beacon probe`: check the services of the [[probe]] tables, and write or resolve the
//! incidents their results call for.

use std::path::PathBuf;

use clap::Args;

use super::{Cli, Outcome};
use crate::error::{Error, Result};
use crate::probe::{run as probe, ProbeOptions};

#[derive(Debug, Args)]
pub struct ProbeArgs {
    /// The site as last deployed, whose probes.json holds the counts of earlier runs: a
    /// folder, or its URL (default: base_url from config.toml).
    #[arg(long, value_name = "PATH_OR_URL")]
    pub previous: Option<String>,
    /// The folder the build that follows writes; probes.json goes there (default: public/ in
    /// the site folder).
    #[arg(long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// The instant the checks are recorded at (RFC 3339, or a local time or date in the site
    /// time zone); default: SOURCE_DATE_EPOCH, else the clock.
    #[arg(long, value_name = "T")]
    pub now: Option<String>,
    /// Run the probes and print what would be written; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(cli: &Cli, args: &ProbeArgs) -> Result<Outcome> {
    let (config, now) = super::config_and_now(&cli.root, args.now.as_deref())?;
    if config.probe.is_empty() {
        return Err(Error::Usage(
            "config.toml has no [[probe]] table; see docs/probes.md".into(),
        ));
    }
    let options = ProbeOptions {
        previous: args.previous.clone().unwrap_or_else(|| config.base_url.clone()),
        output: args.output.clone().unwrap_or_else(|| cli.root.join("public")),
        now,
        dry_run: args.dry_run,
        root: cli.root.clone(),
    };
    let report = probe(&config, &options)?;
    Ok(Outcome {
        lines: report.lines,
        ..Outcome::default()
    })
}
