//! The `[[probe]]` tables of `config.toml` as written: data only. `probe` checks them (see
//! `probe::config`) and runs them. Secrets are never values here: a header that carries one
//! names the environment variable that holds it (`headers_env`).

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// What a probe checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProbeType {
    Https,
    Http,
    Tcp,
    Dns,
}

impl ProbeType {
    pub fn as_str(self) -> &'static str {
        match self {
            ProbeType::Https => "https",
            ProbeType::Http => "http",
            ProbeType::Tcp => "tcp",
            ProbeType::Dns => "dns",
        }
    }
}

/// One `[[probe]]` table as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProbeFile {
    pub component: Spanned<String>,
    #[serde(rename = "type")]
    pub kind: Spanned<ProbeType>,
    /// `http` and `https`: the URL fetched.
    pub url: Option<Spanned<String>>,
    /// `tcp`: `host:port`.
    pub address: Option<Spanned<String>>,
    /// `dns`: the name resolved.
    pub name: Option<Spanned<String>>,
    /// `dns`: an address the name must resolve to.
    pub expect_address: Option<Spanned<String>>,
    /// `http(s)`: the status codes that count as up (default: any 2xx).
    pub expect_status: Option<Spanned<Vec<Spanned<i64>>>>,
    /// `http(s)`: a text the body must contain.
    pub body_contains: Option<Spanned<String>>,
    /// Above this latency (milliseconds) the service counts as degraded.
    pub degraded_ms: Option<Spanned<i64>>,
    /// `https`: days before the certificate expires from which the service counts as degraded.
    pub cert_expiry_days: Option<Spanned<i64>>,
    /// `https`: a PEM file (relative to the site folder) of the certificate authorities to
    /// trust for this probe instead of the public ones.
    pub ca_file: Option<Spanned<String>>,
    /// Milliseconds one attempt may take.
    pub timeout_ms: Option<Spanned<i64>>,
    /// Attempts after a failed one, before the run counts as failed.
    pub retries: Option<Spanned<i64>>,
    /// `http(s)`: request headers, as written (no secrets).
    pub headers: Option<Spanned<BTreeMap<String, Spanned<String>>>>,
    /// `http(s)`: request headers whose values are read from these environment variables.
    pub headers_env: Option<Spanned<BTreeMap<String, Spanned<String>>>>,
    /// Consecutive failed runs before an incident is opened (default 2).
    pub fail_after: Option<Spanned<i64>>,
    /// Consecutive good runs before the incident is resolved (default 2).
    pub recover_after: Option<Spanned<i64>>,
    /// The severity of an incident opened because the service is down (default `major`).
    pub down_severity: Option<Spanned<String>>,
    /// The severity of an incident opened because it is only degraded (default `degraded`).
    pub degraded_severity: Option<Spanned<String>>,
}
