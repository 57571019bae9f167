//! Response times measured by `beacon probe`, as the pages and the API show them: per probed
//! component, the median and 95th percentile of each day's checks, and the last check. Pure
//! figures: `probe` keeps the samples in its record, the build hands them on here.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Every probed component's response times, by component id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    pub components: BTreeMap<String, ComponentLatency>,
}

/// One probed component.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ComponentLatency {
    /// When it was last checked.
    pub last_check: Option<DateTime<Utc>>,
    /// What the last check found: `up`, `degraded` or `down`.
    pub last_state: String,
    /// Oldest first, one per day that had at least one answered check.
    pub days: Vec<DayLatency>,
}

/// One day's figures, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayLatency {
    /// The day in the site's time zone.
    pub date: NaiveDate,
    pub median_ms: u32,
    pub p95_ms: u32,
    /// How many answered checks the figures come from.
    pub checks: u32,
}

impl DayLatency {
    /// The figures of `samples` (milliseconds, any order); `None` when there are none.
    pub fn of(date: NaiveDate, samples: &[u32]) -> Option<DayLatency> {
        let mut sorted = samples.to_vec();
        sorted.sort_unstable();
        Some(DayLatency {
            date,
            median_ms: percentile(&sorted, 50)?,
            p95_ms: percentile(&sorted, 95)?,
            checks: u32::try_from(sorted.len()).unwrap_or(u32::MAX),
        })
    }
}

/// The nearest-rank percentile of sorted `values`: the smallest value with at least `p`% of
/// the values at or below it. Always one of the values, so the figures are whole milliseconds
/// that really were measured.
pub fn percentile(sorted: &[u32], p: u32) -> Option<u32> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (sorted.len() * p as usize).div_ceil(100).max(1);
    sorted.get(rank - 1).copied()
}

impl ComponentLatency {
    /// The days of the `days`-day window that ends on `today` (inclusive), oldest first.
    pub fn window(&self, today: NaiveDate, days: u32) -> Vec<DayLatency> {
        let first = today - Duration::days(i64::from(days.max(1)) - 1);
        self.days
            .iter()
            .filter(|d| d.date >= first && d.date <= today)
            .copied()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_nearest_rank() {
        let values: Vec<u32> = (1..=100).collect();
        assert_eq!(percentile(&values, 50), Some(50));
        assert_eq!(percentile(&values, 95), Some(95));
        assert_eq!(percentile(&[7], 95), Some(7));
        assert_eq!(percentile(&[1, 2], 50), Some(1));
        assert_eq!(percentile(&[], 50), None);
    }

    #[test]
    fn a_day_of_samples_gives_its_median_and_95th_percentile() {
        let date = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let day = DayLatency::of(date, &[300, 100, 200, 1000]).unwrap();
        assert_eq!((day.median_ms, day.p95_ms, day.checks), (200, 1000, 4));
        assert_eq!(DayLatency::of(date, &[]), None);
    }

    #[test]
    fn the_window_keeps_only_its_days() {
        let d = |n| NaiveDate::from_ymd_opt(2026, 1, n).unwrap();
        let latency = ComponentLatency {
            days: (1..=10).filter_map(|n| DayLatency::of(d(n), &[n])).collect(),
            ..ComponentLatency::default()
        };
        let window = latency.window(d(8), 3);
        assert_eq!(
            window.iter().map(|w| w.date).collect::<Vec<_>>(),
            [d(6), d(7), d(8)]
        );
    }
}
