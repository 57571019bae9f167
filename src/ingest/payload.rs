//! Reading a JSON payload into its serde type, with errors that name the field
//! (`alerts[0].startsAt`) and where the file has it (`line:column`). Payloads are not config:
//! fields beacon does not use are ignored, so a sender that adds some still works.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::error::{Diagnostic, Error, Result};

/// `text` (the payload named `shown`) read as a `T`, or a diagnostic naming the field.
pub fn parse<T: DeserializeOwned>(shown: &Path, text: &str) -> Result<T> {
    Diagnostic::check_nesting(shown, text, 0, text, crate::nesting::Syntax::Data)
        .map_err(|d| Error::Content(vec![d]))?;
    let mut reader = serde_json::Deserializer::from_str(text);
    let parsed: std::result::Result<T, _> = serde_path_to_error::deserialize(&mut reader);
    let value = parsed.map_err(|e| {
        let field = e.path().to_string();
        let inner = e.into_inner();
        let message = inner.to_string();
        // serde_json ends its message with " at line L column C"; the diagnostic says where.
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m)
            .to_string();
        let root = field == "." || field.is_empty();
        let message = if inner.is_syntax() || inner.is_eof() {
            let within = if root {
                String::new()
            } else {
                format!(" (in {field})")
            };
            format!("not valid JSON: {message}{within}")
        } else if root {
            message
        } else {
            format!("field {field}: {message}")
        };
        Error::Content(vec![at_line_column(
            shown,
            text,
            inner.line(),
            inner.column(),
            message,
        )])
    })?;
    reader.end().map_err(|e| {
        Error::Content(vec![at_line_column(
            shown,
            text,
            e.line(),
            e.column(),
            format!("not valid JSON: {e}"),
        )])
    })?;
    Ok(value)
}

/// A diagnostic at serde_json's 1-based line and (byte) column.
fn at_line_column(shown: &Path, text: &str, line: usize, column: usize, message: String) -> Diagnostic {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut at = (line_start + column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    Diagnostic::at(shown, text, at..at, message)
}
