//! `beacon build`: load, render, and swap the result into the output folder.
//! A long build (or `--verbose`) reports each stage on stderr as it finishes: the one place
//! besides `serve` that prints before the command returns, because progress cannot wait.

use std::path::PathBuf;
use std::time::Instant;

use clap::Args;

use super::now_from;
use super::{Cli, Outcome};
use crate::build::{render_site, BuildOptions};
use crate::content::{load_site_warning, LoadOptions};
use crate::error::Result;
use crate::wording::count;
use crate::write::write_output;

/// From this many incidents on, a build counts as long and shows its progress.
const LONG_BUILD_INCIDENTS: usize = 1000;

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Where to write the site (default: public/ under --root).
    #[arg(long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Override base_url from config.toml (checked like it).
    #[arg(long, value_name = "URL", value_parser = crate::site_url::parse_base_url)]
    pub base_url: Option<String>,
    /// Build the site as it stood at this instant (RFC 3339, or a local time or date in the site time zone); default: SOURCE_DATE_EPOCH, else the clock.
    #[arg(long, value_name = "T")]
    pub now: Option<String>,
    /// Include drafts.
    #[arg(long)]
    pub drafts: bool,
}

pub fn run(cli: &Cli, args: &BuildArgs) -> Result<Outcome> {
    let started = Instant::now();
    let now = now_from(&cli.root, args.now.as_deref())?;
    let options = BuildOptions {
        root: cli.root.clone(),
        now,
        base_url: args.base_url.clone(),
        drafts: args.drafts,
        live_reload: false,
    };
    let (site, warnings) = load_site_warning(
        &options.root,
        &LoadOptions {
            drafts: options.drafts,
        },
    )?;
    let progress = !cli.quiet && (cli.verbose || site.incidents.len() >= LONG_BUILD_INCIDENTS);
    let step = |what: String| {
        if progress {
            eprintln!("{what} ({} ms)", started.elapsed().as_millis());
        }
    };
    step(format!(
        "loaded {} and {}",
        count(site.incidents.len(), "incident", "incidents"),
        count(site.pages.len(), "page", "pages")
    ));
    let files = render_site(&site, &options)?;
    step(format!("rendered {}", count(files.len(), "file", "files")));
    let output = args.output.clone().unwrap_or_else(|| cli.root.join("public"));
    write_output(&output, &files)?;
    step(format!("wrote {}", output.display()));
    Ok(Outcome::line(format!(
        "built {} into {} in {} ms (as of {})",
        count(files.len(), "file", "files"),
        output.display(),
        started.elapsed().as_millis(),
        now.to_rfc3339()
    ))
    .warning(warnings))
}
