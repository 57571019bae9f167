//! The front page a visitor trusts at a glance (issue 22): trouble first, calm when calm, one
//! honest figure per component, day details with real durations, and viewer-local times that
//! change nothing in the page without JavaScript.

use scraper::{ElementRef, Html, Selector};

use crate::common::TestSite;

/// Noon during the example's 2022 outage: mobile email down, three remote services partly.
const OUTAGE: &str = "2022-01-27T12:00:00-05:00";
/// A calm day.
const CALM: &str = "2026-11-22T12:00:00-05:00";

fn select<'a>(doc: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    doc.select(&Selector::parse(css).unwrap()).collect()
}

fn text(e: ElementRef) -> String {
    e.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn example_at(now: &str) -> (TestSite, Html) {
    let site = TestSite::example();
    site.build_at(now);
    let doc = Html::parse_document(&site.read("public/index.html"));
    (site, doc)
}

/// The front page's groups in markup order: (name, open, worst status key, member names).
fn groups(doc: &Html) -> Vec<(String, bool, String, Vec<String>)> {
    select(doc, ".components details.group")
        .into_iter()
        .map(|g| {
            let summary = g
                .select(&Selector::parse("summary").unwrap())
                .next()
                .expect("a summary");
            let name = text(
                summary
                    .select(&Selector::parse(".group-name").unwrap())
                    .next()
                    .unwrap(),
            );
            let status = summary
                .select(&Selector::parse(".status").unwrap())
                .next()
                .expect("the group's worst status on its summary line");
            let key = status
                .value()
                .classes()
                .find_map(|c| c.strip_prefix("status-"))
                .unwrap()
                .to_string();
            let members = g
                .select(&Selector::parse(".component-name").unwrap())
                .map(text)
                .collect();
            (name, g.value().attr("open").is_some(), key, members)
        })
        .collect()
}

#[test]
fn during_the_outage_the_affected_components_lead_and_their_groups_open() {
    let (_site, doc) = example_at(OUTAGE);
    let groups = groups(&doc);
    let summary: Vec<(&str, bool, &str)> = groups
        .iter()
        .map(|(n, open, key, _)| (n.as_str(), *open, key.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            ("Email", true, "major_outage"),
            ("Remote access", true, "partial_outage"),
            ("Accounts", true, "partial_outage"),
            ("Network", false, "operational"),
            ("Support", false, "operational"),
        ]
    );
    // In a group, the broken component comes before its healthy neighbour (config order is
    // Desktop email, then Mobile email).
    assert_eq!(groups[0].3, ["Mobile email", "Desktop email"]);
    // Every affected component comes before every healthy one in the markup.
    let rows: Vec<(String, String)> = select(&doc, "li.component")
        .into_iter()
        .map(|c| {
            let key = c
                .value()
                .classes()
                .find_map(|k| k.strip_prefix("component-"))
                .unwrap()
                .to_string();
            (
                text(
                    c.select(&Selector::parse(".component-name").unwrap())
                        .next()
                        .unwrap(),
                ),
                key,
            )
        })
        .collect();
    // Every affected component comes before every component of a calm group; the only
    // healthy one among them shares the Email group with the worst.
    let in_open_groups: usize = groups.iter().filter(|g| g.1).map(|g| g.3.len()).sum();
    assert_eq!(in_open_groups, 5);
    let affected: Vec<&str> = rows
        .iter()
        .enumerate()
        .filter(|(_, (_, k))| k != "operational")
        .map(|(i, (name, _))| {
            assert!(i < in_open_groups, "{name} comes after a calm group: {rows:?}");
            name.as_str()
        })
        .collect();
    assert_eq!(
        affected,
        [
            "Mobile email",
            "GoVirtual",
            "GoBrowser",
            "Self-Service Password Reset"
        ]
    );
}

#[test]
fn on_a_calm_day_every_group_is_closed_in_config_order() {
    let (_site, doc) = example_at(CALM);
    let groups = groups(&doc);
    let names: Vec<&str> = groups.iter().map(|g| g.0.as_str()).collect();
    assert_eq!(
        names,
        ["Email", "Remote access", "Accounts", "Network", "Support"]
    );
    assert!(groups.iter().all(|g| !g.1 && g.2 == "operational"), "{groups:?}");
}

#[test]
fn a_healthy_component_is_one_row_with_one_figure_and_the_scale_is_shown_once() {
    let (_site, doc) = example_at(OUTAGE);
    let components = select(&doc, "li.component");
    assert_eq!(components.len(), 7);
    for c in &components {
        let figures: Vec<String> = c.select(&Selector::parse(".uptime").unwrap()).map(text).collect();
        assert_eq!(figures.len(), 1, "{figures:?}");
        assert!(
            figures[0].ends_with("last 90 days"),
            "the figure names its window: {figures:?}"
        );
        assert_eq!(c.select(&Selector::parse(".bars-scale").unwrap()).count(), 0);
        assert_eq!(c.select(&Selector::parse(".bar").unwrap()).count(), 90);
    }
    let scales: Vec<Vec<String>> = select(&doc, ".bars-scale")
        .into_iter()
        .map(|s| s.select(&Selector::parse("span").unwrap()).map(text).collect())
        .collect();
    assert_eq!(scales, [["90 days ago", "Today"]]);
    // Mobile email's figure is its 90-day figure, the one the issue saw on desktop.
    let mobile = components
        .iter()
        .find(|c| text(**c).starts_with("Mobile email"))
        .unwrap();
    assert_eq!(
        text(
            mobile
                .select(&Selector::parse(".uptime").unwrap())
                .next()
                .unwrap()
        ),
        "99.79% uptime, last 90 days"
    );
}

#[test]
fn day_details_give_the_real_time_in_each_state_and_name_the_weighted_figure() {
    let (site, doc) = example_at(OUTAGE);
    let today = |name: &str| {
        let component = select(&doc, "li.component")
            .into_iter()
            .find(|c| text(*c).starts_with(name))
            .unwrap();
        let bars: Vec<ElementRef> = component.select(&Selector::parse("li.bar").unwrap()).collect();
        let last = *bars.last().unwrap();
        // Focusable, so a tap or the keyboard opens it as a hover does.
        assert_eq!(last.value().attr("tabindex"), Some("0"));
        text(last)
    };
    // 07:40 to noon of partial outage, weighing 0.3: 4 h 20 min real, 1 h 18 min counted.
    assert_eq!(
        today("GoVirtual"),
        "Jan 27, 2022: Partial outage for 4 hours 20 minutes, counted as 1 hour 18 minutes of downtime, 1 incident"
    );
    assert_eq!(
        today("Mobile email"),
        "Jan 27, 2022: Major outage for 4 hours 20 minutes, counted as 4 hours 20 minutes of downtime, 1 incident"
    );
    assert_eq!(today("Desktop email"), "Jan 27, 2022: Operational, no downtime");
    // The component page has the same details.
    let page = Html::parse_document(&site.read("public/components/govirtual/index.html"));
    let last = *select(&page, "li.bar").last().unwrap();
    assert!(text(last).contains("Partial outage for 4 hours 20 minutes"));
    assert!(!text(last).contains("1 hour 18 minutes down"));
}

#[test]
fn component_pages_do_not_list_maintenance_under_incidents_alone() {
    let (site, _) = example_at(CALM);
    let page = Html::parse_document(&site.read("public/components/govirtual/index.html"));
    let headings: Vec<String> = select(&page, "h2").into_iter().map(text).collect();
    assert!(
        headings.contains(&"Incidents and maintenance".to_string()),
        "{headings:?}"
    );
    assert!(!headings.contains(&"Incidents".to_string()), "{headings:?}");
}

/// The default theme's base.html, compiled into beacon from this file.
const BASE: &str = include_str!("../../themes/default/templates/base.html");

/// The line of base.html that loads the local-time script.
fn local_time_tag(html: &str) -> &str {
    let lines: Vec<&str> = html.lines().filter(|l| l.contains("local-time.js")).collect();
    assert_eq!(lines.len(), 1, "one script tag loads local-time.js");
    lines[0]
}

// Viewer-local times are progressive enhancement: the page without them is the page with them,
// minus the one <script> tag. Built once with the default theme, once with a site template
// that is base.html without that tag, every page must be byte for byte the same after the tag
// is taken out of the first.
#[test]
fn the_local_time_script_changes_nothing_but_its_own_tag() {
    let with = TestSite::example();
    with.build_at(OUTAGE);
    let without = TestSite::example();
    let tag = local_time_tag(BASE);
    without.write("templates/base.html", BASE.replace(&format!("{tag}\n"), ""));
    without.build_at(OUTAGE);
    let mut compared = 0;
    for page in [
        "index.html",
        "history/index.html",
        "components/govirtual/index.html",
        "incidents/2022-01-27-mobile-email/index.html",
        "fr/index.html",
        "404.html",
    ] {
        let a = with.read(&format!("public/{page}"));
        let b = without.read(&format!("public/{page}"));
        let line = local_time_tag(&a);
        assert!(line.contains(" defer "), "{line}");
        assert_eq!(a.replace(&format!("{line}\n"), ""), b, "{page}");
        // The times themselves are in the site's zone, as written by beacon.
        if page == "index.html" {
            let noon = r#"<time datetime="2022-01-27T12:00:00-05:00">Jan 27, 2022, 12:00"#;
            let at = a.find(noon).expect("the build's instant, as beacon writes it");
            assert!(a[at..].split("</time>").next().unwrap().ends_with("PM EST"));
        }
        compared += 1;
    }
    assert_eq!(compared, 6);
    assert!(with.path("public/local-time.js").exists());
}
