//! Parsed content files kept between loads, for `serve`: on a save, only the files that changed
//! are read and parsed again, so a 10,000-incident site reloads in a fraction of a full load.
//!
//! A file counts as unchanged when its size and modification time are what they were when it
//! was read, and it had not been modified just before that read. The second condition is git's
//! answer to "racily clean" files: file times are only as fine as the kernel's clock tick, so a
//! file written twice within one tick keeps its time; a file read within [`RACY`] of its last
//! write is therefore read again next time, whatever its time says.

use rustc_hash::{FxHashMap, FxHashSet};
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use crate::error::Diagnostic;

/// How long after a write a file's time stays untrusted (several clock ticks on any system).
pub const RACY: Duration = Duration::from_secs(2);

/// The whole of `file`, which held `len` bytes when its stamp was taken: one `read` when it
/// still does. A read that asked for `len + 1` bytes and got exactly `len` is at the end,
/// so the second `read` that `read_to_end` makes to find that end is spared (a tenth of
/// a cold load's system calls). Any other count (the file grew, shrank, or a read came
/// back short) reads on to the end as `read_to_end` does. `File`'s own `read_to_end` is not
/// used: it asks the file for its size again (`statx`, `lseek`), which the stamp has just
/// given.
fn read_sized(file: &mut fs::File, len: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    // A size past `usize` cannot be held anyway: read on from nothing, as for a file that grew.
    let len = usize::try_from(len).unwrap_or(0);
    let mut bytes = vec![0; len + 1];
    let first = loop {
        match file.read(&mut bytes) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            other => break other?,
        }
    };
    bytes.truncate(first);
    if first != len {
        file.take(u64::MAX).read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}

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
    entries: FxHashMap<PathBuf, Entry<T>>,
}

impl<T> Default for FileCache<T> {
    fn default() -> Self {
        FileCache {
            entries: FxHashMap::default(),
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

    /// The stored result for `path` without looking at the file, when the caller knows it has
    /// not changed since it was read (a file watcher did not report it) and it was not written
    /// in the instant it was read (a write then may not show in its stamp, see [`fresh`]).
    pub fn get_unchanged(&self, path: &Path) -> Option<Result<T, Vec<Diagnostic>>> {
        let entry = self.entries.get(path)?;
        fresh(entry.stamp, entry.read_at, entry.stamp).then(|| entry.parsed.clone())
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
            let keep: FxHashSet<&PathBuf> = keep.iter().collect();
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

/// A hash that tells this program from another build of beacon (its size and time, which
/// another build would not share): what a cache made by one build of beacon is good for only in
/// the same one. A program that cannot be looked at gets a hash no later run repeats.
pub fn program() -> u128 {
    use std::hash::Hash;
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    let program = std::env::current_exe()
        .and_then(fs::metadata)
        .and_then(|meta| Ok((meta.len(), meta.modified()?)));
    match program {
        Ok(stamp) => stamp.hash(&mut h),
        Err(_) => SystemTime::now().hash(&mut h),
    }
    h.digest128()
}

/// The text of every content file a build read, kept in the site's `.beacon/cache/texts/` so
/// that the next build takes each file that has not changed since (by [`Stamp`], with the racy
/// rule above) from a few kept files instead of opening thousands: a rebuild of a large site
/// then costs one look at each file, not a read. The texts are spread over [`SHARDS`] files by
/// a hash of each path, so one edit rewrites one of them, not all. The kept files are beacon's
/// alone (their folder says so to git and to backup tools), each read whole or not at all:
/// anything wrong with one (its hash of what it holds included), and the files it held are read
/// from the disk as if it were not there.
///
/// A file that parsed is kept as what parsing it gave ([`Texts::keep_parsed`]), not as its
/// text, so the next build neither reads nor parses it ([`Texts::parsed`]). A parse depends on
/// the program and the site's config too: each kept file names the `parser` (a hash of both)
/// its parses were made by, and they count only for the same one.
pub struct Texts {
    /// Each kept file as read: every text, one after the other, after the index line.
    buffers: Vec<Vec<u8>>,
    /// Each kept text or parse by path, and whether this load took it as it is.
    kept: FxHashMap<PathBuf, Held>,
    /// What this load read anew, by path, to keep in place of what `kept` holds.
    read: Mutex<FxHashMap<PathBuf, Kept<Vec<u8>>>>,
    /// What this load's parses depend on besides the files (see [`Texts::open`]).
    parser: u128,
}

/// A text or parse as kept: its shard, and its bytes as a range of that shard's buffer.
struct Held {
    shard: usize,
    kept: Kept<Range<usize>>,
    /// This load took it as it is (so the next build finds it again), with no lock taken: a
    /// rebuild takes thousands at once.
    taken: AtomicBool,
}

impl Held {
    fn take(&self) {
        self.taken.store(true, Ordering::Relaxed);
    }

    fn taken(&self) -> bool {
        self.taken.load(Ordering::Relaxed)
    }
}

/// What one kept file lists, by path: each text or parse as a range of the file's bytes.
type Listed = FxHashMap<PathBuf, Kept<Range<usize>>>;

/// The texts of one kept file, by path; no bytes for a parse that [`Parses`] holds.
type Shard<'t> = Vec<(&'t PathBuf, Kept<Option<&'t [u8]>>)>;

/// A value that parsing a content file gave, as [`Texts::stage`] keeps it.
pub trait Parse: Sync {
    /// Appends the value, in the `postcard` format, to `out`; false (and `out` as it was) if
    /// it cannot be kept.
    fn append_to(&self, out: &mut Vec<u8>) -> bool;
}

impl<T: Serialize + Sync> Parse for T {
    fn append_to(&self, out: &mut Vec<u8>) -> bool {
        let len = out.len();
        let made = postcard::to_io(self, &mut *out).is_ok();
        if !made {
            out.truncate(len);
        }
        made
    }
}

/// What a load parsed anew, by path: each file noted with [`Texts::keep_parsed`] and its
/// value, for [`Texts::stage`].
pub type Parses<'a> = FxHashMap<PathBuf, &'a dyn Parse>;

/// One file's text, or what parsing it gave, and what the file looked like when it was read.
struct Kept<B> {
    stamp: Stamp,
    read_at: SystemTime,
    /// `bytes` are a parse of the text (in the `postcard` format), not the text.
    parsed: bool,
    bytes: B,
}

impl<B> Kept<B> {
    /// The same stamp and form, with `bytes`.
    fn with<C>(&self, bytes: C) -> Kept<C> {
        Kept {
            stamp: self.stamp,
            read_at: self.read_at,
            parsed: self.parsed,
            bytes,
        }
    }
}

/// The first line of a kept file: what follows it, in order, byte for byte.
#[derive(Serialize, Deserialize)]
struct Index {
    format: String,
    /// The `parser` (hexadecimal) the file's parses were made by.
    parser: String,
    /// A hash (xxh3, hexadecimal) of all that follows the index line: a kept file changed by
    /// anything but beacon counts for nothing, where a changed parse could still decode.
    sum: String,
    /// Path, length, modified and read (nanoseconds since 1970), whether a parse or the text
    /// follows, and how many bytes.
    files: Vec<(String, u64, u64, u64, bool, usize)>,
}

const TEXTS_FORMAT: &str = "beacon-texts/4";

/// How many files the texts are spread over.
pub const SHARDS: usize = 32;

/// The site's own cache folder.
pub const CACHE_DIR: &str = ".beacon/cache";

/// The kept file that holds `path`'s text.
fn shard_of(path: &Path) -> usize {
    (xxhash_rust::xxh3::xxh3_64(path.as_os_str().as_encoded_bytes()) % SHARDS as u64) as usize
}

impl Texts {
    /// What the last build of the site under `root` kept (nothing if it kept nothing), with
    /// the parses of those made by the same `parser`: a hash of all a parse depends on besides
    /// the file (the program, with [`program`], and the config).
    pub fn open(root: &Path, parser: u128) -> Texts {
        use rayon::prelude::*;
        let dir = root.join(CACHE_DIR).join("texts");
        // Each kept file read and checked on its own, in parallel.
        let shards: Vec<(Vec<u8>, Listed)> = (0..SHARDS)
            .into_par_iter()
            .map(|n| {
                let buffer = fs::read(dir.join(format!("{n:02}"))).unwrap_or_default();
                // A kept file holds only paths of its own shard, or none of it counts.
                let files = parse_kept(&buffer, parser)
                    .filter(|f| f.keys().all(|p| shard_of(p) == n))
                    .unwrap_or_default();
                (buffer, files)
            })
            .collect();
        let mut buffers = Vec::with_capacity(SHARDS);
        let mut kept = FxHashMap::default();
        for (n, (buffer, files)) in shards.into_iter().enumerate() {
            buffers.push(buffer);
            let held = |kept| Held {
                shard: n,
                kept,
                taken: AtomicBool::new(false),
            };
            kept.extend(files.into_iter().map(|(path, k)| (path, held(k))));
        }
        Texts {
            buffers,
            kept,
            read: Mutex::new(FxHashMap::default()),
            parser,
        }
    }

    /// What parsing `path` gave when a build last read it, if the file has not changed since
    /// and that parse is still good (kept with [`Texts::keep_parsed`], by the same `parser`).
    pub fn parsed<T: serde::de::DeserializeOwned>(&self, path: &Path) -> Option<T> {
        let held = self.kept.get(path).filter(|h| h.kept.parsed)?;
        if !fresh(held.kept.stamp, held.kept.read_at, Stamp::of(path)?) {
            return None;
        }
        let value = postcard::from_bytes(&self.buffers[held.shard][held.kept.bytes.clone()]).ok()?;
        held.take();
        Some(value)
    }

    /// Notes that `path` (just taken with [`Texts::read`]) parsed, so that what parsing it
    /// gave is kept in place of its text, for [`Texts::parsed`] in the next build. The parse
    /// itself is made into bytes only by [`Texts::stage`], from the load's values
    /// ([`Parses`]), one kept file at a time: a large site's parses weigh as much as the site,
    /// and the load holds the site already.
    pub fn keep_parsed(&self, path: &Path) {
        let mut read = self.lock();
        let (stamp, read_at) = match (read.get(path), self.kept.get(path)) {
            (Some(k), _) => (k.stamp, k.read_at),
            (None, Some(held)) if held.taken() => (held.kept.stamp, held.kept.read_at),
            _ => return,
        };
        let kept = Kept {
            stamp,
            read_at,
            parsed: true,
            // Made at staging, from `Parses`.
            bytes: Vec::new(),
        };
        read.insert(path.to_path_buf(), kept);
    }

    /// The bytes of `path`: kept ones if the file has not changed since they were read, else
    /// the file's.
    pub fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        // A kept parse is no text: the file is read.
        let Some(held) = self.kept.get(path).filter(|h| !h.kept.parsed) else {
            // Nothing kept: one look at the open file, for its stamp.
            let read_at = SystemTime::now();
            let mut file = fs::File::open(path)?;
            let meta = file.metadata()?;
            let bytes = read_sized(&mut file, meta.len())?;
            if let Ok(modified) = meta.modified() {
                let stamp = Stamp {
                    len: meta.len(),
                    modified,
                };
                self.keep(path, stamp, read_at, &bytes);
            }
            return Ok(bytes);
        };
        let (kept, kept_bytes) = (&held.kept, &self.buffers[held.shard][held.kept.bytes.clone()]);
        let stamp = Stamp::of(path);
        if let Some(now) = stamp {
            if fresh(kept.stamp, kept.read_at, now) {
                held.take();
                return Ok(kept_bytes.to_vec());
            }
        }
        let read_at = SystemTime::now();
        let bytes = fs::read(path)?;
        // The same bytes as kept, read again too soon after the file's last change to trust
        // its stamp: what is kept stays, so a build that changed nothing rewrites nothing.
        let same =
            Some(kept.stamp) == stamp && !fresh(kept.stamp, read_at, kept.stamp) && kept_bytes == bytes;
        if same {
            held.take();
            return Ok(bytes);
        }
        if let Some(stamp) = stamp {
            self.keep(path, stamp, read_at, &bytes);
        }
        Ok(bytes)
    }

    /// Keeps `bytes`, read anew from `path`, for the next build.
    fn keep(&self, path: &Path, stamp: Stamp, read_at: SystemTime, bytes: &[u8]) {
        let kept = Kept {
            stamp,
            read_at,
            parsed: false,
            bytes: bytes.to_vec(),
        };
        self.lock().insert(path.to_path_buf(), kept);
    }

    /// Keeps what this load read for the next build: rewrites each kept file whose texts are
    /// not what it holds already (one read anew, or one no longer read). Writes only inside
    /// the site's `.beacon/cache/` (the site's `root`); a cache that cannot be written is no
    /// error: the next build reads those files. `parses` holds the value of each file noted
    /// with [`Texts::keep_parsed`]; a file it lacks is not kept.
    pub fn save(self, root: &Path, parses: &Parses) {
        self.stage(root, parses).commit();
    }

    /// [`Texts::save`] in two steps: the kept files that change are written now, each beside
    /// its place and on a thread of its own, each noted parse made from `parses` as its file
    /// is written, and what this load kept is freed (a large site's texts weigh as much as its
    /// parses); they take their places at [`Staged::commit`], once the build succeeded. Dropped
    /// uncommitted, the staged files are removed, and with them any folder staging made, so a
    /// failed build leaves the cache as it was.
    pub fn stage(self, root: &Path, parses: &Parses) -> Staged {
        use rayon::prelude::*;
        let mut staged = Staged::default();
        let read = self.read.into_inner().unwrap_or_else(|e| e.into_inner());
        let mut shards: Vec<Shard> = (0..SHARDS).map(|_| Vec::new()).collect();
        let mut changed = [false; SHARDS];
        for (path, k) in &read {
            let n = shard_of(path);
            changed[n] = true;
            // A parse is made from `parses` when its kept file is written.
            let bytes = (!k.parsed).then_some(k.bytes.as_slice());
            shards[n].push((path, k.with(bytes)));
        }
        for (path, held) in &self.kept {
            if held.taken() && !read.contains_key(path) {
                let bytes = &self.buffers[held.shard][held.kept.bytes.clone()];
                shards[held.shard].push((path, held.kept.with(Some(bytes))));
            }
        }
        // A file kept but not read this time (deleted, or no longer content): its shard loses it.
        let mut kept_per_shard = [0usize; SHARDS];
        for held in self.kept.values() {
            kept_per_shard[held.shard] += 1;
        }
        let mut to_stage: Vec<(usize, Shard)> = shards
            .into_iter()
            .enumerate()
            .filter(|(n, files)| changed[*n] || files.len() != kept_per_shard[*n])
            .collect();
        if to_stage.is_empty() {
            return staged;
        }
        let Ok(confined) = crate::write::Confinement::new(root) else {
            return Staged::default();
        };
        if ensure_cache_dir(&confined, &mut staged.made).is_err() {
            // What it made goes.
            return Staged::default();
        }
        // Each kept file on its own, in parallel: its parses are made as it is written.
        let written: Vec<_> = to_stage
            .par_iter_mut()
            .map(|(n, files)| {
                files.sort_by(|a, b| a.0.cmp(b.0));
                stage_kept(&confined, *n, self.parser, files, parses)
            })
            .collect();
        let failed = written.iter().any(Result::is_err);
        staged.files.extend(written.into_iter().flatten());
        if failed {
            // Nothing half-kept: dropped, `staged` removes what was staged.
            return Staged::default();
        }
        staged
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, FxHashMap<PathBuf, Kept<Vec<u8>>>> {
        self.read.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn nanos(t: SystemTime) -> Option<u64> {
    u64::try_from(t.duration_since(SystemTime::UNIX_EPOCH).ok()?.as_nanos()).ok()
}

/// The texts of one kept file, and the parses made by `parser`.
fn parse_kept(bytes: &[u8], parser: u128) -> Option<Listed> {
    let end = bytes.iter().position(|&b| b == b'\n')?;
    let index: Index = serde_json::from_slice(&bytes[..end]).ok()?;
    if index.format != TEXTS_FORMAT || index.sum != sum_of(&bytes[end + 1..]) {
        return None;
    }
    let same_parser = index.parser == format!("{parser:032x}");
    let mut at = end + 1;
    let mut kept = FxHashMap::with_capacity_and_hasher(index.files.len(), Default::default());
    for (path, len, modified, read_at, parsed, size) in index.files {
        let range = at..at.checked_add(size)?;
        bytes.get(range.clone())?;
        at += size;
        if parsed && !same_parser {
            continue;
        }
        let time = |ns: u64| SystemTime::UNIX_EPOCH + Duration::from_nanos(ns);
        kept.insert(
            PathBuf::from(path),
            Kept {
                stamp: Stamp {
                    len,
                    modified: time(modified),
                },
                read_at: time(read_at),
                parsed,
                bytes: range,
            },
        );
    }
    (at == bytes.len()).then_some(kept)
}

/// The `sum` of an [`Index`] for the bytes that follow it.
fn sum_of(body: &[u8]) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(body))
}

/// Kept files written beside their places by [`Texts::stage`], and what staging made for them.
#[derive(Default)]
pub struct Staged {
    /// Each staged file and the place it goes.
    files: Vec<(PathBuf, PathBuf)>,
    /// The folders and files staging made (the cache folder's), in the order made.
    made: Vec<PathBuf>,
}

impl Staged {
    /// Puts every staged file in its place.
    pub fn commit(mut self) {
        for (partial, file) in std::mem::take(&mut self.files) {
            if fs::rename(&partial, &file).is_err() {
                let _ = fs::remove_file(&partial);
            }
        }
        self.made.clear();
    }
}

impl Drop for Staged {
    /// Uncommitted: removes the staged files, then what staging made, last made first (a
    /// folder only if it is empty again).
    fn drop(&mut self) {
        for (partial, _) in &self.files {
            let _ = fs::remove_file(partial);
        }
        for made in self.made.iter().rev() {
            let _ = match made.is_dir() {
                true => fs::remove_dir(made),
                false => fs::remove_file(made),
            };
        }
    }
}

/// Writes the kept file `n` whole, beside its place (in the cache folder, made already),
/// each parse that `files` lists without bytes made from `parses`; returns the file written
/// and its place.
fn stage_kept(
    confined: &crate::write::Confinement,
    n: usize,
    parser: u128,
    files: &[(&PathBuf, Kept<Option<&[u8]>>)],
    parses: &Parses,
) -> crate::error::Result<(PathBuf, PathBuf)> {
    // Sized for the files' texts (up to 64 MiB): a parse is about as large (at 100,000
    // incidents the kept files weigh 0.92 of the content), so the body is seldom grown and
    // copied, and two shards staged at once hold no doubled buffers.
    let texts = files
        .iter()
        .fold(0u64, |sum, (_, k)| sum.saturating_add(k.stamp.len));
    let mut body = Vec::with_capacity(texts.min(64 << 20) as usize);
    let mut listed = Vec::with_capacity(files.len());
    for (path, k) in files {
        let (Some(name), Some(modified), Some(read_at)) =
            (path.to_str(), nanos(k.stamp.modified), nanos(k.read_at))
        else {
            continue;
        };
        let start = body.len();
        let made = match k.bytes {
            Some(bytes) => {
                body.extend_from_slice(bytes);
                true
            }
            None => parses
                .get(path.as_path())
                .is_some_and(|parse| parse.append_to(&mut body)),
        };
        // A parse not made is not kept: the next build reads the file.
        if made {
            let size = body.len() - start;
            listed.push((name.to_string(), k.stamp.len, modified, read_at, k.parsed, size));
        }
    }
    let index = Index {
        format: TEXTS_FORMAT.to_string(),
        parser: format!("{parser:032x}"),
        sum: sum_of(&body),
        files: listed,
    };
    let file = confined.path(&format!("{CACHE_DIR}/texts/{n:02}"))?;
    let partial = file.with_extension("partial");
    let io = |e| crate::error::Error::io(&partial, e);
    let mut line = serde_json::to_vec(&index).map_err(|e| io(e.into()))?;
    line.push(b'\n');
    let written = fs::File::create(&partial).and_then(|mut out| {
        use std::io::Write;
        out.write_all(&line)?;
        out.write_all(&body)
    });
    if let Err(e) = written {
        let _ = fs::remove_file(&partial);
        return Err(io(e));
    }
    Ok((partial, file))
}

/// Makes the site's cache folder and its `texts/` unless they are there, adding to `made`
/// each folder and file it makes, or fails if the cache folder is there but beacon did not
/// make it (no `CACHEDIR.TAG` of its own).
fn ensure_cache_dir(
    confined: &crate::write::Confinement,
    made: &mut Vec<PathBuf>,
) -> crate::error::Result<()> {
    let dir = confined.root().join(CACHE_DIR);
    let io = |e| crate::error::Error::io(&dir, e);
    let tag = dir.join("CACHEDIR.TAG");
    if dir.is_dir() {
        // A folder of that name that beacon did not make is left alone.
        if !tag.is_file() {
            return Err(io(std::io::Error::other("not beacon's cache folder")));
        }
    } else {
        // `.beacon/`, then `.beacon/cache/`, each noted if made here.
        for folder in [dir.parent().unwrap_or(&dir), &dir] {
            match fs::create_dir(folder) {
                Ok(()) => made.push(folder.to_path_buf()),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && folder.is_dir() => {}
                Err(e) => return Err(io(e)),
            }
        }
        // Beacon's own: not for git, and not worth a backup.
        let ignore = dir.join(".gitignore");
        fs::write(&ignore, "# beacon's cache: rebuilt by any build\n*\n").map_err(io)?;
        made.push(ignore);
        fs::write(
            &tag,
            "Signature: 8a477f597d28d172789f06886806bc55\n# beacon's cache (https://bford.info/cachedir/)\n",
        )
        .map_err(io)?;
        made.push(tag);
    }
    let texts = dir.join("texts");
    // The single kept file of earlier builds of beacon stands where the folder goes: it is
    // beacon's (the folder carries its tag), and no build reads it any more, so it goes.
    if texts.is_file() {
        fs::remove_file(&texts).map_err(io)?;
    }
    match fs::create_dir(&texts) {
        Ok(()) => {
            made.push(texts);
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && texts.is_dir() => Ok(()),
        Err(e) => Err(io(e)),
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

    /// Whatever size the stamp said, the whole file is read: the size it still has, one it
    /// grew past, one it shrank below, and nothing at all.
    #[test]
    fn a_sized_read_gives_the_whole_file_whatever_size_the_stamp_said() {
        let root = site("sized");
        let text = "title = \"Mail is down\"\n".repeat(300);
        for (content, said) in [
            (text.as_str(), text.len()),
            (text.as_str(), 10),
            (text.as_str(), 0),
            (&text[..5], text.len()),
            ("", 0),
            ("", 7),
        ] {
            let path = root.join("file.md");
            fs::write(&path, content).unwrap();
            let mut file = fs::File::open(&path).unwrap();
            let read = read_sized(&mut file, said as u64).unwrap();
            assert_eq!(
                read,
                content.as_bytes(),
                "{} bytes said to be {said}",
                content.len()
            );
        }
        fs::remove_dir_all(root).unwrap();
    }

    /// A site folder of its own under the system's temporary folder.
    fn site(name: &str) -> PathBuf {
        let root = std::env::temp_dir().join(format!("beacon-texts-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(&root).unwrap();
        root
    }

    /// Writes `text` to `path` and sets its time to `modified`.
    fn write_at(path: &Path, text: &str, modified: SystemTime) {
        fs::write(path, text).unwrap();
        fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(modified)
            .unwrap();
    }

    /// One build of the site under `root`: what it reads of `path`, then what it keeps.
    fn build(root: &Path, path: &Path) -> String {
        let texts = Texts::open(root, 0);
        let text = String::from_utf8(texts.read(path).unwrap()).unwrap();
        texts.save(root, &Parses::default());
        text
    }

    #[test]
    fn a_file_unchanged_by_its_stamp_is_taken_from_the_kept_texts_and_any_other_is_read() {
        let root = site("kept");
        let file = root.join("a.md");
        let old = SystemTime::now() - Duration::from_secs(3600);
        write_at(&file, "first", old);
        assert_eq!(build(&root, &file), "first");
        assert!(root.join(CACHE_DIR).join("CACHEDIR.TAG").is_file());
        // Other bytes behind the same size and time: the kept text is what the build takes,
        // which shows the file was not read.
        write_at(&file, "FIRST", old);
        assert_eq!(build(&root, &file), "first");
        // Another size, or another time: read anew, and kept for the next build.
        write_at(&file, "second", old);
        assert_eq!(build(&root, &file), "second");
        write_at(&file, "SECOND", old + Duration::from_secs(1));
        assert_eq!(build(&root, &file), "SECOND");
        write_at(&file, "later!", old + Duration::from_secs(1));
        assert_eq!(build(&root, &file), "SECOND");
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn staged_kept_files_take_their_places_only_when_committed() {
        let root = site("staged");
        let file = root.join("a.md");
        let old = SystemTime::now() - Duration::from_secs(3600);
        write_at(&file, "first", old);
        // A first build that fails after staging leaves no trace, not even the cache folder.
        let texts = Texts::open(&root, 0);
        texts.read(&file).unwrap();
        let staged = texts.stage(&root, &Parses::default());
        assert!(
            root.join(CACHE_DIR).join("texts").is_dir(),
            "staged beside its place"
        );
        drop(staged);
        let left: Vec<_> = fs::read_dir(&root)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(left, ["a.md"], "a failed build's staging is all removed");
        // One that succeeds keeps the text.
        let texts = Texts::open(&root, 0);
        texts.read(&file).unwrap();
        texts.stage(&root, &Parses::default()).commit();
        let kept = fs::read_dir(root.join(CACHE_DIR).join("texts")).unwrap().count();
        assert_eq!(kept, 1);
        // A later failed build leaves what is kept as it was, and its folders.
        let before = fs::read(
            root.join(CACHE_DIR)
                .join("texts")
                .join(format!("{:02}", shard_of(&file))),
        );
        write_at(&file, "second", old + Duration::from_secs(1));
        let texts = Texts::open(&root, 0);
        assert_eq!(texts.read(&file).unwrap(), b"second");
        drop(texts.stage(&root, &Parses::default()));
        let after = fs::read(
            root.join(CACHE_DIR)
                .join("texts")
                .join(format!("{:02}", shard_of(&file))),
        );
        assert_eq!(before.unwrap(), after.unwrap());
        assert_eq!(
            fs::read_dir(root.join(CACHE_DIR).join("texts")).unwrap().count(),
            1
        );
        assert!(root.join(CACHE_DIR).join("CACHEDIR.TAG").is_file());
        // And the next build still finds the first text kept, so reads the file.
        assert_eq!(build(&root, &file), "second");
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_file_read_too_soon_after_its_change_is_read_again() {
        let root = site("racy");
        let file = root.join("a.md");
        let recent = SystemTime::now();
        write_at(&file, "first", recent);
        assert_eq!(build(&root, &file), "first");
        // Changed within the same tick as the read before: the same stamp proves nothing.
        write_at(&file, "again", recent);
        assert_eq!(build(&root, &file), "again");
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_broken_kept_file_is_as_none_and_a_cache_folder_beacon_did_not_make_is_left_alone() {
        let root = site("broken");
        let file = root.join("a.md");
        write_at(&file, "first", SystemTime::now() - Duration::from_secs(3600));
        build(&root, &file);
        let kept = root
            .join(CACHE_DIR)
            .join("texts")
            .join(format!("{:02}", shard_of(&file)));
        let bytes = fs::read(&kept).unwrap();
        for cut in [0, 1, bytes.len() / 2, bytes.len() - 1] {
            fs::write(&kept, &bytes[..cut]).unwrap();
            write_at(&file, "FIRST", SystemTime::now() - Duration::from_secs(3600));
            assert_eq!(Texts::open(&root, 0).read(&file).unwrap(), b"FIRST");
        }
        // One byte of the kept text changed, its length and the index as they were: the file
        // (unchanged since) is read, not the changed byte.
        assert_eq!(build(&root, &file), "FIRST");
        let mut changed = fs::read(&kept).unwrap();
        *changed.last_mut().unwrap() ^= 0x20;
        fs::write(&kept, &changed).unwrap();
        assert_eq!(Texts::open(&root, 0).read(&file).unwrap(), b"FIRST");
        // A kept file holding a path of another shard counts for nothing.
        let other = (shard_of(&file) + 1) % SHARDS;
        fs::rename(&kept, kept.with_file_name(format!("{other:02}"))).unwrap();
        write_at(&file, "other", SystemTime::now() - Duration::from_secs(3600));
        assert_eq!(Texts::open(&root, 0).read(&file).unwrap(), b"other");
        fs::remove_dir_all(&root).unwrap();

        let root = site("theirs");
        fs::create_dir_all(root.join(CACHE_DIR)).unwrap();
        fs::write(root.join(CACHE_DIR).join("texts"), "mine").unwrap();
        let file = root.join("a.md");
        write_at(&file, "first", SystemTime::now() - Duration::from_secs(3600));
        build(&root, &file);
        assert_eq!(
            fs::read_to_string(root.join(CACHE_DIR).join("texts")).unwrap(),
            "mine"
        );
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn one_changed_file_rewrites_only_the_kept_file_that_holds_it() {
        let root = site("shards");
        let old = SystemTime::now() - Duration::from_secs(3600);
        let files: Vec<PathBuf> = (0..200).map(|n| root.join(format!("{n}.md"))).collect();
        for file in &files {
            write_at(file, "text", old);
        }
        let load = || {
            let texts = Texts::open(&root, 0);
            for file in &files {
                texts.read(file).unwrap();
            }
            texts.save(&root, &Parses::default());
        };
        load();
        let dir = root.join(CACHE_DIR).join("texts");
        // Each kept file's time; `None` for a shard that no path hashes to (the paths hold
        // this process's id, so which shards stay empty changes from run to run).
        let times = || -> Vec<Option<SystemTime>> {
            (0..SHARDS)
                .map(|n| {
                    fs::metadata(dir.join(format!("{n:02}")))
                        .ok()
                        .map(|m| m.modified().unwrap())
                })
                .collect()
        };
        // Older times on every kept file, so a rewrite shows.
        for n in 0..SHARDS {
            if let Ok(kept) = fs::File::options().write(true).open(dir.join(format!("{n:02}"))) {
                kept.set_modified(old).unwrap();
            }
        }
        let before = times();
        load();
        assert_eq!(times(), before, "nothing changed: nothing is rewritten");
        write_at(&files[7], "edited", old + Duration::from_secs(1));
        load();
        let after = times();
        let rewritten: Vec<usize> = (0..SHARDS).filter(|&n| after[n] != before[n]).collect();
        assert_eq!(rewritten, vec![shard_of(&files[7])]);
        assert_eq!(Texts::open(&root, 0).read(&files[7]).unwrap(), b"edited");
        // A file gone from the site leaves its kept file too.
        fs::remove_file(&files[9]).unwrap();
        let texts = Texts::open(&root, 0);
        for file in files.iter().filter(|f| f.exists()) {
            texts.read(file).unwrap();
        }
        texts.save(&root, &Parses::default());
        assert!(!Texts::open(&root, 0).kept.contains_key(&files[9]));
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_kept_parse_counts_only_for_the_same_parser_and_an_unchanged_file() {
        let root = site("parsed");
        let file = root.join("a.md");
        let old = SystemTime::now() - Duration::from_secs(3600);
        write_at(&file, "text", old);
        // One build: the parse kept, else the file read and "parsed" (and that kept).
        let build = |parser: u128| -> Option<String> {
            let texts = Texts::open(&root, parser);
            let parsed = texts.parsed::<String>(&file);
            let mut parses = Parses::default();
            let value;
            if parsed.is_none() {
                let text = String::from_utf8(texts.read(&file).unwrap()).unwrap();
                value = format!("parsed {text}");
                texts.keep_parsed(&file);
                parses.insert(file.clone(), &value);
            }
            texts.save(&root, &parses);
            parsed
        };
        assert_eq!(build(1), None);
        assert_eq!(build(1).as_deref(), Some("parsed text"));
        // Another program or config: parsed again, and kept for that one.
        assert_eq!(build(2), None);
        assert_eq!(build(2).as_deref(), Some("parsed text"));
        assert_eq!(build(1), None);
        // A changed file: read and parsed again.
        write_at(&file, "edit", old + Duration::from_secs(1));
        assert_eq!(build(1), None);
        assert_eq!(build(1).as_deref(), Some("parsed edit"));
        // A parse noted but not handed to staging is not kept: the next build reads the file.
        let texts = Texts::open(&root, 3);
        texts.read(&file).unwrap();
        texts.keep_parsed(&file);
        texts.save(&root, &Parses::default());
        assert!(Texts::open(&root, 3).parsed::<String>(&file).is_none());
        assert!(!Texts::open(&root, 3).kept.contains_key(&file));
        // A kept parse is no text: whoever wants the text gets the file's.
        write_at(&file, "EDIT", old + Duration::from_secs(1));
        assert_eq!(Texts::open(&root, 1).read(&file).unwrap(), b"EDIT");
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn the_single_kept_file_of_earlier_builds_gives_way_to_the_folder() {
        let root = site("upgrade");
        let file = root.join("a.md");
        write_at(&file, "first", SystemTime::now() - Duration::from_secs(3600));
        build(&root, &file);
        let dir = root.join(CACHE_DIR).join("texts");
        fs::remove_dir_all(&dir).unwrap();
        fs::write(&dir, "beacon-texts/1 of an earlier build").unwrap();
        assert_eq!(build(&root, &file), "first");
        assert!(dir.is_dir());
        assert_eq!(build(&root, &file), "first");
        fs::remove_dir_all(&root).unwrap();
    }
}
