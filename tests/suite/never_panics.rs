//! Property tests: whatever bytes or TOML a user writes, loading returns a value or located
//! diagnostics, never a panic.

use std::path::Path;

use beacon::config::parse_config;
use beacon::content::incident::parse_incident;
use beacon::content::{load_site, Kind, LoadOptions};
use proptest::prelude::*;

use crate::common::{TestSite, CONFIG};

fn config() -> beacon::config::Config {
    parse_config(Path::new("config.toml"), CONFIG).expect("test config is valid")
}

/// What every parse must give: a value, or diagnostics that each point at a line and column
/// of `text` and say something.
fn located<T>(result: Result<T, Vec<beacon::Diagnostic>>, text: &str) -> Result<Option<T>, TestCaseError> {
    match result {
        Ok(value) => Ok(Some(value)),
        Err(problems) => {
            prop_assert!(!problems.is_empty(), "an error with no diagnostic");
            let lines = text.lines().count() + 1;
            for d in &problems {
                prop_assert!(d.line >= 1 && d.line <= lines && d.column >= 1, "{d}");
                prop_assert!(!d.message.trim().is_empty(), "{d}");
            }
            Ok(None)
        }
    }
}

/// What a config that parses always holds, whatever was written.
fn well_formed(config: &beacon::config::Config) -> Result<(), TestCaseError> {
    prop_assert!(config.base_url.ends_with('/') && config.base_url.starts_with("http"));
    prop_assert!(!config.title.trim().is_empty());
    prop_assert!(config.uptime.days > 0 && config.history_per_page > 0 && config.feed_limit > 0);
    prop_assert_eq!(config.languages.first(), Some(&config.language));
    for c in &config.components {
        prop_assert!(beacon::config::is_component_id(&c.id), "{}", c.id);
    }
    Ok(())
}

/// A TOML value of any type a user might put anywhere, plausible or not.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        "\"[^\"\\\\\\n]{0,16}\"",
        any::<i64>().prop_map(|i| i.to_string()),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| format!("{f:?}")),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?)?(Z|[+-][0-9]{2}:[0-9]{2})?",
        "[0-9]{2}:[0-9]{2}:[0-9]{2}",
        Just("true".to_string()),
        Just("[]".to_string()),
        "\\[(\"(email|vpn|mobile-email|x|)\", ){0,3}\\]",
        "\\{ ?((email|vpn|zz) = \"(major|partial|degraded|notice|bad)\" ?,? ?){0,2}\\}",
        Just("\"maintenance\"".to_string()),
        Just("\"incident\"".to_string()),
        "\"(notice|degraded|partial|major|investigating|resolved|scheduled|completed|update)\"",
    ]
}

fn key() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "title",
        "kind",
        "slug",
        "date",
        "resolved",
        "end",
        "severity",
        "components",
        "impact",
        "pinned",
        "draft",
        "tittle",
    ])
}

/// A front matter of random known (and a few unknown) keys and update blocks.
fn front_matter() -> impl Strategy<Value = String> {
    let pairs = prop::collection::vec((key(), value()), 0..10);
    let update = prop::collection::vec(
        (
            prop::sample::select(vec!["at", "status", "text", "when"]),
            value(),
        ),
        0..4,
    );
    (pairs, prop::collection::vec(update, 0..3)).prop_map(|(pairs, updates)| {
        let mut toml = String::new();
        for (k, v) in pairs {
            toml.push_str(&format!("{k} = {v}\n"));
        }
        for u in updates {
            toml.push_str("[[updates]]\n");
            for (k, v) in u {
                toml.push_str(&format!("{k} = {v}\n"));
            }
        }
        toml
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_front_matter_never_panics(toml in front_matter(), crlf in any::<bool>(), body in ".{0,40}") {
        let mut text = format!("+++\n{toml}+++\n{body}");
        if crlf {
            text = text.replace('\n', "\r\n");
        }
        match parse_incident(Path::new("content/incidents/a.md"), &text, &config()) {
            Ok(incident) => {
                if let Some(end) = incident.end {
                    prop_assert!(end >= incident.start);
                }
                prop_assert!(incident.kind == Kind::Maintenance || !incident.title.is_empty());
            }
            Err(problems) => {
                prop_assert!(!problems.is_empty());
                let lines = text.lines().count() + 1;
                for d in problems {
                    prop_assert!(d.line >= 1 && d.line <= lines && d.column >= 1, "{d}");
                }
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        if let Some(incident) = located(parse_incident(Path::new("a.md"), &text, &config()), &text)? {
            prop_assert!(!incident.slug.is_empty());
        }
        if let Some(config) = located(parse_config(Path::new("config.toml"), &text), &text)? {
            well_formed(&config)?;
        }
    }

    #[test]
    fn arbitrary_config_never_panics(extra in prop::collection::vec((prop::sample::select(vec!["timezone", "base_url", "title", "language", "theme", "[uptime]\ndays", "[history]\nper_page", "[feeds]\nlimit", "[uptime]\nweights", "[[components]]\nid", "[[components]]\nname = \"x\"\nid", "since"]), value()), 0..6)) {
        let mut text = String::from("title = \"T\"\nbase_url = \"https://x.org/\"\n");
        for (k, v) in extra {
            text.push_str(&format!("{k} = {v}\n"));
        }
        if let Some(config) = located(parse_config(Path::new("config.toml"), &text), &text)? {
            well_formed(&config)?;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    // Through the real loader, so invalid UTF-8 and odd bytes meet the file-reading path.
    #[test]
    fn arbitrary_bytes_in_a_content_file_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300), fenced in any::<bool>()) {
        let site = TestSite::new();
        let mut content = Vec::new();
        if fenced {
            content.extend_from_slice(b"+++\n");
        }
        content.extend_from_slice(&bytes);
        site.write("content/incidents/a.md", &content);
        site.write("content/pages/p.md", &bytes);
        match load_site(site.root(), &LoadOptions::default()) {
            Ok(_) => {}
            Err(beacon::Error::Content(problems)) => prop_assert!(!problems.is_empty()),
            Err(other) => prop_assert!(false, "unexpected error kind: {other}"),
        }
    }
}
