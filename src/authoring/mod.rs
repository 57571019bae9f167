//! Authoring: `init` writes a new site, `new` writes a new incident or maintenance file, `update`
//! and `resolve` edit one with toml_edit so the rest of the file stays as the author wrote it
//! (comments, order, line endings, byte-order mark). Every edit is validated with the same
//! parser as `check` before and after, and written through a temp file and a rename.
//!
//! Nothing here prints; each function returns what it did for the command line to report.

mod deploy;
mod edit;
mod init;
mod new;

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rayon::prelude::*;

pub use deploy::{deploy_files, DeployHost};
pub use edit::{
    parse_update_status, resolve_incident, update_incident, Edited, ResolveOptions, UpdateOptions,
    DEFAULT_RESOLVED_TEXT,
};
pub use init::{add_deploy_files, init_site, Initialised};
pub use new::{
    new_incident, new_maintenance, parse_severity, slug_words, Created, NewIncident, NewMaintenance,
};

use crate::content::front_matter::split_front_matter;
use crate::error::{closest, Error, Result};

pub(crate) use crate::content::INCIDENTS_DIR;

/// A datetime as beacon writes it into front matter: the site's wall-clock time with its offset,
/// e.g. `2022-01-27T09:00:00-05:00`, so the file reads in local time and still means one instant.
pub fn format_time(tz: Tz, t: DateTime<Utc>) -> String {
    t.with_timezone(&tz).format("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

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
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.beacon-{}.tmp", std::process::id()));
    fs::write(&temp, bytes).map_err(|e| Error::io(&temp, e))?;
    if let Err(e) = fs::rename(&temp, path) {
        let _ = fs::remove_file(&temp);
        return Err(Error::io(path, e));
    }
    Ok(())
}

/// One incident file and the slug it publishes under.
struct SlugFile {
    slug: String,
    /// Absolute (under the root as given).
    path: PathBuf,
}

/// Every incident file with its slug: the front-matter `slug` where one can be read, else the
/// file name. Unreadable or broken files still count under their file name, so a broken file
/// can be found (and its problems reported) by slug.
fn incident_slugs(root: &Path) -> Result<Vec<SlugFile>> {
    let paths = crate::content::content_files(root, INCIDENTS_DIR)?;
    Ok(paths
        .into_par_iter()
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
            let hint = closest(slug, files.iter().map(|f| f.slug.as_str()))
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            Err(Error::Usage(format!(
                "no incident or maintenance window has the slug `{slug}`{hint}"
            )))
        }
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
    fn text_file_round_trips_bom_and_crlf() {
        for raw in ["a\nb\n", "\u{feff}a\r\nb\r\n", "a\r\nb", "\u{feff}x"] {
            let file = TextFile::from_text(raw);
            assert!(!file.text.contains('\r'), "{raw:?}");
            assert_eq!(file.restore(&file.text), raw);
        }
    }

    #[test]
    fn times_are_written_in_the_site_zone_with_their_offset() {
        let t = DateTime::parse_from_rfc3339("2022-01-27T14:00:00Z")
            .unwrap()
            .to_utc();
        assert_eq!(
            format_time(chrono_tz::America::New_York, t),
            "2022-01-27T09:00:00-05:00"
        );
        assert_eq!(format_time(chrono_tz::UTC, t), "2022-01-27T14:00:00+00:00");
    }
}
