//! What both importers share: reading dates, mapping an update's label to a beacon status, and
//! the last checks that make an entry one `beacon check` accepts.

use std::path::Path;

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

use super::Warning;
use crate::content::{Incident, Kind, Update, UpdateStatus};
use crate::time::{self, Bound};

/// A date as both tools write it: RFC 3339 (`2018-04-24T06:39:09.000Z`), or a local
/// `YYYY-MM-DD[ T]HH:MM[:SS]` or `YYYY-MM-DD`, read in `tz` (Hugo's `timeZone`, else UTC).
pub fn parse_time(text: &str, tz: Tz) -> Result<DateTime<Utc>, String> {
    time::from_text(text, tz, Bound::Start)
}

/// The beacon update status for a label such as `Investigating` or `Post-mortem`, and whether
/// the label was one beacon knows (an unknown label becomes `update`, the label kept in the text).
pub fn status_for(label: &str, kind: Kind) -> (UpdateStatus, bool) {
    let key: String = label
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    use UpdateStatus::*;
    let status = match (kind, key.as_str()) {
        (Kind::Incident, "investigating") => Investigating,
        (Kind::Incident, "identified") => Identified,
        (Kind::Incident, "monitoring") => Monitoring,
        (Kind::Incident, "resolved" | "fixed" | "completed") => Resolved,
        (Kind::Incident, "postmortem") => Postmortem,
        (Kind::Maintenance, "scheduled") => Scheduled,
        (Kind::Maintenance, "inprogress" | "started" | "investigating" | "identified" | "monitoring") => {
            InProgress
        }
        (Kind::Maintenance, "completed" | "resolved" | "fixed") => Completed,
        (_, "update" | "updated") => Update,
        _ => return (Update, false),
    };
    (status, true)
}

/// Makes `entry` one that `beacon check` accepts, warning (at `line` of `source`) about each
/// change: an end before the start, a `resolved` update on an ongoing incident, empty texts.
pub fn settle(entry: &mut Incident, source: &Path, line: usize, warnings: &mut Vec<Warning>) {
    match entry.kind {
        Kind::Incident => {
            if let Some(end) = entry.end {
                if end < entry.start {
                    warnings.push(Warning::new(
                        source,
                        line,
                        "the resolution time comes before the start; imported as resolved at the start",
                    ));
                    entry.end = Some(entry.start);
                }
            }
            if entry.end.is_none() {
                for u in &mut entry.updates {
                    if u.status == UpdateStatus::Resolved {
                        u.status = UpdateStatus::Update;
                    }
                }
            }
        }
        Kind::Maintenance => match entry.end {
            Some(end) if end > entry.start => {}
            _ => {
                warnings.push(Warning::new(
                    source,
                    line,
                    "the maintenance window has no end after its start; imported as one hour long",
                ));
                entry.end = Some(entry.start + Duration::hours(1));
            }
        },
    }
    for u in &mut entry.updates {
        if u.text.trim().is_empty() {
            u.text = status_words(u.status).to_string();
        }
    }
    // Stable: updates stamped alike keep the order of the source.
    entry.updates.sort_by_key(|u| u.at);
}

/// A short text for an update that had none.
fn status_words(status: UpdateStatus) -> &'static str {
    match status {
        UpdateStatus::Postmortem => "Post-mortem.",
        // The status's label with a full stop ("In progress.").
        UpdateStatus::Investigating => "Investigating.",
        UpdateStatus::Identified => "Identified.",
        UpdateStatus::Monitoring => "Monitoring.",
        UpdateStatus::Resolved => "Resolved.",
        UpdateStatus::Scheduled => "Scheduled.",
        UpdateStatus::InProgress => "In progress.",
        UpdateStatus::Completed => "Completed.",
        UpdateStatus::Update => "Update.",
    }
}

/// An update whose label beacon does not know keeps the label in front of its text.
pub fn update(at: DateTime<Utc>, label: &str, text: &str, kind: Kind) -> Update {
    let (status, known) = status_for(label, kind);
    let text = text.trim();
    let text = if known || label.trim().is_empty() {
        text.to_string()
    } else if text.is_empty() {
        label.trim().to_string()
    } else {
        format!("{}: {text}", label.trim())
    };
    Update { at, status, text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_map_to_statuses_per_kind() {
        let cases = [
            ("Investigating", Kind::Incident, "investigating", true),
            ("*Identified*", Kind::Incident, "identified", true),
            ("monitoring", Kind::Incident, "monitoring", true),
            ("Resolved", Kind::Incident, "resolved", true),
            ("Fixed", Kind::Incident, "resolved", true),
            ("Post-mortem", Kind::Incident, "postmortem", true),
            ("Update", Kind::Incident, "update", true),
            ("Scheduled", Kind::Maintenance, "scheduled", true),
            ("In progress", Kind::Maintenance, "in_progress", true),
            ("Resolved", Kind::Maintenance, "completed", true),
            ("Completed", Kind::Maintenance, "completed", true),
            ("Heads up", Kind::Incident, "update", false),
            ("Scheduled", Kind::Incident, "update", false),
        ];
        for (label, kind, status, known) in cases {
            let (found, knew) = status_for(label, kind);
            assert_eq!((found.as_str(), knew), (status, known), "{label}");
        }
        let u = update(Utc::now(), "Heads up", "text", Kind::Incident);
        assert_eq!((u.status.as_str(), u.text.as_str()), ("update", "Heads up: text"));
    }

    #[test]
    fn dates_read_with_and_without_zone() {
        let tz: Tz = "Europe/Vilnius".parse().unwrap();
        let utc = parse_time("2018-04-24T06:39:09.000Z", tz).unwrap();
        assert_eq!(utc.to_rfc3339(), "2018-04-24T06:39:09+00:00");
        let local = parse_time("2018-04-13 15:54:00", tz).unwrap();
        assert_eq!(local.to_rfc3339(), "2018-04-13T12:54:00+00:00");
        assert!(parse_time("yesterday", tz).is_err());
    }
}
