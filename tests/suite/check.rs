//! `beacon check` and loading: every validation rule with its own input, asserting the exact
//! `path:line:column: message` a user sees, and that odd but valid files are accepted.

use crate::common::{snapshot, TestSite};

/// Writes one incident file into a fresh test site and runs `beacon check`.
fn check_incident(name: &str, text: &str) -> crate::common::Run {
    let site = TestSite::new();
    site.write(&format!("content/incidents/{name}"), text);
    site.beacon(&["check"])
}

/// The first line of each reported problem (`path:line:column: message`).
fn problems(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.starts_with("content/") || l.starts_with("config.toml"))
        .collect()
}

/// Asserts the run failed with exit 1 and exactly these problem lines.
fn assert_problems(run: &crate::common::Run, expected: &[&str]) {
    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    assert_eq!(problems(&run.stderr), expected, "stderr:\n{}", run.stderr);
}

const VALID: &str = r#"+++
title = "Email down"
date = 2022-01-27T07:40:00-05:00
resolved = 2022-01-27T15:10:00-05:00
severity = "major"
components = ["email"]

[[updates]]
at = 2022-01-27T15:10:00-05:00
status = "resolved"
text = "Fixed."
+++
Body.
"#;

#[test]
fn valid_site_checks_clean() {
    let run = check_incident("a.md", VALID);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("ok:"), "{}", run.stdout);
}

#[test]
fn example_site_checks_clean() {
    let run = TestSite::example().beacon(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

// Odd but valid: byte-order mark, CRLF, trailing spaces after the fences, Unicode, `+++` in
// the body, a subfolder.
#[test]
fn bom_crlf_trailing_spaces_and_unicode_are_accepted() {
    let text = format!(
        "\u{feff}{}",
        VALID.replace("+++\n", "+++  \n").replace('\n', "\r\n")
    )
    .replace("Email down", "Courriel en panne — 電子メール障害 🚨")
    .replace("Body.", "Body.\r\n+++\r\nstill body");
    let site = TestSite::new();
    site.write("content/incidents/2022/a.md", text);
    let run = site.beacon(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn offending_line_is_shown_under_the_location() {
    let run = check_incident("a.md", &VALID.replace("\"major\"", "\"majr\""));
    assert!(
        run.stderr
            .contains(" 5 | severity = \"majr\"\n   |            ^^^^^^\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn unknown_front_matter_key_is_rejected_with_a_suggestion() {
    let run = check_incident("a.md", &VALID.replace("severity =", "severty ="));
    assert_problems(&run, &["content/incidents/a.md:5:1: unknown key `severty`; did you mean `severity`? (expected one of `title`, `kind`, `slug`, `date`, `resolved`, `end`, `severity`, `components`, `impact`, `pinned`, `draft`, `automated`, `source`, `updates`)"]);
}

#[test]
fn unknown_config_key_is_rejected_with_a_suggestion() {
    let site = TestSite::new();
    site.write(
        "config.toml",
        format!("descriptoin = \"x\"\n{}", crate::common::CONFIG),
    );
    let run = site.beacon(&["check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .starts_with("config.toml:1:1: unknown key `descriptoin`; did you mean `description`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn unknown_component_is_rejected_with_a_suggestion() {
    let run = check_incident("a.md", &VALID.replace("[\"email\"]", "[\"emial\"]"));
    assert_problems(
        &run,
        &["content/incidents/a.md:6:15: unknown component `emial`; did you mean `email`?"],
    );
}

#[test]
fn unknown_component_in_impact_points_at_its_key() {
    let run = check_incident(
        "a.md",
        &VALID.replace("components = [\"email\"]", "impact = { vpm = \"partial\" }"),
    );
    assert_problems(
        &run,
        &["content/incidents/a.md:6:12: unknown component `vpm`; did you mean `vpn`?"],
    );
}

#[test]
fn bad_slugs_are_rejected() {
    let run = check_incident("Email Down.md", VALID);
    assert_problems(&run, &["content/incidents/Email Down.md:2:1: the file name `Email Down` is not a valid slug ([a-z0-9][a-z0-9-]*); rename the file or set `slug = \"...\"`"]);
    let run = check_incident(
        "a.md",
        &VALID.replace("severity =", "slug = \"-email\"\nseverity ="),
    );
    assert_problems(
        &run,
        &["content/incidents/a.md:5:8: slug `-email` must match [a-z0-9][a-z0-9-]*"],
    );
}

#[test]
fn duplicate_slugs_name_both_files() {
    let site = TestSite::new();
    site.write("content/incidents/2021/email.md", VALID);
    site.write(
        "content/incidents/2022/other.md",
        VALID.replace("severity =", "slug = \"email\"\nseverity ="),
    );
    let run = site.beacon(&["check"]);
    assert_problems(&run, &["content/incidents/2022/other.md:1:1: slug `email` is already used by content/incidents/2021/email.md"]);
}

#[test]
fn resolved_before_date_is_rejected() {
    let run = check_incident(
        "a.md",
        &VALID.replace("resolved = 2022-01-27T15:10", "resolved = 2022-01-27T06:10"),
    );
    assert_problems(
        &run,
        &["content/incidents/a.md:4:12: `resolved` 2022-01-27T06:10:00-05:00 comes before `date` 2022-01-27T07:40:00-05:00"],
    );
}

#[test]
fn resolved_update_without_resolved_time_is_rejected() {
    let run = check_incident(
        "a.md",
        &VALID.replace("resolved = 2022-01-27T15:10:00-05:00\n", ""),
    );
    assert_problems(
        &run,
        &["content/incidents/a.md:9:10: a `resolved` update needs a `resolved` time in the front matter"],
    );
}

#[test]
fn maintenance_without_end_is_rejected() {
    let text = "+++\ntitle = \"Upgrade\"\nkind = \"maintenance\"\ndate = 2026-12-05T22:00:00-05:00\n+++\n";
    let run = check_incident("m.md", text);
    assert_problems(
        &run,
        &["content/incidents/m.md:4:8: maintenance needs an `end` (its scheduled end)"],
    );
}

#[test]
fn unknown_severity_and_status_are_rejected() {
    let run = check_incident("a.md", &VALID.replace("\"major\"", "\"critical\""));
    assert_problems(&run, &["content/incidents/a.md:5:12: unknown value `critical` (expected one of `notice`, `degraded`, `partial`, `major`)"]);
    let run = check_incident(
        "a.md",
        &VALID.replace("status = \"resolved\"", "status = \"reslved\""),
    );
    assert!(
        problems(&run.stderr)[0]
            .starts_with("content/incidents/a.md:10:10: unknown value `reslved`; did you mean `resolved`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn status_of_the_other_kind_is_rejected() {
    let run = check_incident(
        "a.md",
        &VALID.replace("status = \"resolved\"", "status = \"scheduled\""),
    );
    assert_problems(&run, &["content/incidents/a.md:10:10: status `scheduled` is not for incidents; expected one of investigating, identified, monitoring, resolved, update, postmortem"]);
}

#[test]
fn malformed_dates_are_rejected() {
    let run = check_incident(
        "a.md",
        &VALID.replace("date = 2022-01-27T07:40:00-05:00", "date = \"27/01/2022\""),
    );
    assert_problems(&run, &["content/incidents/a.md:3:8: `date`: `27/01/2022` is not a date; expected one like 2022-01-27T07:40:00-05:00, 2022-01-27T07:40 or 2022-01-27"]);
    // A TOML syntax error in the datetime itself.
    let run = check_incident(
        "a.md",
        &VALID.replace("date = 2022-01-27T07:40:00-05:00", "date = 2022-01-32T07:40:00"),
    );
    assert_eq!(problems(&run.stderr).len(), 1, "{}", run.stderr);
    assert!(
        problems(&run.stderr)[0].starts_with("content/incidents/a.md:3:"),
        "{}",
        run.stderr
    );
}

// The local time 02:30 on 10 March 2024 never happened in New York: clocks jumped 02:00 → 03:00.
#[test]
fn local_time_skipped_by_daylight_saving_is_rejected() {
    let text = VALID
        .replace("date = 2022-01-27T07:40:00-05:00", "date = 2024-03-10T02:30:00")
        .replace("2022-01-27T15:10:00-05:00", "2024-03-10T15:10:00-04:00");
    let run = check_incident("a.md", &text);
    assert_problems(&run, &["content/incidents/a.md:3:8: `date`: 2024-03-10T02:30 does not exist in America/New_York (the clocks skip it for daylight saving); write the offset explicitly"]);
}

#[test]
fn wrong_types_are_rejected() {
    let run = check_incident("a.md", &VALID.replace("title = \"Email down\"", "title = 42"));
    assert_problems(
        &run,
        &["content/incidents/a.md:2:9: invalid type: integer `42`, expected a string"],
    );
    let run = check_incident(
        "a.md",
        &VALID.replace("components = [\"email\"]", "components = \"email\""),
    );
    assert_problems(
        &run,
        &["content/incidents/a.md:6:14: invalid type: string \"email\", expected a sequence"],
    );
}

#[test]
fn files_that_are_not_content_get_clear_errors() {
    let cases: [(&str, &[u8], &str); 5] = [
        ("empty.md", b"", "content/incidents/empty.md:1:1: the file is empty; expected TOML front matter between `+++` lines"),
        ("plain.md", b"# Just markdown\n", "content/incidents/plain.md:1:1: expected `+++` to open the TOML front matter"),
        ("unclosed.md", b"+++\ntitle = \"x\"\n", "content/incidents/unclosed.md:1:1: the front matter opened here is never closed; expected a `+++` line after it"),
        ("yaml.md", b"---\ntitle: x\n---\n", "content/incidents/yaml.md:1:1: expected `+++` to open the TOML front matter (YAML front matter between `---` lines is not supported; use TOML between `+++`)"),
        ("latin1.md", b"+++\ntitle = \"caf\xe9\"\n+++\n", "content/incidents/latin1.md:2:13: this byte is not valid UTF-8; save the file as UTF-8 (it looks like another encoding, such as Windows-1252)"),
    ];
    for (name, bytes, expected) in cases {
        let site = TestSite::new();
        site.write(&format!("content/incidents/{name}"), bytes);
        let run = site.beacon(&["check"]);
        assert_problems(&run, &[expected]);
    }
}

#[test]
fn config_problems_are_all_reported() {
    let site = TestSite::new();
    site.write(
        "config.toml",
        crate::common::CONFIG.replace("America/New_York", "Mars/Olympus") + "[[components]]\nid = \"VPN\"\nname = \"x\"\n[[components]]\nid = \"vpn\"\nname = \"y\"\n[uptime]\ndays = -5\n",
    );
    let run = site.beacon(&["check"]);
    let lines = problems(&run.stderr);
    assert_eq!(run.code, 1);
    assert_eq!(
        lines,
        [
            "config.toml:4:12: unknown time zone `Mars/Olympus` (expected an IANA name like \"America/New_York\")",
            "config.toml:26:8: `uptime.days` must be a whole number above 0, found -5",
            "config.toml:20:6: component id `VPN` must be lowercase letters, digits and `-`",
            "config.toml:23:6: component id `vpn` is used twice",
        ],
        "{}",
        run.stderr
    );
}

// Collect, don't stop: three broken files give three problems in one run.
#[test]
fn three_broken_files_are_all_listed() {
    let site = TestSite::fixture("three-broken");
    let run = site.beacon(&["check"]);
    let lines = problems(&run.stderr);
    assert_eq!(run.code, 1);
    assert_eq!(lines.len(), 3, "{}", run.stderr);
    for file in ["bad-date.md", "bad-component.md", "no-front-matter.md"] {
        assert!(
            lines.iter().any(|l| l.contains(file)),
            "{file} not reported:\n{}",
            run.stderr
        );
    }
    assert!(
        run.stderr.ends_with("error: 3 problems found\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn missing_config_is_an_io_error() {
    let site = TestSite::new();
    std::fs::remove_file(site.path("config.toml")).unwrap();
    let run = site.beacon(&["check"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("config.toml"), "{}", run.stderr);
}

#[test]
fn drafts_are_validated_and_skipped_unless_asked_for() {
    let site = TestSite::new();
    site.write(
        "content/incidents/a.md",
        VALID.replace("severity =", "draft = true\nseverity ="),
    );
    assert_eq!(site.beacon(&["check"]).code, 0);
    site.write(
        "content/incidents/b.md",
        VALID.replace("severity =", "draft = true\nseverty ="),
    );
    assert_eq!(site.beacon(&["check"]).code, 1);
}

// A failed build changes nothing in the output folder.
#[test]
fn failing_build_leaves_output_untouched() {
    let site = TestSite::new();
    site.build_at("2022-01-28T00:00:00Z");
    let before = snapshot(&site.path("public"));
    site.write("content/incidents/a.md", VALID.replace("\"major\"", "\"huge\""));
    let run = site.beacon(&["build", "--now", "2022-01-28T00:00:00Z"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(snapshot(&site.path("public")), before);
    let stray: Vec<_> = site.names().into_iter().filter(|n| n.starts_with('.')).collect();
    assert!(stray.is_empty(), "staging left behind: {stray:?}");
}

#[test]
fn failing_first_build_leaves_no_output_and_no_staging() {
    let site = TestSite::new();
    site.write("content/incidents/a.md", VALID);
    // Found at commit, when every page is rendered into the staging folder: a file of
    // static/ where the incidents' folder goes.
    site.write("static/incidents", "x");
    let run = site.beacon(&["build", "--now", "2022-01-28T00:00:00Z"]);
    assert_ne!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("a file and a folder at once"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("staging"), "{}", run.stderr);
    assert_eq!(site.names(), ["config.toml", "content", "static"]);
}
