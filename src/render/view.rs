//! The data templates receive: plain structs built once per build from the model and the status
//! report, borrowing from them, every figure already formatted. URLs in views are relative to
//! the site root (`incidents/<slug>/`); templates put `{{ page.root }}` in front.
//!
//! One [`IncidentSummary`] per incident lives for the whole build (100,000 at a time on a
//! large site), so it is kept small: it borrows what the model has, holds formatted words as
//! `Box<str>`, and writes what is cheap to derive (URLs, RFC 3339 instants) only when it is
//! serialised, with hand-written `Serialize` impls that give the fields docs/theme.md lists in
//! the same order.

use std::collections::BTreeMap;

use crate::config::Component;
use crate::content::{Incident, Kind, Phase, Severity, UpdateStatus};
use crate::context::BuildContext;
use crate::i18n::I18n;
use crate::markdown::render_markdown;
use crate::status::{ComponentReport, ComponentStatus, DayBar, UPTIME_WINDOWS};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rayon::prelude::*;
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

/// A status as shown: the machine key (CSS class, icon choice) and the words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StatusView<'a> {
    /// `operational`, `under_maintenance`, `degraded_performance`, `partial_outage`,
    /// `major_outage`, `notice` or `no_data`.
    pub key: &'static str,
    pub label: &'a str,
}

impl<'a> StatusView<'a> {
    pub fn of(i18n: &'a I18n, status: ComponentStatus) -> Self {
        StatusView {
            key: status.as_str(),
            label: i18n.status(status),
        }
    }

    /// What an incident of `severity` looks like (a notice has its own look).
    pub fn of_severity(i18n: &'a I18n, severity: Severity) -> Self {
        match ComponentStatus::from_severity(severity) {
            Some(status) => StatusView::of(i18n, status),
            None => StatusView {
                key: "notice",
                label: i18n.notice(),
            },
        }
    }

    pub fn maintenance(i18n: &'a I18n) -> Self {
        StatusView {
            key: "under_maintenance",
            label: i18n.maintenance(),
        }
    }

    pub fn no_data(i18n: &'a I18n) -> Self {
        StatusView {
            key: "no_data",
            label: i18n.text("status-no-data-day"),
        }
    }
}

/// Every status a page can show, in `i18n`'s words: each component status, a notice,
/// maintenance and a day without data (what [`StatusView`]'s constructors make).
pub fn every_status(i18n: &I18n) -> Vec<StatusView<'_>> {
    let mut all: Vec<StatusView> = ComponentStatus::ALL
        .into_iter()
        .map(|status| StatusView::of(i18n, status))
        .collect();
    all.push(StatusView::of_severity(i18n, Severity::Notice));
    all.push(StatusView::maintenance(i18n));
    all.push(StatusView::no_data(i18n));
    all
}

/// A key and its words, for phases and update statuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Label<'a> {
    pub key: &'static str,
    pub label: &'a str,
}

fn phase_label(i18n: &I18n, phase: Phase) -> Label<'_> {
    Label {
        key: phase.as_str(),
        label: i18n.phase(phase),
    }
}

fn update_label(i18n: &I18n, status: UpdateStatus) -> Label<'_> {
    Label {
        key: status.as_str(),
        label: i18n.update(status),
    }
}

/// An instant as the templates show it, serialised as [`TimeView`](super::format::TimeView)
/// is (`{ datetime, text }`), both formatted once; the RFC 3339 form (`2022-01-27T07:40:00-05:00`,
/// 25 bytes) is kept inside the struct.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moment {
    datetime: ShortStr,
    /// In the site's language and zone, e.g. `Jan 27, 2022, 7:40 AM EST`.
    text: Box<str>,
}

impl Moment {
    pub fn new(i18n: &I18n, tz: Tz, instant: DateTime<Utc>) -> Moment {
        let local = instant.with_timezone(&tz);
        Moment {
            datetime: ShortStr::new(&local.to_rfc3339()),
            text: i18n.date_time(&local).into(),
        }
    }
}

impl Serialize for Moment {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut time = serializer.serialize_struct("TimeView", 2)?;
        time.serialize_field("datetime", self.datetime.as_str())?;
        time.serialize_field("text", &*self.text)?;
        time.end()
    }
}

/// A string of up to [`ShortStr::INLINE`] bytes kept inside the struct, a longer one on the
/// heap: RFC 3339 instants fit, and a build holds three per incident.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ShortStr {
    Inline { len: u8, bytes: [u8; ShortStr::INLINE] },
    Heap(Box<str>),
}

impl ShortStr {
    const INLINE: usize = 30;

    fn new(text: &str) -> ShortStr {
        if text.len() > Self::INLINE {
            return ShortStr::Heap(text.into());
        }
        let mut bytes = [0; Self::INLINE];
        bytes[..text.len()].copy_from_slice(text.as_bytes());
        ShortStr::Inline {
            len: text.len() as u8,
            bytes,
        }
    }

    fn as_str(&self) -> &str {
        match self {
            ShortStr::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).expect("copied from a str whole")
            }
            ShortStr::Heap(text) => text,
        }
    }
}

/// A folder URL relative to the site root: `incidents/<slug>/`, `components/<id>/`, made when
/// serialised (in a stack buffer when it fits, so the serialiser copies it once).
struct FolderUrl<'a>(&'static str, &'a str);

impl Serialize for FolderUrl<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (section, name) = (self.0.as_bytes(), self.1.as_bytes());
        let len = section.len() + name.len() + 2;
        let mut buffer = [0u8; 128];
        if len > buffer.len() {
            return serializer.serialize_str(&format!("{}/{}/", self.0, self.1));
        }
        buffer[..section.len()].copy_from_slice(section);
        buffer[section.len()] = b'/';
        buffer[section.len() + 1..len - 1].copy_from_slice(name);
        buffer[len - 1] = b'/';
        serializer.serialize_str(std::str::from_utf8(&buffer[..len]).expect("made of two strs and ASCII"))
    }
}

fn folder_url<'a>(section: &'static str, name: &'a str) -> FolderUrl<'a> {
    FolderUrl(section, name)
}

/// One entry of a timeline.
#[derive(Debug, Clone, Serialize)]
pub struct UpdateView<'a> {
    pub status: Label<'a>,
    pub at: Moment,
    /// Plain text; the template escapes it.
    pub text: &'a str,
}

/// A component named by an incident, with what the incident does to it: serialised (by
/// [`IncidentSummary`], which has the words) as `{ id, name, url, status }`, `url` being
/// `components/<id>/`.
#[derive(Debug, Clone)]
pub struct ComponentRef<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// The incident's severity for this component; `None` for a maintenance window.
    pub severity: Option<Severity>,
}

/// A [`ComponentRef`] with its words, as serialised.
struct ComponentRefView<'s, 'a> {
    component: &'s ComponentRef<'a>,
    i18n: &'a I18n,
}

impl Serialize for ComponentRefView<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let c = self.component;
        let status = match c.severity {
            Some(severity) => StatusView::of_severity(self.i18n, severity),
            None => StatusView::maintenance(self.i18n),
        };
        let mut component = serializer.serialize_struct("ComponentRef", 4)?;
        component.serialize_field("id", c.id)?;
        component.serialize_field("name", c.name)?;
        component.serialize_field("url", &folder_url("components", c.id))?;
        component.serialize_field("status", &status)?;
        component.end()
    }
}

/// The components of a summary, serialised as a list of [`ComponentRefView`]s.
struct ComponentRefs<'s, 'a> {
    list: &'s [ComponentRef<'a>],
    i18n: &'a I18n,
}

impl Serialize for ComponentRefs<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.list.iter().map(|component| ComponentRefView {
            component,
            i18n: self.i18n,
        }))
    }
}

/// The newest update of a summary: serialised (by [`IncidentSummary`]) as an [`UpdateView`].
#[derive(Debug, Clone)]
pub struct LatestUpdate<'a> {
    pub status: UpdateStatus,
    pub at: Moment,
    pub text: &'a str,
}

/// An [`UpdateView`]'s fields, borrowed, as serialised.
#[derive(Serialize)]
#[serde(rename = "UpdateView")]
struct UpdateViewRef<'s, 'a> {
    status: Label<'a>,
    at: &'s Moment,
    text: &'a str,
}

/// An incident or maintenance window as listed (front page, history, component pages).
/// Serialised with `url` (`incidents/<slug>/`) and `kind` (`incident` or `maintenance`) after
/// `slug` and `title`, in the order of docs/theme.md.
#[derive(Clone)]
pub struct IncidentSummary<'a> {
    /// The words of the phase, the update status and the components' statuses: looked up (by
    /// index, see [`I18n::phase`]) when serialised rather than held per incident.
    i18n: &'a I18n,
    pub slug: &'a str,
    pub title: &'a str,
    pub is_maintenance: bool,
    pub pinned: bool,
    pub phase: Phase,
    /// The severity (or maintenance) as a status.
    pub status: StatusView<'a>,
    pub start: Moment,
    /// Resolved (incident) or scheduled end (maintenance); absent while an incident is ongoing.
    pub end: Option<Moment>,
    /// Start to end; for an ongoing incident, start to `now`.
    pub duration: Box<str>,
    /// The phase and the duration in one phrase (`Resolved after 2 hours`, message
    /// `row-after`): formatted once here rather than by every list row that shows it.
    pub outcome: Box<str>,
    pub components: Box<[ComponentRef<'a>]>,
    /// The newest published update.
    pub latest_update: Option<LatestUpdate<'a>>,
}

impl Serialize for IncidentSummary<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut summary = serializer.serialize_struct("IncidentSummary", 14)?;
        summary.serialize_field("slug", self.slug)?;
        summary.serialize_field("url", &folder_url("incidents", self.slug))?;
        summary.serialize_field("title", self.title)?;
        let kind = if self.is_maintenance {
            "maintenance"
        } else {
            "incident"
        };
        summary.serialize_field("kind", kind)?;
        summary.serialize_field("is_maintenance", &self.is_maintenance)?;
        summary.serialize_field("pinned", &self.pinned)?;
        summary.serialize_field("phase", &phase_label(self.i18n, self.phase))?;
        summary.serialize_field("status", &self.status)?;
        summary.serialize_field("start", &self.start)?;
        summary.serialize_field("end", &self.end)?;
        summary.serialize_field("duration", &*self.duration)?;
        summary.serialize_field("outcome", &*self.outcome)?;
        let components = ComponentRefs {
            list: &self.components,
            i18n: self.i18n,
        };
        summary.serialize_field("components", &components)?;
        let latest = self.latest_update.as_ref().map(|u| UpdateViewRef {
            status: update_label(self.i18n, u.status),
            at: &u.at,
            text: u.text,
        });
        summary.serialize_field("latest_update", &latest)?;
        summary.end()
    }
}

/// An incident's own page: the summary, the whole timeline newest first, and the body.
#[derive(Clone, Serialize)]
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
    /// The accessible text: `Jan 27, 2022: Major outage, 7 hours 30 minutes down, 1 incident`.
    pub label: String,
}

/// Uptime over one window.
#[derive(Debug, Clone, Serialize)]
pub struct UptimeView {
    pub days: u32,
    /// `99.95%` or `no data`, in the site's language.
    pub text: String,
    pub has_data: bool,
    /// No day counts yet (before the component's `since`), whatever its status.
    pub not_started: bool,
}

/// A component with its status, uptime and bars.
#[derive(Debug, Clone, Serialize)]
pub struct ComponentView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub description: &'a str,
    pub group: Option<&'a str>,
    pub url: String,
    pub status: StatusView<'a>,
    /// The headline figure over the configured bar window: the one figure shown beside the
    /// bars, on every screen.
    pub uptime: UptimeView,
    /// 30, 90 and 365 days (and the bar window if it is another length).
    pub windows: Vec<UptimeView>,
    /// Oldest day first; empty when no bars are computed.
    pub bars: Vec<BarView>,
}

/// A group of components; ungrouped components are groups of one without a name.
#[derive(Debug, Clone, Serialize)]
pub struct GroupView<'a> {
    pub name: Option<&'a str>,
    /// The worst status of its members.
    pub status: StatusView<'a>,
    /// Whether anything in it is not operational (a `<details>` open by default).
    pub open: bool,
    /// Members with trouble first, worst first; the calm ones after, in config order.
    pub components: Vec<&'a ComponentView<'a>>,
}

/// Whether a status is trouble a reader looks for first: anything but operational (or no data
/// yet, before a component's `since`).
pub fn is_trouble(status: ComponentStatus) -> bool {
    status > ComponentStatus::Operational
}

/// How a status sorts on the front page: trouble first, worst first; every calm status ties,
/// so a stable sort keeps the calm ones in config order.
pub fn trouble_first(status: ComponentStatus) -> std::cmp::Reverse<ComponentStatus> {
    std::cmp::Reverse(status.max(ComponentStatus::Operational))
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
            .map(|i| summarise(&ctx.i18n, i, &names, config.timezone, now))
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
            .map(|c| {
                component_view(
                    &ctx.i18n,
                    c,
                    reports.get(c.id.as_str()).copied(),
                    config.uptime.days,
                )
            })
            .collect();
        Views {
            incidents,
            by_component,
            components,
        }
    }

    /// Indices into `incidents` of the incidents that affect component `id`, in start order.
    pub fn incidents_of(&self, id: &str) -> &[usize] {
        self.by_component.get(id).map_or(&[], Vec::as_slice)
    }

    pub fn component(&self, id: &str) -> Option<&ComponentView<'a>> {
        self.components.iter().find(|c| c.id == id)
    }
}

/// The full view of one incident's page (body rendered here, so only once).
pub fn incident_detail<'a>(
    i18n: &'a I18n,
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
            .enumerate()
            .map(|(k, update)| UpdateView {
                status: update_label(i18n, update.status),
                // The newest update's time was formatted for the summary already.
                at: match (k, &summary.latest_update) {
                    (0, Some(latest)) => latest.at.clone(),
                    _ => made_for(update.at, incident, &summary.start, summary.end.as_ref())
                        .unwrap_or_else(|| Moment::new(i18n, tz, update.at)),
                },
                text: &update.text,
            })
            .collect(),
        body_html: render_markdown(&incident.body, unsafe_html),
        source: incident.source.display().to_string().replace('\\', "/"),
    }
}

fn summarise<'a>(
    i18n: &'a I18n,
    incident: &'a Incident,
    names: &BTreeMap<&str, &'a Component>,
    tz: Tz,
    now: DateTime<Utc>,
) -> IncidentSummary<'a> {
    let is_maintenance = incident.kind == Kind::Maintenance;
    let status = if is_maintenance {
        StatusView::maintenance(i18n)
    } else {
        StatusView::of_severity(i18n, incident.headline_severity())
    };
    let components = incident
        .components
        .iter()
        .map(|id| ComponentRef {
            id,
            name: names.get(id.as_str()).map_or(id.as_str(), |c| c.name.as_str()),
            severity: (!is_maintenance).then(|| incident.severity_for(id)),
        })
        .collect();
    let until = incident.end.unwrap_or(now);
    let phase = incident.phase(now);
    let duration = i18n.duration(until - incident.start);
    let outcome = i18n.format(
        "row-after",
        &[
            ("phase", i18n.phase(phase).into()),
            ("duration", duration.as_str().into()),
        ],
    );
    let start = Moment::new(i18n, tz, incident.start);
    let end = incident.end.map(|end| Moment::new(i18n, tz, end));
    let latest_update = incident.updates.last().map(|u| LatestUpdate {
        status: u.status,
        at: made_for(u.at, incident, &start, end.as_ref()).unwrap_or_else(|| Moment::new(i18n, tz, u.at)),
        text: &u.text,
    });
    IncidentSummary {
        i18n,
        slug: &incident.slug,
        title: &incident.title,
        is_maintenance,
        pinned: incident.pinned,
        phase,
        status,
        start,
        end,
        duration: duration.into(),
        outcome: outcome.into(),
        components,
        latest_update,
    }
}

/// The moment already made for `at` when it is `incident`'s start or end, whose moments are
/// `start` and `end`: a resolution is most often the last update's instant, and formatting
/// (ICU's) is most of what a moment costs.
fn made_for(at: DateTime<Utc>, incident: &Incident, start: &Moment, end: Option<&Moment>) -> Option<Moment> {
    if at == incident.start {
        Some(start.clone())
    } else if Some(at) == incident.end {
        end.cloned()
    } else {
        None
    }
}

fn component_view<'a>(
    i18n: &'a I18n,
    component: &'a Component,
    report: Option<&ComponentReport>,
    bar_days: u32,
) -> ComponentView<'a> {
    // Before `since`: no day counts yet. An ongoing incident may give the component a status
    // then (it is data), but its uptime is still "no data yet".
    let not_started = report.is_some_and(|r| {
        r.status == ComponentStatus::NoData
            || (r.days.iter().all(|d| d.status.is_none()) && r.uptime.values().all(Option::is_none))
    });
    let figure = |days: u32| {
        let fraction = report.and_then(|r| r.uptime.get(&days).copied().flatten());
        UptimeView {
            days,
            text: match fraction {
                None if not_started => i18n.text("uptime-value-no-data-yet").to_string(),
                _ => i18n.percent(fraction),
            },
            has_data: fraction.is_some(),
            not_started,
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
        status: StatusView::of(i18n, report.map_or(ComponentStatus::Operational, |r| r.status)),
        uptime: figure(bar_days),
        windows: window_days.into_iter().map(figure).collect(),
        bars: report.map_or_else(Vec::new, |r| r.days.iter().map(|d| bar_view(i18n, d)).collect()),
    }
}

/// A day's bar and its text: the date, the real time in each state other than operational
/// ("Partial outage for 4 hours 20 minutes"), the weighted downtime named as such ("counted as
/// 1 hour 18 minutes of downtime"), and how many incidents.
pub fn bar_view(i18n: &I18n, day: &DayBar) -> BarView {
    let status = day
        .status
        .map_or_else(|| StatusView::no_data(i18n), |s| StatusView::of(i18n, s));
    let state_for = |(state, seconds): &(ComponentStatus, f64)| {
        i18n.format(
            "bar-state-for",
            &[
                ("status", i18n.status(*state).into()),
                ("duration", i18n.duration_seconds(*seconds).into()),
            ],
        )
    };
    let counted = day.status.is_some();
    let mut states = day.time_in.iter().filter(|_| counted).map(state_for);
    let headline = states.next().unwrap_or_else(|| status.label.to_string());
    let mut parts = vec![i18n.format(
        "bar-day",
        &[("date", i18n.date(day.date).into()), ("status", headline.into())],
    )];
    parts.extend(states);
    if counted {
        parts.push(if day.downtime_seconds > 0.0 {
            i18n.format1(
                "bar-counted-down",
                "duration",
                i18n.duration_seconds(day.downtime_seconds),
            )
        } else if day.time_in.is_empty() {
            i18n.text("bar-no-downtime").to_string()
        } else {
            i18n.text("bar-not-counted").to_string()
        });
    }
    if day.touched > 0 {
        parts.push(i18n.format1("bar-incidents", "count", day.touched));
    }
    BarView {
        date: day.date.format("%Y-%m-%d").to_string(),
        status: status.key,
        label: parts.join(i18n.text("list-separator")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::format::time_view;
    use chrono::NaiveDate;

    /// A moment serialises exactly as the `TimeView` it stands for, fractions of a second,
    /// summer time and far-off zones included.
    #[test]
    fn moments_serialise_as_time_views() {
        let en = I18n::shipped("en").unwrap();
        let zones = [
            chrono_tz::UTC,
            chrono_tz::America::New_York,
            chrono_tz::Asia::Kolkata,
            chrono_tz::Pacific::Chatham,
        ];
        for text in [
            "2022-01-27T12:40:00Z",
            "2022-07-01T23:59:59.5Z",
            "2024-02-29T00:00:00.123456789Z",
            "1999-12-31T23:00:00Z",
        ] {
            let t = DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc);
            for tz in zones {
                assert_eq!(
                    serde_json::to_value(Moment::new(&en, tz, t)).unwrap(),
                    serde_json::to_value(time_view(&en, tz, t)).unwrap(),
                    "{text} in {tz}"
                );
            }
        }
    }

    #[test]
    fn short_strings_keep_their_text_inline_or_not() {
        for text in ["", "2022-01-27T07:40:00-05:00", &"x".repeat(30), &"é".repeat(40)] {
            assert_eq!(ShortStr::new(text).as_str(), text);
        }
        assert!(matches!(ShortStr::new(&"x".repeat(30)), ShortStr::Inline { .. }));
        assert!(matches!(ShortStr::new(&"x".repeat(31)), ShortStr::Heap(_)));
    }

    #[test]
    fn folder_urls_of_any_length_serialise_whole() {
        for name in ["a", "2026-01-01-incident-99999", &"n".repeat(200)] {
            assert_eq!(
                serde_json::to_value(folder_url("incidents", name)).unwrap(),
                serde_json::Value::String(format!("incidents/{name}/"))
            );
        }
    }

    #[test]
    fn bar_labels_give_real_time_per_state_the_counted_downtime_and_incidents() {
        let day = |status, downtime_seconds, time_in: &[(ComponentStatus, f64)], incidents: &[&str]| DayBar {
            date: NaiveDate::from_ymd_opt(2022, 1, 27).unwrap(),
            status,
            downtime_seconds,
            time_in: time_in.to_vec(),
            incidents: incidents.iter().map(|s| s.to_string()).collect(),
            touched: incidents.len(),
        };
        use ComponentStatus::*;
        let en = I18n::shipped("en").unwrap();
        let major = bar_view(
            &en,
            &day(Some(MajorOutage), 27_000.0, &[(MajorOutage, 27_000.0)], &["a"]),
        );
        assert_eq!(major.status, "major_outage");
        assert_eq!(
            major.label,
            "Jan 27, 2022: Major outage for 7 hours 30 minutes, counted as 7 hours 30 minutes of downtime, 1 incident"
        );
        // 4 h 20 min of partial outage weighing 0.3: the real time, and the weighted figure
        // named as what it is.
        let partial = bar_view(
            &en,
            &day(Some(PartialOutage), 4680.0, &[(PartialOutage, 15_600.0)], &["a"]),
        );
        assert_eq!(
            partial.label,
            "Jan 27, 2022: Partial outage for 4 hours 20 minutes, counted as 1 hour 18 minutes of downtime, 1 incident"
        );
        let both = bar_view(
            &en,
            &day(
                Some(MajorOutage),
                3600.0,
                &[(MajorOutage, 3600.0), (DegradedPerformance, 1800.0)],
                &["a", "b"],
            ),
        );
        assert_eq!(
            both.label,
            "Jan 27, 2022: Major outage for 1 hour, Degraded performance for 30 minutes, counted as 1 hour of downtime, 2 incidents"
        );
        let window = bar_view(
            &en,
            &day(Some(UnderMaintenance), 0.0, &[(UnderMaintenance, 7200.0)], &["m"]),
        );
        assert_eq!(
            window.label,
            "Jan 27, 2022: Under maintenance for 2 hours, not counted as downtime, 1 incident"
        );
        let calm = bar_view(&en, &day(Some(Operational), 0.0, &[], &[]));
        assert_eq!(calm.label, "Jan 27, 2022: Operational, no downtime");
        let none = bar_view(&en, &day(None, 0.0, &[], &[]));
        assert_eq!(
            (none.status, none.label.as_str()),
            ("no_data", "Jan 27, 2022: No data")
        );
        let fr = I18n::shipped("fr").unwrap();
        let two = bar_view(
            &fr,
            &day(
                Some(PartialOutage),
                2160.0,
                &[(PartialOutage, 7200.0)],
                &["a", "b"],
            ),
        );
        assert_eq!(
            two.label,
            "27 janv. 2022\u{a0}: Panne partielle pendant 2 heures, compté comme 36 minutes d’indisponibilité, 2 incidents"
        );
    }
}
