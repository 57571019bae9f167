//! The HTML site: every page of the contract's section 6 (front page, incidents, history,
//! components, free pages, 404), plus sitemap.xml, robots.txt and the static files of the theme
//! and the site. Machine-readable outputs (feeds, calendar, API, badges) live in `outputs`.
//!
//! [`theme`] loads the layered templates and static files; [`view`] builds the data templates
//! receive, once per build; [`pages`] renders one page per job in parallel; [`format`] is how
//! times, durations and percentages read.

pub mod format;
pub mod pages;
pub mod sitemap;
pub mod theme;
pub mod view;

use std::collections::BTreeMap;

use crate::context::{BuildContext, OutputFile};
use crate::error::{Error, Result};

/// Renders the pages, sitemap, robots.txt and static files.
///
/// Precedence on the same path: theme static files < generated files < the site's `static/`
/// (so a site can ship its own robots.txt or 404.html).
pub fn render_pages(ctx: &BuildContext) -> Result<Vec<OutputFile>> {
    let root = &ctx.options.root;
    let theme_name = &ctx.site.config.theme;
    let theme = theme::Theme::load(root, theme_name)?;
    let views = view::Views::new(ctx);
    let jobs = pages::jobs(ctx, &views);

    let mut files: BTreeMap<String, Vec<u8>> = theme::load_static(root, theme_name)?;
    let rendered = pages::render_all(ctx, &theme, &views).map_err(Error::Content)?;
    for file in rendered {
        files.insert(file.path, file.bytes);
    }
    for file in [
        sitemap::render_sitemap(ctx, &views, &jobs),
        sitemap::render_robots(ctx),
    ] {
        files.insert(file.path, file.bytes);
    }
    files.extend(theme::load_site_static(root)?);
    Ok(files
        .into_iter()
        .map(|(path, bytes)| OutputFile { path, bytes })
        .collect())
}
