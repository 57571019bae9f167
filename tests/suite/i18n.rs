//! The reader's language: the example site built in every shipped language, read back with real
//! parsers; plural forms, dates, right-to-left, site overrides and unknown languages.

use std::collections::BTreeMap;

use fluent_syntax::ast;

use crate::common::{snapshot, TestSite};

/// The shipped catalogue codes (locales/*.ftl).
const LANGUAGES: [&str; 10] = ["en", "fr", "es", "de", "pt", "it", "nl", "ja", "zh-Hans", "ar"];

/// Two instants of the example: an incident under way (noon, 27 Jan 2022), and later with
/// maintenance windows announced and past incidents in the history.
const INSTANTS: [&str; 2] = ["2022-01-27T12:00:00-05:00", "2026-11-22T12:00:00-05:00"];

fn catalogue(code: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("locales/{code}.ftl"));
    std::fs::read_to_string(path).expect("catalogue")
}

/// Every piece of literal text of a catalogue's messages (text between arguments, each variant
/// of a plural), as (message id, text).
fn literal_texts(ftl: &str) -> Vec<(String, String)> {
    fn walk(id: &str, pattern: &ast::Pattern<&str>, out: &mut Vec<(String, String)>) {
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => out.push((id.to_string(), value.to_string())),
                ast::PatternElement::Placeable { expression } => match expression {
                    ast::Expression::Select { variants, .. } => {
                        for v in variants {
                            walk(id, &v.value, out);
                        }
                    }
                    ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }) => {
                        out.push((id.to_string(), value.to_string()))
                    }
                    _ => {}
                },
            }
        }
    }
    let resource = fluent_syntax::parser::parse(ftl).expect("catalogue parses");
    let mut out = Vec::new();
    for entry in resource.body {
        if let ast::Entry::Message(m) = entry {
            if let Some(pattern) = &m.value {
                walk(m.id.name, pattern, &mut out);
            }
        }
    }
    out
}

/// The English phrases worth looking for: each literal piece of en.ftl, line by line, trimmed,
/// long enough to mean something (at least 4 characters, 3 of them letters).
fn english_phrases() -> Vec<(String, String)> {
    let mut phrases: Vec<(String, String)> = literal_texts(&catalogue("en"))
        .into_iter()
        .flat_map(|(id, text)| {
            text.lines()
                .map(|line| {
                    line.trim()
                        .trim_matches(|c: char| c.is_ascii_punctuation() || c == ' ')
                        .to_string()
                })
                .filter(|line| {
                    line.chars().count() >= 4 && line.chars().filter(|c| c.is_alphabetic()).count() >= 3
                })
                .map(|line| (id.clone(), line))
                .collect::<Vec<_>>()
        })
        .collect();
    phrases.sort();
    phrases.dedup();
    phrases
}

/// The example site in `language` alone (its French translations, `config.fr.toml` among
/// them, removed, so the one language speaks throughout), its `i18n/` overrides given.
fn example_in(language: &str, overrides: Option<(&str, String)>) -> TestSite {
    let site = TestSite::example();
    remove_translations(&site.path("content"));
    std::fs::remove_file(site.path("config.fr.toml")).expect("remove config.fr.toml");
    let config = site.read("config.toml");
    let config: String = config
        .lines()
        .map(|line| {
            if line.starts_with("language =") || line.starts_with("languages =") {
                format!("language = \"{language}\"")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    site.write("config.toml", config);
    if let Some((file, text)) = overrides {
        site.write(&format!("i18n/{file}"), text);
    }
    site
}

/// Deletes every translation file (`slug.fr.md`: a dot in the file stem) under `dir`.
fn remove_translations(dir: &std::path::Path) {
    for entry in std::fs::read_dir(dir).expect("content folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            remove_translations(&path);
        } else if path
            .file_stem()
            .is_some_and(|stem| stem.to_string_lossy().contains('.'))
        {
            std::fs::remove_file(&path).expect("remove translation");
        }
    }
}

/// Replaces every text the author wrote (site and component names, titles, update texts,
/// bodies) with a marker, keeping dates, severities and components: what the built site then
/// says in words is the interface's alone.
fn neutralise_content(site: &TestSite) {
    let mut config: toml_edit::DocumentMut = site.read("config.toml").parse().unwrap();
    config["title"] = toml_edit::value("⟦site⟧");
    config["description"] = toml_edit::value("⟦about⟧");
    for component in config["components"].as_array_of_tables_mut().unwrap().iter_mut() {
        for key in ["name", "group", "description"] {
            if component.contains_key(key) {
                component[key] = toml_edit::value(format!("⟦{key}⟧"));
            }
        }
    }
    // The public channels' names are the author's too (`@itstatus@social.example.org`).
    if let Some(channels) = config.get_mut("channel").and_then(|c| c.as_array_of_tables_mut()) {
        for channel in channels.iter_mut() {
            channel["name"] = toml_edit::value("⟦channel⟧");
        }
    }
    site.write("config.toml", config.to_string());
    for entry in walkdir::WalkDir::new(site.path("content")) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let (front, _body) = text
            .strip_prefix("+++\n")
            .and_then(|rest| rest.split_once("\n+++\n"))
            .expect("TOML front matter");
        let mut front: toml_edit::DocumentMut = front.parse().unwrap();
        for key in ["title", "description"] {
            if front.contains_key(key) {
                front[key] = toml_edit::value(format!("⟦{key}⟧"));
            }
        }
        if let Some(updates) = front.get_mut("updates").and_then(|u| u.as_array_of_tables_mut()) {
            for update in updates.iter_mut() {
                update["text"] = toml_edit::value("⟦update⟧");
            }
        }
        std::fs::write(entry.path(), format!("+++\n{front}\n+++\n⟦body⟧\n")).unwrap();
    }
}

/// What a reader of the build gets in words: the text and the human attributes of every page,
/// the text of the feeds (their HTML read as text), the calendar's text properties and the
/// badges' text, by file.
fn reader_text(site: &TestSite, now: &str) -> BTreeMap<String, String> {
    site.build_at(now);
    let html_text = |html: &str| -> String {
        let doc = scraper::Html::parse_document(html);
        let mut out = String::new();
        for node in doc.root_element().descendants() {
            if let Some(text) = node.value().as_text() {
                let parent = node
                    .parent()
                    .and_then(|p| p.value().as_element().map(|e| e.name()));
                // Code (addresses, file names and snippets to copy) is not words for readers.
                if !matches!(parent, Some("script" | "style" | "code")) {
                    out.push_str(text);
                    out.push('\n');
                }
            } else if let Some(element) = node.value().as_element() {
                for attr in ["title", "aria-label", "alt", "content"] {
                    if let Some(value) = element.attr(attr) {
                        out.push_str(value);
                        out.push('\n');
                    }
                }
                // The stale notice's sentences, for its script: {"hours": {"one": "..."}}.
                if let Some(json) = element.attr("data-messages") {
                    let messages: serde_json::Value = serde_json::from_str(json).unwrap();
                    for forms in messages
                        .as_object()
                        .unwrap()
                        .values()
                        .filter_map(|v| v.as_object())
                    {
                        for sentence in forms.values() {
                            out.push_str(sentence.as_str().unwrap());
                            out.push('\n');
                        }
                    }
                }
            }
        }
        out
    };
    let mut files = BTreeMap::new();
    for (path, bytes) in snapshot(&site.path("public")) {
        let text = String::from_utf8(bytes).expect("utf-8");
        let words = if path.ends_with(".html") {
            html_text(&text)
        } else if path.ends_with(".xml") || path.ends_with(".svg") {
            let doc = roxmltree::Document::parse(&text).unwrap();
            let mut out = String::new();
            for node in doc.descendants() {
                // Addresses are not words (`status.example.org`, `...-shutdown/`).
                if let Some(t) = node.text().filter(|t| !t.trim_start().starts_with("http")) {
                    // Feed descriptions and contents are HTML: read them as a reader shows them.
                    out.push_str(&if t.contains('<') {
                        html_text(t)
                    } else {
                        t.to_string()
                    });
                    out.push('\n');
                }
                if let Some(label) = node.attribute("aria-label") {
                    out.push_str(label);
                    out.push('\n');
                }
            }
            out
        } else if path.ends_with(".ics") {
            text.replace("\r\n ", "")
                .lines()
                .filter_map(|line| line.split_once(':'))
                .filter(|(name, _)| ["SUMMARY", "DESCRIPTION", "NAME", "X-WR-CALNAME"].contains(name))
                .flat_map(|(_, value)| {
                    let value = value.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";");
                    value
                        .lines()
                        .filter(|l| !l.starts_with("http"))
                        .map(|l| format!("{l}\n"))
                        .collect::<Vec<_>>()
                })
                .collect()
        } else {
            continue;
        };
        files.insert(path, words);
    }
    files
}

/// Protects the first "done when": a non-English build shows none of the English
/// catalogue's interface text. The example site is built with its author's text replaced by
/// markers, so every English phrase left in what a reader gets (pages, feeds, calendar,
/// badges) is the interface's: a message left untranslated, or words written into a template
/// or the code. A phrase the language writes the same way in the same message ("Status" in
/// German) is not a leak.
#[test]
fn no_english_interface_text_in_any_other_language() {
    let phrases = english_phrases();
    assert!(phrases.len() > 100, "{} phrases", phrases.len());
    for now in INSTANTS {
        // The scan can fail: the English build shows most of the phrases.
        let english = example_in("en", None);
        neutralise_content(&english);
        let in_english = reader_text(&english, now);
        let shown = phrases
            .iter()
            .filter(|(_, p)| in_english.values().any(|t| t.contains(p.as_str())))
            .count();
        assert!(
            shown * 2 > phrases.len(),
            "{shown} of {} phrases seen in English",
            phrases.len()
        );

        for code in LANGUAGES.iter().filter(|c| **c != "en") {
            let theirs = literal_texts(&catalogue(code));
            let site = example_in(code, None);
            neutralise_content(&site);
            let files = reader_text(&site, now);
            let mut leaks = Vec::new();
            for (id, phrase) in &phrases {
                if theirs.iter().any(|(i, t)| i == id && t.contains(phrase.as_str())) {
                    continue;
                }
                for (path, text) in &files {
                    if text.contains(phrase.as_str()) {
                        leaks.push(format!("{path}: {phrase:?} ({id})"));
                    }
                }
            }
            assert!(
                leaks.is_empty(),
                "{code} at {now}: English left in:\n{}",
                leaks.join("\n")
            );
        }
    }
}

fn html(site: &TestSite, path: &str) -> scraper::Html {
    scraper::Html::parse_document(&site.read(&format!("public/{path}")))
}

fn select<'a>(doc: &'a scraper::Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&scraper::Selector::parse(css).unwrap()).collect()
}

fn text_of(element: scraper::ElementRef) -> String {
    element
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn arabic_pages_are_right_to_left_and_others_left_to_right() {
    for (code, dir) in [("ar", "rtl"), ("fr", "ltr"), ("zh-CN", "ltr")] {
        let site = example_in(code, None);
        site.build_at(INSTANTS[0]);
        for page in ["index.html", "history/index.html", "404.html"] {
            let doc = html(&site, page);
            let root = select(&doc, "html")[0];
            assert_eq!(root.value().attr("dir"), Some(dir), "{code} {page}");
            assert_eq!(root.value().attr("lang"), Some(code), "{code} {page}");
        }
    }
}

// The bars read oldest to newest in the reading direction: the markup keeps them oldest first
// (flex rows follow `dir`), and the stylesheet uses no physical left/right.
#[test]
fn bars_stay_oldest_first_and_the_stylesheet_mirrors() {
    let site = example_in("ar", None);
    site.build_at(INSTANTS[0]);
    let doc = html(&site, "components/mobile-email/index.html");
    let bars = select(&doc, "ol.bars li");
    assert_eq!(bars.len(), 90);
    assert!(bars[89].value().attr("class").unwrap().contains("major_outage"));
    let scale = select(&doc, ".bars-scale > span");
    assert_eq!(text_of(scale[0]), "قبل 90 يومًا");
    assert_eq!(text_of(scale[1]), "اليوم");
    // Declarations only: comments may say "right-to-left".
    let css = site.read("public/style.css");
    let mut declarations = String::new();
    for (i, part) in css.split("/*").enumerate() {
        declarations.push_str(if i == 0 {
            part
        } else {
            part.split_once("*/").map_or("", |(_, rest)| rest)
        });
    }
    for physical in ["left", "right", "-top:", "-bottom:"] {
        assert!(!declarations.contains(physical), "style.css uses `{physical}`");
    }
}

// Plural forms come from CLDR: Arabic has six; French puts 0 and 1 in the same form.
#[test]
fn durations_and_counts_take_the_language_plural_forms() {
    let site = example_in("ar", None);
    site.build_at(INSTANTS[0]);
    let incident = html(&site, "incidents/2022-01-27-mobile-email/index.html");
    let facts: Vec<String> = select(&incident, ".facts dd").into_iter().map(text_of).collect();
    // 07:40 to noon: 4 hours (3-10: "few") and 20 minutes (11-99: "many").
    assert!(
        facts.contains(&"4 ساعات و20 دقيقة حتى الآن".to_string()),
        "{facts:?}"
    );

    let fr = example_in("fr", None);
    fr.build_at(INSTANTS[0]);
    let index = html(&fr, "index.html");
    let uptime: Vec<String> = select(&index, ".uptime").into_iter().map(text_of).collect();
    assert!(
        uptime
            .iter()
            .all(|u| u.ends_with("de disponibilité sur les 90 derniers jours")),
        "{uptime:?}"
    );
    let incident = html(&fr, "incidents/2022-01-27-mobile-email/index.html");
    let facts: Vec<String> = select(&incident, ".facts dd").into_iter().map(text_of).collect();
    assert!(
        facts.contains(&"4 heures 20 minutes jusqu’ici".to_string()),
        "{facts:?}"
    );
}

// Dates: French and German read a 24-hour clock, English (US) a 12-hour one; the zone
// abbreviation stays, and `datetime` stays RFC 3339.
#[test]
fn dates_follow_the_language_and_machine_times_stay_rfc_3339() {
    for (code, text) in [
        ("fr", "27 janv. 2022, 07:40 EST"),
        ("de", "27.01.2022, 07:40 EST"),
        ("en", "Jan 27, 2022, 7:40\u{202f}AM EST"),
        ("ja", "2022/01/27 7:40 EST"),
    ] {
        let site = example_in(code, None);
        site.build_at(INSTANTS[0]);
        let doc = html(&site, "incidents/2022-01-27-mobile-email/index.html");
        let times: Vec<(String, String)> = select(&doc, "time")
            .into_iter()
            .map(|t| (t.value().attr("datetime").unwrap().to_string(), text_of(t)))
            .collect();
        assert!(
            times.contains(&(
                "2022-01-27T07:40:00-05:00".to_string(),
                text.split_whitespace().collect::<Vec<_>>().join(" ")
            )),
            "{code}: {times:?}"
        );
        let history = html(&site, "history/index.html");
        let month = text_of(select(&history, ".month h2")[0]);
        let expected = match code {
            "fr" => "janvier 2022",
            "de" => "Januar 2022",
            "en" => "January 2022",
            _ => "2022年1月",
        };
        assert_eq!(month, expected, "{code}");
    }
}

// Feeds, calendar and badges speak the language too; their dates stay machine-readable.
#[test]
fn feeds_calendar_and_badges_are_translated() {
    let site = example_in("fr", None);
    site.build_at(INSTANTS[1]);
    let feed = feed_rs::parser::parse(site.read("public/feed.xml").as_bytes()).unwrap();
    assert_eq!(feed.language.as_deref(), Some("fr"));
    let titles: Vec<String> = feed
        .entries
        .iter()
        .map(|e| e.title.as_ref().unwrap().content.clone())
        .collect();
    assert!(
        titles.iter().any(|t| t.starts_with("[Maintenance] ")),
        "{titles:?}"
    );
    assert!(
        titles.iter().any(|t| t.starts_with("[Panne majeure] ")),
        "{titles:?}"
    );
    assert!(
        feed.entries.iter().all(|e| e.updated.is_some()),
        "dates still parse"
    );
    let atom = feed_rs::parser::parse(site.read("public/atom.xml").as_bytes()).unwrap();
    let content = atom.entries[0].content.as_ref().unwrap().body.clone().unwrap();
    assert!(content.contains("Concerne\u{a0}: "), "{content}");

    let ics = site.read("public/maintenance.ics");
    let summaries = crate::common::event_summaries(&ics);
    assert!(!summaries.is_empty());
    assert!(
        summaries.iter().all(|s| s.starts_with("Maintenance\u{a0}: ")),
        "{summaries:?}"
    );

    let badge = site.read("public/badge.svg");
    let doc = roxmltree::Document::parse(&badge).unwrap();
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(texts[0], "état");
    assert!(
        [
            "opérationnel",
            "panne partielle",
            "panne majeure",
            "en maintenance"
        ]
        .contains(&texts[1]),
        "{texts:?}"
    );
}

// A site replaces any message in i18n/<code>.ftl; a message id the catalogue does not have is
// an error at its line and column, and the failed build leaves the output alone.
#[test]
fn site_overrides_replace_messages_and_unknown_ids_fail_the_build() {
    let site = example_in(
        "fr-CA",
        Some(("fr.ftl", "nav-status = État des services\n".to_string())),
    );
    site.build_at(INSTANTS[0]);
    let doc = html(&site, "index.html");
    let nav: Vec<String> = select(&doc, "nav a").into_iter().map(text_of).collect();
    assert_eq!(nav[0], "État des services");
    assert_eq!(nav[1], "Historique", "the rest stays shipped");
    let before = snapshot(&site.path("public"));

    site.write(
        "i18n/fr.ftl",
        "nav-status = État des services\n\nnav-statut = État\n",
    );
    let run = site.beacon(&["build", "--now", INSTANTS[0]]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr
            .contains("i18n/fr.ftl:3:1: unknown message id `nav-statut`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `nav-status`?"),
        "{}",
        run.stderr
    );
    assert_eq!(
        snapshot(&site.path("public")),
        before,
        "a failed build changes nothing"
    );

    site.write("i18n/fr.ftl", "nav-status = { $\n");
    let run = site.beacon(&["check"]);
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("i18n/fr.ftl:1:"), "{}", run.stderr);
}

#[test]
fn unknown_language_is_an_error_in_config_with_a_suggestion() {
    let site = example_in("jp", None);
    let run = site.beacon(&["check"]);
    assert_ne!(run.code, 0);
    let line = site
        .read("config.toml")
        .lines()
        .position(|l| l.starts_with("language ="))
        .unwrap()
        + 1;
    assert!(
        run.stderr.contains(&format!(
            "config.toml:{line}:12: `language`: unknown language `jp` (did you mean `ja`?)"
        )),
        "{}",
        run.stderr
    );
    let run = example_in("zh-TW", None).beacon(&["check"]);
    assert!(run.stderr.contains("Traditional Chinese"), "{}", run.stderr);
}

// The JSON API is for machines: it stays English whatever the language.
#[test]
fn the_json_api_stays_english() {
    let site = example_in("de", None);
    site.build_at(INSTANTS[1]);
    let summary: serde_json::Value = serde_json::from_str(&site.read("public/api/v2/summary.json")).unwrap();
    let description = summary["status"]["description"].as_str().unwrap();
    assert!(description.is_ascii(), "{description}");
}

// A site template asking for a message the catalogue does not have fails the build, naming it.
#[test]
fn a_template_asking_for_an_unknown_message_names_the_template() {
    let site = example_in("fr", None);
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block main %}<h1>{{ t(key=\"no-such-message\") }}</h1>{% endblock main %}\n",
    );
    let run = site.beacon(&["build", "--now", INSTANTS[0]]);
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("templates/page.html"), "{}", run.stderr);
    assert!(
        run.stderr.contains("no message `no-such-message`"),
        "{}",
        run.stderr
    );
}

/// A small French site with `i18n/fr.ftl` holding `overrides` (bytes, as an editor saved them).
fn french_site_with_overrides(overrides: &[u8]) -> TestSite {
    let site = TestSite::new();
    let config = site.read("config.toml");
    site.write("config.toml", format!("language = \"fr\"\n{config}"));
    site.write("i18n/fr.ftl", overrides);
    site
}

#[test]
fn override_files_saved_with_a_bom_or_crlf_work_and_bad_bytes_are_located() {
    let site = french_site_with_overrides(
        b"\xef\xbb\xbfnav-status = \xc3\x89tat des services\r\nnav-history = Archives\r\n",
    );
    site.build_at(INSTANTS[0]);
    let doc = html(&site, "index.html");
    let nav: Vec<String> = select(&doc, "nav a").into_iter().map(text_of).collect();
    assert_eq!(nav[..2], ["État des services", "Archives"]);

    let before = snapshot(&site.path("public"));
    site.write("i18n/fr.ftl", b"nav-status = \xc9tat\n");
    let run = site.beacon(&["build", "--now", INSTANTS[0]]);
    assert_eq!(run.code, 1, "a content problem, not an I/O error: {}", run.stderr);
    assert!(
        run.stderr
            .contains("i18n/fr.ftl:1:14: this byte is not valid UTF-8"),
        "{}",
        run.stderr
    );
    assert_eq!(
        snapshot(&site.path("public")),
        before,
        "a failed build changes nothing"
    );
}

#[test]
fn override_placeables_must_resolve_with_the_variables_beacon_passes() {
    // `{ $nope }`, an undefined term or message would show a raw message id or `{$nope}` on
    // every page; they are errors at the message's line instead.
    let site = french_site_with_overrides(
        b"-brand = Exemple\nnav-status = { -brand } { $nope }\nnav-history = { -gone } { missing-message }\nfeed-item-title = { -brand } [{ $label }] { $title }\nbars-days-ago = { $days ->\n    [one] hier\n   *[other] il y a { $days } jours\n}\n",
    );
    let run = site.beacon(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for expected in [
        "i18n/fr.ftl:2:1: message `nav-status`: Resolver error: Unknown variable: $nope (it is given no variables",
        "i18n/fr.ftl:3:1: message `nav-history`: Resolver error: Unknown term: -gone",
        "i18n/fr.ftl:3:1: message `nav-history`: Resolver error: Unknown message: missing-message",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
    }
    assert!(!run.stderr.contains("feed-item-title"), "{}", run.stderr);
    assert!(!run.stderr.contains("bars-days-ago"), "{}", run.stderr);

    site.write(
        "i18n/fr.ftl",
        "-brand = Exemple\nnav-status = { -brand }\nbadge-label = { $label }\n",
    );
    let run = site.beacon(&["check"]);
    assert!(
        run.stderr.contains("i18n/fr.ftl:3:1: message `badge-label`: Resolver error: Unknown variable: $label (it is given no variables"),
        "{}",
        run.stderr
    );
    site.write("i18n/fr.ftl", "-brand = Exemple\nnav-status = { -brand } & co\n");
    site.build_at(INSTANTS[0]);
    let doc = html(&site, "index.html");
    assert_eq!(text_of(select(&doc, "nav a")[0]), "Exemple & co");
}

#[test]
fn override_files_no_language_reads_are_reported_not_silently_ignored() {
    // `fr-CA` reads the `fr` catalogue, so its overrides go in `i18n/fr.ftl`.
    let site = TestSite::new();
    let config = site.read("config.toml");
    site.write("config.toml", format!("language = \"fr-CA\"\n{config}"));
    site.write("i18n/fr-CA.ftl", "nav-status = Statut\n");
    site.write("i18n/FR.ftl", "nav-status = Statut\n");
    let run = site.beacon(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for name in ["i18n/fr-CA.ftl", "i18n/FR.ftl"] {
        assert!(
            run.stderr.contains(&format!(
                "warning: {name}:1:1: skipped: no language of this site reads it; beacon reads `i18n/fr.ftl` here"
            )),
            "{name}\n{}",
            run.stderr
        );
    }
    site.write("i18n/fr.ftl", "nav-status = Statut\n");
    std::fs::remove_file(site.path("i18n/fr-CA.ftl")).unwrap();
    std::fs::remove_file(site.path("i18n/FR.ftl")).unwrap();
    let run = site.build_at(INSTANTS[0]);
    assert!(!run.stderr.contains("skipped"), "{}", run.stderr);
}

// `mirrors`: every page of every language links to the other copies, labelled in the page's
// language, and hands them to the stale notice; the copy built for a mirror leaves itself out.
#[test]
fn mirror_links_are_in_every_page_in_every_language() {
    let mirrors = "mirrors = [\"https://status.example.net\", \"https://example-status.pages.dev/\"]\n";
    for code in LANGUAGES {
        let site = example_in(code, None);
        site.write("config.toml", format!("{mirrors}{}", site.read("config.toml")));
        site.build_at(INSTANTS[0]);
        let label = catalogue(code)
            .lines()
            .find_map(|l| l.strip_prefix("footer-mirrors = "))
            .expect("footer-mirrors in the catalogue")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for page in ["index.html", "history/index.html", "404.html"] {
            let doc = html(&site, page);
            let footer = select(&doc, "footer .mirrors");
            assert_eq!(footer.len(), 1, "{code} {page}: no mirror links");
            assert!(
                text_of(footer[0]).starts_with(&label),
                "{code} {page}: {}",
                text_of(footer[0])
            );
            let links: Vec<(String, String)> = select(&doc, "footer .mirrors a")
                .into_iter()
                .map(|a| (a.value().attr("href").unwrap_or("").to_string(), text_of(a)))
                .collect();
            assert_eq!(
                links,
                [
                    ("https://status.example.net/".into(), "status.example.net".into()),
                    (
                        "https://example-status.pages.dev/".into(),
                        "example-status.pages.dev".into()
                    ),
                ],
                "{code} {page}"
            );
            let notice = select(&doc, "#stale-notice")[0];
            assert_eq!(
                notice.value().attr("data-mirrors"),
                Some("https://status.example.net/ https://example-status.pages.dev/"),
                "{code} {page}"
            );
            let messages: serde_json::Value =
                serde_json::from_str(notice.value().attr("data-messages").unwrap_or("")).expect("JSON");
            let offer = messages["mirrors"].as_str().unwrap_or("");
            assert!(offer.contains("{mirrors}"), "{code}: {offer}");
        }
    }
    // Built for one of its mirrors' addresses, the page links only to the others.
    let site = example_in("en", None);
    site.write("config.toml", format!("{mirrors}{}", site.read("config.toml")));
    let run = site.beacon(&[
        "build",
        "--now",
        INSTANTS[0],
        "--base-url",
        "https://status.example.net/",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc = html(&site, "index.html");
    let links = select(&doc, "footer .mirrors a");
    assert_eq!(links.len(), 1);
    assert_eq!(
        links[0].value().attr("href"),
        Some("https://example-status.pages.dev/")
    );
}

#[test]
fn mirrors_must_be_urls_and_listed_once() {
    let site = example_in("en", None);
    let config = site.read("config.toml");
    site.write(
        "config.toml",
        format!("mirrors = [\"ftp://x.example\", \"https://a.example\", \"https://a.example/\"]\n{config}"),
    );
    let run = site.beacon(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`mirrors`: `ftp://x.example` is a `ftp:` URL"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("`https://a.example/` is listed twice"),
        "{}",
        run.stderr
    );
}
