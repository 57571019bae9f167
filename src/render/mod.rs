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

use crate::context::{BuildContext, Sink};
use crate::error::Result;

/// Renders the pages, sitemap and robots.txt, handing each file to `sink` as it is done.
/// Static files are not among them: `build` layers those (see [`theme::load_static`]).
pub fn render_pages(ctx: &BuildContext, sink: &Sink) -> Result<()> {
    let root = &ctx.options.root;
    // Templates load (and fail) before the first page is handed on.
    let theme = theme::Theme::load(root, &ctx.site.config.theme)?;
    let views = view::Views::new(ctx);
    let jobs = pages::jobs(ctx, &views);
    pages::render_all(ctx, &theme, &views, sink)?;
    sink.put(sitemap::render_sitemap(ctx, &views, &jobs))?;
    sink.put(sitemap::render_robots(ctx))
}
