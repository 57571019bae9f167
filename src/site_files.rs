//! Reading the site's folders, and nothing outside the site. Every folder beacon reads
//! (`content/…`, `templates/`, `static/`, `themes/<name>/…`) is listed here: a folder that is
//! a file is an error rather than an empty site, and a symlink is followed only while it stays
//! inside the site root, since a site built in CI from someone's pull request must not publish
//! a file from the CI machine.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, Error, Result};

/// Every folder of a site that beacon reads (or that holds a site's translation sources), by
/// its name in the site folder. The output folder may be none of them, nor lie inside one.
pub const INPUT_FOLDERS: &[&str] = &["content", "templates", "static", "themes", "i18n", "locales"];

/// Every file below `root/dir` (`dir` relative, `/`-separated), sorted, skipping hidden files
/// and folders (names starting with `.`: editor swap files, `.git`). A missing folder holds no
/// files. Symlinks are followed when their target lies inside `root`, and refused otherwise.
pub fn list(root: &Path, dir: &str) -> Result<Vec<PathBuf>> {
    list_skipping(root, dir, &[])
}

/// [`list`] without the files below `skip` (folders relative to the root, `/`-separated).
pub fn list_skipping(root: &Path, dir: &str, skip: &[&str]) -> Result<Vec<PathBuf>> {
    walk(root, dir, skip).map(|(files, _)| files)
}

/// [`list`], and whether any file or folder below `root/dir` was reached through a symlink.
pub fn list_noting_links(root: &Path, dir: &str) -> Result<(Vec<PathBuf>, bool)> {
    walk(root, dir, &[])
}

fn walk(root: &Path, dir: &str, skip: &[&str]) -> Result<(Vec<PathBuf>, bool)> {
    let skip: Vec<PathBuf> = skip.iter().map(|s| root.join(s)).collect();
    let Some(path) = existing_folder(root, dir)? else {
        return Ok((Vec::new(), false));
    };
    let mut linked = false;
    let inside = canonical(root)?;
    ensure_inside(root, &inside, &path)?;
    let mut files = Vec::new();
    let walk = walkdir::WalkDir::new(&path)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || !(e.file_name().to_string_lossy().starts_with('.') || skip.iter().any(|s| e.path() == s))
        });
    for entry in walk {
        let entry = entry.map_err(|e| {
            let at = e.path().unwrap_or(&path).to_path_buf();
            match e.loop_ancestor() {
                Some(_) => Error::Content(vec![Diagnostic::file(
                    shown(root, &at),
                    "this symlink points to a folder that contains it (a loop); remove it",
                )]),
                None => Error::io(at, e.into()),
            }
        })?;
        if entry.depth() > 0 && entry.path_is_symlink() {
            ensure_inside(root, &inside, entry.path())?;
            linked = true;
        }
        if entry.file_type().is_file() {
            files.push(entry.into_path());
        }
    }
    Ok((files, linked))
}

/// Reads `root/relative`, refusing a symlink that leads outside the site.
pub fn read(root: &Path, relative: &str) -> Result<Vec<u8>> {
    let path = root.join(relative);
    if path.exists() {
        ensure_inside(root, &canonical(root)?, &path)?;
    }
    fs::read(&path).map_err(|e| Error::io(&path, e))
}

/// `root/dir` if it is a folder; `None` if it (or a folder above it) does not exist. Anything
/// on the way that is not a folder is an error naming it: a site whose `content/incidents` is a
/// file cannot be right, and building it empty would hide that.
fn existing_folder(root: &Path, dir: &str) -> Result<Option<PathBuf>> {
    let mut at = root.to_path_buf();
    let mut relative = PathBuf::new();
    for part in dir.split('/') {
        at.push(part);
        relative.push(part);
        match fs::metadata(&at) {
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Error::io(&at, e)),
            Ok(meta) if !meta.is_dir() => {
                return Err(Error::Content(vec![Diagnostic::file(
                    &relative,
                    format!("`{}` is a file; beacon expects a folder here", relative.display()),
                )]))
            }
            Ok(_) => {}
        }
    }
    Ok(Some(at))
}

fn canonical(path: &Path) -> Result<PathBuf> {
    path.canonicalize().map_err(|e| Error::io(path, e))
}

/// An error unless `path`, symlinks resolved, lies inside `inside` (the canonical site root).
fn ensure_inside(root: &Path, inside: &Path, path: &Path) -> Result<()> {
    let target = canonical(path)?;
    if target.starts_with(inside) {
        return Ok(());
    }
    Err(Error::Content(vec![Diagnostic::file(
        shown(root, path),
        format!(
            "this path leads outside the site folder (to {}); beacon reads nothing outside the site, \
             so copy the files in instead of linking to them",
            target.display()
        ),
    )]))
}

fn shown<'a>(root: &Path, path: &'a Path) -> &'a Path {
    path.strip_prefix(root).unwrap_or(path)
}
