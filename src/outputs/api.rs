//! `api/v2/*.json` in the shape of the Statuspage v2 public API, so clients written for
//! Statuspage can read a beacon site: `summary`, `status`, `components`, `incidents`,
//! `incidents/unresolved`, `scheduled-maintenances`, `scheduled-maintenances/upcoming` and
//! `scheduled-maintenances/active`.
//! (`api/v2/uptime.json` is beacon's own and lives in `uptime.rs`.)
//!
//! Field names, order and values follow Statuspage's documentation; which fields are filled and
//! how severities map to `impact` is written down in `docs/subscribing.md`. Every list has a
//! total order and every struct a fixed field order, so the same site and `now` give the same
//! bytes.

use std::io::Write;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::value::RawValue;

use super::published::{first_published, headline_severity, last_change, permalink, rfc3339};
use crate::content::{Incident, Kind, Phase, Severity, UpdateStatus};
use crate::context::BuildContext;
use crate::error::Result;
use crate::output::{put_buffered, Sink};
use crate::status::ComponentStatus;
use crate::time::day_start;

#[derive(Serialize)]
struct Page {
    id: String,
    name: String,
    url: String,
    time_zone: String,
    updated_at: String,
    /// When this build ran (its `now`), not a Statuspage field: lets a client see how old the
    /// data is when scheduled rebuilds stop.
    built_at: String,
}

#[derive(Serialize)]
struct Status {
    indicator: &'static str,
    description: &'static str,
}

#[derive(Serialize, Clone)]
struct ComponentJson {
    id: String,
    name: String,
    status: &'static str,
    created_at: String,
    updated_at: String,
    position: usize,
    description: Option<String>,
    showcase: bool,
    start_date: Option<String>,
    group_id: Option<String>,
    page_id: String,
    group: bool,
    only_show_if_degraded: bool,
    /// Member ids, on groups only.
    #[serde(skip_serializing_if = "Option::is_none")]
    components: Option<Vec<String>>,
}

/// One incident as the API lists it, made as it is serialised (one at a time) and borrowing
/// what the model and the page's components already hold.
#[derive(Serialize)]
struct IncidentJson<'a> {
    id: &'a str,
    name: &'a str,
    status: &'static str,
    created_at: String,
    updated_at: String,
    monitoring_at: Option<String>,
    resolved_at: Option<String>,
    impact: &'static str,
    shortlink: String,
    started_at: String,
    page_id: &'a str,
    incident_updates: Vec<UpdateJson<'a>>,
    components: Vec<&'a RawValue>,
    /// Scheduled maintenance only.
    #[serde(skip_serializing_if = "Option::is_none")]
    scheduled_for: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    scheduled_until: Option<String>,
}

/// One update; its three times are the same instant (Statuspage has no edits to tell apart).
struct UpdateJson<'a> {
    incident_id: &'a str,
    /// 1-based position in the file's order: the id is `<incident id>-<n>`.
    n: usize,
    status: &'static str,
    body: &'a str,
    at: String,
    /// The component status changes this update announced (see [`ComponentChanges`]).
    affected_components: Option<Vec<AffectedComponent<'a>>>,
}

impl Serialize for UpdateJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut update = serializer.serialize_struct("UpdateJson", 8)?;
        update.serialize_field("id", &UpdateId(self.incident_id, self.n))?;
        update.serialize_field("status", self.status)?;
        update.serialize_field("body", self.body)?;
        update.serialize_field("incident_id", self.incident_id)?;
        update.serialize_field("created_at", &self.at)?;
        update.serialize_field("updated_at", &self.at)?;
        update.serialize_field("display_at", &self.at)?;
        update.serialize_field("affected_components", &self.affected_components)?;
        update.end()
    }
}

/// `<incident id>-<n>`, written without a string of its own.
struct UpdateId<'a>(&'a str, usize);

impl Serialize for UpdateId<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(&format_args!("{}-{}", self.0, self.1))
    }
}

/// One component's change of status, as Statuspage lists it on an update.
#[derive(Serialize, Clone, Copy)]
struct AffectedComponent<'a> {
    code: &'a str,
    name: &'a str,
    old_status: &'static str,
    new_status: &'static str,
}

/// One file: the page and whichever parts the endpoint carries, in Statuspage's key order.
#[derive(Serialize)]
struct Document<'a> {
    page: &'a Page,
    #[serde(skip_serializing_if = "Option::is_none")]
    components: Option<&'a [ComponentJson]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    incidents: Option<&'a Incidents<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    scheduled_maintenances: Option<&'a Incidents<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'a Status>,
}

/// A list of incidents turned into JSON one at a time as it is serialised, so the whole list
/// never exists as JSON structs at once (a 100,000-incident site would need gigabytes).
struct Incidents<'a> {
    ctx: &'a BuildContext<'a>,
    list: Vec<&'a Incident>,
    page_id: &'a str,
    components: &'a Components,
}

/// The page's components, and each one's JSON, written once: every incident lists the
/// components it affects in full, so a site of 10,000 incidents would write each thousands of
/// times over.
struct Components {
    list: Vec<ComponentJson>,
    json: Vec<Box<RawValue>>,
}

impl Components {
    fn new(list: Vec<ComponentJson>) -> Components {
        // Strings, numbers and flags only: nothing that JSON cannot hold.
        let json = list
            .iter()
            .map(|c| serde_json::value::to_raw_value(c).expect("a component serialises"))
            .collect();
        Components { list, json }
    }

    /// The JSON of the component (not group) `id`, if the page has one.
    fn json_of(&self, id: &str) -> Option<&RawValue> {
        let at = self.list.iter().position(|c| !c.group && c.id == id)?;
        Some(&self.json[at])
    }
}

impl Serialize for Incidents<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_seq(
            self.list
                .iter()
                .map(|i| incident(self.ctx, i, self.page_id, self.components)),
        )
    }
}

/// Writes the API's files to `sink`; the lists of every incident and window stream out.
pub fn render(ctx: &BuildContext, sink: &Sink) -> Result<()> {
    let now = ctx.now();
    let page = page(ctx);
    let status = Status {
        indicator: indicator(ctx.report.overall),
        description: ctx.report.overall.banner(),
    };
    let components = Components::new(components(ctx, &page.id));

    let mut incidents: Vec<&Incident> = ctx
        .site
        .incidents
        .iter()
        .filter(|i| i.kind == Kind::Incident)
        .collect();
    incidents.sort_by(|a, b| b.start.cmp(&a.start).then_with(|| a.slug.cmp(&b.slug)));
    let mut windows: Vec<&Incident> = ctx.site.incidents.iter().filter(|i| i.is_maintenance()).collect();
    windows.sort_by(|a, b| b.start.cmp(&a.start).then_with(|| a.slug.cmp(&b.slug)));

    let to_json = |list| Incidents {
        ctx,
        list,
        page_id: &page.id,
        components: &components,
    };
    let all_incidents = to_json(incidents.clone());
    let unresolved = to_json(
        incidents
            .iter()
            .copied()
            .filter(|i| i.phase(now) == Phase::Ongoing)
            .collect(),
    );
    let all_windows = to_json(windows.clone());
    // Upcoming lists read soonest first, like a calendar.
    let soonest_first = |phases: &[Phase]| {
        let mut list: Vec<&Incident> = windows
            .iter()
            .copied()
            .filter(|w| phases.contains(&w.phase(now)))
            .collect();
        list.reverse();
        to_json(list)
    };
    let upcoming = soonest_first(&[Phase::Upcoming]);
    let active = soonest_first(&[Phase::InProgress]);
    let current_windows = soonest_first(&[Phase::InProgress, Phase::Upcoming]);

    // Each file: the page, and which of components, incidents, maintenance and status it has.
    let doc = |components, incidents, scheduled_maintenances, status| Document {
        page: &page,
        components,
        incidents,
        scheduled_maintenances,
        status,
    };
    let files: [(&str, Document); 8] = [
        (
            "api/v2/summary.json",
            doc(
                Some(&components.list),
                Some(&unresolved),
                Some(&current_windows),
                Some(&status),
            ),
        ),
        ("api/v2/status.json", doc(None, None, None, Some(&status))),
        (
            "api/v2/components.json",
            doc(Some(&components.list), None, None, None),
        ),
        (
            "api/v2/incidents.json",
            doc(None, Some(&all_incidents), None, None),
        ),
        (
            "api/v2/incidents/unresolved.json",
            doc(None, Some(&unresolved), None, None),
        ),
        (
            "api/v2/scheduled-maintenances.json",
            doc(None, None, Some(&all_windows), None),
        ),
        (
            "api/v2/scheduled-maintenances/upcoming.json",
            doc(None, None, Some(&upcoming), None),
        ),
        (
            "api/v2/scheduled-maintenances/active.json",
            doc(None, None, Some(&active), None),
        ),
    ];
    for (path, document) in files {
        put_buffered(sink, path, |out| {
            // Compact, as Statuspage serves it (docs/choices.md): `incidents.json` lists every
            // incident, and indentation made it half again as large and slower to write.
            serde_json::to_writer(&mut *out, &document)?;
            out.write_all(b"\n")
        })?;
    }
    Ok(())
}

fn page(ctx: &BuildContext) -> Page {
    let config = &ctx.site.config;
    let now = ctx.now();
    Page {
        id: page_id(&config.base_url),
        name: config.title.clone(),
        url: config.base_url.clone(),
        time_zone: config.timezone.name().to_string(),
        updated_at: rfc3339(
            ctx.site
                .incidents
                .iter()
                .map(|i| last_change(i, now))
                .max()
                .unwrap_or(now),
        ),
        built_at: rfc3339(now),
    }
}

/// A stable page id from `base_url`: host and path, lowercased, other characters as `-`
/// (`https://example.github.io/status/` → `example-github-io-status`).
fn page_id(base_url: &str) -> String {
    let rest = base_url.split_once("://").map_or(base_url, |(_, rest)| rest);
    let mut id = String::new();
    for c in rest.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_string()
}

/// Statuspage's page indicator for the overall status.
fn indicator(overall: ComponentStatus) -> &'static str {
    match overall {
        ComponentStatus::NoData | ComponentStatus::Operational => "none",
        ComponentStatus::UnderMaintenance => "maintenance",
        ComponentStatus::DegradedPerformance => "minor",
        ComponentStatus::PartialOutage => "major",
        ComponentStatus::MajorOutage => "critical",
    }
}

/// Statuspage's incident `impact` for a beacon severity.
fn impact(severity: Severity) -> &'static str {
    match severity {
        Severity::Notice => "none",
        Severity::Degraded => "minor",
        Severity::Partial => "major",
        Severity::Major => "critical",
    }
}

/// Components and groups in page order: each group just before its first member, positions
/// counted from 1 over the whole list.
fn components(ctx: &BuildContext, page_id: &str) -> Vec<ComponentJson> {
    let config = &ctx.site.config;
    let now = ctx.now();
    let site_start = ctx
        .site
        .incidents
        .iter()
        .map(|i| i.start)
        .filter(|t| *t <= now)
        .min()
        .unwrap_or(now);
    let changed = |id: &str| {
        ctx.site
            .incidents
            .iter()
            .filter(|i| i.components.iter().any(|c| c == id))
            .map(|i| last_change(i, now))
            .max()
    };
    let mut used_ids: Vec<String> = config.components.iter().map(|c| c.id.clone()).collect();
    let mut list = Vec::new();
    for (group, members) in config.groups() {
        let group_id = group.map(|name| {
            let base = format!("group-{}", page_id_like(name));
            let mut id = base.clone();
            let mut n = 1;
            while used_ids.contains(&id) {
                n += 1;
                id = format!("{base}-{n}");
            }
            used_ids.push(id.clone());
            id
        });
        let mut entries = Vec::new();
        for component in &members {
            let created = component
                .since
                .map_or(site_start, |day| day_start(config.timezone, day));
            entries.push(ComponentJson {
                id: component.id.clone(),
                name: component.name.clone(),
                status: ctx
                    .report
                    .component(&component.id)
                    .map_or(ComponentStatus::Operational, |c| c.status)
                    .as_str(),
                created_at: rfc3339(created),
                updated_at: rfc3339(changed(&component.id).unwrap_or(created).max(created)),
                position: 0,
                description: Some(component.description.clone()).filter(|d| !d.trim().is_empty()),
                showcase: true,
                start_date: component.since.map(|d| d.format("%Y-%m-%d").to_string()),
                group_id: group_id.clone(),
                page_id: page_id.to_string(),
                group: false,
                only_show_if_degraded: false,
                components: None,
            });
        }
        if let (Some(name), Some(id)) = (group, group_id) {
            let created = entries
                .iter()
                .map(|e| e.created_at.clone())
                .min()
                .unwrap_or_default();
            let updated = entries
                .iter()
                .map(|e| e.updated_at.clone())
                .max()
                .unwrap_or_default();
            list.push(ComponentJson {
                id,
                name: name.to_string(),
                status: ctx
                    .report
                    .worst_of(members.iter().map(|c| c.id.as_str()))
                    .as_str(),
                created_at: created,
                updated_at: updated,
                position: 0,
                description: None,
                showcase: false,
                start_date: None,
                group_id: None,
                page_id: page_id.to_string(),
                group: true,
                only_show_if_degraded: false,
                components: Some(members.iter().map(|c| c.id.clone()).collect()),
            });
        }
        list.extend(entries);
    }
    for (n, entry) in list.iter_mut().enumerate() {
        entry.position = n + 1;
    }
    list
}

/// Lowercase ASCII letters and digits of `name`, other runs as `-`.
fn page_id_like(name: &str) -> String {
    let id = page_id(name);
    if id.is_empty() {
        "group".to_string()
    } else {
        id
    }
}

fn incident<'a>(
    ctx: &'a BuildContext,
    i: &'a Incident,
    page_id: &'a str,
    all: &'a Components,
) -> IncidentJson<'a> {
    let now = ctx.now();
    let phase = i.phase(now);
    let time = |t: DateTime<Utc>| rfc3339(t);
    // Each update's Statuspage status: an `update` carries the status in force at its time.
    let mut current = None;
    let mut changes = ComponentChanges::new(ctx, i);
    let mut updates: Vec<UpdateJson> = i
        .updates
        .iter()
        .enumerate()
        .map(|(n, u)| {
            let status = if u.status == UpdateStatus::Update {
                status_in_force(i, current, u.at)
            } else {
                u.status.as_str()
            };
            current = Some(status);
            UpdateJson {
                incident_id: &i.slug,
                n: n + 1,
                status,
                body: &u.text,
                at: time(u.at),
                affected_components: changes.at(status),
            }
        })
        .collect();
    updates.reverse();
    let current = current.unwrap_or_else(|| status_in_force(i, None, now));
    let status = match phase {
        Phase::Upcoming => "scheduled",
        Phase::InProgress => "in_progress",
        Phase::Completed => "completed",
        Phase::Resolved if current == "postmortem" => "postmortem",
        Phase::Resolved => "resolved",
        // Resolved before its `resolved` time: still open, so the closest open status.
        Phase::Ongoing if matches!(current, "resolved" | "postmortem") => "monitoring",
        Phase::Ongoing => current,
    };
    let closed = matches!(phase, Phase::Resolved | Phase::Completed);
    IncidentJson {
        id: &i.slug,
        name: &i.title,
        status,
        created_at: time(first_published(i, now)),
        updated_at: time(last_change(i, now)),
        monitoring_at: i
            .updates
            .iter()
            .find(|u| u.status == UpdateStatus::Monitoring)
            .map(|u| time(u.at)),
        resolved_at: i.end.filter(|_| closed).map(time),
        impact: if i.is_maintenance() {
            "none"
        } else {
            impact(headline_severity(i))
        },
        shortlink: permalink(ctx, i),
        started_at: time(i.start),
        page_id,
        incident_updates: updates,
        components: i.components.iter().filter_map(|id| all.json_of(id)).collect(),
        scheduled_for: i.is_maintenance().then(|| time(i.start)),
        scheduled_until: if i.is_maintenance() { i.end.map(time) } else { None },
    }
}

/// The Statuspage status an `update` stands for at `at`, given the last explicit status before
/// it. A window's follows its clock (scheduled, in progress, completed). An incident's is the
/// status before it; with none, `resolved` once it is over, else `identified` for a notice
/// (nothing to investigate: it states a known fact) and `investigating` for the rest.
fn status_in_force(i: &Incident, before: Option<&'static str>, at: DateTime<Utc>) -> &'static str {
    if i.is_maintenance() {
        return match i.phase(at) {
            Phase::Upcoming => "scheduled",
            Phase::InProgress => "in_progress",
            _ => "completed",
        };
    }
    if i.end.is_some_and(|end| end <= at) {
        return before.filter(|s| *s == "postmortem").unwrap_or("resolved");
    }
    match before {
        Some(status) => status,
        None if i.headline_severity() == Severity::Notice => "identified",
        None => "investigating",
    }
}

/// Which updates announce a component status change, and which: the first update that is in
/// force (an incident from its first update, a window once `in_progress`) moves each affected
/// component from operational to its status, the first `resolved` or `completed` moves it back.
/// Like Statuspage, updates that change nothing have `null`. A notice changes nothing.
struct ComponentChanges<'a> {
    /// Each affected component: id, name and the status it takes.
    components: Vec<(&'a str, &'a str, &'static str)>,
    started: bool,
    ended: bool,
}

impl<'a> ComponentChanges<'a> {
    fn new(ctx: &'a BuildContext, i: &'a Incident) -> Self {
        let components = i
            .components
            .iter()
            .filter_map(|id| {
                let status = if i.is_maintenance() {
                    ComponentStatus::UnderMaintenance
                } else {
                    ComponentStatus::from_severity(i.severity_for(id))?
                };
                let name = ctx
                    .site
                    .config
                    .components
                    .iter()
                    .find(|c| &c.id == id)
                    .map_or(id.as_str(), |c| c.name.as_str());
                Some((id.as_str(), name, status.as_str()))
            })
            .collect();
        ComponentChanges {
            components,
            started: false,
            ended: false,
        }
    }

    /// The changes an update with Statuspage status `status` announces, in order of updates.
    fn at(&mut self, status: &str) -> Option<Vec<AffectedComponent<'a>>> {
        if self.components.is_empty() || self.ended {
            return None;
        }
        let list = |from_operational: bool| {
            self.components
                .iter()
                .map(|&(code, name, status)| AffectedComponent {
                    code,
                    name,
                    old_status: if from_operational { "operational" } else { status },
                    new_status: if from_operational { status } else { "operational" },
                })
                .collect()
        };
        match status {
            "resolved" | "postmortem" | "completed" => {
                self.ended = true;
                // A window that never said `in_progress` still hands its components back.
                Some(list(false))
            }
            "scheduled" => None,
            _ if !self.started => {
                self.started = true;
                Some(list(true))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_id_is_host_and_path() {
        assert_eq!(page_id("https://status.example.org/"), "status-example-org");
        assert_eq!(
            page_id("https://Example.github.io/status/"),
            "example-github-io-status"
        );
    }

    #[test]
    fn severities_map_to_statuspage_impact() {
        let got: Vec<_> = [
            Severity::Notice,
            Severity::Degraded,
            Severity::Partial,
            Severity::Major,
        ]
        .map(impact)
        .to_vec();
        assert_eq!(got, ["none", "minor", "major", "critical"]);
    }
}
