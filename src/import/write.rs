//! Renders an imported [`Site`] as beacon files and writes them, never over an existing file.

use std::fs::{self, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::{Entry, Kind, Site};
use crate::content::{INCIDENTS_DIR, PAGES_DIR};
use crate::error::{Error, Result};
use crate::time::format_time;
use crate::write::Confinement;

/// The files written, relative to the target folder, in the order written.
#[derive(Debug)]
pub struct Written {
    pub files: Vec<PathBuf>,
    /// The files created, absolute, in order.
    placed: Vec<PathBuf>,
    /// The folders created, absolute, in order.
    created: Vec<PathBuf>,
}

/// Every file of the beacon site: `config.toml` first, then one file per entry under
/// `content/incidents/<year>/`, the year of its start in the site time zone.
pub fn render(site: &Site) -> Vec<(PathBuf, String)> {
    let mut files = vec![(PathBuf::from("config.toml"), render_config(site))];
    for entry in &site.entries {
        let year = entry.date.with_timezone(&site.timezone).format("%Y").to_string();
        let path = Path::new(INCIDENTS_DIR)
            .join(year)
            .join(format!("{}.md", entry.slug));
        files.push((path, render_entry(site, entry)));
    }
    for page in &site.pages {
        let path = Path::new(PAGES_DIR).join(format!("{}.md", page.slug));
        files.push((path, render_page(page)));
    }
    files
}

fn render_page(page: &super::Page) -> String {
    let mut out = String::from("+++\n");
    out += &format!("title = {}\n", quote(&page.title));
    if !page.description.is_empty() {
        out += &format!("description = {}\n", quote(&page.description));
    }
    if page.weight != 0 {
        out += &format!("weight = {}\n", page.weight);
    }
    if page.draft {
        out += "draft = true\n";
    }
    out += "+++\n";
    let body = page.body.trim();
    if !body.is_empty() {
        out += body;
        out.push('\n');
    }
    out
}

/// Writes the site into `into` (created if missing), all or nothing. Refuses, before writing
/// anything, when any of the files exists (a user's files are never overwritten) or when a
/// path would leave `into` through a symbolic link (every path goes through
/// [`Confinement`]). A failure half-way removes what was written and the folders made.
pub fn write_site(site: &Site, into: &Path) -> Result<Written> {
    let files = render(site);
    let confinement = Confinement::new(into)?;
    let mut targets = Vec::with_capacity(files.len());
    for (relative, _) in &files {
        let path = confinement.path(&slashed(relative))?;
        if path.exists() || path.is_symlink() {
            return Err(Error::Usage(format!(
                "{} already exists; beacon import never overwrites a file (import into a new folder with --into DIR)",
                path.display()
            )));
        }
        targets.push(path);
    }
    let mut written = Written {
        files: Vec::with_capacity(files.len()),
        placed: Vec::with_capacity(files.len()),
        created: Vec::new(),
    };
    for ((relative, text), path) in files.into_iter().zip(targets) {
        if let Err(error) = written.place(confinement.root(), &path, text.as_bytes()) {
            written.undo();
            return Err(error);
        }
        written.files.push(relative);
    }
    Ok(written)
}

impl Written {
    /// Creates the missing folders above `path` (up to `root`), then `path` holding `bytes`.
    fn place(&mut self, root: &Path, path: &Path, bytes: &[u8]) -> Result<()> {
        let parent = path.parent().unwrap_or(root);
        let mut missing = Vec::new();
        let mut at = Some(parent);
        while let Some(dir) = at {
            if dir.is_dir() {
                break;
            }
            missing.push(dir.to_path_buf());
            at = dir.parent();
        }
        for dir in missing.into_iter().rev() {
            fs::create_dir(&dir).map_err(|e| Error::io(&dir, e))?;
            self.created.push(dir);
        }
        // create_new: a file that appeared since the check above is still not overwritten.
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .map_err(|e| Error::io(path, e))?;
        self.placed.push(path.to_path_buf());
        file.write_all(bytes).map_err(|e| Error::io(path, e))
    }

    /// Removes every file written and every folder made, newest first: the import is undone.
    pub fn undo(self) {
        for file in self.placed.iter().rev() {
            let _ = fs::remove_file(file);
        }
        for dir in self.created.iter().rev() {
            let _ = fs::remove_dir(dir);
        }
    }
}

/// A relative path with `/` separators.
fn slashed(relative: &Path) -> String {
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn quote(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

fn render_config(site: &Site) -> String {
    let mut out =
        String::from("# Imported by `beacon import`; see docs/import.md for how each setting maps.\n");
    out += &format!("title = {}\n", quote(&site.title));
    out += &format!("base_url = {}\n", quote(&site.base_url));
    out += &format!("description = {}\n", quote(&site.description));
    out += &format!("language = {}\n", quote(&site.language));
    out += &format!("timezone = {}\n", quote(site.timezone.name()));
    for c in &site.components {
        out += "\n[[components]]\n";
        out += &format!("id = {}\nname = {}\n", quote(&c.id), quote(&c.name));
        if let Some(group) = &c.group {
            out += &format!("group = {}\n", quote(group));
        }
        if !c.description.is_empty() {
            out += &format!("description = {}\n", quote(&c.description));
        }
    }
    out
}

fn render_entry(site: &Site, entry: &Entry) -> String {
    let tz = site.timezone;
    let mut out = String::from("+++\n");
    out += &format!("title = {}\n", quote(&entry.title));
    if entry.kind == Kind::Maintenance {
        out += "kind = \"maintenance\"\n";
    }
    out += &format!("date = {}\n", format_time(tz, entry.date));
    if let Some(end) = entry.end {
        let key = match entry.kind {
            Kind::Incident => "resolved",
            Kind::Maintenance => "end",
        };
        out += &format!("{key} = {}\n", format_time(tz, end));
    }
    if let Some(severity) = entry.severity {
        out += &format!("severity = {}\n", quote(severity));
    }
    let components: Vec<String> = entry.components.iter().map(|c| quote(c)).collect();
    out += &format!("components = [{}]\n", components.join(", "));
    if entry.pinned {
        out += "pinned = true\n";
    }
    if entry.draft {
        out += "draft = true\n";
    }
    for u in &entry.updates {
        out += "\n[[updates]]\n";
        out += &format!("at = {}\n", format_time(tz, u.at));
        out += &format!("status = {}\n", quote(u.status));
        out += &format!("text = {}\n", quote(&u.text));
    }
    out += "+++\n";
    let body = entry.body.trim();
    if !body.is_empty() {
        out += body;
        out.push('\n');
    }
    out
}
