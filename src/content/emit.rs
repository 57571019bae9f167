//! The one writer of front matter: an [`Incident`] or a [`Page`] of the model as the text of a
//! content file that the loader ([`super::incident::parse_incident`], [`super::page::parse_page`])
//! reads back as the same value. `beacon new` writes its files with it, `update`, `resolve` and
//! `ingest` write their values with its pieces ([`string_value`], [`datetime`],
//! [`update_table`]), and `beacon import` writes every incident and page with it.
//!
//! Built with toml_edit, so quoting, escaping and arrays are TOML's own; the layout is the one
//! `beacon new` has always written: the keys in a fixed order, a blank line before each
//! `[[updates]]`, the body after the closing `+++`.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use toml_edit::{ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

use super::front_matter::is_fence;
use super::model::{Incident, Kind, Page, UpdateStatus};
use crate::time::format_time;

/// What a file says beyond the model: where `beacon ingest` took it from, and comments for
/// the person who edits it next.
#[derive(Debug, Clone, Copy, Default)]
pub struct Extras<'a> {
    /// The incident's `source` key (the event it was opened from).
    pub source: Option<&'a str>,
    /// The `source` key of each update, by its index in `updates` (missing ones have none).
    pub update_sources: &'a [Option<&'a str>],
    /// Comment lines (each without `# `) written after the blank line before the first update.
    pub before_updates: &'a [&'a str],
}

/// The text of `incident`'s file: front matter between `+++` lines, then the body as it is.
/// Times are written in `tz`, the site's zone.
pub fn incident_file(incident: &Incident, tz: Tz, extras: Extras<'_>) -> String {
    file(&incident_front_matter(incident, tz, extras), &incident.body)
}

/// The text of `page`'s file.
pub fn page_file(page: &Page) -> String {
    let mut doc = DocumentMut::new();
    let root = doc.as_table_mut();
    root.insert("title", value(string_value(&page.title)));
    if !page.description.is_empty() {
        root.insert("description", value(string_value(&page.description)));
    }
    if page.weight != 0 {
        root.insert("weight", value(Value::from(page.weight)));
    }
    if page.draft {
        root.insert("draft", value(Value::from(true)));
    }
    file(&doc, &page.body)
}

fn file(front: &DocumentMut, body: &str) -> String {
    format!("+++\n{front}+++\n{body}")
}

/// The front matter of `incident`: the keys the loader reads, each written only when it says
/// more than its default.
pub fn incident_front_matter(incident: &Incident, tz: Tz, extras: Extras<'_>) -> DocumentMut {
    let mut doc = DocumentMut::new();
    let root = doc.as_table_mut();
    root.insert("title", value(string_value(&incident.title)));
    if incident.kind == Kind::Maintenance {
        root.insert("kind", value(Value::from("maintenance")));
    }
    root.insert("date", value(Value::from(datetime(tz, incident.start))));
    if let Some(end) = incident.end {
        let key = match incident.kind {
            Kind::Incident => "resolved",
            Kind::Maintenance => "end",
        };
        root.insert(key, value(Value::from(datetime(tz, end))));
    }
    if incident.kind == Kind::Incident {
        root.insert("severity", value(Value::from(incident.severity.as_str())));
    }
    let components: toml_edit::Array = incident.components.iter().map(String::as_str).collect();
    root.insert("components", value(Value::Array(components)));
    if !incident.impact.is_empty() {
        let mut impact = InlineTable::new();
        for (id, severity) in &incident.impact {
            impact.insert(id, Value::from(severity.as_str()));
        }
        root.insert("impact", value(Value::InlineTable(impact)));
    }
    for (key, set) in [
        ("pinned", incident.pinned),
        ("draft", incident.draft),
        ("automated", incident.automated),
    ] {
        if set {
            root.insert(key, value(Value::from(true)));
        }
    }
    if let Some(source) = extras.source {
        root.insert("source", value(string_value(source)));
    }
    if !incident.updates.is_empty() {
        let mut list = ArrayOfTables::new();
        for (i, u) in incident.updates.iter().enumerate() {
            let mut table = update_table(datetime(tz, u.at), u.status, &u.text);
            if let Some(Some(source)) = extras.update_sources.get(i) {
                table.insert("source", value(string_value(source)));
            }
            if i == 0 && !extras.before_updates.is_empty() {
                let comments: String = extras.before_updates.iter().map(|c| format!("# {c}\n")).collect();
                table.decor_mut().set_prefix(format!("\n{comments}"));
            }
            list.push(table);
        }
        root.insert("updates", Item::ArrayOfTables(list));
    }
    doc
}

/// One `[[updates]]` table, with the blank line before it that every writer puts there.
pub fn update_table(at: toml_edit::Datetime, status: UpdateStatus, text: &str) -> Table {
    let mut table = Table::new();
    table.insert("at", value(Value::from(at)));
    table.insert("status", value(Value::from(status.as_str())));
    table.insert("text", value(string_value(text)));
    table.decor_mut().set_prefix("\n");
    table
}

/// `t` as a front-matter datetime in the site's zone ([`format_time`]).
pub fn datetime(tz: Tz, t: DateTime<Utc>) -> toml_edit::Datetime {
    format_time(tz, t)
        .parse()
        .expect("format_time writes an RFC 3339 datetime")
}

/// `text` as a TOML string value that keeps the front matter valid: the usual form (a
/// multi-line string for multi-line text, as an author would write it), unless one of its lines
/// would read as the `+++` fence that ends the front matter; then a one-line string with `\n`
/// escapes, which no fence can appear in.
pub fn string_value(text: &str) -> Value {
    let usual = Value::from(text);
    if !usual.to_string().lines().any(is_fence) {
        return usual;
    }
    use toml_writer::ToTomlValue;
    let one_line = toml_writer::TomlStringBuilder::new(text)
        .as_basic()
        .to_toml_value();
    one_line
        .parse()
        .expect("toml_writer writes a valid TOML basic string")
}

fn value(v: Value) -> Item {
    Item::Value(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_with_a_fence_line_is_written_on_one_line() {
        for text in ["a\n+++\nb", "+++", "a\r\n+++ \t\r\nb", "x\n+++\n'''\n\"\"\"\n"] {
            let value = string_value(text).to_string();
            assert!(!value.lines().any(is_fence), "{text:?} -> {value}");
            let parsed: toml::Table = toml::from_str(&format!("t = {value}")).unwrap();
            assert_eq!(parsed["t"].as_str(), Some(text));
        }
        assert_eq!(string_value("a\nb").to_string(), Value::from("a\nb").to_string());
    }
}
