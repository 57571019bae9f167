//! `sitemap.xml` (every HTML page but 404 in every language, absolute URLs, `lastmod` from the
//! content, each page's other languages as `xhtml:link` alternates) and `robots.txt` pointing
//! at it. Deterministic: sorted by URL, no clock.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::pages::{output_path, Job};
use super::view::Views;
use crate::context::BuildContext;
use crate::output::OutputFile;

pub fn render_sitemap(ctx: &BuildContext, views: &Views, jobs: &[Job]) -> OutputFile {
    let now = ctx.now();
    let changes: Vec<Option<DateTime<Utc>>> = ctx.site.incidents.iter().map(|i| i.last_change(now)).collect();
    let site_change = changes.iter().flatten().max().copied();
    let mut entries: BTreeMap<String, Entry> = BTreeMap::new();
    for &job in jobs {
        let lastmod = match job {
            Job::NotFound => continue,
            Job::Index | Job::History(_) => site_change,
            Job::Incident(i) => changes[i],
            Job::Component(c, _) => views
                .incidents_of(views.components[c].id)
                .iter()
                .filter_map(|&i| changes[i])
                .max(),
            Job::Page(_) => None,
        };
        let path = output_path(ctx, views, job);
        let page = path.strip_suffix("index.html").unwrap_or(&path);
        // Every edition has every page; each language's URL is an entry of its own.
        let languages = &ctx.site.config.languages;
        let alternates: Vec<(&str, String)> = if ctx.is_multilingual() {
            languages
                .iter()
                .map(|code| (code.as_str(), ctx.absolute_url_in(code, page)))
                .collect()
        } else {
            Vec::new()
        };
        for code in languages {
            let entry = Entry {
                lastmod,
                alternates: alternates.clone(),
            };
            entries.insert(ctx.absolute_url_in(code, page), entry);
        }
    }
    // The xhtml namespace (for each page's other languages) only where there are any, so a
    // one-language sitemap stays as it was.
    let namespaces = if ctx.is_multilingual() {
        " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""
    } else {
        ""
    };
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"{namespaces}>\n",
    );
    for (url, entry) in entries {
        xml.push_str("  <url><loc>");
        xml.push_str(&escape_xml(&url));
        xml.push_str("</loc>");
        if let Some(t) = entry.lastmod {
            xml.push_str(&format!("<lastmod>{}</lastmod>", t.format("%Y-%m-%dT%H:%M:%SZ")));
        }
        for (code, href) in &entry.alternates {
            xml.push_str(&format!(
                "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                escape_xml(code),
                escape_xml(href)
            ));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    OutputFile::new("sitemap.xml", xml)
}

/// One `<url>` of the sitemap: when it last changed, and the page in every language (on a
/// multilingual site, as Google reads `xhtml:link` alternates: every language, itself too).
struct Entry<'a> {
    lastmod: Option<DateTime<Utc>>,
    alternates: Vec<(&'a str, String)>,
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
