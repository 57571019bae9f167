//! The record of what `beacon notify` told: kept in the output as [`RECORD`] (registered
//! under the `notify` writer of the output's ownership record), deployed with the site, and
//! read back on the next run from `--previous`, a folder or the deployed site's URL. CI jobs
//! keep no state; the deployed site is the memory.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::events::{self, Clock, SiteState};
use crate::deployed::Deployed;
use crate::error::{Error, Result};

/// Where the record lives in the output folder, and so on the deployed site.
pub const RECORD: &str = "notify.json";
/// The `format` this version writes and reads.
const FORMAT: &str = "beacon-notify/1";
/// The writer name under which the record is registered in the output's `.beacon-manifest.json`.
pub const WRITER: &str = "notify";

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
    const UNCHANGED: &str = "nothing was sent";
    let source = Deployed::new(previous, user_agent)?;
    if let Some(bytes) = source.get(RECORD, UNCHANGED)? {
        return Record::parse(&bytes, &source.name(RECORD)).map(Previous::Record);
    }
    let mut documents = Vec::new();
    for path in events::documents() {
        match source.get(path, UNCHANGED)? {
            Some(bytes) => documents.push((source.name(path), bytes)),
            None => return Ok(Previous::Nothing),
        }
    }
    events::site_from(&documents, Clock::AsBuilt, &[]).map(Previous::Site)
}
