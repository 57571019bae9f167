//! cState (a Hugo theme): `config.yml` (or `.yaml`, `.toml`, `.json`) with `params.systems` and
//! `params.categories`, and one Markdown file per issue under `content/issues/`, whose timeline
//! is written in the body as `*Label* - text {{< track "DATE" >}}` paragraphs.
//!
//! Dates without an offset are read the way Hugo reads them: in the config's `timeZone`, else UTC.

use std::path::{Path, PathBuf};

use chrono_tz::Tz;
use serde_json::{Map, Value};

use super::front_matter::{self, as_text, as_text_list};
use super::ids::UniqueIds;
use super::timeline::{self, parse_time, settle};
use super::{markdown_files, read_config_file, read_text, Read, Site, Warning};
use crate::config::Component;
use crate::content::{Incident, Kind, Page, Severity};
use crate::error::{Diagnostic, Error, Result};

const CONFIG_NAMES: [&str; 6] = [
    "config.yml",
    "config.yaml",
    "config.toml",
    "config.json",
    "hugo.yml",
    "hugo.toml",
];

/// Top-level Hugo settings cState needs to run that mean nothing to a beacon site.
const HUGO_MACHINERY: [&str; 10] = [
    "theme",
    "preserveTaxonomyNames",
    "taxonomies",
    "outputs",
    "outputFormats",
    "buildFuture",
    "enableGitInfo",
    "defaultContentLanguage",
    "module",
    "enableMissingTranslationPlaceholders",
];

/// cState's placeholder analytics id, which means "no analytics".
const NO_ANALYTICS: &str = "UA-00000000-1";

pub fn read(src: &Path) -> Result<Read> {
    let mut warnings = Vec::new();
    let config = read_config(src)?;
    let (site, systems) = site_from_config(&config, &mut warnings);
    let mut read = Read { site, warnings };
    let mut slugs = UniqueIds::default();
    for file in markdown_files(src, Path::new("content/issues"))? {
        if file.file_name().is_some_and(|n| n == "_index.md") {
            continue;
        }
        let text = read_text(src, &file)?;
        if let Some(entry) = read_issue(&file, &text, &read.site, &systems, &mut slugs, &mut read.warnings) {
            read.site.entries.push(entry);
        }
    }
    for file in markdown_files(src, Path::new("content/pages"))? {
        let text = read_text(src, &file)?;
        if let Some(page) = read_page(&file, &text, &mut slugs, &mut read.warnings) {
            read.site.pages.push(page);
        }
    }
    report_unconverted_files(src, &mut read.warnings)?;
    Ok(read)
}

/// The config file, parsed, with its name and text (for line numbers).
struct ConfigFile {
    name: PathBuf,
    text: String,
    value: Map<String, Value>,
}

impl ConfigFile {
    fn line_of(&self, key: &str) -> usize {
        line_of_key(&self.text, key)
    }
}

/// The first line declaring `key` (`key:`, `key =` or `"key":`), at any depth; else 1.
pub(super) fn line_of_key(text: &str, key: &str) -> usize {
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_start();
        let rest = line
            .strip_prefix(key)
            .or_else(|| line.strip_prefix(&format!("\"{key}\"")))
            .or_else(|| line.strip_prefix(&format!("'{key}'")));
        if let Some(rest) = rest {
            let rest = rest.trim_start();
            if rest.starts_with(':') || rest.starts_with('=') {
                return i + 1;
            }
        }
    }
    1
}

fn read_config(src: &Path) -> Result<ConfigFile> {
    let (name, text) = read_config_file(src, &CONFIG_NAMES, "cState")?;
    // Every parser below recurses once per level: bounded first.
    Diagnostic::check_nesting(&name, &text, 0, &text, crate::nesting::Syntax::Data)
        .map_err(|d| Error::Content(vec![d]))?;
    let parsed: std::result::Result<Value, (usize, String)> = match name.extension().and_then(|e| e.to_str())
    {
        Some("toml") => toml::from_str::<toml::Table>(&text)
            .map(|t| front_matter::toml_to_json(toml::Value::Table(t)))
            .map_err(|e| {
                let line = e.span().map_or(1, |s| text[..s.start].matches('\n').count() + 1);
                (line, e.message().to_string())
            }),
        Some("json") => serde_json::from_str(&text).map_err(|e| (e.line(), e.to_string())),
        _ => serde_norway::from_str(&text).map_err(|e| (e.location().map_or(1, |l| l.line()), e.to_string())),
    };
    match parsed {
        Ok(Value::Object(value)) => Ok(ConfigFile { name, text, value }),
        Ok(_) => Err(Error::Content(vec![Diagnostic::file(
            &name,
            "expected a table of settings",
        )])),
        Err((line, message)) => {
            let start = nth_line_offset(&text, line);
            Err(Error::Content(vec![Diagnostic::at(
                &name,
                &text,
                start..start,
                message,
            )]))
        }
    }
}

fn nth_line_offset(text: &str, line: usize) -> usize {
    text.split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum()
}

/// A system as the issues name it, with the id it got.
pub(super) struct System {
    name: String,
    id: String,
}

fn site_from_config(config: &ConfigFile, warnings: &mut Vec<Warning>) -> (Site, Vec<System>) {
    let get = |key: &str| config.value.get(key).and_then(as_text);
    let params = config
        .value
        .get("params")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let mut warn = |key: &str, message: String| {
        warnings.push(Warning::new(&config.name, config.line_of(key), message));
    };

    let timezone = match get("timeZone") {
        Some(name) => name.parse::<Tz>().unwrap_or_else(|_| {
            warn(
                "timeZone",
                format!("`timeZone` `{name}` is not an IANA time zone; imported as UTC"),
            );
            Tz::UTC
        }),
        None => Tz::UTC,
    };
    let base_url = super::base_url(
        "baseURL",
        get("baseURL")
            .or_else(|| get("baseurl"))
            .or_else(|| get("baseUrl")),
        &mut warn,
    );

    for key in config.value.keys() {
        let known = matches!(
            key.as_str(),
            "title" | "baseURL" | "baseurl" | "baseUrl" | "languageCode" | "timeZone" | "params"
        ) || HUGO_MACHINERY.contains(&key.as_str());
        if key == "languages" {
            warn(
                key,
                "`languages`: the importer reads only the default language (add translations as slug.<code>.md, see docs/i18n.md)".into(),
            );
        } else if key == "googleAnalytics" {
            warn(
                key,
                "`googleAnalytics`: analytics settings are not imported (beacon pages load no trackers)"
                    .into(),
            );
        } else if !known {
            warn(key, format!("`{key}` has no equivalent in beacon; not imported"));
        }
    }
    for (key, value) in &params {
        match key.as_str() {
            "systems" | "categories" | "description" => {}
            "googleAnalytics" => {
                if as_text(value).is_some_and(|v| v != NO_ANALYTICS) {
                    warn(key, "`params.googleAnalytics`: analytics settings are not imported (beacon pages load no trackers)".into());
                }
            }
            "enableCustomHTML" if value == &Value::Bool(true) => warn(
                key,
                "`params.enableCustomHTML`: custom HTML partials are not imported; beacon overrides single templates under templates/ (docs/theme.md)".into(),
            ),
            _ => warn(key, format!("`params.{key}` has no equivalent in beacon; not imported")),
        }
    }

    // Categories: the order of the page. An `untitled` category shows its systems without a
    // heading, which is what an ungrouped beacon component is.
    let mut groups: Vec<(String, Option<String>)> = Vec::new();
    for category in params
        .get("categories")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let Some(name) = category.get("name").and_then(as_text) else {
            continue;
        };
        let untitled = category.get("untitled") == Some(&Value::Bool(true));
        if category
            .get("description")
            .and_then(as_text)
            .is_some_and(|d| !d.is_empty())
        {
            warn(
                "categories",
                format!("category `{name}`: beacon groups have no description; not imported"),
            );
        }
        groups.push((name.clone(), (!untitled).then_some(name)));
    }
    let mut ids = UniqueIds::default();
    let mut systems = Vec::new();
    let mut components: Vec<(usize, Component)> = Vec::new();
    for (n, system) in params
        .get("systems")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        let Some(name) = system.get("name").and_then(as_text) else {
            warn("systems", format!("system {} has no `name`; not imported", n + 1));
            continue;
        };
        let category = system.get("category").and_then(as_text);
        let (order, group) = match &category {
            Some(c) => match groups.iter().position(|(g, _)| g == c) {
                Some(i) => (i, groups[i].1.clone()),
                None => {
                    // cState shows only systems of a listed category; beacon keeps it, last.
                    warn("systems", format!("system `{name}`: category `{c}` is not in `params.categories`; imported ungrouped"));
                    (usize::MAX, None)
                }
            },
            None => (usize::MAX, None),
        };
        if system.get("link").is_some() {
            warn(
                "link",
                format!("system `{name}`: `link` has no equivalent in beacon; not imported"),
            );
        }
        let id = ids.claim(&name, &format!("system {}", n + 1));
        systems.push(System {
            name: name.clone(),
            id: id.clone(),
        });
        components.push((
            order,
            Component {
                id,
                name,
                group,
                description: system.get("description").and_then(as_text).unwrap_or_default(),
                since: None,
            },
        ));
    }
    // cState lists systems category by category, in the order of `categories`.
    components.sort_by_key(|(order, _)| *order);

    let site = Site {
        title: get("title").unwrap_or_else(|| "Status".into()),
        base_url,
        description: params.get("description").and_then(as_text).unwrap_or_default(),
        language: get("languageCode").unwrap_or_else(|| "en".into()),
        timezone,
        components: components.into_iter().map(|(_, c)| c).collect(),
        entries: Vec::new(),
        pages: Vec::new(),
    };
    (site, systems)
}

/// Front-matter keys of an issue that the import reads.
const ISSUE_KEYS: [&str; 11] = [
    "title",
    "date",
    "resolved",
    "resolvedWhen",
    "severity",
    "affected",
    "section",
    "informational",
    "pin",
    "draft",
    "slug",
];

fn read_issue(
    file: &Path,
    text: &str,
    site: &Site,
    systems: &[System],
    slugs: &mut UniqueIds,
    warnings: &mut Vec<Warning>,
) -> Option<Incident> {
    let parsed = front_matter::parse_or_warn(file, text, warnings)?;
    let f = &parsed.fields;
    let mut warn =
        |key: &str, message: String| warnings.push(Warning::new(file, parsed.line_of(key), message));
    let tz = site.timezone;
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();

    for key in f.keys() {
        if !ISSUE_KEYS.contains(&key.as_str()) {
            warn(key, format!("`{key}` has no equivalent in beacon; not imported"));
        }
    }
    let date = match f.get("date").and_then(as_text).map(|d| parse_time(&d, tz)) {
        Some(Ok(d)) => d,
        Some(Err(e)) => {
            warn("date", format!("`date`: {e}; file not imported"));
            return None;
        }
        None => {
            warn("title", "`date` is missing; file not imported".into());
            return None;
        }
    };
    let title = match f.get("title").and_then(as_text).filter(|t| !t.trim().is_empty()) {
        Some(t) => t.trim().to_string(),
        None => {
            warn("title", "`title` is missing; the file name is used".into());
            stem.clone()
        }
    };
    if let Some(section) = f.get("section").and_then(as_text) {
        if section != "issue" {
            warn("section", format!("`section: {section}`: cState lists only `section: issue`; imported as an incident all the same"));
        }
    } else {
        warn(
            "title",
            "no `section: issue`: cState 5+ does not list this file; imported as an incident all the same"
                .into(),
        );
    }
    let flag = |key: &str| f.get(key).and_then(Value::as_bool);
    let informational = flag("informational") == Some(true);
    let pin = flag("pin");
    let severity_text = f.get("severity").and_then(as_text);
    let resolved_when = match f
        .get("resolvedWhen")
        .and_then(as_text)
        .filter(|s| !s.trim().is_empty())
    {
        Some(text) => match parse_time(&text, tz) {
            Ok(t) => Some(t),
            Err(e) => {
                warn("resolvedWhen", format!("`resolvedWhen`: {e}; not imported"));
                None
            }
        },
        None => None,
    };

    let body = extract_timeline(file, parsed.body, parsed.body_line, tz, warnings);
    let mut warn =
        |key: &str, message: String| warnings.push(Warning::new(file, parsed.line_of(key), message));

    let maintenance = severity_text.as_deref() == Some("notice")
        && resolved_when.is_some()
        && !informational
        && (title.to_lowercase().contains("maintenance") || stem.to_lowercase().contains("maintenance"));
    let kind = if maintenance {
        Kind::Maintenance
    } else {
        Kind::Incident
    };

    // A maintenance window has no severity: the model holds `Notice` for it.
    let severity = if maintenance || informational {
        Severity::Notice
    } else {
        match severity_text.as_deref() {
            Some("down") => Severity::Major,
            Some("disrupted") => Severity::Partial,
            Some("notice") => Severity::Notice,
            Some(other) => {
                warn(
                    "severity",
                    format!(
                        "`severity: {other}` is not one of down, disrupted, notice; imported as a notice"
                    ),
                );
                Severity::Notice
            }
            None => {
                warn("title", "`severity` is missing; imported as a notice".into());
                Severity::Notice
            }
        }
    };

    let last_update = body.updates.iter().map(|u| u.at).max();
    let end = if maintenance {
        resolved_when
    } else if informational {
        // An informational post is a note, not an outage: it ends as it starts.
        Some(date)
    } else {
        match flag("resolved") {
            Some(false) => {
                if resolved_when.is_some() {
                    warn("resolvedWhen", "`resolvedWhen` is set but `resolved` is false; imported as ongoing, as cState shows it".into());
                }
                None
            }
            // cState lists as active only issues with `resolved: false`.
            _ => Some(resolved_when.unwrap_or_else(|| {
                warn("resolved", "resolved without `resolvedWhen`; the resolution time is taken from the last update (else the start)".into());
                last_update.unwrap_or(date).max(date)
            })),
        }
    };
    if pin == Some(false) && !informational && end.is_none() {
        warn("pin", "`pin: false` hides this ongoing issue from cState's front page; beacon always shows ongoing incidents".into());
    }

    let mut components = Vec::new();
    for name in f.get("affected").and_then(as_text_list).unwrap_or_default() {
        let found = systems
            .iter()
            .find(|s| s.name == name)
            .or_else(|| systems.iter().find(|s| s.name.eq_ignore_ascii_case(&name)));
        match found {
            Some(s) if !components.contains(&s.id) => components.push(s.id.clone()),
            Some(_) => {}
            None => warn(
                "affected",
                format!("affected system `{name}` is not in `params.systems`; left out"),
            ),
        }
    }

    let slug_source = f.get("slug").and_then(as_text).unwrap_or(stem.clone());
    let slug = slugs.claim(&slug_source, "issue");
    // `source` is set to the file it will be written as once the site is read (see `super::read`).
    let mut entry = Incident::new(&slug, PathBuf::new(), &title, kind, date);
    entry.end = end;
    entry.severity = severity;
    entry.components = components;
    entry.pinned = pin == Some(true);
    entry.draft = flag("draft") == Some(true);
    // cState writes the newest entry first; reversed, updates stamped alike keep their order.
    entry.updates = body
        .updates
        .into_iter()
        .rev()
        .map(|u| timeline::update(u.at, &u.label, &u.text, kind))
        .collect();
    entry.body = body.rest;
    settle(&mut entry, file, parsed.line_of("date"), warnings);
    Some(entry)
}

/// A free page under `content/pages/`: title, description, weight and draft carry over.
fn read_page(file: &Path, text: &str, slugs: &mut UniqueIds, warnings: &mut Vec<Warning>) -> Option<Page> {
    let parsed = front_matter::parse_or_warn(file, text, warnings)?;
    let f = &parsed.fields;
    for key in f.keys() {
        if !matches!(
            key.as_str(),
            "title" | "description" | "weight" | "draft" | "slug"
        ) {
            warnings.push(Warning::new(
                file,
                parsed.line_of(key),
                format!("`{key}` has no equivalent in beacon; not imported"),
            ));
        }
    }
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let title = f
        .get("title")
        .and_then(as_text)
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| {
            warnings.push(Warning::new(file, 1, "`title` is missing; the file name is used"));
            stem.clone()
        });
    // Shortcodes render as text in beacon: each one is reported.
    let line_at = |offset: usize| parsed.body_line + parsed.body[..offset].matches('\n').count();
    match shortcodes(parsed.body) {
        Ok(codes) => {
            for code in codes {
                warnings.push(Warning::new(
                    file,
                    line_at(code.range.start),
                    format!(
                        "shortcode `{}` is not converted; left in the text as written",
                        code.name
                    ),
                ));
            }
        }
        Err(offset) => warnings.push(Warning::new(
            file,
            line_at(offset),
            "a shortcode opened here is never closed; left in the text as written",
        )),
    }
    let slug_source = f.get("slug").and_then(as_text).unwrap_or(stem);
    Some(Page {
        slug: slugs.claim(&slug_source, "page"),
        title: title.trim().to_string(),
        description: f.get("description").and_then(as_text).unwrap_or_default(),
        weight: f.get("weight").and_then(Value::as_i64).unwrap_or(0),
        draft: f.get("draft") == Some(&Value::Bool(true)),
        body: parsed.body.trim().to_string(),
        // Set to the file it will be written as once the site is read (see `super::read`).
        source: PathBuf::new(),
        translations: Default::default(),
    })
}

/// An update as the body writes it.
#[derive(Debug, PartialEq)]
pub(super) struct TrackedUpdate {
    pub at: chrono::DateTime<chrono::Utc>,
    pub label: String,
    pub text: String,
}

/// The body split into its timeline and the rest of the text.
#[derive(Debug, PartialEq)]
pub(super) struct Body {
    pub updates: Vec<TrackedUpdate>,
    pub rest: String,
}

/// A paragraph of the body with the file line it starts on.
struct Block {
    line: usize,
    text: String,
    fenced: bool,
}

/// Splits the body into paragraphs (fenced code kept whole), so a timeline entry spanning
/// lines (`*Resolved* -` then the text, then the shortcode) stays one.
fn blocks(body: &str, first_line: usize) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut current: Option<Block> = None;
    let mut fence: Option<&str> = None;
    for (i, line) in body.lines().enumerate() {
        let trimmed = line.trim_start();
        if let Some(f) = fence {
            let block = current.as_mut().expect("a fence is always inside a block");
            block.text.push('\n');
            block.text.push_str(line);
            if trimmed.starts_with(f) {
                fence = None;
                blocks.extend(current.take());
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            blocks.extend(current.take());
            fence = Some(if trimmed.starts_with("```") { "```" } else { "~~~" });
            current = Some(Block {
                line: first_line + i,
                text: line.to_string(),
                fenced: true,
            });
            continue;
        }
        if line.trim().is_empty() {
            blocks.extend(current.take());
            continue;
        }
        match &mut current {
            Some(block) => {
                block.text.push('\n');
                block.text.push_str(line);
            }
            None => {
                current = Some(Block {
                    line: first_line + i,
                    text: line.to_string(),
                    fenced: false,
                })
            }
        }
    }
    blocks.extend(current);
    blocks
}

/// A Hugo shortcode found in a text: `{{< name args >}}` or `{{% name args %}}`.
#[derive(Debug, PartialEq)]
pub(super) struct Shortcode {
    pub range: std::ops::Range<usize>,
    pub name: String,
    pub args: String,
}

/// Every shortcode in `text`, or the offset of one that is never closed.
pub(super) fn shortcodes(text: &str) -> std::result::Result<Vec<Shortcode>, usize> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("{{").map(|i| from + i) {
        let after = &text[i + 2..];
        let delim = match after.chars().next() {
            Some('<') => ">}}",
            Some('%') => "%}}",
            _ => {
                from = i + 2;
                continue;
            }
        };
        let Some(close) = after[1..].find(delim) else {
            return Err(i);
        };
        let inner = after[1..1 + close].trim();
        // `{{</* x */>}}` is Hugo's way to write a shortcode literally.
        let inner = inner
            .strip_prefix("/*")
            .and_then(|s| s.strip_suffix("*/"))
            .unwrap_or(inner)
            .trim();
        let (name, args) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
        let end = i + 2 + 1 + close + delim.len();
        found.push(Shortcode {
            range: i..end,
            name: name.to_string(),
            args: args.trim().to_string(),
        });
        from = end;
    }
    Ok(found)
}

/// The one argument of `track`: a quoted date (`"…"`, `'…'` or a backquoted raw string).
fn track_argument(args: &str) -> Option<&str> {
    let args = args.trim();
    for q in ['"', '\'', '`'] {
        if let Some(inner) = args.strip_prefix(q).and_then(|s| s.strip_suffix(q)) {
            return Some(inner);
        }
    }
    None
}

/// A leading `*Label*`, `**Label**` or `_Label_`, and the text after it and an optional dash.
fn split_label(text: &str) -> (String, String) {
    let text = text.trim();
    for mark in ["***", "**", "*", "__", "_"] {
        if let Some(rest) = text.strip_prefix(mark) {
            if let Some(end) = rest.find(mark) {
                let label = &rest[..end];
                if !label.is_empty() && label.len() <= 40 && !label.contains('\n') {
                    let after = rest[end + mark.len()..].trim_start();
                    let after = after
                        .strip_prefix('-')
                        .or_else(|| after.strip_prefix('–'))
                        .or_else(|| after.strip_prefix('—'))
                        .or_else(|| after.strip_prefix(':'))
                        .unwrap_or(after);
                    return (
                        label.trim().trim_end_matches(':').to_string(),
                        after.trim().to_string(),
                    );
                }
            }
        }
    }
    (String::new(), text.to_string())
}

/// Takes the `track`-stamped paragraphs out of the body as updates; warns about every other
/// shortcode and about malformed ones, which stay in the text as written.
pub(super) fn extract_timeline(
    file: &Path,
    body: &str,
    first_line: usize,
    tz: Tz,
    warnings: &mut Vec<Warning>,
) -> Body {
    let mut updates = Vec::new();
    let mut rest: Vec<String> = Vec::new();
    for block in blocks(body, first_line) {
        if block.fenced {
            rest.push(block.text);
            continue;
        }
        let line_at = |offset: usize| block.line + block.text[..offset].matches('\n').count();
        let codes = match shortcodes(&block.text) {
            Ok(codes) => codes,
            Err(offset) => {
                warnings.push(Warning::new(
                    file,
                    line_at(offset),
                    "a shortcode opened here is never closed; left in the text as written",
                ));
                rest.push(block.text);
                continue;
            }
        };
        let mut stamp = None;
        let mut tracks = 0;
        for code in &codes {
            let line = line_at(code.range.start);
            if code.name != "track" {
                warnings.push(Warning::new(
                    file,
                    line,
                    format!("unknown shortcode `{}`; left in the text as written", code.name),
                ));
                continue;
            }
            tracks += 1;
            match track_argument(&code.args).map(|d| parse_time(d, tz)) {
                Some(Ok(at)) => stamp = stamp.or(Some((at, code.range.clone()))),
                Some(Err(e)) => warnings.push(Warning::new(
                    file,
                    line,
                    format!("`track` shortcode: {e}; left in the text as written"),
                )),
                None => warnings.push(Warning::new(
                    file,
                    line,
                    format!(
                        "`track` shortcode needs one quoted date, found `{}`; left in the text as written",
                        code.args
                    ),
                )),
            }
        }
        match stamp {
            Some((at, range)) => {
                if tracks > 1 {
                    warnings.push(Warning::new(
                        file,
                        block.line,
                        "a paragraph with more than one `track` shortcode: the first gives the update time",
                    ));
                }
                let mut text = block.text.clone();
                text.replace_range(range, "");
                let (label, text) = split_label(&text);
                updates.push(TrackedUpdate { at, label, text });
            }
            None => rest.push(block.text),
        }
    }
    // The `---` lines cState sites put between timeline entries, now with nothing between them.
    let mut kept: Vec<String> = Vec::new();
    for block in rest {
        let rule = is_rule(&block);
        if rule && kept.last().is_none_or(|b| is_rule(b)) {
            continue;
        }
        kept.push(block);
    }
    while kept.last().is_some_and(|b| is_rule(b)) {
        kept.pop();
    }
    Body {
        updates,
        rest: kept.join("\n\n"),
    }
}

fn is_rule(block: &str) -> bool {
    let t = block.trim();
    t.len() >= 3
        && (t.chars().all(|c| c == '-') || t.chars().all(|c| c == '*') || t.chars().all(|c| c == '_'))
}

/// Files of the site that have no place in a beacon site: custom layouts, system pages and
/// static files. Each gets one warning.
fn report_unconverted_files(src: &Path, warnings: &mut Vec<Warning>) -> Result<()> {
    for (dir, why) in [
        (
            "layouts",
            "custom layout not imported; beacon themes are Tera templates (docs/theme.md)",
        ),
        (
            "content/affected",
            "system page not imported; beacon components carry a one-line `description`",
        ),
    ] {
        let root = src.join(dir);
        if !root.is_dir() {
            continue;
        }
        for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
            let entry = entry.map_err(|e| Error::io(&root, e.into()))?;
            if entry.file_type().is_file() && entry.file_name() != ".gitkeep" {
                let relative = entry.path().strip_prefix(src).unwrap_or(entry.path());
                warnings.push(Warning::new(relative, 1, why));
            }
        }
    }
    if src.join("static").is_dir() {
        warnings.push(Warning::new(
            "static",
            1,
            "static files are not copied; copy what the pages need into the new site's static/",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> chrono::DateTime<chrono::Utc> {
        chrono::DateTime::parse_from_rfc3339(s)
            .unwrap()
            .with_timezone(&chrono::Utc)
    }

    #[test]
    fn track_paragraphs_become_updates_and_the_rest_stays() {
        let body = "Intro text.\n\n---\n\n*Resolved* -\nAll good now. {{< track \"2018-05-25 05:54:00\" >}}\n\n*Monitoring* - Watching. {{% track '2018-05-25 04:40:00' %}}\n\n---\n\n*Update* - No time here.\n";
        let mut w = Vec::new();
        let b = extract_timeline(Path::new("x.md"), body, 10, Tz::UTC, &mut w);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(
            b.updates,
            vec![
                TrackedUpdate {
                    at: utc("2018-05-25T05:54:00Z"),
                    label: "Resolved".into(),
                    text: "All good now.".into()
                },
                TrackedUpdate {
                    at: utc("2018-05-25T04:40:00Z"),
                    label: "Monitoring".into(),
                    text: "Watching.".into()
                },
            ]
        );
        assert_eq!(b.rest, "Intro text.\n\n---\n\n*Update* - No time here.");
    }

    #[test]
    fn malformed_and_unknown_shortcodes_are_warned_with_their_line() {
        let body = "Para one.\n\nSee {{< figure src=\"a.png\" >}} here.\n\n*Update* - x {{< track \"not a date\" >}}\n\n*Update* - y {{< track 2018-01-01 >}}\n\nBroken {{< track \"2018-01-01\"\n\n```\n{{< track \"2018-01-01\" >}}\n```";
        let mut w = Vec::new();
        let b = extract_timeline(Path::new("x.md"), body, 5, Tz::UTC, &mut w);
        assert!(b.updates.is_empty());
        let lines: Vec<(usize, &str)> = w.iter().map(|w| (w.line, w.message.as_str())).collect();
        assert_eq!(lines.len(), 4, "{lines:?}");
        assert_eq!(lines[0].0, 7);
        assert!(lines[0].1.contains("unknown shortcode `figure`"));
        assert_eq!(lines[1].0, 9);
        assert!(lines[1].1.contains("not a date"));
        assert_eq!(lines[2].0, 11);
        assert!(lines[2].1.contains("needs one quoted date"));
        assert_eq!(lines[3].0, 13);
        assert!(lines[3].1.contains("never closed"));
        assert!(
            b.rest.contains("```\n{{< track \"2018-01-01\" >}}\n```"),
            "code stays: {}",
            b.rest
        );
    }

    #[test]
    fn labels_are_read_in_each_emphasis_style() {
        assert_eq!(
            split_label("*Investigating* - We look."),
            ("Investigating".into(), "We look.".into())
        );
        assert_eq!(
            split_label("**Post-mortem**: Cause."),
            ("Post-mortem".into(), "Cause.".into())
        );
        assert_eq!(split_label("_Fixed_ — Done."), ("Fixed".into(), "Done.".into()));
        assert_eq!(split_label("Plain text."), (String::new(), "Plain text.".into()));
    }

    #[test]
    fn config_keys_are_found_at_any_depth() {
        let text = "title: x\nparams:\n  googleAnalytics: UA-1\n";
        assert_eq!(line_of_key(text, "googleAnalytics"), 3);
        assert_eq!(line_of_key(text, "missing"), 1);
    }
}
