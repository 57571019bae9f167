//! `beacon build`: load, render, and swap the result into the output folder.

use std::path::PathBuf;
use std::time::Instant;

use clap::Args;

use super::{Cli, Outcome};
use crate::build::{build_site, BuildOptions};
use crate::error::{Error, Result};
use crate::time::resolve_now;
use crate::write::write_output;

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Where to write the site (default: public/ under --root).
    #[arg(long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Override base_url from config.toml.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Build the site as it stood at this instant (RFC 3339); default: SOURCE_DATE_EPOCH, else the clock.
    #[arg(long, value_name = "T")]
    pub now: Option<String>,
    /// Include drafts.
    #[arg(long)]
    pub drafts: bool,
}

pub fn run(cli: &Cli, args: &BuildArgs) -> Result<Outcome> {
    let started = Instant::now();
    let epoch = std::env::var("SOURCE_DATE_EPOCH").ok();
    let now = resolve_now(args.now.as_deref(), epoch.as_deref()).map_err(Error::Usage)?;
    let options = BuildOptions {
        root: cli.root.clone(),
        now,
        base_url: args.base_url.clone(),
        drafts: args.drafts,
        live_reload: false,
    };
    let files = build_site(&options)?;
    let output = args.output.clone().unwrap_or_else(|| cli.root.join("public"));
    write_output(&output, &files)?;
    Ok(Outcome::line(format!(
        "built {} files into {} in {} ms (as of {})",
        files.len(),
        output.display(),
        started.elapsed().as_millis(),
        now.to_rfc3339()
    )))
}
