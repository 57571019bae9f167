//! The one validator for the site's URL, used for `base_url` in config.toml and for every flag
//! that takes a URL (`build --base-url`), so no path lets a different URL through.
//!
//! The URL ends up in HTML attributes, XML, JSON, iCalendar lines, robots.txt and HTTP
//! headers; it must be an absolute http(s) URL with no character any of them treats specially.
//! The `url` crate does the parsing (WHATWG rules, as browsers read it); beacon adds what that
//! parser forgives but outputs cannot carry: control characters and whitespace, which it would
//! silently drop or encode, are refused outright, since they are never what the user meant.

/// Checks `text` and returns it as beacon writes it: the parsed URL, serialised (host in lower
/// case, unsafe characters percent-encoded), ending in `/` so paths can be appended.
pub fn parse_base_url(text: &str) -> Result<String, String> {
    let text = text.trim();
    let example = "expected an absolute http(s) URL like \"https://status.example.org/\"";
    if let Some(c) = text.chars().find(|c| c.is_control() || c.is_whitespace()) {
        return Err(format!(
            "`{}` contains the character {c:?}, which no URL may hold; {example}",
            text.escape_debug()
        ));
    }
    let url = url::Url::parse(text).map_err(|e| format!("`{text}` is not a URL ({e}); {example}"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("`{text}` is a `{}:` URL; {example}", url.scheme()));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(format!("`{text}` has no host; {example}"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(format!(
            "`{text}` carries a user name or password, which would be published on every page; {example}"
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(format!(
            "`{text}` has a `?` query or `#` fragment, which page paths cannot follow; {example}"
        ));
    }
    let mut out = url.to_string();
    if !out.ends_with('/') {
        out.push('/');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_urls_are_normalised_with_a_trailing_slash() {
        for (text, expected) in [
            ("https://s.example.org", "https://s.example.org/"),
            (" https://S.Example.org/status ", "https://s.example.org/status/"),
            ("http://127.0.0.1:8080/", "http://127.0.0.1:8080/"),
            ("https://[::1]:3000", "https://[::1]:3000/"),
            ("https://a.example/ü", "https://a.example/%C3%BC/"),
        ] {
            assert_eq!(parse_base_url(text).as_deref(), Ok(expected), "{text}");
        }
    }

    #[test]
    fn hostile_urls_are_refused() {
        for text in [
            "https://a.example/\r\nX-INJECTED:1",
            "javascript:alert(1)//",
            "https://a.example/\u{1}",
            "https://a.example/\u{7f}",
            "https://a.example/\u{85}x",
            "https://a.example/\u{2028}x",
            "https://a.example/\tx",
            "data:text/html,<script>",
            "ftp://a.example/",
            "https://user:pw@a.example/",
            "https://a.example/?q=1",
            "https://a.example/#top",
            "/relative/",
            "",
            "https://",
        ] {
            assert!(parse_base_url(text).is_err(), "{text:?} was accepted");
        }
    }

    #[test]
    fn characters_markup_treats_specially_are_percent_encoded() {
        let url = parse_base_url("https://a.example/\"><script>/").unwrap();
        assert!(!url.contains(['"', '<', '>']), "{url}");
    }
}
