//! Integration tests for status and uptime: the real binary builds a site, and
//! `api/v2/uptime.json` is read back with serde_json into the shape SPEC section 5 gives.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::common::{TestSite, CONFIG};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UptimeFile {
    generated_at: String,
    components: Vec<Component>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Component {
    id: String,
    name: String,
    uptime: BTreeMap<String, Option<f64>>,
    days: Vec<Day>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Day {
    date: String,
    status: String,
    downtime_seconds: f64,
    incidents: Vec<String>,
}

const HOUR: f64 = 3600.0;

/// The contract's example incident: mobile email down 07:40-15:10 EST on 27 January 2022.
const MOBILE_EMAIL: &str = r#"+++
title = "Email unavailable for mobile users"
date = 2022-01-27T07:40:00-05:00
resolved = 2022-01-27T15:10:00-05:00
severity = "major"
components = ["mobile-email"]
+++
"#;

fn uptime_json(site: &TestSite) -> (String, UptimeFile) {
    let text = site.read("public/api/v2/uptime.json");
    let parsed = serde_json::from_str(&text).unwrap_or_else(|e| panic!("uptime.json: {e}\n{text}"));
    (text, parsed)
}

fn site_with_outage() -> TestSite {
    let site = TestSite::new();
    site.write("content/incidents/2022-01-27-mobile-email.md", MOBILE_EMAIL);
    site
}

// The figures of the contract's example a day later, at noon EST on 28 January 2022.
#[test]
fn uptime_json_has_the_exact_figures_in_the_contract_shape() {
    let site = site_with_outage();
    site.build_at("2022-01-28T12:00:00-05:00");
    let (text, file) = uptime_json(&site);
    assert_eq!(file.generated_at, "2022-01-28T17:00:00Z");
    let ids: Vec<&str> = file.components.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["email", "mobile-email", "vpn"]);
    let mobile = &file.components[1];
    assert_eq!(mobile.name, "Mobile email");

    // 07:40 to 15:10 is 7.5 h = 27000 s of major outage.
    // 30 days from 30 Dec 00:00 EST: 29 x 24 + 12 = 708 h.
    // 90 days from 31 Oct 2021 00:00 EDT: 89 days, 7 Nov having 25 h, + 12 h = 2136 + 1 + 12 = 2149 h.
    // 365 days from 29 Jan 2021: 364 days, with one 23 h and one 25 h day, + 12 h = 8748 h.
    let expected: BTreeMap<String, Option<f64>> = [
        ("30", 1.0 - 27000.0 / (708.0 * HOUR)),
        ("90", 1.0 - 27000.0 / (2149.0 * HOUR)),
        ("365", 1.0 - 27000.0 / (8748.0 * HOUR)),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), Some(v)))
    .collect();
    assert_eq!(mobile.uptime, expected);
    // Windows in numeric order, as written.
    let keys: Vec<usize> = ["\"30\"", "\"90\"", "\"365\""]
        .iter()
        .map(|k| text.find(k).unwrap())
        .collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "{text}");

    // The default 90-day bar window, oldest first.
    assert_eq!(mobile.days.len(), 90);
    assert_eq!(mobile.days[0].date, "2021-10-31");
    assert_eq!(
        mobile.days[88..],
        [
            Day {
                date: "2022-01-27".into(),
                status: "major_outage".into(),
                downtime_seconds: 27000.0,
                incidents: vec!["2022-01-27-mobile-email".into()],
            },
            Day {
                date: "2022-01-28".into(),
                status: "operational".into(),
                downtime_seconds: 0.0,
                incidents: vec![],
            },
        ]
    );
    // Whole seconds are written as integers, as in the contract's example.
    assert!(text.contains("\"downtime_seconds\": 27000,"), "{text}");
    assert!(text.ends_with("}\n"));
    let email = &file.components[0];
    assert!(email.uptime.values().all(|u| *u == Some(1.0)));
    assert!(email
        .days
        .iter()
        .all(|d| d.status == "operational" && d.incidents.is_empty()));
}

// At 12:00 on the 27th the incident is ongoing (resolved 15:10 is in the future): 4 h 20 min
// = 15600 s so far, and the 30-day window is 29 x 24 + 12 = 708 h.
#[test]
fn incident_resolved_after_now_is_counted_up_to_now() {
    let site = site_with_outage();
    site.build_at("2022-01-27T12:00:00-05:00");
    let (_, file) = uptime_json(&site);
    let mobile = &file.components[1];
    let today = mobile.days.last().expect("a bar for today");
    assert_eq!(
        (today.date.as_str(), today.status.as_str()),
        ("2022-01-27", "major_outage")
    );
    assert_eq!(today.downtime_seconds, 15600.0);
    assert_eq!(mobile.uptime["30"], Some(1.0 - 15600.0 / (708.0 * HOUR)));
}

// A configured bar window other than 30/90/365 adds its own key; `since` after `now` is null
// ("no data") for every window, and each of its bars is `no_data`.
#[test]
fn configured_window_and_no_data_are_written() {
    let site = TestSite::new();
    let config = CONFIG.replace(
        "id = \"vpn\"\nname = \"VPN\"\n",
        "id = \"vpn\"\nname = \"VPN\"\nsince = 2022-02-01\n",
    ) + "\n[uptime]\ndays = 7\n";
    site.write("config.toml", config);
    site.build_at("2022-01-28T12:00:00-05:00");
    let (_, file) = uptime_json(&site);
    let vpn = &file.components[2];
    let keys: Vec<&str> = vpn.uptime.keys().map(String::as_str).collect();
    assert_eq!(keys, ["30", "365", "7", "90"]);
    assert!(vpn.uptime.values().all(Option::is_none), "{:?}", vpn.uptime);
    assert_eq!(vpn.days.len(), 7);
    assert!(vpn
        .days
        .iter()
        .all(|d| d.status == "no_data" && d.downtime_seconds == 0.0));
    assert_eq!(file.components[0].uptime["7"], Some(1.0));
}

// Same content, config and `now`: byte-identical uptime.json.
#[test]
fn uptime_json_is_deterministic() {
    let site = site_with_outage();
    site.build_at("2022-01-28T12:00:00-05:00");
    let first = site.read("public/api/v2/uptime.json");
    site.build_at("2022-01-28T12:00:00-05:00");
    assert_eq!(first, site.read("public/api/v2/uptime.json"));
}
