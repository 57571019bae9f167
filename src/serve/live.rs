//! A build whose files are rendered when first asked for: what `serve` serves.
//!
//! Starting one does what every page needs (cut the site to `now`, status, static files,
//! templates, the shared views) and renders one page of each kind, so a template that fails
//! fails the build as a full build would; then every other file is rendered on its first
//! request and kept for the next. A save therefore costs a load (of the changed files only, see
//! [`crate::content::cache`]) and this start, not the render of every page.
//!
//! The views borrow from the loaded site, so they live on one thread (`beacon-render`) that owns
//! the site and renders what requests ask for; it ends when the build is dropped. Bytes are the
//! same as a full build with the same [`BuildOptions`] writes: the serve tests compare every path.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{mpsc, Mutex};
use std::thread;

use bytes::Bytes;
use rayon::prelude::*;

use crate::build::{render_source, Edition, Published};
use crate::content::Site;
use crate::context::{BuildContext, BuildOptions};
use crate::error::{Diagnostic, Error, Result};
use crate::output::OutputFile;
use crate::plan::Plan;
use crate::render::pages::{Job, Pages};
use crate::status::into_as_of;

/// A file's bytes, or why it could not be rendered (as the error page shows it).
pub type Rendered = std::result::Result<Bytes, String>;

/// The files of one build, rendered on demand.
pub struct LiveBuild {
    options: Option<BuildOptions>,
    /// Static files at the paths where they are published, ready to send.
    statics: HashMap<String, Bytes>,
    /// Every generated path (pages, sitemap, feeds, API, ...) a static file does not replace.
    generated: HashSet<String>,
    /// Requests to the render thread; `None` when every file is static.
    asks: Option<Mutex<mpsc::Sender<Ask>>>,
}

/// One request to the render thread: the path, and where to send its bytes.
struct Ask {
    path: String,
    reply: mpsc::Sender<Rendered>,
}

impl LiveBuild {
    /// Starts the build of `site` (as loaded, not yet cut to `now`); fails as a full build
    /// would on a theme or template problem.
    pub fn start(site: Site, options: BuildOptions) -> Result<LiveBuild> {
        let (ready_tx, ready_rx) = mpsc::channel();
        let (asks, requests) = mpsc::channel();
        let worker_options = options.clone();
        thread::Builder::new()
            .name("beacon-render".into())
            .spawn(move || render_thread(site, worker_options, ready_tx, requests))
            .map_err(|e| Error::io(PathBuf::from("beacon-render thread"), e))?;
        let ready = ready_rx
            .recv()
            .map_err(|_| Error::Usage("the render thread stopped while starting".into()))??;
        Ok(LiveBuild {
            options: Some(options),
            statics: ready.statics,
            generated: ready.generated,
            asks: Some(Mutex::new(asks)),
        })
    }

    /// A build of fixed files (tests of what is answered).
    pub fn from_files(files: BTreeMap<String, Bytes>) -> LiveBuild {
        LiveBuild {
            options: None,
            statics: files.into_iter().collect(),
            generated: HashSet::new(),
            asks: None,
        }
    }

    /// The options the build renders with; `None` for [`LiveBuild::from_files`].
    pub fn options(&self) -> Option<&BuildOptions> {
        self.options.as_ref()
    }

    /// Whether the build has a file at `path`.
    pub fn contains(&self, path: &str) -> bool {
        self.statics.contains_key(path) || self.generated.contains(path)
    }

    /// Every path of the build, sorted.
    pub fn paths(&self) -> BTreeSet<&str> {
        self.statics
            .keys()
            .chain(&self.generated)
            .map(String::as_str)
            .collect()
    }

    /// How many files the build has.
    pub fn len(&self) -> usize {
        self.statics.len() + self.generated.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes at `path`, rendered now if no request asked for them before; `None` if the
    /// build has no such file.
    pub fn get(&self, path: &str) -> Option<Rendered> {
        if let Some(bytes) = self.statics.get(path) {
            return Some(Ok(bytes.clone()));
        }
        if !self.generated.contains(path) {
            return None;
        }
        let asks = self.asks.as_ref()?;
        let (reply, answer) = mpsc::channel();
        let sent = asks.lock().unwrap_or_else(|e| e.into_inner()).send(Ask {
            path: path.to_string(),
            reply,
        });
        let stopped = || Err("the render thread stopped".to_string());
        if sent.is_err() {
            return Some(stopped());
        }
        Some(answer.recv().unwrap_or_else(|_| stopped()))
    }
}

/// What the render thread hands back once it is ready to answer.
struct Ready {
    statics: HashMap<String, Bytes>,
    generated: HashSet<String>,
}

/// Owns the site and everything that borrows from it; answers requests until the build is
/// dropped.
fn render_thread(
    site: Site,
    options: BuildOptions,
    ready: mpsc::Sender<Result<Ready>>,
    requests: mpsc::Receiver<Ask>,
) {
    let published = match Published::new(into_as_of(site, options.now), &options) {
        Ok(published) => published,
        Err(e) => {
            let _ = ready.send(Err(e));
            return;
        }
    };
    // Every language's edition, each with its context and its pages' shared views, and the
    // plan of the build's files: as a full build makes them (see `Published::render_into`).
    let editions: Vec<Edition> = published.editions().collect();
    let contexts = match published.contexts(&editions, &options) {
        Ok(contexts) => contexts,
        Err(e) => {
            let _ = ready.send(Err(e));
            return;
        }
    };
    let pages = match published.pages(&contexts) {
        Ok(pages) => pages,
        Err(e) => {
            let _ = ready.send(Err(e));
            return;
        }
    };
    let plan = Plan::new(
        &contexts[0],
        &pages[0],
        &published.prefixes(),
        &published.theme_static,
        &published.site_static,
    );
    let statics: HashMap<String, Bytes> = plan
        .statics
        .iter()
        .map(|(path, bytes)| (path.to_string(), Bytes::copy_from_slice(bytes)))
        .collect();

    // One page of each kind in each language now: a template that fails at render time fails
    // the build (and the last good one stays served), as in a full build. The front page is
    // then ready at once.
    let firsts: Vec<(&BuildContext, &Pages, Job)> = contexts
        .iter()
        .zip(&pages)
        .flat_map(|(ctx, pages)| {
            first_of_each_kind(pages.jobs())
                .into_iter()
                .map(move |job| (ctx, pages, job))
        })
        .collect();
    let rendered: Vec<std::result::Result<(String, Bytes), Diagnostic>> = firsts
        .par_iter()
        .map(|&(ctx, pages, job)| {
            let file = pages.render(job)?;
            Ok((
                format!("{}{}", ctx.edition_prefix, file.path),
                Bytes::from(file.bytes),
            ))
        })
        .collect();
    let mut done: HashMap<String, Bytes> = HashMap::new();
    let mut problems: Vec<Diagnostic> = Vec::new();
    for result in rendered {
        match result {
            Ok((path, bytes)) => {
                done.insert(path, bytes);
            }
            Err(d) => problems.push(d),
        }
    }
    if !problems.is_empty() {
        problems.dedup();
        let _ = ready.send(Err(Error::Content(problems)));
        return;
    }
    let generated = plan.generated.keys().cloned().collect();
    if ready.send(Ok(Ready { statics, generated })).is_err() {
        return;
    }

    for ask in requests {
        let answer = match (done.get(&ask.path), plan.generated.get(&ask.path)) {
            (Some(bytes), _) => Ok(bytes.clone()),
            (None, None) => Err(format!("error: no file {} in this build\n", ask.path)),
            (None, Some(&source)) => {
                // A source renders all its files at once (an output may have many): keep them.
                let files = Mutex::new(Vec::new());
                let collect = |file: OutputFile| {
                    files.lock().unwrap_or_else(|e| e.into_inner()).push(file);
                    Ok(())
                };
                let edition = source.edition();
                match render_source(&plan, &contexts[edition], &pages[edition], source, &collect) {
                    Ok(()) => {
                        for file in files.into_inner().unwrap_or_else(|e| e.into_inner()) {
                            done.insert(file.path, Bytes::from(file.bytes));
                        }
                        done.get(&ask.path)
                            .cloned()
                            .ok_or_else(|| format!("error: {} was not rendered by its output\n", ask.path))
                    }
                    Err(e) => Err(super::error_text(&e)),
                }
            }
        };
        let _ = ask.reply.send(answer);
    }
}

/// The first job of each kind of page (front page, 404, incident, history, component, page).
fn first_of_each_kind(jobs: &[Job]) -> Vec<Job> {
    let mut seen = Vec::new();
    let mut firsts = Vec::new();
    for &job in jobs {
        let kind = std::mem::discriminant(&job);
        if !seen.contains(&kind) {
            seen.push(kind);
            firsts.push(job);
        }
    }
    firsts
}
