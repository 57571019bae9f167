//! Uptime over windows of calendar days, and the daily bars, from a component's incidents.
//! Owned by the status-and-uptime work (issue 4): until it lands, these report no data.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::{DayBar, UPTIME_WINDOWS};
use crate::config::{Component, Config};
use crate::content::Incident;

/// Uptime for 30, 90, 365 days and the configured window.
pub fn uptime_figures(
    config: &Config,
    _component: &Component,
    _incidents: &[&Incident],
    _now: DateTime<Utc>,
) -> BTreeMap<u32, Option<f64>> {
    UPTIME_WINDOWS
        .iter()
        .chain([&config.uptime.days])
        .map(|d| (*d, None))
        .collect()
}

/// One bar per calendar day of the configured window, oldest first.
pub fn day_bars(
    _config: &Config,
    _component: &Component,
    _incidents: &[&Incident],
    _now: DateTime<Utc>,
) -> Vec<DayBar> {
    Vec::new()
}
