//! `beacon import`: reads a cState or Statusfy site and writes the same history as a beacon
//! site (`config.toml` plus `content/incidents/*.md`).
//!
//! Each importer ([`cstate`], [`statusfy`]) reads its tool's files into one [`Site`] and a list
//! of [`Warning`]s for everything it could not carry over; [`write`] renders that site and
//! writes it, refusing to touch any file that already exists. Nothing depends on the clock or
//! on directory order, so importing twice gives identical files.
//! The mapping tables are in `docs/import.md`.

pub mod cstate;
pub mod front_matter;
pub mod ids;
pub mod statusfy;
mod timeline;
mod write;

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::error::{Error, Result};

pub use write::{render, write_site, Written};

/// The tools beacon imports from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Tool {
    Cstate,
    Statusfy,
}

/// A site read from another tool, in beacon's terms, ready to be written.
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    pub title: String,
    pub base_url: String,
    pub description: String,
    pub language: String,
    pub timezone: Tz,
    pub components: Vec<Component>,
    /// Sorted by start, then slug.
    pub entries: Vec<Entry>,
    /// Free pages, sorted by slug.
    pub pages: Vec<Page>,
}

/// A free page (about, how to subscribe), rendered at `/<slug>/`.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub slug: String,
    pub title: String,
    pub description: String,
    pub weight: i64,
    pub draft: bool,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Component {
    pub id: String,
    pub name: String,
    pub group: Option<String>,
    pub description: String,
}

/// One incident or maintenance window.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub slug: String,
    /// The file it came from, relative to the source site (for messages).
    pub source: PathBuf,
    pub title: String,
    pub kind: Kind,
    /// Impact began / scheduled start.
    pub date: DateTime<Utc>,
    /// Incidents: when resolved (None while ongoing). Maintenance: the scheduled end.
    pub end: Option<DateTime<Utc>>,
    /// Incidents only: `notice | degraded | partial | major`.
    pub severity: Option<&'static str>,
    pub components: Vec<String>,
    pub pinned: bool,
    pub draft: bool,
    /// Oldest first.
    pub updates: Vec<Update>,
    pub body: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Incident,
    Maintenance,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Update {
    pub at: DateTime<Utc>,
    /// A beacon update status valid for the entry's kind.
    pub status: &'static str,
    pub text: String,
}

/// Something the import could not carry over, located in the source site.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Warning {
    /// Relative to the source site.
    pub path: PathBuf,
    pub line: usize,
    pub message: String,
}

impl Warning {
    pub fn new(path: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Self {
        Warning {
            path: path.into(),
            line: line.max(1),
            message: message.into(),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
    }
}

/// What an importer read: the site and what it could not convert.
#[derive(Debug)]
pub struct Read {
    pub site: Site,
    /// Sorted by file, then line.
    pub warnings: Vec<Warning>,
}

/// Reads the site at `src` written for `tool`.
pub fn read(tool: Tool, src: &Path) -> Result<Read> {
    if !src.is_dir() {
        return Err(Error::Usage(format!("{} is not a folder", src.display())));
    }
    let mut read = match tool {
        Tool::Cstate => cstate::read(src)?,
        Tool::Statusfy => statusfy::read(src)?,
    };
    // A language beacon does not ship would make the imported site fail to build.
    if let Err(why) = crate::languages::resolve(&read.site.language) {
        let config = [
            "config.yml",
            "config.yaml",
            "config.toml",
            "config.json",
            "config.js",
        ]
        .into_iter()
        .find(|n| src.join(n).is_file())
        .unwrap_or("config");
        read.warnings.push(Warning::new(
            config,
            1,
            format!("language: {why}; imported as `en`, edit `language` in config.toml"),
        ));
        read.site.language = "en".into();
    }
    read.site
        .entries
        .sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.slug.cmp(&b.slug)));
    read.site.pages.sort_by(|a, b| a.slug.cmp(&b.slug));
    read.warnings.sort();
    Ok(read)
}

/// Reads `src` and writes the beacon site into `into`, all or nothing: the written site must
/// pass `beacon check` (anything else is a bug in the importer, or a folder `into` that
/// already held a broken site), else everything written is removed again.
pub fn import(tool: Tool, src: &Path, into: &Path) -> Result<(Read, Written)> {
    let read = read(tool, src)?;
    let written = write_site(&read.site, into)?;
    let checked = crate::content::load_site(into, &crate::content::LoadOptions { drafts: true });
    if let Err(error) = checked {
        written.undo();
        return Err(error);
    }
    Ok((read, written))
}

/// The first of `names` present in `src` and its text; a usage error naming every name tried
/// when none is, asking whether `src` really is a `tool` site.
/// The site's URL as the other tool's config gives it under `key`, checked as config.toml's
/// `base_url` is ([`crate::site_url::parse_base_url`]); a placeholder, with a warning, when it is
/// missing or not a URL beacon can publish at.
fn base_url(key: &str, given: Option<String>, warn: &mut impl FnMut(&str, String)) -> String {
    const PLACEHOLDER: &str = "https://status.example.org/";
    let problem = match given.as_deref().map(crate::site_url::parse_base_url) {
        Some(Ok(url)) => return url,
        Some(Err(why)) => why,
        None => "is missing".to_string(),
    };
    warn(
        key,
        format!("`{key}`: {problem}; beacon needs one: imported as {PLACEHOLDER}, edit config.toml"),
    );
    PLACEHOLDER.into()
}

fn read_config_file(src: &Path, names: &[&str], tool: &str) -> Result<(PathBuf, String)> {
    let Some(name) = names.iter().find(|n| src.join(n).is_file()) else {
        let tried = match names {
            [] => String::new(),
            [one] => one.to_string(),
            [init @ .., last] => format!("{} or {last}", init.join(", ")),
        };
        return Err(Error::Usage(format!(
            "{} has no {tried}: is it a {tool} site?",
            src.display()
        )));
    };
    let name = PathBuf::from(name);
    let text = read_text(src, &name)?;
    Ok((name, text))
}

/// Reads a text file of the source site; `relative` names it in messages.
fn read_text(src: &Path, relative: &Path) -> Result<String> {
    let path = src.join(relative);
    std::fs::read_to_string(&path).map_err(|e| Error::io(path, e))
}

/// The `.md` files under `dir` (relative to `src`), sorted, relative to `src`.
fn markdown_files(src: &Path, dir: &Path) -> Result<Vec<PathBuf>> {
    let root = src.join(dir);
    if !root.is_dir() {
        return Ok(Vec::new());
    }
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(&root).to_path_buf();
            Error::io(path, e.into())
        })?;
        let path = entry.path();
        if entry.file_type().is_file() && path.extension().is_some_and(|e| e == "md") {
            let relative = path.strip_prefix(src).unwrap_or(path).to_path_buf();
            files.push(relative);
        }
    }
    Ok(files)
}
