//! `beacon new incident|maintenance`: write a new content file and print its path.

use clap::{Args, Subcommand};

use super::{config_and_now, Cli, Outcome};
use crate::authoring::{
    new_incident, new_maintenance, parse_severity, shown_path, NewIncident, NewMaintenance,
};
use crate::content::Severity;
use crate::error::Result;

#[derive(Debug, Args)]
pub struct NewArgs {
    #[command(subcommand)]
    pub what: NewWhat,
}

#[derive(Debug, Subcommand)]
pub enum NewWhat {
    /// A new incident, ongoing from --date (default: now), with a first `investigating` update.
    Incident(IncidentArgs),
    /// A new maintenance window from --start to --end, with a first `scheduled` update.
    Maintenance(MaintenanceArgs),
}

#[derive(Debug, Args)]
pub struct IncidentArgs {
    /// The incident's title.
    pub title: String,
    /// notice, degraded, partial or major.
    #[arg(long, value_name = "S", default_value = "major", value_parser = parse_severity)]
    pub severity: Severity,
    /// An affected component id from config.toml (repeat for several).
    #[arg(long = "component", value_name = "ID")]
    pub components: Vec<String>,
    /// When impact began: RFC 3339, a local `YYYY-MM-DD HH:MM` in the site time zone, or a date.
    #[arg(long, value_name = "T")]
    pub date: Option<String>,
    /// What the first (`investigating`) update says; default "We are investigating reports of a problem."
    #[arg(long, value_name = "TEXT")]
    pub text: Option<String>,
    /// The instant taken as now (RFC 3339, or a local time or date in the site time zone); default: SOURCE_DATE_EPOCH, else the clock.
    #[arg(long, value_name = "T")]
    pub now: Option<String>,
}

#[derive(Debug, Args)]
pub struct MaintenanceArgs {
    /// The maintenance window's title.
    pub title: String,
    /// Scheduled start: RFC 3339, a local `YYYY-MM-DD HH:MM` in the site time zone, or a date.
    #[arg(long, value_name = "T")]
    pub start: String,
    /// Scheduled end, written like --start (a plain date means the end of that day).
    #[arg(long, value_name = "T")]
    pub end: String,
    /// An affected component id from config.toml (repeat for several).
    #[arg(long = "component", value_name = "ID")]
    pub components: Vec<String>,
    /// The instant taken as now (RFC 3339, or a local time or date in the site time zone); default: SOURCE_DATE_EPOCH, else the clock.
    #[arg(long, value_name = "T")]
    pub now: Option<String>,
}

pub fn run(cli: &Cli, args: &NewArgs) -> Result<Outcome> {
    let created = match &args.what {
        NewWhat::Incident(a) => {
            let (config, now) = config_and_now(&cli.root, a.now.as_deref())?;
            let new = NewIncident {
                title: a.title.clone(),
                severity: a.severity,
                components: a.components.clone(),
                date: a.date.clone(),
                now,
                automated: false,
                first_update: a.text.clone(),
            };
            new_incident(&cli.root, &config, &new)?
        }
        NewWhat::Maintenance(a) => {
            let (config, now) = config_and_now(&cli.root, a.now.as_deref())?;
            let new = NewMaintenance {
                title: a.title.clone(),
                start: a.start.clone(),
                end: a.end.clone(),
                components: a.components.clone(),
                now,
            };
            new_maintenance(&cli.root, &config, &new)?
        }
    };
    Ok(Outcome::line(format!(
        "created {}",
        shown_path(&cli.root, &created.path).display()
    )))
}
