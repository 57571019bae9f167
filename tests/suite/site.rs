//! The HTML site: every page of SPEC section 6, the `now` rules, links under a subpath,
//! determinism, atomic failure, theme precedence, escaping. See tests/README.md.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};

use crate::common::{snapshot, TestSite};

const NOON: &str = "2022-01-27T12:00:00-05:00";

/// The harness's config with `top` keys added after `timezone` and `tables` at the end.
fn config_with(top: &str, tables: &str) -> String {
    let config = crate::common::CONFIG.replacen(
        "timezone = \"America/New_York\"\n",
        &format!("timezone = \"America/New_York\"\n{top}\n"),
        1,
    );
    format!("{config}\n{tables}")
}

/// Every text file of a built output, by relative path.
fn texts(dir: &Path) -> BTreeMap<String, String> {
    snapshot(dir)
        .into_iter()
        .filter_map(|(path, bytes)| String::from_utf8(bytes).ok().map(|t| (path, t)))
        .collect()
}

fn html_pages(dir: &Path) -> BTreeMap<String, String> {
    texts(dir)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .collect()
}

/// Values of every `href="..."` and `src="..."` in `html` (the theme always double-quotes).
fn links(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for attr in [" href=\"", " src=\""] {
        let mut rest = html;
        while let Some(at) = rest.find(attr) {
            rest = &rest[at + attr.len()..];
            let end = rest.find('"').expect("attribute is closed");
            found.push(rest[..end].replace("&amp;", "&"));
            rest = &rest[end..];
        }
    }
    found
}

/// Resolves `link` found in `page` (a path relative to the output root) against the site served
/// at `base_path`; `None` for links to other sites, `mailto:` and bare fragments.
fn resolve(page: &str, link: &str, base_url: &str, base_path: &str) -> Option<String> {
    // A query (`style.css?v=<hash>`) names the same file.
    let link = link.split(['#', '?']).next().unwrap_or_default();
    if link.is_empty() {
        return None;
    }
    let (mut parts, rest): (Vec<&str>, &str) = if let Some(local) = link.strip_prefix(base_url) {
        (Vec::new(), local)
    } else if link.contains(':') {
        return None;
    } else if let Some(absolute) = link.strip_prefix('/') {
        let local = format!("/{absolute}");
        let local = local
            .strip_prefix(base_path)
            .unwrap_or_else(|| panic!("{page}: root-relative link {link} leaves the base path {base_path}"));
        return resolve("index.html", local, base_url, base_path);
    } else {
        let mut dir: Vec<&str> = page.split('/').collect();
        dir.pop();
        (dir, link)
    };
    for part in rest.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                assert!(
                    parts.pop().is_some(),
                    "{page}: link {link} climbs out of the site"
                );
            }
            p => parts.push(p),
        }
    }
    let mut path = parts.join("/");
    if link.ends_with('/') || path.is_empty() {
        path = if path.is_empty() {
            "index.html".into()
        } else {
            format!("{path}/index.html")
        };
    }
    Some(path)
}

// Protects SPEC section 6: every page, 404, sitemap and robots are written, with the theme's CSS.
#[test]
fn example_site_builds_every_page_of_the_contract() {
    let site = TestSite::example();
    site.build_at("2026-11-22T12:00:00-05:00");
    let out = site.path("public");
    for path in [
        "index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        "style.css",
        "history/index.html",
        "about/index.html",
        "incidents/2022-01-27-mobile-email/index.html",
        "incidents/2026-12-05-mail-server-upgrade/index.html",
        "incidents/2026-11-18-service-desk-holiday-hours/index.html",
        "components/mobile-email/index.html",
        "components/service-desk/index.html",
    ] {
        assert!(out.join(path).is_file(), "{path} is missing");
    }
    let index = site.read("public/index.html");
    // Banner first, then what is happening now, then components, then history.
    let order = [
        "class=\"banner",
        "<h2>Maintenance",
        "<h2>Notices",
        "<h2 id=\"components-heading\">Components",
        "<h2>Recent history",
    ];
    let positions: Vec<usize> = order
        .iter()
        .map(|s| {
            index
                .find(s)
                .unwrap_or_else(|| panic!("{s} not on the front page"))
        })
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
}

// Protects SPEC section 4: `--now` noon on 27 Jan 2022 shows the page as it stood then.
#[test]
fn noon_build_shows_the_example_as_it_stood_that_day() {
    let site = TestSite::example();
    site.build_at(NOON);
    let index = site.read("public/index.html");
    assert!(index.contains("Major outage"), "banner");
    assert!(index.contains("Email unavailable for mobile users"));
    // The 10:30 update is the latest published; the 13:00 one is not yet written.
    assert!(index.contains("vendor&#x27;s software patch"));
    let all = texts(&site.path("public"));
    for (path, text) in &all {
        assert!(
            !text.contains("coming back gradually"),
            "13:00 update leaked into {path}"
        );
        assert!(
            !text.contains("Thanksgiving"),
            "a 2026 incident leaked into {path}"
        );
    }
    assert!(!site
        .path("public/incidents/2026-11-18-service-desk-holiday-hours")
        .exists());
    // The 2026 window was announced in 2026 (its first update): in 2022 it is nowhere.
    assert!(!all.values().any(|t| t.contains("Mail server upgrade")));
    assert!(!all.values().any(|t| t.contains("upgraded on Saturday night")));
    let incident = site.read("public/incidents/2022-01-27-mobile-email/index.html");
    assert!(incident.contains("Not yet resolved"));
    assert!(incident.contains("4 hours 20 minutes so far"));
}

// Protects SPEC section 4: incidents that begin after `now` and updates stamped after it appear
// in no file at all.
#[test]
fn incidents_and_updates_after_now_appear_nowhere() {
    let site = TestSite::new();
    site.write(
        "content/incidents/past.md",
        r#"+++
title = "Past event"
date = 2024-03-01T10:00:00Z
resolved = 2024-03-01T14:00:00Z
severity = "partial"
components = ["vpn"]

[[updates]]
at = 2024-03-01T10:05:00Z
status = "investigating"
text = "EARLY-UPDATE-TEXT"

[[updates]]
at = 2024-03-01T14:00:00Z
status = "resolved"
text = "LATE-UPDATE-TEXT"
+++
"#,
    );
    site.write(
        "content/incidents/future.md",
        "+++\ntitle = \"FUTURE-INCIDENT-TITLE\"\ndate = 2024-03-02T00:00:00Z\nseverity = \"major\"\ncomponents = [\"vpn\"]\n+++\n",
    );
    site.build_at("2024-03-01T12:00:00Z");
    let all = texts(&site.path("public"));
    assert!(all["index.html"].contains("EARLY-UPDATE-TEXT"));
    for (path, text) in &all {
        for hidden in ["LATE-UPDATE-TEXT", "FUTURE-INCIDENT-TITLE", "incidents/future"] {
            assert!(!text.contains(hidden), "{hidden} in {path}");
        }
    }
}

// Protects the subpath rule: served under /status/, every internal href and src of every page
// (404.html included) names a file of the output.
#[test]
fn every_internal_link_resolves_under_a_subpath_base_url() {
    let site = TestSite::example();
    let base_url = "https://example.github.io/status/";
    let run = site.beacon(&[
        "build",
        "--now",
        "2026-11-22T12:00:00-05:00",
        "--base-url",
        base_url,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = site.path("public");
    let pages = html_pages(&out);
    let mut checked = 0;
    for (page, html) in &pages {
        for link in links(html) {
            let Some(target) = resolve(page, &link, base_url, "/status/") else {
                continue;
            };
            checked += 1;
            assert!(
                out.join(&target).is_file(),
                "{page}: {link} -> {target} does not exist"
            );
        }
    }
    assert!(checked > 100, "only {checked} links checked");
    let not_found = site.read("public/404.html");
    assert!(not_found.contains("href=\"/status/style.css?v="), "{not_found}");
    assert!(site
        .read("public/sitemap.xml")
        .contains("<loc>https://example.github.io/status/history/</loc>"));
    assert!(site
        .read("public/robots.txt")
        .contains("Sitemap: https://example.github.io/status/sitemap.xml"));
}

// Protects determinism: the same input and `now` give byte-identical output.
#[test]
fn rebuilds_with_the_same_now_are_byte_identical() {
    let site = TestSite::example();
    let now = "2026-11-22T12:00:00-05:00";
    let (one, two) = (site.path("one"), site.path("two"));
    let first = site.beacon(&["build", "--now", now, "--output", one.to_str().unwrap()]);
    let second = site.beacon(&["build", "--now", now, "--output", two.to_str().unwrap()]);
    assert_eq!(
        (first.code, second.code),
        (0, 0),
        "{}{}",
        first.stderr,
        second.stderr
    );
    let one = snapshot(&one);
    assert!(one.len() > 15);
    assert_eq!(one, snapshot(&two));
}

// Protects atomic output and template diagnostics: a broken template fails the build with
// `path:line:column`, exit 1, and the previous output stays exactly as it was.
#[test]
fn template_error_names_the_file_and_leaves_the_output_untouched() {
    let site = TestSite::new();
    site.build_at(NOON);
    let before = snapshot(&site.path("public"));
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block main %}\n{{ content.title | }}\n{% endblock main %}\n",
    );
    let run = site.beacon(&["build", "--now", NOON]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.starts_with("templates/page.html:3:"), "{}", run.stderr);
    assert_eq!(snapshot(&site.path("public")), before);

    // An error found while rendering (not parsing) also names the template.
    site.write("templates/page.html", "{{ no_such_variable }}");
    site.write("content/pages/help.md", "+++\ntitle = \"Help\"\n+++\nHi\n");
    let run = site.beacon(&["build", "--now", NOON]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("templates/page.html:1:4: template error:"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("no_such_variable"), "{}", run.stderr);
    assert_eq!(snapshot(&site.path("public")), before);
}

// Protects theme precedence: site templates/ > themes/<theme>/ > built-in; static likewise.
#[test]
fn site_templates_beat_the_theme_which_beats_the_built_in_default() {
    let site = TestSite::new();
    site.write("config.toml", config_with("theme = \"plain\"", ""));
    site.write("themes/plain/templates/404.html", "THEME-404");
    site.write("themes/plain/templates/history.html", "THEME-HISTORY");
    site.write("templates/history.html", "SITE-HISTORY");
    site.write("themes/plain/static/style.css", "/* theme css */");
    site.write("static/extra/logo.txt", "logo");
    site.build_at(NOON);
    assert_eq!(site.read("public/404.html"), "THEME-404");
    assert_eq!(site.read("public/history/index.html"), "SITE-HISTORY");
    assert!(
        site.read("public/index.html").contains("class=\"banner"),
        "built-in fallback"
    );
    assert_eq!(site.read("public/style.css"), "/* theme css */");
    assert!(
        site.path("public/favicon.svg").is_file(),
        "built-in static fallback"
    );
    assert_eq!(site.read("public/extra/logo.txt"), "logo");

    site.write("config.toml", config_with("theme = \"nope\"", ""));
    let run = site.beacon(&["build", "--now", NOON]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("config.toml:5:10: theme `nope` not found"),
        "{}",
        run.stderr
    );
}

// Protects the embedded theme: a site with no themes/ folder builds with the full default look.
#[test]
fn site_without_a_themes_folder_uses_the_built_in_theme() {
    let site = TestSite::new();
    site.build_at(NOON);
    let css = site.read("public/style.css");
    assert!(css.contains("prefers-color-scheme: dark"));
    let repo_css = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/style.css"),
    )
    .unwrap();
    assert_eq!(css, repo_css);
    assert!(site.read("public/index.html").contains("All systems operational"));
}

// Protects SPEC section 3: titles and update texts are escaped; bodies are sanitised unless the
// site allows raw HTML.
#[test]
fn titles_and_texts_are_escaped_and_bodies_sanitised() {
    let site = TestSite::new();
    let incident = r#"+++
title = "<script>alert('title')</script> & more"
date = 2022-01-27T07:00:00-05:00
severity = "major"
components = ["email"]

[[updates]]
at = 2022-01-27T07:30:00-05:00
status = "investigating"
text = "<img src=x onerror=alert(1)> update"
+++
Body <script>alert('body')</script> <span onclick="go()">raw span</span>
"#;
    site.write("content/incidents/x.md", incident);
    site.build_at(NOON);
    let page = site.read("public/incidents/x/index.html");
    assert!(
        page.contains("&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt; &amp; more"),
        "{page}"
    );
    assert!(page.contains("&lt;img src=x onerror=alert(1)&gt; update"));
    assert!(!page.contains("<script>alert"));
    assert!(!page.contains("onclick"));

    site.write("config.toml", config_with("", "[markdown]\nunsafe_html = true\n"));
    site.build_at(NOON);
    let page = site.read("public/incidents/x/index.html");
    assert!(page.contains("<span onclick=\"go()\">raw span</span>"));
    assert!(
        page.contains("&lt;script&gt;alert(&#x27;title&#x27;)"),
        "titles stay escaped"
    );
}

// Protects the history rules: newest first, grouped by month, `per_page` per page.
#[test]
fn history_paginates_newest_first_and_groups_by_month() {
    let site = TestSite::new();
    site.write("config.toml", config_with("", "[history]\nper_page = 2\n"));
    for (slug, date) in [
        ("a", "2022-01-05"),
        ("b", "2022-02-10"),
        ("c", "2022-02-20"),
        ("d", "2022-03-01"),
        ("e", "2022-03-15"),
    ] {
        site.write(
            &format!("content/incidents/{slug}.md"),
            format!("+++\ntitle = \"Incident {slug}\"\ndate = {date}T12:00:00Z\nresolved = {date}T13:00:00Z\nseverity = \"partial\"\ncomponents = [\"vpn\"]\n+++\n"),
        );
    }
    site.build_at("2022-04-01T00:00:00Z");
    let first = site.read("public/history/index.html");
    let (e, d) = (
        first.find("Incident e").unwrap(),
        first.find("Incident d").unwrap(),
    );
    assert!(e < d, "newest first");
    assert!(first.contains(">March 2022</h2>") && !first.contains("Incident c"));
    assert!(
        first.contains("href=\"../history/page/2/\""),
        "link to older page"
    );
    let second = site.read("public/history/page/2/index.html");
    assert!(
        second.contains(">February 2022</h2>")
            && second.contains("Incident c")
            && second.contains("Incident b")
    );
    assert!(
        second.contains("href=\"../../../history/\""),
        "link to newer page"
    );
    let third = site.read("public/history/page/3/index.html");
    assert!(third.contains(">January 2022</h2>") && third.contains("Incident a"));
    assert!(!site.path("public/history/page/4").exists());
    assert!(!site.path("public/history/page/1").exists());

    // A component's incidents are paged the same way; its uptime is on the first page only.
    let first = site.read("public/components/vpn/index.html");
    let second = site.read("public/components/vpn/page/2/index.html");
    let third = site.read("public/components/vpn/page/3/index.html");
    let listed = |html: &str| -> Vec<char> {
        "abcde"
            .chars()
            .filter(|c| html.contains(&format!("Incident {c}<")))
            .collect()
    };
    assert_eq!(
        (listed(&first), listed(&second), listed(&third)),
        (vec!['d', 'e'], vec!['b', 'c'], vec!['a'])
    );
    assert!(
        first.find("Incident e") < first.find("Incident d"),
        "newest first"
    );
    assert!(first.contains("href=\"../../components/vpn/page/2/\"") && first.contains("Last 90 days"));
    assert!(second.contains("href=\"../../../../components/vpn/\"") && !second.contains("Last 90 days"));
    assert!(
        second.contains("<title>VPN, page 2 – "),
        "the page number is in the title"
    );
    assert!(third.contains("Page 3 of 3") && !site.path("public/components/vpn/page/4").exists());
    let sitemap = site.read("public/sitemap.xml");
    assert!(sitemap.contains("/components/vpn/page/3/</loc>"));
}

// Protects the feed announcements: every page links RSS and Atom; component pages their own RSS.
#[test]
fn every_page_announces_the_feeds() {
    let site = TestSite::example();
    site.build_at("2026-11-22T12:00:00-05:00");
    // The embed frame is a bare page for other sites' iframes, with nothing in its head.
    for (path, html) in html_pages(&site.path("public"))
        .into_iter()
        .filter(|(path, _)| !path.ends_with("embed/index.html"))
    {
        assert!(
            html.contains("<link rel=\"alternate\" type=\"application/rss+xml\""),
            "{path}"
        );
        assert!(
            html.contains("<link rel=\"alternate\" type=\"application/atom+xml\""),
            "{path}"
        );
    }
    let component = site.read("public/components/mobile-email/index.html");
    assert!(component.contains("href=\"../../components/mobile-email/feed.xml\""));
    assert!(
        component.contains("Email unavailable for mobile users"),
        "its incidents are listed"
    );
    for days in ["Last 30 days", "Last 90 days", "Last 365 days"] {
        assert!(component.contains(days), "{days}");
    }
}

// Protects time display: the site zone with its abbreviation, RFC 3339 in `datetime`.
#[test]
fn times_show_in_the_site_zone_inside_time_elements() {
    let site = TestSite::example();
    site.build_at("2026-11-22T12:00:00-05:00");
    let page = site.read("public/incidents/2022-01-27-mobile-email/index.html");
    assert!(
        page.contains("<time datetime=\"2022-01-27T07:40:00-05:00\">Jan 27, 2022, 7:40\u{202f}AM EST</time>")
    );
    assert!(page.contains("7 hours 30 minutes"), "duration");
    // Newest update first.
    assert!(
        page.find("Mobile email, GoVirtual, GoBrowser and Self-Service")
            .unwrap()
            < page.find("Mobile users worldwide").unwrap()
    );
    let summer = site.read("public/incidents/2018-08-21-worldwide-email-outage/index.html");
    assert!(summer.contains("Aug 21, 2018, 5:30\u{202f}AM EDT"));
}

// Protects free pages: rendered at <slug>/ and listed in every page's navigation.
#[test]
fn free_pages_render_at_their_slug_and_appear_in_the_navigation() {
    let site = TestSite::new();
    site.write(
        "content/pages/follow.md",
        "+++\ntitle = \"How to follow us\"\nweight = 2\n+++\n## Feeds\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    );
    site.write(
        "content/pages/about.md",
        "+++\ntitle = \"About\"\nweight = 1\n+++\nHello.\n",
    );
    site.build_at(NOON);
    let page = site.read("public/follow/index.html");
    assert!(page.contains("<h2 id=\"feeds\">Feeds</h2>") && page.contains("<table>"));
    assert!(page.contains("href=\"../follow/\" aria-current=\"page\""));
    let index = site.read("public/index.html");
    let (about, follow) = (index.find("./about/").unwrap(), index.find("./follow/").unwrap());
    assert!(about < follow, "navigation follows weight");
}

// Protects serve mode: the live-reload script is in every page only when asked for.
#[test]
fn live_reload_script_is_injected_only_in_serve_mode() {
    let site = TestSite::example();
    let loaded = beacon::content::load_site(site.root(), &Default::default()).unwrap();
    let mut options = beacon::context::BuildOptions {
        root: site.root().to_path_buf(),
        now: DateTime::parse_from_rfc3339(NOON).unwrap().with_timezone(&Utc),
        base_url: None,
        drafts: false,
        live_reload: true,
        latency: Default::default(),
    };
    let html = |files: &[beacon::output::OutputFile], path: &str| {
        String::from_utf8(files.iter().find(|f| f.path == path).unwrap().bytes.clone()).unwrap()
    };
    let files = beacon::build::render_site(&loaded, &options).unwrap();
    let script = "<script src=\"../../__beacon/live-reload.js\" defer></script>\n</body>";
    assert!(html(&files, "incidents/2022-01-27-mobile-email/index.html").contains(script));
    assert!(html(&files, "index.html").contains("<script src=\"./__beacon/live-reload.js\" defer></script>"));
    options.live_reload = false;
    let files = beacon::build::render_site(&loaded, &options).unwrap();
    for file in files.iter().filter(|f| f.path.ends_with(".html")) {
        assert!(
            !html(&files, &file.path).contains("live-reload.js"),
            "{}",
            file.path
        );
    }
}

// Protects the bars' markup on a hand-made report: one item per day, oldest first, each with
// the date, status and downtime in text, and the truncated headline figure.
#[test]
fn daily_bars_carry_date_status_and_downtime_in_text() {
    use beacon::status::{ComponentReport, ComponentStatus, DayBar, StatusReport};
    let site = TestSite::new();
    let mut loaded = beacon::content::load_site(site.root(), &Default::default()).unwrap();
    loaded.config.uptime.days = 3;
    let now = DateTime::parse_from_rfc3339(NOON).unwrap().with_timezone(&Utc);
    let day = |d: u32, status, downtime_seconds: f64, incidents: &[&str]| DayBar {
        date: NaiveDate::from_ymd_opt(2022, 1, d).unwrap(),
        status,
        downtime_seconds,
        // Weight 1: the real time is the downtime.
        time_in: if downtime_seconds > 0.0 {
            vec![(ComponentStatus::MajorOutage, downtime_seconds)]
        } else {
            vec![]
        },
        incidents: incidents.iter().map(|s| s.to_string()).collect(),
        touched: incidents.len(),
    };
    let report = StatusReport {
        now,
        overall: ComponentStatus::MajorOutage,
        components: loaded
            .config
            .components
            .iter()
            .map(|c| ComponentReport {
                id: c.id.clone(),
                status: ComponentStatus::Operational,
                uptime: [
                    (3, Some(1.0 - 27_000.0 / (3.0 * 86_400.0))),
                    (30, None),
                    (90, Some(1.0)),
                    (365, Some(0.999_999)),
                ]
                .into_iter()
                .collect(),
                days: vec![
                    day(25, None, 0.0, &[]),
                    day(26, Some(ComponentStatus::Operational), 0.0, &[]),
                    day(27, Some(ComponentStatus::MajorOutage), 27_000.0, &["x"]),
                ],
                months: Vec::new(),
            })
            .collect(),
    };
    let options = beacon::context::BuildOptions {
        root: site.root().to_path_buf(),
        now,
        base_url: None,
        drafts: false,
        live_reload: false,
        latency: Default::default(),
    };
    let ctx = beacon::context::BuildContext {
        site: &loaded,
        report: &report,
        options: &options,
        edition_prefix: "",
        i18n: std::sync::Arc::new(beacon::i18n::I18n::shipped("en").unwrap()),
    };
    let files = std::sync::Mutex::new(std::collections::BTreeMap::new());
    let versions = beacon::render::asset_versions(&Default::default(), &Default::default());
    let theme = beacon::render::theme::Theme::load(site.root(), "default").unwrap();
    let pages = beacon::render::pages::Pages::new(&ctx, &theme, &versions).unwrap();
    for &job in pages.jobs() {
        let f = pages.render(job).unwrap();
        files.lock().unwrap().insert(f.path, f.bytes);
    }
    let files = files.into_inner().unwrap();
    let page = |path: &str| String::from_utf8(files[path].clone()).unwrap();
    let index = page("index.html");
    let bars = r#"<ol class="bars" aria-label="VPN: daily status, oldest first">
<li class="bar bar-no_data" tabindex="0"><span class="tip">Jan 25, 2022: No data</span></li><li class="bar bar-operational" tabindex="0"><span class="tip">Jan 26, 2022: Operational, no downtime</span></li><li class="bar bar-major_outage" tabindex="0"><span class="tip">Jan 27, 2022: Major outage for 7 hours 30 minutes, counted as 7 hours 30 minutes of downtime, 1 incident</span></li>
</ol>"#;
    assert!(index.contains(bars), "{index}");
    // 1 - 27000/259200 = 0.895833... -> truncated to 89.58%
    assert!(index.contains("89.58% uptime, last 3 days"));
    let component = page("components/vpn/index.html");
    assert!(component.contains("<dt>Last 30 days</dt><dd>no data</dd>"));
    assert!(component.contains("<dt>Last 90 days</dt><dd>100.00%</dd>"));
    assert!(
        component.contains("<dt>Last 365 days</dt><dd>99.99%</dd>"),
        "never rounded up"
    );
    assert!(component.contains("bar-major_outage"));
}

// Upcoming maintenance is published ahead of its start, from its first (announcing) update on;
// a window with no updates is published as soon as it exists.
#[test]
fn upcoming_maintenance_is_published_once_announced() {
    let site = TestSite::new();
    site.write(
        "content/incidents/upgrade.md",
        "+++\ntitle = \"Planned upgrade\"\nkind = \"maintenance\"\ndate = 2026-12-05T22:00:00-05:00\nend = 2026-12-06T02:00:00-05:00\ncomponents = [\"email\"]\n[[updates]]\nat = 2026-11-20T10:00:00-05:00\nstatus = \"scheduled\"\ntext = \"Announced.\"\n+++\n",
    );
    site.write(
        "content/incidents/quiet.md",
        "+++\ntitle = \"Unannounced window\"\nkind = \"maintenance\"\ndate = 2026-12-07T22:00:00-05:00\nend = 2026-12-08T02:00:00-05:00\n+++\n",
    );
    site.build_at("2026-11-19T00:00:00Z");
    let index = site.read("public/index.html");
    assert!(
        !index.contains("Planned upgrade"),
        "shown before its announcement"
    );
    assert!(!site.path("public/incidents/upgrade").exists());
    assert!(index.contains("Unannounced window"));
    site.build_at("2026-11-21T00:00:00Z");
    assert!(site.read("public/index.html").contains("Planned upgrade"));
    assert!(site.read("public/feed.xml").contains("Planned upgrade"));
}

// A build says what it did in one line; --verbose (or a long build) shows each stage on stderr
// as it finishes, and --quiet silences both.
#[test]
fn build_reports_its_stages_when_verbose_and_nothing_when_quiet() {
    let site = TestSite::example();
    let run = site.beacon(&["build", "--verbose", "--now", "2026-11-22T12:00:00Z"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("built "), "{}", run.stdout);
    let stages: Vec<&str> = run
        .stderr
        .lines()
        .map(|l| l.split(' ').next().unwrap_or(""))
        .collect();
    assert_eq!(stages, ["loaded", "rendered", "wrote"], "{}", run.stderr);
    // `-q` is `--quiet`, before or after the command.
    for quiet in [&["build", "--quiet"][..], &["build", "-q"], &["-q", "build"]] {
        let run = site.beacon(&[quiet, &["--now", "2026-11-22T12:00:00Z"]].concat());
        assert_eq!(
            (run.code, run.stdout.as_str(), run.stderr.as_str()),
            (0, "", ""),
            "{quiet:?}"
        );
    }
}

/// `history/index.json`, which the history's filters read, is written entry after entry: one
/// per incident or window that has begun, newest first, each at its own page; `[]` on a site
/// with none.
#[test]
fn the_history_index_lists_every_begun_incident_newest_first() {
    let entries = |site: &TestSite| -> Vec<serde_json::Value> {
        serde_json::from_str(&site.read("public/history/index.json")).expect("the index is JSON")
    };
    let site = TestSite::example();
    site.build_at("2040-01-01T00:00:00Z");
    let pages = std::fs::read_dir(site.path("public/incidents")).unwrap().count();
    let all = entries(&site);
    assert_eq!(all.len(), pages, "every incident has begun by 2040");
    let dates: Vec<&str> = all.iter().map(|e| e["date"].as_str().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first: {dates:?}");
    for entry in &all {
        let url = entry["url"].as_str().unwrap();
        assert!(
            site.path(&format!("public/{url}index.html")).is_file(),
            "{url} is a page"
        );
    }
    let slugs: std::collections::BTreeSet<&str> = all.iter().map(|e| e["slug"].as_str().unwrap()).collect();
    assert_eq!(slugs.len(), all.len());

    // Earlier, the windows and incidents still to come are not listed.
    site.build_at(NOON);
    let begun = entries(&site);
    assert!(
        !begun.is_empty() && begun.len() < all.len(),
        "{} of {}",
        begun.len(),
        all.len()
    );
    assert!(begun.iter().all(|e| e["date"].as_str().unwrap() <= "2022-01-27"));

    let empty = TestSite::new();
    empty.build_at(NOON);
    assert_eq!(empty.read("public/history/index.json"), "[]\n");
}
