//! What there is to tell, worked out from the fresh output's JSON API (`api/v2/`), the one
//! place that already states every incident, window and component as the site shows it.
//! Each piece of news has a stable key, so the record can say which were told.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use serde::Deserialize;

use crate::config::channels::EventKind;
use crate::error::{Error, Result};

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    IncidentNew,
    IncidentUpdate,
    IncidentResolved,
    MaintenanceAnnounced,
    MaintenanceStarted,
    MaintenanceCompleted,
    ComponentStatus,
}

impl Change {
    /// The name used in the webhook payload.
    pub fn as_str(self) -> &'static str {
        match self {
            Change::IncidentNew => "incident_new",
            Change::IncidentUpdate => "incident_update",
            Change::IncidentResolved => "incident_resolved",
            Change::MaintenanceAnnounced => "maintenance_announced",
            Change::MaintenanceStarted => "maintenance_started",
            Change::MaintenanceCompleted => "maintenance_completed",
            Change::ComponentStatus => "component_status",
        }
    }

    pub fn kind(self) -> EventKind {
        match self {
            Change::IncidentNew | Change::IncidentUpdate | Change::IncidentResolved => EventKind::Incident,
            Change::MaintenanceAnnounced | Change::MaintenanceStarted | Change::MaintenanceCompleted => {
                EventKind::Maintenance
            }
            Change::ComponentStatus => EventKind::Component,
        }
    }
}

/// One piece of news, with everything a message needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Stable and unique: `incident/<id>/new`, `incident/<id>/update/<update id>`,
    /// `incident/<id>/resolved`, `maintenance/<id>/{announced,started,completed}`,
    /// `component/<id>/<status>`.
    pub key: String,
    pub change: Change,
    /// The incident, window or component id.
    pub subject: String,
    /// When it happened (for a component change: the run's `now`).
    pub at: DateTime<Utc>,
    /// The incident or window title, or the component name.
    pub title: String,
    /// Statuspage impact (`none`, `minor`, `major`, `critical`) or component status.
    pub severity: String,
    /// Affected components as (id, name).
    pub components: Vec<(String, String)>,
    /// The latest update's text at the time of the event (empty if none).
    pub text: String,
    pub url: String,
    /// A maintenance window's scheduled start and end.
    pub window: Option<(DateTime<Utc>, Option<DateTime<Utc>>)>,
}

/// The state of the site as its API shows it.
#[derive(Debug, Clone)]
pub struct SiteState {
    pub title: String,
    pub url: String,
    /// The site's time zone, for the times a message states.
    pub time_zone: chrono_tz::Tz,
    /// Every incident and window event that has happened by `now`, oldest first.
    pub events: Vec<Event>,
    /// Each component's status, by id.
    pub components: BTreeMap<String, (String, String)>,
}

#[derive(Deserialize)]
struct Document {
    page: PageJson,
    #[serde(default)]
    incidents: Vec<IncidentJson>,
    #[serde(default)]
    scheduled_maintenances: Vec<IncidentJson>,
    #[serde(default)]
    components: Vec<ComponentJson>,
}

#[derive(Deserialize)]
struct PageJson {
    name: String,
    url: String,
    time_zone: String,
}

#[derive(Deserialize)]
struct IncidentJson {
    id: String,
    name: String,
    created_at: DateTime<Utc>,
    resolved_at: Option<DateTime<Utc>>,
    impact: String,
    shortlink: String,
    /// Newest first, as Statuspage lists them.
    incident_updates: Vec<UpdateJson>,
    components: Vec<ComponentJson>,
    scheduled_for: Option<DateTime<Utc>>,
    scheduled_until: Option<DateTime<Utc>>,
    /// For a window: `scheduled`, `in_progress` or `completed` as of the build.
    status: String,
}

#[derive(Deserialize)]
struct UpdateJson {
    id: String,
    status: String,
    body: String,
    display_at: DateTime<Utc>,
}

#[derive(Deserialize)]
struct ComponentJson {
    id: String,
    name: String,
    status: String,
    #[serde(default)]
    group: bool,
}

/// The API files an event list is made from.
const DOCUMENTS: [&str; 3] = [
    "api/v2/incidents.json",
    "api/v2/scheduled-maintenances.json",
    "api/v2/components.json",
];

/// How a window's start and completion are judged.
#[derive(Debug, Clone, Copy)]
pub enum Clock {
    /// By this instant against the scheduled times: a scheduled run tells a start without
    /// any edit or rebuild.
    At(DateTime<Utc>),
    /// By the status the build wrote (for a previously deployed site, whose `now` is unknown).
    AsBuilt,
}

/// Reads the API of the freshly built site in `output`.
pub fn read_site(output: &Path, now: DateTime<Utc>) -> Result<SiteState> {
    let mut documents = Vec::new();
    for path in DOCUMENTS {
        let file = output.join(path);
        let bytes = std::fs::read(&file).map_err(|e| {
            Error::Usage(format!(
                "cannot read {} ({e}); run `beacon build` into {} first",
                file.display(),
                output.display()
            ))
        })?;
        documents.push((file.display().to_string(), bytes));
    }
    site_from(&documents, Clock::At(now))
}

/// The site state from the three API documents, each given as (where from, bytes).
pub fn site_from(documents: &[(String, Vec<u8>)], clock: Clock) -> Result<SiteState> {
    let parse = |n: usize| -> Result<Document> {
        let (origin, bytes) = &documents[n];
        serde_json::from_slice(bytes)
            .map_err(|e| Error::Usage(format!("{origin} is not beacon's API JSON: {e}")))
    };
    let (incidents, windows, components) = (parse(0)?, parse(1)?, parse(2)?);
    let mut events = Vec::new();
    for incident in &incidents.incidents {
        incident_events(incident, &mut events);
    }
    for window in &windows.scheduled_maintenances {
        window_events(window, clock, &mut events);
    }
    if let Clock::At(now) = clock {
        events.retain(|e| e.at <= now);
    }
    events.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.key.cmp(&b.key)));
    Ok(SiteState {
        title: incidents.page.name,
        url: incidents.page.url,
        time_zone: incidents.page.time_zone.parse().unwrap_or(chrono_tz::Tz::UTC),
        events,
        components: components
            .components
            .into_iter()
            .filter(|c| !c.group)
            .map(|c| (c.id, (c.name, c.status)))
            .collect(),
    })
}

/// The paths of the API documents [`site_from`] reads, relative to the site.
pub fn documents() -> [&'static str; 3] {
    DOCUMENTS
}

fn base_event(i: &IncidentJson, key: String, change: Change, at: DateTime<Utc>, text: &str) -> Event {
    Event {
        key,
        change,
        subject: i.id.clone(),
        at,
        title: i.name.clone(),
        severity: i.impact.clone(),
        components: i
            .components
            .iter()
            .map(|c| (c.id.clone(), c.name.clone()))
            .collect(),
        text: text.to_string(),
        url: i.shortlink.clone(),
        window: i.scheduled_for.map(|start| (start, i.scheduled_until)),
    }
}

fn incident_events(i: &IncidentJson, events: &mut Vec<Event>) {
    let oldest_first: Vec<&UpdateJson> = i.incident_updates.iter().rev().collect();
    let first_text = oldest_first.first().map_or("", |u| u.body.as_str());
    events.push(base_event(
        i,
        format!("incident/{}/new", i.id),
        Change::IncidentNew,
        i.created_at,
        first_text,
    ));
    for update in oldest_first.iter().skip(1) {
        if matches!(update.status.as_str(), "resolved" | "postmortem") {
            continue;
        }
        events.push(base_event(
            i,
            format!("incident/{}/update/{}", i.id, update.id),
            Change::IncidentUpdate,
            update.display_at,
            &update.body,
        ));
    }
    if let Some(resolved) = i.resolved_at {
        let text = oldest_first.last().map_or("", |u| u.body.as_str());
        events.push(base_event(
            i,
            format!("incident/{}/resolved", i.id),
            Change::IncidentResolved,
            resolved,
            text,
        ));
    }
}

/// A window is announced when it first appears; it starts and completes by `clock`.
fn window_events(w: &IncidentJson, clock: Clock, events: &mut Vec<Event>) {
    let now = match clock {
        Clock::At(now) => now,
        Clock::AsBuilt => DateTime::<Utc>::MAX_UTC,
    };
    let (started, completed) = match clock {
        Clock::At(_) => (true, true),
        Clock::AsBuilt => (
            matches!(w.status.as_str(), "in_progress" | "completed"),
            w.status == "completed",
        ),
    };
    let latest = |at: DateTime<Utc>| {
        w.incident_updates
            .iter()
            .find(|u| u.display_at <= at)
            .map_or("", |u| u.body.as_str())
    };
    events.push(base_event(
        w,
        format!("maintenance/{}/announced", w.id),
        Change::MaintenanceAnnounced,
        w.created_at,
        latest(now),
    ));
    if let Some(start) = w.scheduled_for.filter(|_| started) {
        events.push(base_event(
            w,
            format!("maintenance/{}/started", w.id),
            Change::MaintenanceStarted,
            start,
            latest(now),
        ));
    }
    if let Some(end) = w.scheduled_until.or(w.resolved_at).filter(|_| completed) {
        events.push(base_event(
            w,
            format!("maintenance/{}/completed", w.id),
            Change::MaintenanceCompleted,
            end,
            latest(now),
        ));
    }
}

/// The event for a component whose status is now `status`.
pub fn component_event(site: &SiteState, id: &str, now: DateTime<Utc>) -> Option<Event> {
    let (name, status) = site.components.get(id)?;
    Some(Event {
        key: format!("component/{id}/{status}"),
        change: Change::ComponentStatus,
        subject: id.to_string(),
        at: now,
        title: name.clone(),
        severity: status.clone(),
        components: vec![(id.to_string(), name.clone())],
        text: String::new(),
        url: site.url.clone(),
        window: None,
    })
}
