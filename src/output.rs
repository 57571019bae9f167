//! What a build produces: files ([`OutputFile`]) handed to an [`Output`] as soon as each is
//! rendered: the writer of the output folder (`write`), or a map in memory (`serve`, tests).

use std::io;

use crate::error::{Error, Result};

/// The per-update feeds, in every language's edition.
pub const UPDATES_RSS: &str = "updates/feed.xml";
/// The Atom twin of [`UPDATES_RSS`].
pub const UPDATES_ATOM: &str = "updates/atom.xml";
/// The embed script of each language's edition (`outputs::embed`), which the subscribe page's
/// snippet names.
pub const EMBED_JS: &str = "embed.js";
/// Every component's uptime figures (`outputs::uptime`), which the subscribe page lists.
pub const UPTIME_JSON: &str = "api/v2/uptime.json";

/// One file of the output, its path relative to the output folder with `/` separators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

impl OutputFile {
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        OutputFile {
            path: path.into(),
            bytes: bytes.into(),
        }
    }
}

/// Where a renderer hands each file as soon as it is done: the output writer, or a map in
/// memory for `serve`. Called from many threads at once.
pub trait Output: Sync {
    fn put(&self, file: OutputFile) -> Result<()>;

    /// A file too large to hold whole (the full incident list of the API): `produce` writes
    /// its bytes as they are made. By default they are collected and [`put`](Output::put).
    fn put_streamed(
        &self,
        path: &str,
        produce: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<()> {
        let mut bytes = Vec::new();
        produce(&mut bytes).map_err(|e| Error::io(path, e))?;
        self.put(OutputFile::new(path, bytes))
    }

    /// Whether the file at `path` that an earlier build made from inputs hashing to `inputs`
    /// (see [`put_made_from`](Output::put_made_from)) still stands: then it counts as produced,
    /// and the caller need not render it. Only the output folder's writer keeps such a record;
    /// every other output says no.
    fn unchanged(&self, _path: &str, _inputs: u128) -> Result<bool> {
        Ok(false)
    }

    /// [`put`](Output::put) a file made from inputs that hash to `inputs`, for the next build's
    /// [`unchanged`](Output::unchanged).
    fn put_made_from(&self, file: OutputFile, _inputs: u128) -> Result<()> {
        self.put(file)
    }
}

/// Any function from files to results is an output (tests, in-memory maps).
impl<F: Fn(OutputFile) -> Result<()> + Sync> Output for F {
    fn put(&self, file: OutputFile) -> Result<()> {
        self(file)
    }
}

/// What renderers write to.
pub type Sink<'a> = dyn Output + 'a;

/// Streams the file at `path` to `sink` ([`Output::put_streamed`]) through a buffer of its
/// own, so that a serialiser's many small writes reach the sink as a few large ones: how a
/// renderer writes a file too large to hold whole (the API's incident list, the history's
/// index, the sitemap).
pub fn put_buffered(
    sink: &Sink,
    path: &str,
    mut write: impl FnMut(&mut io::BufWriter<&mut dyn io::Write>) -> io::Result<()>,
) -> Result<()> {
    sink.put_streamed(path, &mut |out| {
        let mut out = io::BufWriter::with_capacity(64 * 1024, out);
        write(&mut out)?;
        io::Write::flush(&mut out)
    })
}
