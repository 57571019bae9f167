//! What `beacon serve` answers to one request for a file, given the build it serves: pure, so it
//! is tested without sockets. The event stream is [`super::http`]'s business.
//!
//! Two promises live here. No request path reaches anything but the build's own files (see
//! [`request_path`]). And no response sends the browser to another origin: the only redirect
//! (`/dir` → `/dir/`) is rebuilt from the checked, normalised output path, percent-encoded, so
//! its `Location` is always a path on this server, never `//host/…` or a scheme.

use std::sync::Arc;

use bytes::Bytes;
use hyper::header::{HeaderValue, ACCESS_CONTROL_ALLOW_ORIGIN, ALLOW, CACHE_CONTROL, CONTENT_TYPE, LOCATION};
use hyper::{Method, Response, StatusCode};
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, CONTROLS};

use super::live::LiveBuild;

/// Where the live-reload script is served; pages built with `live_reload` load it.
pub const LIVE_RELOAD_PATH: &str = "/__beacon/live-reload.js";
/// The server-sent events stream the script listens to.
pub const EVENTS_PATH: &str = "/__beacon/events";

/// The build currently served.
pub struct Snapshot {
    /// The last good build (its files render on first request).
    pub site: Arc<LiveBuild>,
    /// Set while the last build failed: the error as shown on the error page.
    pub error: Option<String>,
    /// Counts builds (good or failed); pages reload when it changes.
    pub generation: u64,
}

impl Default for Snapshot {
    fn default() -> Self {
        Snapshot {
            site: Arc::new(LiveBuild::from_files(Default::default())),
            error: None,
            generation: 0,
        }
    }
}

/// Characters escaped in one path segment of a `Location`: everything a URL parser could read
/// as anything but plain segment text (`/`, `\`, `?`, `#`, `%`, controls, spaces, non-ASCII).
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'\\')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// The answer to `method path` from `snapshot`, for every path but the event stream.
pub fn respond(method: &Method, path: &str, snapshot: &Snapshot) -> Response<Bytes> {
    if method != Method::GET && method != Method::HEAD {
        let mut response = text(StatusCode::METHOD_NOT_ALLOWED, "405 Method Not Allowed\n");
        response
            .headers_mut()
            .insert(ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    if path == LIVE_RELOAD_PATH {
        let script = LIVE_RELOAD_JS.replace("BUILT", &snapshot.generation.to_string());
        return file(
            StatusCode::OK,
            Bytes::from(script),
            HeaderValue::from_static("text/javascript; charset=utf-8"),
        );
    }
    match request_path(path) {
        None => not_found(snapshot),
        Some(key) => respond_with(snapshot, &key),
    }
}

fn respond_with(snapshot: &Snapshot, key: &str) -> Response<Bytes> {
    if let Some(error) = &snapshot.error {
        if key.ends_with(".html") {
            return error_page(error);
        }
    }
    match snapshot.site.get(key) {
        Some(Ok(bytes)) => {
            let mut response = file(StatusCode::OK, bytes, content_type(key));
            // As `_headers` asks of the hosts: the API is read by other sites' pages (the
            // embed script, Statuspage clients in browsers).
            if key.starts_with("api/") {
                response
                    .headers_mut()
                    .insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
            }
            return response;
        }
        // A page whose template fails on this page's data only (the others render).
        Some(Err(error)) => return error_page(&error),
        None => {}
    }
    // `/incidents/x` → `/incidents/x/`, so the page's relative links resolve.
    if !key.ends_with("index.html") && snapshot.site.contains(&format!("{key}/index.html")) {
        let mut response = text(StatusCode::MOVED_PERMANENTLY, "301 Moved Permanently\n");
        let location = HeaderValue::from_str(&folder_location(key))
            .expect("a percent-encoded path is a valid header value");
        response.headers_mut().insert(LOCATION, location);
        return response;
    }
    match &snapshot.error {
        Some(error) => error_page(error),
        None => not_found(snapshot),
    }
}

/// The same-origin address of the folder `key` names: `/` + each segment percent-encoded + `/`.
/// `key` comes from [`request_path`], so it has no empty segment and the result never starts
/// with `//`.
pub fn folder_location(key: &str) -> String {
    let mut location = String::from("/");
    for segment in key.split('/') {
        location.extend(utf8_percent_encode(segment, SEGMENT));
        location.push('/');
    }
    location
}

/// 404, with the site's own `404.html` when it has one.
fn not_found(snapshot: &Snapshot) -> Response<Bytes> {
    match snapshot.site.get("404.html") {
        Some(Ok(page)) => file(
            StatusCode::NOT_FOUND,
            page,
            HeaderValue::from_static("text/html; charset=utf-8"),
        ),
        _ => text(StatusCode::NOT_FOUND, "404 Not Found\n"),
    }
}

/// The output path a request path names, or `None` when it could name anything outside the
/// output: percent-decoding first, then any `.` or `..` segment, NUL or backslash is refused.
/// Empty segments (`//`) are dropped. A path ending in `/` (or the root) names its `index.html`.
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

fn error_page(error: &str) -> Response<Bytes> {
    let page = format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Build failed · beacon serve</title>\n<style>body{{font:16px/1.5 system-ui,sans-serif;margin:2rem;color:#1a1a1a;background:#fff}}h1{{color:#b00020;font-size:1.4rem}}pre{{background:#f6f6f6;padding:1rem;overflow:auto;white-space:pre-wrap}}@media (prefers-color-scheme:dark){{body{{color:#eee;background:#121212}}h1{{color:#ff6b81}}pre{{background:#1e1e1e}}}}</style>\n</head>\n<body>\n<h1>The site did not build</h1>\n<p>The last good build is still served for everything but pages. Fix the file and save: this page reloads by itself.</p>\n<pre>{}</pre>\n<script src=\"{LIVE_RELOAD_PATH}\" defer></script>\n</body>\n</html>\n",
        crate::escape::escape_html(error)
    );
    file(
        StatusCode::INTERNAL_SERVER_ERROR,
        Bytes::from(page),
        HeaderValue::from_static("text/html; charset=utf-8"),
    )
}

/// A response carrying `bytes`; never cached, since a preview must never show a stale copy.
pub fn file(status: StatusCode, bytes: Bytes, content_type: HeaderValue) -> Response<Bytes> {
    let mut response = Response::new(bytes);
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, content_type);
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

pub fn text(status: StatusCode, text: &'static str) -> Response<Bytes> {
    file(
        status,
        Bytes::from_static(text.as_bytes()),
        HeaderValue::from_static("text/plain; charset=utf-8"),
    )
}

/// The `Content-Type` of a file by its extension, from the table browsers and servers share
/// (`mime_guess`); text is UTF-8, as beacon writes it.
fn content_type(path: &str) -> HeaderValue {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let text = mime.type_() == mime_guess::mime::TEXT
        || matches!(mime.subtype().as_str(), "javascript" | "json" | "xml")
        || mime.suffix().is_some_and(|s| s == mime_guess::mime::XML);
    let value = if text && mime.get_param("charset").is_none() {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_string()
    };
    HeaderValue::from_str(&value).unwrap_or(HeaderValue::from_static("application/octet-stream"))
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
    fn content_types_come_from_the_shared_table_with_text_in_utf8() {
        let of = |path: &str| content_type(path).to_str().unwrap().to_string();
        assert_eq!(of("index.html"), "text/html; charset=utf-8");
        assert_eq!(of("feed.xml"), "text/xml; charset=utf-8");
        assert_eq!(of("api/v2/summary.json"), "application/json; charset=utf-8");
        assert_eq!(of("maintenance.ics"), "text/calendar; charset=utf-8");
        assert_eq!(of("badge.svg"), "image/svg+xml; charset=utf-8");
        assert_eq!(of("logo.png"), "image/png");
        assert_eq!(of("_headers"), "application/octet-stream");
    }

    fn snapshot(files: &[&str]) -> Snapshot {
        Snapshot {
            site: Arc::new(LiveBuild::from_files(
                files
                    .iter()
                    .map(|f| (f.to_string(), Bytes::from_static(b"x")))
                    .collect(),
            )),
            error: None,
            generation: 1,
        }
    }

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
    fn protocol_relative_redirect_stays_on_this_server() {
        let site = snapshot(&["history/index.html"]);
        let response = respond(&Method::GET, "//history", &site);
        assert_eq!(response.status(), StatusCode::MOVED_PERMANENTLY);
        assert_eq!(response.headers()[LOCATION], "/history/");
    }

    #[test]
    fn folder_locations_encode_what_a_url_parser_would_read_as_structure() {
        assert_eq!(folder_location("a b/c?d#e"), "/a%20b/c%3Fd%23e/");
        assert_eq!(folder_location("evil.example"), "/evil.example/");
        assert_eq!(folder_location("x\\y%z"), "/x%5Cy%25z/");
        assert_eq!(folder_location("café"), "/caf%C3%A9/");
    }

    proptest::proptest! {
        // Any request path, built from the characters that give URLs structure, either gets no
        // redirect or one that resolves to this server.
        #[test]
        fn redirects_resolve_to_this_origin(path in "/[/\\\\%25fFcC.:@?#a é\t]{0,16}") {
            let origin = url::Url::parse("http://127.0.0.1:8000/").unwrap();
            // Every folder a path could name exists, so each path that can redirect does.
            let site = match request_path(&path) {
                Some(key) => snapshot(&[&format!("{key}/index.html")]),
                None => snapshot(&[]),
            };
            let response = respond(&Method::GET, &path, &site);
            if let Some(location) = response.headers().get(LOCATION) {
                let location = location.to_str().unwrap();
                let target = origin.join(location).unwrap();
                proptest::prop_assert_eq!(target.origin(), origin.origin(), "{} -> {}", path, location);
                proptest::prop_assert!(!location.starts_with("//"), "{} -> {}", path, location);
            }
        }
    }

    #[test]
    fn failed_builds_show_the_error_for_pages_and_keep_other_files() {
        let mut site = snapshot(&["index.html", "feed.xml"]);
        site.error = Some("content/a.md:2:9: bad <date>".into());
        let page = respond(&Method::GET, "/", &site);
        assert_eq!(page.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let body = String::from_utf8_lossy(page.body());
        assert!(body.contains("bad &lt;date&gt;"), "{body}");
        let feed = respond(&Method::GET, "/feed.xml", &site);
        assert_eq!(feed.status(), StatusCode::OK);
    }

    #[test]
    fn only_get_and_head_are_answered() {
        let site = snapshot(&["index.html"]);
        assert_eq!(respond(&Method::HEAD, "/", &site).status(), StatusCode::OK);
        let post = respond(&Method::POST, "/", &site);
        assert_eq!(post.status(), StatusCode::METHOD_NOT_ALLOWED);
        assert_eq!(post.headers()[ALLOW], "GET, HEAD");
    }

    #[test]
    fn the_api_is_readable_from_any_origin_and_pages_are_not_marked() {
        let site = snapshot(&["index.html", "api/v2/summary.json", "embed/index.html"]);
        let api = respond(&Method::GET, "/api/v2/summary.json", &site);
        assert_eq!(api.headers()[ACCESS_CONTROL_ALLOW_ORIGIN], "*");
        for page in ["/", "/embed/"] {
            let response = respond(&Method::GET, page, &site);
            assert_eq!(response.status(), StatusCode::OK, "{page}");
            assert!(
                response.headers().get(ACCESS_CONTROL_ALLOW_ORIGIN).is_none(),
                "{page}"
            );
        }
    }
}
