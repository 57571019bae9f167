//! Runs the stages: load → as of `now` → status → render every output, all in memory.
//! Formats nothing itself and writes nothing (that is `write.rs`).

use rayon::prelude::*;

use crate::content::{load_site, LoadOptions, Site};
pub use crate::context::{BuildContext, BuildOptions, OutputFile};
use crate::error::Result;
use crate::status::{as_of, compute_report};
use crate::{outputs, render};

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
        published.config.base_url = normalise_base_url(base_url);
    }
    let report = compute_report(&published, options.now);
    let ctx = BuildContext {
        site: &published,
        report: &report,
        options,
    };

    type Renderer = fn(&BuildContext) -> Result<Vec<OutputFile>>;
    let renderers: [Renderer; 6] = [
        render::render_pages,
        outputs::feeds::render,
        outputs::ical::render,
        outputs::api::render,
        outputs::uptime::render,
        outputs::badges::render,
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

/// `base_url` always ends in `/`, so paths can be appended.
pub fn normalise_base_url(url: &str) -> String {
    let mut url = url.trim().to_string();
    if !url.ends_with('/') {
        url.push('/');
    }
    url
}
