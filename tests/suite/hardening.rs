//! Regression tests for the hostile-input round (issue "Hardening"): each named after the case
//! that was reported, each next to a test of the class of defect behind it.

use crate::common::TestSite;

const INCIDENT: &str = "+++\ntitle = \"Mail down\"\ndate = 2022-01-27T07:40:00-05:00\nseverity = \"major\"\ncomponents = [\"email\"]\n+++\nBody.\n";

fn beacon_with_env(site: &TestSite, args: &[&str], env: &[(&str, &str)]) -> crate::common::Run {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_beacon"));
    command
        .arg("--root")
        .arg(site.root())
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH");
    for (k, v) in env {
        command.env(k, v);
    }
    command.output().expect("run beacon").into()
}

// --- Crashes and wrong acceptance: the instant range ---

#[test]
fn panic_on_instants_outside_years_0_to_9999() {
    let site = TestSite::new();
    site.write("content/incidents/a.md", INCIDENT);
    for now in ["9999-12-31T23:59:59-23:59", "0000-01-01T00:00:00+00:01"] {
        let run = site.beacon(&["build", "--now", now]);
        assert_eq!(run.code, 2, "{now}: {}", run.stderr);
        assert!(
            run.stderr.contains("outside the range beacon accepts"),
            "{}",
            run.stderr
        );
    }
    for epoch in ["253402300800", "-62198755200"] {
        let run = beacon_with_env(&site, &["build"], &[("SOURCE_DATE_EPOCH", epoch)]);
        assert_eq!(run.code, 2, "{epoch}: {}", run.stderr);
        assert!(run.stderr.contains("SOURCE_DATE_EPOCH"), "{}", run.stderr);
    }
    site.write(
        "content/incidents/b.md",
        "+++\ntitle = \"Old\"\ndate = 0000-01-01T00:00:00+14:00\nseverity = \"major\"\n+++\n",
    );
    let check = site.beacon(&["check"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    assert!(
        check.stderr.contains("content/incidents/b.md:3:8: `date`: ")
            && check.stderr.contains("outside the range"),
        "{}",
        check.stderr
    );
    assert!(!site.path("public").exists());
}

/// The class: every place an instant enters beacon (front matter dates of every key and
/// form, `since`, every command's `--now`, `new --date/--start/--end`) checks the range.
#[test]
fn every_instant_input_is_range_checked() {
    let site = TestSite::new();
    site.write("content/incidents/a.md", INCIDENT);
    for (key, value) in [
        ("resolved", "9999-12-31"),
        ("date", "\"1899-12-30 23:00\""),
        ("date", "\"0001-01-01\""),
    ] {
        let text = INCIDENT.replace("severity", &format!("{key} = {value}\nseverity"));
        let text = if key == "date" {
            text.replacen("date = 2022-01-27T07:40:00-05:00\n", "", 1)
        } else {
            text
        };
        site.write("content/incidents/a.md", &text);
        let run = site.beacon(&["check"]);
        assert_eq!(run.code, 1, "{key} = {value}: {}", run.stderr);
        assert!(run.stderr.contains("outside the range"), "{}", run.stderr);
    }
    site.write("content/incidents/a.md", INCIDENT);
    let config = crate::common::CONFIG.replace("name = \"VPN\"", "name = \"VPN\"\nsince = 0000-01-01");
    site.write("config.toml", &config);
    let run = site.beacon(&["check"]);
    assert!(
        run.code == 1 && run.stderr.contains("`since`: "),
        "{}",
        run.stderr
    );
    site.write("config.toml", crate::common::CONFIG);

    let far = "9999-06-01T00:00:00Z";
    for args in [
        vec!["new", "incident", "X", "--now", far],
        vec!["new", "incident", "X", "--date", "0000-01-01"],
        vec![
            "new",
            "maintenance",
            "X",
            "--start",
            "2022-01-01",
            "--end",
            "9999-12-31",
        ],
        vec!["update", "a", "--status", "update", "x", "--now", far],
        vec!["resolve", "a", "--now", far],
        vec!["init", "--now", far],
    ] {
        let run = site.beacon(&args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains("outside the range"),
            "{args:?}: {}",
            run.stderr
        );
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    }
}

// --- check finds what build finds ---

#[test]
fn check_passes_what_build_rejects() {
    let cases: [(&str, &str, &str); 3] = [
        ("templates/page.html", "{% if %}", "templates/page.html"),
        ("config.toml", "", "theme `nope` not found"),
        (
            "content/incidents/old.md",
            "+++\ntitle = \"Old\"\ndate = 0000-01-01T00:00:00+14:00\nseverity = \"major\"\n+++\n",
            "outside the range",
        ),
    ];
    for (file, text, expected) in cases {
        let site = TestSite::new();
        site.write("content/incidents/a.md", INCIDENT);
        if file == "config.toml" {
            site.write(
                "config.toml",
                format!("theme = \"nope\"\n{}", crate::common::CONFIG),
            );
        } else {
            site.write(file, text);
        }
        let check = site.beacon(&["check"]);
        let build = site.beacon(&["build", "--now", "2022-02-01T00:00:00Z"]);
        assert_ne!(check.code, 0, "{file}: check passed:\n{}", check.stdout);
        assert_eq!(check.code, build.code, "{file}");
        assert!(check.stderr.contains(expected), "{file}: {}", check.stderr);
        assert!(!site.path("public").exists());
    }
}

mod check_agrees_with_build {
    use beacon::cli::{run, Cli};
    use clap::Parser;
    use proptest::prelude::*;

    use crate::common::TestSite;

    /// Pieces of a site that can each be right or wrong in a way only some stage notices.
    #[derive(Debug, Clone)]
    struct Inputs {
        theme: &'static str,
        template: Option<&'static str>,
        date: &'static str,
        resolved: Option<&'static str>,
        component: &'static str,
        draft: bool,
        base_url: &'static str,
        static_file: bool,
    }

    fn inputs() -> impl Strategy<Value = Inputs> {
        (
            prop::sample::select(vec!["default", "nope", "../elsewhere", "mine"]),
            prop::option::of(prop::sample::select(vec![
                "{% extends \"base.html\" %}",
                "{% if %}",
                "{{ nonexistent.field }}",
                "<p>{{ page.title }}</p>",
                "{% block content %}{{ 1 / 0 }}{% endblock %}",
            ])),
            prop::sample::select(vec![
                "2022-01-27T07:40:00-05:00",
                "0000-01-01T00:00:00+14:00",
                "\"2022-01-27\"",
                "2030-01-01",
                "\"2024-03-10 02:30\"",
            ]),
            prop::option::of(prop::sample::select(vec![
                "2022-01-28",
                "2021-01-01",
                "9998-12-31",
            ])),
            prop::sample::select(vec!["email", "nope", "vpn"]),
            any::<bool>(),
            prop::sample::select(vec![
                "https://status.example.org/",
                "https://a.example/\\u0001",
                "javascript:alert(1)//",
            ]),
            any::<bool>(),
        )
            .prop_map(
                |(theme, template, date, resolved, component, draft, base_url, static_file)| Inputs {
                    theme,
                    template,
                    date,
                    resolved,
                    component,
                    draft,
                    base_url,
                    static_file,
                },
            )
    }

    fn write(site: &TestSite, i: &Inputs) {
        let config = crate::common::CONFIG.replace("https://status.example.org/", i.base_url);
        site.write("config.toml", format!("theme = \"{}\"\n{config}", i.theme));
        site.write("themes/mine/templates/page.html", "{% extends \"base.html\" %}");
        if let Some(t) = i.template {
            site.write("templates/incident.html", t);
        }
        if i.static_file {
            site.write("static/robots.txt", "User-agent: *\n");
        }
        let resolved = i
            .resolved
            .map(|r| format!("resolved = {r}\n"))
            .unwrap_or_default();
        site.write(
            "content/incidents/a.md",
            format!(
                "+++\ntitle = \"A\"\ndate = {}\n{resolved}severity = \"major\"\ncomponents = [\"{}\"]\ndraft = {}\n+++\nBody.\n",
                i.date, i.component, i.draft
            ),
        );
    }

    fn exit(site: &TestSite, args: &[&str]) -> (u8, String) {
        let mut argv = vec![
            "beacon",
            "--quiet",
            "--root",
            site.root().to_str().expect("utf-8 path"),
        ];
        argv.extend_from_slice(args);
        let cli = Cli::try_parse_from(argv).expect("valid command line");
        match run(&cli) {
            Ok(_) => (0, String::new()),
            Err(e) => (e.exit_code(), e.to_string()),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        /// `check` fails exactly when `build --drafts` at the same instant fails.
        #[test]
        fn check_fails_exactly_when_build_fails(i in inputs()) {
            let site = TestSite::new();
            write(&site, &i);
            let now = "2022-02-01T00:00:00Z";
            let (check, check_error) = exit(&site, &["check", "--now", now]);
            let (build, build_error) = exit(&site, &["build", "--drafts", "--now", now]);
            prop_assert_eq!(check, build, "check: {}\nbuild: {}", check_error, build_error);
        }
    }
}

// --- One URL validator ---

#[test]
fn base_url_flag_is_not_validated_though_config_is() {
    let site = TestSite::new();
    site.write("content/incidents/a.md", INCIDENT);
    for url in ["https://a.example/\r\nX-INJECTED:1", "javascript:alert(1)//"] {
        let run = site.beacon(&["build", "--now", "2022-01-27T12:00:00Z", "--base-url", url]);
        assert_eq!(run.code, 2, "{url:?}: {}", run.stderr);
        assert!(run.stderr.contains("--base-url"), "{}", run.stderr);
        assert!(!site.path("public").exists());
    }
    site.write(
        "config.toml",
        crate::common::CONFIG.replace(
            "https://status.example.org/",
            "https://status.example.org/\\u0001",
        ),
    );
    let check = site.beacon(&["check"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    assert!(
        check.stderr.contains("config.toml:2:12: `base_url`: "),
        "{}",
        check.stderr
    );
}

/// The class: whatever URL text reaches the config or the flag, the same rule decides, and
/// nothing a URL carries into the outputs can break a line, a header or a markup context.
#[test]
fn config_and_flag_accept_and_refuse_the_same_urls() {
    let site = TestSite::new();
    site.write("content/incidents/a.md", INCIDENT);
    for url in [
        "https://a.example/\r\nX-INJECTED:1",
        "javascript:alert(1)//",
        "https://a.example/\u{1}",
        "https://user:secret@a.example/",
        "https://a.example/?x=1",
        "https://a.example/\u{2028}x",
        "mailto:a@b.example",
        "https://a.example/ x",
        "https://a.example/\">",
        "https://A.example/status",
    ] {
        let flag = site.beacon(&["build", "--now", "2022-01-27T12:00:00Z", "--base-url", url]);
        let toml_url = toml::Value::String(url.to_string()).to_string();
        site.write(
            "config.toml",
            crate::common::CONFIG.replace("\"https://status.example.org/\"", &toml_url),
        );
        let config = site.beacon(&["build", "--now", "2022-01-27T12:00:00Z"]);
        site.write("config.toml", crate::common::CONFIG);
        assert_eq!(
            flag.code == 0,
            config.code == 0,
            "{url:?}\nflag: {}\nconfig: {}",
            flag.stderr,
            config.stderr
        );
        if config.code == 0 {
            // Accepted URLs come out of every output on one line and markup-safe.
            for file in [
                "robots.txt",
                "sitemap.xml",
                "maintenance.ics",
                "feed.xml",
                "index.html",
            ] {
                let text = site.read(&format!("public/{file}"));
                assert!(!text.contains("X-INJECTED") && !text.contains("\">/"), "{file}");
            }
            let robots = site.read("public/robots.txt");
            assert!(
                robots.lines().all(|l| l.is_empty() || l.contains(':')),
                "{robots}"
            );
        }
    }
}

// --- Silent empty sites ---

#[test]
fn silent_empty_sites() {
    for file in ["content", "content/incidents"] {
        let site = TestSite::new();
        site.write(file, "not a folder");
        for command in ["check", "build"] {
            let run = site.beacon(&[command, "--now", "2022-01-27T12:00:00Z"]);
            assert_eq!(run.code, 1, "{file} {command}: {}", run.stderr);
            assert!(
                run.stderr
                    .contains(&format!("`{file}` is a file; beacon expects a folder here")),
                "{}",
                run.stderr
            );
        }
        assert!(!site.path("public").exists());
    }
    let site = TestSite::new();
    site.write("elsewhere.md", INCIDENT);
    site.write("content/incidents/b.MD", INCIDENT);
    site.write("content/incidents/c.markdown", INCIDENT);
    std::os::unix::fs::symlink(site.path("elsewhere.md"), site.path("content/incidents/a.md")).unwrap();
    let run = site.beacon(&["--quiet", "build", "--now", "2022-01-28T12:00:00Z"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("warning: content/incidents/b.MD:1:1: skipped: only files ending in `.md` are read; rename it to `b.md`"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("warning: content/incidents/c.markdown:1:1: skipped"),
        "{}",
        run.stderr
    );
    // The symlinked file stays inside the site, so it is read like any other.
    assert!(site.path("public/incidents/a/index.html").exists());
}

/// The class: every folder beacon reads (content, pages, templates, static, the theme) is
/// either a folder, missing, or an error; and every file beacon passes over in `content/` is
/// named in a warning.
#[test]
fn every_folder_beacon_reads_must_be_a_folder_and_every_skip_is_told() {
    for file in [
        "content/pages",
        "templates",
        "static",
        "themes/mine",
        "themes/mine/templates",
    ] {
        let site = TestSite::new();
        site.write(
            "config.toml",
            format!("theme = \"mine\"\n{}", crate::common::CONFIG),
        );
        if !file.starts_with("themes") {
            site.write("themes/mine/static/x.css", "");
        }
        site.write(file, "not a folder");
        let run = site.beacon(&["check"]);
        assert_ne!(run.code, 0, "{file}: check passed");
        assert!(
            run.stderr.contains("is a file") || run.stderr.contains("not found"),
            "{file}: {}",
            run.stderr
        );
    }
    let site = TestSite::new();
    site.write("content/outage.md", INCIDENT);
    site.write("content/pages/about.txt", "About");
    site.write("content/incidents/.swap.md", "junk");
    site.write("content/incidents/.git/x.md", "junk");
    let run = site.beacon(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("content/outage.md:1:1: skipped: beacon reads only"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/pages/about.txt:1:1: skipped"),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("swap") && !run.stderr.contains(".git"),
        "hidden files are skipped quietly: {}",
        run.stderr
    );
}

// --- Reaching outside the site ---

#[test]
fn symlinked_folders_and_theme_paths_reach_outside_the_site_root() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(outside.path().join("templates")).unwrap();
    std::fs::create_dir_all(outside.path().join("static")).unwrap();
    std::fs::write(outside.path().join("static/secret.txt"), "SECRET").unwrap();
    std::fs::write(outside.path().join("a.md"), INCIDENT).unwrap();
    for link in ["content/incidents", "static"] {
        let site = TestSite::new();
        std::fs::create_dir_all(site.path("content")).unwrap();
        let target = if link == "static" {
            outside.path().join("static")
        } else {
            outside.path().to_path_buf()
        };
        std::os::unix::fs::symlink(&target, site.path(link)).unwrap();
        for command in ["check", "build"] {
            let run = site.beacon(&[command, "--now", "2022-01-27T12:00:00Z"]);
            assert_eq!(run.code, 1, "{link} {command}: {}", run.stderr);
            assert!(
                run.stderr.contains("leads outside the site folder"),
                "{}",
                run.stderr
            );
        }
        assert!(!site.path("public").exists());
    }
    let absolute = outside.path().to_string_lossy().into_owned();
    for theme in [
        "../../../../elsewhere",
        absolute.as_str(),
        "..",
        "a/b",
        "a\\\\b",
        ".hidden",
        "",
    ] {
        let site = TestSite::new();
        site.write(
            "config.toml",
            format!("theme = \"{theme}\"\n{}", crate::common::CONFIG),
        );
        let run = site.beacon(&["build", "--now", "2022-01-27T12:00:00Z"]);
        assert_eq!(run.code, 1, "{theme}: {}", run.stderr);
        assert!(
            run.stderr.contains("config.toml:1:9: `theme`"),
            "{theme}: {}",
            run.stderr
        );
        assert!(run.stderr.contains("is not a folder name"), "{}", run.stderr);
    }
}

/// The class: no symlink anywhere beacon reads (a file or a folder, at any depth, in content,
/// templates, static or a theme, or config.toml itself) lets it read outside the site; links
/// that stay inside are followed.
#[test]
fn no_symlink_anywhere_reads_outside_and_inside_links_work() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("file.html"), "SECRET").unwrap();
    std::fs::write(outside.path().join("config.toml"), crate::common::CONFIG).unwrap();
    let places = [
        "content/incidents/deep/x.md",
        "content/pages/p.md",
        "templates/page.html",
        "static/deep/er/f.txt",
        "themes/mine/templates/base.html",
        "themes/mine/static/f.css",
        "config.toml",
    ];
    for place in places {
        let site = TestSite::new();
        site.write(
            "config.toml",
            format!("theme = \"mine\"\n{}", crate::common::CONFIG),
        );
        site.write("themes/mine/templates/.keep", "");
        if place == "config.toml" {
            std::fs::remove_file(site.path("config.toml")).unwrap();
        }
        std::fs::create_dir_all(site.path(place).parent().unwrap()).unwrap();
        let target = outside.path().join(if place == "config.toml" {
            "config.toml"
        } else {
            "file.html"
        });
        std::os::unix::fs::symlink(&target, site.path(place)).unwrap();
        let run = site.beacon(&["build", "--now", "2022-01-27T12:00:00Z"]);
        assert_eq!(run.code, 1, "{place}: {}", run.stderr);
        assert!(
            run.stderr.contains("leads outside the site folder"),
            "{place}: {}",
            run.stderr
        );
        assert!(!site.path("public").exists());
    }
    // Inside the site, a linked folder and a linked theme folder are fine.
    let site = TestSite::new();
    site.write(
        "config.toml",
        format!("theme = \"linked\"\n{}", crate::common::CONFIG),
    );
    site.write("shared/theme/static/theme.css", "body{}");
    site.write("shared/incidents/a.md", INCIDENT);
    std::fs::create_dir_all(site.path("themes")).unwrap();
    std::fs::create_dir_all(site.path("content")).unwrap();
    std::os::unix::fs::symlink(site.path("shared/theme"), site.path("themes/linked")).unwrap();
    std::os::unix::fs::symlink(site.path("shared/incidents"), site.path("content/incidents")).unwrap();
    site.build_at("2022-01-28T12:00:00Z");
    assert_eq!(site.read("public/theme.css"), "body{}");
    assert!(site.path("public/incidents/a/index.html").exists());
    // A loop is an error, not a hang.
    let site = TestSite::new();
    std::fs::create_dir_all(site.path("static/a")).unwrap();
    std::os::unix::fs::symlink(site.path("static"), site.path("static/a/loop")).unwrap();
    let run = site.beacon(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("loop"), "{}", run.stderr);
}

// --- Every unknown key ---

#[test]
fn one_diagnostic_per_file_for_unknown_keys() {
    let site = TestSite::new();
    site.write(
        "config.toml",
        format!(
            "titel = \"x\"\nbase_ur = \"y\"\nlanguag = \"en\"\n{}",
            crate::common::CONFIG
        ),
    );
    let run = site.beacon(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for (at, key) in [
        ("config.toml:1:1", "titel"),
        ("config.toml:2:1", "base_ur"),
        ("config.toml:3:1", "languag"),
    ] {
        assert!(
            run.stderr.contains(&format!("{at}: unknown key `{key}`")),
            "{at}: {}",
            run.stderr
        );
    }
    assert!(run.stderr.contains("error: 3 problems found"), "{}", run.stderr);
}

/// The class: every table of every kind of file (config sections, components, incident front
/// matter, updates in either form, pages) reports all its unknown keys in one run, alongside
/// the other problems of the file.
#[test]
fn every_unknown_key_in_every_table_of_every_file_is_reported() {
    let site = TestSite::new();
    let config = crate::common::CONFIG.replace("name = \"VPN\"", "name = \"VPN\"\ngrup = \"x\"")
        + "[uptime]\ndayz = 3\nweights = { major = 1.0, minor = 0.5 }\n[feeds]\nlimt = 1\n";
    site.write("config.toml", &config);
    let run = site.beacon(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for key in ["grup", "dayz", "minor", "limt"] {
        assert!(
            run.stderr.contains(&format!("unknown key `{key}`")),
            "{key}: {}",
            run.stderr
        );
    }
    site.write("config.toml", crate::common::CONFIG);
    site.write(
        "content/incidents/a.md",
        "+++\ntitle = \"A\"\ndat = 2022-01-01\ndate = 2022-01-01\nseverity = \"major\"\ncomponent = [\"email\"]\n[[updates]]\nwhen = 1\n+++\n",
    );
    site.write(
        "content/incidents/b.md",
        "+++\ntitle = \"B\"\ndate = 2022-01-01\nseverity = \"major\"\nupdates = [{ at = 2022-01-01, status = \"update\", txt = \"x\" }]\n+++\n",
    );
    site.write(
        "content/pages/p.md",
        "+++\ntitle = \"P\"\nwieght = 1\norder = 2\n+++\n",
    );
    let run = site.beacon(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for (at, key) in [
        ("content/incidents/a.md:3:1", "dat"),
        ("content/incidents/a.md:6:1", "component"),
        ("content/incidents/b.md:5:", "txt"),
        ("content/incidents/a.md:8:1", "when"),
        ("content/pages/p.md:3:1", "wieght"),
        ("content/pages/p.md:4:1", "order"),
    ] {
        assert!(
            run.stderr.contains(&format!("unknown key `{key}`")) && run.stderr.contains(at),
            "{at} {key}: {}",
            run.stderr
        );
    }
    // An unknown key does not hide another kind of problem in the same file.
    site.write("content/pages/p.md", "+++\ntitle = 3\norder = 2\n+++\n");
    let run = site.beacon(&["check"]);
    assert!(
        run.stderr.contains("p.md:2:9") && run.stderr.contains("p.md:3:1: unknown key `order`"),
        "{}",
        run.stderr
    );
}

// --- Every text field escaped for what its consumers treat it as ---

/// Text that turns into live markup wherever it is taken as HTML, and shows any double escape.
const HOSTILE: &str = "<script>alert(1)</script><img src=x onerror=alert(2)> & \"q\" 'a' &amp;";

/// Reads `html` the way a feed reader renders an HTML field: parsed as an HTML fragment. Panics
/// if it holds a script, an element with an event handler or an `<img>` the site never wrote;
/// returns the visible text.
fn rendered_text(field: &str, html: &str) -> String {
    let fragment = scraper::Html::parse_fragment(html);
    for element in fragment
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
    {
        let name = element.value().name();
        assert!(
            name != "script" && name != "img",
            "{field}: live <{name}> in {html:?}"
        );
        assert!(
            element.value().attrs().all(|(a, _)| !a.starts_with("on")),
            "{field}: event handler in {html:?}"
        );
    }
    fragment.root_element().text().collect()
}

fn hostile_site() -> TestSite {
    let site = TestSite::new();
    let toml_text = toml::Value::String(HOSTILE.to_string()).to_string();
    let config = crate::common::CONFIG
        .replace("title = \"Test Status\"", &format!("title = {toml_text}"))
        .replace(
            "description = \"Test site.\"",
            &format!("description = {toml_text}"),
        )
        .replace(
            "name = \"Email\"",
            &format!("name = {toml_text}\ndescription = {toml_text}"),
        );
    site.write("config.toml", config);
    site.write(
        "content/incidents/a.md",
        format!(
            "+++\ntitle = {toml_text}\ndate = 2022-01-27T07:40:00-05:00\nseverity = \"major\"\ncomponents = [\"email\"]\n[[updates]]\nat = 2022-01-27T08:00:00-05:00\nstatus = \"investigating\"\ntext = {toml_text}\n+++\nBody.\n"
        ),
    );
    site.build_at("2022-01-28T12:00:00Z");
    site
}

#[test]
fn rss_channel_description_carries_config_text_as_live_html() {
    let site = hostile_site();
    let feed = feed_rs::parser::parse(site.read("public/feed.xml").as_bytes()).unwrap();
    let description = feed.description.expect("channel description");
    assert_eq!(
        rendered_text("feed.xml channel description", &description.content),
        HOSTILE
    );
    let component = feed_rs::parser::parse(site.read("public/components/email/feed.xml").as_bytes()).unwrap();
    let description = component.description.expect("component channel description");
    assert_eq!(
        rendered_text("component feed description", &description.content),
        HOSTILE
    );
}

/// The class: every text field of every feed, read back as its consumers read it: plain-text
/// fields decode to exactly what the author wrote; HTML fields render it as text, never markup.
#[test]
fn every_feed_field_decodes_to_the_authors_text() {
    let site = hostile_site();
    let label = |text: &str| format!("[Major outage] {text}");
    for path in [
        "public/feed.xml",
        "public/atom.xml",
        "public/components/email/feed.xml",
    ] {
        let feed =
            feed_rs::parser::parse(site.read(path).as_bytes()).unwrap_or_else(|e| panic!("{path}: {e}"));
        // Titles are plain text in RSS (as readers show them) and `type="text"` in Atom.
        let title = feed.title.expect("title").content;
        assert!(
            title == HOSTILE || title == format!("{HOSTILE}: {HOSTILE}"),
            "{path} title: {title:?}"
        );
        let description = feed.description.expect("description").content;
        if path.ends_with("atom.xml") {
            // Atom `<subtitle>` has no `type`, so it is text: shown exactly as written.
            assert_eq!(description, HOSTILE, "{path}");
        } else {
            // RSS `<description>` is HTML to every reader.
            assert_eq!(
                rendered_text(&format!("{path} description"), &description),
                HOSTILE
            );
        }
        let entry = &feed.entries[0];
        assert_eq!(
            entry.title.as_ref().expect("entry title").content,
            label(HOSTILE),
            "{path}"
        );
        for category in &entry.categories {
            let shown = category.label.as_deref().unwrap_or(&category.term);
            assert!(
                shown == HOSTILE || category.term == "email",
                "{path} category: {category:?}"
            );
        }
        let html = entry
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
            .expect("entry HTML");
        let text = rendered_text(&format!("{path} entry"), &html);
        assert_eq!(
            text.matches(HOSTILE).count(),
            2,
            "{path}: component name and update text: {text}"
        );
    }
}

/// The class beyond feeds: every output file of a site whose every text field is hostile,
/// read with the parser its consumers use. HTML and SVG hold no markup from the text; JSON and
/// the calendar carry the text exactly (they are plain text to their readers, so an HTML
/// escape there would be a visible defect too).
#[test]
fn every_output_carries_hostile_text_as_text() {
    let site = hostile_site();
    let toml_text = toml::Value::String(HOSTILE.to_string()).to_string();
    site.write(
        "content/incidents/m.md",
        format!("+++\ntitle = {toml_text}\nkind = \"maintenance\"\ndate = 2022-02-01T07:40:00-05:00\nend = 2022-02-01T09:00:00-05:00\ncomponents = [\"email\"]\n+++\n"),
    );
    site.build_at("2022-01-28T12:00:00Z");
    let mut seen_json = 0;
    for (path, bytes) in crate::common::snapshot(&site.path("public")) {
        let text = String::from_utf8(bytes).unwrap_or_default();
        if path.ends_with(".html") {
            let doc = scraper::Html::parse_document(&text);
            for element in doc
                .root_element()
                .descendants()
                .filter_map(scraper::ElementRef::wrap)
            {
                let inner: String = element.text().collect();
                let name = element.value().name();
                assert!(
                    !(name == "script" && inner.contains("alert")),
                    "{path}: live script"
                );
                assert!(
                    name != "img" || element.value().attr("onerror").is_none(),
                    "{path}: live img"
                );
            }
        } else if path.ends_with(".svg") || path.ends_with(".xml") {
            let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
            for node in doc.descendants().filter(|n| n.is_element()) {
                let name = node.tag_name().name();
                assert!(name != "script" && name != "img", "{path}: live <{name}>");
                assert!(
                    node.attributes().all(|a| !a.name().starts_with("on")),
                    "{path}: handler"
                );
            }
        } else if path.ends_with(".json") {
            let value: serde_json::Value =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
            let mut strings = Vec::new();
            collect_strings(&value, &mut strings);
            for s in strings.iter().filter(|s| s.contains("alert")) {
                assert!(s.contains(HOSTILE), "{path}: {s:?} is not the text as written");
            }
            seen_json += usize::from(strings.iter().any(|s| s.contains(HOSTILE)));
        } else if path.ends_with(".ics") {
            let summaries = crate::common::event_summaries(&text);
            assert!(
                summaries.iter().any(|s| s.contains(HOSTILE)),
                "{path}: {summaries:?}"
            );
        }
    }
    assert!(seen_json >= 3, "the API carries the names and titles");
}

fn collect_strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(list) => list.iter().for_each(|v| collect_strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| collect_strings(v, out)),
        _ => {}
    }
}

// --- Authoring under concurrency ---

fn spawn_beacon(site: &TestSite, args: &[String]) -> std::process::Child {
    std::process::Command::new(env!("CARGO_BIN_EXE_beacon"))
        .arg("--root")
        .arg(site.root())
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn beacon")
}

#[test]
fn concurrent_beacon_update_runs_on_one_file_lose_updates() {
    let site = TestSite::new();
    site.write("content/incidents/a.md", INCIDENT);
    let children: Vec<_> = (0..20)
        .map(|n| {
            let args = [
                "update",
                "a",
                "--status",
                "update",
                &format!("Update number {n}."),
                "--now",
                "2022-01-27T09:00:00-05:00",
            ];
            spawn_beacon(&site, &args.map(String::from))
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let text = site.read("content/incidents/a.md");
    for n in 0..20 {
        assert!(
            text.contains(&format!("Update number {n}.")),
            "update {n} lost:\n{text}"
        );
    }
    let check = site.beacon(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    let leftovers: Vec<_> = std::fs::read_dir(site.path("content/incidents"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "temp files left: {leftovers:?}");
}

/// The class: every authoring command that writes races with the others on one file or one
/// name: update, resolve and new, mixed, never lose a write or replace a file.
#[test]
fn mixed_concurrent_authoring_never_loses_a_write() {
    let site = TestSite::new();
    site.write("content/incidents/a.md", INCIDENT);
    let mut children = Vec::new();
    for n in 0..8 {
        let args = [
            "update",
            "a",
            "--status",
            "identified",
            &format!("Mixed {n}."),
            "--now",
            "2022-01-27T09:00:00-05:00",
        ];
        children.push(spawn_beacon(&site, &args.map(String::from)));
        let args = [
            "new",
            "incident",
            "Same title",
            "--component",
            "vpn",
            "--now",
            "2022-01-27T09:00:00-05:00",
        ];
        children.push(spawn_beacon(&site, &args.map(String::from)));
    }
    children.push(spawn_beacon(
        &site,
        &["resolve", "a", "--now", "2022-01-27T10:00:00-05:00"].map(String::from),
    ));
    let failures: Vec<String> = children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .filter(|o| !o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stderr).into_owned())
        .collect();
    assert!(failures.is_empty(), "{failures:?}");
    let text = site.read("content/incidents/a.md");
    for n in 0..8 {
        assert!(text.contains(&format!("Mixed {n}.")), "update {n} lost:\n{text}");
    }
    assert!(text.contains("resolved = "), "{text}");
    let news = crate::common::snapshot(&site.path("content/incidents/2022"));
    assert_eq!(
        news.len(),
        8,
        "each `new` has its own file: {:?}",
        news.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    assert_eq!(site.beacon(&["check"]).code, 0);
}

// --- Text that looks like the front-matter fence ---

#[test]
fn multi_line_text_containing_a_line_plus_plus_plus_is_refused() {
    let site = TestSite::new();
    let text = "Step one.\n+++\nStep two.";
    let now = ["--now", "2022-01-27T09:00:00-05:00"];
    let title = "Mail down\n+++\nagain";
    let run = site.beacon(&[&["new", "incident", title, "--component", "email"][..], &now].concat());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let created = run.stdout.trim().strip_prefix("created ").unwrap().to_string();
    let slug = std::path::Path::new(&created)
        .file_stem()
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let run = site.beacon(&[&["update", &slug, "--status", "identified", text][..], &now].concat());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = site.beacon(&["resolve", &slug, text, "--now", "2022-01-27T10:00:00-05:00"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(site.beacon(&["check"]).code, 0);
    site.build_at("2022-01-28T00:00:00Z");
    let incidents: serde_json::Value =
        serde_json::from_str(&site.read("public/api/v2/incidents.json")).unwrap();
    let bodies: Vec<&str> = incidents["incidents"][0]["incident_updates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["body"].as_str().unwrap())
        .collect();
    assert_eq!(bodies.iter().filter(|b| **b == text).count(), 2, "{bodies:?}");
}

/// The class: every text an authoring command writes (titles and update texts, in files with
/// LF or CRLF endings), holding any line that reads as a fence, or TOML's own quote runs, comes
/// back exactly as given and leaves the file valid.
#[test]
fn every_written_text_survives_any_fence_like_line() {
    let texts = [
        "+++",
        "a\n+++\nb",
        "a\n+++  \t\nb",
        "a\r\n+++\r\nb",
        "'''\n+++\n\"\"\"",
        "\n\n+++\n\n",
    ];
    for (n, text) in texts.iter().enumerate() {
        for crlf in [false, true] {
            let site = TestSite::new();
            let incident = if crlf {
                INCIDENT.replace('\n', "\r\n")
            } else {
                INCIDENT.to_string()
            };
            site.write("content/incidents/a.md", &incident);
            let run = site.beacon(&[
                "update",
                "a",
                "--status",
                "update",
                text,
                "--now",
                "2022-01-27T09:00:00-05:00",
            ]);
            assert_eq!(run.code, 0, "{n} {crlf}: {}", run.stderr);
            let run = site.beacon(&[
                "new",
                "incident",
                &format!("T{n}{text}"),
                "--now",
                "2022-01-27T09:00:00-05:00",
            ]);
            assert!(
                run.code == 0 || run.stderr.contains("title"),
                "{n}: {}",
                run.stderr
            );
            let check = site.beacon(&["check"]);
            assert_eq!(
                check.code,
                0,
                "{n} {crlf}: {}\n{}",
                check.stderr,
                site.read("content/incidents/a.md")
            );
            let file = site.read("content/incidents/a.md");
            let front = beacon::content::front_matter::split_front_matter(&file)
                .unwrap()
                .front_matter
                .replace("\r\n", "\n");
            let table: toml::Table = toml::from_str(&front).unwrap();
            let written = table["updates"].as_array().unwrap()[0]["text"]
                .as_str()
                .unwrap()
                .to_string();
            // A text is stored trimmed, and line endings follow the file's.
            assert_eq!(
                written.replace("\r\n", "\n"),
                text.trim().replace("\r\n", "\n"),
                "{n} {crlf}"
            );
        }
    }
}

// --- The error messages that misled users ---

#[test]
fn end_before_start_prints_two_identical_times() {
    let site = TestSite::new();
    let run = site.beacon(&[
        "new",
        "maintenance",
        "M",
        "--start",
        "2022-01-27",
        "--end",
        "2022-01-26",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "--end 2022-01-26 (up to the end of that day, 2022-01-27T00:00:00-05:00) must come after --start 2022-01-27 (2022-01-27T00:00:00-05:00)"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn status_fixed_lists_resolved_as_valid_and_it_is_refused() {
    let site = TestSite::new();
    site.write("content/incidents/a.md", INCIDENT);
    let run = site.beacon(&["update", "a", "--status", "fixed", "x"]);
    assert_eq!(run.code, 2);
    let offered = run
        .stderr
        .split("expected one of ")
        .nth(1)
        .expect("a list")
        .to_string();
    // Every status the message offers is one `beacon update` accepts on some file.
    let words: Vec<&str> = offered
        .split(|c: char| !c.is_ascii_lowercase() && c != '_')
        .filter(|w| {
            [
                "investigating",
                "identified",
                "monitoring",
                "resolved",
                "update",
                "postmortem",
                "scheduled",
                "in_progress",
                "completed",
            ]
            .contains(w)
        })
        .collect();
    assert!(!words.contains(&"resolved"), "{}", run.stderr);
    assert!(run.stderr.contains("beacon resolve"), "{}", run.stderr);
    for status in words {
        let site = TestSite::new();
        let maintenance = ["scheduled", "in_progress", "completed"].contains(&status);
        let text = if maintenance {
            "+++\ntitle = \"M\"\nkind = \"maintenance\"\ndate = 2022-01-27T07:40:00-05:00\nend = 2022-01-27T09:00:00-05:00\n+++\n"
        } else {
            INCIDENT
        };
        site.write("content/incidents/a.md", text);
        let run = site.beacon(&[
            "update",
            "a",
            "--status",
            status,
            "x",
            "--now",
            "2022-01-27T08:00:00-05:00",
        ]);
        assert_eq!(run.code, 0, "{status} was offered but refused: {}", run.stderr);
    }
}

#[test]
fn now_as_a_date_is_refused_though_new_date_accepts_dates() {
    let site = TestSite::new();
    site.write("content/incidents/a.md", INCIDENT);
    let run = site.beacon(&["build", "--now", "2022-01-28"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("(as of 2022-01-28T05:00:00+00:00)"),
        "midnight in New York: {}",
        run.stdout
    );
    // The class: every command's --now reads what new --date reads.
    for args in [
        vec!["check", "--now", "2022-01-28 09:00"],
        vec!["update", "a", "--status", "update", "x", "--now", "2022-01-28"],
        vec!["resolve", "a", "--now", "2022-01-28T10:00"],
        vec!["new", "incident", "X", "--now", "2022-01-28"],
    ] {
        let run = site.beacon(&args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    }
}

#[test]
fn one_incidents() {
    let site = TestSite::new();
    site.write("content/incidents/a.md", INCIDENT);
    let run = site.beacon(&["check"]);
    assert!(
        run.stdout.contains("1 incident or maintenance window,"),
        "{}",
        run.stdout
    );
    let run = site.beacon(&["--verbose", "build", "--now", "2022-01-28T00:00:00Z"]);
    assert!(
        run.stderr.contains("loaded 1 incident and 0 pages"),
        "{}",
        run.stderr
    );
    site.write("content/incidents/a.md", "+++\ntitle = 1\n+++\n");
    let run = site.beacon(&["check"]);
    assert!(run.stderr.contains("error: 1 problem found"), "{}", run.stderr);
}

/// The class of counts: every count the CLI prints, at 1 and at 2, agrees in number.
#[test]
fn every_count_the_cli_prints_agrees_with_its_number() {
    let site = TestSite::new();
    site.write(
        "config.toml",
        crate::common::CONFIG
            .split("\n[[components]]")
            .next()
            .unwrap()
            .to_string()
            + "\n[[components]]\nid = \"email\"\nname = \"Email\"\n",
    );
    site.write("content/incidents/a.md", INCIDENT);
    site.write("content/pages/p.md", "+++\ntitle = \"P\"\n+++\n");
    let mut printed = String::new();
    for args in [
        vec!["check"],
        vec!["--verbose", "build", "--now", "2022-01-28T00:00:00Z"],
    ] {
        let run = site.beacon(&args);
        printed.push_str(&run.stdout);
        printed.push_str(&run.stderr);
    }
    // An output folder holding one file beacon did not write is refused with a count too.
    site.write("elsewhere/mine.txt", "mine");
    let elsewhere = site.root().join("elsewhere");
    let refused = site.beacon(&["build", "--output", elsewhere.to_str().unwrap()]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    printed.push_str(&refused.stderr);
    site.write("content/incidents/a.md", "+++\ntitle = 1\n+++\n");
    printed.push_str(&site.beacon(&["check"]).stderr);
    let words: Vec<&str> = printed
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '(')
        .collect();
    for pair in words.windows(2) {
        if pair[0] == "1" {
            assert!(
                !pair[1].ends_with('s') || pair[1] == "ms",
                "\"1 {}\" in:\n{printed}",
                pair[1]
            );
        }
    }
    assert!(
        printed.contains("1 component,")
            && printed.contains("1 page;")
            && printed.contains("holds 1 file beacon did not write"),
        "{printed}"
    );
}

#[test]
fn a_missing_site_folder_gets_no_hint_of_root_or_init() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope");
    for args in [
        vec!["check"],
        vec!["build"],
        vec!["update", "a", "--status", "update", "x"],
        vec!["new", "incident", "X"],
    ] {
        let run: crate::common::Run = std::process::Command::new(env!("CARGO_BIN_EXE_beacon"))
            .arg("--root")
            .arg(&missing)
            .args(&args)
            .output()
            .unwrap()
            .into();
        assert_eq!(run.code, 2, "{args:?}");
        assert!(
            run.stderr.contains("does not exist")
                && run.stderr.contains("--root")
                && run.stderr.contains("beacon init"),
            "{args:?}: {}",
            run.stderr
        );
    }
    let run: crate::common::Run = std::process::Command::new(env!("CARGO_BIN_EXE_beacon"))
        .current_dir(dir.path())
        .arg("check")
        .output()
        .unwrap()
        .into();
    assert!(
        run.stderr.contains("the current folder has no config.toml"),
        "{}",
        run.stderr
    );
    assert!(!missing.exists(), "nothing is created");
}

/// The class of "wrong acceptance" in authoring: no command writes a file `check` refuses,
/// even at the edges of the accepted range (init dates its example two days before now).
#[test]
fn no_authoring_command_writes_a_file_check_refuses_at_the_range_edges() {
    for now in [
        "1900-01-01T00:00:00Z",
        "1900-01-03T12:00:00Z",
        "9998-12-31T23:59:59Z",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        let run: crate::common::Run = std::process::Command::new(env!("CARGO_BIN_EXE_beacon"))
            .arg("--root")
            .arg(&root)
            .args(["init", "--now", now])
            .output()
            .unwrap()
            .into();
        if run.code != 0 {
            assert_eq!(run.code, 2, "{now}: {}", run.stderr);
            assert!(run.stderr.contains("outside the range"), "{now}: {}", run.stderr);
            assert!(!root.join("config.toml").exists(), "{now}: nothing written");
            continue;
        }
        let check: crate::common::Run = std::process::Command::new(env!("CARGO_BIN_EXE_beacon"))
            .arg("--root")
            .arg(&root)
            .args(["check", "--now", now])
            .output()
            .unwrap()
            .into();
        assert_eq!(check.code, 0, "{now}: {}", check.stderr);
    }
    let site = TestSite::new();
    for args in [
        vec!["new", "incident", "X", "--now", "1900-01-01T00:00:00Z"],
        vec![
            "new",
            "maintenance",
            "M",
            "--start",
            "9998-12-30",
            "--end",
            "9998-12-30",
            "--now",
            "9998-12-01T00:00:00Z",
        ],
    ] {
        let run = site.beacon(&args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        let check = site.beacon(&["check", "--now", "9998-12-31T00:00:00Z"]);
        assert_eq!(check.code, 0, "{args:?}: {}", check.stderr);
    }
}

#[test]
fn unclosed_bidi_overrides_in_author_text_cannot_reorder_what_follows() {
    // "Mail U+202E gnp.exe" left open would show the page title's " – Test Status" reversed in the
    // browser tab, and likewise whatever a catalogue puts after a title in a feed or calendar.
    let site = TestSite::new();
    site.write(
        "content/incidents/mail.md",
        INCIDENT.replace("Mail down", "Mail \u{202E} gnp.exe").replace(
            "+++\nBody",
            "[[updates]]\nat = 2022-01-27T08:00:00-05:00\nstatus = \"investigating\"\ntext = \"Look \u{2067}here\"\n+++\nBody",
        ),
    );
    site.build_at("2022-02-01T12:00:00Z");
    let title = crate::common::page_title(&site.read("public/incidents/mail/index.html"));
    let closed = title
        .find("gnp.exe\u{202C}")
        .expect("the override is closed after the title");
    assert!(title[closed..].contains("Test Status"), "{title:?}");
    let feed = feed_rs::parser::parse(site.read("public/feed.xml").as_bytes()).unwrap();
    let item = feed.entries[0].title.as_ref().unwrap().content.clone();
    assert!(item.ends_with("gnp.exe\u{202C}"), "{item:?}");
    let json = site.read("public/api/v2/incidents.json");
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["incidents"][0]["name"], "Mail \u{202E} gnp.exe\u{202C}");
    let update = json["incidents"][0]["incident_updates"][0]["body"]
        .as_str()
        .unwrap();
    assert_eq!(update, "Look \u{2067}here\u{2069}");
}

// The same class in the texts of config.toml: a component named with an open override must not
// reverse the " – site title" that follows it in its page's <title>.
#[test]
fn unclosed_bidi_overrides_in_config_texts_are_closed_too() {
    let site = TestSite::new();
    site.write(
        "config.toml",
        crate::common::CONFIG.replace("name = \"VPN\"", "name = \"VPN \u{202E}nip\""),
    );
    site.build_at("2022-02-01T12:00:00Z");
    let title = crate::common::page_title(&site.read("public/components/vpn/index.html"));
    let closed = title
        .find("nip\u{202C}")
        .expect("the override is closed after the name");
    assert!(title[closed..].contains("Test Status"), "{title:?}");
}

// Every TEXT property of the calendar is escaped exactly once: the site title's line break,
// comma and semicolon read the same in NAME and X-WR-CALNAME (the crate escapes the latter
// itself; escaping it here as well showed a literal `\n`).
#[test]
fn calendar_names_are_escaped_once() {
    let site = TestSite::new();
    site.write(
        "config.toml",
        crate::common::CONFIG.replace("title = \"Test Status\"", "title = \"A\\nB, C; D\""),
    );
    site.build_at("2022-02-01T12:00:00Z");
    let ics = site.read("public/maintenance.ics").replace("\r\n ", "");
    let value = |name: &str| {
        ics.lines()
            .find_map(|line| line.strip_prefix(name))
            .unwrap_or_else(|| panic!("no {name} in {ics}"))
            .to_string()
    };
    assert_eq!(value("NAME:"), "A\\nB\\, C\\; D: maintenance");
    assert_eq!(value("X-WR-CALNAME:"), value("NAME:"));
}
