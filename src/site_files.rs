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
    // The first problem in the order of the listing (the smallest path), so that a tree gives
    // the same error whatever order its file system lists each folder in.
    let mut problem: Option<(PathBuf, Error)> = None;
    let mut note = |at: PathBuf, error: Error| {
        if problem.as_ref().is_none_or(|(first, _)| at < *first) {
            problem = Some((at, error));
        }
    };
    // In the order the file system gives, then sorted once: walkdir's own sort compares two
    // entries' names by parsing each path again, 95M instructions at 10,000 files (callgrind).
    let mut walk = walkdir::WalkDir::new(&path)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || !(e.file_name().to_string_lossy().starts_with('.') || skip.iter().any(|s| e.path() == s))
        });
    while let Some(entry) = walk.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let at = e.path().unwrap_or(&path).to_path_buf();
                let error = match e.loop_ancestor() {
                    Some(_) => Error::Content(vec![Diagnostic::file(
                        shown(root, &at),
                        "this symlink points to a folder that contains it (a loop); remove it",
                    )]),
                    None => Error::io(&at, e.into()),
                };
                note(at, error);
                continue;
            }
        };
        if entry.depth() > 0 && entry.path_is_symlink() {
            if let Err(error) = ensure_inside(root, &inside, entry.path()) {
                // Not followed: nothing outside the site is read, not even a folder's names.
                if entry.file_type().is_dir() {
                    walk.skip_current_dir();
                }
                note(entry.into_path(), error);
                continue;
            }
            linked = true;
        }
        if entry.file_type().is_file() {
            files.push(entry.into_path());
        }
    }
    if let Some((_, error)) = problem {
        return Err(error);
    }
    // Part by part: the order of a walk that takes each folder's entries by name.
    files.sort_by_cached_key(|path| order_key(path));
    Ok((files, linked))
}

/// `path`'s bytes with each separator made the smallest byte (no name holds a 0): two keys
/// compare as their paths do part by part (`a/x` before `a-b` before `a.md`), in one comparison
/// of bytes where `Path`'s own order parses both paths again each time.
fn order_key(path: &Path) -> Vec<u8> {
    let bytes = path.as_os_str().as_encoded_bytes();
    bytes
        .iter()
        .map(|&b| {
            if std::path::is_separator(char::from(b)) {
                0
            } else {
                b
            }
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A site folder of its own under the system's temporary folder.
    fn site(name: &str) -> PathBuf {
        let root = std::env::temp_dir().join(format!("beacon-site-files-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(&root).unwrap();
        canonical(&root).unwrap()
    }

    /// The listing is in the order of a walk that takes each folder's entries by name, whatever
    /// order the file system lists them in: names that share a start, a `-` and a `.` (which
    /// sort before `/`), capitals and a non-ASCII name, files beside folders of the same stem.
    #[test]
    fn a_listing_is_in_the_order_of_a_walk_by_name() {
        let root = site("order");
        let names = [
            "content/incidents/a.md",
            "content/incidents/a/x.md",
            "content/incidents/a-b/y.md",
            "content/incidents/a-b.md",
            "content/incidents/B.md",
            "content/incidents/é/z.md",
            "content/incidents/2022/01.md",
            "content/incidents/2022/10.md",
            "content/incidents/2022/2.md",
            "content/incidents/2022.md",
        ];
        for name in names.iter().rev() {
            let path = root.join(name);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, "").unwrap();
        }
        let by_walk: Vec<PathBuf> = walkdir::WalkDir::new(root.join("content/incidents"))
            .sort_by_file_name()
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| e.into_path())
            .collect();
        assert_eq!(by_walk.len(), names.len());
        assert_eq!(list(&root, "content/incidents").unwrap(), by_walk);
        fs::remove_dir_all(root).unwrap();
    }

    /// With two links that lead outside (one to a file, one to a folder), the error names the
    /// one a walk by name meets first, whatever order the folders are listed in.
    #[cfg(unix)]
    #[test]
    fn of_two_links_outside_the_error_names_the_first_by_name() {
        let root = site("links");
        let outside = site("links-outside");
        fs::write(outside.join("secret.md"), "").unwrap();
        fs::create_dir_all(root.join("content/incidents/b")).unwrap();
        fs::create_dir_all(root.join("content/incidents/c")).unwrap();
        std::os::unix::fs::symlink(&outside, root.join("content/incidents/c/away")).unwrap();
        std::os::unix::fs::symlink(outside.join("secret.md"), root.join("content/incidents/b/z.md")).unwrap();
        let Err(Error::Content(diagnostics)) = list(&root, "content/incidents") else {
            panic!("no error for a link outside the site");
        };
        assert_eq!(diagnostics.len(), 1);
        let error = diagnostics[0].to_string();
        assert!(error.contains("b/z.md"), "{error}");
        assert!(!error.contains("away"), "{error}");
        fs::remove_dir_all(root).unwrap();
        fs::remove_dir_all(outside).unwrap();
    }
}
