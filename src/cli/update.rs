//! `beacon update SLUG --status S "TEXT"`: append a timeline update stamped now;
//! `beacon update --latest --status S "TEXT"` to the latest open incident.

use clap::Args;

use super::{config_and_now, Cli, Outcome};
use crate::authoring::{
    latest_open_incident, parse_update_status, shown_path, update_incident, UpdateOptions,
};
use crate::content::UpdateStatus;
use crate::error::{Error, Result};

#[derive(Debug, Args)]
pub struct UpdateArgs {
    /// The incident or maintenance window (its file name, or its `slug`); left out with --latest.
    #[arg(required_unless_present = "latest")]
    pub slug: Option<String>,
    /// Post to the latest open incident (unresolved, begun by now; of several, the one that
    /// began last) instead of one named by SLUG.
    #[arg(long)]
    pub latest: bool,
    /// Incidents: investigating, identified, monitoring, update, postmortem; maintenance:
    /// scheduled, in_progress, completed, update.
    #[arg(long, value_name = "S", value_parser = parse_update_status)]
    pub status: UpdateStatus,
    /// What the update says (with --latest, the only argument).
    pub text: Option<String>,
    /// Stamp the update with this instant (RFC 3339, or a local time or date in the site time zone); default: SOURCE_DATE_EPOCH, else the clock.
    #[arg(long, value_name = "T")]
    pub now: Option<String>,
}

pub fn run(cli: &Cli, args: &UpdateArgs) -> Result<Outcome> {
    // With --latest no slug is given, so the one argument clap read as SLUG is the text.
    let (slug, text) = match (args.latest, &args.slug, &args.text) {
        (false, Some(slug), Some(text)) => (Some(slug.clone()), text.clone()),
        (true, Some(text), None) | (true, None, Some(text)) => (None, text.clone()),
        (true, Some(_), Some(_)) => {
            return Err(Error::Usage(
                "with --latest give only the text: `beacon update --latest --status S \"TEXT\"`".into(),
            ))
        }
        _ => {
            return Err(Error::Usage(
                "give the incident's slug and the update's text (or --latest and the text)".into(),
            ))
        }
    };
    let (config, now) = config_and_now(&cli.root, args.now.as_deref())?;
    let slug = match slug {
        Some(slug) => slug,
        None => latest_open_incident(&cli.root, &config, now)?,
    };
    let edited = update_incident(
        &cli.root,
        &config,
        &UpdateOptions {
            slug,
            status: args.status,
            text,
            now,
        },
    )?;
    let done = Outcome::line(format!(
        "added an update ({}, {}) to {}",
        args.status.as_str(),
        edited.at,
        shown_path(&cli.root, &edited.path).display()
    ));
    Ok(super::translation_reminder(cli, done, &edited))
}
