//! Time: the build's `now` (the only place that reads the clock), datetimes read in the site's
//! time zone, and the bounds of calendar days there.

use chrono::{
    DateTime, Duration, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc,
};
use chrono_tz::Tz;

/// Where a datetime sits in an interval: a plain date means the start of that day for a start,
/// and the end of that day (the next day's start) for an end, so `resolved = 2022-01-27`
/// covers the whole 27th.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Start,
    End,
}

/// Resolves the build's `now`: `--now` if given, else `SOURCE_DATE_EPOCH`, else the clock.
pub fn resolve_now(flag: Option<&str>, source_date_epoch: Option<&str>) -> Result<DateTime<Utc>, String> {
    if let Some(text) = flag {
        return DateTime::parse_from_rfc3339(text.trim())
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| format!("--now `{text}`: {e}; expected RFC 3339, like 2022-01-27T12:00:00-05:00"));
    }
    if let Some(text) = source_date_epoch {
        let seconds: i64 = text
            .trim()
            .parse()
            .map_err(|_| format!("SOURCE_DATE_EPOCH `{text}` is not a whole number of seconds"))?;
        return DateTime::from_timestamp(seconds, 0)
            .ok_or_else(|| format!("SOURCE_DATE_EPOCH `{text}` is out of range"));
    }
    // Whole seconds: the clock's nanoseconds would only make output differ for no reason.
    let now = Utc::now();
    Ok(DateTime::from_timestamp(now.timestamp(), 0).unwrap_or(now))
}

/// A wall-clock time in `tz` as an instant. A time in the repeated hour of a DST change is read
/// as its first occurrence; a time that does not exist (skipped by a DST change) is an error,
/// since any guess could misstate an outage by an hour.
pub fn local_to_utc(tz: Tz, local: NaiveDateTime) -> Result<DateTime<Utc>, String> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, _) => Ok(first.with_timezone(&Utc)),
        LocalResult::None => Err(format!(
            "{} does not exist in {} (the clocks skip it for daylight saving); write the offset explicitly",
            local.format("%Y-%m-%dT%H:%M"),
            tz.name()
        )),
    }
}

/// The first instant of calendar day `date` in `tz`. Midnight itself may be skipped by a DST
/// change in some zones; the day then starts at its first existing minute.
pub fn day_start(tz: Tz, date: NaiveDate) -> DateTime<Utc> {
    let mut local = date.and_time(NaiveTime::MIN);
    loop {
        match tz.from_local_datetime(&local) {
            LocalResult::Single(t) => return t.with_timezone(&Utc),
            LocalResult::Ambiguous(first, _) => return first.with_timezone(&Utc),
            // Real zones shift by multiples of 15 minutes; every gap ends within hours.
            LocalResult::None => local += Duration::minutes(15),
        }
    }
}

/// The calendar day of `instant` in `tz`.
pub fn local_date(tz: Tz, instant: DateTime<Utc>) -> NaiveDate {
    instant.with_timezone(&tz).date_naive()
}

/// Reads a TOML datetime (with offset, local, or a plain date) as an instant.
pub fn from_toml(value: &toml::value::Datetime, tz: Tz, bound: Bound) -> Result<DateTime<Utc>, String> {
    let Some(d) = value.date else {
        return Err("expected a date, found only a time of day".into());
    };
    let date = NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
        .ok_or_else(|| format!("{value} is not a calendar date"))?;
    let Some(t) = value.time else {
        return Ok(date_bound(tz, date, bound));
    };
    let time = NaiveTime::from_hms_nano_opt(t.hour.into(), t.minute.into(), t.second.into(), t.nanosecond)
        .ok_or_else(|| format!("{value} is not a valid time of day"))?;
    let local = date.and_time(time);
    match value.offset {
        None => local_to_utc(tz, local),
        Some(toml::value::Offset::Z) => Ok(local.and_utc()),
        Some(toml::value::Offset::Custom { minutes }) => FixedOffset::east_opt(i32::from(minutes) * 60)
            .and_then(|o| o.from_local_datetime(&local).single())
            .map(|t| t.with_timezone(&Utc))
            .ok_or_else(|| format!("{value} has an offset out of range")),
    }
}

/// Reads a datetime written as a string: RFC 3339, a local `YYYY-MM-DD[ T]HH:MM[:SS]`, or a date.
pub fn from_text(text: &str, tz: Tz, bound: Bound) -> Result<DateTime<Utc>, String> {
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&Utc));
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(local) = NaiveDateTime::parse_from_str(text, format) {
            return local_to_utc(tz, local);
        }
    }
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok(date_bound(tz, date, bound));
    }
    Err(format!(
        "`{text}` is not a date; expected one like 2022-01-27T07:40:00-05:00, 2022-01-27T07:40 or 2022-01-27"
    ))
}

fn date_bound(tz: Tz, date: NaiveDate, bound: Bound) -> DateTime<Utc> {
    match bound {
        Bound::Start => day_start(tz, date),
        Bound::End => day_start(tz, date.succ_opt().unwrap_or(date)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::America::New_York;

    fn ny(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn local_times_are_read_in_the_site_zone() {
        let t = from_text("2022-01-27T07:40", New_York, Bound::Start).unwrap();
        assert_eq!(t, ny("2022-01-27T07:40:00-05:00"));
    }

    #[test]
    fn skipped_local_time_is_an_error_and_repeated_one_takes_the_first() {
        assert!(from_text("2024-03-10 02:30", New_York, Bound::Start).is_err());
        let t = from_text("2024-11-03 01:30", New_York, Bound::Start).unwrap();
        assert_eq!(t, ny("2024-11-03T01:30:00-04:00"));
    }

    #[test]
    fn plain_date_as_end_means_end_of_day() {
        let t = from_text("2024-11-03", New_York, Bound::End).unwrap();
        assert_eq!(t, ny("2024-11-04T00:00:00-05:00"));
    }

    #[test]
    fn now_prefers_flag_then_epoch() {
        assert_eq!(
            resolve_now(Some("2022-01-27T12:00:00-05:00"), Some("0")).unwrap(),
            ny("2022-01-27T12:00:00-05:00")
        );
        assert_eq!(
            resolve_now(None, Some("86400")).unwrap().to_rfc3339(),
            "1970-01-02T00:00:00+00:00"
        );
        assert!(resolve_now(Some("noon"), None).is_err());
    }
}
