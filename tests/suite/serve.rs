//! `beacon serve`: the real binary on an ephemeral port, spoken to with plain HTTP over
//! `TcpStream`; the reload channel read as server-sent events.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpStream};
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

/// Held by the tests that open hundreds of sockets, so that together they stay under a
/// 1,024 open-file limit: they take turns instead of running side by side.
static MANY_SOCKETS: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn many_sockets() -> std::sync::MutexGuard<'static, ()> {
    MANY_SOCKETS.lock().unwrap_or_else(|e| e.into_inner())
}

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
        let (status, _, body) = self.get_with_head(path);
        (status, body)
    }

    /// `GET path`: the status, the head (status line and headers) and the body.
    fn get_with_head(&self, path: &str) -> (u16, String, String) {
        let mut stream = self.connect();
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
        let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
        (status, head.to_string(), body.to_string())
    }

    fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .expect("timeout");
        stream
    }

    /// The server process's thread count, from /proc.
    fn threads(&self) -> usize {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .expect("read /proc/PID/status");
        status
            .lines()
            .find_map(|line| line.strip_prefix("Threads:"))
            .and_then(|n| n.trim().parse().ok())
            .expect("a Threads: line")
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

/// The `Location` header of a response head, if any.
fn location(head: &str) -> Option<&str> {
    head.lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.eq_ignore_ascii_case("location").then(|| value.trim())
    })
}

// Regression: `GET //history` answered `Location: //history/`, which a browser reads as the
// host `history`.
#[test]
fn serve_protocol_relative_redirect_stays_on_this_origin() {
    let site = TestSite::new();
    let served = Served::start(&site);
    let (status, head, _) = served.get_with_head("//history");
    assert_eq!(status, 301, "{head}");
    assert_eq!(location(&head), Some("/history/"), "{head}");
}

// The class: no request path, however it spells slashes, backslashes, encodings or hosts, gets a
// redirect that a browser would follow to another origin.
#[test]
fn serve_redirects_never_leave_the_origin() {
    let site = TestSite::new();
    site.write(INCIDENT, ONGOING);
    let served = Served::start(&site);
    let origin = url::Url::parse(&format!("http://127.0.0.1:{}/", served.port)).unwrap();
    let mut redirects = 0;
    for path in [
        "//history",
        "///history",
        "////history",
        "//history?x=1",
        "/%2F%2Fhistory",
        "/%2f/history",
        "//%2fhistory",
        "/%5C%5Chistory",
        "/%09/history",
        "//127.0.0.1/history",
        "//evil.example/history",
        "//incidents//2022-01-27-mail",
        "/incidents/2022-01-27-mail",
        "//incidents/2022-01-27-mail?//evil.example",
        "/history",
        "/./history",
        "//@evil.example/history",
        "/history%3F",
        "/history%23",
    ] {
        let (status, head, _) = served.get_with_head(path);
        if let Some(location) = location(&head) {
            redirects += 1;
            let target = origin
                .join(location)
                .unwrap_or_else(|e| panic!("{path}: {location}: {e}"));
            assert_eq!(target.origin(), origin.origin(), "{path} -> {location}");
            assert!(
                location.starts_with('/') && !location.starts_with("//"),
                "{path} -> {location}"
            );
        } else {
            assert_ne!(status, 301, "{path}: a redirect without Location: {head}");
        }
    }
    assert!(redirects >= 5, "the folder paths should have redirected");
}

/// Connections that asked for `path` and never read; their sockets' receive buffers are small,
/// so the server's writes back up at once.
fn stuck_readers(served: &Served, path: &str, count: usize) -> Vec<TcpStream> {
    (0..count)
        .map(|_| {
            let mut stream = served.connect();
            write!(stream, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").expect("send");
            stream
        })
        .collect()
}

fn site_with_a_big_file() -> TestSite {
    let site = TestSite::new();
    site.write(INCIDENT, ONGOING);
    // 8 MB that compress badly, like the reported file.
    let mut state: u32 = 1;
    let big: Vec<u8> = (0..8 * 1024 * 1024)
        .map(|_| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (state >> 16) as u8
        })
        .collect();
    site.write("static/big.bin", big);
    site
}

/// Asserts that `GET /` is answered within a second, five times over.
fn assert_answers_promptly(served: &Served, while_: &str) {
    for _ in 0..5 {
        let started = Instant::now();
        let (status, _) = served.get("/");
        assert_eq!(status, 200, "while {while_}");
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "GET / took {:?} while {while_}",
            started.elapsed()
        );
    }
}

// Regression: four connections that requested an 8 MB file and never read stopped every other
// response until they disconnected.
#[test]
fn serve_four_slow_clients_do_not_block_everyone() {
    let site = site_with_a_big_file();
    let served = Served::start(&site);
    let _stuck = stuck_readers(&served, "/big.bin", 4);
    thread::sleep(Duration::from_millis(300));
    assert_answers_promptly(&served, "4 clients do not read the 8 MB file");
}

// The class: any client that holds a connection without making progress (not reading a big
// file, sending half a request head, keeping an idle connection, holding a reload stream) costs
// others nothing.
#[test]
fn serve_clients_that_stall_cost_others_nothing() {
    let _turn = many_sockets();
    let site = site_with_a_big_file();
    let served = Served::start(&site);
    let _readers = stuck_readers(&served, "/big.bin", 50);
    let _half_heads: Vec<TcpStream> = (0..50)
        .map(|_| {
            let mut stream = served.connect();
            write!(stream, "GET / HTTP/1.1\r\nHost: 12").expect("send");
            stream
        })
        .collect();
    let _idle: Vec<TcpStream> = (0..50).map(|_| served.connect()).collect();
    let _streams: Vec<Events> = (0..20).map(|_| served.events()).collect();
    thread::sleep(Duration::from_millis(300));
    assert_answers_promptly(&served, "150 connections stall and 20 reload streams are open");
}

// Bounded in time: a client that stops reading is cut off after WRITE_STALL (10 s), so its place
// is not held for ever.
#[test]
fn serve_cuts_off_a_client_that_stops_reading() {
    let site = site_with_a_big_file();
    let served = Served::start(&site);
    let mut stuck = stuck_readers(&served, "/big.bin", 1).remove(0);
    thread::sleep(Duration::from_secs(13));
    let mut received = Vec::new();
    let started = Instant::now();
    // Whatever the socket buffers held arrives, then the end of a cut-off connection, well
    // before the 8 MB a finished response would carry.
    let _ = stuck.read_to_end(&mut received);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the connection was left open"
    );
    assert!(
        received.len() < 8 * 1024 * 1024,
        "the whole file arrived ({} bytes): the stalled client was not cut off",
        received.len()
    );
}

// Regression: one thread per live-reload stream; 300 streams made 547 threads.
#[test]
fn serve_reload_streams_add_no_threads() {
    let _turn = many_sockets();
    let site = TestSite::new();
    site.write(INCIDENT, ONGOING);
    let served = Served::start(&site);
    let _warm = served.get("/");
    let before = served.threads();
    let mut streams: Vec<Events> = (0..300).map(|_| served.events()).collect();
    let during = served.threads();
    assert!(
        during <= before + 2,
        "{before} threads before, {during} with 300 streams open"
    );
    // And every one of them is still told about a rebuild.
    site.write(INCIDENT, ONGOING.replace("Mail is slow", "Mail is down"));
    for (n, events) in streams.iter_mut().enumerate() {
        assert!(
            events.wait_for("event: reload", Duration::from_secs(5)),
            "stream {n} got no reload: {:?}",
            events.seen
        );
    }
}

// Bounded in count: past the connection limit a client is told to retry (503) at once, not left
// waiting, and once connections close the server answers again.
#[test]
fn serve_over_the_connection_limit_answers_503_and_recovers() {
    let _turn = many_sockets();
    let site = TestSite::new();
    let served = Served::start(&site);
    let held: Vec<TcpStream> = (0..beacon::serve::MAX_CONNECTIONS)
        .map(|_| served.connect())
        .collect();
    // Let the server accept them all before the one that overflows.
    thread::sleep(Duration::from_millis(500));
    let started = Instant::now();
    let mut over = served.connect();
    let sent = write!(over, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    let mut response = Vec::new();
    let read = over.read_to_end(&mut response);
    let head = String::from_utf8_lossy(&response).into_owned();
    let status = head.split(' ').nth(1).unwrap_or("none");
    assert_eq!(status, "503", "sent {sent:?}, read {read:?}: {head}");
    assert!(head.contains("Retry-After"), "{head}");
    assert!(started.elapsed() < Duration::from_secs(2));
    for stream in &held {
        let _ = stream.shutdown(Shutdown::Both);
    }
    drop(held);
    // The server notices the closes as it goes; until then a client may still be refused.
    let started = Instant::now();
    let mut answers = Vec::new();
    loop {
        let mut stream = served.connect();
        let mut response = Vec::new();
        let answered = write!(
            stream,
            "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        )
        .and_then(|()| stream.read_to_end(&mut response));
        let head = String::from_utf8_lossy(&response[..response.len().min(20)]).into_owned();
        if head.starts_with("HTTP/1.1 200") {
            break;
        }
        answers.push(format!("{answered:?} {head}"));
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "not recovered: {answers:?}"
        );
        thread::sleep(Duration::from_millis(100));
    }
}

// Bounded in count: past MAX_EVENT_STREAMS open reload streams, one more is told to retry
// (503) instead of taking another place; page requests are still answered.
#[test]
fn serve_reload_streams_past_the_limit_get_503() {
    let _turn = many_sockets();
    let site = TestSite::new();
    let served = Served::start(&site);
    let _streams: Vec<Events> = (0..beacon::serve::MAX_EVENT_STREAMS)
        .map(|_| served.events())
        .collect();
    let (status, head, _) = served.get_with_head("/__beacon/events");
    assert_eq!(status, 503, "{head}");
    assert!(
        head.contains("retry-after") || head.contains("Retry-After"),
        "{head}"
    );
    let (status, _) = served.get("/");
    assert_eq!(status, 200);
}

// Bounded in time: a client that sends half a request head is disconnected after
// HEADER_TIMEOUT (10 s) instead of holding its place for ever.
#[test]
fn serve_disconnects_a_client_that_never_finishes_its_request() {
    let site = TestSite::new();
    let served = Served::start(&site);
    let mut stream = served.connect();
    write!(stream, "GET / HTTP/1.1\r\nHost: 12").expect("send");
    stream
        .set_read_timeout(Some(beacon::serve::HEADER_TIMEOUT + Duration::from_secs(5)))
        .unwrap();
    let started = Instant::now();
    let mut rest = Vec::new();
    let ended = stream.read_to_end(&mut rest);
    assert!(
        ended.is_ok(),
        "still open after {:?}: {ended:?}",
        started.elapsed()
    );
    assert!(
        started.elapsed() < beacon::serve::HEADER_TIMEOUT + Duration::from_secs(3),
        "closed only after {:?}",
        started.elapsed()
    );
}

// DNS rebinding: a page on another site that points its own name at 127.0.0.1 sends its own
// `Host`; a preview listening on loopback answers only to loopback names, drafts being private.
#[test]
fn serve_answers_only_requests_addressed_to_localhost() {
    let site = TestSite::new();
    let served = Served::start(&site);
    let ask = |host: &str| {
        let mut stream = served.connect();
        write!(
            stream,
            "GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        )
        .expect("send");
        let mut response = Vec::new();
        stream.read_to_end(&mut response).expect("read");
        String::from_utf8_lossy(&response)
            .split(' ')
            .nth(1)
            .unwrap_or("")
            .to_string()
    };
    let port = served.port;
    for host in [
        format!("evil.example:{port}"),
        "attacker.test".into(),
        format!("localhost.evil.example:{port}"),
    ] {
        assert_eq!(ask(&host), "403", "{host}");
    }
    for host in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
    ] {
        assert_eq!(ask(&host), "200", "{host}");
    }
}

// A multilingual site is served as it is built: each language's edition under its folder,
// linking the live-reload script and the stylesheet at the root.
#[test]
fn serve_serves_every_language_of_a_multilingual_site() {
    let site = crate::multilingual::bilingual();
    let served = Served::start(&site);
    let (status, body) = served.get("/fr/incidents/mail/");
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("<html lang=\"fr\" dir=\"ltr\">"), "{body}");
    assert!(body.contains("Le courriel est en panne"), "{body}");
    assert!(
        body.contains("src=\"../../../__beacon/live-reload.js\""),
        "{body}"
    );
    assert!(body.contains("href=\"../../../style.css?v="), "{body}");
    let (status, body) = served.get("/incidents/mail/");
    assert_eq!(status, 200);
    assert!(
        body.contains("<html lang=\"en\" dir=\"ltr\">") && body.contains("Mail is down"),
        "{body}"
    );
    for path in [
        "/fr/",
        "/fr/feed.xml",
        "/fr/atom.xml",
        "/fr/maintenance.ics",
        "/fr/about/",
        "/sitemap.xml",
    ] {
        assert_eq!(served.get(path).0, 200, "{path}");
    }
    assert_eq!(
        served.get("/fr/style.css").0,
        404,
        "static files are served once, at the root"
    );
}

/// Sets every file under the site's `content/` back an hour, so the next load may reuse what it
/// parsed (a file written within the last moments is always read again).
fn settle(site: &TestSite) {
    let hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    for entry in walk(&site.path("content")) {
        let file = std::fs::File::options().append(true).open(&entry).expect("open");
        file.set_modified(hour_ago).expect("set mtime");
    }
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// Builds the preview and checks it against a full build with the same options: the same paths,
/// the same bytes at each, and nothing at `missing` paths.
fn assert_preview_equals_full_build(preview: &mut beacon::serve::Preview, step: &str, missing: &[&str]) {
    let live = preview
        .build()
        .unwrap_or_else(|e| panic!("{step}: preview failed: {e}"));
    let full = beacon::build::build_site(live.options().expect("a rendered build"))
        .unwrap_or_else(|e| panic!("{step}: full build failed: {e}"));
    let full_paths: Vec<&str> = full.iter().map(|f| f.path.as_str()).collect();
    let live_paths: Vec<&str> = live.paths().into_iter().collect();
    assert_eq!(live_paths, full_paths, "{step}: paths differ");
    // In reverse, so pages are asked for before the outputs that share their data.
    for file in full.iter().rev() {
        match live.get(&file.path) {
            Some(Ok(bytes)) => assert!(
                bytes[..] == file.bytes[..],
                "{step}: {} differs from a full build:\n{}",
                file.path,
                String::from_utf8_lossy(&bytes)
            ),
            other => panic!("{step}: {} answered {other:?}", file.path),
        }
    }
    for path in missing
        .iter()
        .chain(&["nothing/here.html", "incidents/", "index"])
    {
        assert!(live.get(path).is_none(), "{step}: {path} should be missing");
    }
}

// What serve answers is what a full build writes, for every path, after every kind of change;
// a path a build does not write stays missing (a 404).
#[test]
fn serve_answers_every_path_as_a_full_build_writes_it() {
    let site = TestSite::example();
    let ongoing = ONGOING.replace("\"email\"", "\"mobile-email\"");
    site.write(INCIDENT, &ongoing);
    settle(&site);
    let options = beacon::serve::ServeOptions {
        root: site.root().to_path_buf(),
        bind: std::net::Ipv4Addr::LOCALHOST.into(),
        port: 0,
        drafts: false,
        now: Some("2022-01-27T12:00:00-05:00".into()),
    };
    let mut preview = beacon::serve::Preview::new(&options, "http://127.0.0.1:8000/");
    assert_preview_equals_full_build(&mut preview, "first build", &[]);

    settle(&site);
    site.write(INCIDENT, ongoing.replace("Mail is slow", "Mail is down"));
    assert_preview_equals_full_build(&mut preview, "edited incident", &[]);

    settle(&site);
    let new = "content/incidents/2022-01-26-vpn.md";
    site.write(
        new,
        "+++\ntitle = \"VPN drops\"\ndate = 2022-01-26T10:00:00-05:00\nresolved = 2022-01-26T11:00:00-05:00\nseverity = \"major\"\ncomponents = [\"govirtual\"]\n+++\nBody.\n",
    );
    assert_preview_equals_full_build(&mut preview, "new incident", &[]);

    settle(&site);
    std::fs::remove_file(site.path(new)).unwrap();
    assert_preview_equals_full_build(
        &mut preview,
        "deleted incident",
        &["incidents/2022-01-26-vpn/index.html"],
    );

    settle(&site);
    let config = site.read("config.toml");
    site.write("config.toml", config.replace("per_page = 25", "per_page = 2"));
    assert_preview_equals_full_build(&mut preview, "config change", &[]);

    settle(&site);
    let incident_template = include_str!("../../themes/default/templates/incident.html");
    site.write(
        "templates/incident.html",
        incident_template.replace("</article>", "<p>Edited template</p></article>"),
    );
    assert_preview_equals_full_build(&mut preview, "template change", &[]);
    site.write("static/robots.txt", "User-agent: *\n");
    assert_preview_equals_full_build(&mut preview, "static file replacing a generated one", &[]);

    // A broken file fails the build; fixing it builds again.
    settle(&site);
    site.write(
        INCIDENT,
        ongoing.replace("severity = \"partial\"", "severity = \"partal\""),
    );
    match preview.build() {
        Err(beacon::Error::Content(problems)) => assert!(
            problems[0].message.contains("unknown value `partal`"),
            "{problems:?}"
        ),
        Err(e) => panic!("expected a content error, got {e}"),
        Ok(_) => panic!("a broken incident built"),
    }
    site.write(INCIDENT, &ongoing);
    assert_preview_equals_full_build(&mut preview, "fixed incident", &[]);

    // A template that fails when rendered fails the build too, as a full build does.
    site.write("templates/404.html", "{{ nothing.here }}");
    assert!(preview.build().is_err(), "a failing template built");
}

// A deleted incident's page is gone from the preview (404), not served from the last build.
#[test]
fn serve_drops_a_deleted_incident() {
    let site = TestSite::new();
    site.write(INCIDENT, ONGOING);
    let served = Served::start(&site);
    let (status, _) = served.get("/incidents/2022-01-27-mail/");
    assert_eq!(status, 200);
    let mut events = served.events();
    std::fs::remove_file(site.path(INCIDENT)).unwrap();
    let (status, _) = served.get_within("/incidents/2022-01-27-mail/", &mut events, |status, _| {
        status == 404
    });
    assert_eq!(status, 404);
}

/// Writes `relative` and dates it a minute back, so that its parse is kept as settled (a file
/// written in the instant it is read is always looked at again): the rebuilds that follow take
/// it on the watcher's word.
fn save_settled(site: &TestSite, relative: &str, text: &str) {
    site.write(relative, text);
    backdate(site, relative);
}

fn backdate(site: &TestSite, relative: &str) {
    let old = std::time::SystemTime::now() - Duration::from_secs(60);
    let file = std::fs::File::options()
        .write(true)
        .open(site.path(relative))
        .unwrap();
    file.set_modified(old).unwrap();
}

// Edits, then a file created, edited, renamed and deleted: each save shows, whether the rebuild
// took the watcher's word for what changed (edits of known files) or looked at every file.
#[test]
fn serve_follows_edits_creations_renames_and_deletions_in_turn() {
    let site = TestSite::new();
    // A config changed in the last instant makes every load parse every incident again.
    backdate(&site, "config.toml");
    save_settled(&site, INCIDENT, ONGOING);
    let served = Served::start(&site);
    let mut events = served.events();
    let shows = |events: &mut Events, path: &str, text: &str| {
        let (status, body) =
            served.get_within(path, events, |status, body| status == 200 && body.contains(text));
        assert!(
            status == 200 && body.contains(text),
            "{path} does not show {text}: {status} {body}"
        );
    };
    for title in ["Mail is down", "Mail is out", "Mail is back"] {
        save_settled(&site, INCIDENT, &ONGOING.replace("Mail is slow", title));
        shows(&mut events, "/incidents/2022-01-27-mail/", title);
        shows(&mut events, "/", title);
    }
    let other = "content/incidents/2022-02-01-vpn.md";
    save_settled(&site, other, &ONGOING.replace("Mail is slow", "VPN is slow"));
    shows(&mut events, "/incidents/2022-02-01-vpn/", "VPN is slow");
    save_settled(&site, other, &ONGOING.replace("Mail is slow", "VPN is down"));
    shows(&mut events, "/incidents/2022-02-01-vpn/", "VPN is down");
    let renamed = "content/incidents/2022-02-01-remote.md";
    std::fs::rename(site.path(other), site.path(renamed)).unwrap();
    shows(&mut events, "/incidents/2022-02-01-remote/", "VPN is down");
    assert_eq!(served.get("/incidents/2022-02-01-vpn/").0, 404);
    save_settled(
        &site,
        renamed,
        &ONGOING.replace("Mail is slow", "Remote access is down"),
    );
    shows(
        &mut events,
        "/incidents/2022-02-01-remote/",
        "Remote access is down",
    );
    std::fs::remove_file(site.path(renamed)).unwrap();
    let (status, _) = served.get_within("/incidents/2022-02-01-remote/", &mut events, |status, _| {
        status == 404
    });
    assert_eq!(status, 404);
    // The first incident's last save is still what is shown.
    shows(&mut events, "/", "Mail is back");
}

// `config.fr.toml` is an input: saving it while serving shows the French title on /fr/.
#[test]
fn serve_rebuilds_when_config_fr_toml_is_saved() {
    let site = crate::multilingual::bilingual();
    let served = Served::start(&site);
    let mut events = served.events();
    site.write("config.fr.toml", "title = \"État des services\"\n");
    let (status, body) = served.get_within("/fr/", &mut events, |_, body| {
        body.contains("<title>État des services</title>")
    });
    assert_eq!(status, 200);
    assert!(body.contains("<title>État des services</title>"), "{body}");
    let (_, body) = served.get("/");
    assert!(body.contains("<title>Test Status</title>"), "{body}");
}
