//! The `[[alert]]` tables of `config.toml` (kept as written by [`crate::config::alerts`])
//! checked into rules. `beacon check` and `build` call [`rules`], so a mistyped rule is
//! reported at its key like any other problem of the config.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::config::alerts::AlertFile;
use crate::config::Config;
use crate::content::Severity;
use crate::error::{closest, Diagnostic};

/// The severity of a rule's incidents when the table does not say.
pub const DEFAULT_SEVERITY: Severity = Severity::Major;

/// One checked `[[alert]]` rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertRule {
    /// Labels an alert must carry with exactly these values.
    pub labels: BTreeMap<String, String>,
    pub components: Vec<String>,
    pub severity: Severity,
    pub title: Option<String>,
}

impl AlertRule {
    pub fn matches(&self, labels: &BTreeMap<String, String>) -> bool {
        self.labels.iter().all(|(k, v)| labels.get(k) == Some(v))
    }
}

/// The config's `[[alert]]` tables as rules, in order, or every problem found in them.
pub fn rules(config: &Config) -> Result<Vec<AlertRule>, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut report = |span: Range<usize>, message: String| problems.push(config.diagnostic_at(span, message));
    let rules: Vec<AlertRule> = config
        .alert
        .iter()
        .map(|table| check_table(table.get_ref(), config, &mut report))
        .collect();
    if problems.is_empty() {
        Ok(rules)
    } else {
        Err(problems)
    }
}

fn check_table(file: &AlertFile, config: &Config, report: &mut dyn FnMut(Range<usize>, String)) -> AlertRule {
    if file.labels.get_ref().is_empty() {
        report(
            file.labels.span(),
            "`match` names no label; a rule must name at least one (such as `alertname`), so \
             that no alert is published by accident"
                .into(),
        );
    }
    let mut labels = BTreeMap::new();
    for (key, value) in file.labels.get_ref() {
        if key.trim().is_empty() {
            report(value.span(), "a label name in `match` is empty".into());
        }
        labels.insert(key.clone(), value.get_ref().clone());
    }
    let mut components: Vec<String> = Vec::new();
    if file.components.get_ref().is_empty() {
        report(
            file.components.span(),
            "`components` is empty; name the components this alert affects".into(),
        );
    }
    for id in file.components.get_ref() {
        let name = id.get_ref().trim();
        if config.component(name).is_none() {
            let hint = closest(name, config.components.iter().map(|c| c.id.as_str()))
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            report(id.span(), format!("unknown component `{name}`{hint}"));
        } else if components.iter().any(|c| c == name) {
            report(id.span(), format!("component `{name}` is listed twice"));
        } else {
            components.push(name.to_string());
        }
    }
    let severity = match &file.severity {
        None => DEFAULT_SEVERITY,
        Some(s) => match crate::authoring::parse_severity(s.get_ref()) {
            Ok(severity) => severity,
            Err(message) => {
                report(s.span(), format!("`severity`: {message}"));
                DEFAULT_SEVERITY
            }
        },
    };
    let title = match &file.title {
        Some(t) if t.get_ref().trim().is_empty() => {
            report(
                t.span(),
                "`title` is empty; leave it out to use the alert's summary".into(),
            );
            None
        }
        Some(t) => Some(t.get_ref().trim().to_string()),
        None => None,
    };
    AlertRule {
        labels,
        components,
        severity,
        title,
    }
}
