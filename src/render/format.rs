//! How figures read on the pages: times in the site's zone, durations, truncated percentages.
//! Pure functions; the numbers themselves come from `status`.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Serialize;

/// An instant as the templates show it: `<time datetime="{{ t.datetime }}">{{ t.text }}</time>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimeView {
    /// RFC 3339 with the site zone's offset, e.g. `2022-01-27T07:40:00-05:00`.
    pub datetime: String,
    /// e.g. `27 Jan 2022, 07:40 EST`.
    pub text: String,
}

pub fn time_view(tz: Tz, instant: DateTime<Utc>) -> TimeView {
    let local = instant.with_timezone(&tz);
    TimeView {
        datetime: local.to_rfc3339(),
        text: local.format("%-d %b %Y, %H:%M %Z").to_string(),
    }
}

/// `27 Jan 2022`.
pub fn date_text(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

/// `7 h 30 min`, `3 d 4 h`, `45 min`; under a minute reads `under 1 min` (never `0 min` for a
/// real interval).
pub fn duration_text(duration: Duration) -> String {
    duration_seconds_text(duration.num_seconds().max(0) as f64)
}

/// The same for a (possibly weighted, fractional) number of seconds.
pub fn duration_seconds_text(seconds: f64) -> String {
    if seconds <= 0.0 {
        return "0 min".into();
    }
    let minutes = (seconds / 60.0).floor() as i64;
    if minutes == 0 {
        return "under 1 min".into();
    }
    let (days, hours, mins) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    let parts: Vec<String> = if days > 0 {
        [(days, "d"), (hours, "h")]
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, unit)| format!("{n} {unit}"))
            .collect()
    } else {
        [(hours, "h"), (mins, "min")]
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, unit)| format!("{n} {unit}"))
            .collect()
    };
    parts.join(" ")
}

/// An uptime fraction as `99.95%`: truncated to two decimals, never rounded up, so any downtime
/// shows below 100%. `None` (a window holding no time) reads `no data`.
pub fn percent_text(fraction: Option<f64>) -> String {
    let Some(f) = fraction else {
        return "no data".into();
    };
    // The tiny nudge absorbs float error (0.29 * 10000 = 2899.9999999999995), and the clamp keeps
    // a fraction below 1 from ever reaching 100.00.
    let mut hundredths = (f.clamp(0.0, 1.0) * 10_000.0 + 1e-9).floor() as i64;
    if f < 1.0 {
        hundredths = hundredths.min(9_999);
    }
    format!("{}.{:02}%", hundredths / 100, hundredths % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_truncate_and_never_reach_100_with_downtime() {
        let cases = [
            (Some(1.0), "100.00%"),
            // 1 - 27000 s / 30 days = 0.989583... -> 98.95, not 98.96
            (Some(1.0 - 27_000.0 / (30.0 * 86_400.0)), "98.95%"),
            (Some(0.29), "29.00%"),
            (Some(0.999_999_99), "99.99%"),
            (Some(0.0), "0.00%"),
            (None, "no data"),
        ];
        for (fraction, text) in cases {
            assert_eq!(percent_text(fraction), text, "{fraction:?}");
        }
    }

    #[test]
    fn durations_read_in_days_hours_and_minutes() {
        let cases = [
            (7 * 3600 + 30 * 60, "7 h 30 min"),
            (3600, "1 h"),
            (45 * 60 + 59, "45 min"),
            (30, "under 1 min"),
            (0, "0 min"),
            (2 * 86_400 + 12 * 3600 + 5 * 60, "2 d 12 h"),
            (86_400 + 60, "1 d"),
        ];
        for (seconds, text) in cases {
            assert_eq!(duration_text(Duration::seconds(seconds)), text, "{seconds}");
        }
    }

    #[test]
    fn times_show_in_the_site_zone_with_its_abbreviation() {
        let t = DateTime::parse_from_rfc3339("2022-01-27T12:40:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let v = time_view(chrono_tz::America::New_York, t);
        assert_eq!(v.datetime, "2022-01-27T07:40:00-05:00");
        assert_eq!(v.text, "27 Jan 2022, 07:40 EST");
    }
}
