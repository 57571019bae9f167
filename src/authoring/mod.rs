//! Authoring: `init` writes a new site, `new` writes a new incident or maintenance file, `update`
//! and `resolve` edit one with toml_edit so the rest of the file stays as the author wrote it
//! (comments, order, line endings, byte-order mark). Every edit is validated with the same
//! parser as `check` before and after, and written through a temp file and a rename.
//!
//! Nothing here prints; each function returns what it did for the command line to report.

mod deploy;
mod edit;
mod init;
mod latest;
mod new;
mod sourced;

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use deploy::{deploy_files, DeployHost};
pub use edit::{
    parse_update_status, resolve_incident, update_incident, Edited, ResolveOptions, UpdateOptions,
    DEFAULT_RESOLVED_TEXT,
};
pub use init::{add_deploy_files, init_site, Initialised};
pub use latest::latest_open_incident;
pub use new::{
    new_incident, new_maintenance, new_sourced_incident, parse_severity, slug_words, Created, NewIncident,
    NewMaintenance,
};
pub use sourced::{
    edit_sourced, lock_for_creation, read_sourced, sourced_files, CreationLock, Sourced, SourcedFile,
    SourcedUpdate,
};

use crate::content::front_matter::split_front_matter;
use crate::error::{closest, Error, Result};
use crate::write::Confinement;

pub(crate) use crate::content::INCIDENTS_DIR;

/// The text of a content file split from the two things an edit must give back unchanged:
/// a leading byte-order mark and the line-ending style.
struct TextFile {
    bom: bool,
    crlf: bool,
    /// The text without the byte-order mark and with `\n` line endings.
    text: String,
}

impl TextFile {
    fn from_text(raw: &str) -> Self {
        let (bom, rest) = match raw.strip_prefix('\u{feff}') {
            Some(rest) => (true, rest),
            None => (false, raw),
        };
        // A file counts as CRLF when its first line ending is; mixed files get the first style.
        let crlf = rest.find('\n').is_some_and(|i| rest[..i].ends_with('\r'));
        let text = if crlf {
            rest.replace("\r\n", "\n")
        } else {
            rest.to_string()
        };
        TextFile { bom, crlf, text }
    }

    /// `text` (with `\n` endings) in this file's original style.
    fn restore(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 8);
        if self.bom {
            out.push('\u{feff}');
        }
        if self.crlf {
            out.push_str(&text.replace('\n', "\r\n"));
        } else {
            out.push_str(text);
        }
        out
    }
}

/// Writes `bytes` to `path` through a hidden temp file in the same folder and a rename, so a
/// reader (or the `serve` watcher) never sees half a file.
/// `path` (which lies below `root`) is first proved to stay inside `root`, links resolved
/// ([`Confinement`]), so no link in the site makes an authoring command write elsewhere.
fn write_atomically(root: &Path, path: &Path, bytes: &[u8]) -> Result<()> {
    let path = &confined(root, path)?;
    let temp = temp_beside(path, bytes)?;
    temp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

/// Like [`write_atomically`], but never replaces a file: `Ok(false)` if `path` exists, even if
/// another process created it a moment ago (two `beacon new` runs racing for one name).
fn write_if_absent(root: &Path, path: &Path, bytes: &[u8]) -> Result<bool> {
    let path = &confined(root, path)?;
    let temp = temp_beside(path, bytes)?;
    match temp.persist_noclobber(path) {
        Ok(_) => Ok(true),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(Error::io(path, e.error)),
    }
}

/// `path`, below `root`, proved by [`Confinement`] to lie inside `root`.
fn confined(root: &Path, path: &Path) -> Result<PathBuf> {
    let relative = path.strip_prefix(root).unwrap_or(path);
    let slashed: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Confinement::new(root)?.path(&slashed.join("/"))
}

/// A hidden temp file holding `bytes` in `path`'s folder (so the rename stays on one disk),
/// removed again if it is not persisted.
fn temp_beside(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile> {
    use std::io::Write;
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // A temp file is private (0600) by default; the file it becomes keeps the permissions of
    // the one it replaces, or gets the usual ones for a new file.
    let permissions = match fs::metadata(path) {
        Ok(meta) => Some(meta.permissions()),
        Err(_) => default_permissions(),
    };
    let prefix = format!(".{name}.beacon-");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    if let Some(permissions) = permissions {
        builder.permissions(permissions);
    }
    let mut temp = builder.tempfile_in(dir).map_err(|e| Error::io(dir, e))?;
    temp.write_all(bytes).map_err(|e| Error::io(temp.path(), e))?;
    temp.as_file().sync_all().map_err(|e| Error::io(temp.path(), e))?;
    Ok(temp)
}

/// What a new file gets: 0644 (owner writes, everyone reads), as `fs::write` would under the
/// usual umask. Elsewhere a temp file already has the ordinary permissions.
#[cfg(unix)]
fn default_permissions() -> Option<fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<fs::Permissions> {
    None
}

/// An exclusive lock on the file at `path` as it is now: held, no other beacon process edits
/// it. Edits replace the file by a rename, so a waiting process may wake holding the lock of a
/// file that is no longer at `path`; it then locks the new one, so every edit starts from the
/// file the last edit wrote.
fn lock_current(path: &Path) -> Result<fs::File> {
    loop {
        let file = fs::File::open(path).map_err(|e| Error::io(path, e))?;
        file.lock().map_err(|e| Error::io(path, e))?;
        let still_there = same_file::Handle::from_path(path)
            .and_then(|now| Ok(now == same_file::Handle::from_file(file.try_clone()?)?))
            .map_err(|e| Error::io(path, e))?;
        if still_there {
            return Ok(file);
        }
    }
}

/// One incident file and the slug it publishes under.
struct SlugFile {
    slug: String,
    /// Absolute (under the root as given).
    path: PathBuf,
}

/// Every incident file (translations left out) with its slug: the front-matter `slug` where one can be read, else the
/// file name. Unreadable or broken files still count under their file name, so a broken file
/// can be found (and its problems reported) by slug.
fn incident_slugs(root: &Path) -> Result<Vec<SlugFile>> {
    let paths = crate::content::content_files(root, INCIDENTS_DIR)?;
    Ok(paths
        .into_par_iter()
        // `x.fr.md` translates `x.md`: the incident is found (and edited) by its main file.
        .filter(|path| crate::content::translation_name(path).is_none())
        .map(|path| {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let slug = fs::read_to_string(&path)
                .ok()
                .and_then(|text| front_matter_slug(&text))
                .unwrap_or(stem);
            SlugFile { slug, path }
        })
        .collect())
}

/// The `slug = "..."` of a file's front matter, if the file has one that parses.
fn front_matter_slug(text: &str) -> Option<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let split = split_front_matter(text).ok()?;
    let table: toml::Table = toml::from_str(split.front_matter).ok()?;
    table.get("slug")?.as_str().map(str::to_string)
}

/// The file of the incident or maintenance window published as `slug`.
fn find_by_slug(root: &Path, slug: &str) -> Result<PathBuf> {
    let files = incident_slugs(root)?;
    let mut matches = files.iter().filter(|f| f.slug == slug);
    match (matches.next(), matches.next()) {
        (Some(only), None) => Ok(only.path.clone()),
        (Some(first), Some(second)) => Err(Error::Usage(format!(
            "slug `{slug}` is used by both {} and {}; run `beacon check`",
            relative(root, &first.path).display(),
            relative(root, &second.path).display()
        ))),
        (None, _) => {
            let hint = closest_slug(slug, files.iter().map(|f| f.slug.as_str()))
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            Err(Error::Usage(format!(
                "no incident or maintenance window has the slug `{slug}`{hint}"
            )))
        }
    }
}

/// The slug a mistyped `wanted` most likely meant: a plausible typo ([`closest`]); else one
/// that holds the same words with some added or left out (a date in front, `-2` behind) or
/// in another order; else one a few letters away. Ties go to the first in sorted order.
fn closest_slug<'a>(wanted: &str, slugs: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut slugs: Vec<&str> = slugs.into_iter().collect();
    slugs.sort_unstable();
    slugs.dedup();
    if let Some(typo) = closest(wanted, slugs.iter().copied()) {
        return Some(typo);
    }
    // `new` names files `<date>-<title words>`: a typo in the words alone is a typo too.
    let wanted_words_only = undated(wanted);
    if let Some(typo) = closest(wanted_words_only, slugs.iter().map(|s| undated(s))) {
        return slugs.iter().copied().find(|s| undated(s) == typo);
    }
    let words = |s: &str| -> Vec<String> {
        let mut w: Vec<String> = s
            .split('-')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        w.sort();
        w
    };
    let wanted_words = words(wanted);
    let holds = |big: &[String], small: &[String]| !small.is_empty() && small.iter().all(|w| big.contains(w));
    let related = slugs
        .iter()
        .copied()
        .filter(|s| {
            let theirs = words(s);
            holds(&theirs, &wanted_words) || holds(&wanted_words, &theirs)
        })
        .min_by_key(|s| s.len().abs_diff(wanted.len()));
    related.or_else(|| {
        let allowed = (wanted.chars().count() / 4).max(2);
        slugs
            .iter()
            .copied()
            .map(|s| {
                (
                    strsim::levenshtein(&wanted_words_only.to_lowercase(), undated(s)),
                    s,
                )
            })
            .filter(|(distance, _)| *distance <= allowed)
            .min_by_key(|(distance, _)| *distance)
            .map(|(_, s)| s)
    })
}

/// `slug` without a leading `YYYY-MM-DD-`.
fn undated(slug: &str) -> &str {
    let b = slug.as_bytes();
    let dated = b.len() > 11
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
        && b[10] == b'-';
    if dated {
        &slug[11..]
    } else {
        slug
    }
}

/// `path` relative to the site root, as diagnostics and messages show it.
fn relative<'a>(root: &Path, path: &'a Path) -> &'a Path {
    path.strip_prefix(root).unwrap_or(path)
}

/// `path` as the person who ran the command can use it: relative to the current folder when
/// the root is the current folder, else under the root as given.
pub fn shown_path(root: &Path, relative: &Path) -> PathBuf {
    if root == Path::new(".") || root.as_os_str().is_empty() {
        relative.to_path_buf()
    } else {
        root.join(relative)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_miss_slugs_get_a_suggestion() {
        let slugs = [
            "2026-03-01-mail-server-upgrade",
            "dns-outage",
            "vpn-down-2",
            "api-latency",
        ];
        for (wanted, meant) in [
            ("mail-server-upgrade", "2026-03-01-mail-server-upgrade"),
            ("upgrade-mail-server", "2026-03-01-mail-server-upgrade"),
            ("2026-03-01-mail-servr-upgrade", "2026-03-01-mail-server-upgrade"),
            ("dns-outgae", "dns-outage"),
            ("vpn-down", "vpn-down-2"),
            ("API-latency", "api-latency"),
            ("mail-servr-upgrade", "2026-03-01-mail-server-upgrade"),
            ("vpn-dwn", "vpn-down-2"),
        ] {
            assert_eq!(closest_slug(wanted, slugs), Some(meant), "{wanted}");
        }
        assert_eq!(closest_slug("payroll", slugs), None);
    }

    #[test]
    fn text_file_round_trips_bom_and_crlf() {
        for raw in ["a\nb\n", "\u{feff}a\r\nb\r\n", "a\r\nb", "\u{feff}x"] {
            let file = TextFile::from_text(raw);
            assert!(!file.text.contains('\r'), "{raw:?}");
            assert_eq!(file.restore(&file.text), raw);
        }
    }
}
