//! The `[[channel]]` tables of `config.toml` as written: data only. These are the public
//! places where the operator posts news of the service (a Mastodon account, a Slack or Matrix
//! room, a phone line), listed on the subscribe page. They carry no secrets: delivery is
//! `[[notify]]`'s (see [`super::channels`]). `render::subscribe::public_channels` checks them.

use serde::Deserialize;
use toml::Spanned;

/// One `[[channel]]` table as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicChannelFile {
    /// What kind of place: `mastodon`, `slack`, `phone`... (checked by the feature, so a typo
    /// is reported with a suggestion).
    pub kind: Spanned<String>,
    /// What a reader sees: an account, a room, a number.
    pub name: Spanned<String>,
    /// Where it is: `https://`, `tel:` for a phone line, `sms:` for text messages, `mailto:`
    /// for an email list.
    pub url: Spanned<String>,
}
