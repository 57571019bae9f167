//! The response-time section of a probed component's page: a static SVG chart of the daily
//! median and 95th percentile over the uptime window (no script; lines in `currentColor`, so
//! it reads in the light and the dark theme alike, told apart by their dash, not their
//! colour), a text alternative with the same figures, and the last check. Every number is
//! written with fixed precision, so the same record and `now` give the same bytes.

use std::fmt::Write;

use chrono::Duration;
use serde::Serialize;

use crate::context::BuildContext;
use crate::escape::escape_html;
use crate::status::latency::DayLatency;

/// The chart's drawing area, in SVG user units.
const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 160.0;
/// Room for the axis labels on the left, and above and below the plot.
const LEFT: f64 = 56.0;
const TOP: f64 = 8.0;
const BOTTOM: f64 = 8.0;

/// What `component.html` shows of a probed component.
#[derive(Debug, Clone, Serialize)]
pub struct LatencyView {
    /// The chart, an `<svg>` element (already escaped).
    pub svg: String,
    /// The figures in words: the chart's text alternative.
    pub summary: String,
    /// "Last checked …".
    pub last_check: String,
    /// Whether any day of the window has figures (else only `last_check` is shown).
    pub has_data: bool,
}

/// The response-time section of component `id`, when `beacon probe` has checked it.
pub fn view(ctx: &BuildContext, id: &str, name: &str) -> Option<LatencyView> {
    let latency = ctx.options.latency.components.get(id)?;
    let i18n = &ctx.i18n;
    let tz = ctx.site.config.timezone;
    let days = ctx.site.config.uptime.days.max(1);
    let today = crate::time::local_date(tz, ctx.now());
    let window = latency.window(today, days);
    let last_check = latency.last_check.map_or_else(String::new, |t| {
        i18n.format1(
            "latency-last-check",
            "time",
            i18n.date_time(&t.with_timezone(&tz)),
        )
    });
    let label = i18n.format(
        "latency-chart-label",
        &[("component", name.into()), ("days", days.into())],
    );
    let summary = summary(ctx, &window, days);
    let first = today - Duration::days(i64::from(days) - 1);
    let svg = chart(id, &label, &window, first, days);
    Some(LatencyView {
        svg,
        summary,
        last_check,
        has_data: !window.is_empty(),
    })
}

/// The figures of the window in one sentence: its median and 95th percentile days, the
/// latest day's, and how many checks.
fn summary(ctx: &BuildContext, window: &[DayLatency], days: u32) -> String {
    let i18n = &ctx.i18n;
    let Some(latest) = window.last() else {
        return i18n.text("latency-no-data").to_string();
    };
    let checks: u32 = window.iter().map(|d| d.checks).sum();
    let mut medians: Vec<u32> = window.iter().map(|d| d.median_ms).collect();
    medians.sort_unstable();
    let worst = window.iter().map(|d| d.p95_ms).max().unwrap_or(0);
    i18n.format(
        "latency-summary",
        &[
            ("days", days.into()),
            (
                "median",
                crate::status::latency::percentile(&medians, 50)
                    .unwrap_or(0)
                    .into(),
            ),
            ("worst", worst.into()),
            ("date", i18n.date(latest.date).into()),
            ("latest_median", latest.median_ms.into()),
            ("latest_p95", latest.p95_ms.into()),
            ("checks", checks.into()),
        ],
    )
}

/// The top of the scale: the first of 1, 2, 5 × 10ⁿ ms at or above `max`.
fn scale_top(max: u32) -> u32 {
    let mut step: u32 = 10;
    loop {
        for factor in [1, 2, 5] {
            let top = step.saturating_mul(factor);
            if top >= max || top == u32::MAX {
                return top;
            }
        }
        step = step.saturating_mul(10);
    }
}

fn chart(id: &str, label: &str, window: &[DayLatency], first: chrono::NaiveDate, days: u32) -> String {
    let top = scale_top(window.iter().map(|d| d.p95_ms).max().unwrap_or(0).max(1));
    let plot_w = WIDTH - LEFT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let slot = plot_w / f64::from(days);
    let x = |date: chrono::NaiveDate| {
        let n = (date - first).num_days() as f64;
        LEFT + slot * (n + 0.5)
    };
    let y = |ms: u32| TOP + plot_h * (1.0 - f64::from(ms.min(top)) / f64::from(top));
    // Each line breaks where a day has no figures.
    let line = |value: fn(&DayLatency) -> u32| {
        let mut d = String::new();
        let mut previous: Option<chrono::NaiveDate> = None;
        for day in window {
            let joined = previous.is_some_and(|p| (day.date - p).num_days() == 1);
            let _ = write!(
                d,
                "{}{:.1} {:.1}",
                if d.is_empty() {
                    "M"
                } else if joined {
                    " L"
                } else {
                    " M"
                },
                x(day.date),
                y(value(day))
            );
            previous = Some(day.date);
        }
        d
    };
    let title_id = format!("latency-{id}");
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"latency-chart\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" \
         aria-labelledby=\"{title_id}\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"{title_id}\">{}</title>",
        escape_html(label)
    );
    // The scale: 0, half and the top, with their values.
    for ms in [0, top / 2, top] {
        let _ = write!(
            svg,
            "<line x1=\"{LEFT:.1}\" x2=\"{WIDTH:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"currentColor\" \
             stroke-opacity=\"0.25\" stroke-width=\"1\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\" fill=\"currentColor\">{ms} ms</text>",
            LEFT - 6.0,
            y(ms) + 4.0,
            y = y(ms)
        );
    }
    // Single days are dots: a line needs two.
    let p95 = line(|d| d.p95_ms);
    let median = line(|d| d.median_ms);
    let _ = write!(
        svg,
        "<path d=\"{p95}\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" \
         stroke-dasharray=\"4 3\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>\
         <path d=\"{median}\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2.5\" \
         stroke-linejoin=\"round\" stroke-linecap=\"round\"/>"
    );
    for day in window {
        let _ = write!(
            svg,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"2\" fill=\"currentColor\"/>",
            x(day.date),
            y(day.median_ms)
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn the_scale_tops_at_a_round_number() {
        assert_eq!(scale_top(1), 10);
        assert_eq!(scale_top(120), 200);
        assert_eq!(scale_top(480), 500);
        assert_eq!(scale_top(501), 1000);
        assert_eq!(scale_top(u32::MAX), u32::MAX);
    }

    #[test]
    fn the_chart_is_xml_with_a_title_and_breaks_at_missing_days() {
        let d = |n| NaiveDate::from_ymd_opt(2026, 1, n).unwrap();
        let window: Vec<DayLatency> = [1, 2, 4]
            .iter()
            .filter_map(|n| DayLatency::of(d(*n), &[100 * n, 300 * n]))
            .collect();
        let svg = chart("api", "API <&> response", &window, d(1), 4);
        let doc = roxmltree::Document::parse(&svg).expect("the chart parses as XML");
        let title = doc.descendants().find(|n| n.has_tag_name("title")).unwrap();
        assert_eq!(title.text(), Some("API <&> response"));
        let median = doc
            .descendants()
            .filter(|n| n.has_tag_name("path"))
            .nth(1)
            .unwrap();
        assert_eq!(median.attribute("d").unwrap().matches('M').count(), 2, "{svg}");
        assert_eq!(
            chart("api", "API <&> response", &window, d(1), 4),
            svg,
            "deterministic"
        );
    }
}
