//! Statusfy: `config.js` (a plain `module.exports = {…}` object), `config.yml` or `config.toml`
//! with `content.systems`, `defaultLocale` and `locales`; `locales/<code>.json` for the systems'
//! names; and one Markdown file per incident in `content/` (translations in `content/<code>/`),
//! with YAML, JSON or TOML front matter and `::: update Title | date` containers in the body.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::Duration;
use chrono_tz::Tz;
use serde_json::{Map, Value};

use super::cstate::line_of_key;
use super::front_matter::{self, as_text, as_text_list};
use super::ids::UniqueIds;
use super::timeline::{self, parse_time, settle};
use super::{markdown_files, read_config_file, read_text, Read, Site, Warning};
use crate::config::Component;
use crate::content::{Incident, Kind, Severity, Update};
use crate::error::{Diagnostic, Error, Result};
use crate::slug::slugify;

const CONFIG_NAMES: [&str; 5] = [
    "config.js",
    "config.yml",
    "config.yaml",
    "config.toml",
    "config.json",
];

pub fn read(src: &Path) -> Result<Read> {
    let mut warnings = Vec::new();
    let config = read_config(src)?;
    warnings.extend(config.notes.iter().cloned());
    let settings = settings(src, &config, &mut warnings)?;
    let mut site = settings.site;
    let mut slugs = UniqueIds::default();
    let content_dir = PathBuf::from(&settings.content_dir);
    for file in markdown_files(src, &content_dir)? {
        let inner = file.strip_prefix(&content_dir).unwrap_or(&file);
        if inner.components().count() > 1 {
            let folder = inner
                .iter()
                .next()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let why = if settings.other_locales.contains(&folder) {
                format!("translation (locale `{folder}`) not imported: the importer reads the default locale `{}` only (add translations as slug.<code>.md, see docs/i18n.md)", settings.default_locale)
            } else {
                "Statusfy reads incidents only from the top of the content folder (and locale folders); not imported".into()
            };
            warnings.push(Warning::new(&file, 1, why));
            continue;
        }
        if file
            .file_name()
            .is_some_and(|n| n.eq_ignore_ascii_case("README.md"))
        {
            continue;
        }
        let text = read_text(src, &file)?;
        if let Some(entry) = read_incident(&file, &text, &site, &settings.systems, &mut slugs, &mut warnings)
        {
            site.entries.push(entry);
        }
    }
    Ok(Read { site, warnings })
}

struct ConfigFile {
    name: PathBuf,
    text: String,
    value: Map<String, Value>,
    /// What reading the file itself could not carry over (JavaScript variables).
    notes: Vec<Warning>,
}

fn read_config(src: &Path) -> Result<ConfigFile> {
    let (name, text) = read_config_file(src, &CONFIG_NAMES, "Statusfy")?;
    let fail = |line: usize, column: usize, message: String| {
        let start = text
            .split_inclusive('\n')
            .take(line.saturating_sub(1))
            .map(str::len)
            .sum::<usize>();
        let line_text = &text[start..];
        let col = line_text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(0, |(i, _)| i);
        Error::Content(vec![Diagnostic::at(
            &name,
            &text,
            start + col..start + col + 1,
            message,
        )])
    };
    // Every parser below recurses once per level: bounded first.
    Diagnostic::check_nesting(&name, &text, 0, &text, crate::nesting::Syntax::Data)
        .map_err(|d| Error::Content(vec![d]))?;
    let mut notes = Vec::new();
    let value: Value = match name.extension().and_then(|e| e.to_str()) {
        Some("js") => {
            let object = js_object(&text).map_err(|m| fail(1, 1, m))?;
            notes = object
                .variables
                .iter()
                .map(|(line, var)| {
                    Warning::new(
                        &name,
                        *line,
                        format!("`{var}` is a JavaScript variable; read as empty"),
                    )
                })
                .collect();
            json5::from_str(&object.text).map_err(|e| {
                // json5 counts lines and columns from 0.
                let (line, column) = e.position().map_or((1, 1), |p| (p.line + 1, p.column + 1));
                fail(
                    object.first_line + line - 1,
                    if line == 1 { object.first_column + column - 1 } else { column },
                    format!("{e}: beacon reads config.js as a plain object literal; write this value as plain text or convert the file to config.yml"),
                )
            })?
        }
        Some("toml") => toml::from_str::<toml::Table>(&text)
            .map(|t| front_matter::toml_to_json(toml::Value::Table(t)))
            .map_err(|e| {
                let line = e.span().map_or(1, |s| text[..s.start].matches('\n').count() + 1);
                fail(line, 1, e.message().to_string())
            })?,
        Some("json") => serde_json::from_str(&text).map_err(|e| fail(e.line(), e.column(), e.to_string()))?,
        _ => serde_norway::from_str(&text).map_err(|e| {
            let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
            fail(line, column, e.to_string())
        })?,
    };
    match value {
        Value::Object(value) => Ok(ConfigFile {
            name,
            text,
            value,
            notes,
        }),
        _ => Err(Error::Content(vec![Diagnostic::file(
            &name,
            "expected an object of settings",
        )])),
    }
}

/// The object literal a `config.js` exports, with where it starts in the file.
struct JsObject {
    text: String,
    first_line: usize,
    first_column: usize,
    /// Variables used as values, read as empty: (file line, name).
    variables: Vec<(usize, String)>,
}

/// Takes `module.exports = { … }` out of a `config.js`. The one expression Statusfy's docs use
/// in values, `process.env.NAME || "fallback"`, is read as its fallback (what Statusfy gets
/// when the variable is unset), keeping every character's position.
fn js_object(text: &str) -> std::result::Result<JsObject, String> {
    let exports = text
        .find("module.exports")
        .or_else(|| text.find("export default"))
        .ok_or("config.js has no `module.exports = { … }`")?;
    let open = text[exports..]
        .find('{')
        .map(|i| exports + i)
        .ok_or("config.js exports no object")?;
    let close = text
        .rfind('}')
        .filter(|&c| c > open)
        .ok_or("config.js: the exported object is never closed")?;
    let mut object = text[open..=close].to_string();
    while let Some(at) = object.find("process.env.") {
        let after = &object[at + "process.env.".len()..];
        let name_len = after
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        let rest = &after[name_len..];
        let gap = rest.len() - rest.trim_start().len();
        let end = if rest.trim_start().starts_with("||") {
            at + "process.env.".len() + name_len + gap + 2
        } else {
            // No fallback: the value is whatever the environment holds; read it as empty.
            object.replace_range(
                at..at + "process.env.".len() + name_len,
                &format!("{:<w$}", "\"\"", w = "process.env.".len() + name_len),
            );
            continue;
        };
        object.replace_range(at..end, &" ".repeat(end - at));
    }
    let first_line = text[..open].matches('\n').count() + 1;
    let first_column = text[..open].rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let variables = blank_variables(&mut object)
        .into_iter()
        .map(|(offset, name)| (first_line + object[..offset].matches('\n').count(), name))
        .collect();
    Ok(JsObject {
        text: object,
        first_line,
        first_column,
        variables,
    })
}

/// Replaces each variable used as a value (`appId: oneSignalAppID`) by an empty string, padded
/// to its length so positions hold, and returns (offset, name) of each. Keys, strings,
/// comments and the literals `true`, `false`, `null` are left alone.
fn blank_variables(object: &mut String) -> Vec<(usize, String)> {
    let bytes = object.as_bytes();
    let mut found = Vec::new();
    let mut nesting: Vec<u8> = Vec::new();
    let mut previous = b' ';
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'"' | b'\'' | b'`' => {
                i += 1;
                while i < bytes.len() && bytes[i] != c {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                previous = c;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                    i += 1;
                }
                i += 1;
            }
            b'{' | b'[' => {
                nesting.push(c);
                previous = c;
            }
            b'}' | b']' => {
                nesting.pop();
                previous = c;
            }
            c if c.is_ascii_alphabetic() || c == b'_' || c == b'$' => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || b"_$.".contains(&bytes[i])) {
                    i += 1;
                }
                let in_array = nesting.last() == Some(&b'[');
                let is_value = previous == b':' || (in_array && (previous == b'[' || previous == b','));
                let name = &object[start..i];
                if is_value && !matches!(name, "true" | "false" | "null" | "Infinity" | "NaN") {
                    found.push((start, name.to_string()));
                }
                previous = b'a';
                continue;
            }
            c if !c.is_ascii_whitespace() => previous = c,
            _ => {}
        }
        i += 1;
    }
    for (start, name) in found.iter().rev() {
        let blank = format!("{:<w$}", "\"\"", w = name.len().max(2));
        object.replace_range(*start..start + name.len(), &blank);
    }
    found
}

struct Settings {
    site: Site,
    /// Statusfy system id → beacon component id.
    systems: BTreeMap<String, String>,
    content_dir: String,
    default_locale: String,
    other_locales: Vec<String>,
}

fn settings(src: &Path, config: &ConfigFile, warnings: &mut Vec<Warning>) -> Result<Settings> {
    let v = &config.value;
    let mut config_warnings = Vec::new();
    let mut warn = |key: &str, message: String| {
        config_warnings.push(Warning::new(
            &config.name,
            line_of_key(&config.text, key),
            message,
        ));
    };
    let text = |key: &str| v.get(key).and_then(as_text);
    let content = v
        .get("content")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    for (key, _) in v.iter() {
        match key.as_str() {
            "title" | "description" | "baseUrl" | "defaultLocale" | "locales" | "content" | "name" => {}
            "analytics" => warn(key, "`analytics`: analytics settings are not imported (beacon pages load no trackers)".into()),
            "notifications" => warn(key, "`notifications`: push, Twitter and support links are not imported; beacon offers feeds and a calendar (docs/subscribing.md)".into()),
            "theme" => warn(key, "`theme`: Statusfy theme settings are not imported; beacon themes are Tera templates (docs/theme.md)".into()),
            "head" => warn(key, "`head`: custom head tags are not imported; override a template under templates/ (docs/theme.md)".into()),
            _ => warn(key, format!("`{key}` has no equivalent in beacon; not imported")),
        }
    }
    for key in content.keys() {
        if !matches!(key.as_str(), "systems" | "dir" | "frontMatterFormat") {
            warn(
                key,
                format!("`content.{key}` has no equivalent in beacon; not imported"),
            );
        }
    }

    let default_locale = text("defaultLocale").unwrap_or_else(|| "en".into());
    let locales = v
        .get("locales")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let locale_of = |code: &str| {
        locales
            .iter()
            .find(|l| l.get("code").and_then(as_text).as_deref() == Some(code))
    };
    let default = locale_of(&default_locale);
    let language = default
        .and_then(|l| l.get("iso").and_then(as_text))
        .unwrap_or_else(|| default_locale.clone());
    let other_locales: Vec<String> = locales
        .iter()
        .filter_map(|l| l.get("code").and_then(as_text))
        .filter(|c| *c != default_locale)
        .collect();
    for code in &other_locales {
        warn(
            "locales",
            format!("locale `{code}`: the importer reads only `{default_locale}` (add translations as slug.<code>.md, see docs/i18n.md)"),
        );
    }

    // The default locale's messages name the systems (and may title the site).
    let locale_file = default
        .and_then(|l| l.get("file").and_then(as_text))
        .unwrap_or_else(|| format!("{default_locale}.json"));
    let locale_path = Path::new("locales").join(locale_file);
    let messages: Map<String, Value> = if src.join(&locale_path).is_file() {
        let text = read_text(src, &locale_path)?;
        match serde_json::from_str(&text) {
            Ok(Value::Object(m)) => m,
            Ok(_) => Map::new(),
            Err(e) => {
                warnings.push(Warning::new(
                    &locale_path,
                    e.line(),
                    format!("{e}; system names taken from their ids"),
                ));
                Map::new()
            }
        }
    } else {
        Map::new()
    };
    let system_text = |id: &str, key: &str| {
        messages
            .get("systems")
            .and_then(|s| s.get("items"))
            .and_then(|i| i.get(id))
            .and_then(|s| s.get(key))
            .and_then(as_text)
    };

    let mut ids = UniqueIds::default();
    let mut systems = BTreeMap::new();
    let mut components = Vec::new();
    for (n, system) in content
        .get("systems")
        .and_then(as_text_list)
        .unwrap_or_default()
        .into_iter()
        .enumerate()
    {
        let id = ids.claim(&system, &format!("system {}", n + 1));
        components.push(Component {
            id: id.clone(),
            name: system_text(&system, "title").unwrap_or_else(|| system.clone()),
            group: None,
            description: system_text(&system, "description").unwrap_or_default(),
            since: None,
        });
        systems.insert(system, id);
    }

    let base_url = super::base_url("baseUrl", text("baseUrl"), &mut warn);
    warnings.extend(config_warnings);
    let from_messages = |key: &str| messages.get(key).and_then(as_text);
    let site = Site {
        title: from_messages("title")
            .or_else(|| text("title"))
            .unwrap_or_else(|| "Status".into()),
        base_url,
        description: from_messages("description")
            .or_else(|| text("description"))
            .unwrap_or_default(),
        language,
        timezone: Tz::UTC,
        components,
        entries: Vec::new(),
        pages: Vec::new(),
    };
    Ok(Settings {
        site,
        systems,
        content_dir: content
            .get("dir")
            .and_then(as_text)
            .unwrap_or_else(|| "content".into()),
        default_locale,
        other_locales,
    })
}

const INCIDENT_KEYS: [&str; 10] = [
    "id",
    "title",
    "description",
    "date",
    "modified",
    "severity",
    "affectedsystems",
    "resolved",
    "scheduled",
    "duration",
];

fn read_incident(
    file: &Path,
    text: &str,
    site: &Site,
    systems: &BTreeMap<String, String>,
    slugs: &mut UniqueIds,
    warnings: &mut Vec<Warning>,
) -> Option<Incident> {
    let parsed = front_matter::parse_or_warn(file, text, warnings)?;
    let f = &parsed.fields;
    let tz = site.timezone;
    let mut warn =
        |key: &str, message: String| warnings.push(Warning::new(file, parsed.line_of(key), message));
    for key in f.keys() {
        if !INCIDENT_KEYS.contains(&key.as_str()) {
            warn(key, format!("`{key}` has no equivalent in beacon; not imported"));
        }
    }
    let mut time_of = |key: &str| match f.get(key).and_then(as_text).map(|t| parse_time(&t, tz)) {
        Some(Ok(t)) => Some(t),
        Some(Err(e)) => {
            warn(key, format!("`{key}`: {e}"));
            None
        }
        None => None,
    };
    let Some(date) = time_of("date") else {
        warn("date", "no readable `date`; file not imported".into());
        return None;
    };
    let scheduled = time_of("scheduled");
    let modified = time_of("modified");
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let title = match f.get("title").and_then(as_text).filter(|t| !t.trim().is_empty()) {
        Some(t) => t.trim().to_string(),
        None => {
            warn("title", "`title` is missing; the file name is used".into());
            stem.clone()
        }
    };
    let severity_text = f.get("severity").and_then(as_text);
    let kind = if severity_text.as_deref() == Some("under-maintenance") {
        Kind::Maintenance
    } else {
        Kind::Incident
    };
    let severity = match severity_text.as_deref() {
        // A maintenance window has no severity: the model holds `Notice` for it.
        Some("under-maintenance") => Severity::Notice,
        Some("major-outage") => Severity::Major,
        Some("partial-outage") => Severity::Partial,
        Some("degraded-performance") => Severity::Degraded,
        Some(other) => {
            warn("severity", format!("`severity: {other}` is not one of under-maintenance, major-outage, partial-outage, degraded-performance; imported as a notice"));
            Severity::Notice
        }
        None => {
            warn("title", "`severity` is missing; imported as a notice".into());
            Severity::Notice
        }
    };
    let mut components = Vec::new();
    for system in f
        .get("affectedsystems")
        .and_then(as_text_list)
        .unwrap_or_default()
    {
        match systems.get(&system) {
            Some(id) if !components.contains(id) => components.push(id.clone()),
            Some(_) => {}
            None => warn(
                "affectedsystems",
                format!("affected system `{system}` is not in `content.systems`; left out"),
            ),
        }
    }

    let body = extract_updates(file, parsed.body, parsed.body_line, tz, kind, warnings);
    let mut warn =
        |key: &str, message: String| warnings.push(Warning::new(file, parsed.line_of(key), message));
    let last_update = body.updates.iter().map(|u| u.at).max();
    let (start, end) = match kind {
        Kind::Maintenance => {
            // Statusfy schedules a window only with both `scheduled` and `duration`; without
            // them it shows an incident that keeps its systems under maintenance until resolved.
            let start = scheduled.unwrap_or(date);
            let minutes = f
                .get("duration")
                .and_then(as_text)
                .and_then(|d| d.trim().parse::<f64>().ok())
                .filter(|m| *m > 0.0);
            if f.get("duration").is_some() && minutes.is_none() {
                warn(
                    "duration",
                    "`duration` is not a positive number of minutes".into(),
                );
            }
            let resolved = f.get("resolved").and_then(Value::as_bool) == Some(true);
            let end = match minutes {
                Some(m) => {
                    match Duration::try_seconds((m * 60.0) as i64).and_then(|d| start.checked_add_signed(d)) {
                        Some(end) => end,
                        None => {
                            warn(
                                "duration",
                                "`duration` is out of range; imported as one hour".into(),
                            );
                            start + Duration::hours(1)
                        }
                    }
                }
                None => {
                    let until = last_update.or(modified).filter(|e| resolved && *e > start);
                    warn(
                        "severity",
                        format!(
                            "under-maintenance without `scheduled` and `duration`: imported as a maintenance window from {} to {}",
                            if scheduled.is_some() { "`scheduled`" } else { "`date`" },
                            if until.is_some() { "its last update" } else { "one hour later" }
                        ),
                    );
                    until.unwrap_or(start + Duration::hours(1))
                }
            };
            (start, Some(end))
        }
        Kind::Incident => {
            let resolved = f.get("resolved").and_then(Value::as_bool) == Some(true);
            // Statusfy records no resolution time: the last update, else `modified`, else the start.
            if resolved && last_update.is_none() && modified.is_none() {
                warn("resolved", "resolved, but no update or `modified` dates the resolution; imported as resolved at its start".into());
            }
            let end = resolved.then(|| last_update.or(modified).unwrap_or(date).max(date));
            (date, end)
        }
    };

    // The description is the incident's summary in Statusfy's history: keep it as the body's
    // first paragraph unless the body already says it.
    let mut text_parts = Vec::new();
    if let Some(d) = f
        .get("description")
        .and_then(as_text)
        .filter(|d| !d.trim().is_empty())
    {
        if !body.rest.contains(d.trim()) {
            text_parts.push(d.trim().to_string());
        }
    }
    if !body.rest.trim().is_empty() {
        text_parts.push(body.rest.trim().to_string());
    }
    let slug_source = f
        .get("id")
        .and_then(as_text)
        .map(|id| slugify(&id))
        .filter(|s| !s.is_empty())
        .unwrap_or(stem);
    let slug = slugs.claim(&slug_source, "incident");
    // `source` is set to the file it will be written as once the site is read (see `super::read`).
    let mut entry = Incident::new(&slug, PathBuf::new(), &title, kind, start);
    entry.end = end;
    entry.severity = severity;
    entry.components = components;
    entry.updates = body.updates;
    entry.body = text_parts.join("\n\n");
    settle(&mut entry, file, parsed.line_of("date"), warnings);
    Some(entry)
}

/// The body split into its `::: update` containers and the rest.
#[derive(Debug, PartialEq)]
pub(super) struct Body {
    pub updates: Vec<Update>,
    pub rest: String,
}

/// Takes the `::: update Title | date` containers out of the body. A malformed container (no
/// `|`, a date that does not parse, never closed) or another kind of container stays in the
/// text as written, with a warning.
pub(super) fn extract_updates(
    file: &Path,
    body: &str,
    first_line: usize,
    tz: Tz,
    kind: Kind,
    warnings: &mut Vec<Warning>,
) -> Body {
    let lines: Vec<&str> = body.lines().collect();
    let mut updates = Vec::new();
    let mut rest: Vec<&str> = Vec::new();
    let mut i = 0;
    let mut fence: Option<&str> = None;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim();
        if let Some(f) = fence {
            if trimmed.starts_with(f) {
                fence = None;
            }
            rest.push(line);
            i += 1;
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
            rest.push(line);
            i += 1;
            continue;
        }
        let Some(open) = trimmed
            .strip_prefix(":::")
            .map(str::trim)
            .filter(|o| !o.is_empty())
        else {
            rest.push(line);
            i += 1;
            continue;
        };
        let line_no = first_line + i;
        let close = lines[i + 1..]
            .iter()
            .position(|l| l.trim() == ":::")
            .map(|p| i + 1 + p);
        let (name, params) = open.split_once(char::is_whitespace).unwrap_or((open, ""));
        let Some(close) = close else {
            warnings.push(Warning::new(file, line_no, format!("the `::: {name}` container opened here is never closed with `:::`; left in the text as written")));
            rest.push(line);
            i += 1;
            continue;
        };
        if name != "update" {
            warnings.push(Warning::new(
                file,
                line_no,
                format!("unknown container `::: {name}`; left in the text as written"),
            ));
            rest.extend(&lines[i..=close]);
            i = close + 1;
            continue;
        }
        let Some((label, date)) = params.rsplit_once('|') else {
            warnings.push(Warning::new(
                file,
                line_no,
                format!("expected `::: update Title | date`, found `{trimmed}`; left in the text as written"),
            ));
            rest.extend(&lines[i..=close]);
            i = close + 1;
            continue;
        };
        match parse_time(date.trim(), tz) {
            Ok(at) => {
                let text = lines[i + 1..close].join("\n");
                updates.push(timeline::update(at, label.trim(), &emoji(&text), kind));
            }
            Err(e) => {
                warnings.push(Warning::new(
                    file,
                    line_no,
                    format!("`::: update` date: {e}; left in the text as written"),
                ));
                rest.extend(&lines[i..=close]);
            }
        }
        i = close + 1;
    }
    // Blank lines left where containers were are folded into one.
    let mut text = String::new();
    let mut blank = 0;
    for line in rest {
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !text.is_empty() {
            text.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        text.push_str(line);
    }
    Body {
        updates,
        rest: emoji(&text),
    }
}

/// Statusfy renders `:name:` codes as emoji (markdown-it-emoji); beacon does not, so the
/// import writes the characters. Code (fenced or in backticks) and unknown names stay as text.
fn emoji(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut fenced = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
        }
        if fenced || trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            out.push_str(line);
            continue;
        }
        for (i, part) in line.split('`').enumerate() {
            if i > 0 {
                out.push('`');
            }
            // Odd parts are inside a code span.
            if i % 2 == 1 {
                out.push_str(part);
            } else {
                out.push_str(&emoji_codes(part));
            }
        }
    }
    out
}

fn emoji_codes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(':') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || "_+-".contains(c)))
            .unwrap_or(after.len());
        let name = &after[..name_len];
        let found = (name_len > 0 && after[name_len..].starts_with(':'))
            .then(|| emojis::get_by_shortcode(name))
            .flatten();
        match found {
            Some(e) => {
                out.push_str(e.as_str());
                rest = &after[name_len + 1..];
            }
            None => {
                out.push(':');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn emoji_codes_become_characters_outside_code() {
        assert_eq!(
            super::emoji("Fixed :tada: :100: at 12:30:00 :no_such_emoji: `:tada:`\n```\n:tada:\n```\n"),
            "Fixed 🎉 💯 at 12:30:00 :no_such_emoji: `:tada:`\n```\n:tada:\n```\n"
        );
    }

    use super::*;

    #[test]
    fn update_containers_become_updates() {
        let body = "Summary.\n\n::: update Resolved | 2018-04-24T07:24:09.000Z\nBack to normal.\n\n:tada:\n:::\n\n::: update Investigating | 2018-04-24T06:39:09.000Z\nSlow.\n:::\n";
        let mut w = Vec::new();
        let b = extract_updates(Path::new("c.md"), body, 8, Tz::UTC, Kind::Incident, &mut w);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(b.rest, "Summary.");
        let got: Vec<(&str, &str, String)> = b
            .updates
            .iter()
            .map(|u| (u.status.as_str(), u.text.as_str(), u.at.to_rfc3339()))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "resolved",
                    "Back to normal.\n\n🎉",
                    "2018-04-24T07:24:09+00:00".to_string()
                ),
                ("investigating", "Slow.", "2018-04-24T06:39:09+00:00".to_string()),
            ]
        );
    }

    #[test]
    fn malformed_containers_stay_in_the_text_with_a_warning() {
        let body = "::: update Resolved 2018-04-24\nno bar\n:::\n\n::: update Resolved | someday\nbad date\n:::\n\n::: warning Note\nkept\n:::\n\n```\n::: update X | 2018-01-01\n```\n\n::: update Open | 2018-01-01\nnever closed";
        let mut w = Vec::new();
        let b = extract_updates(Path::new("c.md"), body, 3, Tz::UTC, Kind::Incident, &mut w);
        assert!(b.updates.is_empty(), "{:?}", b.updates);
        let got: Vec<(usize, bool)> = w
            .iter()
            .map(|w| (w.line, w.message.contains("left in the text")))
            .collect();
        assert_eq!(got, vec![(3, true), (7, true), (11, true), (19, true)], "{w:?}");
        assert!(w[0].message.contains("expected `::: update Title | date`"));
        assert!(w[1].message.contains("not a date"));
        assert!(w[2].message.contains("unknown container `::: warning`"));
        assert!(w[3].message.contains("never closed"));
        for kept in [
            "no bar",
            "bad date",
            "kept",
            "::: update X | 2018-01-01",
            "never closed",
        ] {
            assert!(b.rest.contains(kept), "{kept} in {}", b.rest);
        }
    }

    #[test]
    fn variables_used_as_values_are_read_as_empty() {
        let mut object =
            "{ a: someVar, 'k': \"x: y\", b: [one, true, 2], // c: z\n d: null, e: env.X }".to_string();
        let found: Vec<String> = blank_variables(&mut object).into_iter().map(|(_, n)| n).collect();
        assert_eq!(found, ["someVar", "one", "env.X"]);
        let v: Value = json5::from_str(&object).unwrap();
        assert_eq!(
            (v["a"].as_str(), v["b"][0].as_str(), v["e"].as_str()),
            (Some(""), Some(""), Some(""))
        );
        assert_eq!(
            (v["k"].as_str(), v["b"][1].as_bool(), v["d"].is_null()),
            (Some("x: y"), Some(true), true)
        );
    }

    #[test]
    fn config_js_object_is_read_with_env_fallbacks() {
        let js = "const x = 1;\nmodule.exports = {\n  title: 'T',\n  analytics: { ga: process.env.GA || \"UA-1\" },\n  baseUrl: process.env.URL,\n};\n";
        let o = js_object(js).unwrap();
        let v: Value = json5::from_str(&o.text).unwrap();
        assert_eq!(v["title"], "T");
        assert_eq!(v["analytics"]["ga"], "UA-1");
        assert_eq!(v["baseUrl"], "");
        assert_eq!((o.first_line, o.first_column), (2, 18));
    }
}
