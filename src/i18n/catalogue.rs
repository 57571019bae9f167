//! One language's messages: the shipped catalogue (`locales/<code>.ftl`, compiled in) with the
//! site's `i18n/<code>.ftl` on top. An override may only replace messages the shipped catalogue
//! has (a typo in an id would otherwise be silently ignored); a Fluent syntax error or an unknown
//! id is a diagnostic naming the file, line and column.
//!
//! Messages without arguments are formatted once here, so a page asks a hash map, not Fluent.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use fluent_syntax::ast;
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

use crate::error::{Diagnostic, Error, Result};
use crate::languages::{reference, Language};

pub struct Catalogue {
    bundle: FluentBundle<FluentResource>,
    /// Every message that needs no argument, formatted.
    plain: HashMap<String, String>,
    /// The site's overrides as read (`i18n/<code>.ftl`), if any.
    overrides: Option<String>,
}

impl Catalogue {
    /// The shipped catalogue of `language` and the site's overrides under `root`.
    pub fn load(root: &Path, language: &Language) -> Result<Catalogue> {
        let relative = format!("i18n/{}.ftl", language.shipped.code);
        let path = root.join(&relative);
        // Listed like every folder a build reads, so a symlink cannot reach outside the site.
        let overrides = match crate::site_files::list(root, "i18n")?.contains(&path) {
            true => Some(read_override(&path, Path::new(&relative))?),
            false => None,
        };
        let mut catalogue = Catalogue::load_shipped(language);
        if let Some(text) = overrides {
            let source = text.clone();
            let resource = parse_override(Path::new(&relative), text)?;
            let ids: Vec<String> = message_ids(&resource).map(str::to_string).collect();
            catalogue.bundle.add_resource_overriding(resource);
            check_overrides_format(&catalogue.bundle, &ids, Path::new(&relative), &source)?;
            catalogue.plain = preformat(&catalogue.bundle);
            catalogue.overrides = Some(source);
        }
        Ok(catalogue)
    }

    /// The shipped catalogue alone.
    pub fn load_shipped(language: &Language) -> Catalogue {
        let mut bundle = FluentBundle::new_concurrent(vec![plural_language(language)]);
        // No Unicode isolation marks around arguments: the output is HTML, XML and iCalendar
        // whose values are already whole, and the marks would break copy and search.
        bundle.set_use_isolating(false);
        let resource = FluentResource::try_new(language.shipped.ftl.to_string())
            .unwrap_or_else(|(resource, _)| resource);
        // The shipped catalogues are checked by the tests: one resource, no duplicate ids.
        let _ = bundle.add_resource(resource);
        let plain = preformat(&bundle);
        Catalogue {
            bundle,
            plain,
            overrides: None,
        }
    }

    /// The site's overrides as read, if any: with the shipped catalogue (which the program
    /// holds), all that makes this catalogue's words.
    pub fn overrides(&self) -> Option<&str> {
        self.overrides.as_deref()
    }

    /// A message without arguments. An id no catalogue has (a bug, not input) reads as itself.
    pub fn text<'a>(&'a self, id: &'a str) -> &'a str {
        self.plain.get(id).map_or(id, String::as_str)
    }

    /// Every argument-less message and its text.
    pub fn plain_messages(&self) -> impl Iterator<Item = (&str, &str)> {
        self.plain.iter().map(|(id, text)| (id.as_str(), text.as_str()))
    }

    /// Whether `id` is a message of this catalogue.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// Formats message `id`. Formatting errors (a missing argument) leave Fluent's visible
    /// `{$name}` in the text rather than failing the build.
    pub fn format<'a>(&'a self, id: &str, args: Option<&'a FluentArgs>) -> Cow<'a, str> {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return Cow::Owned(id.to_string());
        };
        let mut errors = Vec::new();
        self.bundle.format_pattern(pattern, args, &mut errors)
    }

    /// For each `(unit, message id)`, the message for one number of each plural category of the
    /// language, with `{n}` where the number goes: the stale notice's script picks the category
    /// with the browser's `Intl.PluralRules`, from the same CLDR rules.
    pub fn plural_templates(&self, language: &Language, units: &[(&str, &str)]) -> String {
        let rules = PluralRules::create(plural_language(language), PluralRuleType::CARDINAL).ok();
        let mut out = serde_json::Map::new();
        out.insert("lang".into(), language.tag.clone().into());
        for (unit, id) in units {
            let mut forms: BTreeMap<&str, String> = BTreeMap::new();
            for n in 0..=200u32 {
                let category = rules
                    .as_ref()
                    .and_then(|r| r.select(n).ok())
                    .map_or("other", category_name);
                if forms.contains_key(category) {
                    continue;
                }
                let mut args = FluentArgs::with_capacity(1);
                args.set("count", n);
                let text = self.format(id, Some(&args));
                forms.insert(category, text.replacen(&n.to_string(), "{n}", 1));
            }
            out.insert(
                unit.to_string(),
                serde_json::Value::Object(
                    forms
                        .into_iter()
                        .map(|(k, v)| (k.to_string(), v.into()))
                        .collect(),
                ),
            );
        }
        serde_json::Value::Object(out).to_string()
    }
}

/// The language CLDR's plural rules are looked up by: the bare language subtag (`fr` for
/// `fr-CA`, `zh` for `zh-Hans`), which every rule table has.
fn plural_language(language: &Language) -> LanguageIdentifier {
    language
        .id
        .language
        .as_str()
        .parse()
        .unwrap_or_else(|_| language.id.clone())
}

fn category_name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

fn preformat(bundle: &FluentBundle<FluentResource>) -> HashMap<String, String> {
    let resource =
        FluentResource::try_new(reference().ftl.to_string()).unwrap_or_else(|(resource, _)| resource);
    message_ids(&resource)
        .filter_map(|id| {
            let pattern = bundle.get_message(id)?.value()?;
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, None, &mut errors);
            errors.is_empty().then(|| (id.to_string(), text.into_owned()))
        })
        .collect()
}

/// The ids of the messages of `resource` (terms excluded), in file order.
pub fn message_ids(resource: &FluentResource) -> impl Iterator<Item = &str> {
    resource.entries().filter_map(|entry| match entry {
        ast::Entry::Message(m) => Some(m.id.name),
        _ => None,
    })
}

/// A warning for every file under `i18n/` that no language of the site reads: a catalogue's
/// file is named by the shipped catalogue's code (`i18n/fr.ftl` for `fr-CA`), so
/// `i18n/fr-CA.ftl` or `i18n/FR.ftl` would otherwise be ignored without a word.
pub fn unused_overrides(root: &Path, languages: &[String]) -> Result<Vec<Diagnostic>> {
    let read: Vec<String> = languages
        .iter()
        .filter_map(|tag| crate::languages::resolve(tag).ok())
        .map(|l| format!("{}.ftl", l.shipped.code))
        .collect();
    Ok(crate::site_files::list(root, "i18n")?
        .into_iter()
        .filter_map(|path| {
            let name = path.file_name()?.to_string_lossy().into_owned();
            if read.contains(&name) {
                return None;
            }
            let relative = path.strip_prefix(root).unwrap_or(&path);
            Some(Diagnostic::file(
                relative,
                format!(
                    "skipped: no language of this site reads it; beacon reads {} here",
                    read.iter()
                        .map(|n| format!("`i18n/{n}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ))
        })
        .collect())
}

/// An override file's text: bytes that are not UTF-8 are located like a content file's, and a
/// byte-order mark (Windows editors write one) is dropped, since Fluent would read it as text.
fn read_override(path: &Path, relative: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let valid = std::str::from_utf8(valid).expect("valid_up_to bounds valid UTF-8");
        Error::Content(vec![Diagnostic::at(
            relative,
            valid,
            valid.len()..valid.len(),
            "this byte is not valid UTF-8; save the file as UTF-8",
        )])
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// Parses a site's override file, reporting every syntax error and every message id the
/// shipped catalogues do not have.
fn parse_override(path: &Path, text: String) -> Result<FluentResource> {
    let source = text.clone();
    // fluent-syntax recurses once per nested placeable: bounded first.
    Diagnostic::check_nesting(path, &source, 0, &text, crate::nesting::Syntax::Fluent)
        .map_err(|d| Error::Content(vec![d]))?;
    let (resource, mut problems) = match FluentResource::try_new(text) {
        Ok(resource) => (resource, Vec::new()),
        Err((resource, errors)) => {
            let problems = errors
                .iter()
                .map(|e| {
                    Diagnostic::at(
                        path,
                        &source,
                        e.pos.clone(),
                        format!("Fluent syntax error: {}", e.kind),
                    )
                })
                .collect();
            (resource, problems)
        }
    };
    let reference =
        FluentResource::try_new(reference().ftl.to_string()).unwrap_or_else(|(resource, _)| resource);
    let known: Vec<&str> = message_ids(&reference).collect();
    for id in message_ids(&resource) {
        if !known.contains(&id) {
            let at = id_position(&source, id);
            let suggestion = crate::error::closest(id, known.iter().copied())
                .map_or_else(String::new, |s| format!(" (did you mean `{s}`?)"));
            problems.push(Diagnostic::at(
                path,
                &source,
                at..at + id.len(),
                format!("unknown message id `{id}`{suggestion}: an override replaces a message of the shipped catalogue, see docs/i18n.md"),
            ));
        }
    }
    if problems.is_empty() {
        Ok(resource)
    } else {
        problems.sort_by_key(|d| (d.line, d.column));
        Err(Error::Content(problems))
    }
}

/// Formats each overridden message with the variables beacon passes to it (those its English
/// message uses), so a `{ $typo }`, an undefined `{ -term }` or message, or a message with no
/// value is an error naming the file and line, not a raw id or `{$typo}` on every page.
fn check_overrides_format(
    bundle: &FluentBundle<FluentResource>,
    ids: &[String],
    path: &Path,
    source: &str,
) -> Result<()> {
    let reference =
        FluentResource::try_new(reference().ftl.to_string()).unwrap_or_else(|(resource, _)| resource);
    let mut problems = Vec::new();
    for id in ids {
        let mut passed = Vec::new();
        if let Some(pattern) = reference_message(&reference, id) {
            pattern_variables(pattern, &mut passed);
        }
        let mut args = FluentArgs::with_capacity(passed.len());
        for name in &passed {
            args.set(*name, 1);
        }
        let at = id_position(source, id);
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            problems.push(Diagnostic::at(
                path,
                source,
                at..at + id.len(),
                format!("message `{id}` has no text"),
            ));
            continue;
        };
        let mut errors = Vec::new();
        let _ = bundle.format_pattern(pattern, Some(&args), &mut errors);
        for error in errors {
            let can_use = if passed.is_empty() {
                "it is given no variables".to_string()
            } else {
                let names: Vec<String> = passed.iter().map(|n| format!("`${n}`")).collect();
                format!("it is given {}", names.join(", "))
            };
            problems.push(Diagnostic::at(
                path,
                source,
                at..at + id.len(),
                format!("message `{id}`: {error} ({can_use}; see locales/en.ftl)"),
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Content(problems))
    }
}

fn reference_message<'r>(resource: &'r FluentResource, id: &str) -> Option<&'r ast::Pattern<&'r str>> {
    resource.entries().find_map(|entry| match entry {
        ast::Entry::Message(m) if m.id.name == id => m.value.as_ref(),
        _ => None,
    })
}

/// The `$variables` a pattern uses, in order, once each.
fn pattern_variables<'s>(pattern: &ast::Pattern<&'s str>, out: &mut Vec<&'s str>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables<'s>(expression: &ast::Expression<&'s str>, out: &mut Vec<&'s str>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables<'s>(inline: &ast::InlineExpression<&'s str>, out: &mut Vec<&'s str>) {
    match inline {
        ast::InlineExpression::VariableReference { id } if !out.contains(&id.name) => out.push(id.name),
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, out);
            }
            for argument in &arguments.named {
                inline_variables(&argument.value, out);
            }
        }
        _ => {}
    }
}

/// Where message `id` is defined: the start of the line `id =`.
fn id_position(source: &str, id: &str) -> usize {
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix(id) {
            if rest.trim_start().starts_with('=') {
                return offset;
            }
        }
        offset += line.len();
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::languages::{resolve, SHIPPED};

    fn ids(ftl: &str) -> Vec<String> {
        let resource = FluentResource::try_new(ftl.to_string()).unwrap_or_else(|(_, errors)| {
            panic!("catalogue does not parse: {errors:?}");
        });
        message_ids(&resource).map(str::to_string).collect()
    }

    // Every shipped catalogue parses and has exactly the English ids, so no reader ever sees
    // a message id or an English fall-back.
    #[test]
    fn every_catalogue_parses_and_has_the_reference_ids() {
        let mut reference = ids(SHIPPED[0].ftl);
        reference.sort();
        for shipped in SHIPPED {
            let mut these = ids(shipped.ftl);
            these.sort();
            assert_eq!(these, reference, "locales/{}.ftl", shipped.code);
        }
    }

    // A catalogue is a translation, not a copy of English: at most a few messages may read the
    // same (names like "Status", "Maintenance", "RSS").
    #[test]
    fn every_other_catalogue_translates_nearly_every_message() {
        let english = resolve("en").unwrap();
        let english = Catalogue::load_shipped(&english);
        for shipped in &SHIPPED[1..] {
            let language = resolve(shipped.code).unwrap();
            let catalogue = Catalogue::load_shipped(&language);
            let same: Vec<&str> = english
                .plain_messages()
                .filter(|(id, text)| catalogue.text(id) == *text)
                .map(|(id, _)| id)
                .collect();
            assert!(
                same.len() <= 8,
                "locales/{}.ftl reads like English in {same:?}",
                shipped.code
            );
        }
    }

    // Formatting each message of each catalogue with every argument the English one uses gives
    // no Fluent error (an unknown variable, a missing default variant).
    #[test]
    fn every_message_formats_without_errors() {
        for shipped in SHIPPED {
            let language = resolve(shipped.code).unwrap();
            let catalogue = Catalogue::load_shipped(&language);
            for id in ids(SHIPPED[0].ftl) {
                let pattern = catalogue.bundle.get_message(&id).unwrap().value().unwrap();
                let mut args = FluentArgs::new();
                for name in [
                    "count",
                    "days",
                    "page",
                    "current",
                    "total",
                    "checks",
                    "median",
                    "worst",
                    "latest_median",
                    "latest_p95",
                    "months",
                ] {
                    args.set(name, 3);
                }
                for name in [
                    "larger",
                    "smaller",
                    "duration",
                    "value",
                    "percent",
                    "component",
                    "date",
                    "status",
                    "time_html",
                    "zone",
                    "start_html",
                    "api_html",
                    "format_html",
                    "end_html",
                    "components_html",
                    "phase",
                    "status_html",
                    "history_html",
                    "site",
                    "label",
                    "title",
                    "components",
                    "severity",
                    "start",
                    "end",
                    "url",
                    "mirrors",
                    "time",
                    "timezone",
                    "month",
                ] {
                    args.set(name, "x");
                }
                let mut errors = Vec::new();
                catalogue.bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{}: {id}: {errors:?}", shipped.code);
            }
        }
    }

    #[test]
    fn overrides_replace_messages_and_unknown_ids_are_located() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("i18n")).unwrap();
        let fr = resolve("fr").unwrap();
        std::fs::write(dir.path().join("i18n/fr.ftl"), "nav-status = État\n").unwrap();
        let catalogue = Catalogue::load(dir.path(), &fr).unwrap();
        assert_eq!(catalogue.text("nav-status"), "État");
        assert_eq!(catalogue.text("nav-history"), "Historique");

        std::fs::write(
            dir.path().join("i18n/fr.ftl"),
            "# ok\nnav-status = État\nnav-statut = Statut\n",
        )
        .unwrap();
        let Err(Error::Content(problems)) = Catalogue::load(dir.path(), &fr) else {
            panic!("expected a content error");
        };
        assert_eq!((problems[0].line, problems[0].column), (3, 1));
        assert!(
            problems[0].message.contains("did you mean `nav-status`?"),
            "{}",
            problems[0].message
        );

        std::fs::write(
            dir.path().join("i18n/fr.ftl"),
            "nav-status = État\nnav-history = { $\n",
        )
        .unwrap();
        let Err(Error::Content(problems)) = Catalogue::load(dir.path(), &fr) else {
            panic!("expected a content error");
        };
        assert_eq!(problems[0].line, 2, "{problems:?}");
        assert!(problems[0].message.starts_with("Fluent syntax error"));
    }
}
