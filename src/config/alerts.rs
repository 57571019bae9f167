//! The `[[alert]]` tables of `config.toml` as written: data only. `ingest` checks them (see
//! `ingest::rules`) and uses them to decide which Alertmanager alerts are published, on which
//! components and with which severity.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// One `[[alert]]` table as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlertFile {
    /// Labels an alert must carry, each with exactly this value, for the rule to publish it.
    #[serde(rename = "match")]
    pub labels: Spanned<BTreeMap<String, Spanned<String>>>,
    /// The components the incident affects (ids of `[[components]]`).
    pub components: Spanned<Vec<Spanned<String>>>,
    /// The incident's severity, as front matter writes it (default `major`).
    pub severity: Option<Spanned<String>>,
    /// The incident's title (default: the alert's `summary` annotation, else its `alertname`).
    pub title: Option<Spanned<String>>,
}
