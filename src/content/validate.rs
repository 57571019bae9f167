//! Rules that span files: slugs must be unique, and pages must not take the paths the site
//! itself writes.

use std::path::Path;

use rustc_hash::FxHashMap;

use super::model::{Incident, Page};
use crate::error::Diagnostic;

/// Top-level paths a build writes itself; a page slug may not take one.
const RESERVED_PAGE_SLUGS: &[&str] = &[
    "incidents",
    "history",
    "components",
    "api",
    "static",
    "404",
    "subscribe",
    "embed",
];

/// Every slug used twice, named in both files, and every page slug that would overwrite a
/// page of the site.
pub fn check_unique_slugs(incidents: &[Incident], pages: &[Page]) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut first_use: FxHashMap<&str, &Path> = FxHashMap::default();
    for incident in incidents {
        if let Some(other) = first_use.insert(&incident.slug, &incident.source) {
            first_use.insert(&incident.slug, other);
            problems.push(Diagnostic::file(
                &incident.source,
                format!("slug `{}` is already used by {}", incident.slug, other.display()),
            ));
        }
    }
    let mut page_first_use: FxHashMap<&str, &Path> = FxHashMap::default();
    for page in pages {
        if RESERVED_PAGE_SLUGS.contains(&page.slug.as_str()) {
            problems.push(Diagnostic::file(
                &page.source,
                format!(
                    "page slug `{}` is a path the site uses itself; choose another",
                    page.slug
                ),
            ));
        } else if let Some(other) = page_first_use.insert(&page.slug, &page.source) {
            page_first_use.insert(&page.slug, other);
            problems.push(Diagnostic::file(
                &page.source,
                format!("page slug `{}` is already used by {}", page.slug, other.display()),
            ));
        }
    }
    problems
}

/// Every page whose slug is a language of the site other than the default: that language's
/// edition is built in the folder the page would take.
pub fn check_page_slugs_against_languages(pages: &[Page], languages: &[String]) -> Vec<Diagnostic> {
    pages
        .iter()
        // Ignoring case: `fr-ca/` and `fr-CA/` are one folder on a case-insensitive disk.
        .filter_map(|p| {
            let code = languages.iter().skip(1).find(|code| code.eq_ignore_ascii_case(&p.slug))?;
            Some(Diagnostic::file(
                &p.source,
                format!(
                    "page slug `{}` is a language of the site: its edition is built in `{code}/`; choose another slug",
                    p.slug
                ),
            ))
        })
        .collect()
}
