//! Runs the stages: load → as of `now` → status → render every output, handing each file on
//! as it is done. Formats nothing itself and writes nothing (that is `write.rs`).

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use crate::content::{load_site, LoadOptions, Site};
use crate::context::{BuildContext, BuildOptions};
use crate::error::{Error, Result};
use crate::i18n::I18n;
use crate::output::{Output, OutputFile, Sink};
use crate::render::theme::Theme;
use crate::status::{as_of, compute_report, into_as_of, StatusReport};
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
    Published::new(as_of(site, options.now), options)?.render_into(options, sink)
}

/// [`render_site_into`] for a site the caller no longer needs: it is cut to `now` in place,
/// not copied, so a large site is in memory once.
pub fn render_owned_site_into(site: Site, options: &BuildOptions, sink: &Sink) -> Result<()> {
    Published::new(into_as_of(site, options.now), options)?.render_into(options, sink)
}

/// What every renderer of one build reads besides the options: the site as of `now`, its
/// status (facts, the same in every language: computed once), every language's catalogue, and
/// the static files with their versions. Built once per build.
pub struct Published {
    pub site: Site,
    pub report: StatusReport,
    /// Each of `site.config.languages`' catalogue with the site's overrides.
    catalogues: HashMap<String, Arc<I18n>>,
    /// The site's own `static/`, by output path.
    pub site_static: BTreeMap<String, Vec<u8>>,
    /// The theme's static files (the built-in ones below), by output path.
    pub theme_static: BTreeMap<String, Vec<u8>>,
    /// Versioned asset -> hash of the published file (see [`render::asset_versions`]).
    pub versions: BTreeMap<String, String>,
    /// The templates, read and parsed once for every edition.
    pub theme: Theme,
}

/// One language's edition of a site: where it goes in the output (empty for the default
/// language, `<code>/` for another) and the site with that language's texts.
pub struct Edition<'a> {
    pub prefix: String,
    pub site: Cow<'a, Site>,
}

impl Published {
    /// `site` must already be cut to `options.now` ([`as_of`]). Every language's catalogue is
    /// read here, before anything renders, so a bad override fails the build before a single
    /// file is made.
    pub fn new(mut site: Site, options: &BuildOptions) -> Result<Published> {
        if let Some(base_url) = &options.base_url {
            site.config.base_url = crate::site_url::parse_base_url(base_url)
                .map_err(|e| Error::Usage(format!("--base-url: {e}")))?;
        }
        // The feeds declare the `[[notify]]` WebSub hubs: a build checks the channels as
        // `notify` would, so what `check` and `build` accept is what `notify` accepts.
        crate::notify::channels(&site.config).map_err(Error::Content)?;
        // Likewise the `[[probe]]` tables: what `check` accepts is what `probe` runs.
        crate::probe::probes(&site.config).map_err(Error::Content)?;
        let report = compute_report(&site, options.now);
        let catalogues = site
            .config
            .languages
            .iter()
            .map(|code| Ok((code.clone(), Arc::new(I18n::for_site(&options.root, code)?))))
            .collect::<Result<_>>()?;
        let site_static = render::theme::load_site_static(&options.root)?;
        let theme_static = render::theme::load_static(&options.root, &site.config.theme)?;
        let versions = render::asset_versions(&theme_static, &site_static);
        // Templates load (and fail) before the first page is handed on.
        let theme = Theme::load(&options.root, &site.config.theme)?;
        Ok(Published {
            site,
            report,
            catalogues,
            site_static,
            theme_static,
            versions,
            theme,
        })
    }

    /// The default language's edition at the root; files that exist once for the whole site
    /// (the API, `uptime.json`, `_headers`, sitemap, robots.txt) are rendered with it.
    pub fn context<'a>(&'a self, options: &'a BuildOptions) -> Result<BuildContext<'a>> {
        self.edition_context(&self.site, "", options)
    }

    /// The context of one language's edition (see [`Published::editions`]).
    pub fn edition_context<'a>(
        &'a self,
        site: &'a Site,
        edition_prefix: &'a str,
        options: &'a BuildOptions,
    ) -> Result<BuildContext<'a>> {
        let language = &site.config.language;
        // Every edition speaks one of `languages`, whose catalogues `new` read.
        let i18n =
            self.catalogues.get(language).cloned().ok_or_else(|| {
                Error::Usage(format!("no catalogue was read for the language `{language}`"))
            })?;
        Ok(BuildContext {
            site,
            report: &self.report,
            options,
            edition_prefix,
            i18n,
        })
    }

    /// The default language's edition, then every other language's (its texts, see
    /// [`Site::in_language`]), each made when the iterator reaches it, so a full build holds
    /// one copy at a time.
    pub fn editions(&self) -> impl Iterator<Item = Edition<'_>> {
        let languages = &self.site.config.languages;
        std::iter::once(Edition {
            prefix: String::new(),
            site: Cow::Borrowed(&self.site),
        })
        .chain(languages.iter().skip(1).map(move |code| Edition {
            prefix: crate::editions::edition_prefix(languages, code),
            site: Cow::Owned(self.site.in_language(code)),
        }))
    }

    /// Renders every file (see [`render_site_into`]).
    pub fn render_into(&self, options: &BuildOptions, sink: &Sink) -> Result<()> {
        let site_ctx = self.context(options)?;
        let layered = Layered {
            site_static: &self.site_static,
            theme_static: &self.theme_static,
            generated: Mutex::new(HashSet::new()),
            sink,
        };
        let (editions, site_wide) = rayon::join(
            || {
                self.editions().try_for_each(|edition| {
                    let ctx = self.edition_context(&edition.site, &edition.prefix, options)?;
                    let out = Prefixed {
                        prefix: &edition.prefix,
                        inner: &layered,
                    };
                    render_edition(&ctx, &self.theme, &self.versions, &out)
                })
            },
            || {
                outputs::RENDERERS
                    .par_iter()
                    .filter(|renderer| renderer.scope == outputs::Scope::Site)
                    .try_for_each(|renderer| (renderer.render)(&site_ctx, &layered))
            },
        );
        editions?;
        site_wide?;
        let generated = layered.generated.into_inner().unwrap_or_else(|e| e.into_inner());
        for (path, bytes) in &self.theme_static {
            if !self.site_static.contains_key(path) && !generated.contains(path) {
                sink.put(OutputFile::new(path.clone(), bytes.clone()))?;
            }
        }
        for (path, bytes) in &self.site_static {
            sink.put(OutputFile::new(path.clone(), bytes.clone()))?;
        }
        Ok(())
    }
}

/// Everything one language's edition writes, with paths relative to the edition's folder:
/// the pages (and, for the default edition, the sitemap and robots.txt), the feeds, the
/// maintenance calendar and the badges.
fn render_edition(
    ctx: &BuildContext,
    theme: &Theme,
    versions: &BTreeMap<String, String>,
    out: &Sink,
) -> Result<()> {
    let (pages, others) = rayon::join(
        || render::render_pages(ctx, theme, versions, out),
        || {
            outputs::RENDERERS
                .par_iter()
                .filter(|renderer| renderer.scope == outputs::Scope::Edition)
                .try_for_each(|renderer| (renderer.render)(ctx, out))
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
/// path, and remembered where the theme's static files have it, so those do not replace them.
struct Layered<'a> {
    site_static: &'a BTreeMap<String, Vec<u8>>,
    theme_static: &'a BTreeMap<String, Vec<u8>>,
    /// The generated paths that are also theme static files (only those: a large site
    /// generates a path per page, and a set of them all would be held for the whole build).
    generated: Mutex<HashSet<String>>,
    sink: &'a Sink<'a>,
}

impl Layered<'_> {
    /// Whether a generated `path` goes out (and, if so, remembers it).
    fn claim(&self, path: &str) -> bool {
        if self.site_static.contains_key(path) {
            return false;
        }
        if self.theme_static.contains_key(path) {
            self.generated
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(path.to_string());
        }
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
