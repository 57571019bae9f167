//! The record of what `beacon notify` told: kept in the output as [`RECORD`] (registered
//! under the `notify` writer of the output's ownership record), deployed with the site, and
//! read back on the next run from `--previous`, a folder or the deployed site's URL. CI jobs
//! keep no state; the deployed site is the memory.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::events::{self, Clock, SiteState};
use crate::error::{Error, Result};

/// Where the record lives in the output folder, and so on the deployed site.
pub const RECORD: &str = "notify.json";
/// The `format` this version writes and reads.
const FORMAT: &str = "beacon-notify/1";
/// The writer name under which the record is registered in the output's `.beacon-manifest.json`.
pub const WRITER: &str = "notify";
/// How long fetching the previous record may take.
const FETCH_TIMEOUT: Duration = Duration::from_secs(30);
/// The largest file fetched from the deployed site (the full incident list of a big site).
const MAX_FETCHED: u64 = 256 * 1024 * 1024;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub format: String,
    /// The `now` of the run that wrote it.
    pub at: DateTime<Utc>,
    /// Keys of the events already dealt with (told, or passed over as old or superseded),
    /// within the horizon; older keys are dropped, since older events are never told.
    pub told: BTreeSet<String>,
    /// Each component's status as last told.
    pub components: BTreeMap<String, String>,
    /// Per channel name, the keys of events whose send failed (or an SMS held back by the
    /// hourly limit): retried on the next run.
    pub pending: BTreeMap<String, BTreeSet<String>>,
    /// Per SMS channel name, per incident or window id, when its last SMS went out: at most
    /// one an hour. Entries older than an hour are dropped. Absent from records without any.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sms_sent: BTreeMap<String, BTreeMap<String, DateTime<Utc>>>,
}

impl Record {
    pub fn new(at: DateTime<Utc>) -> Self {
        Record {
            format: FORMAT.to_string(),
            at,
            ..Record::default()
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).expect("strings and maps serialise");
        bytes.push(b'\n');
        bytes
    }

    fn parse(bytes: &[u8], origin: &str) -> Result<Record> {
        let record: Record = serde_json::from_slice(bytes)
            .map_err(|e| Error::Usage(format!("{origin} is not a record beacon notify can read: {e}")))?;
        if record.format != FORMAT {
            return Err(Error::Usage(format!(
                "{origin} has format `{}`, this beacon reads `{FORMAT}`",
                record.format
            )));
        }
        Ok(record)
    }
}

/// What the site as last deployed tells: its notify record, else its API (a site deployed
/// before notify was set up), else nothing (never deployed).
pub enum Previous {
    Record(Record),
    Site(SiteState),
    Nothing,
}

/// Reads the site as last deployed: `previous` is a folder or an http(s) URL of the site. An
/// error when it cannot be reached, so that a network fault never passes for "no history".
pub fn load(previous: &str, user_agent: &str) -> Result<Previous> {
    let source = Source::new(previous, user_agent)?;
    if let Some(bytes) = source.get(RECORD)? {
        return Record::parse(&bytes, &source.name(RECORD)).map(Previous::Record);
    }
    let mut documents = Vec::new();
    for path in events::documents() {
        match source.get(path)? {
            Some(bytes) => documents.push((source.name(path), bytes)),
            None => return Ok(Previous::Nothing),
        }
    }
    events::site_from(&documents, Clock::AsBuilt, &[]).map(Previous::Site)
}

/// A deployed site to read files from: a folder, or a URL fetched with a timeout.
enum Source<'a> {
    Folder(&'a Path),
    Url(&'a str, ureq::Agent),
}

impl<'a> Source<'a> {
    fn new(previous: &'a str, user_agent: &str) -> Result<Self> {
        if previous.starts_with("http://") || previous.starts_with("https://") {
            let agent = ureq::Agent::config_builder()
                .timeout_global(Some(FETCH_TIMEOUT))
                .user_agent(user_agent)
                .http_status_as_error(false)
                .build()
                .into();
            return Ok(Source::Url(previous.trim_end_matches('/'), agent));
        }
        let dir = Path::new(previous);
        if !dir.is_dir() {
            return Err(Error::Usage(format!(
                "--previous `{previous}` is neither a folder nor an http(s) URL"
            )));
        }
        Ok(Source::Folder(dir))
    }

    fn name(&self, path: &str) -> String {
        match self {
            Source::Folder(dir) => dir.join(path).display().to_string(),
            Source::Url(base, _) => format!("{base}/{path}"),
        }
    }

    /// The file's bytes; `None` when the site has no such file.
    fn get(&self, path: &str) -> Result<Option<Vec<u8>>> {
        let name = self.name(path);
        match self {
            Source::Folder(dir) => match std::fs::read(dir.join(path)) {
                Ok(bytes) => Ok(Some(bytes)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(Error::io(dir.join(path), e)),
            },
            Source::Url(_, agent) => {
                let mut response = agent
                    .get(&name)
                    .call()
                    .map_err(|e| Error::Usage(format!("cannot fetch {name}: {e}; nothing was sent")))?;
                match response.status().as_u16() {
                    404 | 410 => Ok(None),
                    200 => response
                        .body_mut()
                        .with_config()
                        .limit(MAX_FETCHED)
                        .read_to_vec()
                        .map(Some)
                        .map_err(|e| Error::Usage(format!("cannot read {name}: {e}; nothing was sent"))),
                    status => Err(Error::Usage(format!(
                        "fetching {name} answered HTTP {status}; nothing was sent (retry when the site answers)"
                    ))),
                }
            }
        }
    }
}
