//! `probes.json`, the memory of `beacon probe`: kept in the output folder (registered under
//! the `probe` writer of the output's ownership record, so `build` keeps it), deployed with
//! the site, and read back on the next run from `--previous`, a folder or the site's URL.
//! It holds results, counts and response times; never a header value or other secret.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::check::{ProbeResult, State};
use crate::deployed::Deployed;
use crate::error::{Error, Result};
use crate::status::latency::{ComponentLatency, DayLatency, History};

/// Where the record lives in the output folder, and so on the deployed site.
pub const RECORD: &str = "probes.json";
/// The `format` this version writes and reads.
const FORMAT: &str = "beacon-probes/1";
/// The writer name under which the record is registered in the output's manifest.
pub const WRITER: &str = "probe";
/// Runs kept per component, newest last, for the evidence.
pub const RECENT_RUNS: usize = 10;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub format: String,
    /// The `now` of the run that wrote it.
    pub at: DateTime<Utc>,
    pub components: BTreeMap<String, ComponentRecord>,
}

/// What the record knows of one probed component.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComponentRecord {
    /// The state of the last run.
    pub state: State,
    /// Consecutive runs that were not `up`, up to the last one.
    pub failures: u32,
    /// Consecutive runs that were `up`, up to the last one.
    pub successes: u32,
    pub last_check: DateTime<Utc>,
    /// The first run of the current streak of failed runs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failing_since: Option<DateTime<Utc>>,
    /// The incident this probe opened and still owns.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub incident: Option<OwnIncident>,
    /// The last runs, newest last.
    pub recent: Vec<Run>,
    /// Answered checks of the days not yet summed up (today, in the site's time zone).
    pub samples: Vec<Sample>,
    /// One summary per earlier day with answered checks, oldest first.
    pub days: Vec<DayLatency>,
}

/// An incident `beacon probe` wrote, as it last wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnIncident {
    pub slug: String,
    /// Relative to the site folder, `/`-separated.
    pub path: String,
    /// SHA-256 of the file's bytes as `beacon probe` last wrote them: any other bytes mean a
    /// person edited it, and it is theirs from then on.
    pub sha256: String,
}

/// One run of a component's probes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    pub at: DateTime<Utc>,
    pub state: State,
    pub probes: Vec<ProbeResult>,
}

/// One answered check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sample {
    pub at: DateTime<Utc>,
    pub ms: u32,
}

impl Record {
    pub fn new(at: DateTime<Utc>) -> Self {
        Record {
            format: FORMAT.to_string(),
            at,
            components: BTreeMap::new(),
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).expect("strings, numbers and maps serialise");
        bytes.push(b'\n');
        bytes
    }

    pub fn parse(bytes: &[u8], origin: &str) -> Result<Record> {
        let record: Record = serde_json::from_slice(bytes)
            .map_err(|e| Error::Usage(format!("{origin} is not a record beacon probe can read: {e}")))?;
        if record.format != FORMAT {
            return Err(Error::Usage(format!(
                "{origin} has format `{}`, this beacon reads `{FORMAT}`",
                record.format
            )));
        }
        Ok(record)
    }

    /// The response times the pages show, with today's samples summed up as of `today`.
    pub fn history(&self, day_of: impl Fn(DateTime<Utc>) -> NaiveDate) -> History {
        let components = self
            .components
            .iter()
            .map(|(id, c)| {
                let mut days = c.days.clone();
                let mut open: BTreeMap<NaiveDate, Vec<u32>> = BTreeMap::new();
                for sample in &c.samples {
                    open.entry(day_of(sample.at)).or_default().push(sample.ms);
                }
                for (date, samples) in open {
                    days.retain(|d| d.date != date);
                    days.extend(DayLatency::of(date, &samples));
                }
                days.sort_by_key(|d| d.date);
                (
                    id.clone(),
                    ComponentLatency {
                        last_check: Some(c.last_check),
                        last_state: c.state.as_str().to_string(),
                        days,
                    },
                )
            })
            .collect();
        History { components }
    }
}

/// The record in the output folder `dir`, if there is one.
pub fn read_output(dir: &Path) -> Result<Option<Record>> {
    let path = dir.join(RECORD);
    match std::fs::read(&path) {
        Ok(bytes) => Record::parse(&bytes, &path.display().to_string()).map(Some),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(&path, e)),
    }
}

/// The record of the site as last deployed: `previous` is a folder or an http(s) URL of the
/// site. `None` when the site has no record (never probed, or never deployed); an error when
/// it cannot be reached, so that a network fault never passes for "no history".
pub fn load(previous: &str, user_agent: &str) -> Result<Option<Record>> {
    let site = Deployed::new(previous, user_agent)?;
    match site.get(RECORD, "nothing was written")? {
        Some(bytes) => Record::parse(&bytes, &site.name(RECORD)).map(Some),
        None => Ok(None),
    }
}
