//! `beacon build`: load, render, and write what changed into the output folder (see
//! `write.rs` for what beacon will and will not touch there).
//! A long build (or `--verbose`) reports each stage on stderr as it finishes: the one place
//! besides `serve` that prints before the command returns, because progress cannot wait.

use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Args;

use super::{Cli, Outcome};
use crate::build::render_owned_site_into;
use crate::content::cache::Texts;
use crate::context::BuildOptions;
use crate::error::{Error, Result};
use crate::wording::count;
use crate::write::{OutputWriter, WriteOptions};

/// From this many incidents on, a build counts as long and shows its progress.
const LONG_BUILD_INCIDENTS: usize = 1000;

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Where to write the site (default: public/ in the site folder). A relative DIR is taken
    /// from the current folder, like any other path you type.
    #[arg(long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Write into an output folder that holds files beacon did not write (it overwrites those
    /// at paths the build produces, and leaves the others). Never allowed for the site folder,
    /// its inputs, the home folder or /.
    #[arg(long)]
    pub force: bool,
    /// Override base_url from config.toml (checked like it).
    #[arg(long, value_name = "URL", value_parser = crate::site_url::parse_base_url)]
    pub base_url: Option<String>,
    /// Build the site as it stood at this instant (RFC 3339, or a local time or date in the site time zone); default: SOURCE_DATE_EPOCH, else the clock.
    #[arg(long, value_name = "T")]
    pub now: Option<String>,
    /// Include drafts.
    #[arg(long)]
    pub drafts: bool,
}

pub fn run(cli: &Cli, args: &BuildArgs) -> Result<Outcome> {
    let started = Instant::now();
    let (config, now) = super::config_and_now(&cli.root, args.now.as_deref())?;
    // Refuse a wrong output folder before any work, and before anything is written.
    let output = args.output.clone().unwrap_or_else(|| cli.root.join("public"));
    let options = BuildOptions {
        root: cli.root.clone(),
        now,
        base_url: args.base_url.clone(),
        drafts: args.drafts,
        live_reload: false,
        // `beacon probe`, run before the build, left its record in the output folder.
        latency: std::sync::Arc::new(crate::probe::history(&output, &config)?),
    };
    // The output's record and the kept texts are read side by side; both only read.
    let (writer, texts) = rayon::join(
        || {
            OutputWriter::open(
                &output,
                &WriteOptions {
                    site_root: cli.root.clone(),
                    force: args.force,
                },
            )
        },
        || Texts::open(&cli.root, crate::content::parser(&config)),
    );
    let writer = writer.map_err(|e| explain_relative(e, args.output.as_deref()))?;
    let (site, warnings) = super::load_site_kept(cli, config, options.drafts, &texts)?;
    let progress = !cli.quiet && (cli.verbose || site.incidents.len() >= LONG_BUILD_INCIDENTS);
    let step = |what: String| {
        if progress {
            eprintln!("{what} ({} ms)", started.elapsed().as_millis());
        }
    };
    step(format!(
        "loaded {} and {}",
        count(site.incidents.len(), "incident", "incidents"),
        count(site.pages.len(), "page", "pages")
    ));
    // For the next build: every content file read, parsed (or its text), in 32 files, written
    // now so that their bytes are not held through the render, and put in place only once
    // the output is (a failed build leaves the cache as it was).
    let kept = texts.stage(&cli.root, &crate::content::kept_parses(&cli.root, &site));
    // Each file goes to the writer as soon as it is rendered; the output folder changes only
    // at `commit`, after every file rendered.
    render_owned_site_into(site, &options, &writer)?;
    step("rendered".to_string());
    let summary = writer.commit()?;
    kept.commit();
    step(format!("wrote {}", output.display()));
    Ok(Outcome::line(format!(
        "built {} into {} ({} written, {} removed, the rest unchanged) in {} ms (as of {})",
        count(summary.files, "file", "files"),
        output.display(),
        summary.written,
        summary.removed,
        started.elapsed().as_millis(),
        now.to_rfc3339()
    ))
    .warning(warnings))
}

/// Says how a relative `--output` was read, when beacon refuses it.
fn explain_relative(error: Error, output: Option<&Path>) -> Error {
    match (error, output) {
        (Error::Usage(message), Some(dir)) if dir.is_relative() => Error::Usage(format!(
            "{message}\n(--output `{}` is taken relative to the current folder, not to --root.)",
            dir.display()
        )),
        (error, _) => error,
    }
}
