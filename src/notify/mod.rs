//! `beacon notify`: tells subscribers what changed between the site as last deployed and the
//! freshly built one, once per event and channel. [`events`] works out what there is to tell
//! from the new output's API, [`record`] remembers what was told (deployed with the site and
//! read back from `--previous`), [`message`] words it and [`channel`] sends it. See
//! `docs/notify.md` for the guarantees and the record's format.

pub mod channel;
mod config;
pub mod events;
pub mod message;
pub mod record;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, Utc};

pub use config::{channels, ChannelConfig};
use events::{Change, Event, SiteState};
use record::Record;

use crate::config::channels::{ChannelType, EventKind};
use crate::config::Config;
use crate::deployed::RunOptions;
use crate::error::{Error, Result};
use crate::wording::count;

/// Events older than this (against `now`) are never told: a CI that was off for a while does
/// not flood subscribers with stale news, and the record stays small.
pub const HORIZON_DAYS: i64 = 7;

/// What a run did, per channel, and the lines to print.
#[derive(Debug, Default)]
pub struct Report {
    pub lines: Vec<String>,
    /// Channels with at least one failed send, each with its summary line.
    pub failed: Vec<String>,
}

/// One channel's share of the run.
struct Delivery<'a> {
    channel: &'a ChannelConfig,
    events: Vec<Event>,
    /// SMS held back by the hourly limit: kept as pending, sent on a later run.
    held: Vec<Event>,
}

/// How often one SMS channel may text about one incident or window.
pub const SMS_INTERVAL_MINUTES: i64 = 60;

/// Every distinct `remind_before` of the config's channels, longest first: the reminders
/// there are, which the calendar's alarms match. None when the channels do not check (a build
/// reports that before it renders).
pub fn reminder_leads(config: &Config) -> Vec<Duration> {
    leads_of(&channels(config).unwrap_or_default())
}

fn leads_of(channels: &[ChannelConfig]) -> Vec<Duration> {
    let mut leads: Vec<Duration> = channels
        .iter()
        .flat_map(|c| c.remind_before.iter().copied())
        .collect();
    leads.sort_by(|a, b| b.cmp(a));
    leads.dedup();
    leads
}

pub fn run(config: &Config, options: &RunOptions) -> Result<Report> {
    let channels = channels(config).map_err(Error::Content)?;
    let site = events::read_site(&options.output, options.now, &leads_of(&channels))?;
    // Messages speak the site's language, as its pages do.
    let i18n = crate::i18n::I18n::for_site(&options.root, &config.language)?;
    let user_agent = crate::deployed::user_agent(&config.base_url);
    let previous = record::load(&options.previous, &user_agent)?;
    let horizon = options.now - Duration::days(HORIZON_DAYS);
    let mut report = Report::default();

    let previous = match previous {
        record::Previous::Record(record) => record,
        // Deployed before notify was set up: what that site already showed is old news.
        record::Previous::Site(old) => {
            report.lines.push(format!(
                "no notify record at {}: what the site there already shows counts as told",
                options.previous
            ));
            baseline(&old, horizon, options.now)
        }
        record::Previous::Nothing => {
            // Never deployed: everything already in the output is old news.
            let record = baseline(&site, horizon, options.now);
            report.lines.push(format!(
                "no site at {}: this is the first run, so the {} recent events in the output \
                 count as told and nothing is sent",
                options.previous,
                record.told.len()
            ));
            if !options.dry_run {
                save(options, &record)?;
            }
            return Ok(report);
        }
    };

    let fresh = news(&site, &previous, options.now, horizon);
    let mut deliveries: Vec<Delivery> = channels
        .iter()
        .map(|channel| {
            let retry = previous.pending.get(&channel.name).cloned().unwrap_or_default();
            let mut list: Vec<Event> = fresh.iter().filter(|e| wants(channel, e)).cloned().collect();
            for key in retry {
                let still_wanted = |e: &Event| e.at >= horizon && wants(channel, e);
                if let Some(event) = find_event(&site, &key, options.now).filter(still_wanted) {
                    if !list.iter().any(|e| e.key == event.key) {
                        list.push(event);
                    }
                }
            }
            let (events, held) = hold_back(channel, latest_only(list), &previous, options.now);
            Delivery {
                channel,
                events,
                held,
            }
        })
        .collect();

    let mut pending: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for delivery in &deliveries {
        if !delivery.held.is_empty() {
            pending
                .entry(delivery.channel.name.clone())
                .or_default()
                .extend(delivery.held.iter().map(|e| e.key.clone()));
        }
    }
    if options.dry_run {
        for delivery in &deliveries {
            let channel = delivery.channel;
            report.lines.push(format!(
                "{} ({}, to {}): {} would be sent{}",
                channel.name,
                channel.kind.as_str(),
                channel::destination(channel),
                count(delivery.events.len(), "message", "messages"),
                held_note(delivery)
            ));
            for event in &delivery.events {
                let message = message::compose(event, &site, &i18n);
                for (n, line) in channel::preview(channel, event, &message).lines().enumerate() {
                    report
                        .lines
                        .push(format!("  {} {line}", if n == 0 { "-" } else { " " }));
                }
            }
        }
        return Ok(report);
    }

    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(channel::REQUEST_TIMEOUT))
        .http_status_as_error(false)
        .user_agent(user_agent.as_str())
        .build()
        .into();
    let mut sms_sent = recent_sms(&previous, options.now);
    for delivery in deliveries.drain(..) {
        let channel = delivery.channel;
        let label = format!("{} ({})", channel.name, channel.kind.as_str());
        if delivery.events.is_empty() {
            report
                .lines
                .push(format!("{label}: nothing to send{}", held_note(&delivery)));
            continue;
        }
        let secrets = match channel::secrets(channel) {
            Ok(secrets) => secrets,
            Err(why) => {
                let line = format!(
                    "{label}: {} not sent: {why}; kept for the next run",
                    count(delivery.events.len(), "message", "messages")
                );
                // Beside any SMS held back by the hourly limit.
                pending
                    .entry(channel.name.clone())
                    .or_default()
                    .extend(delivery.events.iter().map(|e| e.key.clone()));
                report.lines.push(line.clone());
                report.failed.push(line);
                continue;
            }
        };
        let mut sent = 0;
        let mut errors = BTreeSet::new();
        for event in &delivery.events {
            let message = message::compose(event, &site, &i18n);
            match channel::send(&agent, channel, &secrets, event, &message) {
                Ok(()) => {
                    sent += 1;
                    if channel.kind == ChannelType::Sms {
                        sms_sent
                            .entry(channel.name.clone())
                            .or_default()
                            .insert(event.subject.clone(), options.now);
                    }
                }
                Err(why) => {
                    errors.insert(why);
                    pending
                        .entry(channel.name.clone())
                        .or_default()
                        .insert(event.key.clone());
                }
            }
        }
        let failed = delivery.events.len() - sent;
        if failed == 0 {
            report
                .lines
                .push(format!("{label}: {sent} sent{}", held_note(&delivery)));
        } else {
            let line = format!(
                "{label}: {sent} sent, {failed} failed ({}); kept for the next run{}",
                errors.into_iter().collect::<Vec<_>>().join("; "),
                held_note(&delivery)
            );
            report.lines.push(line.clone());
            report.failed.push(line);
        }
    }

    let mut record = Record::new(options.now);
    let recent: BTreeSet<&str> = site
        .events
        .iter()
        .filter(|e| e.at >= horizon)
        .map(|e| e.key.as_str())
        .collect();
    record.told = previous
        .told
        .iter()
        .filter(|key| recent.contains(key.as_str()))
        .cloned()
        .chain(fresh.iter().map(|e| e.key.clone()))
        .filter(|key| !key.starts_with("component/"))
        .collect();
    record.components = current_statuses(&site);
    record.pending = pending;
    record.sms_sent = sms_sent;
    save(options, &record)?;
    Ok(report)
}

/// The news since `previous`: every event not yet told, and the component status changes,
/// oldest first. Each channel then keeps the latest per incident or window ([`latest_only`]);
/// all of them are recorded as told.
fn news(site: &SiteState, previous: &Record, now: DateTime<Utc>, horizon: DateTime<Utc>) -> Vec<Event> {
    let mut fresh: Vec<Event> = site
        .events
        .iter()
        .filter(|e| e.at >= horizon && !previous.told.contains(&e.key))
        .cloned()
        .collect();
    for (id, (_, status)) in &site.components {
        if previous.components.get(id).is_some_and(|told| told != status) {
            fresh.extend(events::component_event(site, id, now));
        }
    }
    fresh.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.key.cmp(&b.key)));
    fresh
}

/// One message per incident or window: the latest event, since it says all the earlier ones
/// said. A postmortem is a thread of its own (the resolution is still told beside it).
fn latest_only(mut events: Vec<Event>) -> Vec<Event> {
    events.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.key.cmp(&b.key)));
    let mut latest: BTreeMap<(EventKind, &str, bool), &Event> = BTreeMap::new();
    for event in &events {
        let thread = event.change == Change::IncidentPostmortem;
        latest.insert((event.change.kind(), event.subject.as_str(), thread), event);
    }
    let mut kept: Vec<Event> = latest.into_values().cloned().collect();
    kept.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.key.cmp(&b.key)));
    kept
}

/// Splits an SMS channel's events into those to send now and those held back because the
/// channel texted about the same incident or window less than an hour ago.
fn hold_back(
    channel: &ChannelConfig,
    events: Vec<Event>,
    previous: &Record,
    now: DateTime<Utc>,
) -> (Vec<Event>, Vec<Event>) {
    if channel.kind != ChannelType::Sms {
        return (events, Vec::new());
    }
    let sent = previous.sms_sent.get(&channel.name);
    events.into_iter().partition(|e| {
        sent.and_then(|s| s.get(&e.subject))
            .is_none_or(|at| now - *at >= Duration::minutes(SMS_INTERVAL_MINUTES))
    })
}

/// The SMS times still inside the hourly limit.
fn recent_sms(previous: &Record, now: DateTime<Utc>) -> BTreeMap<String, BTreeMap<String, DateTime<Utc>>> {
    previous
        .sms_sent
        .iter()
        .map(|(channel, subjects)| {
            let recent = subjects
                .iter()
                .filter(|(_, at)| now - **at < Duration::minutes(SMS_INTERVAL_MINUTES))
                .map(|(s, at)| (s.clone(), *at))
                .collect::<BTreeMap<_, _>>();
            (channel.clone(), recent)
        })
        .filter(|(_, subjects)| !subjects.is_empty())
        .collect()
}

fn held_note(delivery: &Delivery) -> String {
    match delivery.held.len() {
        0 => String::new(),
        n => format!(
            "; {} held back (one SMS per incident per hour), kept for the next run",
            count(n, "message", "messages")
        ),
    }
}

/// A record that counts everything `site` shows as told.
fn baseline(site: &SiteState, horizon: DateTime<Utc>, now: DateTime<Utc>) -> Record {
    let mut record = Record::new(now);
    record.told = site
        .events
        .iter()
        .filter(|e| e.at >= horizon)
        .map(|e| e.key.clone())
        .collect();
    record.components = current_statuses(site);
    record
}

/// Whether `channel`'s filters let `event` through.
fn wants(channel: &ChannelConfig, event: &Event) -> bool {
    // A reminder goes to the channels that asked for one that long ahead.
    if event.change == Change::MaintenanceReminder
        && !event
            .lead
            .is_some_and(|lead| channel.remind_before.contains(&lead))
    {
        return false;
    }
    // SMS is kept short, as Statuspage keeps it: an incident opened or resolved, a window
    // started.
    if channel.kind == ChannelType::Sms
        && !matches!(
            event.change,
            Change::IncidentNew | Change::IncidentResolved | Change::MaintenanceStarted
        )
    {
        return false;
    }
    // Component status changes repeat what the incident or window says, so a channel gets
    // them only when it asks for them.
    let kind = event.change.kind();
    channel
        .kinds
        .as_ref()
        .map_or(kind != EventKind::Component, |kinds| kinds.contains(&kind))
        && channel
            .components
            .as_ref()
            .is_none_or(|wanted| event.components.iter().any(|(id, _)| wanted.contains(id)))
}

/// The event with `key` as the site now shows it; `None` if it no longer applies (an
/// incident deleted, a component whose status changed again).
fn find_event(site: &SiteState, key: &str, now: DateTime<Utc>) -> Option<Event> {
    if let Some(rest) = key.strip_prefix("component/") {
        let (id, status) = rest.split_once('/')?;
        return events::component_event(site, id, now).filter(|e| e.severity == status);
    }
    site.events.iter().find(|e| e.key == key).cloned()
}

fn current_statuses(site: &SiteState) -> BTreeMap<String, String> {
    site.components
        .iter()
        .map(|(id, (_, status))| (id.clone(), status.clone()))
        .collect()
}

/// Writes the record into the output, registered as the `notify` writer's file.
fn save(options: &RunOptions, record: &Record) -> Result<()> {
    crate::write::put_registered(
        &options.output,
        record::WRITER,
        record::RECORD,
        &record.to_bytes(),
    )
}
