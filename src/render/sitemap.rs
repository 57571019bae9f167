//! `sitemap.xml` (every HTML page but 404 in every language, absolute URLs, `lastmod` from the
//! content, each page's other languages as `xhtml:link` alternates) and `robots.txt` pointing
//! at it. Deterministic: sorted by URL, no clock.

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
    let lastmod = |job: Job| match job {
        Job::Index | Job::History(_) => site_change,
        Job::Incident(i) => changes[i],
        Job::Component(c, _) | Job::Uptime(c) => views
            .incidents_of(views.components[c].id)
            .iter()
            .filter_map(|&i| changes[i])
            .max(),
        Job::Page(_) | Job::Subscribe | Job::NotFound | Job::Embed => None,
    };
    // The embed frame is for other sites' iframes, not for search engines.
    let listed = |job: &Job| !matches!(job, Job::NotFound | Job::Embed);
    let page = |job: Job| {
        let mut path = output_path(ctx, views, job);
        if path.ends_with("index.html") {
            path.truncate(path.len() - "index.html".len());
        }
        path
    };
    // Every edition has every page; each language's URL is an entry of its own. Only the URL
    // and its page's index are held: the rest is made as the entry is written.
    let languages = &ctx.site.config.languages;
    let mut entries: Vec<Entry> = Vec::with_capacity(jobs.len() * languages.len());
    for (job, &kind) in jobs.iter().enumerate().filter(|(_, job)| listed(job)) {
        let page = page(kind);
        for code in languages {
            entries.push(Entry {
                url: ctx.absolute_url_in(code, &page).into(),
                job,
            });
        }
    }
    // By URL; of two entries with one URL, the later made counts (a stable sort keeps them
    // in that order).
    entries.sort_by(|a, b| a.url.cmp(&b.url));
    entries.dedup_by(|later, earlier| {
        let same = later.url == earlier.url;
        if same {
            std::mem::swap(later, earlier);
        }
        same
    });
    let multilingual = ctx.is_multilingual();
    put_buffered(sink, "sitemap.xml", |out| {
        write_sitemap(out, multilingual, &entries, |entry| {
            let job = jobs[entry.job];
            let alternates = match multilingual {
                // As Google reads `xhtml:link` alternates: every language, itself too.
                true => {
                    let page = page(job);
                    languages
                        .iter()
                        .map(|code| (code.as_str(), ctx.absolute_url_in(code, &page)))
                        .collect()
                }
                false => Vec::new(),
            };
            (lastmod(job), alternates)
        })
    })
}

/// The sitemap's XML, one `<url>` a line, written to `out`; `about` gives each entry's last
/// change and its page in every language.
fn write_sitemap<'a>(
    out: &mut impl Write,
    multilingual: bool,
    entries: &[Entry],
    about: impl Fn(&Entry) -> (Option<DateTime<Utc>>, Vec<(&'a str, String)>),
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
    for entry in entries {
        let (lastmod, alternates) = about(entry);
        w.write_event(Event::Text(BytesText::from_escaped("  ")))?;
        w.create_element("url").write_inner_content(|w| {
            w.create_element("loc")
                .write_text_content(BytesText::new(&entry.url))?;
            if let Some(t) = lastmod {
                let at = t.format("%Y-%m-%dT%H:%M:%SZ").to_string();
                w.create_element("lastmod")
                    .write_text_content(BytesText::new(&at))?;
            }
            for (code, href) in &alternates {
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

/// One `<url>` of the sitemap: a page (by its index in the jobs) in one language, at its URL.
struct Entry {
    url: Box<str>,
    job: usize,
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
