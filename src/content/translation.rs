//! Translations: `slug.<code>.md` beside `slug.md` gives that file's texts in language `<code>`
//! (an incident's title, body and update texts; a page's title, description and body). The
//! main file stays the one source of every fact: a translation may repeat a fact (so it can
//! start as a copy of the main file) but not change it. Updates are matched by their `at`.
//!
//! Reading a translation needs its main file parsed first (to compare against), so the loader
//! parses main files, then [`attach`]es each translation to its main file.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;
use toml::Spanned;

use super::front_matter::read_front_matter;
use super::incident::{read_front_matter_time, Problems, INCIDENT_KEYS};
use super::model::{Incident, IncidentText, Kind, Page, PageText, Severity, UpdateStatus, UpdateText};
use super::page::PAGE_KEYS;
use crate::config::Config;
use crate::error::Diagnostic;
use crate::time::Bound;

/// The main file and language code of a translation file's name (`x.fr.md` → `x.md`, `fr`);
/// `None` for a main file. A name counts as a translation when the part between its last two
/// dots is a well-formed language code (see [`crate::editions::is_language_code`]).
pub fn translation_name(path: &Path) -> Option<(PathBuf, String)> {
    let stem = path.file_stem()?.to_str()?;
    let (main, code) = stem.rsplit_once('.')?;
    // Matched ignoring case, so `x.FR.md` is reported as a translation with a misspelt code
    // rather than as a main file with a bad slug.
    if main.is_empty() || !crate::editions::is_language_code(&code.to_ascii_lowercase()) {
        return None;
    }
    Some((path.with_file_name(format!("{main}.md")), code.to_string()))
}

/// A translation file found by the loader, not yet read against its main file.
pub struct Found {
    /// Relative to the site root.
    pub path: PathBuf,
    /// Its main file, relative to the site root.
    pub main: PathBuf,
    pub code: String,
    pub text: String,
}

/// Why `code` cannot be a translation's language on this site, if it cannot.
fn code_problem(found: &Found, config: &Config) -> Option<String> {
    let code = &found.code;
    let name = found.path.file_name().unwrap_or_default().to_string_lossy();
    let main = found.main.display();
    if config.languages.len() < 2 {
        let code = crate::editions::canonical_case(code);
        return Some(format!(
            "`{name}` is named as a translation into `{code}`, but this site has one language; \
             to publish in both, set `languages = [\"{}\", \"{code}\"]` in config.toml",
            config.language
        ));
    }
    if config.languages.first() == Some(code) {
        return Some(format!(
            "`{code}` is the default language: its text is the main file {main}; remove this file"
        ));
    }
    if let Some(same) = config
        .languages
        .iter()
        .find(|c| c.eq_ignore_ascii_case(code) && *c != code)
    {
        let stem = name.strip_suffix(&format!(".{code}.md")).unwrap_or(&name);
        return Some(format!(
            "`{code}` is written `{same}` in `languages`; rename this file `{stem}.{same}.md`"
        ));
    }
    if !config.languages.contains(code) {
        return Some(format!(
            "`{code}` is not one of `languages` ({}); add it there or rename this file",
            config.languages.join(", ")
        ));
    }
    None
}

/// Reads every translation against its main file among `incidents` / `pages` and stores it
/// there. Returns the problems: a bad language, a missing main file, a contradiction.
/// Translations of main files that did not parse are skipped (their own problems are reported).
pub fn attach(
    config: &Config,
    incidents: &mut [Incident],
    pages: &mut [Page],
    translations: Vec<Found>,
    main_files: &[PathBuf],
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let incident_at: HashMap<&Path, usize> = incidents
        .iter()
        .enumerate()
        .map(|(i, x)| (x.source.as_path(), i))
        .collect();
    let page_at: HashMap<&Path, usize> = pages
        .iter()
        .enumerate()
        .map(|(i, x)| (x.source.as_path(), i))
        .collect();
    // Each translation is read against its main file in parallel (as the main files were);
    // then attached in file order.
    let read: Vec<Read> = translations
        .into_par_iter()
        .map(|found| {
            if let Some(message) = code_problem(&found, config) {
                return Read::Problems(vec![Diagnostic::file(&found.path, message)]);
            }
            if let Some(&i) = incident_at.get(found.main.as_path()) {
                match read_incident_translation(&found, &incidents[i], config) {
                    Ok(text) => Read::Incident(i, found.code, text),
                    Err(found) => Read::Problems(found),
                }
            } else if let Some(&i) = page_at.get(found.main.as_path()) {
                match read_page_translation(&found, &pages[i]) {
                    Ok(text) => Read::Page(i, found.code, text),
                    Err(found) => Read::Problems(found),
                }
            } else if !main_files.contains(&found.main) {
                Read::Problems(vec![Diagnostic::file(
                    &found.path,
                    format!(
                        "this translation has no main file: {} does not exist (a translation gives \
                         the texts of `x.md` in another language as `x.{}.md` beside it)",
                        found.main.display(),
                        found.code
                    ),
                )])
            } else {
                Read::Problems(Vec::new())
            }
        })
        .collect();
    for read in read {
        match read {
            Read::Incident(i, code, text) => {
                incidents[i].translations.insert(code, text);
            }
            Read::Page(i, code, text) => {
                pages[i].translations.insert(code, text);
            }
            Read::Problems(found) => problems.extend(found),
        }
    }
    problems
}

/// One translation as read against its main file: its texts, for the incident or page at that
/// index, or why it cannot be used.
enum Read {
    Incident(usize, String, IncidentText),
    Page(usize, String, PageText),
    Problems(Vec<Diagnostic>),
}

/// The front matter of an incident's translation: the keys of an incident file, every one
/// optional. Only `title` and the update texts are the translation's own; any other key must
/// say what the main file says.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IncidentTranslation {
    title: Option<Spanned<String>>,
    kind: Option<Spanned<Kind>>,
    slug: Option<Spanned<String>>,
    date: Option<Spanned<toml::Value>>,
    resolved: Option<Spanned<toml::Value>>,
    end: Option<Spanned<toml::Value>>,
    severity: Option<Spanned<Severity>>,
    components: Option<Spanned<Vec<String>>>,
    impact: Option<Spanned<BTreeMap<String, Severity>>>,
    pinned: Option<Spanned<bool>>,
    draft: Option<Spanned<bool>>,
    automated: Option<Spanned<bool>>,
    /// Accepted (the schema is the main file's) and not used: the main file's source counts.
    #[allow(dead_code)]
    source: Option<Spanned<String>>,
    #[serde(default)]
    updates: Vec<UpdateTranslation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UpdateTranslation {
    at: Spanned<toml::Value>,
    status: Option<Spanned<UpdateStatus>>,
    text: Spanned<String>,
    #[allow(dead_code)]
    source: Option<Spanned<String>>,
}

fn read_incident_translation(
    found: &Found,
    main: &Incident,
    config: &Config,
) -> Result<IncidentText, Vec<Diagnostic>> {
    let path = found.path.as_path();
    let text = found.text.as_str();
    // The same keys as an incident file: one schema, so the two cannot drift apart.
    let (front, split): (IncidentTranslation, _) = read_front_matter(path, text, INCIDENT_KEYS)?;
    let offset = split.front_matter_offset;
    let mut problems = Problems::new(path, text, offset);
    let tz = config.timezone;
    let contradicts = |problems: &mut Problems, span: Range<usize>, key: &str, main_has: String| {
        problems.report(
            span,
            format!(
                "`{key}` differs from the main file {}, which has {main_has}; a translation gives \
                 only `title`, the body and update texts: remove `{key}` or make it agree",
                main.source.display()
            ),
        );
    };
    let show_time = |t: Option<chrono::DateTime<chrono::Utc>>| {
        t.map_or_else(|| "none".to_string(), |t| crate::time::format_time(tz, t))
    };
    let same_time =
        |problems: &mut Problems, value: &Option<Spanned<toml::Value>>, key: &str, bound, main_value| {
            let Some(value) = value else { return };
            match read_front_matter_time(value.get_ref(), tz, bound) {
                Err(m) => problems.report(value.span(), format!("`{key}`: {m}")),
                Ok(t) if Some(t) != main_value => {
                    contradicts(problems, value.span(), key, show_time(main_value))
                }
                Ok(_) => {}
            }
        };
    let is_incident = main.kind == Kind::Incident;
    same_time(&mut problems, &front.date, "date", Bound::Start, Some(main.start));
    same_time(
        &mut problems,
        &front.resolved,
        "resolved",
        Bound::End,
        main.end.filter(|_| is_incident),
    );
    same_time(
        &mut problems,
        &front.end,
        "end",
        Bound::End,
        main.end.filter(|_| !is_incident),
    );

    if let Some(kind) = &front.kind {
        if *kind.get_ref() != main.kind {
            let has = if is_incident { "incident" } else { "maintenance" };
            contradicts(&mut problems, kind.span(), "kind", format!("`{has}`"));
        }
    }
    if let Some(slug) = &front.slug {
        if *slug.get_ref() != main.slug {
            contradicts(&mut problems, slug.span(), "slug", format!("`{}`", main.slug));
        }
    }
    if let Some(severity) = &front.severity {
        if !is_incident || *severity.get_ref() != main.severity {
            let has = if is_incident {
                format!("`{}`", main.severity.as_str())
            } else {
                "none (it is a maintenance window)".into()
            };
            contradicts(&mut problems, severity.span(), "severity", has);
        }
    }
    if let Some(impact) = &front.impact {
        if *impact.get_ref() != main.impact {
            let has: Vec<String> = main
                .impact
                .iter()
                .map(|(c, s)| format!("{c} = {}", s.as_str()))
                .collect();
            contradicts(
                &mut problems,
                impact.span(),
                "impact",
                format!("{{ {} }}", has.join(", ")),
            );
        }
    }
    if let Some(components) = &front.components {
        // The affected list as the main file derives it: `components`, then `impact` keys.
        let mut affected = components.get_ref().clone();
        for id in front.impact.as_ref().map_or(&main.impact, |i| i.get_ref()).keys() {
            if !affected.contains(id) {
                affected.push(id.clone());
            }
        }
        if affected != main.components {
            contradicts(
                &mut problems,
                components.span(),
                "components",
                format!("[{}]", main.components.join(", ")),
            );
        }
    }
    for (key, given, main_value) in [
        ("pinned", &front.pinned, main.pinned),
        ("draft", &front.draft, main.draft),
        ("automated", &front.automated, main.automated),
    ] {
        if let Some(given) = given {
            if *given.get_ref() != main_value {
                contradicts(&mut problems, given.span(), key, format!("`{main_value}`"));
            }
        }
    }

    let title = front.title.as_ref().map(|t| t.get_ref().trim().to_string());
    if let (Some(""), Some(t)) = (title.as_deref(), &front.title) {
        problems.report(
            t.span(),
            "`title` is empty; leave it out to show the main file's".into(),
        );
    }
    let mut updates = Vec::with_capacity(front.updates.len());
    // How many translated updates each main time has taken so far (for times several share).
    let mut taken: BTreeMap<chrono::DateTime<chrono::Utc>, usize> = BTreeMap::new();
    for u in &front.updates {
        let at = match read_front_matter_time(u.at.get_ref(), tz, Bound::Start) {
            Ok(at) => at,
            Err(m) => {
                problems.report(u.at.span(), format!("`at`: {m}"));
                continue;
            }
        };
        let same_time: Vec<_> = main.updates.iter().filter(|m| m.at == at).collect();
        let n = taken.entry(at).or_default();
        let Some(matched) = same_time.get(*n) else {
            let message = if same_time.is_empty() {
                let times: Vec<String> = main.updates.iter().map(|m| show_time(Some(m.at))).collect();
                format!(
                    "the main file {} has no update at {}; a translated update takes the `at` of \
                     the update it translates (the main file's are at {})",
                    main.source.display(),
                    show_time(Some(at)),
                    if times.is_empty() {
                        "none".to_string()
                    } else {
                        times.join(", ")
                    }
                )
            } else {
                format!("the update at {} is translated twice", show_time(Some(at)))
            };
            problems.report(u.at.span(), message);
            continue;
        };
        *n += 1;
        if let Some(status) = &u.status {
            if *status.get_ref() != matched.status {
                contradicts(
                    &mut problems,
                    status.span(),
                    "status",
                    format!("`{}` at that time", matched.status.as_str()),
                );
            }
        }
        if u.text.get_ref().trim().is_empty() {
            problems.report(u.text.span(), "update `text` is empty".into());
        }
        updates.push(UpdateText {
            at,
            text: crate::bidi::close_open_controls(u.text.get_ref().trim()).into_owned(),
        });
    }
    if !problems.list.is_empty() {
        return Err(problems.list);
    }
    Ok(IncidentText {
        source: path.to_path_buf(),
        title: title.map(|t| crate::bidi::close_open_controls(&t).into_owned()),
        body: Some(split.body.to_string()).filter(|b| !b.trim().is_empty()),
        updates,
    })
}

/// The front matter of a page's translation: a page's keys, all optional; `slug`, `weight` and
/// `draft` must say what the main file says.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PageTranslation {
    title: Option<Spanned<String>>,
    slug: Option<Spanned<String>>,
    description: Option<String>,
    weight: Option<Spanned<i64>>,
    draft: Option<Spanned<bool>>,
}

fn read_page_translation(found: &Found, main: &Page) -> Result<PageText, Vec<Diagnostic>> {
    let path = found.path.as_path();
    let text = found.text.as_str();
    let (front, split): (PageTranslation, _) = read_front_matter(path, text, PAGE_KEYS)?;
    let offset = split.front_matter_offset;
    let mut problems = Problems::new(path, text, offset);
    let mut differs = |span: Range<usize>, key: &str, has: String| {
        problems.report(
            span,
            format!(
                "`{key}` differs from the main file {}, which has {has}; a translation gives only \
                 `title`, `description` and the body: remove `{key}` or make it agree",
                main.source.display()
            ),
        )
    };
    if let Some(slug) = front.slug.as_ref().filter(|s| *s.get_ref() != main.slug) {
        differs(slug.span(), "slug", format!("`{}`", main.slug));
    }
    if let Some(weight) = front.weight.as_ref().filter(|w| *w.get_ref() != main.weight) {
        differs(weight.span(), "weight", format!("`{}`", main.weight));
    }
    if let Some(draft) = front.draft.as_ref().filter(|d| *d.get_ref() != main.draft) {
        differs(draft.span(), "draft", format!("`{}`", main.draft));
    }
    let title = front.title.as_ref().map(|t| t.get_ref().trim().to_string());
    if let (Some(""), Some(t)) = (title.as_deref(), &front.title) {
        problems.report(
            t.span(),
            "`title` is empty; leave it out to show the main file's".into(),
        );
    }
    if !problems.list.is_empty() {
        return Err(problems.list);
    }
    Ok(PageText {
        source: path.to_path_buf(),
        title: title.map(|t| crate::bidi::close_open_controls(&t).into_owned()),
        description: front.description.filter(|d| !d.trim().is_empty()),
        body: Some(split.body.to_string()).filter(|b| !b.trim().is_empty()),
    })
}

/// A warning for every text a language of the site lacks: the site's own texts (see
/// [`crate::content::site_text::missing_site_texts`]), each file with no translation into
/// it, and in each translation the title, body and updates it leaves to the default language.
/// For `beacon check`; a build shows the default language's text in their place.
pub fn missing_translations(site: &super::Site) -> Vec<Diagnostic> {
    let config = &site.config;
    let default = config.languages.first().map_or("", String::as_str);
    let mut warnings = super::site_text::missing_site_texts(config, &site.texts);
    for code in config.languages.iter().skip(1) {
        let falls_back = format!("the `{code}` edition shows the `{default}` text");
        let missing_file = |source: &Path| {
            let stem = source.file_stem().unwrap_or_default().to_string_lossy();
            Diagnostic::file(
                source,
                format!(
                    "not translated into `{code}`: add {} ({falls_back} meanwhile)",
                    source.with_file_name(format!("{stem}.{code}.md")).display()
                ),
            )
        };
        for incident in &site.incidents {
            let Some(text) = incident.translations.get(code) else {
                warnings.push(missing_file(&incident.source));
                continue;
            };
            let mut gaps = Vec::new();
            if text.title.is_none() {
                gaps.push("`title`".to_string());
            }
            if text.body.is_none() && !incident.body.trim().is_empty() {
                gaps.push("the body".to_string());
            }
            let untranslated: Vec<String> = incident
                .updates
                .iter()
                .zip(text.matched_updates(&incident.updates))
                .filter(|(_, t)| t.is_none())
                .map(|(u, _)| format!("at = {}", crate::time::format_time(config.timezone, u.at)))
                .collect();
            if !untranslated.is_empty() {
                gaps.push(format!(
                    "{} ({}; add an [[updates]] with the same `at` and the translated `text`)",
                    crate::wording::count(untranslated.len(), "update", "updates"),
                    untranslated.join(", ")
                ));
            }
            warnings.extend(super::site_text::gaps_warning(&text.source, &gaps, &falls_back));
        }
        for page in &site.pages {
            let Some(text) = page.translations.get(code) else {
                warnings.push(missing_file(&page.source));
                continue;
            };
            let mut gaps = Vec::new();
            if text.title.is_none() {
                gaps.push("`title`");
            }
            if text.description.is_none() && !page.description.trim().is_empty() {
                gaps.push("`description`");
            }
            if text.body.is_none() && !page.body.trim().is_empty() {
                gaps.push("the body");
            }
            warnings.extend(super::site_text::gaps_warning(&text.source, &gaps, &falls_back));
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translation_names_point_at_their_main_file() {
        let t = |p: &str| translation_name(Path::new(p)).map(|(m, c)| (m.display().to_string(), c));
        assert_eq!(
            t("content/incidents/x.fr.md"),
            Some(("content/incidents/x.md".into(), "fr".into()))
        );
        assert_eq!(t("a/b-c.pt-BR.md"), Some(("a/b-c.md".into(), "pt-BR".into())));
        assert_eq!(t("a/x.md"), None);
        assert_eq!(t("a/v1.2.md"), None);
        assert_eq!(t("a/.fr.md"), None);
    }

    fn config() -> Config {
        crate::config::parse_config(
            Path::new("config.toml"),
            "title = \"T\"\nbase_url = \"https://s.example.org/\"\nlanguages = [\"en\", \"fr\"]\n[[components]]\nid = \"a\"\nname = \"A\"\n",
        )
        .unwrap()
    }

    fn found(text: &str) -> Found {
        Found {
            path: PathBuf::from("content/incidents/x.fr.md"),
            main: PathBuf::from("content/incidents/x.md"),
            code: "fr".into(),
            text: text.into(),
        }
    }

    // Two updates at one time: each translated one goes with the main update in the same place.
    #[test]
    fn updates_sharing_a_time_are_matched_in_file_order_and_the_rest_fall_back() {
        let config = config();
        let main = super::super::incident::parse_incident(
            Path::new("content/incidents/x.md"),
            "+++\ntitle = \"Down\"\ndate = 2022-01-01T10:00:00Z\nseverity = \"major\"\ncomponents = [\"a\"]\n\
             [[updates]]\nat = 2022-01-01T10:00:00Z\nstatus = \"investigating\"\ntext = \"one\"\n\
             [[updates]]\nat = 2022-01-01T10:00:00Z\nstatus = \"update\"\ntext = \"two\"\n\
             [[updates]]\nat = 2022-01-01T11:00:00Z\nstatus = \"update\"\ntext = \"three\"\n+++\nBody.\n",
            &config,
        )
        .unwrap();
        let text = read_incident_translation(
            &found("+++\n[[updates]]\nat = \"2022-01-01 10:00\"\ntext = \"un\"\n[[updates]]\nat = 2022-01-01T10:00:00Z\ntext = \"deux\"\n+++\n"),
            &main,
            &config,
        )
        .unwrap();
        let mut incident = main.clone();
        incident.translations.insert("fr".into(), text);
        let fr = incident.in_language("fr");
        let texts: Vec<&str> = fr.updates.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(texts, ["un", "deux", "three"]);
        // No title and no body in the translation: the main file's show.
        assert_eq!((fr.title.as_str(), fr.body.as_str()), ("Down", "Body.\n"));
        assert!(fr.translations.is_empty());
        assert_eq!(
            incident.in_language("de"),
            Incident {
                translations: BTreeMap::new(),
                ..main
            }
        );
    }

    #[test]
    fn a_page_translation_may_repeat_but_not_change_the_main_file_s_facts() {
        let main = super::super::page::parse_page(
            Path::new("content/pages/about.md"),
            "+++\ntitle = \"About\"\nweight = 2\n+++\nText.\n",
        )
        .unwrap();
        let page = |text: &str| Found {
            path: PathBuf::from("content/pages/about.fr.md"),
            main: PathBuf::from("content/pages/about.md"),
            code: "fr".into(),
            text: text.into(),
        };
        let ok = read_page_translation(
            &page("+++\ntitle = \"À propos\"\nweight = 2\n+++\nTexte.\n"),
            &main,
        )
        .unwrap();
        assert_eq!(
            (ok.title.as_deref(), ok.body.as_deref()),
            (Some("À propos"), Some("Texte.\n"))
        );
        let e =
            read_page_translation(&page("+++\ntitle = \"À propos\"\nweight = 3\n+++\n"), &main).unwrap_err();
        assert_eq!((e[0].line, e[0].column), (3, 10));
        assert!(e[0].message.contains("which has `2`"), "{}", e[0].message);
    }

    #[test]
    fn the_translation_schema_is_the_incident_schema() {
        use crate::keys::fields_of;
        assert_eq!(
            fields_of::<IncidentTranslation>(),
            fields_of::<super::super::incident::IncidentFrontMatter>()
        );
        assert_eq!(
            fields_of::<UpdateTranslation>(),
            fields_of::<super::super::incident::UpdateFrontMatter>()
        );
        assert_eq!(
            fields_of::<PageTranslation>(),
            fields_of::<super::super::page::PageFrontMatter>()
        );
    }
}
