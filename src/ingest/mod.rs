//! `beacon ingest github|alertmanager PAYLOAD`: turns a forge event or an alert notification
//! into the same Markdown edits as `beacon new`, `update` and `resolve`, written by
//! [`crate::authoring`]. Every change names the event it came from (`source` in the front
//! matter), so a replayed event changes nothing, and what an incident says depends on the set
//! of events ingested, not on the order they arrived in. See `docs/ingest.md`.

pub mod alertmanager;
pub mod github;
mod payload;
mod rules;

use std::path::{Path, PathBuf};

pub use rules::{rules, AlertRule, DEFAULT_SEVERITY};

use crate::authoring::{
    edit_sourced, lock_for_creation, new_sourced_incident, read_sourced, shown_path, sourced_files,
    NewIncident, Sourced, SourcedUpdate,
};
use crate::config::Config;
use crate::content::UpdateStatus;
use crate::error::Result;

/// What an ingest did, as lines to print.
#[derive(Debug, Default)]
pub struct Report {
    pub lines: Vec<String>,
    /// Incident files written or edited, relative to the site folder.
    pub changed: Vec<PathBuf>,
}

impl Report {
    fn line(line: impl Into<String>) -> Self {
        Report {
            lines: vec![line.into()],
            changed: Vec::new(),
        }
    }
}

/// The incident a new event belongs to when there is none yet.
struct Creation {
    new: NewIncident,
    /// The `source` of its first update.
    first_source: String,
    /// The file name's words (after the date).
    name: String,
}

/// What one event asks of its incident.
struct Target<'a> {
    /// The incident's `source`.
    source: String,
    /// Which of the incidents with that source the event belongs to (`None`: a new one).
    pick: &'a dyn Fn(&[Sourced]) -> Option<usize>,
    create: Creation,
    /// The event applied to what the incident says; must give the same result applied twice.
    change: &'a dyn Fn(&mut Sourced) -> Result<()>,
    /// Names the event when it changes nothing.
    event: String,
}

/// Finds (or creates) the event's incident and applies the event, under the site's creation
/// lock, so that two runs racing for one event make one file.
fn apply(root: &Path, config: &Config, target: Target) -> Result<Report> {
    let _lock = lock_for_creation(root)?;
    let files: Vec<PathBuf> = sourced_files(root)?
        .into_iter()
        .filter(|f| f.source == target.source)
        .map(|f| f.path)
        .collect();
    let states = files
        .iter()
        .map(|path| read_sourced(root, config, path))
        .collect::<Result<Vec<_>>>()?;
    let (path, created) = match (target.pick)(&states) {
        Some(i) => (files[i].clone(), false),
        None => {
            let c = &target.create;
            let created =
                new_sourced_incident(root, config, &c.new, &target.source, &c.first_source, &c.name)?;
            (created.path, true)
        }
    };
    let edited = edit_sourced(root, config, &path, |s| (target.change)(s))?;
    let shown = shown_path(root, &path);
    let shown = shown.display();
    let mut report = if created {
        Report::line(format!("created {shown}"))
    } else if edited.is_some() {
        Report::line(format!("updated {shown}"))
    } else {
        return Ok(Report::line(format!(
            "nothing to do: already ingested ({}, in {shown})",
            target.event
        )));
    };
    report.changed.push(path);
    Ok(report)
}

/// Adds `update` unless an update with its source is there already.
fn add_once(state: &mut Sourced, update: SourcedUpdate) {
    if !state.updates.iter().any(|u| u.source == update.source) {
        state.updates.push(update);
        state.updates.sort_by(|a, b| a.key().cmp(&b.key()));
    }
}

/// The resolves of a forge's incident settled as a function of the set of events, not of
/// their order: every strong resolve stays; a weak one (closing the issue) stays only when no
/// resolve came before it (so closing after `/resolve` adds nothing); `resolved` is the time
/// of the first.
fn settle_resolves(state: &mut Sourced, weak: impl Fn(&str) -> bool) {
    let first = state
        .updates
        .iter()
        .filter(|u| u.status == UpdateStatus::Resolved)
        .map(|u| (u.at, u.source.clone()))
        .min();
    let Some((first_at, first_source)) = first else {
        return;
    };
    state.updates.retain(|u| {
        u.status != UpdateStatus::Resolved
            || !weak(&u.source)
            || (u.at, u.source.as_str()) <= (first_at, first_source.as_str())
    });
    state.resolved = Some(first_at);
}

/// A time as sources write it: RFC 3339 in UTC, whole seconds unless the event has less.
fn stamp(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
}

/// `t` in whole seconds, as front matter keeps times: an event's time compared with one read
/// back from the file must be equal when they are the same time.
fn whole(t: chrono::DateTime<chrono::Utc>) -> chrono::DateTime<chrono::Utc> {
    use chrono::SubsecRound;
    t.trunc_subsecs(0)
}
