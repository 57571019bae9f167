//! `beacon probe`: checks the services of the `[[probe]]` tables, judges each probed component
//! up, degraded or down, and after `fail_after` failed runs in a row writes an incident with
//! the same code as `beacon new` (marked `automated = true`); after `recover_after` good runs
//! it resolves that incident with the same code as `beacon resolve`. The uptime figures still
//! come from incidents alone. [`record`] is the memory between runs (`probes.json`, deployed
//! with the site and read back from `--previous`); [`check`] runs one probe. See
//! `docs/probes.md` for the rules.

pub mod check;
mod config;
pub mod record;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sha2::{Digest, Sha256};

pub use config::{probes, ProbeConfig};

use check::{ProbeResult, State};
use record::{ComponentRecord, OwnIncident, Record, Run, Sample};

use crate::authoring::{
    new_incident, resolve_incident, update_incident, NewIncident, ResolveOptions, UpdateOptions,
};
use crate::config::Config;
use crate::content::{Incident, Kind, LoadOptions, Severity, UpdateStatus};
use crate::deployed::RunOptions;
use crate::error::{Error, Result};
use crate::status::latency::{DayLatency, History};
use crate::wording::count;

/// Probes run at once, at most.
const CONCURRENCY: usize = 8;

/// What a run did, as lines to print.
#[derive(Debug, Default)]
pub struct Report {
    pub lines: Vec<String>,
    /// Incident files written or edited, relative to the site folder.
    pub changed: Vec<PathBuf>,
}

/// The response times kept in the record in the output folder `dir`, for the pages; empty
/// when there is no record.
pub fn history(dir: &Path, config: &Config) -> Result<History> {
    let tz = config.timezone;
    Ok(record::read_output(dir)?
        .map(|r| r.history(|t| crate::time::local_date(tz, t)))
        .unwrap_or_default())
}

pub fn run(config: &Config, options: &RunOptions) -> Result<Report> {
    let probes = probes(config).map_err(Error::Content)?;
    let now = options.now;
    let tz = config.timezone;
    let previous = record::load(&options.previous, &crate::deployed::user_agent(&config.base_url))?;
    let mut report = Report::default();
    if previous.is_none() {
        report.lines.push(format!(
            "no {} at {}: counting starts with this run",
            record::RECORD,
            options.previous
        ));
    }
    let previous = previous.unwrap_or_else(|| Record::new(now));
    let (site, _) = crate::content::load_site_with(
        &options.root,
        config.clone(),
        &LoadOptions { drafts: false },
        None,
    )?;
    let results = run_all(&probes, &options.root, now);

    let today = crate::time::local_date(tz, now);
    let first_day = today - Duration::days(i64::from(config.uptime.days.max(1)) - 1);
    let mut record = Record::new(now);
    for component in &config.components {
        let mine: Vec<(&ProbeConfig, &ProbeResult)> = probes
            .iter()
            .zip(&results)
            .filter(|(p, _)| p.component == component.id)
            .collect();
        let Some((first, _)) = mine.first() else {
            continue;
        };
        let (fail_after, recover_after) = (first.fail_after, first.recover_after);
        let state = mine.iter().map(|(_, r)| r.state).max().unwrap_or(State::Up);
        let before = previous.components.get(&component.id);
        let in_maintenance = site
            .incidents
            .iter()
            .any(|i| i.kind == Kind::Maintenance && covers(i, &component.id, now));
        let (mut failures, mut successes) = before.map_or((0, 0), |b| (b.failures, b.successes));
        if state == State::Up {
            successes = successes.saturating_add(1);
            failures = 0;
        } else if in_maintenance {
            // A window covers the component: what fails is expected, and counts for nothing.
            failures = 0;
            successes = 0;
        } else {
            failures = failures.saturating_add(1);
            successes = 0;
        }
        let failing_since = (failures > 0).then(|| before.and_then(|b| b.failing_since).unwrap_or(now));
        let mut recent = before.map(|b| b.recent.clone()).unwrap_or_default();
        recent.push(Run {
            at: now,
            state,
            probes: mine.iter().map(|(_, r)| (*r).clone()).collect(),
        });
        let drop_runs = recent.len().saturating_sub(record::RECENT_RUNS);
        recent.drain(..drop_runs);
        let (samples, days) = latency(
            before,
            &mine,
            now,
            |t| crate::time::local_date(tz, t),
            today,
            first_day,
        );

        let label = format!("{}: {}", component.id, state.as_str());
        let mut own = before.and_then(|b| b.incident.clone());
        if let Some(incident) = &own {
            if let Some(why) = taken_over(&options.root, incident) {
                report.lines.push(format!(
                    "{label}; {} {why}: it is theirs now, and beacon probe leaves it alone",
                    incident.path
                ));
                own = None;
            }
        }
        let evidence: Vec<String> = mine.iter().map(|(_, r)| r.evidence()).collect();
        match &own {
            Some(incident) if successes >= recover_after => {
                let text = format!(
                    "Automated checks passed {} in a row: {}.",
                    count(successes as usize, "time", "times"),
                    evidence.join("; ")
                );
                if options.dry_run {
                    report.lines.push(format!(
                        "{label}; would resolve {} with the update: {text}",
                        incident.path
                    ));
                } else {
                    let edited = resolve_incident(
                        &options.root,
                        config,
                        &ResolveOptions {
                            slug: incident.slug.clone(),
                            text: Some(text),
                            now,
                        },
                    )?;
                    report
                        .lines
                        .push(format!("{label}; resolved {}", edited.path.display()));
                    report.changed.push(edited.path);
                }
                own = None;
            }
            Some(incident) => {
                report.lines.push(format!(
                    "{label} ({} failed, {} good of {recover_after} to resolve); {} stays open",
                    failures, successes, incident.path
                ));
                // What changed since the last run goes on the incident's timeline, once.
                let last = before.map_or(state, |b| b.state);
                let news = match (last, state) {
                    (a, b) if a == b => None,
                    (_, State::Up) => Some((
                        UpdateStatus::Monitoring,
                        format!(
                            "Automated checks pass again: {}. The incident is resolved after {} \
                             in a row.",
                            evidence.join("; "),
                            count(recover_after as usize, "good run", "good runs")
                        ),
                    )),
                    (_, now_state) => Some((
                        UpdateStatus::Investigating,
                        format!(
                            "Automated checks now find the service {}: {}.",
                            now_state.as_str(),
                            evidence.join("; ")
                        ),
                    )),
                };
                if let Some((status, text)) = news {
                    if options.dry_run {
                        report.lines.push(format!(
                            "  would post a `{}` update to {}: {text}",
                            status.as_str(),
                            incident.path
                        ));
                    } else {
                        let edited = update_incident(
                            &options.root,
                            config,
                            &UpdateOptions {
                                slug: incident.slug.clone(),
                                status,
                                text,
                                now,
                            },
                        )?;
                        report.lines.push(format!(
                            "  posted a `{}` update to {}",
                            status.as_str(),
                            edited.path.display()
                        ));
                        report.changed.push(edited.path);
                    }
                }
            }
            None if failures >= fail_after => {
                let other = site
                    .incidents
                    .iter()
                    .find(|i| i.kind == Kind::Incident && covers(i, &component.id, now));
                if let Some(other) = other {
                    report.lines.push(format!(
                        "{label} ({failures} failed runs); {} is already open for it, so no \
                         incident is written",
                        other.source.display()
                    ));
                } else {
                    let worst = recent
                        .iter()
                        .rev()
                        .take(failures as usize)
                        .map(|r| r.state)
                        .max()
                        .unwrap_or(state);
                    let severity = severity(&mine, worst);
                    let title = format!(
                        "{} is {}",
                        component.name,
                        if worst == State::Down { "down" } else { "degraded" }
                    );
                    let first_update = format!(
                        "Automated checks failed {} in a row: {}.",
                        count(failures as usize, "time", "times"),
                        evidence.join("; ")
                    );
                    if options.dry_run {
                        report.lines.push(format!(
                            "{label} ({failures} failed runs); would write an incident \"{title}\" \
                             ({}) with the update: {first_update}",
                            severity.as_str()
                        ));
                    } else {
                        let created = new_incident(
                            &options.root,
                            config,
                            &NewIncident {
                                title,
                                severity,
                                components: vec![component.id.clone()],
                                // Impact began with the first failed run of the streak.
                                date: failing_since.map(|t| t.to_rfc3339()),
                                now,
                                automated: true,
                                first_update: Some(first_update),
                            },
                        )?;
                        let path = slash_path(&created.path);
                        report.lines.push(format!("{label}; wrote {path}"));
                        own = Some(OwnIncident {
                            slug: created.slug,
                            sha256: file_hash(&options.root.join(&created.path))?,
                            path,
                        });
                        report.changed.push(created.path);
                    }
                }
            }
            None if in_maintenance && state != State::Up => report.lines.push(format!(
                "{label}, in a maintenance window: no incident is written"
            )),
            None => report.lines.push(format!(
                "{label} ({})",
                if failures > 0 {
                    format!("{failures} of {fail_after} failed runs before an incident")
                } else {
                    "ok".to_string()
                }
            )),
        }
        if state != State::Up {
            for line in &evidence {
                report.lines.push(format!("  {line}"));
            }
        }
        // The record of an incident resolved just now is gone; one still open keeps the hash
        // of the file as this run left it.
        if let Some(incident) = &mut own {
            if !options.dry_run {
                incident.sha256 = file_hash(&options.root.join(&incident.path))?;
            }
        }
        record.components.insert(
            component.id.clone(),
            ComponentRecord {
                state,
                failures,
                successes,
                last_check: now,
                failing_since,
                incident: own,
                recent,
                samples,
                days,
            },
        );
    }

    if options.dry_run {
        report.lines.push(format!(
            "would write {} into {}",
            record::RECORD,
            options.output.display()
        ));
    } else {
        crate::write::put_registered(
            &options.output,
            record::WRITER,
            record::RECORD,
            &record.to_bytes(),
        )?;
    }
    Ok(report)
}

/// Runs every probe, at most [`CONCURRENCY`] at once; results in the order of `probes`.
fn run_all(probes: &[ProbeConfig], root: &Path, now: DateTime<Utc>) -> Vec<ProbeResult> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<ProbeResult>>> = Mutex::new(vec![None; probes.len()]);
    std::thread::scope(|scope| {
        for _ in 0..CONCURRENCY.min(probes.len()) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(probe) = probes.get(i) else { break };
                let result = check::run(probe, root, now);
                results.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(result);
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .zip(probes)
        .map(|(r, p)| {
            r.unwrap_or_else(|| ProbeResult {
                probe: p.label(),
                state: State::Down,
                status: None,
                latency_ms: None,
                cert_days: None,
                error: Some("the probe did not finish".into()),
                attempts: 1,
            })
        })
        .collect()
}

/// Whether `incident` affects `component` and is in force at `now`.
fn covers(incident: &Incident, component: &str, now: DateTime<Utc>) -> bool {
    incident.start <= now
        && incident.end.is_none_or(|end| now < end)
        && incident.components.iter().any(|c| c == component)
}

/// The severity the component's probes give `state`: the worst any of them gives.
fn severity(mine: &[(&ProbeConfig, &ProbeResult)], state: State) -> Severity {
    mine.iter()
        .map(|(p, _)| match state {
            State::Down => p.down_severity,
            _ => p.degraded_severity,
        })
        .max()
        .unwrap_or(Severity::Major)
}

/// This run's answered checks added to the samples, and the days before `today` summed up
/// into `days` (kept from `first_day` on).
fn latency(
    before: Option<&ComponentRecord>,
    mine: &[(&ProbeConfig, &ProbeResult)],
    now: DateTime<Utc>,
    day_of: impl Fn(DateTime<Utc>) -> NaiveDate,
    today: NaiveDate,
    first_day: NaiveDate,
) -> (Vec<Sample>, Vec<DayLatency>) {
    let mut samples = before.map(|b| b.samples.clone()).unwrap_or_default();
    let mut days = before.map(|b| b.days.clone()).unwrap_or_default();
    // The slowest answer of the run is the component's response time.
    if let Some(ms) = mine.iter().filter_map(|(_, r)| r.latency_ms).max() {
        samples.push(Sample { at: now, ms });
    }
    let mut closed: BTreeMap<NaiveDate, Vec<u32>> = BTreeMap::new();
    samples.retain(|s| {
        let day = day_of(s.at);
        if day < today {
            closed.entry(day).or_default().push(s.ms);
            false
        } else {
            true
        }
    });
    for (date, values) in closed {
        days.retain(|d| d.date != date);
        days.extend(DayLatency::of(date, &values));
    }
    days.sort_by_key(|d| d.date);
    days.retain(|d| d.date >= first_day);
    (samples, days)
}

/// Why the incident `beacon probe` wrote is no longer its own, if it is not: a person
/// removed or edited the file.
fn taken_over(root: &Path, incident: &OwnIncident) -> Option<&'static str> {
    match file_hash(&root.join(&incident.path)) {
        Err(_) => Some("is gone (a person removed or moved it)"),
        Ok(hash) if hash != incident.sha256 => Some("was edited by a person"),
        Ok(_) => None,
    }
}

fn file_hash(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    Ok(hex::encode(Sha256::digest(&bytes)))
}

fn slash_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, day, hour, 0, 0).unwrap()
    }

    fn before(samples: Vec<Sample>, days: Vec<DayLatency>) -> ComponentRecord {
        ComponentRecord {
            state: State::Up,
            failures: 0,
            successes: 1,
            last_check: at(1, 0),
            failing_since: None,
            incident: None,
            recent: Vec::new(),
            samples,
            days,
        }
    }

    #[test]
    fn a_new_day_sums_up_the_samples_of_the_days_before_it_and_keeps_the_window() {
        let tz = chrono_tz::America::New_York;
        let day_of = |t| crate::time::local_date(tz, t);
        let old = DayLatency::of(NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(), &[5]).unwrap();
        // 03:00 UTC on the 2nd is still the 1st in New York.
        let record = before(
            vec![
                Sample {
                    at: at(1, 15),
                    ms: 100,
                },
                Sample {
                    at: at(2, 3),
                    ms: 300,
                },
            ],
            vec![old],
        );
        let now = at(2, 15);
        let today = day_of(now);
        let (samples, days) = latency(Some(&record), &[], now, day_of, today, today - Duration::days(89));
        assert!(samples.is_empty(), "{samples:?}");
        assert_eq!(days.len(), 1, "the day outside the window is dropped: {days:?}");
        assert_eq!(days[0].date, NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
        assert_eq!((days[0].median_ms, days[0].p95_ms, days[0].checks), (100, 300, 2));
    }

    #[test]
    fn any_change_to_the_file_hands_the_incident_to_a_person() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), "as written\n").unwrap();
        let own = OwnIncident {
            slug: "a".into(),
            path: "a.md".into(),
            sha256: file_hash(&dir.path().join("a.md")).unwrap(),
        };
        assert_eq!(taken_over(dir.path(), &own), None);
        std::fs::write(dir.path().join("a.md"), "as written \n").unwrap();
        assert!(taken_over(dir.path(), &own).is_some());
        std::fs::remove_file(dir.path().join("a.md")).unwrap();
        assert!(taken_over(dir.path(), &own).unwrap().contains("gone"));
    }
}
