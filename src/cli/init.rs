//! `beacon init [DIR] [--ci HOST]`: a new site that builds at once, or the deploy files for an
//! existing one.

use std::path::PathBuf;

use clap::Args;

use super::{Cli, Outcome};
use crate::authoring::{add_deploy_files, init_site, DeployHost};
use crate::error::{Error, Result};

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder for the new site (created if missing); default: --root, else the current folder.
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Date the example incident relative to this instant (RFC 3339, or a local time or date in the site time zone); default: SOURCE_DATE_EPOCH, else the clock.
    #[arg(long, value_name = "T")]
    pub now: Option<String>,
    /// Write the files that build and publish the site from this host's CI (default: github).
    /// On an existing site (one with config.toml), write only these, never overwriting a file.
    #[arg(long, value_name = "HOST", value_enum)]
    pub ci: Option<DeployHost>,
    /// With --ci github (the default): also an issue form and a workflow that turn incident
    /// issues and their `/update` and `/resolve` comments into posts (docs/posting.md).
    #[arg(long)]
    pub issues: bool,
}

pub fn run(cli: &Cli, args: &InitArgs) -> Result<Outcome> {
    let dir = args.dir.clone().unwrap_or_else(|| cli.root.clone());
    if args.issues && args.ci.is_some_and(|host| host != DeployHost::Github) {
        return Err(Error::Usage(
            "--issues turns GitHub issues into incidents: use it with --ci github".into(),
        ));
    }
    // --issues alone means GitHub, the only host it is for.
    let ci = args.ci.or(args.issues.then_some(DeployHost::Github));
    if let (Some(host), true) = (ci, dir.join("config.toml").is_file()) {
        let done = add_deploy_files(&dir, host, args.issues)?;
        let written: Vec<String> = done.files.iter().map(|f| f.display().to_string()).collect();
        // Another host's files already there: the page is served twice, so say how each copy
        // links to the others.
        let hosts = [
            ".github/workflows/publish.yml",
            ".gitlab-ci.yml",
            "netlify.toml",
            "wrangler.toml",
        ];
        let served_by = hosts.iter().filter(|f| dir.join(f).is_file()).count();
        let hint = if served_by > 1 && !written.is_empty() {
            "; list each host's address in `mirrors` in config.toml, so every copy links to the others"
        } else {
            ""
        };
        return Ok(Outcome::line(if written.is_empty() {
            format!("{} already has the deploy files; nothing written", dir.display())
        } else {
            format!("added {} to {}{hint}", written.join(", "), dir.display())
        }));
    }
    // A new site has no time zone yet: a local --now is read in UTC, as config.toml starts.
    let now = crate::content::resolve_now(args.now.as_deref(), chrono_tz::Tz::UTC)?;
    let done = init_site(&dir, now, ci.unwrap_or(DeployHost::Github), args.issues)?;
    let root_flag = if dir == std::path::Path::new(".") {
        String::new()
    } else {
        format!("--root {} ", dir.display())
    };
    Ok(Outcome::line(format!(
        "created a new site in {} ({}); preview it with `beacon {root_flag}serve`",
        dir.display(),
        crate::wording::count(done.files.len(), "file", "files")
    )))
}
