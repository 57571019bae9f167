//! Each service's payload, as its documentation describes it, and the one place that sends.
//! Building a request is pure (tested on its own); sending adds the timeout and the bounded
//! retries. Errors name the channel and what went wrong, never a URL or a token: a webhook's
//! URL is itself its secret.

use std::time::Duration;

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
/// The header carrying a webhook's signature: `sha256=<hex of HMAC-SHA256(secret, body)>`.
pub const SIGNATURE_HEADER: &str = "X-Beacon-Signature";

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
    Ok(Secrets {
        url: read(&channel.url_env, true)?,
        secret: read(&channel.secret_env, true)?,
        token: read(&channel.token_env, true)?,
        username: read(&channel.username_env, true)?,
        password: read(&channel.password_env, true)?,
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
        _ => format!("the URL in ${}", channel.url_env.as_deref().unwrap_or("")),
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
) -> Vec<Request> {
    if channel.kind == ChannelType::Websub {
        let mut feeds = vec![
            format!("{}feed.xml", message.site_url),
            format!("{}atom.xml", message.site_url),
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
    request(channel, secrets, event, message).into_iter().collect()
}

/// The HTTP request for one message (`None` for email and WebSub).
fn request(channel: &ChannelConfig, secrets: &Secrets, event: &Event, message: &Message) -> Option<Request> {
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
                    "components": event.components.iter().map(|(id, name)| json!({"id": id, "name": name})).collect::<Vec<_>>(),
                    "text": event.text,
                    "url": event.url,
                },
                "message": { "headline": message.headline, "text": message.plain() },
                "site": { "title": message.site },
            });
            let mut request = post_json(url, &body);
            if let Some(secret) = &secrets.secret {
                request.headers.push((
                    SIGNATURE_HEADER.into(),
                    signature(secret.as_bytes(), &request.body),
                ));
            }
            request
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
        ChannelType::Email | ChannelType::Websub => return None,
    };
    Some(request)
}

/// `sha256=` and the hex HMAC-SHA256 of `body` under `secret`.
pub fn signature(secret: &[u8], body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes a key of any length");
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
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
        let outcome = if channel.kind == ChannelType::Email {
            send_email(channel, secrets, message)
        } else {
            requests(channel, secrets, event, message)
                .iter()
                .try_for_each(|request| send_http(agent, request))
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

fn send_http(agent: &ureq::Agent, request: &Request) -> Result<(), Failure> {
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
        Ok(response) => {
            let status = response.status().as_u16();
            if (200..300).contains(&status) {
                Ok(())
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
    fn signature_matches_rfc_4231_test_case_2() {
        assert_eq!(
            signature(b"Jefe", b"what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn truncation_counts_characters_not_bytes() {
        assert_eq!(truncate("ééé", 3), "ééé");
        assert_eq!(truncate("éééé", 3), "éé…");
    }
}
