//! Markdown to HTML: CommonMark plus tables, footnotes, strikethrough and task lists, headings
//! with anchor ids, and raw HTML sanitised unless the site allows it. `&str` in, `String` out.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

use pulldown_cmark::{Alignment, CowStr, Event, Options, Parser, Tag, TagEnd};

const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_HEADING_ATTRIBUTES);

/// Renders `markdown` to HTML. With `unsafe_html` false, scripts, event handlers, `javascript:`
/// links and every other unsafe construct are removed (ammonia), while the markup Markdown itself
/// produces (tables, task-list checkboxes, heading ids, footnotes) is kept.
///
/// Most write-ups are plain Markdown, whose HTML pulldown-cmark escapes itself; sending those
/// through ammonia (an HTML parse and re-serialisation, about a tenth of a build) changes
/// nothing but spelling. So ammonia sees a body only when [`needs_sanitising`] finds something
/// that could carry script or style.
pub fn render_markdown(markdown: &str, unsafe_html: bool) -> String {
    if markdown.len() < SHARED_FROM {
        return render_uncached(markdown, unsafe_html);
    }
    // A long body is rendered once and shared: a site in four languages renders an
    // untranslated body for each edition's page and feed, eight times; for a megabyte of
    // Markdown that was most of the build. Keyed by the text's SHA-256, so the HTML is exactly
    // what rendering would give; at most SHARED_KEPT bodies are kept.
    use sha2::Digest;
    type Shared = Mutex<HashMap<([u8; 32], bool), Arc<String>>>;
    static SHARED: OnceLock<Shared> = OnceLock::new();
    let shared = SHARED.get_or_init(Shared::default);
    let key = (sha2::Sha256::digest(markdown.as_bytes()).into(), unsafe_html);
    if let Some(html) = shared.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
        return String::clone(html);
    }
    let html = render_uncached(markdown, unsafe_html);
    let mut kept = shared.lock().unwrap_or_else(|e| e.into_inner());
    if kept.len() >= SHARED_KEPT {
        kept.clear();
    }
    kept.insert(key, Arc::new(html.clone()));
    html
}

/// Bodies at least this long (bytes) are rendered once per process ([`render_markdown`]).
const SHARED_FROM: usize = 64 * 1024;
/// How many long bodies' HTML is kept at most.
const SHARED_KEPT: usize = 16;

fn render_uncached(markdown: &str, unsafe_html: bool) -> String {
    let events: Vec<Event> = Parser::new_ext(markdown, OPTIONS).collect();
    let events = with_heading_ids(events);
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    let sanitise_after = !unsafe_html && needs_sanitising(&events);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if sanitise_after {
        sanitise(&html)
    } else if unsafe_html {
        html
    } else {
        // Void elements as ammonia writes them (`<br>`, not `<br />`), so a body reads the same
        // whichever way it went. Without raw HTML, every `/>` closes a tag pulldown-cmark made:
        // it writes `>` in text and attribute values as `&gt;` or `%3E`. Most bodies have
        // no void element: they are kept as they are, not copied twice.
        if html.contains("/>") {
            html.replace(" />", ">").replace("/>", ">")
        } else {
            html
        }
    }
}

/// Whether pulldown-cmark's HTML for `events` could hold anything ammonia would remove: raw
/// HTML, a heading attribute other than its id and classes, a table alignment (a `style`
/// attribute), or a link or image whose URL names a scheme other than http, https or mailto.
/// Errs towards yes: any other `:` in a URL sends the body to ammonia.
fn needs_sanitising(events: &[Event]) -> bool {
    let unsafe_url = |url: &str| {
        let lower = url.to_ascii_lowercase();
        url.contains(':')
            && !["http://", "https://", "mailto:"]
                .iter()
                .any(|s| lower.starts_with(s))
    };
    events.iter().any(|event| match event {
        Event::Html(_) | Event::InlineHtml(_) => true,
        Event::Start(Tag::Heading { attrs, .. }) => !attrs.is_empty(),
        Event::Start(Tag::Table(alignments)) => alignments.iter().any(|a| *a != Alignment::None),
        Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => unsafe_url(dest_url),
        _ => false,
    })
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
                .id_prefix(None)
                // Plain Markdown links skip ammonia (see `render_markdown`) and carry no `rel`;
                // links never open a new window, so `noopener` would change nothing either way.
                .link_rel(None);
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

    #[test]
    fn plain_markdown_skips_ammonia_and_reads_as_ammonia_would_write_it() {
        let plain = "# Title {#top .lead}\n\nSaid \"it's down\" & \\<not html>? 5 > 3\\\nline  \nbreak\n\n\
            - [x] done\n- [ ] to do\n\n1. one\n2. two\n\n> quoted *em* **strong** ~~old~~ `a<b`\n\n\
            ---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```rust\nlet x = \"<y>\";\n```\n\n\
            [rel](../x/?a=1&b=2#c \"T\") [abs](https://example.org/a_(b)) <https://example.org/> \
            <ops@example.org> [mail](mailto:ops@example.org) ![img](pic.png \"t\")\n\nNote[^1]\n\n[^1]: Foot.\n";
        let events: Vec<Event> = Parser::new_ext(plain, OPTIONS).collect();
        assert!(!needs_sanitising(&events), "the sample is plain Markdown");
        let mut raw = String::new();
        pulldown_cmark::html::push_html(&mut raw, with_heading_ids(events).into_iter());
        // ammonia writes `"` in text as is, pulldown-cmark as `&quot;`: the same text.
        assert_eq!(
            render_markdown(plain, false).replace("&quot;", "\""),
            sanitise(&raw).replace("&quot;", "\"")
        );
    }

    #[test]
    fn anything_that_could_carry_script_or_style_goes_through_ammonia() {
        for risky in [
            "<b onclick=alert(1)>raw</b>",
            "<div style=\"color: red\">\nblock\n</div>",
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](<javascript:alert(1)>)",
            "<javascript:alert(1)>",
            "![x](data:image/svg+xml,<svg onload=alert(1)>)",
            "[x](vbscript:msgbox)",
            "# Title {onclick=alert(1)}",
            "| a |\n|:-:|\n| 1 |",
        ] {
            let events: Vec<Event> = Parser::new_ext(risky, OPTIONS).collect();
            assert!(needs_sanitising(&events), "{risky:?}");
            let html = render_markdown(risky, false);
            for bad in [
                "href=\"javascript",
                "href=\"JaVaScRiPt",
                "href=\"vbscript",
                "src=\"data:",
                "onclick",
                "onload",
                "style=",
            ] {
                assert!(!html.contains(bad), "{bad} left in {html} from {risky:?}");
            }
        }
    }
}
