//! Runs the stages: load → as of `now` → status → render every file of the [`crate::plan`], handing
//! each on as it is done. Formats nothing itself and writes nothing (that is `write.rs`).

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use crate::plan::{Plan, Source};

use crate::content::{load_site, LoadOptions, Site};
use crate::context::{BuildContext, BuildOptions};
use crate::error::{Diagnostic, Error, Result};
use crate::i18n::I18n;
use crate::output::{Output, OutputFile, Sink};
use crate::render::pages::Pages;
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
    let published = Published::new(into_as_of(site, options.now), options)?;
    let rendered = published.render_into(options, sink);
    // A large site takes tens of milliseconds to free: that is done on another thread, while
    // the caller goes on (commits the output).
    rayon::spawn(move || drop(published));
    rendered
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
    /// A hash of what every page is made from besides the site and its templates: this
    /// program and the static files (see [`Pages::seeded`]).
    seed: u128,
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
        // And the `[[alert]]` rules `ingest alertmanager` publishes by.
        crate::ingest::rules(&site.config).map_err(Error::Content)?;
        // And the `[[channel]]` tables the subscribe page lists.
        render::subscribe::public_channels(&site.config).map_err(Error::Content)?;
        // The report reads only the site, the rest only the disk: each on its own thread.
        let (report, read) = rayon::join(
            || compute_report(&site, options.now),
            || -> Result<_> {
                let catalogues = site
                    .config
                    .languages
                    .iter()
                    .map(|code| Ok((code.clone(), Arc::new(I18n::for_site(&options.root, code)?))))
                    .collect::<Result<_>>()?;
                let site_static = render::theme::load_site_static(&options.root)?;
                let theme_static = render::theme::load_static(&options.root, &site.config.theme)?;
                // Templates load (and fail) before the first page is handed on.
                let theme = Theme::load(&options.root, &site.config.theme)?;
                Ok((catalogues, site_static, theme_static, theme))
            },
        );
        let (catalogues, site_static, theme_static, theme) = read?;
        let versions = render::asset_versions(&theme_static, &site_static);
        let seed = seed(&theme_static, &site_static);
        Ok(Published {
            seed,
            site,
            report,
            catalogues,
            site_static,
            theme_static,
            versions,
            theme,
        })
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
        self.prefixes()
            .into_iter()
            .zip(languages)
            .enumerate()
            .map(move |(n, (prefix, code))| Edition {
                prefix,
                site: match n {
                    0 => Cow::Borrowed(&self.site),
                    _ => Cow::Owned(self.site.in_language(code)),
                },
            })
    }

    /// Where each edition lives in the output, in the order of [`Published::editions`]: empty
    /// for the default language, `<code>/` for the others.
    pub fn prefixes(&self) -> Vec<String> {
        let languages = &self.site.config.languages;
        languages
            .iter()
            .enumerate()
            .map(|(n, code)| match n {
                0 => String::new(),
                _ => crate::editions::edition_prefix(languages, code),
            })
            .collect()
    }

    /// The context of every edition, the default language first.
    pub fn contexts<'a>(
        &'a self,
        editions: &'a [Edition],
        options: &'a BuildOptions,
    ) -> Result<Vec<BuildContext<'a>>> {
        editions
            .iter()
            .map(|e| self.edition_context(&e.site, &e.prefix, options))
            .collect()
    }

    /// Each edition's pages (the views they share, and the templates in its language).
    pub fn pages<'a>(&'a self, contexts: &'a [BuildContext<'a>]) -> Result<Vec<Pages<'a>>> {
        contexts
            .iter()
            .map(|ctx| Ok(Pages::new(ctx, &self.theme, &self.versions)?.seeded(self.seed)))
            .collect()
    }

    /// Renders every file of the plan in parallel (see [`render_site_into`]). A page that
    /// fails does not stop the others: the problems of every failing page are reported
    /// together, each template spot once.
    pub fn render_into(&self, options: &BuildOptions, sink: &Sink) -> Result<()> {
        let prefixes = self.prefixes();
        let problems: Mutex<Vec<Diagnostic>> = Mutex::new(Vec::new());
        let mut plan = None;
        // One edition at a time, so a build holds one translated copy of the site at once;
        // the default edition's pages name every edition's files (see `Plan::new`).
        for (edition, site) in self.editions().enumerate() {
            let ctx = self.edition_context(&site.site, &site.prefix, options)?;
            let pages = Pages::new(&ctx, &self.theme, &self.versions)?.seeded(self.seed);
            let plan: &Plan = plan.get_or_insert_with(|| {
                Plan::new(&ctx, &pages, &prefixes, &self.theme_static, &self.site_static)
            });
            on_every_thread_in_order(&plan.sources(edition), |&source| {
                match render_source(plan, &ctx, &pages, source, sink) {
                    Err(Error::Content(found)) if matches!(source, Source::Page(..)) => {
                        let mut problems = problems.lock().unwrap_or_else(|e| e.into_inner());
                        for d in found {
                            // Many pages share a template: report each spot once.
                            if !problems
                                .iter()
                                .any(|p| (&p.path, p.line, p.column) == (&d.path, d.line, d.column))
                            {
                                problems.push(d);
                            }
                        }
                        Ok(())
                    }
                    other => other,
                }
            })?;
        }
        let mut problems = problems.into_inner().unwrap_or_else(|e| e.into_inner());
        if !problems.is_empty() {
            // Parallel order is not fixed; the report is.
            problems.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
            return Err(Error::Content(problems));
        }
        if let Some(plan) = &plan {
            for (path, bytes) in &plan.statics {
                sink.put(OutputFile::new(*path, *bytes))?;
            }
        }
        Ok(())
    }
}

/// Runs `work` on each of `items` on all of rayon's threads, each thread taking the next item
/// no thread has taken yet, so the items start in their order; stops at the first error.
/// Rayon's own halving of a list would leave the last items of one half to one thread after
/// the other has finished: with the longest items first, none is left to run alone at the end.
fn on_every_thread_in_order<T: Sync>(items: &[T], work: impl Fn(&T) -> Result<()> + Sync) -> Result<()> {
    let next = AtomicUsize::new(0);
    let failed: Mutex<Option<Error>> = Mutex::new(None);
    let stop = AtomicBool::new(false);
    rayon::scope(|scope| {
        for _ in 0..rayon::current_num_threads() {
            scope.spawn(|_| {
                while !stop.load(Ordering::Relaxed) {
                    let Some(item) = items.get(next.fetch_add(1, Ordering::Relaxed)) else {
                        break;
                    };
                    if let Err(e) = work(item) {
                        stop.store(true, Ordering::Relaxed);
                        failed.lock().unwrap_or_else(|e| e.into_inner()).get_or_insert(e);
                    }
                }
            });
        }
    });
    failed
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .map_or(Ok(()), Err)
}

/// Renders one source of the plan with its edition's context and pages, and hands `sink` each
/// of its files that the plan publishes, at its path in the output.
pub fn render_source(
    plan: &Plan,
    ctx: &BuildContext,
    pages: &Pages,
    source: Source,
    sink: &Sink,
) -> Result<()> {
    let placed = Placed {
        prefix: ctx.edition_prefix,
        plan,
        sink,
    };
    match source {
        Source::Page(_, job) => {
            match pages.render_new(job, &|path, inputs| placed.unchanged(path, inputs))? {
                Some((file, Some(inputs))) => placed.put_made_from(file, inputs),
                Some((file, None)) => placed.put(file),
                None => Ok(()),
            }
        }
        Source::Sitemap => render::sitemap::render_sitemap(ctx, pages.views(), pages.jobs(), &placed),
        Source::Robots => placed.put(render::sitemap::render_robots(ctx)),
        Source::Output(_, index) => (outputs::RENDERERS[index].render)(ctx, &placed),
    }
}

/// A source's files on their way out: each path moved into its edition's folder, and dropped
/// where the plan does not publish it (the site's `static/` has that path).
struct Placed<'a> {
    /// Empty (the default edition) or `<code>/`.
    prefix: &'a str,
    plan: &'a Plan<'a>,
    sink: &'a Sink<'a>,
}

impl Placed<'_> {
    fn path(&self, path: String) -> String {
        if self.prefix.is_empty() {
            path
        } else {
            format!("{}{path}", self.prefix)
        }
    }
}

impl Output for Placed<'_> {
    fn put(&self, file: OutputFile) -> Result<()> {
        let path = self.path(file.path);
        if !self.plan.publishes(&path) {
            return Ok(());
        }
        self.sink.put(OutputFile {
            path,
            bytes: file.bytes,
        })
    }

    fn put_streamed(
        &self,
        path: &str,
        produce: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<()> {
        let path = self.path(path.to_string());
        if !self.plan.publishes(&path) {
            return Ok(());
        }
        self.sink.put_streamed(&path, produce)
    }

    fn unchanged(&self, path: &str, inputs: u128) -> Result<bool> {
        let path = self.path(path.to_string());
        // A file the site's `static/` replaces need not be made at all.
        Ok(!self.plan.publishes(&path) || self.sink.unchanged(&path, inputs)?)
    }

    fn put_made_from(&self, file: OutputFile, inputs: u128) -> Result<()> {
        let path = self.path(file.path);
        if !self.plan.publishes(&path) {
            return Ok(());
        }
        self.sink.put_made_from(
            OutputFile {
                path,
                bytes: file.bytes,
            },
            inputs,
        )
    }
}

/// A hash of what every page is made from besides the site and its templates: this program
/// (another build of beacon may render otherwise; see [`crate::content::cache::program`]) and
/// the static files (whose hashes some pages name).
fn seed(theme_static: &BTreeMap<String, Vec<u8>>, site_static: &BTreeMap<String, Vec<u8>>) -> u128 {
    use std::hash::Hash;
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    crate::content::cache::program().hash(&mut h);
    theme_static.hash(&mut h);
    site_static.hash(&mut h);
    h.digest128()
}
