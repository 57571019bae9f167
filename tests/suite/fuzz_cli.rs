//! The whole CLI under arbitrary input: a generated site (config, content, templates, odd
//! layouts), a generated command line and a generated environment, run through the real binary.
//! Whatever the input, beacon exits 0, 1 or 2 with its own message: never a panic (101), never
//! a signal. Bounded for CI: `BEACON_FUZZ_CASES` cases (default 48, a few seconds); raise it
//! locally for a longer hunt, e.g. `BEACON_FUZZ_CASES=2000 cargo test --test suite fuzz_cli`.

use proptest::prelude::*;

use crate::common::TestSite;

/// Text a user or an attacker might put in any string field.
fn text() -> impl Strategy<Value = String> {
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
}

/// A datetime in any form beacon reads, in range or far out of it, or not a datetime at all.
fn instant() -> impl Strategy<Value = String> {
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
}

fn site() -> impl Strategy<Value = Site> {
    let incident = (
        prop::sample::select(vec!["incident", "maintenance", "other"]).prop_map(String::from),
        instant(),
        prop::option::of(instant()),
        prop::sample::select(vec!["major", "partial", "degraded", "notice", "bad"]).prop_map(String::from),
        text(),
        any::<bool>(),
    );
    (
        (
            prop::sample::select(vec![
                "https://status.example.org/",
                "https://a.example/sub",
                "javascript:alert(1)//",
                "https://a.example/\\u0001",
                "http://[::1]:8080",
            ])
            .prop_map(String::from),
            prop::sample::select(vec!["UTC", "America/New_York", "Pacific/Kiritimati", "Mars/Base"])
                .prop_map(String::from),
            prop::sample::select(vec!["default", "mine", "../x", "/etc", ""]).prop_map(String::from),
            prop::sample::select(vec![1i64, 7, 90, 3660, 0, -1, 100000]),
            prop::option::of(instant()),
            prop::sample::select(vec![
                "",
                "titel = 1\n",
                "[feeds]\nlimit = 0\n",
                "[history]\nper_page = 1\n",
            ])
            .prop_map(String::from),
        ),
        prop::collection::vec(incident, 0..4),
        prop::option::of(text()),
        0u8..6,
    )
        .prop_map(
            |((base_url, timezone, theme, days, since, extra_config), incidents, template, layout)| Site {
                base_url,
                timezone,
                theme,
                days,
                since,
                extra_config,
                incidents,
                template,
                layout,
            },
        )
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
            "{}title = \"T\"\nbase_url = {}\ntimezone = {}\ntheme = {}\n[uptime]\ndays = {}\n[[components]]\nid = \"email\"\nname = \"Email\"\n{since}",
            s.extra_config,
            toml_string(&s.base_url),
            toml_string(&s.timezone),
            toml_string(&s.theme),
            s.days
        ),
    );
    site.write("themes/mine/templates/page.html", "{% extends \"base.html\" %}");
    for (n, (kind, date, end, severity, title, draft)) in s.incidents.iter().enumerate() {
        let end_key = if kind == "maintenance" { "end" } else { "resolved" };
        let end = end
            .as_deref()
            .map(|e| format!("{end_key} = {}\n", toml_date(e)))
            .unwrap_or_default();
        site.write(
            &format!("content/incidents/i{n}.md"),
            format!(
                "+++\ntitle = {}\nkind = \"{kind}\"\ndate = {}\n{end}severity = \"{severity}\"\ncomponents = [\"email\"]\ndraft = {draft}\n[[updates]]\nat = {}\nstatus = \"investigating\"\ntext = {}\n+++\n{title}\n",
                toml_string(title),
                toml_date(date),
                toml_date(date),
                toml_string(title)
            ),
        );
    }
    if let Some(t) = &s.template {
        site.write("templates/incident.html", t);
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

/// A command line for any command but `serve` (which runs until stopped), with arbitrary flags.
fn command() -> impl Strategy<Value = Vec<String>> {
    let now = || prop::option::of(instant());
    prop_oneof![
        (now(), any::<bool>(), prop::option::of(text())).prop_map(|(now, drafts, base)| {
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
            prop::sample::select(vec!["major", "x"])
        )
            .prop_map(|(title, now, date, severity)| {
                let mut args = vec![
                    "new".into(),
                    "incident".into(),
                    title,
                    "--severity".into(),
                    severity.into(),
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
            Just("253402300800".to_string()),
            Just("-62198755200".to_string()),
            Just("1643300000".to_string()),
            "-?[0-9]{1,20}",
            Just("x".to_string()),
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
        let out = command.output().expect("run beacon");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let code = out.status.code();
        prop_assert!(matches!(code, Some(0..=2)), "exit {:?} for {:?}\n{}", code, args, stderr);
        prop_assert!(!stderr.contains("panicked"), "{:?}\n{}", args, stderr);
        if code != Some(0) {
            prop_assert!(stderr.contains("error"), "a failure says why: {:?}\n{}", args, stderr);
        }
    }
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
