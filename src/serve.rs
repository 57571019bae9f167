//! `beacon serve`: builds the site in memory, serves it over HTTP on loopback, rebuilds when
//! [`crate::watch`] reports a change, and tells open pages to reload over server-sent events.
//!
//! What is served is only ever the map of paths to bytes of the last good build: never
//! `public/`, never any other file, so no request path can reach outside the output. When a
//! rebuild fails, the last good build stays served and every HTML request gets the error
//! instead, until a rebuild succeeds. Serve writes nothing to disk, so ending the process at
//! any moment (Ctrl-C) leaves nothing half-written.
//!
//! The library does not print: progress goes to the `log` callback as [`ServeEvent`]s.

use std::collections::BTreeMap;
use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use percent_encoding::percent_decode_str;
use tiny_http::{Header, Method, Request, Response, Server, StatusCode};

use crate::build::{build_site, BuildOptions, OutputFile};
use crate::error::{Error, Result};
use crate::time::resolve_now;
use crate::watch::{watch_site, WatchEvent};

/// Where the live-reload script is served; pages built with `live_reload` load it.
pub const LIVE_RELOAD_PATH: &str = "/__beacon/live-reload.js";
/// The server-sent events stream the script listens to.
pub const EVENTS_PATH: &str = "/__beacon/events";

/// Request-handling threads; server-sent event streams get a thread each on top.
const WORKERS: usize = 4;
/// A comment line this often keeps idle event streams open and finds closed ones.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    /// Address to listen on; loopback unless the user asks otherwise.
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    pub drafts: bool,
    /// A fixed `now` (RFC 3339) for every build; `None`: `SOURCE_DATE_EPOCH`, else the clock at
    /// each rebuild.
    pub now: Option<String>,
}

/// What the server reports as it goes.
#[derive(Debug)]
pub enum ServeEvent<'a> {
    /// Listening; `url` is the site's address (also its base URL in this mode).
    Listening {
        url: &'a str,
    },
    /// Inputs changed (relative to the root); a rebuild starts.
    Rebuilding {
        changed: &'a [PathBuf],
    },
    Built {
        files: usize,
        elapsed: Duration,
    },
    /// The build failed; the previous good build is still served.
    Failed {
        error: &'a Error,
        elapsed: Duration,
    },
    /// The file watcher reported a problem.
    WatchProblem(&'a str),
}

/// The build currently served.
struct Snapshot {
    files: BTreeMap<String, Vec<u8>>,
    /// Set while the last build failed: the error as shown on the error page.
    error: Option<String>,
    /// Counts builds (good or failed); pages reload when it changes.
    generation: u64,
}

/// What the request threads and the rebuild loop share.
struct Shared {
    // Swapped whole after each build; a request clones the Arc and reads without holding the lock.
    snapshot: Mutex<Arc<Snapshot>>,
    /// One sender per open event stream.
    clients: Mutex<Vec<Sender<u64>>>,
}

impl Shared {
    fn snapshot(&self) -> Arc<Snapshot> {
        Arc::clone(&self.snapshot.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

/// Builds, serves and rebuilds until the process ends or the watcher stops.
pub fn serve(options: &ServeOptions, log: &(dyn Fn(ServeEvent) + Sync)) -> Result<()> {
    // Fail on a bad --now before anything starts.
    let epoch = std::env::var("SOURCE_DATE_EPOCH").ok();
    resolve_now(options.now.as_deref(), epoch.as_deref()).map_err(Error::Usage)?;

    let address = SocketAddr::new(options.bind, options.port);
    let server =
        Server::http(address).map_err(|e| Error::Usage(format!("cannot listen on {address}: {e}")))?;
    let local = server
        .server_addr()
        .to_ip()
        .ok_or_else(|| Error::Usage("the server has no IP address".into()))?;
    let url = site_url(local);
    // Watch before the first build, so an edit made while it runs is not missed.
    let changes = watch_site(&options.root)?;
    log(ServeEvent::Listening { url: &url });

    let shared = Arc::new(Shared {
        snapshot: Mutex::new(Arc::new(Snapshot {
            files: BTreeMap::new(),
            error: None,
            generation: 0,
        })),
        clients: Mutex::new(Vec::new()),
    });
    rebuild(options, &url, &shared, log);

    let server = Arc::new(server);
    for n in 0..WORKERS {
        let server = Arc::clone(&server);
        let shared = Arc::clone(&shared);
        thread::Builder::new()
            .name(format!("beacon-http-{n}"))
            .spawn(move || {
                while let Ok(request) = server.recv() {
                    handle(request, &shared);
                }
            })
            .map_err(|e| Error::io(PathBuf::from("beacon-http thread"), e))?;
    }

    while let Ok(event) = changes.recv() {
        let mut changed = Vec::new();
        let mut absorb = |event: WatchEvent| match event {
            WatchEvent::Changed(paths) => changed.extend(paths),
            WatchEvent::Problem(problem) => log(ServeEvent::WatchProblem(&problem)),
        };
        absorb(event);
        // Everything that piled up during the last build goes into one rebuild.
        while let Ok(more) = changes.try_recv() {
            absorb(more);
        }
        if changed.is_empty() {
            continue;
        }
        changed.sort();
        changed.dedup();
        log(ServeEvent::Rebuilding { changed: &changed });
        rebuild(options, &url, &shared, log);
    }
    server.unblock();
    Err(Error::Usage("the file watcher stopped".into()))
}

/// The address pages are served at: loopback when listening on every interface.
fn site_url(local: SocketAddr) -> String {
    match local.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => format!("http://127.0.0.1:{}/", local.port()),
        IpAddr::V6(ip) if ip.is_unspecified() => format!("http://[::1]:{}/", local.port()),
        IpAddr::V4(ip) => format!("http://{ip}:{}/", local.port()),
        IpAddr::V6(ip) => format!("http://[{ip}]:{}/", local.port()),
    }
}

/// Builds once, swaps the result in (or keeps the last good files and records the error), and
/// tells every open page.
fn rebuild(options: &ServeOptions, url: &str, shared: &Shared, log: &(dyn Fn(ServeEvent) + Sync)) {
    let started = Instant::now();
    let result = build_once(options, url);
    let elapsed = started.elapsed();
    let previous = shared.snapshot();
    let next = match &result {
        Ok(files) => {
            log(ServeEvent::Built {
                files: files.len(),
                elapsed,
            });
            Snapshot {
                files: files.iter().map(|f| (f.path.clone(), f.bytes.clone())).collect(),
                error: None,
                generation: previous.generation + 1,
            }
        }
        Err(error) => {
            log(ServeEvent::Failed { error, elapsed });
            Snapshot {
                files: previous.files.clone(),
                error: Some(error_text(error)),
                generation: previous.generation + 1,
            }
        }
    };
    let generation = next.generation;
    *shared.snapshot.lock().unwrap_or_else(|e| e.into_inner()) = Arc::new(next);
    shared
        .clients
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .retain(|client| client.send(generation).is_ok());
}

fn build_once(options: &ServeOptions, url: &str) -> Result<Vec<OutputFile>> {
    let epoch = std::env::var("SOURCE_DATE_EPOCH").ok();
    let now = resolve_now(options.now.as_deref(), epoch.as_deref()).map_err(Error::Usage)?;
    build_site(&BuildOptions {
        root: options.root.clone(),
        now,
        base_url: Some(url.to_string()),
        drafts: options.drafts,
        live_reload: true,
    })
}

/// The error as the terminal shows it: every diagnostic with its source line, then the summary.
fn error_text(error: &Error) -> String {
    let mut text = String::new();
    if let Error::Content(diagnostics) = error {
        for d in diagnostics {
            text.push_str(&format!("{d}\n\n"));
        }
    }
    text.push_str(&format!("error: {error}\n"));
    text
}

fn handle(request: Request, shared: &Shared) {
    if !matches!(request.method(), Method::Get | Method::Head) {
        let _ = request.respond(text_response(405, "405 Method Not Allowed\n"));
        return;
    }
    let target = request.url().to_string();
    let path = target.split(['?', '#']).next().unwrap_or("");
    let snapshot = shared.snapshot();
    if path == EVENTS_PATH {
        stream_events(request, shared, snapshot.generation);
        return;
    }
    if path == LIVE_RELOAD_PATH {
        let script = LIVE_RELOAD_JS.replace("BUILT", &snapshot.generation.to_string());
        let _ = request.respond(bytes_response(
            200,
            script.into_bytes(),
            "text/javascript; charset=utf-8",
        ));
        return;
    }
    let response = match request_path(path) {
        None => not_found(&snapshot),
        Some(key) => respond_with(&snapshot, path, &key),
    };
    let _ = request.respond(response);
}

fn respond_with(snapshot: &Snapshot, path: &str, key: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    if let Some(error) = &snapshot.error {
        if key.ends_with(".html") {
            return error_page(error);
        }
    }
    if let Some(bytes) = snapshot.files.get(key) {
        return bytes_response(200, bytes.clone(), content_type(key));
    }
    // `/incidents/x` → `/incidents/x/`, so the page's relative links resolve.
    if !key.ends_with("index.html") && snapshot.files.contains_key(&format!("{key}/index.html")) {
        let location =
            Header::from_bytes("Location", format!("{path}/")).expect("a request path is a valid header");
        return text_response(301, "301 Moved Permanently\n").with_header(location);
    }
    match &snapshot.error {
        Some(error) => error_page(error),
        None => not_found(snapshot),
    }
}

/// 404, with the site's own `404.html` when it has one.
fn not_found(snapshot: &Snapshot) -> Response<std::io::Cursor<Vec<u8>>> {
    match snapshot.files.get("404.html") {
        Some(page) => bytes_response(404, page.clone(), "text/html; charset=utf-8"),
        None => text_response(404, "404 Not Found\n"),
    }
}

/// The output path a request path names, or `None` when it could name anything outside the
/// output: percent-decoding first, then any `.` or `..` segment, NUL or backslash is refused.
/// A path ending in `/` (or the root) names its `index.html`.
pub fn request_path(path: &str) -> Option<String> {
    let rest = path.strip_prefix('/')?;
    let decoded = percent_decode_str(rest).decode_utf8().ok()?;
    if decoded.contains(['\0', '\\']) {
        return None;
    }
    let mut segments = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" => {}
            "." | ".." => return None,
            s => segments.push(s),
        }
    }
    let mut key = segments.join("/");
    if decoded.is_empty() || decoded.ends_with('/') {
        if !key.is_empty() {
            key.push('/');
        }
        key.push_str("index.html");
    }
    Some(key)
}

/// Holds the connection open and writes one `reload` event per build; ends when the page goes.
fn stream_events(request: Request, shared: &Shared, generation: u64) {
    let (tx, rx) = mpsc::channel();
    shared.clients.lock().unwrap_or_else(|e| e.into_inner()).push(tx);
    let spawned = thread::Builder::new().name("beacon-events".into()).spawn(move || {
        let mut out = request.into_writer();
        // No length and no chunking: the stream ends when the connection closes.
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
        let hello = format!("retry: 500\nevent: hello\ndata: {generation}\n\n");
        if out.write_all(head.as_bytes()).and_then(|_| out.write_all(hello.as_bytes())).and_then(|_| out.flush()).is_err() {
            return;
        }
        loop {
            let message = match rx.recv_timeout(KEEP_ALIVE) {
                Ok(generation) => format!("event: reload\ndata: {generation}\n\n"),
                Err(RecvTimeoutError::Timeout) => ": keep-alive\n\n".to_string(),
                Err(RecvTimeoutError::Disconnected) => return,
            };
            if out.write_all(message.as_bytes()).and_then(|_| out.flush()).is_err() {
                return;
            }
        }
    });
    // Without a thread the stream just ends; the page's EventSource retries.
    drop(spawned);
}

fn error_page(error: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    let page = format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Build failed · beacon serve</title>\n<style>body{{font:16px/1.5 system-ui,sans-serif;margin:2rem;color:#1a1a1a;background:#fff}}h1{{color:#b00020;font-size:1.4rem}}pre{{background:#f6f6f6;padding:1rem;overflow:auto;white-space:pre-wrap}}@media (prefers-color-scheme:dark){{body{{color:#eee;background:#121212}}h1{{color:#ff6b81}}pre{{background:#1e1e1e}}}}</style>\n</head>\n<body>\n<h1>The site did not build</h1>\n<p>The last good build is still served for everything but pages. Fix the file and save: this page reloads by itself.</p>\n<pre>{}</pre>\n<script src=\"{LIVE_RELOAD_PATH}\" defer></script>\n</body>\n</html>\n",
        escape_html(error)
    );
    bytes_response(500, page.into_bytes(), "text/html; charset=utf-8")
}

fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn bytes_response(status: u16, bytes: Vec<u8>, content_type: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(bytes)
        .with_status_code(StatusCode(status))
        .with_header(Header::from_bytes("Content-Type", content_type).expect("a static header is valid"))
        // A preview must never show a stale copy.
        .with_header(Header::from_bytes("Cache-Control", "no-store").expect("a static header is valid"))
}

fn text_response(status: u16, text: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    bytes_response(status, text.as_bytes().to_vec(), "text/plain; charset=utf-8")
}

fn content_type(path: &str) -> &'static str {
    let extension = path.rsplit_once('.').map_or("", |(_, e)| e);
    match extension {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "svg" => "image/svg+xml",
        "ics" => "text/calendar; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

/// Reloads the page when a build newer than the one it was served from is announced. `BUILT` is
/// replaced by the build's number when the script is served.
const LIVE_RELOAD_JS: &str = r#"// beacon serve: reload this page when the site is rebuilt.
(function () {
  "use strict";
  var built = BUILT;
  if (!window.EventSource) return;
  var script = document.currentScript;
  var source = new EventSource(script ? new URL("events", script.src).href : "/__beacon/events");
  function check(event) {
    if (Number(event.data) !== built) {
      source.close();
      window.location.reload();
    }
  }
  source.addEventListener("hello", check);
  source.addEventListener("reload", check);
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_paths_never_leave_the_output() {
        let cases = [
            ("/", Some("index.html")),
            ("/incidents/a-b/", Some("incidents/a-b/index.html")),
            ("/incidents/a-b", Some("incidents/a-b")),
            ("/feed.xml", Some("feed.xml")),
            ("//api//v2/summary.json", Some("api/v2/summary.json")),
            ("/caf%C3%A9.txt", Some("café.txt")),
            ("/%2e%2e%2fx", None),
            ("/../config.toml", None),
            ("/a/../../config.toml", None),
            ("/%2e%2e/config.toml", None),
            ("/%2E%2E/config.toml", None),
            ("/.%2e/config.toml", None),
            ("/..%2fconfig.toml", None),
            ("/..%5cconfig.toml", None),
            ("/a%00b", None),
            ("/./index.html", None),
            ("/%ff", None),
            ("config.toml", None),
            ("http://evil/x", None),
        ];
        for (path, expected) in cases {
            assert_eq!(request_path(path).as_deref(), expected, "{path}");
        }
        // Double encoding decodes once: a literal `%2e%2e` name, which no build writes.
        assert_eq!(request_path("/%252e%252e/x").as_deref(), Some("%2e%2e/x"));
    }

    #[test]
    fn failed_builds_show_the_error_for_pages_and_keep_other_files() {
        let snapshot = Snapshot {
            files: BTreeMap::from([
                ("index.html".to_string(), b"<p>ok</p>".to_vec()),
                ("feed.xml".to_string(), b"<rss/>".to_vec()),
            ]),
            error: Some("content/a.md:2:9: bad <date>".into()),
            generation: 2,
        };
        let page = respond_with(&snapshot, "/", "index.html");
        assert_eq!(page.status_code(), StatusCode(500));
        let feed = respond_with(&snapshot, "/feed.xml", "feed.xml");
        assert_eq!(feed.status_code(), StatusCode(200));
        assert!(escape_html("bad <date>").contains("&lt;date&gt;"));
    }

    #[test]
    fn wildcard_binds_are_served_at_loopback() {
        assert_eq!(
            site_url("0.0.0.0:8000".parse().unwrap()),
            "http://127.0.0.1:8000/"
        );
        assert_eq!(site_url("127.0.0.1:9".parse().unwrap()), "http://127.0.0.1:9/");
        assert_eq!(site_url("[::]:9".parse().unwrap()), "http://[::1]:9/");
    }
}
