//! The one front-matter writer (`content::emit`, used by `new`, `update`, `resolve`, `ingest`
//! and `import`): whatever an incident or page holds, the loader's own parser reads the written
//! file back as the same value, `parse(emit(x)) == x`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use beacon::config::{parse_config, Config};
use beacon::content::emit::{self, Extras};
use beacon::content::front_matter::split_front_matter;
use beacon::content::incident::{parse_incident, IncidentFrontMatter};
use beacon::content::page::parse_page;
use beacon::content::{Incident, Kind, Page, Severity, Update, UpdateStatus};
use chrono::{DateTime, Utc};
use proptest::prelude::*;

const COMPONENTS: [&str; 4] = ["api", "web", "mail", "dns"];

const ZONES: [&str; 5] = [
    "UTC",
    "America/New_York",
    "Asia/Kolkata",
    "Australia/Lord_Howe",
    // An offset with seconds until 1972: written in UTC.
    "Africa/Monrovia",
];

fn config(zone: &str) -> Config {
    let mut text =
        format!("title = \"T\"\nbase_url = \"https://status.example.org/\"\ntimezone = \"{zone}\"\n");
    for id in COMPONENTS {
        text += &format!("\n[[components]]\nid = \"{id}\"\nname = \"{id}\"\n");
    }
    parse_config(Path::new("config.toml"), &text).expect("test config is valid")
}

/// Text a person (or another tool) might write: quotes of every TOML kind, backslashes, line
/// ends, fences, tabs and the control characters TOML escapes, bidirectional controls, unicode.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("\"\"\"".to_string()),
        Just("'''".to_string()),
        Just("\\".to_string()),
        Just("\\n".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\t".to_string()),
        Just("\n+++\n".to_string()),
        Just("+++".to_string()),
        Just("\u{1}\u{8}\u{c}\u{1b}\u{7f}".to_string()),
        Just("\u{202e}".to_string()),
        Just("# not a comment".to_string()),
        Just("[[updates]]".to_string()),
        "[ -~éЖ字🎉]{0,12}",
    ];
    prop::collection::vec(piece, 0..8).prop_map(|p| p.concat())
}

/// A text as the loader keeps a title or an update text: trimmed, open bidi controls closed;
/// never blank.
fn loaded_text() -> impl Strategy<Value = String> {
    text().prop_map(|t| {
        let t = beacon::bidi::close_open_controls(t.trim()).into_owned();
        if t.is_empty() {
            "x".to_string()
        } else {
            t
        }
    })
}

/// A whole-second instant between 1950 and 2100.
fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    (-631_152_000i64..4_102_444_800).prop_map(|s| DateTime::from_timestamp(s, 0).expect("in range"))
}

fn severity() -> impl Strategy<Value = Severity> {
    prop::sample::select(vec![
        Severity::Notice,
        Severity::Degraded,
        Severity::Partial,
        Severity::Major,
    ])
}

/// An incident the loader accepts, and the `source` keys its file carries.
fn incident() -> impl Strategy<Value = (Incident, Option<String>, Vec<Option<String>>, &'static str)> {
    let updates = prop::collection::vec(
        (
            instant(),
            any::<prop::sample::Index>(),
            loaded_text(),
            prop::option::of(text()),
        ),
        0..5,
    );
    (
        (
            "[a-z0-9][a-z0-9-]{0,15}",
            loaded_text(),
            any::<bool>(),
            severity(),
            instant(),
            prop::option::of(0i64..10_000_000),
            prop::sample::subsequence(COMPONENTS.to_vec(), 0..=4).prop_shuffle(),
            prop::collection::btree_map(prop::sample::select(COMPONENTS.to_vec()), severity(), 0..3),
        ),
        (any::<[bool; 3]>(), updates, text(), prop::option::of(text())),
        prop::sample::select(ZONES.to_vec()),
    )
        .prop_map(
            |(
                (slug, title, maintenance, severity, start, length, components, impact),
                ([pinned, draft, automated], updates, body, source),
                zone,
            )| {
                let kind = if maintenance {
                    Kind::Maintenance
                } else {
                    Kind::Incident
                };
                let slug = format!("i-{slug}");
                let path = PathBuf::from(format!("content/incidents/2024/{slug}.md"));
                let mut x = Incident::new(&slug, path, &title, kind, start);
                x.pinned = pinned;
                x.draft = draft;
                x.automated = automated;
                x.body = body;
                x.components = components.into_iter().map(str::to_string).collect();
                match kind {
                    Kind::Incident => {
                        x.severity = severity;
                        x.end = length.map(|s| start + chrono::Duration::seconds(s));
                        // Every `impact` key is an affected component.
                        for (id, s) in impact {
                            if !x.components.iter().any(|c| c == id) {
                                x.components.push(id.to_string());
                            }
                            x.impact.insert(id.to_string(), s);
                        }
                    }
                    Kind::Maintenance => {
                        x.end = Some(start + chrono::Duration::seconds(length.unwrap_or(0) + 1));
                    }
                }
                let mut sources = Vec::new();
                for (at, status, text, source) in updates {
                    let allowed: Vec<UpdateStatus> = UpdateStatus::allowed_for(kind)
                        .iter()
                        .copied()
                        // A `resolved` update needs a `resolved` time.
                        .filter(|s| *s != UpdateStatus::Resolved || x.end.is_some())
                        .collect();
                    let status = *status.get(&allowed);
                    x.updates.push(Update { at, status, text });
                    sources.push(source);
                }
                // The loader orders updates by time, ties in file order.
                let mut order: Vec<usize> = (0..x.updates.len()).collect();
                order.sort_by_key(|&i| x.updates[i].at);
                x.updates = order.iter().map(|&i| x.updates[i].clone()).collect();
                let sources = order.iter().map(|&i| sources[i].clone()).collect();
                (x, source, sources, zone)
            },
        )
}

fn page() -> impl Strategy<Value = Page> {
    (
        "[a-z0-9][a-z0-9-]{0,15}",
        loaded_text(),
        text(),
        any::<i64>(),
        any::<bool>(),
        text(),
    )
        .prop_map(|(slug, title, description, weight, draft, body)| {
            let slug = format!("p-{slug}");
            Page {
                source: PathBuf::from(format!("content/pages/{slug}.md")),
                slug,
                title,
                description,
                weight,
                draft,
                body,
                translations: BTreeMap::new(),
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn incidents_read_back_as_written((x, source, update_sources, zone) in incident()) {
        let config = config(zone);
        let update_sources: Vec<Option<&str>> = update_sources.iter().map(Option::as_deref).collect();
        let extras = Extras {
            source: source.as_deref(),
            update_sources: &update_sources,
            before_updates: &["a comment", "`beacon update SLUG`"],
        };
        let file = emit::incident_file(&x, config.timezone, extras);
        let read = parse_incident(&x.source, &file, &config);
        prop_assert!(read.is_ok(), "{:?}\n{file}", read.err());
        prop_assert_eq!(read.unwrap(), x.clone(), "{}", file);

        // The `source` keys, which the model does not hold, read back through the loader's
        // own front-matter type.
        let split = split_front_matter(&file).expect("splits");
        let front: IncidentFrontMatter = toml::from_str(split.front_matter).expect("parses");
        prop_assert_eq!(front.source.map(|s| s.into_inner()), source);
        let read_sources: Vec<Option<String>> =
            front.updates.into_iter().map(|u| u.source.map(|s| s.into_inner())).collect();
        let written: Vec<Option<String>> = update_sources.iter().map(|s| s.map(str::to_string)).collect();
        prop_assert_eq!(read_sources, written);
    }

    #[test]
    fn pages_read_back_as_written(x in page()) {
        let file = emit::page_file(&x);
        let read = parse_page(&x.source, &file);
        prop_assert!(read.is_ok(), "{:?}\n{file}", read.err());
        prop_assert_eq!(read.unwrap(), x, "{}", file);
    }
}

#[test]
fn every_severity_status_and_kind_reads_back() {
    let config = config("Europe/Vilnius");
    let start: DateTime<Utc> = "2024-03-31T00:30:00Z".parse().unwrap();
    for kind in [Kind::Incident, Kind::Maintenance] {
        for &status in UpdateStatus::allowed_for(kind) {
            for severity in [
                Severity::Notice,
                Severity::Degraded,
                Severity::Partial,
                Severity::Major,
            ] {
                let mut x = Incident::new("s", PathBuf::from("content/incidents/s.md"), "T", kind, start);
                x.end = Some(start + chrono::Duration::hours(1));
                if kind == Kind::Incident {
                    x.severity = severity;
                }
                x.updates.push(Update {
                    at: start,
                    status,
                    text: "t".into(),
                });
                let file = emit::incident_file(&x, config.timezone, Extras::default());
                assert_eq!(parse_incident(&x.source, &file, &config).unwrap(), x, "{file}");
            }
        }
    }
}
