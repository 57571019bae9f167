//! The HTML pages of the site, one job each, rendered in parallel: the front page, incident
//! pages, history pages, component pages, free pages and 404.html. Each job builds the context
//! its template receives from the shared [`Views`]; docs/theme.md lists those contexts.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use xxhash_rust::xxh3::Xxh3;

use chrono::Datelike;
use serde::Serialize;
use tera::Context;

use super::format::{time_view, TimeView};
use super::subscribe::{embed_view, subscribe_view, PublicChannel};
use super::theme::Theme;
use super::view::{
    every_status, incident_detail, is_trouble, trouble_first, ComponentView, GroupView, IncidentSummary,
    StatusView, Views,
};
use crate::content::Phase;
use crate::status::ComponentStatus;

use crate::context::BuildContext;
use crate::error::Diagnostic;
use crate::markdown::render_markdown;
use crate::output::OutputFile;

/// How many past incidents the front page lists under "Recent history".
const RECENT_ON_FRONT_PAGE: usize = 5;

/// The name of the one value every page of an edition shares, in [`Pages::base`]: the site.
/// No page gives a value of its own this name, so templates may fold what they make of it
/// once for the edition (see [`Theme::speak`]).
const SHARED: &str = "site";

/// Site-wide values every template receives as `site`.
#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    /// The language tag (`fr-CA`), for `<html lang>`.
    language: &'a str,
    /// `ltr`, or `rtl` for a right-to-left language, for `<html dir>`.
    dir: &'static str,
    base_url: &'a str,
    /// IANA name of the zone times are shown in.
    timezone: &'a str,
    /// The instant the site shows.
    now: TimeView,
    /// Days in the bars and the headline uptime figure.
    uptime_days: u32,
    nav: Vec<NavItem<'a>>,
    /// Static file name -> a hash of its bytes, for links that change when the file does:
    /// `style.css?v={{ site.versions["style.css"] }}`. Holds `style.css`, `stale.js` and `history-filter.js`.
    versions: &'a BTreeMap<String, String>,
    /// The build's instant in UTC (RFC 3339), for the stale notice's script.
    built_at: String,
    /// Seconds after `built_at` from which the page calls itself possibly out of date.
    stale_after_seconds: i64,
    /// The stale notice's sentences in the site's language, as JSON for stale.js: one template
    /// per unit and plural category, `{n}` for the number (see `I18n::stale_messages`).
    stale_messages: String,
    /// `stale_messages` escaped for an attribute value, once per build rather than by every
    /// page (`data-messages="{{ site.stale_messages_html | safe }}"`).
    stale_messages_html: String,
    /// `mirrors` from config.toml but the address this copy is built for, each at this
    /// edition's home: the footer links to them and the stale notice offers them.
    mirrors: Vec<MirrorLink>,
    /// The mirrors' URLs separated by spaces, for the stale notice's `data-mirrors`.
    mirror_urls: String,
    /// The history's filter form, made once per build for every history page (`filter` there).
    #[serde(skip)]
    history_filter: HistoryFilter<'a>,
    /// The site's feeds, made once per build for every page (`page.feeds`).
    #[serde(skip)]
    feeds: Vec<FeedLink>,
}

/// Another address serving the same site.
#[derive(Serialize)]
struct MirrorLink {
    /// This edition's home there: `https://status.example.net/fr/`.
    url: String,
    /// What a reader sees: the host and any subpath, `status.example.net`, `you.github.io/status`.
    name: String,
}

#[derive(Serialize)]
struct NavItem<'a> {
    /// Compared with `page.nav_key` to mark the current entry.
    key: &'a str,
    title: &'a str,
    url: String,
}

/// Per-page values every template receives as `page`.
#[derive(Serialize)]
struct PageMeta<'a> {
    /// The way from this page to the home of its language's edition: `./`, `../`, `../../`
    /// (404.html: the base URL's path and the edition's folder, e.g. `/status/fr/`, as it is
    /// served from any depth). Every page link starts with it.
    root: String,
    /// The way from this page to the site root, where the static files are (one copy for every
    /// language): the same as `root` on a one-language site and in the default edition.
    assets: String,
    /// On a multilingual site, this page in every language, the current one marked; empty on
    /// a site with one language.
    languages: Vec<LanguageLink>,
    /// On a multilingual site, the absolute URL of this page in the default language, for
    /// `hreflang="x-default"`.
    x_default: Option<String>,
    /// This page's own URL relative to the root (`incidents/x/`; empty for the front page).
    path: String,
    /// The page's own title (the template adds the site title); empty on the front page.
    title: String,
    description: String,
    /// Which navigation entry is current: `index`, `history`, a page slug, or empty.
    nav_key: String,
    /// The site's feeds ([`SiteView::feeds`]), and on a component's pages its own.
    feeds: Cow<'a, [FeedLink]>,
    /// The live-reload script's URL in `serve` mode, else absent.
    live_reload: Option<String>,
}

/// This page in one of the site's languages.
#[derive(Serialize)]
struct LanguageLink {
    /// The language code, for `lang` and `hreflang`.
    code: String,
    /// The language's name in itself ("Français").
    name: String,
    /// Relative to this page, like every link of a page.
    url: String,
    /// For `<link rel="alternate" hreflang>`, which wants absolute URLs.
    absolute_url: String,
    current: bool,
}

#[derive(Serialize, Clone)]
struct FeedLink {
    /// MIME type for `<link rel="alternate" type>`.
    mime: &'static str,
    title: String,
    url: String,
}

/// One page to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Job {
    Index,
    Incident(usize),
    /// 1-based page number.
    History(usize),
    /// A component (index into the views' components) and the 1-based page of its incidents.
    Component(usize, usize),
    /// A component's monthly uptime: the last 12 calendar months, each with its calendar.
    Uptime(usize),
    Page(usize),
    NotFound,
    /// Every way to follow the site (see [`super::subscribe`]).
    Subscribe,
    /// The status frame other sites embed.
    Embed,
}

/// Every page of the site.
pub fn jobs(ctx: &BuildContext, views: &Views) -> Vec<Job> {
    let mut jobs = vec![Job::Index, Job::NotFound, Job::Subscribe, Job::Embed];
    jobs.extend((0..ctx.site.incidents.len()).map(Job::Incident));
    jobs.extend((1..=history_pages(ctx)).map(Job::History));
    for (c, component) in views.components.iter().enumerate() {
        let pages = pages_for(ctx, views.incidents_of(component.id).len());
        jobs.extend((1..=pages).map(|n| Job::Component(c, n)));
        jobs.push(Job::Uptime(c));
    }
    jobs.extend((0..ctx.site.pages.len()).map(Job::Page));
    jobs
}

/// Everything the pages of one build share (templates, views, site-wide values), built once;
/// then any page renders on its own ([`Pages::render`]): a full build renders them all, `serve`
/// each when it is first asked for (see `build::plan`).
pub struct Pages<'a> {
    ctx: &'a BuildContext<'a>,
    theme: Theme,
    views: Views<'a>,
    site: SiteView<'a>,
    /// A context that holds `site` alone, made once: every page's context starts as a clone,
    /// which shares `site` rather than turning the view into template values again.
    base: Context,
    jobs: Vec<Job>,
    /// The `[[channel]]` tables, checked, for the subscribe page.
    channels: Vec<PublicChannel>,
    /// A hash of the values every page of this edition shares: the templates, the catalogue,
    /// the config, the build options (`now` among them), the `site` view and the history's
    /// filter.
    shared: u128,
    /// The hash of each incident's summary (by index), made on first need: how a page that
    /// lists incidents hashes them (see [`Listing::hash`] and [`summary_hash`]).
    summary_hashes: std::sync::OnceLock<Vec<u128>>,
}

/// Feeds `value`'s JSON to `h`, in pieces of up to 8 KiB: serde_json writes a value as many
/// small pieces (a quote, a key, a comma), and the hasher costs something for each.
fn hash_json(h: &mut Xxh3, value: &impl Serialize) {
    let mut out = std::io::BufWriter::with_capacity(8 * 1024, HashWriter(h));
    serde_json::to_writer(&mut out, value).expect("a value serialises");
    std::io::Write::flush(&mut out).expect("a hasher takes every byte");
}

/// Feeds what is written to it to a hasher.
struct HashWriter<'a>(&'a mut Xxh3);

impl std::io::Write for HashWriter<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.update(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> Pages<'a> {
    /// Gives a copy of the build's templates (loaded once, see [`Theme::load`]) this edition's
    /// language, and builds the shared views.
    pub fn new(
        ctx: &'a BuildContext<'a>,
        theme: &Theme,
        versions: &'a BTreeMap<String, String>,
    ) -> crate::error::Result<Self> {
        let site = site_view(ctx, versions);
        // Each page's context is a clone of this one plus its own values, none named `site`.
        // Made whole by `from_serialize`, which the patched Tera keeps behind an `Arc`, so
        // that a clone shares `site` instead of copying it (vendor/tera/PATCHED.md).
        let base =
            Context::from_serialize(BTreeMap::from([(SHARED, &site)])).expect("a site view serialises");
        // The views (a summary of every incident) beside this edition's copy of the templates.
        let (views, theme) = rayon::join(
            || Views::new(ctx),
            || {
                let mut theme = theme.clone();
                theme.speak(ctx.i18n.clone(), &base, &[SHARED]);
                theme.render_statuses(&every_status(&ctx.i18n));
                theme
            },
        );
        let jobs = jobs(ctx, &views);
        let channels =
            super::subscribe::public_channels(&ctx.site.config).map_err(crate::error::Error::Content)?;
        let shared = {
            let mut h = Xxh3::new();
            theme.fingerprint().hash(&mut h);
            ctx.fingerprint().hash(&mut h);
            hash_json(&mut h, &site);
            hash_json(&mut h, &site.history_filter);
            h.digest128()
        };
        Ok(Pages {
            ctx,
            theme,
            site,
            base,
            views,
            jobs,
            channels,
            shared,
            summary_hashes: std::sync::OnceLock::new(),
        })
    }

    /// Makes every page's hash (see [`Pages::render_new`]) depend on `seed` too: what the
    /// build read besides the site (this program, the static files).
    pub fn seeded(mut self, seed: u128) -> Self {
        let mut h = Xxh3::new();
        h.write_u128(self.shared);
        h.write_u128(seed);
        self.shared = h.digest128();
        self
    }

    /// Every page, in a fixed order.
    pub fn jobs(&self) -> &[Job] {
        &self.jobs
    }

    /// The output path of `job`'s page.
    pub fn path(&self, job: Job) -> String {
        output_path(self.ctx, &self.views, job)
    }

    /// One page; a template problem becomes a diagnostic naming the template.
    pub fn render(&self, job: Job) -> Result<OutputFile, Diagnostic> {
        let (path, context, template) = self.context(job);
        Ok(OutputFile::new(path, self.theme.render(template, &context)?))
    }

    /// One page, with a hash of everything it is made from when that is known before it
    /// renders; or nothing when `made_before(path, hash)` says the output already holds the
    /// page made from the same (see [`crate::output::Output::unchanged`]). Known for the pages
    /// there are many of: an incident's (its incident, and the values every page shares), and
    /// the pages of the history and of each component (the values their template receives).
    /// Every other page renders every time.
    pub fn render_new(
        &self,
        job: Job,
        made_before: &dyn Fn(&str, u128) -> crate::error::Result<bool>,
    ) -> crate::error::Result<Option<(OutputFile, Option<u128>)>> {
        let as_content = |d: Diagnostic| crate::error::Error::Content(vec![d]);
        let inputs = match job {
            Job::Incident(i) => {
                let path = self.path(job);
                let inputs = self.hash_of(|h| self.ctx.site.incidents[i].hash(h));
                if made_before(&path, inputs)? {
                    return Ok(None);
                }
                Some(inputs)
            }
            Job::History(_) | Job::Component(..) => {
                let path = self.path(job);
                let listing =
                    Listing::of(self.ctx, &self.views, &self.site, job, &path).expect("a listing job");
                let inputs = self.hash_of(|h| listing.hash(h, self.summary_hashes()));
                if made_before(&path, inputs)? {
                    return Ok(None);
                }
                let mut context = self.base.clone();
                let template = listing.insert_into(&self.views, &self.site, &mut context);
                let html = self.theme.render(template, &context).map_err(as_content)?;
                return Ok(Some((OutputFile::new(path, html), Some(inputs))));
            }
            _ => None,
        };
        Ok(Some((self.render(job).map_err(as_content)?, inputs)))
    }

    /// A hash of what `feed` hashes, after the values every page of this edition shares.
    fn hash_of(&self, feed: impl FnOnce(&mut Xxh3)) -> u128 {
        let mut hasher = Xxh3::new();
        hasher.write_u128(self.shared);
        feed(&mut hasher);
        hasher.digest128()
    }

    /// The hash of each incident's summary, made once, by the first page that lists
    /// incidents, on threads of its own, one per core: a rayon loop inside `get_or_init`
    /// could take up another page's job that waits for this very lock, and one thread alone
    /// would keep the pages that wait for it idle.
    fn summary_hashes(&self) -> &[u128] {
        self.summary_hashes.get_or_init(|| {
            let incidents = &self.ctx.site.incidents;
            let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
            let chunk = incidents.len().div_ceil(threads).max(1);
            std::thread::scope(|scope| {
                let parts: Vec<_> = incidents
                    .chunks(chunk)
                    .map(|part| scope.spawn(move || part.iter().map(summary_hash).collect::<Vec<u128>>()))
                    .collect();
                parts
                    .into_iter()
                    .flat_map(|part| part.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                    .collect()
            })
        })
    }

    fn context(&self, job: Job) -> (String, Context, &'static str) {
        job_context(self.ctx, &self.views, &self.site, &self.base, &self.channels, job)
    }

    /// What the pages show, shared by every page.
    pub fn views(&self) -> &Views<'_> {
        &self.views
    }
}

/// A hash of what one incident's summary is made from, besides what every page of the
/// edition shares ([`Pages::shared`]: the config with the components' names, the clock, the
/// language): the incident, as for its own page, whose `incident` holds the same summary.
/// Hashing the incident costs a fraction of writing the summary out as JSON.
fn summary_hash(incident: &crate::content::Incident) -> u128 {
    let mut h = Xxh3::new();
    incident.hash(&mut h);
    h.digest128()
}

/// The output path of job's page.
pub fn output_path(ctx: &BuildContext, views: &Views, job: Job) -> String {
    match job {
        Job::Index => "index.html".into(),
        Job::NotFound => "404.html".into(),
        Job::Incident(i) => format!("incidents/{}/index.html", ctx.site.incidents[i].slug),
        Job::History(1) => "history/index.html".into(),
        Job::History(n) => format!("history/page/{n}/index.html"),
        Job::Component(c, n) => format!("{}index.html", component_url(views.components[c].id, n)),
        Job::Uptime(c) => format!("{}index.html", super::monthly::url(views.components[c].id)),
        Job::Page(i) => format!("{}/index.html", ctx.site.pages[i].slug),
        Job::Subscribe => "subscribe/index.html".into(),
        Job::Embed => "embed/index.html".into(),
    }
}

/// `history/` or `history/page/<n>/`.
fn history_url(n: usize) -> String {
    paged_url("history/", n)
}

/// `components/<id>/` or `components/<id>/page/<n>/`.
fn component_url(id: &str, n: usize) -> String {
    paged_url(&format!("components/{id}/"), n)
}

/// Page `n` of a list whose first page is at `first`: `first`, or `first` + `page/<n>/`.
fn paged_url(first: &str, n: usize) -> String {
    if n <= 1 {
        first.to_string()
    } else {
        format!("{first}page/{n}/")
    }
}

/// How many pages a list of `len` entries takes: `history.per_page` on each, and one page
/// even when the list is empty. The history and each component's incidents are paged so, so no
/// page grows with the site (a component of a large site has thousands of incidents).
fn pages_for(ctx: &BuildContext, len: usize) -> usize {
    len.div_ceil(ctx.site.config.history_per_page.max(1)).max(1)
}

/// Incidents and windows that have begun, i.e. everything but upcoming maintenance.
fn history_len(ctx: &BuildContext) -> usize {
    let now = ctx.now();
    // Sorted by start: everything up to the first start after `now` has begun.
    ctx.site.incidents.partition_point(|i| i.start <= now)
}

pub fn history_pages(ctx: &BuildContext) -> usize {
    pages_for(ctx, history_len(ctx))
}

/// The site's feeds, for `<link rel="alternate">` on every page.
fn site_feeds(ctx: &BuildContext) -> Vec<FeedLink> {
    vec![
        FeedLink {
            mime: "application/rss+xml",
            title: format!("{} (RSS)", ctx.site.config.title),
            url: "feed.xml".into(),
        },
        FeedLink {
            mime: "application/atom+xml",
            title: format!("{} (Atom)", ctx.site.config.title),
            url: "atom.xml".into(),
        },
        // One item per update (see outputs::feeds): for readers that want every step as news.
        FeedLink {
            mime: "application/rss+xml",
            title: format!("{} (RSS)", updates_title(ctx)),
            url: crate::output::UPDATES_RSS.into(),
        },
        FeedLink {
            mime: "application/atom+xml",
            title: format!("{} (Atom)", updates_title(ctx)),
            url: crate::output::UPDATES_ATOM.into(),
        },
    ]
}

fn site_view<'a>(ctx: &'a BuildContext, versions: &'a BTreeMap<String, String>) -> SiteView<'a> {
    let config = &ctx.site.config;
    let mut nav = vec![
        NavItem {
            key: "index",
            title: ctx.i18n.text("nav-status"),
            url: String::new(),
        },
        NavItem {
            key: "history",
            title: ctx.i18n.text("nav-history"),
            url: "history/".into(),
        },
    ];
    nav.extend(ctx.site.pages.iter().map(|p| NavItem {
        key: &p.slug,
        title: &p.title,
        url: format!("{}/", p.slug),
    }));
    let stale_messages = ctx.i18n.stale_messages();
    let mirrors: Vec<MirrorLink> = config
        .mirrors
        .iter()
        .filter(|m| **m != config.base_url)
        .map(|m| MirrorLink {
            url: format!("{m}{}", ctx.edition_prefix),
            name: m
                .split_once("://")
                .map_or(m.as_str(), |(_, rest)| rest)
                .trim_end_matches('/')
                .to_string(),
        })
        .collect();
    let mirror_urls = mirrors
        .iter()
        .map(|m| m.url.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    SiteView {
        title: &config.title,
        description: &config.description,
        language: ctx.i18n.tag(),
        dir: ctx.i18n.dir(),
        base_url: &config.base_url,
        timezone: config.timezone.name(),
        now: time_view(&ctx.i18n, config.timezone, ctx.now()),
        uptime_days: config.uptime.days,
        nav,
        versions,
        built_at: ctx.now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        stale_after_seconds: config.stale_after.num_seconds(),
        stale_messages_html: crate::escape::escape_html(&stale_messages).into_owned(),
        stale_messages,
        mirrors,
        mirror_urls,
        history_filter: history_filter(ctx, history_len(ctx)),
        feeds: site_feeds(ctx),
    }
}

fn updates_title(ctx: &BuildContext) -> String {
    ctx.i18n
        .format1("feed-updates-title", "site", ctx.site.config.title.as_str())
}

fn page_meta<'s>(
    ctx: &BuildContext,
    site: &'s SiteView,
    path: &str,
    title: &str,
    description: &str,
    nav_key: &str,
) -> PageMeta<'s> {
    let depth = path.matches('/').count();
    let prefix = ctx.edition_prefix;
    let (root, assets) = if path == "404.html" {
        let base = base_path(&ctx.site.config.base_url);
        (format!("{base}{prefix}"), base)
    } else {
        let up = |levels: usize| {
            if levels == 0 {
                "./".to_string()
            } else {
                "../".repeat(levels)
            }
        };
        (up(depth), up(depth + prefix.matches('/').count()))
    };
    let url = path.strip_suffix("index.html").unwrap_or(path).to_string();
    let (languages, x_default) = language_links(ctx, &url, &assets, path == "404.html");
    PageMeta {
        live_reload: ctx
            .options
            .live_reload
            .then(|| format!("{assets}__beacon/live-reload.js")),
        root,
        assets,
        languages,
        x_default,
        path: url,
        title: title.to_string(),
        // A page always describes itself (search engines show it): the site's description,
        // or, when the config has none, the site's title.
        description: if !description.is_empty() {
            description.to_string()
        } else if ctx.site.config.description.trim().is_empty() {
            ctx.site.config.title.clone()
        } else {
            ctx.site.config.description.clone()
        },
        nav_key: nav_key.to_string(),
        feeds: Cow::Borrowed(&site.feeds),
    }
}

/// The page at `url` (relative to an edition's root) in every language of a multilingual
/// site, linked from a page whose way to the site root is `assets`; and its absolute URL in
/// the default language. The 404 page links each language's home page instead (the 404 of
/// another language is no place to go). Nothing on a site with one language.
fn language_links(
    ctx: &BuildContext,
    url: &str,
    assets: &str,
    not_found: bool,
) -> (Vec<LanguageLink>, Option<String>) {
    if !ctx.is_multilingual() {
        return (Vec::new(), None);
    }
    let languages = &ctx.site.config.languages;
    let url = if not_found { "" } else { url };
    let links = languages
        .iter()
        .map(|code| LanguageLink {
            code: code.clone(),
            name: crate::editions::endonym(code),
            url: format!(
                "{assets}{}{url}",
                crate::editions::edition_prefix(languages, code)
            ),
            absolute_url: ctx.absolute_url_in(code, url),
            current: *code == ctx.site.config.language,
        })
        .collect();
    let x_default = languages.first().map(|code| ctx.absolute_url_in(code, url));
    (links, x_default)
}

/// The path part of `base_url` (`https://x.org/status/` -> `/status/`).
pub fn base_path(base_url: &str) -> String {
    let after_scheme = base_url.split_once("://").map_or(base_url, |(_, rest)| rest);
    match after_scheme.find('/') {
        Some(i) => after_scheme[i..].to_string(),
        None => "/".into(),
    }
}

/// The path of `job`'s page, the values its template receives, and the template.
fn job_context(
    ctx: &BuildContext,
    views: &Views,
    site: &SiteView,
    base: &Context,
    channels: &[PublicChannel],
    job: Job,
) -> (String, Context, &'static str) {
    let path = output_path(ctx, views, job);
    let mut context = base.clone();
    let template = match job {
        Job::Index => {
            index_context(ctx, views, &mut context);
            context.insert("page", &page_meta(ctx, site, &path, "", "", "index"));
            "index.html"
        }
        Job::NotFound => {
            let title = ctx.i18n.text("not-found-title");
            context.insert("page", &page_meta(ctx, site, &path, title, "", ""));
            "404.html"
        }
        Job::Incident(i) => {
            let incident = &ctx.site.incidents[i];
            let summary = &views.incidents[i];
            let detail = incident_detail(
                &ctx.i18n,
                incident,
                summary,
                ctx.site.config.timezone,
                ctx.site.config.unsafe_html,
            );
            context.insert("incident", &detail);
            context.insert("page", &page_meta(ctx, site, &path, summary.title, "", ""));
            "incident.html"
        }
        Job::History(_) | Job::Component(..) => {
            let listing = Listing::of(ctx, views, site, job, &path).expect("a history or component job");
            listing.insert_into(views, site, &mut context)
        }
        Job::Uptime(c) => {
            let component = &views.components[c];
            context.insert("component", &super::monthly::ComponentRef::of(component));
            context.insert("months", &super::monthly::months(ctx, component.id));
            let title = ctx.i18n.format1("monthly-title", "component", component.name);
            context.insert("page", &page_meta(ctx, site, &path, &title, "", ""));
            "uptime.html"
        }
        Job::Page(i) => {
            let page = &ctx.site.pages[i];
            context.insert(
                "content",
                &FreePage {
                    title: &page.title,
                    body_html: render_markdown(&page.body, ctx.site.config.unsafe_html),
                },
            );
            context.insert(
                "page",
                &page_meta(ctx, site, &path, &page.title, &page.description, &page.slug),
            );
            "page.html"
        }
        Job::Subscribe => {
            context.insert("subscribe", &subscribe_view(ctx, channels));
            let title = ctx.i18n.text("subscribe-title");
            let description = ctx.i18n.text("subscribe-intro");
            context.insert(
                "page",
                &page_meta(ctx, site, &path, title, description, "subscribe"),
            );
            "subscribe.html"
        }
        Job::Embed => {
            context.insert("embed", &embed_view(ctx));
            let title = ctx.i18n.text("embed-label");
            context.insert("page", &page_meta(ctx, site, &path, title, "", ""));
            "embed.html"
        }
    };
    (path, context, template)
}

#[derive(Serialize)]
struct FreePage<'a> {
    title: &'a str,
    body_html: String,
}

#[derive(Serialize)]
struct Overall<'a> {
    key: &'static str,
    label: &'a str,
    /// "All systems operational", "Partial outage", ... in the site's language.
    banner: &'a str,
}

/// The front page: banner, what is going on now, components by group, recent history.
fn index_context(ctx: &BuildContext, views: &Views, context: &mut Context) {
    let now = ctx.now();
    let mut ongoing = Vec::new();
    let mut notices = Vec::new();
    let mut in_progress = Vec::new();
    let mut upcoming = Vec::new();
    let mut pinned = Vec::new();
    // One pass over every incident per build (not per page).
    for (incident, summary) in ctx.site.incidents.iter().zip(&views.incidents) {
        match incident.phase(now) {
            Phase::Ongoing if summary.status.key == "notice" => notices.push(summary),
            Phase::Ongoing => ongoing.push(summary),
            Phase::InProgress => in_progress.push(summary),
            Phase::Upcoming => upcoming.push(summary),
            Phase::Resolved | Phase::Completed if incident.pinned => pinned.push(summary),
            _ => {}
        }
    }
    // Newest first for what is happening; soonest first for what is planned.
    ongoing.reverse();
    notices.reverse();
    pinned.reverse();
    let maintenance: Vec<&IncidentSummary> = in_progress.into_iter().chain(upcoming).collect();
    let recent: Vec<&IncidentSummary> = ctx.site.incidents[..history_len(ctx)]
        .iter()
        .zip(&views.incidents)
        .rev()
        .filter(|(i, _)| matches!(i.phase(now), Phase::Resolved | Phase::Completed) && !i.pinned)
        .take(RECENT_ON_FRONT_PAGE)
        .map(|(_, s)| s)
        .collect();

    let status_of = |id: &str| {
        ctx.report
            .component(id)
            .map_or(ComponentStatus::Operational, |r| r.status)
    };
    let mut groups: Vec<(ComponentStatus, GroupView)> = ctx
        .site
        .config
        .groups()
        .into_iter()
        .map(|(name, members)| {
            let mut components: Vec<_> = members.iter().filter_map(|c| views.component(&c.id)).collect();
            // Stable: the calm ones keep their config order.
            components.sort_by_key(|c| trouble_first(status_of(c.id)));
            let worst = ctx.report.worst_of(members.iter().map(|c| c.id.as_str()));
            let view = GroupView {
                name,
                status: StatusView::of(&ctx.i18n, worst),
                open: members.iter().any(|c| is_trouble(status_of(&c.id))),
                components,
            };
            (worst, view)
        })
        .collect();
    groups.sort_by_key(|(worst, _)| trouble_first(*worst));
    let groups: Vec<GroupView> = groups.into_iter().map(|(_, g)| g).collect();
    let overall = ctx.report.overall;
    context.insert(
        "overall",
        &Overall {
            key: overall.as_str(),
            label: ctx.i18n.status(overall),
            banner: ctx.i18n.banner(overall),
        },
    );
    context.insert("ongoing", &ongoing);
    context.insert("notices", &notices);
    context.insert("maintenance", &maintenance);
    context.insert("pinned", &pinned);
    context.insert("groups", &groups);
    context.insert("recent", &recent);
}

#[derive(Serialize)]
struct Month<'a> {
    /// `January 2022`, in the site's language.
    name: String,
    /// `2022-01`, for anchors.
    id: String,
    incidents: Vec<&'a IncidentSummary<'a>>,
}

/// Where a page of a paged list (history, a component's incidents) is, and its neighbours;
/// URLs relative to the edition's root.
#[derive(Serialize)]
struct Pagination {
    current: usize,
    total: usize,
    newer: Option<String>,
    older: Option<String>,
    first: String,
    last: String,
}

impl Pagination {
    /// Page `current` of `total`, page `n` being at `url(n)`.
    fn new(current: usize, total: usize, url: impl Fn(usize) -> String) -> Pagination {
        Pagination {
            current,
            total,
            newer: (current > 1).then(|| url(current - 1)),
            older: (current < total).then(|| url(current + 1)),
            first: url(1),
            last: url(total),
        }
    }
}

/// The values of a page that lists incidents (a history page, a page of a component's
/// incidents), the incidents by index into the views. They are what the page is made of, so
/// [`Listing::hash`] hashes them before anything renders (each incident by [`summary_hash`],
/// made once per build: see [`Pages::summary_hashes`]), and
/// [`Listing::insert_into`] hands the same values to the template. One lives per page while
/// it renders, so the size of its larger variant costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
enum Listing<'v> {
    History {
        /// The page's incidents newest first, grouped by month (site zone).
        months: Vec<MonthOf>,
        count: usize,
        pagination: Pagination,
        meta: PageMeta<'v>,
    },
    Component {
        component: std::borrow::Cow<'v, ComponentView<'v>>,
        latency: Option<super::latency::LatencyView>,
        /// The page's incidents, newest first.
        incidents: Vec<usize>,
        count: usize,
        pagination: Pagination,
        meta: PageMeta<'v>,
    },
}

/// A month of a history page, its incidents by index.
#[derive(Serialize)]
struct MonthOf {
    name: String,
    id: String,
    #[serde(skip)]
    incidents: Vec<usize>,
}

impl<'v> Listing<'v> {
    /// The listing of a history or component page at `path`; `None` for any other job.
    fn of(
        ctx: &BuildContext,
        views: &'v Views<'v>,
        site: &'v SiteView,
        job: Job,
        path: &str,
    ) -> Option<Listing<'v>> {
        let per_page = ctx.site.config.history_per_page.max(1);
        match job {
            Job::History(n) => {
                let total = history_pages(ctx);
                let len = history_len(ctx);
                let tz = ctx.site.config.timezone;
                // Newest first: page n holds positions [(n-1)*per_page, n*per_page) counted
                // from the end.
                let newest = len.saturating_sub((n - 1) * per_page);
                let oldest = newest.saturating_sub(per_page);
                let mut months: Vec<MonthOf> = Vec::new();
                for i in (oldest..newest).rev() {
                    let start = ctx.site.incidents[i].start.with_timezone(&tz);
                    let id = format!("{:04}-{:02}", start.year(), start.month());
                    if months.last().is_none_or(|m| m.id != id) {
                        months.push(MonthOf {
                            name: ctx.i18n.month(start.date_naive()),
                            id,
                            incidents: Vec::new(),
                        });
                    }
                    months
                        .last_mut()
                        .expect("a month was just pushed")
                        .incidents
                        .push(i);
                }
                let title = if n == 1 {
                    ctx.i18n.text("history-title").to_string()
                } else {
                    ctx.i18n.format1("history-title-page", "page", n)
                };
                Some(Listing::History {
                    months,
                    count: len,
                    pagination: Pagination::new(n, total, history_url),
                    meta: page_meta(ctx, site, path, &title, "", "history"),
                })
            }
            Job::Component(c, n) => {
                let component = &views.components[c];
                let all = views.incidents_of(component.id);
                let total = pages_for(ctx, all.len());
                // Newest first: page n holds positions [(n-1)*per_page, n*per_page) from the end.
                let incidents: Vec<usize> = all
                    .iter()
                    .rev()
                    .skip((n - 1) * per_page)
                    .take(per_page)
                    .copied()
                    .collect();
                // Later pages list incidents only (component.html shows the uptime on the
                // first): no need to hand them the bars.
                let component = if n == 1 {
                    std::borrow::Cow::Borrowed(component)
                } else {
                    std::borrow::Cow::Owned(ComponentView {
                        bars: Vec::new(),
                        ..component.clone()
                    })
                };
                // Response times, for a component `beacon probe` checks (first page only).
                let latency = (n == 1)
                    .then(|| super::latency::view(ctx, component.id, component.name))
                    .flatten();
                let title = if n == 1 {
                    component.name.to_string()
                } else {
                    ctx.i18n.format(
                        "component-title-page",
                        &[("component", component.name.into()), ("page", n.into())],
                    )
                };
                let mut meta = page_meta(ctx, site, path, &title, component.description, "");
                meta.feeds.to_mut().push(FeedLink {
                    mime: "application/rss+xml",
                    title: format!("{} (RSS)", component.name),
                    url: format!("components/{}/feed.xml", component.id),
                });
                Some(Listing::Component {
                    pagination: Pagination::new(n, total, |k| component_url(component.id, k)),
                    component,
                    latency,
                    incidents,
                    count: all.len(),
                    meta,
                })
            }
            _ => None,
        }
    }

    /// Feeds every value of the page to `h`, each listed incident as the hash of its summary.
    fn hash(&self, h: &mut Xxh3, summaries: &[u128]) {
        let listed = |h: &mut Xxh3, incidents: &[usize]| {
            h.write_usize(incidents.len());
            for &i in incidents {
                h.write_u128(summaries[i]);
            }
        };
        match self {
            Listing::History {
                months,
                count,
                pagination,
                meta,
            } => {
                let values = ("history.html", months, count, pagination, meta);
                hash_json(h, &values);
                for month in months {
                    listed(h, &month.incidents);
                }
            }
            Listing::Component {
                component,
                latency,
                incidents,
                count,
                pagination,
                meta,
            } => {
                let values = ("component.html", component, latency, count, pagination, meta);
                hash_json(h, &values);
                listed(h, incidents);
            }
        }
    }

    /// Hands the page's values to its template (`site` aside); returns the template.
    fn insert_into(self, views: &Views, site: &SiteView, context: &mut Context) -> &'static str {
        let summaries = |incidents: &[usize]| -> Vec<&IncidentSummary> {
            incidents.iter().map(|&i| &views.incidents[i]).collect()
        };
        match self {
            Listing::History {
                months,
                count,
                pagination,
                meta,
            } => {
                let months: Vec<Month> = months
                    .into_iter()
                    .map(|m| Month {
                        incidents: summaries(&m.incidents),
                        name: m.name,
                        id: m.id,
                    })
                    .collect();
                context.insert("months", &months);
                context.insert("count", &count);
                context.insert("pagination", &pagination);
                context.insert("filter", &site.history_filter);
                context.insert("page", &meta);
                "history.html"
            }
            Listing::Component {
                component,
                latency,
                incidents,
                count,
                pagination,
                meta,
            } => {
                context.insert("component", &*component);
                context.insert("latency", &latency);
                context.insert("incidents", &summaries(&incidents));
                context.insert("count", &count);
                context.insert("pagination", &pagination);
                context.insert("page", &meta);
                "component.html"
            }
        }
    }
}

/// The choices of the history's filter form (history-filter.js shows it and filters
/// `history/index.json`; without JavaScript it stays hidden).
#[derive(Serialize)]
struct HistoryFilter<'a> {
    /// Config order.
    components: Vec<FilterOption<'a>>,
    /// Worst first, then maintenance.
    severities: Vec<FilterOption<'a>>,
    /// Years that have an entry, newest first.
    years: Vec<i32>,
    /// The result count's sentences as JSON, escaped for an attribute value.
    messages_html: String,
}

#[derive(Serialize)]
struct FilterOption<'a> {
    value: &'a str,
    label: &'a str,
}

fn history_filter<'a>(ctx: &'a BuildContext, len: usize) -> HistoryFilter<'a> {
    use crate::content::Severity;
    let tz = ctx.site.config.timezone;
    let mut years: Vec<i32> = ctx.site.incidents[..len]
        .iter()
        .map(|i| i.start.with_timezone(&tz).year())
        .collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let mut severities: Vec<FilterOption> = [
        Severity::Major,
        Severity::Partial,
        Severity::Degraded,
        Severity::Notice,
    ]
    .into_iter()
    .map(|s| FilterOption {
        value: s.as_str(),
        label: ctx.i18n.severity(s),
    })
    .collect();
    severities.push(FilterOption {
        value: "maintenance",
        label: ctx.i18n.maintenance(),
    });
    HistoryFilter {
        components: ctx
            .site
            .config
            .components
            .iter()
            .map(|c| FilterOption {
                value: &c.id,
                label: &c.name,
            })
            .collect(),
        severities,
        years,
        messages_html: crate::escape::escape_html(&ctx.i18n.history_filter_messages()).into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_path_is_the_path_of_the_base_url() {
        assert_eq!(base_path("https://example.github.io/status/"), "/status/");
        assert_eq!(base_path("https://status.example.org/"), "/");
        assert_eq!(base_path("http://127.0.0.1:8080/"), "/");
    }
}
