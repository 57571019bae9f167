//! `beacon ingest alertmanager PAYLOAD.json`: Prometheus Alertmanager's webhook payload
//! (version 4), or the same shape from Grafana's webhook contact point (version 1, with
//! `orgId` and more fields, which are ignored).
//!
//! Only alerts a `[[alert]]` rule matches are published. One incident per alert group
//! (`groupKey`) and episode: each alert that fires adds an `investigating` update (keyed by the
//! group, the alert's fingerprint and its `startsAt`); each that recovers adds an update at its
//! `endsAt`. When every alert the incident has seen has recovered, the last recovery is the
//! `resolved` update and the incident is resolved at its time.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::{add_once, apply, stamp, whole, Creation, Report, Target};
use crate::authoring::{NewIncident, Sourced, SourcedUpdate};
use crate::config::Config;
use crate::content::{Severity, UpdateStatus};
use crate::error::{Diagnostic, Error, Result};

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Payload {
    version: String,
    group_key: String,
    #[allow(dead_code)]
    status: GroupStatus,
    #[serde(default)]
    group_labels: BTreeMap<String, String>,
    alerts: Vec<Alert>,
    /// Grafana's: present only in its payloads.
    org_id: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum GroupStatus {
    Firing,
    Resolved,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Alert {
    status: GroupStatus,
    labels: BTreeMap<String, String>,
    #[serde(default)]
    annotations: BTreeMap<String, String>,
    starts_at: DateTime<Utc>,
    ends_at: Option<DateTime<Utc>>,
    fingerprint: Option<String>,
}

/// One alert a rule publishes.
struct Published<'a> {
    alert: &'a Alert,
    rule: usize,
    fingerprint: String,
}

impl Published<'_> {
    /// What the page calls the alert: its `summary` annotation, else its `alertname`.
    fn name(&self) -> String {
        self.alert
            .annotations
            .get("summary")
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .or_else(|| self.alert.labels.get("alertname").cloned())
            .unwrap_or_else(|| "An alert".to_string())
    }

    fn firing_source(&self, group: &str) -> String {
        format!(
            "alertmanager:{group}#{}@{}",
            self.fingerprint,
            stamp(self.alert.starts_at)
        )
    }

    fn firing(&self, group: &str) -> SourcedUpdate {
        SourcedUpdate {
            at: whole(self.alert.starts_at),
            status: UpdateStatus::Investigating,
            text: format!("Alert firing: {}", self.name()),
            source: self.firing_source(group),
        }
    }

    fn recovery(&self, group: &str) -> Option<SourcedUpdate> {
        if self.alert.status != GroupStatus::Resolved {
            return None;
        }
        let at = self
            .alert
            .ends_at
            .unwrap_or(self.alert.starts_at)
            .max(self.alert.starts_at);
        Some(SourcedUpdate {
            at: whole(at),
            status: UpdateStatus::Update,
            text: format!("Recovered: {}", self.name()),
            source: format!("{}{RECOVERED}", self.firing_source(group)),
        })
    }
}

/// Ends the source of an alert's recovery: its firing source and this.
const RECOVERED: &str = "/resolved";

/// Ingests one webhook payload (`text`, read from the file shown as `shown`).
pub fn ingest(root: &Path, config: &Config, shown: &Path, text: &str) -> Result<Report> {
    let payload: Payload = super::payload::parse(shown, text)?;
    let grafana = payload.org_id.is_some();
    if payload.version != "4" && !(grafana && payload.version == "1") {
        let at = text.find("\"version\"").unwrap_or(0);
        return Err(Error::Content(vec![Diagnostic::at(
            shown,
            text,
            at..at + 9,
            format!(
                "field version: `{}` is not a webhook version beacon reads; expected \"4\" \
                 (Alertmanager) or \"1\" with `orgId` (Grafana)",
                payload.version
            ),
        )]));
    }
    let rules = super::rules(config).map_err(Error::Content)?;
    let group = payload.group_key.as_str();
    let mut published = Vec::new();
    let mut unpublished = Vec::new();
    for alert in &payload.alerts {
        match rules.iter().position(|r| r.matches(&alert.labels)) {
            Some(rule) => published.push(Published {
                alert,
                rule,
                fingerprint: alert
                    .fingerprint
                    .clone()
                    .unwrap_or_else(|| fingerprint(&alert.labels)),
            }),
            None => unpublished.push(labels_text(&alert.labels)),
        }
    }
    let mut skipped: Vec<String> = unpublished
        .iter()
        .map(|labels| format!("not published: no [[alert]] rule matches {labels}"))
        .collect();
    if published.is_empty() {
        skipped.push(format!("nothing to do: no alert of group {group} is published"));
        return Ok(Report {
            lines: skipped,
            changed: Vec::new(),
        });
    }
    published.sort_by_key(|p| (p.alert.starts_at, p.fingerprint.clone()));
    let first = &published[0];

    let title_rank = |title: &str| -> (usize, String) {
        let rule = rules.iter().position(|r| r.title.as_deref() == Some(title));
        (rule.unwrap_or(usize::MAX), title.to_string())
    };
    let best_title = published
        .iter()
        .map(|p| match &rules[p.rule].title {
            Some(t) => (p.rule, t.clone()),
            None => (usize::MAX, p.name()),
        })
        .min()
        .map(|(_, t)| t)
        .expect("one alert at least");
    let severity = published
        .iter()
        .map(|p| rules[p.rule].severity)
        .max()
        .unwrap_or(Severity::Major);
    let components: Vec<String> = in_config_order(
        config,
        published
            .iter()
            .flat_map(|p| rules[p.rule].components.iter().cloned()),
    );
    let earliest = whole(first.alert.starts_at);
    let firing_sources: Vec<String> = published.iter().map(|p| p.firing_source(group)).collect();
    let prefix = format!("alertmanager:{group}#");

    let change = |state: &mut Sourced| -> Result<()> {
        if title_rank(&best_title) < title_rank(&state.title) {
            state.title = best_title.clone();
        }
        state.severity = state.severity.max(severity);
        state.components = in_config_order(config, state.components.iter().chain(&components).cloned());
        state.date = state.date.min(earliest);
        for p in &published {
            add_once(state, p.firing(group));
            if let Some(recovery) = p.recovery(group) {
                add_once(state, recovery);
            }
        }
        settle(state, &prefix);
        Ok(())
    };
    // The group's incident: the one that has seen one of these alerts, else the one whose time
    // (from `date` to `resolved`, or on) overlaps the time of one of them (from `startsAt` to
    // `endsAt`, or on while it fires); else a new one.
    let spans: Vec<(DateTime<Utc>, Option<DateTime<Utc>>)> = published
        .iter()
        .map(|p| {
            let start = whole(p.alert.starts_at);
            (start, p.recovery(group).map(|r| r.at))
        })
        .collect();
    let pick = |states: &[Sourced]| -> Option<usize> {
        let seen = states.iter().position(|s| {
            s.updates
                .iter()
                .any(|u| firing_sources.iter().any(|f| u.source.starts_with(f.as_str())))
        });
        seen.or_else(|| {
            states.iter().position(|s| {
                spans.iter().any(|(start, end)| {
                    s.resolved.is_none_or(|r| *start <= r) && end.is_none_or(|e| s.date <= e)
                })
            })
        })
    };
    let mut name = payload
        .group_labels
        .values()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ");
    if crate::authoring::slug_words(&name).is_empty() {
        name = "alert".into();
    }
    let mut report = apply(
        root,
        config,
        Target {
            source: format!("alertmanager:{group}"),
            pick: &pick,
            create: Creation {
                new: NewIncident {
                    title: best_title.clone(),
                    severity,
                    components: components.clone(),
                    date: Some(earliest.to_rfc3339()),
                    now: earliest,
                    automated: true,
                    first_update: Some(first.firing(group).text),
                },
                first_source: first.firing_source(group),
                name,
            },
            change: &change,
            event: format!("group {group}"),
        },
    )?;
    report.lines.extend(skipped);
    Ok(report)
}

/// The recoveries settled as a function of what the incident has seen: resolved (at the last
/// recovery, which becomes the `resolved` update) when every alert that fired has recovered;
/// else open, every recovery an `update`.
fn settle(state: &mut Sourced, prefix: &str) {
    let fired: Vec<String> = state
        .updates
        .iter()
        .filter(|u| u.source.starts_with(prefix) && !u.source.ends_with(RECOVERED))
        .map(|u| format!("{}{RECOVERED}", u.source))
        .collect();
    let all_recovered =
        !fired.is_empty() && fired.iter().all(|r| state.updates.iter().any(|u| &u.source == r));
    let last = state
        .updates
        .iter()
        .filter(|u| u.source.starts_with(prefix) && u.source.ends_with(RECOVERED))
        .map(|u| (u.at, u.source.clone()))
        .max();
    for u in &mut state.updates {
        if u.source.starts_with(prefix) && u.source.ends_with(RECOVERED) {
            let is_last = last.as_ref().is_some_and(|(at, s)| *at == u.at && *s == u.source);
            u.status = if all_recovered && is_last {
                UpdateStatus::Resolved
            } else {
                UpdateStatus::Update
            };
        }
    }
    state.resolved = match (all_recovered, last) {
        (true, Some((at, _))) => Some(at),
        _ => None,
    };
}

/// `ids` once each, in the order of `[[components]]`.
fn in_config_order(config: &Config, ids: impl IntoIterator<Item = String>) -> Vec<String> {
    let ids: Vec<String> = ids.into_iter().collect();
    config
        .components
        .iter()
        .filter(|c| ids.contains(&c.id))
        .map(|c| c.id.clone())
        .collect()
}

/// A fingerprint for a payload that carries none: from the labels, as Alertmanager's is.
fn fingerprint(labels: &BTreeMap<String, String>) -> String {
    let mut hash = Sha256::new();
    for (k, v) in labels {
        hash.update(k.as_bytes());
        hash.update([0xff]);
        hash.update(v.as_bytes());
        hash.update([0xff]);
    }
    hex::encode(&hash.finalize()[..8])
}

fn labels_text(labels: &BTreeMap<String, String>) -> String {
    let inner: Vec<String> = labels.iter().map(|(k, v)| format!("{k}=\"{v}\"")).collect();
    format!("{{{}}}", inner.join(", "))
}
