//! `sitemap.xml` (every HTML page but 404, absolute URLs, `lastmod` from the content) and
//! `robots.txt` pointing at it. Deterministic: sorted by URL, no clock.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::pages::{output_path, Job};
use super::view::Views;
use crate::context::{BuildContext, OutputFile};

pub fn render_sitemap(ctx: &BuildContext, views: &Views, jobs: &[Job]) -> OutputFile {
    let now = ctx.now();
    let changes: Vec<Option<DateTime<Utc>>> = ctx.site.incidents.iter().map(|i| i.last_change(now)).collect();
    let site_change = changes.iter().flatten().max().copied();
    let mut entries: BTreeMap<String, Option<DateTime<Utc>>> = BTreeMap::new();
    for &job in jobs {
        let lastmod = match job {
            Job::NotFound => continue,
            Job::Index | Job::History(_) => site_change,
            Job::Incident(i) => changes[i],
            Job::Component(i) => views
                .by_component
                .get(views.components[i].id)
                .and_then(|list| list.iter().filter_map(|&i| changes[i]).max()),
            Job::Page(_) => None,
        };
        let path = output_path(ctx, views, job);
        let url = ctx.absolute_url(path.strip_suffix("index.html").unwrap_or(&path));
        entries.insert(url, lastmod);
    }
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (url, lastmod) in entries {
        xml.push_str("  <url><loc>");
        xml.push_str(&escape_xml(&url));
        xml.push_str("</loc>");
        if let Some(t) = lastmod {
            xml.push_str(&format!("<lastmod>{}</lastmod>", t.format("%Y-%m-%dT%H:%M:%SZ")));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    OutputFile::new("sitemap.xml", xml)
}

pub fn render_robots(ctx: &BuildContext) -> OutputFile {
    OutputFile::new(
        "robots.txt",
        format!(
            "User-agent: *\nAllow: /\n\nSitemap: {}\n",
            ctx.absolute_url("sitemap.xml")
        ),
    )
}

fn escape_xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
