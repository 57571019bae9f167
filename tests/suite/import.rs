//! `beacon import cstate|statusfy`: the real binary on fixture sites written from each tool's
//! documented formats; the imported site is then checked and built, and its JSON API read.

use std::path::Path;

use serde::Deserialize;

use crate::common::{snapshot, Run, TestSite};

fn import(tool: &str, fixture: &str, into: &Path) -> Run {
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(fixture);
    import_from(tool, &src, into)
}

/// `beacon import TOOL SRC --into INTO`.
fn import_from(tool: &str, src: &Path, into: &Path) -> Run {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_beacon"))
        .args(["import", tool])
        .arg(src)
        .arg("--into")
        .arg(into)
        .output()
        .expect("run beacon");
    Run::from(output)
}

/// An empty target folder wrapped as a site (its config.toml is the import's to write).
fn target() -> TestSite {
    TestSite {
        dir: tempfile::tempdir().expect("temp dir"),
    }
}

/// The warning lines as (file, line, message), the file relative to the fixture.
fn warnings(run: &Run, fixture: &str) -> Vec<(String, usize, String)> {
    let prefix = format!(
        "warning: {}/",
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(fixture)
            .display()
    );
    run.stderr
        .lines()
        .filter_map(|l| l.strip_prefix(&prefix))
        .map(|l| {
            let mut parts = l.splitn(3, ':');
            let file = parts.next().unwrap().to_string();
            let line = parts.next().unwrap().parse().expect("a line number");
            (file, line, parts.next().unwrap().trim().to_string())
        })
        .collect()
}

fn has_warning(all: &[(String, usize, String)], file: &str, line: usize, says: &str) {
    assert!(
        all.iter()
            .any(|(f, l, m)| f == file && *l == line && m.contains(says)),
        "no warning at {file}:{line} saying {says:?}; got:\n{all:#?}"
    );
}

#[derive(Deserialize)]
struct Incidents {
    incidents: Vec<Incident>,
}

#[derive(Deserialize)]
struct Incident {
    id: String,
    impact: String,
    started_at: String,
    resolved_at: Option<String>,
    components: Vec<Named>,
    incident_updates: Vec<IncidentUpdate>,
}

#[derive(Deserialize)]
struct IncidentUpdate {
    status: String,
    body: String,
    display_at: String,
}

#[derive(Deserialize)]
struct Named {
    id: String,
    name: String,
    status: String,
    #[serde(default)]
    group: bool,
}

#[derive(Deserialize)]
struct Components {
    components: Vec<Named>,
}

#[derive(Deserialize)]
struct Maintenances {
    scheduled_maintenances: Vec<Maintenance>,
}

#[derive(Deserialize)]
struct Maintenance {
    id: String,
    scheduled_for: String,
    scheduled_until: String,
    components: Vec<Named>,
}

fn json<T: for<'de> Deserialize<'de>>(site: &TestSite, file: &str) -> T {
    serde_json::from_str(&site.read(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn incident<'a>(all: &'a Incidents, id: &str) -> &'a Incident {
    all.incidents
        .iter()
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("no incident {id}"))
}

fn component_ids(i: &Incident) -> Vec<&str> {
    i.components.iter().map(|c| c.id.as_str()).collect()
}

/// The front matter of a written file, parsed as TOML.
fn front_matter(site: &TestSite, file: &str) -> toml::Table {
    let text = site.read(file);
    let inner = text
        .strip_prefix("+++\n")
        .and_then(|t| t.split_once("\n+++"))
        .expect("front matter")
        .0;
    toml::from_str(inner).unwrap_or_else(|e| panic!("{file}: {e}"))
}

#[test]
fn cstate_site_imports_checks_and_builds() {
    let site = target();
    let run = import("cstate", "import-cstate", site.root());
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains(
            "imported 4 incidents (1 ongoing), 1 maintenance window and 1 page across 4 components"
        ),
        "{}",
        run.stdout
    );
    let w = warnings(&run, "import-cstate");
    has_warning(&w, "config.yml", 28, "analytics settings are not imported");
    has_warning(&w, "config.yml", 30, "custom HTML partials");
    has_warning(&w, "config.yml", 31, "`params.customTabs` has no equivalent");
    has_warning(&w, "config.yml", 27, "`link` has no equivalent");
    has_warning(
        &w,
        "config.yml",
        10,
        "category `Core`: beacon groups have no description",
    );
    has_warning(
        &w,
        "layouts/partials/custom/head.html",
        1,
        "custom layout not imported",
    );
    has_warning(&w, "content/pages/about.md", 3, "`menu` has no equivalent");
    has_warning(
        &w,
        "content/pages/about.md",
        8,
        "shortcode `ref` is not converted",
    );
    has_warning(
        &w,
        "content/issues/2024-02-01-slow-website.md",
        13,
        "unknown shortcode `figure`",
    );
    has_warning(
        &w,
        "content/issues/2024-02-01-slow-website.md",
        15,
        "`yesterday` is not a date",
    );
    has_warning(
        &w,
        "content/issues/2024-02-01-slow-website.md",
        9,
        "`automated` has no equivalent",
    );
    has_warning(
        &w,
        "content/issues/2024-02-01-slow-website.md",
        6,
        "`Billing` is not in `params.systems`",
    );
    has_warning(
        &w,
        "content/issues/2024-02-01-slow-website.md",
        4,
        "resolved without `resolvedWhen`",
    );
    has_warning(&w, "content/issues/2024-05-10-dns.md", 7, "`pin: false` hides");
    has_warning(&w, "content/issues/2024-06-01-broken.md", 4, "YAML front matter");
    assert_eq!(w.len(), 16, "{w:#?}");

    let check = site.beacon(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    site.build_at("2024-06-01T00:00:00Z");
    let page = front_matter(&site, "content/pages/about.md");
    assert_eq!(
        (page["title"].as_str(), page["description"].as_str()),
        (Some("About"), Some("Who runs this page."))
    );
    assert!(site.read("public/about/index.html").contains("About this page."));

    // Hugo reads the zone-less dates in the config's `timeZone` (Europe/Vilnius, +02:00/+03:00).
    let all: Incidents = json(&site, "public/api/v2/incidents.json");
    assert_eq!(all.incidents.len(), 4);
    let outage = incident(&all, "2024-03-02-api-outage");
    assert_eq!(outage.impact, "critical", "down → major");
    assert_eq!(outage.started_at, "2024-03-02T08:00:00Z");
    assert_eq!(outage.resolved_at.as_deref(), Some("2024-03-02T10:30:00Z"));
    assert_eq!(component_ids(outage), ["api", "website"]);
    let timeline: Vec<(&str, &str)> = outage
        .incident_updates
        .iter()
        .map(|u| (u.status.as_str(), u.display_at.as_str()))
        .collect();
    assert_eq!(
        timeline,
        [
            ("resolved", "2024-03-02T10:30:00Z"),
            ("monitoring", "2024-03-02T09:45:00Z"),
            ("identified", "2024-03-02T08:40:00Z"),
            ("investigating", "2024-03-02T08:05:00Z"),
        ]
    );
    assert_eq!(
        outage.incident_updates[1].body,
        "A fix is out; we are watching error rates."
    );
    let body = site.read("content/incidents/2024/2024-03-02-api-outage.md");
    assert!(
        body.ends_with("+++\n## What happened\n\nA deploy removed a config value.\n"),
        "{body}"
    );

    let dns = incident(&all, "2024-05-10-dns");
    assert_eq!(
        (dns.impact.as_str(), dns.resolved_at.as_deref()),
        ("major", None),
        "disrupted → partial, ongoing"
    );
    assert_eq!(component_ids(dns), ["zurich-dns"]);
    let slow = incident(&all, "2024-02-01-slow-website");
    assert_eq!(slow.impact, "none", "notice → notice");
    assert_eq!(
        slow.resolved_at.as_deref(),
        Some("2024-02-01T13:20:00Z"),
        "from the last track"
    );
    assert_eq!(component_ids(slow), ["website"], "`website` matches `Website`");
    let note = incident(&all, "2024-01-15-new-dashboard");
    assert_eq!(
        (note.impact.as_str(), note.resolved_at.as_deref()),
        ("none", Some("2024-01-15T07:00:00Z"))
    );
    assert_eq!(
        front_matter(&site, "content/incidents/2024/2024-01-15-new-dashboard.md")["pinned"].as_bool(),
        Some(true)
    );

    let components: Components = json(&site, "public/api/v2/components.json");
    let status: Vec<(&str, &str)> = components
        .components
        .iter()
        .filter(|c| !c.group)
        .map(|c| (c.id.as_str(), c.status.as_str()))
        .collect();
    assert_eq!(
        status,
        [
            ("api", "operational"),
            ("zurich-dns", "partial_outage"),
            ("pochta", "operational"),
            ("website", "operational")
        ]
    );
    let names: Vec<&str> = components.components.iter().map(|c| c.name.as_str()).collect();
    assert!(
        names.contains(&"Zürich DNS") && names.contains(&"Почта"),
        "{names:?}"
    );
    let config: toml::Table = toml::from_str(&site.read("config.toml")).unwrap();
    assert_eq!(config["timezone"].as_str(), Some("Europe/Vilnius"));
    assert_eq!(config["language"].as_str(), Some("en-gb"));
    assert_eq!(config["base_url"].as_str(), Some("https://status.acme.example/"));
    let groups: Vec<Option<&str>> = config["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.get("group").and_then(|g| g.as_str()))
        .collect();
    assert_eq!(
        groups,
        [Some("Core"), Some("Regional"), Some("Regional"), None],
        "untitled → ungrouped"
    );

    let windows: Maintenances = json(&site, "public/api/v2/scheduled-maintenances.json");
    assert_eq!(windows.scheduled_maintenances.len(), 1);
    let window = &windows.scheduled_maintenances[0];
    assert_eq!(window.id, "2024-04-20-maintenance");
    assert_eq!(
        (window.scheduled_for.as_str(), window.scheduled_until.as_str()),
        ("2024-04-20T19:00:00Z", "2024-04-20T23:00:00Z")
    );
    assert_eq!(window.components[0].id, "pochta");
}

#[test]
fn statusfy_site_imports_checks_and_builds() {
    let site = target();
    let run = import("statusfy", "import-statusfy", site.root());
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let w = warnings(&run, "import-statusfy");
    has_warning(&w, "config.js", 7, "analytics settings are not imported");
    has_warning(&w, "config.js", 11, "locale `es`");
    has_warning(&w, "config.js", 19, "`notifications`");
    has_warning(
        &w,
        "content/es/2024-03-02_conversion-issues.md",
        1,
        "translation (locale `es`) not imported",
    );
    has_warning(
        &w,
        "content/2024-05-10_cdn-slow.md",
        7,
        "`billing` is not in `content.systems`",
    );
    has_warning(
        &w,
        "content/2024-05-10_cdn-slow.md",
        9,
        "`tags` has no equivalent",
    );
    has_warning(
        &w,
        "content/2024-05-10_cdn-slow.md",
        17,
        "expected `::: update Title | date`",
    );
    has_warning(
        &w,
        "content/2024-05-10_cdn-slow.md",
        21,
        "unknown container `::: warning`",
    );
    has_warning(
        &w,
        "content/2024-04-01_zahlungen.md",
        18,
        "`whenever` is not a date",
    );
    has_warning(&w, "content/2024-01-05_no-resolution-info.md", 12, "never closed");
    has_warning(
        &w,
        "content/2024-01-05_no-resolution-info.md",
        7,
        "no update or `modified` dates the resolution",
    );
    has_warning(
        &w,
        "content/2024-02-10_deploy.md",
        4,
        "under-maintenance without `scheduled` and `duration`",
    );
    assert_eq!(w.len(), 12, "{w:#?}");

    assert_eq!(site.beacon(&["check"]).code, 0);
    site.build_at("2024-06-21T00:00:00Z");
    let all: Incidents = json(&site, "public/api/v2/incidents.json");
    let ids: Vec<&str> = all.incidents.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "2024-05-10-cdn-slow",
            "2024-04-01-zahlungen",
            "382ee1ab",
            "2024-01-20-modified-only",
            "2024-01-05-no-resolution-info"
        ]
    );
    // Severities: major-outage → major (critical), partial-outage → partial (major),
    // degraded-performance → degraded (minor).
    let conv = incident(&all, "382ee1ab");
    assert_eq!(conv.impact, "critical");
    assert_eq!(
        conv.resolved_at.as_deref(),
        Some("2024-03-02T12:30:00Z"),
        "the last update resolves it"
    );
    assert_eq!(component_ids(conv), ["conversions", "api"]);
    let statuses: Vec<&str> = conv.incident_updates.iter().map(|u| u.status.as_str()).collect();
    assert_eq!(statuses, ["resolved", "monitoring", "investigating"]);
    assert_eq!(
        conv.incident_updates[0].body,
        "Conversions are back to normal.\n\n🎉"
    );
    let modified = incident(&all, "2024-01-20-modified-only");
    assert_eq!(
        modified.resolved_at.as_deref(),
        Some("2024-01-20T09:45:00Z"),
        "no update: `modified`"
    );
    let pay = incident(&all, "2024-04-01-zahlungen");
    assert_eq!(
        (pay.impact.as_str(), pay.resolved_at.as_deref()),
        ("major", Some("2024-04-01T10:15:00Z"))
    );
    let cdn = incident(&all, "2024-05-10-cdn-slow");
    assert_eq!((cdn.impact.as_str(), cdn.resolved_at.as_deref()), ("minor", None));
    assert_eq!(component_ids(cdn), ["cdn"]);
    // The description becomes the body's first paragraph unless the body says it already.
    assert!(site
        .read("content/incidents/2024/2024-05-10-cdn-slow.md")
        .contains("+++\nAssets load slowly in Europe.\n"));
    let conv_file = site.read("content/incidents/2024/382ee1ab.md");
    assert_eq!(
        conv_file
            .matches("Our Files Conversion System was not responding properly.")
            .count(),
        1
    );

    let components: Components = json(&site, "public/api/v2/components.json");
    let status: Vec<(&str, &str, &str)> = components
        .components
        .iter()
        .map(|c| (c.id.as_str(), c.name.as_str(), c.status.as_str()))
        .collect();
    assert_eq!(
        status,
        [
            ("cdn", "CDN", "degraded_performance"),
            ("conversions", "Conversions", "operational"),
            ("site-delivery", "Site delivery", "operational"),
            ("api", "API", "operational"),
            (
                "zahlungsverkehr",
                "Zahlungsverkehr (Überweisungen)",
                "operational"
            ),
        ]
    );
    let windows: Maintenances = json(&site, "public/api/v2/scheduled-maintenances.json");
    let w0 = &windows.scheduled_maintenances[0];
    assert_eq!(
        (w0.scheduled_for.as_str(), w0.scheduled_until.as_str()),
        ("2024-06-20T22:00:00Z", "2024-06-20T23:30:00Z"),
        "scheduled + duration"
    );
    let config: toml::Table = toml::from_str(&site.read("config.toml")).unwrap();
    assert_eq!(config["language"].as_str(), Some("en-US"));
    assert_eq!(
        config["description"].as_str(),
        Some("Live status of Acme's services"),
        "the locale file wins"
    );
}

#[test]
fn statusfy_front_matter_in_yaml_json_and_toml_reads_alike() {
    let mut written = Vec::new();
    for (name, front) in [
        ("yaml", "---\ntitle: \"Outage\"\ndate: 2024-01-02T03:04:05.000Z\nseverity: major-outage\naffectedsystems:\n  - api\nresolved: false\n---\n"),
        ("json", "---json\n{\"title\": \"Outage\", \"date\": \"2024-01-02T03:04:05.000Z\", \"severity\": \"major-outage\", \"affectedsystems\": [\"api\"], \"resolved\": false}\n---\n"),
        ("toml", "---toml\ntitle = \"Outage\"\ndate = 2024-01-02T03:04:05.000Z\nseverity = \"major-outage\"\naffectedsystems = [\"api\"]\nresolved = false\n---\n"),
    ] {
        let src = target();
        src.write("config.yml", "title: S\nbaseUrl: https://s.example\ncontent:\n  systems:\n    - api\n");
        src.write("content/2024-01-02_outage.md", format!("{front}\nBody.\n"));
        let into = target();
        let run = import_from("statusfy", src.root(), into.root());
        assert_eq!(run.code, 0, "{name}: {}{}", run.stdout, run.stderr);
        assert!(!run.stderr.contains("warning:"), "{name}: {}", run.stderr);
        written.push(into.read("content/incidents/2024/2024-01-02-outage.md"));
    }
    assert_eq!(written[0], written[1]);
    assert_eq!(written[0], written[2]);
    assert!(
        written[0]
            .contains("date = 2024-01-02T03:04:05+00:00\nseverity = \"major\"\ncomponents = [\"api\"]\n"),
        "{}",
        written[0]
    );
}

#[test]
fn config_toml_of_statusfy_and_broken_configs() {
    let src = target();
    src.write("config.toml", "title = \"S\"\nbaseUrl = \"https://s.example\"\ndefaultLocale = \"de\"\n[[locales]]\ncode = \"de\"\niso = \"de-DE\"\n[content]\nsystems = [\"Straßenbahn\"]\n");
    let into = target();
    let run = import_from("statusfy", src.root(), into.root());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let config: toml::Table = toml::from_str(&into.read("config.toml")).unwrap();
    assert_eq!(config["language"].as_str(), Some("de-DE"));
    assert_eq!(config["components"][0]["id"].as_str(), Some("strassenbahn"));
    assert_eq!(config["components"][0]["name"].as_str(), Some("Straßenbahn"));

    // A config that does not parse is an error naming file, line and column; nothing is written.
    let broken = target();
    broken.write("config.yml", "title: S\nparams:\n  systems: [\n");
    let into = target();
    let run = import_from("cstate", broken.root(), into.root());
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("config.yml:4:"), "{}", run.stderr);
    assert!(snapshot(into.root()).is_empty());
}

/// An update text with a `+++` line is written so that it cannot close the front matter (the
/// one front-matter writer of `new`): the import used to write it as a multi-line string, and
/// the written site failed `check`, so nothing was imported.
#[test]
fn a_fence_line_in_an_update_text_is_imported() {
    let src = target();
    src.write(
        "config.yml",
        "title: T\nbaseUrl: https://t.example/\ncontent:\n  systems: [api]\n",
    );
    src.write(
        "content/a.md",
        "---\ntitle: Fence\ndate: 2024-01-01T10:00:00Z\nseverity: major-outage\naffectedsystems: [api]\nresolved: true\n---\nBody.\n\n::: update Resolved | 2024-01-01T11:00:00.000Z\nFixed.\n+++\nReally.\n:::\n",
    );
    let into = target();
    let run = import_from("statusfy", src.root(), into.root());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let fm = front_matter(&into, "content/incidents/2024/a.md");
    assert_eq!(fm["updates"][0]["text"].as_str(), Some("Fixed.\n+++\nReally."));
}

#[test]
fn cstate_config_in_toml_reads_like_yaml() {
    let src = target();
    src.write(
        "config.toml",
        "title = \"T\"\nbaseURL = \"https://t.example/\"\ntimeZone = \"America/New_York\"\n\n[params]\ndescription = \"D\"\n[[params.categories]]\nname = \"Core\"\n[[params.systems]]\nname = \"API\"\ncategory = \"Core\"\n",
    );
    src.write(
        "content/issues/x.md",
        "---\ntitle: X\ndate: 2024-01-15 09:00:00\nresolved: false\nseverity: down\naffected: [API]\nsection: issue\n---\n",
    );
    let into = target();
    let run = import_from("cstate", src.root(), into.root());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("warning:"), "{}", run.stderr);
    let config: toml::Table = toml::from_str(&into.read("config.toml")).unwrap();
    assert_eq!(config["timezone"].as_str(), Some("America/New_York"));
    assert_eq!(config["components"][0]["group"].as_str(), Some("Core"));
    let fm = front_matter(&into, "content/incidents/2024/x.md");
    assert_eq!(
        fm["date"].to_string(),
        "2024-01-15T09:00:00-05:00",
        "read in timeZone"
    );
    assert!(fm.get("resolved").is_none());
}

#[test]
fn import_never_overwrites_and_writes_nothing_when_it_refuses() {
    let site = target();
    assert_eq!(import("cstate", "import-cstate", site.root()).code, 0);
    let before = snapshot(site.root());
    let again = import("cstate", "import-cstate", site.root());
    assert_eq!(again.code, 2, "{}", again.stderr);
    assert!(
        again.stderr.contains("config.toml already exists"),
        "{}",
        again.stderr
    );
    assert_eq!(snapshot(site.root()), before);

    // One existing incident file is enough to refuse, before config.toml is written.
    let other = target();
    other.write("content/incidents/2024/2024-05-10-dns.md", "mine");
    let run = import("cstate", "import-cstate", other.root());
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("2024-05-10-dns.md already exists"),
        "{}",
        run.stderr
    );
    assert!(!other.path("config.toml").exists());
    assert_eq!(other.read("content/incidents/2024/2024-05-10-dns.md"), "mine");
}

#[test]
fn importing_twice_gives_identical_files() {
    for (tool, fixture) in [("cstate", "import-cstate"), ("statusfy", "import-statusfy")] {
        let (a, b) = (target(), target());
        let run_a = import(tool, fixture, a.root());
        let run_b = import(tool, fixture, b.root());
        assert_eq!((run_a.code, run_b.code), (0, 0));
        let snap = snapshot(a.root());
        assert!(snap.len() > 5, "{tool}: {} files", snap.len());
        assert_eq!(snap, snapshot(b.root()), "{tool}");
    }
}

mod never_panics {
    use std::path::Path;

    use beacon::content::{load_site, LoadOptions};
    use beacon::import::{read, write_site, Tool};
    use proptest::prelude::*;

    use super::target;

    /// A front-matter value of any shape a user might write, plausible or not.
    fn yaml_value() -> impl Strategy<Value = String> {
        prop_oneof![
            "[0-9]{4}-[0-9]{2}-[0-9]{2}( [0-9]{2}:[0-9]{2}(:[0-9]{2})?)?(Z|\\.000Z)?",
            "(true|false|null|down|disrupted|notice|major-outage|under-maintenance|1e400|-5|90)",
            "\\[(API|Zürich DNS|cdn|x)?(, (API|cdn))?\\]",
            "\"[^\"\\\\\\n]{0,12}\"",
            "[ -~]{0,12}",
        ]
    }

    fn front_matter() -> impl Strategy<Value = String> {
        let key = prop::sample::select(vec![
            "title",
            "date",
            "resolved",
            "resolvedWhen",
            "severity",
            "affected",
            "section",
            "informational",
            "pin",
            "draft",
            "slug",
            "id",
            "description",
            "modified",
            "affectedsystems",
            "scheduled",
            "duration",
            "other",
        ]);
        prop::collection::vec((key, yaml_value()), 0..8).prop_map(|pairs| {
            pairs
                .iter()
                .map(|(k, v)| format!("{k}: {v}\n"))
                .collect::<String>()
        })
    }

    /// Body text with timeline syntax of both tools, whole, broken and nested.
    fn body() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("*Resolved* - done {{< track \"2024-01-01 10:00:00\" >}}".to_string()),
            Just("{{< track \"nope\" >}}".to_string()),
            Just("{{< track".to_string()),
            Just("{{% figure %}}".to_string()),
            Just("::: update Resolved | 2024-01-01T10:00:00.000Z".to_string()),
            Just("::: update x".to_string()),
            Just(":::".to_string()),
            Just("```".to_string()),
            Just("---".to_string()),
            Just(":tada: `:x:`".to_string()),
            "[ -~éЖ]{0,20}",
            Just(String::new()),
        ];
        prop::collection::vec(piece, 0..12).prop_map(|p| p.join("\n"))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        /// Whatever the files hold, the import returns a site or an error, never panics, and a
        /// site it writes passes `beacon check`.
        #[test]
        fn any_source_imports_to_a_site_that_checks(
            front in front_matter(), text in body(), json in any::<bool>()
        ) {
            for tool in [Tool::Cstate, Tool::Statusfy] {
                let src = target();
                let file = match tool {
                    Tool::Cstate => {
                        src.write("config.yml", "title: T\nparams:\n  systems:\n    - name: API\n    - name: Zürich DNS\n");
                        "content/issues/a.md"
                    }
                    Tool::Statusfy => {
                        src.write("config.yml", "title: T\ncontent:\n  systems: [cdn, api]\n");
                        "content/a.md"
                    }
                };
                let opening = if json { "---json" } else { "---" };
                src.write(file, format!("{opening}\n{front}---\n{text}\n"));
                src.write(&file.replace("a.md", "b.md"), format!("---\n{front}---\n{text}\n"));
                if let Ok(imported) = read(tool, src.root()) {
                    let into = target();
                    write_site(&imported.site, into.root()).expect("writes into an empty folder");
                    let loaded = load_site(Path::new(into.root()), &LoadOptions { drafts: true });
                    prop_assert!(loaded.is_ok(), "{tool:?} wrote a site that fails check: {:?}\n{front}\n{text}", loaded.err());
                }
            }
        }
    }
}
