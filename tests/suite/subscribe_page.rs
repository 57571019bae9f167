//! The subscribe page (issue 22): every feed, the calendar, the API, badges, the embed and every
//! `[[channel]]`, in each language; the channels' checks; the Subscribe button of every page;
//! the embed script's size and the embed frame. Pages are read with scraper, as a browser would.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use scraper::{Html, Selector};

use crate::common::{TestSite, CONFIG};

const NOW: &str = "2026-03-10T12:00:00Z";

const CHANNELS: &str = r##"
[[channel]]
kind = "mastodon"
name = "@status@social.example.org"
url = "https://social.example.org/@status"

[[channel]]
kind = "matrix"
name = "#status:example.org"
url = "https://matrix.to/#/#status:example.org"

[[channel]]
kind = "phone"
name = "+1 555-0100"
url = "tel:+1-555-0100"

[[channel]]
kind = "email"
name = "status-announce"
url = "mailto:status-announce@example.org"
"##;

/// The common site in English and French, with four channels.
fn bilingual_site() -> TestSite {
    let site = TestSite::new();
    let config = CONFIG.replacen(
        "timezone = \"America/New_York\"\n",
        "timezone = \"America/New_York\"\nlanguages = [\"en\", \"fr\"]\n",
        1,
    );
    site.write("config.toml", format!("{config}{CHANNELS}"));
    site.write(
        "content/incidents/2026-03-01-vpn.md",
        "+++\ntitle = \"VPN slow\"\ndate = 2026-03-01T09:00:00Z\nresolved = 2026-03-01T10:00:00Z\nseverity = \"degraded\"\ncomponents = [\"vpn\"]\n+++\n",
    );
    site
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    html.select(&Selector::parse(css).expect("selector")).collect()
}

fn hrefs(html: &Html) -> BTreeSet<String> {
    select(html, "a[href]")
        .into_iter()
        .map(|a| a.value().attr("href").expect("href").to_string())
        .collect()
}

/// `href` (relative to the page at `page`, a path in the output) as a path in the output.
fn resolve(page: &str, href: &str) -> PathBuf {
    let mut path = PathBuf::new();
    for part in Path::new(page).parent().expect("folder").join(href).components() {
        match part {
            Component::ParentDir => assert!(path.pop(), "{href} climbs out of the site from {page}"),
            Component::Normal(p) => path.push(p),
            _ => {}
        }
    }
    if href.ends_with('/') {
        path.push("index.html");
    }
    path
}

#[test]
fn the_subscribe_page_lists_every_feed_the_calendar_the_api_and_every_channel_in_each_language() {
    let site = bilingual_site();
    site.build_at(NOW);
    let public = site.path("public");
    for (prefix, heading, phone) in [
        ("", "Subscribe to updates", "Phone line"),
        ("fr/", "S'abonner aux mises à jour", "Ligne téléphonique"),
    ] {
        let page = format!("{prefix}subscribe/index.html");
        let html = Html::parse_document(&site.read(&format!("public/{page}")));
        let lang = select(&html, "html")[0].value().attr("lang").unwrap().to_string();
        assert_eq!(lang, if prefix.is_empty() { "en" } else { "fr" });
        let h1: String = select(&html, "h1")[0].text().collect();
        assert_eq!(h1, heading, "{page}");
        let links = hrefs(&html);
        let up = "../";
        let assets = if prefix.is_empty() { "../" } else { "../../" };
        let mut expected: Vec<String> = [
            "feed.xml",
            "atom.xml",
            "updates/feed.xml",
            "updates/atom.xml",
            "maintenance.ics",
            "badge.svg",
        ]
        .iter()
        .filter(|p| **p != "badge.svg")
        .map(|p| format!("{up}{p}"))
        .collect();
        for id in ["email", "mobile-email", "vpn"] {
            expected.push(format!("{up}components/{id}/feed.xml"));
        }
        for api in [
            "api/v2/summary.json",
            "api/v2/status.json",
            "api/v2/components.json",
            "api/v2/incidents.json",
            "api/v2/incidents/unresolved.json",
            "api/v2/scheduled-maintenances.json",
            "api/v2/uptime.json",
        ] {
            expected.push(format!("{assets}{api}"));
        }
        expected.push(format!("webcal://status.example.org/{prefix}maintenance.ics"));
        for url in [
            "https://social.example.org/@status",
            // A `#` inside the fragment is written `%23`, as HTML requires in `href`.
            "https://matrix.to/#/%23status:example.org",
            "tel:+1-555-0100",
            "mailto:status-announce@example.org",
        ] {
            expected.push(url.to_string());
        }
        for href in &expected {
            assert!(links.contains(href), "{page} does not link {href}: {links:?}");
        }
        // Every link of the page that stays on the site names a file the build wrote.
        for href in links.iter().filter(|h| !h.contains(':') && !h.starts_with('#')) {
            let target = resolve(&page, href);
            assert!(
                public.join(&target).is_file(),
                "{page}: {href} -> {}",
                target.display()
            );
        }
        // Each channel shows its name and its kind in the reader's words.
        let channels: Vec<String> = select(&html, ".channel")
            .into_iter()
            .map(|li| li.text().collect::<String>())
            .collect();
        assert_eq!(channels.len(), 4, "{channels:?}");
        assert!(channels[0].contains("Mastodon") && channels[0].contains("@status@social.example.org"));
        assert!(
            channels[2].contains(phone) && channels[2].contains("+1 555-0100"),
            "{channels:?}"
        );
        // The snippets carry absolute addresses of this edition.
        let text = html.root_element().text().collect::<String>();
        for snippet in [
            format!("<script src=\"https://status.example.org/{prefix}embed.js\" async></script>"),
            format!("<iframe src=\"https://status.example.org/{prefix}embed/\""),
            format!("(https://status.example.org/{prefix}badge.svg)"),
            format!("https://status.example.org/{prefix}maintenance.ics"),
        ] {
            assert!(text.contains(&snippet), "{page} lacks {snippet}");
        }
    }
    // In the sitemap in both languages; the embed frame is not.
    let sitemap = site.read("public/sitemap.xml");
    assert!(sitemap.contains("<loc>https://status.example.org/subscribe/</loc>"));
    assert!(sitemap.contains("<loc>https://status.example.org/fr/subscribe/</loc>"));
    assert!(!sitemap.contains("embed/"), "{sitemap}");
}

#[test]
fn every_page_has_the_subscribe_button_in_its_header() {
    let site = bilingual_site();
    site.build_at(NOW);
    let public = site.path("public");
    let mut pages = 0;
    for entry in walk(&public) {
        let relative = entry
            .strip_prefix(&public)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if !relative.ends_with(".html") || relative.ends_with("embed/index.html") {
            continue;
        }
        let html = Html::parse_document(&std::fs::read_to_string(&entry).unwrap());
        let buttons = select(&html, "header a.subscribe-button");
        assert_eq!(buttons.len(), 1, "{relative}");
        let href = buttons[0].value().attr("href").unwrap();
        if relative != "404.html" && relative != "fr/404.html" {
            let edition = if relative.starts_with("fr/") { "fr/" } else { "" };
            assert_eq!(
                resolve(&relative, href),
                PathBuf::from(format!("{edition}subscribe/index.html")),
                "{relative}"
            );
        }
        pages += 1;
    }
    assert!(pages >= 16, "only {pages} pages");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else {
            found.push(path);
        }
    }
    found
}

#[test]
fn bad_channels_are_reported_at_their_keys_by_check_and_build() {
    let site = TestSite::new();
    site.write(
        "config.toml",
        format!(
            "{CONFIG}\n[[channel]]\nkind = \"mastodn\"\nname = \"@s@social.example.org\"\nurl = \"https://social.example.org/@s\"\n\
             \n[[channel]]\nkind = \"phone\"\nname = \"Line\"\nurl = \"https://example.org/call\"\n\
             \n[[channel]]\nkind = \"slack\"\nname = \"\"\nurl = \"http://chat.example.org/\"\n"
        ),
    );
    let config_lines = CONFIG.lines().count();
    let line = |n: usize| config_lines + n;
    let expected = [
        format!(
            "config.toml:{}:8: unknown channel kind `mastodn`, expected one of mastodon, bluesky, slack, matrix, telegram, discord, phone, sms, email, web; did you mean `mastodon`?",
            line(3)
        ),
        format!(
            "config.toml:{}:7: `url` of a `phone` channel `https://example.org/call` must be a `tel:` URL, like \"tel:+1-555-0100\"",
            line(10)
        ),
        format!(
            "config.toml:{}:8: `name` is empty; give the account, room or number readers see",
            line(14)
        ),
        format!(
            "config.toml:{}:7: `url` of a `slack` channel `http://chat.example.org/` must be a `https:` URL, like \"https://social.example.org/@status\"",
            line(15)
        ),
    ];
    for command in [vec!["check", "--now", NOW], vec!["build", "--now", NOW]] {
        let run = site.beacon(&command);
        assert_ne!(run.code, 0, "{command:?} passed");
        for line in &expected {
            assert!(
                run.stderr.contains(line.as_str()),
                "{command:?}: no\n{line}\nin\n{}",
                run.stderr
            );
        }
    }
    assert!(!site.path("public").exists(), "a failed build wrote files");

    // An unknown key in a table is named, with what the table accepts.
    site.write(
        "config.toml",
        format!("{CONFIG}\n[[channel]]\nkind = \"web\"\nname = \"News\"\nurl = \"https://news.example.org/\"\nlabel = \"x\"\n"),
    );
    let run = site.beacon(&["check", "--now", NOW]);
    assert_ne!(run.code, 0);
    let at = format!("config.toml:{}:1: unknown key `label`", line(6));
    assert!(run.stderr.contains(&at), "{}", run.stderr);
    assert!(run.stderr.contains("`kind`, `name`, `url`"), "{}", run.stderr);
}

fn gzipped_len(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap().len()
}

#[test]
fn the_embed_script_is_at_most_4_kb_gzipped_in_every_edition() {
    let site = TestSite::example();
    site.build_at("2022-01-27T12:00:00-05:00");
    for (path, api, words) in [
        (
            "public/embed.js",
            "\"api/v2/summary.json\"",
            "View the status page",
        ),
        (
            "public/fr/embed.js",
            "\"../api/v2/summary.json\"",
            "Voir la page d'état",
        ),
    ] {
        let script = site.read(path);
        let size = gzipped_len(script.as_bytes());
        assert!(size <= 4096, "{path}: {size} bytes gzipped");
        assert!(script.contains(api), "{path} does not read {api}");
        assert!(script.contains(words), "{path} lacks {words}");
        assert!(!script.contains("/*WORDS*/"), "{path} kept its placeholder");
    }
}

#[test]
fn the_embed_frame_shows_the_status_without_scripts_and_may_be_framed() {
    let site = TestSite::example();
    site.build_at("2022-01-27T12:00:00-05:00");
    let frame = site.read("public/embed/index.html");
    assert!(!frame.contains("<script"), "{frame}");
    assert!(!frame.contains("stylesheet"), "the frame loads nothing: {frame}");
    let html = Html::parse_document(&frame);
    let link = &select(&html, "a")[0];
    assert_eq!(link.value().attr("href"), Some("../"));
    assert_eq!(link.value().attr("class"), Some("major_outage"));
    let text: String = link.text().collect();
    assert!(text.contains("Major outage"), "{text}");
    assert!(text.contains("View the status page"), "{text}");
    let french: String = select(
        &Html::parse_document(&site.read("public/fr/embed/index.html")),
        "a",
    )[0]
    .text()
    .collect();
    assert!(french.contains("Voir la page d'état"), "{french}");

    // The hosts' headers let any site read the API and frame the page.
    let headers = site.read("public/_headers");
    assert!(
        headers.contains("/api/*\n  Access-Control-Allow-Origin: *"),
        "{headers}"
    );
    for blocks_frames in ["X-Frame-Options", "frame-ancestors"] {
        assert!(!headers.contains(blocks_frames), "{headers}");
    }

    let calm = TestSite::example();
    calm.build_at("2026-11-22T12:00:00-05:00");
    let frame = calm.read("public/embed/index.html");
    assert!(frame.contains("class=\"operational\""), "{frame}");
}
