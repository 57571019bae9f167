//! What `uptime.html` shows: a component's last 12 calendar months, newest first, each with its
//! figure and a calendar of its days. The figures are the status report's
//! ([`crate::status::MonthReport`]), the same as `api/v2/uptime/monthly.json`.

use chrono::Datelike;
use serde::Serialize;

use super::view::{bar_view, ComponentView};
use crate::context::BuildContext;

/// `components/<id>/uptime/`.
pub fn url(id: &str) -> String {
    format!("components/{id}/uptime/")
}

/// The component a monthly page is about.
#[derive(Debug, Serialize)]
pub struct ComponentRef<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub group: Option<&'a str>,
    /// Its page, relative to the edition's root.
    pub url: &'a str,
}

impl<'a> ComponentRef<'a> {
    pub fn of(view: &'a ComponentView<'a>) -> Self {
        ComponentRef {
            id: view.id,
            name: view.name,
            group: view.group,
            url: &view.url,
        }
    }
}

/// One month's figure and calendar.
#[derive(Debug, Serialize)]
pub struct MonthView {
    /// `January 2022`, in the reader's language.
    pub name: String,
    /// `2022-01`, for anchors.
    pub id: String,
    /// `99.95%`, or "no data", in the reader's language (truncated, as every figure is).
    pub figure: String,
    pub has_data: bool,
    /// The weekday column (1 = Monday ... 7 = Sunday) of the month's first day.
    pub first_column: u32,
    pub days: Vec<CalendarDay>,
}

/// One day of a month's calendar.
#[derive(Debug, Serialize)]
pub struct CalendarDay {
    /// Day of the month, 1-31.
    pub day: u32,
    /// The status key (`no_data` before `since`, after today, or before `now`'s first instant).
    pub status: &'static str,
    /// The accessible text: date, status, downtime and incidents, as the daily bars say it.
    pub label: String,
}

/// The months of component `id`, newest first; empty for an unknown id.
pub fn months(ctx: &BuildContext, id: &str) -> Vec<MonthView> {
    let Some(report) = ctx.report.component(id) else {
        return Vec::new();
    };
    report
        .months
        .iter()
        .rev()
        .map(|m| MonthView {
            name: ctx.i18n.month(m.month),
            id: m.month.format("%Y-%m").to_string(),
            figure: ctx.i18n.percent(m.uptime),
            has_data: m.uptime.is_some(),
            first_column: m.month.weekday().number_from_monday(),
            days: m
                .days
                .iter()
                .map(|d| {
                    let bar = bar_view(&ctx.i18n, d);
                    CalendarDay {
                        day: d.date.day(),
                        status: bar.status,
                        label: bar.label,
                    }
                })
                .collect(),
        })
        .collect()
}
