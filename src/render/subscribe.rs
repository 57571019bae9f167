//! The subscribe page (`subscribe/`) and the embed frame (`embed/`): every way to follow the
//! site (feeds, calendar, JSON API, badges, the embed, the operator's public channels), and a
//! tiny page of the current status for other sites to frame. Also the check of the
//! `[[channel]]` tables (kept as written by [`crate::config::public_channels`]), which `build`
//! and `check` both call.

use std::ops::Range;

use serde::Serialize;

use crate::config::Config;
use crate::context::BuildContext;
use crate::error::{closest, Diagnostic};

/// The kinds of public channel, and the URL scheme each must use.
const KINDS: &[(&str, &str)] = &[
    ("mastodon", "https"),
    ("bluesky", "https"),
    ("slack", "https"),
    ("matrix", "https"),
    ("telegram", "https"),
    ("discord", "https"),
    ("phone", "tel"),
    ("sms", "sms"),
    ("email", "mailto"),
    ("web", "https"),
];

/// One checked `[[channel]]` table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicChannel {
    /// One of [`KINDS`].
    pub kind: &'static str,
    pub name: String,
    pub url: String,
}

/// The config's `[[channel]]` tables, checked: a known `kind`, a non-empty `name`, and a URL
/// of the kind's scheme (`https://` with a host, `tel:`, `sms:` or `mailto:`), each listed once.
pub fn public_channels(config: &Config) -> Result<Vec<PublicChannel>, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut report = |span: Range<usize>, message: String| problems.push(config.diagnostic_at(span, message));
    let mut channels: Vec<PublicChannel> = Vec::with_capacity(config.channel.len());
    for table in &config.channel {
        let table = table.get_ref();
        let written = table.kind.get_ref().trim();
        let kind = KINDS.iter().find(|(k, _)| *k == written);
        if kind.is_none() {
            let hint = closest(written, KINDS.iter().map(|(k, _)| *k))
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            let known: Vec<&str> = KINDS.iter().map(|(k, _)| *k).collect();
            report(
                table.kind.span(),
                format!(
                    "unknown channel kind `{}`, expected one of {}{hint}",
                    written.escape_debug(),
                    known.join(", ")
                ),
            );
        }
        let name = table.name.get_ref().trim();
        if name.is_empty() {
            report(
                table.name.span(),
                "`name` is empty; give the account, room or number readers see".into(),
            );
        }
        let written = table.url.get_ref().trim();
        if let Some(&(kind, scheme)) = kind {
            let url = match check_url(written, scheme) {
                Ok(url) => url,
                Err(why) => {
                    report(table.url.span(), format!("`url` of a `{kind}` channel {why}"));
                    written.to_string()
                }
            };
            if channels.iter().any(|c| c.url == url) {
                report(table.url.span(), format!("`url` `{written}` is listed twice"));
            }
            channels.push(PublicChannel {
                kind,
                name: crate::config::author_text(name.to_string()),
                url,
            });
        }
    }
    if problems.is_empty() {
        Ok(channels)
    } else {
        Err(problems)
    }
}

/// Whether `url` is a URL of `scheme` a reader's browser or phone can open; if so, the URL as a
/// page may link to it: parsed and serialised (so spaces and the like are percent-encoded),
/// with any `#` inside the fragment written `%23` (`https://matrix.to/#/#room:example.org`,
/// which browsers follow but HTML does not allow in `href`).
fn check_url(url: &str, scheme: &str) -> Result<String, String> {
    let example = match scheme {
        "tel" => "\"tel:+1-555-0100\"",
        "sms" => "\"sms:+1-555-0100\"",
        "mailto" => "\"mailto:status@example.org\"",
        _ => "\"https://social.example.org/@status\"",
    };
    let expected = format!("must be a `{scheme}:` URL, like {example}");
    let parsed = url::Url::parse(url).map_err(|_| format!("`{}` {expected}", url.escape_debug()))?;
    if parsed.scheme() != scheme {
        return Err(format!("`{}` {expected}", url.escape_debug()));
    }
    let path = parsed.path();
    let fine = match scheme {
        "https" => parsed.host_str().is_some_and(|h| h.contains('.')),
        "tel" | "sms" => {
            path.bytes().filter(u8::is_ascii_digit).count() >= 3
                && path.bytes().all(|b| b.is_ascii_digit() || b"+-.()".contains(&b))
        }
        _ => path
            .split_once('@')
            .is_some_and(|(user, host)| !user.is_empty() && host.contains('.')),
    };
    if !fine {
        return Err(format!("`{}` {expected}", url.escape_debug()));
    }
    let serialised = parsed.as_str();
    Ok(match serialised.split_once('#') {
        Some((before, fragment)) => format!("{before}#{}", fragment.replace('#', "%23")),
        None => serialised.to_string(),
    })
}

/// A feed, in RSS and Atom.
#[derive(Serialize)]
struct FeedPair {
    label: String,
    rss: String,
    atom: String,
}

/// One component's feed.
#[derive(Serialize)]
struct ComponentFeed<'a> {
    name: &'a str,
    /// Relative to the edition's root.
    rss: String,
    /// The component's page.
    page: String,
}

/// One file of the JSON API: its path from the site root, and what it holds.
#[derive(Serialize)]
struct ApiFile {
    path: &'static str,
    label: String,
}

#[derive(Serialize)]
struct ChannelView<'a> {
    kind: &'static str,
    /// The service's name (a brand, the same in every language) or what it is, in words.
    kind_label: &'a str,
    name: &'a str,
    url: &'a str,
}

/// What subscribe.html receives as `subscribe`.
#[derive(Serialize)]
pub struct SubscribeView<'a> {
    feeds: Vec<FeedPair>,
    component_feeds: Vec<ComponentFeed<'a>>,
    /// `webcal://` address of this edition's calendar.
    webcal: String,
    /// `https://` address of the same file.
    ics: String,
    api: Vec<ApiFile>,
    /// The address of this edition's badge.
    badge: String,
    badge_markdown: String,
    badge_html: String,
    embed_script: String,
    embed_iframe: String,
    channels: Vec<ChannelView<'a>>,
}

/// The subscribe page of one edition; `channels` are the checked `[[channel]]` tables.
pub fn subscribe_view<'a>(ctx: &'a BuildContext, channels: &'a [PublicChannel]) -> SubscribeView<'a> {
    let i18n = &ctx.i18n;
    let config = &ctx.site.config;
    let feeds = vec![
        FeedPair {
            label: i18n.text("subscribe-feed-incidents").into(),
            rss: "feed.xml".into(),
            atom: "atom.xml".into(),
        },
        FeedPair {
            label: i18n.text("subscribe-feed-updates").into(),
            rss: crate::output::UPDATES_RSS.into(),
            atom: crate::output::UPDATES_ATOM.into(),
        },
    ];
    let component_feeds = config
        .components
        .iter()
        .map(|c| ComponentFeed {
            name: &c.name,
            rss: format!("components/{}/feed.xml", c.id),
            page: format!("components/{}/", c.id),
        })
        .collect();
    let ics = ctx.absolute_url("maintenance.ics");
    let webcal = match ics.split_once("://") {
        Some((_, rest)) => format!("webcal://{rest}"),
        None => ics.clone(),
    };
    let api = [
        ("api/v2/summary.json", "subscribe-api-summary"),
        ("api/v2/status.json", "subscribe-api-status"),
        ("api/v2/components.json", "subscribe-api-components"),
        ("api/v2/incidents/unresolved.json", "subscribe-api-unresolved"),
        ("api/v2/incidents.json", "subscribe-api-incidents"),
        ("api/v2/scheduled-maintenances.json", "subscribe-api-maintenance"),
        (crate::output::UPTIME_JSON, "subscribe-api-uptime"),
    ]
    .into_iter()
    .map(|(path, id)| ApiFile {
        path,
        label: i18n.text(id).into(),
    })
    .collect();
    let badge = ctx.absolute_url("badge.svg");
    let home = ctx.absolute_url("");
    let title = &config.title;
    let badge_markdown = format!("[![{}]({badge})]({home})", markdown_text(title));
    let badge_html = format!(
        "<a href=\"{home}\"><img src=\"{badge}\" alt=\"{}\"></a>",
        crate::escape::escape_html(title)
    );
    let embed_script = format!(
        "<script src=\"{}\" async></script>",
        ctx.absolute_url(crate::output::EMBED_JS)
    );
    let embed_iframe = format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"64\" style=\"border:0\"></iframe>",
        ctx.absolute_url("embed/"),
        crate::escape::escape_html(&i18n.format1("embed-frame-title", "site", title.as_str()))
    );
    let channels = channels
        .iter()
        .map(|c| ChannelView {
            kind: c.kind,
            kind_label: kind_label(ctx, c.kind),
            name: &c.name,
            url: &c.url,
        })
        .collect();
    SubscribeView {
        feeds,
        component_feeds,
        webcal,
        ics,
        api,
        badge,
        badge_markdown,
        badge_html,
        embed_script,
        embed_iframe,
        channels,
    }
}

/// A service's own name, or what the channel is in the reader's words.
fn kind_label<'a>(ctx: &'a BuildContext, kind: &'static str) -> &'a str {
    match kind {
        "mastodon" => "Mastodon",
        "bluesky" => "Bluesky",
        "slack" => "Slack",
        "matrix" => "Matrix",
        "telegram" => "Telegram",
        "discord" => "Discord",
        "phone" => ctx.i18n.text("channel-phone"),
        "sms" => ctx.i18n.text("channel-sms"),
        "email" => ctx.i18n.text("channel-email"),
        _ => ctx.i18n.text("channel-web"),
    }
}

/// Text for the inside of a Markdown link's brackets.
fn markdown_text(text: &str) -> String {
    text.replace('\\', "\\\\").replace('[', "\\[").replace(']', "\\]")
}

/// What embed.html receives as `embed`: the overall status, what is going on, and the page.
#[derive(Serialize)]
pub struct EmbedView<'a> {
    key: &'static str,
    banner: &'a str,
    /// The titles of what is going on now (ongoing incidents, maintenance in progress).
    happening: Vec<&'a str>,
}

pub fn embed_view<'a>(ctx: &'a BuildContext) -> EmbedView<'a> {
    let now = ctx.now();
    let overall = ctx.report.overall;
    let happening = ctx
        .site
        .incidents
        .iter()
        .rev()
        .filter(|i| {
            matches!(
                i.phase(now),
                crate::content::Phase::Ongoing | crate::content::Phase::InProgress
            )
        })
        .map(|i| i.title.as_str())
        .collect();
    EmbedView {
        key: overall.as_str(),
        banner: ctx.i18n.banner(overall),
        happening,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(tables: &str) -> Vec<(usize, usize, String)> {
        let source = format!("title = \"T\"\nbase_url = \"https://s.example.org/\"\n{tables}");
        match crate::config::checked_section(&source, public_channels) {
            Ok(_) => Vec::new(),
            Err(found) => found.into_iter().map(|d| (d.line, d.column, d.message)).collect(),
        }
    }

    #[test]
    fn good_channels_of_every_scheme_pass() {
        let source = "title = \"T\"\nbase_url = \"https://s.example.org/\"\n\
            [[channel]]\nkind = \"mastodon\"\nname = \"@status@social.example.org\"\nurl = \"https://social.example.org/@status\"\n\
            [[channel]]\nkind = \"phone\"\nname = \"+1 555 0100\"\nurl = \"tel:+1-555-0100\"\n\
            [[channel]]\nkind = \"email\"\nname = \"status list\"\nurl = \"mailto:status@example.org\"\n\
            [[channel]]\nkind = \"sms\"\nname = \"Text STATUS\"\nurl = \"sms:+15550100\"\n";
        let channels = crate::config::checked_section(source, public_channels).unwrap();
        let kinds: Vec<_> = channels.iter().map(|c| c.kind).collect();
        assert_eq!(kinds, ["mastodon", "phone", "email", "sms"]);
        assert_eq!(channels[1].url, "tel:+1-555-0100");
    }

    #[test]
    fn bad_kinds_urls_and_names_are_reported_where_written() {
        let found = problems(
            "[[channel]]\nkind = \"mastodn\"\nname = \"x\"\nurl = \"https://a.example/\"\n\
             [[channel]]\nkind = \"slack\"\nname = \" \"\nurl = \"http://chat.example.org/\"\n\
             [[channel]]\nkind = \"phone\"\nname = \"Line\"\nurl = \"https://example.org/\"\n\
             [[channel]]\nkind = \"email\"\nname = \"List\"\nurl = \"mailto:nobody\"\n",
        );
        let at: Vec<(usize, usize)> = found.iter().map(|(l, c, _)| (*l, *c)).collect();
        assert_eq!(at, [(4, 8), (9, 8), (10, 7), (14, 7), (18, 7)], "{found:?}");
        assert!(found[0].2.contains("did you mean `mastodon`?"), "{}", found[0].2);
        assert!(found[1].2.contains("`name` is empty"), "{}", found[1].2);
        assert!(found[2].2.contains("must be a `https:` URL"), "{}", found[2].2);
        assert!(found[3].2.contains("must be a `tel:` URL"), "{}", found[3].2);
        assert!(found[4].2.contains("must be a `mailto:` URL"), "{}", found[4].2);
    }

    #[test]
    fn a_hash_inside_the_fragment_is_written_so_html_allows_it() {
        let source = "title = \"T\"\nbase_url = \"https://s.example.org/\"\n\
            [[channel]]\nkind = \"matrix\"\nname = \"#it:example.org\"\nurl = \"https://matrix.to/#/#it:example.org\"\n";
        let config = crate::config::parse_config(std::path::Path::new("config.toml"), source).unwrap();
        let channels = public_channels(&config).unwrap();
        assert_eq!(channels[0].url, "https://matrix.to/#/%23it:example.org");
    }

    #[test]
    fn a_url_listed_twice_is_reported() {
        let found = problems(
            "[[channel]]\nkind = \"web\"\nname = \"a\"\nurl = \"https://a.example.org/\"\n\
             [[channel]]\nkind = \"web\"\nname = \"b\"\nurl = \"https://a.example.org/\"\n",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].0, found[0].1), (10, 7));
        assert!(found[0].2.contains("listed twice"), "{}", found[0].2);
    }
}
