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
