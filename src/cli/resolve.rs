//! `beacon resolve SLUG ["TEXT"]`: set `resolved` to now and append a `resolved` update.

use clap::Args;

use super::{config_and_now, Cli, Outcome};
use crate::authoring::{resolve_incident, shown_path, ResolveOptions};
use crate::error::Result;

#[derive(Debug, Args)]
pub struct ResolveArgs {
    /// The incident (its file name, or its `slug`).
    pub slug: String,
    /// What the last update says; default "This incident has been resolved."
    pub text: Option<String>,
    /// Resolve at this instant (RFC 3339, or a local time or date in the site time zone); default: SOURCE_DATE_EPOCH, else the clock.
    #[arg(long, value_name = "T")]
    pub now: Option<String>,
}

pub fn run(cli: &Cli, args: &ResolveArgs) -> Result<Outcome> {
    let (config, now) = config_and_now(&cli.root, args.now.as_deref())?;
    let edited = resolve_incident(
        &cli.root,
        &config,
        &ResolveOptions {
            slug: args.slug.clone(),
            text: args.text.clone(),
            now,
        },
    )?;
    let done = Outcome::line(format!(
        "resolved \"{}\" at {} in {}",
        edited.title,
        edited.at,
        shown_path(&cli.root, &edited.path).display()
    ));
    Ok(super::translation_reminder(cli, done, &edited))
}
