//! `cargo bench --bench build`: the figures of the output/performance targets, each as min,
//! median and max over several runs of the real `beacon` binary on seeded synthetic sites
//! (20 components, 5 years, ~1 KB of Markdown per incident; same site every run).
//!
//! Cases (all by default; name some to run only those, e.g. `-- edit-10k serve-10k`):
//! - `edit-10k`: 10,000 incidents, one incident edited, rebuilt into the previous output, on
//!   the disk folder (`BEACON_BENCH_DISK`, default the system temp folder).
//! - `cold-10k`: 10,000 incidents, cold build into an empty folder on tmpfs
//!   (`BEACON_BENCH_TMPFS`, default /dev/shm), with peak RSS.
//! - `cold-100k`: the same with 100,000 incidents.
//! - `cold-2k`: the same with 2,000 incidents (not run by default: the synthetic site the
//!   browser checks, scripts/lighthouse.sh and scripts/axe.sh, build with `--keep`).
//! - `languages-10k`: cold builds of the `cold-10k` site in one language and, beside it, the
//!   same site with `languages = ["en", "fr"]` and every incident translated (title, body and
//!   each update), run alternately so both meet the same machine load; with the ratio.
//! - `serve-10k`: `beacon serve` on 10,000 incidents: from saving an edit to the reload event
//!   after which the edited incident's page shows the edit, and the fetched front page.
//! - `hugo-1k`: 1,000 incidents, one edited, rebuilt by beacon and by Hugo with the cState
//!   theme on the same content and disk. Needs `hugo` on PATH and three paths (it is skipped,
//!   saying so, without them): `BEACON_BENCH_GEN_CONTENT` (gen_content.py, which writes the same
//!   incidents for both), `BEACON_BENCH_MAKE_CSTATE` (make-cstate-site.py) and
//!   `BEACON_BENCH_CSTATE_GIT` (a git dir of cstate/cstate).
//!
//! `BEACON_BENCH_BINARY=PATH` times another `beacon` binary (e.g. main's) the same way.
//! `--runs R` sets the runs per case (default 5; 3 for `cold-100k`). `--keep DIR` generates the
//! sites under DIR and leaves them there.

#[path = "support/lcg.rs"]
mod lcg;
use lcg::Lcg;

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read, Write as _};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::{DateTime, Duration as Span, TimeZone, Utc};

const COMPONENTS: usize = 20;
const YEARS: i64 = 5;
const NOW: &str = "2026-01-01T00:00:00Z";
/// The binary timed: this build's, or `BEACON_BENCH_BINARY` (to time another version the same way).
fn beacon_binary() -> String {
    std::env::var("BEACON_BENCH_BINARY").unwrap_or_else(|_| env!("CARGO_BIN_EXE_beacon").to_string())
}
const WORDS: [&str; 24] = [
    "mail",
    "delivery",
    "queue",
    "relay",
    "gateway",
    "login",
    "session",
    "token",
    "patch",
    "vendor",
    "rollback",
    "cache",
    "latency",
    "timeout",
    "certificate",
    "storage",
    "replica",
    "failover",
    "network",
    "routing",
    "users",
    "engineers",
    "restore",
    "monitor",
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut cases: Vec<String> = Vec::new();
    let mut runs: Option<usize> = None;
    let mut keep: Option<PathBuf> = None;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--runs" => {
                i += 1;
                runs = Some(args[i].parse().expect("--runs takes a number"));
            }
            "--keep" => {
                i += 1;
                keep = Some(PathBuf::from(&args[i]));
            }
            // `cargo bench` passes `--bench`; ignore flags we do not know.
            a if a.starts_with('-') => {}
            a => cases.push(a.to_string()),
        }
        i += 1;
    }
    let all = [
        "edit-10k",
        "cold-10k",
        "cold-100k",
        "languages-10k",
        "serve-10k",
        "hugo-1k",
    ];
    if cases.is_empty() {
        cases = all.iter().map(|c| c.to_string()).collect();
    }
    let disk = std::env::var_os("BEACON_BENCH_DISK").map_or_else(std::env::temp_dir, PathBuf::from);
    let tmpfs =
        std::env::var_os("BEACON_BENCH_TMPFS").map_or_else(|| PathBuf::from("/dev/shm"), PathBuf::from);
    println!(
        "beacon build benchmark: {} CPU(s), disk folder {}, tmpfs folder {}; times are min / median / max",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        disk.display(),
        tmpfs.display()
    );
    let scratch = |base: &Path, name: &str| -> (Option<tempfile::TempDir>, PathBuf) {
        match &keep {
            Some(k) => {
                let dir = k.join(name);
                std::fs::create_dir_all(&dir).unwrap();
                (None, dir)
            }
            None => {
                let t = tempfile::Builder::new()
                    .prefix("beacon-bench-")
                    .tempdir_in(base)
                    .expect("temp dir");
                let p = t.path().to_path_buf();
                (Some(t), p)
            }
        }
    };
    for case in &cases {
        match case.as_str() {
            "edit-10k" => {
                let (_guard, dir) = scratch(&disk, "edit-10k");
                edit_rebuild(&dir, 10_000, runs.unwrap_or(5));
            }
            "cold-10k" => {
                let (_guard, dir) = scratch(&tmpfs, "cold-10k");
                cold(&dir, 10_000, runs.unwrap_or(5));
            }
            // The synthetic site scripts/lighthouse.sh and scripts/axe.sh check in a browser.
            "cold-2k" => {
                let (_guard, dir) = scratch(&tmpfs, "cold-2k");
                cold(&dir, 2_000, runs.unwrap_or(5));
            }
            "cold-100k" => {
                let (_guard, dir) = scratch(&tmpfs, "cold-100k");
                cold(&dir, 100_000, runs.unwrap_or(3));
            }
            "languages-10k" => {
                let (_guard, dir) = scratch(&tmpfs, "languages-10k");
                languages(&dir, 10_000, runs.unwrap_or(5));
            }
            "serve-10k" => {
                let (_guard, dir) = scratch(&disk, "serve-10k");
                serve(&dir, 10_000, runs.unwrap_or(5));
            }
            "hugo-1k" => {
                let (_guard, dir) = scratch(&disk, "hugo-1k");
                hugo(&dir, 1_000, runs.unwrap_or(5));
            }
            other => println!("unknown case `{other}`; the cases are {}", all.join(", ")),
        }
    }
}

/// One run of `beacon ARGS`: wall time and peak RSS in KiB; panics if it fails.
fn beacon(args: &[&str]) -> (Duration, u64) {
    let start = Instant::now();
    // Reaped by `wait_with_rusage`, which also reads its peak memory.
    #[allow(clippy::zombie_processes)]
    let child = Command::new(beacon_binary())
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("run beacon");
    let (status, peak) = wait_with_rusage(child.id() as libc::pid_t);
    let elapsed = start.elapsed();
    assert!(status == 0, "beacon {args:?} failed");
    (elapsed, peak)
}

/// Waits for `pid` and returns its exit status and peak RSS (KiB), which only `wait4` reports.
fn wait_with_rusage(pid: libc::pid_t) -> (i32, u64) {
    let mut status = 0;
    // SAFETY: plain syscall on a child of ours, into a zeroed struct it fills.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid, "wait4");
    (status, usage.ru_maxrss as u64)
}

fn build_args<'a>(root: &'a str, out: &'a str) -> Vec<&'a str> {
    vec!["--root", root, "--quiet", "build", "--now", NOW, "--output", out]
}

fn edit_rebuild(dir: &Path, n: usize, runs: usize) {
    let now = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    generate_site(dir, n, now);
    let root = dir.to_str().unwrap();
    let out = dir.join("public");
    let out = out.to_str().unwrap();
    let _ = std::fs::remove_dir_all(dir.join("public"));
    beacon(&build_args(root, out));
    let victim = first_incident(dir);
    let original = std::fs::read_to_string(&victim).unwrap();
    let mut times = Vec::new();
    for run in 0..runs {
        std::fs::write(
            &victim,
            original.replacen("title = \"", &format!("title = \"Edit {run} "), 1),
        )
        .unwrap();
        times.push(beacon(&build_args(root, out)).0);
    }
    std::fs::write(&victim, original).unwrap();
    println!(
        "{n} incidents, one edited, rebuilt into the previous output ({}): {}",
        dir.display(),
        stats(&mut times)
    );
}

fn cold(dir: &Path, n: usize, runs: usize) {
    let now = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    generate_site(dir, n, now);
    let root = dir.to_str().unwrap();
    let (mut times, mut peaks) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        let out = dir.join("cold-out");
        let _ = std::fs::remove_dir_all(&out);
        let (t, peak) = beacon(&build_args(root, out.to_str().unwrap()));
        times.push(t);
        peaks.push(peak);
    }
    let _ = std::fs::remove_dir_all(dir.join("cold-out"));
    peaks.sort();
    println!(
        "{n} incidents, cold, output on {}: {}; peak RSS {} / {} / {} MiB",
        dir.display(),
        stats(&mut times),
        peaks[0] / 1024,
        peaks[peaks.len() / 2] / 1024,
        peaks[peaks.len() - 1] / 1024
    );
}

/// Cold builds of one site in one language and in two (every incident translated), alternated.
fn languages(dir: &Path, n: usize, runs: usize) {
    let now = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let (one, two) = (dir.join("one"), dir.join("two"));
    generate_site(&one, n, now);
    generate_site(&two, n, now);
    let translated = translate_site(&two, "fr");
    let load = || std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load_before = load();
    let (mut times_one, mut times_two) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        for (root, times) in [(&one, &mut times_one), (&two, &mut times_two)] {
            let out = dir.join("cold-out");
            let _ = std::fs::remove_dir_all(&out);
            times.push(beacon(&build_args(root.to_str().unwrap(), out.to_str().unwrap())).0);
        }
    }
    let _ = std::fs::remove_dir_all(dir.join("cold-out"));
    let one_line = stats(&mut times_one);
    let two_line = stats(&mut times_two);
    let median = |t: &[Duration]| t[t.len() / 2].as_secs_f64();
    println!(
        "{n} incidents, cold, output on {}: one language {one_line}; two languages ({translated} translations) {two_line}; \
         median ratio {:.2}; load average before {} after {}",
        dir.display(),
        median(&times_two) / median(&times_one),
        load_before.split(' ').take(3).collect::<Vec<_>>().join(" "),
        load().split(' ').take(3).collect::<Vec<_>>().join(" ")
    );
}

/// Makes a generated site bilingual: `languages = ["en", code]`, and beside every incident
/// file a translation with its title, body and every update's text. Returns how many.
fn translate_site(root: &Path, code: &str) -> usize {
    let config = std::fs::read_to_string(root.join("config.toml")).unwrap();
    std::fs::write(
        root.join("config.toml"),
        format!("languages = [\"en\", \"{code}\"]\n{config}"),
    )
    .unwrap();
    let mut count = 0;
    for entry in walkdir::WalkDir::new(root.join("content/incidents")).sort_by_file_name() {
        let path = entry.unwrap().into_path();
        let is_main = path.extension().is_some_and(|x| x == "md")
            && path
                .file_stem()
                .is_some_and(|s| !s.to_string_lossy().contains('.'));
        if !is_main {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let (front, body) = text[4..].split_once("+++\n").unwrap();
        let table: toml::Table = toml::from_str(front).unwrap();
        let mut out = format!("+++\ntitle = \"[{code}] {}\"\n", table["title"].as_str().unwrap());
        for update in table
            .get("updates")
            .and_then(|u| u.as_array())
            .into_iter()
            .flatten()
        {
            write!(
                out,
                "\n[[updates]]\nat = {}\ntext = \"[{code}] {}\"\n",
                update["at"],
                update["text"].as_str().unwrap()
            )
            .unwrap();
        }
        write!(out, "+++\n[{code}] {body}").unwrap();
        std::fs::write(path.with_extension(format!("{code}.md")), out).unwrap();
        count += 1;
    }
    count
}

fn serve(dir: &Path, n: usize, runs: usize) {
    let now = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    generate_site(dir, n, now);
    let mut child = Command::new(beacon_binary())
        .args([
            "--root",
            dir.to_str().unwrap(),
            "serve",
            "--port",
            "0",
            "--now",
            NOW,
        ])
        .env_remove("SOURCE_DATE_EPOCH")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("run beacon serve");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let url = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|l| {
            l.split_whitespace()
                .find(|w| w.starts_with("http://"))
                .map(str::to_string)
        })
        .expect("serve prints its URL");
    // Keep draining its output so it never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    let address = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    // The first build finishes before the event stream says hello.
    let mut events = BufReader::new(open_events(&address));
    wait_for(&mut events, "event: hello");
    let victim = first_incident(dir);
    let original = std::fs::read_to_string(&victim).unwrap();
    let page = format!("/incidents/{}/", victim.file_stem().unwrap().to_string_lossy());
    let mut times = Vec::new();
    for run in 0..runs {
        std::thread::sleep(Duration::from_millis(300));
        let start = Instant::now();
        let title = format!("Edit {run} ");
        std::fs::write(
            &victim,
            original.replacen("title = \"", &format!("title = \"{title}"), 1),
        )
        .unwrap();
        // A save can reach the watcher as two changes (truncate, write), so a reload may come
        // before the whole edit is built: wait until the edited page shows the new title.
        loop {
            wait_for(&mut events, "event: reload");
            if get(&address, &page).contains(&title) {
                break;
            }
        }
        assert!(get(&address, "/").starts_with("HTTP/1.1 200"), "GET /");
        times.push(start.elapsed());
    }
    std::fs::write(&victim, original).unwrap();
    let _ = child.kill();
    let _ = child.wait();
    println!(
        "serve, {n} incidents, save to reload (event and front page fetched): {}",
        stats(&mut times)
    );
}

fn open_events(address: &str) -> TcpStream {
    let mut stream = TcpStream::connect(address).expect("connect to serve");
    write!(
        stream,
        "GET /__beacon/events HTTP/1.1\r\nHost: {address}\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    stream
}

fn wait_for(events: &mut BufReader<TcpStream>, line: &str) {
    let mut buf = String::new();
    loop {
        buf.clear();
        let n = events.read_line(&mut buf).expect("read events");
        assert!(n > 0, "the event stream closed");
        if buf.trim_end() == line {
            return;
        }
    }
}

/// The whole response to `GET path`, head and body.
fn get(address: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(address).expect("connect");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut body = Vec::new();
    stream.read_to_end(&mut body).unwrap();
    String::from_utf8_lossy(&body).into_owned()
}

fn hugo(dir: &Path, n: usize, runs: usize) {
    let var = |name: &str| std::env::var_os(name).map(PathBuf::from).filter(|p| p.exists());
    let (Some(gen), Some(make), Some(git)) = (
        var("BEACON_BENCH_GEN_CONTENT"),
        var("BEACON_BENCH_MAKE_CSTATE"),
        var("BEACON_BENCH_CSTATE_GIT"),
    ) else {
        println!("hugo-1k skipped: set BEACON_BENCH_GEN_CONTENT, BEACON_BENCH_MAKE_CSTATE and BEACON_BENCH_CSTATE_GIT to existing paths (see the top of benches/build.rs)");
        return;
    };
    let Ok(version) = Command::new("hugo").arg("version").output() else {
        println!("hugo-1k skipped: `hugo` is not on PATH");
        return;
    };
    let run = |program: &str, args: &[&std::ffi::OsStr]| {
        let status = Command::new(program)
            .args(args)
            .stdout(Stdio::null())
            .status()
            .expect(program);
        assert!(status.success(), "{program} {args:?} failed");
    };
    run(
        "python3",
        &[gen.as_os_str(), n.to_string().as_ref(), dir.as_os_str()],
    );
    run("python3", &[make.as_os_str(), dir.as_os_str(), git.as_os_str()]);
    let beacon_root = dir.join("beacon");
    let cstate = dir.join("cstate");
    let root = beacon_root.to_str().unwrap();
    let out = beacon_root.join("public");
    let out = out.to_str().unwrap();
    // gen_content.py dates its incidents before 2026-11-01.
    let now = "2026-11-01T00:00:00Z";
    let beacon_build = || beacon(&["--root", root, "--quiet", "build", "--now", now, "--output", out]).0;
    let hugo_build = || {
        let start = Instant::now();
        let status = Command::new("hugo")
            .arg("--quiet")
            // cState's templates can exceed Hugo's default 30 s per-template limit on a busy machine.
            .env("HUGO_TIMEOUT", "600s")
            .current_dir(&cstate)
            .stdout(Stdio::null())
            .status()
            .expect("hugo");
        assert!(status.success(), "hugo failed");
        start.elapsed()
    };
    beacon_build();
    hugo_build();
    let beacon_victim = first_incident(&beacon_root);
    let hugo_victim = first_file(&cstate.join("content/issues"));
    let (b_orig, h_orig) = (
        std::fs::read_to_string(&beacon_victim).unwrap(),
        std::fs::read_to_string(&hugo_victim).unwrap(),
    );
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for r in 0..runs {
        std::fs::write(
            &beacon_victim,
            b_orig.replacen("title = \"", &format!("title = \"Edit {r} "), 1),
        )
        .unwrap();
        ours.push(beacon_build());
        std::fs::write(
            &hugo_victim,
            h_orig.replacen("title: ", &format!("title: Edit {r} "), 1),
        )
        .unwrap();
        theirs.push(hugo_build());
    }
    let (b, h) = (stats(&mut ours), stats(&mut theirs));
    let ratio = |a: Duration, b: Duration| b.as_secs_f64() / a.as_secs_f64();
    println!(
        "{n} incidents, one edited, rebuilt on {}: beacon {b}; {} + cState {h}; beacon faster by {:.1}x (medians; {:.1}x best vs best, {:.1}x worst vs worst)",
        dir.display(),
        String::from_utf8_lossy(&version.stdout).split_whitespace().take(2).collect::<Vec<_>>().join(" "),
        ratio(ours[ours.len() / 2], theirs[theirs.len() / 2]),
        ratio(ours[0], theirs[0]),
        ratio(ours[ours.len() - 1], theirs[theirs.len() - 1]),
    );
}

/// The first incident file of a generated site, in path order.
fn first_incident(root: &Path) -> PathBuf {
    let mut years: Vec<PathBuf> = std::fs::read_dir(root.join("content/incidents"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    years.sort();
    first_file(&years[years.len() / 2])
}

fn first_file(dir: &Path) -> PathBuf {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files.swap_remove(0)
}

/// Sorts `times` (so callers can index min, median, max) and formats them.
fn stats(times: &mut [Duration]) -> String {
    times.sort();
    let s = |d: Duration| d.as_secs_f64();
    format!(
        "{:.3} / {:.3} / {:.3} s",
        s(times[0]),
        s(times[times.len() / 2]),
        s(times[times.len() - 1])
    )
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
        // About a kilobyte of prose, as real write-ups have.
        for _ in 0..3 {
            text.push('\n');
            for w in 0..40 {
                let word = WORDS[rng.below(WORDS.len() as u64) as usize];
                text.push_str(if w == 0 { "" } else { " " });
                text.push_str(word);
            }
            text.push_str(".\n");
        }
        let dir = root
            .join("content/incidents")
            .join(start.format("%Y").to_string());
        std::fs::create_dir_all(&dir).unwrap();
        bytes += text.len();
        std::fs::write(dir.join(format!("{slug}.md")), text).unwrap();
    }
    bytes
}
