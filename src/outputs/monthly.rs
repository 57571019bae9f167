//! `api/v2/uptime/monthly.json` and `api/v2/uptime/monthly.csv`: each component's uptime in
//! each of the last 12 calendar months in the site's zone, for SLA reports. The figures are the
//! status report's ([`crate::status::MonthReport`]), computed by the same code and rules as the
//! rolling windows; nothing is computed here.

use chrono::{NaiveDate, SecondsFormat};
use serde::Serialize;

use crate::context::BuildContext;
use crate::error::Result;
use crate::output::OutputFile;
use crate::status::{ComponentReport, MonthReport};
use crate::time::day_start;

pub const JSON: &str = "api/v2/uptime/monthly.json";
pub const CSV: &str = "api/v2/uptime/monthly.csv";

#[derive(Debug, Serialize)]
struct MonthlyFile<'a> {
    /// `now` in UTC, RFC 3339 with `Z`.
    generated_at: String,
    /// The IANA zone the months are calendar months of.
    timezone: &'a str,
    /// In config order.
    components: Vec<ComponentMonths<'a>>,
}

#[derive(Debug, Serialize)]
struct ComponentMonths<'a> {
    id: &'a str,
    name: &'a str,
    /// `YYYY-MM-DD`, or `null` when the component has no `since`.
    since: Option<String>,
    /// Oldest first; the last is the month of `now`.
    months: Vec<MonthRow>,
}

/// One component in one month, as the JSON lists it.
#[derive(Debug, Serialize)]
struct MonthRow {
    /// `YYYY-MM`.
    month: String,
    /// The month's first instant, and the next month's, in the site's zone with their offsets.
    start: String,
    end: String,
    /// How long the counted part of the month is (from `since`, up to `now`), in seconds.
    counted_seconds: f64,
    /// Weighted downtime within it, in seconds.
    downtime_seconds: f64,
    /// The exact fraction; `null` (empty in the CSV) when no time of the month counts.
    uptime: Option<f64>,
}

fn row(ctx: &BuildContext, m: &MonthReport) -> MonthRow {
    let tz = ctx.site.config.timezone;
    let instant = |d: NaiveDate| {
        day_start(tz, d)
            .with_timezone(&tz)
            .to_rfc3339_opts(SecondsFormat::Secs, false)
    };
    let next = m
        .month
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(m.month);
    MonthRow {
        month: m.month.format("%Y-%m").to_string(),
        start: instant(m.month),
        end: instant(next),
        counted_seconds: m.counted_seconds,
        downtime_seconds: m.downtime_seconds,
        uptime: m.uptime,
    }
}

fn name_of<'a>(ctx: &'a BuildContext, c: &'a ComponentReport) -> &'a str {
    ctx.site
        .config
        .component(&c.id)
        .map_or(c.id.as_str(), |k| k.name.as_str())
}

/// Both files: the JSON pretty-printed with a trailing newline, the CSV with a header row and
/// one row per component per month, components in config order, months oldest first.
pub fn render(ctx: &BuildContext) -> Result<Vec<OutputFile>> {
    let config = &ctx.site.config;
    let file = MonthlyFile {
        generated_at: ctx.now().to_rfc3339_opts(SecondsFormat::AutoSi, true),
        timezone: config.timezone.name(),
        components: ctx
            .report
            .components
            .iter()
            .map(|c| ComponentMonths {
                id: &c.id,
                name: name_of(ctx, c),
                since: config
                    .component(&c.id)
                    .and_then(|k| k.since)
                    .map(|d| d.format("%Y-%m-%d").to_string()),
                months: c.months.iter().map(|m| row(ctx, m)).collect(),
            })
            .collect(),
    };
    let mut json =
        serde_json::to_string_pretty(&file).expect("monthly.json holds only strings, numbers and nulls");
    json.push('\n');

    // One row per component per month; the header comes from the first row's names, so a site
    // with no component writes it itself.
    let mut csv = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .has_headers(false)
        .from_writer(Vec::new());
    const WRITES: &str = "the CSV rows hold only strings and numbers, written into memory";
    csv.write_record(CSV_HEADER).expect(WRITES);
    for c in &ctx.report.components {
        for m in &c.months {
            let r = row(ctx, m);
            csv.serialize(CsvRow {
                component_id: &c.id,
                component_name: name_of(ctx, c),
                month: r.month,
                start: r.start,
                end: r.end,
                counted_seconds: r.counted_seconds,
                downtime_seconds: r.downtime_seconds,
                uptime: r.uptime,
            })
            .expect(WRITES);
        }
    }
    let csv = csv.into_inner().expect(WRITES);
    Ok(vec![OutputFile::new(JSON, json), OutputFile::new(CSV, csv)])
}

/// The CSV's columns: the JSON's month fields, each row naming its component.
const CSV_HEADER: [&str; 8] = [
    "component_id",
    "component_name",
    "month",
    "start",
    "end",
    "counted_seconds",
    "downtime_seconds",
    "uptime",
];

#[derive(Serialize)]
struct CsvRow<'a> {
    component_id: &'a str,
    component_name: &'a str,
    month: String,
    start: String,
    end: String,
    counted_seconds: f64,
    downtime_seconds: f64,
    uptime: Option<f64>,
}
