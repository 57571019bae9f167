//! The command line: clap types, and one short file per command that calls the library.
//! Commands return what they did as text; only `main.rs` prints and picks the exit status.

mod build;
mod check;
mod import;
mod ingest;
mod init;
mod new;
mod notify;
mod probe;
mod resolve;
mod serve;
mod update;

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use chrono::{DateTime, Utc};

use crate::config::Config;
use crate::content::{LoadOptions, Site};
use crate::error::{Diagnostic, Result};

/// Shown after `--help` and in the command reference and man page.
const EXIT_STATUS: &str = "Exit status: 0 success; 1 the content has errors (each printed as \
path:line:column: message, then the offending line); 2 usage or I/O errors.";

/// A static-site generator for public status pages.
#[derive(Debug, Parser)]
#[command(name = "beacon", version, about, after_help = EXIT_STATUS)]
pub struct Cli {
    /// The site folder (holding config.toml).
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
    /// Print only warnings and errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print more about what is done.
    #[arg(long, global = true)]
    pub verbose: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate config, content and theme by building in memory; report every problem.
    Check(check::CheckArgs),
    /// Build the site into the output folder.
    Build(build::BuildArgs),
    /// Write a new site that builds at once.
    Init(init::InitArgs),
    /// Write a beacon site from a cState or Statusfy site, reporting what could not be carried over.
    Import(import::ImportArgs),
    /// Write a new incident or maintenance file and print its path.
    New(new::NewArgs),
    /// Append a timeline update, stamped now, to an incident or maintenance window.
    Update(update::UpdateArgs),
    /// Set `resolved` to now on an incident and append a `resolved` update.
    Resolve(resolve::ResolveArgs),
    /// Turn a GitHub issue event or an Alertmanager/Grafana alert notification into incident edits.
    Ingest(ingest::IngestArgs),
    /// Tell the [[notify]] channels what changed since the site was last deployed.
    Notify(RunArgs),
    /// Check the [[probe]] services; write or resolve the incidents their results call for.
    Probe(RunArgs),
    /// Build, serve on loopback, rebuild on change and reload the browser.
    Serve(serve::ServeArgs),
}

/// What a command reports to the person who ran it.
#[derive(Debug, Default)]
pub struct Outcome {
    /// One line per thing done, for stdout (hidden by --quiet).
    pub lines: Vec<String>,
    /// Things done that the user may not have meant (files skipped), for stderr.
    pub warnings: Vec<crate::error::Diagnostic>,
}

impl Outcome {
    pub fn line(line: impl Into<String>) -> Self {
        Outcome {
            lines: vec![line.into()],
            warnings: Vec::new(),
        }
    }

    /// This outcome with `warnings` to show.
    pub fn warning(mut self, warnings: Vec<crate::error::Diagnostic>) -> Self {
        self.warnings.extend(warnings);
        self
    }
}

/// After `update` or `resolve` on a multilingual site: where the new update's translations go
/// (see docs/i18n.md), one line per language.
fn translation_reminder(cli: &Cli, mut done: Outcome, edited: &crate::authoring::Edited) -> Outcome {
    for path in &edited.translations {
        done.lines.push(format!(
            "to translate it, add [[updates]] with at = {} and the translated text to {}",
            edited.at,
            crate::authoring::shown_path(&cli.root, path).display()
        ));
    }
    done
}

/// Runs the parsed command line.
pub fn run(cli: &Cli) -> Result<Outcome> {
    match &cli.command {
        Command::Check(args) => check::run(cli, args),
        Command::Build(args) => build::run(cli, args),
        Command::Init(args) => init::run(cli, args),
        Command::Import(args) => import::run(cli, args),
        Command::New(args) => new::run(cli, args),
        Command::Update(args) => update::run(cli, args),
        Command::Resolve(args) => resolve::run(cli, args),
        Command::Serve(args) => serve::run(cli, args),
        Command::Notify(args) => notify::run(cli, args),
        Command::Probe(args) => probe::run(cli, args),
        Command::Ingest(args) => ingest::run(cli, args),
    }
}

/// The flags of a run against the site as last deployed (`notify`, `probe`).
#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// The site as last deployed, whose record this run reads: a folder, or its URL (default:
    /// base_url from config.toml).
    #[arg(long, value_name = "PATH_OR_URL")]
    pub previous: Option<String>,
    /// The site's output folder, where the run's record goes: the freshly built site (notify)
    /// or the folder the build that follows writes (probe) (default: public/ in the site folder).
    #[arg(long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// The instant the run works at (RFC 3339, or a local time or date in the site time zone);
    /// default: SOURCE_DATE_EPOCH, else the clock.
    #[arg(long, value_name = "T")]
    pub now: Option<String>,
    /// Print what would be sent or written, and to whom; send nothing and write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

impl RunArgs {
    /// The site's config and the options of the run, with the defaults filled in.
    pub(crate) fn options(&self, cli: &Cli) -> Result<(Config, crate::deployed::RunOptions)> {
        let (config, now) = config_and_now(&cli.root, self.now.as_deref())?;
        let options = crate::deployed::RunOptions {
            previous: self.previous.clone().unwrap_or_else(|| config.base_url.clone()),
            output: self.output.clone().unwrap_or_else(|| cli.root.join("public")),
            now,
            dry_run: self.dry_run,
            root: cli.root.clone(),
        };
        Ok((config, options))
    }
}

/// The site under `cli.root`, read with its config (see [`config_and_now`]), with a warning for
/// every file of the site that no stage reads.
pub(crate) fn load_site(cli: &Cli, config: Config, drafts: bool) -> Result<(Site, Vec<Diagnostic>)> {
    let loaded = crate::content::load_site_with(&cli.root, config, &LoadOptions { drafts }, None)?;
    with_unused_overrides(cli, loaded)
}

/// [`load_site`], each file's text taken from `texts` where it has not changed since the last
/// build (see [`crate::content::cache::Texts`]).
pub(crate) fn load_site_kept(
    cli: &Cli,
    config: Config,
    drafts: bool,
    texts: &crate::content::cache::Texts,
) -> Result<(Site, Vec<Diagnostic>)> {
    let loaded = crate::content::load_site_kept(&cli.root, config, &LoadOptions { drafts }, texts)?;
    with_unused_overrides(cli, loaded)
}

/// A warning for each override the site's catalogues have that no language reads.
fn with_unused_overrides(
    cli: &Cli,
    (site, mut warnings): (Site, Vec<Diagnostic>),
) -> Result<(Site, Vec<Diagnostic>)> {
    warnings.extend(crate::i18n::catalogue::unused_overrides(
        &cli.root,
        &site.config.languages,
    )?);
    Ok((site, warnings))
}

/// The site's config, read once for the whole command, and the instant the command works at
/// (`--now` read in the site's time zone: see [`crate::content::resolve_now`]).
pub(crate) fn config_and_now(root: &Path, flag: Option<&str>) -> Result<(Config, DateTime<Utc>)> {
    let config = crate::content::load_config(root)?;
    let now = crate::content::resolve_now(flag, config.timezone)?;
    Ok((config, now))
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn command_line_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
