//! Response times measured by `beacon probe`, for tools: `api/v2/latency.json` (each probed
//! component's daily median and 95th percentile over the uptime window, and its last check)
//! and `components/<id>/latency.json`, a shields.io endpoint badge of the latest day's median.
//! Only components that `beacon probe` has checked have figures; the files exist on every
//! site, so clients and the serve tests find the same paths.

use chrono::{Duration, SecondsFormat};
use serde::Serialize;

use crate::context::BuildContext;
use crate::error::Result;
use crate::output::OutputFile;
use crate::status::latency::DayLatency;

pub const PATH: &str = "api/v2/latency.json";

#[derive(Debug, Serialize)]
struct LatencyFile<'a> {
    /// `now` in UTC, RFC 3339 with `Z`.
    generated_at: String,
    /// Days in the window (the uptime window).
    days: u32,
    /// Probed components, in config order.
    components: Vec<ComponentLatency<'a>>,
}

#[derive(Debug, Serialize)]
struct ComponentLatency<'a> {
    id: &'a str,
    name: &'a str,
    /// RFC 3339 with `Z`.
    last_check: Option<String>,
    /// `up`, `degraded` or `down`: what the last check found.
    last_state: &'a str,
    /// Days with answered checks, oldest first.
    days: Vec<Day>,
}

#[derive(Debug, Serialize)]
struct Day {
    /// `YYYY-MM-DD` in the site time zone.
    date: String,
    median_ms: u32,
    p95_ms: u32,
    checks: u32,
}

/// The shields.io endpoint schema (<https://shields.io/badges/endpoint-badge>).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Endpoint<'a> {
    schema_version: u8,
    label: &'a str,
    message: String,
    color: &'static str,
}

/// The probed components with their window of days, in config order.
fn probed<'a>(
    ctx: &'a BuildContext,
) -> Vec<(
    &'a crate::config::Component,
    &'a crate::status::latency::ComponentLatency,
    Vec<DayLatency>,
)> {
    let config = &ctx.site.config;
    let today = crate::time::local_date(config.timezone, ctx.now());
    config
        .components
        .iter()
        .filter_map(|c| {
            let latency = ctx.options.latency.components.get(&c.id)?;
            Some((c, latency, latency.window(today, config.uptime.days)))
        })
        .collect()
}

pub fn api(ctx: &BuildContext) -> Result<Vec<OutputFile>> {
    let file = LatencyFile {
        generated_at: ctx.now().to_rfc3339_opts(SecondsFormat::Secs, true),
        days: ctx.site.config.uptime.days,
        components: probed(ctx)
            .into_iter()
            .map(|(c, latency, window)| ComponentLatency {
                id: &c.id,
                name: &c.name,
                last_check: latency
                    .last_check
                    .map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true)),
                last_state: &latency.last_state,
                days: window
                    .iter()
                    .map(|d| Day {
                        date: d.date.format("%Y-%m-%d").to_string(),
                        median_ms: d.median_ms,
                        p95_ms: d.p95_ms,
                        checks: d.checks,
                    })
                    .collect(),
            })
            .collect(),
    };
    let mut bytes = serde_json::to_vec_pretty(&file).expect("strings and numbers serialise");
    bytes.push(b'\n');
    Ok(vec![OutputFile::new(PATH, bytes)])
}

pub fn badge_paths(ctx: &BuildContext) -> Vec<String> {
    probed(ctx)
        .into_iter()
        .map(|(c, _, _)| format!("components/{}/latency.json", c.id))
        .collect()
}

pub fn badges(ctx: &BuildContext) -> Result<Vec<OutputFile>> {
    let today = crate::time::local_date(ctx.site.config.timezone, ctx.now());
    Ok(probed(ctx)
        .into_iter()
        .map(|(c, latency, window)| {
            // The latest day's median, if it is recent (today or yesterday).
            let latest = window.last().filter(|d| d.date >= today - Duration::days(1));
            let (message, color) = match (latest, latency.last_state.as_str()) {
                (None, _) => (ctx.i18n.text("badge-no-data").to_string(), "lightgrey"),
                (Some(d), "down") => (format!("{} ms", d.median_ms), "red"),
                (Some(d), "degraded") => (format!("{} ms", d.median_ms), "yellow"),
                (Some(d), _) => (format!("{} ms", d.median_ms), "brightgreen"),
            };
            let endpoint = Endpoint {
                schema_version: 1,
                label: ctx.i18n.text("badge-latency-label"),
                message,
                color,
            };
            let mut bytes = serde_json::to_vec(&endpoint).expect("strings serialise");
            bytes.push(b'\n');
            OutputFile::new(format!("components/{}/latency.json", c.id), bytes)
        })
        .collect())
}
