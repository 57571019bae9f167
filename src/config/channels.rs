//! The `[[notify]]` tables of `config.toml` as written: data only. `notify` checks them (see
//! `notify::config`) and delivers; `outputs` reads the WebSub hubs. Secrets are never values
//! here, only the names of the environment variables that hold them.

use serde::Deserialize;
use toml::Spanned;

/// The services beacon can notify.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChannelType {
    Webhook,
    Slack,
    Mattermost,
    Discord,
    Teams,
    Matrix,
    Mastodon,
    Email,
    Websub,
    /// ntfy (ntfy.sh or self-hosted): push to phones.
    Ntfy,
    /// A Telegram bot posting to a channel or group.
    Telegram,
    /// SMS through Twilio's Messages API (or a server that speaks it).
    Sms,
    /// A Google Chat space's incoming webhook.
    Googlechat,
    /// A Bluesky post with a link card.
    Bluesky,
}

impl ChannelType {
    pub fn as_str(self) -> &'static str {
        match self {
            ChannelType::Webhook => "webhook",
            ChannelType::Slack => "slack",
            ChannelType::Mattermost => "mattermost",
            ChannelType::Discord => "discord",
            ChannelType::Teams => "teams",
            ChannelType::Matrix => "matrix",
            ChannelType::Mastodon => "mastodon",
            ChannelType::Email => "email",
            ChannelType::Websub => "websub",
            ChannelType::Ntfy => "ntfy",
            ChannelType::Telegram => "telegram",
            ChannelType::Sms => "sms",
            ChannelType::Googlechat => "googlechat",
            ChannelType::Bluesky => "bluesky",
        }
    }
}

/// Which events a channel wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Incident,
    Maintenance,
    Component,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Incident => "incident",
            EventKind::Maintenance => "maintenance",
            EventKind::Component => "component",
        }
    }
}

/// How an SMTP connection is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    /// TLS from the first byte (port 465).
    Tls,
    /// Plain connection upgraded with STARTTLS, required (port 587).
    Starttls,
    /// No encryption: only for a relay on the same machine or network.
    None,
}

/// One `[[notify]]` table as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelFile {
    #[serde(rename = "type")]
    pub kind: Spanned<ChannelType>,
    pub name: Option<Spanned<String>>,
    pub components: Option<Vec<Spanned<String>>>,
    pub kinds: Option<Vec<EventKind>>,
    pub url_env: Option<Spanned<String>>,
    pub secret_env: Option<Spanned<String>>,
    pub token_env: Option<Spanned<String>>,
    pub username_env: Option<Spanned<String>>,
    pub password_env: Option<Spanned<String>>,
    pub homeserver: Option<Spanned<String>>,
    pub room: Option<Spanned<String>>,
    pub instance: Option<Spanned<String>>,
    pub visibility: Option<Spanned<String>>,
    pub host: Option<Spanned<String>>,
    pub port: Option<Spanned<i64>>,
    pub tls: Option<Spanned<SmtpTls>>,
    pub from: Option<Spanned<String>>,
    pub to: Option<Spanned<Vec<String>>>,
    pub hub: Option<Spanned<String>>,
    pub account_env: Option<Spanned<String>>,
    pub to_env: Option<Spanned<String>>,
    pub chat: Option<Spanned<String>>,
    pub handle: Option<Spanned<String>>,
    pub api_url: Option<Spanned<String>>,
    pub remind_before: Option<Spanned<Vec<Spanned<String>>>>,
}

impl super::Config {
    /// The WebSub hubs of the `websub` channels, which the feeds declare and `notify` pings.
    pub fn websub_hubs(&self) -> impl Iterator<Item = &str> {
        self.notify
            .iter()
            .map(Spanned::get_ref)
            .filter(|c| *c.kind.get_ref() == ChannelType::Websub)
            .filter_map(|c| c.hub.as_ref().map(|h| h.get_ref().trim()))
    }
}
