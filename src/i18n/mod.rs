//! The reader's language: every word beacon writes for readers (theme text, labels, feeds,
//! calendar, badges, the stale notice) comes from a Fluent catalogue, and dates, times and
//! numbers from CLDR data (ICU4X). What machines read (the JSON API, `datetime` attributes,
//! feed and calendar dates) and what the CLI prints stay English and RFC 3339.
//!
//! A render speaks `site.config.language` of the [`Site`](crate::content::Site) it renders:
//! [`I18n::for_site`] is built from that, once per render, and shared by every thread.
//!
//! [`languages`] knows the shipped catalogues and which one a tag picks; [`catalogue`] loads one
//! with the site's overrides; [`dates`] formats instants and numbers; [`template`] is the
//! `t()` function templates call.

pub mod catalogue;
pub mod dates;
pub mod template;

use std::path::Path;

use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;
use fluent_bundle::{FluentArgs, FluentValue};

use crate::content::{Phase, Severity, UpdateStatus};
use crate::error::{Error, Result};
use crate::status::ComponentStatus;

use crate::languages::{resolve, Language};
pub use catalogue::Catalogue;

/// Everything a render needs to speak one language.
pub struct I18n {
    language: Language,
    catalogue: Catalogue,
    dates: dates::Formats,
    rtl: bool,
    labels: Labels,
    /// Durations put in words, by whole minutes (see [`I18n::duration_seconds`]): the lists of
    /// a large site show thousands, most of them repeats, and each costs several messages.
    durations: std::sync::Mutex<std::collections::HashMap<i64, String>>,
}

/// The words of every status, phase and update status, looked up once: every listed incident
/// shows several, each time a page lists it, so they are read by index, not by message id.
struct Labels {
    status: [String; 6],
    phase: [String; 5],
    update: [String; 9],
    notice: String,
    maintenance: String,
}

impl Labels {
    fn new(catalogue: &Catalogue) -> Labels {
        let text = |id: &str| catalogue.text(id).to_string();
        Labels {
            status: [
                "status-no-data",
                "status-operational",
                "status-under-maintenance",
                "status-degraded-performance",
                "status-partial-outage",
                "status-major-outage",
            ]
            .map(text),
            phase: [
                "phase-ongoing",
                "phase-resolved",
                "phase-upcoming",
                "phase-in-progress",
                "phase-completed",
            ]
            .map(text),
            update: [
                "update-investigating",
                "update-identified",
                "update-monitoring",
                "update-resolved",
                "update-postmortem",
                "update-scheduled",
                "update-in-progress",
                "update-completed",
                "update-update",
            ]
            .map(text),
            notice: text("status-notice"),
            maintenance: text("status-maintenance"),
        }
    }
}

impl I18n {
    /// The language of the site under `root` whose config says `language`, with the site's
    /// own `i18n/<code>.ftl` on top of the shipped catalogue.
    pub fn for_site(root: &Path, language: &str) -> Result<I18n> {
        let language = resolve(language).map_err(|e| Error::Usage(format!("config.toml `language`: {e}")))?;
        let catalogue = Catalogue::load(root, &language)?;
        Ok(I18n::new(language, catalogue))
    }

    /// A shipped catalogue alone, without site overrides (tests, tools).
    pub fn shipped(language: &str) -> Result<I18n> {
        let language = resolve(language).map_err(Error::Usage)?;
        let catalogue = Catalogue::load_shipped(&language);
        Ok(I18n::new(language, catalogue))
    }

    fn new(language: Language, catalogue: Catalogue) -> I18n {
        I18n {
            dates: dates::Formats::new(&language.tag),
            rtl: dates::is_right_to_left(&language.tag),
            labels: Labels::new(&catalogue),
            language,
            catalogue,
            durations: Default::default(),
        }
    }

    /// What makes this catalogue's words besides the program: the language and the site's
    /// overrides (for the hashes of what a page is made from).
    pub fn fingerprint(&self) -> (&str, Option<&str>) {
        (&self.language.tag, self.catalogue.overrides())
    }

    /// The tag for `lang=` and the feeds (`fr-CA`).
    pub fn tag(&self) -> &str {
        &self.language.tag
    }

    /// The shipped catalogue this language speaks (`fr`).
    pub fn code(&self) -> &'static str {
        self.language.shipped.code
    }

    /// `rtl` for a right-to-left script (from CLDR's likely script), else `ltr`.
    pub fn dir(&self) -> &'static str {
        if self.rtl {
            "rtl"
        } else {
            "ltr"
        }
    }

    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    /// A message without arguments, formatted once per build.
    pub fn text<'a>(&'a self, id: &'a str) -> &'a str {
        self.catalogue.text(id)
    }

    /// A message with arguments.
    pub fn format(&self, id: &str, args: &[(&str, FluentValue)]) -> String {
        let mut fluent = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent.set(*name, value.clone());
        }
        self.catalogue.format(id, Some(&fluent)).into_owned()
    }

    /// A message with one argument.
    pub fn format1<'a>(&self, id: &str, name: &str, value: impl Into<FluentValue<'a>>) -> String {
        let mut fluent = FluentArgs::with_capacity(1);
        fluent.set(name, value.into());
        self.catalogue.format(id, Some(&fluent)).into_owned()
    }

    /// A message as HTML whose arguments are HTML already (links, `<time>` elements): the
    /// message's own text is escaped, the arguments go in as they are.
    pub fn format_html(&self, id: &str, args: &[(&str, String)]) -> String {
        let named: Vec<(&str, FluentValue)> = args
            .iter()
            .enumerate()
            .map(|(n, (name, _))| (*name, FluentValue::from(placeholder(n).to_string())))
            .collect();
        let values: Vec<&str> = args.iter().map(|(_, value)| value.as_str()).collect();
        fill_placeholders(&crate::escape::escape_html(&self.format(id, &named)), &values)
    }

    pub fn status(&self, status: ComponentStatus) -> &str {
        &self.labels.status[match status {
            ComponentStatus::NoData => 0,
            ComponentStatus::Operational => 1,
            ComponentStatus::UnderMaintenance => 2,
            ComponentStatus::DegradedPerformance => 3,
            ComponentStatus::PartialOutage => 4,
            ComponentStatus::MajorOutage => 5,
        }]
    }

    /// `status-notice`: what a notice (no impact) reads as, where a status would be.
    pub fn notice(&self) -> &str {
        &self.labels.notice
    }

    /// `status-maintenance`: what a maintenance window reads as, where a status would be.
    pub fn maintenance(&self) -> &str {
        &self.labels.maintenance
    }

    pub fn banner(&self, status: ComponentStatus) -> &str {
        self.text(match status {
            ComponentStatus::NoData => "banner-no-data",
            ComponentStatus::Operational => "banner-operational",
            ComponentStatus::UnderMaintenance => "banner-under-maintenance",
            ComponentStatus::DegradedPerformance => "banner-degraded-performance",
            ComponentStatus::PartialOutage => "banner-partial-outage",
            ComponentStatus::MajorOutage => "banner-major-outage",
        })
    }

    pub fn badge(&self, status: ComponentStatus) -> &str {
        self.text(match status {
            ComponentStatus::NoData => "badge-no-data",
            ComponentStatus::Operational => "badge-operational",
            ComponentStatus::UnderMaintenance => "badge-under-maintenance",
            ComponentStatus::DegradedPerformance => "badge-degraded-performance",
            ComponentStatus::PartialOutage => "badge-partial-outage",
            ComponentStatus::MajorOutage => "badge-major-outage",
        })
    }

    /// The words for a severity (a notice has its own).
    pub fn severity(&self, severity: Severity) -> &str {
        ComponentStatus::from_severity(severity).map_or_else(|| self.notice(), |s| self.status(s))
    }

    pub fn phase(&self, phase: Phase) -> &str {
        &self.labels.phase[match phase {
            Phase::Ongoing => 0,
            Phase::Resolved => 1,
            Phase::Upcoming => 2,
            Phase::InProgress => 3,
            Phase::Completed => 4,
        }]
    }

    pub fn update(&self, status: UpdateStatus) -> &str {
        &self.labels.update[match status {
            UpdateStatus::Investigating => 0,
            UpdateStatus::Identified => 1,
            UpdateStatus::Monitoring => 2,
            UpdateStatus::Resolved => 3,
            UpdateStatus::Postmortem => 4,
            UpdateStatus::Scheduled => 5,
            UpdateStatus::InProgress => 6,
            UpdateStatus::Completed => 7,
            UpdateStatus::Update => 8,
        }]
    }

    /// A (possibly weighted, fractional) number of seconds in words, two units at most:
    /// `3 days 4 hours`, `7 hours 30 minutes`, `45 minutes`; under a minute reads as such (never
    /// `0 minutes` for a real interval); nothing at all reads `0 minutes`.
    pub fn duration_seconds(&self, seconds: f64) -> String {
        if seconds <= 0.0 {
            return self.format1("duration-minutes", "count", 0);
        }
        let minutes = (seconds / 60.0).floor() as i64;
        if minutes == 0 {
            return self.text("duration-under-a-minute").to_string();
        }
        let durations = || self.durations.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(words) = durations().get(&minutes) {
            return words.clone();
        }
        let words = self.minutes_in_words(minutes);
        durations().insert(minutes, words.clone());
        words
    }

    /// A positive whole number of minutes in words, as [`I18n::duration_seconds`] gives them.
    fn minutes_in_words(&self, minutes: i64) -> String {
        let (days, hours, mins) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
        let units: [(i64, &str); 2] = if days > 0 {
            [(days, "duration-days"), (hours, "duration-hours")]
        } else {
            [(hours, "duration-hours"), (mins, "duration-minutes")]
        };
        let mut parts = units
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, id)| self.format1(id, "count", *n));
        match (parts.next(), parts.next()) {
            (Some(larger), Some(smaller)) => self.format(
                "duration-pair",
                &[("larger", larger.into()), ("smaller", smaller.into())],
            ),
            (Some(one), None) => one,
            _ => unreachable!("minutes > 0 leaves a unit"),
        }
    }

    pub fn duration(&self, duration: chrono::Duration) -> String {
        self.duration_seconds(duration.num_seconds().max(0) as f64)
    }

    /// An uptime fraction as a percentage truncated to two decimals, never rounded up, so any
    /// downtime shows below 100: `99.95%`, `99,95 %`. `None` (a window holding no time) reads
    /// `no data`.
    pub fn percent(&self, fraction: Option<f64>) -> String {
        let Some(f) = fraction else {
            return self.text("uptime-value-no-data").to_string();
        };
        // The tiny nudge absorbs float error (0.29 * 10000 = 2899.9999999999995), and the clamp keeps
        // a fraction below 1 from ever reaching 100.00.
        let mut hundredths = (f.clamp(0.0, 1.0) * 10_000.0 + 1e-9).floor() as i64;
        if f < 1.0 {
            hundredths = hundredths.min(9_999);
        }
        let value = self.dates.hundredths(hundredths);
        self.format1("percent", "value", value)
    }

    /// An instant in the site's zone, with the zone's abbreviation as beacon has always shown it:
    /// `Jan 27, 2022, 7:40 AM EST`, `27 janv. 2022, 07:40 EST`.
    pub fn date_time(&self, local: &DateTime<Tz>) -> String {
        self.dates.date_time(local)
    }

    /// A calendar day: `Jan 27, 2022`, `27 janv. 2022`.
    pub fn date(&self, date: NaiveDate) -> String {
        self.dates.date(date)
    }

    /// A month of a year: `January 2022`, `janvier 2022`.
    pub fn month(&self, date: NaiveDate) -> String {
        self.dates.month(date)
    }

    /// The history filter's sentences for history-filter.js, as stale.js takes its own: the
    /// result count, one template per CLDR plural category (`{n}` for the number), and the
    /// sentence for no result. JSON, for a data attribute.
    pub fn history_filter_messages(&self) -> String {
        let json = self
            .catalogue
            .plural_templates(&self.language, &[("results", "history-filter-results")]);
        let mut value: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
        if let Some(map) = value.as_object_mut() {
            map.insert("none".into(), self.text("history-filter-none").into());
        }
        value.to_string()
    }

    /// The stale notice's sentences for stale.js: for each unit, one template per CLDR plural
    /// category of the language, `{n}` standing for the number. JSON, for a data attribute.
    /// `mirrors` is the sentence that offers the site's other addresses, `{mirrors}` standing
    /// for their links.
    pub fn stale_messages(&self) -> String {
        let json = self.catalogue.plural_templates(
            &self.language,
            &[
                ("minutes", "stale-minutes"),
                ("hours", "stale-hours"),
                ("days", "stale-days"),
            ],
        );
        let mut value: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
        if let Some(map) = value.as_object_mut() {
            let offer = self.format1("stale-mirrors", "mirrors", "{mirrors}");
            map.insert("mirrors".into(), offer.into());
        }
        value.to_string()
    }
}

/// HTML-escapes `text` (`&`, `<`, `>`, quotes) for element text and quoted attributes; unlike
/// Tera's default, `/` stays as it is (it needs no escaping there, and it would make every URL
/// unreadable).
/// The private-use character that stands for argument `n` while a message is formatted, so
/// the message's own text can be escaped without touching arguments that are HTML already.
pub(crate) fn placeholder(n: usize) -> char {
    char::from_u32(0xE000 + n as u32).unwrap_or('\u{E000}')
}

/// `formatted` with each placeholder replaced by its value, in one pass: a value is never
/// scanned again, so a private-use character in an author's title cannot pull another
/// argument's HTML (a `<time>` element, a link) into it.
pub(crate) fn fill_placeholders(formatted: &str, values: &[&str]) -> String {
    let mut html = String::with_capacity(formatted.len());
    for c in formatted.chars() {
        let value = (c as u32)
            .checked_sub(0xE000)
            .and_then(|n| values.get(n as usize));
        match value {
            Some(value) => html.push_str(value),
            None => html.push(c),
        }
    }
    html
}

#[cfg(test)]
mod tests {}
