//! Loading a site from disk: `config.toml`, then every incident and page file, in parallel.
//! Every file is read and checked before any problem is reported, so one run shows them all.

pub mod cache;
pub mod emit;
pub mod front_matter;
pub mod incident;
pub mod model;
pub mod page;
pub mod site_text;
pub mod translation;
pub mod validate;

use rustc_hash::FxHashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use model::{
    Incident, IncidentText, Kind, Page, PageText, Phase, Severity, Site, Update, UpdateStatus, UpdateText,
};
pub use translation::{missing_translations, translation_name};

use crate::config::{parse_config, Config};
use crate::error::{Diagnostic, Error, Result};

/// What to load.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Keep files marked `draft = true` (they are always validated).
    pub drafts: bool,
}

/// Loads and validates the site under `root`: [`load_config`], then [`load_site_with`].
pub fn load_site(root: &Path, options: &LoadOptions) -> Result<Site> {
    load_site_with(root, load_config(root)?, options, None).map(|(site, _)| site)
}

/// What [`load_site_with`] keeps between loads: every content file's parse result, and the
/// last listing of `content/` with what the caller says changed since (see
/// [`LoadCache::changed`]).
#[derive(Default)]
pub struct LoadCache {
    config: cache::ConfigStamp,
    incidents: cache::FileCache<Incident>,
    pages: cache::FileCache<Page>,
    listing: Option<Listing>,
    /// The paths reported changed since the last load; `None`: not known.
    changed: Option<Vec<PathBuf>>,
    /// Whether changes are reported ([`LoadCache::changed`] was called): until then, a load
    /// knows nothing of what changed since the last.
    watched: bool,
}

impl LoadCache {
    /// Tells the next load that, since the last one, only the files at `paths` (relative to
    /// the root) may have changed, as a file watcher reports them; calls add up until a load
    /// succeeds. From the first call on, every change must be reported this way (or with
    /// [`LoadCache::changes_unknown`]) before the next load. That load then takes the last
    /// listing of `content/` and the parse of every other file as they were, without looking
    /// at them, when each of `paths` is a Markdown
    /// file under `content/` that was listed last time and is still there, and no symlink was
    /// listed (a watcher does not see a change behind one). Otherwise (a file created, deleted
    /// or renamed, any other input) it lists and checks every file as a load without this call.
    pub fn changed(&mut self, paths: &[PathBuf]) {
        self.watched = true;
        if let Some(changed) = &mut self.changed {
            changed.extend_from_slice(paths);
        }
    }

    /// Tells the next load that what changed is not known (the watcher missed events): it
    /// lists and checks every file.
    pub fn changes_unknown(&mut self) {
        self.changed = None;
    }

    /// The last listing, if the changes reported since allow taking it as it is.
    fn listing_unchanged(&self, root: &Path) -> Option<&Listing> {
        let listing = self.listing.as_ref().filter(|l| !l.linked)?;
        let changed = self.changed.as_ref()?;
        changed
            .iter()
            .all(|path| {
                let full = root.join(path);
                [INCIDENTS_DIR, PAGES_DIR].iter().any(|dir| path.starts_with(dir))
                    && listing.files.contains(&full)
                    && full.is_file()
            })
            .then_some(listing)
    }
}

/// What a load found in `content/`: the Markdown files of `incidents/` and `pages/` (sorted),
/// warnings about the rest, and whether any of it lies behind a symlink.
struct Listing {
    incidents: Vec<PathBuf>,
    pages: Vec<PathBuf>,
    warnings: Vec<Diagnostic>,
    linked: bool,
    /// Every path of `incidents` and `pages`.
    files: FxHashSet<PathBuf>,
}

impl Listing {
    fn of(root: &Path) -> Result<Listing> {
        let (incidents, mut warnings, linked_incidents) = content_listing(root, INCIDENTS_DIR)?;
        let (pages, page_warnings, linked_pages) = content_listing(root, PAGES_DIR)?;
        warnings.extend(page_warnings);
        if let Some(warning) = stray_content(root)? {
            warnings.push(warning);
        }
        let files = incidents.iter().chain(&pages).cloned().collect();
        Ok(Listing {
            incidents,
            pages,
            warnings,
            linked: linked_incidents || linked_pages,
            files,
        })
    }

    /// A copy of the files and warnings, for a load.
    fn files_and_warnings(&self) -> (Vec<PathBuf>, Vec<PathBuf>, Vec<Diagnostic>) {
        (self.incidents.clone(), self.pages.clone(), self.warnings.clone())
    }
}

/// Loads the content of the site under `root` whose config (read once by the command, with
/// [`load_config`]) is `config`, with a warning for every file of `content/` that was skipped.
/// With a `cache`, only the content files changed since the last load with the same cache are
/// read and parsed again (see [`cache`] for what counts as changed); the result is the same as
/// a fresh load's. `serve` keeps one, as it loads the same site on every save.
pub fn load_site_with(
    root: &Path,
    config: Config,
    options: &LoadOptions,
    cache: Option<&mut LoadCache>,
) -> Result<(Site, Vec<Diagnostic>)> {
    let Some(cache) = cache else {
        return load(root, config, options, None, None);
    };
    let loaded = load(root, config, options, Some(&mut *cache), None);
    // What changed is accounted for once a load has read it; after a failure, not known.
    cache.changed = (loaded.is_ok() && cache.watched).then(Vec::new);
    loaded
}

/// [`load_site_with`] for a command that runs once (`build`): each file's parse (or text) comes
/// from `texts`, what the last build read, where the file has not changed since (see
/// [`cache::Texts`]), and `texts` keeps what was read anew for [`cache::Texts::save`]. `texts`
/// must be opened with the [`parser`] of `config`.
pub fn load_site_kept(
    root: &Path,
    config: Config,
    options: &LoadOptions,
    texts: &cache::Texts,
) -> Result<(Site, Vec<Diagnostic>)> {
    load(root, config, options, None, Some(texts))
}

/// Every incident and page of `site` (loaded with [`load_site_kept`]) by the path of its file,
/// for [`cache::Texts::stage`] to keep the parses the load noted: each is what parsing its file
/// gave, but for its translations, joined after the parse and no part of what is kept (see
/// [`Incident`]). A draft left out of the site is not kept, and is parsed again next time.
pub fn kept_parses<'a>(root: &Path, site: &'a Site) -> cache::Parses<'a> {
    let incidents = site
        .incidents
        .iter()
        .map(|i| (root.join(&i.source), i as &dyn cache::Parse));
    let pages = site
        .pages
        .iter()
        .map(|p| (root.join(&p.source), p as &dyn cache::Parse));
    incidents.chain(pages).collect()
}

/// What parsing a content file depends on besides the file: the program, and the config it is
/// read with (an incident's times are read in the site's time zone, its components checked
/// against the config's). The `parser` of [`cache::Texts::open`].
pub fn parser(config: &Config) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(&cache::program().to_le_bytes());
    h.update(config.source.as_bytes());
    h.digest128()
}

fn load(
    root: &Path,
    config: Config,
    options: &LoadOptions,
    mut cache: Option<&mut LoadCache>,
    kept: Option<&cache::Texts>,
) -> Result<(Site, Vec<Diagnostic>)> {
    if let Some(cache) = cache.as_deref_mut() {
        if cache.config.changed(&root.join("config.toml")) {
            cache.incidents.clear();
        }
    }
    // `config.fr.toml`: the site's own texts in French (see `site_text`).
    let (texts, mut problems) = crate::content::site_text::load_site_texts(root, &config)?;
    // Files the caller vouches for (see `LoadCache::changed`): every other file is as it was.
    let vouched: Option<FxHashSet<PathBuf>> = cache
        .as_deref()
        .and_then(|c| c.listing_unchanged(root).and(c.changed.as_ref()))
        .map(|changed| changed.iter().map(|p| root.join(p)).collect());
    let (incident_files, page_files, warnings) = match cache.as_deref_mut() {
        Some(cache) => match (&vouched, &cache.listing) {
            (Some(_), Some(listing)) => listing.files_and_warnings(),
            _ => cache.listing.insert(Listing::of(root)?).files_and_warnings(),
        },
        None => {
            let listing = Listing::of(root)?;
            (listing.incidents, listing.pages, listing.warnings)
        }
    };

    // `x.fr.md` is a translation of `x.md`: read once every main file is (see `translation`).
    let (incident_translations, incident_files): (Vec<PathBuf>, Vec<PathBuf>) = incident_files
        .into_iter()
        .partition(|p| translation_name(p).is_some());
    let (page_translations, page_files): (Vec<PathBuf>, Vec<PathBuf>) = page_files
        .into_iter()
        .partition(|p| translation_name(p).is_some());

    let (incident_cache, page_cache) = match cache {
        Some(cache) => (Some(&mut cache.incidents), Some(&mut cache.pages)),
        None => (None, None),
    };
    let mut incidents: Vec<Incident> = collect(
        parse_files(
            root,
            &incident_files,
            incident_cache,
            vouched.as_ref(),
            kept,
            |p, t| incident::parse_incident(p, t, &config),
        ),
        &mut problems,
    )?;
    let mut pages: Vec<Page> = collect(
        parse_files(
            root,
            &page_files,
            page_cache,
            vouched.as_ref(),
            kept,
            page::parse_page,
        ),
        &mut problems,
    )?;
    problems.extend(validate::check_unique_slugs(&incidents, &pages));
    problems.extend(validate::check_page_slugs_against_languages(
        &pages,
        &config.languages,
    ));
    let translations = collect(
        incident_translations
            .par_iter()
            .chain(page_translations.par_iter())
            .map(|path| Ok(read_text(root, path, kept)?.into_translation()))
            .collect(),
        &mut problems,
    )?;
    // Most sites have no translation: no need to map 10,000 paths for none.
    if !translations.is_empty() {
        let main_files: Vec<PathBuf> = incident_files
            .iter()
            .chain(&page_files)
            .map(|p| p.strip_prefix(root).unwrap_or(p).to_path_buf())
            .collect();
        problems.extend(translation::attach(
            &config,
            &mut incidents,
            &mut pages,
            translations,
            &main_files,
        ));
    }
    if !problems.is_empty() {
        return Err(Error::Content(problems));
    }

    let mut incidents: Vec<Incident> = incidents
        .into_iter()
        .filter(|i| options.drafts || !i.draft)
        .collect();
    incidents.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.slug.cmp(&b.slug)));
    let mut pages: Vec<Page> = pages.into_iter().filter(|p| options.drafts || !p.draft).collect();
    pages.sort_by(|a, b| a.weight.cmp(&b.weight).then_with(|| a.slug.cmp(&b.slug)));
    let site = Site {
        config,
        texts,
        incidents,
        pages,
    };
    Ok((site, warnings))
}

type Parsed<T> = std::result::Result<T, Vec<Diagnostic>>;

/// Reads and parses `files` in parallel, taking what `cache` still holds from it and storing
/// what was parsed anew. With `vouched`, every file not in it is known unchanged since it was
/// cached (see [`LoadCache::changed`]) and is taken without a look at its stamp.
fn parse_files<T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned>(
    root: &Path,
    files: &[PathBuf],
    cache: Option<&mut cache::FileCache<T>>,
    vouched: Option<&FxHashSet<PathBuf>>,
    texts: Option<&cache::Texts>,
    parse: impl Fn(&Path, &str) -> Parsed<T> + Sync,
) -> Vec<Result<Parsed<T>>> {
    let read_and_parse = |path: &PathBuf| match texts {
        // What the last build parsed, unchanged since; else parsed anew, and kept.
        Some(texts) => match texts.parsed(path) {
            Some(value) => Ok(Ok(value)),
            None => {
                let parsed = read_text(root, path, Some(texts))?.and_then_parse(&parse)?;
                if parsed.is_ok() {
                    texts.keep_parsed(path);
                }
                Ok(parsed)
            }
        },
        None => read_text(root, path, None)?.and_then_parse(&parse),
    };
    let Some(cache) = cache else {
        return files.par_iter().map(read_and_parse).collect();
    };
    cache.retain(files);
    // Stamps are taken before reading, so a write during the read shows as a change next time.
    let read_at = std::time::SystemTime::now();
    let read: Vec<(Option<cache::Stamp>, bool, Result<Parsed<T>>)> = files
        .par_iter()
        .map(|path| {
            if vouched.is_some_and(|v| !v.contains(path)) {
                if let Some(parsed) = cache.get_unchanged(path) {
                    return (None, false, Ok(parsed));
                }
            }
            let stamp = cache::Stamp::of(path);
            match cache.get(path, stamp) {
                Some(parsed) => (stamp, false, Ok(parsed)),
                None => (stamp, true, read_and_parse(path)),
            }
        })
        .collect();
    let mut results = Vec::with_capacity(files.len());
    for (path, (stamp, fresh, result)) in files.iter().zip(read) {
        if let (true, Ok(parsed)) = (fresh, &result) {
            cache.insert(path.clone(), stamp, read_at, parsed.clone());
        }
        results.push(result);
    }
    results
}

/// The instant a command works at: `--now` if given, else `SOURCE_DATE_EPOCH`, else the clock.
/// A `--now` that is not RFC 3339 (a local time, a plain date) is read in `zone`, the site's
/// time zone, so `build`, `check`, `serve` and the authoring commands read the same flag alike.
pub fn resolve_now(flag: Option<&str>, zone: chrono_tz::Tz) -> Result<chrono::DateTime<chrono::Utc>> {
    let epoch = std::env::var("SOURCE_DATE_EPOCH").ok();
    crate::time::resolve_now_in(flag, epoch.as_deref(), zone).map_err(Error::Usage)
}

/// Reads and parses `config.toml` under `root`, once per command: everything after takes the
/// [`Config`]. A `theme` other than the built-in `default` must be a folder of `themes/`.
pub fn load_config(root: &Path) -> Result<Config> {
    let path = root.join("config.toml");
    if !path.exists() {
        return Err(Error::Usage(missing_site_message(root)));
    }
    let bytes = crate::site_files::read(root, "config.toml")?;
    let source = String::from_utf8(bytes).map_err(|e| {
        Error::Content(vec![Diagnostic::file(
            Path::new("config.toml"),
            format!(
                "byte {} is not valid UTF-8; save the file as UTF-8",
                e.utf8_error().valid_up_to()
            ),
        )])
    })?;
    let config = parse_config(Path::new("config.toml"), &source).map_err(Error::Content)?;
    if config.theme != "default" && !root.join("themes").join(&config.theme).is_dir() {
        let name = &config.theme;
        // The value as written: the first `theme = ` line naming it.
        let at = source
            .lines()
            .scan(0, |offset, line| {
                let start = *offset;
                *offset += line.len() + 1;
                Some((start, line))
            })
            .find(|(_, line)| line.trim_start().starts_with("theme"))
            .map_or(0, |(start, line)| start + line.find(name.as_str()).unwrap_or(0));
        return Err(Error::Content(vec![Diagnostic::at(
            Path::new("config.toml"),
            &source,
            at..at + name.len(),
            format!("theme `{name}` not found: there is no folder themes/{name}/ (the built-in theme is `default`)"),
        )]));
    }
    Ok(config)
}

/// A file's text, or the diagnostics that stop it from being parsed.
struct FileText {
    display: PathBuf,
    text: std::result::Result<String, Diagnostic>,
}

impl FileText {
    fn and_then_parse<T>(
        self,
        parse: impl FnOnce(&Path, &str) -> Parsed<T>,
    ) -> Result<std::result::Result<T, Vec<Diagnostic>>> {
        Ok(match self.text {
            Ok(text) => parse(&self.display, text.strip_prefix('\u{feff}').unwrap_or(&text)),
            Err(d) => Err(vec![d]),
        })
    }
}

impl FileText {
    /// The file as a translation to read against its main file (see [`translation::attach`]).
    fn into_translation(self) -> std::result::Result<translation::Found, Vec<Diagnostic>> {
        let text = self.text.map_err(|d| vec![d])?;
        let (main, code) = translation_name(&self.display).expect("only translation files are read as such");
        Ok(translation::Found {
            path: self.display,
            main,
            code,
            text: text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text),
        })
    }
}

/// Reads `path` as UTF-8 (or takes its text from `texts`, unchanged since the last build
/// read it); bytes that are not UTF-8 are a content problem, not an I/O error.
fn read_text(root: &Path, path: &Path, texts: Option<&cache::Texts>) -> Result<FileText> {
    let display = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    let bytes = match texts {
        Some(texts) => texts.read(path).map_err(|e| Error::io(path, e))?,
        None => std::fs::read(path).map_err(|e| Error::io(path, e))?,
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let valid = std::str::from_utf8(valid).expect("valid_up_to bounds valid UTF-8");
        let at = valid.len();
        let mut d = Diagnostic::at(&display, valid, at..at, "");
        d.message = "this byte is not valid UTF-8; save the file as UTF-8 (it looks like another encoding, such as Windows-1252)".into();
        d
    });
    Ok(FileText { display, text })
}

/// Splits per-file results into the parsed values and the problems; I/O errors stop the load.
fn collect<T>(
    results: Vec<Result<std::result::Result<T, Vec<Diagnostic>>>>,
    problems: &mut Vec<Diagnostic>,
) -> Result<Vec<T>> {
    let mut values = Vec::with_capacity(results.len());
    for result in results {
        match result? {
            Ok(value) => values.push(value),
            Err(found) => problems.extend(found),
        }
    }
    Ok(values)
}

/// Where incident and maintenance files live, under the site root.
pub const INCIDENTS_DIR: &str = "content/incidents";
/// Where free pages live, under the site root.
pub const PAGES_DIR: &str = "content/pages";

/// Every `*.md` file below `root/dir`, sorted, skipping hidden files (editor swap files).
/// A missing folder holds no files.
pub fn content_files(root: &Path, dir: &str) -> Result<Vec<PathBuf>> {
    content_listing(root, dir).map(|(files, _, _)| files)
}

/// The `*.md` files below `root/dir`, and a warning for each other file there (a `.MD` or
/// `.markdown` file is most likely meant to be read, and a silent skip would hide it).
fn content_listing(root: &Path, dir: &str) -> Result<(Vec<PathBuf>, Vec<Diagnostic>, bool)> {
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    let (listed, linked) = crate::site_files::list_noting_links(root, dir)?;
    for path in listed {
        if path.extension().is_some_and(|x| x == "md") {
            files.push(path);
            continue;
        }
        let shown = path.strip_prefix(root).unwrap_or(&path);
        let hint = match path.extension().map(|x| x.to_string_lossy().to_lowercase()) {
            Some(x) if ["md", "markdown", "mdown", "mkd"].contains(&x.as_str()) => {
                format!(
                    "; rename it to `{}` to publish it",
                    path.with_extension("md")
                        .file_name()
                        .unwrap_or_default()
                        .to_string_lossy()
                )
            }
            _ => String::new(),
        };
        warnings.push(Diagnostic::file(
            shown,
            format!("skipped: only files ending in `.md` are read{hint}"),
        ));
    }
    Ok((files, warnings, linked))
}

/// A warning when `content/` holds Markdown files outside `incidents/` and `pages/`, where
/// beacon never looks (a common first mistake: `content/outage.md`).
fn stray_content(root: &Path) -> Result<Option<Diagnostic>> {
    // Not walked again: the two folders just read, with most of the files.
    let stray = crate::site_files::list_skipping(root, "content", &[INCIDENTS_DIR, PAGES_DIR])?;
    let Some(first) = stray.first() else {
        return Ok(None);
    };
    Ok(Some(Diagnostic::file(
        first.strip_prefix(root).unwrap_or(first),
        format!(
            "skipped: beacon reads only `{INCIDENTS_DIR}/` and `{PAGES_DIR}/`; {} outside them",
            crate::wording::count(stray.len(), "file lies", "files lie")
        ),
    )))
}

/// What to say when `root` holds no config.toml: where beacon looked and how to go on.
fn missing_site_message(root: &Path) -> String {
    let shown = if root.as_os_str().is_empty() {
        Path::new(".")
    } else {
        root
    };
    let what = if root.is_dir() {
        "has no config.toml"
    } else {
        "does not exist"
    };
    format!(
        "{} {what}, so it is not a beacon site; run beacon in the site folder, pass `--root DIR`, \
         or create a site with `beacon init`",
        if shown == Path::new(".") {
            "the current folder".to_string()
        } else {
            format!("`{}`", shown.display())
        }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_theme_is_a_content_error_in_config() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("config.toml"),
            "title = \"T\"\nbase_url = \"https://s.example.org/\"\ntheme = \"dark\"\n",
        )
        .unwrap();
        let Err(Error::Content(problems)) = load_config(dir.path()) else {
            panic!("expected a content error");
        };
        assert_eq!((problems[0].line, problems[0].column), (3, 10));
        assert!(
            problems[0].message.contains("no folder themes/dark/"),
            "{}",
            problems[0].message
        );
        std::fs::create_dir_all(dir.path().join("themes/dark")).unwrap();
        assert_eq!(load_config(dir.path()).unwrap().theme, "dark");
    }

    /// A site with incidents `a` and `b` in `content/incidents/2022/`.
    fn watched_site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("config.toml"),
            "title = \"T\"\nbase_url = \"https://s.example.org/\"\n",
        )
        .unwrap();
        backdate(&dir.path().join("config.toml"));
        std::fs::create_dir_all(dir.path().join("content/incidents/2022")).unwrap();
        for name in ["a", "b"] {
            write_incident(dir.path(), name, name);
        }
        dir
    }

    fn write_incident(root: &Path, name: &str, title: &str) -> PathBuf {
        let relative = PathBuf::from(format!("content/incidents/2022/{name}.md"));
        let text = format!("+++\ntitle = \"{title}\"\ndate = 2022-01-01T00:00:00Z\nresolved = 2022-01-01T01:00:00Z\nseverity = \"major\"\n+++\nBody.\n");
        std::fs::write(root.join(&relative), text).unwrap();
        backdate(&root.join(&relative));
        relative
    }

    /// Older than any racy instant, so that a parse kept of the file is good without a look at
    /// it (see `cache::fresh`).
    fn backdate(path: &Path) {
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
        let file = std::fs::File::options().write(true).open(path).unwrap();
        file.set_modified(old).unwrap();
    }

    fn titles(root: &Path, cache: &mut LoadCache) -> Vec<String> {
        let config = load_config(root).unwrap();
        let (site, _) = load_site_with(root, config, &LoadOptions::default(), Some(cache)).unwrap();
        site.incidents.into_iter().map(|i| i.title).collect()
    }

    #[test]
    fn a_watched_load_reads_the_reported_files_and_lists_again_for_any_other_change() {
        let dir = watched_site();
        let root = dir.path();
        let mut cache = LoadCache::default();
        assert_eq!(titles(root, &mut cache), ["a", "b"]);
        // The first report starts the watch; that load still looks at every file.
        cache.changed(&[]);
        write_incident(root, "a", "a2");
        assert_eq!(titles(root, &mut cache), ["a2", "b"]);

        // Reported: read again.
        let a = write_incident(root, "a", "a3");
        cache.changed(std::slice::from_ref(&a));
        assert_eq!(titles(root, &mut cache), ["a3", "b"]);
        // Not reported: taken as it was (the watcher is trusted, so its stamp is not looked at).
        write_incident(root, "b", "b2");
        cache.changed(&[]);
        assert_eq!(titles(root, &mut cache), ["a3", "b"]);
        // Reports add up over calls until a load, and a missed event makes the next load look at
        // every file.
        cache.changed(std::slice::from_ref(&a));
        cache.changes_unknown();
        cache.changed(std::slice::from_ref(&a));
        assert_eq!(titles(root, &mut cache), ["a3", "b2"]);

        // A new file is not in the last listing: the folder is listed again.
        let c = write_incident(root, "c", "c");
        cache.changed(std::slice::from_ref(&c));
        assert_eq!(titles(root, &mut cache), ["a3", "b2", "c"]);
        // A deleted one is no longer there: likewise.
        std::fs::remove_file(root.join(&c)).unwrap();
        cache.changed(std::slice::from_ref(&c));
        assert_eq!(titles(root, &mut cache), ["a3", "b2"]);
        // Any other input (here the config) lists and looks at everything.
        write_incident(root, "b", "b3");
        cache.changed(&[PathBuf::from("config.toml")]);
        assert_eq!(titles(root, &mut cache), ["a3", "b3"]);
    }

    #[test]
    fn a_failed_load_leaves_the_next_one_looking_at_every_file() {
        let dir = watched_site();
        let root = dir.path();
        let mut cache = LoadCache::default();
        cache.changed(&[]);
        assert_eq!(titles(root, &mut cache), ["a", "b"]);
        let a = PathBuf::from("content/incidents/2022/a.md");
        std::fs::write(root.join(&a), "+++\ntitle = \n+++\n").unwrap();
        cache.changed(std::slice::from_ref(&a));
        let config = load_config(root).unwrap();
        assert!(load_site_with(root, config, &LoadOptions::default(), Some(&mut cache)).is_err());
        // Fixed, while `b` changed unreported: the failed load did not vouch for anything.
        write_incident(root, "a", "a2");
        write_incident(root, "b", "b2");
        cache.changed(std::slice::from_ref(&a));
        assert_eq!(titles(root, &mut cache), ["a2", "b2"]);
    }

    #[cfg(unix)]
    #[test]
    fn files_behind_a_symlink_are_always_looked_at() {
        let dir = watched_site();
        let root = dir.path();
        std::fs::create_dir_all(root.join("elsewhere")).unwrap();
        std::fs::rename(
            root.join("content/incidents/2022/b.md"),
            root.join("elsewhere/b.md"),
        )
        .unwrap();
        std::os::unix::fs::symlink(
            root.join("elsewhere/b.md"),
            root.join("content/incidents/2022/b.md"),
        )
        .unwrap();
        let mut cache = LoadCache::default();
        cache.changed(&[]);
        assert_eq!(titles(root, &mut cache), ["a", "b"]);
        // The watcher does not see `elsewhere/`: an edit there still shows.
        std::fs::write(
            root.join("elsewhere/b.md"),
            "+++\ntitle = \"b2\"\ndate = 2022-01-01T00:00:00Z\nresolved = 2022-01-01T01:00:00Z\nseverity = \"major\"\n+++\n",
        )
        .unwrap();
        cache.changed(&[]);
        assert_eq!(titles(root, &mut cache), ["a", "b2"]);
    }
}
