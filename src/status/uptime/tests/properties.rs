//! Property tests: random incidents around a random `now`, in zones with and without DST.

use std::collections::BTreeMap;
use std::path::PathBuf;

use proptest::prelude::*;

use super::*;

const ZONES: [&str; 5] = [
    "America/New_York",
    "Europe/London",
    "Australia/Sydney",
    "America/Santiago",
    "UTC",
];

/// One generated incident, in minutes relative to `now`.
#[derive(Debug, Clone)]
struct Spec {
    /// Minutes before `now` it starts (negative: after `now`).
    before_now: i64,
    minutes: i64,
    ongoing: bool,
    maintenance: bool,
    severity: Severity,
    /// Also on `web`, at this severity.
    web: Option<Severity>,
}

fn severity() -> impl Strategy<Value = Severity> {
    prop_oneof![
        Just(Severity::Notice),
        Just(Severity::Degraded),
        Just(Severity::Partial),
        Just(Severity::Major)
    ]
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        -600i64..40 * 1440,
        0i64..4 * 1440,
        proptest::bool::weighted(0.1),
        proptest::bool::weighted(0.2),
        severity(),
        proptest::option::of(severity()),
    )
        .prop_map(
            |(before_now, minutes, ongoing, maintenance, severity, web)| Spec {
                before_now,
                minutes,
                ongoing,
                maintenance,
                severity,
                web,
            },
        )
}

/// A site: zone, `now`, `[uptime]` settings and incidents.
#[derive(Debug, Clone)]
struct Case {
    zone: &'static str,
    now: DateTime<Utc>,
    days: u32,
    degraded: f64,
    maintenance_down: bool,
    since_days_ago: Option<u64>,
    specs: Vec<Spec>,
}

fn case() -> impl Strategy<Value = Case> {
    (
        0..ZONES.len(),
        0i64..2 * 365 * 1440,
        1u32..45,
        prop_oneof![Just(0.0), Just(0.1), Just(0.3)],
        any::<bool>(),
        proptest::option::of(0u64..60),
        proptest::collection::vec(spec(), 0..16),
    )
        .prop_map(
            |(zone, minutes, days, degraded, maintenance_down, since_days_ago, specs)| Case {
                zone: ZONES[zone],
                now: at("2023-01-01T00:00:00Z") + Duration::minutes(minutes),
                days,
                degraded,
                maintenance_down,
                since_days_ago,
                specs,
            },
        )
}

impl Case {
    fn config(&self) -> Config {
        let tz: Tz = self.zone.parse().expect("zone");
        let since = self
            .since_days_ago
            .and_then(|n| local_date(tz, self.now).checked_sub_days(Days::new(n)))
            .map(|d| d.to_string());
        config(
            self.zone,
            &format!(
                "[uptime]\ndays = {}\nweights = {{ degraded = {} }}\nmaintenance_counts_as_down = {}",
                self.days, self.degraded, self.maintenance_down
            ),
            since.as_deref(),
        )
    }

    fn incidents(&self) -> Vec<Incident> {
        self.specs
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let start = self.now - Duration::minutes(s.before_now);
                let end = start + Duration::minutes(s.minutes);
                let mut components = vec!["api".to_string()];
                let mut impact = BTreeMap::new();
                if let Some(web) = s.web {
                    components.push("web".into());
                    impact.insert("web".to_string(), web);
                }
                if s.maintenance {
                    impact.clear();
                }
                Incident {
                    slug: format!("i{i:02}"),
                    title: String::new(),
                    kind: if s.maintenance {
                        Kind::Maintenance
                    } else {
                        Kind::Incident
                    },
                    severity: if s.maintenance {
                        Severity::Notice
                    } else {
                        s.severity
                    },
                    start,
                    end: (s.maintenance || !s.ongoing).then_some(end),
                    components,
                    impact,
                    pinned: false,
                    draft: false,
                    automated: false,
                    updates: Vec::new(),
                    body: String::new(),
                    source: PathBuf::new(),
                    translations: Default::default(),
                }
            })
            .collect()
    }
}

fn build(config: &Config, incidents: Vec<Incident>, now: DateTime<Utc>) -> StatusReport {
    let site = Site {
        config: config.clone(),
        texts: Default::default(),
        incidents,
        pages: Vec::new(),
    };
    compute_report(&as_of(&site, now), now)
}

/// What must not change when the same downtime is written differently: every figure,
/// and each bar's date, status and downtime (slugs may differ).
/// A component's figures, then each bar's date, status name and downtime.
type Figures = (BTreeMap<u32, Option<f64>>, Vec<(NaiveDate, &'static str, f64)>);

fn figures(r: &StatusReport) -> Vec<Figures> {
    r.components
        .iter()
        .map(|c| {
            let days = c
                .days
                .iter()
                .map(|b| (b.date, b.status_name(), b.downtime_seconds))
                .collect();
            (c.uptime.clone(), days)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn uptime_stays_within_zero_and_one(case in case()) {
        let r = build(&case.config(), case.incidents(), case.now);
        for c in &r.components {
            for (days, u) in &c.uptime {
                if let Some(u) = u {
                    prop_assert!((0.0..=1.0).contains(u), "{} over {days}: {u}", c.id);
                }
            }
        }
    }

    #[test]
    fn adding_an_incident_never_raises_uptime(case in case(), extra in spec()) {
        let config = case.config();
        let before = build(&config, case.incidents(), case.now);
        let mut more = case.clone();
        more.specs.push(extra);
        let after = build(&config, more.incidents(), case.now);
        for (b, a) in before.components.iter().zip(&after.components) {
            for (days, u) in &b.uptime {
                let v = a.uptime[days];
                match (u, v) {
                    (Some(u), Some(v)) => prop_assert!(v <= *u, "{} over {days}: {u} -> {v}", b.id),
                    _ => prop_assert_eq!(*u, v),
                }
            }
            for (x, y) in b.days.iter().zip(&a.days) {
                prop_assert!(y.downtime_seconds >= x.downtime_seconds);
                prop_assert!(y.status >= x.status);
            }
        }
    }

    #[test]
    fn splitting_an_incident_in_two_changes_nothing(case in case(), pick in any::<prop::sample::Index>(), at_minute in 1i64..4 * 1440) {
        prop_assume!(!case.specs.is_empty());
        let config = case.config();
        let mut incidents = case.incidents();
        let i = pick.index(incidents.len());
        let whole = incidents[i].clone();
        let length = whole.end.map_or(case.now - whole.start, |e| e - whole.start);
        prop_assume!(length > Duration::minutes(at_minute));
        let middle = whole.start + Duration::minutes(at_minute);
        let mut first = whole.clone();
        first.end = Some(middle);
        let mut second = whole;
        second.slug.push_str("-b");
        second.start = middle;
        incidents[i] = first;
        incidents.push(second);
        let split = build(&config, incidents, case.now);
        prop_assert_eq!(figures(&split), figures(&build(&config, case.incidents(), case.now)));
    }

    #[test]
    fn two_identical_incidents_count_as_one(case in case(), pick in any::<prop::sample::Index>()) {
        prop_assume!(!case.specs.is_empty());
        let config = case.config();
        let mut incidents = case.incidents();
        let mut twin = incidents[pick.index(incidents.len())].clone();
        twin.slug.push_str("-twin");
        incidents.push(twin);
        let twice = build(&config, incidents, case.now);
        prop_assert_eq!(figures(&twice), figures(&build(&config, case.incidents(), case.now)));
    }

    #[test]
    fn days_downtime_adds_up_to_the_window_downtime(case in case()) {
        let config = case.config();
        let incidents = case.incidents();
        let r = build(&config, incidents.clone(), case.now);
        let calendar = Calendar::new(config.timezone, case.now, longest_window(&config));
        let levels = Levels::new(&config.uptime);
        for c in &config.components {
            let mine: Vec<&Incident> = incidents.iter().filter(|i| i.components.contains(&c.id)).collect();
            let touches = touches(calendar.now, &levels, &config, &c.id, &mine);
            let profile = Profile::new(touches.iter().map(|t| Span { start: t.start, end: t.end, level: t.level }));
            let since = c.since.map(|d| nanos(day_start(calendar.tz, d)));
            let window = calendar
                .window(config.uptime.days, since)
                .map_or(0.0, |(a, b)| profile.downtime(a, b).weighted_seconds(&levels));
            let days: f64 = r.component(&c.id).expect("reported").days.iter().map(|b| b.downtime_seconds).sum();
            prop_assert!((days - window).abs() <= 1e-9 * window.max(1.0), "{}: days {days}, window {window}", c.id);
        }
    }

    #[test]
    fn each_day_is_23_24_or_25_hours(zone in 0..ZONES.len(), minutes in 0i64..3 * 365 * 1440) {
        let tz: Tz = ZONES[zone].parse().expect("zone");
        let now = at("2022-01-01T00:00:00Z") + Duration::minutes(minutes);
        let calendar = Calendar::new(tz, now, 400);
        prop_assert_eq!(calendar.dates.len(), 400);
        prop_assert!(calendar.starts[399] <= calendar.now && calendar.now < calendar.starts[400]);
        for pair in calendar.starts.windows(2) {
            let hours = (pair[1] - pair[0]) as f64 / (HOUR * NANOS_PER_SECOND);
            prop_assert!([23.0, 24.0, 25.0].contains(&hours), "{}: {hours} h", ZONES[zone]);
        }
    }
}
