//! Front matter as the other tools write it: YAML between `---` lines (cState, Statusfy), or
//! JSON (`---json`) or TOML (`---toml`, also `+++`) as Statusfy's gray-matter reads it.
//! Values come out as JSON values, so each importer reads one shape whatever the format.

use serde_json::{Map, Value};

/// One file split into its front matter (parsed) and its body.
#[derive(Debug)]
pub struct Parsed<'a> {
    pub fields: Map<String, Value>,
    /// The front matter text, to find the line of a key in.
    front: &'a str,
    /// 1-based line of the first front-matter line in the file.
    front_line: usize,
    pub body: &'a str,
    /// 1-based line of the first body line in the file.
    pub body_line: usize,
}

impl Parsed<'_> {
    /// The file line on which the top-level `key` is written (the opening line if not found).
    pub fn line_of(&self, key: &str) -> usize {
        for (i, line) in self.front.lines().enumerate() {
            let rest = line
                .strip_prefix(key)
                .or_else(|| line.trim_start().strip_prefix(&format!("\"{key}\"")));
            if let Some(rest) = rest {
                let rest = rest.trim_start();
                if rest.starts_with(':') || rest.starts_with('=') {
                    return self.front_line + i;
                }
            }
        }
        self.front_line.saturating_sub(1).max(1)
    }
}

/// Why a file's front matter could not be read: a message and the file line it points at.
#[derive(Debug, PartialEq)]
pub struct Broken {
    pub line: usize,
    pub message: String,
}

#[derive(Clone, Copy)]
enum Format {
    Yaml,
    Json,
    Toml,
}

/// [`parse`], or a warning that `file` is skipped because its front matter does not parse.
pub fn parse_or_warn<'a>(
    file: &std::path::Path,
    text: &'a str,
    warnings: &mut Vec<super::Warning>,
) -> Option<Parsed<'a>> {
    match parse(text) {
        Ok(parsed) => Some(parsed),
        Err(broken) => {
            warnings.push(super::Warning::new(
                file,
                broken.line,
                format!("{}; file not imported", broken.message),
            ));
            None
        }
    }
}

/// Splits and parses `text` (byte-order mark allowed). A file with no front matter is broken:
/// both tools require one.
pub fn parse(text: &str) -> Result<Parsed<'_>, Broken> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_end = text.find('\n').map_or(text.len(), |i| i + 1);
    let opening = text[..first_end].trim_end();
    let (format, fence) = match opening {
        "---" | "---yaml" | "---yml" => (Format::Yaml, "---"),
        "---json" => (Format::Json, "---"),
        "---toml" => (Format::Toml, "---"),
        "+++" => (Format::Toml, "+++"),
        _ => {
            return Err(Broken {
                line: 1,
                message: "expected front matter opening with `---` on the first line".into(),
            })
        }
    };
    let mut offset = first_end;
    let mut line = 2;
    let (front, body_start, body_line) = loop {
        if offset >= text.len() {
            return Err(Broken {
                line: 1,
                message: format!("the front matter opened here is never closed with `{fence}`"),
            });
        }
        let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i + 1);
        if text[offset..end].trim_end() == fence {
            break (&text[first_end..offset], end, line + 1);
        }
        offset = end;
        line += 1;
    };
    let fields = parse_fields(front, format).map_err(|(rel_line, message)| Broken {
        line: 1 + rel_line,
        message,
    })?;
    // The body becomes a beacon body, which beacon reads only this deep.
    if let Err(deep) = crate::nesting::check(&text[body_start..], crate::nesting::Syntax::Markup) {
        let (line, _) = crate::nesting::line_and_column(text, body_start + deep.offset);
        return Err(Broken {
            line,
            message: deep.message(),
        });
    }
    Ok(Parsed {
        fields,
        front,
        front_line: 2,
        body: &text[body_start..],
        body_line,
    })
}

/// The fields as a JSON object, or (1-based line within `front`, message).
fn parse_fields(front: &str, format: Format) -> Result<Map<String, Value>, (usize, String)> {
    if let Err(deep) = crate::nesting::check(front, crate::nesting::Syntax::Data) {
        return Err((
            crate::nesting::line_and_column(front, deep.offset).0,
            deep.message(),
        ));
    }
    let value = match format {
        Format::Yaml => {
            if front.trim().is_empty() {
                return Ok(Map::new());
            }
            serde_norway::from_str::<Value>(front).map_err(|e| {
                let line = e.location().map_or(1, |l| l.line());
                (line, format!("YAML front matter: {e}"))
            })?
        }
        Format::Json => serde_json::from_str::<Value>(front)
            .map_err(|e| (e.line().max(1), format!("JSON front matter: {e}")))?,
        Format::Toml => {
            let table: toml::Table = toml::from_str(front).map_err(|e| {
                let line = e.span().map_or(1, |s| front[..s.start].matches('\n').count() + 1);
                (line, format!("TOML front matter: {}", e.message()))
            })?;
            toml_to_json(toml::Value::Table(table))
        }
    };
    match value {
        Value::Object(map) => Ok(map),
        Value::Null => Ok(Map::new()),
        other => Err((1, format!("front matter must be a table of keys, found {other}"))),
    }
}

/// TOML values as JSON; datetimes become their RFC 3339 text, as gray-matter's TOML reader
/// hands them to Statusfy as dates.
pub fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect()),
    }
}

/// A scalar as text: strings as they are, numbers and booleans written out. YAML reads an
/// unquoted `id: 2018` as a number; the importers want its text.
pub fn as_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A list of scalars as text; a single scalar counts as a list of one.
pub fn as_text_list(value: &Value) -> Option<Vec<String>> {
    match value {
        Value::Array(items) => items.iter().map(as_text).collect(),
        Value::Null => Some(Vec::new()),
        other => as_text(other).map(|s| vec![s]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_formats_read_the_same() {
        let yaml = "---\ntitle: \"A\"\ndate: 2018-03-20T02:36:09.000Z\nresolved: true\naffectedsystems:\n  - cdn\n---\nBody\n";
        let json = "---json\n{\n  \"title\": \"A\",\n  \"date\": \"2018-03-20T02:36:09.000Z\",\n  \"resolved\": true,\n  \"affectedsystems\": [\"cdn\"]\n}\n---\nBody\n";
        let toml = "---toml\ntitle = \"A\"\ndate = 2018-03-20T02:36:09.000Z\nresolved = true\naffectedsystems = [\"cdn\"]\n---\nBody\n";
        let mut seen = Vec::new();
        for text in [yaml, json, toml] {
            let p = parse(text).unwrap();
            assert_eq!(p.body, "Body\n");
            assert_eq!(p.fields["title"], "A");
            assert_eq!(p.fields["resolved"], true);
            assert_eq!(p.fields["affectedsystems"][0], "cdn");
            assert_eq!(
                p.line_of("resolved"),
                text.lines().position(|l| l.contains("resolved")).unwrap() + 1
            );
            seen.push(p.fields["date"].as_str().unwrap().to_string());
        }
        // TOML writes the instant without the zero fraction; all three mean the same time.
        assert_eq!(seen[0], "2018-03-20T02:36:09.000Z");
        assert_eq!(seen[1], seen[0]);
        assert_eq!(seen[2], "2018-03-20T02:36:09Z");
    }

    #[test]
    fn broken_front_matter_points_at_its_line() {
        let e = parse("---\ntitle: a\ndate: [\n---\n").unwrap_err();
        assert!(e.message.starts_with("YAML front matter"), "{e:?}");
        assert!(e.line >= 3, "{e:?}");
        let e = parse("---\ntitle: a\n").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.contains("never closed"));
        let e = parse("title: a\n").unwrap_err();
        assert!(e.message.contains("expected front matter"));
        // The bare `x` on file line 3 is what TOML cannot read.
        let e = parse("---toml\ntitle = \"a\"\nx\n---\n").unwrap_err();
        assert_eq!(e.line, 3, "{e:?}");
    }

    #[test]
    fn body_line_counts_from_the_file_start() {
        let p = parse("---\na: 1\nb: 2\n---\n\nText").unwrap();
        assert_eq!(p.body_line, 5);
        assert_eq!(p.line_of("b"), 3);
    }
}
