//! The `[[probe]]` tables of `config.toml` (read as data by [`crate::config::probes`]) checked
//! into probes: `beacon check` and `build` call [`probes`], so a mistyped probe is reported at
//! its key like any other. Header secrets are never values here, only the names of the
//! environment variables that hold them.

use std::collections::BTreeMap;
use std::net::IpAddr;
use std::ops::Range;
use std::path::Path;
use std::time::Duration;

use toml::Spanned;

use crate::config::probes::{ProbeFile, ProbeType};
use crate::config::Config;
use crate::content::Severity;
use crate::error::{closest, Diagnostic};

/// Consecutive failed runs before an incident, when the table does not say.
pub const DEFAULT_FAIL_AFTER: u32 = 2;
/// Consecutive good runs before the incident is resolved, when the table does not say.
pub const DEFAULT_RECOVER_AFTER: u32 = 2;
/// How long one attempt may take, when the table does not say.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
/// Attempts after a failed one, when the table does not say.
pub const DEFAULT_RETRIES: u32 = 1;
/// Days before certificate expiry from which an `https` service counts as degraded.
pub const DEFAULT_CERT_EXPIRY_DAYS: i64 = 14;

/// One checked probe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProbeConfig {
    pub component: String,
    pub kind: ProbeType,
    /// What is checked: the URL, `host:port` or name, as written (trimmed).
    pub target: String,
    pub expect_address: Option<IpAddr>,
    /// Status codes that count as up; empty: any 2xx.
    pub expect_status: Vec<u16>,
    pub body_contains: Option<String>,
    pub degraded_ms: Option<u32>,
    pub cert_expiry_days: i64,
    /// Relative to the site folder.
    pub ca_file: Option<String>,
    pub timeout: Duration,
    pub retries: u32,
    /// Header name and value, as written.
    pub headers: BTreeMap<String, String>,
    /// Header name and the NAME of the environment variable that holds its value.
    pub headers_env: BTreeMap<String, String>,
    pub fail_after: u32,
    pub recover_after: u32,
    pub down_severity: Severity,
    pub degraded_severity: Severity,
}

impl ProbeConfig {
    /// How the probe is named in messages and in the record: `type target`.
    pub fn label(&self) -> String {
        format!("{} {}", self.kind.as_str(), self.target)
    }
}

/// The config's `[[probe]]` tables as checked probes, or every problem found in them.
pub fn probes(config: &Config) -> Result<Vec<ProbeConfig>, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut report = |span: Range<usize>, message: String| problems.push(config.diagnostic_at(span, message));
    let mut probes: Vec<ProbeConfig> = config
        .probe
        .iter()
        .map(|table| check_table(table.get_ref(), table.span(), config, &mut report))
        .collect();
    // A component's probes share its run counts, so they must agree on them.
    for (i, table) in config.probe.iter().enumerate() {
        let first = probes.iter().position(|p| p.component == probes[i].component);
        if let Some(first) = first.filter(|f| *f < i) {
            for (key, same, span) in [
                (
                    "fail_after",
                    probes[first].fail_after == probes[i].fail_after,
                    table.get_ref().fail_after.as_ref().map(Spanned::span),
                ),
                (
                    "recover_after",
                    probes[first].recover_after == probes[i].recover_after,
                    table.get_ref().recover_after.as_ref().map(Spanned::span),
                ),
            ] {
                if !same {
                    report(
                        span.unwrap_or_else(|| table.get_ref().component.span()),
                        format!(
                            "`{key}` differs from the first probe of component `{}`; a \
                             component's probes share one count, so give them the same `{key}`",
                            probes[i].component
                        ),
                    );
                }
            }
        }
        if probes[..i]
            .iter()
            .any(|p| p.component == probes[i].component && p.label() == probes[i].label())
        {
            report(
                table.span(),
                format!("component `{}` has this probe twice", probes[i].component),
            );
        }
    }
    if problems.is_empty() {
        probes.shrink_to_fit();
        Ok(probes)
    } else {
        Err(problems)
    }
}

fn check_table(
    file: &ProbeFile,
    table_span: Range<usize>,
    config: &Config,
    report: &mut dyn FnMut(Range<usize>, String),
) -> ProbeConfig {
    let kind = *file.kind.get_ref();
    let component = file.component.get_ref().trim().to_string();
    if config.component(&component).is_none() {
        let hint = closest(&component, config.components.iter().map(|c| c.id.as_str()))
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_default();
        report(
            file.component.span(),
            format!("unknown component `{component}`{hint}"),
        );
    }
    let http = matches!(kind, ProbeType::Http | ProbeType::Https);
    let given: [(&str, Option<Range<usize>>, bool); 11] = [
        ("url", file.url.as_ref().map(Spanned::span), http),
        (
            "address",
            file.address.as_ref().map(Spanned::span),
            kind == ProbeType::Tcp,
        ),
        (
            "name",
            file.name.as_ref().map(Spanned::span),
            kind == ProbeType::Dns,
        ),
        (
            "expect_address",
            file.expect_address.as_ref().map(Spanned::span),
            kind == ProbeType::Dns,
        ),
        (
            "expect_status",
            file.expect_status.as_ref().map(Spanned::span),
            http,
        ),
        (
            "body_contains",
            file.body_contains.as_ref().map(Spanned::span),
            http,
        ),
        (
            "cert_expiry_days",
            file.cert_expiry_days.as_ref().map(Spanned::span),
            kind == ProbeType::Https,
        ),
        (
            "ca_file",
            file.ca_file.as_ref().map(Spanned::span),
            kind == ProbeType::Https,
        ),
        ("headers", file.headers.as_ref().map(Spanned::span), http),
        ("headers_env", file.headers_env.as_ref().map(Spanned::span), http),
        ("degraded_ms", None, true),
    ];
    for (key, span, applies) in &given {
        if let (Some(span), false) = (span, applies) {
            report(
                span.clone(),
                format!("`{key}` does not apply to a `{}` probe", kind.as_str()),
            );
        }
    }
    let (target_key, target) = match kind {
        ProbeType::Http | ProbeType::Https => ("url", &file.url),
        ProbeType::Tcp => ("address", &file.address),
        ProbeType::Dns => ("name", &file.name),
    };
    let text = target.as_ref().map(|t| t.get_ref().trim().to_string());
    match (&text, target) {
        (None, _) | (_, None) => report(
            file.kind.span(),
            format!("a `{}` probe needs `{target_key}`", kind.as_str()),
        ),
        (Some(value), Some(spanned)) => {
            if let Err(why) = check_target(kind, value) {
                report(spanned.span(), why);
            }
        }
    }
    let expect_address = file.expect_address.as_ref().and_then(|a| {
        a.get_ref()
            .trim()
            .parse::<IpAddr>()
            .map_err(|_| report(a.span(), format!("`{}` is not an IP address", a.get_ref())))
            .ok()
    });
    let expect_status = file.expect_status.as_ref().map_or_else(Vec::new, |list| {
        if list.get_ref().is_empty() {
            report(list.span(), "`expect_status` lists no status code".into());
        }
        list.get_ref()
            .iter()
            .filter_map(|code| match u16::try_from(*code.get_ref()) {
                Ok(n) if (100..=599).contains(&n) => Some(n),
                _ => {
                    report(
                        code.span(),
                        format!("`{}` is not an HTTP status code (100 to 599)", code.get_ref()),
                    );
                    None
                }
            })
            .collect()
    });
    let mut number = |value: &Option<Spanned<i64>>, key: &str, min: i64, max: i64| -> Option<i64> {
        value.as_ref().and_then(|v| {
            let n = *v.get_ref();
            if (min..=max).contains(&n) {
                Some(n)
            } else {
                report(v.span(), format!("`{key}` must be {min} to {max}, found {n}"));
                None
            }
        })
    };
    let degraded_ms = number(&file.degraded_ms, "degraded_ms", 1, 600_000).map(|n| n as u32);
    let cert_expiry_days =
        number(&file.cert_expiry_days, "cert_expiry_days", 0, 3650).unwrap_or(DEFAULT_CERT_EXPIRY_DAYS);
    let timeout = number(&file.timeout_ms, "timeout_ms", 1, 120_000)
        .map_or(DEFAULT_TIMEOUT, |n| Duration::from_millis(n as u64));
    let retries = number(&file.retries, "retries", 0, 5).map_or(DEFAULT_RETRIES, |n| n as u32);
    let fail_after = number(&file.fail_after, "fail_after", 1, 1000).map_or(DEFAULT_FAIL_AFTER, |n| n as u32);
    let recover_after =
        number(&file.recover_after, "recover_after", 1, 1000).map_or(DEFAULT_RECOVER_AFTER, |n| n as u32);
    let mut severity = |value: &Option<Spanned<String>>, default: Severity| {
        value.as_ref().map_or(default, |v| {
            crate::authoring::parse_severity(v.get_ref()).unwrap_or_else(|_| {
                report(
                    v.span(),
                    format!(
                        "`{}` is not a severity; expected one of notice, degraded, partial, major",
                        v.get_ref()
                    ),
                );
                default
            })
        })
    };
    let down_severity = severity(&file.down_severity, Severity::Major);
    let degraded_severity = severity(&file.degraded_severity, Severity::Degraded);
    let mut header_map = |map: &Option<Spanned<BTreeMap<String, Spanned<String>>>>, env: bool| {
        let mut out = BTreeMap::new();
        for (name, value) in map.iter().flat_map(|m| m.get_ref()) {
            if !is_header_name(name) {
                report(value.span(), format!("`{name}` is not an HTTP header name"));
            } else if env && !is_env_name(value.get_ref()) {
                report(
                    value.span(),
                    "expected the NAME of an environment variable (letters, digits and `_`, like \
                     \"STATUS_TOKEN\"); secrets are never written in config.toml"
                        .into(),
                );
            } else if !env && value.get_ref().chars().any(|c| c.is_control()) {
                report(value.span(), "a header value is one line of text".into());
            } else {
                out.insert(name.clone(), value.get_ref().trim().to_string());
            }
        }
        out
    };
    let headers = header_map(&file.headers, false);
    let headers_env = header_map(&file.headers_env, true);
    for name in headers.keys() {
        if headers_env.keys().any(|n| n.eq_ignore_ascii_case(name)) {
            report(
                table_span.clone(),
                format!("header `{name}` is given in both `headers` and `headers_env`"),
            );
        }
    }
    let ca_file = file.ca_file.as_ref().map(|c| c.get_ref().trim().to_string());
    if let (Some(path), Some(spanned)) = (&ca_file, &file.ca_file) {
        if path.is_empty() || Path::new(path).is_absolute() || path.split(['/', '\\']).any(|p| p == "..") {
            report(
                spanned.span(),
                "`ca_file` is a path inside the site folder, like \"probes/ca.pem\"".into(),
            );
        }
    }
    ProbeConfig {
        component,
        kind,
        target: text.unwrap_or_default(),
        expect_address,
        expect_status,
        body_contains: file.body_contains.as_ref().map(|b| b.get_ref().clone()),
        degraded_ms,
        cert_expiry_days,
        ca_file,
        timeout,
        retries,
        headers,
        headers_env,
        fail_after,
        recover_after,
        down_severity,
        degraded_severity,
    }
}

/// Whether `value` is a target a probe of `kind` can check.
fn check_target(kind: ProbeType, value: &str) -> Result<(), String> {
    match kind {
        ProbeType::Http | ProbeType::Https => {
            let scheme = kind.as_str();
            let url = url::Url::parse(value).map_err(|e| format!("`{value}` is not a URL: {e}"))?;
            if url.scheme() != scheme {
                return Err(format!(
                    "a `{scheme}` probe fetches a {scheme}:// URL, not `{value}`"
                ));
            }
            if url.host_str().is_none_or(str::is_empty) {
                return Err(format!("`{value}` names no host"));
            }
            if !url.username().is_empty() || url.password().is_some() {
                return Err(
                    "a URL with a user name or password would publish it in probes.json; send \
                     credentials with `headers_env`"
                        .into(),
                );
            }
            Ok(())
        }
        ProbeType::Tcp => match value.rsplit_once(':') {
            Some((host, port)) if !host.is_empty() && port.parse::<u16>().is_ok_and(|p| p > 0) => Ok(()),
            _ => Err(format!(
                "`{value}` is not `host:port` (like \"db.example.org:5432\")"
            )),
        },
        ProbeType::Dns => {
            if value.is_empty()
                || value
                    .chars()
                    .any(|c| c.is_whitespace() || c.is_control() || c == '/')
            {
                Err(format!("`{value}` is not a host name"))
            } else {
                Ok(())
            }
        }
    }
}

/// An RFC 9110 token.
fn is_header_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// `[A-Za-z_][A-Za-z0-9_]*`: what a shell and every CI accept as a variable name.
fn is_env_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

#[cfg(test)]
mod tests {

    use super::{probes, ProbeConfig};
    use crate::error::Diagnostic;

    const SITE: &str =
        "title = \"T\"\nbase_url = \"https://s.example.org\"\n[[components]]\nid = \"api\"\nname = \"API\"\n";

    fn checked(probe: &str) -> Result<Vec<ProbeConfig>, Vec<Diagnostic>> {
        crate::config::checked_section(&format!("{SITE}{probe}"), probes)
    }

    fn problems(probe: &str) -> Vec<String> {
        checked(probe)
            .err()
            .map_or_else(Vec::new, |found| crate::error::located(&found))
    }

    #[test]
    fn a_good_probe_passes_with_its_defaults() {
        let probes =
            checked("[[probe]]\ncomponent = \"api\"\ntype = \"https\"\nurl = \"https://api.example.org/\"\n")
                .unwrap();
        assert_eq!(probes[0].fail_after, 2);
        assert_eq!(probes[0].recover_after, 2);
        assert_eq!(probes[0].label(), "https https://api.example.org/");
    }

    #[test]
    fn problems_are_reported_at_their_keys() {
        let found = problems(
            "[[probe]]\ncomponent = \"apl\"\ntype = \"tcp\"\nurl = \"https://x/\"\nfail_after = 0\nheaders_env = { Authorization = \"secret value\" }\n",
        );
        assert!(found[0].contains("did you mean `api`?"), "{found:?}");
        assert!(
            found.iter().any(|f| f.starts_with("9:7 `url` does not apply")),
            "{found:?}"
        );
        assert!(found.iter().any(|f| f.contains("needs `address`")), "{found:?}");
        assert!(
            found.iter().any(|f| f.contains("`fail_after` must be 1")),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|f| f.contains("NAME of an environment variable")),
            "{found:?}"
        );
    }

    #[test]
    fn a_component_s_probes_share_their_counts() {
        let found = problems(
            "[[probe]]\ncomponent = \"api\"\ntype = \"dns\"\nname = \"a.example.org\"\n[[probe]]\ncomponent = \"api\"\ntype = \"tcp\"\naddress = \"a.example.org:443\"\nfail_after = 3\n",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("`fail_after` differs"), "{found:?}");
    }
}
