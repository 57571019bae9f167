//! The output folder: what beacon refuses to write into, incremental rebuilds that touch only
//! what changed, and the proof that any sequence of incremental builds equals a cold build.

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use chrono::Datelike;
use proptest::prelude::*;

use crate::common::TestSite;

const NOW: &str = "2026-01-01T00:00:00Z";

/// Every file under `dir` (relative path → bytes), folders included as `path/`.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    if !dir.exists() {
        return files;
    }
    for entry in walkdir::WalkDir::new(dir).min_depth(1) {
        let entry = entry.unwrap();
        let relative = entry
            .path()
            .strip_prefix(dir)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if entry.file_type().is_dir() {
            files.insert(format!("{relative}/"), Vec::new());
        } else {
            files.insert(relative, fs::read(entry.path()).unwrap());
        }
    }
    files
}

/// Every file under `dir` with its modification time (ns) and inode: changes if it is written.
fn stamps(dir: &Path) -> BTreeMap<String, (i64, i64, u64)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let m = e.metadata().unwrap();
            (
                e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned(),
                (m.mtime(), m.mtime_nsec(), m.ino()),
            )
        })
        .collect()
}

fn incident(slug: &str, title: &str, date: &str) -> (String, String) {
    (
        format!("content/incidents/{slug}.md"),
        format!(
            "+++\ntitle = \"{title}\"\ndate = {date}\nresolved = 2025-06-01T12:00:00Z\nseverity = \"major\"\ncomponents = [\"email\"]\n+++\nSome words.\n"
        ),
    )
}

fn site_with_incident() -> TestSite {
    let site = TestSite::new();
    let (path, text) = incident("2025-06-01-mail-down", "Mail down", "2025-06-01T10:00:00Z");
    site.write(&path, text);
    site
}

#[test]
fn a_folder_with_a_foreign_file_is_refused_and_left_identical() {
    let site = site_with_incident();
    site.write("out/notes.txt", "my notes");
    site.write("out/old/index.html", "<p>hand-made</p>");
    let before = tree(&site.path("out"));
    let stamps_before = stamps(&site.path("out"));
    let out = site.path("out");
    let run = site.beacon(&["build", "--now", NOW, "--output", out.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("notes.txt"), "{}", run.stderr);
    assert!(run.stderr.contains("old/index.html"), "{}", run.stderr);
    assert!(
        run.stderr.contains("static/") && run.stderr.contains("--force"),
        "{}",
        run.stderr
    );
    assert_eq!(tree(&out), before);
    assert_eq!(stamps(&out), stamps_before);
}

#[test]
fn force_writes_beside_foreign_files_and_never_deletes_them() {
    let site = site_with_incident();
    site.write("out/notes.txt", "my notes");
    let out = site.path("out");
    let run = site.beacon(&[
        "build",
        "--now",
        NOW,
        "--output",
        out.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(site.read("out/notes.txt"), "my notes");
    assert!(site.read("out/index.html").contains("Test Status"));
    // Still not beacon's: the next build without --force says so again.
    let run = site.beacon(&["build", "--now", NOW, "--output", out.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(site.read("out/notes.txt"), "my notes");
}

#[test]
fn the_site_and_its_inputs_are_refused_even_with_force() {
    let site = site_with_incident();
    site.write("static/logo.txt", "logo");
    let before = tree(site.root());
    let root = site.root().to_str().unwrap().to_string();
    let parent = site.root().parent().unwrap().to_str().unwrap().to_string();
    for target in [
        root.clone(),
        format!("{root}/."),
        format!("{root}/content"),
        format!("{root}/content/incidents"),
        format!("{root}/static"),
        format!("{root}/templates/new"),
        format!("{root}/themes"),
        parent,
        "/".to_string(),
    ] {
        for force in [false, true] {
            let mut args = vec!["build", "--now", NOW, "--output", &target];
            if force {
                args.push("--force");
            }
            let run = site.beacon(&args);
            assert_eq!(run.code, 2, "{target} force={force}: {}", run.stderr);
            assert!(run.stderr.contains("refusing"), "{}", run.stderr);
            assert_eq!(tree(site.root()), before, "{target} force={force}");
        }
    }
}

#[test]
fn a_relative_output_is_taken_from_the_current_folder_and_the_error_says_so() {
    let site = site_with_incident();
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_beacon"))
        .current_dir(site.root())
        .args(["build", "--now", NOW, "--output", "content", "--force"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("relative to the current folder"), "{stderr}");
}

#[test]
fn an_empty_folder_is_accepted_and_a_previous_build_is_updated() {
    let site = site_with_incident();
    fs::create_dir_all(site.path("out")).unwrap();
    let out = site.path("out");
    let build = || {
        let run = site.beacon(&["build", "--now", NOW, "--output", out.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    };
    build();
    assert!(site
        .read("out/incidents/2025-06-01-mail-down/index.html")
        .contains("Mail down"));
    let (path, text) = incident("2025-07-01-vpn-slow", "VPN slow", "2025-05-30T10:00:00Z");
    site.write(&path, text.replace("Mail down", "VPN slow"));
    site.write(
        "content/incidents/2025-06-01-mail-down.md",
        incident("x", "Mail was down", "2025-06-01T10:00:00Z").1,
    );
    build();
    assert!(site
        .read("out/incidents/2025-07-01-vpn-slow/index.html")
        .contains("VPN slow"));
    assert!(site
        .read("out/incidents/2025-06-01-mail-down/index.html")
        .contains("Mail was down"));
}

#[test]
fn deleting_an_incident_removes_its_page_and_empty_folders() {
    let site = site_with_incident();
    site.build_at(NOW);
    assert!(site
        .path("public/incidents/2025-06-01-mail-down/index.html")
        .exists());
    fs::remove_file(site.path("content/incidents/2025-06-01-mail-down.md")).unwrap();
    site.build_at(NOW);
    assert!(!site.path("public/incidents/2025-06-01-mail-down").exists());
    assert!(!site.read("public/index.html").contains("Mail down"));
    let record = site.read("public/.beacon-manifest.json");
    assert!(!record.contains("mail-down"), "{record}");
}

#[test]
fn a_rebuild_with_nothing_changed_writes_zero_files() {
    let site = site_with_incident();
    site.build_at(NOW);
    let before = stamps(&site.path("public"));
    assert!(before.len() > 20, "{before:?}");
    let run = site.build_at(NOW);
    assert!(run.stdout.contains("0 written, 0 removed"), "{}", run.stdout);
    assert_eq!(stamps(&site.path("public")), before);
}

#[test]
fn an_edit_rewrites_only_the_files_it_changes() {
    let site = site_with_incident();
    site.build_at(NOW);
    let before = stamps(&site.path("public"));
    site.write("static/extra.txt", "hello");
    let run = site.build_at(NOW);
    assert!(run.stdout.contains("1 written, 0 removed"), "{}", run.stdout);
    let after = stamps(&site.path("public"));
    let changed: Vec<_> = after.keys().filter(|k| before.get(*k) != after.get(*k)).collect();
    // The record lists the new file, so it changes too.
    assert_eq!(changed, [".beacon-manifest.json", "extra.txt"]);
}

#[test]
fn a_path_can_turn_from_file_to_folder_and_back() {
    let site = site_with_incident();
    site.write("static/docs", "a file");
    site.build_at(NOW);
    assert_eq!(site.read("public/docs"), "a file");
    fs::remove_file(site.path("static/docs")).unwrap();
    site.write("static/docs/deep/index.html", "a folder");
    site.build_at(NOW);
    assert_eq!(site.read("public/docs/deep/index.html"), "a folder");
    fs::remove_dir_all(site.path("static/docs")).unwrap();
    site.write("static/docs", "a file again");
    site.build_at(NOW);
    assert_eq!(site.read("public/docs"), "a file again");
    let leftovers: Vec<String> = tree(&site.path("public"))
        .into_keys()
        .filter(|p| p.contains("beacon-partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// The file of a previous build is the very folder a new file goes into (`docs` →
/// `docs/index.html`), not only a folder above it.
#[test]
fn a_file_can_turn_into_the_folder_of_a_new_file() {
    let site = site_with_incident();
    site.write("static/docs", "a file");
    site.build_at(NOW);
    fs::remove_file(site.path("static/docs")).unwrap();
    site.write("static/docs/index.html", "a folder");
    site.build_at(NOW);
    assert_eq!(site.read("public/docs/index.html"), "a folder");
    let leftovers: Vec<String> = tree(&site.path("public"))
        .into_keys()
        .filter(|p| p.contains("beacon-partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// A folder where the build puts a file stops the build before it changes anything, unless
/// removing the previous build's files empties it: an empty folder (which a rename cannot
/// replace), one holding only empty folders, one holding a user's file, whether the writer
/// knows the folder's every entry (a walked folder without links) or looks (a folder with a
/// link, a trusted record).
#[test]
fn a_folder_where_a_file_goes_is_refused_and_nothing_changes() {
    /// A case's name, the entries it makes in the output (a folder ends in `/`), the links
    /// it adds beside them, and the build's extra arguments.
    type Case<'a> = (&'a str, &'a [&'a str], &'a [&'a str], &'a [&'a str]);
    let cases: [Case; 4] = [
        ("an empty folder", &["out/subscribe/index.html/"], &[], &[]),
        (
            "a folder of empty folders",
            &["out/subscribe/index.html/a/b/"],
            &[],
            &[],
        ),
        (
            "a folder holding a user's file, beside a link",
            &["out/subscribe/index.html/mine.txt"],
            &["out/link.txt"],
            &["--force"],
        ),
        (
            "a folder holding an empty folder, beside a link",
            &["out/subscribe/index.html/a/"],
            &["out/link.txt"],
            &["--force"],
        ),
    ];
    for (case, entries, links, extra) in cases {
        let site = site_with_incident();
        for entry in entries {
            match entry.strip_suffix('/') {
                Some(folder) => fs::create_dir_all(site.path(folder)).unwrap(),
                None => site.write(entry, "the user's"),
            }
        }
        for link in links {
            site.write("out/notes.txt", "the user's");
            std::os::unix::fs::symlink("notes.txt", site.path(link)).unwrap();
        }
        let out = site.path("out");
        let before = tree(&out);
        let stamps_before = stamps(&out);
        let mut args = vec!["build", "--now", NOW, "--output", out.to_str().unwrap()];
        args.extend_from_slice(extra);
        let run = site.beacon(&args);
        assert_eq!(run.code, 2, "{case}: {}", run.stderr);
        assert!(
            run.stderr.contains("`subscribe/index.html`") && run.stderr.contains("a folder stands there"),
            "{case}: {}",
            run.stderr
        );
        assert_eq!(tree(&out), before, "{case}");
        assert_eq!(stamps(&out), stamps_before, "{case}");
    }

    // A folder of the previous build's files where a file now goes is removed with them; with
    // an empty folder of the user's in it, the build stops first.
    let site = site_with_incident();
    site.write("static/docs/deep/index.html", "a folder");
    site.build_at(NOW);
    fs::remove_dir_all(site.path("static/docs")).unwrap();
    site.write("static/docs", "a file");
    fs::create_dir_all(site.path("public/docs/mine")).unwrap();
    let before = tree(&site.path("public"));
    let stamps_before = stamps(&site.path("public"));
    let run = site.beacon(&["build", "--now", NOW]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("a folder stands there"), "{}", run.stderr);
    assert_eq!(tree(&site.path("public")), before);
    assert_eq!(stamps(&site.path("public")), stamps_before);
    fs::remove_dir(site.path("public/docs/mine")).unwrap();
    site.build_at(NOW);
    assert_eq!(site.read("public/docs"), "a file");
}

#[test]
fn a_failed_build_leaves_the_output_untouched() {
    let site = site_with_incident();
    site.build_at(NOW);
    let before = tree(&site.path("public"));
    let stamps_before = stamps(&site.path("public"));
    let breakages: [(&str, &str); 3] = [
        // Content: bad front matter.
        ("content/incidents/2025-06-01-broken.md", "+++\ntitle = \n+++\n"),
        // A template that does not parse.
        ("templates/incident.html", "{% if %}"),
        // A template that parses but fails while pages are rendered and written.
        ("templates/incident.html", "{{ no_such_value.field }}"),
    ];
    for (path, text) in breakages {
        site.write(path, text);
        let run = site.beacon(&["build", "--now", NOW]);
        assert_ne!(run.code, 0, "{path}: {}", run.stdout);
        assert_eq!(tree(&site.path("public")), before, "{path}");
        assert_eq!(stamps(&site.path("public")), stamps_before, "{path}");
        fs::remove_file(site.path(path)).unwrap();
    }
}

#[test]
fn leftovers_of_killed_builds_are_removed_and_nothing_else() {
    let site = site_with_incident();
    site.build_at(NOW);
    // What a killed build into a new folder left beside the output: its staging folder,
    // marked as beacon's (no such process runs).
    let dead = u32::MAX - 7;
    site.write(&format!(".public.staging-{dead}/index.html"), "half");
    site.write(&format!(".public.staging-{dead}/.beacon-staging"), "");
    // What a killed build of this version leaves inside it: with the record of a whole
    // build, its temporary files wait at the top of the folder.
    site.write("public/.7.beacon-partial", "half");
    // The user's own, with names close to those.
    site.write(".public.staging-backup/keep.txt", "mine");
    site.write(".public.staging-12a/keep.txt", "mine");
    site.write(&format!(".public2.staging-{dead}/keep.txt"), "mine");
    // Exactly the name of a staging folder, but without the mark: a user's, or an older
    // beacon's, which beacon cannot tell apart.
    let other = u32::MAX - 8;
    site.write(&format!(".public.staging-{other}/keep.txt"), "mine");
    site.write(&format!(".public.previous-{dead}/keep.txt"), "mine");
    site.build_at(NOW);
    assert!(!site.path(&format!(".public.staging-{dead}")).exists());
    assert!(!site.path("public/.7.beacon-partial").exists());
    assert_eq!(site.read(".public.staging-backup/keep.txt"), "mine");
    assert_eq!(site.read(".public.staging-12a/keep.txt"), "mine");
    assert_eq!(site.read(&format!(".public2.staging-{dead}/keep.txt")), "mine");
    assert_eq!(site.read(&format!(".public.staging-{other}/keep.txt")), "mine");
    assert_eq!(site.read(&format!(".public.previous-{dead}/keep.txt")), "mine");
}

#[test]
fn temporary_files_beside_their_target_are_removed_when_the_record_is_not_whole() {
    let site = site_with_incident();
    site.build_at(NOW);
    // A build killed while it renamed its files into place leaves a record without `built`
    // (an older beacon's record has none either): the next build walks the whole folder.
    let manifest = site.read("public/.beacon-manifest.json");
    let mut record: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    assert!(record["built"]["index.html"]["bytes"].is_string(), "{manifest}");
    record.as_object_mut().unwrap().remove("built");
    site.write(
        "public/.beacon-manifest.json",
        serde_json::to_string(&record).unwrap(),
    );
    site.write("public/incidents/.index.html.beacon-partial", "half");
    site.build_at(NOW);
    assert!(!site.path("public/incidents/.index.html.beacon-partial").exists());
    let record: serde_json::Value = serde_json::from_str(&site.read("public/.beacon-manifest.json")).unwrap();
    assert!(record["built"]["index.html"]["bytes"].is_string());
}

#[test]
fn a_rebuild_renders_only_the_pages_whose_inputs_changed_and_trusts_its_record() {
    let site = site_with_incident();
    site.write(
        "content/incidents/other.md",
        incident("other", "Other", "2025-05-20T08:00:00Z").1,
    );
    site.build_at(NOW);
    let record = |site: &TestSite| -> serde_json::Value {
        serde_json::from_str(&site.read("public/.beacon-manifest.json")).unwrap()
    };
    let before = record(&site);
    let page = "incidents/other/index.html";
    assert!(
        before["built"][page]["inputs"].is_string(),
        "an incident page records its inputs"
    );
    // A file of the output that beacon recorded is not read back: a rebuild with nothing
    // changed leaves even a file changed behind its back (docs/outputs.md says so).
    site.write(&format!("public/{page}"), "changed by hand");
    site.build_at(NOW);
    assert_eq!(site.read(&format!("public/{page}")), "changed by hand");
    // A change of its incident renders it again, and so does a change of what every page shares.
    site.write(
        "content/incidents/other.md",
        incident("other", "Other, renamed", "2025-05-20T08:00:00Z").1,
    );
    site.build_at(NOW);
    assert!(site.read(&format!("public/{page}")).contains("Other, renamed"));
    site.write(&format!("public/{page}"), "changed by hand");
    site.build_at("2026-01-02T00:00:00Z");
    assert!(site.read(&format!("public/{page}")).contains("Other, renamed"));
    // A user's file where a new page goes is still refused, record or not.
    site.write("public/incidents/third/index.html", "mine");
    site.write(
        "content/incidents/third.md",
        incident("third", "Third", "2025-05-21T08:00:00Z").1,
    );
    let run = site.beacon(&["build", "--now", NOW]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("incidents/third/index.html"),
        "{}",
        run.stderr
    );
    assert_eq!(site.read("public/incidents/third/index.html"), "mine");
}

#[test]
fn what_serve_serves_equals_what_build_writes() {
    let site = TestSite::example();
    site.build_at(NOW);
    let options = beacon::context::BuildOptions {
        root: site.root().to_path_buf(),
        now: NOW.parse().unwrap(),
        base_url: None,
        drafts: false,
        live_reload: false,
        latency: Default::default(),
    };
    let served: BTreeMap<String, Vec<u8>> = beacon::build::build_site(&options)
        .unwrap()
        .into_iter()
        .map(|f| (f.path, f.bytes))
        .collect();
    let mut written: BTreeMap<String, Vec<u8>> = tree(&site.path("public"))
        .into_iter()
        .filter(|(p, _)| !p.ends_with('/'))
        .collect();
    written.remove(".beacon-manifest.json");
    assert_eq!(
        served.keys().collect::<Vec<_>>(),
        written.keys().collect::<Vec<_>>()
    );
    assert!(served == written);
}

/// One step of a random edit sequence.
#[derive(Debug, Clone)]
enum Step {
    Add {
        day: u32,
        major: bool,
    },
    Retitle {
        which: usize,
        title: u8,
    },
    Delete {
        which: usize,
    },
    Resolve {
        which: usize,
    },
    /// Another set of components for one incident: it leaves some components' feeds and pages
    /// and joins others.
    Move {
        which: usize,
        to: u8,
    },
    Config {
        variant: u8,
    },
    Static {
        variant: u8,
    },
    Now {
        days: u32,
    },
    /// The site's own incident template (a changed copy of the theme's), or none.
    Template {
        variant: u8,
    },
    /// The site's own words (`i18n/en.ftl`), or none.
    Words {
        variant: u8,
    },
}

fn edit() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0u32..400, any::<bool>()).prop_map(|(day, major)| Step::Add { day, major }),
        2 => (any::<usize>(), any::<u8>()).prop_map(|(which, title)| Step::Retitle { which, title }),
        2 => any::<usize>().prop_map(|which| Step::Delete { which }),
        1 => any::<usize>().prop_map(|which| Step::Resolve { which }),
        1 => (any::<usize>(), any::<u8>()).prop_map(|(which, to)| Step::Move { which, to }),
        1 => (0u8..4).prop_map(|variant| Step::Config { variant }),
        1 => (0u8..5).prop_map(|variant| Step::Static { variant }),
        1 => (0u32..500).prop_map(|days| Step::Now { days }),
        1 => (0u8..3).prop_map(|variant| Step::Template { variant }),
        1 => (0u8..3).prop_map(|variant| Step::Words { variant }),
    ]
}

/// A local time as an incident file may give it: no offset.
const LOCAL: &str = "%Y-%m-%dT%H:%M:%S";

/// The `components` line of an incident, one of three sets (of [`crate::common::CONFIG`]'s).
fn components_line(which: u32) -> &'static str {
    match which % 3 {
        0 => "components = [\"email\"]\n",
        1 => "components = [\"vpn\"]\n",
        _ => "components = [\"email\", \"mobile-email\"]\n",
    }
}

/// The property test's config: two items a feed, so that one added incident pushes another
/// out of the feeds it shares with it, and not out of the others.
fn config_with_short_feeds(config: &str) -> String {
    format!("{config}\n[feeds]\nlimit = 2\n")
}

/// A site the property test edits, and the instant it is built as of.
struct Evolving {
    site: TestSite,
    next: usize,
    now: chrono::DateTime<chrono::Utc>,
    /// An hour before the test began, and how many edits were settled since (see `settle`).
    long_ago: std::time::SystemTime,
    settled: u64,
}

impl Evolving {
    fn incidents(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = fs::read_dir(self.site.path("content/incidents"))
            .map(|d| d.map(|e| e.unwrap().path()).collect())
            .unwrap_or_default();
        files.sort();
        files
    }

    fn apply(&mut self, edit: &Step) {
        let start = chrono::DateTime::parse_from_rfc3339("2025-01-01T00:00:00Z")
            .unwrap()
            .to_utc();
        // Every other incident's times are local ones, read in the config's time zone.
        let written = |date: chrono::DateTime<chrono::Utc>| match date.day() % 2 {
            0 => date.format(LOCAL).to_string(),
            _ => date.to_rfc3339(),
        };
        let text = |title: &str, date: chrono::DateTime<chrono::Utc>, severity: &str, resolved: bool| {
            let mut t = format!(
                "+++\ntitle = \"{title}\"\ndate = {}\nseverity = \"{severity}\"\n{}",
                written(date),
                components_line(date.ordinal()),
            );
            if resolved {
                t.push_str(&format!(
                    "resolved = {}\n",
                    written(date + chrono::Duration::hours(3))
                ));
            }
            t.push_str("+++\nWords *here*.\n");
            t
        };
        match edit {
            Step::Add { day, major } => {
                self.next += 1;
                let date = start + chrono::Duration::days(*day as i64);
                let slug = format!("{}-incident-{}", date.format("%Y-%m-%d"), self.next);
                let severity = if *major { "major" } else { "degraded" };
                self.site.write(
                    &format!("content/incidents/{slug}.md"),
                    text(&format!("Incident {}", self.next), date, severity, *day % 3 != 0),
                );
            }
            Step::Retitle { which, title } => {
                if let Some(path) = pick(&self.incidents(), *which) {
                    let old = fs::read_to_string(&path).unwrap();
                    let new = old.replacen("title = \"", &format!("title = \"v{title} "), 1);
                    fs::write(path, new).unwrap();
                }
            }
            Step::Delete { which } => {
                if let Some(path) = pick(&self.incidents(), *which) {
                    fs::remove_file(path).unwrap();
                }
            }
            Step::Resolve { which } => {
                if let Some(path) = pick(&self.incidents(), *which) {
                    let old = fs::read_to_string(&path).unwrap();
                    if !old.contains("resolved =") {
                        let date = old.lines().find_map(|l| l.strip_prefix("date = ")).unwrap();
                        let resolved = match chrono::DateTime::parse_from_rfc3339(date) {
                            Ok(date) => (date + chrono::Duration::hours(1)).to_rfc3339(),
                            Err(_) => (chrono::NaiveDateTime::parse_from_str(date, LOCAL).unwrap()
                                + chrono::Duration::hours(1))
                            .format(LOCAL)
                            .to_string(),
                        };
                        fs::write(
                            path,
                            old.replacen("+++\n", &format!("+++\nresolved = {resolved}\n"), 1),
                        )
                        .unwrap();
                    }
                }
            }
            Step::Move { which, to } => {
                if let Some(path) = pick(&self.incidents(), *which) {
                    let old = fs::read_to_string(&path).unwrap();
                    let line = old.lines().find(|l| l.starts_with("components = ")).unwrap();
                    let new = old.replacen(&format!("{line}\n"), components_line(u32::from(*to)), 1);
                    fs::write(path, new).unwrap();
                }
            }
            Step::Config { variant } => {
                let config = crate::common::CONFIG.replace(
                    "title = \"Test Status\"",
                    &format!("title = \"Status {variant}\""),
                );
                // Another time zone: every local time of the incidents reads otherwise.
                let config = if *variant >= 2 {
                    config.replace("America/New_York", "Asia/Tokyo")
                } else {
                    config
                };
                let config = if variant % 2 == 1 {
                    format!("{config}\n[[components]]\nid = \"wiki\"\nname = \"Wiki\"\n")
                } else {
                    config_with_short_feeds(&config)
                };
                self.site.write("config.toml", config);
            }
            Step::Static { variant } => match variant {
                0 => self.site.write("static/notes/readme.txt", "hello"),
                1 => self.site.write("static/robots.txt", "User-agent: *\n"),
                // The same path as a file, then as a folder: the output must follow.
                2 => {
                    let _ = fs::remove_dir_all(self.site.path("static/docs"));
                    self.site.write("static/docs", "a file");
                }
                3 => {
                    let _ = fs::remove_file(self.site.path("static/docs"));
                    self.site.write("static/docs/deep/index.html", "a folder");
                }
                _ => {
                    let _ = fs::remove_dir_all(self.site.path("static"));
                }
            },
            Step::Now { days } => self.now = start + chrono::Duration::days(*days as i64),
            Step::Template { variant: 0 } => {
                let _ = fs::remove_dir_all(self.site.path("templates"));
            }
            Step::Template { variant } => {
                let theme = include_str!("../../themes/default/templates/incident.html");
                let changed = theme.replacen("</article>", &format!("<p>v{variant}</p></article>"), 1);
                assert_ne!(changed, theme, "the theme's incident page has an </article>");
                self.site.write("templates/incident.html", changed);
            }
            Step::Words { variant: 0 } => {
                let _ = fs::remove_dir_all(self.site.path("i18n"));
            }
            Step::Words { variant } => {
                self.site
                    .write("i18n/en.ftl", format!("nav-status = Status v{variant}\n"));
            }
        }
    }

    fn options(&self) -> beacon::context::BuildOptions {
        beacon::context::BuildOptions {
            root: self.site.root().to_path_buf(),
            now: self.now,
            base_url: None,
            drafts: false,
            live_reload: false,
            latency: Default::default(),
        }
    }

    /// Gives each file the last edit wrote a time of its own long ago, as if written well
    /// before the build: the build then takes every file it kept a parse or text of, where a
    /// file written just now would be read again whatever its time says (see `content::cache`).
    fn settle(&mut self) {
        self.settled += 1;
        let when = self.long_ago + std::time::Duration::from_secs(self.settled);
        let mut folders = vec![self.site.root().to_path_buf()];
        while let Some(folder) = folders.pop() {
            for entry in fs::read_dir(&folder).unwrap() {
                let path = entry.unwrap().path();
                if path.ends_with("public") || path.ends_with(".beacon") {
                    continue;
                }
                if path.is_dir() {
                    folders.push(path);
                } else if fs::metadata(&path).unwrap().modified().unwrap()
                    > self.long_ago + std::time::Duration::from_secs(600)
                {
                    let file = fs::File::options().write(true).open(&path).unwrap();
                    file.set_modified(when).unwrap();
                }
            }
        }
    }

    /// Builds into `out` the way `beacon build` does: the content files `kept` by the last
    /// build into `out` are taken from what it kept (their parses or texts), the rest read.
    fn build_into(&self, out: &Path, kept: bool) {
        let root = self.site.root();
        let config = beacon::content::load_config(root).unwrap();
        let texts = beacon::content::cache::Texts::open(root, beacon::content::parser(&config));
        let site = match kept {
            true => {
                beacon::content::load_site_kept(root, config, &Default::default(), &texts)
                    .unwrap()
                    .0
            }
            false => beacon::content::load_site(root, &Default::default()).unwrap(),
        };
        let writer = beacon::write::OutputWriter::open(
            out,
            &beacon::write::WriteOptions {
                site_root: self.site.root().to_path_buf(),
                force: false,
            },
        )
        .unwrap();
        beacon::build::render_site_into(&site, &self.options(), &writer).unwrap();
        writer.commit().unwrap();
        if kept {
            texts.save(root, &beacon::content::kept_parses(root, &site));
        }
    }
}

fn pick(files: &[PathBuf], which: usize) -> Option<PathBuf> {
    (!files.is_empty()).then(|| files[which % files.len()].clone())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn incremental_builds_equal_a_cold_build(edits in proptest::collection::vec(edit(), 1..8)) {
        let mut evolving = Evolving {
            site: site_with_incident(),
            next: 0,
            now: NOW.parse().unwrap(),
            long_ago: std::time::SystemTime::now() - std::time::Duration::from_secs(3600),
            settled: 0,
        };
        evolving
            .site
            .write("config.toml", config_with_short_feeds(crate::common::CONFIG));
        let incremental = evolving.site.path("public");
        evolving.settle();
        evolving.build_into(&incremental, true);
        for (n, edit) in edits.iter().enumerate() {
            evolving.apply(edit);
            evolving.settle();
            evolving.build_into(&incremental, true);
            let cold = tempfile::tempdir().unwrap();
            let cold_out = cold.path().join("out");
            evolving.build_into(&cold_out, false);
            let served: BTreeMap<String, Vec<u8>> = beacon::build::build_site(&evolving.options())
                .unwrap()
                .into_iter()
                .map(|f| (f.path, f.bytes))
                .collect();
            let (warm, cold) = (tree(&incremental), tree(&cold_out));
            prop_assert_eq!(warm.keys().collect::<Vec<_>>(), cold.keys().collect::<Vec<_>>(), "step {} {:?}", n, edit);
            prop_assert!(warm == cold, "step {} {:?}: bytes differ", n, edit);
            let files: BTreeMap<_, _> = cold
                .into_iter()
                .filter(|(p, _)| !p.ends_with('/') && p != ".beacon-manifest.json")
                .collect();
            prop_assert!(files == served, "step {} {:?}: serve differs", n, edit);
        }
    }
}
