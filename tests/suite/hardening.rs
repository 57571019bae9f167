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
