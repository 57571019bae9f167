//! Template errors as diagnostics: which template a Tera error is about, and where in it.

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::Diagnostic;

/// The template an error is about: the one Tera says the error "happened in" (a parent
/// template), else the first one named in quotes in the chain.
pub(super) fn named_template<'a>(
    error: &tera::Error,
    sources: &'a BTreeMap<String, String>,
) -> Option<(&'a String, &'a String)> {
    let chain = chain_messages(error).join("\n");
    let quoted = |after: &str| {
        let rest = &chain[chain.find(after)? + after.len()..];
        rest.split_once('\'').map(|(name, _)| name.to_string())
    };
    let name = quoted("error happened in '").or_else(|| {
        sources
            .keys()
            .filter_map(|n| chain.find(&format!("'{n}'")).map(|at| (at, n.clone())))
            .min()
            .map(|(_, n)| n)
    })?;
    sources.get_key_value(&name)
}

/// A Tera error and each of its causes, outermost first.
pub(super) fn chain_messages(error: &tera::Error) -> Vec<String> {
    let mut messages = vec![error.to_string()];
    let mut source = std::error::Error::source(error);
    while let Some(e) = source {
        messages.push(e.to_string());
        source = e.source();
    }
    messages
}

/// `path:line:column: message` for a template error: the position comes from the parser's
/// `--> line:column` when it gives one; the message is Tera's whole chain on one line.
pub(super) fn template_diagnostic(source: &str, text: Option<&str>, error: &tera::Error) -> Diagnostic {
    let messages = chain_messages(error);
    let position = messages.iter().find_map(|m| parse_position(m)).or_else(|| {
        let name = messages.iter().find_map(|m| named_variable(m))?;
        let text = text?;
        let at = text.find(name)?;
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        Some((
            text[..at].matches('\n').count() + 1,
            text[line_start..at].chars().count() + 1,
        ))
    });
    let message = messages
        .iter()
        .map(|m| summarise(m))
        .filter(|m| !m.is_empty())
        .collect::<Vec<_>>()
        .join(": ");
    let message = format!("template error: {message}");
    match (position, text) {
        (Some((line, column)), Some(text)) => {
            let offset = text
                .split_inclusive('\n')
                .take(line - 1)
                .map(str::len)
                .sum::<usize>()
                + text
                    .split_inclusive('\n')
                    .nth(line - 1)
                    .map_or(0, |l| l.char_indices().nth(column - 1).map_or(0, |(i, _)| i));
            Diagnostic::at(Path::new(source), text, offset..offset + 1, message)
        }
        _ => Diagnostic::file(Path::new(source), message),
    }
}

/// A pest error spans several lines (`--> 3:5`, the source line, a caret, `= expected ...`);
/// keep only the `= ...` explanation.
fn summarise(message: &str) -> String {
    if !message.contains("-->") {
        return message.trim().to_string();
    }
    message
        .lines()
        .filter_map(|l| l.trim().strip_prefix("= "))
        .collect::<Vec<_>>()
        .join("; ")
}

/// `x.y` from "Variable `x.y` not found in context ...".
fn named_variable(message: &str) -> Option<&str> {
    let rest = message.split_once("Variable `")?.1;
    let (name, rest) = rest.split_once('`')?;
    rest.starts_with(" not found").then_some(name)
}

fn parse_position(message: &str) -> Option<(usize, usize)> {
    let rest = &message[message.find("--> ")? + 4..];
    let end = rest
        .find(|c: char| !c.is_ascii_digit() && c != ':')
        .unwrap_or(rest.len());
    let (line, column) = rest[..end].split_once(':')?;
    Some((line.parse().ok()?, column.parse().ok()?))
}
