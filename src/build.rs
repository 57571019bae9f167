//! Runs the stages: load → as of `now` → status → render every output, handing each file on
//! as it is done. Formats nothing itself and writes nothing (that is `write.rs`).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use crate::content::{load_site, LoadOptions, Site};
pub use crate::context::{BuildContext, BuildOptions, Output, OutputFile, Sink};
use crate::error::{Error, Result};
use crate::i18n::I18n;
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
    // Status and uptime are facts, the same in every language: computed once.
    let report = compute_report(&published, options.now);
    // Every language's catalogue, with the site's overrides, is read before anything renders:
    // a bad override fails the build before a single file is made.
    let catalogues = published
        .config
        .languages
        .iter()
        .map(|code| Ok((code.clone(), Arc::new(I18n::for_site(&options.root, code)?))))
        .collect::<Result<HashMap<String, Arc<I18n>>>>()?;
    let catalogue = |code: &str| -> Result<Arc<I18n>> {
        match catalogues.get(code) {
            Some(i18n) => Ok(Arc::clone(i18n)),
            None => Ok(Arc::new(I18n::for_site(&options.root, code)?)),
        }
    };
    let site_static = render::theme::load_site_static(&options.root)?;
    let theme_static = render::theme::load_static(&options.root, &published.config.theme)?;
    let versions = render::asset_versions(&theme_static, &site_static);

    let layered = Layered {
        site_static: &site_static,
        generated: Mutex::new(HashSet::new()),
        sink,
    };
    // Files that exist once for the whole site, whatever its languages, speak the default
    // language (see docs/outputs.md); they render while the editions do.
    let site_ctx = BuildContext {
        site: &published,
        report: &report,
        options,
        edition_prefix: "",
        i18n: catalogue(&published.config.language)?,
    };
    let (editions, site_wide) = rayon::join(
        || {
            for_each_edition(&published, |edition, edition_prefix| {
                let ctx = BuildContext {
                    site: edition,
                    report: &report,
                    options,
                    edition_prefix,
                    i18n: catalogue(&edition.config.language)?,
                };
                let out = Prefixed {
                    prefix: edition_prefix,
                    inner: &layered,
                };
                render_edition(&ctx, &versions, &out)
            })
        },
        || {
            type Renderer = fn(&BuildContext) -> Result<Vec<OutputFile>>;
            let renderers: [Renderer; 2] = [outputs::uptime::render, outputs::headers::render];
            outputs::api::render(&site_ctx, &layered)?;
            renderers
                .par_iter()
                .try_for_each(|render| render(&site_ctx)?.into_iter().try_for_each(|f| layered.put(f)))
        },
    );
    editions?;
    site_wide?;

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

/// Calls `render` with each language's edition of `site` and the folder it goes in: the
/// default language's (the site itself) at the root, then every other language's (its texts,
/// see [`Site::in_language`]) under `<code>/`, one at a time so one copy is in memory.
pub fn for_each_edition(site: &Site, mut render: impl FnMut(&Site, &str) -> Result<()>) -> Result<()> {
    render(site, "")?;
    for code in site.config.languages.iter().skip(1) {
        let prefix = crate::editions::edition_prefix(&site.config.languages, code);
        render(&site.in_language(code), &prefix)?;
    }
    Ok(())
}

/// Everything one language's edition writes, with paths relative to the edition's folder:
/// the pages (and, for the default edition, the sitemap and robots.txt), the feeds, the
/// maintenance calendar and the badges.
fn render_edition(ctx: &BuildContext, versions: &BTreeMap<String, String>, out: &Sink) -> Result<()> {
    type Renderer = fn(&BuildContext) -> Result<Vec<OutputFile>>;
    let renderers: [Renderer; 3] = [
        outputs::feeds::render,
        outputs::ical::render,
        outputs::badges::render,
    ];
    let (pages, others) = rayon::join(
        || render::render_pages(ctx, versions, out),
        || {
            renderers
                .par_iter()
                .try_for_each(|render| render(ctx)?.into_iter().try_for_each(|f| out.put(f)))
        },
    );
    pages?;
    others
}

/// An edition's files on their way out: each path moved into the edition's folder.
struct Prefixed<'a> {
    /// Empty (the default edition) or `<code>/`.
    prefix: &'a str,
    inner: &'a Sink<'a>,
}

impl Prefixed<'_> {
    fn path(&self, path: &str) -> String {
        format!("{}{path}", self.prefix)
    }
}

impl Output for Prefixed<'_> {
    fn put(&self, file: OutputFile) -> Result<()> {
        let path = if self.prefix.is_empty() {
            file.path
        } else {
            self.path(&file.path)
        };
        self.inner.put(OutputFile {
            path,
            bytes: file.bytes,
        })
    }

    fn put_streamed(
        &self,
        path: &str,
        produce: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<()> {
        self.inner.put_streamed(&self.path(path), produce)
    }
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
