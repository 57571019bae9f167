//! What there is to tell, worked out from the fresh output's JSON API (`api/v2/`), the one
//! place that already states every incident, window and component as the site shows it.
//! Each piece of news has a stable key, so the record can say which were told.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;

use crate::config::channels::EventKind;
use crate::error::{Error, Result};

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    IncidentNew,
    IncidentUpdate,
    IncidentResolved,
    /// A post-incident review, published after the resolution: told on its own.
    IncidentPostmortem,
    MaintenanceAnnounced,
    /// "Starts in …": `remind_before` ahead of a window's scheduled start.
    MaintenanceReminder,
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
            Change::IncidentPostmortem => "incident_postmortem",
            Change::MaintenanceAnnounced => "maintenance_announced",
            Change::MaintenanceReminder => "maintenance_reminder",
            Change::MaintenanceStarted => "maintenance_started",
            Change::MaintenanceCompleted => "maintenance_completed",
            Change::ComponentStatus => "component_status",
        }
    }

    pub fn kind(self) -> EventKind {
        match self {
            Change::IncidentNew
            | Change::IncidentUpdate
            | Change::IncidentResolved
            | Change::IncidentPostmortem => EventKind::Incident,
            Change::MaintenanceAnnounced
            | Change::MaintenanceReminder
            | Change::MaintenanceStarted
            | Change::MaintenanceCompleted => EventKind::Maintenance,
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
    /// The severity the page shows: `notice`, `degraded`, `partial`, `major` for an incident,
    /// `maintenance` for a window, the status (`partial_outage`, ...) for a component.
    pub severity: String,
    /// Statuspage's `impact` (`none`, `minor`, `major`, `critical`); empty for a component.
    pub impact: String,
    /// Affected components as (id, name).
    pub components: Vec<(String, String)>,
    /// The latest update's text at the time of the event (empty if none).
    pub text: String,
    pub url: String,
    /// A maintenance window's scheduled start and end.
    pub window: Option<(DateTime<Utc>, Option<DateTime<Utc>>)>,
    /// For a reminder: how long before the start it is due.
    pub lead: Option<Duration>,
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
pub fn read_site(output: &Path, now: DateTime<Utc>, reminders: &[Duration]) -> Result<SiteState> {
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
    site_from(&documents, Clock::At(now), reminders)
}

/// The site state from the three API documents, each given as (where from, bytes), with a
/// reminder event `lead` before each upcoming window's start for each of `reminders`.
pub fn site_from(documents: &[(String, Vec<u8>)], clock: Clock, reminders: &[Duration]) -> Result<SiteState> {
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
        window_events(window, clock, reminders, &mut events);
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
        severity: page_severity(i).to_string(),
        impact: i.impact.clone(),
        components: i
            .components
            .iter()
            .map(|c| (c.id.clone(), c.name.clone()))
            .collect(),
        text: text.to_string(),
        url: i.shortlink.clone(),
        window: i.scheduled_for.map(|start| (start, i.scheduled_until)),
        lead: None,
    }
}

/// The severity the page shows for an incident, from the Statuspage impact the API states
/// (the inverse of the API's mapping, see docs/subscribing.md), or `maintenance`.
fn page_severity(i: &IncidentJson) -> &'static str {
    if i.scheduled_for.is_some() {
        return "maintenance";
    }
    match i.impact.as_str() {
        "critical" => "major",
        "major" => "partial",
        "minor" => "degraded",
        _ => "notice",
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
        let (key, change) = match update.status.as_str() {
            "resolved" => continue,
            "postmortem" => (
                format!("incident/{}/postmortem/{}", i.id, update.id),
                Change::IncidentPostmortem,
            ),
            _ => (
                format!("incident/{}/update/{}", i.id, update.id),
                Change::IncidentUpdate,
            ),
        };
        events.push(base_event(i, key, change, update.display_at, &update.body));
    }
    if let Some(resolved) = i.resolved_at {
        // The resolving update's text: the newest `resolved` update, else the newest one that
        // is not a postmortem (a postmortem is told on its own, after).
        let resolving = oldest_first
            .iter()
            .rev()
            .find(|u| u.status == "resolved")
            .or_else(|| oldest_first.iter().rev().find(|u| u.status != "postmortem"));
        let text = resolving.map_or("", |u| u.body.as_str());
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
fn window_events(w: &IncidentJson, clock: Clock, reminders: &[Duration], events: &mut Vec<Event>) {
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
    // Reminders are judged by the clock only (a previous site's own clock is unknown), and
    // only before the start: once it started, "started" says more. The key names the start,
    // so a window moved to another time is reminded of again.
    if let (Clock::At(now), Some(start)) = (clock, w.scheduled_for) {
        for &lead in reminders {
            if now < start {
                let mut event = base_event(
                    w,
                    format!(
                        "maintenance/{}/reminder/{}/{}",
                        w.id,
                        lead_label(lead),
                        start.format("%Y%m%dT%H%M%SZ")
                    ),
                    Change::MaintenanceReminder,
                    start - lead,
                    latest(now),
                );
                event.lead = Some(lead);
                events.push(event);
            }
        }
    }
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
        impact: String::new(),
        components: vec![(id.to_string(), name.clone())],
        text: String::new(),
        url: site.url.clone(),
        window: None,
        lead: None,
    })
}

/// A reminder's lead as written in keys and config: `24h`, `90m`, `2d`.
pub fn lead_label(lead: Duration) -> String {
    let minutes = lead.num_minutes();
    if minutes % (24 * 60) == 0 && minutes >= 48 * 60 {
        format!("{}d", minutes / (24 * 60))
    } else if minutes % 60 == 0 {
        format!("{}h", minutes / 60)
    } else {
        format!("{minutes}m")
    }
}
