//! Watching a site's inputs: notify events, debounced, filtered to the files a build reads,
//! sent on as one "rebuild" batch of changed paths. Knows nothing of HTTP or of building.
//!
//! The inputs are `config.toml` and its translations `config.<code>.toml`, `content/`, `templates/`, `themes/`, `static/` and `i18n/` under the
//! root. The root itself is watched without recursion (it sees `config.toml` and input folders
//! come and go) and each input folder recursively, so `public/` and anything else under the
//! root cost no watches. Hidden files (editor swap files, the temp files of `beacon update`)
//! and backups ending in `~` are ignored.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use crate::error::{Error, Result};

/// What a build reads, relative to the root: only changes below these trigger a rebuild.
pub const INPUTS: &[&str] = &["config.toml", "content", "templates", "themes", "static", "i18n"];

/// How long the files must be quiet before a batch goes out: long enough to take the several
/// writes of one save as one change. A save slower than this is two batches: one extra rebuild,
/// never a missed change.
pub const DEBOUNCE: Duration = Duration::from_millis(20);

/// The same after an event that usually ends a save: a file closed from writing, or renamed into
/// place (an editor's write-to-temp-then-rename). Every ms of the quiet time is waited on each
/// save before the rebuild starts.
pub const SETTLE: Duration = Duration::from_millis(3);

/// What the watcher sends.
#[derive(Debug)]
pub enum WatchEvent {
    /// Inputs changed: their paths, relative to the root, sorted.
    Changed(Vec<PathBuf>),
    /// The OS reported a problem (for instance too many watches, or events lost); watching
    /// goes on, but a change may have gone unreported.
    Problem(String),
}

/// The problem reported when the system's queue of file events overflowed.
const LOST: &str =
    "the system dropped some file events (its queue overflowed); every file will be looked at again";

/// Starts watching the inputs under `root`. Events arrive on the receiver until it is dropped.
pub fn watch_site(root: &Path) -> Result<Receiver<WatchEvent>> {
    let root = root.to_path_buf();
    let (raw_tx, raw_rx) = mpsc::channel::<notify::Result<Event>>();
    // inotify reports every open, and a build opens every input: without this filter, each
    // build would trigger the next.
    let handler = move |event: notify::Result<Event>| {
        if !event.as_ref().is_ok_and(is_read_only) {
            let _ = raw_tx.send(event);
        }
    };
    let mut watcher = RecommendedWatcher::new(handler, notify::Config::default())
        .map_err(|e| Error::Usage(format!("cannot watch files: {e}")))?;
    watcher
        .watch(&root, RecursiveMode::NonRecursive)
        .map_err(|e| Error::Usage(format!("cannot watch {}: {e}", root.display())))?;
    let mut watched = Vec::new();
    rewatch(&mut watcher, &root, &mut watched, &[]);

    let (tx, rx) = mpsc::channel();
    thread::Builder::new()
        .name("beacon-watch".into())
        .spawn(move || {
            while let Some(batch) = next_batch(&raw_rx) {
                let (paths, messages) = read_batch(&root, batch);
                rewatch(&mut watcher, &root, &mut watched, &paths);
                if messages.into_iter().any(|m| tx.send(m).is_err()) {
                    break;
                }
            }
        })
        .map_err(|e| Error::io(Path::new("beacon-watch thread"), e))?;
    Ok(rx)
}

/// The next batch of raw events: the first to come, and every one after it until none came for
/// the quiet time of the last ([`DEBOUNCE`], or [`SETTLE`] after the end of a save). `None` once
/// the watcher is gone.
fn next_batch(raw: &Receiver<notify::Result<Event>>) -> Option<Vec<notify::Result<Event>>> {
    let first = raw.recv().ok()?;
    let mut deadline = Instant::now() + quiet_after(&first);
    let mut batch = vec![first];
    loop {
        match raw.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(event) => {
                deadline = Instant::now() + quiet_after(&event);
                batch.push(event);
            }
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return Some(batch),
        }
    }
}

/// What a batch of raw events says: every path it names (for [`rewatch`]), and what to send on:
/// its problems, then the inputs it changed, if any.
fn read_batch(root: &Path, batch: Vec<notify::Result<Event>>) -> (Vec<PathBuf>, Vec<WatchEvent>) {
    let mut paths = Vec::new();
    let mut messages = Vec::new();
    for event in batch {
        match event {
            // The system's queue of events overflowed: some changes were lost.
            Ok(event) if event.need_rescan() => messages.push(WatchEvent::Problem(LOST.to_string())),
            Ok(event) => paths.extend(event.paths),
            Err(e) => messages.push(WatchEvent::Problem(e.to_string())),
        }
    }
    let mut changed: Vec<PathBuf> = paths.iter().filter_map(|p| input_path(root, p)).collect();
    changed.sort();
    changed.dedup();
    if !changed.is_empty() {
        messages.push(WatchEvent::Changed(changed));
    }
    (paths, messages)
}

/// How long to wait for more after `event`.
fn quiet_after(event: &notify::Result<Event>) -> Duration {
    match event.as_ref().map(|e| e.kind) {
        Ok(EventKind::Access(AccessKind::Close(AccessMode::Write)))
        | Ok(EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both))) => SETTLE,
        _ => DEBOUNCE,
    }
}

/// Watches each input folder that exists and is not watched yet, or that the batch shows was
/// replaced (a folder deleted and made again loses its watch).
fn rewatch(watcher: &mut RecommendedWatcher, root: &Path, watched: &mut Vec<PathBuf>, changed: &[PathBuf]) {
    for input in INPUTS.iter().skip(1) {
        let dir = root.join(input);
        let touched = changed
            .iter()
            .any(|p| p.ends_with(input) && p.parent() == Some(root));
        let known = watched.contains(&dir);
        if dir.is_dir() && (!known || touched) {
            if known {
                let _ = watcher.unwatch(&dir);
            }
            if watcher.watch(&dir, RecursiveMode::Recursive).is_ok() && !known {
                watched.push(dir);
            }
        } else if !dir.exists() {
            watched.retain(|w| w != &dir);
        }
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

    fn event(kind: EventKind, path: &str) -> notify::Result<Event> {
        Ok(Event::new(kind).add_path(PathBuf::from(path)))
    }

    #[test]
    fn lost_events_and_errors_are_problems_and_changed_inputs_one_change() {
        let root = Path::new("/site");
        let modified = EventKind::Modify(ModifyKind::Any);
        let batch = vec![
            event(modified, "/site/content/incidents/b.md"),
            Ok(Event::new(EventKind::Other).set_flag(notify::event::Flag::Rescan)),
            event(modified, "/site/public/index.html"),
            event(modified, "/site/content/incidents/a.md"),
            event(modified, "/site/content/incidents/b.md"),
            Err(notify::Error::generic("too many watches")),
        ];
        let (paths, messages) = read_batch(root, batch);
        assert_eq!(paths.len(), 4, "every path goes to rewatch: {paths:?}");
        let described: Vec<String> = messages.iter().map(|m| format!("{m:?}")).collect();
        assert_eq!(described.len(), 3, "{described:?}");
        assert!(described[0].contains("queue overflowed"), "{described:?}");
        assert!(described[1].contains("too many watches"), "{described:?}");
        assert_eq!(
            described[2],
            format!(
                "{:?}",
                WatchEvent::Changed(vec![
                    PathBuf::from("content/incidents/a.md"),
                    PathBuf::from("content/incidents/b.md")
                ])
            )
        );
        let (_, quiet) = read_batch(root, vec![event(modified, "/site/public/x.html")]);
        assert!(quiet.is_empty(), "{quiet:?}");
    }

    #[test]
    fn the_end_of_a_save_waits_less_for_more() {
        let write = EventKind::Modify(ModifyKind::Data(notify::event::DataChange::Any));
        let closed = EventKind::Access(AccessKind::Close(AccessMode::Write));
        let renamed = EventKind::Modify(ModifyKind::Name(RenameMode::To));
        assert_eq!(quiet_after(&event(write, "/s/a.md")), DEBOUNCE);
        assert_eq!(
            quiet_after(&event(
                EventKind::Remove(notify::event::RemoveKind::Any),
                "/s/a.md"
            )),
            DEBOUNCE
        );
        assert_eq!(quiet_after(&event(closed, "/s/a.md")), SETTLE);
        assert_eq!(quiet_after(&event(renamed, "/s/a.md")), SETTLE);
        assert_eq!(quiet_after(&Err(notify::Error::generic("lost"))), DEBOUNCE);
    }

    #[test]
    fn events_that_come_together_are_one_batch_and_a_later_one_the_next() {
        let (tx, rx) = mpsc::channel();
        let kinds = [
            EventKind::Modify(ModifyKind::Any),
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
            EventKind::Create(notify::event::CreateKind::File),
        ];
        for (n, kind) in kinds.into_iter().enumerate() {
            tx.send(event(kind, &format!("/s/{n}.md"))).unwrap();
        }
        // Well past any quiet time: a batch of its own.
        let later = thread::spawn(move || {
            thread::sleep(DEBOUNCE * 10);
            tx.send(event(EventKind::Modify(ModifyKind::Any), "/s/later.md"))
                .unwrap();
        });
        let paths = |batch: Vec<notify::Result<Event>>| -> Vec<PathBuf> {
            batch.into_iter().flat_map(|e| e.unwrap().paths).collect()
        };
        let first = paths(next_batch(&rx).unwrap());
        assert_eq!(first, ["/s/0.md", "/s/1.md", "/s/2.md"].map(PathBuf::from));
        assert_eq!(paths(next_batch(&rx).unwrap()), [PathBuf::from("/s/later.md")]);
        later.join().unwrap();
        assert!(next_batch(&rx).is_none(), "the watcher is gone");
    }
}
