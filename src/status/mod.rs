//! Status and uptime at `now`: pure functions over the model. No disk, no clock, no formatting.
//!
//! [`as_of`] first cuts the site down to what was public at `now`; [`compute_report`] then
//! derives every component's status, its uptime figures and its daily bars (`uptime.rs`, on top
//! of the downtime sweep in `interval.rs`). The rules are written out in `docs/uptime.md`.

pub mod interval;
pub mod latency;
pub mod uptime;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use rayon::prelude::*;

use crate::config::Config;
use crate::content::{Incident, Kind, Phase, Severity, Site};

/// A component's condition, best to worst (the derived order is used for "worst of").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ComponentStatus {
    /// Before the component's `since` day: nothing is known about it yet. Best of all, so a
    /// group or the page takes the status of the components that have data.
    NoData,
    Operational,
    UnderMaintenance,
    DegradedPerformance,
    PartialOutage,
    MajorOutage,
}

impl ComponentStatus {
    /// Every status, best to worst.
    pub const ALL: [ComponentStatus; 6] = [
        ComponentStatus::NoData,
        ComponentStatus::Operational,
        ComponentStatus::UnderMaintenance,
        ComponentStatus::DegradedPerformance,
        ComponentStatus::PartialOutage,
        ComponentStatus::MajorOutage,
    ];

    /// Statuspage's machine name, used in the JSON API and CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            ComponentStatus::NoData => "no_data",
            ComponentStatus::Operational => "operational",
            ComponentStatus::UnderMaintenance => "under_maintenance",
            ComponentStatus::DegradedPerformance => "degraded_performance",
            ComponentStatus::PartialOutage => "partial_outage",
            ComponentStatus::MajorOutage => "major_outage",
        }
    }

    /// The words a person reads next to a component.
    pub fn label(self) -> &'static str {
        match self {
            ComponentStatus::NoData => "No data yet",
            ComponentStatus::Operational => "Operational",
            ComponentStatus::UnderMaintenance => "Under maintenance",
            ComponentStatus::DegradedPerformance => "Degraded performance",
            ComponentStatus::PartialOutage => "Partial outage",
            ComponentStatus::MajorOutage => "Major outage",
        }
    }

    /// The page banner for this overall status.
    pub fn banner(self) -> &'static str {
        match self {
            ComponentStatus::NoData => "No data yet",
            ComponentStatus::Operational => "All systems operational",
            ComponentStatus::UnderMaintenance => "Maintenance in progress",
            ComponentStatus::DegradedPerformance => "Degraded performance",
            ComponentStatus::PartialOutage => "Partial outage",
            ComponentStatus::MajorOutage => "Major outage",
        }
    }

    /// What an incident of `severity` does to a component's status (`None` for a notice).
    pub fn from_severity(severity: Severity) -> Option<Self> {
        match severity {
            Severity::Notice => None,
            Severity::Degraded => Some(ComponentStatus::DegradedPerformance),
            Severity::Partial => Some(ComponentStatus::PartialOutage),
            Severity::Major => Some(ComponentStatus::MajorOutage),
        }
    }
}

/// One day of a component's bar.
#[derive(Debug, Clone, PartialEq)]
pub struct DayBar {
    /// The calendar day in the site time zone.
    pub date: NaiveDate,
    /// The worst status during the day; `None` when no part of the day counts (before `since`,
    /// or after `now`).
    pub status: Option<ComponentStatus>,
    /// Weighted downtime within the day, in seconds.
    pub downtime_seconds: f64,
    /// The real (unweighted) time spent in each state other than operational within the
    /// day's counted part, in seconds, worst state first, only states the day saw. Where
    /// incidents overlap, each instant counts once, for the worst state then.
    pub time_in: Vec<(ComponentStatus, f64)>,
    /// Slugs of every incident, notice and window that touched the component that day, by
    /// start: listed for the days of the bar window ([`ComponentReport::days`]), which the
    /// uptime API names them for; none for a month's days ([`MonthReport::days`]), whose
    /// pages only count them.
    pub incidents: Vec<String>,
    /// How many incidents, notices and windows touched the component that day.
    pub touched: usize,
}

impl DayBar {
    /// The status's machine name, `no_data` for a day outside the window.
    pub fn status_name(&self) -> &'static str {
        self.status.map_or("no_data", ComponentStatus::as_str)
    }
}

/// One calendar month of a component, in the site's zone: a window like the rolling ones,
/// `[first instant of the month, first instant of the next)` cut to `since` and `now`.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthReport {
    /// The month's first day.
    pub month: NaiveDate,
    /// `None` when no time of the month counts (all before `since`, or after `now`).
    pub uptime: Option<f64>,
    /// Weighted downtime within the counted part, in seconds.
    pub downtime_seconds: f64,
    /// How long the counted part is, in seconds (0 with no data).
    pub counted_seconds: f64,
    /// Every day of the month, first to last; days before `since` or after today are no data.
    pub days: Vec<DayBar>,
}

/// Everything computed about one component.
#[derive(Debug, Clone, PartialEq)]
pub struct ComponentReport {
    pub id: String,
    pub status: ComponentStatus,
    /// Uptime fraction by window length in days (30, 90, 365 and the configured bar window);
    /// `None` when the window holds no time ("no data").
    pub uptime: BTreeMap<u32, Option<f64>>,
    /// The configured bar window, oldest day first.
    pub days: Vec<DayBar>,
    /// The last [`UPTIME_MONTHS`] calendar months, oldest first; the last is the month of `now`.
    pub months: Vec<MonthReport>,
}

impl ComponentReport {
    /// The uptime fraction over the last `days` days, if that window is reported and holds time.
    pub fn uptime_over(&self, days: u32) -> Option<f64> {
        self.uptime.get(&days).copied().flatten()
    }
}

/// The whole page's state at `now`.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusReport {
    pub now: DateTime<Utc>,
    /// Worst of every component's status and of every ongoing incident's headline severity
    /// (which matters for an incident that names no component).
    pub overall: ComponentStatus,
    /// In config order.
    pub components: Vec<ComponentReport>,
}

impl StatusReport {
    pub fn component(&self, id: &str) -> Option<&ComponentReport> {
        self.components.iter().find(|c| c.id == id)
    }

    /// The worst status among `ids` (a group's members).
    pub fn worst_of<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> ComponentStatus {
        ids.into_iter()
            .filter_map(|id| self.component(id))
            .map(|c| c.status)
            .max()
            .unwrap_or(ComponentStatus::Operational)
    }
}

/// Uptime windows always reported, in days, besides the configured bar window.
pub const UPTIME_WINDOWS: [u32; 3] = [30, 90, 365];

/// Calendar months of monthly uptime reported, the current one included.
pub const UPTIME_MONTHS: u32 = 12;

/// The site as it was public at `now`: incidents that begin after `now` are gone (upcoming
/// maintenance stays once announced, see [`announced_by`]), updates stamped after `now` are gone, and an
/// incident resolved after `now` is still ongoing.
pub fn as_of(site: &Site, now: DateTime<Utc>) -> Site {
    let incidents = site
        .incidents
        .iter()
        .filter(|i| public_at(i, now))
        .map(|i| cut_to(i.clone(), now))
        .collect();
    Site {
        config: site.config.clone(),
        texts: site.texts.clone(),
        incidents,
        pages: site.pages.clone(),
    }
}

/// [`as_of`] for a site that is no longer needed whole: cuts it in place instead of copying,
/// so a large site is held in memory once.
pub fn into_as_of(mut site: Site, now: DateTime<Utc>) -> Site {
    site.incidents.retain(|i| public_at(i, now));
    site.incidents = site.incidents.into_iter().map(|i| cut_to(i, now)).collect();
    site
}

fn public_at(incident: &Incident, now: DateTime<Utc>) -> bool {
    incident.start <= now || (incident.kind == Kind::Maintenance && announced_by(incident, now))
}

fn cut_to(mut incident: Incident, now: DateTime<Utc>) -> Incident {
    incident.updates.retain(|u| u.at <= now);
    if incident.kind == Kind::Incident && incident.end.is_some_and(|end| end > now) {
        incident.end = None;
    }
    incident
}

/// A window is announced from its first update on; one with no updates is announced always.
/// So a build at an earlier `now` does not show a window that was planned only later.
fn announced_by(window: &Incident, now: DateTime<Utc>) -> bool {
    window.updates.first().is_none_or(|first| first.at <= now)
}

/// Each component's status at `now`, uptime and bars, from a site already cut by [`as_of`].
pub fn compute_report(site: &Site, now: DateTime<Utc>) -> StatusReport {
    let config: &Config = &site.config;
    let mut affecting: BTreeMap<&str, Vec<&Incident>> = BTreeMap::new();
    for incident in &site.incidents {
        for id in &incident.components {
            affecting.entry(id.as_str()).or_default().push(incident);
        }
    }
    // Day bounds are the same for every component: found once, not once per component.
    let calendar = uptime::Calendar::new(config.timezone, now, uptime::longest_window(config));
    // Components are independent: computed in parallel, collected in config order.
    let components: Vec<ComponentReport> = config
        .components
        .par_iter()
        .map(|component| {
            let incidents = affecting
                .get(component.id.as_str())
                .map_or(&[][..], Vec::as_slice);
            let uptime::ComponentUptime { uptime, days, months } =
                uptime::component_uptime(&calendar, config, component, incidents);
            // Before `since` there is no data to call the component operational; an ongoing
            // incident or a window in progress is data, and its status shows.
            let started = component
                .since
                .is_none_or(|day| crate::time::day_start(config.timezone, day) <= now);
            ComponentReport {
                id: component.id.clone(),
                status: match status_at(&component.id, incidents, now) {
                    ComponentStatus::Operational if !started => ComponentStatus::NoData,
                    status => status,
                },
                uptime,
                days,
                months,
            }
        })
        .collect();
    // An ongoing incident that names no component still sets the overall status, so the banner
    // never reads "All systems operational" above a "Major outage".
    let overall = components
        .iter()
        .map(|c| c.status)
        .chain(site.incidents.iter().filter_map(|i| incident_status(i, now)))
        .max()
        .unwrap_or(ComponentStatus::Operational)
        // A page whose components have no data yet has nothing wrong with it either.
        .max(ComponentStatus::Operational);
    StatusReport {
        now,
        overall,
        components,
    }
}

/// What an incident does to the overall status at `now`: an ongoing incident its headline
/// severity, a window in progress "under maintenance"; anything else (and a notice) nothing.
pub fn incident_status(incident: &Incident, now: DateTime<Utc>) -> Option<ComponentStatus> {
    if incident.start > now {
        return None;
    }
    match incident.phase(now) {
        Phase::Ongoing => ComponentStatus::from_severity(incident.headline_severity()),
        Phase::InProgress => Some(ComponentStatus::UnderMaintenance),
        _ => None,
    }
}

/// The worst of: each ongoing incident's severity for `component`, and "under maintenance" for
/// a window in progress. Notices change nothing.
pub fn status_at(component: &str, incidents: &[&Incident], now: DateTime<Utc>) -> ComponentStatus {
    incidents
        .iter()
        .filter(|i| i.start <= now)
        .filter_map(|i| match i.phase(now) {
            Phase::Ongoing => ComponentStatus::from_severity(i.severity_for(component)),
            Phase::InProgress => Some(ComponentStatus::UnderMaintenance),
            _ => None,
        })
        .max()
        .unwrap_or(ComponentStatus::Operational)
}
