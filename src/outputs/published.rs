//! What every subscriber output (feeds, calendar, API) says the same way about a published
//! incident or window: its permalink, its headline severity, the instant it last changed, and
//! the wording of severities and dates. The site is already cut to `now` by `status::as_of`.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::content::{Incident, Severity};
use crate::context::BuildContext;
use crate::i18n::I18n;

/// `incidents/<slug>/` as an absolute URL: the item link, and the feed guid and Atom id.
pub fn permalink(ctx: &BuildContext, incident: &Incident) -> String {
    ctx.absolute_url(&format!("incidents/{}/", incident.slug))
}

/// See [`Incident::headline_severity`].
pub fn headline_severity(incident: &Incident) -> Severity {
    incident.headline_severity()
}

/// "[Major outage] Title" or "[Maintenance] Title", in the site's language.
pub fn labelled_title(i18n: &I18n, incident: &Incident, severity: Severity) -> String {
    let label = if incident.is_maintenance() {
        i18n.text("status-maintenance")
    } else {
        i18n.severity(severity)
    };
    i18n.format(
        "feed-item-title",
        &[("label", label.into()), ("title", incident.title.as_str().into())],
    )
}

/// The last instant at or before `now` when the incident visibly changed: its newest update,
/// its start (impact began, or the window opened) and its end (resolved, or the window closed).
/// An upcoming window with no update yet has no such instant; it is dated `now`, the first build
/// that shows it.
pub fn last_change(incident: &Incident, now: DateTime<Utc>) -> DateTime<Utc> {
    incident.last_change(now).unwrap_or(now)
}

/// When the incident first became public, never after `now`: its start or its first update,
/// whichever is earlier (a window is announced before it opens); `now` when neither has come.
pub fn first_published(incident: &Incident, now: DateTime<Utc>) -> DateTime<Utc> {
    incident
        .updates
        .first()
        .map(|u| u.at)
        .into_iter()
        .chain([incident.start])
        .filter(|t| *t <= now)
        .min()
        .unwrap_or(now)
}

/// Newest change first, ties broken by slug so the order is total.
pub fn newest_first<'a>(
    incidents: impl IntoIterator<Item = &'a Incident>,
    now: DateTime<Utc>,
) -> Vec<&'a Incident> {
    let mut list: Vec<&Incident> = incidents.into_iter().collect();
    // Each last change computed once, not once per comparison.
    list.sort_by_cached_key(|i| (std::cmp::Reverse(last_change(i, now)), i.slug.as_str()));
    list
}

/// A date and time as readers of the site see it, in its language and time zone:
/// "Jan 27, 2022, 7:40 AM EST".
pub fn format_local(i18n: &I18n, t: DateTime<Utc>, tz: Tz) -> String {
    i18n.date_time(&t.with_timezone(&tz))
}

/// RFC 3339 in UTC with a `Z`, to the second: the form every JSON and Atom date takes.
pub fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Removes the characters XML 1.0 forbids (most C0 controls, lone surrogates cannot occur in
/// a `str`, U+FFFE and U+FFFF): TOML lets an author write them as escapes, and one would make
/// the whole feed unreadable.
pub fn xml_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let allowed = |c: char| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..);
    if text.chars().all(allowed) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.chars().filter(|c| allowed(*c)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Kind, Update, UpdateStatus};
    use chrono::TimeZone;

    fn at(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 10, h, 0, 0).unwrap()
    }

    fn window(start: u32, end: u32, updates: &[u32]) -> Incident {
        Incident {
            slug: "w".into(),
            title: "W".into(),
            kind: Kind::Maintenance,
            severity: Severity::Notice,
            start: at(start),
            end: Some(at(end)),
            components: vec![],
            impact: Default::default(),
            pinned: false,
            draft: false,
            automated: false,
            updates: updates
                .iter()
                .map(|h| Update {
                    at: at(*h),
                    status: UpdateStatus::Scheduled,
                    text: String::new(),
                })
                .collect(),
            body: String::new(),
            source: Default::default(),
            translations: Default::default(),
        }
    }

    // The item date must never be after `now`, and must move when the window opens or closes.
    #[test]
    fn last_change_is_the_newest_instant_not_after_now() {
        let w = window(10, 12, &[2]);
        assert_eq!(last_change(&w, at(5)), at(2), "upcoming: the announcement");
        assert_eq!(last_change(&w, at(11)), at(10), "in progress: it opened");
        assert_eq!(last_change(&w, at(20)), at(12), "completed: it closed");
        assert_eq!(
            last_change(&window(10, 12, &[]), at(5)),
            at(5),
            "no update yet: now"
        );
    }

    #[test]
    fn xml_safe_drops_only_forbidden_characters() {
        assert_eq!(xml_safe("a\u{1}b\u{FFFF}c\té 😀 שלום"), "abc\té 😀 שלום");
    }
}
