//! `beacon new incident|maintenance`: a new content file with valid front matter, named by a
//! slug made from its date and title.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::{incident_slugs, write_if_absent, INCIDENTS_DIR};
use crate::config::Config;
use crate::content::emit::{self, Extras};
use crate::content::incident::parse_incident;
use crate::content::{Incident, Kind, Severity, Update, UpdateStatus};
use crate::error::{closest, Error, Result};
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
    let incident = new_incident_model(config, new)?;
    let comments = [
        "Add updates with `beacon update SLUG --status identified \"...\"`;",
        "`beacon resolve SLUG` sets `resolved` and posts the last one.",
    ];
    let extras = Extras {
        before_updates: &comments,
        ..Extras::default()
    };
    write_new(root, config, &slug_words(&new.title), &incident, extras)
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
    let incident = new_incident_model(config, new)?;
    let extras = Extras {
        source: Some(source),
        update_sources: &[Some(first_update_source)],
        ..Extras::default()
    };
    write_new(root, config, &slug_words(name), &incident, extras)
}

/// The new incident, checked: its date, severity, components and first update.
fn new_incident_model(config: &Config, new: &NewIncident) -> Result<Incident> {
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
    let text = new.first_update.as_deref().unwrap_or(DEFAULT_FIRST_UPDATE).trim();
    if text.is_empty() {
        return Err(Error::Usage("the update text is empty".into()));
    }
    let mut incident = Incident::new("", PathBuf::new(), new.title.trim(), Kind::Incident, date);
    incident.severity = new.severity;
    incident.components = new.components.clone();
    incident.automated = new.automated;
    incident.updates.push(Update {
        at: first_update,
        status: UpdateStatus::Investigating,
        text: text.to_string(),
    });
    Ok(incident)
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
    let mut window = Incident::new("", PathBuf::new(), new.title.trim(), Kind::Maintenance, start);
    window.end = Some(end);
    window.components = new.components.clone();
    // Announced now, or at the start when the window is written down after it began.
    window.updates.push(Update {
        at: new.now.min(start),
        status: UpdateStatus::Scheduled,
        text: "This maintenance is scheduled.".into(),
    });
    let extras = Extras {
        before_updates: &["Add updates with `beacon update SLUG --status in_progress \"...\"`."],
        ..Extras::default()
    };
    write_new(root, config, &slug_words(&new.title), &window, extras)
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

/// Picks a free slug and path, checks the file with the same parser as `check`, writes it.
fn write_new(
    root: &Path,
    config: &Config,
    words: &str,
    incident: &Incident,
    extras: Extras<'_>,
) -> Result<Created> {
    let kind = incident.kind;
    let local_date = time::local_date(config.timezone, incident.start);
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
        // The comments name the incident by its slug, known only once the file has a name;
        // only the comments: a title or text that says SLUG is written as it is.
        let comments: Vec<String> = extras
            .before_updates
            .iter()
            .map(|c| c.replace("SLUG", &slug))
            .collect();
        let comments: Vec<&str> = comments.iter().map(String::as_str).collect();
        let extras = Extras {
            before_updates: &comments,
            ..extras
        };
        let text = emit::incident_file(incident, config.timezone, extras);
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
