//! `beacon ingest github|alertmanager`: recorded payloads (tests/fixtures/ingest/) into
//! incident files, who may post, replays, races, bad payloads, and the `[[alert]]` rules.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use proptest::prelude::*;

use crate::common::{snapshot, TestSite, CONFIG};

const RULES: &str = r#"
[[alert]]
match = { alertname = "EmailDown", team = "mail" }
components = ["email", "mobile-email"]
severity = "major"
title = "Email is down"

[[alert]]
match = { team = "network" }
components = ["vpn"]
severity = "partial"
"#;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ingest")
        .join(name)
}

fn site() -> TestSite {
    let site = TestSite::new();
    site.write("config.toml", format!("{CONFIG}{RULES}"));
    site
}

fn ingest(site: &TestSite, sender: &str, payload: &str) -> crate::common::Run {
    let path = fixture(payload);
    site.beacon(&["ingest", sender, path.to_str().unwrap()])
}

/// Every incident file of the site, relative path and text.
fn incidents(site: &TestSite) -> Vec<(String, String)> {
    let dir = site.path("content/incidents");
    if !dir.exists() {
        return Vec::new();
    }
    snapshot(&dir)
        .into_iter()
        .map(|(p, b)| (p, String::from_utf8(b).unwrap()))
        .collect()
}

fn only_incident(site: &TestSite) -> String {
    let all = incidents(site);
    assert_eq!(all.len(), 1, "{all:#?}");
    all[0].1.clone()
}

fn ok(run: &crate::common::Run) -> &str {
    assert_eq!(run.code, 0, "stdout: {}\nstderr: {}", run.stdout, run.stderr);
    &run.stdout
}

#[test]
fn an_issue_from_the_form_opens_an_incident_and_comments_and_closing_follow_it() {
    let site = site();
    let out = ok(&ingest(&site, "github", "github-issue-opened.json")).to_string();
    assert_eq!(
        out.trim(),
        "created ".to_string()
            + &site
                .path("content/incidents/2026/2026-03-02-issue-42.md")
                .display()
                .to_string()
    );
    let text = only_incident(&site);
    assert!(text.contains("title = \"Email is down\""), "{text}");
    assert!(text.contains("severity = \"major\""), "{text}");
    assert!(
        text.contains("components = [\"email\", \"mobile-email\"]"),
        "{text}"
    );
    assert!(text.contains("source = \"github:acme/status#42\""), "{text}");
    assert!(text.contains("Email cannot be sent or received"), "{text}");
    assert!(
        text.contains("source = \"github:acme/status#42@2026-03-02T13:05:09Z\""),
        "{text}"
    );

    // A replay changes nothing.
    let again = ok(&ingest(&site, "github", "github-issue-opened.json")).to_string();
    assert!(again.starts_with("nothing to do: already ingested"), "{again}");
    assert_eq!(only_incident(&site), text);

    // An edit of the issue: the newer title, components and text replace the old.
    let out = ok(&ingest(&site, "github", "github-issue-edited.json")).to_string();
    assert!(out.starts_with("updated "), "{out}");
    let edited = only_incident(&site);
    assert!(edited.contains("title = \"Email and VPN are down\""), "{edited}");
    assert!(
        edited.contains("components = [\"email\", \"mobile-email\", \"vpn\"]"),
        "{edited}"
    );
    assert!(edited.contains("The VPN is affected too."), "{edited}");
    assert!(!edited.contains("We are looking into it."), "{edited}");
    // The opening event, replayed after the edit, is older: it changes nothing.
    let out = ok(&ingest(&site, "github", "github-issue-opened.json")).to_string();
    assert!(out.starts_with("nothing to do"), "{out}");
    assert_eq!(only_incident(&site), edited);

    // A member's /update.
    ok(&ingest(&site, "github", "github-comment-member.json"));
    let updated = only_incident(&site);
    assert!(updated.contains("status = \"identified\""), "{updated}");
    assert!(updated.contains("The mail server's disk is full"), "{updated}");
    assert!(
        updated.contains("source = \"github:acme/status#42/comment/2680011001\""),
        "{updated}"
    );

    // A stranger's /resolve changes nothing, and says why.
    let out = ok(&ingest(&site, "github", "github-comment-stranger.json")).to_string();
    assert!(out.starts_with("ignored: comment 2680011002"), "{out}");
    assert!(out.contains("author_association is NONE"), "{out}");
    assert_eq!(only_incident(&site), updated);

    // The owner's /resolve resolves it at the comment's time.
    ok(&ingest(&site, "github", "github-comment-resolve.json"));
    let resolved = only_incident(&site);
    assert!(
        resolved.contains("resolved = 2026-03-02T09:10:00-05:00"),
        "{resolved}"
    );
    assert!(resolved.contains("Mail flows again"), "{resolved}");
    assert_eq!(resolved.matches("status = \"resolved\"").count(), 1, "{resolved}");
    // Closing the issue afterwards adds no second resolve: it was resolved before. (Only the
    // version of the issue the first update names moves on: the closed event carries a newer copy.)
    ok(&ingest(&site, "github", "github-issue-closed.json"));
    let closed = only_incident(&site);
    assert_eq!(closed.matches("status = \"resolved\"").count(), 1, "{closed}");
    assert!(
        closed.contains("resolved = 2026-03-02T09:10:00-05:00"),
        "{closed}"
    );
    assert!(
        closed.contains("source = \"github:acme/status#42@2026-03-02T14:20:00Z\""),
        "{closed}"
    );
    let out = ok(&ingest(&site, "github", "github-issue-closed.json")).to_string();
    assert!(out.starts_with("nothing to do"), "{out}");

    let check = site.beacon(&["check", "--now", "2026-03-03"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    site.build_at("2026-03-03");
    let page = site.read("public/incidents/2026-03-02-issue-42/index.html");
    assert!(page.contains("Email and VPN are down"));
    assert!(page.contains("Mail flows again"));
}

#[test]
fn closing_the_issue_resolves_an_open_incident() {
    let site = site();
    ok(&ingest(&site, "github", "github-issue-opened.json"));
    let out = ok(&ingest(&site, "github", "github-issue-closed.json")).to_string();
    assert!(out.starts_with("updated "), "{out}");
    let text = only_incident(&site);
    assert!(text.contains("resolved = 2026-03-02T09:20:00-05:00"), "{text}");
    assert!(text.contains("This incident has been resolved."), "{text}");
    // The closing event carries the edited issue: it is the newest copy, so it wins.
    assert!(text.contains("title = \"Email and VPN are down\""), "{text}");
}

#[test]
fn a_comment_that_arrives_before_the_issue_opens_the_incident_from_the_issue_it_carries() {
    let site = site();
    ok(&ingest(&site, "github", "github-comment-member.json"));
    let first = only_incident(&site);
    assert!(first.contains("status = \"identified\""), "{first}");
    // The opening event and the edit are older copies of the issue: nothing changes.
    for late in ["github-issue-opened.json", "github-issue-edited.json"] {
        let out = ok(&ingest(&site, "github", late)).to_string();
        assert!(out.starts_with("nothing to do"), "{late}: {out}");
    }
    assert_eq!(only_incident(&site), first);
}

#[test]
fn strangers_cannot_post_by_issue_or_by_comment() {
    let site = site();
    let out = ok(&ingest(&site, "github", "github-issue-opened-stranger.json")).to_string();
    assert!(
        out.starts_with("ignored: issue #43 was opened by @drive-by"),
        "{out}"
    );
    assert!(out.contains("author_association is NONE"), "{out}");
    // A member's command on a stranger's issue does not make it an incident either.
    let out = ok(&ingest(
        &site,
        "github",
        "github-comment-member-on-stranger-issue.json",
    ))
    .to_string();
    assert!(out.starts_with("ignored: issue #43"), "{out}");
    // A stranger's comment on a trusted issue that has no incident yet opens nothing.
    let out = ok(&ingest(&site, "github", "github-comment-stranger.json")).to_string();
    assert!(out.starts_with("ignored: comment"), "{out}");
    assert!(incidents(&site).is_empty());
    assert!(!site.path("content/incidents").join("2026").exists());
}

#[test]
fn alert_groups_open_update_and_resolve_one_incident() {
    let site = site();
    let out = ok(&ingest(&site, "alertmanager", "alertmanager-firing.json")).to_string();
    assert!(out.starts_with("created "), "{out}");
    assert!(out.contains("2026-03-02-emaildown-mail.md"), "{out}");
    let text = only_incident(&site);
    assert!(text.contains("title = \"Email is down\""), "{text}");
    assert!(text.contains("automated = true"), "{text}");
    assert!(
        text.contains("components = [\"email\", \"mobile-email\"]"),
        "{text}"
    );
    assert!(text.contains("Alert firing: Email delivery is failing"), "{text}");

    // Alertmanager repeats a notification until the group changes: nothing to do.
    let out = ok(&ingest(&site, "alertmanager", "alertmanager-firing.json")).to_string();
    assert!(out.starts_with("nothing to do: already ingested"), "{out}");

    // A second alert joins the group: an update, same incident.
    let out = ok(&ingest(&site, "alertmanager", "alertmanager-firing-again.json")).to_string();
    assert!(out.starts_with("updated "), "{out}");
    let text = only_incident(&site);
    assert_eq!(text.matches("status = \"investigating\"").count(), 2, "{text}");

    // One of two recovers: an update, still open.
    ok(&ingest(
        &site,
        "alertmanager",
        "alertmanager-partially-resolved.json",
    ));
    let text = only_incident(&site);
    assert!(!text.contains("\nresolved ="), "{text}");
    assert!(
        text.contains("status = \"update\"\ntext = \"Recovered: Email delivery is failing\""),
        "{text}"
    );

    // Both recovered: resolved at the last recovery.
    ok(&ingest(&site, "alertmanager", "alertmanager-resolved.json"));
    let text = only_incident(&site);
    assert!(text.contains("resolved = 2026-03-02T08:52:33-05:00"), "{text}");
    assert_eq!(text.matches("status = \"resolved\"").count(), 1, "{text}");

    // Every payload replayed, in any order: nothing changes.
    for name in [
        "alertmanager-partially-resolved.json",
        "alertmanager-firing.json",
        "alertmanager-resolved.json",
        "alertmanager-firing-again.json",
    ] {
        let out = ok(&ingest(&site, "alertmanager", name)).to_string();
        assert!(out.starts_with("nothing to do"), "{name}: {out}");
    }
    assert_eq!(only_incident(&site), text);
    let check = site.beacon(&["check", "--now", "2026-03-03"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
}

#[test]
fn alerts_no_rule_names_are_not_published() {
    let site = site();
    let out = ok(&ingest(&site, "alertmanager", "alertmanager-unpublished.json")).to_string();
    assert!(
        out.contains("not published: no [[alert]] rule matches {alertname=\"DiskAlmostFull\""),
        "{out}"
    );
    assert!(out.contains("nothing to do: no alert of group"), "{out}");
    assert!(incidents(&site).is_empty());
    // A site with no rules publishes nothing at all.
    let bare = TestSite::new();
    let out = ok(&ingest(&bare, "alertmanager", "alertmanager-firing.json")).to_string();
    assert!(out.contains("not published"), "{out}");
    assert!(incidents(&bare).is_empty());
}

#[test]
fn grafana_payloads_are_read_with_their_extra_fields() {
    let site = site();
    let out = ok(&ingest(&site, "alertmanager", "grafana-firing.json")).to_string();
    assert!(out.starts_with("created "), "{out}");
    let text = only_incident(&site);
    // No rule title: the summary is the title; the rule gives component and severity.
    assert!(
        text.contains("title = \"The VPN gateway does not answer\""),
        "{text}"
    );
    assert!(text.contains("severity = \"partial\""), "{text}");
    assert!(text.contains("components = [\"vpn\"]"), "{text}");
}

#[test]
fn bad_payloads_name_the_field_exit_1_and_write_nothing() {
    for (sender, name, expected) in [
        (
            "alertmanager",
            "alertmanager-bad-startsat.json",
            "alertmanager-bad-startsat.json:",
        ),
        (
            "alertmanager",
            "alertmanager-version3.json",
            "field version: `3` is not a webhook version",
        ),
        (
            "alertmanager",
            "alertmanager-missing-groupkey.json",
            "missing field `groupKey`",
        ),
        ("alertmanager", "not-json.json", "not valid JSON"),
        ("github", "alertmanager-firing.json", "missing field `action`"),
        (
            "alertmanager",
            "github-issue-opened.json",
            "missing field `version`",
        ),
    ] {
        let site = site();
        let run = ingest(&site, sender, name);
        assert_eq!(run.code, 1, "{name}: {}{}", run.stdout, run.stderr);
        assert!(run.stderr.contains(expected), "{name}: {}", run.stderr);
        assert!(incidents(&site).is_empty(), "{name} wrote a file");
    }
    let site = site();
    let run = ingest(&site, "alertmanager", "alertmanager-bad-startsat.json");
    assert!(
        run.stderr.contains("field alerts[0].startsAt: "),
        "the field is named: {}",
        run.stderr
    );
    // With the line and column of the value.
    let line = fs::read_to_string(fixture("alertmanager-bad-startsat.json"))
        .unwrap()
        .lines()
        .position(|l| l.contains("yesterday morning"))
        .unwrap()
        + 1;
    assert!(
        run.stderr
            .contains(&format!("alertmanager-bad-startsat.json:{line}:")),
        "{}",
        run.stderr
    );
}

#[test]
fn a_payload_can_come_on_standard_input() {
    let site = site();
    let mut child = Command::new(env!("CARGO_BIN_EXE_beacon"))
        .args(["--root", site.root().to_str().unwrap(), "ingest", "github", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(&fs::read(fixture("github-issue-opened.json")).unwrap())
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("created "));
    assert_eq!(incidents(&site).len(), 1);
}

#[test]
fn racing_runs_make_one_incident() {
    for (sender, first, second) in [
        ("github", "github-issue-opened.json", "github-comment-member.json"),
        (
            "alertmanager",
            "alertmanager-firing.json",
            "alertmanager-firing-again.json",
        ),
    ] {
        let site = site();
        let spawn = |name: &str| {
            Command::new(env!("CARGO_BIN_EXE_beacon"))
                .args(["--root", site.root().to_str().unwrap(), "ingest", sender])
                .arg(fixture(name))
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let runs: Vec<_> = [first, second, first, second].iter().map(|n| spawn(n)).collect();
        for run in runs {
            let out = run.wait_with_output().unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        }
        let all = incidents(&site);
        assert_eq!(all.len(), 1, "{sender}: {all:#?}");
        // And it holds both events.
        assert_eq!(all[0].1.matches("[[updates]]").count(), 2, "{}", all[0].1);
    }
}

#[test]
fn alert_rules_are_checked_by_check_and_build() {
    let site = TestSite::new();
    site.write(
        "config.toml",
        format!(
            "{CONFIG}\n[[alert]]\nmatch = {{ alertname = \"X\" }}\ncomponents = [\"emial\"]\nseverity = \"critical\"\n"
        ),
    );
    let check = site.beacon(&["check"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    let lines = format!("{CONFIG}\n").lines().count();
    for expected in [
        format!("config.toml:{}:", lines + 3),
        "unknown component `emial`; did you mean `email`?".to_string(),
        format!("config.toml:{}:", lines + 4),
        "`severity`: `critical` is not a severity".to_string(),
    ] {
        assert!(check.stderr.contains(&expected), "{expected}: {}", check.stderr);
    }
    let build = site.beacon(&["build", "--now", "2026-03-03"]);
    assert_eq!(build.code, 1, "{}", build.stderr);
    assert!(
        build.stderr.contains("unknown component `emial`"),
        "{}",
        build.stderr
    );
    // An unknown key is refused too.
    let unknown = TestSite::new();
    unknown.write(
        "config.toml",
        format!(
            "{CONFIG}\n[[alert]]\nmatch = {{ alertname = \"Y\" }}\ncomponents = [\"vpn\"]\npublish = true\n"
        ),
    );
    let check = unknown.beacon(&["check"]);
    assert_eq!(check.code, 1);
    assert!(check.stderr.contains("unknown key `publish`"), "{}", check.stderr);
    assert!(check.stderr.contains("config.toml:"), "{}", check.stderr);
}

// --- The ordering property -------------------------------------------------------------

/// One GitHub event of issue #7 (a member's), as a payload.
#[derive(Debug, Clone)]
enum GhEvent {
    /// The issue as of minute `version` (0 is the opening), with that version's text.
    Issue {
        action: &'static str,
        version: u32,
    },
    Comment {
        id: u32,
        minute: u32,
        body: String,
    },
    Closed {
        minute: u32,
    },
}

fn gh_payload(event: &GhEvent) -> String {
    let issue = |version: u32, closed: Option<u32>| {
        serde_json::json!({
            "number": 7,
            "title": format!("[Incident]: Mail trouble v{version}"),
            "body": format!("### Severity\n\n{}\n\n### Components\n\n{}\n\n### What is happening?\n\nText v{version}.",
                ["partial", "major", "degraded"][version as usize % 3],
                ["email", "email, vpn", "vpn"][version as usize % 3]),
            "user": { "login": "ops" },
            "author_association": "MEMBER",
            "created_at": "2026-03-02T10:00:00Z",
            "updated_at": format!("2026-03-02T10:{version:02}:00Z"),
            "closed_at": closed.map(|m| format!("2026-03-02T11:{m:02}:00Z")),
        })
    };
    let repository = serde_json::json!({ "full_name": "acme/status" });
    let value = match event {
        GhEvent::Issue { action, version } => serde_json::json!({
            "action": action, "issue": issue(*version, None), "repository": repository,
        }),
        GhEvent::Comment { id, minute, body } => serde_json::json!({
            "action": "created",
            "issue": issue(0, None),
            "comment": {
                "id": id, "body": body, "user": { "login": "ops" },
                "author_association": "COLLABORATOR",
                "created_at": format!("2026-03-02T11:{minute:02}:00Z"),
            },
            "repository": repository,
        }),
        GhEvent::Closed { minute } => serde_json::json!({
            "action": "closed", "issue": issue(0, Some(*minute)), "repository": repository,
        }),
    };
    value.to_string()
}

fn gh_event() -> impl Strategy<Value = GhEvent> {
    prop_oneof![
        (0u32..4).prop_map(|version| GhEvent::Issue {
            action: if version == 0 { "opened" } else { "edited" },
            version
        }),
        (1u32..6, 0u32..50, 0usize..4).prop_map(|(id, minute, kind)| GhEvent::Comment {
            id,
            minute,
            body: match kind {
                0 => format!("/update identified Cause found ({id})."),
                1 => format!("/update monitoring Watching ({id})."),
                2 => format!("/resolve Fixed ({id})."),
                _ => "/resolve".to_string(),
            },
        }),
        (0u32..50).prop_map(|minute| GhEvent::Closed { minute }),
    ]
}

/// One Alertmanager notification of one group, all alerts on one day: each alert is firing or
/// has recovered (at `starts + 30 + i` minutes).
#[derive(Debug, Clone)]
struct AmEvent {
    /// (alert index 0..3, recovered)
    alerts: Vec<(u32, bool)>,
}

fn am_payload(event: &AmEvent) -> String {
    let alerts: Vec<serde_json::Value> = event
        .alerts
        .iter()
        .map(|(i, recovered)| {
            serde_json::json!({
                "status": if *recovered { "resolved" } else { "firing" },
                "labels": { "alertname": "EmailDown", "team": "mail", "instance": format!("mx{i}") },
                "annotations": { "summary": format!("mx{i} is not delivering") },
                "startsAt": format!("2026-03-02T12:{:02}:00Z", i * 5),
                "endsAt": if *recovered { format!("2026-03-02T13:{:02}:00Z", 30 + i) } else { "0001-01-01T00:00:00Z".to_string() },
                "fingerprint": format!("f{i}"),
            })
        })
        .collect();
    let any_firing = event.alerts.iter().any(|(_, r)| !r);
    serde_json::json!({
        "version": "4",
        "groupKey": "{}:{alertname=\"EmailDown\"}",
        "status": if any_firing { "firing" } else { "resolved" },
        "receiver": "status",
        "groupLabels": { "alertname": "EmailDown" },
        "commonLabels": {}, "commonAnnotations": {}, "externalURL": "http://am",
        "alerts": alerts,
    })
    .to_string()
}

fn am_event() -> impl Strategy<Value = AmEvent> {
    proptest::collection::btree_map(0u32..3, any::<bool>(), 1..=3).prop_map(|alerts| AmEvent {
        alerts: alerts.into_iter().collect(),
    })
}

#[derive(Debug, Clone)]
enum AnyEvent {
    Gh(GhEvent),
    Am(AmEvent),
}

/// The incident files after ingesting `events` in order, in process (the same library code
/// as the command).
fn apply_all(events: &[&AnyEvent]) -> Vec<(String, Vec<u8>)> {
    let site = site();
    let config = beacon::content::load_config(site.root()).unwrap();
    for event in events {
        let shown = Path::new("event.json");
        match event {
            AnyEvent::Gh(e) => {
                beacon::ingest::github::ingest(site.root(), &config, shown, &gh_payload(e)).unwrap();
            }
            AnyEvent::Am(e) => {
                beacon::ingest::alertmanager::ingest(site.root(), &config, shown, &am_payload(e)).unwrap();
            }
        }
    }
    let dir = site.path("content/incidents");
    if dir.exists() {
        snapshot(&dir)
    } else {
        Vec::new()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, .. ProptestConfig::default() })]

    // The ordering rule of docs/ingest.md: what an incident says is a function of the SET of
    // events ingested. So any order, with any event repeated, gives the bytes of the events
    // applied once in order.
    #[test]
    fn any_order_with_replays_gives_the_same_files(
        events in proptest::collection::vec(
            prop_oneof![gh_event().prop_map(AnyEvent::Gh), am_event().prop_map(AnyEvent::Am)],
            1..7,
        ),
        order in proptest::collection::vec(any::<prop::sample::Index>(), 1..14),
    ) {
        // A comment id names one comment: give each its own.
        let events: Vec<AnyEvent> = events
            .into_iter()
            .enumerate()
            .map(|(n, e)| match e {
                AnyEvent::Gh(GhEvent::Comment { minute, body, .. }) => {
                    AnyEvent::Gh(GhEvent::Comment { id: n as u32 + 1, minute, body })
                }
                other => other,
            })
            .collect();
        let once: Vec<&AnyEvent> = events.iter().collect();
        // Every event at least once, then more picked at random, all shuffled by `order`.
        let mut shuffled: Vec<&AnyEvent> = events.iter().collect();
        shuffled.extend(order.iter().map(|i| &events[i.index(events.len())]));
        for (k, i) in order.iter().enumerate() {
            let a = k % shuffled.len();
            let b = i.index(shuffled.len());
            shuffled.swap(a, b);
        }
        let expected = apply_all(&once);
        let got = apply_all(&shuffled);
        let show = |files: &[(String, Vec<u8>)]| files
            .iter()
            .map(|(p, b)| format!("== {p}\n{}", String::from_utf8_lossy(b)))
            .collect::<String>();
        prop_assert_eq!(show(&got), show(&expected));
    }
}

#[test]
fn check_accepts_source_keys_and_still_reports_unknown_ones() {
    let site = site();
    ok(&ingest(&site, "github", "github-issue-opened.json"));
    let check = site.beacon(&["check", "--now", "2026-03-03"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    let path = "content/incidents/2026/2026-03-02-issue-42.md";
    let text = site
        .read(path)
        .replace("source = \"github:acme/status#42\"", "sourse = \"x\"");
    site.write(path, text);
    let check = site.beacon(&["check", "--now", "2026-03-03"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    assert!(check.stderr.contains("unknown key `sourse`"), "{}", check.stderr);
    assert!(
        check.stderr.contains("did you mean `source`?"),
        "{}",
        check.stderr
    );
}
