//! Benchmark of the status-and-uptime computation (issue 4): 10,000 incidents over 50
//! components, 365-day windows and bars, in New York (so the windows cross DST changes).
//! Run with `cargo bench --bench uptime`; figures go in BENCHMARKS.md.

#[path = "support/lcg.rs"]
mod lcg;
use lcg::Lcg;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use beacon::config::parse_config;
use beacon::content::{Incident, Kind, Severity, Site};
use beacon::status::{as_of, compute_report};
use chrono::{DateTime, Duration, Utc};

const INCIDENTS: usize = 10_000;
const COMPONENTS: usize = 50;
const RUNS: usize = 21;

fn synthetic_site(now: DateTime<Utc>) -> Site {
    let mut config = String::from(
        "title = \"Bench\"\nbase_url = \"https://status.example.org/\"\n\
         timezone = \"America/New_York\"\n[uptime]\ndays = 365\n\
         weights = { major = 1.0, partial = 0.3, degraded = 0.1 }\n",
    );
    for c in 0..COMPONENTS {
        config.push_str(&format!(
            "[[components]]\nid = \"c{c:02}\"\nname = \"Component {c}\"\n"
        ));
        if c % 10 == 0 {
            config.push_str("since = 2024-03-01\n");
        }
    }
    let config = parse_config(Path::new("config.toml"), &config).expect("bench config parses");

    let mut rng = Lcg(0x5eed);
    let severities = [
        Severity::Notice,
        Severity::Degraded,
        Severity::Partial,
        Severity::Major,
    ];
    let mut incidents: Vec<Incident> = (0..INCIDENTS)
        .map(|i| {
            // Starts spread over the last 400 days (some before the windows), lasting from a
            // minute to about two days; 1 in 8 is maintenance, 1 in 200 still ongoing.
            let start = now - Duration::minutes(rng.below(400 * 1440) as i64);
            let end = start + Duration::minutes(1 + rng.below(2 * 1440) as i64);
            let maintenance = rng.below(8) == 0;
            let mut components: Vec<String> = Vec::new();
            for _ in 0..1 + rng.below(3) {
                let id = format!("c{:02}", rng.below(COMPONENTS as u64));
                if !components.contains(&id) {
                    components.push(id);
                }
            }
            let mut impact = BTreeMap::new();
            if !maintenance && components.len() > 1 && rng.below(4) == 0 {
                impact.insert(components[1].clone(), severities[rng.below(4) as usize]);
            }
            Incident {
                slug: format!("incident-{i:05}"),
                title: format!("Incident {i}"),
                kind: if maintenance {
                    Kind::Maintenance
                } else {
                    Kind::Incident
                },
                severity: if maintenance {
                    Severity::Notice
                } else {
                    severities[rng.below(4) as usize]
                },
                start,
                end: (maintenance || rng.below(200) != 0).then_some(end),
                components,
                impact,
                pinned: false,
                draft: false,
                automated: false,
                updates: Vec::new(),
                body: String::new(),
                source: PathBuf::from(format!("content/incidents/incident-{i:05}.md")),
                translations: Default::default(),
            }
        })
        .collect();
    incidents.sort_by(|a, b| (a.start, &a.slug).cmp(&(b.start, &b.slug)));
    Site {
        config,
        texts: Default::default(),
        incidents,
        pages: Vec::new(),
    }
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("{cores} cores (nproc), {cpu}")
}

fn main() {
    let now: DateTime<Utc> = DateTime::parse_from_rfc3339("2024-11-20T12:00:00-05:00")
        .expect("bench now")
        .with_timezone(&Utc);
    let site = as_of(&synthetic_site(now), now);
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            let report = compute_report(&site, now);
            let elapsed = started.elapsed().as_secs_f64() * 1000.0;
            assert_eq!(report.components.len(), COMPONENTS);
            std::hint::black_box(report);
            elapsed
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "uptime: compute_report, {INCIDENTS} incidents, {COMPONENTS} components, 365-day windows, {RUNS} runs"
    );
    println!(
        "median {:.2} ms, min {:.2} ms, max {:.2} ms",
        times[RUNS / 2],
        times[0],
        times[RUNS - 1]
    );
    println!("machine: {}", machine());
}
