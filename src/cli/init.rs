//! `beacon init [DIR]`: a new site that builds at once.

use std::path::PathBuf;

use clap::Args;

use super::{now_from, Cli, Outcome};
use crate::authoring::init_site;
use crate::error::Result;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder for the new site (created if missing); default: --root, else the current folder.
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Date the example incident relative to this instant (RFC 3339, or a local time or date in the site time zone); default: SOURCE_DATE_EPOCH, else the clock.
    #[arg(long, value_name = "T")]
    pub now: Option<String>,
}

pub fn run(cli: &Cli, args: &InitArgs) -> Result<Outcome> {
    let dir = args.dir.clone().unwrap_or_else(|| cli.root.clone());
    let now = now_from(&cli.root, args.now.as_deref())?;
    let done = init_site(&dir, now)?;
    let root_flag = if dir == std::path::Path::new(".") {
        String::new()
    } else {
        format!("--root {} ", dir.display())
    };
    Ok(Outcome::line(format!(
        "created a new site in {} ({}); preview it with `beacon {root_flag}serve`",
        dir.display(),
        crate::wording::count(done.files.len(), "file", "files")
    )))
}
