//! The whole CLI under arbitrary input: a generated site (config, content, templates, odd
//! layouts), a generated command line and a generated environment, run through the real binary.
//! Whatever the input, beacon exits 0, 1 or 2 with its own message: never a panic (101), never
//! a signal. Bounded for CI: `BEACON_FUZZ_CASES` cases (default 48, a few seconds); raise it
//! locally for a longer hunt, e.g. `BEACON_FUZZ_CASES=2000 cargo test --test suite fuzz_cli`.
//! Sites include hostile input (deep nesting, 1 MB bodies, long and reserved names); a hunt in a
//! release build with `BEACON_FUZZ_TIMING=1` also fails any case over 2 s per megabyte:
//! `BEACON_FUZZ_CASES=2000 BEACON_FUZZ_TIMING=1 cargo test --release --test suite fuzz_cli`.

use proptest::prelude::*;

use crate::common::TestSite;

/// Text a user or an attacker might put in any string field.
fn text() -> BoxedStrategy<String> {
    prop_oneof![
        Just(String::new()),
        Just("Mail down".to_string()),
        Just("<script>alert(1)</script> & \"q\"".to_string()),
        Just("a\n+++\nb".to_string()),
        Just("'''\"\"\"\\".to_string()),
        Just("\u{1}\u{7f}\u{2028}\r\n".to_string()),
        Just("{{ page.title }}{% if %}".to_string()),
        "\\PC{0,24}",
    ]
    .boxed()
}

/// A datetime in any form beacon reads, in range or far out of it, or not a datetime at all.
fn instant() -> BoxedStrategy<String> {
    prop_oneof![
        Just("2022-01-27T07:40:00-05:00".to_string()),
        Just("2022-01-27".to_string()),
        Just("2022-01-27 07:40".to_string()),
        Just("2024-03-10 02:30".to_string()),
        Just("0000-01-01T00:00:00+14:00".to_string()),
        Just("9999-12-31T23:59:59-23:59".to_string()),
        Just("1899-12-31".to_string()),
        Just("9998-12-31".to_string()),
        Just("noon".to_string()),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2})?)?(Z|[+-][0-9]{2}:[0-9]{2})?",
    ]
    .boxed()
}

/// One of `good` nine times in ten, else one of `bad`: most generated sites get far enough to
/// render, while every kind of bad value still turns up.
fn mostly(good: &[&'static str], bad: &[&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        9 => prop::sample::select(good.to_vec()).prop_map(String::from),
        1 => prop::sample::select(bad.to_vec()).prop_map(String::from),
    ]
}

/// One of `good` nine times in ten, else any instant (most of them malformed or out of range).
fn mostly_instant(good: &[&'static str]) -> BoxedStrategy<String> {
    prop_oneof![9 => prop::sample::select(good.to_vec()).prop_map(String::from), 1 => instant()].boxed()
}

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// A TOML value for a date key: a datetime literal where it parses as one, else a string.
fn toml_date(s: &str) -> String {
    if s.parse::<toml::value::Datetime>().is_ok() {
        s.to_string()
    } else {
        toml_string(s)
    }
}

#[derive(Debug, Clone)]
struct Site {
    base_url: String,
    timezone: String,
    theme: String,
    days: i64,
    since: Option<String>,
    extra_config: String,
    incidents: Vec<(String, String, Option<String>, String, String, bool)>,
    template: Option<String>,
    layout: u8,
    /// `language` / `languages` lines of config.toml.
    languages: String,
    /// A translation of the first incident: its language code, title and update `at`.
    translation: Option<Translation>,
    /// A site override: its file name under `i18n/` and its text.
    overrides: Option<(String, String)>,
}

/// A translation file's language code, title (also its update text and body) and update `at`.
type Translation = (String, String, String);

/// The `language` / `languages` lines, a translation and an `i18n/` override.
type Languages = (String, Option<Translation>, Option<(String, String)>);

/// The language settings, translations and catalogue overrides of a generated site.
fn languages() -> BoxedStrategy<Languages> {
    (
        mostly(
            &[
                "",
                "language = \"fr\"\n",
                "language = \"ar\"\n",
                "languages = [\"en\", \"fr\"]\n",
                "languages = [\"fr\", \"en\", \"ar\", \"zh-Hans\"]\n",
            ],
            &[
                "languages = []\n",
                "languages = [\"en\", \"EN\"]\n",
                "languages = [\"en\", \"fr-CA\", \"fr-ca\"]\n",
                "language = \"xx\"\n",
                "language = \"en\"\nlanguages = [\"fr\", \"en\"]\n",
            ],
        ),
        prop::option::of((
            mostly(&["fr", "en", "ar"], &["FR", "de", "fr-ca", "zh-hans"]),
            text(),
            mostly_instant(&["2022-01-27T07:40:00-05:00"]),
        )),
        prop::option::of((
            mostly(&["fr.ftl", "en.ftl", "ar.ftl"], &["FR.ftl", "xx.ftl"]),
            prop_oneof![
                Just("nav-status = { $nope }".to_string()),
                Just("banner-operational = <b>x</b> ]]> \"".to_string()),
                Just("\u{feff}nav-history = H\r\nnav-status = S\r\n".to_string()),
                Just("-t = T\nnav-status = { -t } { -u }".to_string()),
                Just("feed-item-title = { $title } { $label } \u{202e}".to_string()),
                text().prop_map(|t| format!("badge-label = {t}")),
                text(),
            ],
        )),
    )
        .boxed()
}

fn site() -> BoxedStrategy<Site> {
    let incident = (
        mostly(&["incident", "maintenance"], &["other"]),
        mostly_instant(&["2022-01-27T07:40:00-05:00", "2022-01-20", "2021-06-01 10:00"]),
        prop::option::of(mostly_instant(&["2022-01-28", "2022-02-15T00:00:00Z"])),
        mostly(&["major", "partial", "degraded", "notice"], &["bad", ""]),
        text(),
        any::<bool>(),
    );
    (
        (
            mostly(&["https://status.example.org/", "https://a.example/sub", "http://[::1]:8080"], &["javascript:alert(1)//", "https://a.example/\\u0001"]),
            mostly(&["UTC", "America/New_York", "Pacific/Kiritimati", "Africa/Monrovia"], &["Mars/Base"]),
            mostly(&["default", "mine"], &["../x", "/etc", ""]),
            prop_oneof![9 => prop::sample::select(vec![1i64, 7, 90, 3660]), 1 => prop::sample::select(vec![0i64, -1, 100000])],
            prop::option::of(mostly_instant(&["2021-01-01", "2022-01-25"])),
            mostly(&["", "[history]\nper_page = 1\n", "[feeds]\nlimit = 1\n"], &["titel = 1\n", "[feeds]\nlimit = 0\n"]),
        ),
        prop::collection::vec(incident, 0..4),
        prop::option::of(text()),
        prop_oneof![3 => Just(0u8), 1 => 1u8..6, 2 => 10u8..(10 + HOSTILE as u8)],
        languages(),
    )
        .prop_map(
            |(
                (base_url, timezone, theme, days, since, extra_config),
                incidents,
                template,
                layout,
                (languages, translation, overrides),
            )| Site {
                base_url,
                timezone,
                theme,
                days,
                since,
                extra_config,
                incidents,
                template,
                layout,
                languages,
                translation,
                overrides,
            },
        )
        .boxed()
}

fn write(site: &TestSite, s: &Site) {
    let since = s
        .since
        .as_deref()
        .map(|d| format!("since = {}\n", toml_date(d)))
        .unwrap_or_default();
    site.write(
        "config.toml",
        format!(
            "title = \"T\"\nbase_url = {}\ntimezone = {}\ntheme = {}\n{}[uptime]\ndays = {}\n[[components]]\nid = \"email\"\nname = \"Email\"\n{since}{}",
            toml_string(&s.base_url),
            toml_string(&s.timezone),
            toml_string(&s.theme),
            s.languages,
            s.days,
            s.extra_config,
        ),
    );
    site.write("themes/mine/templates/page.html", "{% extends \"base.html\" %}");
    for (n, (kind, date, end, severity, title, draft)) in s.incidents.iter().enumerate() {
        let end_key = if kind == "maintenance" { "end" } else { "resolved" };
        // Maintenance takes no severity: write one only for incidents, or when the generator
        // asked for a bad one (empty), so that mistake turns up too.
        let severity = match (kind.as_str(), severity.as_str()) {
            ("maintenance", "") => "severity = \"major\"\n".to_string(),
            ("maintenance", _) => String::new(),
            (_, s) => format!("severity = \"{s}\"\n"),
        };
        // A maintenance window needs its end; an incident may be ongoing.
        let end = match (kind.as_str(), end.as_deref()) {
            ("maintenance", None) => Some("2022-02-15T00:00:00Z"),
            (_, end) => end,
        };
        let end = end
            .map(|e| format!("{end_key} = {}\n", toml_date(e)))
            .unwrap_or_default();
        let status = if kind == "maintenance" {
            "scheduled"
        } else {
            "investigating"
        };
        site.write(
            &format!("content/incidents/i{n}.md"),
            format!(
                "+++\ntitle = {}\nkind = \"{kind}\"\ndate = {}\n{end}{severity}components = [\"email\"]\ndraft = {draft}\n[[updates]]\nat = {}\nstatus = \"{status}\"\ntext = {}\n+++\n{title}\n",
                toml_string(title),
                toml_date(date),
                toml_date(date),
                toml_string(title)
            ),
        );
    }
    if let Some((code, title, at)) = &s.translation {
        site.write(
            &format!("content/incidents/i0.{code}.md"),
            format!(
                "+++\ntitle = {}\n[[updates]]\nat = {}\ntext = {}\n+++\n{title}\n",
                toml_string(title),
                toml_date(at),
                toml_string(title)
            ),
        );
    }
    if let Some((name, text)) = &s.overrides {
        site.write(&format!("i18n/{name}"), text);
    }
    if let Some(t) = &s.template {
        site.write("templates/incident.html", t);
    }
    if let Some(n) = s.layout.checked_sub(10) {
        hostile(site, n);
    }
    match s.layout {
        1 => site.write("content/pages", "a file"),
        2 => site.write("static", "a file"),
        3 => site.write("content/incidents/x.MD", "+++\ntitle = \"x\"\n+++\n"),
        4 => {
            let _ = std::os::unix::fs::symlink("/etc", site.path("static"));
        }
        _ => {}
    }
}

/// How many kinds of [`hostile`] input there are.
const HOSTILE: usize = 16;

/// The `n`th kind of pathological input (issue "Hardening, round three"): nesting far past
/// every parser's limit, bodies of a megabyte of the slowest shapes, names longer than a file
/// system takes or reserved on Windows.
fn hostile(site: &TestSite, n: u8) {
    const MB: usize = 1 << 20;
    let fill = |unit: &str| unit.repeat(MB / unit.len());
    let incident = |body: &str| {
        format!("+++\ntitle = \"Deep\"\ndate = 2022-01-27T07:40:00-05:00\nseverity = \"major\"\ncomponents = [\"email\"]\n+++\n{body}\n")
    };
    let body = |text: String| site.write("content/incidents/hostile.md", incident(&text));
    match n {
        0 => body("<div>".repeat(200)),
        1 => body("<div>".repeat(100_000)),
        2 => body("> ".repeat(50_000)),
        3 => body("[".repeat(200_000)),
        4 => body(fill("*a **b _c __d ")),
        5 => body(fill(&format!(
            "{}x{}\n\n",
            "<div>".repeat(128),
            "</div>".repeat(128)
        ))),
        6 => body("x".repeat(MB)),
        7 => body(fill("2026-01-01 <pid 42> GET /x 500\n")),
        8 => {
            let config = site.read("config.toml");
            site.write("config.toml", format!("x = {}1\n{config}", "[".repeat(100_000)));
        }
        9 => site.write(
            "i18n/en.ftl",
            format!("nav-status = {}\"x\"\n", "{ ".repeat(50_000)),
        ),
        10 => site.write(
            "content/incidents/hostile.md",
            format!("+++\ntitle = \"x\"\nx = {}1\n+++\n", "{a=".repeat(50_000)),
        ),
        11 => site.write(
            &format!("content/incidents/{}.md", "a".repeat(250)),
            incident("x"),
        ),
        12 => site.write(
            "content/incidents/hostile.md",
            incident("x").replace("+++\ntitle", "+++\nslug = \"nul\"\ntitle"),
        ),
        13 => {
            let config = site.read("config.toml");
            site.write(
                "config.toml",
                config.replace("id = \"email\"", &format!("id = \"{}\"", "e".repeat(300))),
            );
        }
        14 => site.write(
            &format!("static/{}", "s".repeat(250)),
            "a static file with a long name",
        ),
        _ => body(fill("| a | b |\n|---|---|\n[x]: y\n")),
    }
}

/// A command line for any command but `serve` (which runs until stopped), with arbitrary flags.
fn command() -> BoxedStrategy<Vec<String>> {
    let now = || {
        prop::option::of(mostly_instant(&[
            "2022-02-01T00:00:00Z",
            "2022-01-27 12:00",
            "2022-01-28",
        ]))
    };
    prop_oneof![
        (
            now(),
            any::<bool>(),
            prop::option::of(prop_oneof![3 => Just("https://preview.example/".to_string()), 1 => text()])
        )
            .prop_map(|(now, drafts, base)| {
                let mut args = vec!["build".to_string()];
                args.extend(now.into_iter().flat_map(|n| ["--now".to_string(), n]));
                if drafts {
                    args.push("--drafts".into());
                }
                args.extend(base.into_iter().flat_map(|b| ["--base-url".to_string(), b]));
                args
            }),
        now().prop_map(|now| {
            let mut args = vec!["check".to_string()];
            args.extend(now.into_iter().flat_map(|n| ["--now".to_string(), n]));
            args
        }),
        (
            text(),
            now(),
            prop::option::of(instant()),
            mostly(&["major", "notice"], &["x"])
        )
            .prop_map(|(title, now, date, severity)| {
                let mut args = vec![
                    "new".into(),
                    "incident".into(),
                    title,
                    "--severity".into(),
                    severity,
                ];
                args.extend(now.into_iter().flat_map(|n| ["--now".to_string(), n]));
                args.extend(date.into_iter().flat_map(|d| ["--date".to_string(), d]));
                args
            }),
        (text(), instant(), instant(), now()).prop_map(|(title, start, end, now)| {
            let mut args = vec![
                "new".into(),
                "maintenance".into(),
                title,
                "--start".into(),
                start,
                "--end".into(),
                end,
            ];
            args.extend(now.into_iter().flat_map(|n| ["--now".to_string(), n]));
            args
        }),
        (
            prop::sample::select(vec!["i0", "i1", "nope"]),
            prop::sample::select(vec!["update", "resolved", "in_progress", "fixed"]),
            text(),
            now()
        )
            .prop_map(|(slug, status, text, now)| {
                let mut args = vec![
                    "update".into(),
                    slug.into(),
                    "--status".into(),
                    status.into(),
                    text,
                ];
                args.extend(now.into_iter().flat_map(|n| ["--now".to_string(), n]));
                args
            }),
        (
            prop::sample::select(vec!["i0", "i1"]),
            prop::option::of(text()),
            now()
        )
            .prop_map(|(slug, text, now)| {
                let mut args = vec!["resolve".into(), slug.into()];
                args.extend(text);
                args.extend(now.into_iter().flat_map(|n| ["--now".to_string(), n]));
                args
            }),
    ]
    .boxed()
}

fn cases() -> u32 {
    std::env::var("BEACON_FUZZ_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(48)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), max_shrink_iters: 64, ..ProptestConfig::default() })]

    #[test]
    fn no_input_makes_the_cli_panic(
        s in site(),
        args in command(),
        epoch in prop::option::of(prop_oneof![
            6 => Just("1643300000".to_string()),
            1 => Just("253402300800".to_string()),
            1 => Just("-62198755200".to_string()),
            1 => "-?[0-9]{1,20}",
            1 => Just("x".to_string()),
        ]),
        quiet in any::<bool>(),
    ) {
        let site = TestSite::new();
        write(&site, &s);
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_beacon"));
        command.arg("--root").arg(site.root());
        if quiet {
            command.arg("--quiet");
        }
        command.args(&args).env_remove("SOURCE_DATE_EPOCH");
        if let Some(epoch) = &epoch {
            command.env("SOURCE_DATE_EPOCH", epoch);
        }
        let input: u64 = walkdir::WalkDir::new(site.root())
            .into_iter()
            .filter_map(Result::ok)
            .filter_map(|e| e.metadata().ok())
            .filter(|m| m.is_file())
            .map(|m| m.len())
            .sum();
        let started = std::time::Instant::now();
        let out = command.output().expect("run beacon");
        let elapsed = started.elapsed();
        let full = String::from_utf8_lossy(&out.stderr);
        // Shown shortened: a diagnostic may quote a line of a megabyte.
        let stderr: String = full.chars().take(4000).collect();
        let code = out.status.code();
        prop_assert!(matches!(code, Some(0..=2)), "exit {:?} for {:?}\n{}", code, args, stderr);
        // A hunt (release build, `BEACON_FUZZ_TIMING=1`) also holds every case to 2 s per
        // megabyte of input (at least 2 s); a debug build on a shared machine is too slow to.
        if std::env::var_os("BEACON_FUZZ_TIMING").is_some() {
            let allowed = std::time::Duration::from_secs_f64(2.0 * (input as f64 / (1 << 20) as f64).max(1.0));
            prop_assert!(elapsed <= allowed, "{:?} for {:?} on {} bytes (layout {})", elapsed, args, input, s.layout);
        }
        prop_assert!(!full.contains("panicked"), "{:?}\n{}", args, stderr);
        if code != Some(0) {
            prop_assert!(full.contains("error"), "a failure says why: {:?}\n{}", args, stderr);
        } else if args[0] == "build" {
            outputs_parse(&site.path("public"))?;
        }
    }
}

/// Every machine-read output of a successful build parses with its consumers' parser,
/// whatever text went in (control characters in a title must not break a feed).
fn outputs_parse(public: &std::path::Path) -> Result<(), TestCaseError> {
    for (path, bytes) in crate::common::snapshot(public) {
        let text = String::from_utf8(bytes).map_err(|e| TestCaseError::fail(format!("{path}: {e}")))?;
        let result = if path.ends_with(".xml") || path.ends_with(".svg") {
            roxmltree::Document::parse(&text)
                .map(|_| ())
                .map_err(|e| e.to_string())
        } else if path.ends_with(".json") {
            serde_json::from_str::<serde_json::Value>(&text)
                .map(|_| ())
                .map_err(|e| e.to_string())
        } else if path.ends_with(".ics") {
            text.parse::<icalendar::Calendar>().map(|_| ())
        } else {
            Ok(())
        };
        if path.ends_with("feed.xml") || path.ends_with("atom.xml") {
            feed_rs::parser::parse(text.as_bytes())
                .map_err(|e| TestCaseError::fail(format!("{path}: {e}")))?;
        }
        result.map_err(|e| TestCaseError::fail(format!("{path}: {e}")))?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases() / 2, max_shrink_iters: 32, ..ProptestConfig::default() })]

    /// On the same arbitrary sites, `check` fails exactly when `build --drafts` fails, at the
    /// same instant: check meets every problem a build meets.
    #[test]
    fn check_and_build_agree_on_arbitrary_sites(s in site(), now in instant()) {
        let site = TestSite::new();
        write(&site, &s);
        let check = site.beacon(&["check", "--now", &now]);
        let build = site.beacon(&["build", "--drafts", "--now", &now]);
        prop_assert_eq!(check.code, build.code, "--now {}\ncheck: {}\nbuild: {}", now, check.stderr, build.stderr);
    }
}
