//! `beacon init`: a new site that builds at once, with the deploy files for one host. The files
//! are compiled in from `init_template/` and `deploy_templates/`; the example incident is dated
//! two days before `now`, so it shows in the uptime bars of the first build. On an existing
//! site, `init --ci` adds only the deploy files.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, NaiveTime, Utc};

use super::deploy::{deploy_files, DeployHost};
use super::write_atomically;
use crate::config::parse_config;
use crate::content::incident::parse_incident;
use crate::error::{Error, Result};
use crate::time::format_time;
use crate::time::{local_date, local_to_utc};

/// The template's files: path in the new site, text.
const TEMPLATE: &[(&str, &str)] = &[
    ("config.toml", include_str!("init_template/config.toml")),
    ("README.md", include_str!("init_template/README.md")),
    (".gitignore", include_str!("init_template/gitignore")),
];

const EXAMPLE_INCIDENT: &str = include_str!("init_template/content/incidents/example.md");

/// What `beacon init` wrote.
#[derive(Debug, Clone)]
pub struct Initialised {
    /// Relative to the new site's folder, in the order written.
    pub files: Vec<PathBuf>,
}

/// Writes a new site into `dir` (created if missing), with the deploy files for `host` (and
/// `issues`, see [`deploy_files`]). Refuses, before writing anything, when any file it would
/// write is already there.
pub fn init_site(dir: &Path, now: DateTime<Utc>, host: DeployHost, issues: bool) -> Result<Initialised> {
    let config_text = TEMPLATE[0].1;
    let config = parse_config(Path::new("config.toml"), config_text)
        .map_err(|_| Error::Usage("the built-in config template does not parse".into()))?;
    let tz = config.timezone;
    let day = local_date(tz, now) - Duration::days(2);
    let at = |hour: u32, minute: u32| {
        let time = NaiveTime::from_hms_opt(hour, minute, 0).expect("a valid time of day");
        // 09:00 to 11:00 exist in every zone on every day; fall back to `now` if one did not.
        local_to_utc(tz, day.and_time(time)).unwrap_or(now)
    };
    let example = EXAMPLE_INCIDENT
        .replace("{{date}}", &format_time(tz, at(9, 10)))
        .replace("{{investigating}}", &format_time(tz, at(9, 25)))
        .replace("{{resolved}}", &format_time(tz, at(10, 40)));
    let example_path = format!(
        "content/incidents/{}/{}-slow-api-responses.md",
        day.format("%Y"),
        day.format("%Y-%m-%d")
    );

    // Like every file an authoring command writes, the example is checked by the parser
    // `check` uses first: near the edge of the accepted range its dates could fall outside it.
    if let Err(problems) = parse_incident(Path::new(&example_path), &example, &config) {
        let all = problems
            .iter()
            .map(|d| d.message.as_str())
            .collect::<Vec<_>>()
            .join("; ");
        return Err(Error::Usage(format!(
            "cannot write a site as of {}: its example incident would not be valid ({all})",
            format_time(tz, now)
        )));
    }

    let mut files: Vec<(String, String)> = TEMPLATE
        .iter()
        .map(|(path, text)| (path.to_string(), text.to_string()))
        .collect();
    files.push((example_path, example));
    files.extend(deploy_files(host, dir, issues));

    let existing: Vec<&str> = files
        .iter()
        .filter(|(path, _)| dir.join(path).exists())
        .map(|(path, _)| path.as_str())
        .collect();
    if !existing.is_empty() {
        return Err(Error::Usage(format!(
            "{} already has {}; beacon init only writes into a new or empty folder",
            dir.display(),
            existing.join(", ")
        )));
    }
    for (path, text) in &files {
        write_atomically(dir, &dir.join(path), text.as_bytes())?;
    }
    Ok(Initialised {
        files: files.into_iter().map(|(path, _)| PathBuf::from(path)).collect(),
    })
}

/// Adds the deploy files for `host` to the existing site in `dir`, touching nothing else. A file
/// already there with exactly the text it would get is left alone (another host's templates
/// share `.beacon/install-beacon.sh`); any other file in the way is refused, before anything is
/// written, because it is the user's.
pub fn add_deploy_files(dir: &Path, host: DeployHost, issues: bool) -> Result<Initialised> {
    let mut to_write = Vec::new();
    let mut in_the_way = Vec::new();
    for (path, text) in deploy_files(host, dir, issues) {
        match std::fs::read(dir.join(&path)) {
            Ok(existing) if existing == text.as_bytes() => {}
            Ok(_) => in_the_way.push(path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => to_write.push((path, text)),
            Err(e) => return Err(Error::io(dir.join(&path), e)),
        }
    }
    if !in_the_way.is_empty() {
        return Err(Error::Usage(format!(
            "{} already has {}; beacon init --ci never overwrites a file (move it aside to get the template)",
            dir.display(),
            in_the_way.join(", ")
        )));
    }
    for (path, text) in &to_write {
        write_atomically(dir, &dir.join(path), text.as_bytes())?;
    }
    Ok(Initialised {
        files: to_write
            .into_iter()
            .map(|(path, _)| PathBuf::from(path))
            .collect(),
    })
}
