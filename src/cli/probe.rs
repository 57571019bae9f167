//! `beacon probe`: check the services of the [[probe]] tables, and write or resolve the
//! incidents their results call for.

use super::{Cli, Outcome, RunArgs};
use crate::error::{Error, Result};
use crate::probe::run as probe;

pub fn run(cli: &Cli, args: &RunArgs) -> Result<Outcome> {
    let (config, options) = args.options(cli)?;
    if config.probe.is_empty() {
        return Err(Error::Usage(
            "config.toml has no [[probe]] table; see docs/probes.md".into(),
        ));
    }
    let report = probe(&config, &options)?;
    Ok(Outcome {
        lines: report.lines,
        ..Outcome::default()
    })
}
