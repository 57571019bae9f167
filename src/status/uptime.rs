//! Uptime over windows of calendar days, and the daily bars, from one component's incidents
//! (SPEC section 5; the rules are written out in `docs/uptime.md`).
//!
//! The day bounds of the longest window are found once per report ([`Calendar`]); each
//! component's incidents are swept once into a [`Profile`], which then answers every window and
//! every day in O(log n). Exact fractions only: truncating for display is the renderer's job.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, Utc};
use chrono_tz::Tz;

use super::interval::{nanos, Downtime, Levels, Nanos, Profile, Span, NANOS_PER_SECOND};
use super::{ComponentStatus, DayBar, MonthReport, UPTIME_MONTHS, UPTIME_WINDOWS};
use crate::config::{Component, Config};
use crate::content::{Incident, Kind, Severity};
use crate::time::{day_start, local_date};

/// The largest f64 below 1: the uptime of a window with any downtime at all, however little.
pub const ALMOST_ONE: f64 = 1.0 - f64::EPSILON / 2.0;

/// The last calendar days up to `now` in the site's zone, with the instant each begins.
#[derive(Debug, Clone)]
pub struct Calendar {
    tz: Tz,
    now: Nanos,
    /// Oldest first; the last is today.
    dates: Vec<NaiveDate>,
    /// `starts[i]` begins `dates[i]`; one more entry, the start of tomorrow, ends today.
    /// Consecutive starts are 23, 24 or 25 hours apart across DST changes, not always 24.
    starts: Vec<Nanos>,
}

impl Calendar {
    /// The last `days` calendar days in `tz`, today (the day of `now`) included; and at least
    /// every day of the last [`UPTIME_MONTHS`] calendar months, for [`month_reports`].
    pub fn new(tz: Tz, now: DateTime<Utc>, days: u32) -> Self {
        let today = local_date(tz, now);
        let back = Days::new(u64::from(days.saturating_sub(1)));
        let first = today
            .checked_sub_days(back)
            .unwrap_or(NaiveDate::MIN)
            .min(first_month(today));
        let dates: Vec<NaiveDate> = first.iter_days().take_while(|d| *d <= today).collect();
        let mut starts: Vec<Nanos> = dates.iter().map(|&d| nanos(day_start(tz, d))).collect();
        starts.push(today.succ_opt().map_or(Nanos::MAX, |d| nanos(day_start(tz, d))));
        Calendar {
            tz,
            now: nanos(now),
            dates,
            starts,
        }
    }

    /// The window of the last `days` days: from the start of its first day, or of `since` if
    /// later, to `now`. `None` when it holds no time (no days, or `since` after `now`).
    fn window(&self, days: u32, since: Option<Nanos>) -> Option<(Nanos, Nanos)> {
        let days = usize::try_from(days).unwrap_or(usize::MAX).min(self.dates.len());
        if days == 0 {
            return None;
        }
        let start = self.starts[self.dates.len() - days].max(since.unwrap_or(Nanos::MIN));
        (start < self.now).then_some((start, self.now))
    }

    /// Index of the day holding instant `t` (which must not precede the first day).
    fn day_of(&self, t: Nanos) -> Option<usize> {
        self.starts.partition_point(|&s| s <= t).checked_sub(1)
    }
}

/// One incident as it bears on one component, clipped to end by `now`.
#[derive(Debug, Clone, Copy)]
struct Touch<'a> {
    incident: &'a Incident,
    start: Nanos,
    /// Never before `start`; equal for an instant (zero-length) incident.
    end: Nanos,
    level: usize,
    status: Option<ComponentStatus>,
}

/// Uptime figures and daily bars of one component.
#[derive(Debug, Clone, PartialEq)]
pub struct ComponentUptime {
    /// By window length in days: 30, 90, 365 and the configured bar window.
    pub uptime: BTreeMap<u32, Option<f64>>,
    /// The configured bar window, oldest day first.
    pub days: Vec<DayBar>,
    /// The last [`UPTIME_MONTHS`] calendar months, oldest first; the last is this month.
    pub months: Vec<MonthReport>,
}

/// The first day of the oldest of the last [`UPTIME_MONTHS`] calendar months before `today`'s
/// month (which is the newest of them).
pub fn first_month(today: NaiveDate) -> NaiveDate {
    let this_month = today.with_day(1).unwrap_or(today);
    this_month
        .checked_sub_months(Months::new(UPTIME_MONTHS - 1))
        .unwrap_or(NaiveDate::MIN)
}

/// Everything SPEC section 5 asks of one component's past. `calendar` must reach back at least
/// [`longest_window`] days; `incidents` are those that name the component, in any order.
pub fn component_uptime(
    calendar: &Calendar,
    config: &Config,
    component: &Component,
    incidents: &[&Incident],
) -> ComponentUptime {
    let levels = Levels::new(&config.uptime);
    let touches = touches(calendar.now, &levels, config, &component.id, incidents);
    let profile = Profile::new(touches.iter().map(|t| Span {
        start: t.start,
        end: t.end,
        level: t.level,
    }));
    let since = component.since.map(|d| nanos(day_start(calendar.tz, d)));
    let uptime = windows(config)
        .map(|days| {
            let figure = calendar
                .window(days, since)
                .map(|(start, end)| uptime_fraction(profile.downtime(start, end), end - start, &levels));
            (days, figure)
        })
        .collect();
    let states = Profile::new(touches.iter().filter_map(|t| {
        Some(Span {
            start: t.start,
            end: t.end,
            level: state_level(t.status?)?,
        })
    }));
    let days = day_bars(
        calendar,
        config.uptime.days,
        since,
        (&profile, &levels),
        &states,
        &touches,
        true,
    );
    let months = month_reports(calendar, since, (&profile, &levels), &states, &touches);
    ComponentUptime { uptime, days, months }
}

/// Each of the last [`UPTIME_MONTHS`] calendar months in the site's zone, oldest first. A month
/// is one more window, `[first instant of the month, first instant of the next)`, cut to
/// `since` and `now` exactly as the rolling windows are, so its figure follows the same rules
/// (docs/uptime.md); its days are the daily bars of that stretch, and the days after today
/// are "no data".
fn month_reports(
    calendar: &Calendar,
    since: Option<Nanos>,
    (profile, levels): (&Profile, &Levels),
    states: &Profile,
    touches: &[Touch],
) -> Vec<MonthReport> {
    let Some(&today) = calendar.dates.last() else {
        return Vec::new();
    };
    let all_days = u32::try_from(calendar.dates.len()).unwrap_or(u32::MAX);
    // Counted, not listed (see `DayBar::incidents`).
    let bars = day_bars(
        calendar,
        all_days,
        since,
        (profile, levels),
        states,
        touches,
        false,
    );
    let from = since.unwrap_or(Nanos::MIN);
    let first = first_month(today);
    (0..UPTIME_MONTHS)
        .filter_map(|k| first.checked_add_months(Months::new(k)))
        .map(|month| {
            let next = month.checked_add_months(Months::new(1)).unwrap_or(NaiveDate::MAX);
            let start = nanos(day_start(calendar.tz, month)).max(from);
            let end = if next > today {
                calendar.now
            } else {
                nanos(day_start(calendar.tz, next)).min(calendar.now)
            };
            let (figure, downtime_seconds, counted) = if start < end {
                let down = profile.downtime(start, end);
                (
                    Some(uptime_fraction(down, end - start, levels)),
                    down.weighted_seconds(levels),
                    end - start,
                )
            } else {
                (None, 0.0, 0)
            };
            let mut days: Vec<DayBar> = bars
                .iter()
                .filter(|b| b.date >= month && b.date < next)
                .cloned()
                .collect();
            // The rest of this month has not happened yet.
            let after = days.last().map_or(month, |b| b.date.succ_opt().unwrap_or(b.date));
            days.extend(after.iter_days().take_while(|d| *d < next).map(|date| DayBar {
                date,
                status: None,
                downtime_seconds: 0.0,
                time_in: Vec::new(),
                incidents: Vec::new(),
                touched: 0,
            }));
            MonthReport {
                month,
                uptime: figure,
                downtime_seconds,
                counted_seconds: counted as f64 / NANOS_PER_SECOND,
                days,
            }
        })
        .collect()
}

/// The states a day's real durations are kept for, best to worst: a [`Profile`] level each
/// (level 0, operational, holds no time), so overlapping incidents count for the worst.
const STATES: [ComponentStatus; 4] = [
    ComponentStatus::UnderMaintenance,
    ComponentStatus::DegradedPerformance,
    ComponentStatus::PartialOutage,
    ComponentStatus::MajorOutage,
];

fn state_level(status: ComponentStatus) -> Option<usize> {
    STATES.iter().position(|&s| s == status).map(|i| i + 1)
}

/// The windows reported, in days: 30, 90, 365 and the configured one.
pub fn windows(config: &Config) -> impl Iterator<Item = u32> {
    UPTIME_WINDOWS.into_iter().chain([config.uptime.days])
}

/// The number of days a [`Calendar`] must hold for [`component_uptime`].
pub fn longest_window(config: &Config) -> u32 {
    windows(config).max().unwrap_or(config.uptime.days)
}

/// Each incident affecting `component` that has begun by `now`, with its weight level and the
/// status it gives, sorted by start then slug (the order the bars list them in).
fn touches<'a>(
    now: Nanos,
    levels: &Levels,
    config: &Config,
    component: &str,
    incidents: &[&'a Incident],
) -> Vec<Touch<'a>> {
    let mut touches: Vec<Touch<'a>> = incidents
        .iter()
        .filter_map(|&incident| {
            let start = nanos(incident.start);
            // Upcoming maintenance is published but has not touched anything yet.
            if start > now {
                return None;
            }
            // Ongoing (or resolved after `now`) runs to `now`; a reversed span is an instant.
            let end = incident.end.map_or(now, nanos).min(now).max(start);
            let (weight, status) = match incident.kind {
                Kind::Maintenance => (
                    if config.uptime.maintenance_counts_as_down {
                        1.0
                    } else {
                        0.0
                    },
                    Some(ComponentStatus::UnderMaintenance),
                ),
                Kind::Incident => {
                    let severity = incident.severity_for(component);
                    let w = config.uptime.weights;
                    let weight = match severity {
                        Severity::Major => w.major,
                        Severity::Partial => w.partial,
                        Severity::Degraded => w.degraded,
                        Severity::Notice => 0.0,
                    };
                    (weight, ComponentStatus::from_severity(severity))
                }
            };
            Some(Touch {
                incident,
                start,
                end,
                level: levels.level_of(weight),
                status,
            })
        })
        .collect();
    touches.sort_by(|a, b| (a.start, &a.incident.slug).cmp(&(b.start, &b.incident.slug)));
    touches
}

/// 1 - downtime / length, never above 1, never below 0, and below 1 whenever any downtime
/// counted: a nanosecond of outage in a year would otherwise round to exactly 1.
fn uptime_fraction(down: Downtime, length: Nanos, levels: &Levels) -> f64 {
    let length_seconds = length as f64 / NANOS_PER_SECOND;
    let uptime = (1.0 - down.weighted_seconds(levels) / length_seconds).clamp(0.0, 1.0);
    if down.is_positive() {
        uptime.min(ALMOST_ONE)
    } else {
        uptime
    }
}

/// One bar per day of the last `days`, oldest first. A day's counted part is the day clipped
/// to the window (from `since`, up to `now`); a day with none is "no data". With `list`, each
/// day lists the slug of every incident that touched it; without, it only counts them (see
/// [`DayBar::incidents`]).
fn day_bars(
    calendar: &Calendar,
    days: u32,
    since: Option<Nanos>,
    (profile, levels): (&Profile, &Levels),
    states: &Profile,
    touches: &[Touch],
    list: bool,
) -> Vec<DayBar> {
    let count = usize::try_from(days)
        .unwrap_or(usize::MAX)
        .min(calendar.dates.len());
    let first = calendar.dates.len() - count;
    let (window_start, now) = calendar
        .window(days, since)
        .unwrap_or((calendar.now, calendar.now));
    let mut bars: Vec<DayBar> = (first..calendar.dates.len())
        .map(|i| {
            let start = calendar.starts[i].max(window_start);
            let end = calendar.starts[i + 1].min(now);
            let counted = start < end;
            let in_states = states.downtime(start, end);
            DayBar {
                date: calendar.dates[i],
                status: counted.then_some(ComponentStatus::Operational),
                downtime_seconds: profile.downtime(start, end).weighted_seconds(levels),
                time_in: (1..=STATES.len())
                    .rev()
                    .map(|level| (STATES[level - 1], in_states.seconds_at(level)))
                    .filter(|&(_, seconds)| seconds > 0.0)
                    .collect(),
                incidents: Vec::new(),
                touched: 0,
            }
        })
        .collect();
    if window_start >= now {
        return bars;
    }
    for touch in touches {
        // The days touched: those overlapping [start, end) within the window; an instant
        // incident touches the day it happens in.
        let (start, end) = (touch.start.max(window_start), touch.end.min(now));
        let range = if touch.start == touch.end {
            if touch.start < window_start {
                continue;
            }
            calendar.day_of(touch.start).map(|d| (d, d))
        } else if start < end {
            calendar.day_of(start).zip(calendar.day_of(end - 1))
        } else {
            None
        };
        let Some((from, to)) = range else { continue };
        for bar in bars
            .iter_mut()
            .take((to + 1).saturating_sub(first))
            .skip(from.saturating_sub(first))
        {
            // A day with no counted time stays "no data", with nothing listed.
            if let Some(status) = bar.status {
                bar.status = Some(status.max(touch.status.unwrap_or(status)));
                if list {
                    bar.incidents.push(touch.incident.slug.clone());
                }
                bar.touched += 1;
            }
        }
    }
    bars
}

#[cfg(test)]
mod tests;
