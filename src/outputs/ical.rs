//! `maintenance.ics`: every published maintenance window as an RFC 5545 event, for people to
//! subscribe to in their calendar. Incidents are not in it: they are not planned.
//!
//! Written with the `icalendar` crate, which escapes TEXT values, folds lines at 75 octets on
//! character boundaries, ends them with CRLF and orders properties in a `BTreeMap`. It stamps
//! `DTSTAMP` from the clock and `UID` at random when they are missing, so both are always set
//! here: `UID` from the slug (stable for ever), `DTSTAMP` from the window's last change (the same
//! content and `now` give the same bytes).
//!
//! With `remind_before` on any `[[notify]]` channel, each event carries one `VALARM` per
//! distinct lead (`TRIGGER:-PT24H`, `ACTION:DISPLAY`), so a calendar that honours alarms reminds
//! as notify does. They are written here as text, not with the crate's `Alarm`, which stamps
//! every alarm with a random UID and the clock's DTSTAMP.
//!
//! RFC 5545 (§3.6) requires at least one component in a calendar. When no window is published,
//! the calendar carries [`UTC_TIMEZONE`] instead: a component every calendar client must read,
//! which adds no event (see docs/subscribing.md for what clients accept).

use icalendar::{Calendar, Component, Event, EventLike, EventStatus, Property};

use super::published::{last_change, permalink};
use crate::content::Incident;
use crate::context::BuildContext;
use crate::error::Result;
use crate::output::OutputFile;

pub fn render(ctx: &BuildContext) -> Result<Vec<OutputFile>> {
    Ok(vec![OutputFile::new("maintenance.ics", render_calendar(ctx))])
}

fn render_calendar(ctx: &BuildContext) -> String {
    let config = &ctx.site.config;
    let i18n = &ctx.i18n;
    let name = i18n.format1("calendar-name", "site", config.title.as_str());
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", "-//beacon//status page maintenance//EN"))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        // Outlook imports a subscribed feed as events only when it says it publishes them.
        .append_property(Property::new("METHOD", "PUBLISH"))
        // NAME has no TEXT type the crate knows, so it is escaped here; the crate escapes
        // X-WR-CALNAME itself (escaping it here too showed `\\n` for a line break).
        .append_property(Property::new("NAME", escape_text(&clean(&name))))
        .append_property(Property::new("X-WR-CALNAME", clean(&name)))
        .append_property(Property::new("URL", ctx.absolute_url("")));

    let mut windows: Vec<&Incident> = ctx.site.incidents.iter().filter(|i| i.is_maintenance()).collect();
    // Soonest first; the slug makes the order total.
    windows.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.slug.cmp(&b.slug)));
    let host = host_of(&config.base_url);
    let leads = crate::notify::reminder_leads(config);
    let mut alarms = Vec::new();
    let mut events = 0;
    for window in windows {
        let Some(end) = window.end else { continue };
        let mut event = Event::new();
        event
            .uid(&uid(ctx, window, host))
            .timestamp(last_change(window, ctx.now()))
            // UTC (`...Z`): every calendar reads it without a VTIMEZONE block.
            .starts(window.start)
            .ends(end)
            .summary(&clean(&i18n.format1(
                "calendar-summary",
                "title",
                window.title.as_str(),
            )))
            .description(&clean(&describe(ctx, window)))
            .url(&permalink(ctx, window))
            .status(EventStatus::Confirmed);
        calendar.push(event.done());
        alarms.push(alarm_blocks(ctx, window, &leads));
        events += 1;
    }
    let text = calendar.to_string();
    if events > 0 {
        if leads.is_empty() {
            return text;
        }
        // The events are written in the order they were pushed: the n-th END:VEVENT closes
        // the n-th window (a value cannot hold a bare line break, so no text can fake one).
        const END: &str = "END:VEVENT\r\n";
        let mut out = String::with_capacity(text.len() + alarms.iter().map(String::len).sum::<usize>());
        let mut rest = text.as_str();
        for blocks in &alarms {
            let Some(at) = rest.find(END) else { break };
            out.push_str(&rest[..at]);
            out.push_str(blocks);
            out.push_str(END);
            rest = &rest[at + END.len()..];
        }
        out.push_str(rest);
        return out;
    }
    // The crate has no VTIMEZONE type, so the fixed block goes in as text, before the end.
    let end = "END:VCALENDAR\r\n";
    let body = text.strip_suffix(end).unwrap_or(&text);
    format!("{body}{UTC_TIMEZONE}{end}")
}

/// One `VALARM` per lead, longest first: display "Maintenance starts in 24 hours: <title>".
fn alarm_blocks(ctx: &BuildContext, window: &Incident, leads: &[chrono::Duration]) -> String {
    let mut out = String::new();
    for &lead in leads {
        let description = ctx.i18n.format(
            "notify-maintenance-reminder",
            &[
                (
                    "duration",
                    crate::notify::message::lead_words(&ctx.i18n, lead).into(),
                ),
                ("title", window.title.as_str().into()),
            ],
        );
        let line: String = Property::new("DESCRIPTION", clean(&description))
            .try_into()
            .unwrap_or_default();
        out.push_str("BEGIN:VALARM\r\nACTION:DISPLAY\r\n");
        out.push_str(&line);
        out.push_str(&format!("TRIGGER:{}\r\nEND:VALARM\r\n", trigger(lead)));
    }
    out
}

/// An RFC 5545 duration before the start: `-P2D`, `-PT24H`, `-PT90M`.
/// The same unit as the lead is written in (see [`crate::notify::events::lead_label`]).
fn trigger(lead: chrono::Duration) -> String {
    let label = crate::notify::events::lead_label(lead);
    let (number, unit) = label.split_at(label.len() - 1);
    match unit {
        "d" => format!("-P{number}D"),
        _ => format!("-PT{number}{}", unit.to_ascii_uppercase()),
    }
}

/// The component of a calendar with no window: UTC as a time zone (RFC 5545 §3.6.5, which
/// requires TZID and one STANDARD or DAYLIGHT part with DTSTART, TZOFFSETFROM and TZOFFSETTO).
/// Events would be in UTC anyway, so it changes the meaning of nothing.
pub const UTC_TIMEZONE: &str = "BEGIN:VTIMEZONE\r\nTZID:UTC\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0000\r\nTZNAME:UTC\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";

/// The event's plain-text description: components, then the timeline newest first, the body.
fn describe(ctx: &BuildContext, window: &Incident) -> String {
    let names: Vec<String> = window
        .components
        .iter()
        .map(|id| {
            ctx.site
                .config
                .component(id)
                .map_or_else(|| id.clone(), |c| c.name.clone())
        })
        .collect();
    let i18n = &ctx.i18n;
    let mut text = i18n.format1("calendar-affects", "components", names.join(", "));
    text.push('\n');
    for update in window.updates.iter().rev() {
        text.push_str(&format!(
            "\n{} ({}): {}\n",
            i18n.update(update.status),
            super::published::format_local(i18n, update.at, ctx.site.config.timezone),
            update.text.trim()
        ));
    }
    if !window.body.trim().is_empty() {
        text.push('\n');
        text.push_str(window.body.trim());
        text.push('\n');
    }
    text.push_str(&format!("\n{}", permalink(ctx, window)));
    text
}

/// An event's UID: `<slug>@<host>`, and `<slug>.<code>@<host>` in another language's calendar,
/// so a client subscribed to two languages keeps both events apart (slugs have no `.`).
fn uid(ctx: &BuildContext, window: &Incident, host: &str) -> String {
    if ctx.edition_prefix.is_empty() {
        format!("{}@{host}", window.slug)
    } else {
        format!("{}.{}@{host}", window.slug, ctx.site.config.language)
    }
}

/// The host of `base_url`: the right-hand side of every UID.
fn host_of(base_url: &str) -> &str {
    let rest = base_url.split_once("://").map_or(base_url, |(_, rest)| rest);
    rest.split(['/', ':']).next().unwrap_or(rest)
}

/// Line ends to `\n` (which the TEXT escaping turns into `\n`) and no other control characters,
/// which RFC 5545 does not allow in a value.
fn clean(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

/// RFC 5545 §3.3.11 TEXT escaping, for properties the crate does not escape itself.
fn escape_text(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(',', "\\,")
        .replace(';', "\\;")
        .replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_comes_from_base_url_with_or_without_subpath_and_port() {
        assert_eq!(host_of("https://status.example.org/"), "status.example.org");
        assert_eq!(host_of("https://example.github.io/status/"), "example.github.io");
        assert_eq!(host_of("http://127.0.0.1:8000/"), "127.0.0.1");
    }

    #[test]
    fn triggers_use_the_largest_whole_unit() {
        assert_eq!(trigger(chrono::Duration::hours(48)), "-P2D");
        assert_eq!(trigger(chrono::Duration::hours(24)), "-PT24H");
        assert_eq!(trigger(chrono::Duration::hours(1)), "-PT1H");
        assert_eq!(trigger(chrono::Duration::minutes(90)), "-PT90M");
    }

    #[test]
    fn clean_keeps_newlines_and_drops_other_controls() {
        assert_eq!(clean("a\r\nb\u{7}c\td"), "a\nbc\td");
    }
}
