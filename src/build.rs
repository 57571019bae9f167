//! Runs the stages: load → as of `now` → status → render every output, handing each file on
//! as it is done. Formats nothing itself and writes nothing (that is `write.rs`).

use std::collections::{BTreeMap, HashSet};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::content::{load_site, LoadOptions, Site};
pub use crate::context::{BuildContext, BuildOptions, Output, OutputFile, Sink};
use crate::error::{Error, Result};
use crate::status::{as_of, compute_report, into_as_of};
use crate::{outputs, render};

/// Loads the site under `options.root` and renders it, all in memory (what `serve` serves).
pub fn build_site(options: &BuildOptions) -> Result<Vec<OutputFile>> {
    let site = load_site(
        &options.root,
        &LoadOptions {
            drafts: options.drafts,
        },
    )?;
    collect(|sink| render_owned_site_into(site, options, sink))
}

/// Renders every output file of a loaded site, sorted by path, all in memory (tests, `serve`).
pub fn render_site(site: &Site, options: &BuildOptions) -> Result<Vec<OutputFile>> {
    collect(|sink| render_site_into(site, options, sink))
}

/// The files `render` hands on, sorted by path.
fn collect(render: impl FnOnce(&Sink) -> Result<()>) -> Result<Vec<OutputFile>> {
    let files = Mutex::new(BTreeMap::new());
    render(&|file: OutputFile| {
        files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(file.path, file.bytes);
        Ok(())
    })?;
    let files = files.into_inner().unwrap_or_else(|e| e.into_inner());
    Ok(files
        .into_iter()
        .map(|(path, bytes)| OutputFile { path, bytes })
        .collect())
}

/// Renders every output file of a loaded site and hands each to `sink` as soon as it is done,
/// from many threads, in no fixed order; each path once. Nothing is held back, so memory does
/// not grow with the size of the output. On error, `sink` may have received some files.
///
/// Precedence on the same path: the theme's static files < generated files < the site's
/// `static/` (so a site can ship its own robots.txt or 404.html).
pub fn render_site_into(site: &Site, options: &BuildOptions, sink: &Sink) -> Result<()> {
    render_published(as_of(site, options.now), options, sink)
}

/// [`render_site_into`] for a site the caller no longer needs: it is cut to `now` in place,
/// not copied, so a large site is in memory once.
pub fn render_owned_site_into(site: Site, options: &BuildOptions, sink: &Sink) -> Result<()> {
    render_published(into_as_of(site, options.now), options, sink)
}

fn render_published(mut published: Site, options: &BuildOptions, sink: &Sink) -> Result<()> {
    if let Some(base_url) = &options.base_url {
        published.config.base_url = crate::site_url::parse_base_url(base_url)
            .map_err(|e| Error::Usage(format!("--base-url: {e}")))?;
    }
    let report = compute_report(&published, options.now);
    let i18n = crate::i18n::I18n::for_site(&options.root, &published.config.language)?;
    let ctx = BuildContext {
        site: &published,
        report: &report,
        options,
        i18n: std::sync::Arc::new(i18n),
    };
    let site_static = render::theme::load_site_static(&options.root)?;
    let theme_static = render::theme::load_static(&options.root, &published.config.theme)?;
    let versions = render::asset_versions(&theme_static, &site_static);

    let layered = Layered {
        site_static: &site_static,
        generated: Mutex::new(HashSet::new()),
        sink,
    };
    type Renderer = fn(&BuildContext) -> Result<Vec<OutputFile>>;
    let renderers: [Renderer; 5] = [
        outputs::feeds::render,
        outputs::ical::render,
        outputs::uptime::render,
        outputs::badges::render,
        outputs::headers::render,
    ];
    let (pages, others) = rayon::join(
        || render::render_pages(&ctx, &versions, &layered),
        || {
            outputs::api::render(&ctx, &layered)?;
            renderers
                .par_iter()
                .try_for_each(|render| render(&ctx)?.into_iter().try_for_each(|f| layered.put(f)))
        },
    );
    pages?;
    others?;
    let generated = layered.generated.into_inner().unwrap_or_else(|e| e.into_inner());
    for (path, bytes) in theme_static {
        if !site_static.contains_key(&path) && !generated.contains(&path) {
            sink.put(OutputFile { path, bytes })?;
        }
    }
    for (path, bytes) in site_static {
        sink.put(OutputFile { path, bytes })?;
    }
    Ok(())
}

/// Generated files on their way to the sink: dropped where the site's `static/` has the same
/// path, and remembered so the theme's static files do not replace them.
struct Layered<'a> {
    site_static: &'a BTreeMap<String, Vec<u8>>,
    generated: Mutex<HashSet<String>>,
    sink: &'a Sink<'a>,
}

impl Layered<'_> {
    /// Whether a generated `path` goes out (and, if so, remembers it).
    fn claim(&self, path: &str) -> bool {
        if self.site_static.contains_key(path) {
            return false;
        }
        self.generated
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string());
        true
    }
}

impl Output for Layered<'_> {
    fn put(&self, file: OutputFile) -> Result<()> {
        if self.claim(&file.path) {
            self.sink.put(file)
        } else {
            Ok(())
        }
    }

    fn put_streamed(
        &self,
        path: &str,
        produce: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<()> {
        if self.claim(path) {
            self.sink.put_streamed(path, produce)
        } else {
            Ok(())
        }
    }
}
