//! The edits `beacon ingest` makes: an incident whose `source` names the event it came from,
//! and updates that each name theirs. The ingest module decides what the incident should say;
//! this writes it, with the same validation, lock and atomic write as `update` and `resolve`.
//!
//! Updates with a `source` are kept in one order whatever order their events arrived in: by
//! time, then by source. Updates without one (posted by a person) stay where they are.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rayon::prelude::*;
use serde::Deserialize;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Value};

use super::edit::{edit_path, set_after};
use super::{Edited, INCIDENTS_DIR};
use crate::config::Config;
use crate::content::emit::{datetime, string_value as front_matter_string, update_table};
use crate::content::front_matter::split_front_matter;
use crate::content::{Severity, UpdateStatus};
use crate::error::{Error, Result};
use crate::time::Bound;

/// What an ingested incident says: the fields ingest may set, and its updates that came from
/// events.
#[derive(Debug, Clone, PartialEq)]
pub struct Sourced {
    pub title: String,
    pub severity: Severity,
    pub components: Vec<String>,
    pub date: DateTime<Utc>,
    pub resolved: Option<DateTime<Utc>>,
    /// Only the updates with a `source`, ordered by time and then source.
    pub updates: Vec<SourcedUpdate>,
}

/// One update that came from an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourcedUpdate {
    pub at: DateTime<Utc>,
    pub status: UpdateStatus,
    pub text: String,
    pub source: String,
}

impl SourcedUpdate {
    /// The order of updates that came from events: time, then source.
    pub fn key(&self) -> (DateTime<Utc>, &str) {
        (self.at, self.source.as_str())
    }
}

/// An incident file and the `source` its front matter names.
#[derive(Debug, Clone)]
pub struct SourcedFile {
    /// Relative to the site root.
    pub path: PathBuf,
    pub source: String,
}

/// Every incident file whose front matter names a `source` (translations left out).
pub fn sourced_files(root: &Path) -> Result<Vec<SourcedFile>> {
    let paths = crate::content::content_files(root, INCIDENTS_DIR)?;
    let mut found: Vec<SourcedFile> = paths
        .into_par_iter()
        .filter(|path| crate::content::translation_name(path).is_none())
        .filter_map(|path| {
            let text = fs::read_to_string(&path).ok()?;
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            let split = split_front_matter(text).ok()?;
            let table: toml::Table = toml::from_str(split.front_matter).ok()?;
            let source = table.get("source")?.as_str()?.to_string();
            let path = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            Some(SourcedFile { path, source })
        })
        .collect();
    found.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(found)
}

/// Held while `beacon ingest` looks for the incident of an event and creates it if there is
/// none: two runs racing for one event find one file, not make two. On Unix the lock is taken
/// on the incidents folder itself, so no lock file is left in the site.
pub struct CreationLock {
    _file: fs::File,
}

pub fn lock_for_creation(root: &Path) -> Result<CreationLock> {
    let dir = root.join(INCIDENTS_DIR);
    let dir = super::confined(root, &dir)?;
    fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    #[cfg(unix)]
    let file = fs::File::open(&dir).map_err(|e| Error::io(&dir, e))?;
    #[cfg(not(unix))]
    let file = {
        let path = dir.join(".beacon-ingest.lock");
        fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?
    };
    file.lock().map_err(|e| Error::io(&dir, e))?;
    Ok(CreationLock { _file: file })
}

/// Reads the ingested incident at `path` (relative to `root`), lets `change` say what it
/// should be, and writes that, under the file's lock. `Ok(None)` when nothing changed (the
/// event was already ingested): the file is not touched.
pub fn edit_sourced(
    root: &Path,
    config: &Config,
    path: &Path,
    change: impl FnOnce(&mut Sourced) -> Result<()>,
) -> Result<Option<Edited>> {
    let tz = config.timezone;
    let mut outcome = Ok(());
    let (edited, changed) = edit_path(
        root,
        config,
        &root.join(path),
        DateTime::<Utc>::UNIX_EPOCH,
        |incident, doc, _, _| {
            let before = Sourced {
                title: incident.title.clone(),
                severity: incident.severity,
                components: incident.components.clone(),
                date: incident.start,
                resolved: incident.end,
                updates: read_updates(doc, tz)?,
            };
            let mut after = before.clone();
            if let Err(e) = change(&mut after) {
                outcome = Err(e);
                return Ok(());
            }
            after.updates.sort_by(|a, b| a.key().cmp(&b.key()));
            after.updates.dedup_by(|a, b| a.source == b.source);
            if after != before {
                write(doc, &before, &after, tz)?;
            }
            Ok(())
        },
    )?;
    outcome?;
    Ok(changed.then_some(edited))
}

/// The ingested incident at `path` (relative to `root`) as it is now.
pub fn read_sourced(root: &Path, config: &Config, path: &Path) -> Result<Sourced> {
    let full = root.join(path);
    let raw = fs::read_to_string(&full).map_err(|e| Error::io(&full, e))?;
    let text = raw.strip_prefix('\u{feff}').unwrap_or(&raw).replace("\r\n", "\n");
    let incident = crate::content::incident::parse_incident(path, &text, config).map_err(Error::Content)?;
    let split =
        split_front_matter(&text).map_err(|e| Error::Usage(format!("{}: {}", path.display(), e.message)))?;
    let doc: DocumentMut = split
        .front_matter
        .parse()
        .map_err(|e| Error::Usage(format!("{}: {e}", path.display())))?;
    Ok(Sourced {
        title: incident.title,
        severity: incident.severity,
        components: incident.components,
        date: incident.start,
        resolved: incident.end,
        updates: read_updates(&doc, config.timezone)?,
    })
}

fn read_updates(doc: &DocumentMut, tz: chrono_tz::Tz) -> Result<Vec<SourcedUpdate>> {
    let mut updates = Vec::new();
    let Some(Item::ArrayOfTables(list)) = doc.get("updates") else {
        return Ok(updates);
    };
    for table in list.iter() {
        let Some(source) = table.get("source").and_then(Item::as_str) else {
            continue;
        };
        let at = update_time(table, tz);
        let status = table
            .get("status")
            .and_then(Item::as_str)
            .and_then(|s| UpdateStatus::deserialize(toml::Value::String(s.into())).ok());
        let text = table.get("text").and_then(Item::as_str);
        match (at, status, text) {
            (Some(at), Some(status), Some(text)) => updates.push(SourcedUpdate {
                at,
                status,
                text: text.to_string(),
                source: source.to_string(),
            }),
            // The file parsed, so this cannot be; refuse rather than drop an update.
            _ => {
                return Err(Error::Usage(format!(
                    "the update with source `{source}` could not be read"
                )))
            }
        }
    }
    updates.sort_by(|a, b| a.key().cmp(&b.key()));
    Ok(updates)
}

/// The `at` of an update table, read as `check` reads it.
fn update_time(table: &toml_edit::Table, tz: chrono_tz::Tz) -> Option<DateTime<Utc>> {
    let value = table.get("at")?.as_value()?;
    let value = match value {
        Value::Datetime(dt) => toml::Value::Datetime(dt.value().to_string().parse().ok()?),
        Value::String(s) => toml::Value::String(s.value().clone()),
        _ => return None,
    };
    crate::content::incident::read_front_matter_time(&value, tz, Bound::Start).ok()
}

fn write(doc: &mut DocumentMut, before: &Sourced, after: &Sourced, tz: chrono_tz::Tz) -> Result<()> {
    let root = doc.as_table_mut();
    if after.title != before.title {
        root.insert("title", Item::Value(front_matter_string(after.title.trim())));
    }
    if after.severity != before.severity {
        root.insert("severity", Item::Value(Value::from(after.severity.as_str())));
    }
    if after.components != before.components {
        let list: toml_edit::Array = after.components.iter().map(String::as_str).collect();
        root.insert("components", Item::Value(Value::Array(list)));
    }
    if after.date != before.date {
        root.insert("date", Item::Value(Value::from(datetime(tz, after.date))));
    }
    if after.resolved != before.resolved {
        match after.resolved {
            Some(t) => set_after(
                root,
                "resolved",
                Item::Value(Value::from(datetime(tz, t))),
                "date",
            ),
            None => {
                root.remove("resolved");
            }
        }
    }
    if after.updates == before.updates {
        return Ok(());
    }
    // Updates a person posted stay in their order; each update from an event goes before the
    // first of them that is later than it.
    let mut kept: Vec<(Option<DateTime<Utc>>, toml_edit::Table)> = Vec::new();
    let mut first_position = None;
    match root.remove("updates") {
        None => {}
        Some(Item::ArrayOfTables(list)) => {
            for table in list.into_iter() {
                first_position = first_position.or(table.position());
                if table.contains_key("source") {
                    continue;
                }
                let at = update_time(&table, tz);
                kept.push((at, table));
            }
        }
        Some(_) => {
            return Err(Error::Usage(
                "`beacon ingest` adds to `[[updates]]` tables; this file keeps its updates in a list".into(),
            ))
        }
    }
    let mut list = ArrayOfTables::new();
    let mut people = kept.into_iter().peekable();
    for update in &after.updates {
        while let Some((_, table)) = people.next_if(|(at, _)| at.is_none_or(|at| at <= update.at)) {
            list.push(table);
        }
        let mut table = update_table(datetime(tz, update.at), update.status, &update.text);
        table.insert("source", Item::Value(Value::from(update.source.as_str())));
        list.push(table);
    }
    for (_, table) in people {
        list.push(table);
    }
    if let Some(first) = first_position {
        for (i, table) in list.iter_mut().enumerate() {
            table.set_position(first + i as isize);
        }
    }
    root.insert("updates", Item::ArrayOfTables(list));
    Ok(())
}
