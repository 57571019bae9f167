//! Multilingual sites (`languages = ["en", "fr"]`): translations merged over their main files,
//! fallback and the warnings of `check`, contradictions as errors, one edition per language in
//! the output with switcher, hreflang, feeds and sitemap that all resolve, and the authoring
//! commands on such a site.

use std::collections::BTreeMap;
use std::path::Path;

use scraper::{Html, Selector};

use crate::common::{snapshot, TestSite};

const NOW: &str = "2022-02-01T12:00:00Z";
const BASE: &str = "https://status.example.org/";

const CONFIG: &str = r#"title = "Test Status"
base_url = "https://status.example.org/"
timezone = "America/New_York"
languages = ["en", "fr"]

[[components]]
id = "email"
name = "Email"

[[components]]
id = "vpn"
name = "VPN"
"#;

const MAIL: &str = r#"+++
title = "Mail is down"
date = 2022-01-27T07:40:00-05:00
resolved = 2022-01-27T15:10:00-05:00
severity = "major"
components = ["email"]

[[updates]]
at = 2022-01-27T08:05:00-05:00
status = "investigating"
text = "We are looking into it."

[[updates]]
at = 2022-01-27T15:10:00-05:00
status = "resolved"
text = "Mail works again."
+++
The mail servers stopped.
"#;

/// Translates the first update only; repeats `severity` and `date` as the main file has them.
const MAIL_FR: &str = r#"+++
title = "Le courriel est en panne"
severity = "major"
date = 2022-01-27T12:40:00Z

[[updates]]
at = 2022-01-27T08:05:00-05:00
text = "Nous examinons le problème."
+++
Les serveurs de courriel se sont arrêtés.
"#;

const VPN: &str = r#"+++
title = "VPN is slow"
date = 2022-01-20T09:00:00-05:00
resolved = 2022-01-20T10:00:00-05:00
severity = "degraded"
components = ["vpn"]
+++
"#;

const WINDOW: &str = r#"+++
title = "Mail upgrade"
kind = "maintenance"
date = 2022-02-05T22:00:00-05:00
end = 2022-02-06T02:00:00-05:00
components = ["email"]
+++
"#;

const ABOUT: &str =
    "+++\ntitle = \"About\"\ndescription = \"What this is.\"\n+++\nSee [the feed](../feed.xml).\n";
const ABOUT_FR: &str = "+++\ntitle = \"À propos\"\n+++\nVoir [le fil](../feed.xml).\n";

/// A bilingual site: one translated incident, one untranslated, a window, a translated page.
pub fn bilingual() -> TestSite {
    let site = TestSite::new();
    site.write("config.toml", CONFIG);
    site.write("content/incidents/2022/mail.md", MAIL);
    site.write("content/incidents/2022/mail.fr.md", MAIL_FR);
    site.write("content/incidents/2022/vpn.md", VPN);
    site.write("content/incidents/2022/upgrade.md", WINDOW);
    site.write("content/pages/about.md", ABOUT);
    site.write("content/pages/about.fr.md", ABOUT_FR);
    site
}

fn select(html: &Html, css: &str) -> Vec<String> {
    html.select(&Selector::parse(css).unwrap())
        .map(|e| e.text().collect::<String>().trim().to_string())
        .collect()
}

fn attrs(html: &Html, css: &str, name: &str) -> Vec<String> {
    html.select(&Selector::parse(css).unwrap())
        .filter_map(|e| e.value().attr(name).map(str::to_string))
        .collect()
}

#[test]
fn a_translation_gives_its_texts_and_the_rest_falls_back_to_the_default_language() {
    let site = bilingual();
    site.build_at(NOW);
    let fr = Html::parse_document(&site.read("public/fr/incidents/mail/index.html"));
    assert_eq!(attrs(&fr, "html", "lang"), ["fr"]);
    assert_eq!(select(&fr, "h1"), ["Le courriel est en panne"]);
    let text = fr.root_element().text().collect::<String>();
    assert!(
        text.contains("Les serveurs de courriel se sont arrêtés."),
        "{text}"
    );
    assert!(text.contains("Nous examinons le problème."), "{text}");
    // The second update has no translation: its English text stands in.
    assert!(text.contains("Mail works again."), "{text}");
    assert!(!text.contains("We are looking into it."), "{text}");
    // Facts are the main file's: the same times and severity as the English page.
    let en = Html::parse_document(&site.read("public/incidents/mail/index.html"));
    assert_eq!(attrs(&fr, "time", "datetime"), attrs(&en, "time", "datetime"));
    assert_eq!(select(&en, "h1"), ["Mail is down"]);
    assert_eq!(attrs(&en, "html", "lang"), ["en"]);

    // An incident with no translation shows its English title in the French edition.
    let fr_vpn = Html::parse_document(&site.read("public/fr/incidents/vpn/index.html"));
    assert_eq!(select(&fr_vpn, "h1"), ["VPN is slow"]);
    // The page: translated title and body; the description falls back.
    let about = Html::parse_document(&site.read("public/fr/about/index.html"));
    assert_eq!(select(&about, "h1"), ["À propos"]);
    assert_eq!(
        attrs(&about, "meta[name=description]", "content"),
        ["What this is."]
    );
    // Lists in the French edition carry the French title too.
    let history = site.read("public/fr/history/index.html");
    assert!(history.contains("Le courriel est en panne"), "{history}");
}

#[test]
fn each_language_has_its_pages_feeds_calendar_badges_and_404_and_assets_stay_at_the_root() {
    let site = bilingual();
    site.build_at(NOW);
    let files: Vec<String> = snapshot(&site.path("public"))
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    for path in [
        "index.html",
        "404.html",
        "incidents/mail/index.html",
        "history/index.html",
        "components/email/index.html",
        "components/email/feed.xml",
        "components/email/badge.svg",
        "about/index.html",
        "feed.xml",
        "atom.xml",
        "maintenance.ics",
        "badge.svg",
    ] {
        assert!(files.contains(&path.to_string()), "{path} missing");
        assert!(files.contains(&format!("fr/{path}")), "fr/{path} missing");
    }
    for once in [
        "style.css",
        "stale.js",
        "favicon.svg",
        "sitemap.xml",
        "robots.txt",
        "api/v2/summary.json",
        "_headers",
    ] {
        assert!(files.contains(&once.to_string()), "{once} missing");
        assert!(
            !files.contains(&format!("fr/{once}")),
            "fr/{once} should not exist"
        );
    }
    assert!(
        !files.iter().any(|f| f.starts_with("en/")),
        "the default language is at the root"
    );
}

/// Every `href` and `src` of every page, resolved against the page's own URL, names a file of
/// the output (absolute URLs on the site's base too); returns how many were checked.
fn assert_every_link_resolves(out: &Path) -> usize {
    let files: BTreeMap<String, Vec<u8>> = snapshot(out).into_iter().collect();
    let base = url::Url::parse(BASE).unwrap();
    let mut checked = 0;
    for (path, bytes) in &files {
        if !path.ends_with(".html") {
            continue;
        }
        let page_url = if path == "404.html" || path.ends_with("/404.html") {
            // Served from any depth; its links are absolute paths.
            base.join("no/such/page/").unwrap()
        } else {
            base.join(path.strip_suffix("index.html").unwrap_or(path))
                .unwrap()
        };
        let html = Html::parse_document(std::str::from_utf8(bytes).unwrap());
        for (css, attr) in [
            ("a[href]", "href"),
            ("link[href]", "href"),
            ("script[src]", "src"),
        ] {
            for href in attrs(&html, css, attr) {
                if href.starts_with('#') {
                    continue;
                }
                let target = page_url.join(&href).unwrap();
                if target.origin() != base.origin() {
                    continue;
                }
                let mut rel = target.path().trim_start_matches('/').to_string();
                if rel.is_empty() || rel.ends_with('/') {
                    rel.push_str("index.html");
                }
                let rel = percent_encoding::percent_decode_str(&rel)
                    .decode_utf8()
                    .unwrap()
                    .into_owned();
                assert!(files.contains_key(&rel), "{path}: {href} -> {rel} does not exist");
                checked += 1;
            }
        }
    }
    checked
}

#[test]
fn the_switcher_and_hreflang_links_lead_to_the_same_page_in_each_language() {
    let site = bilingual();
    site.build_at(NOW);
    for (path, lang, other) in [
        (
            "public/incidents/mail/index.html",
            "en",
            "../../fr/incidents/mail/",
        ),
        (
            "public/fr/incidents/mail/index.html",
            "fr",
            "../../../incidents/mail/",
        ),
        ("public/fr/index.html", "fr", "../"),
        ("public/index.html", "en", "./fr/"),
    ] {
        let html = Html::parse_document(&site.read(path));
        let switcher = Selector::parse("nav.language-switcher a").unwrap();
        let links: Vec<_> = html.select(&switcher).collect();
        assert_eq!(links.len(), 2, "{path}");
        let names: Vec<String> = links.iter().map(|a| a.text().collect()).collect();
        assert_eq!(names, ["English", "Français"], "{path}");
        for a in &links {
            let code = a.value().attr("lang").unwrap();
            assert_eq!(a.value().attr("hreflang"), Some(code), "{path}");
            assert_eq!(a.value().attr("aria-current").is_some(), code == lang, "{path}");
            if code != lang {
                assert_eq!(a.value().attr("href"), Some(other), "{path}");
            }
        }
        let alternates = attrs(&html, "link[rel=alternate][hreflang]", "hreflang");
        assert_eq!(alternates, ["en", "fr", "x-default"], "{path}");
    }
    let page = Html::parse_document(&site.read("public/fr/incidents/mail/index.html"));
    assert_eq!(
        attrs(&page, "link[rel=alternate][hreflang]", "href"),
        [
            format!("{BASE}incidents/mail/"),
            format!("{BASE}fr/incidents/mail/"),
            format!("{BASE}incidents/mail/")
        ]
    );
    let checked = assert_every_link_resolves(&site.path("public"));
    assert!(checked > 100, "only {checked} links checked");
}

#[test]
fn a_one_language_site_has_no_switcher_and_no_alternates() {
    let site = bilingual();
    site.write(
        "config.toml",
        CONFIG.replace("languages = [\"en\", \"fr\"]\n", ""),
    );
    std::fs::remove_file(site.path("content/incidents/2022/mail.fr.md")).unwrap();
    std::fs::remove_file(site.path("content/pages/about.fr.md")).unwrap();
    site.build_at(NOW);
    let index = site.read("public/index.html");
    assert!(!index.contains("hreflang"), "{index}");
    assert!(!index.contains("language-switcher"), "{index}");
    assert!(!site.read("public/sitemap.xml").contains("xhtml"));
    assert!(!site.path("public/fr").exists());
}

#[test]
fn each_language_has_feeds_whose_links_and_ids_are_its_own() {
    let site = bilingual();
    site.build_at(NOW);
    let out = site.path("public");
    let files: BTreeMap<String, Vec<u8>> = snapshot(&out).into_iter().collect();
    let mut ids = Vec::new();
    for (prefix, lang) in [("", "en"), ("fr/", "fr")] {
        for feed_path in ["feed.xml", "atom.xml", "components/email/feed.xml"] {
            let path = format!("{prefix}{feed_path}");
            let feed = feed_rs::parser::parse(&files[&path][..]).unwrap_or_else(|e| panic!("{path}: {e}"));
            assert_eq!(feed.language.as_deref(), Some(lang), "{path}");
            let edition = format!("{BASE}{prefix}");
            let mut links: Vec<String> = feed.links.iter().map(|l| l.href.clone()).collect();
            for entry in &feed.entries {
                links.extend(entry.links.iter().map(|l| l.href.clone()));
                ids.push((lang, entry.id.clone()));
                if prefix == "fr/" && entry.links[0].href.ends_with("/mail/") {
                    assert_eq!(
                        entry.title.as_ref().unwrap().content,
                        "[Panne majeure] Le courriel est en panne"
                    );
                }
            }
            assert!(!feed.entries.is_empty(), "{path}");
            for link in links {
                let rest = link
                    .strip_prefix(&edition)
                    .unwrap_or_else(|| panic!("{path}: {link} not in {edition}"));
                if prefix.is_empty() {
                    assert!(!rest.starts_with("fr/"), "{path}: {link}");
                }
                let mut file = format!("{prefix}{rest}");
                if file.is_empty() || file.ends_with('/') {
                    file.push_str("index.html");
                }
                assert!(files.contains_key(&file), "{path}: {link} -> {file} missing");
            }
        }
    }
    // An item's id differs between languages (each is its edition's permalink).
    let (en, fr): (Vec<_>, Vec<_>) = ids.iter().partition(|(lang, _)| *lang == "en");
    assert!(!en.is_empty() && !fr.is_empty());
    for (_, id) in &fr {
        assert!(
            !en.iter().any(|(_, other)| other == id),
            "{id} is in both languages"
        );
    }

    // The calendar: the same window in both, with distinct UIDs.
    let uid = |path: &str| -> String {
        let text = String::from_utf8(files[path].clone()).unwrap();
        let calendar: icalendar::Calendar = text.parse().unwrap();
        let event = calendar.components.iter().find_map(|c| c.as_event()).unwrap();
        icalendar::Component::get_uid(event).unwrap().to_string()
    };
    assert_eq!(uid("maintenance.ics"), "upgrade@status.example.org");
    assert_eq!(uid("fr/maintenance.ics"), "upgrade.fr@status.example.org");
}

#[test]
fn the_sitemap_lists_every_language_with_alternates_that_exist() {
    let site = bilingual();
    site.build_at(NOW);
    let xml = site.read("public/sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let sitemap_ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    let xhtml = "http://www.w3.org/1999/xhtml";
    let urls: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name((sitemap_ns, "url")))
        .collect();
    let exists = |url: &str| {
        let rel = url.strip_prefix(BASE).unwrap();
        site.path(&format!("public/{rel}index.html")).is_file()
    };
    let locs: Vec<String> = urls
        .iter()
        .map(|u| {
            u.children()
                .find(|c| c.has_tag_name((sitemap_ns, "loc")))
                .unwrap()
                .text()
                .unwrap()
                .to_string()
        })
        .collect();
    assert!(locs.contains(&format!("{BASE}fr/incidents/mail/")));
    assert!(locs.contains(&format!("{BASE}incidents/mail/")));
    assert_eq!(locs.iter().filter(|l| l.contains("/fr/")).count() * 2, locs.len());
    for (url, loc) in urls.iter().zip(&locs) {
        assert!(exists(loc), "{loc}");
        let alternates: Vec<(&str, &str)> = url
            .children()
            .filter(|c| c.has_tag_name((xhtml, "link")))
            .map(|c| (c.attribute("hreflang").unwrap(), c.attribute("href").unwrap()))
            .collect();
        assert_eq!(alternates.len(), 2, "{loc}");
        assert!(alternates.iter().any(|(_, href)| href == loc), "{loc}");
        for (_, href) in alternates {
            assert!(exists(href), "{href}");
        }
    }
}

#[test]
fn a_translation_that_contradicts_its_main_file_fails_check_and_build_saying_what_the_main_file_has() {
    let site = bilingual();
    site.build_at(NOW);
    let before = snapshot(&site.path("public"));
    site.write(
        "content/incidents/2022/mail.fr.md",
        MAIL_FR
            .replace("severity = \"major\"", "severity = \"partial\"")
            .replace(
                "at = 2022-01-27T08:05:00-05:00",
                "at = 2022-01-27T08:06:00-05:00\nstatus = \"monitoring\"",
            )
            + "",
    );
    for command in [vec!["check", "--now", NOW], vec!["build", "--now", NOW]] {
        let run = site.beacon(&command);
        assert_ne!(run.code, 0, "{command:?} passed");
        let file = "content/incidents/2022/mail.fr.md";
        assert!(
            run.stderr.contains(&format!("{file}:3:12: `severity` differs from the main file content/incidents/2022/mail.md, which has `major`")),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr.contains(&format!("{file}:7:6: the main file content/incidents/2022/mail.md has no update at 2022-01-27T08:06:00-05:00")),
            "{}",
            run.stderr
        );
    }
    assert!(
        snapshot(&site.path("public")) == before,
        "a failed build changed the output"
    );

    site.write(
        "content/incidents/2022/mail.fr.md",
        MAIL_FR.replace(
            "text = \"Nous examinons le problème.\"",
            "status = \"resolved\"\ntext = \"Nous examinons le problème.\"",
        ),
    );
    let run = site.beacon(&["check", "--now", NOW]);
    assert!(
        run.stderr.contains("`status` differs from the main file"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("which has `investigating` at that time"),
        "{}",
        run.stderr
    );

    site.write(
        "content/incidents/2022/mail.fr.md",
        MAIL_FR.replace("severity = \"major\"", "severity = \"major\"\ntitel = \"x\""),
    );
    let run = site.beacon(&["check", "--now", NOW]);
    assert!(
        run.stderr
            .contains("mail.fr.md:4:1: unknown key `titel`; did you mean `title`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn translations_without_a_main_file_or_in_a_language_the_site_lacks_are_errors() {
    let site = bilingual();
    site.write(
        "content/incidents/2022/gone.fr.md",
        "+++\ntitle = \"Parti\"\n+++\n",
    );
    site.write(
        "content/incidents/2022/vpn.de.md",
        "+++\ntitle = \"VPN langsam\"\n+++\n",
    );
    site.write("content/incidents/2022/vpn.en.md", "+++\ntitle = \"VPN\"\n+++\n");
    let run = site.beacon(&["check", "--now", NOW]);
    assert_ne!(run.code, 0);
    for expected in [
        "content/incidents/2022/gone.fr.md:1:1: this translation has no main file: content/incidents/2022/gone.md does not exist",
        "content/incidents/2022/vpn.de.md:1:1: `de` is not one of `languages` (en, fr)",
        "content/incidents/2022/vpn.en.md:1:1: `en` is the default language",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
    }

    let mono = TestSite::new();
    mono.write("content/incidents/vpn.md", VPN);
    mono.write("content/incidents/vpn.fr.md", "+++\ntitle = \"VPN lent\"\n+++\n");
    let run = mono.beacon(&["build", "--now", NOW]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("this site has one language; to publish in both, set `languages = [\"en\", \"fr\"]` in config.toml"),
        "{}",
        run.stderr
    );
}

#[test]
fn check_lists_every_missing_translation_per_file_and_language() {
    let site = bilingual();
    site.write(
        "config.toml",
        CONFIG.replace("[\"en\", \"fr\"]", "[\"en\", \"fr\", \"de\"]"),
    );
    let run = site.beacon(&["check", "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("1 page in 3 languages (en, fr, de);"),
        "{}",
        run.stdout
    );
    let warnings: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("not translated"))
        .collect();
    for expected in [
        "warning: content/incidents/2022/vpn.md:1:1: not translated into `fr`: add content/incidents/2022/vpn.fr.md",
        "warning: content/incidents/2022/upgrade.md:1:1: not translated into `fr`",
        "warning: content/incidents/2022/mail.fr.md:1:1: not translated: 1 update (at = 2022-01-27T15:10:00-05:00;",
        "warning: content/pages/about.fr.md:1:1: not translated: `description`",
        "warning: content/incidents/2022/mail.md:1:1: not translated into `de`",
        "warning: content/pages/about.md:1:1: not translated into `de`",
    ] {
        assert!(warnings.iter().any(|w| w.contains(expected)), "{expected}\n{}", run.stderr);
    }
    // fr: config.toml's texts, vpn, upgrade, mail's update, about's description; de: config.toml's
    // texts and all four files.
    assert_eq!(warnings.len(), 10, "{warnings:#?}");
}

#[test]
fn two_builds_are_byte_identical_and_an_incremental_build_equals_a_cold_one() {
    let site = bilingual();
    site.build_at(NOW);
    let first = snapshot(&site.path("public"));
    let again = tempfile::tempdir().unwrap();
    let out = again.path().join("out");
    let run = site.beacon(&["build", "--now", NOW, "--output", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(first == snapshot(&out), "two builds differ");

    // Edit a translation, add one, remove one: rebuild into the same folder, and compare with
    // a cold build of the result.
    site.write(
        "content/incidents/2022/mail.fr.md",
        MAIL_FR.replace("en panne", "interrompu"),
    );
    site.write(
        "content/incidents/2022/vpn.fr.md",
        "+++\ntitle = \"Le VPN est lent\"\n+++\n",
    );
    std::fs::remove_file(site.path("content/pages/about.fr.md")).unwrap();
    site.build_at(NOW);
    let cold = tempfile::tempdir().unwrap();
    let cold_out = cold.path().join("out");
    let run = site.beacon(&["build", "--now", NOW, "--output", cold_out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let warm = snapshot(&site.path("public"));
    assert!(
        warm == snapshot(&cold_out),
        "incremental build differs from a cold build"
    );
    assert!(site
        .read("public/fr/incidents/vpn/index.html")
        .contains("Le VPN est lent"));
    assert!(site
        .read("public/fr/about/index.html")
        .contains("<h1 dir=\"auto\">About</h1>"));
    let manifest = site.read("public/.beacon-manifest.json");
    assert!(manifest.contains("\"fr/incidents/vpn/index.html\""), "{manifest}");
}

#[test]
fn new_update_and_resolve_work_on_a_multilingual_site_and_leave_translations_alone() {
    let site = bilingual();
    // A translation that repeats the slug must not make the slug ambiguous.
    let translated = MAIL_FR.replace("+++\ntitle", "+++\nslug = \"mail\"\ntitle");
    site.write("content/incidents/2022/mail.fr.md", &translated);
    let run = site.beacon(&[
        "update",
        "mail",
        "--status",
        "update",
        "Still checking.",
        "--now",
        "2022-01-27T09:00:00-05:00",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "to translate it, add [[updates]] with at = 2022-01-27T09:00:00-05:00 and the translated text to"
        ),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("mail.fr.md"), "{}", run.stdout);
    assert!(site
        .read("content/incidents/2022/mail.md")
        .contains("Still checking."));
    assert_eq!(site.read("content/incidents/2022/mail.fr.md"), translated);

    let run = site.beacon(&[
        "new",
        "incident",
        "Login failures",
        "--severity",
        "partial",
        "--component",
        "vpn",
        "--now",
        "2022-02-01T10:00:00Z",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let created: Vec<String> = snapshot(&site.path("content/incidents"))
        .into_iter()
        .map(|(p, _)| p)
        .filter(|p| p.contains("login-failures"))
        .collect();
    assert_eq!(created.len(), 1, "{created:?}");
    let slug = Path::new(&created[0])
        .file_stem()
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let run = site.beacon(&["resolve", &slug, "--now", "2022-02-01T11:00:00Z"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains(&format!("{slug}.fr.md")), "{}", run.stdout);
    let run = site.beacon(&["check", "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("at = 2022-01-27T09:00:00-05:00"),
        "{}",
        run.stderr
    );
}

/// [`CONFIG`] with a group and descriptions, for the site-text tests.
fn grouped_config() -> String {
    CONFIG
        .replace(
            "name = \"Email\"",
            "name = \"Email\"\ngroup = \"Messaging\"\ndescription = \"Mail for everyone.\"",
        )
        .replace(
            "title = \"Test Status\"",
            "title = \"Test Status\"\ndescription = \"How things are.\"",
        )
}

/// Gives the title, the email component and the group in French; leaves `vpn` and the site's
/// description to config.toml.
const CONFIG_FR: &str = r#"title = "État des services"

[components.email]
name = "Courriel"
description = "Le courriel pour tous."

[groups]
Messaging = "Messagerie"
"#;

#[test]
fn config_fr_toml_gives_the_french_edition_its_title_component_names_and_groups_everywhere() {
    let site = bilingual();
    site.write("config.toml", grouped_config());
    site.write("config.fr.toml", CONFIG_FR);
    site.build_at(NOW);

    let fr = Html::parse_document(&site.read("public/fr/index.html"));
    assert_eq!(select(&fr, "title"), ["État des services"]);
    assert_eq!(select(&fr, ".component-name"), ["Courriel", "VPN"]);
    assert_eq!(select(&fr, ".group-head > span:first-child"), ["Messagerie"]);
    // The description falls back to config.toml's.
    assert_eq!(
        attrs(&fr, "meta[name=description]", "content"),
        ["How things are."]
    );
    let component = Html::parse_document(&site.read("public/fr/components/email/index.html"));
    assert_eq!(select(&component, "h1"), ["Courriel"]);
    assert!(
        component
            .root_element()
            .text()
            .collect::<String>()
            .contains("Le courriel pour tous."),
        "{}",
        site.read("public/fr/components/email/index.html")
    );
    let not_found = Html::parse_document(&site.read("public/fr/404.html"));
    assert!(select(&not_found, "title")[0].contains("État des services"));

    // The English edition keeps config.toml's texts.
    let en = Html::parse_document(&site.read("public/index.html"));
    assert_eq!(select(&en, "title"), ["Test Status"]);
    assert_eq!(select(&en, ".component-name"), ["Email", "VPN"]);
    assert_eq!(select(&en, ".group-head > span:first-child"), ["Messaging"]);

    let feed = |path: &str| feed_rs::parser::parse(site.read(path).as_bytes()).unwrap();
    let title = |path: &str| feed(path).title.unwrap().content;
    assert_eq!(title("public/fr/feed.xml"), "État des services");
    assert_eq!(title("public/fr/atom.xml"), "État des services");
    assert_eq!(
        title("public/fr/components/email/feed.xml"),
        "État des services: Courriel"
    );
    assert_eq!(title("public/feed.xml"), "Test Status");
    assert_eq!(title("public/components/email/feed.xml"), "Test Status: Email");

    let calendar: icalendar::Calendar = site.read("public/fr/maintenance.ics").parse().unwrap();
    assert!(
        calendar
            .property_value("X-WR-CALNAME")
            .is_some_and(|n| n.starts_with("État des services")),
        "{calendar}"
    );
    let badge = site.read("public/fr/components/email/badge.svg");
    assert!(badge.contains("<title>Courriel:"), "{badge}");

    // The API at the root stays in the default language.
    let summary: serde_json::Value = serde_json::from_str(&site.read("public/api/v2/summary.json")).unwrap();
    assert_eq!(summary["page"]["name"], "Test Status");
    let names: Vec<&str> = summary["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"Email") && !names.contains(&"Courriel"),
        "{names:?}"
    );
}

#[test]
fn a_bad_config_fr_toml_fails_check_and_build_where_it_is_wrong_and_changes_nothing() {
    let site = bilingual();
    site.write("config.toml", grouped_config());
    site.build_at(NOW);
    let before = snapshot(&site.path("public"));
    let cases: [(&str, &str, &str); 6] = [
        (
            "config.fr.toml",
            "titel = \"x\"\n[components.email]\nnmae = \"C\"\n",
            "config.fr.toml:1:1: unknown key `titel`; did you mean `title`?",
        ),
        (
            "config.fr.toml",
            "titel = \"x\"\n[components.email]\nnmae = \"C\"\n",
            "config.fr.toml:3:1: unknown key `nmae`; did you mean `name`?",
        ),
        (
            "config.fr.toml",
            "[components.emial]\nname = \"Courriel\"\n",
            "config.fr.toml:1:13: config.toml has no component `emial`; did you mean `email`?",
        ),
        (
            "config.fr.toml",
            "title = \"État\nname = 1\n",
            "config.fr.toml:1:14: invalid basic string",
        ),
        (
            "config.de.toml",
            CONFIG_FR,
            "config.de.toml:1:1: `de` is not one of `languages` (en, fr)",
        ),
        (
            "config.en.toml",
            CONFIG_FR,
            "config.en.toml:1:1: `en` is the default language: its texts are config.toml's",
        ),
    ];
    for (file, text, expected) in cases {
        site.write(file, text);
        for command in ["check", "build"] {
            let run = site.beacon(&[command, "--now", NOW]);
            assert_ne!(run.code, 0, "{command} passed with {file}:\n{text}");
            assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
        }
        std::fs::remove_file(site.path(file)).unwrap();
    }
    assert!(
        snapshot(&site.path("public")) == before,
        "a failed build changed the output"
    );
    // A one-language site has no use for one.
    let mono = TestSite::new();
    mono.write("config.fr.toml", "title = \"État\"\n");
    let run = mono.beacon(&["build", "--now", NOW]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("config.fr.toml:1:1: `config.fr.toml` gives the site's texts in `fr`, but this site has one language"),
        "{}",
        run.stderr
    );
}

#[test]
fn check_lists_the_site_texts_config_fr_toml_lacks() {
    let site = bilingual();
    site.write("config.toml", grouped_config());
    let warnings = |site: &TestSite| -> Vec<String> {
        let run = site.beacon(&["check", "--now", NOW]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stderr
            .lines()
            .filter(|l| l.contains("config"))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(
        warnings(&site),
        [
            "warning: config.toml:1:1: not translated into `fr`: add config.fr.toml with the site's title, \
          description and component names (the `fr` edition shows the `en` text meanwhile)"
        ]
    );
    site.write("config.fr.toml", CONFIG_FR);
    assert_eq!(
        warnings(&site),
        [
            "warning: config.fr.toml:1:1: not translated: `description`, `components.vpn.name`; the `fr` \
          edition shows the `en` text there"
        ]
    );
    site.write(
        "config.fr.toml",
        format!("{CONFIG_FR}\n[components.vpn]\nname = \"RPV\"\n").replace(
            "title = \"État des services\"",
            "title = \"État des services\"\ndescription = \"Comment vont les choses.\"",
        ),
    );
    assert_eq!(warnings(&site), Vec::<String>::new());
}

#[test]
fn language_codes_that_differ_only_in_case_are_one_language() {
    // Two editions `fr-CA/` and `fr-ca/` would be one folder on a case-insensitive disk.
    let site = bilingual();
    site.write(
        "config.toml",
        CONFIG.replace(r#"["en", "fr"]"#, r#"["en", "fr-CA", "fr-ca"]"#),
    );
    let run = site.beacon(&["check", "--now", NOW]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("config.toml:4:29: `languages`: `fr-ca` is listed twice (as `fr-CA`"),
        "{}",
        run.stderr
    );

    // A translation file whose code differs from `languages` in case says how to name it,
    // rather than being read as a main file with a bad slug.
    let site = bilingual();
    site.write(
        "config.toml",
        CONFIG.replace(r#"["en", "fr"]"#, r#"["en", "fr-CA"]"#),
    );
    std::fs::remove_file(site.path("content/incidents/2022/mail.fr.md")).unwrap();
    site.write("content/incidents/2022/mail.fr-ca.md", MAIL_FR);
    site.write(
        "content/incidents/2022/vpn.FR-CA.md",
        "+++\ntitle = \"VPN lent\"\n+++\n",
    );
    std::fs::remove_file(site.path("content/pages/about.fr.md")).unwrap();
    let run = site.beacon(&["build", "--now", NOW]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for expected in [
        "content/incidents/2022/mail.fr-ca.md:1:1: `fr-ca` is written `fr-CA` in `languages`; rename this file `mail.fr-CA.md`",
        "content/incidents/2022/vpn.FR-CA.md:1:1: `FR-CA` is written `fr-CA` in `languages`; rename this file `vpn.fr-CA.md`",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
    }
    assert!(!site.path("public").exists(), "a failed build writes nothing");

    // A page `fr-ca` would be built in the folder of the `fr-CA` edition.
    for name in ["mail.fr-ca.md", "vpn.FR-CA.md"] {
        std::fs::remove_file(site.path(&format!("content/incidents/2022/{name}"))).unwrap();
    }
    site.write("content/pages/fr-ca.md", ABOUT);
    let run = site.beacon(&["check", "--now", NOW]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("content/pages/fr-ca.md:1:1: page slug `fr-ca` is a language of the site: its edition is built in `fr-CA/`"),
        "{}",
        run.stderr
    );

    let mono = TestSite::new();
    mono.write("content/incidents/vpn.md", VPN);
    mono.write("content/incidents/vpn.FR.md", "+++\ntitle = \"VPN lent\"\n+++\n");
    let run = mono.beacon(&["check", "--now", NOW]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("translation into `fr`, but this site has one language; to publish in both, set `languages = [\"en\", \"fr\"]`"),
        "{}",
        run.stderr
    );
}

/// Sets the modification time of every file under `dir` an hour back, so that a build trusts
/// what the last one kept of them (a file changed just before it was read is always read again).
fn age_files(dir: &Path) {
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for (file, _) in snapshot(dir) {
        let file = std::fs::File::options().write(true).open(dir.join(file)).unwrap();
        file.set_modified(hour_ago).unwrap();
    }
}

/// The parses a build keeps in `.beacon/cache/` leave an incident's translations out, and the
/// next build joins them again from their files: a build that takes every incident from there
/// writes what a build that reads every file does, in both languages, and a translation
/// edited since shows.
#[test]
fn kept_parses_of_translated_incidents_build_what_reading_every_file_builds() {
    let site = TestSite::example();
    age_files(&site.path("content"));
    site.build_at(NOW);
    let first = snapshot(&site.path("public"));
    // What the build kept: the incidents as parses, their translations as texts.
    let mut kept = (0, 0);
    for shard in std::fs::read_dir(site.path(".beacon/cache/texts")).unwrap() {
        let bytes = std::fs::read(shard.unwrap().path()).unwrap();
        let line = bytes.split(|&b| b == b'\n').next().unwrap();
        let index: serde_json::Value = serde_json::from_slice(line).unwrap();
        for file in index["files"].as_array().unwrap() {
            let (path, parsed) = (file[0].as_str().unwrap(), file[4].as_bool().unwrap());
            assert_eq!(parsed, !path.ends_with(".fr.md"), "{path}");
            match parsed {
                true => kept.0 += 1,
                false => kept.1 += 1,
            }
        }
    }
    assert!(kept.0 > 0 && kept.1 > 0, "{kept:?}");

    // Every file taken as kept: the same site, French titles and all.
    site.build_at(NOW);
    assert_eq!(snapshot(&site.path("public")), first);
    let french = "content/incidents/2022/2022-01-27-mobile-email.fr.md";
    assert!(first.iter().any(|(path, bytes)| path.starts_with("fr/incidents/")
        && String::from_utf8_lossy(bytes).contains("lang=\"fr\"")));

    // A translation edited: its main file taken as kept, the new title shown, and the site
    // what a build that reads every file writes.
    let text = site.read(french);
    let edited = text.replacen("title = \"", "title = \"Modifié : ", 1);
    assert_ne!(edited, text);
    site.write(french, &edited);
    age_files(&site.path("content"));
    site.build_at(NOW);
    let kept_build = snapshot(&site.path("public"));
    assert!(kept_build
        .iter()
        .any(|(_, bytes)| String::from_utf8_lossy(bytes).contains("Modifié : ")));
    let cold = |site: &TestSite| {
        std::fs::remove_dir_all(site.path(".beacon")).unwrap();
        std::fs::remove_dir_all(site.path("public")).unwrap();
        site.build_at(NOW);
        snapshot(&site.path("public"))
    };
    assert_eq!(cold(&site), kept_build);

    // The translation removed: the main file, taken as kept, brings none of it back.
    std::fs::remove_file(site.path(french)).unwrap();
    site.build_at(NOW);
    let kept_build = snapshot(&site.path("public"));
    assert!(!kept_build
        .iter()
        .any(|(_, bytes)| String::from_utf8_lossy(bytes).contains("Modifié : ")));
    assert_eq!(cold(&site), kept_build);
}
