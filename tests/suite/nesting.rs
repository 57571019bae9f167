//! Issue "Hardening, round three", items 4 and 5: every recursive parser of user input (JSON5,
//! YAML, TOML, Markdown, HTML, Fluent) gets nesting bounded before it runs, so deep nesting is
//! a clean error at `file:line:col` rather than a stack overflow, and pathological input takes
//! linear time. Each parser is fed nesting at 10×, 100× and 1,000× the limit.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::{Run, TestSite};

/// The deepest nesting beacon reads (`nesting::MAX_DEPTH`).
const LIMIT: usize = 128;
const INCIDENT_FRONT: &str = "+++\ntitle = \"Deep\"\ndate = 2022-01-27T07:40:00-05:00\nseverity = \"major\"\ncomponents = [\"email\"]\n+++\n";

/// A generous bound for a debug build on a shared machine; the release timings are in the
/// closing note of the issue and in docs/choices.md.
const SLOW: Duration = Duration::from_secs(20);

fn timed(run: impl FnOnce() -> Run) -> (Run, Duration) {
    let started = Instant::now();
    let run = run();
    (run, started.elapsed())
}

fn import(tool: &str, src: &Path, into: &Path) -> Run {
    Command::new(env!("CARGO_BIN_EXE_beacon"))
        .args(["import", tool])
        .arg(src)
        .arg("--into")
        .arg(into)
        .output()
        .expect("run beacon")
        .into()
}

fn assert_clean_refusal(run: &Run, elapsed: Duration, at: &str, case: &str) {
    assert_eq!(
        run.code,
        1,
        "{case}: exit {} (134 is an abort)\n{}",
        run.code,
        &run.stderr[..run.stderr.len().min(2000)]
    );
    assert!(
        run.stderr.contains(at),
        "{case}: expected `{at}` in\n{}",
        &run.stderr[..run.stderr.len().min(2000)]
    );
    assert!(run.stderr.contains("levels deep"), "{case}");
    assert!(elapsed < SLOW, "{case}: {elapsed:?}");
}

#[test]
fn stack_overflow_on_deep_nesting() {
    for (what, value) in [
        (
            "[[[…]]] 60,000 deep",
            format!("{}1{}", "[".repeat(60_000), "]".repeat(60_000)),
        ),
        (
            "{a: 100,000 deep",
            format!("{}1{}", "{a:".repeat(100_000), "}".repeat(100_000)),
        ),
    ] {
        let src = TestSite::new();
        src.write(
            "config.js",
            format!("module.exports = {{\n  title: \"T\",\n  x: {value},\n}};\n"),
        );
        let into = tempfile::tempdir().unwrap();
        let (run, elapsed) = timed(|| import("statusfy", src.root(), &into.path().join("out")));
        assert_clean_refusal(&run, elapsed, "config.js:3:", what);
        assert!(!into.path().join("out").exists(), "{what}: nothing written");
    }
}

/// The class: each parser of the site's files and of imported sites, fed nesting at 10×, 100×
/// and 1,000× the limit, refuses it cleanly at the line it went too deep.
#[test]
fn every_parser_refuses_deep_nesting_at_file_line() {
    for times in [10, 100, 1000] {
        let n = LIMIT * times;
        let open = |s: &str| s.repeat(n);
        // beacon's own files: `check` and `build` refuse alike.
        let own: Vec<(&str, &str, String, &str)> = vec![
            (
                "config.toml (TOML)",
                "config.toml",
                format!("{}\nx = {}1{}\n", crate::common::CONFIG, open("["), open("]")),
                "config.toml:",
            ),
            (
                "front matter (TOML)",
                "content/incidents/a.md",
                format!("+++\ntitle = \"x\"\nx = {}\n+++\n", open("{a=")),
                "content/incidents/a.md:3:",
            ),
            (
                "body: HTML",
                "content/incidents/a.md",
                format!("{INCIDENT_FRONT}\n{}x\n", open("<div>")),
                "content/incidents/a.md:8:",
            ),
            (
                "body: block quotes",
                "content/incidents/a.md",
                format!("{INCIDENT_FRONT}{} x\n", open("> ")),
                "content/incidents/a.md:7:",
            ),
            (
                "body: lists",
                "content/incidents/a.md",
                format!("{INCIDENT_FRONT}{} x\n", open("- ")),
                "content/incidents/a.md:7:",
            ),
            (
                "body: link brackets",
                "content/incidents/a.md",
                format!("{INCIDENT_FRONT}{}x\n", open("[")),
                "content/incidents/a.md:7:",
            ),
            (
                "page body",
                "content/pages/about.md",
                format!("+++\ntitle = \"About\"\n+++\n{}\n", open("<span>")),
                "content/pages/about.md:4:",
            ),
            (
                "Fluent",
                "i18n/en.ftl",
                format!("nav-status = {}\"x\"{}\n", open("{ "), open(" }")),
                "i18n/en.ftl:1:",
            ),
        ];
        for (what, file, text, at) in own {
            let site = TestSite::new();
            site.write(file, &text);
            for command in ["check", "build"] {
                let (run, elapsed) = timed(|| site.beacon(&[command, "--now", "2022-02-01T00:00:00Z"]));
                assert_clean_refusal(&run, elapsed, at, &format!("{what} ×{times} ({command})"));
            }
            assert!(!site.path("public").exists());
        }
        // Imported sites: YAML, JSON5 and front matter of every format.
        let imported: Vec<(&str, &str, &str, String, &str)> = vec![
            (
                "cState config.yml (YAML)",
                "cstate",
                "config.yml",
                format!("title: T\nx: {}1{}\n", open("["), open("]")),
                "config.yml:2:",
            ),
            (
                "Statusfy config.js (JSON5)",
                "statusfy",
                "config.js",
                format!("module.exports = {{\n  x: {}1\n}};\n", open("{a:")),
                "config.js:2:",
            ),
            (
                "Statusfy config.yml (YAML)",
                "statusfy",
                "config.yml",
                format!("title: T\nx: {}\n", open("{a: ")),
                "config.yml:2:",
            ),
        ];
        for (what, tool, file, text, at) in imported {
            let src = TestSite::new();
            src.write(file, &text);
            let into = tempfile::tempdir().unwrap();
            let (run, elapsed) = timed(|| import(tool, src.root(), &into.path().join("out")));
            assert_clean_refusal(&run, elapsed, at, &format!("{what} ×{times}"));
        }
    }
}

/// An imported incident whose front matter or body nests too deep is left out with a warning
/// at its line, like any other file the importer cannot read.
#[test]
fn imported_files_that_nest_too_deep_are_left_out_with_a_warning() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import-cstate");
    let src = tempfile::tempdir().unwrap();
    crate::common::copy_dir(&fixture, src.path());
    let n = LIMIT * 10;
    std::fs::write(
        src.path().join("content/issues/2024-07-01-deep.md"),
        format!(
            "---\ntitle: Deep\ndate: 2024-07-01 10:00:00\nx: {}\n---\nx\n",
            "[".repeat(n)
        ),
    )
    .unwrap();
    std::fs::write(
        src.path().join("content/issues/2024-07-02-deeper.md"),
        format!(
            "---\ntitle: Deeper\ndate: 2024-07-02 10:00:00\n---\n{}x\n",
            "<div>".repeat(n)
        ),
    )
    .unwrap();
    let into = tempfile::tempdir().unwrap();
    let run = import("cstate", src.path(), &into.path().join("out"));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("2024-07-01-deep.md:4:"), "{}", run.stderr);
    assert!(run.stderr.contains("2024-07-02-deeper.md:5:"), "{}", run.stderr);
}

/// Item 5: 32,000 nested `<div>` took 5.1 s to build, 100,000 did not finish in a minute, and a
/// cState config.yml with 50,000 nested brackets took 6 s to reach its recursion limit.
#[test]
fn quadratic_time_on_pathological_input() {
    for n in [32_000, 100_000] {
        let site = TestSite::new();
        site.write(
            "content/incidents/a.md",
            format!("{INCIDENT_FRONT}{}x\n", "<div>".repeat(n)),
        );
        let (run, elapsed) = timed(|| site.beacon(&["build", "--now", "2022-02-01T00:00:00Z"]));
        assert_clean_refusal(&run, elapsed, "content/incidents/a.md:7:", &format!("{n} <div>"));
        assert!(elapsed < Duration::from_secs(5), "{n} <div>: {elapsed:?}");
    }
    let src = TestSite::new();
    src.write("config.yml", format!("title: T\nx: {}\n", "[".repeat(50_000)));
    let into = tempfile::tempdir().unwrap();
    let (run, elapsed) = timed(|| import("cstate", src.root(), &into.path().join("out")));
    assert_clean_refusal(&run, elapsed, "config.yml:2:", "50,000 brackets");
    assert!(elapsed < Duration::from_secs(5), "{elapsed:?}");
}

/// The class: a single file of up to 1 MB, of any shape that passes the limits (nesting just
/// under them, repeated; long lines; emphasis runs; pasted logs with angle brackets), builds
/// in bounded time. The 2 s bound holds for a release build (measured in the closing note);
/// here, in a debug build on a shared machine, the bound is looser.
#[test]
fn a_one_megabyte_file_of_any_shape_builds_in_bounded_time() {
    const MB: usize = 1 << 20;
    let fill = |unit: &str| unit.repeat(MB / unit.len());
    let nested = format!("{}x{}\n\n", "<div>".repeat(LIMIT), "</div>".repeat(LIMIT));
    let shapes = [
        ("nested divs at the limit, repeated", fill(&nested)),
        ("emphasis runs", fill("*a **b _c __d ")),
        ("link brackets", fill("[a](b) [[c]] ")),
        (
            "pasted log, fenced",
            format!("```\n{}```\n", fill("2026-01-01 <pid 42> GET /x?a=<b> 500\n")),
        ),
        ("one long line", "x".repeat(MB)),
        (
            "block quotes at the limit",
            fill(&format!("{} x\n", "> ".repeat(LIMIT))),
        ),
        ("unclosed tags of a flat kind", fill("<p>a<li>b<br>")),
        ("table rows", fill("| a | b |\n|---|---|\n")),
    ];
    for (what, body) in shapes {
        let site = TestSite::new();
        site.write("content/incidents/a.md", format!("{INCIDENT_FRONT}{body}"));
        let (run, elapsed) = timed(|| site.beacon(&["build", "--now", "2022-02-01T00:00:00Z"]));
        assert_eq!(
            run.code,
            0,
            "{what}: {}",
            &run.stderr[..run.stderr.len().min(2000)]
        );
        assert!(elapsed < SLOW, "{what}: {elapsed:?}");
        eprintln!("{what}: {elapsed:?}");
    }
    // Unfenced, the same log is HTML to the parser (`<pid 42>` opens an element that nothing
    // closes): refused with a hint to fence it, at once, rather than taking minutes.
    let site = TestSite::new();
    site.write(
        "content/incidents/a.md",
        format!("{INCIDENT_FRONT}{}", fill("2026-01-01 <pid 42> GET /x 500\n")),
    );
    let (run, elapsed) = timed(|| site.beacon(&["check"]));
    assert_clean_refusal(&run, elapsed, "content/incidents/a.md:135:12:", "unfenced log");
    assert!(run.stderr.contains("fenced code block"), "{}", run.stderr);
}
