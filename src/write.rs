//! The only writer of the output folder, and the keeper of what beacon owns there.
//!
//! A folder is written only if it does not exist, is empty, or holds nothing but what beacon
//! wrote before, as listed in its record ([`MANIFEST`]). Some folders are refused whatever the
//! user says (the site itself, its inputs, the home folder, `/`). A build hands files to an
//! [`OutputWriter`] as they are rendered: a file whose bytes are already on disk is left alone,
//! any other goes to a temporary file beside its target. Only when the whole build has
//! succeeded does [`OutputWriter::commit`] rename those into place (each appears whole), remove
//! what the previous build wrote and this one did not, and update the record. A build that
//! fails drops the writer, which removes its temporary files: the output stays as it was.
//!
//! A build into a folder that does not exist yet writes every file at its place in a staging
//! folder beside it instead (`.<name>.staging-<process id>`), which commit renames into the
//! output's place: one rename instead of one per file, and the folder appears whole.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::output::{Output, OutputFile};

/// The record of which files in the output folder beacon wrote, at the folder's top.
pub const MANIFEST: &str = ".beacon-manifest.json";
/// The `format` value of the record this version writes and reads.
const MANIFEST_FORMAT: &str = "beacon-output/1";
/// Temporary files end in this; a killed build may leave them, the next one removes them.
const PARTIAL_SUFFIX: &str = ".beacon-partial";
/// The empty file that marks a staging folder as beacon's while a build fills it: the next
/// build removes a killed build's staging folder only if it holds this mark.
const STAGING_MARK: &str = ".beacon-staging";
/// The name under which `beacon build` registers its files in the record.
pub const BUILD_WRITER: &str = "build";
/// How many foreign files a refusal names.
const NAMED_IN_REFUSAL: usize = 5;

/// The record kept in [`MANIFEST`]: for each beacon command that writes into the output
/// folder (`build` today), the paths it wrote, relative to the folder with `/` separators.
/// A command only ever overwrites or removes paths listed under its own name, and no file
/// listed under any name counts as foreign.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub writers: BTreeMap<String, BTreeSet<String>>,
    /// What the last committed build left at each of its paths (see [`Recorded`]). A build
    /// removes it before it changes anything, so a build that is killed half-way leaves none,
    /// and the next one compares with the files themselves.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub built: BTreeMap<String, Recorded>,
}

/// The record a build commits, serialised from the build's own state: the [`Manifest`] it
/// stands for (`manifest` with the build's paths under [`BUILD_WRITER`] and, unless `built`
/// is false, their [`Recorded`] as `built`), byte for byte as [`Manifest::to_bytes`] writes
/// that, without a second copy of every path (at 100,000 incidents, megabytes).
struct Committed<'a> {
    manifest: &'a Manifest,
    produced: &'a BTreeMap<Box<str>, (Waiting, Recorded)>,
    /// The build's [`Recorded`] replace `manifest.built`.
    built: bool,
}

impl Committed<'_> {
    fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).expect("a map of strings serialises");
        bytes.push(b'\n');
        bytes
    }

    /// Writes the record's bytes to `path` as they are made.
    fn write_to(&self, path: &Path) -> Result<()> {
        use std::io::Write;
        let written = fs::File::create(path).and_then(|file| {
            let mut out = io::BufWriter::with_capacity(64 * 1024, file);
            serde_json::to_writer_pretty(&mut out, self).map_err(io::Error::other)?;
            out.write_all(b"\n")?;
            out.into_inner().map_err(io::IntoInnerError::into_error)?;
            Ok(())
        });
        written.map_err(|e| {
            let _ = fs::remove_file(path);
            Error::io(path, e)
        })
    }
}

impl Serialize for Committed<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;

        /// One writer's paths: as the record had them, or the build's.
        enum Paths<'a> {
            Kept(&'a BTreeSet<String>),
            Produced(&'a BTreeMap<Box<str>, (Waiting, Recorded)>),
        }
        impl Serialize for Paths<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                match self {
                    Paths::Kept(paths) => paths.serialize(s),
                    Paths::Produced(produced) => s.collect_seq(produced.keys()),
                }
            }
        }
        struct Built<'a>(&'a BTreeMap<Box<str>, (Waiting, Recorded)>);
        impl Serialize for Built<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                s.collect_map(self.0.iter().map(|(path, (_, recorded))| (path, recorded)))
            }
        }
        let mut writers: BTreeMap<&str, Paths> = self
            .manifest
            .writers
            .iter()
            .map(|(name, paths)| (name.as_str(), Paths::Kept(paths)))
            .collect();
        writers.insert(BUILD_WRITER, Paths::Produced(self.produced));
        let built = match self.built {
            true => !self.produced.is_empty(),
            false => !self.manifest.built.is_empty(),
        };
        // As `Manifest`'s own `Serialize`: `built` left out when empty.
        let mut record = s.serialize_struct("Manifest", 2 + usize::from(built))?;
        record.serialize_field("format", &self.manifest.format)?;
        record.serialize_field("writers", &writers)?;
        if built {
            match self.built {
                true => record.serialize_field("built", &Built(self.produced))?,
                false => record.serialize_field("built", &self.manifest.built)?,
            }
        }
        record.end()
    }
}

/// One file of the last build, as its record keeps it: a hash of its bytes (so the next build
/// knows whether it must write the file without reading it back), and of what it was made from
/// when the build knows that (so the next build need not render it again; see
/// [`crate::output::Output::unchanged`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recorded {
    #[serde(with = "hex128")]
    pub bytes: u128,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "hex128_option")]
    pub inputs: Option<u128>,
}

impl Recorded {
    fn of(bytes: &[u8], inputs: Option<u128>) -> Recorded {
        Recorded {
            bytes: xxhash_rust::xxh3::xxh3_128(bytes),
            inputs,
        }
    }
}

/// A 128-bit hash as 32 hexadecimal digits in the record.
mod hex128 {
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &u128, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{value:032x}"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u128, D::Error> {
        let text = <&str>::deserialize(d)?;
        u128::from_str_radix(text, 16).map_err(D::Error::custom)
    }
}

mod hex128_option {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &Option<u128>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => super::hex128::serialize(value, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u128>, D::Error> {
        #[derive(Deserialize)]
        struct Hex(#[serde(with = "super::hex128")] u128);
        Ok(Option::<Hex>::deserialize(d)?.map(|Hex(v)| v))
    }
}

impl Manifest {
    fn new() -> Self {
        Manifest {
            format: MANIFEST_FORMAT.to_string(),
            writers: BTreeMap::new(),
            built: BTreeMap::new(),
        }
    }

    fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).expect("a map of strings serialises");
        bytes.push(b'\n');
        bytes
    }

    /// Reads the record in `dir`; `None` when there is none.
    pub fn read(dir: &Path) -> Result<Option<Manifest>> {
        let path = dir.join(MANIFEST);
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Error::io(&path, e)),
        };
        let manifest: Manifest = serde_json::from_slice(&bytes).map_err(|e| {
            Error::Usage(format!(
                "{} is not a record beacon can read ({e}); if beacon did not write this folder, \
                 choose another with --output",
                path.display()
            ))
        })?;
        if manifest.format != MANIFEST_FORMAT {
            return Err(Error::Usage(format!(
                "{} has format `{}`, this beacon reads `{MANIFEST_FORMAT}`",
                path.display(),
                manifest.format
            )));
        }
        // A record lists what beacon may overwrite and remove: one that names anything but a
        // plain path inside the folder was not written by beacon, and nothing it says is used.
        for (writer, paths) in &manifest.writers {
            for listed in paths {
                if let Some(why) = not_plain_relative(listed)
                    .or_else(|| (listed == MANIFEST).then_some("it is the record itself"))
                {
                    return Err(Error::Usage(format!(
                        "{} lists `{}` under `{}`, which beacon never writes ({why}); beacon \
                         did not write this record and will not remove or overwrite what it \
                         lists. Nothing was changed. Remove the record if the folder is yours, \
                         or choose another folder with --output",
                        path.display(),
                        listed.escape_debug(),
                        writer.escape_debug()
                    )));
                }
            }
        }
        Ok(Some(manifest))
    }
}

/// How the output folder may be written.
#[derive(Debug, Clone)]
pub struct WriteOptions {
    /// The site folder: it, its inputs and everything containing it are never written.
    pub site_root: PathBuf,
    /// Write even though the folder holds files beacon did not write (they are overwritten
    /// where the build produces the same path, and otherwise left alone).
    pub force: bool,
}

/// What a committed build did to the output folder.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteSummary {
    /// Files the build produced.
    pub files: usize,
    /// Files whose bytes changed (or that are new), so were written.
    pub written: usize,
    /// Files of the previous build this one no longer produces, removed.
    pub removed: usize,
}

/// Receives a build's files one by one (from many threads) and changes the output folder only
/// when [`commit`](OutputWriter::commit)ted. Dropped uncommitted, it undoes what it did.
pub struct OutputWriter {
    dir: PathBuf,
    /// Proves every path written or removed to lie inside `dir`.
    confinement: Confinement,
    /// The record as found (or a new one).
    manifest: Manifest,
    /// Files on disk when the writer opened, relative paths; when the record is trusted,
    /// the files it lists (the folder is not walked).
    on_disk: HashSet<String>,
    /// What the previous build left at each of its paths, when its record can be trusted (it
    /// was committed whole): then no file of the folder is read back or listed.
    previous: Option<BTreeMap<String, Recorded>>,
    /// Whether the folder held files beacon did not write (`--force`): then the record keeps
    /// no [`Manifest::built`], so that every later build looks at the folder again and finds
    /// them.
    foreign: bool,
    /// Whether `State::dirs` holds every folder inside: the folder was walked (or did not
    /// exist) and held no symbolic link, so no folder lies where the walk did not look.
    dirs_known: bool,
    /// When the output folder did not exist: the folder `dir` (a staging folder beside it)
    /// becomes at commit.
    publish: Option<PathBuf>,
    state: Mutex<State>,
    committed: bool,
}

/// What the writer knows while files come in. Paths are relative to the output folder with
/// `/` separators (one string per produced file, so a 100,000-page build stays small).
#[derive(Default)]
struct State {
    /// Every path produced, where its new bytes wait, and what the record will say of it.
    produced: BTreeMap<Box<str>, (Waiting, Recorded)>,
    /// Folders known to exist, relative (`""` is the output folder itself), each with whether
    /// this writer created it (then it is removed again if the writer is dropped).
    dirs: HashMap<Box<str>, bool>,
    /// The output folder and folders above it that this writer created, in creation order.
    created_above: Vec<PathBuf>,
    /// Temporary files waiting at the top of the folder (see `temporary_for`).
    parked: u32,
}

/// Where a produced file's bytes are until commit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Waiting {
    /// The file in place already holds them: nothing to do.
    InPlace,
    /// In the temporary file beside the target ([`beside`]).
    Beside,
    /// In `.<n>.beacon-partial` at the top of the folder, because a file of the previous
    /// build stands where the target's folder must be.
    Parked(u32),
    /// At its place in the staging folder, which becomes the output folder at commit.
    Staged,
}

impl OutputWriter {
    /// Checks that beacon may write into `dir` and opens it for a build. Changes nothing on
    /// disk except removing what killed beacon builds left behind (temporary files in `dir`,
    /// staging folders beside it).
    pub fn open(dir: &Path, options: &WriteOptions) -> Result<OutputWriter> {
        let dir = absolute(dir)?;
        refuse_protected(&dir, &options.site_root)?;
        remove_dead_staging(&dir);
        // `--force` looks at every file again, and so puts back what was changed by hand.
        if !options.force {
            if let Some(writer) = Self::open_trusted(&dir)? {
                return Ok(writer);
            }
        }
        let mut on_disk = HashSet::new();
        let mut partials = Vec::new();
        let mut dirs: HashMap<Box<str>, bool> = HashMap::new();
        let mut links = false;
        let mut publish = None;
        match fs::symlink_metadata(&dir) {
            Ok(meta) if meta.is_dir() => {
                for entry in walkdir::WalkDir::new(&dir).min_depth(1) {
                    let entry = entry.map_err(|e| walk_error(&dir, e))?;
                    let relative = relative_path(&dir, entry.path());
                    links |= entry.path_is_symlink();
                    if entry.file_type().is_dir() {
                        dirs.insert(relative.into(), false);
                    } else if entry.file_name().to_string_lossy().ends_with(PARTIAL_SUFFIX) {
                        partials.push(entry.path().to_path_buf());
                    } else {
                        on_disk.insert(relative);
                    }
                }
                dirs.insert("".into(), false);
            }
            Ok(_) => {
                return Err(Error::Usage(format!(
                    "the output `{}` is a file, not a folder; choose another with --output",
                    dir.display()
                )))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => publish = staging_for(&dir),
            Err(e) => return Err(Error::io(&dir, e)),
        }
        let manifest = if on_disk.contains(MANIFEST) {
            Manifest::read(&dir)?.unwrap_or_else(Manifest::new)
        } else {
            Manifest::new()
        };
        let owned: HashSet<&str> = manifest.writers.values().flatten().map(String::as_str).collect();
        let mut foreign: Vec<&String> = on_disk
            .iter()
            .filter(|path| path.as_str() != MANIFEST && !owned.contains(path.as_str()))
            .collect();
        if !foreign.is_empty() && !options.force {
            foreign.sort();
            return Err(refusal(&dir, &foreign));
        }
        let foreign = !foreign.is_empty();
        for partial in partials {
            let _ = fs::remove_file(partial);
        }
        // Files are written into the staging folder, and `publish` is where it goes.
        let (dir, publish) = match publish {
            Some(staging) => (staging, Some(dir)),
            None => (dir, None),
        };
        Ok(OutputWriter {
            confinement: Confinement::new(&dir)?,
            dir,
            manifest,
            on_disk,
            previous: None,
            foreign,
            dirs_known: !links,
            publish,
            state: Mutex::new(State {
                dirs,
                ..State::default()
            }),
            committed: false,
        })
    }

    /// The writer of a folder whose record a build committed whole (see [`Manifest::built`]):
    /// what is there is what the record says, so the folder is not walked and no file is read
    /// back. Only the top of the folder is listed, for the temporary files of a build that was
    /// killed before its commit (with a trusted record they all wait there).
    fn open_trusted(dir: &Path) -> Result<Option<OutputWriter>> {
        let top = match fs::read_dir(dir) {
            Ok(top) => top,
            Err(_) => return Ok(None),
        };
        let Some(mut manifest) = Manifest::read(dir)? else {
            return Ok(None);
        };
        let built = std::mem::take(&mut manifest.built);
        let own = manifest.writers.get(BUILD_WRITER);
        let whole = !built.is_empty()
            && own.is_some_and(|own| own.len() == built.len() && own.iter().all(|p| built.contains_key(p)));
        if !whole {
            return Ok(None);
        }
        for entry in top.flatten() {
            if entry.file_name().to_string_lossy().ends_with(PARTIAL_SUFFIX) {
                let _ = fs::remove_file(entry.path());
            }
        }
        let mut on_disk: HashSet<String> = manifest.writers.values().flatten().cloned().collect();
        on_disk.insert(MANIFEST.to_string());
        let mut dirs = HashMap::new();
        dirs.insert("".into(), false);
        Ok(Some(OutputWriter {
            confinement: Confinement::new(dir)?,
            dir: dir.to_path_buf(),
            manifest,
            on_disk,
            previous: Some(built),
            foreign: false,
            dirs_known: false,
            publish: None,
            state: Mutex::new(State {
                dirs,
                ..State::default()
            }),
            committed: false,
        }))
    }

    /// The folder written, absolute.
    pub fn dir(&self) -> &Path {
        self.publish.as_deref().unwrap_or(&self.dir)
    }

    /// Takes one file of the build: leaves it alone if the folder already holds these bytes,
    /// else writes them to a temporary file until commit.
    pub fn put(&self, file: OutputFile) -> Result<()> {
        self.put_made_from(file, None)
    }

    /// [`put`](Self::put), with a hash of what the file was made from for the record (see
    /// [`Output::unchanged`]).
    pub fn put_made_from(&self, file: OutputFile, inputs: Option<u128>) -> Result<()> {
        let target = self.claim(&file.path)?;
        let recorded = Recorded::of(&file.bytes, inputs);
        if self.holds(&file.path, &target, recorded, || {
            fs::read(&target).is_ok_and(|old| old == file.bytes)
        }) {
            return self.settle(&file.path, Waiting::InPlace, recorded);
        }
        let (mut out, temporary, waiting) = self.create_temporary(&file.path, &target)?;
        io::Write::write_all(&mut out, &file.bytes).map_err(|e| Error::io(&temporary, e))?;
        self.settle(&file.path, waiting, recorded)
    }

    /// Takes one large file as it is produced: its bytes go straight to a temporary file, which
    /// is kept only if they differ from the file in place.
    pub fn put_streamed(
        &self,
        path: &str,
        produce: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<()> {
        let target = self.claim(path)?;
        let (file, temporary, waiting) = self.create_temporary(path, &target)?;
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        let mut out = Hashing {
            out: io::BufWriter::with_capacity(256 * 1024, file),
            hasher: &mut hasher,
        };
        let written = produce(&mut out).and_then(|()| {
            out.out.into_inner().map_err(|e| e.into_error())?;
            Ok(())
        });
        if let Err(e) = written {
            let _ = fs::remove_file(&temporary);
            return Err(Error::io(&temporary, e));
        }
        let recorded = Recorded {
            bytes: hasher.digest128(),
            inputs: None,
        };
        if self.holds(path, &target, recorded, || same_bytes(&temporary, &target)) {
            let _ = fs::remove_file(&temporary);
            return self.settle(path, Waiting::InPlace, recorded);
        }
        self.settle(path, waiting, recorded)
    }

    /// Whether the folder already holds these bytes at `path`: by the trusted record's hash,
    /// else by comparing with the file (`same`) if the previous build wrote it.
    fn holds(&self, path: &str, target: &Path, recorded: Recorded, same: impl FnOnce() -> bool) -> bool {
        match &self.previous {
            Some(previous) => previous.get(path).is_some_and(|r| r.bytes == recorded.bytes),
            None => self.on_disk.contains(path) && is_plain_file(target) && same(),
        }
    }

    /// Whether the file the previous build made at `path` from inputs that hashed to `inputs`
    /// is still what the build would make: then it counts as produced and stays as it is.
    /// Only with a trusted record (see [`OutputWriter::open`]); the caller has checked that
    /// the path lies inside the folder as the previous build did.
    pub fn unchanged(&self, path: &str, inputs: u128) -> Result<bool> {
        let Some(recorded) = self.previous.as_ref().and_then(|p| p.get(path)) else {
            return Ok(false);
        };
        if recorded.inputs != Some(inputs) {
            return Ok(false);
        }
        self.claim_path(path)?;
        self.settle(path, Waiting::InPlace, *recorded)?;
        Ok(true)
    }

    /// Checks that the build may write `path` (once) and returns where it goes.
    fn claim(&self, path: &str) -> Result<PathBuf> {
        let target = self.target(path)?;
        // A trusted record spares the walk that finds a user's files: a path the previous
        // build did not write is looked at before it is claimed.
        if self.previous.is_some()
            && !self.on_disk.contains(path)
            && fs::symlink_metadata(&target).is_ok_and(|meta| !meta.is_dir())
        {
            return Err(refusal(&self.dir, &[&path.to_string()]));
        }
        self.claim_path(path)?;
        Ok(target)
    }

    /// Claims `path` for the build, once, unless another command wrote it.
    fn claim_path(&self, path: &str) -> Result<()> {
        if let Some((writer, _)) = self
            .manifest
            .writers
            .iter()
            .find(|(writer, paths)| writer.as_str() != BUILD_WRITER && paths.contains(path))
        {
            return Err(Error::Usage(format!(
                "the build produces `{path}`, which `beacon {writer}` wrote into {}; beacon will \
                 not overwrite another command's file",
                self.dir.display()
            )));
        }
        match self.lock().produced.entry(path.into()) {
            std::collections::btree_map::Entry::Occupied(_) => {
                Err(Error::Usage(format!("the build produced `{path}` twice")))
            }
            std::collections::btree_map::Entry::Vacant(slot) => {
                // Nothing waits yet; `settle` says where the bytes went.
                slot.insert((
                    Waiting::InPlace,
                    Recorded {
                        bytes: 0,
                        inputs: None,
                    },
                ));
                Ok(())
            }
        }
    }

    /// Records where the bytes of a claimed `path` wait until commit, and what they are.
    fn settle(&self, path: &str, waiting: Waiting, recorded: Recorded) -> Result<()> {
        if let Some(slot) = self.lock().produced.get_mut(path) {
            *slot = (waiting, recorded);
        }
        Ok(())
    }

    /// Creates the file where the new bytes of `path` (whose place is `target`) wait until
    /// commit (see [`temporary_for`](Self::temporary_for)).
    fn create_temporary(&self, path: &str, target: &Path) -> Result<(fs::File, PathBuf, Waiting)> {
        let (temporary, waiting) = self.temporary_for(path, target)?;
        match fs::File::create(&temporary) {
            Ok(file) => Ok((file, temporary, waiting)),
            // In a staging folder, a folder of this build stands where this file goes: the
            // file waits at the top, and commit names the clash.
            Err(_) if waiting == Waiting::Staged && temporary.is_dir() => {
                let (parked, waiting) = self.next_parked();
                let file = fs::File::create(&parked).map_err(|e| Error::io(&parked, e))?;
                Ok((file, parked, waiting))
            }
            Err(e) => Err(Error::io(&temporary, e)),
        }
    }

    /// The temporary file for `path` (whose place is `target`): beside the target, its folder
    /// created if need be; in a staging folder, the target itself.
    fn temporary_for(&self, path: &str, target: &Path) -> Result<(PathBuf, Waiting)> {
        let parent = parent_of(path);
        if self.publish.is_some() {
            // The staging folder is this build's, or the build fails.
            self.ensure_dir("")?;
            // A file of this build stands where the folder goes: as above.
            if self.ensure_dir(parent).is_err() {
                return Ok(self.next_parked());
            }
            return Ok((target.to_path_buf(), Waiting::Staged));
        }
        // With a trusted record, every temporary file waits at the top, the one place the
        // next build looks for those of a killed build.
        if self.previous.is_some() {
            self.ensure_dir("")?;
            return Ok(self.next_parked());
        }
        if let Err(error) = self.ensure_dir(parent) {
            // A file of the previous build stands where this build needs a folder: it goes
            // at commit, with the stale files. Until then the new file waits at the top.
            if !self.blocked_by_own_file(parent) {
                return Err(error);
            }
            return Ok(self.next_parked());
        }
        Ok((beside(target), Waiting::Beside))
    }

    /// A new temporary file at the top of the folder.
    fn next_parked(&self) -> (PathBuf, Waiting) {
        let n = {
            let mut state = self.lock();
            state.parked += 1;
            state.parked
        };
        (self.parked(n), Waiting::Parked(n))
    }

    /// The `n`th temporary file parked at the top of the folder.
    fn parked(&self, n: u32) -> PathBuf {
        self.dir.join(format!(".{n}{PARTIAL_SUFFIX}"))
    }

    /// Whether the folder `dir` (relative) or one above it inside the output is a file the
    /// previous build wrote.
    fn blocked_by_own_file(&self, dir: &str) -> bool {
        let Some(own) = self.manifest.writers.get(BUILD_WRITER) else {
            return false;
        };
        let mut at = dir;
        while !at.is_empty() {
            if own.contains(at) && self.dir.join(at).is_file() {
                return true;
            }
            at = parent_of(at);
        }
        false
    }

    /// Makes the folder hold exactly what was put: renames the new files into place, removes
    /// the previous build's files that were not put again (and folders left empty), and
    /// updates the record. Writes nothing at all when nothing changed. Everything that can be
    /// known before a change is checked first, so a refused commit changes nothing; on any
    /// error the writer keeps its state, and dropping it removes its temporary files.
    pub fn commit(mut self) -> Result<WriteSummary> {
        // The folder that receives the record (made now when the build produced no file).
        self.ensure_dir("")?;
        let state = std::mem::take(&mut *self.lock());
        let result = self
            .before_commit(&state)
            .and_then(|stale| self.apply(&state, &stale));
        match result {
            Ok(summary) => {
                self.committed = true;
                Ok(summary)
            }
            Err(error) => {
                *self.lock() = state;
                Err(error)
            }
        }
    }

    /// The previous build's files this one no longer produces, each proved to lie inside the
    /// folder; or an error, before anything changed, when the build's files cannot all be put
    /// in place.
    fn before_commit(&self, state: &State) -> Result<Vec<(String, PathBuf)>> {
        let previous = self.manifest.writers.get(BUILD_WRITER);
        let stale: Vec<(String, PathBuf)> = previous
            .into_iter()
            .flatten()
            .filter(|p| !state.produced.contains_key(p.as_str()))
            .map(|p| Ok((p.clone(), self.confinement.path(p)?)))
            .collect::<Result<_>>()?;
        let stale_set: BTreeSet<&str> = stale.iter().map(|(p, _)| p.as_str()).collect();
        for (path, (waiting, _)) in &state.produced {
            let below = format!("{path}/");
            let clash = state
                .produced
                .range::<str, _>((
                    std::ops::Bound::Included(below.as_str()),
                    std::ops::Bound::Unbounded,
                ))
                .next()
                .filter(|(p, _)| p.starts_with(&below));
            if let Some((inner, _)) = clash {
                return Err(Error::Usage(format!(
                    "the build produces both the file `{path}` and `{inner}`, so `{path}` would \
                     have to be a file and a folder at once (is there a file `{path}` in the \
                     site's static/ folder?). Nothing was changed"
                )));
            }
            if *waiting == Waiting::InPlace {
                continue;
            }
            let target = self.dir.join(&**path);
            // A cold build into a new folder looks at none of its files.
            let is_folder = if self.dirs_known {
                state.dirs.contains_key(&**path)
            } else {
                fs::symlink_metadata(&target).is_ok_and(|m| m.is_dir())
            };
            if is_folder && !emptied_by(&target, path, &stale_set) {
                return Err(Error::Usage(format!(
                    "cannot write the file `{path}` into {}: a folder stands there, and beacon \
                     removes only files it wrote (and the folders they leave empty). Remove the \
                     folder yourself. Nothing was changed",
                    self.dir.display()
                )));
            }
        }
        Ok(stale)
    }

    fn apply(&self, state: &State, stale: &[(String, PathBuf)]) -> Result<WriteSummary> {
        let previous = self
            .manifest
            .writers
            .get(BUILD_WRITER)
            .cloned()
            .unwrap_or_default();
        let adds_paths = state.produced.keys().any(|p| !previous.contains(&**p));
        let changes = adds_paths
            || !stale.is_empty()
            || state
                .produced
                .values()
                .any(|(waiting, _)| *waiting != Waiting::InPlace);

        // Record every path before it appears, so that a build killed half-way leaves nothing
        // the next build would take for a user's file; and drop what the record says of each
        // file (`built`), which is true again only once every change below is made. (Nothing
        // in a staging folder appears before the folder does.)
        if changes && self.publish.is_none() {
            let mut during = self.manifest.clone();
            during
                .writers
                .entry(BUILD_WRITER.to_string())
                .or_default()
                .extend(state.produced.keys().map(|p| p.to_string()));
            self.write_manifest(&during)?;
        }
        // Stale files first: a folder they leave empty may be where a new file goes.
        for (_, target) in stale {
            match fs::remove_file(target) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(Error::io(target, e)),
            }
            self.prune_empty(target);
        }
        let written = state
            .produced
            .values()
            .filter(|(waiting, _)| *waiting != Waiting::InPlace)
            .count();
        let pending: Vec<(&str, Waiting)> = state
            .produced
            .iter()
            .filter(|(_, (waiting, _))| !matches!(waiting, Waiting::InPlace | Waiting::Staged))
            .map(|(path, (waiting, _))| (&**path, *waiting))
            .collect();
        let rename = || {
            pending.par_iter().try_for_each(|(path, waiting)| {
                // Proved at claim, and again here, except in a folder this writer made: `mkdir`
                // makes a real folder, never a link, inside folders proved at claim or made
                // the same way.
                let target = match state.dirs.get(parent_of(path)) {
                    Some(true) => self.dir.join(path),
                    _ => self.confinement.path(path)?,
                };
                let temporary = match waiting {
                    // Its folder exists: the temporary file is in it.
                    Waiting::Beside => beside(&target),
                    _ => {
                        let parent = target.parent().expect("a target is inside the output folder");
                        fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
                        self.temporary(path, *waiting)
                    }
                };
                fs::rename(&temporary, &target).map_err(|e| Error::io(&target, e))
            })
        };
        // The record after the changes, written beside its place while they are made, and put
        // in place once they all are: straight from `state`, with no copy of its paths.
        let after = Committed {
            manifest: &self.manifest,
            produced: &state.produced,
            built: !self.foreign,
        };
        let record = self.dir.join(MANIFEST);
        let staged = || -> Result<Option<PathBuf>> {
            // After changes the record on disk is `during`, not `after`: no need to read it.
            if !changes && fs::read(&record).ok() == Some(after.to_bytes()) {
                return Ok(None);
            }
            let temporary = beside(&record);
            after.write_to(&temporary)?;
            Ok(Some(temporary))
        };
        let (renamed, staged) = rayon::join(rename, staged);
        if let Err(e) = renamed {
            if let Ok(Some(temporary)) = &staged {
                let _ = fs::remove_file(temporary);
            }
            return Err(e);
        }
        drop(pending);
        let files = state.produced.len();
        if let Some(temporary) = staged? {
            fs::rename(&temporary, &record).map_err(|e| {
                let _ = fs::remove_file(&temporary);
                Error::io(&record, e)
            })?;
        }
        if let Some(publish) = &self.publish {
            self.publish_staging(publish)?;
        }
        Ok(WriteSummary {
            files,
            written,
            removed: stale.len(),
        })
    }

    /// Renames the staging folder, whole, to the output folder's place. `rename` never follows
    /// a link there and replaces nothing but an empty folder: anything else that appeared
    /// there during the build is an error, and the output is left as it was found.
    fn publish_staging(&self, publish: &Path) -> Result<()> {
        let mark = self.dir.join(STAGING_MARK);
        fs::remove_file(&mark).map_err(|e| Error::io(&mark, e))?;
        fs::rename(&self.dir, publish).map_err(|e| match publish.symlink_metadata() {
            Ok(_) => Error::Usage(format!(
                "{} appeared while beacon was building into it (another build at the same \
                 time?), so beacon left it alone and changed nothing; build again",
                publish.display()
            )),
            Err(_) => Error::io(publish, e),
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Where `path` goes, refusing any path that could leave the folder or hit the record.
    fn target(&self, path: &str) -> Result<PathBuf> {
        let bad = |why: &str| {
            Err(Error::Usage(format!(
                "cannot write `{path}` into the output: {why}"
            )))
        };
        if path == MANIFEST {
            return bad("the name is beacon's record of what it wrote");
        }
        if path.ends_with(PARTIAL_SUFFIX) {
            return bad("names ending in .beacon-partial are beacon's temporary files");
        }
        if path == STAGING_MARK {
            return bad("the name is beacon's mark of a folder it is building");
        }
        // The folder was walked whole and held no link (`dirs_known`): every folder on the
        // way is one the walk saw, or one this writer makes with `mkdir`, inside.
        if self.dirs_known {
            return self.confinement.path_without_links(path);
        }
        self.confinement.path(path)
    }

    /// Where the bytes of `path` wait, as recorded by `settle`.
    fn temporary(&self, path: &str, waiting: Waiting) -> PathBuf {
        match waiting {
            Waiting::Parked(n) => self.parked(n),
            Waiting::Staged => self.dir.join(path),
            _ => beside(&self.dir.join(path)),
        }
    }

    /// Makes sure the folder `dir` (relative; `""` is the output folder) exists, creating it
    /// and any missing folder above it, and remembers each one created. A folder made or seen
    /// once is not looked at again, and a new one costs one `mkdir` (no `stat` first); no
    /// lock is held during the system calls, so other threads go on writing.
    fn ensure_dir(&self, dir: &str) -> Result<()> {
        if self.lock().dirs.contains_key(dir) {
            return Ok(());
        }
        if dir.is_empty() {
            return self.ensure_top();
        }
        let path = self.dir.join(dir);
        let made = match fs::create_dir(&path) {
            Ok(()) => true,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                self.ensure_dir(parent_of(dir))?;
                match fs::create_dir(&path) {
                    Ok(()) => true,
                    Err(e) => self.already_a_folder(&path, e)?,
                }
            }
            Err(e) => self.already_a_folder(&path, e)?,
        };
        // Another thread may have recorded the folder first (its mkdir found ours): keep "made".
        *self.lock().dirs.entry(dir.into()).or_insert(false) |= made;
        Ok(())
    }

    /// After `mkdir` failed with `error`: fine (`Ok(false)`: nothing made) if a folder is
    /// there (another thread made it, or it was there), else the error, also when a file
    /// stands there.
    fn already_a_folder(&self, path: &Path, error: io::Error) -> Result<bool> {
        if error.kind() == io::ErrorKind::AlreadyExists {
            if path.is_dir() {
                return Ok(false);
            }
            return Err(Error::io(
                path,
                io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    "a file stands where a folder is needed",
                ),
            ));
        }
        Err(Error::io(path, error))
    }

    /// Creates the output folder and any missing folder above it, remembering each one.
    fn ensure_top(&self) -> Result<()> {
        let mut state = self.lock();
        if state.dirs.contains_key("") {
            return Ok(());
        }
        let mut missing = Vec::new();
        let mut at = Some(self.dir.as_path());
        if self.publish.is_some() {
            // A staging folder is made by this build, or the build fails.
            missing.push(self.dir.clone());
            at = self.dir.parent();
        }
        while let Some(d) = at {
            if d.is_dir() {
                break;
            }
            missing.push(d.to_path_buf());
            at = d.parent();
        }
        for d in missing.into_iter().rev() {
            match fs::create_dir(&d) {
                Ok(()) if self.is_staging(&d) => {
                    state.created_above.push(d);
                    let mark = self.dir.join(STAGING_MARK);
                    fs::write(&mark, b"").map_err(|e| Error::io(&mark, e))?;
                }
                Ok(()) => state.created_above.push(d),
                Err(e) if self.is_staging(&d) => return Err(self.staging_error(e)),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(Error::io(&d, e)),
            }
        }
        state.dirs.insert("".into(), false);
        Ok(())
    }

    /// Whether `dir` is this writer's staging folder.
    fn is_staging(&self, dir: &Path) -> bool {
        self.publish.is_some() && dir == self.dir
    }

    /// Why the staging folder could not be made: said of the output folder the user named,
    /// unless a folder of the staging folder's name is in the way.
    fn staging_error(&self, e: io::Error) -> Error {
        if e.kind() == io::ErrorKind::AlreadyExists {
            return Error::Usage(format!(
                "{} is in the way: beacon builds a new output folder under that name first and \
                 leaves alone what it did not make; remove it and build again",
                self.dir.display()
            ));
        }
        Error::io(self.dir(), e)
    }

    /// Removes the folders above a removed file that are now empty, up to the output folder.
    fn prune_empty(&self, removed: &Path) {
        let mut at = removed.parent();
        while let Some(dir) = at {
            if dir == self.dir || !dir.starts_with(&self.dir) || fs::remove_dir(dir).is_err() {
                break;
            }
            at = dir.parent();
        }
    }

    fn write_manifest(&self, manifest: &Manifest) -> Result<()> {
        self.write_bytes_of_manifest(&manifest.to_bytes())
    }

    /// Writes the record; the folder exists (see [`commit`](Self::commit)).
    fn write_bytes_of_manifest(&self, bytes: &[u8]) -> Result<()> {
        write_whole(&self.dir.join(MANIFEST), bytes)
    }
}

impl Drop for OutputWriter {
    fn drop(&mut self) {
        if self.committed {
            return;
        }
        let state = std::mem::take(&mut *self.lock());
        if state.created_above.last().is_some_and(|dir| self.is_staging(dir)) {
            // The staging folder holds nothing but this build's files, also one a failed
            // write left half-written: it goes whole.
            let _ = fs::remove_dir_all(&self.dir);
        } else {
            for (path, (waiting, _)) in &state.produced {
                if *waiting != Waiting::InPlace {
                    let _ = fs::remove_file(self.temporary(path, *waiting));
                }
            }
            // Deepest first, so each folder is empty when its turn comes.
            let mut created: Vec<&str> = state
                .dirs
                .iter()
                .filter(|(_, made)| **made)
                .map(|(dir, _)| &**dir)
                .collect();
            created.sort_by_key(|dir| std::cmp::Reverse(dir.matches('/').count()));
            for dir in created {
                let _ = fs::remove_dir(self.dir.join(dir));
            }
        }
        for dir in state.created_above.iter().rev() {
            let _ = fs::remove_dir(dir);
        }
    }
}

impl Output for OutputWriter {
    fn put(&self, file: OutputFile) -> Result<()> {
        OutputWriter::put(self, file)
    }

    fn put_made_from(&self, file: OutputFile, inputs: u128) -> Result<()> {
        OutputWriter::put_made_from(self, file, Some(inputs))
    }

    fn unchanged(&self, path: &str, inputs: u128) -> Result<bool> {
        OutputWriter::unchanged(self, path, inputs)
    }

    fn put_streamed(
        &self,
        path: &str,
        produce: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<()> {
        OutputWriter::put_streamed(self, path, produce)
    }
}

/// A writer that also hashes what goes through it.
struct Hashing<'a, W> {
    out: W,
    hasher: &'a mut xxhash_rust::xxh3::Xxh3,
}

impl<W: io::Write> io::Write for Hashing<'_, W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let n = self.out.write(bytes)?;
        self.hasher.update(&bytes[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// The temporary file beside `target` that holds its new bytes until commit.
fn beside(target: &Path) -> PathBuf {
    let name = target.file_name().expect("a target has a name").to_string_lossy();
    // The temporary name is longer than the target's: for a name near the file systems' limit
    // of 255 bytes (a static file may have one), a short name made from a hash of it instead,
    // still one per target.
    if name.len() > LONG_NAME {
        use sha2::Digest;
        let hash = hex::encode(&sha2::Sha256::digest(name.as_bytes())[..8]);
        return target.with_file_name(format!(".{hash}{PARTIAL_SUFFIX}"));
    }
    target.with_file_name(format!(".{name}{PARTIAL_SUFFIX}"))
}

/// From this many bytes on, a name's temporary file is named by a hash ([`beside`]).
const LONG_NAME: usize = 200;

/// The folder of a relative `/`-separated path (`""` for one at the top).
fn parent_of(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(parent, _)| parent)
}

/// Whether removing the `stale` files (relative paths) and the folders they leave empty
/// removes the folder `target` (at relative `path`) too, so that a file can take its place:
/// only if every file below it is stale and every folder below it holds one.
fn emptied_by(target: &Path, path: &str, stale: &BTreeSet<&str>) -> bool {
    walkdir::WalkDir::new(target).into_iter().all(|entry| {
        let Ok(entry) = entry else { return false };
        let relative = match entry.depth() {
            0 => path.to_string(),
            _ => format!("{path}/{}", relative_path(target, entry.path())),
        };
        if entry.file_type().is_dir() {
            let below = format!("{relative}/");
            stale
                .range::<str, _>((
                    std::ops::Bound::Included(below.as_str()),
                    std::ops::Bound::Unbounded,
                ))
                .next()
                .is_some_and(|p| p.starts_with(&below))
        } else {
            stale.contains(relative.as_str())
        }
    })
}

/// Whether `path` is a file itself, not a link to one (whose bytes lie elsewhere).
fn is_plain_file(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|meta| meta.is_file())
}

/// Whether two files hold the same bytes, read a block at a time.
fn same_bytes(a: &Path, b: &Path) -> bool {
    let (Ok(fa), Ok(fb)) = (fs::File::open(a), fs::File::open(b)) else {
        return false;
    };
    if fa.metadata().map(|m| m.len()).ok() != fb.metadata().map(|m| m.len()).ok() {
        return false;
    }
    let (mut ra, mut rb) = (io::BufReader::new(fa), io::BufReader::new(fb));
    loop {
        let (Ok(ba), Ok(bb)) = (io::BufRead::fill_buf(&mut ra), io::BufRead::fill_buf(&mut rb)) else {
            return false;
        };
        if ba.is_empty() || bb.is_empty() {
            return ba.is_empty() && bb.is_empty();
        }
        let n = ba.len().min(bb.len());
        if ba[..n] != bb[..n] {
            return false;
        }
        io::BufRead::consume(&mut ra, n);
        io::BufRead::consume(&mut rb, n);
    }
}

/// The staging folder for a build into the missing folder `dir`: `.<name>.staging-<pid>`
/// beside it, unless that name would be too long.
fn staging_for(dir: &Path) -> Option<PathBuf> {
    let name = dir.file_name()?.to_str()?;
    if name.len() > LONG_NAME {
        return None;
    }
    Some(dir.with_file_name(format!(".{name}.staging-{}", std::process::id())))
}

/// Writes `bytes` to `path` through a temporary file and a rename, so it appears whole.
fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    let temporary = beside(path);
    fs::write(&temporary, bytes).map_err(|e| Error::io(&temporary, e))?;
    fs::rename(&temporary, path).map_err(|e| {
        let _ = fs::remove_file(&temporary);
        Error::io(path, e)
    })
}

/// Writes one file that a command other than `build` keeps in a built output folder (such as
/// `beacon notify`'s record), listed under `writer` in the record first, so that a later build
/// neither takes it for a user's file nor removes it. Refuses a path that a user's file or
/// another writer already holds. A folder that is missing or empty is made beacon's with a new
/// record (`beacon probe` runs before the first build). A refusal says whose record it was.
pub fn put_registered(dir: &Path, writer: &str, path: &str, bytes: &[u8]) -> Result<()> {
    register(dir, writer, path, bytes).map_err(|e| match e {
        Error::Usage(message) => Error::Usage(format!("cannot save the {writer} record: {message}")),
        other => other,
    })
}

fn register(dir: &Path, writer: &str, path: &str, bytes: &[u8]) -> Result<()> {
    let fresh = match fs::read_dir(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => true,
        Err(e) => return Err(Error::io(dir, e)),
        Ok(mut entries) => entries.next().is_none(),
    };
    if fresh {
        fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        write_whole(&dir.join(MANIFEST), &Manifest::new().to_bytes())?;
    }
    let mut manifest = Manifest::read(dir)?.ok_or_else(|| {
        Error::Usage(format!(
            "{} holds no {MANIFEST}: build the site into it with `beacon build` first",
            dir.display()
        ))
    })?;
    if path == MANIFEST || path.ends_with(PARTIAL_SUFFIX) {
        return Err(Error::Usage(format!("cannot register `{path}` in the output")));
    }
    let target = Confinement::new(dir)?.path(path)?;
    if let Some((other, _)) = manifest
        .writers
        .iter()
        .find(|(name, paths)| name.as_str() != writer && paths.contains(path))
    {
        return Err(Error::Usage(format!(
            "cannot write `{path}` into {}: `beacon {other}` wrote that path",
            dir.display()
        )));
    }
    let mine = manifest
        .writers
        .get(writer)
        .is_some_and(|paths| paths.contains(path));
    if !mine && target.exists() {
        return Err(refusal(dir, &[&path.to_string()]));
    }
    if !mine {
        manifest
            .writers
            .entry(writer.to_string())
            .or_default()
            .insert(path.to_string());
        write_whole(&dir.join(MANIFEST), &manifest.to_bytes())?;
    }
    if let Some(parent) = target.parent() {
        fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    }
    write_whole(&target, bytes)
}

/// Writes exactly `files` into `dir` (a convenience for tests and benchmarks).
pub fn write_output(dir: &Path, files: &[OutputFile], options: &WriteOptions) -> Result<WriteSummary> {
    let writer = OutputWriter::open(dir, options)?;
    files.par_iter().try_for_each(|file| writer.put(file.clone()))?;
    writer.commit()
}

fn refusal(dir: &Path, foreign: &[&String]) -> Error {
    let mut named: Vec<String> = foreign
        .iter()
        .take(NAMED_IN_REFUSAL)
        .map(|p| format!("  {p}"))
        .collect();
    if foreign.len() > NAMED_IN_REFUSAL {
        named.push(format!("  … and {} more", foreign.len() - NAMED_IN_REFUSAL));
    }
    Error::Usage(format!(
        "refusing to write into {}: it holds {} beacon did not write:\n{}\n\
         beacon only writes into a folder that is missing, empty, or holds its own previous \
         build. Move files you want published into the site's static/ folder, choose another \
         folder with --output, or pass --force to write anyway (beacon then overwrites the files \
         it produces itself and leaves the others alone).",
        dir.display(),
        crate::wording::count(foreign.len(), "file", "files"),
        named.join("\n")
    ))
}

/// Refuses, even with `--force`, every folder whose loss or mixing would hurt: `/`, the home
/// folder and what contains it, the site folder and what contains it, and its input folders.
fn refuse_protected(dir: &Path, site_root: &Path) -> Result<()> {
    let root = absolute(site_root)?;
    let refuse = |what: String| {
        Err(Error::Usage(format!(
            "refusing to write the site into {}: {what}. Nothing was changed; choose another \
             folder with --output (the default is public/ in the site folder). --force does not \
             override this.",
            dir.display()
        )))
    };
    if dir.parent().is_none() {
        return refuse("it is the filesystem root".into());
    }
    if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
        let home = absolute(Path::new(&home))?;
        if home.starts_with(dir) {
            return refuse(format!("it is or contains your home folder {}", home.display()));
        }
    }
    if dir == root {
        return refuse("it is the site folder itself".into());
    }
    if root.starts_with(dir) {
        return refuse(format!("it contains the site folder {}", root.display()));
    }
    // Each input folder as it resolves: one that is a link is refused where it leads, too.
    for input in crate::site_files::INPUT_FOLDERS {
        let folder = absolute(&root.join(input))?;
        if dir.starts_with(&folder) || dir.starts_with(root.join(input)) {
            return refuse(format!(
                "it is inside the site's {input}/ folder, a source folder"
            ));
        }
        if folder.starts_with(dir) {
            return refuse(format!(
                "it contains the site's {input}/ folder ({}), a source folder",
                folder.display()
            ));
        }
    }
    Ok(())
}

/// Why `path` is not a plain relative path (`/`-separated names, none empty, `.` or `..`, no
/// root, prefix or `\`), or `None` when it is one. Checked before any file system call.
pub fn not_plain_relative(path: &str) -> Option<&'static str> {
    if path.is_empty() {
        return Some("it is empty");
    }
    if path.contains('\\') || path.contains('\0') {
        return Some("it holds a backslash or a NUL");
    }
    for part in path.split('/') {
        let mut components = Path::new(part).components();
        let single = matches!(
            (components.next(), components.next()),
            (Some(Component::Normal(name)), None) if name == part
        );
        if !single {
            return Some("it is not a plain relative path inside the folder");
        }
    }
    None
}

/// The one proof that a path beacon writes or removes lies inside its target folder. Every
/// writer and remover goes through it: the output writer (each file it writes, each file of
/// the previous build it removes, `beacon notify`'s record), `beacon import` and the
/// authoring commands.
///
/// A path is confined when it is a plain relative path ([`not_plain_relative`]) and every
/// folder on the way to it that exists, symbolic links resolved, is the target folder or lies
/// inside it. The last part may itself be a link: a rename replaces the link and a removal
/// removes the link, neither follows it. Folders checked once are remembered, so a build of
/// 100,000 pages looks at each folder once.
pub struct Confinement {
    /// The target folder, absolute, links resolved.
    root: PathBuf,
    /// Folders (relative) already proved to lie inside.
    checked: Mutex<HashSet<String>>,
}

impl Confinement {
    /// Confines paths to `root` (made absolute, links resolved; it need not exist yet).
    pub fn new(root: &Path) -> Result<Confinement> {
        Ok(Confinement {
            root: absolute(root)?,
            checked: Mutex::new(HashSet::new()),
        })
    }

    /// The target folder, absolute with links resolved.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `root/relative`, for a caller that knows no folder inside `root` is a symbolic link
    /// (it walked them all): only the path itself is checked, the disk is not looked at.
    pub fn path_without_links(&self, relative: &str) -> Result<PathBuf> {
        self.plain(relative)?;
        Ok(self.root.join(relative))
    }

    /// An error unless `relative` is a plain relative path ([`not_plain_relative`]).
    fn plain(&self, relative: &str) -> Result<()> {
        match not_plain_relative(relative) {
            Some(why) => Err(Error::Usage(format!(
                "refusing to write or remove `{}` in {}: {why}",
                relative.escape_debug(),
                self.root.display()
            ))),
            None => Ok(()),
        }
    }

    /// `root/relative`, once proved to lie inside `root`; else an error that names the path
    /// and, for a link, where it leads.
    pub fn path(&self, relative: &str) -> Result<PathBuf> {
        self.plain(relative)?;
        let mut at = self.root.clone();
        let mut walked = String::new();
        let parts: Vec<&str> = relative.split('/').collect();
        for part in &parts[..parts.len() - 1] {
            at.push(part);
            if !walked.is_empty() {
                walked.push('/');
            }
            walked.push_str(part);
            if self.lock().contains(&walked) {
                continue;
            }
            match fs::symlink_metadata(&at) {
                // Missing: beacon creates it (and what lies below) as real folders.
                Err(e) if e.kind() == io::ErrorKind::NotFound => break,
                Err(e) => return Err(Error::io(&at, e)),
                Ok(meta) if meta.file_type().is_symlink() => {
                    let inside = at
                        .canonicalize()
                        .ok()
                        .filter(|target| target.starts_with(&self.root));
                    if inside.is_none() {
                        let leads = fs::read_link(&at)
                            .map(|t| t.display().to_string())
                            .unwrap_or_else(|_| "somewhere unreadable".into());
                        return Err(Error::Usage(format!(
                            "refusing to write or remove `{relative}` in {}: `{walked}` is a \
                             symbolic link to {leads}, which is not inside that folder. beacon \
                             never writes or removes anything outside its target folder, and \
                             --force does not change that; remove the link",
                            self.root.display()
                        )));
                    }
                }
                // A file where a folder goes: nothing lies below it, and whoever writes there
                // finds out (the output writer replaces a file of its own previous build).
                Ok(meta) if !meta.is_dir() => break,
                Ok(_) => {}
            }
            self.lock().insert(walked.clone());
        }
        Ok(self.root.join(relative))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashSet<String>> {
        self.checked.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// `path` made absolute against the current folder, with symbolic links of its existing part
/// resolved and `.`/`..` of the rest applied, so two spellings of one folder compare equal.
pub fn absolute(path: &Path) -> Result<PathBuf> {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map_err(|e| Error::io(Path::new("."), e))?
            .join(path)
    };
    let mut clean = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::ParentDir => {
                clean.pop();
            }
            Component::CurDir => {}
            other => clean.push(other),
        }
    }
    // Resolve links in the longest part that exists.
    let mut existing = clean.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            let mut resolved = real;
            for part in rest.iter().rev() {
                resolved.push(part);
            }
            return Ok(resolved);
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return Ok(clean),
        }
    }
}

/// Removes the staging folders that killed builds into a new folder left beside the output
/// (`.public.staging-<pid>`). Only a folder with exactly that name, no live process of that
/// id and beacon's mark inside ([`STAGING_MARK`]) is touched: a user's folder of that name,
/// or one an older beacon left without the mark, stays.
fn remove_dead_staging(dir: &Path) {
    let (Some(parent), Some(name)) = (dir.parent(), dir.file_name()) else {
        return;
    };
    let name = name.to_string_lossy();
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if let Some(pid) = staging_pid(&file_name, &name) {
            let alive = Path::new("/proc").join(pid.to_string()).exists();
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            let marked = || {
                let mark = entry.path().join(STAGING_MARK).symlink_metadata();
                mark.is_ok_and(|m| m.is_file())
            };
            if is_dir && !alive && pid != std::process::id() && marked() {
                let _ = fs::remove_dir_all(entry.path());
            }
        }
    }
}

/// The process id in `.<output>.staging-<pid>`.
fn staging_pid(file_name: &str, output: &str) -> Option<u32> {
    let digits = file_name
        .strip_prefix('.')?
        .strip_prefix(output)?
        .strip_prefix(".staging-")?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

fn relative_path(dir: &Path, path: &Path) -> String {
    let relative = path
        .strip_prefix(dir)
        .expect("walked paths are inside the folder");
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn walk_error(dir: &Path, e: walkdir::Error) -> Error {
    let path = e.path().unwrap_or(dir).to_path_buf();
    Error::io(&path, e.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(root: &Path) -> WriteOptions {
        WriteOptions {
            site_root: root.to_path_buf(),
            force: false,
        }
    }

    /// The record as commit writes it, from the build's state, is the `Manifest` it stands for,
    /// byte for byte: other writers before and after `build`, a first record, a foreign folder.
    #[test]
    fn committed_record_is_the_manifest_it_stands_for() {
        let recorded = |n: u128| Recorded {
            bytes: n.wrapping_mul(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835),
            inputs: (!n.is_multiple_of(3)).then_some(n << 70 | n),
        };
        let produced: BTreeMap<Box<str>, (Waiting, Recorded)> =
            ["b/index.html", "a.json", "b/c/ü.xml", "b.json"]
                .into_iter()
                .enumerate()
                .map(|(n, path)| (path.into(), (Waiting::Staged, recorded(n as u128))))
                .collect();
        let paths = |list: &[&str]| list.iter().map(|p| p.to_string()).collect::<BTreeSet<String>>();
        let mut manifests = vec![Manifest::new()];
        let mut other = Manifest::new();
        other.writers.insert("probe".into(), paths(&["probes.json"]));
        other.writers.insert("alpha".into(), paths(&["z", "a"]));
        other
            .writers
            .insert(BUILD_WRITER.into(), paths(&["old.html", "a.json"]));
        manifests.push(other.clone());
        other.built.insert("old.html".into(), recorded(7));
        manifests.push(other);
        for manifest in &manifests {
            for produced in [&produced, &BTreeMap::new()] {
                for built in [true, false] {
                    let mut expected = manifest.clone();
                    expected.writers.insert(
                        BUILD_WRITER.to_string(),
                        produced.keys().map(|p| p.to_string()).collect(),
                    );
                    if built {
                        expected.built = produced.iter().map(|(p, (_, r))| (p.to_string(), *r)).collect();
                    }
                    let committed = Committed {
                        manifest,
                        produced,
                        built,
                    };
                    let bytes = committed.to_bytes();
                    assert_eq!(
                        String::from_utf8_lossy(&bytes),
                        String::from_utf8_lossy(&expected.to_bytes())
                    );
                    let dir = tempfile::tempdir().unwrap();
                    committed.write_to(&dir.path().join(MANIFEST)).unwrap();
                    assert_eq!(fs::read(dir.path().join(MANIFEST)).unwrap(), bytes);
                    assert_eq!(Manifest::read(dir.path()).unwrap(), Some(expected));
                }
            }
        }
    }

    /// A writer for `out`, for a site that would stand in `<dir>/site`.
    fn open(out: &Path, dir: &tempfile::TempDir) -> OutputWriter {
        OutputWriter::open(out, &options(&dir.path().join("site"))).unwrap()
    }

    /// A writer for a folder `public` that does not exist yet, in a new temporary folder.
    fn new_output() -> (tempfile::TempDir, PathBuf, OutputWriter) {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let writer = open(&out, &dir);
        (dir, out, writer)
    }

    /// What the user reads when putting `path` fails.
    fn put_error(writer: &OutputWriter, path: &str) -> String {
        writer.put(OutputFile::new(path, "x")).unwrap_err().to_string()
    }

    #[test]
    fn staging_names_are_recognised_exactly() {
        assert_eq!(staging_pid(".public.staging-123", "public"), Some(123));
        assert_eq!(staging_pid(".public.previous-9", "public"), None);
        assert_eq!(staging_pid(".public.staging-", "public"), None);
        assert_eq!(staging_pid(".public.staging-12x", "public"), None);
        assert_eq!(staging_pid(".publicx.staging-12", "public"), None);
        assert_eq!(staging_pid("public.staging-12", "public"), None);
    }

    #[test]
    fn a_dropped_writer_leaves_no_trace() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site/public");
        let writer = open(&out, &dir);
        writer.put(OutputFile::new("a/b/index.html", "x")).unwrap();
        let staging = staging_for(&absolute(&out).unwrap()).unwrap();
        assert!(staging.join("a/b/index.html").exists());
        assert!(!out.exists());
        drop(writer);
        assert!(!dir.path().join("site").exists());
    }

    /// The names in `dir`, sorted.
    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_new_folder_appears_whole_at_commit() {
        let (dir, out, writer) = new_output();
        writer.put(OutputFile::new("index.html", "i")).unwrap();
        writer.put(OutputFile::new("a/b/index.html", "x")).unwrap();
        assert!(!out.exists(), "nothing appears before the commit");
        let summary = writer.commit().unwrap();
        assert_eq!((summary.files, summary.written, summary.removed), (2, 2, 0));
        assert_eq!(names(dir.path()), ["public"]);
        assert_eq!(names(&out), [MANIFEST, "a", "index.html"]);
        assert_eq!(fs::read_to_string(out.join("a/b/index.html")).unwrap(), "x");
        let manifest = Manifest::read(&out).unwrap().unwrap();
        assert_eq!(manifest.built.len(), 2);
    }

    #[test]
    fn a_folder_that_appears_during_the_build_is_left_alone() {
        let (dir, out, writer) = new_output();
        writer.put(OutputFile::new("index.html", "beacon's")).unwrap();
        fs::create_dir(&out).unwrap();
        fs::write(out.join("index.html"), "theirs").unwrap();
        let error = writer.commit().unwrap_err().to_string();
        assert!(error.contains("appeared while beacon was building"), "{error}");
        assert_eq!(names(dir.path()), ["public"], "the staging folder is gone");
        assert_eq!(names(&out), ["index.html"]);
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "theirs");
    }

    #[test]
    fn a_file_or_link_that_appears_where_the_folder_goes_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elsewhere");
        fs::create_dir(&elsewhere).unwrap();
        for (name, make) in [
            (
                "file",
                Box::new(|at: &Path| fs::write(at, "theirs")) as Box<dyn Fn(&Path) -> io::Result<()>>,
            ),
            (
                "link",
                Box::new(|at: &Path| std::os::unix::fs::symlink(&elsewhere, at)),
            ),
            (
                "empty link",
                Box::new(|at: &Path| std::os::unix::fs::symlink("nowhere", at)),
            ),
        ] {
            let out = dir.path().join(name.replace(' ', "-"));
            let writer = open(&out, &dir);
            writer.put(OutputFile::new("index.html", "beacon's")).unwrap();
            make(&out).unwrap();
            assert!(writer.commit().is_err(), "{name}");
            assert!(
                out.symlink_metadata().is_ok_and(|m| !m.is_dir()),
                "{name} stays as it was"
            );
        }
        assert_eq!(names(dir.path()), ["elsewhere", "empty-link", "file", "link"]);
        assert!(names(&elsewhere).is_empty());
    }

    #[test]
    fn a_file_and_a_folder_at_one_place_fail_the_commit_in_either_order() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        for order in [["a", "a/b/index.html"], ["a/b/index.html", "a"]] {
            let writer = open(&out, &dir);
            for path in order {
                writer.put(OutputFile::new(path, path)).unwrap();
            }
            let error = writer.commit().unwrap_err().to_string();
            assert!(
                error.contains("a file and a folder at once"),
                "{order:?}: {error}"
            );
            assert!(
                names(dir.path()).is_empty(),
                "{order:?} left {:?}",
                names(dir.path())
            );
        }
    }

    #[test]
    fn a_staging_folder_in_the_way_fails_the_build() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let staging = staging_for(&absolute(&out).unwrap()).unwrap();
        fs::create_dir(&staging).unwrap();
        fs::write(staging.join("keep"), "k").unwrap();
        let writer = open(&out, &dir);
        let error = put_error(&writer, "index.html");
        assert!(error.contains("is in the way"), "{error}");
        drop(writer);
        assert_eq!(
            names(&staging),
            ["keep"],
            "a folder this build did not make is left alone"
        );
        assert!(!out.exists());
    }

    #[test]
    fn a_killed_build_leaves_a_marked_staging_folder_that_only_beacon_removes() {
        let (dir, out, writer) = new_output();
        writer.put(OutputFile::new("index.html", "x")).unwrap();
        // As if killed: the writer's drop never runs.
        std::mem::forget(writer);
        let staging = staging_for(&absolute(&out).unwrap()).unwrap();
        let dead = dir.path().join(format!(".public.staging-{}", u32::MAX - 7));
        fs::rename(&staging, &dead).unwrap();
        assert_eq!(names(&dead), [STAGING_MARK, "index.html"]);
        let writer = open(&out, &dir);
        assert!(!dead.exists());
        assert!(writer.put(OutputFile::new(STAGING_MARK, "x")).is_err());
        writer.put(OutputFile::new("index.html", "x")).unwrap();
        writer.commit().unwrap();
        assert_eq!(names(&out), [MANIFEST, "index.html"], "the mark is not published");
    }

    #[test]
    fn a_staging_folder_that_cannot_be_made_is_said_of_the_output() {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(dir.path().join("nowhere"), dir.path().join("link")).unwrap();
        let out = dir.path().join("link/public");
        let writer = open(&out, &dir);
        let error = put_error(&writer, "index.html");
        assert!(error.contains("link/public:"), "{error}");
        assert!(!error.contains("staging"), "{error}");
        drop(writer);
        assert_eq!(names(dir.path()), ["link"]);
    }

    #[test]
    fn paths_that_leave_the_folder_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let writer = OutputWriter::open(&dir.path().join("out"), &options(&dir.path().join("site"))).unwrap();
        for bad in ["../x", "/etc/x", "a/../../x", "", MANIFEST, "a/.b.beacon-partial"] {
            assert!(writer.put(OutputFile::new(bad, "x")).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_name_near_the_limit_gets_a_short_temporary_name() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let name = "s".repeat(250);
        let files = [
            OutputFile::new(&name, "x"),
            OutputFile::new(format!("d/{name}"), "y"),
        ];
        write_output(&out, &files, &options(&dir.path().join("site"))).unwrap();
        assert_eq!(fs::read_to_string(out.join(&name)).unwrap(), "x");
        assert_eq!(fs::read_to_string(out.join("d").join(&name)).unwrap(), "y");
    }

    #[test]
    fn absolute_applies_dots_and_links() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().canonicalize().unwrap();
        assert_eq!(
            absolute(&dir.path().join("a/../b/./c")).unwrap(),
            real.join("b/c")
        );
    }
}
