//! Every word a notification says, in one place, in the site's language (the `notify-*`
//! messages of the catalogue, see docs/i18n.md). Channels only arrange these parts.

use fluent_bundle::FluentValue;

use super::events::{Change, Event, SiteState};
use crate::i18n::I18n;
use crate::status::ComponentStatus;

/// The parts of one notification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// "New incident: Email unavailable".
    pub headline: String,
    /// "Severity: Major outage" (empty for a status that has none).
    pub severity: String,
    /// "Affected: Mobile email, GoVirtual" (empty when none).
    pub affected: String,
    /// "When: 2026-12-05 22:00 to 2026-12-06 02:00 (America/New_York)" for a window.
    pub when: String,
    /// The latest update's text.
    pub text: String,
    pub url: String,
    /// The site's title, for senders that name where the message is from.
    pub site: String,
    /// The site's address, ending in `/`.
    pub site_url: String,
    /// "Details: <url>".
    pub details_line: String,
    /// "View on the status page".
    pub link_label: String,
}

pub fn compose(event: &Event, site: &SiteState, i18n: &I18n) -> Message {
    let title = || FluentValue::from(event.title.as_str());
    let headline = match event.change {
        Change::ComponentStatus => i18n.format(
            "notify-status-change",
            &[
                ("component", title()),
                ("status", status_words(i18n, &event.severity).into()),
            ],
        ),
        Change::MaintenanceReminder => i18n.format(
            "notify-maintenance-reminder",
            &[
                ("title", title()),
                (
                    "duration",
                    lead_words(i18n, event.lead.unwrap_or_default()).into(),
                ),
            ],
        ),
        change => {
            let id = match change {
                Change::IncidentNew => "notify-new-incident",
                Change::IncidentUpdate => "notify-update",
                Change::IncidentResolved => "notify-resolved",
                Change::IncidentPostmortem => "notify-postmortem",
                Change::MaintenanceAnnounced => "notify-maintenance-scheduled",
                Change::MaintenanceStarted => "notify-maintenance-started",
                _ => "notify-maintenance-completed",
            };
            i18n.format(id, &[("title", title())])
        }
    };
    let severity = match event.change.kind() {
        super::EventKind::Incident => i18n.format1(
            "notify-severity",
            "severity",
            severity_words(i18n, &event.severity),
        ),
        _ => String::new(),
    };
    let names: Vec<&str> = event.components.iter().map(|(_, name)| name.as_str()).collect();
    let affected = if names.is_empty() {
        String::new()
    } else {
        i18n.format1("notify-affected", "components", names.join(", "))
    };
    let local = |t: chrono::DateTime<chrono::Utc>| {
        FluentValue::from(
            t.with_timezone(&site.time_zone)
                .format("%Y-%m-%d %H:%M")
                .to_string(),
        )
    };
    let zone = || FluentValue::from(site.time_zone.name());
    let when = match event.window {
        Some((start, Some(end))) => i18n.format(
            "notify-when",
            &[("start", local(start)), ("end", local(end)), ("zone", zone())],
        ),
        Some((start, None)) => i18n.format("notify-when-from", &[("start", local(start)), ("zone", zone())]),
        None => String::new(),
    };
    Message {
        headline,
        severity,
        affected,
        when,
        text: event.text.clone(),
        url: event.url.clone(),
        site: site.title.clone(),
        site_url: site.url.clone(),
        details_line: i18n.format1("notify-details", "url", event.url.as_str()),
        link_label: i18n.text("notify-link").to_string(),
    }
}

impl Message {
    /// The message as plain text lines: headline, severity, affected, text, link.
    pub fn plain(&self) -> String {
        let mut lines = vec![self.headline.clone()];
        lines.extend(self.details());
        lines.join("\n")
    }

    /// The lines below the headline, empty ones left out.
    pub fn details(&self) -> Vec<String> {
        let mut lines: Vec<String> = self.summary().into_iter().cloned().collect();
        lines.push(self.details_line.clone());
        lines
    }

    /// Severity, affected components, window times and text: the non-empty ones, in order.
    pub fn summary(&self) -> Vec<&String> {
        [&self.severity, &self.affected, &self.when, &self.text]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect()
    }

    /// The label of the link to the page.
    pub fn link_label(&self) -> &str {
        &self.link_label
    }
}

/// An incident's severity in the words the page uses for it.
pub fn severity_words(i18n: &I18n, severity: &str) -> String {
    let status = match severity {
        "major" => ComponentStatus::MajorOutage,
        "partial" => ComponentStatus::PartialOutage,
        "degraded" => ComponentStatus::DegradedPerformance,
        "notice" => return i18n.text("status-notice").to_string(),
        other => return other.to_string(),
    };
    i18n.status(status).to_string()
}

/// "24 hours", "2 days", "90 minutes": a reminder's lead in days from 48 hours, else hours, else minutes.
pub fn lead_words(i18n: &I18n, lead: chrono::Duration) -> String {
    let minutes = lead.num_minutes();
    let (id, n) = if minutes % (24 * 60) == 0 && minutes >= 48 * 60 {
        ("notify-days", minutes / (24 * 60))
    } else if minutes > 0 && minutes % 60 == 0 {
        ("notify-hours", minutes / 60)
    } else {
        ("notify-minutes", minutes)
    };
    i18n.format(id, &[("count", FluentValue::from(n))])
}

/// A Statuspage component status in words, after "is now".
fn status_words(i18n: &I18n, status: &str) -> String {
    let id = match status {
        "operational" => "notify-now-operational",
        "degraded_performance" => "notify-now-degraded",
        "partial_outage" => "notify-now-partial",
        "major_outage" => "notify-now-major",
        "under_maintenance" => "notify-now-maintenance",
        other => return other.to_string(),
    };
    i18n.text(id).to_string()
}
