//! `config.<code>.toml`: the site's own texts in another language of a multilingual site, beside
//! config.toml as `slug.fr.md` is beside `slug.md`. It gives texts only (the title, the
//! description, each component's name and description, each group's name); which components
//! there are, their ids, order and groups stay config.toml's. A text left out falls back to
//! config.toml's, and `beacon check` lists it.
//!
//! Groups are translated once, by their config.toml name under `[groups]`, not per component:
//! a group is one heading, and two components of one group could otherwise disagree on it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::config::Config;
use crate::error::{closest, Diagnostic, Result};
use crate::keys::{fields_of, parse_all_keys, Schema};

/// What `config.<code>.toml` gives; `None` (or a missing entry) falls back to config.toml.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SiteText {
    /// The file, relative to the site root.
    pub source: PathBuf,
    pub title: Option<String>,
    pub description: Option<String>,
    /// By component id.
    pub components: BTreeMap<String, ComponentText>,
    /// By the group's name in config.toml.
    pub groups: BTreeMap<String, String>,
}

/// One component's texts in another language.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ComponentText {
    pub name: Option<String>,
    pub description: Option<String>,
}

/// The language of a site-text file's name (`config.fr.toml` → `fr`); `None` for config.toml
/// and any other name. As for `slug.<code>.md`, the middle part must be a well-formed code.
pub fn site_text_code(file_name: &str) -> Option<&str> {
    let code = file_name.strip_prefix("config.")?.strip_suffix(".toml")?;
    crate::editions::is_language_code(code).then_some(code)
}

/// The file holding the site's texts in `code`.
pub fn site_text_file(code: &str) -> String {
    format!("config.{code}.toml")
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteTextFile {
    title: Option<Spanned<String>>,
    description: Option<String>,
    #[serde(default)]
    components: BTreeMap<Spanned<String>, ComponentTextFile>,
    #[serde(default)]
    groups: BTreeMap<Spanned<String>, Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ComponentTextFile {
    name: Option<Spanned<String>>,
    description: Option<String>,
}

/// The tables of `config.<code>.toml` and the keys each accepts (`*`: any component id).
const SITE_TEXT_KEYS: Schema = &[
    ("", fields_of::<SiteTextFile>),
    ("components.*", fields_of::<ComponentTextFile>),
];

/// Reads every `config.<code>.toml` in the site root against `config`. I/O errors stop the
/// load; what is wrong inside the files comes back as diagnostics, all of them.
pub fn load_site_texts(
    root: &Path,
    config: &Config,
) -> Result<(BTreeMap<String, SiteText>, Vec<Diagnostic>)> {
    let folder = if root.as_os_str().is_empty() {
        Path::new(".")
    } else {
        root
    };
    let mut names: Vec<String> = match std::fs::read_dir(folder) {
        Ok(entries) => entries
            .filter_map(|e| e.ok())
            .filter(|e| !e.path().is_dir())
            .filter_map(|e| e.file_name().to_str().map(str::to_string))
            .filter(|name| site_text_code(name).is_some())
            .collect(),
        Err(e) => return Err(crate::error::Error::io(root, e)),
    };
    names.sort();
    let mut texts = BTreeMap::new();
    let mut problems = Vec::new();
    for name in names {
        let path = Path::new(&name);
        let code = site_text_code(&name).unwrap_or_default().to_string();
        if let Some(message) = code_problem(&code, config) {
            problems.push(Diagnostic::file(path, message));
            continue;
        }
        let bytes = crate::site_files::read(root, &name)?;
        let Ok(source) = String::from_utf8(bytes) else {
            problems.push(Diagnostic::file(
                path,
                "this file is not valid UTF-8; save it as UTF-8",
            ));
            continue;
        };
        match parse_site_text(path, &source, config) {
            Ok(text) => {
                texts.insert(code, text);
            }
            Err(found) => problems.extend(found),
        }
    }
    Ok((texts, problems))
}

/// Why a `config.<code>.toml` cannot exist on this site, if it cannot.
fn code_problem(code: &str, config: &Config) -> Option<String> {
    if config.languages.len() < 2 {
        return Some(format!(
            "`{}` gives the site's texts in `{code}`, but this site has one language; to publish \
             in both, set `languages = [\"{}\", \"{code}\"]` in config.toml",
            site_text_file(code),
            config.language
        ));
    }
    if config.languages.first().is_some_and(|first| first == code) {
        return Some(format!(
            "`{code}` is the default language: its texts are config.toml's; remove this file"
        ));
    }
    if !config.languages.iter().any(|l| l == code) {
        return Some(format!(
            "`{code}` is not one of `languages` ({}); add it there or rename this file",
            config.languages.join(", ")
        ));
    }
    None
}

/// Parses one `config.<code>.toml` (`path` names it in diagnostics) against config.toml.
pub fn parse_site_text(path: &Path, source: &str, config: &Config) -> Result<SiteText, Vec<Diagnostic>> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let file: SiteTextFile = parse_all_keys(path, source, 0, source, SITE_TEXT_KEYS)?;
    let mut problems = Vec::new();
    let mut report = |span: std::ops::Range<usize>, message: String| {
        problems.push(Diagnostic::at(path, source, span, message));
    };
    let mut non_empty = |text: Option<Spanned<String>>, key: &str| {
        let text = text?;
        let trimmed = text.get_ref().trim().to_string();
        if trimmed.is_empty() {
            report(
                text.span(),
                format!("`{key}` is empty; leave it out to show config.toml's"),
            );
            return None;
        }
        Some(crate::config::author_text(trimmed))
    };
    let title = non_empty(file.title, "title");
    let mut components = BTreeMap::new();
    let mut unknown = Vec::new();
    for (id, c) in file.components {
        if config.component(id.get_ref()).is_none() {
            unknown.push(id);
            continue;
        }
        let name = non_empty(c.name, "name");
        components.insert(
            id.into_inner(),
            ComponentText {
                name,
                description: c
                    .description
                    .filter(|d| !d.trim().is_empty())
                    .map(crate::config::author_text),
            },
        );
    }
    let mut groups = BTreeMap::new();
    let mut unknown_groups = Vec::new();
    for (group, text) in file.groups {
        let known = config
            .components
            .iter()
            .any(|c| c.group.as_deref() == Some(group.get_ref()));
        if !known {
            unknown_groups.push(group);
            continue;
        }
        if let Some(text) = non_empty(Some(text), "groups") {
            groups.insert(group.into_inner(), text);
        }
    }
    let ids = || config.components.iter().map(|c| c.id.as_str());
    for id in unknown {
        let hint = closest(id.get_ref(), ids())
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_default();
        report(
            id.span(),
            format!(
                "config.toml has no component `{}`{hint} (a translation names components by the \
                 `id` config.toml gives them)",
                id.get_ref()
            ),
        );
    }
    let group_names = || config.components.iter().filter_map(|c| c.group.as_deref());
    for group in unknown_groups {
        let hint = closest(group.get_ref(), group_names())
            .map(|s| format!("; did you mean \"{s}\"?"))
            .unwrap_or_default();
        report(
            group.span(),
            format!(
                "no component of config.toml is in group \"{}\"{hint} (`[groups]` translates \
                 each group by its config.toml name)",
                group.get_ref().escape_debug()
            ),
        );
    }
    if !problems.is_empty() {
        problems.sort_by_key(|d| (d.line, d.column));
        return Err(problems);
    }
    Ok(SiteText {
        source: path.to_path_buf(),
        title,
        description: file
            .description
            .filter(|d| !d.trim().is_empty())
            .map(crate::config::author_text),
        components,
        groups,
    })
}

/// The config as `code`'s edition shows it: `language` is `code`, and the title,
/// description, component names and descriptions and group names are `code`'s where `text`
/// (its `config.<code>.toml`) gives them.
pub fn config_in_language(config: &Config, code: &str, text: Option<&SiteText>) -> Config {
    let mut config = config.clone();
    config.language = code.to_string();
    let Some(text) = text else {
        return config;
    };
    if let Some(title) = &text.title {
        config.title = title.clone();
    }
    if let Some(description) = &text.description {
        config.description = description.clone();
    }
    for component in &mut config.components {
        if let Some(c) = text.components.get(&component.id) {
            if let Some(name) = &c.name {
                component.name = name.clone();
            }
            if let Some(description) = &c.description {
                component.description = description.clone();
            }
        }
        if let Some(group) = &mut component.group {
            if let Some(translated) = text.groups.get(group.as_str()) {
                *group = translated.clone();
            }
        }
    }
    config
}

/// A warning for every site text a language lacks: a missing `config.<code>.toml`, or in it
/// each text it leaves to config.toml. For `beacon check`.
pub fn missing_site_texts(config: &Config, texts: &BTreeMap<String, SiteText>) -> Vec<Diagnostic> {
    let default = config.languages.first().map_or("", String::as_str);
    let mut warnings = Vec::new();
    for code in config.languages.iter().skip(1) {
        let falls_back = format!("the `{code}` edition shows the `{default}` text");
        let Some(text) = texts.get(code) else {
            warnings.push(Diagnostic::file(
                Path::new("config.toml"),
                format!(
                    "not translated into `{code}`: add {} with the site's title, description and \
                     component names ({falls_back} meanwhile)",
                    site_text_file(code)
                ),
            ));
            continue;
        };
        let mut gaps = Vec::new();
        if text.title.is_none() {
            gaps.push("`title`".to_string());
        }
        if text.description.is_none() && !config.description.trim().is_empty() {
            gaps.push("`description`".to_string());
        }
        for component in &config.components {
            let given = text.components.get(&component.id);
            if given.and_then(|c| c.name.as_ref()).is_none() {
                gaps.push(format!("`components.{}.name`", component.id));
            }
            if given.and_then(|c| c.description.as_ref()).is_none()
                && !component.description.trim().is_empty()
            {
                gaps.push(format!("`components.{}.description`", component.id));
            }
        }
        let mut seen = Vec::new();
        for group in config.components.iter().filter_map(|c| c.group.as_deref()) {
            if !seen.contains(&group) {
                seen.push(group);
                if !text.groups.contains_key(group) {
                    gaps.push(format!("group \"{}\"", group.escape_debug()));
                }
            }
        }
        warnings.extend(gaps_warning(&text.source, &gaps, &falls_back));
    }
    warnings
}

/// The warning that a translation at `source` lacks `gaps` (none if it lacks nothing), and what
/// the edition shows instead (`falls_back`).
pub(crate) fn gaps_warning(source: &Path, gaps: &[impl AsRef<str>], falls_back: &str) -> Option<Diagnostic> {
    let gaps: Vec<&str> = gaps.iter().map(AsRef::as_ref).collect();
    (!gaps.is_empty()).then(|| {
        Diagnostic::file(
            source,
            format!("not translated: {}; {falls_back} there", gaps.join(", ")),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        crate::config::parse_config(
            Path::new("config.toml"),
            "title = \"Status\"\nbase_url = \"https://s.example.org/\"\ndescription = \"D\"\n\
             languages = [\"en\", \"fr\"]\n\
             [[components]]\nid = \"mail\"\nname = \"Mail\"\ngroup = \"Email\"\n\
             [[components]]\nid = \"vpn\"\nname = \"VPN\"\ndescription = \"Remote.\"\n",
        )
        .unwrap()
    }

    fn parse(text: &str) -> Result<SiteText, Vec<Diagnostic>> {
        parse_site_text(Path::new("config.fr.toml"), text, &config())
    }

    #[test]
    fn file_names_give_their_language() {
        assert_eq!(site_text_code("config.fr.toml"), Some("fr"));
        assert_eq!(site_text_code("config.pt-BR.toml"), Some("pt-BR"));
        for other in [
            "config.toml",
            "config.local.toml",
            "config.fr.toml.bak",
            "x.fr.toml",
        ] {
            assert_eq!(site_text_code(other), None, "{other}");
        }
    }

    #[test]
    fn translated_texts_replace_config_toml_s_and_the_rest_falls_back() {
        let text = parse(
            "title = \"État\"\n[components.mail]\nname = \"Courriel\"\n[groups]\nEmail = \"Messagerie\"\n",
        )
        .unwrap();
        let config = config();
        let texts = BTreeMap::from([("fr".to_string(), text)]);
        let fr = config_in_language(&config, "fr", texts.get("fr"));
        assert_eq!((fr.title.as_str(), fr.description.as_str()), ("État", "D"));
        let shown: Vec<_> = fr
            .components
            .iter()
            .map(|c| (c.name.as_str(), c.group.as_deref(), c.description.as_str()))
            .collect();
        assert_eq!(
            shown,
            [("Courriel", Some("Messagerie"), ""), ("VPN", None, "Remote.")]
        );
        assert_eq!(config_in_language(&config, "en", None).title, "Status");
        let warnings = missing_site_texts(&config, &texts);
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0]
                .message
                .contains("`description`, `components.vpn.name`, `components.vpn.description`;"),
            "{}",
            warnings[0].message
        );
    }

    #[test]
    fn unknown_keys_are_all_reported_where_written() {
        let e = parse("titel = \"x\"\n[components.vpn]\nnmae = \"V\"\n").unwrap_err();
        let found: Vec<_> = e.iter().map(|d| (d.line, d.column, d.message.as_str())).collect();
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!((found[0].0, found[0].1), (1, 1));
        assert!(found[0].2.contains("did you mean `title`?"), "{}", found[0].2);
        assert_eq!((found[1].0, found[1].1), (3, 1));
        assert!(found[1].2.contains("did you mean `name`?"), "{}", found[1].2);
    }

    #[test]
    fn unknown_components_groups_and_empty_texts_are_all_reported_where_written() {
        let e =
            parse("title = \"\"\n[components.mial]\nname = \"C\"\n[groups]\nEmial = \"C\"\n").unwrap_err();
        let found: Vec<_> = e.iter().map(|d| (d.line, d.column, d.message.as_str())).collect();
        assert_eq!(found.len(), 3, "{found:#?}");
        assert_eq!((found[0].0, found[0].1), (1, 9));
        assert!(found[0].2.contains("`title` is empty"), "{}", found[0].2);
        assert_eq!((found[1].0, found[1].1), (2, 13));
        assert!(
            found[1].2.contains("no component `mial`; did you mean `mail`?"),
            "{}",
            found[1].2
        );
        assert_eq!((found[2].0, found[2].1), (5, 1));
        assert!(found[2].2.contains("did you mean \"Email\"?"), "{}", found[2].2);
    }
}
