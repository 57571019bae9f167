//! Running one probe: an HTTP(S) request with ureq, a TCP connect, a DNS lookup through the
//! system resolver, and for `https` the certificate the server presents, read through rustls
//! and x509-parser. Every attempt is bounded by the probe's timeout; a failed attempt is
//! retried before the probe counts as down.

use std::io::{Read, Write};
use std::net::{IpAddr, SocketAddr, TcpStream, ToSocketAddrs};
use std::path::Path;
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::config::ProbeConfig;
use crate::config::probes::ProbeType;

/// The most of a body read to look for `body_contains`.
const MAX_BODY: u64 = 1024 * 1024;
/// The pause before a failed attempt is retried.
const RETRY_PAUSE: Duration = Duration::from_millis(250);

/// What a probe found, worst last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    Up,
    Degraded,
    Down,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Up => "up",
            State::Degraded => "degraded",
            State::Down => "down",
        }
    }
}

/// One probe's result in one run: the evidence an incident quotes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProbeResult {
    /// `type target` ([`ProbeConfig::label`]).
    pub probe: String,
    pub state: State,
    /// The HTTP status of the last attempt that got one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// Milliseconds to the answer (the whole body for HTTP), when there was one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latency_ms: Option<u32>,
    /// Days until the certificate expires (`https`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cert_days: Option<i64>,
    /// What was wrong, when the state is not `up`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Attempts made (more than one when a failed attempt was retried).
    pub attempts: u32,
}

impl ProbeResult {
    /// The evidence in one line: `https https://x/: down, HTTP 500 in 12 ms (...)`.
    pub fn evidence(&self) -> String {
        let mut parts = vec![self.state.as_str().to_string()];
        if let Some(status) = self.status {
            parts.push(format!("HTTP {status}"));
        }
        if let Some(ms) = self.latency_ms {
            parts.push(format!("{ms} ms"));
        }
        if let Some(days) = self.cert_days {
            parts.push(format!("certificate expires in {days} days"));
        }
        if let Some(error) = &self.error {
            parts.push(error.clone());
        }
        if self.attempts > 1 {
            parts.push(format!("{} attempts", self.attempts));
        }
        format!("{}: {}", self.probe, parts.join(", "))
    }
}

/// Runs `probe`, retrying a failed attempt up to `probe.retries` times. `root` is the site
/// folder (for `ca_file`), `now` the instant certificate expiry is counted from.
pub fn run(probe: &ProbeConfig, root: &Path, now: DateTime<Utc>) -> ProbeResult {
    let mut attempts = 0;
    loop {
        attempts += 1;
        let mut result = attempt(probe, root, now);
        result.attempts = attempts;
        if result.state != State::Down || attempts > probe.retries {
            return result;
        }
        std::thread::sleep(RETRY_PAUSE);
    }
}

fn attempt(probe: &ProbeConfig, root: &Path, now: DateTime<Utc>) -> ProbeResult {
    let mut result = ProbeResult {
        probe: probe.label(),
        state: State::Up,
        status: None,
        latency_ms: None,
        cert_days: None,
        error: None,
        attempts: 1,
    };
    let outcome = match probe.kind {
        ProbeType::Http | ProbeType::Https => http(probe, root, now, &mut result),
        ProbeType::Tcp => tcp(probe, &mut result),
        ProbeType::Dns => dns(probe, &mut result),
    };
    match outcome {
        Ok(()) => {}
        Err(Verdict::Down(why)) => {
            result.state = State::Down;
            result.error = Some(why);
        }
        Err(Verdict::Degraded(why)) => {
            result.state = State::Degraded;
            result.error = Some(why);
        }
    }
    if result.state == State::Up {
        if let (Some(limit), Some(ms)) = (probe.degraded_ms, result.latency_ms) {
            if ms > limit {
                result.state = State::Degraded;
                result.error = Some(format!("slower than {limit} ms"));
            }
        }
    }
    result
}

enum Verdict {
    Down(String),
    Degraded(String),
}

fn millis(since: Instant) -> u32 {
    u32::try_from(since.elapsed().as_millis()).unwrap_or(u32::MAX)
}

fn http(
    probe: &ProbeConfig,
    root: &Path,
    now: DateTime<Utc>,
    result: &mut ProbeResult,
) -> Result<(), Verdict> {
    let roots = match &probe.ca_file {
        Some(file) => Some(read_ca_file(&root.join(file)).map_err(Verdict::Down)?),
        None => None,
    };
    let mut tls = ureq::tls::TlsConfig::builder();
    if let Some(certs) = &roots {
        let certs: Vec<ureq::tls::Certificate<'static>> = certs
            .iter()
            .map(|der| ureq::tls::Certificate::from_der(der).to_owned())
            .collect();
        tls = tls.root_certs(ureq::tls::RootCerts::new_with_certs(&certs));
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(probe.timeout))
        .http_status_as_error(false)
        .user_agent("beacon-probe")
        .tls_config(tls.build())
        .build()
        .into();
    let mut request = agent.get(&probe.target);
    for (name, value) in &probe.headers {
        request = request.header(name, value);
    }
    for (name, variable) in &probe.headers_env {
        // Never quoted in the evidence: only the variable's name is.
        let value = std::env::var(variable).map_err(|_| {
            Verdict::Down(format!(
                "environment variable {variable} (for header {name}) is not set"
            ))
        })?;
        request = request.header(name, value);
    }
    let started = Instant::now();
    let mut response = request.call().map_err(|e| Verdict::Down(e.to_string()))?;
    let status = response.status().as_u16();
    result.status = Some(status);
    let body = response.body_mut().with_config().limit(MAX_BODY).read_to_vec();
    result.latency_ms = Some(millis(started));
    let body = body.map_err(|e| Verdict::Down(format!("cannot read the body: {e}")))?;
    let expected = if probe.expect_status.is_empty() {
        (200..300).contains(&status)
    } else {
        probe.expect_status.contains(&status)
    };
    if !expected {
        return Err(Verdict::Down("unexpected status".into()));
    }
    if let Some(needle) = &probe.body_contains {
        if !String::from_utf8_lossy(&body).contains(needle.as_str()) {
            return Err(Verdict::Down(format!("the body does not contain {needle:?}")));
        }
    }
    if probe.kind == ProbeType::Https {
        let days = certificate_days(probe, roots.as_deref(), now).map_err(Verdict::Down)?;
        result.cert_days = Some(days);
        if days < probe.cert_expiry_days {
            return Err(Verdict::Degraded(format!(
                "the certificate expires in less than {} days",
                probe.cert_expiry_days
            )));
        }
    }
    Ok(())
}

/// The certificates of a PEM file, as DER.
fn read_ca_file(path: &Path) -> Result<Vec<Vec<u8>>, String> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::CertificateDer;
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read ca_file {}: {e}", path.display()))?;
    let certs: Vec<Vec<u8>> = CertificateDer::pem_slice_iter(&bytes)
        .map(|c| c.map(|c| c.to_vec()))
        .collect::<Result<_, _>>()
        .map_err(|e| format!("ca_file {}: {e:?}", path.display()))?;
    if certs.is_empty() {
        return Err(format!("ca_file {} holds no certificate", path.display()));
    }
    Ok(certs)
}

/// Days from `now` until the certificate the server presents expires, read from a TLS
/// handshake verified against the same roots as the request (the Mozilla roots, or `ca_file`).
fn certificate_days(
    probe: &ProbeConfig,
    roots: Option<&[Vec<u8>]>,
    now: DateTime<Utc>,
) -> Result<i64, String> {
    let url = url::Url::parse(&probe.target).map_err(|e| e.to_string())?;
    let host = url
        .host_str()
        .ok_or("the URL names no host")?
        .trim_matches(['[', ']'])
        .to_string();
    let port = url.port_or_known_default().unwrap_or(443);
    let mut store = rustls::RootCertStore::empty();
    match roots {
        Some(roots) => {
            for der in roots {
                store
                    .add(rustls::pki_types::CertificateDer::from(der.clone()))
                    .map_err(|e| format!("ca_file: {e}"))?;
            }
        }
        None => store.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned()),
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?
        .with_root_certificates(store)
        .with_no_client_auth();
    let name = rustls::pki_types::ServerName::try_from(host.clone()).map_err(|e| e.to_string())?;
    let mut connection =
        rustls::ClientConnection::new(Arc::new(config), name).map_err(|e| format!("TLS: {e}"))?;
    let mut socket = connect(&format!("{host}:{port}"), probe.timeout)?.0;
    socket
        .set_read_timeout(Some(probe.timeout))
        .map_err(|e| e.to_string())?;
    socket
        .set_write_timeout(Some(probe.timeout))
        .map_err(|e| e.to_string())?;
    let deadline = Instant::now() + probe.timeout;
    while connection.is_handshaking() {
        if Instant::now() > deadline {
            return Err("the TLS handshake timed out".into());
        }
        connection
            .complete_io(&mut socket)
            .map_err(|e| format!("TLS handshake: {e}"))?;
    }
    let certificate = connection
        .peer_certificates()
        .and_then(|chain| chain.first())
        .ok_or("the server presented no certificate")?
        .to_vec();
    // Say goodbye politely; a failure here changes nothing.
    connection.send_close_notify();
    let _ = connection.write_tls(&mut socket);
    let _ = socket.flush();
    let _ = socket.read(&mut [0u8; 0]);
    let (_, parsed) = x509_parser::parse_x509_certificate(&certificate)
        .map_err(|e| format!("cannot read the server's certificate: {e}"))?;
    let expires = parsed.validity().not_after.timestamp();
    Ok((expires - now.timestamp()).div_euclid(86_400))
}

/// A TCP connection to the first address of `address` that answers within `timeout`.
fn connect(address: &str, timeout: Duration) -> Result<(TcpStream, SocketAddr), String> {
    let addresses = resolve(address, timeout)?;
    let mut last = format!("{address} resolves to no address");
    for socket in addresses {
        match TcpStream::connect_timeout(&socket, timeout) {
            Ok(stream) => return Ok((stream, socket)),
            Err(e) => last = format!("cannot connect to {socket}: {e}"),
        }
    }
    Err(last)
}

fn tcp(probe: &ProbeConfig, result: &mut ProbeResult) -> Result<(), Verdict> {
    let started = Instant::now();
    let (stream, _) = connect(&probe.target, probe.timeout).map_err(Verdict::Down)?;
    result.latency_ms = Some(millis(started));
    drop(stream);
    Ok(())
}

fn dns(probe: &ProbeConfig, result: &mut ProbeResult) -> Result<(), Verdict> {
    let started = Instant::now();
    let addresses = resolve(&format!("{}:0", probe.target), probe.timeout).map_err(Verdict::Down)?;
    result.latency_ms = Some(millis(started));
    if addresses.is_empty() {
        return Err(Verdict::Down(format!("{} resolves to no address", probe.target)));
    }
    if let Some(expected) = probe.expect_address {
        let found: Vec<IpAddr> = addresses.iter().map(SocketAddr::ip).collect();
        if !found.contains(&expected) {
            let found: Vec<String> = found.iter().map(IpAddr::to_string).collect();
            return Err(Verdict::Down(format!(
                "{} resolves to {}, not {expected}",
                probe.target,
                found.join(", ")
            )));
        }
    }
    Ok(())
}

/// `host:port` through the system resolver, given up after `timeout` (the lookup itself
/// cannot be cancelled, so it finishes on its own thread).
fn resolve(address: &str, timeout: Duration) -> Result<Vec<SocketAddr>, String> {
    let (send, receive) = mpsc::channel();
    let owned = address.to_string();
    std::thread::spawn(move || {
        let _ = send.send(owned.to_socket_addrs().map(Iterator::collect::<Vec<_>>));
    });
    match receive.recv_timeout(timeout) {
        Ok(Ok(list)) => Ok(list),
        Ok(Err(e)) => Err(format!("cannot resolve {address}: {e}")),
        Err(_) => Err(format!("resolving {address} timed out")),
    }
}
