//! Every word a notification says, in one place, so the wording can be translated later
//! (the site is English-only today). Channels only arrange these parts.

use super::events::{Change, Event};

/// The parts of one notification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// "New incident: Email unavailable".
    pub headline: String,
    /// "Severity: Major outage" (empty for a status that has none).
    pub severity: String,
    /// "Affected: Mobile email, GoVirtual" (empty when none).
    pub affected: String,
    /// The latest update's text.
    pub text: String,
    pub url: String,
    /// The site's title, for senders that name where the message is from.
    pub site: String,
    /// The site's address, ending in `/`.
    pub site_url: String,
}

pub fn compose(event: &Event, site: &str, site_url: &str) -> Message {
    let what = match event.change {
        Change::IncidentNew => "New incident",
        Change::IncidentUpdate => "Update",
        Change::IncidentResolved => "Resolved",
        Change::MaintenanceAnnounced => "Maintenance scheduled",
        Change::MaintenanceStarted => "Maintenance started",
        Change::MaintenanceCompleted => "Maintenance completed",
        Change::ComponentStatus => "Status change",
    };
    let headline = match event.change {
        Change::ComponentStatus => {
            format!("{what}: {} is now {}", event.title, status_words(&event.severity))
        }
        _ => format!("{what}: {}", event.title),
    };
    let severity = match event.change {
        Change::IncidentNew | Change::IncidentUpdate | Change::IncidentResolved => {
            format!("Severity: {}", impact_words(&event.severity))
        }
        _ => String::new(),
    };
    let names: Vec<&str> = event.components.iter().map(|(_, name)| name.as_str()).collect();
    let affected = if names.is_empty() {
        String::new()
    } else {
        format!("Affected: {}", names.join(", "))
    };
    Message {
        headline,
        severity,
        affected,
        text: event.text.clone(),
        url: event.url.clone(),
        site: site.to_string(),
        site_url: site_url.to_string(),
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
        let mut lines: Vec<String> = [&self.severity, &self.affected, &self.text]
            .into_iter()
            .filter(|s| !s.is_empty())
            .cloned()
            .collect();
        lines.push(format!("Details: {}", self.url));
        lines
    }

    /// The label of the link to the page.
    pub fn link_label(&self) -> &'static str {
        "View on the status page"
    }
}

/// A Statuspage `impact` in words.
fn impact_words(impact: &str) -> &str {
    match impact {
        "critical" => "Major outage",
        "major" => "Partial outage",
        "minor" => "Degraded performance",
        "none" => "Notice",
        other => other,
    }
}

/// A Statuspage component status in words.
fn status_words(status: &str) -> &str {
    match status {
        "operational" => "operational",
        "degraded_performance" => "degraded",
        "partial_outage" => "partly down",
        "major_outage" => "down",
        "under_maintenance" => "under maintenance",
        other => other,
    }
}
