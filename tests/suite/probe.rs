//! `beacon probe` against services these tests start on 127.0.0.1 and stop again: an HTTP
//! server that goes down, comes back, answers slowly, answers 500 or the wrong body; a TLS
//! server whose self-signed certificate (rcgen) is close to expiry; a closed TCP port. Each
//! test runs the binary several times with an advancing `--now` and reads back the incident
//! files and `probes.json`.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use serde_json::Value;

use crate::common::{snapshot, Run, TestSite, CONFIG};

/// How the test HTTP server answers.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Mode {
    Ok,
    Error500,
    WrongBody,
    Slow(u64),
}

/// An HTTP/1.1 server on 127.0.0.1 that can be stopped (its port then refuses connections)
/// and started again on the same port.
struct Service {
    port: u16,
    mode: Arc<Mutex<Mode>>,
    running: Option<(Arc<AtomicBool>, JoinHandle<()>)>,
    tls: Option<Arc<rustls::ServerConfig>>,
}

impl Service {
    fn start(mode: Mode) -> Service {
        Service::start_with(mode, None)
    }

    fn start_with(mode: Mode, tls: Option<Arc<rustls::ServerConfig>>) -> Service {
        let mut service = Service {
            port: 0,
            mode: Arc::new(Mutex::new(mode)),
            running: None,
            tls,
        };
        service.resume();
        service
    }

    fn url(&self) -> String {
        let scheme = if self.tls.is_some() { "https" } else { "http" };
        format!("{scheme}://127.0.0.1:{}/health", self.port)
    }

    /// Listens again (on the same port once it had one).
    fn resume(&mut self) {
        let listener = TcpListener::bind(("127.0.0.1", self.port)).expect("bind");
        self.port = listener.local_addr().unwrap().port();
        listener.set_nonblocking(true).unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let (flag, mode, tls) = (stop.clone(), self.mode.clone(), self.tls.clone());
        let handle = thread::spawn(move || {
            while !flag.load(Ordering::Relaxed) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        let (mode, tls) = (*mode.lock().unwrap(), tls.clone());
                        thread::spawn(move || answer(stream, mode, tls));
                    }
                    Err(_) => thread::sleep(Duration::from_millis(5)),
                }
            }
            // The listener closes here: the port refuses connections.
        });
        self.running = Some((stop, handle));
    }

    /// Stops listening: connections are refused until [`Service::resume`].
    fn stop(&mut self) {
        if let Some((stop, handle)) = self.running.take() {
            stop.store(true, Ordering::Relaxed);
            handle.join().unwrap();
        }
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        self.stop();
    }
}

fn answer(stream: TcpStream, mode: Mode, tls: Option<Arc<rustls::ServerConfig>>) {
    stream.set_nonblocking(false).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    match tls {
        Some(config) => {
            let Ok(connection) = rustls::ServerConnection::new(config) else {
                return;
            };
            respond(rustls::StreamOwned::new(connection, stream), mode);
        }
        None => respond(stream, mode),
    }
}

fn respond(mut stream: impl Read + Write, mode: Mode) {
    // Read the request head; the probe sends no body.
    let mut reader = BufReader::new(&mut stream);
    let mut line = String::new();
    loop {
        line.clear();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => return,
            Ok(_) if line == "\r\n" => break,
            Ok(_) => {}
        }
    }
    let (status, body) = match mode {
        Mode::Ok => ("200 OK", "service ok"),
        Mode::Error500 => ("500 Internal Server Error", "oops"),
        Mode::WrongBody => ("200 OK", "maintenance page"),
        Mode::Slow(ms) => {
            thread::sleep(Duration::from_millis(ms));
            ("200 OK", "service ok")
        }
    };
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.flush();
}

/// A site whose components are probed as `probes` (TOML) says.
fn site(probes: &str) -> TestSite {
    let site = TestSite::new();
    site.write("config.toml", format!("{CONFIG}\n{probes}"));
    fs::create_dir_all(site.path("never-deployed")).unwrap();
    site
}

fn http_probe(component: &str, url: &str, extra: &str) -> String {
    format!(
        "[[probe]]\ncomponent = \"{component}\"\ntype = \"http\"\nurl = \"{url}\"\nbody_contains = \"ok\"\ntimeout_ms = 2000\nretries = 1\n{extra}\n"
    )
}

/// `beacon probe` at `now`, reading the record from `previous` (relative to the site, or a URL).
fn probe(site: &TestSite, previous: &str, now: &str, extra: &[&str]) -> Run {
    let previous = if previous.starts_with("http") {
        previous.to_string()
    } else {
        site.path(previous).display().to_string()
    };
    let output = site.path("public").display().to_string();
    let mut args = vec![
        "probe",
        "--previous",
        &previous,
        "--output",
        &output,
        "--now",
        now,
    ];
    args.extend(extra);
    let run = site.beacon(&args);
    assert_eq!(run.code, 0, "probe failed:\n{}{}", run.stdout, run.stderr);
    run
}

fn record(site: &TestSite) -> Value {
    serde_json::from_str(&site.read("public/probes.json")).expect("probes.json is JSON")
}

/// The incident files, by path relative to the site, with their text.
fn incidents(site: &TestSite) -> Vec<(String, String)> {
    let dir = site.path("content/incidents");
    let mut found: Vec<(String, String)> = walk(&dir)
        .into_iter()
        .map(|p| {
            (
                p.strip_prefix(site.root()).unwrap().display().to_string(),
                fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    found.sort();
    found
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn counts(record: &Value, component: &str) -> (u64, u64) {
    let c = &record["components"][component];
    (c["failures"].as_u64().unwrap(), c["successes"].as_u64().unwrap())
}

#[test]
fn a_service_that_goes_down_and_comes_back_gets_one_incident_opened_and_resolved() {
    let mut service = Service::start(Mode::Ok);
    let site = site(&http_probe("email", &service.url(), ""));

    let run = probe(&site, "never-deployed", "2026-03-02T09:00:00-05:00", &[]);
    assert!(
        run.stdout.contains("counting starts with this run"),
        "{}",
        run.stdout
    );
    assert_eq!(counts(&record(&site), "email"), (0, 1));

    service.stop();
    probe(&site, "public", "2026-03-02T09:05:00-05:00", &[]);
    assert_eq!(counts(&record(&site), "email"), (1, 0));
    assert!(incidents(&site).is_empty(), "one failed run opens nothing");

    let run = probe(&site, "public", "2026-03-02T09:10:00-05:00", &[]);
    assert_eq!(counts(&record(&site), "email"), (2, 0));
    let files = incidents(&site);
    assert_eq!(files.len(), 1, "{}", run.stdout);
    let (path, text) = &files[0];
    assert_eq!(path, "content/incidents/2026/2026-03-02-email-is-down.md");
    assert!(text.contains("automated = true"), "{text}");
    assert!(text.contains("severity = \"major\""), "{text}");
    assert!(text.contains("components = [\"email\"]"), "{text}");
    // Impact began with the first failed run; the update is posted now, with the evidence.
    assert!(text.contains("date = 2026-03-02T09:05:00-05:00"), "{text}");
    assert!(text.contains("at = 2026-03-02T09:10:00-05:00"), "{text}");
    assert!(
        text.contains("Automated checks failed 2 times in a row"),
        "{text}"
    );
    assert!(text.contains(&format!("http {}: down", service.url())), "{text}");
    assert!(text.contains("2 attempts"), "retried before down: {text}");
    assert!(!text.contains("resolved ="), "{text}");
    assert_eq!(
        record(&site)["components"]["email"]["incident"]["slug"],
        "2026-03-02-email-is-down"
    );
    // The file passes `check` like any other.
    let check = site.beacon(&["check", "--now", "2026-03-02T09:10:00-05:00"]);
    assert_eq!(check.code, 0, "{}", check.stderr);

    // Still down: nothing new.
    probe(&site, "public", "2026-03-02T09:15:00-05:00", &[]);
    assert_eq!(incidents(&site), files);

    service.resume();
    probe(&site, "public", "2026-03-02T09:20:00-05:00", &[]);
    assert_eq!(counts(&record(&site), "email"), (0, 1));
    // One good run resolves nothing, but goes on the probe's own incident's timeline.
    let text = &incidents(&site)[0].1;
    assert!(!text.contains("resolved ="), "{text}");
    assert!(text.contains("status = \"monitoring\""), "{text}");
    assert!(text.contains("Automated checks pass again"), "{text}");

    let run = probe(&site, "public", "2026-03-02T09:25:00-05:00", &[]);
    assert!(
        run.stdout
            .contains("resolved content/incidents/2026/2026-03-02-email-is-down.md"),
        "{}",
        run.stdout
    );
    let text = &incidents(&site)[0].1;
    assert!(text.contains("resolved = 2026-03-02T09:25:00-05:00"), "{text}");
    assert!(text.contains("status = \"resolved\""), "{text}");
    assert!(
        text.contains("Automated checks passed 2 times in a row"),
        "{text}"
    );
    assert!(record(&site)["components"]["email"].get("incident").is_none());

    // The uptime figures come from the incident file alone: 20 minutes of major outage.
    site.build_at("2026-03-02T12:00:00-05:00");
    let uptime: Value = serde_json::from_str(&site.read("public/api/v2/uptime.json")).unwrap();
    let email = uptime["components"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "email")
        .unwrap();
    let day = email["days"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["date"] == "2026-03-02")
        .unwrap();
    let from_file = |key: &str| {
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("{key} = ")))
            .unwrap();
        chrono::DateTime::parse_from_rfc3339(line.split(" = ").nth(1).unwrap().trim()).unwrap()
    };
    let expected = (from_file("resolved") - from_file("date")).num_seconds() as f64;
    assert_eq!(expected, 1200.0);
    assert_eq!(day["downtime_seconds"].as_f64().unwrap(), expected);
    assert_eq!(day["incidents"][0], "2026-03-02-email-is-down");
    // The build keeps the record it did not write.
    assert!(site.path("public/probes.json").exists());
}

#[test]
fn errors_slowness_and_wrong_bodies_are_the_evidence_and_set_the_severity() {
    let broken = Service::start(Mode::Error500);
    let wrong = Service::start(Mode::WrongBody);
    let slow = Service::start(Mode::Slow(700));
    let site = site(&format!(
        "{}{}{}",
        http_probe("email", &broken.url(), ""),
        http_probe("mobile-email", &wrong.url(), "down_severity = \"partial\""),
        http_probe("vpn", &slow.url(), "degraded_ms = 300"),
    ));
    probe(&site, "never-deployed", "2026-03-02T09:00:00-05:00", &[]);
    let run = probe(&site, "public", "2026-03-02T09:05:00-05:00", &[]);
    let files = incidents(&site);
    assert_eq!(files.len(), 3, "{}", run.stdout);
    let find = |name: &str| {
        files
            .iter()
            .find(|(p, _)| p.contains(name))
            .unwrap_or_else(|| panic!("no {name} in {files:?}"))
            .1
            .clone()
    };
    let email = find("email-is-down");
    assert!(email.contains("HTTP 500"), "{email}");
    assert!(email.contains("severity = \"major\""), "{email}");
    let mobile = find("mobile-email-is-down");
    assert!(mobile.contains(r#"the body does not contain "ok""#), "{mobile}");
    assert!(mobile.contains("severity = \"partial\""), "{mobile}");
    let vpn = find("vpn-is-degraded");
    assert!(vpn.contains("slower than 300 ms"), "{vpn}");
    assert!(vpn.contains("severity = \"degraded\""), "{vpn}");
    // A slow answer is not retried: it answered.
    assert!(!vpn.contains("attempts"), "{vpn}");
    let latency = record(&site)["components"]["vpn"]["samples"][1]["ms"]
        .as_u64()
        .unwrap();
    assert!(latency >= 700, "{latency}");
}

#[test]
fn maintenance_suppresses_and_people_s_incidents_are_never_touched() {
    let email = Service::start(Mode::Error500);
    let vpn = Service::start(Mode::Error500);
    let mut mobile = Service::start(Mode::Ok);
    let site = site(&format!(
        "{}{}{}",
        http_probe("email", &email.url(), ""),
        http_probe("vpn", &vpn.url(), ""),
        http_probe("mobile-email", &mobile.url(), "fail_after = 1\nrecover_after = 1"),
    ));
    let window = "+++\ntitle = \"Mail upgrade\"\nkind = \"maintenance\"\ndate = 2026-03-02T08:00:00-05:00\nend = 2026-03-02T11:00:00-05:00\ncomponents = [\"email\"]\n+++\n";
    let human = "+++\ntitle = \"VPN trouble\"\ndate = 2026-03-02T08:30:00-05:00\nseverity = \"partial\"\ncomponents = [\"vpn\"]\n+++\nWritten by a person.\n";
    site.write("content/incidents/2026/2026-03-02-mail-upgrade.md", window);
    site.write("content/incidents/2026/2026-03-02-vpn-trouble.md", human);

    probe(&site, "never-deployed", "2026-03-02T09:00:00-05:00", &[]);
    mobile.stop();
    let run = probe(&site, "public", "2026-03-02T09:05:00-05:00", &[]);
    let run2 = probe(&site, "public", "2026-03-02T09:10:00-05:00", &[]);
    assert!(
        run.stdout.contains("email: down, in a maintenance window"),
        "{}",
        run.stdout
    );
    assert!(
        run2.stdout.contains("2026-03-02-vpn-trouble.md is already open"),
        "{}",
        run2.stdout
    );
    assert_eq!(
        counts(&record(&site), "email"),
        (0, 0),
        "failures in a window count for nothing"
    );
    assert_eq!(
        site.read("content/incidents/2026/2026-03-02-mail-upgrade.md"),
        window
    );
    assert_eq!(
        site.read("content/incidents/2026/2026-03-02-vpn-trouble.md"),
        human
    );

    // The probe opened one for mobile email; a person then edits it, and owns it.
    let own = "content/incidents/2026/2026-03-02-mobile-email-is-down.md";
    let written = site.read(own);
    assert!(written.contains("automated = true"), "{written}");
    site.write(own, format!("{written}We are on it. -- a person\n"));
    mobile.resume();
    let run = probe(&site, "public", "2026-03-02T09:15:00-05:00", &[]);
    assert!(run.stdout.contains("was edited by a person"), "{}", run.stdout);
    assert_eq!(site.read(own), format!("{written}We are on it. -- a person\n"));
    assert!(record(&site)["components"]["mobile-email"]
        .get("incident")
        .is_none());
    assert_eq!(
        site.read("content/incidents/2026/2026-03-02-vpn-trouble.md"),
        human
    );

    // After the window, email's failures count again.
    probe(&site, "public", "2026-03-02T11:05:00-05:00", &[]);
    probe(&site, "public", "2026-03-02T11:10:00-05:00", &[]);
    assert!(
        incidents(&site)
            .iter()
            .any(|(p, _)| p.ends_with("2026-03-02-email-is-down.md")),
        "{:?}",
        incidents(&site)
    );
}

#[test]
fn a_certificate_close_to_expiry_degrades_and_tls_is_verified() {
    use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};
    let today = chrono::Utc::now().date_naive();
    let ymd = |d: chrono::NaiveDate| {
        use chrono::Datelike;
        rcgen::date_time_ymd(d.year(), d.month() as u8, d.day() as u8)
    };
    let ca_key = KeyPair::generate().unwrap();
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(DnType::CommonName, "beacon test CA");
    let ca_cert = ca_params.self_signed(&ca_key).unwrap();
    let issuer = Issuer::new(ca_params, ca_key);
    let leaf_key = KeyPair::generate().unwrap();
    let mut leaf_params = CertificateParams::new(vec!["127.0.0.1".to_string()]).unwrap();
    leaf_params.not_before = ymd(today - chrono::Duration::days(30));
    let expires = today + chrono::Duration::days(5);
    leaf_params.not_after = ymd(expires);
    let leaf = leaf_params.signed_by(&leaf_key, &issuer).unwrap();

    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(
            vec![leaf.der().clone()],
            rustls::pki_types::PrivateKeyDer::try_from(leaf_key.serialize_der()).unwrap(),
        )
        .unwrap();
    let service = Service::start_with(Mode::Ok, Some(Arc::new(config)));
    let url = service.url();
    let site = site(&format!(
        "[[probe]]\ncomponent = \"email\"\ntype = \"https\"\nurl = \"{url}\"\nca_file = \"probes/ca.pem\"\ncert_expiry_days = 14\nfail_after = 1\n\n\
         [[probe]]\ncomponent = \"vpn\"\ntype = \"https\"\nurl = \"{url}\"\nretries = 0\nfail_after = 1\n"
    ));
    site.write("probes/ca.pem", ca_cert.pem());
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let run = probe(&site, "never-deployed", &now, &[]);

    let record = record(&site);
    let email = &record["components"]["email"]["recent"][0]["probes"][0];
    assert_eq!(email["state"], "degraded", "{}", run.stdout);
    assert_eq!(email["status"], 200);
    let days = email["cert_days"].as_i64().unwrap();
    assert!(
        (4..=5).contains(&days),
        "the days come from the served certificate: {days}"
    );
    // Without the test CA, the same server fails verification: probes verify TLS.
    let vpn = &record["components"]["vpn"]["recent"][0]["probes"][0];
    assert_eq!(vpn["state"], "down", "{}", run.stdout);
    assert!(
        vpn["error"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("certificate"),
        "{vpn}"
    );
    let files = incidents(&site);
    let degraded = files
        .iter()
        .find(|(p, _)| p.contains("email-is-degraded"))
        .expect("incident");
    assert!(degraded.1.contains("severity = \"degraded\""), "{}", degraded.1);
    assert!(degraded.1.contains("certificate expires in"), "{}", degraded.1);
}

#[test]
fn a_closed_port_is_down_and_a_name_that_resolves_is_up() {
    let closed = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let site = site(&format!(
        "[[probe]]\ncomponent = \"vpn\"\ntype = \"tcp\"\naddress = \"127.0.0.1:{closed}\"\ntimeout_ms = 1000\n\n\
         [[probe]]\ncomponent = \"email\"\ntype = \"dns\"\nname = \"localhost\"\n"
    ));
    probe(&site, "never-deployed", "2026-03-02T09:00:00-05:00", &[]);
    let record = record(&site);
    let vpn = &record["components"]["vpn"]["recent"][0]["probes"][0];
    assert_eq!(vpn["state"], "down");
    assert!(vpn["error"].as_str().unwrap().contains("cannot connect"), "{vpn}");
    assert_eq!(vpn["attempts"], 2);
    assert_eq!(record["components"]["email"]["state"], "up");
}

#[test]
fn the_record_is_read_back_from_a_deployed_site_s_url() {
    let mut service = Service::start(Mode::Ok);
    let site = site(&http_probe("email", &service.url(), ""));
    probe(&site, "never-deployed", "2026-03-02T09:00:00-05:00", &[]);
    service.stop();
    probe(&site, "public", "2026-03-02T09:05:00-05:00", &[]);
    // The site as deployed: its record is served over HTTP, and the next run writes elsewhere.
    fs::rename(site.path("public"), site.path("deployed")).unwrap();
    let host = crate::notify::static_host(&site.path("deployed"));
    let run = probe(
        &site,
        &format!("http://127.0.0.1:{host}/"),
        "2026-03-02T09:10:00-05:00",
        &[],
    );
    assert!(
        run.stdout
            .contains("wrote content/incidents/2026/2026-03-02-email-is-down.md"),
        "{}",
        run.stdout
    );
    assert_eq!(counts(&record(&site), "email"), (2, 0));

    // An unreachable previous site writes nothing: no history is not the same as no answer.
    let down = format!("http://127.0.0.1:{host}/down/");
    let run = site.beacon(&[
        "probe",
        "--previous",
        &down,
        "--output",
        site.path("public").to_str().unwrap(),
        "--now",
        "2026-03-02T09:15:00-05:00",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("HTTP 500"), "{}", run.stderr);
}

#[test]
fn dry_run_prints_what_would_be_written_and_writes_nothing() {
    let mut service = Service::start(Mode::Ok);
    let site = site(&http_probe("email", &service.url(), "fail_after = 1"));
    probe(&site, "never-deployed", "2026-03-02T09:00:00-05:00", &[]);
    service.stop();
    let before = snapshot(site.root());
    let run = probe(&site, "public", "2026-03-02T09:05:00-05:00", &["--dry-run"]);
    assert_eq!(snapshot(site.root()), before);
    assert!(
        run.stdout
            .contains("would write an incident \"Email is down\" (major)"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("would write probes.json"), "{}", run.stdout);
}

#[test]
fn check_reports_bad_probe_tables_at_their_keys() {
    let site = site(
        "[[probe]]\ncomponent = \"emial\"\ntype = \"http\"\nurl = \"https://x.example.org/\"\nheaders_env = { Authorization = \"Bearer abc\" }\n",
    );
    let run = site.beacon(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("config.toml:"), "{}", run.stderr);
    assert!(run.stderr.contains("did you mean `email`?"), "{}", run.stderr);
    assert!(
        run.stderr.contains("a `http` probe fetches a http:// URL"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("NAME of an environment variable"),
        "{}",
        run.stderr
    );
}

#[test]
fn response_times_are_charted_and_published_the_same_every_time() {
    let service = Service::start(Mode::Ok);
    let site = site(&http_probe("email", &service.url(), ""));
    probe(&site, "never-deployed", "2026-03-01T09:00:00-05:00", &[]);
    probe(&site, "public", "2026-03-01T10:00:00-05:00", &[]);
    probe(&site, "public", "2026-03-02T09:00:00-05:00", &[]);
    let days = record(&site)["components"]["email"]["days"].clone();
    assert_eq!(days.as_array().unwrap().len(), 1, "{days}");
    assert_eq!(days[0]["date"], "2026-03-01");
    assert_eq!(days[0]["checks"], 2);

    site.build_at("2026-03-02T12:00:00-05:00");
    let html = site.read("public/components/email/index.html");
    let start = html.find("<svg class=\"latency-chart\"").expect("a chart");
    let end = start + html[start..].find("</svg>").unwrap() + "</svg>".len();
    let svg = roxmltree::Document::parse(&html[start..end]).expect("the chart parses as XML");
    let title = svg.descendants().find(|n| n.has_tag_name("title")).unwrap();
    assert!(
        title.text().unwrap().starts_with("Email: daily response time"),
        "{html}"
    );
    assert!(!html[start..end].contains("<script"), "no script");
    assert!(html.contains("Last checked"), "{html}");
    assert!(html.contains("from 3 checks"), "{html}");
    assert!(!site
        .read("public/components/vpn/index.html")
        .contains("latency-chart"));

    let api: Value = serde_json::from_str(&site.read("public/api/v2/latency.json")).unwrap();
    assert_eq!(api["components"][0]["id"], "email");
    assert_eq!(api["components"][0]["last_state"], "up");
    assert_eq!(api["components"][0]["days"].as_array().unwrap().len(), 2);
    let badge: Value = serde_json::from_str(&site.read("public/components/email/latency.json")).unwrap();
    assert_eq!(badge["schemaVersion"], 1);
    assert_eq!(badge["label"], "response time");
    assert_eq!(badge["color"], "brightgreen");
    assert!(badge["message"].as_str().unwrap().ends_with(" ms"), "{badge}");

    // The same content, config, record and --now: the same bytes.
    let before = snapshot(&site.path("public"));
    let run = site.build_at("2026-03-02T12:00:00-05:00");
    assert!(run.stdout.contains("0 written"), "{}", run.stdout);
    assert_eq!(snapshot(&site.path("public")), before);
}

#[test]
fn a_change_of_state_goes_on_the_probe_s_own_incident_and_nowhere_else() {
    let mut service = Service::start(Mode::Slow(400));
    let site = site(&http_probe(
        "email",
        &service.url(),
        "degraded_ms = 200\nfail_after = 1",
    ));
    probe(&site, "never-deployed", "2026-03-02T09:00:00-05:00", &[]);
    let path = "content/incidents/2026/2026-03-02-email-is-degraded.md";
    assert!(site.read(path).contains("severity = \"degraded\""));
    service.stop();
    let run = probe(&site, "public", "2026-03-02T09:05:00-05:00", &["--dry-run"]);
    assert!(
        run.stdout.contains("would post a `investigating` update"),
        "{}",
        run.stdout
    );
    let run = probe(&site, "public", "2026-03-02T09:05:00-05:00", &[]);
    assert!(
        run.stdout.contains("posted a `investigating` update"),
        "{}",
        run.stdout
    );
    let text = site.read(path);
    assert!(
        text.contains("Automated checks now find the service down"),
        "{text}"
    );
    // The severity it was opened with stays: the timeline tells the rest.
    assert!(text.contains("severity = \"degraded\""), "{text}");
    // Still down: nothing more to say.
    probe(&site, "public", "2026-03-02T09:10:00-05:00", &[]);
    assert_eq!(site.read(path), text);
}
