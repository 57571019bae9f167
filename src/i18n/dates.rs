//! Dates, times and numbers in the reader's language, from the CLDR data ICU4X compiles into the
//! binary: month and day names, the order of fields, the 12- or 24-hour clock, the decimal
//! separator. Always the Gregorian calendar (what incidents are stamped in) and Latin digits, so
//! the figures on a page read the same in dates, durations and percentages (docs/i18n.md).

use std::fmt::Write as _;

use chrono::{DateTime, Datelike, NaiveDate, Timelike};
use chrono_tz::Tz;
use fixed_decimal::Decimal;
use icu_calendar::{Date, Gregorian};
use icu_datetime::fieldsets::{YM, YMD, YMDT};
use icu_datetime::input::Time;
use icu_datetime::options::TimePrecision;
use icu_datetime::pattern::{DateTimePattern, FixedCalendarDateTimeNames};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_decimal::DecimalFormatter;
use icu_locale_core::Locale;
use writeable::{TryWriteable, Writeable};

/// The formatters of one language, made once per build.
pub struct Formats {
    date_time: FixedCalendarDateTimeFormatter<Gregorian, YMDT>,
    date: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    /// Month headings go through the pattern and names ICU4X picks for "month and year", not
    /// its formatter: icu_datetime 2.4's formatter forgets to load the digits of the year for
    /// Portuguese (`janeiro de 2022`), and the pattern API loads them with the names.
    month: MonthFormat,
    decimal: DecimalFormatter,
}

struct MonthFormat {
    pattern: DateTimePattern,
    names: FixedCalendarDateTimeNames<Gregorian, YM>,
}

/// `tag` with Latin digits asked for; the root locale if the tag is not one ICU4X reads.
fn locale(tag: &str) -> Locale {
    format!("{tag}-u-nu-latn")
        .parse()
        .or_else(|_| tag.parse())
        .unwrap_or(Locale::UNKNOWN)
}

impl Formats {
    pub fn new(tag: &str) -> Formats {
        let locale = locale(tag);
        // Compiled data has every locale, with fall-back to the root locale, so these succeed;
        // the root locale is the last resort all the same.
        let root = Locale::UNKNOWN;
        macro_rules! formatter {
            ($make:expr) => {
                $make(&locale)
                    .or_else(|_| $make(&root))
                    .expect("ICU4X compiled data has the root locale")
            };
        }
        Formats {
            date_time: formatter!(|l: &Locale| FixedCalendarDateTimeFormatter::try_new(
                l.into(),
                YMDT::medium().with_time_precision(TimePrecision::Minute)
            )),
            date: formatter!(|l: &Locale| FixedCalendarDateTimeFormatter::try_new(l.into(), YMD::medium())),
            month: formatter!(|l: &Locale| MonthFormat::new(l)),
            decimal: formatter!(|l: &Locale| DecimalFormatter::try_new(l.into(), Default::default())),
        }
    }

    /// `Jan 27, 2022, 7:40 AM EST`: the locale's medium date and time, then the zone's
    /// abbreviation from the tz database (what beacon showed before it spoke other languages).
    pub fn date_time(&self, local: &DateTime<Tz>) -> String {
        let date = gregorian(local.date_naive());
        let time =
            Time::try_new(local.hour() as u8, local.minute() as u8, 0, 0).unwrap_or(Time::start_of_day());
        let input = icu_datetime::input::DateTime { date, time };
        // Written as a `Writeable` (into a string sized by its length hint), not through
        // `format!`: the build formats tens of thousands of times, and `core::fmt` was half
        // of each. The offset's Display is `%Z` (the zone's abbreviation, or `+03` where it
        // has none), without parsing a format string each time.
        let mut text = self.date_time.format(&input).write_to_string().into_owned();
        text.push(' ');
        write!(text, "{}", local.offset()).expect("writing to a String cannot fail");
        text
    }

    pub fn date(&self, date: NaiveDate) -> String {
        self.date.format(&gregorian(date)).write_to_string().into_owned()
    }

    pub fn month(&self, date: NaiveDate) -> String {
        let formatted = self
            .month
            .names
            .with_pattern_unchecked(&self.month.pattern)
            .format(&gregorian(date));
        // A pattern field without data (none is known) writes ICU4X's fall-back for that field.
        match formatted.try_write_to_string() {
            Ok(text) => text.into_owned(),
            Err((_, text)) => text.into_owned(),
        }
    }

    /// `n / 100` with two decimals: `99.95`, `99,95`.
    pub fn hundredths(&self, n: i64) -> String {
        let mut value = Decimal::from(n);
        value.multiply_pow10(-2);
        self.decimal.format(&value).write_to_string().into_owned()
    }
}

impl MonthFormat {
    fn new(locale: &Locale) -> Result<MonthFormat, Box<dyn std::error::Error>> {
        let formatter = FixedCalendarDateTimeFormatter::<Gregorian, YM>::try_new(locale.into(), YM::long())?;
        let pattern = formatter
            .format(&gregorian(
                NaiveDate::from_ymd_opt(2022, 1, 1).unwrap_or_default(),
            ))
            .pattern();
        let mut names = FixedCalendarDateTimeNames::<Gregorian, YM>::try_new(locale.into())?;
        names.include_for_pattern(&pattern)?;
        Ok(MonthFormat { pattern, names })
    }
}

fn gregorian(date: NaiveDate) -> Date<Gregorian> {
    Date::try_new_gregorian(date.year(), date.month() as u8, date.day() as u8)
        .unwrap_or_else(|_| Date::try_new_gregorian(1970, 1, 1).expect("a valid date"))
}

/// Whether `tag` is written right to left, from CLDR's likely script of the language.
pub fn is_right_to_left(tag: &str) -> bool {
    let Ok(locale) = tag.parse::<Locale>() else {
        return false;
    };
    icu_locale::LocaleDirectionality::new_common().is_right_to_left(&locale.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    #[test]
    fn the_zone_is_named_as_strftime_names_it() {
        let zones = [
            chrono_tz::America::New_York,
            chrono_tz::Asia::Dubai,
            chrono_tz::America::Sao_Paulo,
            chrono_tz::Australia::Lord_Howe,
            chrono_tz::UTC,
        ];
        for tz in zones {
            for month in [1, 7] {
                let local = Utc
                    .with_ymd_and_hms(2022, month, 27, 12, 40, 0)
                    .unwrap()
                    .with_timezone(&tz);
                assert_eq!(local.offset().to_string(), local.format("%Z").to_string(), "{tz}");
            }
        }
    }

    fn at(tag: &str, tz: Tz) -> String {
        let instant = Utc.with_ymd_and_hms(2022, 1, 27, 12, 40, 0).unwrap();
        Formats::new(tag).date_time(&instant.with_timezone(&tz))
    }

    #[test]
    fn clocks_follow_the_language_and_the_zone_abbreviation_stays() {
        let ny = chrono_tz::America::New_York;
        assert_eq!(at("en", ny), "Jan 27, 2022, 7:40\u{202f}AM EST");
        assert_eq!(at("en-GB", ny), "27 Jan 2022, 07:40 EST");
        assert_eq!(at("fr", ny), "27 janv. 2022, 07:40 EST");
        assert_eq!(at("de", chrono_tz::Europe::Berlin), "27.01.2022, 13:40 CET");
        // Arabic reads a 12-hour clock, with its own day period (م: afternoon).
        assert_eq!(
            at("ar", chrono_tz::UTC),
            "27\u{200f}/01\u{200f}/2022، 12:40 م UTC"
        );
    }

    #[test]
    fn months_and_numbers_in_the_language() {
        let day = NaiveDate::from_ymd_opt(2022, 1, 27).unwrap();
        assert_eq!(Formats::new("fr").month(day), "janvier 2022");
        assert_eq!(Formats::new("de").month(day), "Januar 2022");
        assert_eq!(Formats::new("pt").month(day), "janeiro de 2022");
        assert_eq!(Formats::new("ja").month(day), "2022年1月");
        assert_eq!(Formats::new("fr").hundredths(9995), "99,95");
        assert_eq!(Formats::new("en").hundredths(10_000), "100.00");
    }

    #[test]
    fn arabic_is_right_to_left() {
        assert!(is_right_to_left("ar"));
        assert!(is_right_to_left("ar-EG"));
        assert!(!is_right_to_left("fr"));
        assert!(!is_right_to_left("zh-Hans"));
    }
}
