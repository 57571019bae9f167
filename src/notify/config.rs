//! The `[[notify]]` tables of `config.toml` (read as data by [`crate::config::channels`])
//! checked into channels: `beacon check` and `build` call [`channels`], so a mistyped channel
//! is reported at its key like any other. Secrets are never values here, only the names of the
//! environment variables that hold them.

use std::collections::BTreeSet;
use std::ops::Range;

use toml::Spanned;

use crate::config::channels::{ChannelFile, ChannelType, EventKind, SmtpTls};
use crate::config::{Component, Config};
use crate::error::{closest, Diagnostic};

impl ChannelType {
    /// The keys this type needs, and the ones it may have, beside the common ones.
    fn keys(self) -> (&'static [&'static str], &'static [&'static str]) {
        match self {
            ChannelType::Webhook => (&["url_env"], &["secret_env", "remind_before"]),
            ChannelType::Slack
            | ChannelType::Mattermost
            | ChannelType::Discord
            | ChannelType::Teams
            | ChannelType::Googlechat => (&["url_env"], &["remind_before"]),
            ChannelType::Matrix => (&["homeserver", "room", "token_env"], &["remind_before"]),
            ChannelType::Mastodon => (&["instance", "token_env"], &["visibility", "remind_before"]),
            ChannelType::Email => (
                &["host", "from", "to"],
                &["port", "tls", "username_env", "password_env", "remind_before"],
            ),
            // A hub is pinged when a feed changes; a reminder changes no feed.
            ChannelType::Websub => (&["hub"], &[]),
            ChannelType::Ntfy => (&["url_env"], &["token_env", "remind_before"]),
            ChannelType::Telegram => (&["token_env", "chat"], &["api_url", "remind_before"]),
            // SMS is kept short: no reminders (see `sms_wants`).
            ChannelType::Sms => (&["account_env", "token_env", "from", "to_env"], &["api_url"]),
            ChannelType::Bluesky => (&["handle", "password_env"], &["api_url", "remind_before"]),
        }
    }
}

/// One checked channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelConfig {
    pub kind: ChannelType,
    /// Unique among the channels; names the channel in the summary and in the record.
    pub name: String,
    /// Only events touching one of these components (all when `None`).
    pub components: Option<BTreeSet<String>>,
    /// Only these kinds of event (when `None`: incidents and maintenance; component status
    /// changes are opt-in, as they repeat what the incident message says).
    pub kinds: Option<BTreeSet<EventKind>>,
    /// Names of environment variables, never their values.
    pub url_env: Option<String>,
    pub secret_env: Option<String>,
    pub token_env: Option<String>,
    pub username_env: Option<String>,
    pub password_env: Option<String>,
    pub homeserver: Option<String>,
    pub room: Option<String>,
    pub instance: Option<String>,
    pub visibility: String,
    pub host: Option<String>,
    pub port: Option<u16>,
    pub tls: SmtpTls,
    pub from: Option<String>,
    pub to: Vec<String>,
    /// The WebSub hub the feeds declare and notify pings.
    pub hub: Option<String>,
    /// SMS: the variable holding the Twilio Account SID.
    pub account_env: Option<String>,
    /// SMS: the variable holding the recipients' numbers, comma-separated.
    pub to_env: Option<String>,
    /// Telegram: the chat id (`@channelname` or a numeric id).
    pub chat: Option<String>,
    /// Bluesky: the account's handle.
    pub handle: Option<String>,
    /// The service's API base URL, for a self-hosted server (or a test); no trailing `/`.
    pub api_url: Option<String>,
    /// How long before a window's start to remind of it, each once; distinct, longest first.
    pub remind_before: Vec<chrono::Duration>,
}

/// Checks every `[[notify]]` table, reporting each problem at its key.
/// The config's `[[notify]]` tables as checked channels, or every problem found in them.
pub fn channels(config: &Config) -> Result<Vec<ChannelConfig>, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let channels = check_tables(&config.notify, &config.components, &mut |span, message| {
        problems.push(Diagnostic::at(
            std::path::Path::new("config.toml"),
            &config.source,
            span,
            message,
        ))
    });
    if problems.is_empty() {
        Ok(channels)
    } else {
        Err(problems)
    }
}

fn check_tables(
    tables: &[Spanned<ChannelFile>],
    components: &[Component],
    report: &mut dyn FnMut(Range<usize>, String),
) -> Vec<ChannelConfig> {
    let mut names = BTreeSet::new();
    let mut channels = Vec::new();
    for table in tables {
        let table_span = table.span();
        let file = table.get_ref().clone();
        let kind = *file.kind.get_ref();
        let given: Vec<(&str, Option<Range<usize>>)> = vec![
            ("url_env", file.url_env.as_ref().map(Spanned::span)),
            ("secret_env", file.secret_env.as_ref().map(Spanned::span)),
            ("token_env", file.token_env.as_ref().map(Spanned::span)),
            ("username_env", file.username_env.as_ref().map(Spanned::span)),
            ("password_env", file.password_env.as_ref().map(Spanned::span)),
            ("homeserver", file.homeserver.as_ref().map(Spanned::span)),
            ("room", file.room.as_ref().map(Spanned::span)),
            ("instance", file.instance.as_ref().map(Spanned::span)),
            ("visibility", file.visibility.as_ref().map(Spanned::span)),
            ("host", file.host.as_ref().map(Spanned::span)),
            ("port", file.port.as_ref().map(Spanned::span)),
            ("tls", file.tls.as_ref().map(Spanned::span)),
            ("from", file.from.as_ref().map(Spanned::span)),
            ("to", file.to.as_ref().map(Spanned::span)),
            ("hub", file.hub.as_ref().map(Spanned::span)),
            ("account_env", file.account_env.as_ref().map(Spanned::span)),
            ("to_env", file.to_env.as_ref().map(Spanned::span)),
            ("chat", file.chat.as_ref().map(Spanned::span)),
            ("handle", file.handle.as_ref().map(Spanned::span)),
            ("api_url", file.api_url.as_ref().map(Spanned::span)),
            ("remind_before", file.remind_before.as_ref().map(Spanned::span)),
        ];
        let (required, optional) = kind.keys();
        for (key, span) in &given {
            if let Some(span) = span {
                if !required.contains(key) && !optional.contains(key) {
                    report(
                        span.clone(),
                        format!(
                            "`{key}` does not apply to a `{}` channel (it takes {})",
                            kind.as_str(),
                            key_list(required, optional)
                        ),
                    );
                }
            }
        }
        for key in required {
            if given.iter().any(|(k, span)| k == key && span.is_none()) {
                report(
                    file.kind.span(),
                    format!("a `{}` channel needs `{key}`", kind.as_str()),
                );
            }
        }
        for env in [
            &file.url_env,
            &file.secret_env,
            &file.token_env,
            &file.username_env,
            &file.password_env,
            &file.account_env,
            &file.to_env,
        ]
        .into_iter()
        .flatten()
        {
            if !is_env_name(env.get_ref()) {
                report(
                    env.span(),
                    "expected the NAME of an environment variable (letters, digits and `_`, \
                     like \"SLACK_WEBHOOK_URL\"); secrets are never written in config.toml"
                        .into(),
                );
            }
        }
        for url in [&file.homeserver, &file.instance, &file.hub, &file.api_url]
            .into_iter()
            .flatten()
        {
            if !url.get_ref().starts_with("https://") && !url.get_ref().starts_with("http://") {
                report(
                    url.span(),
                    "expected an http(s) URL like \"https://matrix.example.org\"".into(),
                );
            }
        }
        if let Some(v) = &file.visibility {
            if !["public", "unlisted", "private", "direct"].contains(&v.get_ref().as_str()) {
                report(
                    v.span(),
                    "`visibility` must be one of public, unlisted, private, direct".into(),
                );
            }
        }
        if kind == ChannelType::Email && file.username_env.is_some() != file.password_env.is_some() {
            let given = file.username_env.as_ref().or(file.password_env.as_ref());
            report(
                given.map_or(file.kind.span(), Spanned::span),
                "give both `username_env` and `password_env`, or neither".into(),
            );
        }
        let port = file
            .port
            .as_ref()
            .and_then(|p| match u16::try_from(*p.get_ref()) {
                Ok(n) if n > 0 => Some(n),
                _ => {
                    report(
                        p.span(),
                        format!("`port` must be 1 to 65535, found {}", p.get_ref()),
                    );
                    None
                }
            });
        if let Some(chat) = &file.chat {
            let chat_id = chat.get_ref().trim();
            let numeric = chat_id.strip_prefix('-').unwrap_or(chat_id);
            let named = chat_id
                .strip_prefix('@')
                .is_some_and(|n| n.len() >= 5 && n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'));
            if !named && (numeric.is_empty() || !numeric.bytes().all(|b| b.is_ascii_digit())) {
                report(
                    chat.span(),
                    "`chat` must be a Telegram chat id: \"@channelname\" or a number like \"-1001234567890\""
                        .into(),
                );
            }
        }
        if let Some(from) = file.from.as_ref().filter(|_| kind == ChannelType::Sms) {
            if !is_phone_number(from.get_ref()) && !from.get_ref().starts_with("MG") {
                report(
                    from.span(),
                    "`from` must be a phone number in E.164 form like \"+15017122661\", or a \
                     Messaging Service SID (MG...)"
                        .into(),
                );
            }
        }
        let mut remind_before = Vec::new();
        for lead in file.remind_before.iter().flat_map(|l| l.get_ref()) {
            match parse_lead(lead.get_ref()) {
                Some(duration) => remind_before.push(duration),
                None => report(
                    lead.span(),
                    format!(
                        "`remind_before` takes durations like \"24h\", \"90m\" or \"2d\" (1 minute to 7 days), found \"{}\"",
                        lead.get_ref()
                    ),
                ),
            }
        }
        remind_before.sort_by(|a, b| b.cmp(a));
        remind_before.dedup();
        if let Some(to) = &file.to {
            if to.get_ref().is_empty() {
                report(to.span(), "`to` lists no address".into());
            }
        }
        let mut filter = None;
        if let Some(wanted) = &file.components {
            let mut set = BTreeSet::new();
            for id in wanted {
                if components.iter().any(|c| &c.id == id.get_ref()) {
                    set.insert(id.get_ref().clone());
                } else {
                    let hint = closest(id.get_ref(), components.iter().map(|c| c.id.as_str()))
                        .map(|s| format!("; did you mean `{s}`?"))
                        .unwrap_or_default();
                    report(id.span(), format!("unknown component `{}`{hint}", id.get_ref()));
                }
            }
            filter = Some(set);
        }
        let name = file
            .name
            .as_ref()
            .map_or_else(|| kind.as_str().to_string(), |n| n.get_ref().trim().to_string());
        let name_span = file.name.as_ref().map_or(table_span, Spanned::span);
        if name.is_empty() || name.contains(char::is_control) {
            report(name_span, "`name` must be a non-empty line of text".into());
        } else if !names.insert(name.clone()) {
            report(
                name_span,
                format!(
                    "two channels are named `{name}`; give each a distinct `name = \"...\"` \
                     (the name keys the record of what was sent)"
                ),
            );
        }
        let text = |v: &Option<Spanned<String>>| v.as_ref().map(|s| s.get_ref().trim().to_string());
        channels.push(ChannelConfig {
            kind,
            name,
            components: filter,
            kinds: file.kinds.map(|k| k.into_iter().collect()),
            url_env: text(&file.url_env),
            secret_env: text(&file.secret_env),
            token_env: text(&file.token_env),
            username_env: text(&file.username_env),
            password_env: text(&file.password_env),
            homeserver: text(&file.homeserver).map(|s| s.trim_end_matches('/').to_string()),
            room: text(&file.room),
            instance: text(&file.instance).map(|s| s.trim_end_matches('/').to_string()),
            visibility: text(&file.visibility).unwrap_or_else(|| "public".into()),
            host: text(&file.host),
            port,
            tls: file.tls.map_or(SmtpTls::Starttls, |t| t.into_inner()),
            from: text(&file.from),
            to: file.to.map(|t| t.into_inner()).unwrap_or_default(),
            hub: text(&file.hub),
            account_env: text(&file.account_env),
            to_env: text(&file.to_env),
            chat: text(&file.chat),
            handle: text(&file.handle).map(|h| h.trim_start_matches('@').to_string()),
            api_url: text(&file.api_url).map(|s| s.trim_end_matches('/').to_string()),
            remind_before,
        });
    }
    channels
}

fn key_list(required: &[&str], optional: &[&str]) -> String {
    let mut keys: Vec<String> = required.iter().map(|k| format!("`{k}`")).collect();
    keys.extend(optional.iter().map(|k| format!("optional `{k}`")));
    keys.join(", ")
}

/// A reminder's lead: a whole number of minutes (`m`), hours (`h`) or days (`d`), from one
/// minute to the 7 days notify looks back (a reminder older than that could never be told).
pub fn parse_lead(text: &str) -> Option<chrono::Duration> {
    let text = text.trim();
    let unit = text.chars().last()?;
    let number: i64 = text[..text.len() - unit.len_utf8()].trim().parse().ok()?;
    let minutes = match unit {
        'm' => number,
        'h' => number.checked_mul(60)?,
        'd' => number.checked_mul(24 * 60)?,
        _ => return None,
    };
    (1..=super::HORIZON_DAYS * 24 * 60)
        .contains(&minutes)
        .then(|| chrono::Duration::minutes(minutes))
}

/// `+` and 8 to 15 digits: E.164, what Twilio takes.
pub fn is_phone_number(text: &str) -> bool {
    text.strip_prefix('+')
        .is_some_and(|digits| (8..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()))
}

/// `[A-Za-z_][A-Za-z0-9_]*`: what a shell and every CI accept as a variable name.
fn is_env_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

#[cfg(test)]
mod tests {

    use super::{channels, ChannelConfig};
    use crate::error::Diagnostic;

    const SITE: &str = "title = \"T\"\nbase_url = \"https://s.example.org\"\n[[components]]\nid = \"email\"\nname = \"Email\"\n";

    fn checked(notify: &str) -> Result<Vec<ChannelConfig>, Vec<Diagnostic>> {
        crate::config::checked_section(&format!("{SITE}{notify}"), channels)
    }

    fn problems(notify: &str) -> Vec<String> {
        checked(notify)
            .err()
            .map_or_else(Vec::new, |found| crate::error::located(&found))
    }

    #[test]
    fn a_good_channel_passes_and_keeps_its_settings() {
        let channels = checked(
            "[[notify]]\ntype = \"matrix\"\nhomeserver = \"https://m.example.org/\"\nroom = \"!r:m\"\ntoken_env = \"T\"\nkinds = [\"incident\"]\n",
        )
        .unwrap();
        let channel = &channels[0];
        assert_eq!(channel.name, "matrix");
        assert_eq!(channel.homeserver.as_deref(), Some("https://m.example.org"));
        assert_eq!(channel.kinds.as_ref().map(|k| k.len()), Some(1));
    }

    #[test]
    fn keys_of_another_type_missing_keys_and_duplicate_names_are_reported() {
        let found = problems(
            "[[notify]]\ntype = \"slack\"\nurl_env = \"A\"\nroom = \"!r:m\"\n[[notify]]\ntype = \"slack\"\n",
        );
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(
            found[0].starts_with("9:8 `room` does not apply to a `slack` channel"),
            "{found:?}"
        );
        assert!(
            found[1].contains("a `slack` channel needs `url_env`"),
            "{found:?}"
        );
        assert!(found[2].contains("two channels are named `slack`"), "{found:?}");
    }

    #[test]
    fn phone_channels_are_checked_at_their_keys() {
        let found = problems(
            "[[notify]]\ntype = \"sms\"\naccount_env = \"SID\"\ntoken_env = \"T\"\nfrom = \"5550100\"\nto_env = \"+15551230001\"\nremind_before = [\"1h\"]\n\
             [[notify]]\ntype = \"telegram\"\ntoken_env = \"T\"\nchat = \"my channel\"\napi_url = \"api.telegram.org\"\n\
             [[notify]]\ntype = \"ntfy\"\nurl_env = \"N\"\nremind_before = [\"1h\", \"soon\", \"8d\"]\n",
        );
        let expected = [
            "11:10 expected the NAME of an environment variable",
            "10:8 `from` must be a phone number in E.164 form",
            "12:17 `remind_before` does not apply to a `sms` channel",
            "16:8 `chat` must be a Telegram chat id",
            "17:11 expected an http(s) URL",
            "21:24 `remind_before` takes durations like",
            "21:32 `remind_before` takes durations like",
        ];
        assert_eq!(found.len(), expected.len(), "{found:#?}");
        for want in expected {
            assert!(found.iter().any(|f| f.starts_with(want)), "{want}: {found:#?}");
        }
    }

    #[test]
    fn reminder_leads_parse_in_minutes_hours_and_days() {
        use super::parse_lead;
        assert_eq!(parse_lead("24h"), Some(chrono::Duration::hours(24)));
        assert_eq!(parse_lead("90m"), Some(chrono::Duration::minutes(90)));
        assert_eq!(parse_lead("2d"), Some(chrono::Duration::days(2)));
        assert_eq!(parse_lead("7d"), Some(chrono::Duration::days(7)));
        for bad in [
            "",
            "h",
            "0h",
            "8d",
            "1.5h",
            "-1h",
            "1w",
            "99999999999999999999d",
            "1 hour",
        ] {
            assert_eq!(parse_lead(bad), None, "{bad}");
        }
    }

    #[test]
    fn an_unknown_type_is_reported_with_a_suggestion() {
        let found = problems("[[notify]]\ntype = \"slak\"\nurl_env = \"A\"\n");
        assert!(found[0].contains("did you mean `slack`?"), "{found:?}");
    }
}
