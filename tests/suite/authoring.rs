//! `beacon init`, `new`, `update` and `resolve`: the files they write validate, and edits keep
//! the rest of the file as the author wrote it.

use crate::common::{snapshot, TestSite};

/// An incident written by hand: comments in the front matter, on the keys and in the timeline.
const HAND_WRITTEN: &str = r#"+++
# Written by the on-call engineer; keep this comment.
title = "Email delays"
date = 2022-01-27T07:40:00-05:00   # first reports
severity = "partial"
components = ["email"]
# impact = { vpn = "degraded" }    # maybe later

[[updates]]
at = 2022-01-27T08:05:00-05:00
status = "investigating"   # from the service desk
text = "Mail is slow to arrive."
+++
Body, **as written**.
"#;

const NOW: &str = "2022-01-27T12:00:00-05:00";

fn empty_site() -> TestSite {
    TestSite {
        dir: tempfile::tempdir().expect("temp dir"),
    }
}

// Protects the promise of `init`: a new site that checks and builds at once.
#[test]
fn init_then_build_succeeds() {
    let site = empty_site();
    let run = site.beacon(&["init", "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("created a new site in "), "{}", run.stdout);
    for file in [
        "config.toml",
        "README.md",
        ".gitignore",
        ".github/workflows/publish.yml",
        "content/incidents/2022/2022-01-25-slow-api-responses.md",
    ] {
        assert!(site.path(file).is_file(), "{file} missing");
    }
    let check = site.beacon(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(
        check
            .stdout
            .contains("3 components, 1 incident or maintenance window,"),
        "{}",
        check.stdout
    );
    site.build_at(NOW);
    assert!(site.path("public").is_dir());
}

#[test]
fn init_into_a_named_folder_creates_it() {
    let site = empty_site();
    let target = site.path("status");
    let run = site.beacon(&["init", target.to_str().expect("utf-8 temp path")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(target.join("config.toml").is_file());
}

#[test]
fn init_refuses_to_overwrite_a_site() {
    let site = TestSite::new();
    let before = snapshot(site.root());
    let run = site.beacon(&["init"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("already has config.toml"), "{}", run.stderr);
    assert_eq!(snapshot(site.root()), before, "init wrote into an existing site");
}

#[test]
fn new_incident_writes_a_valid_file_named_by_date_and_title() {
    let site = TestSite::new();
    let run = site.beacon(&[
        "new",
        "incident",
        "Café Wi-Fi: can't connect",
        "--severity",
        "partial",
        "--component",
        "email",
        "--component",
        "vpn",
        "--date",
        "2022-01-27 07:40",
        "--now",
        NOW,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let path = "content/incidents/2022/2022-01-27-cafe-wi-fi-cant-connect.md";
    assert!(run.stdout.trim().ends_with(path), "{}", run.stdout);
    let text = site.read(path);
    assert!(text.contains("title = \"Café Wi-Fi: can't connect\""), "{text}");
    assert!(text.contains("date = 2022-01-27T07:40:00-05:00"), "{text}");
    assert!(text.contains("severity = \"partial\""), "{text}");
    assert!(text.contains("components = [\"email\", \"vpn\"]"), "{text}");
    // The first update is posted now, after impact began.
    assert!(text.contains("at = 2022-01-27T12:00:00-05:00"), "{text}");
    let check = site.beacon(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);

    // The same title on the same day gets the next free slug.
    let again = site.beacon(&["new", "incident", "Café Wi-Fi: can't connect", "--now", NOW]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again.stdout.contains("2022-01-27-cafe-wi-fi-cant-connect-2.md"),
        "{}",
        again.stdout
    );
    assert!(site
        .read("content/incidents/2022/2022-01-27-cafe-wi-fi-cant-connect-2.md")
        .contains("severity = \"major\""));
    assert_eq!(site.beacon(&["check"]).code, 0);
}

/// The comments of a new file name it by its slug; a title that says SLUG keeps the word.
#[test]
fn new_puts_the_slug_in_its_comments_only() {
    let site = TestSite::new();
    let run = site.beacon(&["new", "incident", "SLUG lookups fail", "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let path = format!(
        "content/incidents/{}/{}-slug-lookups-fail.md",
        &NOW[..4],
        &NOW[..10]
    );
    let text = site.read(&path);
    assert!(text.contains("title = \"SLUG lookups fail\""), "{text}");
    assert!(
        text.contains(&format!("# `beacon resolve {}-slug-lookups-fail`", &NOW[..10])),
        "{text}"
    );
}

#[test]
fn new_refuses_an_unknown_component_with_a_suggestion() {
    let site = TestSite::new();
    let run = site.beacon(&[
        "new",
        "incident",
        "Mail down",
        "--component",
        "emial",
        "--now",
        NOW,
    ]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: unknown component `emial`; did you mean `email`? (known: email, mobile-email, vpn)\n"
    );
    assert!(!site.path("content").exists(), "a file was written");
}

#[test]
fn new_maintenance_writes_a_valid_window() {
    let site = TestSite::new();
    let run = site.beacon(&[
        "new",
        "maintenance",
        "VPN upgrade",
        "--start",
        "2022-02-01 22:00",
        "--end",
        "2022-02-02T01:00:00-05:00",
        "--component",
        "vpn",
        "--now",
        NOW,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = site.read("content/incidents/2022/2022-02-01-vpn-upgrade.md");
    assert!(text.contains("kind = \"maintenance\""), "{text}");
    assert!(text.contains("date = 2022-02-01T22:00:00-05:00"), "{text}");
    assert!(text.contains("end = 2022-02-02T01:00:00-05:00"), "{text}");
    assert!(text.contains("status = \"scheduled\""), "{text}");
    assert_eq!(site.beacon(&["check"]).code, 0);

    let backwards = site.beacon(&[
        "new",
        "maintenance",
        "X",
        "--start",
        "2022-02-02",
        "--end",
        "2022-02-01",
    ]);
    assert_eq!(backwards.code, 2);
    assert!(backwards.stderr.contains("--end"), "{}", backwards.stderr);
}

// Protects the contract's promise for editing commands: the rest of the file stays as written.
#[test]
fn update_and_resolve_keep_comments_and_the_file_still_checks() {
    let site = TestSite::new();
    let path = "content/incidents/2022/2022-01-27-email-delays.md";
    site.write(path, HAND_WRITTEN);

    let run = site.beacon(&[
        "update",
        "2022-01-27-email-delays",
        "--status",
        "identified",
        "--now",
        "2022-01-27T09:30:00-05:00",
        "A full queue on one server.",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("identified"), "{}", run.stdout);
    let run = site.beacon(&[
        "resolve",
        "2022-01-27-email-delays",
        "Mail flows normally.",
        "--now",
        "2022-01-27T10:15:00-05:00",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    let check = site.beacon(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    let expected = HAND_WRITTEN.replace(
        "date = 2022-01-27T07:40:00-05:00   # first reports\n",
        "date = 2022-01-27T07:40:00-05:00   # first reports\nresolved = 2022-01-27T10:15:00-05:00\n",
    );
    let expected = expected.replace(
        "text = \"Mail is slow to arrive.\"\n",
        "text = \"Mail is slow to arrive.\"\n\n[[updates]]\nat = 2022-01-27T09:30:00-05:00\nstatus = \"identified\"\ntext = \"A full queue on one server.\"\n\n[[updates]]\nat = 2022-01-27T10:15:00-05:00\nstatus = \"resolved\"\ntext = \"Mail flows normally.\"\n",
    );
    assert_eq!(site.read(path), expected);
}

#[test]
fn edits_keep_crlf_line_endings_and_the_byte_order_mark() {
    let site = TestSite::new();
    let path = "content/incidents/email-delays.md";
    let original = format!("\u{feff}{}", HAND_WRITTEN.replace('\n', "\r\n"));
    site.write(path, &original);
    let run = site.beacon(&["resolve", "email-delays", "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = site.read(path);
    assert!(text.starts_with("\u{feff}+++\r\n# Written by"), "{text:?}");
    assert_eq!(
        text.matches('\n').count(),
        text.matches("\r\n").count(),
        "{text:?}"
    );
    assert!(
        text.contains("resolved = 2022-01-27T12:00:00-05:00\r\n"),
        "{text:?}"
    );
    assert!(
        text.contains("text = \"This incident has been resolved.\"\r\n+++\r\nBody"),
        "{text:?}"
    );
    assert_eq!(site.beacon(&["check"]).code, 0);
}

// A broken file is refused with exactly what `check` says, and left alone.
#[test]
fn update_refuses_a_file_that_does_not_validate() {
    let site = TestSite::new();
    let path = "content/incidents/broken.md";
    let broken = HAND_WRITTEN.replace("severity = \"partial\"", "severity = \"partal\"");
    site.write(path, &broken);
    let check = site.beacon(&["check"]);
    assert_eq!(check.code, 1);
    let run = site.beacon(&[
        "update",
        "broken",
        "--status",
        "update",
        "More news.",
        "--now",
        NOW,
    ]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr, check.stderr);
    assert!(
        run.stderr
            .contains("content/incidents/broken.md:5:12: unknown value `partal`"),
        "{}",
        run.stderr
    );
    assert_eq!(site.read(path), broken);
}

#[test]
fn resolve_refuses_an_incident_already_resolved() {
    let site = TestSite::new();
    site.write("content/incidents/email-delays.md", HAND_WRITTEN);
    assert_eq!(site.beacon(&["resolve", "email-delays", "--now", NOW]).code, 0);
    let once = site.read("content/incidents/email-delays.md");
    let run = site.beacon(&["resolve", "email-delays", "--now", NOW]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("already resolved (at 2022-01-27T12:00:00-05:00)"),
        "{}",
        run.stderr
    );
    assert_eq!(site.read("content/incidents/email-delays.md"), once);
}

#[test]
fn update_checks_the_status_against_the_kind_and_the_slug() {
    let site = TestSite::new();
    site.write("content/incidents/email-delays.md", HAND_WRITTEN);
    let wrong_kind = site.beacon(&["update", "email-delays", "--status", "in_progress", "x"]);
    assert_eq!(wrong_kind.code, 2);
    assert!(
        wrong_kind
            .stderr
            .contains("status `in_progress` is not for incidents"),
        "{}",
        wrong_kind.stderr
    );
    let resolved = site.beacon(&["update", "email-delays", "--status", "resolved", "x"]);
    assert_eq!(resolved.code, 2);
    assert!(
        resolved.stderr.contains("beacon resolve email-delays"),
        "{}",
        resolved.stderr
    );
    let typo = site.beacon(&["update", "email-delay", "--status", "update", "x"]);
    assert_eq!(typo.code, 2);
    assert!(
        typo.stderr.contains("did you mean `email-delays`?"),
        "{}",
        typo.stderr
    );
    assert_eq!(site.read("content/incidents/email-delays.md"), HAND_WRITTEN);
}

// The slug in the front matter, not only the file name, finds the file.
#[test]
fn update_finds_a_file_by_its_front_matter_slug() {
    let site = TestSite::new();
    let text = HAND_WRITTEN.replace(
        "title = \"Email delays\"",
        "title = \"Email delays\"\nslug = \"mail-2022\"",
    );
    site.write("content/incidents/draft-name.md", &text);
    let run = site.beacon(&[
        "update",
        "mail-2022",
        "--status",
        "monitoring",
        "Watching.",
        "--now",
        NOW,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site
        .read("content/incidents/draft-name.md")
        .contains("status = \"monitoring\""));
}
