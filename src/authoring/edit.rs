//! `beacon update` and `beacon resolve`: append a timeline update (and set `resolved`) with
//! toml_edit, so everything else in the file stays byte for byte as the author wrote it.

use std::fs;
use std::path::{Path, PathBuf};

use crate::content::emit::{string_value, update_table};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Deserialize;
use toml_edit::{ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

use super::{find_by_slug, lock_current, relative, write_atomically, TextFile};
use crate::config::Config;
use crate::content::front_matter::split_front_matter;
use crate::content::incident::parse_incident;
use crate::content::{Incident, Kind, UpdateStatus};
use crate::error::{closest, Diagnostic, Error, Result};
use crate::time::format_time;

/// What `beacon update` appends.
#[derive(Debug, Clone)]
pub struct UpdateOptions {
    pub slug: String,
    pub status: UpdateStatus,
    pub text: String,
    /// The update's time.
    pub now: DateTime<Utc>,
}

/// What `beacon resolve` does.
#[derive(Debug, Clone)]
pub struct ResolveOptions {
    pub slug: String,
    /// The text of the `resolved` update; default [`DEFAULT_RESOLVED_TEXT`].
    pub text: Option<String>,
    /// The `resolved` time and the update's time.
    pub now: DateTime<Utc>,
}

/// The text of the update `beacon resolve` posts when none is given.
pub const DEFAULT_RESOLVED_TEXT: &str = "This incident has been resolved.";

/// The file an edit changed.
#[derive(Debug, Clone)]
pub struct Edited {
    /// Relative to the site root.
    pub path: PathBuf,
    pub title: String,
    /// The update's time as written into the file.
    pub at: String,
    /// On a multilingual site, the translation of the file into each other language (relative
    /// to the site root, whether it exists yet or not), where the new update's text goes next.
    pub translations: Vec<PathBuf>,
}

/// Reads a timeline status for `beacon update` (`identified`, `in_progress`, ...). The message
/// lists only what `update` accepts: `resolved` is posted by `beacon resolve`, which also sets
/// the incident's `resolved` time.
pub fn parse_update_status(text: &str) -> std::result::Result<UpdateStatus, String> {
    UpdateStatus::deserialize(toml::Value::String(text.trim().to_string())).map_err(|_| {
        let names = |kind| {
            postable(kind)
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let all: Vec<UpdateStatus> = [postable(Kind::Incident), postable(Kind::Maintenance)].concat();
        let hint = closest(text.trim(), all.iter().map(|s| s.as_str()))
            .map(|s| format!("did you mean `{s}`? "))
            .unwrap_or_default();
        format!(
            "`{text}` is not an update status; {hint}expected one of {} (incidents; \
             to resolve one, use `beacon resolve`) or {} (maintenance)",
            names(Kind::Incident),
            names(Kind::Maintenance)
        )
    })
}

/// The statuses `beacon update` posts for `kind`: all its statuses but `resolved`, which is
/// `beacon resolve`'s.
fn postable(kind: Kind) -> Vec<UpdateStatus> {
    UpdateStatus::allowed_for(kind)
        .iter()
        .copied()
        .filter(|s| !(kind == Kind::Incident && *s == UpdateStatus::Resolved))
        .collect()
}

/// Appends an update to the incident or maintenance window published as `options.slug`.
pub fn update_incident(root: &Path, config: &Config, options: &UpdateOptions) -> Result<Edited> {
    edit(
        root,
        config,
        &options.slug,
        options.now,
        |incident, doc, at, _| {
            let allowed = postable(incident.kind);
            if options.status == UpdateStatus::Resolved && incident.kind == Kind::Incident {
                return Err(Error::Usage(format!(
                    "to resolve an incident use `beacon resolve {}`, which also sets `resolved`",
                    options.slug
                )));
            }
            if !allowed.contains(&options.status) {
                let names: Vec<&str> = allowed.iter().map(|s| s.as_str()).collect();
                return Err(Error::Usage(format!(
                    "status `{}` is not for {}; expected one of {}",
                    options.status.as_str(),
                    kind_words(incident.kind),
                    names.join(", ")
                )));
            }
            if options.text.trim().is_empty() {
                return Err(Error::Usage("the update text is empty".into()));
            }
            append_update(doc, at, options.status, options.text.trim())
        },
    )
}

/// Sets `resolved` on the incident published as `options.slug` and appends a `resolved` update.
pub fn resolve_incident(root: &Path, config: &Config, options: &ResolveOptions) -> Result<Edited> {
    edit(
        root,
        config,
        &options.slug,
        options.now,
        |incident, doc, at, tz| {
            if incident.kind == Kind::Maintenance {
                return Err(Error::Usage(format!(
                "`{}` is a maintenance window: it ends at its `end`; post `beacon update {} --status completed \"...\"`",
                options.slug, options.slug
            )));
            }
            if let Some(resolved) = incident.end {
                return Err(Error::Usage(format!(
                    "`{}` is already resolved (at {}); add to its timeline with `beacon update`",
                    options.slug,
                    format_time(tz, resolved)
                )));
            }
            if options.now < incident.start {
                return Err(Error::Usage(format!(
                    "now ({}) is before the incident began ({}); pass --now to resolve it at a later time",
                    format_time(tz, options.now),
                    format_time(tz, incident.start)
                )));
            }
            let text = options.text.as_deref().unwrap_or(DEFAULT_RESOLVED_TEXT).trim();
            if text.is_empty() {
                return Err(Error::Usage("the update text is empty".into()));
            }
            set_after(
                doc.as_table_mut(),
                "resolved",
                Item::Value(Value::from(at)),
                "date",
            );
            append_update(doc, at, UpdateStatus::Resolved, text)
        },
    )
}

/// Loads, validates, edits, re-validates and writes one incident file. `change` receives the
/// parsed incident (to check the request against), the front matter as a document, the time
/// to stamp (already in front-matter form) and the site's time zone.
fn edit(
    root: &Path,
    config: &Config,
    slug: &str,
    now: DateTime<Utc>,
    change: impl FnOnce(&Incident, &mut DocumentMut, toml_edit::Datetime, Tz) -> Result<()>,
) -> Result<Edited> {
    let path = find_by_slug(root, slug)?;
    edit_path(root, config, &path, now, change).map(|(edited, _)| edited)
}

/// [`edit`] of the file at `path` (under `root`); also says whether the file changed (an edit
/// that leaves the text as it was writes nothing).
pub(super) fn edit_path(
    root: &Path,
    config: &Config,
    path: &Path,
    now: DateTime<Utc>,
    change: impl FnOnce(&Incident, &mut DocumentMut, toml_edit::Datetime, Tz) -> Result<()>,
) -> Result<(Edited, bool)> {
    let path = path.to_path_buf();
    let shown = relative(root, &path).to_path_buf();
    // Held until the edit is written: concurrent edits of one file queue here, and each reads
    // the file only once it holds the lock, so no accepted update is ever lost.
    let _lock = lock_current(&path)?;
    let bytes = fs::read(&path).map_err(|e| Error::io(&path, e))?;
    let raw = String::from_utf8(bytes).map_err(|e| {
        let valid = String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]).into_owned();
        let at = valid.len();
        let mut d = Diagnostic::at(&shown, &valid, at..at, "");
        d.message = format!("byte {at} is not valid UTF-8; save the file as UTF-8");
        Error::Content(vec![d])
    })?;
    let unmarked = raw.strip_prefix('\u{feff}').unwrap_or(&raw);
    // The same parser and the same diagnostics as `beacon check`.
    let incident = parse_incident(&shown, unmarked, config).map_err(Error::Content)?;

    let file = TextFile::from_text(&raw);
    let split = split_front_matter(&file.text)
        .map_err(|e| Error::Usage(format!("{}: {}", shown.display(), e.message)))?;
    let mut doc: DocumentMut = split
        .front_matter
        .parse()
        .map_err(|e| Error::Usage(format!("{}: {e}", shown.display())))?;
    let at_text = format_time(config.timezone, now);
    let at: toml_edit::Datetime = at_text.parse().expect("format_time writes an RFC 3339 datetime");
    change(&incident, &mut doc, at, config.timezone)?;

    let start = split.front_matter_offset;
    let end = start + split.front_matter.len();
    let edited = format!("{}{}{}", &file.text[..start], doc, &file.text[end..]);
    let out = file.restore(&edited);
    // Never write a file `check` would refuse, whatever the edit did.
    if let Err(problems) = parse_incident(&shown, out.strip_prefix('\u{feff}').unwrap_or(&out), config) {
        let all = problems
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join("\n\n");
        return Err(Error::Usage(format!(
            "left {} unchanged: the edit would make it invalid:\n{all}",
            shown.display()
        )));
    }
    let changed = out != raw;
    if changed {
        write_atomically(root, &path, out.as_bytes())?;
    }
    let translations = config
        .languages
        .iter()
        .skip(1)
        .map(|code| {
            let stem = shown.file_stem().unwrap_or_default().to_string_lossy();
            shown.with_file_name(format!("{stem}.{code}.md"))
        })
        .collect();
    Ok((
        Edited {
            path: shown,
            title: incident.title,
            at: at_text,
            translations,
        },
        changed,
    ))
}

/// Appends `{at, status, text}` to `updates`, in whatever form the file keeps them: an array
/// of tables (the usual `[[updates]]`), an inline array, or none yet.
fn append_update(
    doc: &mut DocumentMut,
    at: toml_edit::Datetime,
    status: UpdateStatus,
    text: &str,
) -> Result<()> {
    let root = doc.as_table_mut();
    match root.get_mut("updates") {
        None => {
            let mut list = ArrayOfTables::new();
            list.push(update_table(at, status, text));
            root.insert("updates", Item::ArrayOfTables(list));
        }
        Some(Item::ArrayOfTables(list)) => list.push(update_table(at, status, text)),
        Some(Item::Value(Value::Array(list))) => {
            let mut update = InlineTable::new();
            update.insert("at", Value::from(at));
            update.insert("status", Value::from(status.as_str()));
            update.insert("text", string_value(text));
            list.push(update);
        }
        Some(_) => {
            return Err(Error::Usage(
                "`updates` is neither `[[updates]]` tables nor a list; run `beacon check`".into(),
            ))
        }
    }
    Ok(())
}

/// Sets `key` to `item`; a new key goes right after `anchor` (where a reader looks for it)
/// rather than at the end. Keys keep their comments when moved: those live in the key's decor.
pub(super) fn set_after(table: &mut Table, key: &str, item: Item, anchor: &str) {
    if table.contains_key(key) {
        table.insert(key, item);
        return;
    }
    let keys: Vec<String> = table.iter().map(|(k, _)| k.to_string()).collect();
    table.insert(key, item);
    let Some(i) = keys.iter().position(|k| k == anchor) else {
        return;
    };
    for later in &keys[i + 1..] {
        // Only plain values: sub-tables print by their own position in the document.
        if table.get(later).is_some_and(Item::is_value) {
            if let Some((k, v)) = table.remove_entry(later) {
                table.insert_formatted(&k, v);
            }
        }
    }
}

fn kind_words(kind: Kind) -> &'static str {
    match kind {
        Kind::Incident => "incidents",
        Kind::Maintenance => "maintenance",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> toml_edit::Datetime {
        text.parse().unwrap()
    }

    const FRONT: &str = "title = \"T\"\n# when it began\ndate = 2022-01-27T07:40:00-05:00 # local\nseverity = \"major\" # bad\ncomponents = [\"email\"]\n\n[[updates]]\n# first\nat = 2022-01-27T08:00:00-05:00\nstatus = \"investigating\"\ntext = \"Looking.\"\n";

    #[test]
    fn resolved_goes_after_date_and_comments_stay() {
        let mut doc: DocumentMut = FRONT.parse().unwrap();
        let t = at("2022-01-27T09:00:00-05:00");
        set_after(
            doc.as_table_mut(),
            "resolved",
            Item::Value(Value::from(t)),
            "date",
        );
        append_update(&mut doc, t, UpdateStatus::Resolved, "Fixed \"it\".").unwrap();
        assert_eq!(
            doc.to_string(),
            "title = \"T\"\n# when it began\ndate = 2022-01-27T07:40:00-05:00 # local\nresolved = 2022-01-27T09:00:00-05:00\nseverity = \"major\" # bad\ncomponents = [\"email\"]\n\n[[updates]]\n# first\nat = 2022-01-27T08:00:00-05:00\nstatus = \"investigating\"\ntext = \"Looking.\"\n\n[[updates]]\nat = 2022-01-27T09:00:00-05:00\nstatus = \"resolved\"\ntext = 'Fixed \"it\".'\n"
        );
    }

    #[test]
    fn updates_are_added_where_the_file_has_none_or_an_inline_list() {
        let t = at("2022-01-27T09:00:00-05:00");
        let mut doc: DocumentMut = "title = \"T\"\n".parse().unwrap();
        append_update(&mut doc, t, UpdateStatus::Update, "x").unwrap();
        assert_eq!(
            doc.to_string(),
            "title = \"T\"\n\n[[updates]]\nat = 2022-01-27T09:00:00-05:00\nstatus = \"update\"\ntext = \"x\"\n"
        );
        let mut doc: DocumentMut = "updates = []\n".parse().unwrap();
        append_update(&mut doc, t, UpdateStatus::Update, "x").unwrap();
        let parsed: toml::Table = toml::from_str(&doc.to_string()).unwrap();
        assert_eq!(parsed["updates"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn statuses_read_as_in_front_matter() {
        assert_eq!(parse_update_status("in_progress"), Ok(UpdateStatus::InProgress));
        let message = parse_update_status("fixed").unwrap_err();
        // Everything the message offers is accepted by `beacon update`.
        let offered = message.split("expected one of ").nth(1).unwrap();
        for word in offered
            .split(|c: char| !c.is_ascii_lowercase() && c != '_')
            .filter(|w| !w.is_empty())
        {
            if let Ok(status) = parse_update_status(word) {
                assert_ne!(status, UpdateStatus::Resolved, "{message}");
            }
        }
        assert!(parse_update_status("identifed")
            .unwrap_err()
            .contains("did you mean `identified`?"));
    }
}
