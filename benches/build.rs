//! `cargo bench --bench build [-- N...] [--runs R] [--keep DIR]`: writes a synthetic site of N
//! incidents (default 1,000 and 10,000) over 20 components and 5 years into a temp folder,
//! builds it R times (default 5) the way `beacon build` does (load, render, write the output
//! folder), and prints the median, fastest and slowest wall time per phase, and this process's
//! peak RSS. `--keep DIR` leaves the last generated site in DIR, to time the real binary with
//! `/usr/bin/time -v target/release/beacon --root DIR build --now 2026-01-01T00:00:00Z`.
//! The generator is seeded, so every run builds the same site.

#[path = "support/lcg.rs"]
mod lcg;
use lcg::Lcg;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use beacon::build::{render_site, BuildOptions};
use beacon::content::{load_site, LoadOptions};
use beacon::write::{write_output, WriteOptions};
use chrono::{DateTime, Duration as Span, TimeZone, Utc};

const COMPONENTS: usize = 20;
const YEARS: i64 = 5;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut sizes = Vec::new();
    let mut runs = 5;
    let mut keep: Option<PathBuf> = None;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--runs" => {
                i += 1;
                runs = args[i].parse().expect("--runs takes a number");
            }
            "--keep" => {
                i += 1;
                keep = Some(PathBuf::from(&args[i]));
            }
            // `cargo bench` passes `--bench`; ignore it and anything else unknown.
            a => {
                if let Ok(n) = a.parse::<usize>() {
                    sizes.push(n);
                }
            }
        }
        i += 1;
    }
    if sizes.is_empty() {
        sizes = vec![1_000, 10_000];
    }
    let now = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    println!(
        "beacon build benchmark: {} component(s), {YEARS} years, {runs} runs per size, {} CPU(s)",
        COMPONENTS,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    for n in sizes {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = keep.clone().unwrap_or_else(|| dir.path().to_path_buf());
        let bytes = generate_site(&root, n, now);
        let options = BuildOptions {
            root: root.clone(),
            now,
            base_url: None,
            drafts: false,
            live_reload: false,
        };
        let (mut load, mut render, mut write, mut total) = (vec![], vec![], vec![], vec![]);
        let mut files = 0;
        for _ in 0..runs {
            let start = Instant::now();
            let site = load_site(&root, &LoadOptions::default()).expect("synthetic site loads");
            let loaded = Instant::now();
            let output = render_site(&site, &options).expect("synthetic site renders");
            let rendered = Instant::now();
            write_output(
                &dir.path().join("public"),
                &output,
                &WriteOptions {
                    site_root: root.clone(),
                    force: false,
                },
            )
            .expect("output is written");
            let written = Instant::now();
            files = output.len();
            load.push(loaded - start);
            render.push(rendered - loaded);
            write.push(written - rendered);
            total.push(written - start);
        }
        println!(
            "{n:>6} incidents ({} KiB of Markdown) -> {files} files: total {}  (load {}, render {}, write {})",
            bytes / 1024,
            stats(&mut total),
            median(&mut load),
            median(&mut render),
            median(&mut write),
        );
    }
    if let Some(peak) = peak_rss_kib() {
        println!("peak RSS of this process: {} MiB", peak / 1024);
    }
}

fn median(times: &mut [Duration]) -> String {
    times.sort();
    format!("{:.0} ms", times[times.len() / 2].as_secs_f64() * 1000.0)
}

fn stats(times: &mut [Duration]) -> String {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    format!(
        "median {:.0} ms [min {:.0}, max {:.0}]",
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1])
    )
}

/// `VmHWM` from /proc (Linux only).
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Writes config.toml and `n` incident files spread over the five years before `now`; returns
/// the bytes of Markdown written.
fn generate_site(root: &Path, n: usize, now: DateTime<Utc>) -> usize {
    let mut config = String::from(
        "title = \"Benchmark Status\"\nbase_url = \"https://status.example.org/\"\ntimezone = \"America/New_York\"\n",
    );
    for c in 0..COMPONENTS {
        write!(
            config,
            "\n[[components]]\nid = \"service-{c:02}\"\nname = \"Service {c:02}\"\ngroup = \"Group {}\"\ndescription = \"Synthetic component {c}.\"\n",
            c / 4
        )
        .unwrap();
    }
    // A kept folder may hold an earlier size's incidents.
    let _ = std::fs::remove_dir_all(root.join("content"));
    std::fs::create_dir_all(root.join("content/incidents")).unwrap();
    std::fs::write(root.join("config.toml"), config).unwrap();

    let mut rng = Lcg(0x5eed);
    let span_seconds = YEARS * 365 * 86_400;
    let first = now - Span::seconds(span_seconds);
    let severities = ["notice", "degraded", "partial", "major"];
    let mut bytes = 0;
    for i in 0..n {
        // Evenly spread starts with jitter, so history pages fill every month.
        let offset = span_seconds * i as i64 / n as i64 + rng.below(3_600) as i64;
        let start = first + Span::seconds(offset);
        let length = Span::minutes(10 + rng.below(8 * 60) as i64);
        let maintenance = rng.below(10) == 0;
        let count = 1 + rng.below(3) as usize;
        let components: Vec<String> = (0..count)
            .map(|_| format!("\"service-{:02}\"", rng.below(COMPONENTS as u64)))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let slug = format!("{}-incident-{i:05}", start.format("%Y-%m-%d"));
        let mut text = String::from("+++\n");
        let end = start + length;
        let rfc = |t: DateTime<Utc>| t.to_rfc3339();
        if maintenance {
            write!(
                text,
                "title = \"Planned work {i}\"\nkind = \"maintenance\"\ndate = {}\nend = {}\ncomponents = [{}]\n",
                rfc(start),
                rfc(end),
                components.join(", ")
            )
            .unwrap();
            write!(
                text,
                "\n[[updates]]\nat = {}\nstatus = \"scheduled\"\ntext = \"Work on the systems is planned; short interruptions are possible.\"\n",
                rfc(start - Span::days(3))
            )
            .unwrap();
        } else {
            let severity = severities[rng.below(4) as usize];
            let resolved = end <= now;
            write!(
                text,
                "title = \"Synthetic incident {i}: service trouble\"\ndate = {}\n{}severity = \"{severity}\"\ncomponents = [{}]\n",
                rfc(start),
                if resolved { format!("resolved = {}\n", rfc(end)) } else { String::new() },
                components.join(", ")
            )
            .unwrap();
            let steps = [
                ("investigating", "We are looking into reports of errors."),
                ("identified", "The cause is known & a fix is being rolled out."),
                ("monitoring", "The fix is in place; we are watching the service."),
            ];
            let updates = 1 + rng.below(3) as usize;
            for (k, (status, words)) in steps.iter().take(updates).enumerate() {
                let at = start + length * (k as i32) / 4;
                write!(
                    text,
                    "\n[[updates]]\nat = {}\nstatus = \"{status}\"\ntext = \"{words}\"\n",
                    rfc(at)
                )
                .unwrap();
            }
            if resolved {
                write!(
                    text,
                    "\n[[updates]]\nat = {}\nstatus = \"resolved\"\ntext = \"Service is back to normal.\"\n",
                    rfc(end)
                )
                .unwrap();
            }
        }
        text.push_str("+++\nA synthetic incident for the benchmark.\n\n## What happened\n\n- Requests *failed* for some users.\n- A [link](https://example.org/) and `code`.\n");
        let dir = root
            .join("content/incidents")
            .join(start.format("%Y").to_string());
        std::fs::create_dir_all(&dir).unwrap();
        bytes += text.len();
        std::fs::write(dir.join(format!("{slug}.md")), text).unwrap();
    }
    bytes
}
