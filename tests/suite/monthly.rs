//! Monthly uptime (issue 22): `components/<id>/uptime/`, `api/v2/uptime/monthly.json` and
//! `.csv`. The figures are checked against a reference written here, independently of
//! `src/status`: a month's window found with chrono-tz directly, cut to `since` and `now`, and
//! the weighted downtime summed over the segments between consecutive incident bounds.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use proptest::prelude::*;
use serde::Deserialize;

use crate::common::TestSite;

#[derive(Debug, Deserialize)]
struct MonthlyFile {
    generated_at: String,
    timezone: String,
    components: Vec<ComponentMonths>,
}

#[derive(Debug, Deserialize)]
struct ComponentMonths {
    id: String,
    name: String,
    since: Option<String>,
    months: Vec<Month>,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Month {
    month: String,
    start: String,
    end: String,
    counted_seconds: f64,
    downtime_seconds: f64,
    uptime: Option<f64>,
}

/// One incident of a generated site, in whole minutes.
#[derive(Debug, Clone)]
struct Spec {
    start: DateTime<Utc>,
    /// `None`: still ongoing (an incident only).
    minutes: Option<i64>,
    /// `major`, `partial`, `degraded`, `notice`, or `maintenance`.
    kind: &'static str,
    /// Which of `api` and `web` it names (at least one).
    api: bool,
    web: bool,
}

/// A generated site.
#[derive(Debug, Clone)]
struct Case {
    zone: &'static str,
    now: DateTime<Utc>,
    degraded: f64,
    maintenance_down: bool,
    /// `web`'s `since`, as days after the first day of the oldest month (may be after `now`).
    web_since: Option<u64>,
    specs: Vec<Spec>,
}

/// Zones with DST (every 12 months hold both of their changes) and one without.
const ZONES: [&str; 4] = ["America/New_York", "Europe/Paris", "Australia/Sydney", "UTC"];
const KINDS: [&str; 5] = ["major", "partial", "degraded", "notice", "maintenance"];

fn case() -> impl Strategy<Value = Case> {
    let base = Utc.with_ymd_and_hms(2023, 1, 1, 0, 0, 0).unwrap();
    (
        0..ZONES.len(),
        0i64..3 * 365 * 1440,
        prop_oneof![Just(0.0), Just(0.1), Just(0.5)],
        any::<bool>(),
        proptest::option::weighted(0.7, 0u64..400),
        proptest::collection::vec(
            (
                // Start: up to 400 days before `now` (so some begin before the oldest month).
                0i64..400 * 1440,
                proptest::option::weighted(0.9, 0i64..6 * 1440),
                0..KINDS.len(),
                0u8..3,
            ),
            0..14,
        ),
    )
        .prop_map(
            move |(zone, minutes, degraded, maintenance_down, web_since, raw)| {
                let now = base + Duration::minutes(minutes);
                let specs = raw
                    .into_iter()
                    .map(|(before, length, kind, which)| {
                        let kind = KINDS[kind];
                        Spec {
                            start: now - Duration::minutes(before),
                            // Maintenance always has an end, after its start (beacon refuses
                            // an `end` equal to `date`).
                            minutes: if kind == "maintenance" {
                                Some(length.unwrap_or(90).max(1))
                            } else {
                                length
                            },
                            kind,
                            api: which != 1,
                            web: which != 0,
                        }
                    })
                    .collect();
                Case {
                    zone: ZONES[zone],
                    now,
                    degraded,
                    maintenance_down,
                    web_since,
                    specs,
                }
            },
        )
}

fn tz(case: &Case) -> Tz {
    case.zone.parse().unwrap()
}

/// The first day of each of the 12 calendar months up to `now`'s, oldest first.
fn month_starts(case: &Case) -> Vec<NaiveDate> {
    let today = case.now.with_timezone(&tz(case)).date_naive();
    let this = NaiveDate::from_ymd_opt(today.year(), today.month(), 1).unwrap();
    (0..12)
        .rev()
        .map(|k| this.checked_sub_months(Months::new(k)).unwrap())
        .collect()
}

fn web_since(case: &Case) -> Option<NaiveDate> {
    case.web_since
        .map(|days| month_starts(case)[0] + Duration::days(days as i64))
}

/// Local midnight of `day` (none of the zones above changes its clocks at midnight).
fn midnight(zone: Tz, day: NaiveDate) -> DateTime<Utc> {
    zone.from_local_datetime(&day.and_hms_opt(0, 0, 0).unwrap())
        .earliest()
        .expect("midnight exists")
        .with_timezone(&Utc)
}

fn rfc(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

impl Case {
    fn config(&self) -> String {
        let since = web_since(self)
            .map(|d| format!("since = {d}\n"))
            .unwrap_or_default();
        format!(
            "title = \"Monthly\"\nbase_url = \"https://status.example.org/\"\ntimezone = \"{}\"\n\n\
             [uptime]\ndays = 30\nweights = {{ major = 1.0, partial = 0.3, degraded = {} }}\n\
             maintenance_counts_as_down = {}\n\n\
             [[components]]\nid = \"api\"\nname = \"API, public\"\n\n\
             [[components]]\nid = \"web\"\nname = \"Web\"\n{since}",
            self.zone, self.degraded, self.maintenance_down
        )
    }

    fn files(&self) -> Vec<(String, String)> {
        self.specs
            .iter()
            .enumerate()
            .map(|(n, s)| {
                let components: Vec<&str> = [("api", s.api), ("web", s.web)]
                    .into_iter()
                    .filter(|(_, on)| *on)
                    .map(|(id, _)| id)
                    .collect();
                let end = s.minutes.map(|m| rfc(s.start + Duration::minutes(m)));
                let mut text = format!(
                    "+++\ntitle = \"Case {n}\"\ndate = {}\ncomponents = {:?}\n",
                    rfc(s.start),
                    components
                );
                if s.kind == "maintenance" {
                    text += &format!("kind = \"maintenance\"\nend = {}\n", end.unwrap());
                } else {
                    text += &format!("severity = \"{}\"\n", s.kind);
                    if let Some(end) = end {
                        text += &format!("resolved = {end}\n");
                    }
                }
                text += "+++\n";
                (format!("content/incidents/case-{n}.md"), text)
            })
            .collect()
    }

    fn weight(&self, kind: &str) -> f64 {
        match kind {
            "major" => 1.0,
            "partial" => 0.3,
            "degraded" => self.degraded,
            "maintenance" if self.maintenance_down => 1.0,
            _ => 0.0,
        }
    }

    /// The reference: each month of `component` as (counted seconds, weighted downtime
    /// seconds, uptime), computed segment by segment.
    fn reference(&self, component: &str) -> Vec<(f64, f64, Option<f64>)> {
        let zone = tz(self);
        let since = if component == "web" {
            web_since(self).map(|d| midnight(zone, d))
        } else {
            None
        };
        // Each incident's [start, end) weight on this component, cut at `now`.
        let spans: Vec<(DateTime<Utc>, DateTime<Utc>, f64)> = self
            .specs
            .iter()
            .filter(|s| (component == "api" && s.api) || (component == "web" && s.web))
            .filter(|s| s.start <= self.now)
            .map(|s| {
                let end = s
                    .minutes
                    .map_or(self.now, |m| s.start + Duration::minutes(m))
                    .min(self.now);
                (s.start, end, self.weight(s.kind))
            })
            .collect();
        month_starts(self)
            .into_iter()
            .map(|first| {
                let next = first.checked_add_months(Months::new(1)).unwrap();
                let mut start = midnight(zone, first);
                if let Some(since) = since {
                    start = start.max(since);
                }
                let end = midnight(zone, next).min(self.now);
                if start >= end {
                    return (0.0, 0.0, None);
                }
                let mut cuts = vec![start, end];
                for &(a, b, _) in &spans {
                    cuts.extend([a, b].into_iter().filter(|t| *t > start && *t < end));
                }
                cuts.sort();
                cuts.dedup();
                let mut down = 0.0;
                let mut any = false;
                for pair in cuts.windows(2) {
                    let (a, b) = (pair[0], pair[1]);
                    let w = spans
                        .iter()
                        .filter(|(s, e, _)| *s <= a && b <= *e)
                        .map(|(_, _, w)| *w)
                        .fold(0.0, f64::max);
                    if w > 0.0 {
                        any = true;
                    }
                    down += w * (b - a).num_seconds() as f64;
                }
                let length = (end - start).num_seconds() as f64;
                let mut uptime = (1.0 - down / length).clamp(0.0, 1.0);
                if any {
                    uptime = uptime.min(1.0 - f64::EPSILON / 2.0);
                }
                (length, down, Some(uptime))
            })
            .collect()
    }

    fn site(&self) -> TestSite {
        let site = TestSite::new();
        site.write("config.toml", self.config());
        for (path, text) in self.files() {
            site.write(&path, text);
        }
        site
    }
}

/// The build's files in memory, by path.
fn build(site: &TestSite, now: DateTime<Utc>) -> BTreeMap<String, Vec<u8>> {
    let options = beacon::context::BuildOptions {
        root: site.root().to_path_buf(),
        now,
        base_url: None,
        drafts: false,
        live_reload: false,
        latency: Default::default(),
    };
    beacon::build::build_site(&options)
        .expect("the generated site builds")
        .into_iter()
        .map(|f| (f.path, f.bytes))
        .collect()
}

fn text(files: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8(files.get(path).unwrap_or_else(|| panic!("no {path}")).clone()).unwrap()
}

/// Checks every month of every component of `case`'s export against the reference.
fn check(case: &Case) -> Result<(), TestCaseError> {
    let site = case.site();
    let files = build(&site, case.now);
    let json: MonthlyFile = serde_json::from_str(&text(&files, "api/v2/uptime/monthly.json")).unwrap();
    prop_assert_eq!(&json.timezone, case.zone);
    let csv = csv_rows(&text(&files, "api/v2/uptime/monthly.csv"));
    prop_assert_eq!(csv.len(), 24);
    let starts = month_starts(case);
    let zone = tz(case);
    for (c, component) in json.components.iter().enumerate() {
        let reference = case.reference(&component.id);
        prop_assert_eq!(component.months.len(), 12);
        for (k, month) in component.months.iter().enumerate() {
            let (length, down, uptime) = reference[k];
            let what = format!("{} {} in {}", component.id, month.month, case.zone);
            prop_assert_eq!(&month.month, &starts[k].format("%Y-%m").to_string(), "{}", what);
            let start = DateTime::parse_from_rfc3339(&month.start).unwrap();
            prop_assert_eq!(start.with_timezone(&Utc), midnight(zone, starts[k]), "{}", what);
            prop_assert_eq!(month.counted_seconds, length, "{}", what);
            prop_assert!(
                (month.downtime_seconds - down).abs() <= 1e-6 * down.max(1.0),
                "{}: {} vs {}",
                what,
                month.downtime_seconds,
                down
            );
            match (month.uptime, uptime) {
                (Some(a), Some(b)) => {
                    prop_assert!((a - b).abs() <= 1e-12, "{}: {} vs {}", what, a, b);
                    // Down at all: never shown as 100%.
                    prop_assert_eq!(a < 1.0, b < 1.0, "{}", what);
                }
                (a, b) => prop_assert_eq!(a, b, "{}", what),
            }
            // The CSV row says the same.
            let row = &csv[c * 12 + k];
            prop_assert_eq!(&row["component_id"], &component.id);
            prop_assert_eq!(&row["month"], &month.month);
            prop_assert_eq!(
                row["counted_seconds"].parse::<f64>().unwrap(),
                month.counted_seconds
            );
            prop_assert_eq!(
                row["downtime_seconds"].parse::<f64>().unwrap(),
                month.downtime_seconds
            );
            prop_assert_eq!(row["uptime"].parse::<f64>().ok(), month.uptime);
        }
    }
    Ok(())
}

/// The CSV's rows as maps from the header's names.
fn csv_rows(text: &str) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    reader
        .records()
        .map(|r| {
            header
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(String::from))
                .collect()
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn monthly_figures_equal_an_independent_computation(case in case()) {
        check(&case)?;
    }
}

/// The cases the issue names, pinned: New York, a month with the autumn change (November 2024
/// has a 25-hour day) holding an outage across it, and `web` starting mid-month.
fn pinned() -> Case {
    let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
    Case {
        zone: "America/New_York",
        now: at("2024-12-10T12:00:00-05:00"),
        degraded: 0.0,
        maintenance_down: false,
        // 2024-01-01 + 319 days = 2024-11-15.
        web_since: Some(319),
        specs: vec![
            Spec {
                start: at("2024-11-02T22:00:00-04:00"),
                minutes: Some(28 * 60),
                kind: "major",
                api: true,
                web: true,
            },
            Spec {
                start: at("2024-11-20T10:00:00-05:00"),
                minutes: Some(10 * 60),
                kind: "partial",
                api: false,
                web: true,
            },
        ],
    }
}

#[test]
fn dst_month_and_mid_month_since_by_hand() {
    let case = pinned();
    assert_eq!(web_since(&case), NaiveDate::from_ymd_opt(2024, 11, 15));
    check(&case).unwrap();
    let files = build(&case.site(), case.now);
    let json: MonthlyFile = serde_json::from_str(&text(&files, "api/v2/uptime/monthly.json")).unwrap();
    let month = |id: &str, m: &str| {
        json.components
            .iter()
            .find(|c| c.id == id)
            .unwrap()
            .months
            .iter()
            .find(|x| x.month == m)
            .unwrap()
    };
    // November 2024 in New York: 30 days, one of 25 hours = 721 h. The outage runs from 22:00
    // EDT on the 2nd to 01:00 EST on the 4th: 28 h, all in November.
    let api = month("api", "2024-11");
    assert_eq!(api.counted_seconds, 721.0 * 3600.0);
    assert_eq!(api.downtime_seconds, 28.0 * 3600.0);
    assert_eq!(api.uptime, Some(1.0 - 28.0 / 721.0));
    assert_eq!(api.start, "2024-11-01T00:00:00-04:00");
    assert_eq!(api.end, "2024-12-01T00:00:00-05:00");
    // web counts from 15 November: 16 days of 24 h; the outage was before, only the 10 h
    // partial outage counts (0.3 each hour).
    let web = month("web", "2024-11");
    assert_eq!(web.counted_seconds, 16.0 * 86400.0);
    assert_eq!(web.downtime_seconds, 0.3 * 36000.0);
    assert_eq!(web.uptime, Some(1.0 - 0.3 * 10.0 / (16.0 * 24.0)));
    // Before `since`, no data; December runs up to `now` (9 days and 12 hours).
    assert_eq!(month("web", "2024-10").uptime, None);
    assert_eq!(month("web", "2024-10").counted_seconds, 0.0);
    assert_eq!(
        month("web", "2024-12").counted_seconds,
        (9.0 * 24.0 + 12.0) * 3600.0
    );
    assert_eq!(json.components[1].since.as_deref(), Some("2024-11-15"));
    assert_eq!(json.generated_at, "2024-12-10T17:00:00Z");
    assert_eq!(json.components[0].name, "API, public");
}

#[test]
fn csv_and_json_have_one_row_per_component_per_month() {
    let case = pinned();
    let files = build(&case.site(), case.now);
    let csv = text(&files, "api/v2/uptime/monthly.csv");
    let mut lines = csv.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("component_id,component_name,month,start,end,counted_seconds,downtime_seconds,uptime")
    );
    // A name with a comma is quoted; a month with no data has an empty uptime.
    let first = lines.next().unwrap();
    assert!(
        first.starts_with("api,\"API, public\",2024-01,2024-01-01T00:00:00-05:00,"),
        "{first}"
    );
    assert!(
        csv.contains("web,Web,2024-10,2024-10-01T00:00:00-04:00,2024-11-01T00:00:00-04:00,0.0,0.0,\r\n"),
        "{csv}"
    );
    assert_eq!(csv_rows(&csv).len(), 24);
    let json: serde_json::Value = serde_json::from_str(&text(&files, "api/v2/uptime/monthly.json")).unwrap();
    let months: Vec<&str> = json["components"][0]["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["month"].as_str().unwrap())
        .collect();
    let expected: Vec<String> = (1..=12).map(|m| format!("2024-{m:02}")).collect();
    assert_eq!(months, expected);
    assert_eq!(
        json["components"][1]["months"][9]["uptime"],
        serde_json::Value::Null
    );
    assert_eq!(json["components"][0]["since"], serde_json::Value::Null);
}

#[test]
fn uptime_page_shows_twelve_months_with_their_calendars() {
    let case = pinned();
    let site = case.site();
    site.build_at("2024-12-10T17:00:00Z");
    let html = site.read("public/components/web/uptime/index.html");
    let doc = scraper::Html::parse_document(&html);
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    let months: Vec<_> = doc.select(&sel("section.monthly-month")).collect();
    assert_eq!(months.len(), 12);
    let heading = |m: &scraper::ElementRef| m.select(&sel("h2")).next().unwrap().text().collect::<String>();
    // Newest first.
    assert_eq!(heading(&months[0]), "December 2024");
    assert_eq!(heading(&months[11]), "January 2024");
    for (k, month) in months.iter().enumerate() {
        let first = NaiveDate::from_ymd_opt(2024, 12, 1)
            .unwrap()
            .checked_sub_months(Months::new(k as u32))
            .unwrap();
        let days: Vec<_> = month.select(&sel("ol.calendar > li")).collect();
        let length = first.checked_add_months(Months::new(1)).unwrap() - first;
        assert_eq!(days.len() as i64, length.num_days(), "{first}");
        // The first day sits in its weekday's column (Monday first).
        let column = first.weekday().number_from_monday();
        let class = days[0].value().attr("class").unwrap();
        if column > 1 {
            assert!(class.contains(&format!("col-{column}")), "{first}: {class}");
        } else {
            assert!(!class.contains("col-"), "{first}: {class}");
        }
        // Each day has its text for screen readers.
        for d in &days {
            assert!(!d
                .select(&sel(".sr"))
                .next()
                .unwrap()
                .text()
                .collect::<String>()
                .is_empty());
        }
    }
    // December: days after the 10th are in the future; November: before the 15th is before
    // `since`; the 20th had the partial outage.
    let days_of = |k: usize| -> Vec<String> {
        months[k]
            .select(&sel("ol.calendar > li"))
            .map(|d| {
                d.value()
                    .attr("class")
                    .unwrap()
                    .split(' ')
                    .nth(1)
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    let december = days_of(0);
    assert!(
        december[..10].iter().all(|c| c == "day-operational"),
        "{december:?}"
    );
    assert!(december[10..].iter().all(|c| c == "day-no_data"), "{december:?}");
    let november = days_of(1);
    assert!(november[..14].iter().all(|c| c == "day-no_data"), "{november:?}");
    assert_eq!(november[19], "day-partial_outage");
    assert_eq!(november.iter().filter(|c| *c == "day-operational").count(), 15);
    // A month's day counts the incidents that touched it (the months keep no list of them).
    let said = |k: usize, day: usize| -> String {
        let days: Vec<_> = months[k].select(&sel("ol.calendar > li")).collect();
        days[day].select(&sel(".sr")).next().unwrap().text().collect()
    };
    assert!(said(1, 19).contains("1 incident"), "{}", said(1, 19));
    assert!(!said(1, 20).contains("incident"), "{}", said(1, 20));
    let figure = |k: usize| {
        months[k]
            .select(&sel(".monthly-figure"))
            .next()
            .unwrap()
            .text()
            .collect::<String>()
    };
    // 1 - 3/384 = 99.218...%, truncated.
    assert_eq!(figure(1), "99.21% uptime");
    assert_eq!(figure(2), "Uptime: no data");
    // The component page links it, and the sitemap lists it.
    let component = site.read("public/components/web/index.html");
    assert!(
        component.contains("href=\"../../components/web/uptime/\""),
        "{component}"
    );
    let sitemap = site.read("public/sitemap.xml");
    assert!(sitemap.contains("https://status.example.org/components/web/uptime/"));
    assert!(site.path("public/api/v2/uptime/monthly.csv").exists());
}

#[test]
fn every_language_edition_has_the_monthly_pages() {
    let site = TestSite::example();
    site.build_at("2022-01-27T17:00:00Z");
    let en = site.read("public/components/mobile-email/uptime/index.html");
    let fr = site.read("public/fr/components/mobile-email/uptime/index.html");
    assert!(en.contains("<h2 id=\"m-2022-01\">January 2022</h2>"), "{en}");
    assert!(fr.contains("<h2 id=\"m-2022-01\">janvier 2022</h2>"), "{fr}");
    assert!(fr.contains("Disponibilité mensuelle"));
    // One export for the site, at the root.
    assert!(site.path("public/api/v2/uptime/monthly.json").exists());
    assert!(!site.path("public/fr/api/v2/uptime/monthly.json").exists());
}
