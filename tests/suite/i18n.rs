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

/// The variables each message of a catalogue uses, by message id.
fn variables(ftl: &str) -> BTreeMap<String, std::collections::BTreeSet<String>> {
    fn walk(pattern: &ast::Pattern<&str>, out: &mut std::collections::BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                match expression {
                    ast::Expression::Select { selector, variants } => {
                        if let ast::InlineExpression::VariableReference { id } = selector {
                            out.insert(id.name.to_string());
                        }
                        for v in variants {
                            walk(&v.value, out);
                        }
                    }
                    ast::Expression::Inline(ast::InlineExpression::VariableReference { id }) => {
                        out.insert(id.name.to_string());
                    }
                    _ => {}
                }
            }
        }
    }
    let resource = fluent_syntax::parser::parse(ftl).expect("catalogue parses");
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let ast::Entry::Message(m) = entry {
            let mut names = std::collections::BTreeSet::new();
            if let Some(pattern) = &m.value {
                walk(pattern, &mut names);
            }
            out.insert(m.id.name.to_string(), names);
        }
    }
    out
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

/// The example site with `language` set, its `i18n/` overrides given.
fn example_in(language: &str, overrides: Option<(&str, String)>) -> TestSite {
    let site = TestSite::example();
    let config = site.read("config.toml");
    let config: String = config
        .lines()
        .map(|line| {
            if line.starts_with("language =") {
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

/// The reader-facing files of a build (pages, feeds, calendar, badges), text as a reader gets
/// it: the calendar's folded lines unfolded.
fn reader_files(site: &TestSite, now: &str) -> BTreeMap<String, String> {
    site.build_at(now);
    snapshot(&site.path("public"))
        .into_iter()
        .filter(|(path, _)| {
            [".html", ".xml", ".ics", ".svg"]
                .iter()
                .any(|e| path.ends_with(e))
        })
        .map(|(path, bytes)| {
            let text = String::from_utf8(bytes).expect("utf-8");
            (path, text.replace("\r\n ", ""))
        })
        .collect()
}

/// Protects the first "done when": a non-English build shows none of the English
/// catalogue's interface text. The site's own content is English, so each phrase is counted
/// against a build whose every message is replaced by a marker (an `i18n/en.ftl` override):
/// what that build still shows of a phrase is the content's, and a translated build may show
/// no more.
#[test]
fn no_english_interface_text_in_any_other_language() {
    let phrases = english_phrases();
    assert!(phrases.len() > 100, "{} phrases", phrases.len());
    // Each marker keeps the message's arguments, which carry content (names, times, links).
    let markers: String = variables(&catalogue("en"))
        .into_iter()
        .map(|(id, names)| {
            let args: String = names.iter().map(|n| format!("{{ ${n} }}")).collect();
            format!("{id} = ⟦{id}⟧{args}\n")
        })
        .collect();
    let neutral = example_in("en", Some(("en.ftl", markers)));
    let english = example_in("en", None);
    for now in INSTANTS {
        let content_only = reader_files(&neutral, now);
        let in_english = reader_files(&english, now);
        // The scan can fail: the English build shows the phrases beyond the content's count.
        let shown = phrases
            .iter()
            .filter(|(_, p)| count(&in_english, p) > count(&content_only, p))
            .count();
        assert!(
            shown * 2 > phrases.len(),
            "{shown} of {} phrases seen in English",
            phrases.len()
        );

        for code in LANGUAGES.iter().filter(|c| **c != "en") {
            let theirs: Vec<String> = literal_texts(&catalogue(code))
                .into_iter()
                .map(|(_, t)| t)
                .collect();
            let files = reader_files(&example_in(code, None), now);
            let mut leaks = Vec::new();
            for (id, phrase) in &phrases {
                // A phrase the language writes the same way ("Status" in German) is not a leak.
                if theirs.iter().any(|t| t.contains(phrase.as_str())) {
                    continue;
                }
                for (path, text) in &files {
                    let allowed = content_only
                        .get(path)
                        .map_or(0, |t| t.matches(phrase.as_str()).count());
                    if text.matches(phrase.as_str()).count() > allowed {
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

fn count(files: &BTreeMap<String, String>, phrase: &str) -> usize {
    files.values().map(|t| t.matches(phrase).count()).sum()
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
    assert_eq!(text_of(select(&doc, ".bars-scale .wide-only")[0]), "قبل 90 يومًا");
    assert_eq!(text_of(scale[1]), "اليوم");
    let css = site.read("public/style.css");
    for physical in ["left", "right", "-top:", "-bottom:"] {
        assert!(!css.contains(physical), "style.css uses `{physical}`");
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
    let uptime: Vec<String> = select(&index, ".uptime .wide-only")
        .into_iter()
        .map(text_of)
        .collect();
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
    let calendar: icalendar::Calendar = ics.parse().unwrap();
    let summaries: Vec<String> = calendar
        .components
        .iter()
        .filter_map(|c| match c {
            icalendar::CalendarComponent::Event(e) => {
                icalendar::Component::get_summary(e).map(str::to_string)
            }
            _ => None,
        })
        .collect();
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
