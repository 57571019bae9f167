//! The data templates receive: plain structs built once per build from the model and the status
//! report, borrowing from them, every figure already formatted. URLs in views are relative to
//! the site root (`incidents/<slug>/`); templates put `{{ page.root }}` in front.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rayon::prelude::*;
use serde::Serialize;

use super::format::{date_text, duration_seconds_text, duration_text, percent_text, time_view, TimeView};
use crate::config::Component;
use crate::content::{Incident, Kind, Phase, Severity, Update, UpdateStatus};
use crate::context::BuildContext;
use crate::markdown::render_markdown;
use crate::status::{ComponentReport, ComponentStatus, DayBar, UPTIME_WINDOWS};

/// A status as shown: the machine key (CSS class, icon choice) and the words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StatusView {
    /// `operational`, `under_maintenance`, `degraded_performance`, `partial_outage`,
    /// `major_outage`, `notice` or `no_data`.
    pub key: &'static str,
    pub label: &'static str,
}

impl StatusView {
    pub fn of(status: ComponentStatus) -> Self {
        StatusView {
            key: status.as_str(),
            label: status.label(),
        }
    }

    /// What an incident of `severity` looks like (a notice has its own look).
    pub fn of_severity(severity: Severity) -> Self {
        match ComponentStatus::from_severity(severity) {
            Some(status) => StatusView::of(status),
            None => StatusView {
                key: "notice",
                label: "Notice",
            },
        }
    }

    pub const MAINTENANCE: StatusView = StatusView {
        key: "under_maintenance",
        label: "Maintenance",
    };
    pub const NO_DATA: StatusView = StatusView {
        key: "no_data",
        label: "No data",
    };
}

/// A key and its words, for phases and update statuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Label {
    pub key: &'static str,
    pub label: &'static str,
}

fn phase_label(phase: Phase) -> Label {
    let label = match phase {
        Phase::Ongoing => "Ongoing",
        Phase::Resolved => "Resolved",
        Phase::Upcoming => "Upcoming",
        Phase::InProgress => "In progress",
        Phase::Completed => "Completed",
    };
    Label {
        key: phase.as_str(),
        label,
    }
}

fn update_label(status: UpdateStatus) -> Label {
    let label = status.label();
    Label {
        key: status.as_str(),
        label,
    }
}

/// One entry of a timeline.
#[derive(Debug, Clone, Serialize)]
pub struct UpdateView<'a> {
    pub status: Label,
    pub at: TimeView,
    /// Plain text; the template escapes it.
    pub text: &'a str,
}

/// A component named by an incident, with what the incident does to it.
#[derive(Debug, Clone, Serialize)]
pub struct ComponentRef<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub url: String,
    pub status: StatusView,
}

/// An incident or maintenance window as listed (front page, history, component pages).
#[derive(Debug, Clone, Serialize)]
pub struct IncidentSummary<'a> {
    pub slug: &'a str,
    pub url: String,
    pub title: &'a str,
    /// `incident` or `maintenance`.
    pub kind: &'static str,
    pub is_maintenance: bool,
    pub pinned: bool,
    pub phase: Label,
    /// The severity (or maintenance) as a status.
    pub status: StatusView,
    pub start: TimeView,
    /// Resolved (incident) or scheduled end (maintenance); absent while an incident is ongoing.
    pub end: Option<TimeView>,
    /// Start to end; for an ongoing incident, start to `now`.
    pub duration: String,
    pub components: Vec<ComponentRef<'a>>,
    /// The newest published update.
    pub latest_update: Option<UpdateView<'a>>,
}

/// An incident's own page: the summary, the whole timeline newest first, and the body.
#[derive(Debug, Clone, Serialize)]
pub struct IncidentDetail<'a> {
    #[serde(flatten)]
    pub summary: &'a IncidentSummary<'a>,
    pub timeline: Vec<UpdateView<'a>>,
    /// Rendered Markdown, sanitised unless the site allows raw HTML.
    pub body_html: String,
    /// Where the incident file lives, relative to the site root.
    pub source: String,
}

/// One day of a component's bars.
#[derive(Debug, Clone, Serialize)]
pub struct BarView {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The status key (`no_data` for a day that does not count).
    pub status: &'static str,
    /// The accessible text: `27 Jan 2022: Major outage, 7 h 30 min down, 1 incident`.
    pub label: String,
}

/// Uptime over one window.
#[derive(Debug, Clone, Serialize)]
pub struct UptimeView {
    pub days: u32,
    /// `99.95%` or `no data`.
    pub text: String,
    pub has_data: bool,
}

/// A component with its status, uptime and bars.
#[derive(Debug, Clone, Serialize)]
pub struct ComponentView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub description: &'a str,
    pub group: Option<&'a str>,
    pub url: String,
    pub status: StatusView,
    /// The headline figure over the configured bar window.
    pub uptime: UptimeView,
    /// The figure over the last [`NARROW_BAR_DAYS`], which is all the bars a narrow screen
    /// shows; present when the bar window is longer, so each layout can pair the bars it shows
    /// with the figure for the same days.
    pub uptime_narrow: Option<UptimeView>,
    /// 30, 90 and 365 days (and the bar window if it is another length).
    pub windows: Vec<UptimeView>,
    /// Oldest day first; empty when no bars are computed.
    pub bars: Vec<BarView>,
}

/// A group of components; ungrouped components are groups of one without a name.
#[derive(Debug, Clone, Serialize)]
pub struct GroupView<'a> {
    pub name: Option<&'a str>,
    pub status: StatusView,
    pub components: Vec<&'a ComponentView<'a>>,
}

/// Everything built once per build and shared by all pages.
pub struct Views<'a> {
    /// Same order as `site.incidents` (by start, then slug).
    pub incidents: Vec<IncidentSummary<'a>>,
    /// Indices into `incidents`, per component id, in start order: built once so no page
    /// rescans every incident.
    pub by_component: BTreeMap<&'a str, Vec<usize>>,
    /// In config order.
    pub components: Vec<ComponentView<'a>>,
}

impl<'a> Views<'a> {
    pub fn new(ctx: &'a BuildContext<'a>) -> Self {
        let config = &ctx.site.config;
        let now = ctx.now();
        let names: BTreeMap<&str, &Component> =
            config.components.iter().map(|c| (c.id.as_str(), c)).collect();
        let incidents: Vec<IncidentSummary> = ctx
            .site
            .incidents
            .par_iter()
            .map(|i| summarise(i, &names, config.timezone, now))
            .collect();
        let mut by_component: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (index, incident) in ctx.site.incidents.iter().enumerate() {
            for id in &incident.components {
                by_component.entry(id.as_str()).or_default().push(index);
            }
        }
        let reports: BTreeMap<&str, &ComponentReport> =
            ctx.report.components.iter().map(|r| (r.id.as_str(), r)).collect();
        let components = config
            .components
            .iter()
            .map(|c| component_view(c, reports.get(c.id.as_str()).copied(), config.uptime.days))
            .collect();
        Views {
            incidents,
            by_component,
            components,
        }
    }

    pub fn component(&self, id: &str) -> Option<&ComponentView<'a>> {
        self.components.iter().find(|c| c.id == id)
    }
}

/// The full view of one incident's page (body rendered here, so only once).
pub fn incident_detail<'a>(
    incident: &'a Incident,
    summary: &'a IncidentSummary<'a>,
    tz: Tz,
    unsafe_html: bool,
) -> IncidentDetail<'a> {
    IncidentDetail {
        summary,
        timeline: incident
            .updates
            .iter()
            .rev()
            .map(|u| update_view(u, tz))
            .collect(),
        body_html: render_markdown(&incident.body, unsafe_html),
        source: incident.source.display().to_string().replace('\\', "/"),
    }
}

fn update_view(update: &Update, tz: Tz) -> UpdateView<'_> {
    UpdateView {
        status: update_label(update.status),
        at: time_view(tz, update.at),
        text: &update.text,
    }
}

fn summarise<'a>(
    incident: &'a Incident,
    names: &BTreeMap<&str, &'a Component>,
    tz: Tz,
    now: DateTime<Utc>,
) -> IncidentSummary<'a> {
    let is_maintenance = incident.kind == Kind::Maintenance;
    let status = if is_maintenance {
        StatusView::MAINTENANCE
    } else {
        StatusView::of_severity(incident.headline_severity())
    };
    let components = incident
        .components
        .iter()
        .map(|id| ComponentRef {
            id,
            name: names.get(id.as_str()).map_or(id.as_str(), |c| c.name.as_str()),
            url: format!("components/{id}/"),
            status: if is_maintenance {
                StatusView::MAINTENANCE
            } else {
                StatusView::of_severity(incident.severity_for(id))
            },
        })
        .collect();
    let until = incident.end.unwrap_or(now);
    IncidentSummary {
        slug: &incident.slug,
        url: format!("incidents/{}/", incident.slug),
        title: &incident.title,
        kind: if is_maintenance { "maintenance" } else { "incident" },
        is_maintenance,
        pinned: incident.pinned,
        phase: phase_label(incident.phase(now)),
        status,
        start: time_view(tz, incident.start),
        end: incident.end.map(|end| time_view(tz, end)),
        duration: duration_text(until - incident.start),
        components,
        latest_update: incident.updates.last().map(|u| update_view(u, tz)),
    }
}

/// How many of the newest bars a narrow screen shows (`.bar:nth-last-child(n+31)` in the default
/// theme's CSS hides the rest). 30 is always among [`UPTIME_WINDOWS`], so its figure exists.
pub const NARROW_BAR_DAYS: u32 = 30;

fn component_view<'a>(
    component: &'a Component,
    report: Option<&ComponentReport>,
    bar_days: u32,
) -> ComponentView<'a> {
    let not_started = report.is_some_and(|r| r.status == ComponentStatus::NoData);
    let figure = |days: u32| {
        let fraction = report.and_then(|r| r.uptime.get(&days).copied().flatten());
        UptimeView {
            days,
            text: match fraction {
                None if not_started => "no data yet".to_string(),
                _ => percent_text(fraction),
            },
            has_data: fraction.is_some(),
        }
    };
    let mut window_days: Vec<u32> = UPTIME_WINDOWS.to_vec();
    if !window_days.contains(&bar_days) {
        window_days.push(bar_days);
        window_days.sort_unstable();
    }
    ComponentView {
        id: &component.id,
        name: &component.name,
        description: &component.description,
        group: component.group.as_deref(),
        url: format!("components/{}/", component.id),
        status: StatusView::of(report.map_or(ComponentStatus::Operational, |r| r.status)),
        uptime: figure(bar_days),
        uptime_narrow: (bar_days > NARROW_BAR_DAYS).then(|| figure(NARROW_BAR_DAYS)),
        windows: window_days.into_iter().map(figure).collect(),
        bars: report.map_or_else(Vec::new, |r| r.days.iter().map(bar_view).collect()),
    }
}

/// A day's bar and its accessible text: date, status, downtime, and how many incidents.
pub fn bar_view(day: &DayBar) -> BarView {
    let status = day.status.map_or(StatusView::NO_DATA, StatusView::of);
    let mut label = format!("{}: {}", date_text(day.date), status.label);
    if day.status.is_some() {
        if day.downtime_seconds > 0.0 {
            label.push_str(&format!(", {} down", duration_seconds_text(day.downtime_seconds)));
        } else {
            label.push_str(", no downtime");
        }
    }
    match day.incidents.len() {
        0 => {}
        1 => label.push_str(", 1 incident"),
        n => label.push_str(&format!(", {n} incidents")),
    }
    BarView {
        date: day.date.format("%Y-%m-%d").to_string(),
        status: status.key,
        label,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn bar_labels_give_date_status_downtime_and_incidents() {
        let day = |status, downtime_seconds, incidents: &[&str]| DayBar {
            date: NaiveDate::from_ymd_opt(2022, 1, 27).unwrap(),
            status,
            downtime_seconds,
            incidents: incidents.iter().map(|s| s.to_string()).collect(),
        };
        let major = bar_view(&day(Some(ComponentStatus::MajorOutage), 27_000.0, &["a"]));
        assert_eq!(major.status, "major_outage");
        assert_eq!(
            major.label,
            "27 Jan 2022: Major outage, 7 h 30 min down, 1 incident"
        );
        let calm = bar_view(&day(Some(ComponentStatus::Operational), 0.0, &[]));
        assert_eq!(calm.label, "27 Jan 2022: Operational, no downtime");
        let none = bar_view(&day(None, 0.0, &[]));
        assert_eq!(
            (none.status, none.label.as_str()),
            ("no_data", "27 Jan 2022: No data")
        );
    }
}
