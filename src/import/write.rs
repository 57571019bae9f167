//! Renders an imported [`Site`] as beacon files (its incidents and pages through
//! [`emit`], the front-matter writer `beacon new` uses too) and writes them, never over an
//! existing file.

use std::fs::{self, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

use super::Site;
use crate::content::emit;
use crate::error::{Error, Result};
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

/// Every file of the beacon site: `config.toml` first, then one file per incident and page,
/// each at its `source` (`content/incidents/<year>/`, the year of its start in the site time
/// zone; `content/pages/`), written by the one front-matter writer, [`emit`].
pub fn render(site: &Site) -> Vec<(PathBuf, String)> {
    let mut files = vec![(PathBuf::from("config.toml"), render_config(site))];
    for entry in &site.entries {
        let text = emit::incident_file(entry, site.timezone, emit::Extras::default());
        files.push((entry.source.clone(), text));
    }
    for page in &site.pages {
        files.push((page.source.clone(), emit::page_file(page)));
    }
    files
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

/// `config.toml`: the site's settings, then one `[[components]]` table per component.
fn render_config(site: &Site) -> String {
    let mut doc = DocumentMut::new();
    let root = doc.as_table_mut();
    for (key, text) in [
        ("title", site.title.as_str()),
        ("base_url", &site.base_url),
        ("description", &site.description),
        ("language", &site.language),
        ("timezone", site.timezone.name()),
    ] {
        root.insert(key, Item::Value(Value::from(text)));
    }
    if let Some(mut title) = root.key_mut("title") {
        title
            .leaf_decor_mut()
            .set_prefix("# Imported by `beacon import`; see docs/import.md for how each setting maps.\n");
    }
    let mut components = ArrayOfTables::new();
    for c in &site.components {
        let mut table = Table::new();
        table.insert("id", Item::Value(Value::from(&c.id)));
        table.insert("name", Item::Value(Value::from(&c.name)));
        if let Some(group) = &c.group {
            table.insert("group", Item::Value(Value::from(group)));
        }
        if !c.description.is_empty() {
            table.insert("description", Item::Value(Value::from(&c.description)));
        }
        table.decor_mut().set_prefix("\n");
        components.push(table);
    }
    if !components.is_empty() {
        root.insert("components", Item::ArrayOfTables(components));
    }
    doc.to_string()
}
