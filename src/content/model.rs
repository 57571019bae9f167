//! The typed content model: what every later stage reads. Built once by the loader, then
//! shared immutably.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::site_text::SiteText;
use crate::config::Config;

/// A loaded, validated site.
#[derive(Debug, Clone)]
pub struct Site {
    pub config: Config,
    /// The site's texts in its other languages, by code, from `config.<code>.toml` (see
    /// [`super::site_text`]); empty in an edition's copy.
    pub texts: BTreeMap<String, SiteText>,
    /// Incidents and maintenance windows, sorted by start, then slug.
    pub incidents: Vec<Incident>,
    /// Free pages, sorted by weight, then slug.
    pub pages: Vec<Page>,
}

/// Incident or maintenance window: they share a file format and most of their life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Incident,
    Maintenance,
}

/// How bad an incident is, least to worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Information only: changes no status and counts no downtime.
    Notice,
    Degraded,
    Partial,
    Major,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Notice => "notice",
            Severity::Degraded => "degraded",
            Severity::Partial => "partial",
            Severity::Major => "major",
        }
    }
}

/// The status word of one timeline update.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UpdateStatus {
    Investigating,
    Identified,
    Monitoring,
    Resolved,
    Postmortem,
    Scheduled,
    InProgress,
    Completed,
    /// Allowed for both kinds.
    Update,
}

impl UpdateStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            UpdateStatus::Investigating => "investigating",
            UpdateStatus::Identified => "identified",
            UpdateStatus::Monitoring => "monitoring",
            UpdateStatus::Resolved => "resolved",
            UpdateStatus::Postmortem => "postmortem",
            UpdateStatus::Scheduled => "scheduled",
            UpdateStatus::InProgress => "in_progress",
            UpdateStatus::Completed => "completed",
            UpdateStatus::Update => "update",
        }
    }

    /// The words a person reads for this status in a timeline.
    pub fn label(self) -> &'static str {
        match self {
            UpdateStatus::Investigating => "Investigating",
            UpdateStatus::Identified => "Identified",
            UpdateStatus::Monitoring => "Monitoring",
            UpdateStatus::Resolved => "Resolved",
            UpdateStatus::Postmortem => "Post-incident review",
            UpdateStatus::Scheduled => "Scheduled",
            UpdateStatus::InProgress => "In progress",
            UpdateStatus::Completed => "Completed",
            UpdateStatus::Update => "Update",
        }
    }

    /// The statuses an update of `kind` may carry.
    pub fn allowed_for(kind: Kind) -> &'static [UpdateStatus] {
        use UpdateStatus::*;
        match kind {
            Kind::Incident => &[
                Investigating,
                Identified,
                Monitoring,
                Resolved,
                Update,
                Postmortem,
            ],
            Kind::Maintenance => &[Scheduled, InProgress, Completed, Update],
        }
    }
}

/// One entry of the public timeline.
#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
pub struct Update {
    #[serde(with = "crate::time::compact")]
    pub at: DateTime<Utc>,
    pub status: UpdateStatus,
    /// Plain text as written; escaped when rendered.
    pub text: String,
}

/// One incident or maintenance window, from one file.
#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
pub struct Incident {
    /// Unique, `[a-z0-9][a-z0-9-]*`: the file name unless the front matter sets `slug`.
    pub slug: String,
    pub title: String,
    pub kind: Kind,
    /// For maintenance this is unused and set to `Notice`.
    pub severity: Severity,
    /// Impact began (incident) or scheduled start (maintenance).
    #[serde(with = "crate::time::compact")]
    pub start: DateTime<Utc>,
    /// `resolved` of an incident (None while ongoing) or the scheduled `end` of a window.
    #[serde(with = "crate::time::compact::option")]
    pub end: Option<DateTime<Utc>>,
    /// Every affected component id: `components`, then `impact` keys not listed there.
    pub components: Vec<String>,
    /// Per-component severity overriding `severity`.
    pub impact: BTreeMap<String, Severity>,
    pub pinned: bool,
    pub draft: bool,
    /// Written by `beacon probe` (`automated = true`), not by a person.
    pub automated: bool,
    /// Oldest first (ties keep file order).
    pub updates: Vec<Update>,
    /// The Markdown body, unrendered.
    pub body: String,
    /// The file, relative to the site root.
    pub source: PathBuf,
    /// Its texts in the site's other languages, by language code (`slug.<code>.md`). Joined
    /// after the parse, from files of their own, by every load: no part of a kept parse (see
    /// [`crate::content::cache::Texts::keep_parsed`]), which is what parsing the file gave.
    #[serde(skip)]
    pub translations: BTreeMap<String, IncidentText>,
}

impl Incident {
    /// An incident (or, with `kind` maintenance, a window) as a command writes it before any
    /// file holds it: no components, updates, body or translations; `severity` notice (set it
    /// for an incident). `slug` and `source` say where it will be written.
    pub fn new(slug: &str, source: PathBuf, title: &str, kind: Kind, start: DateTime<Utc>) -> Incident {
        Incident {
            slug: slug.to_string(),
            title: title.to_string(),
            kind,
            severity: Severity::Notice,
            start,
            end: None,
            components: Vec::new(),
            impact: BTreeMap::new(),
            pinned: false,
            draft: false,
            automated: false,
            updates: Vec::new(),
            body: String::new(),
            source,
            translations: BTreeMap::new(),
        }
    }

    /// The severity this incident has for `component`.
    pub fn severity_for(&self, component: &str) -> Severity {
        self.impact.get(component).copied().unwrap_or(self.severity)
    }

    /// The one severity the incident is shown and announced with (its page, the lists, the feed
    /// titles, the API's `impact`, the overall status): the worst it has for any component it
    /// affects (an `impact` override can be worse than `severity`), or `severity` when it names
    /// no component.
    pub fn headline_severity(&self) -> Severity {
        self.components
            .iter()
            .map(|c| self.severity_for(c))
            .max()
            .unwrap_or(self.severity)
    }

    pub fn is_maintenance(&self) -> bool {
        self.kind == Kind::Maintenance
    }
}

/// A free page under `content/pages/`, rendered at `/<slug>/`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page {
    pub slug: String,
    pub title: String,
    pub description: String,
    /// Lower weights come first in the navigation. Default 0.
    pub weight: i64,
    pub draft: bool,
    pub body: String,
    pub source: PathBuf,
    /// Its texts in the site's other languages, by language code (`slug.<code>.md`); no part
    /// of a kept parse, as an incident's (see [`Incident::translations`]).
    #[serde(skip)]
    pub translations: BTreeMap<String, PageText>,
}

/// What a translation of an incident (`slug.<code>.md`) gives: its texts. Everything else
/// (times, severity, components, ...) is the main file's. A text left out falls back to the
/// main file's.
#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
pub struct IncidentText {
    /// The translation file, relative to the site root.
    pub source: PathBuf,
    pub title: Option<String>,
    /// `None` when the translation's body is blank.
    pub body: Option<String>,
    /// Translated update texts in file order, each tied to the main file's update at the same
    /// `at` (the n-th of that time to the n-th, when several share one).
    pub updates: Vec<UpdateText>,
}

/// The text of one update, in another language.
#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
pub struct UpdateText {
    #[serde(with = "crate::time::compact")]
    pub at: DateTime<Utc>,
    pub text: String,
}

/// What a translation of a free page gives; a text left out falls back to the main file's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageText {
    pub source: PathBuf,
    pub title: Option<String>,
    pub description: Option<String>,
    pub body: Option<String>,
}

impl Site {
    /// The site as its edition in `code` shows it: the config's `language` is `code`, its own
    /// texts (title, components, ...) are `config.<code>.toml`'s (see
    /// [`super::site_text::config_in_language`]), and every incident and page carries its `code` texts where a translation gives them, the
    /// default language's elsewhere. The default language's edition is the site itself.
    pub fn in_language(&self, code: &str) -> Site {
        Site {
            config: super::site_text::config_in_language(&self.config, code, self.texts.get(code)),
            texts: BTreeMap::new(),
            incidents: self.incidents.iter().map(|i| i.in_language(code)).collect(),
            pages: self.pages.iter().map(|p| p.in_language(code)).collect(),
        }
    }
}

impl Incident {
    /// This incident with its `code` texts (see [`Site::in_language`]); the copy carries no
    /// translations of its own.
    pub fn in_language(&self, code: &str) -> Incident {
        let text = self.translations.get(code);
        let mut updates = self.updates.clone();
        if let Some(text) = text {
            for (update, translated) in updates.iter_mut().zip(text.matched_updates(&self.updates)) {
                if let Some(translated) = translated {
                    update.text = translated.to_string();
                }
            }
        }
        // Field by field, so the translations (often as large as the rest) are not copied.
        Incident {
            slug: self.slug.clone(),
            title: text
                .and_then(|t| t.title.clone())
                .unwrap_or_else(|| self.title.clone()),
            kind: self.kind,
            severity: self.severity,
            start: self.start,
            end: self.end,
            components: self.components.clone(),
            impact: self.impact.clone(),
            pinned: self.pinned,
            draft: self.draft,
            automated: self.automated,
            updates,
            body: text
                .and_then(|t| t.body.clone())
                .unwrap_or_else(|| self.body.clone()),
            source: self.source.clone(),
            translations: BTreeMap::new(),
        }
    }
}

impl IncidentText {
    /// For each of `updates` (the main file's, oldest first), its translated text if there is
    /// one: the n-th translated update at a time goes with the n-th main update at that time.
    pub fn matched_updates<'a>(&'a self, updates: &[Update]) -> Vec<Option<&'a str>> {
        let mut by_time: BTreeMap<DateTime<Utc>, std::collections::VecDeque<&str>> = BTreeMap::new();
        for u in &self.updates {
            by_time.entry(u.at).or_default().push_back(&u.text);
        }
        updates
            .iter()
            .map(|u| by_time.get_mut(&u.at).and_then(|texts| texts.pop_front()))
            .collect()
    }
}

impl Page {
    /// This page with its `code` texts (see [`Site::in_language`]).
    pub fn in_language(&self, code: &str) -> Page {
        let mut page = Page {
            translations: BTreeMap::new(),
            ..self.clone()
        };
        if let Some(text) = self.translations.get(code) {
            if let Some(title) = &text.title {
                page.title = title.clone();
            }
            if let Some(description) = &text.description {
                page.description = description.clone();
            }
            if let Some(body) = &text.body {
                page.body = body.clone();
            }
        }
        page
    }
}

/// Where an incident or window stands at a given `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    /// An incident whose impact has begun and is not resolved.
    Ongoing,
    /// An incident resolved at or before `now`.
    Resolved,
    /// A maintenance window that has not started.
    Upcoming,
    /// A maintenance window between its start and end.
    InProgress,
    /// A maintenance window past its end.
    Completed,
}

impl Phase {
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Ongoing => "ongoing",
            Phase::Resolved => "resolved",
            Phase::Upcoming => "upcoming",
            Phase::InProgress => "in_progress",
            Phase::Completed => "completed",
        }
    }
}

impl Incident {
    /// The phase at `now`. An incident that starts after `now` is reported `Ongoing` here, but
    /// such incidents are removed from the published site (see `status::as_of`) before anyone asks.
    pub fn phase(&self, now: DateTime<Utc>) -> Phase {
        match (self.kind, self.end) {
            (Kind::Incident, Some(end)) if end <= now => Phase::Resolved,
            (Kind::Incident, _) => Phase::Ongoing,
            (Kind::Maintenance, _) if now < self.start => Phase::Upcoming,
            (Kind::Maintenance, Some(end)) if end <= now => Phase::Completed,
            (Kind::Maintenance, _) => Phase::InProgress,
        }
    }

    /// The latest visible change at or before `now`: its start, its end (resolved, or the
    /// window closed) or an update. `None` for an upcoming window not yet updated.
    pub fn last_change(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let start = Some(self.start).filter(|t| *t <= now);
        let end = self.end.filter(|t| *t <= now);
        let updates = self.updates.iter().map(|u| u.at).filter(|t| *t <= now);
        start.into_iter().chain(end).chain(updates).max()
    }
}
