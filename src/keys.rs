//! Unknown keys, every one of them. serde's `deny_unknown_fields` stops at the first unknown
//! key of a file, so a file with three typos took three runs to fix. Here each file is parsed
//! once, into toml's spanned tree; the tree is walked against the keys each table accepts, every
//! key that is not one of them becomes its own diagnostic and is taken out, and serde reads what
//! is left, from the same tree, so what else is wrong is reported in the same run. The accepted
//! keys are read from the serde types themselves ([`fields_of`]), so this list can never drift
//! from what parses.

use std::ops::Range;
use std::path::Path;

use serde::de::{self, Deserialize, DeserializeOwned, Deserializer, Visitor};
use toml::de::{DeTable, DeValue};

use crate::error::{with_suggestion, Diagnostic};

/// The tables of one kind of file: a table's path (keys from the root, array indices left out,
/// `""` for the root, `*` for any one key, as in `components.*`) and the keys it accepts.
/// Tables not listed (free maps such as `impact`) accept any key. Every listed table must be a
/// `#[serde(deny_unknown_fields)]` struct (see [`parse_all_keys`]).
pub type Schema = &'static [(&'static str, fn() -> &'static [&'static str])];

/// Deserializes `toml` (found at byte `offset` of `file_text`) into `T` in one pass of the
/// TOML parser, reporting every unknown key and, besides them, the first other problem serde
/// meets.
pub fn parse_all_keys<T: DeserializeOwned>(
    path: &Path,
    file_text: &str,
    offset: usize,
    toml: &str,
    schema: Schema,
) -> Result<T, Vec<Diagnostic>> {
    // The TOML parser recurses once per level: bounded first, with the same words as every
    // other file.
    Diagnostic::check_nesting(path, file_text, offset, toml, crate::nesting::Syntax::Data)
        .map_err(|d| vec![d])?;
    let diagnostic = |error: &toml::de::Error| toml_diagnostic(path, file_text, offset, error);
    let mut root = DeTable::parse(toml).map_err(|e| vec![diagnostic(&e)])?;
    let mut found = Vec::new();
    strip_table(root.get_mut(), "", schema, &mut found);
    let parsed = T::deserialize(toml::de::Deserializer::from(root));
    if found.is_empty() {
        return parsed.map_err(|e| vec![diagnostic(&e)]);
    }
    let mut problems: Vec<Diagnostic> = found
        .into_iter()
        .map(|unknown| {
            let expected = unknown
                .known
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ");
            // The same wording (and suggestion) as serde's message for a single unknown key.
            let message = with_suggestion(&format!(
                "unknown field `{}`, expected one of {expected}",
                unknown.key
            ));
            let span = unknown.span;
            Diagnostic::at(path, file_text, offset + span.start..offset + span.end, message)
        })
        .collect();
    if let Err(e) = parsed {
        problems.push(diagnostic(&e));
    }
    problems.sort_by_key(|d| (d.line, d.column));
    problems.dedup_by_key(|d| (d.line, d.column));
    Err(problems)
}

/// A TOML error as a diagnostic; `offset` is where the TOML text starts in the file.
pub fn toml_diagnostic(path: &Path, file_text: &str, offset: usize, error: &toml::de::Error) -> Diagnostic {
    let span = error.span().unwrap_or(0..0);
    let message = with_suggestion(error.message().trim());
    Diagnostic::at(path, file_text, offset + span.start..offset + span.end, message)
}

/// An unknown key: where it is written, its name, and what its table accepts.
struct Unknown {
    span: Range<usize>,
    key: String,
    known: &'static [&'static str],
}

fn known_at(schema: Schema, at: &str) -> Option<&'static [&'static str]> {
    schema
        .iter()
        .find(|(path, _)| path_matches(path, at))
        .map(|(_, fields)| fields())
}

/// Whether the schema path `pattern` names the table at `at`; a `*` part stands for any key.
fn path_matches(pattern: &str, at: &str) -> bool {
    let (mut p, mut a) = (pattern.split('.'), at.split('.'));
    loop {
        match (p.next(), a.next()) {
            (None, None) => return true,
            (Some(p), Some(a)) if p == "*" || p == a => {}
            _ => return false,
        }
    }
}

fn child(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_string()
    } else {
        format!("{at}.{key}")
    }
}

/// Takes every key the schema does not accept out of `table` (the table at path `at`) and the
/// tables below it, recording each.
fn strip_table(table: &mut DeTable, at: &str, schema: Schema, found: &mut Vec<Unknown>) {
    if let Some(known) = known_at(schema, at) {
        let unknown: Vec<(String, Range<usize>)> = table
            .iter()
            .filter(|(key, _)| !known.contains(&key.get_ref().as_ref()))
            .map(|(key, _)| (key.get_ref().to_string(), key.span()))
            .collect();
        for (key, span) in unknown {
            table.remove(key.as_str());
            found.push(Unknown { span, key, known });
        }
    }
    for (key, value) in table.iter_mut() {
        if matches!(value.get_ref(), DeValue::Table(_) | DeValue::Array(_)) {
            strip_value(value.get_mut(), &child(at, key.get_ref()), schema, found);
        }
    }
}

/// [`strip_table`] for a value: a table, or each table of an array (array indices are not
/// part of a schema path).
fn strip_value(value: &mut DeValue, at: &str, schema: Schema, found: &mut Vec<Unknown>) {
    match value {
        DeValue::Table(table) => strip_table(table, at, schema, found),
        DeValue::Array(items) => {
            for item in items.iter_mut() {
                strip_value(item.get_mut(), at, schema, found);
            }
        }
        _ => {}
    }
}

/// The field names a `#[derive(Deserialize)]` struct accepts, asked of the type itself: serde
/// hands them to `deserialize_struct`, which this deserializer records and then stops.
pub fn fields_of<T: for<'de> Deserialize<'de>>() -> &'static [&'static str] {
    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(FieldNames(&mut fields));
    fields
}

struct FieldNames<'a>(&'a mut &'static [&'static str]);

#[derive(Debug)]
struct Stop;

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("field names recorded")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Stop
    }
}

impl<'de> Deserializer<'de> for FieldNames<'_> {
    type Error = Stop;

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Stop> {
        *self.0 = fields;
        Err(Stop)
    }

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        days: u32,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        title: String,
        #[serde(default)]
        inner: Vec<Inner>,
    }

    const SCHEMA: Schema = &[("", fields_of::<Outer>), ("inner", fields_of::<Inner>)];

    #[test]
    fn field_names_come_from_the_type() {
        assert_eq!(fields_of::<Outer>(), ["title", "inner"]);
    }

    #[test]
    fn every_unknown_key_is_reported_where_it_is_written() {
        let toml =
            "titel = 1\ntitle = \"x\"\nfoo = 2\n[[inner]]\ndayz = 3\n[[inner]]\ndays = 1\nbar = { a = 1 }\n";
        let found = parse_all_keys::<Outer>(Path::new("f.toml"), toml, 0, toml, SCHEMA).unwrap_err();
        let at: Vec<_> = found.iter().map(|d| (d.line, d.column)).collect();
        // The first [[inner]] has `dayz` but no `days`: that is reported too.
        assert_eq!(at, [(1, 1), (3, 1), (4, 1), (5, 1), (8, 1)], "{found:?}");
        assert!(
            found[0].message.contains("did you mean `title`?"),
            "{}",
            found[0].message
        );
        assert_eq!(found[2].message, "missing required key `days`");
        assert!(
            found[3].message.contains("did you mean `days`?"),
            "{}",
            found[3].message
        );
    }

    #[test]
    fn other_problems_are_reported_beside_unknown_keys() {
        let toml = "title = 3\nnope = 1\n";
        let found = parse_all_keys::<Outer>(Path::new("f.toml"), toml, 0, toml, SCHEMA).unwrap_err();
        let at: Vec<_> = found.iter().map(|d| (d.line, d.column)).collect();
        assert_eq!(at, [(1, 9), (2, 1)], "{found:?}");
    }

    #[test]
    fn inline_tables_and_dotted_keys_are_walked_too() {
        let toml = "title = \"x\"\ninner = [{ days = 1, nope = 2 }]\nother.key = 1\n";
        let found = parse_all_keys::<Outer>(Path::new("f.toml"), toml, 0, toml, SCHEMA).unwrap_err();
        let keys: Vec<_> = found
            .iter()
            .map(|d| {
                d.source_line[d.column - 1..]
                    .split(' ')
                    .next()
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(keys, ["nope", "other.key"], "{found:?}");
    }
}
