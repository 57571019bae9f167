//! `beacon init`: a new site that builds at once. The files are compiled in from
//! `init_template/`; the example incident is dated two days before `now`, so it shows in the
//! uptime bars of the first build.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, NaiveTime, Utc};

use super::{format_time, write_atomically};
use crate::config::parse_config;
use crate::content::incident::parse_incident;
use crate::error::{Error, Result};
use crate::time::{local_date, local_to_utc};

/// The template's files: path in the new site, text.
const TEMPLATE: &[(&str, &str)] = &[
    ("config.toml", include_str!("init_template/config.toml")),
    ("README.md", include_str!("init_template/README.md")),
    (".gitignore", include_str!("init_template/gitignore")),
    (
        ".github/workflows/publish.yml",
        include_str!("init_template/.github/workflows/publish.yml"),
    ),
];

const EXAMPLE_INCIDENT: &str = include_str!("init_template/content/incidents/example.md");

/// What `beacon init` wrote.
#[derive(Debug, Clone)]
pub struct Initialised {
    /// Relative to the new site's folder, in the order written.
    pub files: Vec<PathBuf>,
}

/// Writes a new site into `dir` (created if missing). Refuses, before writing anything, when
/// any file it would write is already there.
pub fn init_site(dir: &Path, now: DateTime<Utc>) -> Result<Initialised> {
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
        write_atomically(&dir.join(path), text.as_bytes())?;
    }
    Ok(Initialised {
        files: files.into_iter().map(|(path, _)| PathBuf::from(path)).collect(),
    })
}
