//! `beacon new incident|maintenance`: a new content file with valid front matter, named by a
//! slug made from its date and title.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::{incident_slugs, write_if_absent, INCIDENTS_DIR};
use crate::config::Config;
use crate::content::incident::parse_incident;
use crate::content::{Kind, Severity, UpdateStatus};
use crate::error::{closest, Error, Result};
use crate::time::format_time;
use crate::time::{self, Bound};

/// What `beacon new incident` writes.
#[derive(Debug, Clone)]
pub struct NewIncident {
    pub title: String,
    pub severity: Severity,
    /// Component ids; each must be in the config.
    pub components: Vec<String>,
    /// When impact began, as the user wrote it (RFC 3339, local time or date); default `now`.
    pub date: Option<String>,
    pub now: DateTime<Utc>,
    /// Written by `beacon probe`: the file says `automated = true`.
    pub automated: bool,
    /// The text of the first (`investigating`) update; default [`DEFAULT_FIRST_UPDATE`].
    pub first_update: Option<String>,
}

/// The text of an incident's first update when none is given.
pub const DEFAULT_FIRST_UPDATE: &str = "We are investigating reports of a problem.";

/// What `beacon new maintenance` writes.
#[derive(Debug, Clone)]
pub struct NewMaintenance {
    pub title: String,
    /// Scheduled start and end, as the user wrote them.
    pub start: String,
    pub end: String,
    pub components: Vec<String>,
    pub now: DateTime<Utc>,
}

/// The file a `new` command wrote.
#[derive(Debug, Clone)]
pub struct Created {
    /// Relative to the site root.
    pub path: PathBuf,
    pub slug: String,
    pub kind: Kind,
}

/// Longest run of title words kept in a slug; the date prefix comes on top.
const MAX_SLUG_WORDS_LEN: usize = 60;

/// Writes a new incident file under `content/incidents/<year>/`.
pub fn new_incident(root: &Path, config: &Config, new: &NewIncident) -> Result<Created> {
    let (front, date) = incident_front(config, new, None)?;
    write_new(
        root,
        config,
        &slug_words(&new.title),
        Kind::Incident,
        date,
        &front,
    )
}

/// Like [`new_incident`], for `beacon ingest`: the file says where it came from (`source`, on
/// the incident and on its first update), and is named `<date>-<name>` (a name made from the
/// source, so the same event always asks for the same file) rather than from the title.
pub fn new_sourced_incident(
    root: &Path,
    config: &Config,
    new: &NewIncident,
    source: &str,
    first_update_source: &str,
    name: &str,
) -> Result<Created> {
    let (front, date) = incident_front(config, new, Some((source, first_update_source)))?;
    write_new(root, config, &slug_words(name), Kind::Incident, date, &front)
}

/// The front matter lines of a new incident, and its date.
fn incident_front(
    config: &Config,
    new: &NewIncident,
    sources: Option<(&str, &str)>,
) -> Result<(Vec<String>, DateTime<Utc>)> {
    let tz = config.timezone;
    check_title(&new.title)?;
    check_components(config, &new.components)?;
    let date = match &new.date {
        Some(text) => {
            time::from_text(text, tz, Bound::Start).map_err(|m| Error::Usage(format!("--date: {m}")))?
        }
        None => new.now,
    };
    // The first update is posted now, unless the incident is dated later (it is not public
    // until then, so neither is its first update).
    let first_update = date.max(new.now);
    let mut front = vec![
        format!("title = {}", toml_string(new.title.trim())),
        format!("date = {}", format_time(tz, date)),
        format!("severity = {}", toml_string(new.severity.as_str())),
        format!("components = {}", toml_list(&new.components)),
    ];
    if new.automated {
        front.push("automated = true".into());
    }
    if let Some((source, _)) = sources {
        front.push(format!("source = {}", toml_string(source)));
    }
    front.push(String::new());
    if sources.is_none() {
        front.extend([
            "# Add updates with `beacon update SLUG --status identified \"...\"`;".into(),
            "# `beacon resolve SLUG` sets `resolved` and posts the last one.".into(),
        ]);
    }
    let text = new.first_update.as_deref().unwrap_or(DEFAULT_FIRST_UPDATE).trim();
    if text.is_empty() {
        return Err(Error::Usage("the update text is empty".into()));
    }
    front.extend(update_lines(tz, first_update, UpdateStatus::Investigating, text));
    if let Some((_, first)) = sources {
        front.push(format!("source = {}", toml_string(first)));
    }
    Ok((front, date))
}

/// Writes a new maintenance file under `content/incidents/<year>/`.
pub fn new_maintenance(root: &Path, config: &Config, new: &NewMaintenance) -> Result<Created> {
    let tz = config.timezone;
    check_title(&new.title)?;
    check_components(config, &new.components)?;
    let start =
        time::from_text(&new.start, tz, Bound::Start).map_err(|m| Error::Usage(format!("--start: {m}")))?;
    let end = time::from_text(&new.end, tz, Bound::End).map_err(|m| Error::Usage(format!("--end: {m}")))?;
    if end <= start {
        return Err(Error::Usage(format!(
            "--end {} must come after --start {}",
            time::as_read(&new.end, end, tz, Bound::End),
            time::as_read(&new.start, start, tz, Bound::Start)
        )));
    }
    // Announced now, or at the start when the window is written down after it began.
    let announced = new.now.min(start);
    let mut front = vec![
        format!("title = {}", toml_string(new.title.trim())),
        "kind = \"maintenance\"".into(),
        format!("date = {}", format_time(tz, start)),
        format!("end = {}", format_time(tz, end)),
        format!("components = {}", toml_list(&new.components)),
        String::new(),
        "# Add updates with `beacon update SLUG --status in_progress \"...\"`.".into(),
    ];
    front.extend(update_lines(
        tz,
        announced,
        UpdateStatus::Scheduled,
        "This maintenance is scheduled.",
    ));
    write_new(
        root,
        config,
        &slug_words(&new.title),
        Kind::Maintenance,
        start,
        &front,
    )
}

/// Reads a severity as written in front matter (`notice`, `degraded`, `partial`, `major`).
pub fn parse_severity(text: &str) -> std::result::Result<Severity, String> {
    Severity::deserialize(toml::Value::String(text.trim().to_string()))
        .map_err(|_| format!("`{text}` is not a severity; expected one of notice, degraded, partial, major"))
}

fn check_title(title: &str) -> Result<()> {
    if title.trim().is_empty() {
        return Err(Error::Usage("the title is empty".into()));
    }
    Ok(())
}

/// Unknown or repeated components are refused before anything is written.
pub(super) fn check_components(config: &Config, components: &[String]) -> Result<()> {
    let mut seen = BTreeSet::new();
    for id in components {
        if config.component(id).is_none() {
            let hint = closest(id, config.components.iter().map(|c| c.id.as_str()))
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            let known: Vec<&str> = config.components.iter().map(|c| c.id.as_str()).collect();
            let known = if known.is_empty() {
                "config.toml lists no components".to_string()
            } else {
                format!("known: {}", known.join(", "))
            };
            return Err(Error::Usage(format!("unknown component `{id}`{hint} ({known})")));
        }
        if !seen.insert(id.as_str()) {
            return Err(Error::Usage(format!("component `{id}` is given twice")));
        }
    }
    Ok(())
}

fn update_lines(tz: chrono_tz::Tz, at: DateTime<Utc>, status: UpdateStatus, text: &str) -> Vec<String> {
    vec![
        "[[updates]]".into(),
        format!("at = {}", format_time(tz, at)),
        format!("status = {}", toml_string(status.as_str())),
        format!("text = {}", toml_string(text)),
    ]
}

/// Picks a free slug and path, checks the file with the same parser as `check`, writes it.
fn write_new(
    root: &Path,
    config: &Config,
    words: &str,
    kind: Kind,
    date: DateTime<Utc>,
    front: &[String],
) -> Result<Created> {
    let local_date = time::local_date(config.timezone, date);
    let fallback = match kind {
        Kind::Incident => "incident",
        Kind::Maintenance => "maintenance",
    };
    let base = format!(
        "{}-{}",
        local_date.format("%Y-%m-%d"),
        if words.is_empty() { fallback } else { words }
    );
    let taken: BTreeSet<String> = incident_slugs(root)?.into_iter().map(|f| f.slug).collect();
    let folder = PathBuf::from(INCIDENTS_DIR).join(local_date.format("%Y").to_string());
    // The first free name; "free" is settled by the write itself, which never replaces a file,
    // so two runs racing for one name end up with two files.
    let candidates = (1..).map(|n| {
        if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        }
    });
    let mut created = None;
    for slug in candidates.filter(|slug| !taken.contains(slug)) {
        let relative = folder.join(format!("{slug}.md"));
        if root.join(&relative).exists() {
            continue;
        }
        let text = format!("+++\n{}\n+++\n", front.join("\n")).replace("SLUG", &slug);
        if let Err(problems) = parse_incident(&relative, &text, config) {
            // Arguments are checked above, so this is a bug; say what, rather than write a bad file.
            let first = problems.first().map(|d| d.to_string()).unwrap_or_default();
            return Err(Error::Usage(format!("the new file would not be valid: {first}")));
        }
        if write_if_absent(root, &root.join(&relative), text.as_bytes())? {
            created = Some((slug, relative));
            break;
        }
    }
    let (slug, relative) = created.expect("an unbounded range of suffixes has a free one");
    Ok(Created {
        path: relative,
        slug,
        kind,
    })
}

fn toml_string(text: &str) -> String {
    super::front_matter_string(text).to_string()
}

fn toml_list(items: &[String]) -> String {
    let list: toml_edit::Array = items.iter().map(String::as_str).collect();
    list.to_string()
}

/// The title as slug words ([`crate::slug::slugify`]), cut at a word boundary to
/// [`MAX_SLUG_WORDS_LEN`].
pub fn slug_words(title: &str) -> String {
    let mut out = crate::slug::slugify(title);
    if out.len() > MAX_SLUG_WORDS_LEN {
        let cut = out[..=MAX_SLUG_WORDS_LEN]
            .rfind('-')
            .unwrap_or(MAX_SLUG_WORDS_LEN);
        out.truncate(cut);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_titles_are_cut_at_a_word_boundary() {
        let slug = slug_words(&"word ".repeat(30));
        assert!(slug.len() <= MAX_SLUG_WORDS_LEN, "{slug}");
        assert!(slug.ends_with("word"), "{slug}");
    }

    #[test]
    fn severities_read_as_in_front_matter() {
        assert_eq!(parse_severity("partial"), Ok(Severity::Partial));
        assert!(parse_severity("bad").is_err());
    }
}
