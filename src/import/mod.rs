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

use chrono_tz::Tz;

use crate::config::Component;
use crate::content::{Incident, Page, INCIDENTS_DIR, PAGES_DIR};
use crate::error::{Error, Result};

pub use write::{render, write_site, Written};

/// The tools beacon imports from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Tool {
    Cstate,
    Statusfy,
}

/// A site read from another tool, in beacon's terms, ready to be written: the settings of its
/// `config.toml`, and its incidents and pages as the model that `content` loads them into.
#[derive(Debug, Clone)]
pub struct Site {
    pub title: String,
    pub base_url: String,
    pub description: String,
    pub language: String,
    pub timezone: Tz,
    pub components: Vec<Component>,
    /// Sorted by start, then slug; each `source` the file it is written as.
    pub entries: Vec<Incident>,
    /// Free pages, sorted by slug; each `source` the file it is written as.
    pub pages: Vec<Page>,
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
    let site = &mut read.site;
    site.entries
        .sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.slug.cmp(&b.slug)));
    site.pages.sort_by(|a, b| a.slug.cmp(&b.slug));
    // Where each file goes, and its body as the loader reads it back: trimmed, one line end.
    for entry in &mut site.entries {
        let year = entry.start.with_timezone(&site.timezone).format("%Y").to_string();
        entry.source = Path::new(INCIDENTS_DIR)
            .join(year)
            .join(format!("{}.md", entry.slug));
        entry.body = as_loaded(&entry.body);
    }
    for page in &mut site.pages {
        page.source = Path::new(PAGES_DIR).join(format!("{}.md", page.slug));
        page.body = as_loaded(&page.body);
    }
    read.warnings.sort();
    Ok(read)
}

/// A body as it is written after the front matter: trimmed, ending in one line end (empty
/// when blank).
fn as_loaded(body: &str) -> String {
    match body.trim() {
        "" => String::new(),
        text => format!("{text}\n"),
    }
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
