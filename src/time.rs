//! Time: the build's `now` (the only place that reads the clock), datetimes read in the site's
//! time zone, and the bounds of calendar days there.

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone,
    Utc,
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

/// The first year beacon accepts in any instant it reads.
pub const FIRST_YEAR: i32 = 1900;
/// The last year beacon accepts. Every output format (RFC 2822 in RSS, RFC 3339, iCalendar)
/// writes four-digit years, and a bar window reaches ten years back from `now`, so the range
/// keeps a margin on both sides: no time zone or window can push a written year out of 0–9999.
pub const LAST_YEAR: i32 = 9998;

/// `t` if it lies in the accepted range ([`FIRST_YEAR`]-01-01 to [`LAST_YEAR`]-12-31, UTC),
/// else an error that states the range.
pub fn in_range(t: DateTime<Utc>) -> Result<DateTime<Utc>, String> {
    let first = NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1)
        .expect("a real date")
        .and_time(NaiveTime::MIN);
    let after_last = NaiveDate::from_ymd_opt(LAST_YEAR + 1, 1, 1)
        .expect("a real date")
        .and_time(NaiveTime::MIN);
    if t.naive_utc() >= first && t.naive_utc() < after_last {
        Ok(t)
    } else {
        Err(format!(
            "{} is outside the range beacon accepts ({FIRST_YEAR}-01-01 to {LAST_YEAR}-12-31, UTC)",
            t.to_rfc3339()
        ))
    }
}

/// [`resolve_now_in`] with local times and plain dates read in UTC.
pub fn resolve_now(flag: Option<&str>, source_date_epoch: Option<&str>) -> Result<DateTime<Utc>, String> {
    resolve_now_in(flag, source_date_epoch, Tz::UTC)
}

/// Resolves the build's `now`: `--now` if given, else `SOURCE_DATE_EPOCH`, else the clock.
/// `--now` takes what `new --date` takes (RFC 3339, a local time or a plain date, both read in
/// `tz`, the site's time zone).
pub fn resolve_now_in(
    flag: Option<&str>,
    source_date_epoch: Option<&str>,
    tz: Tz,
) -> Result<DateTime<Utc>, String> {
    if let Some(text) = flag {
        return from_text(text, tz, Bound::Start).map_err(|e| format!("--now: {e}"));
    }
    if let Some(text) = source_date_epoch {
        let seconds: i64 = text
            .trim()
            .parse()
            .map_err(|_| format!("SOURCE_DATE_EPOCH `{text}` is not a whole number of seconds"))?;
        return DateTime::from_timestamp(seconds, 0)
            .ok_or_else(|| format!("SOURCE_DATE_EPOCH `{text}` is out of range"))
            .and_then(in_range)
            .map_err(|e| format!("SOURCE_DATE_EPOCH `{text}`: {e}"));
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

/// A datetime as beacon writes it into front matter: the site's wall-clock time with its offset,
/// e.g. `2022-01-27T09:00:00-05:00`, so the file reads in local time and still means one instant.
pub fn format_time(tz: Tz, t: DateTime<Utc>) -> String {
    use chrono::Offset;
    let local = t.with_timezone(&tz);
    // TOML offsets are whole minutes; a historical offset with seconds (Monrovia's -00:44:30
    // until 1972) would be cut and the instant moved, so such a time is written in UTC.
    if local.offset().fix().local_minus_utc() % 60 != 0 {
        return t.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    }
    local.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
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
    from_toml_unchecked(value, tz, bound).and_then(in_range)
}

fn from_toml_unchecked(value: &toml::value::Datetime, tz: Tz, bound: Bound) -> Result<DateTime<Utc>, String> {
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
    from_text_unchecked(text, tz, bound).and_then(in_range)
}

fn from_text_unchecked(text: &str, tz: Tz, bound: Bound) -> Result<DateTime<Utc>, String> {
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

/// A datetime as the user wrote it and, when the text does not already say it, the instant it
/// was read as, for messages that compare two of them: a plain date as an end means the end of
/// that day, which otherwise makes `--end 2022-01-26` before `--start 2022-01-27` read as two
/// identical times.
pub fn as_read(written: &str, instant: DateTime<Utc>, tz: Tz, bound: Bound) -> String {
    let written = written.trim().trim_matches(['"', '\'']);
    let shown = instant
        .with_timezone(&tz)
        .format("%Y-%m-%dT%H:%M:%S%:z")
        .to_string();
    let plain_date = NaiveDate::parse_from_str(written, "%Y-%m-%d").is_ok();
    if written == shown {
        written.to_string()
    } else if plain_date && bound == Bound::End {
        format!("{written} (up to the end of that day, {shown})")
    } else {
        format!("{written} ({shown})")
    }
}

fn date_bound(tz: Tz, date: NaiveDate, bound: Bound) -> DateTime<Utc> {
    match bound {
        Bound::Start => day_start(tz, date),
        Bound::End => day_start(tz, date.succ_opt().unwrap_or(date)),
    }
}

/// The first instant of calendar day `date` in `tz`, if it lies in the accepted range.
pub fn day_start_in_range(tz: Tz, date: NaiveDate) -> Result<DateTime<Utc>, String> {
    if !(FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
        return Err(format!(
            "{date} is outside the range beacon accepts ({FIRST_YEAR}-01-01 to {LAST_YEAR}-12-31)"
        ));
    }
    in_range(day_start(tz, date))
}

/// An instant for serde as whole seconds and nanoseconds since 1970, in place of RFC 3339 text:
/// what `content::cache` keeps of each parse, quicker to write and to read back
/// (`#[serde(with = "crate::time::compact")]`).
pub mod compact {
    use chrono::{DateTime, Utc};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        (t.timestamp(), t.timestamp_subsec_nanos()).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        let (seconds, nanos) = <(i64, u32)>::deserialize(d)?;
        DateTime::from_timestamp(seconds, nanos).ok_or_else(|| serde::de::Error::custom("no such instant"))
    }

    /// The same for an instant that may be missing.
    pub mod option {
        use chrono::{DateTime, Utc};
        use serde::{Deserialize, Deserializer, Serializer};

        pub fn serialize<S: Serializer>(t: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
            match t {
                Some(t) => s.serialize_some(&(t.timestamp(), t.timestamp_subsec_nanos())),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
            match Option::<(i64, u32)>::deserialize(d)? {
                Some((seconds, nanos)) => DateTime::from_timestamp(seconds, nanos)
                    .map(Some)
                    .ok_or_else(|| serde::de::Error::custom("no such instant")),
                None => Ok(None),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_compact_instant_reads_back_as_written_to_the_nanosecond() {
        #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
        struct Times {
            #[serde(with = "compact")]
            at: DateTime<Utc>,
            #[serde(with = "compact::option")]
            end: Option<DateTime<Utc>>,
        }
        let first = NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap()
            .and_utc();
        let last = "9998-12-31T23:59:59.999999999Z".parse::<DateTime<Utc>>().unwrap();
        for (at, end) in [
            (first, Some(last)),
            (last, None),
            ("2022-01-27T12:00:00.5Z".parse().unwrap(), Some(first)),
        ] {
            let times = Times { at, end };
            let bytes = postcard::to_stdvec(&times).unwrap();
            assert_eq!(postcard::from_bytes::<Times>(&bytes).unwrap(), times);
        }
    }

    #[test]
    fn times_are_written_in_the_site_zone_with_their_offset() {
        let t = DateTime::parse_from_rfc3339("2022-01-27T14:00:00Z")
            .unwrap()
            .to_utc();
        assert_eq!(
            format_time(chrono_tz::America::New_York, t),
            "2022-01-27T09:00:00-05:00"
        );
        assert_eq!(format_time(chrono_tz::UTC, t), "2022-01-27T14:00:00+00:00");
        // An offset with seconds cannot be written in TOML without moving the instant.
        let old = DateTime::parse_from_rfc3339("1960-01-01T00:00:00Z")
            .unwrap()
            .to_utc();
        let written = format_time(chrono_tz::Africa::Monrovia, old);
        assert_eq!(DateTime::parse_from_rfc3339(&written).unwrap(), old, "{written}");
    }
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

    #[test]
    fn now_as_a_plain_date_is_the_start_of_that_day_in_the_site_zone() {
        assert_eq!(
            resolve_now_in(Some("2022-01-27"), None, New_York).unwrap(),
            ny("2022-01-27T00:00:00-05:00")
        );
    }

    #[test]
    fn instants_outside_years_0_to_9999_are_rejected_not_panicked_on() {
        let now_cases = [
            "9999-12-31T23:59:59-23:59",
            "0000-01-01T00:00:00+00:01",
            "9998-12-31T23:59:59-01:00",
            "1899-12-31T23:59:59Z",
        ];
        for text in now_cases {
            let e = resolve_now(Some(text), None).unwrap_err();
            assert!(e.contains("outside the range"), "{text}: {e}");
        }
        for epoch in [
            "253402300800",
            "-62198755200",
            "-2208988801",
            "9223372036854775807",
        ] {
            let e = resolve_now(None, Some(epoch)).unwrap_err();
            assert!(e.contains("range"), "{epoch}: {e}");
        }
        let date: toml::value::Datetime = "0000-01-01T00:00:00+14:00".parse().unwrap();
        assert!(from_toml(&date, Tz::UTC, Bound::Start)
            .unwrap_err()
            .contains("outside"));
        let last_day: toml::value::Datetime = "9998-12-31".parse().unwrap();
        assert!(from_toml(&last_day, Tz::UTC, Bound::Start).is_ok());
        assert!(
            from_toml(&last_day, Tz::UTC, Bound::End).is_err(),
            "its end is in 9999"
        );
        assert!(from_text("0001-01-01", Tz::UTC, Bound::Start).is_err());
        assert!(day_start_in_range(Tz::UTC, NaiveDate::from_ymd_opt(0, 1, 1).unwrap()).is_err());
    }

    #[test]
    fn as_read_shows_what_a_plain_end_date_means() {
        let end = from_text("2022-01-26", New_York, Bound::End).unwrap();
        let start = from_text("2022-01-27", New_York, Bound::Start).unwrap();
        assert_eq!(
            as_read("2022-01-26", end, New_York, Bound::End),
            "2022-01-26 (up to the end of that day, 2022-01-27T00:00:00-05:00)"
        );
        assert_eq!(
            as_read("2022-01-27", start, New_York, Bound::Start),
            "2022-01-27 (2022-01-27T00:00:00-05:00)"
        );
        let t = ny("2022-01-27T07:40:00-05:00");
        assert_eq!(
            as_read("2022-01-27T07:40:00-05:00", t, New_York, Bound::Start),
            "2022-01-27T07:40:00-05:00"
        );
    }

    #[test]
    fn the_edges_of_the_range_are_accepted() {
        for text in ["1900-01-01T00:00:00Z", "9998-12-31T23:59:59Z", "1900-01-01"] {
            assert!(resolve_now(Some(text), None).is_ok(), "{text}");
        }
    }
}
