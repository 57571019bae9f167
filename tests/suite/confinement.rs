//! Issue "Hardening, round three", items 1, 2, 3, 6 and 8: every path beacon writes or removes
//! lies inside its target folder once links are resolved, a failed build or import changes
//! nothing, and no source folder is ever the output. Each reported case has a test named after
//! it beside a test of its class; a property test runs build, re-build and import over random
//! trees of folders, links (inside, outside, to parents, in loops) and planted records, and
//! checks after each step that nothing outside the target changed, byte for byte.
//! Bounded for CI: `BEACON_CONFINEMENT_CASES` cases (default 12).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use proptest::prelude::*;

use crate::common::{Run, CONFIG};

const NOW: &str = "2022-02-01T00:00:00Z";
const INCIDENT: &str = "+++\ntitle = \"Mail down\"\ndate = 2022-01-27T07:40:00-05:00\nseverity = \"major\"\ncomponents = [\"email\"]\n+++\nBody.\n";

/// A folder holding a site (`site/`), a user's files beside it (`outside/`) and room for the
/// output (`public/`) and imports.
struct World {
    dir: tempfile::TempDir,
}

impl World {
    fn new() -> World {
        let world = World {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        world.write("site/config.toml", CONFIG);
        world.write("site/content/incidents/mail-down.md", INCIDENT);
        world.write("outside/victim.txt", "the user's own file\n");
        world.write("outside/user/keep.txt", "keep me\n");
        world
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    fn write(&self, relative: &str, text: &str) {
        let path = self.path(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    fn link(&self, relative: &str, to: &Path) {
        let path = self.path(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        let _ = fs::remove_dir_all(&path);
        let _ = fs::remove_file(&path);
        std::os::unix::fs::symlink(to, path).unwrap();
    }

    /// `beacon --root site ARGS`, run from the world's folder.
    fn beacon(&self, args: &[&str]) -> Run {
        Command::new(env!("CARGO_BIN_EXE_beacon"))
            .current_dir(self.dir.path())
            .args(["--root", "site"])
            .args(args)
            .env_remove("SOURCE_DATE_EPOCH")
            .output()
            .expect("run beacon")
            .into()
    }

    fn build(&self, extra: &[&str]) -> Run {
        let mut args = vec!["build", "--output", "public", "--now", NOW];
        args.extend_from_slice(extra);
        self.beacon(&args)
    }

    /// Everything in the world except below `except` (relative), links not followed, and
    /// except the site's cache (`site/.beacon/cache/`), which a build that succeeds may update
    /// (docs/outputs.md).
    fn outside(&self, except: &str) -> BTreeMap<String, String> {
        tree(self.dir.path())
            .into_iter()
            .filter(|(path, _)| path != except && !path.starts_with(&format!("{except}/")))
            // The site's own cache (docs/outputs.md), and the `.beacon/` folder made for it.
            .filter(|(path, _)| {
                !(path == "site/.beacon"
                    || path == "site/.beacon/cache"
                    || path.starts_with("site/.beacon/cache/"))
            })
            .collect()
    }
}

/// Every entry below `dir`: a file with its bytes, a link with its target, a folder. Links are
/// not followed, so a loop is one entry.
fn tree(dir: &Path) -> BTreeMap<String, String> {
    let mut entries = BTreeMap::new();
    if !dir.is_dir() {
        return entries;
    }
    for entry in walkdir::WalkDir::new(dir).min_depth(1).sort_by_file_name() {
        let entry = entry.expect("walk");
        let relative = entry
            .path()
            .strip_prefix(dir)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let what = if entry.path_is_symlink() {
            format!("link to {}", fs::read_link(entry.path()).unwrap().display())
        } else if entry.file_type().is_dir() {
            "folder".to_string()
        } else {
            format!("{:?}", fs::read(entry.path()).unwrap())
        };
        entries.insert(relative, what);
    }
    entries
}

fn assert_refused(run: &Run, says: &str) {
    assert_eq!(run.code, 2, "stdout: {}\nstderr: {}", run.stdout, run.stderr);
    assert!(run.stderr.contains(says), "expected `{says}` in: {}", run.stderr);
}

// --- Item 1: a crafted record deletes files anywhere ---

#[test]
fn crafted_manifest_deletes_files_anywhere() {
    let world = World::new();
    let absolute = world.path("site/content/incidents/mail-down.md");
    let record = serde_json::json!({
        "format": "beacon-output/1",
        "writers": {"build": ["../outside/victim.txt", "../site/config.toml", absolute.to_str().unwrap()]},
    });
    world.write("public/.beacon-manifest.json", &record.to_string());
    let before = world.outside("public");
    let output = tree(&world.path("public"));
    for force in [&[][..], &["--force"][..]] {
        let run = world.build(force);
        assert_refused(&run, "beacon did not write this record");
        assert!(!run.stdout.contains("removed"), "{}", run.stdout);
        assert_eq!(world.outside("public"), before);
        assert_eq!(
            tree(&world.path("public")),
            output,
            "a refused build changes nothing"
        );
    }
}

/// The class: whatever a record lists, beacon removes or overwrites nothing outside the
/// output, with `--force` and without: paths that leave it by `..`, by a root, by a backslash,
/// through a link, or that name the record itself.
#[test]
fn no_listed_path_reaches_outside_the_output() {
    let listed = [
        "../outside/victim.txt",
        "a/../../outside/victim.txt",
        "./victim.txt",
        "",
        "a//b",
        "..\\outside\\victim.txt",
        ".beacon-manifest.json",
        "up/victim.txt",
        "user/keep.txt",
    ];
    for path in listed {
        let world = World::new();
        assert_eq!(world.build(&[]).code, 0);
        world.link("public/up", &world.path("outside"));
        world.link("public/user", &world.path("outside/user"));
        let mut record: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(world.path("public/.beacon-manifest.json")).unwrap())
                .unwrap();
        record["writers"]["build"]
            .as_array_mut()
            .unwrap()
            .push(path.into());
        world.write("public/.beacon-manifest.json", &record.to_string());
        let before = world.outside("public");
        for force in [&[][..], &["--force"][..]] {
            let run = world.build(force);
            assert_ne!(run.code, 0, "`{path}` {force:?}: {}", run.stdout);
            assert_eq!(world.outside("public"), before, "`{path}` {force:?}");
        }
    }
}

// --- Item 2: --force follows a linked subfolder out of the output ---

#[test]
fn force_follows_a_symlinked_subfolder_out_of_the_output() {
    let world = World::new();
    assert_eq!(world.build(&[]).code, 0);
    world.link("public/incidents", &world.path("outside/user"));
    fs::remove_file(world.path("site/content/incidents/mail-down.md")).unwrap();
    let before = world.outside("public");
    let run = world.build(&[]);
    assert_refused(&run, "refusing to write");
    let run = world.build(&["--force"]);
    assert_refused(&run, "is a symbolic link to");
    assert_eq!(world.outside("public"), before);
    assert_eq!(
        fs::read_to_string(world.path("outside/user/keep.txt")).unwrap(),
        "keep me\n"
    );
}

/// The class: a link anywhere in the output, to the user's folder, the site, a folder above,
/// itself, or in a loop, never leads a write or a removal out of it; a link to a folder inside
/// the output is followed.
#[test]
fn no_link_in_the_output_leads_a_write_or_removal_out_of_it() {
    for at in [
        "incidents",
        "incidents/mail-down",
        "api",
        "api/v2",
        "components/email",
    ] {
        for to in ["outside/user", "site", "site/content", ".", "public", "LOOP"] {
            let world = World::new();
            assert_eq!(world.build(&[]).code, 0);
            let target = if to == "LOOP" {
                world.path(&format!("public/{at}"))
            } else {
                world.path(to)
            };
            world.link(&format!("public/{at}"), &target);
            let before = world.outside("public");
            for force in [&[][..], &["--force"][..]] {
                let run = world.build(force);
                assert!(run.code == 0 || run.code == 2, "{at} -> {to}: {}", run.stderr);
                assert_eq!(world.outside("public"), before, "{at} -> {to} {force:?}");
            }
        }
    }
    // Inside: `public/v` leads to `public/api`, a folder of the output itself.
    let world = World::new();
    assert_eq!(world.build(&[]).code, 0);
    fs::create_dir_all(world.path("public/real")).unwrap();
    world.link("public/components", &world.path("public/real"));
    let run = world.build(&["--force"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

// --- Item 3: import writes outside --into and leaves half an import ---

fn import(world: &World, tool: &str, into: &str) -> Run {
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format!("import-{tool}"));
    Command::new(env!("CARGO_BIN_EXE_beacon"))
        .current_dir(world.dir.path())
        .args(["import", tool])
        .arg(src)
        .args(["--into", into])
        .output()
        .expect("run beacon")
        .into()
}

#[test]
fn import_writes_outside_into_through_a_symlinked_folder() {
    let world = World::new();
    world.link("out/content/incidents/2024", &world.path("outside/user"));
    let before = world.outside("out");
    let inside = tree(&world.path("out"));
    let run = import(&world, "cstate", "out");
    assert_refused(&run, "is a symbolic link to");
    assert_eq!(world.outside("out"), before);
    assert_eq!(tree(&world.path("out")), inside, "nothing of the import is left");
}

/// The class: an import is all or nothing, and stays inside `--into`, whatever stands there:
/// links at every level, a file in the way, or an existing site the result fails to check with.
#[test]
fn an_import_is_all_or_nothing_and_stays_inside_into() {
    for tool in ["cstate", "statusfy"] {
        for (at, to) in [
            ("out/content", "outside"),
            ("out/content/incidents", "outside/user"),
            ("out/content/pages", "site"),
            ("out/content/incidents", ".."),
            ("out/content/incidents", "out/content/incidents"),
        ] {
            let world = World::new();
            world.link(at, &world.path(to));
            let before = world.outside("out");
            let inside = tree(&world.path("out"));
            let run = import(&world, tool, "out");
            assert_ne!(run.code, 0, "{tool} {at} -> {to}: {}", run.stdout);
            assert_eq!(world.outside("out"), before, "{tool} {at} -> {to}");
            assert_eq!(tree(&world.path("out")), inside, "{tool} {at} -> {to}");
        }
        // The import itself succeeds, but the site it joins does not check.
        let world = World::new();
        world.write("out/content/incidents/broken.md", "+++\ntitle = \n+++\n");
        let inside = tree(&world.path("out"));
        let run = import(&world, tool, "out");
        assert_eq!(run.code, 1, "{tool}: {}", run.stderr);
        assert_eq!(tree(&world.path("out")), inside, "{tool}: the import was undone");
    }
}

// --- Item 6: a failed build leaves a temporary file ---

#[test]
fn a_failed_build_leaves_a_temporary_file() {
    let world = World::new();
    world.write("site/static/incidents", "a file where the build needs a folder");
    let run = world.build(&[]);
    assert_refused(&run, "a file and a folder at once");
    assert!(
        !world.path("public").exists(),
        "{:?}",
        tree(&world.path("public"))
    );
    fs::remove_file(world.path("site/static/incidents")).unwrap();
    assert_eq!(world.build(&[]).code, 0);
    let built = tree(&world.path("public"));
    world.write("site/static/incidents", "a file where the build needs a folder");
    assert_refused(&world.build(&[]), "a file and a folder at once");
    assert_eq!(tree(&world.path("public")), built);
}

/// The class: whatever makes a build fail after files were rendered (a file that must also be
/// a folder, a user's folder where a file goes, a link out of the output), the output is left
/// byte for byte as it was: no temporary file, no record change, no removal.
#[test]
fn every_failed_build_changes_nothing() {
    type Break = fn(&World);
    let breaks: [(&str, Break); 4] = [
        ("static file clash", |w| w.write("site/static/api", "x")),
        // Where the build writes a new page. (A folder put in place of a file the last build
        // wrote goes unnoticed while the record says the file is there: docs/outputs.md.)
        ("user folder in a file's place", |w| {
            w.write("public/incidents/new-one/index.html/mine.txt", "mine");
            w.write(
                "site/content/incidents/new-one.md",
                "+++\ntitle = \"New\"\ndate = 2022-01-28T08:00:00-05:00\nseverity = \"major\"\ncomponents = [\"email\"]\n+++\n",
            );
        }),
        ("link out", |w| w.link("public/history", &w.path("outside/user"))),
        ("stale file behind a link", |w| {
            fs::remove_file(w.path("site/content/incidents/mail-down.md")).unwrap();
            w.link("public/incidents/mail-down", &w.path("outside/user"));
        }),
    ];
    for (what, break_it) in breaks {
        let world = World::new();
        assert_eq!(world.build(&[]).code, 0);
        break_it(&world);
        let before = tree(world.dir.path());
        let run = world.build(&["--force"]);
        assert_eq!(run.code, 2, "{what}: {}", run.stdout);
        assert_eq!(tree(world.dir.path()), before, "{what}");
    }
}

// --- Item 8: `--output locales --force` writes the site into a source folder ---

#[test]
fn output_locales_force_writes_the_site_into_a_source_folder() {
    let world = World::new();
    fs::create_dir_all(world.path("site/locales")).unwrap();
    let run = world.beacon(&["build", "--output", "site/locales", "--force"]);
    assert_refused(&run, "--force does not override this");
    assert!(tree(&world.path("site/locales")).is_empty());
}

/// The class: every folder beacon reads (and `locales/`), missing or there, linked or not, and
/// every folder inside one, is refused as the output, even with `--force`.
#[test]
fn every_source_folder_is_refused_as_the_output() {
    for folder in ["content", "templates", "static", "themes", "i18n", "locales"] {
        for output in [
            folder.to_string(),
            format!("{folder}/sub"),
            format!("{folder}/../{folder}"),
        ] {
            let world = World::new();
            let before = tree(world.dir.path());
            let run = world.beacon(&["build", "--output", &format!("site/{output}"), "--force"]);
            assert_refused(&run, "--force does not override this");
            assert_eq!(tree(world.dir.path()), before, "{output}");
        }
        // A source folder that is a link: where it leads is refused too.
        let world = World::new();
        fs::create_dir_all(world.path("elsewhere")).unwrap();
        world.link(&format!("site/{folder}"), &world.path("elsewhere"));
        for output in ["elsewhere", "elsewhere/sub"] {
            let run = world.beacon(&["build", "--output", output, "--force"]);
            assert_refused(&run, "--force does not override this");
        }
    }
}

// --- The property: random trees of folders, links and planted records ---

/// What may stand in the output before a build.
#[derive(Debug, Clone)]
enum Plant {
    Folder(&'static str),
    File(&'static str),
    Link(&'static str, &'static str),
    Record(Vec<&'static str>),
}

const PLACES: &[&str] = &[
    "incidents",
    "incidents/mail-down",
    "api",
    "api/v2",
    "components",
    "history",
    "x",
    "x/y",
];
const TARGETS: &[&str] = &[
    "outside",
    "outside/user",
    "site",
    "site/content",
    ".",
    "public",
    "public/x",
    "SELF",
    "missing",
];
const LISTED: &[&str] = &[
    "../outside/victim.txt",
    "x/../../outside/victim.txt",
    "incidents/mail-down/index.html",
    "x/y/keep.txt",
    "x/keep.txt",
    "index.html",
    "api/v2/victim.txt",
];

fn plant() -> impl Strategy<Value = Plant> {
    prop_oneof![
        proptest::sample::select(PLACES).prop_map(Plant::Folder),
        proptest::sample::select(PLACES).prop_map(Plant::File),
        (
            proptest::sample::select(PLACES),
            proptest::sample::select(TARGETS)
        )
            .prop_map(|(a, t)| Plant::Link(a, t)),
        proptest::collection::vec(proptest::sample::select(LISTED), 1..4).prop_map(Plant::Record),
    ]
}

fn apply(world: &World, plant: &Plant) {
    let place = |p: &str| world.path(&format!("public/{p}"));
    match plant {
        Plant::Folder(p) => {
            let _ = fs::create_dir_all(place(p));
        }
        Plant::File(p) => {
            if let Some(parent) = place(p).parent() {
                let _ = fs::create_dir_all(parent);
            }
            let _ = fs::write(place(p), "planted");
        }
        Plant::Link(p, to) => {
            let target = match *to {
                "SELF" => place(p),
                "missing" => world.path("nowhere"),
                to => world.path(to),
            };
            if let Some(parent) = place(p).parent() {
                let _ = fs::create_dir_all(parent);
            }
            let _ = fs::remove_dir_all(place(p));
            let _ = fs::remove_file(place(p));
            let _ = std::os::unix::fs::symlink(target, place(p));
        }
        Plant::Record(listed) => {
            let record = serde_json::json!({"format": "beacon-output/1", "writers": {"build": listed}});
            let _ = fs::create_dir_all(world.path("public"));
            let _ = fs::write(world.path("public/.beacon-manifest.json"), record.to_string());
        }
    }
}

fn cases() -> u32 {
    std::env::var("BEACON_CONFINEMENT_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(12)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn no_build_or_import_changes_a_byte_outside_its_target(
        built_first in any::<bool>(),
        plants in proptest::collection::vec(plant(), 0..5),
        force in any::<bool>(),
        drop_incident in any::<bool>(),
        import_links in proptest::collection::vec((0..3usize, proptest::sample::select(TARGETS)), 0..3),
    ) {
        let world = World::new();
        if built_first {
            prop_assert_eq!(world.build(&[]).code, 0);
        }
        for p in &plants {
            apply(&world, p);
        }
        if drop_incident {
            let _ = fs::remove_file(world.path("site/content/incidents/mail-down.md"));
        }
        let flags: &[&str] = if force { &["--force"] } else { &[] };
        for step in 0..2 {
            let before = world.outside("public");
            let run = world.build(flags);
            prop_assert!(run.code == 0 || run.code == 2, "step {}: {}", step, run.stderr);
            prop_assert_eq!(&world.outside("public"), &before, "step {}: {}", step, run.stderr);
            let leftovers: Vec<String> = tree(&world.path("public")).into_keys().filter(|p| p.contains("beacon-partial")).collect();
            prop_assert!(leftovers.is_empty(), "{:?}", leftovers);
        }
        // Import into a folder with links planted at each level.
        for (level, to) in &import_links {
            let at = ["out/content", "out/content/incidents", "out/content/incidents/2024"][*level];
            let target = match *to { "SELF" => world.path(at), "missing" => world.path("nowhere"), to => world.path(to) };
            if let Some(parent) = world.path(at).parent() {
                let _ = fs::create_dir_all(parent);
            }
            if !world.path(at).exists() && !world.path(at).is_symlink() {
                let _ = std::os::unix::fs::symlink(target, world.path(at));
            }
        }
        let before = world.outside("out");
        let inside = tree(&world.path("out"));
        let run = import(&world, "cstate", "out");
        prop_assert_eq!(&world.outside("out"), &before, "{}", run.stderr);
        if run.code != 0 {
            prop_assert_eq!(&tree(&world.path("out")), &inside, "{}", run.stderr);
        }
    }
}
