//! `beacon notify`: tell the configured channels what changed since the last deploy.

use super::{Cli, Outcome, RunArgs};
use crate::error::{Error, Result};
use crate::notify::run as notify;
use crate::wording::count;

pub fn run(cli: &Cli, args: &RunArgs) -> Result<Outcome> {
    let (config, options) = args.options(cli)?;
    if config.notify.is_empty() {
        return Err(Error::Usage(
            "config.toml has no [[notify]] channel; see docs/notify.md".into(),
        ));
    }
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
