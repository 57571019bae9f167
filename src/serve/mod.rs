//! `beacon serve`: builds the site in memory, serves it over HTTP on loopback, rebuilds when
//! [`crate::watch`] reports a change, and tells open pages to reload over server-sent events.
//! A rebuild re-parses only changed files ([`Preview`]) and renders each file on its first
//! request ([`LiveBuild`]), so a save on a large site costs little more than the page reloaded.
//!
//! What is served is only ever the files of the last good build: never
//! `public/`, never any other file, so no request path can reach outside the output. When a
//! rebuild fails, the last good build stays served and every HTML request gets the error
//! instead, until a rebuild succeeds. Serve writes nothing to disk, so ending the process at
//! any moment (Ctrl-C) leaves nothing half-written. The one thing read from `public/` is the
//! response times of `public/probes.json` (`beacon probe`'s record), for the charts, as a
//! build into `public/` shows them; it is not served.
//!
//! The library does not print: progress goes to the `log` callback as [`ServeEvent`]s.
//! [`respond`] answers a request from a build; [`http`] owns connections, limits and the
//! live-reload stream.

mod http;
mod live;
mod respond;

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::watch;

use crate::content::{load_config, load_site_with, resolve_now, LoadCache, LoadOptions};
use crate::context::BuildOptions;
use crate::error::{Error, Result};
use crate::watch::{watch_site, WatchEvent};

pub use http::{HEADER_TIMEOUT, MAX_CONNECTIONS, MAX_EVENT_STREAMS, WORKER_THREADS, WRITE_STALL};
pub use live::{LiveBuild, Rendered};
use respond::Snapshot;
pub use respond::{request_path, EVENTS_PATH, LIVE_RELOAD_PATH};

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    /// Address to listen on; loopback unless the user asks otherwise.
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    pub drafts: bool,
    /// A fixed `now` (RFC 3339) for every build; `None`: `SOURCE_DATE_EPOCH`, else the clock at
    /// each rebuild.
    pub now: Option<String>,
}

/// What the server reports as it goes.
#[derive(Debug)]
pub enum ServeEvent<'a> {
    /// Listening; `url` is the site's address (also its base URL in this mode).
    Listening {
        url: &'a str,
    },
    /// Inputs changed (relative to the root); a rebuild starts.
    Rebuilding {
        changed: &'a [PathBuf],
    },
    Built {
        files: usize,
        elapsed: Duration,
    },
    /// The build failed; the previous good build is still served.
    Failed {
        error: &'a Error,
        elapsed: Duration,
    },
    /// The file watcher reported a problem.
    WatchProblem(&'a str),
}

/// Builds, serves and rebuilds until the process ends or the watcher stops.
pub fn serve(options: &ServeOptions, log: &(dyn Fn(ServeEvent) + Sync)) -> Result<()> {
    // Fail on a bad --now before anything starts. A broken config does not stop the preview:
    // its page shows the problem until the file is fixed.
    let zone = load_config(&options.root).map_or(chrono_tz::Tz::UTC, |c| c.timezone);
    resolve_now(options.now.as_deref(), zone)?;

    let runtime = http::runtime().map_err(|e| Error::io(PathBuf::from("beacon-http runtime"), e))?;
    let address = SocketAddr::new(options.bind, options.port);
    let listener = runtime
        .block_on(async { http::listen(address) })
        .map_err(|e| Error::Usage(format!("cannot listen on {address}: {e}")))?;
    let local = listener
        .local_addr()
        .map_err(|e| Error::Usage(format!("cannot listen on {address}: {e}")))?;
    let url = site_url(local);
    // Watch before the first build, so an edit made while it runs is not missed.
    let changes = watch_site(&options.root)?;
    log(ServeEvent::Listening { url: &url });

    let (builds, served) = watch::channel(Arc::new(Snapshot::default()));
    let mut preview = Preview::new(options, &url);
    rebuild(&mut preview, &builds, log);
    runtime.spawn(http::accept(listener, served, local.ip().is_loopback()));

    // Builds run on this thread, so requests keep being answered from the last build meanwhile.
    while let Ok(event) = changes.recv() {
        let mut changed = Vec::new();
        let mut missed = false;
        let mut absorb = |event: WatchEvent| match event {
            WatchEvent::Changed(paths) => changed.extend(paths),
            WatchEvent::Problem(problem) => {
                missed = true;
                log(ServeEvent::WatchProblem(&problem))
            }
        };
        absorb(event);
        // Everything that piled up during the last build goes into one rebuild.
        while let Ok(more) = changes.try_recv() {
            absorb(more);
        }
        // The watcher may have missed a change: the next load looks at every file, now.
        if missed {
            preview.cache.changes_unknown();
        }
        if changed.is_empty() && !missed {
            continue;
        }
        changed.sort();
        changed.dedup();
        preview.cache.changed(&changed);
        log(ServeEvent::Rebuilding { changed: &changed });
        rebuild(&mut preview, &builds, log);
    }
    Err(Error::Usage("the file watcher stopped".into()))
}

/// The address pages are served at: loopback when listening on every interface.
fn site_url(local: SocketAddr) -> String {
    match local.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => format!("http://127.0.0.1:{}/", local.port()),
        IpAddr::V6(ip) if ip.is_unspecified() => format!("http://[::1]:{}/", local.port()),
        IpAddr::V4(ip) => format!("http://{ip}:{}/", local.port()),
        IpAddr::V6(ip) => format!("http://[{ip}]:{}/", local.port()),
    }
}

/// Builds once, swaps the result in (or keeps the last good files and records the error), and
/// so tells every open page.
fn rebuild(preview: &mut Preview, builds: &watch::Sender<Arc<Snapshot>>, log: &(dyn Fn(ServeEvent) + Sync)) {
    let started = Instant::now();
    let result = preview.build();
    let elapsed = started.elapsed();
    let previous = Arc::clone(&builds.borrow());
    let next = match result {
        Ok(site) => {
            log(ServeEvent::Built {
                files: site.len(),
                elapsed,
            });
            Snapshot {
                site: Arc::new(site),
                error: None,
                generation: previous.generation + 1,
            }
        }
        Err(error) => {
            log(ServeEvent::Failed {
                error: &error,
                elapsed,
            });
            Snapshot {
                site: Arc::clone(&previous.site),
                error: Some(error_text(&error)),
                generation: previous.generation + 1,
            }
        }
    };
    // Wakes every open event stream; fails only when none is listening, which is fine.
    builds.send_replace(Arc::new(next));
}

/// What serve builds from, kept between builds: the options and the parsed content files, so a
/// save reads and parses only the files that changed.
///
/// `now` is resolved at the start of each build (`--now`, else `SOURCE_DATE_EPOCH`, else the
/// clock) and holds for every file of that build, however much later a page is first asked for:
/// the preview shows the site as of the last save, like a build run at that moment.
pub struct Preview {
    root: PathBuf,
    now: Option<String>,
    drafts: bool,
    url: String,
    cache: LoadCache,
}

impl Preview {
    /// A preview of the site `options` name, served at `url` (also its base URL).
    pub fn new(options: &ServeOptions, url: &str) -> Preview {
        Preview {
            root: options.root.clone(),
            now: options.now.clone(),
            drafts: options.drafts,
            url: url.to_string(),
            cache: LoadCache::default(),
        }
    }

    /// Loads what changed and starts a build whose files render on demand; it equals a full
    /// build with its [`LiveBuild::options`].
    pub fn build(&mut self) -> Result<LiveBuild> {
        // The config once per rebuild: it may be the file that changed.
        let config = load_config(&self.root)?;
        let now = resolve_now(self.now.as_deref(), config.timezone)?;
        let options = LoadOptions { drafts: self.drafts };
        // The response times `beacon probe` left in public/, if any, as a build there shows them.
        let latency = crate::probe::history(&self.root.join("public"), &config).unwrap_or_default();
        let (site, _) = load_site_with(&self.root, config, &options, Some(&mut self.cache))?;
        LiveBuild::start(
            site,
            BuildOptions {
                root: self.root.clone(),
                now,
                base_url: Some(self.url.clone()),
                drafts: self.drafts,
                live_reload: true,
                latency: std::sync::Arc::new(latency),
            },
        )
    }
}

/// The error as the terminal shows it: every diagnostic with its source line, then the summary.
fn error_text(error: &Error) -> String {
    let mut text = String::new();
    if let Error::Content(diagnostics) = error {
        for d in diagnostics {
            text.push_str(&format!("{d}\n\n"));
        }
    }
    text.push_str(&format!("error: {error}\n"));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcard_binds_are_served_at_loopback() {
        assert_eq!(
            site_url("0.0.0.0:8000".parse().unwrap()),
            "http://127.0.0.1:8000/"
        );
        assert_eq!(site_url("127.0.0.1:9".parse().unwrap()), "http://127.0.0.1:9/");
        assert_eq!(site_url("[::]:9".parse().unwrap()), "http://[::1]:9/");
    }
}
