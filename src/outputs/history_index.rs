//! `history/index.json`: the static index the history page's filters read (component,
//! severity, year, words of the title). One small entry per incident or window that has begun,
//! newest first, in each language's edition (titles are translated). The history pages
//! themselves stay as they are: without JavaScript nothing reads this file.
//!
//! Why no search engine's index (elasticlunr-rs, as mdBook uses): a status site's titles are a
//! few words each, and the filters are exact fields. A word index would be larger than these
//! entries, stem only some of the site's ten languages, and split no Chinese or Japanese title
//! into words; a case- and accent-folded substring match of the title, done by the page's
//! script, finds what a reader types in every language.

use chrono::Datelike;
use serde::Serialize;

use crate::content::Kind;
use crate::context::BuildContext;
use crate::error::Result;
use crate::output::OutputFile;

pub const PATH: &str = "history/index.json";

#[derive(Debug, Serialize)]
struct Entry<'a> {
    slug: &'a str,
    title: &'a str,
    /// Component ids, as in config.toml.
    components: &'a [String],
    /// `major`, `partial`, `degraded`, `notice` (the headline severity), or `maintenance`.
    severity: &'static str,
    /// The year and day it began, in the site's zone.
    year: i32,
    date: String,
    /// The same day as the pages write it, in the edition's language.
    date_text: String,
    /// Its page, relative to the edition's root.
    url: String,
}

/// Renders the index: a JSON array, one entry a line, newest first.
pub fn render(ctx: &BuildContext) -> Result<Vec<OutputFile>> {
    let now = ctx.now();
    let tz = ctx.site.config.timezone;
    // Sorted by start: what has begun comes first (upcoming maintenance is not history).
    let begun = ctx.site.incidents.partition_point(|i| i.start <= now);
    let lines: Vec<String> = ctx.site.incidents[..begun]
        .iter()
        .rev()
        .map(|incident| {
            let day = incident.start.with_timezone(&tz).date_naive();
            let entry = Entry {
                slug: &incident.slug,
                title: &incident.title,
                components: &incident.components,
                severity: match incident.kind {
                    Kind::Maintenance => "maintenance",
                    Kind::Incident => incident.headline_severity().as_str(),
                },
                year: day.year(),
                date: day.format("%Y-%m-%d").to_string(),
                date_text: ctx.i18n.date(day),
                url: format!("incidents/{}/", incident.slug),
            };
            serde_json::to_string(&entry).expect("an index entry holds only strings and numbers")
        })
        .collect();
    let json = if lines.is_empty() {
        "[]\n".to_string()
    } else {
        format!("[\n{}\n]\n", lines.join(",\n"))
    };
    Ok(vec![OutputFile::new(PATH, json)])
}
