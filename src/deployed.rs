//! The site as last deployed, which `notify` and `probe` read their memory from: a folder, or
//! the site's URL. One way to reach it, with a time limit, a size limit and beacon's
//! `User-Agent`, and one rule: a file the site does not have is `None`, while a site that cannot
//! be reached is an error, so that a network fault never passes for "no history".

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::error::{Error, Result};

/// What a run against the deployed site (`beacon notify`, `beacon probe`) is given.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// The site as last deployed: a folder or an http(s) URL.
    pub previous: String,
    /// The freshly built site's folder (notify), or the one the build that follows writes
    /// (probe); the run's record goes there.
    pub output: PathBuf,
    pub now: DateTime<Utc>,
    /// Print what would be done; send and write nothing.
    pub dry_run: bool,
    /// The site folder.
    pub root: PathBuf,
}

/// How long one fetch may take.
const FETCH_TIMEOUT: Duration = Duration::from_secs(30);
/// The largest file fetched (the full incident list of a large site's API).
const MAX_FETCHED: u64 = 256 * 1024 * 1024;

/// `beacon/<version> (+<site URL>)`: how beacon introduces itself to every server it calls.
pub fn user_agent(base_url: &str) -> String {
    format!("beacon/{} (+{base_url})", env!("CARGO_PKG_VERSION"))
}

/// A deployed site to read files from.
pub enum Deployed<'a> {
    Folder(&'a Path),
    Url(&'a str, ureq::Agent),
}

impl<'a> Deployed<'a> {
    /// `previous` as given to `--previous`: an http(s) URL, or a folder that exists.
    pub fn new(previous: &'a str, user_agent: &str) -> Result<Self> {
        if previous.starts_with("http://") || previous.starts_with("https://") {
            let agent = ureq::Agent::config_builder()
                .timeout_global(Some(FETCH_TIMEOUT))
                .user_agent(user_agent)
                .http_status_as_error(false)
                .build()
                .into();
            return Ok(Deployed::Url(previous.trim_end_matches('/'), agent));
        }
        let dir = Path::new(previous);
        if !dir.is_dir() {
            return Err(Error::Usage(format!(
                "--previous `{previous}` is neither a folder nor an http(s) URL"
            )));
        }
        Ok(Deployed::Folder(dir))
    }

    /// Where the file at `path` (relative to the site) is read from, for messages.
    pub fn name(&self, path: &str) -> String {
        match self {
            Deployed::Folder(dir) => dir.join(path).display().to_string(),
            Deployed::Url(base, _) => format!("{base}/{path}"),
        }
    }

    /// The file's bytes; `None` when the site has no such file (404 or 410 for a URL).
    /// `unchanged` ends the messages of the errors: what the failed run left as it was.
    pub fn get(&self, path: &str, unchanged: &str) -> Result<Option<Vec<u8>>> {
        let name = self.name(path);
        match self {
            Deployed::Folder(dir) => match std::fs::read(dir.join(path)) {
                Ok(bytes) => Ok(Some(bytes)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(Error::io(dir.join(path), e)),
            },
            Deployed::Url(_, agent) => {
                let mut response = agent
                    .get(&name)
                    .call()
                    .map_err(|e| Error::Usage(format!("cannot fetch {name}: {e}; {unchanged}")))?;
                match response.status().as_u16() {
                    404 | 410 => Ok(None),
                    200 => response
                        .body_mut()
                        .with_config()
                        .limit(MAX_FETCHED)
                        .read_to_vec()
                        .map(Some)
                        .map_err(|e| Error::Usage(format!("cannot read {name}: {e}; {unchanged}"))),
                    status => Err(Error::Usage(format!(
                        "fetching {name} answered HTTP {status}; {unchanged} (retry when the site answers)"
                    ))),
                }
            }
        }
    }
}
