//! Parsed content files kept between loads, for `serve`: on a save, only the files that changed
//! are read and parsed again, so a 10,000-incident site reloads in a fraction of a full load.
//!
//! A file counts as unchanged when its size and modification time are what they were when it
//! was read, and it had not been modified just before that read. The second condition is git's
//! answer to "racily clean" files: file times are only as fine as the kernel's clock tick, so a
//! file written twice within one tick keeps its time; a file read within [`RACY`] of its last
//! write is therefore read again next time, whatever its time says.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::error::Diagnostic;

/// How long after a write a file's time stays untrusted (several clock ticks on any system).
pub const RACY: Duration = Duration::from_secs(2);

/// What a file looked like when it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: SystemTime,
}

impl Stamp {
    /// The file's size and time now; `None` when it cannot be read (the load then reports why).
    pub fn of(path: &Path) -> Option<Stamp> {
        let meta = fs::metadata(path).ok()?;
        Some(Stamp {
            len: meta.len(),
            modified: meta.modified().ok()?,
        })
    }
}

/// One file's stamp before it was read, when it was read, and what parsing it gave.
struct Entry<T> {
    stamp: Stamp,
    read_at: SystemTime,
    parsed: Result<T, Vec<Diagnostic>>,
}

/// Parse results by file path.
pub struct FileCache<T> {
    entries: HashMap<PathBuf, Entry<T>>,
}

impl<T> Default for FileCache<T> {
    fn default() -> Self {
        FileCache {
            entries: HashMap::new(),
        }
    }
}

impl<T: Clone> FileCache<T> {
    /// The stored result for `path` if the file is as it was when read (`stamp` is its stamp
    /// now).
    pub fn get(&self, path: &Path, stamp: Option<Stamp>) -> Option<Result<T, Vec<Diagnostic>>> {
        let entry = self.entries.get(path)?;
        fresh(entry.stamp, entry.read_at, stamp?).then(|| entry.parsed.clone())
    }

    /// Stores what parsing `path` gave; `stamp` and `read_at` were taken before reading it.
    pub fn insert(
        &mut self,
        path: PathBuf,
        stamp: Option<Stamp>,
        read_at: SystemTime,
        parsed: Result<T, Vec<Diagnostic>>,
    ) {
        match stamp {
            Some(stamp) => {
                self.entries.insert(
                    path,
                    Entry {
                        stamp,
                        read_at,
                        parsed,
                    },
                );
            }
            None => {
                self.entries.remove(&path);
            }
        }
    }

    /// Forgets every file not in `keep` (deleted files).
    pub fn retain(&mut self, keep: &[PathBuf]) {
        if self.entries.len() != keep.len() {
            let keep: std::collections::HashSet<&PathBuf> = keep.iter().collect();
            self.entries.retain(|path, _| keep.contains(path));
        }
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }
}

/// Whether a file read at `read_at` with `then` as its stamp still holds what was read.
pub fn fresh(then: Stamp, read_at: SystemTime, now: Stamp) -> bool {
    let settled = then.modified + RACY <= read_at;
    then == now && settled
}

/// The stamp of `config.toml` at the last load, to parse every incident again when it changes
/// (incidents are read in the site's time zone and checked against its components).
#[derive(Default)]
pub struct ConfigStamp(Option<(Stamp, SystemTime)>);

impl ConfigStamp {
    /// Records the config's stamp now; true when it is not the one recorded last time.
    pub fn changed(&mut self, path: &Path) -> bool {
        let read_at = SystemTime::now();
        let now = Stamp::of(path);
        let same = match (self.0, now) {
            (Some((then, at)), Some(now)) => fresh(then, at, now),
            _ => false,
        };
        self.0 = now.map(|s| (s, read_at));
        !same
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_fresh_only_with_the_same_stamp_and_read_well_after_its_write() {
        let t = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
        let stamp = Stamp { len: 10, modified: t };
        assert!(fresh(stamp, t + RACY, stamp));
        // Read within the same tick as the write: a second write could keep the same time.
        assert!(!fresh(stamp, t + Duration::from_millis(1), stamp));
        let grown = Stamp { len: 11, modified: t };
        assert!(!fresh(stamp, t + RACY, grown));
        let touched = Stamp {
            len: 10,
            modified: t + Duration::from_secs(5),
        };
        assert!(!fresh(stamp, t + RACY, touched));
    }
}
