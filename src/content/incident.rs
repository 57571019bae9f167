//! One incident file: front matter into an [`Incident`], with every rule that needs only this
//! file checked here (cross-file rules live in `validate.rs`).

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use chrono::{DateTime, Utc};
use serde::Deserialize;
use toml::Spanned;

use super::front_matter::split_front_matter;
use super::model::{Incident, Kind, Severity, Update, UpdateStatus};
use crate::config::Config;
use crate::error::{closest, Diagnostic};
use crate::keys::{fields_of, parse_all_keys, Schema};
use crate::time::{self, Bound};

/// The front matter exactly as written: the serde twin of [`Incident`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IncidentFrontMatter {
    /// Required, non-empty.
    pub title: Spanned<String>,
    /// `incident` (default) or `maintenance`.
    pub kind: Option<Kind>,
    /// Overrides the file name as slug.
    pub slug: Option<Spanned<String>>,
    /// Impact began / scheduled start. A TOML datetime, local datetime, date, or such a string.
    pub date: Spanned<toml::Value>,
    /// Incidents only: when impact ended; absent while ongoing.
    pub resolved: Option<Spanned<toml::Value>>,
    /// Maintenance only, required: scheduled end.
    pub end: Option<Spanned<toml::Value>>,
    /// Incidents only, required.
    pub severity: Option<Spanned<Severity>>,
    #[serde(default)]
    pub components: Vec<Spanned<String>>,
    /// Incidents only: per-component severity.
    pub impact: Option<Spanned<BTreeMap<Spanned<String>, Severity>>>,
    #[serde(default)]
    pub pinned: bool,
    #[serde(default)]
    pub draft: bool,
    /// Written by `beacon probe`, not by a person (see `docs/probes.md`).
    #[serde(default)]
    pub automated: bool,
    /// Written by `beacon ingest`: the event the incident was opened from (see `docs/ingest.md`).
    pub source: Option<Spanned<String>>,
    #[serde(default)]
    pub updates: Vec<UpdateFrontMatter>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateFrontMatter {
    pub at: Spanned<toml::Value>,
    pub status: Spanned<UpdateStatus>,
    pub text: Spanned<String>,
    /// Written by `beacon ingest`: the event this update came from.
    pub source: Option<Spanned<String>>,
}

/// The tables of an incident's front matter and the keys each accepts (`impact` is a free map).
pub(crate) const INCIDENT_KEYS: Schema = &[
    ("", fields_of::<IncidentFrontMatter>),
    ("updates", fields_of::<UpdateFrontMatter>),
];

/// Parses one incident file. `path` names it in diagnostics (relative to the site root) and
/// gives the default slug; `text` is the whole file, byte-order mark already removed.
pub fn parse_incident(path: &Path, text: &str, config: &Config) -> Result<Incident, Vec<Diagnostic>> {
    let split = split_front_matter(text).map_err(|e| {
        let end = e.offset + text[e.offset..].find('\n').unwrap_or(text.len() - e.offset);
        vec![Diagnostic::at(path, text, e.offset..end, e.message)]
    })?;
    let offset = split.front_matter_offset;
    let front: IncidentFrontMatter = parse_all_keys(path, text, offset, split.front_matter, INCIDENT_KEYS)?;

    let mut problems = Problems::new(path, text, offset);
    let tz = config.timezone;
    let read_time = |problems: &mut Problems, value: &Spanned<toml::Value>, bound: Bound, key: &str| {
        read_front_matter_time(value.get_ref(), tz, bound)
            .map_err(|m| problems.report(value.span(), format!("`{key}`: {m}")))
            .ok()
    };

    let kind = front.kind.unwrap_or(Kind::Incident);
    let start = read_time(&mut problems, &front.date, Bound::Start, "date");
    let resolved = front
        .resolved
        .as_ref()
        .and_then(|v| read_time(&mut problems, v, Bound::End, "resolved"));
    let scheduled_end = front
        .end
        .as_ref()
        .and_then(|v| read_time(&mut problems, v, Bound::End, "end"));
    let updates: Vec<(Option<DateTime<Utc>>, &UpdateFrontMatter)> = front
        .updates
        .iter()
        .map(|u| (read_time(&mut problems, &u.at, Bound::Start, "at"), u))
        .collect();

    let title = front.title.get_ref().trim();
    if title.is_empty() {
        problems.report(front.title.span(), "`title` is empty".into());
    }
    let (slug, bad_slug) = slug_for(path, front.slug.as_ref());
    if let Some((span, message)) = bad_slug {
        problems.report(span.unwrap_or(0..0), message);
    }

    let mut severity = Severity::Notice;
    let end;
    match kind {
        Kind::Incident => {
            match &front.severity {
                Some(s) => severity = *s.get_ref(),
                None => problems.report(
                    0..0,
                    "`severity` is missing; expected one of notice, degraded, partial, major".into(),
                ),
            }
            if let Some(e) = &front.end {
                problems.report(
                    e.span(),
                    "`end` is for maintenance windows; an incident uses `resolved`".into(),
                );
            }
            if let (Some(start), Some(resolved), Some(value)) = (start, resolved, &front.resolved) {
                if resolved < start {
                    let message = format!(
                        "`resolved` {} comes before `date` {}",
                        time::as_read(&value.get_ref().to_string(), resolved, tz, Bound::End),
                        time::as_read(&front.date.get_ref().to_string(), start, tz, Bound::Start)
                    );
                    problems.report(value.span(), message);
                }
            }
            end = resolved;
        }
        Kind::Maintenance => {
            for (key, span) in [
                ("severity", front.severity.as_ref().map(Spanned::span)),
                ("resolved", front.resolved.as_ref().map(Spanned::span)),
                ("impact", front.impact.as_ref().map(Spanned::span)),
            ] {
                if let Some(span) = span {
                    problems.report(
                        span,
                        format!("`{key}` is for incidents; a maintenance window has `date` and `end`"),
                    );
                }
            }
            match (&front.end, start, scheduled_end) {
                (None, ..) => problems.report(
                    front.date.span(),
                    "maintenance needs an `end` (its scheduled end)".into(),
                ),
                (Some(value), Some(start), Some(e)) if e <= start => {
                    let message = format!(
                        "`end` {} must come after `date` {}",
                        time::as_read(&value.get_ref().to_string(), e, tz, Bound::End),
                        time::as_read(&front.date.get_ref().to_string(), start, tz, Bound::Start)
                    );
                    problems.report(value.span(), message)
                }
                _ => {}
            }
            end = scheduled_end;
        }
    }

    let mut components = Vec::new();
    let mut check_component = |problems: &mut Problems, id: &str, span: Range<usize>| {
        if config.component(id).is_none() {
            let hint = closest(id, config.components.iter().map(|c| c.id.as_str()))
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            problems.report(span, format!("unknown component `{id}`{hint}"));
        } else if components.iter().any(|c| c == id) {
            problems.report(span, format!("component `{id}` is listed twice"));
        } else {
            components.push(id.to_string());
        }
    };
    for c in &front.components {
        check_component(&mut problems, c.get_ref(), c.span());
    }
    let mut impact = BTreeMap::new();
    if let (Kind::Incident, Some(table)) = (kind, &front.impact) {
        let listed: Vec<&str> = front.components.iter().map(|c| c.get_ref().as_str()).collect();
        for (id, s) in table.get_ref() {
            impact.insert(id.get_ref().clone(), *s);
            // An `impact` entry also makes its component affected.
            if !listed.contains(&id.get_ref().as_str()) {
                check_component(&mut problems, id.get_ref(), id.span());
            }
        }
    }

    let allowed = UpdateStatus::allowed_for(kind);
    let mut timeline = Vec::with_capacity(updates.len());
    for (at, u) in updates {
        let status = *u.status.get_ref();
        if !allowed.contains(&status) {
            let names: Vec<_> = allowed.iter().map(|s| s.as_str()).collect();
            problems.report(
                u.status.span(),
                format!(
                    "status `{}` is not for {}; expected one of {}",
                    status.as_str(),
                    kind_name(kind),
                    names.join(", ")
                ),
            );
        }
        if status == UpdateStatus::Resolved && front.resolved.is_none() {
            problems.report(
                u.status.span(),
                "a `resolved` update needs a `resolved` time in the front matter".into(),
            );
        }
        if u.text.get_ref().trim().is_empty() {
            problems.report(u.text.span(), "update `text` is empty".into());
        }
        if let Some(at) = at {
            timeline.push(Update {
                at,
                status,
                text: crate::bidi::close_open_controls(u.text.get_ref().trim()).into_owned(),
            });
        }
    }
    // Stable: updates stamped alike keep the order of the file.
    timeline.sort_by_key(|u| u.at);

    match (problems.list.is_empty(), start) {
        (true, Some(start)) => Ok(Incident {
            slug,
            title: crate::bidi::close_open_controls(title).into_owned(),
            kind,
            severity,
            start,
            end,
            components,
            impact,
            pinned: front.pinned,
            draft: front.draft,
            automated: front.automated,
            updates: timeline,
            body: split.body.to_string(),
            source: path.to_path_buf(),
            translations: BTreeMap::new(),
        }),
        _ => Err(problems.list),
    }
}

/// A front-matter time (a TOML datetime, local datetime or date, or such a string) as an
/// instant, read in `tz`; `bound` says which end of a bare date is meant.
pub(crate) fn read_front_matter_time(
    value: &toml::Value,
    tz: chrono_tz::Tz,
    bound: Bound,
) -> Result<DateTime<Utc>, String> {
    match value {
        toml::Value::Datetime(dt) => time::from_toml(dt, tz, bound),
        toml::Value::String(s) => time::from_text(s, tz, bound),
        other => Err(format!("expected a date, found {}", other.type_str())),
    }
}

/// The problems found in one file; spans are relative to the front matter.
pub(crate) struct Problems<'a> {
    pub path: &'a Path,
    pub text: &'a str,
    pub offset: usize,
    pub list: Vec<Diagnostic>,
}

impl<'a> Problems<'a> {
    /// No problems yet in the front matter at `offset` of file `path`, whose text is `text`.
    pub fn new(path: &'a Path, text: &'a str, offset: usize) -> Problems<'a> {
        Problems {
            path,
            text,
            offset,
            list: Vec::new(),
        }
    }

    pub fn report(&mut self, span: Range<usize>, message: String) {
        let span = self.offset + span.start..self.offset + span.end;
        self.list
            .push(Diagnostic::at(self.path, self.text, span, message));
    }
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Incident => "incidents",
        Kind::Maintenance => "maintenance",
    }
}

/// What is wrong with a slug, and the span of the `slug` value (`None`: the file name is at fault).
pub(crate) type SlugProblem = (Option<Range<usize>>, String);

/// The slug of a content file: `slug = "…"` if given, else the file name; with the problem
/// (and the span of the `slug` value, `None` when the file name is at fault) if it is not valid.
pub(crate) fn slug_for(path: &Path, given: Option<&Spanned<String>>) -> (String, Option<SlugProblem>) {
    let (slug, span) = match given {
        Some(s) => (s.get_ref().clone(), Some(s.span())),
        None => (
            path.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            None,
        ),
    };
    if is_slug(&slug) {
        let Some(why) = crate::slug::output_name_problem(&slug) else {
            return (slug, None);
        };
        let message = match span {
            Some(_) => format!("slug `{slug}` {why}"),
            None => format!("the file name, as a slug, {why}; rename the file or set `slug = \"...\"`"),
        };
        return (slug, Some((span, message)));
    }
    let message = match span {
        Some(_) => format!("slug `{slug}` must match [a-z0-9][a-z0-9-]*"),
        None => format!(
            "the file name `{slug}` is not a valid slug ([a-z0-9][a-z0-9-]*); rename the file or set `slug = \"...\"`"
        ),
    };
    (slug, Some((span, message)))
}

/// `[a-z0-9][a-z0-9-]*`: the shape of slugs.
pub fn is_slug(slug: &str) -> bool {
    slug.bytes()
        .next()
        .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
