//! `config.toml` into a [`Config`]: strict keys, checked values. Never reads `content/`.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::NaiveDate;
use chrono_tz::Tz;
use serde::Deserialize;
use toml::Spanned;

use crate::error::{closest, Diagnostic};

pub mod alerts;
pub mod channels;
pub mod probes;
pub mod public_channels;
use crate::keys::{fields_of, parse_all_keys, Schema};

/// The site settings and the component catalogue.
#[derive(Debug, Clone)]
pub struct Config {
    pub title: String,
    /// Absolute URL, always ending in `/`; may carry a subpath.
    pub base_url: String,
    pub description: String,
    /// The language every reader-facing word of this build is written in: a tag whose language
    /// beacon ships (`fr`, `fr-CA`, `zh-Hans`), for `<html lang>` and the feeds. On a
    /// multilingual site, each edition's copy of the config has its own. Default `en`.
    pub language: String,
    /// Every language the site is published in, the default (the one at the root) first;
    /// `[language]` on a monolingual site. See [`crate::editions`].
    pub languages: Vec<String>,
    /// Where times are shown and calendar days start and end. Default `UTC`.
    pub timezone: Tz,
    /// Theme folder under `themes/`. Default `default`.
    pub theme: String,
    pub uptime: UptimeConfig,
    /// Incidents per history page. Default 25.
    pub history_per_page: usize,
    /// Items in each feed. Default 50.
    pub feed_limit: usize,
    /// Let raw HTML in Markdown through unsanitised. Default false.
    pub unsafe_html: bool,
    /// How old a page may get before its script tells visitors it may be out of date.
    /// Default [`DEFAULT_STALE_AFTER_HOURS`] hours.
    pub stale_after: chrono::Duration,
    /// Other addresses that serve the same site (a second host), each ending in `/`: every
    /// page links to them, and the stale notice offers them. Default none.
    pub mirrors: Vec<String>,
    /// In the order of the file, which is the order of the pages.
    pub components: Vec<Component>,
    /// The `[[notify]]` tables as written, in order; `notify::config::channels` checks them.
    pub notify: Vec<Spanned<channels::ChannelFile>>,
    /// The `[[probe]]` tables as written, in order; `probe::config::probes` checks them.
    pub probe: Vec<Spanned<probes::ProbeFile>>,
    /// The `[[alert]]` tables as written, in order; `ingest::rules` checks them.
    pub alert: Vec<Spanned<alerts::AlertFile>>,
    /// The `[[channel]]` tables as written, in order: the public channels the subscribe page
    /// lists; `render::subscribe::public_channels` checks them.
    pub channel: Vec<Spanned<public_channels::PublicChannelFile>>,
    /// The text of config.toml, for the diagnostics of the sections a feature checks itself.
    pub source: std::sync::Arc<str>,
}

#[derive(Debug, Clone)]
pub struct UptimeConfig {
    /// Days in the bars and the headline figure. Default 90.
    pub days: u32,
    pub weights: Weights,
    /// Whether maintenance time counts as down time. Default false.
    pub maintenance_counts_as_down: bool,
}

/// The share of time that counts as down, per severity, each in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    pub major: f64,
    pub partial: f64,
    pub degraded: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            major: 1.0,
            partial: 0.3,
            degraded: 0.0,
        }
    }
}

/// One service on the page.
#[derive(Debug, Clone)]
pub struct Component {
    /// `[a-z0-9-]+`, unique; used in URLs and front matter.
    pub id: String,
    pub name: String,
    /// Optional group; groups appear in order of first use.
    pub group: Option<String>,
    pub description: String,
    /// No uptime is counted before this day (in the site time zone).
    pub since: Option<NaiveDate>,
}

impl Config {
    /// A problem of `config.toml` at `span`, as the feature sections' checks report them.
    pub fn diagnostic_at(&self, span: std::ops::Range<usize>, message: String) -> Diagnostic {
        Diagnostic::at(Path::new("config.toml"), &self.source, span, message)
    }

    pub fn component(&self, id: &str) -> Option<&Component> {
        self.components.iter().find(|c| c.id == id)
    }

    /// The groups in order of first use, each with its members; ungrouped components stand
    /// alone as groups of one with no name.
    pub fn groups(&self) -> Vec<(Option<&str>, Vec<&Component>)> {
        let mut groups: Vec<(Option<&str>, Vec<&Component>)> = Vec::new();
        for component in &self.components {
            match component.group.as_deref() {
                Some(name) => match groups.iter_mut().find(|(g, _)| *g == Some(name)) {
                    Some((_, members)) => members.push(component),
                    None => groups.push((Some(name), vec![component])),
                },
                None => groups.push((None, vec![component])),
            }
        }
        groups
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    title: Spanned<String>,
    base_url: Spanned<String>,
    #[serde(default)]
    description: String,
    language: Option<Spanned<String>>,
    languages: Option<Spanned<Vec<Spanned<String>>>>,
    timezone: Option<Spanned<String>>,
    #[serde(default = "default_theme")]
    theme: Spanned<String>,
    #[serde(default)]
    uptime: UptimeFile,
    #[serde(default)]
    history: HistoryFile,
    #[serde(default)]
    feeds: FeedsFile,
    #[serde(default)]
    markdown: MarkdownFile,
    stale_after: Option<Spanned<String>>,
    #[serde(default)]
    mirrors: Vec<Spanned<String>>,
    #[serde(default)]
    components: Vec<ComponentFile>,
    #[serde(default)]
    notify: Vec<Spanned<channels::ChannelFile>>,
    #[serde(default)]
    probe: Vec<Spanned<probes::ProbeFile>>,
    #[serde(default)]
    alert: Vec<Spanned<alerts::AlertFile>>,
    #[serde(default)]
    channel: Vec<Spanned<public_channels::PublicChannelFile>>,
}

/// The language of a site that names none.
const DEFAULT_LANGUAGE: &str = "en";
fn default_theme() -> Spanned<String> {
    Spanned::new(0..0, "default".into())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UptimeFile {
    #[serde(default = "default_days")]
    days: Spanned<i64>,
    #[serde(default)]
    weights: Option<Spanned<WeightsFile>>,
    #[serde(default)]
    maintenance_counts_as_down: bool,
}

impl Default for UptimeFile {
    fn default() -> Self {
        UptimeFile {
            days: default_days(),
            weights: None,
            maintenance_counts_as_down: false,
        }
    }
}

fn default_days() -> Spanned<i64> {
    Spanned::new(0..0, 90)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WeightsFile {
    major: Option<f64>,
    partial: Option<f64>,
    degraded: Option<f64>,
}

/// `[history]`; `per_page` defaults to [`DEFAULT_PER_PAGE`].
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct HistoryFile {
    per_page: Option<Spanned<i64>>,
}

/// `[feeds]`; `limit` defaults to [`DEFAULT_FEED_LIMIT`].
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FeedsFile {
    limit: Option<Spanned<i64>>,
}

const DEFAULT_PER_PAGE: i64 = 25;
const DEFAULT_FEED_LIMIT: i64 = 50;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct MarkdownFile {
    #[serde(default)]
    unsafe_html: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ComponentFile {
    id: Spanned<String>,
    name: Spanned<String>,
    group: Option<String>,
    #[serde(default)]
    description: String,
    since: Option<Spanned<toml::value::Datetime>>,
}

/// The tables of config.toml and the keys each accepts.
const CONFIG_KEYS: Schema = &[
    ("", fields_of::<ConfigFile>),
    ("uptime", fields_of::<UptimeFile>),
    ("uptime.weights", fields_of::<WeightsFile>),
    ("history", fields_of::<HistoryFile>),
    ("feeds", fields_of::<FeedsFile>),
    ("markdown", fields_of::<MarkdownFile>),
    ("components", fields_of::<ComponentFile>),
    ("channel", fields_of::<public_channels::PublicChannelFile>),
];

/// Parses and checks `config.toml`; `path` is only used to name the file in diagnostics.
pub fn parse_config(path: &Path, source: &str) -> Result<Config, Vec<Diagnostic>> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let file: ConfigFile = parse_all_keys(path, source, 0, source, CONFIG_KEYS)?;
    let mut problems = Vec::new();
    let mut report = |span: std::ops::Range<usize>, message: String| {
        problems.push(Diagnostic::at(path, source, span, message));
    };

    if file.title.get_ref().trim().is_empty() {
        report(file.title.span(), "`title` is empty; give the page a name".into());
    }
    let base_url = crate::site_url::parse_base_url(file.base_url.get_ref()).unwrap_or_else(|e| {
        report(file.base_url.span(), format!("`base_url`: {e}"));
        String::new()
    });
    if !is_theme_name(file.theme.get_ref()) {
        report(
            file.theme.span(),
            format!(
                "`theme` `{}` is not a folder name: a theme is a folder directly inside `themes/`, \
                 named with letters, digits, `-`, `_` or `.` (not starting with `.`), like \"default\"",
                file.theme.get_ref().escape_debug()
            ),
        );
    }
    let timezone = match &file.timezone {
        None => Tz::UTC,
        Some(name) => name.get_ref().parse::<Tz>().unwrap_or_else(|_| {
            let suggestion = closest(name.get_ref(), chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name()))
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            report(
                name.span(),
                format!(
                    "unknown time zone `{}`{suggestion} (expected an IANA name like \"America/New_York\")",
                    name.get_ref()
                ),
            );
            Tz::UTC
        }),
    };
    let mut positive = |value: &Spanned<i64>, key: &str| -> usize {
        match usize::try_from(*value.get_ref()) {
            Ok(n) if n > 0 => n,
            _ => {
                report(
                    value.span(),
                    format!(
                        "`{key}` must be a whole number above 0, found {}",
                        value.get_ref()
                    ),
                );
                1
            }
        }
    };
    let days = positive(&file.uptime.days, "uptime.days");
    let or_default =
        |value: Option<Spanned<i64>>, default| value.unwrap_or_else(|| Spanned::new(0..0, default));
    let history_per_page = positive(
        &or_default(file.history.per_page, DEFAULT_PER_PAGE),
        "history.per_page",
    );
    let feed_limit = positive(&or_default(file.feeds.limit, DEFAULT_FEED_LIMIT), "feeds.limit");
    // One bar per day per component: ten years is already more than a page can show.
    if days > MAX_UPTIME_DAYS {
        report(
            file.uptime.days.span(),
            format!("`uptime.days` = {days} is more than {MAX_UPTIME_DAYS} (ten years)"),
        );
    }

    let stale_after = match &file.stale_after {
        None => chrono::Duration::hours(DEFAULT_STALE_AFTER_HOURS),
        Some(value) => parse_duration(value.get_ref()).unwrap_or_else(|| {
            report(
                value.span(),
                format!(
                    "`stale_after` = \"{}\" is not a duration; expected a whole number above 0 \
                     followed by m, h or d, like \"6h\"",
                    value.get_ref()
                ),
            );
            chrono::Duration::hours(DEFAULT_STALE_AFTER_HOURS)
        }),
    };

    let mut mirrors: Vec<String> = Vec::new();
    for mirror in &file.mirrors {
        match crate::site_url::parse_base_url(mirror.get_ref()) {
            Ok(url) if mirrors.contains(&url) => {
                report(mirror.span(), format!("`mirrors`: `{url}` is listed twice"))
            }
            Ok(url) => mirrors.push(url),
            Err(e) => report(mirror.span(), format!("`mirrors`: {e}")),
        }
    }

    let mut weights = Weights::default();
    if let Some(w) = &file.uptime.weights {
        let given = w.get_ref();
        for (key, value, slot) in [
            ("major", given.major, &mut weights.major),
            ("partial", given.partial, &mut weights.partial),
            ("degraded", given.degraded, &mut weights.degraded),
        ] {
            if let Some(v) = value {
                if (0.0..=1.0).contains(&v) {
                    *slot = v;
                } else {
                    report(w.span(), format!("weight `{key}` = {v} is outside 0.0 to 1.0"));
                }
            }
        }
    }

    let mut seen = BTreeSet::new();
    let mut components = Vec::with_capacity(file.components.len());
    for c in file.components {
        let id = c.id.get_ref();
        if !is_component_id(id) {
            report(
                c.id.span(),
                format!("component id `{id}` must be lowercase letters, digits and `-`"),
            );
        } else if let Some(why) = crate::slug::output_name_problem(id) {
            report(c.id.span(), format!("component id {why}"));
        } else if !seen.insert(id.clone()) {
            report(c.id.span(), format!("component id `{id}` is used twice"));
        }
        if c.name.get_ref().trim().is_empty() {
            report(
                c.name.span(),
                format!("component `{id}`: `name` is empty; give it the name readers see"),
            );
        }
        let since = c
            .since
            .as_ref()
            .and_then(|s| match (s.get_ref().date, s.get_ref().time) {
                (Some(d), None) => {
                    let date = NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())?;
                    match crate::time::day_start_in_range(timezone, date) {
                        Ok(_) => Some(date),
                        Err(e) => {
                            report(s.span(), format!("`since`: {e}"));
                            None
                        }
                    }
                }
                _ => {
                    report(s.span(), "`since` must be a plain date, like 2019-06-01".into());
                    None
                }
            });
        components.push(Component {
            id: c.id.into_inner(),
            name: author_text(c.name.into_inner()),
            group: c.group.filter(|g| !g.trim().is_empty()).map(author_text),
            description: author_text(c.description),
            since,
        });
    }

    let (language, languages) = check_languages(file.language.as_ref(), file.languages.as_ref(), &mut report);

    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Config {
        title: author_text(file.title.into_inner()),
        base_url,
        description: author_text(file.description),
        language,
        languages,
        timezone,
        theme: file.theme.into_inner(),
        uptime: UptimeConfig {
            days: u32::try_from(days).unwrap_or(u32::MAX),
            weights,
            maintenance_counts_as_down: file.uptime.maintenance_counts_as_down,
        },
        history_per_page,
        feed_limit,
        unsafe_html: file.markdown.unsafe_html,
        stale_after,
        mirrors,
        components,
        notify: file.notify,
        probe: file.probe,
        alert: file.alert,
        channel: file.channel,
        source: source.into(),
    })
}

/// `language` and `languages` read together: `languages` alone sets `language` (its first);
/// both must agree on the default. Codes in `languages` must be well formed and listed once.
/// Returns `(language, languages)`; problems go to `report`.
fn check_languages(
    language: Option<&Spanned<String>>,
    languages: Option<&Spanned<Vec<Spanned<String>>>>,
    report: &mut impl FnMut(std::ops::Range<usize>, String),
) -> (String, Vec<String>) {
    let Some(list) = languages else {
        let language = match language {
            None => DEFAULT_LANGUAGE.to_string(),
            Some(l) => crate::languages::resolve(l.get_ref()).map_or_else(
                |e| {
                    report(l.span(), format!("`language`: {e}"));
                    String::new()
                },
                |resolved| resolved.tag,
            ),
        };
        return (language.clone(), vec![language]);
    };
    let mut codes: Vec<String> = Vec::with_capacity(list.get_ref().len());
    for code in list.get_ref() {
        let text = code.get_ref();
        if !crate::editions::is_language_code(text) {
            report(
                code.span(),
                format!(
                    "`languages`: `{}` is not a language code; expected a BCP 47 tag such as \"en\", \"fr\" or \"pt-BR\"",
                    text.escape_debug()
                ),
            );
        } else if let Some(same) = codes.iter().find(|c| c.eq_ignore_ascii_case(text)) {
            // Language tags ignore case (BCP 47), and `fr-CA/` and `fr-ca/` would be one
            // folder on a case-insensitive disk.
            report(
                code.span(),
                format!("`languages`: `{text}` is listed twice (as `{same}`; language codes ignore case)"),
            );
        } else if let Err(problem) = crate::languages::resolve(text) {
            report(code.span(), format!("`languages`: {problem}"));
        }
        codes.push(text.clone());
    }
    let Some(first) = codes.first().cloned() else {
        report(
            list.span(),
            "`languages` is empty; list the site's languages, the default first, like [\"en\", \"fr\"]"
                .into(),
        );
        let language = language
            .map_or(DEFAULT_LANGUAGE, |l| l.get_ref().as_str())
            .to_string();
        return (language.clone(), vec![language]);
    };
    if let Some(language) = language {
        if *language.get_ref() != first {
            report(
                language.span(),
                format!(
                    "`language` = \"{}\" but `languages` starts with \"{first}\": the first of `languages` is \
                     the default language; remove `language` or make them agree",
                    language.get_ref().escape_debug()
                ),
            );
        }
    }
    (first, codes)
}

/// Text the author wrote, with any right-to-left override or isolate it leaves open closed, so
/// it cannot reorder what a page, feed or calendar puts after it (see [`crate::bidi`]).
pub fn author_text(text: String) -> String {
    match crate::bidi::close_open_controls(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(closed) => closed,
    }
}

/// The default `stale_after`: six hourly rebuilds missed, more than GitHub's usual delays.
pub const DEFAULT_STALE_AFTER_HOURS: i64 = 6;

/// `"90m"`, `"6h"`, `"2d"`: a whole number above 0 and a unit (minutes, hours, days).
fn parse_duration(text: &str) -> Option<chrono::Duration> {
    let text = text.trim();
    let (split, _) = text.char_indices().last()?;
    let (number, unit) = text.split_at(split);
    let n: i64 = number
        .trim()
        .parse()
        .ok()
        .filter(|n| *n > 0 && *n <= 365 * 24 * 60)?;
    match unit {
        "m" => Some(chrono::Duration::minutes(n)),
        "h" => Some(chrono::Duration::hours(n)),
        "d" => Some(chrono::Duration::days(n)),
        _ => None,
    }
}

/// The longest bar window `[uptime] days` may ask for.
pub const MAX_UPTIME_DAYS: usize = 3660;

/// A theme is named by one folder inside `themes/`: no separators, no `..`, nothing hidden, so
/// no `theme` value can reach a folder outside `themes/`.
pub fn is_theme_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// `[a-z0-9-]+`: the shape of component ids.
pub fn is_component_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The config `source` parses into, checked by a feature's `check` of its section: what the
/// features' tests of their sections share.
#[cfg(test)]
pub(crate) fn checked_section<T>(
    source: &str,
    check: impl Fn(&Config) -> Result<T, Vec<Diagnostic>>,
) -> Result<T, Vec<Diagnostic>> {
    check(&parse_config(Path::new("config.toml"), source)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(source: &str) -> Result<Config, Vec<Diagnostic>> {
        parse_config(Path::new("config.toml"), source)
    }

    const MINIMAL: &str = "title = \"T\"\nbase_url = \"https://s.example.org\"\n";

    #[test]
    fn defaults_apply_and_base_url_gets_its_slash() {
        let c = parse(MINIMAL).unwrap();
        assert_eq!(c.base_url, "https://s.example.org/");
        assert_eq!((c.uptime.days, c.history_per_page, c.feed_limit), (90, 25, 50));
        assert_eq!(c.uptime.weights, Weights::default());
        assert_eq!(c.timezone, Tz::UTC);
    }

    #[test]
    fn unknown_key_is_rejected_with_a_suggestion() {
        let e = parse(&format!("{MINIMAL}titel = \"x\"\n")).unwrap_err();
        assert_eq!((e[0].line, e[0].column), (3, 1));
        assert!(e[0].message.contains("did you mean `title`?"), "{}", e[0].message);
    }

    #[test]
    fn unknown_language_is_rejected_with_a_suggestion() {
        let problems =
            parse("title = \"T\"\nbase_url = \"https://x.org/\"\nlanguage = \"jp\"\n").unwrap_err();
        assert_eq!((problems[0].line, problems[0].column), (3, 12));
        assert!(
            problems[0].message.contains("did you mean `ja`?"),
            "{}",
            problems[0].message
        );
        let config = parse("title = \"T\"\nbase_url = \"https://x.org/\"\nlanguage = \"fr-ca\"\n").unwrap();
        assert_eq!(config.language, "fr-CA");
    }

    #[test]
    fn unknown_time_zone_is_rejected_with_a_suggestion() {
        let e = parse(&format!("{MINIMAL}timezone = \"America/New_Yrok\"\n")).unwrap_err();
        assert_eq!((e[0].line, e[0].column), (3, 12));
        assert!(
            e[0].message.contains("did you mean `America/New_York`?"),
            "{}",
            e[0].message
        );
    }

    #[test]
    fn bad_component_ids_and_counts_are_all_reported() {
        let e = parse(&format!(
            "{MINIMAL}[uptime]\ndays = 0\n[[components]]\nid = \"Mail\"\nname = \"M\"\n[[components]]\nid = \"a\"\nname = \"A\"\n[[components]]\nid = \"a\"\nname = \"A2\"\n"
        ))
        .unwrap_err();
        let messages: Vec<_> = e.iter().map(|d| (d.line, d.message.as_str())).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(messages[0].1.contains("above 0"));
        assert!(messages[1].1.contains("`Mail` must be lowercase"));
        assert_eq!(messages[2], (12, "component id `a` is used twice"));
    }

    #[test]
    fn bar_window_longer_than_ten_years_is_rejected() {
        let e = parse(&format!("{MINIMAL}[uptime]\ndays = 100000\n")).unwrap_err();
        assert_eq!((e[0].line, e[0].column), (4, 8));
        assert!(e[0].message.contains("more than 3660"), "{}", e[0].message);
    }

    #[test]
    fn stale_after_reads_minutes_hours_and_days_and_rejects_the_rest() {
        let at = |v: &str| parse(&format!("{MINIMAL}stale_after = \"{v}\"\n"));
        assert_eq!(parse(MINIMAL).unwrap().stale_after, chrono::Duration::hours(6));
        assert_eq!(at("90m").unwrap().stale_after, chrono::Duration::minutes(90));
        assert_eq!(at("2d").unwrap().stale_after, chrono::Duration::days(2));
        for bad in ["0h", "6", "h", "", "six hours", "-1h", "1.5h", "6ħ"] {
            let e = at(bad).unwrap_err();
            assert_eq!((e[0].line, e[0].column), (3, 15), "{bad}");
            assert!(e[0].message.contains("not a duration"), "{bad}: {}", e[0].message);
        }
    }

    #[test]
    fn groups_keep_order_of_first_use() {
        let c = parse(&format!(
            "{MINIMAL}[[components]]\nid = \"a\"\nname = \"A\"\ngroup = \"G\"\n[[components]]\nid = \"b\"\nname = \"B\"\n[[components]]\nid = \"c\"\nname = \"C\"\ngroup = \"G\"\n"
        ))
        .unwrap();
        let groups: Vec<_> = c.groups().into_iter().map(|(g, m)| (g, m.len())).collect();
        assert_eq!(groups, vec![(Some("G"), 2), (None, 1)]);
    }

    #[test]
    fn languages_set_the_default_language_and_must_agree_with_it() {
        let c = parse(&format!("{MINIMAL}languages = [\"fr\", \"en\"]\n")).unwrap();
        assert_eq!(
            (c.language.as_str(), c.languages.clone()),
            ("fr", vec!["fr".into(), "en".into()])
        );
        let c = parse(&format!(
            "{MINIMAL}language = \"fr\"\nlanguages = [\"fr\", \"en\"]\n"
        ))
        .unwrap();
        assert_eq!(c.language, "fr");
        let c = parse(MINIMAL).unwrap();
        assert_eq!((c.language.as_str(), c.languages), ("en", vec!["en".to_string()]));

        let e = parse(&format!(
            "{MINIMAL}language = \"en\"\nlanguages = [\"fr\", \"en\"]\n"
        ))
        .unwrap_err();
        assert_eq!((e[0].line, e[0].column), (3, 12));
        assert!(e[0].message.contains("starts with \"fr\""), "{}", e[0].message);
    }

    #[test]
    fn duplicate_malformed_and_empty_language_lists_are_rejected_where_written() {
        let e = parse(&format!(
            "{MINIMAL}languages = [\"en\", \"fr\", \"en\", \"French\"]\n"
        ))
        .unwrap_err();
        let found: Vec<_> = e.iter().map(|d| (d.line, d.column, d.message.as_str())).collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!((found[0].0, found[0].1), (3, 26));
        assert!(found[0].2.contains("`en` is listed twice"), "{}", found[0].2);
        assert_eq!((found[1].0, found[1].1), (3, 32));
        assert!(
            found[1].2.contains("`French` is not a language code"),
            "{}",
            found[1].2
        );
        let e = parse(&format!("{MINIMAL}languages = []\n")).unwrap_err();
        assert!(e[0].message.contains("is empty"), "{}", e[0].message);
    }
}
