//! `beacon ingest github|alertmanager PAYLOAD`: an event from the forge or an alert
//! notification into incident files (see docs/ingest.md).

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::{Cli, Outcome};
use crate::error::{Error, Result};

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Who sent the payload: `github` (an `issues` or `issue_comment` event, as in
    /// GITHUB_EVENT_PATH) or `alertmanager` (Alertmanager's webhook, version 4, or Grafana's).
    #[arg(value_enum)]
    pub sender: Sender,
    /// The payload: a JSON file, or `-` for standard input.
    #[arg(value_name = "PAYLOAD")]
    pub payload: PathBuf,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Sender {
    Github,
    Alertmanager,
}

pub fn run(cli: &Cli, args: &IngestArgs) -> Result<Outcome> {
    let config = crate::content::load_config(&cli.root)?;
    let (shown, text) = if args.payload == Path::new("-") {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Error::io("stdin", e))?;
        (PathBuf::from("stdin"), text)
    } else {
        let text = std::fs::read_to_string(&args.payload).map_err(|e| Error::io(&args.payload, e))?;
        (args.payload.clone(), text)
    };
    let report = match args.sender {
        Sender::Github => crate::ingest::github::ingest(&cli.root, &config, &shown, &text)?,
        Sender::Alertmanager => crate::ingest::alertmanager::ingest(&cli.root, &config, &shown, &text)?,
    };
    Ok(Outcome {
        lines: report.lines,
        warnings: Vec::new(),
    })
}
