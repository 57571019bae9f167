//! `beacon serve`: build, watch, serve on loopback, reload the browser.
//!
//! The one command that prints as it goes (it runs until stopped): the library reports
//! progress through a callback and this file prints it. The first stdout line is always
//! `serving URL`, flushed at once, for scripts and tests that need the port.

use std::io::Write;
use std::net::{IpAddr, Ipv4Addr};

use clap::Args;

use super::{Cli, Outcome};
use crate::error::{Error, Result};
use crate::serve::{serve, ServeEvent, ServeOptions};

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The port to listen on; 0 picks a free one.
    #[arg(long, value_name = "N", default_value_t = 8000)]
    pub port: u16,
    /// The address to listen on. Anything but loopback shows your drafts to the network.
    #[arg(long, value_name = "ADDR", default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    pub bind: IpAddr,
    /// Show the site as it stood at this instant (RFC 3339); default: SOURCE_DATE_EPOCH, else the clock at each rebuild.
    #[arg(long, value_name = "T")]
    pub now: Option<String>,
    /// Include drafts.
    #[arg(long)]
    pub drafts: bool,
}

pub fn run(cli: &Cli, args: &ServeArgs) -> Result<Outcome> {
    let options = ServeOptions {
        root: cli.root.clone(),
        bind: args.bind,
        port: args.port,
        drafts: args.drafts,
        now: args.now.clone(),
    };
    let quiet = cli.quiet;
    let verbose = cli.verbose;
    let log = move |event: ServeEvent| {
        let mut out = std::io::stdout().lock();
        match event {
            ServeEvent::Listening { url } => {
                if !quiet {
                    let _ = writeln!(out, "serving {url} (Ctrl-C to stop)");
                }
            }
            ServeEvent::Rebuilding { changed } => {
                if !quiet {
                    let first = changed
                        .first()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default();
                    let more = match changed.len() {
                        0 | 1 => String::new(),
                        n => format!(" and {} more", n - 1),
                    };
                    let _ = match first.is_empty() {
                        true => writeln!(out, "rebuilding"),
                        false => writeln!(out, "changed: {first}{more}; rebuilding"),
                    };
                }
                if verbose {
                    for path in changed.iter().skip(1) {
                        let _ = writeln!(out, "  changed: {}", path.display());
                    }
                }
            }
            ServeEvent::Built { files, elapsed } => {
                if !quiet {
                    let _ = writeln!(
                        out,
                        "built {} in {} ms",
                        crate::wording::count(files, "file", "files"),
                        elapsed.as_millis()
                    );
                }
            }
            ServeEvent::Failed { error, elapsed } => {
                let mut err = std::io::stderr().lock();
                if let Error::Content(diagnostics) = error {
                    for d in diagnostics {
                        let _ = writeln!(err, "{d}\n");
                    }
                }
                let _ = writeln!(
                    err,
                    "error: {error} (after {} ms); the browser shows it, and the last good build is still served",
                    elapsed.as_millis()
                );
            }
            ServeEvent::WatchProblem(problem) => {
                let _ = writeln!(std::io::stderr().lock(), "warning: file watcher: {problem}");
            }
        }
        let _ = out.flush();
    };
    if !args.bind.is_loopback() {
        eprintln!(
            "warning: listening on {}, which other machines can reach",
            args.bind
        );
    }
    serve(&options, &log)?;
    Ok(Outcome::default())
}
