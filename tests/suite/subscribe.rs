//! Feeds, calendar, JSON API and badges (issue 5), each read back with a real parser: feed-rs
//! for RSS and Atom, icalendar for the .ics, serde_json into typed mirrors of Statuspage's
//! documented shapes, roxmltree for the SVG.

use chrono::{DateTime, NaiveDate, Utc};
use feed_rs::model::Feed;
use icalendar::{CalendarComponent, Component, DatePerhapsTime};
use serde::Deserialize;

use crate::common::{snapshot, TestSite};

const BASE: &str = "https://example.github.io/status/";

/// The common test config, served from a subpath, three items per feed.
fn config() -> String {
    crate::common::CONFIG
        .replace("Test Status", "Sub & Status")
        .replace("https://status.example.org/", BASE)
        .replacen("\n[[components]]", "\n[feeds]\nlimit = 3\n\n[[components]]", 1)
}

/// A title with everything that must be escaped, emoji and right-to-left text.
const HOSTILE: &str = "Mail <b>&amp;</b> \"quoted\" 'apos' 😀 שלום עולם";
const WINDOW_TITLE: &str =
    "Mail server upgrade; storage, network & 😀 migration \\ for the whole department and everyone else";

const NOW: &str = "2026-03-10T12:00:00Z";
const LATER: &str = "2026-03-25T12:00:00Z";

/// Five published items and one from the future. Last changes as of NOW: upgrade 03-02 10:00,
/// hostile 03-01 08:10, vpn 02-01 09:05, email 01-05 12:00, old notice 12-02.
fn site() -> TestSite {
    let site = TestSite::new();
    site.write("config.toml", config());
    site.write(
        "content/incidents/2026-01-05-email-down.md",
        r#"+++
title = "Email down"
date = 2026-01-05T10:00:00Z
resolved = 2026-01-05T12:00:00Z
severity = "major"
components = ["email"]
[[updates]]
at = 2026-01-05T10:10:00Z
status = "investigating"
text = "Looking."
[[updates]]
at = 2026-01-05T12:00:00Z
status = "resolved"
text = "Fixed."
+++
"#,
    );
    site.write(
        "content/incidents/2026-02-01-vpn-slow.md",
        r#"+++
title = "VPN slow"
date = 2026-02-01T09:00:00Z
severity = "degraded"
components = ["vpn"]
[[updates]]
at = 2026-02-01T09:05:00Z
status = "investigating"
text = "Slow logins."
[[updates]]
at = 2026-03-20T12:00:00Z
status = "identified"
text = "SECRET-FUTURE-UPDATE"
+++
"#,
    );
    site.write(
        "content/incidents/2026-03-01-hostile.md",
        format!(
            r#"+++
title = '''{HOSTILE}'''
date = 2026-03-01T08:00:00Z
resolved = 2026-03-15T00:00:00Z
severity = "partial"
components = ["mobile-email"]
[[updates]]
at = 2026-03-01T08:10:00Z
status = "investigating"
text = "Tags <script>alert(1)</script> & ampersands."
[[updates]]
at = 2026-03-15T00:00:00Z
status = "resolved"
text = "SECRET-FUTURE-RESOLUTION"
+++
Body with **bold**.
"#
        ),
    );
    site.write(
        "content/incidents/2026-04-01-future.md",
        r#"+++
title = "FUTURE-INCIDENT"
date = 2026-04-01T00:00:00Z
severity = "major"
components = ["vpn"]
+++
"#,
    );
    site.write(
        "content/incidents/2026-03-20-upgrade.md",
        format!(
            r#"+++
title = '''{WINDOW_TITLE}'''
kind = "maintenance"
date = 2026-03-20T02:00:00Z
end = 2026-03-20T06:00:00Z
components = ["email", "mobile-email"]
[[updates]]
at = 2026-03-02T10:00:00Z
status = "scheduled"
text = "Queued mail is kept; nothing is lost, whatever the length of this rather long sentence about it."
+++
"#
        ),
    );
    site.write(
        "content/incidents/2025-12-01-old.md",
        r#"+++
title = "Old notice"
date = 2025-12-01T00:00:00Z
resolved = 2025-12-02T00:00:00Z
severity = "notice"
components = ["vpn"]
+++
"#,
    );
    site
}

fn at(t: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(t).unwrap().with_timezone(&Utc)
}

fn url(slug: &str) -> String {
    format!("{BASE}incidents/{slug}/")
}

fn feed(site: &TestSite, path: &str) -> Feed {
    feed_rs::parser::parse(public(site, path).as_bytes()).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn ids(feed: &Feed) -> Vec<&str> {
    feed.entries.iter().map(|e| e.id.as_str()).collect()
}

// Order, limit, titles, dates and content as a feed reader sees them, in both formats.
#[test]
fn feeds_list_newest_change_first_within_the_limit() {
    let site = site();
    site.build_at(NOW);
    let expected = [
        url("2026-03-20-upgrade"),
        url("2026-03-01-hostile"),
        url("2026-02-01-vpn-slow"),
    ];
    for path in ["feed.xml", "atom.xml"] {
        let feed = feed(&site, path);
        assert_eq!(ids(&feed), expected, "{path}");
        let titles: Vec<_> = feed
            .entries
            .iter()
            .map(|e| e.title.as_ref().unwrap().content.clone())
            .collect();
        assert_eq!(
            titles,
            [
                format!("[Maintenance] {WINDOW_TITLE}"),
                format!("[Partial outage] {HOSTILE}"),
                "[Degraded performance] VPN slow".to_string()
            ],
            "{path}"
        );
        assert_eq!(feed.title.as_ref().unwrap().content, "Sub & Status");
        assert_eq!(feed.language.as_deref(), Some("en"));
        assert_eq!(feed.updated, Some(at(NOW)), "{path}: build date is `now`");
        for entry in &feed.entries {
            assert_eq!(entry.links[0].href, entry.id, "{path}: link is the permalink");
        }
    }
    let rss = feed(&site, "feed.xml");
    let dates: Vec<_> = rss.entries.iter().map(|e| e.published.unwrap()).collect();
    assert_eq!(
        dates,
        [
            at("2026-03-02T10:00:00Z"),
            at("2026-03-01T08:10:00Z"),
            at("2026-02-01T09:05:00Z")
        ]
    );
    let hostile = &rss.entries[1];
    let html = &hostile.summary.as_ref().unwrap().content;
    assert!(
        html.contains("Tags &lt;script&gt;alert(1)&lt;/script&gt; &amp; ampersands."),
        "{html}"
    );
    assert!(html.contains("<strong>bold</strong>"), "{html}");
    assert!(html.contains("Mobile email"), "{html}");
    let categories: Vec<_> = hostile.categories.iter().map(|c| c.term.as_str()).collect();
    assert_eq!(categories, ["Mobile email"]);

    let atom = feed(&site, "atom.xml");
    let window = &atom.entries[0];
    assert_eq!(window.published, Some(at("2026-03-02T10:00:00Z")));
    assert_eq!(window.updated, Some(at("2026-03-02T10:00:00Z")));
    let content = window.content.as_ref().unwrap().body.as_ref().unwrap();
    assert!(content.contains("Queued mail is kept"), "{content}");
    let vpn = &atom.entries[2];
    assert_eq!(
        vpn.published,
        Some(at("2026-02-01T09:00:00Z")),
        "published = start"
    );
}

// Updates at the same instant, across incidents and within one, cut by the limit: the feed
// keeps the newest, then by incident, then the last of one incident's at that instant first,
// whichever update the file lists first.
#[test]
fn the_updates_feed_orders_ties_at_its_limit_by_incident_then_last_first() {
    let site = TestSite::new();
    site.write(
        "config.toml",
        crate::common::CONFIG.replacen("\n[[components]]", "\n[feeds]\nlimit = 4\n\n[[components]]", 1),
    );
    for slug in ["b", "a", "c"] {
        site.write(
            &format!("content/incidents/{slug}.md"),
            r#"+++
title = "Tied"
date = 2025-01-01T10:00:00Z
severity = "major"
[[updates]]
at = 2025-01-01T10:00:00Z
status = "investigating"
text = "First at ten."
[[updates]]
at = 2025-01-01T10:00:00.5Z
status = "identified"
text = "Half a second on."
[[updates]]
at = 2025-01-01T10:00:00Z
status = "monitoring"
text = "Second at ten."
+++
"#,
        );
    }
    site.build_at(NOW);
    let base = "https://status.example.org/incidents";
    // The update half a second on is the third of its second, so `-3`.
    let expected: Vec<String> = ["a/#update-20250101T100000Z-3", "b/#update-20250101T100000Z-3"]
        .into_iter()
        .chain(["c/#update-20250101T100000Z-3", "a/#update-20250101T100000Z-2"])
        .map(|id| format!("{base}/{id}"))
        .collect();
    for path in ["updates/feed.xml", "updates/atom.xml"] {
        assert_eq!(ids(&feed(&site, path)), expected, "{path}");
    }
}

// The guid must not change when `now` moves or an update arrives; the date must.
#[test]
fn guids_stay_the_same_when_now_moves_and_updates_arrive() {
    let site = site();
    site.build_at(NOW);
    let before = feed(&site, "feed.xml");
    let atom_before = feed(&site, "atom.xml");
    site.build_at(LATER);
    let after = feed(&site, "feed.xml");
    let atom_after = feed(&site, "atom.xml");

    // VPN got its "identified" update on 03-20 12:00 and now leads.
    assert_eq!(
        ids(&after),
        [
            url("2026-02-01-vpn-slow"),
            url("2026-03-20-upgrade"),
            url("2026-03-01-hostile")
        ]
    );
    let mut a = ids(&before);
    let mut b = ids(&after);
    a.sort();
    b.sort();
    assert_eq!(a, b, "same items, same guids");
    assert_eq!(ids(&atom_before).len(), 3);
    let vpn = |f: &Feed| {
        f.entries
            .iter()
            .find(|e| e.id.contains("vpn-slow"))
            .unwrap()
            .published
    };
    assert_eq!(vpn(&before), Some(at("2026-02-01T09:05:00Z")));
    assert_eq!(vpn(&after), Some(at("2026-03-20T12:00:00Z")));
    let atom_vpn = |f: &Feed| {
        f.entries
            .iter()
            .find(|e| e.id.contains("vpn-slow"))
            .unwrap()
            .clone()
    };
    assert_eq!(atom_vpn(&atom_before).id, atom_vpn(&atom_after).id);
    assert_eq!(atom_vpn(&atom_after).updated, Some(at("2026-03-20T12:00:00Z")));
}

// Incidents that start after `now`, updates stamped after it and resolutions after it are not
// public yet: no output may show them.
#[test]
fn nothing_after_now_leaks_into_any_output() {
    let site = site();
    site.build_at(NOW);
    for (path, bytes) in snapshot(&site.path("public")) {
        let text = String::from_utf8(bytes).unwrap();
        for secret in ["FUTURE-INCIDENT", "2026-04-01-future", "SECRET-FUTURE"] {
            assert!(!text.contains(secret), "{secret} leaked into {path}");
        }
    }
    let now = at(NOW);
    for path in [
        "feed.xml",
        "atom.xml",
        "components/email/feed.xml",
        "components/mobile-email/feed.xml",
        "components/vpn/feed.xml",
    ] {
        for entry in feed(&site, path).entries {
            for date in [entry.published, entry.updated].into_iter().flatten() {
                assert!(date <= now, "{path}: {} dated {date}", entry.id);
            }
        }
    }
    // Every instant in the API is at or before now, except a window's announced schedule
    // (`scheduled_for`, `scheduled_until`, and `started_at`, which is its scheduled start).
    fn walk(value: &serde_json::Value, key: &str, now: DateTime<Utc>, path: &str) {
        match value {
            serde_json::Value::Object(map) => {
                let window = map.contains_key("scheduled_for");
                for (k, v) in map {
                    let schedule = matches!(k.as_str(), "scheduled_for" | "scheduled_until")
                        || (window && k == "started_at");
                    if !schedule {
                        walk(v, k, now, path);
                    }
                }
            }
            serde_json::Value::Array(list) => list.iter().for_each(|v| walk(v, key, now, path)),
            serde_json::Value::String(s) => {
                if let Ok(t) = DateTime::parse_from_rfc3339(s) {
                    assert!(t <= now, "{path}: {key} = {s} is after now");
                }
            }
            _ => {}
        }
    }
    for path in API_FILES {
        let value: serde_json::Value = serde_json::from_str(&public(&site, path)).unwrap();
        walk(&value, "", now, path);
    }
    let hostile = incidents(&site, "api/v2/incidents.json")
        .into_iter()
        .find(|i| i.id == "2026-03-01-hostile")
        .unwrap();
    assert_eq!(
        (hostile.status, hostile.resolved_at),
        (IncidentStatus::Investigating, None)
    );
}

// Under a subpath base_url every link, id and self reference keeps the subpath.
#[test]
fn every_url_is_absolute_under_a_subpath_base_url() {
    let site = site();
    site.build_at(NOW);
    for (path, self_url) in [
        ("feed.xml", "feed.xml"),
        ("atom.xml", "atom.xml"),
        ("components/vpn/feed.xml", "components/vpn/feed.xml"),
    ] {
        let feed = feed(&site, path);
        let hrefs: Vec<_> = feed.links.iter().map(|l| l.href.as_str()).collect();
        assert!(
            hrefs.contains(&format!("{BASE}{self_url}").as_str()),
            "{path}: {hrefs:?}"
        );
        for href in hrefs
            .iter()
            .copied()
            .chain(feed.entries.iter().map(|e| e.id.as_str()))
        {
            assert!(href.starts_with(BASE), "{path}: {href}");
        }
    }
    let summary: Summary = serde_json::from_str(&public(&site, "api/v2/summary.json")).unwrap();
    assert_eq!(summary.page.url, BASE);
    for i in summary.incidents.iter().chain(&summary.scheduled_maintenances) {
        assert_eq!(i.shortlink, url(&i.id));
    }
    let calendar = calendar(&site);
    let event = events(&calendar)[0];
    assert_eq!(event.get_url(), Some(url("2026-03-20-upgrade").as_str()));
}

// A component's feed carries only what touched that component, newest first.
#[test]
fn component_feed_holds_only_what_touched_it() {
    let site = site();
    site.build_at(NOW);
    let of = |id: &str| {
        feed(&site, &format!("components/{id}/feed.xml"))
            .entries
            .iter()
            .map(|e| e.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        of("email"),
        [url("2026-03-20-upgrade"), url("2026-01-05-email-down")]
    );
    assert_eq!(
        of("mobile-email"),
        [url("2026-03-20-upgrade"), url("2026-03-01-hostile")]
    );
    assert_eq!(of("vpn"), [url("2026-02-01-vpn-slow"), url("2025-12-01-old")]);
    let vpn = feed(&site, "components/vpn/feed.xml");
    assert_eq!(vpn.title.unwrap().content, "Sub & Status: VPN");
}

fn calendar(site: &TestSite) -> icalendar::Calendar {
    public(site, "maintenance.ics")
        .parse()
        .expect("maintenance.ics parses")
}

fn events(calendar: &icalendar::Calendar) -> Vec<&icalendar::Event> {
    calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect()
}

fn utc_of(date: Option<DatePerhapsTime>) -> DateTime<Utc> {
    match date {
        Some(DatePerhapsTime::DateTime(icalendar::CalendarDateTime::Utc(t))) => t,
        other => panic!("expected a UTC date-time, got {other:?}"),
    }
}

// RFC 5545: CRLF lines of at most 75 octets, stable UID, UTC times, DTSTAMP from the content.
#[test]
fn maintenance_calendar_parses_with_stable_uids_and_utc_times() {
    let site = site();
    site.build_at(NOW);
    let raw = public(&site, "maintenance.ics");
    assert!(raw.ends_with("END:VCALENDAR\r\n"));
    for line in raw.split_terminator("\r\n") {
        assert!(!line.contains('\n'), "bare LF in {line:?}");
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    assert!(raw.contains("\r\n "), "long lines are folded");
    let calendar = calendar(&site);
    let events = events(&calendar);
    assert_eq!(events.len(), 1, "only maintenance, no incidents");
    let event = events[0];
    assert_eq!(event.get_uid(), Some("2026-03-20-upgrade@example.github.io"));
    assert_eq!(
        event.get_summary(),
        Some(format!("Maintenance: {WINDOW_TITLE}").as_str())
    );
    assert_eq!(utc_of(event.get_start()), at("2026-03-20T02:00:00Z"));
    assert_eq!(utc_of(event.get_end()), at("2026-03-20T06:00:00Z"));
    assert_eq!(event.get_timestamp(), Some(at("2026-03-02T10:00:00Z")));
    let description = event.get_description().unwrap();
    assert!(
        description.contains("Affects: Email, Mobile email"),
        "{description}"
    );
    assert!(description.contains("nothing is lost, whatever"), "{description}");

    site.build_at(LATER);
    let later = self::calendar(&site);
    assert_eq!(self::events(&later)[0].get_uid(), event.get_uid());
}

// Typed mirrors of Statuspage's documented v2 shapes; unknown fields are errors, so a renamed
// or extra field fails the test.

const API_FILES: [&str; 7] = [
    "api/v2/summary.json",
    "api/v2/status.json",
    "api/v2/components.json",
    "api/v2/incidents.json",
    "api/v2/incidents/unresolved.json",
    "api/v2/scheduled-maintenances.json",
    "api/v2/scheduled-maintenances/upcoming.json",
];

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Page {
    id: String,
    name: String,
    url: String,
    time_zone: String,
    updated_at: DateTime<Utc>,
    built_at: DateTime<Utc>,
}

#[derive(Deserialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
struct Status {
    indicator: Indicator,
    description: String,
}

#[derive(Deserialize, Debug, PartialEq, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum Indicator {
    None,
    Minor,
    Major,
    Critical,
}

#[derive(Deserialize, Debug, PartialEq, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum ComponentStatus {
    Operational,
    DegradedPerformance,
    PartialOutage,
    MajorOutage,
    UnderMaintenance,
}

// Deserialising checks every field's presence and type; not every test reads every one.
#[allow(dead_code)]
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct ApiComponent {
    id: String,
    name: String,
    status: ComponentStatus,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    position: u32,
    description: Option<String>,
    showcase: bool,
    start_date: Option<NaiveDate>,
    group_id: Option<String>,
    page_id: String,
    group: bool,
    only_show_if_degraded: bool,
    #[serde(default)]
    components: Option<Vec<String>>,
}

#[derive(Deserialize, Debug, PartialEq, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum IncidentStatus {
    Investigating,
    Identified,
    Monitoring,
    Resolved,
    Postmortem,
    Scheduled,
    InProgress,
    Verifying,
    Completed,
}

#[derive(Deserialize, Debug, PartialEq, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum Impact {
    None,
    Minor,
    Major,
    Critical,
}

// Deserialising checks every field's presence and type; not every test reads every one.
#[allow(dead_code)]
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct ApiIncident {
    id: String,
    name: String,
    status: IncidentStatus,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    monitoring_at: Option<DateTime<Utc>>,
    resolved_at: Option<DateTime<Utc>>,
    impact: Impact,
    shortlink: String,
    started_at: DateTime<Utc>,
    page_id: String,
    incident_updates: Vec<IncidentUpdate>,
    components: Vec<ApiComponent>,
    #[serde(default)]
    scheduled_for: Option<DateTime<Utc>>,
    #[serde(default)]
    scheduled_until: Option<DateTime<Utc>>,
}

// Deserialising checks every field's presence and type; not every test reads every one.
#[allow(dead_code)]
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct IncidentUpdate {
    id: String,
    status: IncidentStatus,
    body: String,
    incident_id: String,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    display_at: DateTime<Utc>,
    affected_components: Option<Vec<serde_json::Value>>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Summary {
    page: Page,
    components: Vec<ApiComponent>,
    incidents: Vec<ApiIncident>,
    scheduled_maintenances: Vec<ApiIncident>,
    status: Status,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StatusFile {
    page: Page,
    status: Status,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ComponentsFile {
    #[allow(dead_code)]
    page: Page,
    components: Vec<ApiComponent>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IncidentsFile {
    #[allow(dead_code)]
    page: Page,
    incidents: Vec<ApiIncident>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MaintenancesFile {
    #[allow(dead_code)]
    page: Page,
    scheduled_maintenances: Vec<ApiIncident>,
}

fn incidents(site: &TestSite, path: &str) -> Vec<ApiIncident> {
    serde_json::from_str::<IncidentsFile>(&public(site, path))
        .unwrap()
        .incidents
}

fn maintenances(site: &TestSite, path: &str) -> Vec<ApiIncident> {
    serde_json::from_str::<MaintenancesFile>(&public(site, path))
        .unwrap()
        .scheduled_maintenances
}

// Each endpoint reads into Statuspage's shape with the right members, statuses and impacts.
#[test]
fn api_files_read_as_statuspage_v2() {
    let site = site();
    site.build_at(NOW);
    for path in API_FILES {
        assert!(public(&site, path).ends_with("}\n"), "{path}: trailing newline");
    }
    let summary: Summary = serde_json::from_str(&public(&site, "api/v2/summary.json")).unwrap();
    assert_eq!(
        (
            summary.page.id.as_str(),
            summary.page.name.as_str(),
            summary.page.time_zone.as_str()
        ),
        ("example-github-io-status", "Sub & Status", "America/New_York")
    );
    assert_eq!(summary.page.updated_at, at("2026-03-02T10:00:00Z"));
    assert_eq!(summary.page.built_at, at(NOW), "page.built_at is the build's now");
    // VPN degraded, mobile email partial: the worst is a partial outage.
    let expected_status = Status {
        indicator: Indicator::Major,
        description: "Partial outage".into(),
    };
    assert_eq!(summary.status, expected_status);
    let status: StatusFile = serde_json::from_str(&public(&site, "api/v2/status.json")).unwrap();
    assert_eq!(
        (status.status, status.page.url),
        (expected_status, BASE.to_string())
    );

    let listed: Vec<_> = summary
        .components
        .iter()
        .map(|c| {
            (
                c.id.as_str(),
                c.status,
                c.group,
                c.position,
                c.group_id.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            ("group-mail", ComponentStatus::PartialOutage, true, 1, None),
            (
                "email",
                ComponentStatus::Operational,
                false,
                2,
                Some("group-mail")
            ),
            (
                "mobile-email",
                ComponentStatus::PartialOutage,
                false,
                3,
                Some("group-mail")
            ),
            ("vpn", ComponentStatus::DegradedPerformance, false, 4, None),
        ]
    );
    assert_eq!(
        summary.components[0].components.as_deref(),
        Some(&["email".to_string(), "mobile-email".to_string()][..])
    );
    let components: ComponentsFile = serde_json::from_str(&public(&site, "api/v2/components.json")).unwrap();
    assert_eq!(components.components.len(), 4);

    let slugs = |list: &[ApiIncident]| list.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
    assert_eq!(
        slugs(&summary.incidents),
        ["2026-03-01-hostile", "2026-02-01-vpn-slow"]
    );
    assert_eq!(slugs(&summary.scheduled_maintenances), ["2026-03-20-upgrade"]);

    let all = incidents(&site, "api/v2/incidents.json");
    let shape: Vec<_> = all.iter().map(|i| (i.id.as_str(), i.status, i.impact)).collect();
    assert_eq!(
        shape,
        [
            ("2026-03-01-hostile", IncidentStatus::Investigating, Impact::Major),
            (
                "2026-02-01-vpn-slow",
                IncidentStatus::Investigating,
                Impact::Minor
            ),
            (
                "2026-01-05-email-down",
                IncidentStatus::Resolved,
                Impact::Critical
            ),
            ("2025-12-01-old", IncidentStatus::Resolved, Impact::None),
        ],
        "incidents only, newest first"
    );
    assert_eq!(all[0].name, HOSTILE);
    let email = &all[2];
    assert_eq!(email.resolved_at, Some(at("2026-01-05T12:00:00Z")));
    assert_eq!(email.started_at, at("2026-01-05T10:00:00Z"));
    assert_eq!(email.components[0].id, "email");
    let updates: Vec<_> = email
        .incident_updates
        .iter()
        .map(|u| {
            (
                u.id.as_str(),
                u.status,
                u.body.as_str(),
                u.incident_id.as_str(),
                u.display_at,
            )
        })
        .collect();
    assert_eq!(
        updates,
        [
            (
                "2026-01-05-email-down-2",
                IncidentStatus::Resolved,
                "Fixed.",
                "2026-01-05-email-down",
                at("2026-01-05T12:00:00Z")
            ),
            (
                "2026-01-05-email-down-1",
                IncidentStatus::Investigating,
                "Looking.",
                "2026-01-05-email-down",
                at("2026-01-05T10:10:00Z")
            ),
        ],
        "updates newest first"
    );
    assert_eq!(
        slugs(&incidents(&site, "api/v2/incidents/unresolved.json")),
        ["2026-03-01-hostile", "2026-02-01-vpn-slow"]
    );

    let windows = maintenances(&site, "api/v2/scheduled-maintenances.json");
    assert_eq!(slugs(&windows), ["2026-03-20-upgrade"]);
    let window = &windows[0];
    assert_eq!(window.status, IncidentStatus::Scheduled);
    assert_eq!(window.scheduled_for, Some(at("2026-03-20T02:00:00Z")));
    assert_eq!(window.scheduled_until, Some(at("2026-03-20T06:00:00Z")));
    assert_eq!(window.incident_updates[0].status, IncidentStatus::Scheduled);
    assert_eq!(
        slugs(&maintenances(
            &site,
            "api/v2/scheduled-maintenances/upcoming.json"
        )),
        ["2026-03-20-upgrade"]
    );

    // Later: the window is over, so nothing is upcoming and it shows as completed.
    site.build_at(LATER);
    assert!(maintenances(&site, "api/v2/scheduled-maintenances/upcoming.json").is_empty());
    let windows = maintenances(&site, "api/v2/scheduled-maintenances.json");
    assert_eq!(
        (windows[0].status, windows[0].resolved_at),
        (IncidentStatus::Completed, Some(at("2026-03-20T06:00:00Z")))
    );
    let summary: Summary = serde_json::from_str(&public(&site, "api/v2/summary.json")).unwrap();
    assert!(summary.scheduled_maintenances.is_empty());
}

// A badge is well-formed SVG with an accessible name, coloured by status.
#[test]
fn badges_are_svg_with_a_title_and_a_colour_per_status() {
    let site = site();
    site.write(
        "config.toml",
        config().replace("name = \"VPN\"", "name = \"VPN <&> \\\"x\\\" שלום\""),
    );
    site.build_at(NOW);
    let read = |path: &str| {
        let text = public(&site, path);
        let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        let svg = doc.root_element();
        assert_eq!(svg.tag_name().name(), "svg");
        assert_eq!(svg.tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
        assert_eq!(svg.attribute("role"), Some("img"));
        let title = svg
            .children()
            .find(|n| n.has_tag_name("title"))
            .expect("a <title>");
        let fills: Vec<String> = svg
            .descendants()
            .filter(|n| n.has_tag_name("rect"))
            .filter_map(|n| n.attribute("fill").map(String::from))
            .collect();
        (title.text().unwrap_or_default().to_string(), fills)
    };
    let (title, overall) = read("badge.svg");
    assert_eq!(title, "status: Partial outage");
    let (title, vpn) = read("components/vpn/badge.svg");
    assert_eq!(title, "VPN <&> \"x\" שלום: Degraded performance");
    let (title, email) = read("components/email/badge.svg");
    assert_eq!(title, "Email: Operational");
    assert_eq!(overall.len(), 2);
    assert_ne!(overall[1], vpn[1]);
    assert_ne!(vpn[1], email[1]);
}

// The example site: every subscriber output parses, and the same `now` gives the same bytes.
#[test]
fn example_site_outputs_parse_and_repeat_byte_for_byte() {
    let site = TestSite::example();
    let now = "2026-11-22T12:00:00-05:00";
    let first = site.path("first");
    let second = site.path("second");
    for out in [&first, &second] {
        let run = site.beacon(&["build", "--output", out.to_str().unwrap(), "--now", now]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    assert_eq!(snapshot(&first), snapshot(&second));
    let rss = feed_rs::parser::parse(std::fs::read(first.join("feed.xml")).unwrap().as_slice()).unwrap();
    assert_eq!(rss.entries.len(), 5);
    assert_eq!(
        rss.entries[0].title.as_ref().unwrap().content,
        "[Maintenance] Mail server upgrade"
    );
    let calendar: icalendar::Calendar = std::fs::read_to_string(first.join("maintenance.ics"))
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(events(&calendar).len(), 1);
    let summary: Summary =
        serde_json::from_slice(&std::fs::read(first.join("api/v2/summary.json")).unwrap()).unwrap();
    assert_eq!(summary.status.indicator, Indicator::None);
    assert_eq!(summary.incidents.len(), 1, "the holiday notice is still open");
}

/// A file of the last build, under `public/`.
fn public(site: &TestSite, path: &str) -> String {
    site.read(&format!("public/{path}"))
}
