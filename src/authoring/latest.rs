//! `beacon update --latest` and `beacon resolve --latest`: the incident meant when none is
//! named, as the "Post to the status page" workflows need it (an operator on a phone types no
//! slug). It is the open incident that began last.

use std::fs;
use std::path::Path;

use chrono::{DateTime, Utc};
use rayon::prelude::*;

use super::{relative, INCIDENTS_DIR};
use crate::config::Config;
use crate::content::incident::parse_incident;
use crate::content::{Incident, Kind};
use crate::error::{Diagnostic, Error, Result};

/// The slug of the latest open incident as of `now`: an incident (not a maintenance window)
/// with no `resolved`, not a draft, begun by `now`; of several, the one that began last (on a
/// tie, the greatest slug, so the choice never depends on the order files are read in).
///
/// A file that does not parse is an error, not skipped: the incident meant could be that one.
pub fn latest_open_incident(root: &Path, config: &Config, now: DateTime<Utc>) -> Result<String> {
    let paths = crate::content::content_files(root, INCIDENTS_DIR)?;
    let parsed: Vec<std::result::Result<Incident, Vec<Diagnostic>>> = paths
        .par_iter()
        .filter(|path| crate::content::translation_name(path).is_none())
        .map(|path| {
            let shown = relative(root, path);
            let text = fs::read_to_string(path)
                .map_err(|e| vec![Diagnostic::file(shown, format!("cannot read the file: {e}"))])?;
            parse_incident(shown, text.strip_prefix('\u{feff}').unwrap_or(&text), config)
        })
        .collect();
    let mut open = Vec::new();
    let mut problems = Vec::new();
    for result in parsed {
        match result {
            Ok(incident) => open.push(incident),
            Err(mut diagnostics) => problems.append(&mut diagnostics),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Content(problems));
    }
    open.retain(|i| i.kind == Kind::Incident && i.end.is_none() && !i.draft && i.start <= now);
    open.into_iter()
        .max_by(|a, b| a.start.cmp(&b.start).then_with(|| a.slug.cmp(&b.slug)))
        .map(|incident| incident.slug)
        .ok_or_else(|| {
            Error::Usage(
                "there is no open incident to post to (every incident is resolved, a draft, or \
                 begins later); name one by its slug, or open one with `beacon new incident`"
                    .into(),
            )
        })
}
