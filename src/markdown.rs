//! Markdown to HTML: CommonMark plus tables, footnotes, strikethrough and task lists, headings
//! with anchor ids, and raw HTML sanitised unless the site allows it. `&str` in, `String` out.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

/// Renders `markdown` to HTML. With `unsafe_html` false, scripts, event handlers, `javascript:`
/// links and every other unsafe construct are removed (ammonia), while the markup Markdown itself
/// produces (tables, task-list checkboxes, heading ids, footnotes) is kept.
pub fn render_markdown(markdown: &str, unsafe_html: bool) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let events: Vec<Event> = Parser::new_ext(markdown, options).collect();
    let events = with_heading_ids(events);
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if unsafe_html {
        html
    } else {
        sanitise(&html)
    }
}

/// Gives every heading without an explicit `{#id}` an id made from its text, unique in the
/// document, so sections can be linked to.
fn with_heading_ids(mut events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut used: BTreeSet<String> = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { id: Some(id), .. }) => Some(id.to_string()),
            _ => None,
        })
        .collect();
    for i in 0..events.len() {
        if !matches!(&events[i], Event::Start(Tag::Heading { id: None, .. })) {
            continue;
        }
        let mut text = String::new();
        for e in &events[i + 1..] {
            match e {
                Event::End(TagEnd::Heading(_)) => break,
                Event::Text(t) | Event::Code(t) => text.push_str(t),
                _ => {}
            }
        }
        let base = match anchor(&text) {
            a if a.is_empty() => "section".to_string(),
            a => a,
        };
        let mut id = base.clone();
        let mut n = 1;
        while !used.insert(id.clone()) {
            n += 1;
            id = format!("{base}-{n}");
        }
        if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i] {
            *slot = Some(CowStr::from(id));
        }
    }
    events
}

/// Lowercase letters and digits of any script, words joined by `-`.
fn anchor(text: &str) -> String {
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

fn sanitise(html: &str) -> String {
    // Building the policy allocates a few dozen sets; build it once per process, not per body.
    static POLICY: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    POLICY
        .get_or_init(|| {
            let mut policy = ammonia::Builder::default();
            policy
                .add_tags(["input"])
                .add_tag_attributes("input", ["type", "checked", "disabled"])
                .add_generic_attributes(["id", "align", "class"])
                .id_prefix(None);
            policy
        })
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_handlers_and_javascript_links_are_removed() {
        let html = render_markdown(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> [a](javascript:alert(1)) <a href=\"javascript:x\">b</a>",
            false,
        );
        for bad in ["<script", "onerror", "javascript:"] {
            assert!(!html.contains(bad), "{bad} left in {html}");
        }
    }

    #[test]
    fn unsafe_html_lets_raw_html_through() {
        assert!(render_markdown("<aside>x</aside>", true).contains("<aside>"));
    }

    #[test]
    fn extensions_and_heading_anchors_render() {
        let html = render_markdown(
            "## Root cause\n\n## Root cause\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~\n\n- [x] done\n\nNote[^1]\n\n[^1]: Foot.\n",
            false,
        );
        assert!(html.contains("<h2 id=\"root-cause\">"), "{html}");
        assert!(html.contains("<h2 id=\"root-cause-2\">"), "{html}");
        assert!(
            html.contains("<table>") && html.contains("<del>old</del>"),
            "{html}"
        );
        assert!(html.contains("footnote-definition"), "{html}");
        assert!(html.contains("checkbox"), "{html}");
    }
}
