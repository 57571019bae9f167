//! Issue "Hardening, round three", items 7, 9 and 10: what the file system or an output format
//! limits is a content rule `check` reports at `file:line:col`; an ongoing incident is data
//! even before a component's `since`; a near-miss slug gets a suggestion. Each reported case
//! beside a test of its class.

use crate::common::{TestSite, CONFIG};

const NOW: &str = "2022-02-01T00:00:00Z";

fn incident(extra: &str) -> String {
    format!("+++\ntitle = \"Mail down\"\ndate = 2022-01-27T07:40:00-05:00\nseverity = \"major\"\ncomponents = [\"email\"]\n{extra}+++\nBody.\n")
}

/// `check` and `build` both refuse, with the same diagnostic at `at`, and nothing is built.
fn both_refuse(site: &TestSite, at: &str, says: &str) {
    for command in ["check", "build"] {
        let run = site.beacon(&[command, "--now", NOW]);
        assert_eq!(run.code, 1, "{command}: {}\n{}", run.stdout, run.stderr);
        assert!(
            run.stderr.contains(at),
            "{command}: expected `{at}` in\n{}",
            run.stderr
        );
        assert!(
            run.stderr.contains(says),
            "{command}: expected `{says}` in\n{}",
            run.stderr
        );
        assert!(!run.stderr.contains("os error"), "{command}: {}", run.stderr);
    }
    assert!(!site.path("public").exists());
}

// --- Item 7 ---

#[test]
fn check_passes_what_build_rejects() {
    let long = "a".repeat(300);
    let site = TestSite::new();
    site.write(
        "content/incidents/a.md",
        incident(&format!("slug = \"{long}\"\n")),
    );
    both_refuse(&site, "content/incidents/a.md:6:8:", "300 characters long");

    let site = TestSite::new();
    site.write(
        "config.toml",
        CONFIG.replace("id = \"vpn\"", &format!("id = \"{long}\"")),
    );
    both_refuse(&site, "config.toml:17:6:", "300 characters long");

    let site = TestSite::new();
    site.write("config.toml", CONFIG.replace("name = \"VPN\"", "name = \"\""));
    both_refuse(&site, "config.toml:18:8:", "`name` is empty");
}

/// The class: every name that becomes a file or folder of the output (an incident's or a
/// page's slug, from front matter or from the file name; a component id) is held to what every
/// file system and host takes: at most 100 characters, no Windows device name. At the limit it
/// builds.
#[test]
fn every_output_name_limit_is_a_content_rule() {
    let too_long = "b".repeat(101);
    for bad in [too_long.as_str(), "con", "nul", "aux", "prn", "com1", "lpt9"] {
        let says = if bad.len() > 100 {
            "characters long"
        } else {
            "device name on Windows"
        };
        let site = TestSite::new();
        site.write("content/incidents/a.md", incident(&format!("slug = \"{bad}\"\n")));
        both_refuse(&site, "content/incidents/a.md:6:8:", says);

        let site = TestSite::new();
        site.write(&format!("content/incidents/{bad}.md"), incident(""));
        both_refuse(&site, &format!("content/incidents/{bad}.md:2:1:"), says);

        let site = TestSite::new();
        site.write(
            "content/pages/about.md",
            format!("+++\ntitle = \"About\"\nslug = \"{bad}\"\n+++\n"),
        );
        both_refuse(&site, "content/pages/about.md:3:8:", says);

        let site = TestSite::new();
        site.write(
            "config.toml",
            CONFIG.replace("id = \"vpn\"", &format!("id = \"{bad}\"")),
        );
        both_refuse(&site, "config.toml:17:6:", says);
    }
    // At the limit, and names that only contain a device name, are fine.
    let site = TestSite::new();
    let longest = "c".repeat(100);
    site.write(
        "content/incidents/a.md",
        incident(&format!("slug = \"{longest}\"\n")),
    );
    site.write("content/incidents/console.md", incident(""));
    site.write(
        "config.toml",
        CONFIG.replace("id = \"vpn\"", &format!("id = \"{longest}\"")),
    );
    let run = site.beacon(&["build", "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site
        .path(&format!("public/incidents/{longest}/index.html"))
        .is_file());
    // Every text readers see as a name must say something: an empty component name, like an
    // empty title, is refused; so is one of only spaces.
    let site = TestSite::new();
    site.write("config.toml", CONFIG.replace("name = \"Email\"", "name = \"  \""));
    both_refuse(&site, "config.toml:8:8:", "`name` is empty");
}

// --- Item 9 ---

fn component_status(site: &TestSite, id: &str) -> String {
    let json: serde_json::Value = serde_json::from_str(&site.read("public/api/v2/components.json")).unwrap();
    json["components"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .map(|c| c["status"].as_str().unwrap().to_string())
        .unwrap()
}

#[test]
fn no_data_yet_hides_an_active_incident() {
    let site = TestSite::new();
    site.write(
        "config.toml",
        CONFIG.replace("name = \"VPN\"", "name = \"VPN\"\nsince = 2030-01-01"),
    );
    site.write(
        "content/incidents/vpn.md",
        "+++\ntitle = \"VPN down\"\ndate = 2022-01-27T07:40:00-05:00\nseverity = \"partial\"\ncomponents = [\"vpn\"]\n+++\n",
    );
    let run = site.beacon(&["build", "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(component_status(&site, "vpn"), "partial_outage");
}

/// The class: before `since`, "No data yet" replaces "Operational" and nothing else: an
/// ongoing incident of any severity and a window in progress show, a resolved incident, a
/// notice and an upcoming window leave "No data yet".
#[test]
fn no_data_yet_replaces_operational_and_nothing_else() {
    let cases = [
        ("severity = \"major\"\n", "", "major_outage"),
        ("severity = \"degraded\"\n", "", "degraded_performance"),
        ("severity = \"major\"\n", "resolved = 2022-01-28\n", "no_data"),
        ("severity = \"notice\"\n", "", "no_data"),
        (
            "kind = \"maintenance\"\n",
            "end = 2022-02-02T00:00:00Z\n",
            "under_maintenance",
        ),
        (
            "kind = \"maintenance\"\ndate = 2022-03-01T00:00:00Z\n",
            "end = 2022-03-02T00:00:00Z\n",
            "no_data",
        ),
    ];
    for (kind, end, expected) in cases {
        let site = TestSite::new();
        site.write(
            "config.toml",
            CONFIG.replace("name = \"VPN\"", "name = \"VPN\"\nsince = 2030-01-01"),
        );
        let date = if kind.contains("date") {
            ""
        } else {
            "date = 2022-01-27T07:40:00-05:00\n"
        };
        site.write(
            "content/incidents/vpn.md",
            format!("+++\ntitle = \"VPN\"\n{date}{kind}{end}components = [\"vpn\"]\n+++\n"),
        );
        let run = site.beacon(&["build", "--now", NOW]);
        assert_eq!(run.code, 0, "{kind}{end}: {}", run.stderr);
        assert_eq!(component_status(&site, "vpn"), expected, "{kind}{end}");
    }
}

// --- Item 10 ---

#[test]
fn no_suggestion_for_a_near_miss_slug() {
    let site = TestSite::new();
    let run = site.beacon(&[
        "new",
        "incident",
        "Mail server upgrade",
        "--component",
        "email",
        "--date",
        "2022-01-27",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for (wanted, command) in [
        ("mail-server-upgrade", "update"),
        ("mail-servr-upgrade", "update"),
        ("upgrade-mail-server", "resolve"),
    ] {
        let args: Vec<&str> = if command == "update" {
            vec!["update", wanted, "x", "--status", "identified", "--now", NOW]
        } else {
            vec!["resolve", wanted, "--now", NOW]
        };
        let run = site.beacon(&args);
        assert_eq!(run.code, 2, "{wanted}: {}", run.stderr);
        assert!(
            run.stderr
                .contains("did you mean `2022-01-27-mail-server-upgrade`?"),
            "{wanted}: {}",
            run.stderr
        );
    }
    let run = site.beacon(&["update", "payroll", "x", "--status", "identified", "--now", NOW]);
    assert!(!run.stderr.contains("did you mean"), "{}", run.stderr);
}
