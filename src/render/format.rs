//! How instants read on the pages: the reader's words from [`I18n`], the machine's RFC 3339
//! beside them. Durations, percentages and dates are [`I18n`]'s.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::i18n::I18n;

/// An instant as the templates show it: `<time datetime="{{ t.datetime }}">{{ t.text }}</time>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimeView {
    /// RFC 3339 with the site zone's offset, e.g. `2022-01-27T07:40:00-05:00`.
    pub datetime: String,
    /// In the site's language and zone, e.g. `Jan 27, 2022, 7:40 AM EST`.
    pub text: String,
}

pub fn time_view(i18n: &I18n, tz: Tz, instant: DateTime<Utc>) -> TimeView {
    let local = instant.with_timezone(&tz);
    TimeView {
        datetime: local.to_rfc3339(),
        text: i18n.date_time(&local),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn percentages_truncate_and_never_reach_100_with_downtime() {
        let en = I18n::shipped("en").unwrap();
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
            assert_eq!(en.percent(fraction), text, "{fraction:?}");
        }
        let fr = I18n::shipped("fr").unwrap();
        assert_eq!(fr.percent(Some(0.9995)), "99,95\u{a0}%");
    }

    #[test]
    fn durations_read_in_days_hours_and_minutes() {
        let en = I18n::shipped("en").unwrap();
        let cases = [
            (7 * 3600 + 30 * 60, "7 hours 30 minutes"),
            (3600, "1 hour"),
            (45 * 60 + 59, "45 minutes"),
            (30, "under a minute"),
            (0, "0 minutes"),
            (2 * 86_400 + 12 * 3600 + 5 * 60, "2 days 12 hours"),
            (86_400 + 60, "1 day"),
        ];
        for (seconds, text) in cases {
            assert_eq!(en.duration(Duration::seconds(seconds)), text, "{seconds}");
        }
        let fr = I18n::shipped("fr").unwrap();
        assert_eq!(fr.duration(Duration::hours(1)), "1 heure");
        assert_eq!(fr.duration(Duration::hours(2)), "2 heures");
        assert_eq!(fr.duration(Duration::hours(3 * 24 + 4)), "3 jours 4 heures");
    }

    // Arabic has all six CLDR plural categories: 0, 1, 2, 3-10, 11-99, 100-102.
    #[test]
    fn arabic_durations_use_all_six_plural_forms() {
        let ar = I18n::shipped("ar").unwrap();
        let minutes = |n: i64| ar.duration(Duration::minutes(n));
        let cases = [
            (0, "0 دقيقة"),
            (1, "دقيقة واحدة"),
            (2, "دقيقتان"),
            (3, "3 دقائق"),
            (11, "11 دقيقة"),
            (59, "59 دقيقة"),
        ];
        for (n, text) in cases {
            assert_eq!(minutes(n), text, "{n}");
        }
        let days = |n: i64| ar.duration(Duration::days(n));
        assert_eq!(days(100), "100 يوم");
        assert_eq!(days(2), "يومان");
        assert_eq!(days(5), "5 أيام");
    }

    #[test]
    fn times_show_in_the_site_zone_with_its_abbreviation() {
        let t = DateTime::parse_from_rfc3339("2022-01-27T12:40:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let v = time_view(&I18n::shipped("en").unwrap(), chrono_tz::America::New_York, t);
        assert_eq!(v.datetime, "2022-01-27T07:40:00-05:00");
        assert_eq!(v.text, "Jan 27, 2022, 7:40\u{202f}AM EST");
        let v = time_view(&I18n::shipped("de").unwrap(), chrono_tz::America::New_York, t);
        assert_eq!(v.text, "27.01.2022, 07:40 EST");
    }
}
