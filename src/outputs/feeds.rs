//! `feed.xml` (RSS 2.0), `atom.xml` (Atom 1.0) and `components/<id>/feed.xml` (RSS of what
//! touched one component). Links to these feeds from the HTML pages are the renderer's job.
//!
//! Items are incidents and maintenance windows (upcoming ones too: they are announced), newest
//! change first, ties by slug, at most `[feeds] limit`. An item's guid / id is its permalink,
//! which never changes when an update is added or `now` moves; its date (RSS `pubDate`, Atom
//! `updated`) is the last change, so a new update brings it back to the top of a reader.
//!
//! `updates/feed.xml` (RSS) and `updates/atom.xml` (Atom) carry one item per update instead:
//! every update of every incident and window, each with an id of its own that never changes
//! (the permalink, `#update-` and the update's UTC time), so a reader shows "Identified",
//! "Monitoring" and "Resolved" as news as they come. See [`update_items`].
//!
//! A feed whose inputs (see [`inputs_of`]) are those the output folder recorded for it is not
//! rendered again: an edit of one incident renders the feeds it is an item of, before the edit
//! or after it, and no other.
//!
//! Written with quick-xml's writer rather than the `rss` / `atom_syndication` crates: it is
//! already in the dependency tree, escapes every text and attribute, and lets the element order
//! be fixed here, so output is byte-for-byte deterministic.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::io;

use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;
use xxhash_rust::xxh3::Xxh3;

use super::published::{
    first_published, format_local, headline_severity, labelled_title, last_change, newest_first, permalink,
    rfc3339, xml_safe,
};
use crate::config::Component;
use crate::content::{Incident, Severity, UpdateStatus};
use crate::context::BuildContext;
use crate::error::{Error, Result};
use crate::markdown::render_markdown;
use crate::output::{OutputFile, Sink, UPDATES_ATOM, UPDATES_RSS};

const ATOM_NS: &str = "http://www.w3.org/2005/Atom";

/// Which items a feed carries, and how it names itself.
struct Channel<'a> {
    /// Output path, also the tail of the `rel="self"` URL.
    path: String,
    title: String,
    description: String,
    /// The HTML page the feed stands for, relative to the site root.
    page: String,
    /// Items for one component only, titled with that component's severity.
    component: Option<&'a Component>,
}

pub fn render(ctx: &BuildContext, out: &Sink) -> Result<()> {
    let feeds = Feeds {
        newest: newest_first(&ctx.site.incidents, ctx.now()),
        bodies: RefCell::new(HashMap::new()),
    };
    let shared = shared_inputs(ctx);
    let config = &ctx.site.config;
    let i18n = &ctx.i18n;
    let description = if config.description.trim().is_empty() {
        i18n.format1("feed-description", "site", config.title.as_str())
    } else {
        config.description.clone()
    };
    let site_channel = Channel {
        path: "feed.xml".into(),
        title: config.title.clone(),
        description: description.clone(),
        page: String::new(),
        component: None,
    };
    let items = feeds.items(ctx, None);
    let inputs = |path: &str| inputs_of(shared, path, items.iter().map(|i| (*i, "")));
    put_feed(out, "feed.xml", inputs("feed.xml"), || {
        render_rss(ctx, &feeds, &site_channel, &items)
    })?;
    put_feed(out, "atom.xml", inputs("atom.xml"), || {
        render_atom(ctx, &feeds, &description, &items)
    })?;
    for component in &config.components {
        let channel = Channel {
            path: format!("components/{}/feed.xml", component.id),
            title: format!("{}: {}", config.title, component.name),
            description: if component.description.trim().is_empty() {
                i18n.format1("feed-component-description", "component", component.name.as_str())
            } else {
                component.description.clone()
            },
            page: format!("components/{}/", component.id),
            component: Some(component),
        };
        let items = feeds.items(ctx, Some(component));
        let inputs = inputs_of(shared, &channel.path, items.iter().map(|i| (*i, "")));
        put_feed(out, &channel.path, inputs, || {
            render_rss(ctx, &feeds, &channel, &items)
        })?;
    }
    let items = update_items(ctx);
    let updates = UpdatesFeed {
        title: i18n.format1("feed-updates-title", "site", config.title.as_str()),
        description: i18n.format1("feed-updates-description", "site", config.title.as_str()),
        items: &items,
    };
    for (path, render) in [
        (UPDATES_RSS, render_updates_rss as UpdatesRenderer),
        (UPDATES_ATOM, render_updates_atom),
    ] {
        let inputs = inputs_of(shared, path, items.iter().map(|i| (i.incident, i.id.as_str())));
        put_feed(out, path, inputs, || render(ctx, &updates))?;
    }
    Ok(())
}

/// Hands `out` the feed at `path`, made by `make` unless the output already holds the feed
/// made from the same `inputs` (see [`Output::unchanged`]).
fn put_feed(out: &Sink, path: &str, inputs: u128, make: impl FnOnce() -> io::Result<Vec<u8>>) -> Result<()> {
    if out.unchanged(path, inputs)? {
        return Ok(());
    }
    let bytes = make().map_err(|e| Error::io(path, e))?;
    out.put_made_from(OutputFile::new(path, bytes), inputs)
}

/// A hash of what every feed of this edition is made from besides its items: this program
/// (another build of beacon may write otherwise) and the context's
/// [`fingerprint`](BuildContext::fingerprint).
fn shared_inputs(ctx: &BuildContext) -> u128 {
    let mut h = Xxh3::new();
    crate::content::cache::program().hash(&mut h);
    h.write_u128(ctx.fingerprint());
    h.digest128()
}

/// A hash of what the feed at `path` is made from: `shared`, then each item in order, its
/// incident whole and its id (empty where the incident is the item).
fn inputs_of<'a>(shared: u128, path: &str, items: impl Iterator<Item = (&'a Incident, &'a str)>) -> u128 {
    let mut h = Xxh3::new();
    h.write_u128(shared);
    path.hash(&mut h);
    for (incident, id) in items {
        incident.hash(&mut h);
        id.hash(&mut h);
    }
    h.digest128()
}

type UpdatesRenderer = fn(&BuildContext, &UpdatesFeed) -> io::Result<Vec<u8>>;

struct UpdatesFeed<'a> {
    title: String,
    description: String,
    items: &'a [UpdateItem<'a>],
}

/// One item of the per-update feeds: an update, or the opening of an incident written
/// without any update (so none is missing).
struct UpdateItem<'a> {
    incident: &'a Incident,
    at: chrono::DateTime<chrono::Utc>,
    /// `None` for the opening of an incident without updates.
    status: Option<UpdateStatus>,
    text: &'a str,
    /// Stable and unique: `<permalink>#update-<UTC time>`, `-2`, `-3`... for updates of one
    /// incident at the same second, `#start` for an opening.
    id: String,
}

/// A published update found for the updates feed: its incident, which update (`None`: the
/// opening of an incident without any) and when.
type Found<'a> = (&'a Incident, Option<usize>, chrono::DateTime<chrono::Utc>);

/// Every update published by `now`, newest first (ties by slug, then by id, last first), at
/// most `[feeds] limit`.
fn update_items<'a>(ctx: &BuildContext<'a>) -> Vec<UpdateItem<'a>> {
    let now = ctx.now();
    let limit = ctx.site.config.feed_limit;
    // Every published update by time and incident first; an id is made only for those that
    // can make the feed.
    let mut found: Vec<Found> = Vec::new();
    for incident in &ctx.site.incidents {
        if incident.updates.is_empty() {
            if incident.start <= now && !incident.is_maintenance() {
                found.push((incident, None, incident.start));
            }
            continue;
        }
        let published = incident.updates.iter().enumerate().filter(|(_, u)| u.at <= now);
        found.extend(published.map(|(n, u)| (incident, Some(n), u.at)));
    }
    let by_time_and_incident = |a: &Found, b: &Found| b.2.cmp(&a.2).then_with(|| a.0.slug.cmp(&b.0.slug));
    found.sort_by(by_time_and_incident);
    // The first `limit`, and those tied with the last of them, whom the id orders.
    if let Some(last) = limit.checked_sub(1).and_then(|n| found.get(n)).copied() {
        let tied = found[limit..]
            .iter()
            .take_while(|f| by_time_and_incident(f, &last).is_eq())
            .count();
        found.truncate(limit + tied);
    }
    let mut items: Vec<UpdateItem> = found
        .into_iter()
        .map(|(incident, update, at)| {
            let link = permalink(ctx, incident);
            let Some(n) = update else {
                return UpdateItem {
                    incident,
                    at,
                    status: None,
                    text: "",
                    id: format!("{link}#start"),
                };
            };
            let update = &incident.updates[n];
            // `-2`, `-3`... for the second, third update of the incident at the same second.
            let second = at.timestamp();
            let same = incident.updates[..=n]
                .iter()
                .filter(|u| u.at.timestamp() == second)
                .count();
            let suffix = if same == 1 {
                String::new()
            } else {
                format!("-{same}")
            };
            UpdateItem {
                incident,
                at,
                status: Some(update.status),
                text: &update.text,
                id: format!("{link}#update-{}{suffix}", at.format("%Y%m%dT%H%M%SZ")),
            }
        })
        .collect();
    items.sort_by(|a, b| {
        b.at.cmp(&a.at)
            .then_with(|| a.incident.slug.cmp(&b.incident.slug))
            .then_with(|| b.id.cmp(&a.id))
    });
    items.truncate(limit);
    items
}

/// "[Resolved] Email unavailable", or the severity for an opening.
fn update_title(ctx: &BuildContext, item: &UpdateItem) -> String {
    let label = match item.status {
        Some(status) => ctx.i18n.update(status),
        None => ctx.i18n.severity(headline_severity(item.incident)),
    };
    ctx.i18n.format(
        "feed-item-title",
        &[
            ("label", label.into()),
            ("title", item.incident.title.as_str().into()),
        ],
    )
}

/// The update's HTML: its status, time and the incident's severity and components, then its
/// text.
fn update_html(ctx: &BuildContext, item: &UpdateItem) -> String {
    let i18n = &ctx.i18n;
    let esc = |s: &str| quick_xml::escape::partial_escape(s).into_owned();
    let kind = if item.incident.is_maintenance() {
        i18n.text("status-maintenance")
    } else {
        i18n.severity(headline_severity(item.incident))
    };
    let mut out = format!(
        "<p><strong>{}</strong> · {}</p>\n<p><time datetime=\"{}\">{}</time></p>\n",
        esc(kind),
        i18n.format_html(
            "affects",
            &[(
                "components_html",
                esc(&component_names(ctx, item.incident).join(", "))
            )]
        ),
        rfc3339(item.at),
        esc(&format_local(i18n, item.at, ctx.site.config.timezone)),
    );
    if !item.text.trim().is_empty() {
        out.push_str(&format!(
            "<p>{}</p>\n",
            esc(item.text.trim()).replace('\n', "<br>")
        ));
    }
    out
}

/// An RSS channel's head: its title, page, description, language, build date, self link and
/// WebSub hubs (where readers may subscribe to the pings `beacon notify` sends).
fn rss_head(
    w: &mut Writer<Vec<u8>>,
    ctx: &BuildContext,
    title: &str,
    page: &str,
    description: &str,
    self_path: &str,
) -> io::Result<()> {
    text(w, "title", title)?;
    text(w, "link", &ctx.absolute_url(page))?;
    // RSS readers render a description as HTML: the config's plain text is escaped as HTML
    // here, and then as XML by `text`.
    text(w, "description", &quick_xml::escape::escape(description))?;
    text(w, "language", ctx.i18n.tag())?;
    text(w, "lastBuildDate", &ctx.now().to_rfc2822())?;
    text(w, "generator", "beacon")?;
    w.create_element("atom:link")
        .with_attributes([
            ("href", ctx.absolute_url(self_path).as_str()),
            ("rel", "self"),
            ("type", "application/rss+xml"),
        ])
        .write_empty()?;
    for hub in ctx.site.config.websub_hubs() {
        w.create_element("atom:link")
            .with_attributes([("href", hub), ("rel", "hub")])
            .write_empty()?;
    }
    Ok(())
}

/// An Atom feed's head: its id (the feed's own URL), title, subtitle, update time, links (self,
/// WebSub hubs, the site) and author.
fn atom_head(
    w: &mut Writer<Vec<u8>>,
    ctx: &BuildContext,
    self_url: &str,
    title: &str,
    subtitle: &str,
) -> io::Result<()> {
    text(w, "id", self_url)?;
    text(w, "title", title)?;
    text(w, "subtitle", subtitle)?;
    text(w, "updated", &rfc3339(ctx.now()))?;
    link(w, "self", "application/atom+xml", self_url)?;
    for hub in ctx.site.config.websub_hubs() {
        w.create_element("link")
            .with_attributes([("rel", "hub"), ("href", hub)])
            .write_empty()?;
    }
    link(w, "alternate", "text/html", &ctx.absolute_url(""))?;
    w.create_element("author").write_inner_content(|w| {
        text(w, "name", &ctx.site.config.title)?;
        text(w, "uri", &ctx.absolute_url(""))?;
        Ok(())
    })?;
    text(w, "generator", "beacon")
}

fn render_updates_rss(ctx: &BuildContext, feed: &UpdatesFeed) -> io::Result<Vec<u8>> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("rss")
        .with_attributes([("version", "2.0"), ("xmlns:atom", ATOM_NS)])
        .write_inner_content(|w| {
            w.create_element("channel").write_inner_content(|w| {
                rss_head(w, ctx, &feed.title, "", &feed.description, UPDATES_RSS)?;
                for item in feed.items {
                    w.create_element("item").write_inner_content(|w| {
                        text(w, "title", &update_title(ctx, item))?;
                        text(w, "link", &permalink(ctx, item.incident))?;
                        w.create_element("guid")
                            .with_attribute(("isPermaLink", "false"))
                            .write_text_content(BytesText::new(&xml_safe(&item.id)))?;
                        text(w, "pubDate", &item.at.to_rfc2822())?;
                        for name in component_names(ctx, item.incident) {
                            text(w, "category", &name)?;
                        }
                        text(w, "description", &update_html(ctx, item))?;
                        Ok(())
                    })?;
                }
                Ok(())
            })?;
            Ok(())
        })?;
    Ok(finish(w))
}

fn render_updates_atom(ctx: &BuildContext, feed: &UpdatesFeed) -> io::Result<Vec<u8>> {
    let self_url = ctx.absolute_url(UPDATES_ATOM);
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("feed")
        .with_attributes([("xmlns", ATOM_NS), ("xml:lang", ctx.i18n.tag())])
        .write_inner_content(|w| {
            atom_head(w, ctx, &self_url, &feed.title, &feed.description)?;
            for item in feed.items {
                w.create_element("entry").write_inner_content(|w| {
                    text(w, "id", &item.id)?;
                    text(w, "title", &update_title(ctx, item))?;
                    text(w, "published", &rfc3339(item.at))?;
                    text(w, "updated", &rfc3339(item.at))?;
                    link(w, "alternate", "text/html", &permalink(ctx, item.incident))?;
                    for id in &item.incident.components {
                        let label = component_name(ctx, id);
                        w.create_element("category")
                            .with_attributes([("term", id.as_str()), ("label", xml_safe(&label).as_ref())])
                            .write_empty()?;
                    }
                    w.create_element("content")
                        .with_attribute(("type", "html"))
                        .write_text_content(BytesText::new(&xml_safe(&update_html(ctx, item))))?;
                    Ok(())
                })?;
            }
            Ok(())
        })?;
    Ok(finish(w))
}

/// What every feed of one build shares: the incidents newest change first, sorted once, and
/// each item's rendered body (an incident is an item of several feeds).
struct Feeds<'a> {
    newest: Vec<&'a Incident>,
    bodies: RefCell<HashMap<&'a str, String>>,
}

impl<'a> Feeds<'a> {
    /// The items of a feed: newest change first, at most the configured limit.
    fn items(&self, ctx: &BuildContext, component: Option<&Component>) -> Vec<&'a Incident> {
        self.newest
            .iter()
            .copied()
            .filter(|i| component.is_none_or(|c| i.components.contains(&c.id)))
            .take(ctx.site.config.feed_limit)
            .collect()
    }

    /// The incident's body as sanitised HTML, rendered once per build.
    fn body(&self, ctx: &BuildContext, incident: &'a Incident) -> String {
        self.bodies
            .borrow_mut()
            .entry(&incident.slug)
            .or_insert_with(|| render_markdown(&incident.body, ctx.site.config.unsafe_html))
            .clone()
    }
}

fn render_rss<'a>(
    ctx: &BuildContext,
    feeds: &Feeds<'a>,
    channel: &Channel,
    items: &[&'a Incident],
) -> io::Result<Vec<u8>> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("rss")
        .with_attributes([("version", "2.0"), ("xmlns:atom", ATOM_NS)])
        .write_inner_content(|w| {
            w.create_element("channel").write_inner_content(|w| {
                rss_head(
                    w,
                    ctx,
                    &channel.title,
                    &channel.page,
                    &channel.description,
                    &channel.path,
                )?;
                for incident in items.iter().copied() {
                    let severity = match channel.component {
                        Some(c) => incident.severity_for(&c.id),
                        None => headline_severity(incident),
                    };
                    w.create_element("item").write_inner_content(|w| {
                        let link = permalink(ctx, incident);
                        text(w, "title", &labelled_title(&ctx.i18n, incident, severity))?;
                        text(w, "link", &link)?;
                        w.create_element("guid")
                            .with_attribute(("isPermaLink", "true"))
                            .write_text_content(BytesText::new(&link))?;
                        text(w, "pubDate", &last_change(incident, ctx.now()).to_rfc2822())?;
                        for name in component_names(ctx, incident) {
                            text(w, "category", &name)?;
                        }
                        text(w, "description", &item_html(ctx, feeds, incident, severity))?;
                        Ok(())
                    })?;
                }
                Ok(())
            })?;
            Ok(())
        })?;
    Ok(finish(w))
}

fn render_atom<'a>(
    ctx: &BuildContext,
    feeds: &Feeds<'a>,
    description: &str,
    items: &[&'a Incident],
) -> io::Result<Vec<u8>> {
    let config = &ctx.site.config;
    let now = ctx.now();
    let self_url = ctx.absolute_url("atom.xml");
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("feed")
        .with_attributes([("xmlns", ATOM_NS), ("xml:lang", ctx.i18n.tag())])
        .write_inner_content(|w| {
            atom_head(w, ctx, &self_url, &config.title, description)?;
            for incident in items.iter().copied() {
                let severity = headline_severity(incident);
                w.create_element("entry").write_inner_content(|w| {
                    let url = permalink(ctx, incident);
                    text(w, "id", &url)?;
                    text(w, "title", &labelled_title(&ctx.i18n, incident, severity))?;
                    text(w, "published", &rfc3339(first_published(incident, now)))?;
                    text(w, "updated", &rfc3339(last_change(incident, now)))?;
                    link(w, "alternate", "text/html", &url)?;
                    for id in &incident.components {
                        let label = component_name(ctx, id);
                        w.create_element("category")
                            .with_attributes([("term", id.as_str()), ("label", xml_safe(&label).as_ref())])
                            .write_empty()?;
                    }
                    w.create_element("content")
                        .with_attribute(("type", "html"))
                        .write_text_content(BytesText::new(&xml_safe(&item_html(
                            ctx, feeds, incident, severity,
                        ))))?;
                    Ok(())
                })?;
            }
            Ok(())
        })?;
    Ok(finish(w))
}

/// `<name>text</name>`, the text escaped and cleared of characters XML cannot hold. What a
/// reader takes the text for decides what the caller passes: plain text for titles and
/// categories (RSS readers and Atom `type="text"` show them as written), HTML for RSS
/// descriptions and Atom `type="html"` content.
fn text(w: &mut Writer<Vec<u8>>, name: &str, value: &str) -> io::Result<()> {
    w.create_element(name)
        .write_text_content(BytesText::new(&xml_safe(value)))?;
    Ok(())
}

fn link(w: &mut Writer<Vec<u8>>, rel: &str, kind: &str, href: &str) -> io::Result<()> {
    w.create_element("link")
        .with_attributes([("rel", rel), ("type", kind), ("href", href)])
        .write_empty()?;
    Ok(())
}

fn finish(w: Writer<Vec<u8>>) -> Vec<u8> {
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    bytes
}

fn component_name(ctx: &BuildContext, id: &str) -> String {
    ctx.site
        .config
        .component(id)
        .map_or_else(|| id.to_string(), |c| c.name.clone())
}

fn component_names(ctx: &BuildContext, incident: &Incident) -> Vec<String> {
    incident
        .components
        .iter()
        .map(|id| component_name(ctx, id))
        .collect()
}

/// The item's HTML content: what, which components, when, the whole timeline (newest first,
/// as on the incident page) and the Markdown body. Every piece of content is escaped here; the
/// body goes through the same sanitiser as the page.
fn item_html<'a>(
    ctx: &BuildContext,
    feeds: &Feeds<'a>,
    incident: &'a Incident,
    severity: Severity,
) -> String {
    let i18n = &ctx.i18n;
    let tz = ctx.site.config.timezone;
    let esc = |s: &str| quick_xml::escape::partial_escape(s).into_owned();
    let when = |t| {
        format!(
            "<time datetime=\"{}\">{}</time>",
            rfc3339(t),
            esc(&format_local(i18n, t, tz))
        )
    };
    let html = |id: &str, args: &[(&str, String)]| i18n.format_html(id, args);
    let mut out = String::new();
    let kind = if incident.is_maintenance() {
        i18n.text("status-maintenance")
    } else {
        i18n.severity(severity)
    };
    out.push_str(&format!(
        "<p><strong>{}</strong> · {}</p>\n",
        esc(kind),
        html(
            "affects",
            &[("components_html", esc(&component_names(ctx, incident).join(", ")))]
        )
    ));
    if incident.is_maintenance() {
        let line = match incident.end {
            Some(end) => html(
                "feed-scheduled-until",
                &[("start_html", when(incident.start)), ("end_html", when(end))],
            ),
            None => html("feed-scheduled", &[("start_html", when(incident.start))]),
        };
        out.push_str(&format!("<p>{line}</p>\n"));
    } else {
        let end = match incident.end {
            Some(end) => html("feed-resolved", &[("end_html", when(end))]),
            None => esc(i18n.text("phase-ongoing")),
        };
        out.push_str(&format!(
            "<p>{}<br>{end}</p>\n",
            html("feed-started", &[("start_html", when(incident.start))])
        ));
    }
    if !incident.updates.is_empty() {
        out.push_str(&format!("<h3>{}</h3>\n<ul>\n", esc(i18n.text("feed-timeline"))));
        for update in incident.updates.iter().rev() {
            out.push_str(&format!(
                "<li><strong>{}</strong> · {}<br>{}</li>\n",
                esc(i18n.update(update.status)),
                when(update.at),
                esc(update.text.trim()).replace('\n', "<br>")
            ));
        }
        out.push_str("</ul>\n");
    }
    if !incident.body.trim().is_empty() {
        out.push_str(&feeds.body(ctx, incident));
    }
    out
}
