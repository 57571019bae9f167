//! `api/v2/uptime.json` (SPEC section 5): every component's exact uptime fractions and daily
//! bars, for tools and tests. Figures come from the status report; nothing is computed here.

use std::collections::BTreeMap;
use std::io::Write;

use chrono::SecondsFormat;
use serde::{Serialize, Serializer};

use crate::context::BuildContext;
use crate::error::Result;
use crate::output::{put_buffered, Sink};
use crate::status::DayBar;

pub const PATH: &str = crate::output::UPTIME_JSON;

/// The file's top level.
#[derive(Debug, Serialize)]
struct UptimeFile<'a> {
    /// `now` in UTC, RFC 3339 with `Z`.
    generated_at: String,
    /// In config order.
    components: Vec<ComponentUptime<'a>>,
}

#[derive(Debug, Serialize)]
struct ComponentUptime<'a> {
    id: &'a str,
    name: &'a str,
    /// Keys are window lengths in days, written as strings in numeric order; `null` = no data.
    uptime: &'a BTreeMap<u32, Option<f64>>,
    /// Oldest first.
    days: Vec<Day<'a>>,
}

#[derive(Debug, Serialize)]
struct Day<'a> {
    /// `YYYY-MM-DD` in the site time zone.
    date: String,
    /// A `ComponentStatus` name, or `no_data`.
    status: &'static str,
    /// Weighted seconds; written as an integer when whole, as in the contract's example.
    #[serde(serialize_with = "whole_as_integer")]
    downtime_seconds: f64,
    incidents: &'a [String],
}

impl<'a> From<&'a DayBar> for Day<'a> {
    fn from(bar: &'a DayBar) -> Self {
        Day {
            date: bar.date.format("%Y-%m-%d").to_string(),
            status: bar.status_name(),
            downtime_seconds: bar.downtime_seconds,
            incidents: &bar.incidents,
        }
    }
}

/// 27000.0 as `27000`, 1080.5 as `1080.5`: the same number to a JSON reader, and the shape the
/// contract shows.
fn whole_as_integer<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    // Below 2^53 every whole f64 is exactly an i64; larger ones stay floats.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    if value.fract() == 0.0 && value.abs() < EXACT {
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
    }
}

/// Renders `api/v2/uptime.json`, pretty-printed with a trailing newline, to `sink` as it is
/// made (at 100,000 incidents it is 15 MB).
pub fn render(ctx: &BuildContext, sink: &Sink) -> Result<()> {
    let config = &ctx.site.config;
    let file = UptimeFile {
        generated_at: ctx.now().to_rfc3339_opts(SecondsFormat::AutoSi, true),
        components: ctx
            .report
            .components
            .iter()
            .map(|c| ComponentUptime {
                id: &c.id,
                name: config.component(&c.id).map_or(c.id.as_str(), |k| k.name.as_str()),
                uptime: &c.uptime,
                days: c.days.iter().map(Day::from).collect(),
            })
            .collect(),
    };
    put_buffered(sink, PATH, |out| {
        serde_json::to_writer_pretty(&mut *out, &file)?;
        out.write_all(b"\n")
    })
}
