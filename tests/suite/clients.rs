//! What real clients noticed (issue 15): the built site read the way a browser, a Statuspage
//! client, a feed reader and a calendar read it, with real parsers (scraper for HTML, serde_json
//! into typed mirrors, feed-rs, icalendar).

use feed_rs::model::Feed;
use scraper::{Html, Selector};
use serde::Deserialize;

use crate::common::TestSite;

const NOW: &str = "2026-03-10T12:00:00Z";

fn public(site: &TestSite, path: &str) -> String {
    site.read(&format!("public/{path}"))
}

/// The trimmed text of every element `selector` matches.
fn texts(html: &str, selector: &str) -> Vec<String> {
    let document = Html::parse_document(html);
    let selector = Selector::parse(selector).expect("a valid selector");
    document
        .select(&selector)
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[derive(Deserialize, Debug)]
struct StatusFile {
    status: Status,
}

#[derive(Deserialize, Debug, PartialEq)]
struct Status {
    indicator: Indicator,
    description: String,
}

#[derive(Deserialize, Debug, PartialEq, Eq, PartialOrd, Ord, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum Indicator {
    None,
    Maintenance,
    Minor,
    Major,
    Critical,
}

#[derive(Deserialize, Debug)]
struct IncidentsFile {
    incidents: Vec<Incident>,
}

// Deserialising checks every field's presence and type; not every test reads every one.
#[allow(dead_code)]
#[derive(Deserialize, Debug)]
struct Incident {
    id: String,
    status: String,
    impact: String,
    incident_updates: Vec<IncidentUpdate>,
}

#[allow(dead_code)]
#[derive(Deserialize, Debug)]
struct IncidentUpdate {
    status: String,
    affected_components: Option<Vec<AffectedComponent>>,
}

#[derive(Deserialize, Debug, PartialEq)]
struct AffectedComponent {
    code: String,
    name: String,
    old_status: String,
    new_status: String,
}

fn status_file(site: &TestSite) -> Status {
    serde_json::from_str::<StatusFile>(&public(site, "api/v2/status.json"))
        .expect("status.json reads as Statuspage's")
        .status
}

fn api_incidents(site: &TestSite, path: &str) -> Vec<Incident> {
    serde_json::from_str::<IncidentsFile>(&public(site, path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .incidents
}

/// Statuspage's `impact` for the words the HTML shows.
fn impact_of_label(label: &str) -> &'static str {
    match label {
        "Notice" => "none",
        "Degraded performance" => "minor",
        "Partial outage" => "major",
        "Major outage" => "critical",
        other => panic!("unexpected severity label {other:?}"),
    }
}

/// The bracketed label of a feed item title: "[Major outage] Title" → "Major outage".
fn feed_label(feed: &Feed, title: &str) -> String {
    let entry = feed
        .entries
        .iter()
        .find(|e| e.title.as_ref().is_some_and(|t| t.content.ends_with(title)))
        .unwrap_or_else(|| panic!("no feed item titled {title}"));
    let text = &entry.title.as_ref().unwrap().content;
    text.strip_prefix('[')
        .and_then(|rest| rest.split_once(']'))
        .map(|(label, _)| label.to_string())
        .unwrap_or_else(|| panic!("no label in {text:?}"))
}

// Regression: `beacon new incident` with its defaults (severity major, no component) gave a green
// "All systems operational" banner above a "Major outage" card, and status.json said `none`.
#[test]
fn default_new_incident_does_not_contradict_itself() {
    let site = TestSite::new();
    let run = site.beacon(&["new", "incident", "Everything is down", "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    site.build_at("2026-03-10T12:30:00Z");
    let index = public(&site, "index.html");
    let banner = texts(&index, ".banner h1");
    assert_eq!(banner, ["Major outage"], "the banner");
    let status = status_file(&site);
    assert_eq!(status.indicator, Indicator::Critical);
    assert_eq!(status.description, "Major outage");
    let incidents = api_incidents(&site, "api/v2/incidents/unresolved.json");
    assert_eq!(incidents.len(), 1);
    assert_eq!(incidents[0].impact, "critical");
    let page = public(&site, &format!("incidents/{}/index.html", incidents[0].id));
    assert_eq!(
        texts(&page, "dd .status"),
        ["Major outage"],
        "the incident page's severity"
    );
}

const CONFIG: &str = r#"title = "Clients"
base_url = "https://status.example.org/"
timezone = "UTC"

[[components]]
id = "email"
name = "Email"

[[components]]
id = "vpn"
name = "VPN"
"#;

const SEVERITIES: [&str; 4] = ["notice", "degraded", "partial", "major"];

/// An ongoing incident of `severity` on `components`, with an `impact` table for overrides.
fn incident(title: &str, severity: &str, components: &[&str], impact: &str) -> String {
    let list: Vec<String> = components.iter().map(|c| format!("{c:?}")).collect();
    format!(
        "+++\ntitle = {title:?}\ndate = 2026-03-10T08:00:00Z\nseverity = {severity:?}\ncomponents = [{}]\nimpact = {{ {impact} }}\n[[updates]]\nat = 2026-03-10T08:05:00Z\nstatus = \"investigating\"\ntext = \"Looking.\"\n+++\n",
        list.join(", ")
    )
}

/// Every way an incident's severity can be given: each severity with no component, one
/// component, and two components where an `impact` override is better or worse than `severity`.
fn severity_cases() -> Vec<(String, String)> {
    let mut cases = Vec::new();
    for (n, severity) in SEVERITIES.iter().enumerate() {
        let worse = SEVERITIES[(n + 1).min(3)];
        let better = SEVERITIES[n.saturating_sub(1)];
        for (shape, components, impact) in [
            ("none", &[][..], String::new()),
            ("one", &["email"][..], String::new()),
            ("worse", &["email", "vpn"][..], format!("vpn = {worse:?}")),
            ("better", &["email", "vpn"][..], format!("vpn = {better:?}")),
        ] {
            let title = format!("Case {severity} {shape}");
            cases.push((title.clone(), incident(&title, severity, components, &impact)));
        }
    }
    cases
}

// The class: wherever an incident's severity is shown (its page, the front page card, the feed
// title, the API's impact) it is the same one, and the overall status (banner and status.json)
// is never better than any ongoing incident's, components or not.
#[test]
fn every_output_shows_one_severity_per_incident_and_the_banner_agrees() {
    let site = TestSite::new();
    site.write("config.toml", CONFIG);
    for (n, (_, text)) in severity_cases().iter().enumerate() {
        site.write(&format!("content/incidents/case-{n}.md"), text);
    }
    site.build_at(NOW);
    let feed = feed_rs::parser::parse(public(&site, "feed.xml").as_bytes()).expect("feed.xml parses");
    for (n, (title, _)) in severity_cases().iter().enumerate() {
        let slug = format!("case-{n}");
        let page = public(&site, &format!("incidents/{slug}/index.html"));
        let shown = texts(&page, "dd .status");
        assert_eq!(shown.len(), 1, "{title}: {shown:?}");
        let api = api_incidents(&site, "api/v2/incidents.json")
            .into_iter()
            .find(|i| i.id == slug)
            .expect("listed in incidents.json");
        assert_eq!(impact_of_label(&shown[0]), api.impact, "{title}: page vs API");
        let in_feed = feed_label(&feed, title);
        assert_eq!(in_feed, shown[0], "{title}: page vs feed");
    }

    // Overall status, one ongoing incident at a time.
    for (title, text) in severity_cases() {
        let site = TestSite::new();
        site.write("config.toml", CONFIG);
        site.write("content/incidents/only.md", &text);
        site.build_at(NOW);
        let impact = api_incidents(&site, "api/v2/incidents/unresolved.json")[0]
            .impact
            .clone();
        let status = status_file(&site);
        let expected = match impact.as_str() {
            "none" => Indicator::None,
            "minor" => Indicator::Minor,
            "major" => Indicator::Major,
            _ => Indicator::Critical,
        };
        assert_eq!(status.indicator, expected, "{title}");
        let banner = texts(&public(&site, "index.html"), ".banner h1");
        assert_eq!(
            banner,
            std::slice::from_ref(&status.description),
            "{title}: banner vs API"
        );
    }
}

#[derive(Deserialize, Debug)]
struct MaintenancesFile {
    scheduled_maintenances: Vec<Incident>,
}

fn api_windows(site: &TestSite, path: &str) -> Vec<Incident> {
    serde_json::from_str::<MaintenancesFile>(&public(site, path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .scheduled_maintenances
}

fn ids(list: &[Incident]) -> Vec<&str> {
    list.iter().map(|i| i.id.as_str()).collect()
}

fn find<'a>(list: &'a [Incident], id: &str) -> &'a Incident {
    list.iter()
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("{id} not listed"))
}

/// Updates oldest first (the API lists them newest first).
fn statuses(incident: &Incident) -> Vec<&str> {
    incident
        .incident_updates
        .iter()
        .rev()
        .map(|u| u.status.as_str())
        .collect()
}

/// At [`NOW`] (2026-03-10 12:00Z): a window in progress, one upcoming, one completed that only
/// ever said `update`, an ongoing notice whose only update is `update`, and a resolved outage
/// on two components with an `update` before and after its resolution.
fn statuspage_site() -> TestSite {
    let site = TestSite::new();
    site.write("config.toml", CONFIG);
    let window = |name: &str, start: &str, end: &str, updates: &str| {
        site.write(
            &format!("content/incidents/{name}.md"),
            format!("+++\ntitle = \"{name}\"\nkind = \"maintenance\"\ndate = {start}\nend = {end}\ncomponents = [\"email\"]\n{updates}+++\n"),
        );
    };
    let update = |at: &str, status: &str| {
        format!("[[updates]]\nat = {at}\nstatus = \"{status}\"\ntext = \"{status} at {at}\"\n")
    };
    window(
        "active",
        "2026-03-10T11:00:00Z",
        "2026-03-10T13:00:00Z",
        &(update("2026-03-01T00:00:00Z", "scheduled") + &update("2026-03-10T11:30:00Z", "update")),
    );
    window(
        "upcoming",
        "2026-03-20T00:00:00Z",
        "2026-03-20T02:00:00Z",
        &update("2026-03-09T00:00:00Z", "scheduled"),
    );
    window(
        "done",
        "2026-03-01T00:00:00Z",
        "2026-03-01T02:00:00Z",
        &(update("2026-02-20T00:00:00Z", "update")
            + &update("2026-03-01T01:00:00Z", "update")
            + &update("2026-03-01T03:00:00Z", "update")),
    );
    site.write(
        "content/incidents/notice.md",
        format!("+++\ntitle = \"Heads up\"\ndate = 2026-03-10T09:00:00Z\nseverity = \"notice\"\ncomponents = [\"vpn\"]\n{}+++\n", update("2026-03-10T09:00:00Z", "update")),
    );
    site.write(
        "content/incidents/outage.md",
        format!(
            "+++\ntitle = \"Outage\"\ndate = 2026-03-02T08:00:00Z\nresolved = 2026-03-02T10:00:00Z\nseverity = \"partial\"\ncomponents = [\"email\", \"vpn\"]\nimpact = {{ vpn = \"major\" }}\n{}{}{}{}+++\n",
            update("2026-03-02T08:05:00Z", "investigating"),
            update("2026-03-02T09:00:00Z", "update"),
            update("2026-03-02T10:00:00Z", "resolved"),
            update("2026-03-03T10:00:00Z", "update"),
        ),
    );
    site
}

// Regression: no `scheduled-maintenances/active.json`.
#[test]
fn statuspage_active_maintenances_endpoint_lists_windows_in_progress() {
    let site = statuspage_site();
    site.build_at(NOW);
    let active = api_windows(&site, "api/v2/scheduled-maintenances/active.json");
    assert_eq!(ids(&active), ["active"]);
    assert_eq!(active[0].status, "in_progress");
}

// The class: every public endpoint the `statuspage.io` client knows (its `Endpoint` table, less
// the authenticated subscribers one) exists and reads as Statuspage's shape, and the lists agree.
#[test]
fn statuspage_client_endpoints_all_exist_and_agree() {
    let site = statuspage_site();
    site.build_at(NOW);
    for path in ["summary.json", "status.json", "components.json"] {
        let value: serde_json::Value =
            serde_json::from_str(&public(&site, &format!("api/v2/{path}"))).unwrap();
        assert!(value["page"]["id"].is_string(), "{path}");
    }
    let all = api_windows(&site, "api/v2/scheduled-maintenances.json");
    let upcoming = api_windows(&site, "api/v2/scheduled-maintenances/upcoming.json");
    let active = api_windows(&site, "api/v2/scheduled-maintenances/active.json");
    let summary = api_windows(&site, "api/v2/summary.json");
    assert_eq!(ids(&upcoming), ["upcoming"]);
    let mut current = ids(&active);
    current.extend(ids(&upcoming));
    assert_eq!(ids(&summary), current, "summary: active, then upcoming");
    for window in &all {
        let listed_active = active.iter().any(|w| w.id == window.id);
        let listed_upcoming = upcoming.iter().any(|w| w.id == window.id);
        assert_eq!(listed_active, window.status == "in_progress", "{}", window.id);
        assert_eq!(listed_upcoming, window.status == "scheduled", "{}", window.id);
    }
    let unresolved = api_incidents(&site, "api/v2/incidents/unresolved.json");
    assert_eq!(ids(&unresolved), ["notice"]);
}

// Regression: maintenance in progress reported indicator `minor`; Statuspage says `maintenance`.
#[test]
fn statuspage_maintenance_in_progress_indicator_is_maintenance() {
    let site = statuspage_site();
    site.build_at(NOW);
    let status = status_file(&site);
    assert_eq!(status.indicator, Indicator::Maintenance);
    assert_eq!(status.description, "Maintenance in progress");
    // Any outage outranks maintenance, as on Statuspage.
    site.write(
        "content/incidents/degraded.md",
        incident("Slow", "degraded", &["vpn"], ""),
    );
    site.build_at(NOW);
    assert_eq!(status_file(&site).indicator, Indicator::Minor);
}

// Regression: a notice whose only update is `update` reported status `investigating`.
#[test]
fn statuspage_notice_whose_only_update_is_update_is_not_investigating() {
    let site = statuspage_site();
    site.build_at(NOW);
    let notice = find(&api_incidents(&site, "api/v2/incidents.json"), "notice").clone_status();
    assert_eq!(notice, ("identified".to_string(), vec!["identified".to_string()]));
}

// The class: an `update` stands for the status in force at its time, for every kind: a window's
// follows its clock, an incident's the status before it, `resolved` once it is over.
#[test]
fn statuspage_update_statuses_are_the_status_in_force_at_their_time() {
    let site = statuspage_site();
    site.build_at(NOW);
    let windows = api_windows(&site, "api/v2/scheduled-maintenances.json");
    assert_eq!(statuses(find(&windows, "active")), ["scheduled", "in_progress"]);
    assert_eq!(
        statuses(find(&windows, "done")),
        ["scheduled", "in_progress", "completed"]
    );
    let incidents = api_incidents(&site, "api/v2/incidents.json");
    let outage = find(&incidents, "outage");
    assert_eq!(
        statuses(outage),
        ["investigating", "investigating", "resolved", "resolved"]
    );
    assert_eq!(outage.status, "resolved");
    assert_eq!(outage.impact, "critical");
}

// Regression: `affected_components` was always null.
#[test]
fn statuspage_affected_components_are_filled() {
    let site = statuspage_site();
    site.build_at(NOW);
    let incidents = api_incidents(&site, "api/v2/incidents.json");
    let outage = find(&incidents, "outage");
    let changes: Vec<Option<Vec<(String, String, String)>>> = outage
        .incident_updates
        .iter()
        .rev()
        .map(|u| {
            u.affected_components.as_ref().map(|list| {
                list.iter()
                    .map(|c| (c.code.clone(), c.old_status.clone(), c.new_status.clone()))
                    .collect()
            })
        })
        .collect();
    let change = |code: &str, old: &str, new: &str| (code.to_string(), old.to_string(), new.to_string());
    assert_eq!(
        changes,
        [
            Some(vec![
                change("email", "operational", "partial_outage"),
                change("vpn", "operational", "major_outage"),
            ]),
            None,
            Some(vec![
                change("email", "partial_outage", "operational"),
                change("vpn", "major_outage", "operational"),
            ]),
            None,
        ]
    );
    let first = outage.incident_updates.last().unwrap();
    assert_eq!(first.affected_components.as_ref().unwrap()[0].name, "Email");
    // A window hands its components to maintenance when it starts, back when it completes; a
    // notice changes nothing.
    let windows = api_windows(&site, "api/v2/scheduled-maintenances.json");
    let done: Vec<Option<(String, String)>> = find(&windows, "done")
        .incident_updates
        .iter()
        .rev()
        .map(|u| {
            u.affected_components
                .as_ref()
                .map(|l| (l[0].old_status.clone(), l[0].new_status.clone()))
        })
        .collect();
    assert_eq!(
        done,
        [
            None,
            Some(("operational".into(), "under_maintenance".into())),
            Some(("under_maintenance".into(), "operational".into())),
        ]
    );
    let notice = find(&incidents, "notice");
    assert!(notice
        .incident_updates
        .iter()
        .all(|u| u.affected_components.is_none()));
}

impl Incident {
    /// The incident's status and its updates' statuses, oldest first.
    fn clone_status(&self) -> (String, Vec<String>) {
        (
            self.status.clone(),
            statuses(self).into_iter().map(String::from).collect(),
        )
    }
}

/// The RFC 5545 rules a strict reader enforces, checked on the raw text and on the icalendar
/// crate's parse: CRLF lines of at most 75 octets, VERSION and PRODID, at least one component,
/// every event with UID, DTSTAMP and DTSTART, every time zone with TZID and a STANDARD or
/// DAYLIGHT part carrying DTSTART, TZOFFSETFROM and TZOFFSETTO, and BEGIN/END balanced.
fn assert_rfc5545(text: &str) {
    assert!(text.ends_with("\r\n"), "the last line ends with CRLF");
    let lines: Vec<&str> = text.strip_suffix("\r\n").unwrap().split("\r\n").collect();
    let mut open: Vec<&str> = Vec::new();
    for line in &lines {
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "a bare line break: {line:?}"
        );
        assert!(line.len() <= 75, "a line longer than 75 octets: {line:?}");
        if let Some(name) = line.strip_prefix("BEGIN:") {
            open.push(name);
        } else if let Some(name) = line.strip_prefix("END:") {
            assert_eq!(open.pop(), Some(name), "END:{name} closes nothing open");
        }
    }
    assert!(open.is_empty(), "left open: {open:?}");
    let calendar: icalendar::Calendar = text.parse().expect("maintenance.ics parses");
    assert_eq!(calendar.property_value("VERSION"), Some("2.0"));
    assert!(calendar.property_value("PRODID").is_some_and(|p| !p.is_empty()));
    assert!(
        !calendar.components.is_empty(),
        "RFC 5545 §3.6: at least one component"
    );
    let unfolded = icalendar::parser::unfold(text);
    let parsed = icalendar::parser::read_calendar(&unfolded).expect("parses");
    for component in &parsed.components {
        match component.name.as_str() {
            "VEVENT" => {
                for required in ["UID", "DTSTAMP", "DTSTART"] {
                    assert!(
                        component.find_prop(required).is_some(),
                        "VEVENT without {required}"
                    );
                }
            }
            "VTIMEZONE" => {
                assert!(component.find_prop("TZID").is_some(), "VTIMEZONE without TZID");
                assert!(
                    !component.components.is_empty(),
                    "VTIMEZONE without STANDARD/DAYLIGHT"
                );
                for part in &component.components {
                    assert!(
                        matches!(part.name.as_str(), "STANDARD" | "DAYLIGHT"),
                        "{}",
                        part.name
                    );
                    for required in ["DTSTART", "TZOFFSETFROM", "TZOFFSETTO"] {
                        assert!(
                            part.find_prop(required).is_some(),
                            "{} without {required}",
                            part.name
                        );
                    }
                }
            }
            other => panic!("unexpected component {other}"),
        }
    }
}

// Regression: with no window published, maintenance.ics had no component at all.
#[test]
fn empty_maintenance_ics_is_valid_rfc5545() {
    let site = TestSite::new();
    site.build_at(NOW);
    let text = public(&site, "maintenance.ics");
    assert_rfc5545(&text);
    let calendar: icalendar::Calendar = text.parse().unwrap();
    assert!(
        calendar.components.iter().all(|c| c.as_event().is_none()),
        "an empty calendar invents no event"
    );
}

// The class: every calendar beacon writes, however many windows in whatever phase (none,
// upcoming, in progress, completed, unannounced yet), meets RFC 5545's structure.
#[test]
fn every_maintenance_calendar_is_valid_rfc5545() {
    let site = statuspage_site();
    for now in [
        "2026-01-01T00:00:00Z", // nothing announced yet
        "2026-02-25T00:00:00Z", // one window announced
        "2026-03-01T01:00:00Z", // one in progress
        NOW,                    // in progress, upcoming and completed
        "2027-01-01T00:00:00Z", // all completed
    ] {
        site.build_at(now);
        let text = public(&site, "maintenance.ics");
        assert_rfc5545(&text);
        assert!(text.contains("METHOD:PUBLISH\r\n"), "{now}");
    }
}

/// For each component on the front page: its uptime figures (every `.uptime` element it has).
fn figures(index: &str) -> Vec<Vec<String>> {
    let document = Html::parse_document(index);
    let component = Selector::parse("li.component").unwrap();
    let uptime = Selector::parse(".uptime").unwrap();
    document
        .select(&component)
        .map(|c| {
            c.select(&uptime)
                .map(|u| u.text().collect::<String>().trim().to_string())
                .collect()
        })
        .collect()
}

/// The front page's one scale ("N days ago … Today"), which every component's bars share.
fn scales(index: &str) -> Vec<String> {
    let document = Html::parse_document(index);
    document
        .select(&Selector::parse(".bars-scale > span:first-child").unwrap())
        .map(|s| s.text().collect::<String>().trim().to_string())
        .collect()
}

/// The number N in "N days ago" or "… last N days".
fn days_in(text: &str) -> u32 {
    let words: Vec<&str> = text.split_whitespace().collect();
    let at = words
        .iter()
        .position(|w| *w == "days")
        .unwrap_or_else(|| panic!("no `N days` in {text:?}"));
    words[at - 1]
        .parse()
        .unwrap_or_else(|_| panic!("no number before `days` in {text:?}"))
}

// Regression: the figure beside the bars read 99.79% (90 days) on desktop and 99.38% (30 days)
// on a phone, in the same build. Now the markup holds one figure per component, for the bar
// window, and the stylesheet hides no bars and no figure on any screen.
#[test]
fn one_figure_per_component_on_every_screen() {
    let site = TestSite::new();
    site.build_at(NOW);
    let index = public(&site, "index.html");
    let figures = figures(&index);
    assert!(!figures.is_empty());
    for figure in &figures {
        assert_eq!(figure.len(), 1, "{figures:?}");
        assert_eq!(days_in(&figure[0]), 90, "{figure:?}");
    }
    assert!(!index.contains("wide-only") && !index.contains("narrow-only"));
    let css = public(&site, "style.css");
    assert!(!css.contains("nth-last-child(n+"), "no screen hides bars");
    for hidden in [".uptime", ".bar "] {
        for media in css.split("@media").skip(1) {
            let block = media.split("\n}\n").next().unwrap_or("");
            for rule in block.lines().filter(|l| l.contains("display: none")) {
                assert!(!rule.contains(hidden), "a screen hides {hidden}: {rule}");
            }
        }
    }
}

// The class: for any bar window, the bars, the one scale over them and each figure count the
// same days, and the figure is that window's figure.
#[test]
fn the_bars_the_scale_and_the_figure_describe_the_same_days() {
    for window in [7, 30, 31, 90, 365] {
        let site = TestSite::new();
        // `[uptime]` after the component array tables is a table of its own.
        site.write(
            "config.toml",
            format!("{}\n[uptime]\ndays = {window}\n", crate::common::CONFIG),
        );
        site.write(
            "content/incidents/outage.md",
            "+++\ntitle = \"Down\"\ndate = 2026-03-01T00:00:00Z\nresolved = 2026-03-01T06:00:00Z\nseverity = \"major\"\ncomponents = [\"email\"]\n+++\n",
        );
        site.build_at(NOW);
        let index = public(&site, "index.html");
        let uptime: serde_json::Value = serde_json::from_str(&public(&site, "api/v2/uptime.json")).unwrap();
        let document = Html::parse_document(&index);
        for c in document.select(&Selector::parse("li.component").unwrap()) {
            let bars = c.select(&Selector::parse(".bar").unwrap()).count() as u32;
            assert_eq!(bars, window, "one bar per day of the window");
        }
        let scales = scales(&index);
        assert_eq!(scales.len(), 1, "one scale for the list: {scales:?}");
        assert_eq!(days_in(&scales[0]), window);
        for (n, figure) in figures(&index).into_iter().enumerate() {
            let [figure] = figure.as_slice() else {
                panic!("one figure: {figure:?}")
            };
            assert_eq!(days_in(figure), window, "window {window}: {figure:?}");
            // The figure is the exact fraction for those days, truncated to two decimals.
            let exact = uptime["components"][n]["uptime"][window.to_string()]
                .as_f64()
                .unwrap_or_else(|| {
                    panic!(
                        "uptime.json has no {window}-day figure: {}",
                        uptime["components"][n]
                    )
                });
            let shown: f64 = figure.split('%').next().unwrap().parse().unwrap();
            let truncated = (exact * 10_000.0).floor() / 100.0;
            assert!(
                (shown - truncated).abs() < 1e-9,
                "window {window}: {figure} vs {exact}"
            );
        }
    }
}

#[derive(Deserialize, Debug)]
struct ComponentsFile {
    components: Vec<ApiComponent>,
}

#[derive(Deserialize, Debug)]
struct ApiComponent {
    id: String,
    status: String,
    group: bool,
}

/// Every place a component's status shows: its row on the front page, its page, the API's
/// components and summary, and its badge.
fn status_everywhere(site: &TestSite, id: &str, name: &str) -> Vec<(String, String)> {
    let mut seen = Vec::new();
    let index = public(site, "index.html");
    let document = Html::parse_document(&index);
    for component in document.select(&Selector::parse("li.component").unwrap()) {
        let link = component
            .select(&Selector::parse(".component-name").unwrap())
            .next()
            .unwrap();
        if link.text().collect::<String>() == name {
            let status = component
                .select(&Selector::parse(".component-head .status").unwrap())
                .next()
                .unwrap();
            seen.push((
                "index.html".into(),
                status.text().collect::<String>().trim().to_string(),
            ));
            let uptime = component
                .select(&Selector::parse(".uptime").unwrap())
                .next()
                .unwrap();
            seen.push((
                "index.html uptime".into(),
                uptime.text().collect::<String>().trim().to_string(),
            ));
        }
    }
    let page = public(site, &format!("components/{id}/index.html"));
    seen.push(("component page".into(), texts(&page, ".current .status").join("")));
    seen.push((
        "component page uptime".into(),
        texts(&page, ".windows dd").join(", "),
    ));
    for path in ["api/v2/components.json", "api/v2/summary.json"] {
        let file: ComponentsFile = serde_json::from_str(&public(site, path)).unwrap();
        let component = file.components.iter().find(|c| c.id == id && !c.group).unwrap();
        seen.push((path.into(), component.status.clone()));
    }
    let badge = public(site, &format!("components/{id}/badge.svg"));
    let svg = roxmltree::Document::parse(&badge).expect("the badge is XML");
    let title = svg
        .descendants()
        .find(|n| n.has_tag_name("title"))
        .and_then(|n| n.text())
        .unwrap_or_default()
        .to_string();
    seen.push(("badge".into(), title));
    seen
}

fn config_with_since(since: &str) -> String {
    format!(
        "title = \"Since\"\nbase_url = \"https://status.example.org/\"\ntimezone = \"America/New_York\"\n\n[[components]]\nid = \"email\"\nname = \"Email\"\n\n[[components]]\nid = \"chat\"\nname = \"Chat\"\ngroup = \"New\"\nsince = {since}\n"
    )
}

// Regression: before its `since` date, a component showed "Operational" in the HTML and the API.
#[test]
fn component_before_since_says_no_data_yet() {
    let site = TestSite::new();
    site.write("config.toml", config_with_since("2026-04-01"));
    site.build_at(NOW);
    let seen = status_everywhere(&site, "chat", "Chat");
    assert_eq!(
        seen,
        [
            ("index.html".to_string(), "No data yet".to_string()),
            ("index.html uptime".into(), "Uptime: no data yet".into()),
            ("component page".into(), "No data yet".into()),
            (
                "component page uptime".into(),
                "no data yet, no data yet, no data yet".into()
            ),
            ("api/v2/components.json".into(), "no_data".into()),
            ("api/v2/summary.json".into(), "no_data".into()),
            ("badge".into(), "Chat: No data yet".into()),
        ]
    );
}

// The class: until the first instant of its `since` day in the site's zone, a component has no
// data in every output, even if an incident names it; from that instant on, it has a status;
// and a component without data never makes its group or the page look better or worse.
#[test]
fn no_status_is_claimed_for_a_component_before_its_since_day() {
    let site = TestSite::new();
    site.write("config.toml", config_with_since("2026-03-11"));
    site.write(
        "content/incidents/early.md",
        incident("Early", "major", &["chat"], ""),
    );
    // 2026-03-11 starts at 04:00Z in New York (EDT from 8 March).
    site.build_at("2026-03-11T03:59:59Z");
    // An ongoing incident is data: its status shows even before `since`; the uptime has no
    // data yet (issue "Hardening, round three", item 9: "No data yet" replaces "Operational",
    // never an incident's status).
    for (place, status) in status_everywhere(&site, "chat", "Chat") {
        if place.contains("uptime") {
            assert!(status.to_lowercase().contains("no data yet"), "{place}: {status}");
        } else {
            assert!(status.to_lowercase().contains("major"), "{place}: {status}");
        }
    }
    std::fs::remove_file(site.path("content/incidents/early.md")).unwrap();
    site.build_at("2026-03-11T03:59:59Z");
    for (place, status) in status_everywhere(&site, "chat", "Chat") {
        assert!(
            status.to_lowercase().contains("no data yet") || status == "no_data",
            "{place}: {status}"
        );
    }
    let uptime: serde_json::Value = serde_json::from_str(&public(&site, "api/v2/uptime.json")).unwrap();
    let chat = uptime["components"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "chat")
        .unwrap();
    assert!(
        chat["uptime"].as_object().unwrap().values().all(|v| v.is_null()),
        "{chat}"
    );
    assert!(chat["days"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["status"] == "no_data"));
    // The group of only that component has no data either; the page is not made worse by it.
    let index = public(&site, "index.html");
    assert!(
        texts(&index, ".group-head .status")
            .iter()
            .any(|s| s == "No data yet"),
        "{:?}",
        texts(&index, ".group-head .status")
    );

    // An hour later (at the very first instant the window holds no time yet).
    site.write(
        "content/incidents/early.md",
        incident("Early", "major", &["chat"], ""),
    );
    site.build_at("2026-03-11T05:00:00Z");
    for (place, status) in status_everywhere(&site, "chat", "Chat") {
        assert!(!status.to_lowercase().contains("no data"), "{place}: {status}");
    }
    assert_eq!(status_everywhere(&site, "chat", "Chat")[4].1, "major_outage");
}

/// The per-update feeds as a reader sees them: every update of every incident an item of its
/// own, with an id that stays the same from one build to the next, in RSS and Atom, in every
/// edition.
#[test]
fn per_update_feeds_give_every_update_its_own_stable_item() {
    let site = TestSite::example();
    let parse = |path: &str| -> Feed {
        feed_rs::parser::parse(site.read(path).as_bytes()).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    // The morning of the 2022 outage, after "Monitoring" and before "Resolved".
    site.build_at("2022-01-27T13:00:00-05:00");
    let ids_at_one: Vec<String> = parse("public/updates/atom.xml")
        .entries
        .iter()
        .map(|e| e.id.clone())
        .collect();
    site.build_at("2022-01-27T15:10:00-05:00");
    for edition in ["public", "public/fr"] {
        for file in ["updates/feed.xml", "updates/atom.xml"] {
            let path = format!("{edition}/{file}");
            let feed = parse(&path);
            let ids: Vec<&str> = feed.entries.iter().map(|e| e.id.as_str()).collect();
            let unique: std::collections::BTreeSet<&str> = ids.iter().copied().collect();
            assert_eq!(unique.len(), ids.len(), "{path}: ids repeat: {ids:?}");
            // The four updates of the 2022 outage, one item each, newest first.
            let outage: Vec<&feed_rs::model::Entry> = feed
                .entries
                .iter()
                .filter(|e| e.id.contains("/incidents/2022-01-27-mobile-email/#update-"))
                .collect();
            assert_eq!(outage.len(), 4, "{path}: {ids:?}");
            for entry in &outage {
                assert!(entry.published.or(entry.updated).is_some(), "{path}: no date");
                assert!(
                    entry
                        .links
                        .iter()
                        .any(|l| l.href.ends_with("/incidents/2022-01-27-mobile-email/")),
                    "{path}: {:?}",
                    entry.links
                );
            }
            let dates: Vec<_> = outage
                .iter()
                .map(|e| e.published.or(e.updated).unwrap())
                .collect();
            assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{path}: newest first");
            if edition == "public" {
                let title = outage[0].title.as_ref().unwrap().content.as_str();
                assert!(title.starts_with("[Resolved] "), "{path}: {title}");
            } else {
                assert!(
                    outage[0].id.contains("/fr/incidents/"),
                    "{path}: {}",
                    outage[0].id
                );
            }
        }
    }
    // An item's id does not change when later updates arrive.
    let ids_later: Vec<String> = parse("public/updates/atom.xml")
        .entries
        .iter()
        .map(|e| e.id.clone())
        .collect();
    for id in &ids_at_one {
        assert!(ids_later.contains(id), "{id} vanished or changed: {ids_later:?}");
    }
    assert_eq!(
        ids_later.len(),
        ids_at_one.len() + 1,
        "one new item, the resolution"
    );
}
