//! Runs the stages: load → as of `now` → status → render every output, all in memory.
//! Formats nothing itself and writes nothing (that is `write.rs`).

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use rayon::prelude::*;

use crate::content::{load_site, LoadOptions, Site};
use crate::error::{Error, Result};
use crate::status::{as_of, compute_report, StatusReport};
use crate::{outputs, render};

/// Everything a build needs besides the site itself.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (config.toml, content/, themes/, templates/, static/).
    pub root: PathBuf,
    /// The instant the site shows.
    pub now: DateTime<Utc>,
    /// Overrides `base_url` from the config (e.g. for `serve` or a preview host).
    pub base_url: Option<String>,
    /// Include files marked `draft = true`.
    pub drafts: bool,
    /// Inject the live-reload script into pages (serve mode only).
    pub live_reload: bool,
}

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

/// What every renderer reads: the published site, its status, and the build settings.
pub struct BuildContext<'a> {
    /// The site as of `now` (see [`as_of`]); `base_url` already overridden.
    pub site: &'a Site,
    pub report: &'a StatusReport,
    pub options: &'a BuildOptions,
}

impl BuildContext<'_> {
    pub fn now(&self) -> DateTime<Utc> {
        self.report.now
    }

    /// The absolute URL of `path` (relative to the site root, no leading `/`).
    pub fn absolute_url(&self, path: &str) -> String {
        format!("{}{}", self.site.config.base_url, path.trim_start_matches('/'))
    }
}

/// Loads the site under `options.root` and renders it.
pub fn build_site(options: &BuildOptions) -> Result<Vec<OutputFile>> {
    let site = load_site(
        &options.root,
        &LoadOptions {
            drafts: options.drafts,
        },
    )?;
    render_site(&site, options)
}

/// Renders every output file of a loaded site, sorted by path.
pub fn render_site(site: &Site, options: &BuildOptions) -> Result<Vec<OutputFile>> {
    let mut published = as_of(site, options.now);
    if let Some(base_url) = &options.base_url {
        published.config.base_url = crate::site_url::parse_base_url(base_url)
            .map_err(|e| Error::Usage(format!("--base-url: {e}")))?;
    }
    let report = compute_report(&published, options.now);
    let ctx = BuildContext {
        site: &published,
        report: &report,
        options,
    };

    type Renderer = fn(&BuildContext) -> Result<Vec<OutputFile>>;
    let renderers: [Renderer; 7] = [
        render::render_pages,
        outputs::feeds::render,
        outputs::ical::render,
        outputs::api::render,
        outputs::uptime::render,
        outputs::badges::render,
        outputs::headers::render,
    ];
    let rendered: Vec<Result<Vec<OutputFile>>> = renderers.par_iter().map(|render| render(&ctx)).collect();
    let mut files = Vec::new();
    for result in rendered {
        files.extend(result?);
    }
    // Stable sort, then keep the first of equal paths: the pages renderer comes first, so a
    // file in the site's `static/` (which it copies) wins over a generated one, as documented.
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files.dedup_by(|later, first| later.path == first.path);
    Ok(files)
}
