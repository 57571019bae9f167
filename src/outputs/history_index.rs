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

use std::io::Write;

use chrono::Datelike;
use serde::Serialize;

use crate::content::Kind;
use crate::context::BuildContext;
use crate::error::Result;
use crate::output::{put_buffered, Sink};

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

/// Renders the index: a JSON array, one entry a line, newest first, written to `sink` entry
/// after entry as it is made (at 100,000 incidents it is tens of megabytes, which joining a
/// string of each entry into one held three times over).
pub fn render(ctx: &BuildContext, sink: &Sink) -> Result<()> {
    let now = ctx.now();
    let tz = ctx.site.config.timezone;
    // Sorted by start: what has begun comes first (upcoming maintenance is not history).
    let begun = ctx.site.incidents.partition_point(|i| i.start <= now);
    put_buffered(sink, PATH, |out| {
        if begun == 0 {
            return out.write_all(b"[]\n");
        }
        out.write_all(b"[\n")?;
        for (n, incident) in ctx.site.incidents[..begun].iter().rev().enumerate() {
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
            if n > 0 {
                out.write_all(b",\n")?;
            }
            serde_json::to_writer(&mut *out, &entry)?;
        }
        out.write_all(b"\n]\n")
    })
}
