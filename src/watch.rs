//! Watching a site's inputs: notify events, debounced, filtered to the files a build reads,
//! sent on as one "rebuild" batch of changed paths. Knows nothing of HTTP or of building.
//!
//! The inputs are `config.toml` and its translations `config.<code>.toml`, `content/`, `templates/`, `themes/`, `static/` and `i18n/` under the
//! root. The root itself is watched without recursion (it sees `config.toml` and input folders
//! come and go) and each input folder recursively, so `public/` and anything else under the
//! root cost no watches. Hidden files (editor swap files, the temp files of `beacon update`)
//! and backups ending in `~` are ignored.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::Duration;

use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventHandler, EventKind, RecommendedWatcher, RecursiveMode, Watcher, WatcherKind};
use notify_debouncer_mini::{new_debouncer_opt, Config, DebounceEventResult, Debouncer};

use crate::error::{Error, Result};

/// What a build reads, relative to the root: only changes below these trigger a rebuild.
pub const INPUTS: &[&str] = &["config.toml", "content", "templates", "themes", "static", "i18n"];

/// How long the files must be quiet before a batch goes out: long enough to take an editor's
/// write-rename-chmod (a few ms) as one change, and every ms of it is waited on each save
/// (50 ms took save-to-reload at 10,000 incidents from 0.195 to 0.226 s, BENCHMARKS.md). A
/// save slower than this is two batches: one extra rebuild, never a missed change.
pub const DEBOUNCE: Duration = Duration::from_millis(20);

/// What the watcher sends.
#[derive(Debug)]
pub enum WatchEvent {
    /// Inputs changed: their paths, relative to the root, sorted.
    Changed(Vec<PathBuf>),
    /// The OS reported a problem (for instance too many watches); watching goes on.
    Problem(String),
}

/// Starts watching the inputs under `root`. Events arrive on the receiver until it is dropped.
pub fn watch_site(root: &Path) -> Result<Receiver<WatchEvent>> {
    let root = root.to_path_buf();
    let (raw_tx, raw_rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer =
        new_debouncer_opt::<_, InputWatcher>(Config::default().with_timeout(DEBOUNCE), raw_tx)
            .map_err(|e| Error::Usage(format!("cannot watch files: {e}")))?;
    debouncer
        .watcher()
        .watch(&root, RecursiveMode::NonRecursive)
        .map_err(|e| Error::Usage(format!("cannot watch {}: {e}", root.display())))?;
    let mut watched = Vec::new();
    rewatch(&mut debouncer, &root, &mut watched, &[]);

    let (tx, rx) = mpsc::channel();
    thread::Builder::new()
        .name("beacon-watch".into())
        .spawn(move || {
            for batch in raw_rx {
                let message = match batch {
                    Ok(events) => {
                        let paths: Vec<PathBuf> = events.into_iter().map(|e| e.path).collect();
                        rewatch(&mut debouncer, &root, &mut watched, &paths);
                        let mut changed: Vec<PathBuf> =
                            paths.iter().filter_map(|p| input_path(&root, p)).collect();
                        if changed.is_empty() {
                            continue;
                        }
                        changed.sort();
                        changed.dedup();
                        WatchEvent::Changed(changed)
                    }
                    Err(e) => WatchEvent::Problem(e.to_string()),
                };
                if tx.send(message).is_err() {
                    break;
                }
            }
        })
        .map_err(|e| Error::io(Path::new("beacon-watch thread"), e))?;
    Ok(rx)
}

/// Watches each input folder that exists and is not watched yet, or that the batch shows was
/// replaced (a folder deleted and made again loses its watch).
fn rewatch(
    debouncer: &mut Debouncer<InputWatcher>,
    root: &Path,
    watched: &mut Vec<PathBuf>,
    changed: &[PathBuf],
) {
    for input in INPUTS.iter().skip(1) {
        let dir = root.join(input);
        let touched = changed
            .iter()
            .any(|p| p.ends_with(input) && p.parent() == Some(root));
        let known = watched.contains(&dir);
        if dir.is_dir() && (!known || touched) {
            if known {
                let _ = debouncer.watcher().unwatch(&dir);
            }
            if debouncer.watcher().watch(&dir, RecursiveMode::Recursive).is_ok() && !known {
                watched.push(dir);
            }
        } else if !dir.exists() {
            watched.retain(|w| w != &dir);
        }
    }
}

/// The platform's watcher, minus the events of files being opened or read. inotify reports
/// every open, and a build opens every input: without this, each build would trigger the next.
struct InputWatcher(RecommendedWatcher);

impl Watcher for InputWatcher {
    fn new<F: EventHandler>(mut handler: F, config: notify::Config) -> notify::Result<Self> {
        let filtered = move |event: notify::Result<Event>| {
            if !event.as_ref().is_ok_and(is_read_only) {
                handler.handle_event(event);
            }
        };
        RecommendedWatcher::new(filtered, config).map(InputWatcher)
    }

    fn watch(&mut self, path: &Path, recursive_mode: RecursiveMode) -> notify::Result<()> {
        self.0.watch(path, recursive_mode)
    }

    fn unwatch(&mut self, path: &Path) -> notify::Result<()> {
        self.0.unwatch(path)
    }

    fn kind() -> WatcherKind {
        RecommendedWatcher::kind()
    }
}

/// An event that changes nothing: a file opened, read, or closed without writing.
fn is_read_only(event: &Event) -> bool {
    matches!(event.kind, EventKind::Access(kind) if kind != AccessKind::Close(AccessMode::Write))
}

/// `path` relative to `root` when it is an input a build reads, else `None`.
fn input_path(root: &Path, path: &Path) -> Option<PathBuf> {
    // notify may report canonical paths when the root was given relative or via a symlink.
    let relative = path
        .strip_prefix(root)
        .ok()
        .or_else(|| path.strip_prefix(root.canonicalize().ok()?).ok())?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    let site_text =
        relative.components().count() == 1 && crate::content::site_text::site_text_code(first).is_some();
    if !INPUTS.contains(&first) && !site_text {
        return None;
    }
    let name = relative.file_name()?.to_string_lossy();
    if relative
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
        || name.ends_with('~')
    {
        return None;
    }
    Some(relative.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_inputs_count_as_changes() {
        let root = Path::new("/site");
        let cases = [
            ("/site/config.toml", Some("config.toml")),
            (
                "/site/content/incidents/2022/a.md",
                Some("content/incidents/2022/a.md"),
            ),
            (
                "/site/themes/default/static/style.css",
                Some("themes/default/static/style.css"),
            ),
            ("/site/content", Some("content")),
            ("/site/public/index.html", None),
            ("/site/.git/index", None),
            ("/site/content/incidents/.a.md.swp", None),
            ("/site/content/incidents/.a.md.beacon-1.tmp", None),
            ("/site/content/incidents/a.md~", None),
            ("/site/config.toml.bak", None),
            ("/site/config.fr.toml", Some("config.fr.toml")),
            ("/site/config.local.toml", None),
            ("/site/content/config.fr.toml", Some("content/config.fr.toml")),
            ("/site/public/config.fr.toml", None),
            ("/elsewhere/config.toml", None),
        ];
        for (path, expected) in cases {
            assert_eq!(
                input_path(root, Path::new(path)),
                expected.map(PathBuf::from),
                "{path}"
            );
        }
    }
}
