//! `beacon ingest github EVENT.json`: GitHub's `issues` and `issue_comment` payloads, as
//! Actions hands them over in `GITHUB_EVENT_PATH`.
//!
//! - An issue opened from the incident form (a `### Severity` section) opens an incident.
//!   Every event of the issue carries the issue as it then was; the incident's title, severity,
//!   components and first text come from the latest of these (by `updated_at`), so an edit
//!   changes them and an older copy arriving late changes nothing.
//! - A comment `/update <status> <text>` adds an update; `/resolve [text]` resolves.
//! - Closing the issue resolves the incident, unless it was resolved before.
//!
//! Who may post is decided from `author_association` alone (OWNER, MEMBER, COLLABORATOR):
//! the issue's, for the issue and for closing it; the comment's and the issue's, for a comment.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::{add_once, apply, settle_resolves, stamp, whole, Creation, Report, Target};
use crate::authoring::{
    parse_severity, parse_update_status, NewIncident, Sourced, SourcedUpdate, DEFAULT_RESOLVED_TEXT,
};
use crate::config::Config;
use crate::content::{Severity, UpdateStatus};
use crate::error::{Error, Result};

/// The associations that may post to the status page: people with write access.
pub const TRUSTED: [&str; 3] = ["OWNER", "MEMBER", "COLLABORATOR"];

/// The first text of an incident whose form says nothing more.
pub const DEFAULT_TEXT: &str = "We are investigating reports of a problem.";

#[derive(Debug, Deserialize)]
struct Event {
    action: String,
    issue: Issue,
    comment: Option<Comment>,
    repository: Repository,
}

#[derive(Debug, Deserialize)]
struct Repository {
    full_name: String,
}

#[derive(Debug, Clone, Deserialize)]
struct Issue {
    number: u64,
    title: String,
    body: Option<String>,
    user: User,
    author_association: String,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    closed_at: Option<DateTime<Utc>>,
    pull_request: Option<serde_json::Value>,
}

#[derive(Debug, Deserialize)]
struct Comment {
    id: u64,
    body: Option<String>,
    user: User,
    author_association: String,
    created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Deserialize)]
struct User {
    login: String,
}

/// Ingests one event payload (`text`, read from the file shown as `shown`).
pub fn ingest(root: &Path, config: &Config, shown: &Path, text: &str) -> Result<Report> {
    let mut event: Event = super::payload::parse(shown, text)?;
    // Front matter keeps whole seconds.
    event.issue.created_at = whole(event.issue.created_at);
    event.issue.updated_at = whole(event.issue.updated_at);
    event.issue.closed_at = event.issue.closed_at.map(whole);
    if let Some(comment) = &mut event.comment {
        comment.created_at = whole(comment.created_at);
    }
    let issue = &event.issue;
    let repo = &event.repository.full_name;
    let kind = if event.comment.is_some() {
        "issue_comment"
    } else {
        "issues"
    };
    if issue.pull_request.is_some() {
        return Ok(Report::line(format!(
            "ignored: #{} is a pull request, not an issue",
            issue.number
        )));
    }
    // The comment's own author first: a stranger's comment is ignored whoever opened the issue.
    if let Some(comment) = &event.comment {
        if event.action != "created" {
            return Ok(Report::line(format!(
                "nothing to do: `issue_comment` action `{}` changes no incident",
                event.action
            )));
        }
        if !trusted(&comment.author_association) {
            return Ok(Report::line(format!(
                "ignored: comment {} on issue #{} is by @{}, whose author_association is {}; only \
                 {} may post to the status page",
                comment.id,
                issue.number,
                comment.user.login,
                comment.author_association,
                TRUSTED.join(", ")
            )));
        }
    }
    if !trusted(&issue.author_association) {
        return Ok(Report::line(format!(
            "ignored: issue #{} was opened by @{}, whose author_association is {}; only issues \
             opened by {} become incidents",
            issue.number,
            issue.user.login,
            issue.author_association,
            TRUSTED.join(", ")
        )));
    }
    let body = issue.body.as_deref().unwrap_or_default();
    let sections = form_sections(body);
    if !sections.contains_key("severity") {
        return Ok(Report::line(format!(
            "ignored: issue #{} is not from the incident form (its text has no `### Severity` \
             section)",
            issue.number
        )));
    }
    let form = read_form(config, issue, &sections)?;

    // What the event adds beside the issue itself.
    let (event_name, addition): (String, Option<SourcedUpdate>) = match (kind, event.action.as_str()) {
        ("issues", "opened" | "edited") => (
            format!("issue #{} as of {}", issue.number, stamp(issue.updated_at)),
            None,
        ),
        ("issues", "closed") => {
            let at = issue.closed_at.unwrap_or(issue.updated_at).max(issue.created_at);
            let source = format!("github:{repo}#{}/closed@{}", issue.number, stamp(at));
            (
                format!("closing issue #{}", issue.number),
                Some(SourcedUpdate {
                    at,
                    status: UpdateStatus::Resolved,
                    text: DEFAULT_RESOLVED_TEXT.to_string(),
                    source,
                }),
            )
        }
        ("issues", action) => {
            return Ok(Report::line(format!(
                "nothing to do: `issues` action `{action}` changes no incident (reopening an \
                 issue does not reopen its incident: post `/update` instead)"
            )))
        }
        (_, _) => {
            let comment = event
                .comment
                .as_ref()
                .expect("an issue_comment event has a comment");
            let Some(command) = read_command(comment.body.as_deref().unwrap_or_default())? else {
                return Ok(Report::line(format!(
                    "nothing to do: comment {} is not a `/update` or `/resolve` command",
                    comment.id
                )));
            };
            let source = format!("github:{repo}#{}/comment/{}", issue.number, comment.id);
            let at = comment.created_at.max(issue.created_at);
            let update = match command {
                Command::Update(status, text) => SourcedUpdate {
                    at,
                    status,
                    text,
                    source,
                },
                Command::Resolve(text) => SourcedUpdate {
                    at,
                    status: UpdateStatus::Resolved,
                    text: text.unwrap_or_else(|| DEFAULT_RESOLVED_TEXT.to_string()),
                    source,
                },
            };
            (format!("comment {}", comment.id), Some(update))
        }
    };

    let incident_source = format!("github:{repo}#{}", issue.number);
    let version_prefix = format!("{incident_source}@");
    let opening = SourcedUpdate {
        at: issue.created_at,
        status: UpdateStatus::Investigating,
        text: form.text.clone(),
        source: format!("{version_prefix}{}", stamp(issue.updated_at)),
    };
    let closed_prefix = format!("{incident_source}/closed@");
    let change = |state: &mut Sourced| -> Result<()> {
        apply_issue(state, &form, issue, &opening, &version_prefix);
        if let Some(update) = &addition {
            add_once(state, update.clone());
        }
        settle_resolves(state, |source| source.starts_with(&closed_prefix));
        Ok(())
    };
    apply(
        root,
        config,
        Target {
            source: incident_source,
            pick: &|states| (!states.is_empty()).then_some(0),
            create: Creation {
                new: NewIncident {
                    title: form.title.clone(),
                    severity: form.severity,
                    components: form.components.clone(),
                    date: Some(issue.created_at.to_rfc3339()),
                    now: issue.created_at,
                    automated: false,
                    first_update: Some(form.text.clone()),
                },
                first_source: opening.source.clone(),
                name: format!("issue-{}", issue.number),
            },
            change: &change,
            event: event_name,
        },
    )
}

fn trusted(association: &str) -> bool {
    TRUSTED.contains(&association)
}

/// The latest copy of the issue wins: its title, severity, components and first text replace
/// those of an older copy; an older copy changes nothing.
fn apply_issue(state: &mut Sourced, form: &Form, issue: &Issue, opening: &SourcedUpdate, prefix: &str) {
    let current = state.updates.iter().position(|u| u.source.starts_with(prefix));
    let newer = match current {
        None => true,
        Some(i) => {
            let version = state.updates[i].source[prefix.len()..].to_string();
            match DateTime::parse_from_rfc3339(&version) {
                Ok(v) => v.with_timezone(&Utc) < issue.updated_at,
                Err(_) => true,
            }
        }
    };
    if !newer {
        return;
    }
    if let Some(i) = current {
        state.updates.remove(i);
    }
    state.updates.push(opening.clone());
    state.updates.sort_by(|a, b| a.key().cmp(&b.key()));
    state.title = form.title.clone();
    state.severity = form.severity;
    state.components = form.components.clone();
}

/// What the incident form says.
#[derive(Debug, Clone)]
struct Form {
    title: String,
    severity: Severity,
    components: Vec<String>,
    text: String,
}

/// The `### Heading` sections of an issue form's rendered body, by lower-case heading; an
/// unanswered field (`_No response_`) is empty.
fn form_sections(body: &str) -> BTreeMap<String, String> {
    let mut sections: BTreeMap<String, String> = BTreeMap::new();
    let mut current: Option<(String, Vec<&str>)> = None;
    let body = body.replace("\r\n", "\n");
    let finish = |current: Option<(String, Vec<&str>)>, sections: &mut BTreeMap<String, String>| {
        if let Some((heading, lines)) = current {
            let value = lines.join("\n").trim().to_string();
            let value = if value == "_No response_" {
                String::new()
            } else {
                value
            };
            sections.entry(heading).or_insert(value);
        }
    };
    for line in body.lines() {
        if let Some(heading) = line.strip_prefix("### ") {
            finish(current.take(), &mut sections);
            current = Some((heading.trim().to_lowercase(), Vec::new()));
        } else if let Some((_, lines)) = &mut current {
            lines.push(line);
        }
    }
    finish(current, &mut sections);
    sections
}

fn read_form(config: &Config, issue: &Issue, sections: &BTreeMap<String, String>) -> Result<Form> {
    let number = issue.number;
    let severity_text = sections.get("severity").map(String::as_str).unwrap_or_default();
    // A dropdown may say more after the word (`major - the service is down`).
    let word = severity_text
        .split(|c: char| !c.is_ascii_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or_default()
        .to_lowercase();
    let severity = parse_severity(&word)
        .map_err(|m| Error::Usage(format!("issue #{number}: the form's Severity: {m}")))?;
    let mut components = Vec::new();
    let listed = sections
        .get("components")
        .or_else(|| sections.get("component"))
        .map(String::as_str)
        .unwrap_or_default();
    for item in listed.split([',', '\n']).map(str::trim).filter(|s| !s.is_empty()) {
        if item.eq_ignore_ascii_case("none") {
            continue;
        }
        let found = config
            .components
            .iter()
            .find(|c| c.id == item || c.name.eq_ignore_ascii_case(item));
        match found {
            Some(c) if !components.contains(&c.id) => components.push(c.id.clone()),
            Some(_) => {}
            None => {
                let known: Vec<&str> = config.components.iter().map(|c| c.id.as_str()).collect();
                return Err(Error::Usage(format!(
                    "issue #{number}: the form's Components names `{item}`, which is not a \
                     component (known: {})",
                    known.join(", ")
                )));
            }
        }
    }
    let text = [
        "description",
        "what is happening?",
        "what is happening",
        "details",
        "text",
    ]
    .iter()
    .find_map(|h| sections.get(*h))
    .map(|t| t.trim().to_string())
    .filter(|t| !t.is_empty())
    .unwrap_or_else(|| DEFAULT_TEXT.to_string());
    let title = title_of(&issue.title);
    if title.is_empty() {
        return Err(Error::Usage(format!("issue #{number}: the title is empty")));
    }
    Ok(Form {
        title,
        severity,
        components,
        text,
    })
}

/// The issue's title without the tag an issue form puts in front (`[Incident]: `).
fn title_of(title: &str) -> String {
    let title = title.trim();
    if let Some(rest) = title.strip_prefix('[') {
        if let Some((_, after)) = rest.split_once(']') {
            let after = after.trim_start_matches(':').trim();
            if !after.is_empty() {
                return after.to_string();
            }
        }
    }
    title.to_string()
}

enum Command {
    Update(UpdateStatus, String),
    Resolve(Option<String>),
}

/// The command a comment gives, if its first line starts with one; its text is the rest of
/// that line and every line after it.
fn read_command(body: &str) -> Result<Option<Command>> {
    let body = body.replace("\r\n", "\n");
    let body = body.trim_start();
    let (word, rest) = body.split_once(char::is_whitespace).unwrap_or((body, ""));
    match word {
        "/update" => {
            let rest = rest.trim_start_matches([' ', '\t']);
            let (status, text) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
            let status = parse_update_status(status).map_err(|m| Error::Usage(format!("/update: {m}")))?;
            if status == UpdateStatus::Resolved {
                return Ok(Some(Command::Resolve(non_empty(text))));
            }
            if !UpdateStatus::allowed_for(crate::content::Kind::Incident).contains(&status) {
                return Err(Error::Usage(format!(
                    "/update: status `{}` is for maintenance windows",
                    status.as_str()
                )));
            }
            match non_empty(text) {
                Some(text) => Ok(Some(Command::Update(status, text))),
                None => Err(Error::Usage("/update: the update text is empty".into())),
            }
        }
        "/resolve" => Ok(Some(Command::Resolve(non_empty(rest)))),
        _ => Ok(None),
    }
}

fn non_empty(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_sections_are_read_as_github_renders_them() {
        let body = "### Severity\n\nmajor\n\n### Components\n\nemail, vpn\n\n### Description\n\nMail is down.\n\nSecond paragraph.\n\n### Notes\n\n_No response_";
        let s = form_sections(body);
        assert_eq!(s["severity"], "major");
        assert_eq!(s["components"], "email, vpn");
        assert_eq!(s["description"], "Mail is down.\n\nSecond paragraph.");
        assert_eq!(s["notes"], "");
    }

    #[test]
    fn commands_read_status_and_text() {
        match read_command("/update identified The cause is a full disk.\nMore.").unwrap() {
            Some(Command::Update(UpdateStatus::Identified, text)) => {
                assert_eq!(text, "The cause is a full disk.\nMore.")
            }
            _ => panic!("not an update"),
        }
        assert!(matches!(
            read_command("/resolve").unwrap(),
            Some(Command::Resolve(None))
        ));
        assert!(read_command("thanks! /resolve").unwrap().is_none());
        assert!(read_command("/update fixed it").is_err());
        assert!(read_command("/update monitoring").is_err());
    }

    #[test]
    fn form_tags_leave_the_title() {
        assert_eq!(title_of("[Incident]: Email is down"), "Email is down");
        assert_eq!(title_of("Email is down"), "Email is down");
        assert_eq!(title_of("[x]"), "[x]");
    }
}
