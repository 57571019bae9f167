//! `beacon resolve SLUG ["TEXT"]`: set `resolved` to now and append a `resolved` update;
//! `beacon resolve --latest ["TEXT"]` resolves the latest open incident.

use clap::Args;

use super::{config_and_now, Cli, Outcome};
use crate::authoring::{latest_open_incident, resolve_incident, shown_path, ResolveOptions};
use crate::error::{Error, Result};

#[derive(Debug, Args)]
pub struct ResolveArgs {
    /// The incident (its file name, or its `slug`); with --latest, the only argument is TEXT.
    #[arg(required_unless_present = "latest")]
    pub slug: Option<String>,
    /// What the last update says; default "This incident has been resolved."
    pub text: Option<String>,
    /// Resolve the latest open incident (unresolved, begun by now; of several, the one that
    /// began last) instead of one named by SLUG.
    #[arg(long)]
    pub latest: bool,
    /// Resolve at this instant (RFC 3339, or a local time or date in the site time zone); default: SOURCE_DATE_EPOCH, else the clock.
    #[arg(long, value_name = "T")]
    pub now: Option<String>,
}

pub fn run(cli: &Cli, args: &ResolveArgs) -> Result<Outcome> {
    // With --latest no slug is given, so the one argument clap read as SLUG is the text.
    let (slug, text) = match (args.latest, &args.slug, &args.text) {
        (false, Some(slug), text) => (Some(slug.clone()), text.clone()),
        (true, Some(_), Some(_)) => {
            return Err(Error::Usage(
                "with --latest give only the text: `beacon resolve --latest \"TEXT\"`".into(),
            ))
        }
        (true, first, second) => (None, first.clone().or_else(|| second.clone())),
        (false, None, _) => {
            return Err(Error::Usage(
                "name the incident to resolve, or pass --latest".into(),
            ))
        }
    };
    let (config, now) = config_and_now(&cli.root, args.now.as_deref())?;
    let slug = match slug {
        Some(slug) => slug,
        None => latest_open_incident(&cli.root, &config, now)?,
    };
    let edited = resolve_incident(&cli.root, &config, &ResolveOptions { slug, text, now })?;
    let done = Outcome::line(format!(
        "resolved \"{}\" at {} in {}",
        edited.title,
        edited.at,
        shown_path(&cli.root, &edited.path).display()
    ));
    Ok(super::translation_reminder(cli, done, &edited))
}
