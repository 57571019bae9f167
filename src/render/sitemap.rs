//! `sitemap.xml` (every HTML page but 404 in every language, absolute URLs, `lastmod` from the
//! content, each page's other languages as `xhtml:link` alternates) and `robots.txt` pointing
//! at it. Deterministic: sorted by URL, no clock.

use std::collections::BTreeMap;
use std::io::Write;

use chrono::{DateTime, Utc};
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

use super::pages::{output_path, Job};
use super::view::Views;
use crate::context::BuildContext;
use crate::error::Result;
use crate::output::{put_buffered, OutputFile, Sink};

/// Writes the sitemap to `sink` as it is made (at 100,000 incidents it is megabytes).
pub fn render_sitemap(ctx: &BuildContext, views: &Views, jobs: &[Job], sink: &Sink) -> Result<()> {
    let now = ctx.now();
    let changes: Vec<Option<DateTime<Utc>>> = ctx.site.incidents.iter().map(|i| i.last_change(now)).collect();
    let site_change = changes.iter().flatten().max().copied();
    let mut entries: BTreeMap<String, Entry> = BTreeMap::new();
    for &job in jobs {
        let lastmod = match job {
            // The embed frame is for other sites' iframes, not for search engines.
            Job::NotFound | Job::Embed => continue,
            Job::Index | Job::History(_) => site_change,
            Job::Incident(i) => changes[i],
            Job::Component(c, _) | Job::Uptime(c) => views
                .incidents_of(views.components[c].id)
                .iter()
                .filter_map(|&i| changes[i])
                .max(),
            Job::Page(_) | Job::Subscribe => None,
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
    put_buffered(sink, "sitemap.xml", |out| {
        write_sitemap(out, ctx.is_multilingual(), &entries)
    })
}

/// The sitemap's XML, one `<url>` a line, written to `out`.
fn write_sitemap(
    out: &mut impl Write,
    multilingual: bool,
    entries: &BTreeMap<String, Entry>,
) -> std::io::Result<()> {
    let mut w = Writer::new(out);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.write_event(Event::Text(BytesText::from_escaped("\n")))?;
    let mut urlset = BytesStart::new("urlset");
    urlset.push_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"));
    // The xhtml namespace (for each page's other languages) only where there are any, so
    // a one-language sitemap stays as it was.
    if multilingual {
        urlset.push_attribute(("xmlns:xhtml", "http://www.w3.org/1999/xhtml"));
    }
    w.write_event(Event::Start(urlset))?;
    w.write_event(Event::Text(BytesText::from_escaped("\n")))?;
    for (url, entry) in entries {
        w.write_event(Event::Text(BytesText::from_escaped("  ")))?;
        w.create_element("url").write_inner_content(|w| {
            w.create_element("loc").write_text_content(BytesText::new(url))?;
            if let Some(t) = entry.lastmod {
                let at = t.format("%Y-%m-%dT%H:%M:%SZ").to_string();
                w.create_element("lastmod")
                    .write_text_content(BytesText::new(&at))?;
            }
            for (code, href) in &entry.alternates {
                w.create_element("xhtml:link")
                    .with_attributes([("rel", "alternate"), ("hreflang", code), ("href", href.as_str())])
                    .write_empty()?;
            }
            Ok(())
        })?;
        w.write_event(Event::Text(BytesText::from_escaped("\n")))?;
    }
    w.write_event(Event::End(BytesEnd::new("urlset")))?;
    w.write_event(Event::Text(BytesText::from_escaped("\n")))?;
    Ok(())
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
