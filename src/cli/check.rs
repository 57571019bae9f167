//! `beacon check`: the build pipeline stopped after loading, drafts included.

use super::{Cli, Outcome};
use crate::content::{load_site, LoadOptions};
use crate::error::Result;

pub fn run(cli: &Cli) -> Result<Outcome> {
    let site = load_site(&cli.root, &LoadOptions { drafts: true })?;
    Ok(Outcome::line(format!(
        "ok: config, {} components, {} incidents and maintenance windows, {} pages",
        site.config.components.len(),
        site.incidents.len(),
        site.pages.len()
    )))
}
