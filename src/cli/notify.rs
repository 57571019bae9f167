//! `beacon notify`: tell the configured channels what changed since the last deploy.

use std::path::PathBuf;

use clap::Args;

use super::{Cli, Outcome};
use crate::error::{Error, Result};
use crate::notify::{run as notify, NotifyOptions};
use crate::wording::count;

#[derive(Debug, Args)]
pub struct NotifyArgs {
    /// The site as last deployed: a folder, or its URL (default: base_url from config.toml).
    #[arg(long, value_name = "PATH_OR_URL")]
    pub previous: Option<String>,
    /// The freshly built site about to be deployed (default: public/ in the site folder).
    #[arg(long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// The instant to judge maintenance start and completion by (RFC 3339); default:
    /// SOURCE_DATE_EPOCH, else the clock.
    #[arg(long, value_name = "T")]
    pub now: Option<String>,
    /// Print what would be sent, and to whom; send nothing and write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(cli: &Cli, args: &NotifyArgs) -> Result<Outcome> {
    let (config, now) = super::config_and_now(&cli.root, args.now.as_deref())?;
    if config.notify.is_empty() {
        return Err(Error::Usage(
            "config.toml has no [[notify]] channel; see docs/notify.md".into(),
        ));
    }
    let options = NotifyOptions {
        previous: args.previous.clone().unwrap_or_else(|| config.base_url.clone()),
        output: args.output.clone().unwrap_or_else(|| cli.root.join("public")),
        now,
        dry_run: args.dry_run,
        root: cli.root.clone(),
    };
    let report = notify(&config, &options)?;
    if report.failed.is_empty() {
        Ok(Outcome {
            lines: report.lines,
            ..Outcome::default()
        })
    } else {
        Err(Error::Usage(format!(
            "{} of {} failed; the failed messages are kept in the record and retried on the \
             next run\n{}",
            report.failed.len(),
            count(config.notify.len(), "channel", "channels"),
            report.lines.join("\n")
        )))
    }
}
