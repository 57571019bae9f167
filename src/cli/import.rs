//! `beacon import cstate|statusfy SRC [--into DIR]`: another tool's site as a beacon site.

use std::path::PathBuf;

use clap::Args;

use super::{Cli, Outcome};
use crate::content::Kind;
use crate::error::{Diagnostic, Result};
use crate::import::{import, Tool};
use crate::wording::count;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The tool the site was written for.
    #[arg(value_enum)]
    pub tool: Tool,
    /// The other tool's site folder (holding its config file and content/).
    #[arg(value_name = "SRC")]
    pub src: PathBuf,
    /// Where to write the beacon site (created if missing); default: --root, else the current folder.
    #[arg(long, value_name = "DIR")]
    pub into: Option<PathBuf>,
}

pub fn run(cli: &Cli, args: &ImportArgs) -> Result<Outcome> {
    let into = args.into.clone().unwrap_or_else(|| cli.root.clone());
    let (read, written) = import(args.tool, &args.src, &into)?;
    // Warnings go to stderr with every other diagnostic, so `--quiet` keeps them.
    let warnings: Vec<Diagnostic> = read
        .warnings
        .iter()
        .map(|w| Diagnostic {
            path: args.src.join(&w.path),
            line: w.line,
            column: 1,
            message: w.message.clone(),
            source_line: String::new(),
            underline: 1,
        })
        .collect();
    let mut lines = Vec::new();
    let site = &read.site;
    let maintenance = site
        .entries
        .iter()
        .filter(|e| e.kind == Kind::Maintenance)
        .count();
    let ongoing = site
        .entries
        .iter()
        .filter(|e| e.kind == Kind::Incident && e.end.is_none())
        .count();
    lines.push(format!(
        "imported {} ({ongoing} ongoing), {} and {} across {} into {} ({}, {})",
        count(site.entries.len() - maintenance, "incident", "incidents"),
        count(maintenance, "maintenance window", "maintenance windows"),
        count(site.pages.len(), "page", "pages"),
        count(site.components.len(), "component", "components"),
        into.display(),
        count(written.files.len(), "file", "files"),
        count(read.warnings.len(), "warning", "warnings"),
    ));
    // `import` checked the written site as `beacon check` does, and undid it on failure.
    let root_flag = if into == std::path::Path::new(".") {
        String::new()
    } else {
        format!("--root {} ", into.display())
    };
    lines.push(format!("check passed; preview it with `beacon {root_flag}serve`"));
    Ok(Outcome {
        lines,
        ..Outcome::default()
    }
    .warning(warnings))
}
