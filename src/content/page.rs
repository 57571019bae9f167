//! One free page under `content/pages/`: front matter into a [`Page`].

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::front_matter::read_front_matter;
use super::incident::slug_for;
use super::model::Page;
use crate::error::Diagnostic;
use crate::keys::{fields_of, Schema};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageFrontMatter {
    /// Required, non-empty.
    pub title: Spanned<String>,
    /// Overrides the file name as slug.
    pub slug: Option<Spanned<String>>,
    /// For `<meta name="description">`.
    #[serde(default)]
    pub description: String,
    /// Navigation order, lowest first. Default 0.
    #[serde(default)]
    pub weight: i64,
    #[serde(default)]
    pub draft: bool,
}

/// A page's front matter has one table.
pub(crate) const PAGE_KEYS: Schema = &[("", fields_of::<PageFrontMatter>)];

/// Parses one page file; see [`super::incident::parse_incident`] for the arguments.
pub fn parse_page(path: &Path, text: &str) -> Result<Page, Vec<Diagnostic>> {
    let (front, split): (PageFrontMatter, _) = read_front_matter(path, text, PAGE_KEYS)?;
    let offset = split.front_matter_offset;
    let at = |span: std::ops::Range<usize>, message: String| {
        Diagnostic::at(path, text, offset + span.start..offset + span.end, message)
    };
    let mut problems = Vec::new();
    if front.title.get_ref().trim().is_empty() {
        problems.push(at(front.title.span(), "`title` is empty".into()));
    }
    let (slug, bad_slug) = slug_for(path, front.slug.as_ref());
    match bad_slug {
        Some((Some(span), message)) => problems.push(at(span, message)),
        Some((None, message)) => problems.push(Diagnostic::file(path, message)),
        None => {}
    }

    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Page {
        slug,
        title: crate::bidi::close_open_controls(front.title.get_ref().trim()).into_owned(),
        description: front.description,
        weight: front.weight,
        draft: front.draft,
        body: split.body.to_string(),
        source: path.to_path_buf(),
        translations: BTreeMap::new(),
    })
}
