//! Each service's payload, as its documentation describes it, and the one place that sends.
//! Building a request is pure (tested on its own); sending adds the timeout and the bounded
//! retries. Errors name the channel and what went wrong, never a URL or a token: a webhook's
//! URL is itself its secret.

use std::time::Duration;

use base64::Engine as _;
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use super::config::ChannelConfig;
use super::events::Event;
use super::message::Message;
use crate::config::channels::{ChannelType, SmtpTls};

/// How long one request (connect, send, answer) may take.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);
/// Attempts per message within one run; what still fails is retried on the next run.
pub const ATTEMPTS: u32 = 3;
/// The header carrying a webhook's signature: `t=<unix seconds>,v1=<hex of
/// HMAC-SHA256(secret, "<t>.<body>")>` (see [`signature`]).
pub const SIGNATURE_HEADER: &str = "X-Beacon-Signature";
/// Telegram's Bot API, unless a channel names another server.
pub const TELEGRAM_API: &str = "https://api.telegram.org";
/// Twilio's REST API, unless a channel names another (a Twilio-compatible provider, a test).
pub const TWILIO_API: &str = "https://api.twilio.com";
/// Bluesky's PDS entryway, unless a channel names its own PDS.
pub const BLUESKY_API: &str = "https://bsky.social";
/// The longest SMS beacon sends, in characters: one GSM-7 segment (text outside GSM-7 goes as
/// UCS-2, 70 characters a segment).
pub const SMS_LIMIT: usize = 160;
/// A Bluesky post's limit, in graphemes (counted here in characters, never fewer).
pub const BLUESKY_LIMIT: usize = 300;

/// An HTTP request ready to send.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: &'static str,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

/// The secrets of one channel, read from the environment variables its config names.
pub struct Secrets {
    pub url: Option<String>,
    pub secret: Option<String>,
    pub token: Option<String>,
    pub username: Option<String>,
    pub password: Option<String>,
    /// SMS: the Twilio Account SID.
    pub account: Option<String>,
    /// SMS: the recipients, from the variable `to_env` names.
    pub numbers: Vec<String>,
}

/// Reads the channel's secrets; the error names the missing variable, never a value.
pub fn secrets(channel: &ChannelConfig) -> Result<Secrets, String> {
    let read = |name: &Option<String>, required: bool| -> Result<Option<String>, String> {
        match name {
            None => Ok(None),
            Some(name) => match std::env::var(name) {
                Ok(value) if !value.trim().is_empty() => Ok(Some(value.trim().to_string())),
                _ if required => Err(format!("environment variable {name} is not set")),
                _ => Ok(None),
            },
        }
    };
    let numbers: Vec<String> = read(&channel.to_env, true)?
        .map(|list| {
            list.split([',', ';', ' ', '\n'])
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    if let Some(name) = &channel.to_env {
        if numbers.is_empty() || !numbers.iter().all(|n| super::config::is_phone_number(n)) {
            return Err(format!(
                "environment variable {name} must list phone numbers in E.164 form (+15017122661), comma-separated"
            ));
        }
    }
    let url = read(&channel.url_env, true)?;
    // ntfy publishes to the server's root with the topic in the body: the URL must name both.
    if let (ChannelType::Ntfy, Some(topic_url), Some(name)) = (channel.kind, &url, &channel.url_env) {
        let topic = url::Url::parse(topic_url).ok().filter(|u| {
            matches!(u.scheme(), "http" | "https")
                && u.path_segments()
                    .and_then(|mut s| s.next_back())
                    .is_some_and(|t| !t.is_empty())
        });
        if topic.is_none() {
            return Err(format!(
                "environment variable {name} must hold a topic URL like https://ntfy.sh/my-topic"
            ));
        }
    }
    Ok(Secrets {
        url,
        secret: read(&channel.secret_env, true)?,
        token: read(&channel.token_env, true)?,
        username: read(&channel.username_env, true)?,
        password: read(&channel.password_env, true)?,
        account: read(&channel.account_env, true)?,
        numbers,
    })
}

/// Where a channel's messages go, said without any secret (for `--dry-run` and summaries).
pub fn destination(channel: &ChannelConfig) -> String {
    match channel.kind {
        ChannelType::Matrix => format!(
            "room {} on {}",
            channel.room.as_deref().unwrap_or(""),
            channel.homeserver.as_deref().unwrap_or("")
        ),
        ChannelType::Mastodon => format!("a status on {}", channel.instance.as_deref().unwrap_or("")),
        ChannelType::Email => format!(
            "{} via {}",
            channel.to.join(", "),
            channel.host.as_deref().unwrap_or("")
        ),
        ChannelType::Ntfy => format!("the topic in ${}", channel.url_env.as_deref().unwrap_or("")),
        ChannelType::Telegram => format!(
            "chat {} via {}",
            channel.chat.as_deref().unwrap_or(""),
            channel.api_url.as_deref().unwrap_or(TELEGRAM_API)
        ),
        ChannelType::Sms => format!(
            "the numbers in ${} via {}",
            channel.to_env.as_deref().unwrap_or(""),
            channel.api_url.as_deref().unwrap_or(TWILIO_API)
        ),
        ChannelType::Bluesky => format!(
            "@{} on {}",
            channel.handle.as_deref().unwrap_or(""),
            channel.api_url.as_deref().unwrap_or(BLUESKY_API)
        ),
        _ => format!("the URL in ${}", channel.url_env.as_deref().unwrap_or("")),
    }
}

/// What `--dry-run` shows for one message: what the channel's recipients would read. An SMS is
/// its one line; an ntfy push says its priority and tags; the others the plain message.
pub fn preview(channel: &ChannelConfig, event: &Event, message: &Message) -> String {
    match channel.kind {
        ChannelType::Sms => sms_text(message),
        ChannelType::Ntfy => {
            let (priority, tag) = ntfy_priority(event);
            format!(
                "{}\n(priority {priority}, tags {tag}, {})",
                message.plain(),
                event.severity
            )
        }
        _ => message.plain(),
    }
}

fn post_json(url: &str, body: &Value) -> Request {
    Request {
        method: "POST",
        url: url.to_string(),
        headers: vec![("Content-Type".into(), "application/json".into())],
        body: serde_json::to_vec(body).expect("JSON values serialise"),
    }
}

/// The HTTP requests for one message: one, or for WebSub a ping per feed that changed
/// (none for email, which is not HTTP).
pub fn requests(
    channel: &ChannelConfig,
    secrets: &Secrets,
    event: &Event,
    message: &Message,
    stamp: DateTime<Utc>,
) -> Vec<Request> {
    if channel.kind == ChannelType::Websub {
        let mut feeds = vec![
            format!("{}feed.xml", message.site_url),
            format!("{}atom.xml", message.site_url),
            format!("{}{}", message.site_url, crate::output::UPDATES_RSS),
            format!("{}{}", message.site_url, crate::output::UPDATES_ATOM),
        ];
        feeds.extend(
            event
                .components
                .iter()
                .map(|(id, _)| format!("{}components/{id}/feed.xml", message.site_url)),
        );
        return feeds
            .into_iter()
            .map(|feed| Request {
                method: "POST",
                url: channel.hub.clone().unwrap_or_default(),
                headers: vec![("Content-Type".into(), "application/x-www-form-urlencoded".into())],
                body: format!(
                    "hub.mode=publish&hub.url={}",
                    utf8_percent_encode(&feed, NON_ALPHANUMERIC)
                )
                .into_bytes(),
            })
            .collect();
    }
    // Twilio: one message per recipient, each its own request.
    if channel.kind == ChannelType::Sms {
        return secrets
            .numbers
            .iter()
            .map(|to| sms_request(channel, secrets, to, message))
            .collect();
    }
    request(channel, secrets, event, message, stamp)
        .into_iter()
        .collect()
}

/// The HTTP request for one message (`None` for email, WebSub, SMS and Bluesky, which take
/// several).
fn request(
    channel: &ChannelConfig,
    secrets: &Secrets,
    event: &Event,
    message: &Message,
    stamp: DateTime<Utc>,
) -> Option<Request> {
    let url = secrets.url.as_deref().unwrap_or("");
    let request = match channel.kind {
        ChannelType::Webhook => {
            let body = json!({
                "event": {
                    "key": event.key,
                    "kind": event.change.kind(),
                    "change": event.change.as_str(),
                    "subject": event.subject,
                    "at": event.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                    "title": event.title,
                    "severity": event.severity,
                    "impact": if event.impact.is_empty() { Value::Null } else { json!(event.impact) },
                    "components": event.components.iter().map(|(id, name)| json!({"id": id, "name": name})).collect::<Vec<_>>(),
                    "text": event.text,
                    "url": event.url,
                    "lead": event.lead.map(super::events::lead_label),
                },
                "message": { "headline": message.headline, "text": message.plain() },
                "site": { "title": message.site },
            });
            let mut request = post_json(url, &body);
            if let Some(secret) = &secrets.secret {
                request.headers.push((
                    SIGNATURE_HEADER.into(),
                    signature(secret.as_bytes(), stamp.timestamp(), &request.body),
                ));
            }
            request
        }
        // ntfy's JSON publishing: POST to the server's root with the topic in the body, so
        // titles in any script need no header encoding.
        ChannelType::Ntfy => {
            let (server, topic) = url.trim_end_matches('/').rsplit_once('/').unwrap_or((url, ""));
            let (priority, tag) = ntfy_priority(event);
            let mut request = post_json(
                server,
                &json!({
                    "topic": topic,
                    "title": truncate(&message.headline, 250),
                    "message": truncate(&message.summary().iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n"), 4000),
                    "priority": priority,
                    "tags": [tag, event.severity],
                    "click": message.url,
                }),
            );
            if let Some(token) = &secrets.token {
                request
                    .headers
                    .push(("Authorization".into(), format!("Bearer {token}")));
            }
            request
        }
        // Telegram Bot API sendMessage, in its HTML parse mode.
        ChannelType::Telegram => post_json(
            &format!(
                "{}/bot{}/sendMessage",
                channel.api_url.as_deref().unwrap_or(TELEGRAM_API),
                secrets.token.as_deref().unwrap_or("")
            ),
            &json!({
                "chat_id": channel.chat,
                "text": telegram_html(message),
                "parse_mode": "HTML",
                "link_preview_options": {"is_disabled": true},
            }),
        ),
        // Google Chat incoming webhook: `text` in its formatting, one thread per incident
        // or window (the thread key), a new thread when the key is new.
        ChannelType::Googlechat => {
            let separator = if url.contains('?') { '&' } else { '?' };
            post_json(
                &format!("{url}{separator}messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD"),
                &json!({
                    "text": format!("*{}*\n{}\n<{}|{}>", message.headline, message.summary().iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n"), message.url, message.link_label()),
                    "thread": {"threadKey": format!("beacon-{}-{}", event.change.kind().as_str(), event.subject)},
                }),
            )
        }
        // Slack and Mattermost incoming webhooks: `text` in their Markdown dialects.
        ChannelType::Slack => post_json(
            url,
            &json!({ "text": format!("*{}*\n{}", slack_escape(&message.headline), slack_details(message)) }),
        ),
        ChannelType::Mattermost => post_json(
            url,
            &json!({ "text": format!("**{}**\n{}", message.headline, message.details().join("\n")) }),
        ),
        // Discord: one embed; mentions disabled so an update's text cannot ping anyone.
        ChannelType::Discord => post_json(
            url,
            &json!({
                "embeds": [{
                    "title": truncate(&message.headline, 256),
                    "url": message.url,
                    "description": truncate(&message.summary().iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n"), 4096),
                }],
                "allowed_mentions": { "parse": [] },
            }),
        ),
        // Teams workflow webhook ("When a Teams webhook request is received"): a message
        // whose attachment is an Adaptive Card.
        ChannelType::Teams => {
            let mut body = vec![
                json!({"type": "TextBlock", "text": message.headline, "weight": "Bolder", "size": "Medium", "wrap": true}),
            ];
            for line in message.summary() {
                body.push(json!({"type": "TextBlock", "text": line, "wrap": true}));
            }
            post_json(
                url,
                &json!({
                    "type": "message",
                    "attachments": [{
                        "contentType": "application/vnd.microsoft.card.adaptive",
                        "contentUrl": null,
                        "content": {
                            "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                            "type": "AdaptiveCard",
                            "version": "1.4",
                            "body": body,
                            "actions": [{"type": "Action.OpenUrl", "title": message.link_label(), "url": message.url}],
                        },
                    }],
                }),
            )
        }
        // Matrix client-server API: PUT a room message under a transaction id derived from the
        // event, so a retried send is not posted twice.
        ChannelType::Matrix => {
            let room = utf8_percent_encode(channel.room.as_deref().unwrap_or(""), NON_ALPHANUMERIC);
            let txn = hex::encode(&Sha256::digest(format!("{}\n{}", channel.name, event.key))[..16]);
            let mut request = post_json(
                &format!(
                    "{}/_matrix/client/v3/rooms/{room}/send/m.room.message/{txn}",
                    channel.homeserver.as_deref().unwrap_or("")
                ),
                &json!({
                    "msgtype": "m.text",
                    "body": message.plain(),
                    "format": "org.matrix.custom.html",
                    "formatted_body": matrix_html(message),
                }),
            );
            request.method = "PUT";
            request.headers.push((
                "Authorization".into(),
                format!("Bearer {}", secrets.token.as_deref().unwrap_or("")),
            ));
            request
        }
        // Mastodon: POST /api/v1/statuses, with an idempotency key per event.
        ChannelType::Mastodon => {
            let mut request = post_json(
                &format!("{}/api/v1/statuses", channel.instance.as_deref().unwrap_or("")),
                &json!({ "status": mastodon_status(message), "visibility": channel.visibility }),
            );
            request.headers.push((
                "Authorization".into(),
                format!("Bearer {}", secrets.token.as_deref().unwrap_or("")),
            ));
            request.headers.push((
                "Idempotency-Key".into(),
                hex::encode(&Sha256::digest(&event.key)[..16]),
            ));
            request
        }
        ChannelType::Email | ChannelType::Websub | ChannelType::Sms | ChannelType::Bluesky => return None,
    };
    Some(request)
}

/// `t=<timestamp>,v1=<hex>`: the HMAC-SHA256 under `secret` of the timestamp (Unix seconds),
/// a `.` and the exact body bytes, as Stripe signs. A receiver recomputes it and rejects a
/// timestamp far from its own clock, so a captured delivery cannot be replayed later.
pub fn signature(secret: &[u8], timestamp: i64, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes a key of any length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("t={timestamp},v1={}", hex::encode(mac.finalize().into_bytes()))
}

/// ntfy's priority (1 min to 5 max) and its emoji tag: by severity while an incident is open,
/// default for good news and windows, low for what only informs.
fn ntfy_priority(event: &Event) -> (u8, &'static str) {
    use super::events::Change;
    match event.change {
        Change::IncidentResolved => (3, "white_check_mark"),
        Change::IncidentPostmortem => (2, "memo"),
        Change::MaintenanceAnnounced | Change::MaintenanceCompleted => (2, "wrench"),
        Change::MaintenanceReminder | Change::MaintenanceStarted => (3, "wrench"),
        Change::IncidentNew | Change::IncidentUpdate | Change::ComponentStatus => {
            match event.severity.as_str() {
                "major" | "major_outage" => (5, "rotating_light"),
                "partial" | "partial_outage" => (4, "warning"),
                "degraded" | "degraded_performance" => (3, "small_orange_diamond"),
                "operational" => (3, "white_check_mark"),
                "under_maintenance" => (3, "wrench"),
                _ => (2, "information_source"),
            }
        }
    }
}

fn telegram_html(message: &Message) -> String {
    let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let mut lines = vec![format!("<b>{}</b>", escape(&message.headline))];
    lines.extend(message.summary().into_iter().map(|s| escape(s)));
    let link = format!(
        "<a href=\"{}\">{}</a>",
        escape(&message.url).replace('"', "&quot;"),
        escape(message.link_label())
    );
    // 4096 characters at most, after entities are parsed; the link is kept whole.
    format!("{}\n{link}", truncate(&lines.join("\n"), 3500))
}

/// The SMS: the headline and the permalink, at most [`SMS_LIMIT`] characters.
pub fn sms_text(message: &Message) -> String {
    let room = SMS_LIMIT.saturating_sub(message.url.chars().count() + 1).max(20);
    format!("{} {}", truncate(&message.headline, room), message.url)
}

/// Twilio's Messages API: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`,
/// form-encoded, basic auth with the Account SID and the Auth Token.
fn sms_request(channel: &ChannelConfig, secrets: &Secrets, to: &str, message: &Message) -> Request {
    let account = secrets.account.as_deref().unwrap_or("");
    let from = channel.from.as_deref().unwrap_or("");
    let mut form = url::form_urlencoded::Serializer::new(String::new());
    form.append_pair("To", to);
    if from.starts_with("MG") {
        form.append_pair("MessagingServiceSid", from);
    } else {
        form.append_pair("From", from);
    }
    form.append_pair("Body", &sms_text(message));
    let credentials = base64::engine::general_purpose::STANDARD
        .encode(format!("{account}:{}", secrets.token.as_deref().unwrap_or("")));
    Request {
        method: "POST",
        url: format!(
            "{}/2010-04-01/Accounts/{}/Messages.json",
            channel.api_url.as_deref().unwrap_or(TWILIO_API),
            utf8_percent_encode(account, NON_ALPHANUMERIC)
        ),
        headers: vec![
            ("Content-Type".into(), "application/x-www-form-urlencoded".into()),
            ("Authorization".into(), format!("Basic {credentials}")),
        ],
        body: form.finish().into_bytes(),
    }
}

/// Bluesky, step 1: `com.atproto.server.createSession` with the handle and app password.
pub fn bluesky_session(channel: &ChannelConfig, secrets: &Secrets) -> Request {
    post_json(
        &format!(
            "{}/xrpc/com.atproto.server.createSession",
            channel.api_url.as_deref().unwrap_or(BLUESKY_API)
        ),
        &json!({
            "identifier": channel.handle,
            "password": secrets.password.as_deref().unwrap_or(""),
        }),
    )
}

/// Bluesky, step 2: `com.atproto.repo.createRecord` of an `app.bsky.feed.post` whose text
/// ends with the permalink (a link facet over its UTF-8 bytes) and carries it as an
/// `app.bsky.embed.external` card.
pub fn bluesky_post(
    channel: &ChannelConfig,
    did: &str,
    jwt: &str,
    message: &Message,
    stamp: DateTime<Utc>,
) -> Request {
    let mut lines = vec![message.headline.clone()];
    lines.extend(message.summary().into_iter().cloned());
    let room = BLUESKY_LIMIT.saturating_sub(message.url.chars().count() + 1);
    let head = truncate(&lines.join("\n"), room.max(1));
    let text = format!("{head}\n{}", message.url);
    let start = head.len() + 1;
    let mut request = post_json(
        &format!(
            "{}/xrpc/com.atproto.repo.createRecord",
            channel.api_url.as_deref().unwrap_or(BLUESKY_API)
        ),
        &json!({
            "repo": did,
            "collection": "app.bsky.feed.post",
            "record": {
                "$type": "app.bsky.feed.post",
                "text": text,
                "createdAt": stamp.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
                "facets": [{
                    "index": {"byteStart": start, "byteEnd": start + message.url.len()},
                    "features": [{"$type": "app.bsky.richtext.facet#link", "uri": message.url}],
                }],
                "embed": {
                    "$type": "app.bsky.embed.external",
                    "external": {
                        "uri": message.url,
                        "title": truncate(&message.headline, 300),
                        "description": truncate(&message.summary().iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n"), 1000),
                    },
                },
            },
        }),
    );
    request
        .headers
        .push(("Authorization".into(), format!("Bearer {jwt}")));
    request
}

fn slack_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn slack_details(message: &Message) -> String {
    let mut lines: Vec<String> = message.summary().into_iter().map(|s| slack_escape(s)).collect();
    lines.push(format!("<{}|{}>", message.url, message.link_label()));
    lines.join("\n")
}

fn matrix_html(message: &Message) -> String {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let mut html = format!("<strong>{}</strong>", escape(&message.headline));
    for line in message.summary() {
        html.push_str(&format!("<br>{}", escape(line)));
    }
    html.push_str(&format!(
        "<br><a href=\"{}\">{}</a>",
        escape(&message.url),
        message.link_label()
    ));
    html
}

/// Mastodon allows 500 characters and counts any link as 23: the text is cut, the link kept.
fn mastodon_status(message: &Message) -> String {
    const LIMIT: usize = 500;
    const LINK: usize = 23;
    let mut lines = vec![message.headline.clone()];
    lines.extend(message.summary().into_iter().cloned());
    format!(
        "{}\n{}",
        truncate(&lines.join("\n"), LIMIT - LINK - 1),
        message.url
    )
}

fn truncate(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max_chars - 1).collect();
    cut.push('…');
    cut
}

/// Sends one message, trying up to [`ATTEMPTS`] times while the failure may pass (no answer,
/// HTTP 429 or 5xx). The error says what failed without naming the URL.
pub fn send(
    agent: &ureq::Agent,
    channel: &ChannelConfig,
    secrets: &Secrets,
    event: &Event,
    message: &Message,
) -> Result<(), String> {
    let mut last = String::new();
    for attempt in 0..ATTEMPTS {
        if attempt > 0 {
            std::thread::sleep(Duration::from_millis(500 * u64::from(attempt)));
        }
        let outcome = match channel.kind {
            ChannelType::Email => send_email(channel, secrets, message),
            ChannelType::Bluesky => send_bluesky(agent, channel, secrets, message),
            _ => requests(channel, secrets, event, message, Utc::now())
                .iter()
                .try_for_each(|request| send_http(agent, request).map(drop)),
        };
        match outcome {
            Ok(()) => return Ok(()),
            Err((error, retry)) => {
                last = error;
                if !retry {
                    break;
                }
            }
        }
    }
    Err(last)
}

/// The error text and whether trying again may help.
type Failure = (String, bool);

/// Signs in, then posts; the session is not kept between messages.
fn send_bluesky(
    agent: &ureq::Agent,
    channel: &ChannelConfig,
    secrets: &Secrets,
    message: &Message,
) -> Result<(), Failure> {
    let answer = send_http(agent, &bluesky_session(channel, secrets))?;
    let session: Value = serde_json::from_slice(&answer)
        .map_err(|_| ("the Bluesky session answer is not JSON".to_string(), true))?;
    let (Some(did), Some(jwt)) = (session["did"].as_str(), session["accessJwt"].as_str()) else {
        return Err(("the Bluesky session answer has no did or accessJwt".into(), false));
    };
    send_http(agent, &bluesky_post(channel, did, jwt, message, Utc::now())).map(drop)
}

/// Sends one request; a 2xx answer's body (at most 1 MiB) is returned.
fn send_http(agent: &ureq::Agent, request: &Request) -> Result<Vec<u8>, Failure> {
    let mut builder = ureq::http::Request::builder()
        .method(request.method)
        .uri(&request.url);
    for (name, value) in &request.headers {
        builder = builder.header(name, value);
    }
    let http_request = builder
        .body(request.body.clone())
        .map_err(|_| ("the configured URL is not a valid http(s) URL".to_string(), false))?;
    match agent.run(http_request) {
        Ok(mut response) => {
            let status = response.status().as_u16();
            if (200..300).contains(&status) {
                Ok(response
                    .body_mut()
                    .with_config()
                    .limit(1024 * 1024)
                    .read_to_vec()
                    .unwrap_or_default())
            } else {
                Err((format!("HTTP {status}"), status == 429 || status >= 500))
            }
        }
        // ureq's own messages may quote the URL, which can be the secret: say only the kind.
        Err(e) => Err((transport_words(&e).to_string(), true)),
    }
}

fn transport_words(error: &ureq::Error) -> &'static str {
    match error {
        ureq::Error::Timeout(_) => "no answer within the timeout",
        ureq::Error::HostNotFound => "host not found",
        ureq::Error::ConnectionFailed => "connection failed",
        ureq::Error::BadUri(_) => "the configured URL is not a valid http(s) URL",
        ureq::Error::Tls(_) => "TLS error",
        ureq::Error::Io(_) => "connection error",
        _ => "request failed",
    }
}

fn send_email(channel: &ChannelConfig, secrets: &Secrets, message: &Message) -> Result<(), Failure> {
    use lettre::message::header::ContentType;
    use lettre::transport::smtp::authentication::Credentials;
    use lettre::{SmtpTransport, Transport};

    let host = channel.host.as_deref().unwrap_or("");
    let from = channel.from.as_deref().unwrap_or("");
    let mut email = lettre::Message::builder()
        .from(
            from.parse()
                .map_err(|_| (format!("`from` address {from} is not valid"), false))?,
        )
        .subject(&message.headline);
    for to in &channel.to {
        email = email.to(to
            .parse()
            .map_err(|_| (format!("`to` address {to} is not valid"), false))?);
    }
    let email = email
        .header(ContentType::TEXT_PLAIN)
        .body(message.plain())
        .map_err(|e| (format!("cannot compose the email: {e}"), false))?;
    let builder = match channel.tls {
        SmtpTls::Tls => SmtpTransport::relay(host),
        SmtpTls::Starttls => SmtpTransport::starttls_relay(host),
        SmtpTls::None => Ok(SmtpTransport::builder_dangerous(host)),
    }
    .map_err(|_| ("cannot set up TLS for the SMTP host".to_string(), false))?;
    let mut builder = builder.timeout(Some(REQUEST_TIMEOUT));
    if let Some(port) = channel.port {
        builder = builder.port(port);
    }
    if let (Some(user), Some(password)) = (&secrets.username, &secrets.password) {
        builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
    }
    match builder.build().send(&email) {
        Ok(_) => Ok(()),
        Err(e) if e.is_permanent() => Err((
            format!(
                "the SMTP server refused the message ({})",
                e.status().map(|code| code.to_string()).unwrap_or_default()
            ),
            false,
        )),
        Err(e) if e.is_transient() => Err(("the SMTP server deferred the message".into(), true)),
        Err(_) => Err(("SMTP connection failed".into(), true)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_covers_timestamp_dot_body() {
        // HMAC-SHA256 of "1643284200.{}" under "whsec_test", computed independently with
        // Python's hmac module (see docs/notify.md for the recipe).
        assert_eq!(
            signature(b"whsec_test", 1_643_284_200, b"{}"),
            "t=1643284200,v1=c1e10a664841fb252da886aed3d04bcb4ba4795e48ef426e3c71dcc3ed10dc63"
        );
    }

    fn message(headline: &str, text: &str) -> Message {
        Message {
            headline: headline.into(),
            severity: "Severity: Major outage".into(),
            affected: "Affected: Courrier".into(),
            when: String::new(),
            text: text.into(),
            url: "https://status.example.org/incidents/x/".into(),
            site: "Status".into(),
            site_url: "https://status.example.org/".into(),
            details_line: "Details: https://status.example.org/incidents/x/".into(),
            link_label: "View on the status page".into(),
        }
    }

    #[test]
    fn an_sms_is_one_segment_with_the_whole_link() {
        let long = message(&"Panne de la messagerie électronique ".repeat(8), "");
        let text = sms_text(&long);
        assert_eq!(text.chars().count(), SMS_LIMIT);
        assert!(
            text.ends_with("… https://status.example.org/incidents/x/"),
            "{text}"
        );
    }

    #[test]
    fn the_bluesky_link_facet_counts_utf8_bytes_and_the_post_fits() {
        let config = crate::config::parse_config(
            std::path::Path::new("config.toml"),
            "title = \"T\"\nbase_url = \"https://s.example.org\"\n[[notify]]\ntype = \"bluesky\"\nhandle = \"s.example.org\"\npassword_env = \"P\"\n",
        )
        .unwrap();
        let channel = crate::notify::channels(&config).unwrap().remove(0);
        let m = message("Résolu : messagerie — 東京", &"é".repeat(400));
        let stamp = DateTime::parse_from_rfc3339("2022-01-27T20:10:00Z")
            .unwrap()
            .to_utc();
        let request = bluesky_post(&channel, "did:plc:x", "jwt", &m, stamp);
        assert_eq!(
            request.url,
            "https://bsky.social/xrpc/com.atproto.repo.createRecord"
        );
        let body: Value = serde_json::from_slice(&request.body).unwrap();
        let text = body["record"]["text"].as_str().unwrap();
        assert!(text.chars().count() <= BLUESKY_LIMIT, "{}", text.chars().count());
        let index = &body["record"]["facets"][0]["index"];
        let (start, end) = (
            index["byteStart"].as_u64().unwrap() as usize,
            index["byteEnd"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text.as_bytes()[start..end], m.url.as_bytes());
        assert_eq!(body["record"]["createdAt"], "2022-01-27T20:10:00.000Z");
    }

    #[test]
    fn truncation_counts_characters_not_bytes() {
        assert_eq!(truncate("ééé", 3), "ééé");
        assert_eq!(truncate("éééé", 3), "éé…");
    }
}
