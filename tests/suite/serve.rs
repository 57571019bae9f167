//! `beacon serve`: the real binary on an ephemeral port, spoken to with plain HTTP over
//! `TcpStream`; the reload channel read as server-sent events.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::common::TestSite;

/// `now` for every build: 2022-01-27T12:00:00-05:00.
const EPOCH: &str = "1643302800";

const ONGOING: &str = r#"+++
title = "Mail is slow"
date = 2022-01-27T07:40:00-05:00
severity = "partial"
components = ["email"]

[[updates]]
at = 2022-01-27T08:05:00-05:00
status = "investigating"
text = "Looking."
+++
"#;

const INCIDENT: &str = "content/incidents/2022-01-27-mail.md";

/// A running `beacon serve`; killed when dropped.
struct Served {
    child: Child,
    port: u16,
}

impl Served {
    fn start(site: &TestSite) -> Served {
        let mut child = Command::new(env!("CARGO_BIN_EXE_beacon"))
            .arg("--root")
            .arg(site.root())
            .args(["serve", "--port", "0"])
            .env("SOURCE_DATE_EPOCH", EPOCH)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start beacon serve");
        let mut stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
        let mut first = String::new();
        stdout.read_line(&mut first).expect("read the first line");
        let port = first
            .strip_prefix("serving http://127.0.0.1:")
            .and_then(|rest| rest.split('/').next())
            .and_then(|port| port.parse().ok())
            .unwrap_or_else(|| panic!("first line is not `serving URL`: {first:?}"));
        // Keep draining the output, so the server never blocks on a full pipe.
        let mut stderr = child.stderr.take().expect("piped stderr");
        thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
        thread::spawn(move || std::io::copy(&mut stderr, &mut std::io::sink()));
        Served { child, port }
    }

    /// Sends `GET path` exactly as given (no normalising) and returns the status and body.
    /// GETs `path` after each reload until `done` holds or 2 s have passed; the last answer.
    fn get_within(&self, path: &str, events: &mut Events, done: impl Fn(u16, &str) -> bool) -> (u16, String) {
        let started = Instant::now();
        loop {
            events.wait_for("event: reload", Duration::from_millis(250));
            let (status, body) = self.get(path);
            if done(status, &body) || started.elapsed() > Duration::from_secs(2) {
                return (status, body);
            }
        }
    }

    fn get(&self, path: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .expect("timeout");
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        )
        .expect("send");
        let mut response = Vec::new();
        stream.read_to_end(&mut response).expect("read response");
        let response = String::from_utf8_lossy(&response).into_owned();
        let status = response
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("no status line: {response:?}"));
        let body = response.split_once("\r\n\r\n").map_or("", |(_, b)| b).to_string();
        (status, body)
    }

    /// Opens the reload channel and waits for its greeting.
    fn events(&self) -> Events {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_millis(100)))
            .expect("timeout");
        write!(stream, "GET /__beacon/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").expect("send");
        let mut events = Events {
            stream,
            seen: String::new(),
        };
        assert!(
            events.wait_for("event: hello", Duration::from_secs(5)),
            "no greeting: {:?}",
            events.seen
        );
        events
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Events {
    stream: TcpStream,
    seen: String,
}

impl Events {
    /// Reads until `needle` has arrived (counting from the last call) or `limit` passes.
    fn wait_for(&mut self, needle: &str, limit: Duration) -> bool {
        let started = Instant::now();
        let mut buffer = [0u8; 1024];
        while started.elapsed() < limit {
            if let Some(at) = self.seen.find(needle) {
                self.seen.drain(..at + needle.len());
                return true;
            }
            match self.stream.read(&mut buffer) {
                Ok(0) => return false,
                Ok(n) => self.seen.push_str(&String::from_utf8_lossy(&buffer[..n])),
                Err(_) => {} // the read timeout: check the clock again
            }
        }
        false
    }
}

#[test]
fn serve_answers_on_an_ephemeral_port_with_the_reload_script() {
    let site = TestSite::new();
    let served = Served::start(&site);
    let (status, body) = served.get("/__beacon/live-reload.js");
    assert_eq!(status, 200);
    assert!(body.contains("EventSource"), "{body}");
    let (status, _) = served.get("/no-such-page/");
    assert_eq!(status, 404);
}

// Protects the promise that no request path reaches a file outside the build, however encoded.
#[test]
fn serve_refuses_paths_outside_the_output() {
    let site = TestSite::new();
    site.write("content/incidents/a.md", ONGOING);
    let served = Served::start(&site);
    for path in [
        "/../config.toml",
        "/../../../../etc/passwd",
        "/%2e%2e/config.toml",
        "/%2E%2E/config.toml",
        "/.%2e/config.toml",
        "/%2e%2e%2fconfig.toml",
        "/..%2fconfig.toml",
        "/..%5cconfig.toml",
        "/..\\config.toml",
        "/content/../../config.toml",
        "/%252e%252e/config.toml",
        "/config.toml",
        "/content/incidents/a.md",
        "/%00",
    ] {
        let (status, body) = served.get(path);
        assert_eq!(status, 404, "{path}");
        assert!(
            !body.contains("base_url") && !body.contains("root:"),
            "{path} leaked: {body}"
        );
    }
}

// Protects the edit-save-reload loop: a saved change reaches open pages within 2 seconds.
#[test]
fn serve_signals_a_reload_within_two_seconds_of_an_edit() {
    let site = TestSite::new();
    site.write(INCIDENT, ONGOING);
    let served = Served::start(&site);
    let mut events = served.events();
    let saved = Instant::now();
    site.write(INCIDENT, ONGOING.replace("Mail is slow", "Mail is down"));
    assert!(
        events.wait_for("event: reload", Duration::from_secs(2)),
        "no reload within 2 s: {:?}",
        events.seen
    );
    assert!(saved.elapsed() < Duration::from_secs(2));
    assert!(!site.path("public").exists(), "serve wrote public/");
}

// A broken file shows its error (file, line, message) on pages; fixing it recovers.
#[test]
fn serve_shows_a_build_error_and_recovers_when_fixed() {
    let site = TestSite::new();
    site.write(INCIDENT, ONGOING);
    let served = Served::start(&site);
    let mut events = served.events();

    site.write(
        INCIDENT,
        ONGOING.replace("severity = \"partial\"", "severity = \"partal\""),
    );
    // A save may reach the watcher as two events (truncate, then write), so a reload can come
    // from a half-written file: wait for the page that follows the whole save, up to 2 s.
    let expected =
        "content/incidents/2022-01-27-mail.md:4:12: unknown value `partal`; did you mean `partial`?";
    let (status, body) = served.get_within("/", &mut events, |_, body| body.contains(expected));
    assert_eq!(status, 500);
    assert!(body.contains(expected), "{body}");
    assert!(
        body.contains("/__beacon/live-reload.js"),
        "the error page must reload itself"
    );
    let (status, _) = served.get("/__beacon/live-reload.js");
    assert_eq!(status, 200);

    site.write(INCIDENT, ONGOING);
    let (status, body) = served.get_within("/", &mut events, |status, _| status != 500);
    assert_ne!(status, 500, "{body}");
    assert!(!body.contains("partal"), "{body}");
    assert!(!site.path("public").exists(), "serve wrote public/");
}

// The preview must show an edit at once: the new title is served within two seconds.
#[test]
fn serve_shows_an_edited_title_within_two_seconds() {
    let site = TestSite::new();
    site.write(INCIDENT, ONGOING);
    let served = Served::start(&site);
    let (status, body) = served.get("/");
    assert_eq!(status, 200);
    assert!(
        body.contains("Test Status") && body.contains("Mail is slow"),
        "{body}"
    );
    assert!(
        body.contains("__beacon/live-reload.js"),
        "serve pages load the reload script"
    );

    let mut events = served.events();
    let saved = Instant::now();
    site.write(INCIDENT, ONGOING.replace("Mail is slow", "Mail is down"));
    let (_, body) = served.get_within("/", &mut events, |_, body| body.contains("Mail is down"));
    assert!(body.contains("Mail is down"), "{body}");
    let (status, body) = served.get("/incidents/2022-01-27-mail/");
    assert_eq!(status, 200);
    assert!(body.contains("Mail is down"), "{body}");
    assert!(saved.elapsed() < Duration::from_secs(2));
    let (status, _) = served.get("/incidents/2022-01-27-mail");
    assert_eq!(status, 301);
}
