//! `beacon notify` against servers started here on 127.0.0.1: a recording HTTP server for the
//! chat and webhook channels and a minimal SMTP server for email.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::thread;

use hmac::{Hmac, Mac};
use serde_json::Value;
use sha2::Sha256;

use crate::common::{Run, TestSite};

/// One request the HTTP server received.
#[derive(Debug, Clone)]
struct Received {
    method: String,
    path: String,
    headers: BTreeMap<String, String>,
    body: Vec<u8>,
}

impl Received {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("the body is JSON")
    }
}

/// An HTTP server on 127.0.0.1 that records every request; paths starting with `/fail`
/// answer 500, all others 200.
struct Recorder {
    port: u16,
    received: Arc<Mutex<Vec<Received>>>,
}

impl Recorder {
    fn start() -> Recorder {
        let server = tiny_http::Server::http("127.0.0.1:0").expect("bind");
        let port = server.server_addr().to_ip().expect("ip").port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let log = received.clone();
        thread::spawn(move || {
            for mut request in server.incoming_requests() {
                let mut body = Vec::new();
                let _ = request.as_reader().read_to_end(&mut body);
                let path = request.url().to_string();
                log.lock().unwrap().push(Received {
                    method: request.method().to_string(),
                    path: path.clone(),
                    headers: request
                        .headers()
                        .iter()
                        .map(|h| {
                            (
                                h.field.as_str().as_str().to_ascii_lowercase(),
                                h.value.to_string(),
                            )
                        })
                        .collect(),
                    body,
                });
                let status = if path.starts_with("/fail") { 500 } else { 200 };
                // Bluesky's createSession answers with the session the post then uses.
                let answer = if path.ends_with("/com.atproto.server.createSession") {
                    r#"{"did": "did:plc:beacontest", "accessJwt": "jwt-SECRET-session", "handle": "status.example.org"}"#
                } else {
                    "{}"
                };
                let _ = request.respond(tiny_http::Response::from_string(answer).with_status_code(status));
            }
        });
        Recorder { port, received }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn take(&self) -> Vec<Received> {
        std::mem::take(&mut *self.received.lock().unwrap())
    }
}

/// A minimal SMTP server on 127.0.0.1 that accepts every message and records its DATA.
fn smtp_server() -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().unwrap().port();
    let mails = Arc::new(Mutex::new(Vec::new()));
    let log = mails.clone();
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut writer = stream.try_clone().unwrap();
            let mut reader = BufReader::new(stream);
            let _ = writer.write_all(b"220 localhost ESMTP test\r\n");
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap_or(0) > 0 {
                let command = line.trim_end().to_ascii_uppercase();
                let reply: &[u8] = if command.starts_with("EHLO") || command.starts_with("HELO") {
                    b"250 localhost\r\n"
                } else if command.starts_with("DATA") {
                    let _ = writer.write_all(b"354 go on\r\n");
                    let mut data = String::new();
                    let mut part = String::new();
                    while reader.read_line(&mut part).unwrap_or(0) > 0 && part != ".\r\n" {
                        data.push_str(&part);
                        part.clear();
                    }
                    log.lock().unwrap().push(data);
                    b"250 queued\r\n"
                } else if command.starts_with("QUIT") {
                    let _ = writer.write_all(b"221 bye\r\n");
                    break;
                } else {
                    b"250 ok\r\n"
                };
                let _ = writer.write_all(reply);
                line.clear();
            }
        }
    });
    (port, mails)
}

const INCIDENT: &str = r#"+++
title = "Mail delayed"
date = 2026-03-02T09:00:00-05:00
severity = "partial"
components = ["email"]

[[updates]]
at = 2026-03-02T09:05:00-05:00
status = "investigating"
text = "Mail is delayed by up to an hour."
+++
"#;

const OLD_INCIDENT: &str = r#"+++
title = "Old VPN outage"
date = 2020-01-01T09:00:00-05:00
resolved = 2020-01-01T10:00:00-05:00
severity = "major"
components = ["vpn"]

[[updates]]
at = 2020-01-01T10:00:00-05:00
status = "resolved"
text = "Fixed."
+++
"#;

const SECRET_TOKEN: &str = "tok-SECRET-9f8e7d";
const HMAC_SECRET: &str = "hmac-SECRET-1a2b3c";

/// Runs `beacon notify` with `env` set, on the site's `previous` and `output` folders.
fn notify(site: &TestSite, env: &[(&str, String)], previous: &Path, output: &Path, now: &str) -> Run {
    Run::from(
        notify_args(site, env, previous, output, now)
            .output()
            .expect("run beacon"),
    )
}

fn notify_args(
    site: &TestSite,
    env: &[(&str, String)],
    previous: &Path,
    output: &Path,
    now: &str,
) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_beacon"));
    command
        .arg("--root")
        .arg(site.root())
        .args(["notify", "--now", now, "--previous"])
        .arg(previous)
        .arg("--output")
        .arg(output)
        .env_remove("SOURCE_DATE_EPOCH");
    for (name, value) in env {
        command.env(name, value);
    }
    command
}

fn build(site: &TestSite, output: &Path, now: &str) {
    let run = site.beacon(&["build", "--now", now, "--output", output.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

fn assert_no_secret(texts: &[&str]) {
    for text in texts {
        for secret in [SECRET_TOKEN, HMAC_SECRET, "/hook-"] {
            assert!(!text.contains(secret), "a secret leaked: {text}");
        }
    }
}

#[test]
fn every_channel_gets_its_documented_payload_once_and_no_secret_leaks() {
    let http = Recorder::start();
    let (smtp_port, mails) = smtp_server();
    let site = TestSite::new();
    site.write(
        "config.toml",
        format!(
            r#"{}
[[notify]]
type = "webhook"
url_env = "T_WEBHOOK"
secret_env = "T_SECRET"
[[notify]]
type = "slack"
url_env = "T_SLACK"
[[notify]]
type = "mattermost"
url_env = "T_MATTERMOST"
[[notify]]
type = "discord"
url_env = "T_DISCORD"
[[notify]]
type = "teams"
url_env = "T_TEAMS"
[[notify]]
type = "matrix"
homeserver = "{}"
room = "!room:example.org"
token_env = "T_TOKEN"
[[notify]]
type = "mastodon"
instance = "{}"
token_env = "T_TOKEN"
[[notify]]
type = "email"
host = "127.0.0.1"
port = {smtp_port}
tls = "none"
from = "status@example.org"
to = ["ops@example.org"]
[[notify]]
type = "websub"
hub = "{}"
"#,
            crate::common::CONFIG,
            http.url("/matrix"),
            http.url("/mastodon"),
            http.url("/hub"),
        ),
    );
    let env: Vec<(&str, String)> = vec![
        ("T_WEBHOOK", http.url("/hook-webhook")),
        ("T_SECRET", HMAC_SECRET.into()),
        ("T_SLACK", http.url("/hook-slack")),
        ("T_MATTERMOST", http.url("/hook-mattermost")),
        ("T_DISCORD", http.url("/hook-discord")),
        ("T_TEAMS", http.url("/hook-teams")),
        ("T_TOKEN", SECRET_TOKEN.into()),
    ];
    let (first, second, third) = (site.path("first"), site.path("second"), site.path("third"));
    build(&site, &first, "2026-03-02T08:00:00-05:00");
    let run = notify(&site, &env, &first, &first, "2026-03-02T08:00:00-05:00");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(http.take().is_empty(), "the first run sends nothing");

    site.write("content/incidents/2026/2026-03-02-mail.md", INCIDENT);
    build(&site, &second, "2026-03-02T09:10:00-05:00");
    let run = notify(&site, &env, &first, &second, "2026-03-02T09:10:00-05:00");
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(
        run.stdout.lines().filter(|l| l.ends_with(": 1 sent")).count(),
        9,
        "{}",
        run.stdout
    );
    let record = std::fs::read_to_string(second.join("notify.json")).unwrap();
    assert_no_secret(&[&run.stdout, &run.stderr, &record]);

    let received = http.take();
    let by_path = |prefix: &str| -> Received {
        let hits: Vec<&Received> = received.iter().filter(|r| r.path.starts_with(prefix)).collect();
        assert_eq!(hits.len(), 1, "{prefix}: {hits:?}");
        hits[0].clone()
    };
    let permalink = "https://status.example.org/incidents/2026-03-02-mail/";

    let webhook = by_path("/hook-webhook");
    // `t=<unix seconds>,v1=<HMAC-SHA256 of "<t>.<body>">`, verified as a receiver would:
    // the timestamp close to the clock, the MAC over timestamp, dot and the exact body.
    let header = &webhook.headers["x-beacon-signature"];
    let (t, v1) = header
        .strip_prefix("t=")
        .and_then(|rest| rest.split_once(",v1="))
        .unwrap_or_else(|| panic!("signature header {header}"));
    let t: i64 = t.parse().unwrap();
    let clock = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    assert!(
        (clock - t).abs() < 300,
        "timestamp {t} is not near the clock {clock}"
    );
    let mut mac = Hmac::<Sha256>::new_from_slice(HMAC_SECRET.as_bytes()).unwrap();
    mac.update(format!("{t}.").as_bytes());
    mac.update(&webhook.body);
    mac.verify_slice(&hex::decode(v1).unwrap())
        .expect("the signature verifies");
    assert!(
        webhook.headers["user-agent"].starts_with("beacon/"),
        "{:?}",
        webhook.headers
    );
    assert!(
        webhook.headers["user-agent"].ends_with(" (+https://status.example.org/)"),
        "{:?}",
        webhook.headers
    );
    let body = webhook.json();
    assert_eq!(body["event"]["change"], "incident_new");
    assert_eq!(body["event"]["title"], "Mail delayed");
    // One severity, the page's: the incident is a partial outage, which Statuspage calls a
    // "major" impact.
    assert_eq!(body["event"]["severity"], "partial");
    assert_eq!(body["event"]["impact"], "major");
    assert_eq!(body["event"]["components"][0]["id"], "email");
    assert_eq!(body["event"]["text"], "Mail is delayed by up to an hour.");
    assert_eq!(body["event"]["url"], permalink);

    let slack = by_path("/hook-slack").json();
    let text = slack["text"].as_str().unwrap();
    assert!(text.starts_with("*New incident: Mail delayed*"), "{text}");
    assert!(
        text.contains(&format!("<{permalink}|")) && text.contains("Affected: Email"),
        "{text}"
    );
    let mattermost = by_path("/hook-mattermost").json();
    assert!(mattermost["text"]
        .as_str()
        .unwrap()
        .starts_with("**New incident: Mail delayed**"));

    let discord = by_path("/hook-discord").json();
    assert_eq!(discord["embeds"][0]["title"], "New incident: Mail delayed");
    assert_eq!(discord["embeds"][0]["url"], permalink);
    assert!(discord["embeds"][0]["description"]
        .as_str()
        .unwrap()
        .contains("Severity: Partial outage"));
    assert_eq!(discord["allowed_mentions"]["parse"], serde_json::json!([]));

    let teams = by_path("/hook-teams").json();
    assert_eq!(teams["type"], "message");
    let attachment = &teams["attachments"][0];
    assert_eq!(
        attachment["contentType"],
        "application/vnd.microsoft.card.adaptive"
    );
    assert_eq!(attachment["content"]["type"], "AdaptiveCard");
    assert_eq!(attachment["content"]["body"][0]["type"], "TextBlock");
    assert_eq!(attachment["content"]["actions"][0]["type"], "Action.OpenUrl");
    assert_eq!(attachment["content"]["actions"][0]["url"], permalink);

    let matrix = by_path("/matrix/");
    assert_eq!(matrix.method, "PUT");
    assert!(
        matrix
            .path
            .starts_with("/matrix/_matrix/client/v3/rooms/%21room%3Aexample%2Eorg/send/m.room.message/"),
        "{}",
        matrix.path
    );
    assert_eq!(matrix.headers["authorization"], format!("Bearer {SECRET_TOKEN}"));
    let body = matrix.json();
    assert_eq!(body["msgtype"], "m.text");
    assert_eq!(body["format"], "org.matrix.custom.html");
    assert!(body["formatted_body"]
        .as_str()
        .unwrap()
        .contains(&format!("<a href=\"{permalink}\">")));

    let mastodon = by_path("/mastodon/api/v1/statuses");
    assert_eq!(mastodon.method, "POST");
    assert!(mastodon.headers.contains_key("idempotency-key"));
    let status = mastodon.json();
    assert!(status["status"].as_str().unwrap().contains(permalink));
    assert_eq!(status["visibility"], "public");

    // WebSub: a ping per changed feed, and the feeds name the hub.
    let hub = http.url("/hub");
    let mut pinged: Vec<String> = received
        .iter()
        .filter(|r| r.path == "/hub")
        .map(|r| String::from_utf8(r.body.clone()).unwrap())
        .collect();
    pinged.sort();
    assert_eq!(
        pinged,
        [
            "hub.mode=publish&hub.url=https%3A%2F%2Fstatus%2Eexample%2Eorg%2Fatom%2Exml",
            "hub.mode=publish&hub.url=https%3A%2F%2Fstatus%2Eexample%2Eorg%2Fcomponents%2Femail%2Ffeed%2Exml",
            "hub.mode=publish&hub.url=https%3A%2F%2Fstatus%2Eexample%2Eorg%2Ffeed%2Exml",
            "hub.mode=publish&hub.url=https%3A%2F%2Fstatus%2Eexample%2Eorg%2Fupdates%2Fatom%2Exml",
            "hub.mode=publish&hub.url=https%3A%2F%2Fstatus%2Eexample%2Eorg%2Fupdates%2Ffeed%2Exml",
        ]
    );
    let atom = std::fs::read_to_string(second.join("atom.xml")).unwrap();
    let atom = roxmltree::Document::parse(&atom).unwrap();
    assert!(atom.descendants().any(|n| n.tag_name().name() == "link"
        && n.attribute("rel") == Some("hub")
        && n.attribute("href") == Some(hub.as_str())));
    let rss = std::fs::read_to_string(second.join("feed.xml")).unwrap();
    let rss = roxmltree::Document::parse(&rss).unwrap();
    assert!(rss.descendants().any(|n| n.tag_name().name() == "link"
        && n.tag_name().namespace() == Some("http://www.w3.org/2005/Atom")
        && n.attribute("rel") == Some("hub")
        && n.attribute("href") == Some(hub.as_str())));

    let delivered = std::mem::take(&mut *mails.lock().unwrap());
    assert_eq!(delivered.len(), 1, "{delivered:?}");
    assert!(
        delivered[0].contains("Subject: New incident: Mail delayed"),
        "{}",
        delivered[0]
    );
    assert!(delivered[0].contains("To: ops@example.org"), "{}", delivered[0]);

    // The deploy happened: the next run reads this record back, and has nothing new to say.
    build(&site, &third, "2026-03-02T09:20:00-05:00");
    let run = notify(&site, &env, &second, &third, "2026-03-02T09:20:00-05:00");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(http.take().is_empty(), "a rerun sends nothing: {}", run.stdout);
    assert!(mails.lock().unwrap().is_empty());
    assert_no_secret(&[&run.stdout, &run.stderr]);

    // A new update, then an update and the resolution together (only the latest is told).
    let later = |top: &str, updates: &str| {
        let head = INCIDENT
            .trim_end_matches("+++\n")
            .replace("severity", &format!("{top}severity"));
        format!("{head}{updates}+++\n")
    };
    let steps = [
        (
            later("", "\n[[updates]]\nat = 2026-03-02T10:00:00-05:00\nstatus = \"identified\"\ntext = \"A queue is stuck.\"\n"),
            "2026-03-02T10:05:00-05:00",
            "incident_update",
            "A queue is stuck.",
        ),
        (
            later("resolved = 2026-03-02T11:30:00-05:00\n", "[[updates]]\nat = 2026-03-02T10:00:00-05:00\nstatus = \"identified\"\ntext = \"A queue is stuck.\"\n[[updates]]\nat = 2026-03-02T11:00:00-05:00\nstatus = \"monitoring\"\ntext = \"Flowing again.\"\n[[updates]]\nat = 2026-03-02T11:30:00-05:00\nstatus = \"resolved\"\ntext = \"All mail delivered.\"\n"),
            "2026-03-02T11:40:00-05:00",
            "incident_resolved",
            "All mail delivered.",
        ),
    ];
    let mut previous = third;
    for (n, (text, now, change, latest)) in steps.iter().enumerate() {
        site.write("content/incidents/2026/2026-03-02-mail.md", text);
        let next = site.path(&format!("step{n}"));
        build(&site, &next, now);
        let run = notify(&site, &env, &previous, &next, now);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let received = http.take();
        assert_eq!(
            received.len(),
            7 + 5,
            "one per HTTP channel, 5 WebSub pings: {}",
            run.stdout
        );
        let webhook = received
            .iter()
            .find(|r| r.path == "/hook-webhook")
            .unwrap()
            .json();
        assert_eq!(webhook["event"]["change"], *change);
        assert_eq!(webhook["event"]["text"], *latest);
        assert_eq!(std::mem::take(&mut *mails.lock().unwrap()).len(), 1);
        previous = next;
    }
}

#[test]
fn first_run_over_an_old_site_is_silent_and_maintenance_follows_the_clock() {
    let http = Recorder::start();
    let site = TestSite::new();
    site.write(
        "config.toml",
        format!(
            "{}\n[[notify]]\ntype = \"slack\"\nurl_env = \"T_SLACK\"\n",
            crate::common::CONFIG
        ),
    );
    site.write("content/incidents/2020/2020-01-01-vpn.md", OLD_INCIDENT);
    site.write(
        "content/incidents/2026/2026-03-10-upgrade.md",
        r#"+++
title = "Mail upgrade"
kind = "maintenance"
date = 2026-03-10T22:00:00-05:00
end = 2026-03-11T01:00:00-05:00
components = ["email"]

[[updates]]
at = 2026-03-01T10:00:00-05:00
status = "scheduled"
text = "Mail will pause for a few minutes."
+++
"#,
    );
    let env = vec![("T_SLACK", http.url("/hook-slack"))];
    let out = site.path("out");
    build(&site, &out, "2026-03-09T12:00:00-05:00");
    // Never deployed (an empty folder): everything in the output is old news, and nothing
    // is written on a dry run.
    let empty = site.path("empty");
    std::fs::create_dir(&empty).unwrap();
    let mut dry = notify_args(&site, &env, &empty, &out, "2026-03-09T12:00:00-05:00");
    let run = Run::from(dry.arg("--dry-run").output().unwrap());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("first run"), "{}", run.stdout);
    assert!(!out.join("notify.json").exists());
    // Deployed before notify was set up: what that site shows (the window already announced,
    // the old incident) is old news.
    let run = notify(&site, &env, &out, &out, "2026-03-09T12:00:00-05:00");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("counts as told"), "{}", run.stdout);
    assert!(http.take().is_empty(), "{}", run.stdout);

    // A scheduled run after the start, with no edit and no rebuild: "started".
    let run = notify(&site, &env, &out, &out, "2026-03-10T22:05:00-05:00");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let sent = http.take();
    assert_eq!(sent.len(), 1, "{}", run.stdout);
    assert!(sent[0].json()["text"]
        .as_str()
        .unwrap()
        .starts_with("*Maintenance started: Mail upgrade*"));
    // In the site's zone: 22:00-05:00 is 23:00 EDT, daylight saving began on 8 March.
    assert!(
        sent[0].json()["text"]
            .as_str()
            .unwrap()
            .contains("When: 2026-03-10 23:00 to 2026-03-11 02:00 (America/New_York)"),
        "{:?}",
        sent[0].json()
    );

    // The same instant again: nothing.
    notify(&site, &env, &out, &out, "2026-03-10T22:05:00-05:00");
    assert!(http.take().is_empty());

    // After the end: "completed".
    notify(&site, &env, &out, &out, "2026-03-11T01:30:00-05:00");
    let sent = http.take();
    assert_eq!(sent.len(), 1);
    assert!(sent[0].json()["text"]
        .as_str()
        .unwrap()
        .starts_with("*Maintenance completed: Mail upgrade*"));

    // A later build keeps notify's record: it is registered, not a foreign file.
    build(&site, &out, "2026-03-11T02:00:00-05:00");
    assert!(out.join("notify.json").exists());
}

#[test]
fn a_failed_send_is_retried_next_run_and_does_not_stop_other_channels() {
    let http = Recorder::start();
    let site = TestSite::new();
    site.write(
        "config.toml",
        format!(
            "{}\n[[notify]]\ntype = \"webhook\"\nname = \"flaky\"\nurl_env = \"T_FLAKY\"\n\
             [[notify]]\ntype = \"discord\"\nname = \"chat\"\nurl_env = \"T_CHAT\"\n\
             components = [\"email\"]\n\
             [[notify]]\ntype = \"slack\"\nname = \"vpn-only\"\nurl_env = \"T_VPN\"\ncomponents = [\"vpn\"]\n\
             [[notify]]\ntype = \"teams\"\nname = \"unset\"\nurl_env = \"T_UNSET\"\n",
            crate::common::CONFIG
        ),
    );
    let (first, second, third) = (site.path("first"), site.path("second"), site.path("third"));
    build(&site, &first, "2026-03-02T08:00:00-05:00");
    let failing = vec![
        ("T_FLAKY", http.url("/fail-webhook")),
        ("T_CHAT", http.url("/hook-chat")),
        ("T_VPN", http.url("/hook-vpn")),
    ];
    assert_eq!(
        notify(&site, &failing, &first, &first, "2026-03-02T08:00:00-05:00").code,
        0
    );

    site.write("content/incidents/2026/2026-03-02-mail.md", INCIDENT);
    build(&site, &second, "2026-03-02T09:10:00-05:00");
    let mut command = notify_args(&site, &failing, &first, &second, "2026-03-02T09:10:00-05:00");
    let run = Run::from(command.arg("--verbose").env_remove("T_UNSET").output().unwrap());
    assert_eq!(run.code, 2, "a failed channel fails the run");
    assert!(
        run.stderr
            .contains("unset (teams): 1 message not sent: environment variable T_UNSET is not set"),
        "{}",
        run.stderr
    );
    for url in &failing {
        assert!(
            !run.stdout.contains(&url.1) && !run.stderr.contains(&url.1),
            "{}",
            run.stderr
        );
    }
    assert!(
        run.stderr
            .contains("flaky (webhook): 0 sent, 1 failed (HTTP 500)"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("chat (discord): 1 sent"), "{}", run.stderr);
    assert!(
        run.stderr.contains("vpn-only (slack): nothing to send"),
        "{}",
        run.stderr
    );
    let sent = http.take();
    assert_eq!(
        sent.iter().filter(|r| r.path == "/fail-webhook").count(),
        3,
        "bounded retries"
    );
    assert_eq!(sent.iter().filter(|r| r.path == "/hook-chat").count(), 1);
    assert!(!sent.iter().any(|r| r.path == "/hook-vpn"), "the filter holds");
    let record: Value =
        serde_json::from_str(&std::fs::read_to_string(second.join("notify.json")).unwrap()).unwrap();
    assert_eq!(record["pending"]["flaky"][0], "incident/2026-03-02-mail/new");

    // The next run (after deploying `second`), with the hook working again, delivers it.
    let working = vec![
        ("T_FLAKY", http.url("/hook-webhook")),
        ("T_CHAT", http.url("/hook-chat")),
        ("T_VPN", http.url("/hook-vpn")),
        ("T_UNSET", http.url("/hook-teams")),
    ];
    build(&site, &third, "2026-03-02T09:20:00-05:00");
    let run = notify(&site, &working, &second, &third, "2026-03-02T09:20:00-05:00");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut sent = http.take();
    sent.sort_by(|a, b| a.path.cmp(&b.path));
    let paths: Vec<&str> = sent.iter().map(|r| r.path.as_str()).collect();
    assert_eq!(paths, ["/hook-teams", "/hook-webhook"], "only the retries");
    assert_eq!(sent[1].json()["event"]["key"], "incident/2026-03-02-mail/new");
    let record: Value =
        serde_json::from_str(&std::fs::read_to_string(third.join("notify.json")).unwrap()).unwrap();
    assert_eq!(record["pending"], serde_json::json!({}));
}

#[test]
fn check_reports_bad_notify_tables_at_their_keys() {
    let site = TestSite::new();
    site.write(
        "config.toml",
        format!(
            "{}\n[[notify]]\ntype = \"slack\"\nurl_env = \"https://hooks.slack.com/x\"\ncomponents = [\"emial\"]\n\
             [[notify]]\ntype = \"slack\"\nurl_evn = \"X\"\n",
            crate::common::CONFIG
        ),
    );
    let run = site.beacon(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("did you mean `url_env`?"), "{}", run.stderr);
    site.write(
        "config.toml",
        format!(
            "{}\n[[notify]]\ntype = \"slack\"\nurl_env = \"https://hooks.slack.com/x\"\ncomponents = [\"emial\"]\n",
            crate::common::CONFIG
        ),
    );
    let run = site.beacon(&["check"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("config.toml:22:11"), "{}", run.stderr);
    assert!(
        run.stderr.contains("NAME of an environment variable"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("unknown component `emial`; did you mean `email`?"),
        "{}",
        run.stderr
    );
}

/// Serves the files of `dir` on 127.0.0.1, like a static host; `/down/...` answers 500.
pub(crate) fn static_host(dir: &Path) -> u16 {
    let server = tiny_http::Server::http("127.0.0.1:0").expect("bind");
    let port = server.server_addr().to_ip().expect("ip").port();
    let dir = dir.to_path_buf();
    thread::spawn(move || {
        for request in server.incoming_requests() {
            let url = request.url().trim_start_matches('/');
            // Under `ua/`, only a request that says it is beacon, and for which site, is served.
            let agent_only = url.starts_with("ua/");
            let path = url.strip_prefix("ua/").unwrap_or(url).to_string();
            let agent_ok = request.headers().iter().any(|h| {
                h.field.equiv("User-Agent")
                    && h.value.as_str().starts_with("beacon/")
                    && h.value.as_str().ends_with(" (+https://status.example.org/)")
            });
            let response = if path.starts_with("down/") {
                tiny_http::Response::from_string("").with_status_code(500)
            } else if agent_only && !agent_ok {
                tiny_http::Response::from_string("").with_status_code(403)
            } else {
                match std::fs::read(dir.join(&path)) {
                    Ok(bytes) => tiny_http::Response::from_data(bytes),
                    Err(_) => tiny_http::Response::from_string("").with_status_code(404),
                }
            };
            let _ = request.respond(response);
        }
    });
    port
}

#[test]
fn the_previous_site_is_read_from_its_url_and_an_unreachable_one_sends_nothing() {
    let http = Recorder::start();
    let site = TestSite::new();
    site.write(
        "config.toml",
        format!(
            "{}\n[[notify]]\ntype = \"slack\"\nurl_env = \"T_SLACK\"\n",
            crate::common::CONFIG
        ),
    );
    let env = vec![("T_SLACK", http.url("/hook-slack"))];
    let (first, second) = (site.path("first"), site.path("second"));
    build(&site, &first, "2026-03-02T08:00:00-05:00");
    site.write("content/incidents/2026/2026-03-02-mail.md", INCIDENT);
    build(&site, &second, "2026-03-02T09:10:00-05:00");
    let host = static_host(&first);

    let down = format!("http://127.0.0.1:{host}/down/");
    let run = notify(
        &site,
        &env,
        Path::new(&down),
        &second,
        "2026-03-02T09:10:00-05:00",
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("HTTP 500") && run.stderr.contains("nothing was sent"),
        "{}",
        run.stderr
    );
    assert!(http.take().is_empty());
    assert!(!second.join("notify.json").exists());

    // Deployed before notify was set up: its API over HTTP is the baseline. (`ua/` answers
    // only a request with beacon's User-Agent.)
    let url = format!("http://127.0.0.1:{host}/ua/");
    let run = notify(&site, &env, Path::new(&url), &second, "2026-03-02T09:10:00-05:00");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let sent = http.take();
    assert_eq!(sent.len(), 1, "{}", run.stdout);
    assert!(sent[0].json()["text"]
        .as_str()
        .unwrap()
        .starts_with("*New incident: Mail delayed*"));
}

// Notifications speak the site's language, with its overrides, as its pages do.
#[test]
fn messages_speak_the_site_language() {
    let http = Recorder::start();
    let site = TestSite::new();
    site.write(
        "config.toml",
        format!(
            "language = \"fr\"\n{}\n[[notify]]\ntype = \"slack\"\nurl_env = \"T_SLACK\"\n",
            crate::common::CONFIG
        ),
    );
    site.write("i18n/fr.ftl", "notify-link = Ouvrir la page d’état\n");
    site.write(
        "content/incidents/2026/2026-03-10-upgrade.md",
        r#"+++
title = "Mail upgrade"
kind = "maintenance"
date = 2026-03-10T22:00:00-05:00
end = 2026-03-11T01:00:00-05:00
components = ["email"]

[[updates]]
at = 2026-03-01T10:00:00-05:00
status = "scheduled"
text = "Mail will pause for a few minutes."
+++
"#,
    );
    let env = vec![("T_SLACK", http.url("/hook-slack"))];
    let out = site.path("out");
    build(&site, &out, "2026-03-09T12:00:00-05:00");
    notify(&site, &env, &out, &out, "2026-03-09T12:00:00-05:00");
    http.take();
    let run = notify(&site, &env, &out, &out, "2026-03-10T22:05:00-05:00");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let sent = http.take();
    assert_eq!(sent.len(), 1, "{}", run.stdout);
    let text = sent[0].json()["text"].as_str().unwrap().to_string();
    assert!(
        text.starts_with("*Maintenance commencée\u{a0}: Mail upgrade*"),
        "{text}"
    );
    assert!(
        text.contains("Quand\u{a0}: du 2026-03-10 23:00 au 2026-03-11 02:00 (America/New_York)"),
        "{text}"
    );
    assert!(text.contains("|Ouvrir la page d’état>"), "{text}");
}

/// The config of the five channels that reach phones, against `http`.
fn phone_channels(http: &Recorder) -> String {
    format!(
        r#"{}
[[notify]]
type = "ntfy"
url_env = "T_NTFY"
token_env = "T_TOKEN"
[[notify]]
type = "telegram"
token_env = "T_TOKEN"
chat = "@examplestatus"
api_url = "{}"
[[notify]]
type = "sms"
account_env = "T_SID"
token_env = "T_TOKEN"
from = "+15005550006"
to_env = "T_PHONES"
api_url = "{}"
[[notify]]
type = "googlechat"
url_env = "T_GCHAT"
[[notify]]
type = "bluesky"
handle = "status.example.org"
password_env = "T_APP_PASSWORD"
api_url = "{}"
"#,
        crate::common::CONFIG,
        http.url("/telegram"),
        http.url("/twilio"),
        http.url("/bsky"),
    )
}

fn phone_env(http: &Recorder) -> Vec<(&'static str, String)> {
    vec![
        ("T_NTFY", http.url("/ntfy/status-alerts")),
        ("T_TOKEN", SECRET_TOKEN.into()),
        ("T_SID", "AC0123456789abcdef0123456789abcdef".into()),
        ("T_PHONES", "+15551230001, +15551230002".into()),
        (
            "T_GCHAT",
            http.url("/hook-gchat/v1/spaces/AAAA/messages?key=k1&token=t1"),
        ),
        ("T_APP_PASSWORD", HMAC_SECRET.into()),
    ]
}

fn form(body: &[u8]) -> BTreeMap<String, String> {
    url::form_urlencoded::parse(body).into_owned().collect()
}

#[test]
fn phone_channels_send_what_each_service_documents() {
    let http = Recorder::start();
    let site = TestSite::new();
    site.write("config.toml", phone_channels(&http));
    let env = phone_env(&http);
    let (first, second) = (site.path("first"), site.path("second"));
    build(&site, &first, "2026-03-02T08:00:00-05:00");
    let run = notify(&site, &env, &first, &first, "2026-03-02T08:00:00-05:00");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(http.take().is_empty());

    site.write("content/incidents/2026/2026-03-02-mail.md", INCIDENT);
    build(&site, &second, "2026-03-02T09:10:00-05:00");
    let run = notify(&site, &env, &first, &second, "2026-03-02T09:10:00-05:00");
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(
        run.stdout.lines().filter(|l| l.ends_with(": 1 sent")).count(),
        5,
        "{}",
        run.stdout
    );
    let record = std::fs::read_to_string(second.join("notify.json")).unwrap();
    assert_no_secret(&[&run.stdout, &run.stderr, &record]);
    assert!(
        !run.stdout.contains("+1555"),
        "no phone number is printed: {}",
        run.stdout
    );

    let received = http.take();
    let permalink = "https://status.example.org/incidents/2026-03-02-mail/";
    for request in &received {
        assert_eq!(request.method, "POST", "{request:?}");
        let agent = &request.headers["user-agent"];
        assert!(
            agent.starts_with("beacon/") && agent.ends_with(" (+https://status.example.org/)"),
            "{agent}"
        );
    }
    let at =
        |prefix: &str| -> Vec<&Received> { received.iter().filter(|r| r.path.starts_with(prefix)).collect() };

    // ntfy: JSON publishing to the server's root, the topic in the body; priority and tags
    // from the severity (a partial outage: high, "warning"); a click opens the permalink.
    let ntfy = at("/ntfy");
    assert_eq!(ntfy.len(), 1, "{ntfy:?}");
    assert_eq!(ntfy[0].path, "/ntfy");
    assert_eq!(ntfy[0].headers["content-type"], "application/json");
    assert_eq!(ntfy[0].headers["authorization"], format!("Bearer {SECRET_TOKEN}"));
    let body = ntfy[0].json();
    assert_eq!(body["topic"], "status-alerts");
    assert_eq!(body["title"], "New incident: Mail delayed");
    assert!(
        body["message"].as_str().unwrap().contains("Mail is delayed"),
        "{body}"
    );
    assert_eq!(body["priority"], 4);
    assert_eq!(body["tags"], serde_json::json!(["warning", "partial"]));
    assert_eq!(body["click"], permalink);

    // Telegram: sendMessage under /bot<token>/, HTML parse mode, the link as an anchor.
    let telegram = at("/telegram");
    assert_eq!(telegram.len(), 1, "{telegram:?}");
    assert_eq!(
        telegram[0].path,
        format!("/telegram/bot{SECRET_TOKEN}/sendMessage")
    );
    let body = telegram[0].json();
    assert_eq!(body["chat_id"], "@examplestatus");
    assert_eq!(body["parse_mode"], "HTML");
    let text = body["text"].as_str().unwrap();
    assert!(text.starts_with("<b>New incident: Mail delayed</b>\n"), "{text}");
    assert!(text.contains(&format!("<a href=\"{permalink}\">")), "{text}");

    // Twilio: one form-encoded POST per number to the account's Messages.json, basic auth.
    let sms = at("/twilio");
    assert_eq!(sms.len(), 2, "{sms:?}");
    let sid = "AC0123456789abcdef0123456789abcdef";
    let mut to = Vec::new();
    for request in &sms {
        assert_eq!(
            request.path,
            format!("/twilio/2010-04-01/Accounts/{sid}/Messages.json")
        );
        assert_eq!(
            request.headers["content-type"],
            "application/x-www-form-urlencoded"
        );
        let credentials = request.headers["authorization"]
            .strip_prefix("Basic ")
            .expect("basic auth");
        assert_eq!(
            base64::Engine::decode(&base64::engine::general_purpose::STANDARD, credentials).unwrap(),
            format!("{sid}:{SECRET_TOKEN}").into_bytes()
        );
        let fields = form(&request.body);
        assert_eq!(fields["From"], "+15005550006");
        let text = &fields["Body"];
        assert!(text.chars().count() <= 160, "{text}");
        assert_eq!(text, &format!("New incident: Mail delayed {permalink}"));
        to.push(fields["To"].clone());
    }
    to.sort();
    assert_eq!(to, ["+15551230001", "+15551230002"]);

    // Google Chat: the webhook URL as given plus the reply option, a thread per incident.
    let chat = at("/hook-gchat");
    assert_eq!(chat.len(), 1, "{chat:?}");
    assert_eq!(
        chat[0].path,
        "/hook-gchat/v1/spaces/AAAA/messages?key=k1&token=t1&messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD"
    );
    let body = chat[0].json();
    let text = body["text"].as_str().unwrap();
    assert!(text.starts_with("*New incident: Mail delayed*\n"), "{text}");
    assert!(
        text.ends_with(&format!("<{permalink}|View on the status page>")),
        "{text}"
    );
    assert_eq!(body["thread"]["threadKey"], "beacon-incident-2026-03-02-mail");

    // Bluesky: a session with the app password, then a post with a link facet and card.
    let bsky = at("/bsky");
    assert_eq!(bsky.len(), 2, "{bsky:?}");
    assert_eq!(bsky[0].path, "/bsky/xrpc/com.atproto.server.createSession");
    assert_eq!(
        bsky[0].json(),
        serde_json::json!({"identifier": "status.example.org", "password": HMAC_SECRET})
    );
    assert_eq!(bsky[1].path, "/bsky/xrpc/com.atproto.repo.createRecord");
    assert_eq!(bsky[1].headers["authorization"], "Bearer jwt-SECRET-session");
    let body = bsky[1].json();
    assert_eq!(body["repo"], "did:plc:beacontest");
    assert_eq!(body["collection"], "app.bsky.feed.post");
    let post = &body["record"];
    assert_eq!(post["$type"], "app.bsky.feed.post");
    let text = post["text"].as_str().unwrap();
    assert!(text.chars().count() <= 300, "{text}");
    assert!(text.starts_with("New incident: Mail delayed\n"), "{text}");
    let facet = &post["facets"][0];
    let (start, end) = (
        facet["index"]["byteStart"].as_u64().unwrap() as usize,
        facet["index"]["byteEnd"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text.as_bytes()[start..end], permalink.as_bytes());
    assert_eq!(facet["features"][0]["$type"], "app.bsky.richtext.facet#link");
    assert_eq!(facet["features"][0]["uri"], permalink);
    assert_eq!(post["embed"]["$type"], "app.bsky.embed.external");
    assert_eq!(post["embed"]["external"]["uri"], permalink);
    assert_eq!(post["embed"]["external"]["title"], "New incident: Mail delayed");
    assert!(chrono::DateTime::parse_from_rfc3339(post["createdAt"].as_str().unwrap()).is_ok());
}

/// The incident of [`INCIDENT`] with more updates, and resolved when `resolved` is given.
fn incident_with(resolved: Option<&str>, updates: &str) -> String {
    let head = INCIDENT.trim_end_matches("+++\n");
    let head = match resolved {
        Some(at) => head.replace("severity", &format!("resolved = {at}\nseverity")),
        None => head.to_string(),
    };
    format!("{head}{updates}+++\n")
}

const IDENTIFIED: &str =
    "[[updates]]\nat = 2026-03-02T09:20:00-05:00\nstatus = \"identified\"\ntext = \"A queue is stuck.\"\n";
const RESOLVED: &str =
    "[[updates]]\nat = 2026-03-02T09:40:00-05:00\nstatus = \"resolved\"\ntext = \"All mail delivered.\"\n";
const POSTMORTEM: &str = "[[updates]]\nat = 2026-03-02T11:00:00-05:00\nstatus = \"postmortem\"\ntext = \"Root cause: disk full.\"\n";

#[test]
fn sms_is_short_and_at_most_one_per_incident_per_hour() {
    let http = Recorder::start();
    let site = TestSite::new();
    site.write("config.toml", phone_channels(&http));
    let env = phone_env(&http);
    let step = |n: usize, content: Option<String>, now: &str| -> (Run, Vec<Received>) {
        if let Some(text) = content {
            site.write("content/incidents/2026/2026-03-02-mail.md", text);
        }
        let (previous, output) = (site.path(&format!("run{}", n - 1)), site.path(&format!("run{n}")));
        build(&site, &output, now);
        let run = notify(&site, &env, &previous, &output, now);
        assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
        let sms = http
            .take()
            .into_iter()
            .filter(|r| r.path.starts_with("/twilio"))
            .collect();
        (run, sms)
    };
    build(&site, &site.path("run0"), "2026-03-02T08:00:00-05:00");
    // Opened: texted (to both numbers).
    let (_, sms) = step(1, Some(INCIDENT.into()), "2026-03-02T09:10:00-05:00");
    assert_eq!(sms.len(), 2);
    // An update: not for SMS.
    let (run, sms) = step(
        2,
        Some(incident_with(None, IDENTIFIED)),
        "2026-03-02T09:25:00-05:00",
    );
    assert!(sms.is_empty(), "{}", run.stdout);
    // Resolved 35 minutes after the first text: held back, kept in the record.
    let (run, sms) = step(
        3,
        Some(incident_with(
            Some("2026-03-02T09:40:00-05:00"),
            &format!("{IDENTIFIED}{RESOLVED}"),
        )),
        "2026-03-02T09:45:00-05:00",
    );
    assert!(sms.is_empty(), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("sms (sms): nothing to send; 1 message held back (one SMS per incident per hour)"),
        "{}",
        run.stdout
    );
    let record: Value = serde_json::from_str(&site.read("run3/notify.json")).unwrap();
    assert_eq!(
        record["pending"]["sms"],
        serde_json::json!(["incident/2026-03-02-mail/resolved"])
    );
    assert!(
        record["sms_sent"]["sms"]["2026-03-02-mail"].is_string(),
        "{record}"
    );
    // Still within the hour: nothing.
    let (_, sms) = step(4, None, "2026-03-02T10:05:00-05:00");
    assert!(sms.is_empty());
    // An hour after the first text: the resolution goes out, with the resolution's words
    // nowhere but in the other channels (an SMS is headline and link).
    let (_, sms) = step(5, None, "2026-03-02T10:15:00-05:00");
    assert_eq!(sms.len(), 2);
    assert_eq!(
        form(&sms[0].body)["Body"],
        "Resolved: Mail delayed https://status.example.org/incidents/2026-03-02-mail/"
    );
    // A postmortem is not for SMS; the record forgets texts older than an hour.
    let (_, sms) = step(
        6,
        Some(incident_with(
            Some("2026-03-02T09:40:00-05:00"),
            &format!("{IDENTIFIED}{RESOLVED}{POSTMORTEM}"),
        )),
        "2026-03-02T11:20:00-05:00",
    );
    assert!(sms.is_empty());
    let record: Value = serde_json::from_str(&site.read("run6/notify.json")).unwrap();
    assert!(record.get("sms_sent").is_none(), "{record}");
    assert!(record["pending"].as_object().unwrap().is_empty(), "{record}");
}

/// A site with one webhook channel (plus `extra` config), and a run per step, each reading the
/// previous step's output; returns the webhook bodies each step sent.
struct Steps {
    http: Recorder,
    site: TestSite,
    n: usize,
}

impl Steps {
    fn new(extra: &str) -> Steps {
        let http = Recorder::start();
        let site = TestSite::new();
        site.write(
            "config.toml",
            format!(
                "{}\n[[notify]]\ntype = \"webhook\"\nurl_env = \"T_WEBHOOK\"\n{extra}",
                crate::common::CONFIG
            ),
        );
        Steps { http, site, n: 0 }
    }

    /// Builds at `now` into a new folder, notifies against the last one.
    fn run(&mut self, now: &str) -> (Run, Vec<Received>) {
        let output = self.site.path(&format!("run{}", self.n + 1));
        build(&self.site, &output, now);
        let previous = self.site.path(&format!("run{}", self.n));
        if self.n == 0 {
            std::fs::create_dir_all(&previous).unwrap();
        }
        self.n += 1;
        let env = vec![
            ("T_WEBHOOK", self.http.url("/hook-webhook")),
            ("T_OTHER", self.http.url("/hook-other")),
        ];
        let run = notify(&self.site, &env, &previous, &output, now);
        assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
        (run, self.http.take())
    }
}

fn changes(received: &[Received]) -> Vec<(String, String)> {
    received
        .iter()
        .map(|r| {
            let body = r.json();
            (
                body["event"]["change"].as_str().unwrap().to_string(),
                body["event"]["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_postmortem_is_told_on_its_own_and_the_resolution_keeps_its_text() {
    // Resolution and postmortem in one run: both are told, each with its own text.
    let mut steps = Steps::new("");
    steps.run("2026-03-02T08:00:00-05:00");
    steps
        .site
        .write("content/incidents/2026/2026-03-02-mail.md", INCIDENT);
    assert_eq!(
        changes(&steps.run("2026-03-02T09:10:00-05:00").1),
        [("incident_new".into(), "Mail is delayed by up to an hour.".into())]
    );
    steps.site.write(
        "content/incidents/2026/2026-03-02-mail.md",
        incident_with(
            Some("2026-03-02T09:40:00-05:00"),
            &format!("{IDENTIFIED}{RESOLVED}{POSTMORTEM}"),
        ),
    );
    let (_, received) = steps.run("2026-03-02T11:10:00-05:00");
    assert_eq!(
        changes(&received),
        [
            ("incident_resolved".to_string(), "All mail delivered.".to_string()),
            (
                "incident_postmortem".to_string(),
                "Root cause: disk full.".to_string()
            ),
        ]
    );
    let headline = received[1].json()["message"]["headline"].clone();
    assert_eq!(headline, "Post-incident review: Mail delayed");
    assert!(steps.run("2026-03-02T11:20:00-05:00").1.is_empty(), "told once");

    // The postmortem a day after the resolution: told alone.
    let mut steps = Steps::new("");
    steps.run("2026-03-02T08:00:00-05:00");
    steps.site.write(
        "content/incidents/2026/2026-03-02-mail.md",
        incident_with(Some("2026-03-02T09:40:00-05:00"), RESOLVED),
    );
    assert_eq!(
        changes(&steps.run("2026-03-02T09:50:00-05:00").1),
        [("incident_resolved".into(), "All mail delivered.".into())]
    );
    steps.site.write(
        "content/incidents/2026/2026-03-02-mail.md",
        incident_with(
            Some("2026-03-02T09:40:00-05:00"),
            &format!(
                "{RESOLVED}{}",
                POSTMORTEM.replace("2026-03-02T11:00", "2026-03-03T11:00")
            ),
        ),
    );
    assert_eq!(
        changes(&steps.run("2026-03-03T11:10:00-05:00").1),
        [("incident_postmortem".into(), "Root cause: disk full.".into())]
    );
}

fn window(start: &str, end: &str) -> String {
    format!(
        "+++\ntitle = \"Core switch upgrade\"\nkind = \"maintenance\"\ndate = {start}\nend = {end}\ncomponents = [\"vpn\"]\n\n[[updates]]\nat = 2026-03-01T10:00:00-05:00\nstatus = \"scheduled\"\ntext = \"The VPN will be down for an hour.\"\n+++\n"
    )
}

#[test]
fn reminders_go_out_once_at_each_lead_and_again_for_a_rescheduled_window() {
    let mut steps = Steps::new(
        "remind_before = [\"24h\", \"1h\"]\n[[notify]]\nname = \"no-reminders\"\ntype = \"webhook\"\nurl_env = \"T_OTHER\"\n",
    );
    let path = "content/incidents/2026/2026-03-10-switch.md";
    steps.site.write(
        path,
        window("2026-03-10T22:00:00-05:00", "2026-03-10T23:00:00-05:00"),
    );
    // The first run (no previous site) sends nothing.
    assert!(steps.run("2026-03-01T12:00:00-05:00").1.is_empty());
    let mut sent = |now: &str| -> Vec<(String, String)> {
        let (run, received) = steps.run(now);
        received
            .iter()
            .map(|r| {
                assert!(
                    r.path == "/hook-webhook"
                        || !r.json()["event"]["change"].as_str().unwrap().contains("reminder"),
                    "a channel without remind_before got a reminder: {}",
                    run.stdout
                );
                let body = r.json();
                // A reminder says which lead it answers; no other event has one.
                let lead = &body["event"]["lead"];
                if body["event"]["change"] == "maintenance_reminder" {
                    assert!(lead == "24h" || lead == "1h", "{body}");
                } else {
                    assert!(lead.is_null(), "{body}");
                }
                (
                    r.path.clone(),
                    body["message"]["headline"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let reminder = |text: &str| vec![("/hook-webhook".to_string(), text.to_string())];
    // Before the 24-hour mark: nothing; after it: the reminder, once.
    assert!(sent("2026-03-09T21:50:00-05:00").is_empty());
    assert_eq!(
        sent("2026-03-09T22:10:00-05:00"),
        reminder("Maintenance starts in 24 hours: Core switch upgrade")
    );
    assert!(sent("2026-03-09T23:10:00-05:00").is_empty());
    // Moved a day later after the reminder went out: no 1-hour reminder for the old time,
    // a new 24-hour one for the new time.
    steps.site.write(
        path,
        window("2026-03-11T22:00:00-05:00", "2026-03-11T23:00:00-05:00"),
    );
    let mut sent = |now: &str| -> Vec<(String, String)> {
        steps
            .run(now)
            .1
            .iter()
            .map(|r| {
                let body = r.json();
                (
                    r.path.clone(),
                    body["message"]["headline"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    assert!(sent("2026-03-10T21:10:00-05:00").is_empty());
    assert_eq!(
        sent("2026-03-10T22:05:00-05:00"),
        reminder("Maintenance starts in 24 hours: Core switch upgrade")
    );
    assert_eq!(
        sent("2026-03-11T21:05:00-05:00"),
        reminder("Maintenance starts in 1 hour: Core switch upgrade")
    );
    assert!(sent("2026-03-11T21:30:00-05:00").is_empty());
    // The start goes to both channels; no reminder after it.
    let started = sent("2026-03-11T22:05:00-05:00");
    assert_eq!(started.len(), 2, "{started:?}");
    assert!(started
        .iter()
        .all(|(_, headline)| headline == "Maintenance started: Core switch upgrade"));

    // The calendar carries one alarm per lead, as the icalendar parser reads it.
    let ics = steps.site.read(&format!("run{}/maintenance.ics", steps.n));
    let unfolded = icalendar::parser::unfold(&ics);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("parses");
    let event = calendar
        .components
        .iter()
        .find(|c| c.name == "VEVENT")
        .expect("an event");
    let alarms: Vec<_> = event.components.iter().filter(|c| c.name == "VALARM").collect();
    let triggers: Vec<String> = alarms
        .iter()
        .map(|a| a.find_prop("TRIGGER").unwrap().val.to_string())
        .collect();
    assert_eq!(triggers, ["-PT24H", "-PT1H"]);
    for alarm in &alarms {
        assert_eq!(alarm.find_prop("ACTION").unwrap().val.as_ref(), "DISPLAY");
        assert!(alarm
            .find_prop("DESCRIPTION")
            .unwrap()
            .val
            .as_ref()
            .ends_with(": Core switch upgrade"));
    }
}

#[test]
fn an_ntfy_url_without_a_topic_fails_that_channel_only() {
    let http = Recorder::start();
    let site = TestSite::new();
    site.write("config.toml", phone_channels(&http));
    let mut env = phone_env(&http);
    env.retain(|(name, _)| *name != "T_NTFY");
    env.push(("T_NTFY", http.url("")));
    let (first, second) = (site.path("first"), site.path("second"));
    build(&site, &first, "2026-03-02T08:00:00-05:00");
    assert_eq!(
        notify(&site, &env, &first, &first, "2026-03-02T08:00:00-05:00").code,
        0
    );
    site.write("content/incidents/2026/2026-03-02-mail.md", INCIDENT);
    build(&site, &second, "2026-03-02T09:10:00-05:00");
    let run = notify(&site, &env, &first, &second, "2026-03-02T09:10:00-05:00");
    assert_eq!(run.code, 2, "{}\n{}", run.stdout, run.stderr);
    assert!(
        run.stderr
            .contains("T_NTFY must hold a topic URL like https://ntfy.sh/my-topic"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("127.0.0.1"), "{}", run.stderr);
    let received = http.take();
    assert!(received.iter().all(|r| !r.path.starts_with("/ntfy")));
    assert!(received.iter().any(|r| r.path.starts_with("/telegram")));
}
