//! `beacon check`: the whole build, drafts included, rendered in memory and not written, so it
//! meets every problem `build` would meet (templates, theme, dates the outputs cannot show).
//! On a multilingual site it also warns of every text a language lacks.

use clap::Args;

use super::{config_and_now, load_site, Cli, Outcome};
use crate::build::render_site;
use crate::content::missing_translations;
use crate::context::BuildOptions;
use crate::error::Result;
use crate::wording::count;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Check the site as it stands at this instant (as for `build`); default: SOURCE_DATE_EPOCH, else the clock.
    #[arg(long, value_name = "T")]
    pub now: Option<String>,
}

pub fn run(cli: &Cli, args: &CheckArgs) -> Result<Outcome> {
    let (config, now) = config_and_now(&cli.root, args.now.as_deref())?;
    let (site, warnings) = load_site(cli, config, true)?;
    let options = BuildOptions {
        root: cli.root.clone(),
        now,
        base_url: None,
        drafts: true,
        live_reload: false,
        latency: Default::default(),
    };
    let files = render_site(&site, &options)?;
    let mut warnings = warnings;
    warnings.extend(missing_translations(&site));
    let languages = if site.config.languages.len() > 1 {
        format!(
            " in {} languages ({})",
            site.config.languages.len(),
            site.config.languages.join(", ")
        )
    } else {
        String::new()
    };
    Ok(Outcome::line(format!(
        "ok: config, {}, {}, {}{languages}; {} would be built",
        count(site.config.components.len(), "component", "components"),
        count(
            site.incidents.len(),
            "incident or maintenance window",
            "incidents and maintenance windows"
        ),
        count(site.pages.len(), "page", "pages"),
        count(files.len(), "file", "files"),
    ))
    .warning(warnings))
}
