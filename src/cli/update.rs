//! `beacon update SLUG --status S "TEXT"`: append a timeline update stamped now;
//! `beacon update --latest --status S "TEXT"` to the latest open incident.

use clap::Args;

use super::{config_and_now, Cli, Outcome};
use crate::authoring::{
    latest_open_incident, parse_update_status, shown_path, update_incident, UpdateOptions,
};
use crate::content::UpdateStatus;
use crate::error::Result;

#[derive(Debug, Args)]
pub struct UpdateArgs {
    /// The incident or maintenance window (its file name, or its `slug`); left out with --latest.
    #[arg(required_unless_present = "latest")]
    pub slug: Option<String>,
    /// Post to the latest open incident (unresolved, begun by now; of several, the one that
    /// began last) instead of one named by SLUG.
    #[arg(long, conflicts_with = "slug")]
    pub latest: bool,
    /// Incidents: investigating, identified, monitoring, update, postmortem; maintenance:
    /// scheduled, in_progress, completed, update.
    #[arg(long, value_name = "S", value_parser = parse_update_status)]
    pub status: UpdateStatus,
    /// What the update says.
    pub text: String,
    /// Stamp the update with this instant (RFC 3339, or a local time or date in the site time zone); default: SOURCE_DATE_EPOCH, else the clock.
    #[arg(long, value_name = "T")]
    pub now: Option<String>,
}

pub fn run(cli: &Cli, args: &UpdateArgs) -> Result<Outcome> {
    let (config, now) = config_and_now(&cli.root, args.now.as_deref())?;
    let slug = match &args.slug {
        Some(slug) => slug.clone(),
        None => latest_open_incident(&cli.root, &config, now)?,
    };
    let edited = update_incident(
        &cli.root,
        &config,
        &UpdateOptions {
            slug,
            status: args.status,
            text: args.text.clone(),
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
