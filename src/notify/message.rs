//! Every word a notification says, in one place, so the wording can be translated later
//! (the site is English-only today). Channels only arrange these parts.

use super::events::{Change, Event, SiteState};

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
}

pub fn compose(event: &Event, site: &SiteState) -> Message {
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
    let local = |t: chrono::DateTime<chrono::Utc>| {
        t.with_timezone(&site.time_zone)
            .format("%Y-%m-%d %H:%M")
            .to_string()
    };
    let when = match event.window {
        Some((start, Some(end))) => format!(
            "When: {} to {} ({})",
            local(start),
            local(end),
            site.time_zone.name()
        ),
        Some((start, None)) => format!("When: from {} ({})", local(start), site.time_zone.name()),
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
        lines.push(format!("Details: {}", self.url));
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
