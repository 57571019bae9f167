//! The harness: a site in a temp folder, written inline or copied from `tests/fixtures/`, and
//! the real `beacon` binary run on it.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

/// A site on disk for one test; removed when dropped.
pub struct TestSite {
    pub dir: TempDir,
}

/// A config.toml with the components most tests use, in America/New_York.
pub const CONFIG: &str = r#"title = "Test Status"
base_url = "https://status.example.org/"
description = "Test site."
timezone = "America/New_York"

[[components]]
id = "email"
name = "Email"
group = "Mail"

[[components]]
id = "mobile-email"
name = "Mobile email"
group = "Mail"

[[components]]
id = "vpn"
name = "VPN"
"#;

impl TestSite {
    /// An empty site with [`CONFIG`].
    pub fn new() -> Self {
        let site = TestSite {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        site.write("config.toml", CONFIG);
        site
    }

    /// A copy of `tests/fixtures/<name>/`.
    pub fn fixture(name: &str) -> Self {
        let site = TestSite {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(name),
            site.root(),
        );
        site
    }

    /// A copy of the example site at the repository root (config, content, themes).
    pub fn example() -> Self {
        let site = TestSite {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        fs::copy(repo.join("config.toml"), site.root().join("config.toml")).expect("copy config");
        // And its texts in other languages, `config.<code>.toml`.
        for entry in fs::read_dir(repo).expect("list repo") {
            let name = entry.expect("entry").file_name().to_string_lossy().into_owned();
            if name.starts_with("config.") && name.ends_with(".toml") && name != "config.toml" {
                fs::copy(repo.join(&name), site.root().join(&name)).expect("copy config text");
            }
        }
        for dir in ["content", "themes", "templates", "static"] {
            if repo.join(dir).exists() {
                copy_dir(&repo.join(dir), &site.root().join(dir));
            }
        }
        site
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.root().join(relative)
    }

    /// Writes `text` to `relative`, making folders as needed.
    pub fn write(&self, relative: &str, text: impl AsRef<[u8]>) {
        let path = self.path(relative);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, text).expect("write");
    }

    pub fn read(&self, relative: &str) -> String {
        fs::read_to_string(self.path(relative)).unwrap_or_else(|e| panic!("read {relative}: {e}"))
    }

    /// The names in the site's folder, sorted.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(self.root())
            .expect("read the site's folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// Runs `beacon --root <site> ARGS...`.
    pub fn beacon(&self, args: &[&str]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_beacon"))
            .arg("--root")
            .arg(self.root())
            .args(args)
            .env_remove("SOURCE_DATE_EPOCH")
            .output()
            .expect("run beacon");
        Run::from(output)
    }

    /// Builds with `--now` and fails the test if the build fails.
    pub fn build_at(&self, now: &str) -> Run {
        let run = self.beacon(&["build", "--now", now]);
        assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
        run
    }
}

/// What a run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Self {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let target = to.join(entry.path().strip_prefix(from).expect("prefix"));
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).expect("mkdir");
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Every file under `dir` with its bytes, sorted by relative path: to compare whole trees.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    if !dir.exists() {
        return files;
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.expect("walk");
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .expect("prefix")
                .to_string_lossy()
                .replace('\\', "/");
            files.push((rel, fs::read(entry.path()).expect("read")));
        }
    }
    files
}

/// The SUMMARY of every event of an iCalendar file, as the icalendar crate reads them.
pub fn event_summaries(ics: &str) -> Vec<String> {
    let calendar: icalendar::Calendar = ics.parse().unwrap_or_else(|e| panic!("calendar: {e}"));
    calendar
        .components
        .iter()
        .filter_map(|c| match c {
            icalendar::CalendarComponent::Event(e) => {
                icalendar::Component::get_summary(e).map(str::to_string)
            }
            _ => None,
        })
        .collect()
}

/// The text of a page's `<title>`, as an HTML parser reads it.
pub fn page_title(html: &str) -> String {
    scraper::Html::parse_document(html)
        .select(&scraper::Selector::parse("title").unwrap())
        .next()
        .expect("the page has a <title>")
        .text()
        .collect()
}
