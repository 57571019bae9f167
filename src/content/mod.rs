//! Loading a site from disk: `config.toml`, then every incident and page file, in parallel.
//! Every file is read and checked before any problem is reported, so one run shows them all.

pub mod front_matter;
pub mod incident;
pub mod model;
pub mod page;
pub mod validate;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use model::{Incident, Kind, Page, Phase, Severity, Site, Update, UpdateStatus};

use crate::config::{parse_config, Config};
use crate::error::{Diagnostic, Error, Result};

/// What to load.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Keep files marked `draft = true` (they are always validated).
    pub drafts: bool,
}

/// Loads and validates the site under `root`.
pub fn load_site(root: &Path, options: &LoadOptions) -> Result<Site> {
    let config = load_config(root)?;
    let incident_files = content_files(root, INCIDENTS_DIR)?;
    let page_files = content_files(root, PAGES_DIR)?;

    let mut problems = Vec::new();
    let incidents: Vec<Incident> = collect(
        incident_files
            .par_iter()
            .map(|path| read_text(root, path)?.and_then_parse(|p, t| incident::parse_incident(p, t, &config)))
            .collect(),
        &mut problems,
    )?;
    let pages: Vec<Page> = collect(
        page_files
            .par_iter()
            .map(|path| read_text(root, path)?.and_then_parse(page::parse_page))
            .collect(),
        &mut problems,
    )?;
    problems.extend(validate::check_unique_slugs(&incidents, &pages));
    if !problems.is_empty() {
        return Err(Error::Content(problems));
    }

    let mut incidents: Vec<Incident> = incidents
        .into_iter()
        .filter(|i| options.drafts || !i.draft)
        .collect();
    incidents.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.slug.cmp(&b.slug)));
    let mut pages: Vec<Page> = pages.into_iter().filter(|p| options.drafts || !p.draft).collect();
    pages.sort_by(|a, b| a.weight.cmp(&b.weight).then_with(|| a.slug.cmp(&b.slug)));
    Ok(Site {
        config,
        incidents,
        pages,
    })
}

/// Reads and parses `config.toml` under `root`.
pub fn load_config(root: &Path) -> Result<Config> {
    let path = root.join("config.toml");
    let source = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    parse_config(Path::new("config.toml"), &source).map_err(Error::Content)
}

/// A file's text, or the diagnostics that stop it from being parsed.
struct FileText {
    display: PathBuf,
    text: std::result::Result<String, Diagnostic>,
}

impl FileText {
    fn and_then_parse<T>(
        self,
        parse: impl FnOnce(&Path, &str) -> std::result::Result<T, Vec<Diagnostic>>,
    ) -> Result<std::result::Result<T, Vec<Diagnostic>>> {
        Ok(match self.text {
            Ok(text) => parse(&self.display, text.strip_prefix('\u{feff}').unwrap_or(&text)),
            Err(d) => Err(vec![d]),
        })
    }
}

/// Reads `path` as UTF-8; bytes that are not UTF-8 are a content problem, not an I/O error.
fn read_text(root: &Path, path: &Path) -> Result<FileText> {
    let display = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let valid = std::str::from_utf8(valid).expect("valid_up_to bounds valid UTF-8");
        let at = valid.len();
        let mut d = Diagnostic::at(&display, valid, at..at, "");
        d.message = "this byte is not valid UTF-8; save the file as UTF-8 (it looks like another encoding, such as Windows-1252)".into();
        d
    });
    Ok(FileText { display, text })
}

/// Splits per-file results into the parsed values and the problems; I/O errors stop the load.
fn collect<T>(
    results: Vec<Result<std::result::Result<T, Vec<Diagnostic>>>>,
    problems: &mut Vec<Diagnostic>,
) -> Result<Vec<T>> {
    let mut values = Vec::with_capacity(results.len());
    for result in results {
        match result? {
            Ok(value) => values.push(value),
            Err(found) => problems.extend(found),
        }
    }
    Ok(values)
}

/// Where incident and maintenance files live, under the site root.
pub const INCIDENTS_DIR: &str = "content/incidents";
/// Where free pages live, under the site root.
pub const PAGES_DIR: &str = "content/pages";

/// Every `*.md` file below `root/dir`, sorted, skipping hidden files (editor swap files).
/// A missing folder holds no files.
pub fn content_files(root: &Path, dir: &str) -> Result<Vec<PathBuf>> {
    let dir = root.join(dir);
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(&dir).to_path_buf();
            Error::io(path, e.into())
        })?;
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if entry.file_type().is_file() && !hidden && entry.path().extension().is_some_and(|x| x == "md") {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}
