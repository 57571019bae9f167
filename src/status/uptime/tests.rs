//! Hand-computed cases: each states its figure and the arithmetic behind it.

use std::path::Path;

use chrono::{DateTime, Duration, Utc};

use super::*;
use crate::config::parse_config;
use crate::content::incident::parse_incident;
use crate::content::Site;
use crate::status::{as_of, compute_report, ComponentReport, StatusReport};

const HOUR: f64 = 3600.0;

/// A site in `tz` with components `api` and `web`; `extra` goes before them (e.g. `[uptime]`).
fn config(tz: &str, extra: &str, api_since: Option<&str>) -> Config {
    let since = api_since.map(|d| format!("since = {d}\n")).unwrap_or_default();
    let text = format!(
        "title = \"T\"\nbase_url = \"https://s.example/\"\ntimezone = \"{tz}\"\n{extra}\n\
         [[components]]\nid = \"api\"\nname = \"API\"\n{since}\n\
         [[components]]\nid = \"web\"\nname = \"Web\"\n"
    );
    parse_config(Path::new("config.toml"), &text).expect("test config parses")
}

/// An incident file `slug.md` with `front` as its front matter (title added).
fn incident(config: &Config, slug: &str, front: &str) -> Incident {
    let text = format!("+++\ntitle = \"{slug}\"\n{front}\n+++\n");
    parse_incident(Path::new(&format!("content/incidents/{slug}.md")), &text, config)
        .unwrap_or_else(|e| panic!("{slug}: {e:?}"))
}

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339)
        .expect("test time")
        .with_timezone(&Utc)
}

/// The report as a build makes it: cut to `now`, then computed.
fn report(config: &Config, incidents: Vec<Incident>, now: &str) -> StatusReport {
    let now = at(now);
    let site = Site {
        config: config.clone(),
        texts: Default::default(),
        incidents,
        pages: Vec::new(),
    };
    compute_report(&as_of(&site, now), now)
}

fn component<'a>(report: &'a StatusReport, id: &str) -> &'a ComponentReport {
    report.component(id).expect("component in report")
}

/// (date, status name, downtime seconds, incidents) of each bar, for compact assertions.
fn bars(c: &ComponentReport) -> Vec<(String, &'static str, f64, Vec<String>)> {
    c.days
        .iter()
        .map(|b| {
            (
                b.date.to_string(),
                b.status_name(),
                b.downtime_seconds,
                b.incidents.clone(),
            )
        })
        .collect()
}

fn bar(
    date: &str,
    status: &'static str,
    down: f64,
    incidents: &[&str],
) -> (String, &'static str, f64, Vec<String>) {
    let incidents = incidents.iter().map(|s| s.to_string()).collect();
    (date.to_string(), status, down, incidents)
}

// A major outage from 22:00 EDT on 2 November 2024 to 02:00 EST on 4 November, across the
// night the clocks go back (3 November has 25 hours).
#[test]
fn outage_across_autumn_change_in_new_york_counts_the_25_hour_day() {
    let c = config("America/New_York", "[uptime]\ndays = 4", None);
    let outage = incident(
        &c,
        "fall-back",
        "date = 2024-11-02T22:00:00-04:00\nresolved = 2024-11-04T02:00:00-05:00\n\
         severity = \"major\"\ncomponents = [\"api\"]",
    );
    let r = report(&c, vec![outage], "2024-11-05T12:00:00-05:00");
    let api = component(&r, "api");
    // Nov 2: 22:00-24:00 = 2 h; Nov 3: the whole 25 h day; Nov 4: 00:00-02:00 = 2 h;
    // Nov 5: nothing, operational up to noon.
    assert_eq!(
        bars(api),
        vec![
            bar("2024-11-02", "major_outage", 2.0 * HOUR, &["fall-back"]),
            bar("2024-11-03", "major_outage", 25.0 * HOUR, &["fall-back"]),
            bar("2024-11-04", "major_outage", 2.0 * HOUR, &["fall-back"]),
            bar("2024-11-05", "operational", 0.0, &[]),
        ]
    );
    // 4-day window: 24 + 25 + 24 + 12 = 85 h long, 2 + 25 + 2 = 29 h down.
    assert_eq!(api.uptime_over(4), Some(1.0 - 29.0 * HOUR / (85.0 * HOUR)));
    // 30 days from 00:00 EDT 7 October: 29 whole days (one of 25 h) + 12 h = 697 + 12 = 709 h.
    assert_eq!(api.uptime_over(30), Some(1.0 - 29.0 * HOUR / (709.0 * HOUR)));
    assert_eq!(component(&r, "web").uptime_over(30), Some(1.0));
}

// A partial outage (weight 0.3) from 23:00 GMT on 30 March 2024 to 01:00 BST on 1 April,
// across the night London's clocks go forward (31 March has 23 hours).
#[test]
fn outage_across_spring_change_in_london_counts_the_23_hour_day() {
    let c = config("Europe/London", "[uptime]\ndays = 3", None);
    let outage = incident(
        &c,
        "spring-forward",
        "date = 2024-03-30T23:00:00Z\nresolved = 2024-04-01T01:00:00+01:00\n\
         severity = \"partial\"\ncomponents = [\"api\"]",
    );
    let r = report(&c, vec![outage], "2024-04-01T12:00:00+01:00");
    let api = component(&r, "api");
    // Mar 30: 1 h x 0.3 = 1080 s; Mar 31: 23 h x 0.3 = 24840 s; Apr 1: 1 h x 0.3 = 1080 s.
    assert_eq!(
        bars(api),
        vec![
            bar("2024-03-30", "partial_outage", 0.3 * HOUR, &["spring-forward"]),
            bar(
                "2024-03-31",
                "partial_outage",
                0.3 * (23.0 * HOUR),
                &["spring-forward"]
            ),
            bar("2024-04-01", "partial_outage", 0.3 * HOUR, &["spring-forward"]),
        ]
    );
    // Window 24 + 23 + 12 = 59 h; downtime 25 h x 0.3 = 27000 s.
    assert_eq!(
        api.uptime_over(3),
        Some(1.0 - 0.3 * (25.0 * HOUR) / (59.0 * HOUR))
    );
}

// A date-only incident (`date = D`, `resolved = D`) covers the whole day D, however long
// the day is: 23 h in spring, 25 h in autumn, in both zones.
#[test]
fn date_only_outage_on_a_dst_day_covers_the_whole_day() {
    let cases = [
        ("America/New_York", "2024-03-10", 23.0),
        ("America/New_York", "2024-11-03", 25.0),
        ("Europe/London", "2024-03-31", 23.0),
        ("Europe/London", "2024-10-27", 25.0),
        ("Europe/London", "2024-06-12", 24.0),
    ];
    for (tz, day, hours) in cases {
        let c = config(tz, "[uptime]\ndays = 2", None);
        let outage = incident(
            &c,
            "whole-day",
            &format!("date = {day}\nresolved = {day}\nseverity = \"major\"\ncomponents = [\"api\"]"),
        );
        let next = NaiveDate::parse_from_str(day, "%Y-%m-%d")
            .unwrap()
            .succ_opt()
            .unwrap();
        let tz_: Tz = tz.parse().unwrap();
        // now = 06:00 local on the next day: the window is that whole day plus 6 h.
        let now = day_start(tz_, next) + Duration::hours(6);
        let r = report(&c, vec![outage], &now.to_rfc3339());
        let api = component(&r, "api");
        assert_eq!(
            bars(api),
            vec![
                bar(day, "major_outage", hours * HOUR, &["whole-day"]),
                bar(&next.to_string(), "operational", 0.0, &[]),
            ],
            "{tz} {day}"
        );
        // hours down out of hours + 6.
        assert_eq!(
            api.uptime_over(2),
            Some(1.0 - hours * HOUR / ((hours + 6.0) * HOUR)),
            "{tz}"
        );
    }
}

// Degraded 09-15 (weight set to 0.1), partial 10-14, major 11-12, all on 1 May 2024 (UTC).
// At each instant only the heaviest counts: 09-10 0.1, 10-11 0.3, 11-12 1.0, 12-14 0.3,
// 14-15 0.1: 2 h x 0.1 + 3 h x 0.3 + 1 h x 1.0 = 720 + 3240 + 3600 = 7560 s.
#[test]
fn overlapping_incidents_count_the_heaviest_once() {
    let c = config("UTC", "[uptime]\ndays = 1\nweights = { degraded = 0.1 }", None);
    let on = |slug: &str, from: &str, to: &str, severity: &str| {
        incident(
            &c,
            slug,
            &format!(
                "date = 2024-05-01T{from}:00Z\nresolved = 2024-05-01T{to}:00Z\n\
                 severity = \"{severity}\"\ncomponents = [\"api\"]"
            ),
        )
    };
    let list = vec![
        on("c-major", "11:00", "12:00", "major"),
        on("a-degraded", "09:00", "15:00", "degraded"),
        on("b-partial", "10:00", "14:00", "partial"),
    ];
    let r = report(&c, list, "2024-05-01T18:00:00Z");
    let api = component(&r, "api");
    assert_eq!(
        bars(api),
        vec![bar(
            "2024-05-01",
            "major_outage",
            0.1 * (2.0 * HOUR) + 0.3 * (3.0 * HOUR) + 1.0 * HOUR,
            &["a-degraded", "b-partial", "c-major"],
        )]
    );
    assert_eq!(api.days[0].downtime_seconds, 7560.0);
    // 18 h of window: 1 - 7560 / 64800.
    assert_eq!(api.uptime_over(1), Some(1.0 - 7560.0 / 64800.0));
    // The real time in each state, unweighted, each instant for the worst state then:
    // major 11-12, partial 10-11 and 12-14, degraded 09-10 and 14-15.
    assert_eq!(
        api.days[0].time_in,
        vec![
            (ComponentStatus::MajorOutage, HOUR),
            (ComponentStatus::PartialOutage, 3.0 * HOUR),
            (ComponentStatus::DegradedPerformance, 2.0 * HOUR),
        ]
    );
}

// A 4 h 20 min partial outage (weight 0.3) counts 1 h 18 min of downtime, but the day spent
// 4 h 20 min in partial outage; maintenance that weighs nothing still has its real time, and
// an hour of it under the outage counts for the outage only. A notice has no state.
#[test]
fn days_keep_the_real_time_in_each_state_apart_from_the_weighted_downtime() {
    let c = config("UTC", "[uptime]\ndays = 2", None);
    let list = vec![
        incident(
            &c,
            "partial",
            "date = 2024-05-02T07:40:00Z\nresolved = 2024-05-02T12:00:00Z\nseverity = \"partial\"\ncomponents = [\"api\"]",
        ),
        incident(
            &c,
            "window",
            "kind = \"maintenance\"\ndate = 2024-05-02T11:00:00Z\nend = 2024-05-02T14:00:00Z\ncomponents = [\"api\"]",
        ),
        incident(
            &c,
            "notice",
            "date = 2024-05-01T10:00:00Z\nresolved = 2024-05-01T11:00:00Z\nseverity = \"notice\"\ncomponents = [\"api\"]",
        ),
    ];
    let r = report(&c, list, "2024-05-02T18:00:00Z");
    let api = component(&r, "api");
    assert_eq!(api.days[0].time_in, vec![], "a notice is no state");
    let today = &api.days[1];
    assert_eq!(today.downtime_seconds, 0.3 * (4.0 * HOUR + 20.0 * 60.0));
    assert_eq!(
        today.time_in,
        vec![
            (ComponentStatus::PartialOutage, 4.0 * HOUR + 20.0 * 60.0),
            (ComponentStatus::UnderMaintenance, 2.0 * HOUR),
        ]
    );
}

// A 2 h major incident on api and web, with `impact = { web = "partial" }`: api is down
// 2 h x 1.0 = 7200 s, web 2 h x 0.3 = 2160 s.
#[test]
fn per_component_impact_sets_that_component_weight_and_status() {
    let c = config("UTC", "[uptime]\ndays = 1", None);
    let outage = incident(
        &c,
        "mixed",
        "date = 2024-05-01T10:00:00Z\nresolved = 2024-05-01T12:00:00Z\nseverity = \"major\"\n\
         components = [\"api\", \"web\"]\nimpact = { web = \"partial\" }",
    );
    let r = report(&c, vec![outage], "2024-05-01T20:00:00Z");
    assert_eq!(
        bars(component(&r, "api")),
        vec![bar("2024-05-01", "major_outage", 7200.0, &["mixed"])]
    );
    assert_eq!(
        bars(component(&r, "web")),
        vec![bar(
            "2024-05-01",
            "partial_outage",
            0.3 * (2.0 * HOUR),
            &["mixed"]
        )]
    );
    // 20 h window: 1 - 2160 / 72000.
    assert_eq!(
        component(&r, "web").uptime_over(1),
        Some(1.0 - 0.3 * 7200.0 / 72000.0)
    );
}

// Ongoing since 10:00 with now 16:00 (UTC): 6 h down of a 16 h window, 1 - 21600/57600
// = 0.625; an incident resolved at 20:00, after now, reads the same at 16:00.
#[test]
fn ongoing_and_resolved_after_now_count_up_to_now() {
    let c = config("UTC", "[uptime]\ndays = 1", None);
    let ongoing = incident(
        &c,
        "ongoing",
        "date = 2024-05-01T10:00:00Z\nseverity = \"major\"\ncomponents = [\"api\"]",
    );
    let later = incident(
        &c,
        "later",
        "date = 2024-05-01T10:00:00Z\nresolved = 2024-05-01T20:00:00Z\n\
         severity = \"major\"\ncomponents = [\"web\"]",
    );
    let r = report(&c, vec![ongoing, later], "2024-05-01T16:00:00Z");
    for (id, slug) in [("api", "ongoing"), ("web", "later")] {
        let x = component(&r, id);
        assert_eq!(x.status, ComponentStatus::MajorOutage, "{id}");
        assert_eq!(x.uptime_over(1), Some(0.625), "{id}");
        assert_eq!(bars(x), vec![bar("2024-05-01", "major_outage", 21600.0, &[slug])]);
    }
    assert_eq!(r.overall, ComponentStatus::MajorOutage);
}

// An incident that begins at 17:00 is not there at 16:00: full uptime, nothing listed,
// whether or not the site was cut to `now` first.
#[test]
fn incident_starting_after_now_counts_nothing() {
    let c = config("UTC", "[uptime]\ndays = 1", None);
    let future = incident(
        &c,
        "future",
        "date = 2024-05-01T17:00:00Z\nseverity = \"major\"\ncomponents = [\"api\"]",
    );
    let now = at("2024-05-01T16:00:00Z");
    let site = Site {
        config: c.clone(),
        texts: Default::default(),
        incidents: vec![future],
        pages: Vec::new(),
    };
    for r in [
        compute_report(&as_of(&site, now), now),
        compute_report(&site, now),
    ] {
        let api = component(&r, "api");
        assert_eq!(api.status, ComponentStatus::Operational);
        assert_eq!(api.uptime_over(1), Some(1.0));
        assert_eq!(bars(api), vec![bar("2024-05-01", "operational", 0.0, &[])]);
    }
}

// api has `since = 2024-04-29`; now is 12:00 on 1 May (UTC), bars of 7 days. The 1 h outage
// on 28 April is before `since` and ignored; the 1 h one on 30 April counts. Every window
// (7, 30, 90, 365 days) starts at 29 April 00:00: 24 + 24 + 12 = 60 h, 1 - 3600 / 216000.
#[test]
fn since_inside_the_window_moves_its_start() {
    let c = config("UTC", "[uptime]\ndays = 7", Some("2024-04-29"));
    let hour_on = |slug: &str, day: &str| {
        incident(
            &c,
            slug,
            &format!(
                "date = {day}T10:00:00Z\nresolved = {day}T11:00:00Z\n\
                 severity = \"major\"\ncomponents = [\"api\", \"web\"]"
            ),
        )
    };
    let list = vec![hour_on("before", "2024-04-28"), hour_on("after", "2024-04-30")];
    let r = report(&c, list, "2024-05-01T12:00:00Z");
    let api = component(&r, "api");
    let mut expected: Vec<_> = ["2024-04-25", "2024-04-26", "2024-04-27", "2024-04-28"]
        .into_iter()
        .map(|d| bar(d, "no_data", 0.0, &[]))
        .collect();
    expected.push(bar("2024-04-29", "operational", 0.0, &[]));
    expected.push(bar("2024-04-30", "major_outage", HOUR, &["after"]));
    expected.push(bar("2024-05-01", "operational", 0.0, &[]));
    assert_eq!(bars(api), expected);
    for days in [7, 30, 90, 365] {
        assert_eq!(api.uptime_over(days), Some(1.0 - HOUR / (60.0 * HOUR)), "{days}");
    }
    // web has no `since`: 7 days from 25 April 00:00 = 6 x 24 + 12 = 156 h, 2 h down.
    assert_eq!(
        component(&r, "web").uptime_over(7),
        Some(1.0 - 2.0 * HOUR / (156.0 * HOUR))
    );
}

// `since` after `now`: no window has any time, so every figure and bar is "no data".
#[test]
fn since_after_now_is_no_data() {
    let c = config("UTC", "[uptime]\ndays = 2", Some("2024-05-02"));
    let r = report(&c, Vec::new(), "2024-05-01T12:00:00Z");
    let api = component(&r, "api");
    assert!(api.uptime.values().all(Option::is_none), "{:?}", api.uptime);
    assert_eq!(
        bars(api),
        vec![
            bar("2024-04-30", "no_data", 0.0, &[]),
            bar("2024-05-01", "no_data", 0.0, &[])
        ]
    );
}

// Maintenance 10:00-14:00 with now 12:00 (UTC), and another scheduled for 15:00. The one in
// progress makes api "under maintenance"; by default it costs nothing (uptime 1), and with
// `maintenance_counts_as_down` its 2 h so far cost 7200 s of a 12 h window: 1 - 7200/43200.
// The upcoming window has touched nothing yet.
#[test]
fn maintenance_in_progress_counts_only_when_configured() {
    for (counts, down) in [(false, 0.0), (true, 7200.0)] {
        let c = config(
            "UTC",
            &format!("[uptime]\ndays = 1\nmaintenance_counts_as_down = {counts}"),
            None,
        );
        let window = |slug: &str, from: &str, to: &str| {
            incident(
                &c,
                slug,
                &format!(
                    "kind = \"maintenance\"\ndate = 2024-05-01T{from}:00Z\n\
                     end = 2024-05-01T{to}:00Z\ncomponents = [\"api\"]"
                ),
            )
        };
        let list = vec![
            window("upgrade", "10:00", "14:00"),
            window("later", "15:00", "16:00"),
        ];
        let r = report(&c, list, "2024-05-01T12:00:00Z");
        let api = component(&r, "api");
        assert_eq!(api.status, ComponentStatus::UnderMaintenance);
        assert_eq!(
            bars(api),
            vec![bar("2024-05-01", "under_maintenance", down, &["upgrade"])]
        );
        assert_eq!(
            api.uptime_over(1),
            Some(1.0 - down / 43200.0),
            "counts = {counts}"
        );
    }
}

// A notice 10:00-12:00 (UTC), still open at 11:00: no status change, no downtime, but it is
// listed on its day.
#[test]
fn notice_is_listed_but_changes_nothing() {
    let c = config("UTC", "[uptime]\ndays = 1", None);
    let notice = incident(
        &c,
        "heads-up",
        "date = 2024-05-01T10:00:00Z\nseverity = \"notice\"\ncomponents = [\"api\"]",
    );
    let r = report(&c, vec![notice], "2024-05-01T11:00:00Z");
    let api = component(&r, "api");
    assert_eq!(api.status, ComponentStatus::Operational);
    assert_eq!(api.uptime_over(1), Some(1.0));
    assert_eq!(
        bars(api),
        vec![bar("2024-05-01", "operational", 0.0, &["heads-up"])]
    );
    assert_eq!(r.overall, ComponentStatus::Operational);
}

// `date = 2024-05-01`, `resolved = 2024-05-01` in New York: the whole of 1 May EDT,
// 24 h = 86400 s down; 2 May (to 12:00) is clean. Window 24 + 12 = 36 h: 1 - 86400/129600.
#[test]
fn date_only_incident_covers_the_whole_day() {
    let c = config("America/New_York", "[uptime]\ndays = 2", None);
    let outage = incident(
        &c,
        "all-day",
        "date = 2024-05-01\nresolved = 2024-05-01\nseverity = \"major\"\ncomponents = [\"api\"]",
    );
    let r = report(&c, vec![outage], "2024-05-02T12:00:00-04:00");
    let api = component(&r, "api");
    assert_eq!(
        bars(api),
        vec![
            bar("2024-05-01", "major_outage", 86400.0, &["all-day"]),
            bar("2024-05-02", "operational", 0.0, &[]),
        ]
    );
    assert_eq!(api.uptime_over(2), Some(1.0 - 86400.0 / 129600.0));
}

// An incident with `resolved == date` lasts no time: no downtime, but it touched its day
// and colours it. One that ends exactly at midnight does not touch the next day.
#[test]
fn instant_incident_touches_its_day_and_boundaries_are_half_open() {
    let c = config("UTC", "[uptime]\ndays = 2", None);
    let blip = incident(
        &c,
        "blip",
        "date = 2024-05-02T08:00:00Z\nresolved = 2024-05-02T08:00:00Z\n\
         severity = \"partial\"\ncomponents = [\"api\"]",
    );
    let to_midnight = incident(
        &c,
        "to-midnight",
        "date = 2024-05-01T23:00:00Z\nresolved = 2024-05-02T00:00:00Z\n\
         severity = \"major\"\ncomponents = [\"api\"]",
    );
    let r = report(&c, vec![blip, to_midnight], "2024-05-02T12:00:00Z");
    let api = component(&r, "api");
    assert_eq!(
        bars(api),
        vec![
            bar("2024-05-01", "major_outage", HOUR, &["to-midnight"]),
            bar("2024-05-02", "partial_outage", 0.0, &["blip"]),
        ]
    );
}

// One nanosecond of major outage in a year: 1 - 3e-17 rounds to exactly 1.0 in f64, which
// would show 100%; any downtime must keep uptime below 1.
#[test]
fn any_downtime_keeps_uptime_below_one() {
    let c = config("UTC", "", None);
    let blip = incident(
        &c,
        "blip",
        "date = 2024-05-01T10:00:00Z\nresolved = 2024-05-01T10:00:00.000000001Z\n\
         severity = \"major\"\ncomponents = [\"api\"]",
    );
    let r = report(&c, vec![blip], "2024-06-01T00:00:00Z");
    let api = component(&r, "api");
    assert_eq!(api.uptime_over(365), Some(ALMOST_ONE));
    assert!(api.uptime_over(365) < Some(1.0));
    assert_eq!(component(&r, "web").uptime_over(365), Some(1.0));
}

// A group's status is its worst member's; the overall status is the worst component's.
#[test]
fn group_and_overall_take_the_worst_member() {
    let c = config("UTC", "", None);
    let list = vec![
        incident(
            &c,
            "slow",
            "date = 2024-05-01T10:00:00Z\nseverity = \"degraded\"\ncomponents = [\"api\"]",
        ),
        incident(
            &c,
            "works",
            "kind = \"maintenance\"\ndate = 2024-05-01T09:00:00Z\nend = 2024-05-01T13:00:00Z\n\
             components = [\"web\"]",
        ),
    ];
    let r = report(&c, list, "2024-05-01T11:00:00Z");
    assert_eq!(r.worst_of(["web"]), ComponentStatus::UnderMaintenance);
    assert_eq!(r.worst_of(["api", "web"]), ComponentStatus::DegradedPerformance);
    assert_eq!(r.overall, ComponentStatus::DegradedPerformance);
}

mod properties;
