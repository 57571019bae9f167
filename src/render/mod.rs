//! The HTML site: every page of the contract's section 6 (front page, incidents, history,
//! components, free pages, 404), plus sitemap.xml, robots.txt and the static files of the theme
//! and the site. Machine-readable outputs (feeds, calendar, API, badges) live in `outputs`.
//!
//! [`theme`] loads the layered templates and static files (and `fold` renders what every page
//! of an edition writes the same once, into them); [`view`] builds the data templates
//! receive, once per build; [`pages`] renders one page per job in parallel; [`format`] is how
//! times, durations and percentages read.

mod fold;
pub mod format;
pub mod latency;
pub mod monthly;
pub mod pages;
pub mod sitemap;
pub mod status_html;
pub mod subscribe;
mod template_error;
pub mod theme;
pub mod view;

use std::collections::BTreeMap;

/// The static files templates link by content hash (`style.css?v=<hash>`), so a changed file
/// gets a new URL and a browser or CDN never serves an old one.
const VERSIONED_ASSETS: [&str; 4] = ["style.css", "stale.js", "history-filter.js", "local-time.js"];

/// Each versioned asset's hash, taken from the file that is published at its path: the site's
/// `static/` wins over the theme's, as in the output. An asset no static folder has gets an
/// empty version, so a theme that links it still renders.
pub fn asset_versions(
    theme_static: &BTreeMap<String, Vec<u8>>,
    site_static: &BTreeMap<String, Vec<u8>>,
) -> BTreeMap<String, String> {
    VERSIONED_ASSETS
        .into_iter()
        .map(|name| {
            let bytes = site_static.get(name).or_else(|| theme_static.get(name));
            (
                name.to_string(),
                bytes.map(|b| content_hash(b)).unwrap_or_default(),
            )
        })
        .collect()
}

/// A short hash of a file's bytes, for URLs that change exactly when the file does
/// (`style.css?v=<hash>`), so a browser or CDN never serves an old stylesheet.
pub fn content_hash(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)[..6]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
