//! `beacon init --ci HOST`: the files that build and publish a site from CI. Each host gets a
//! config or workflow plus `.beacon/install-beacon.sh`, which every template runs (GitHub
//! through the beacon Action) to put `beacon` on PATH: one already there, else the cached
//! binary, else the release archive, else a build from source. The version, the repository
//! and the Action's name come from Cargo.toml, so the files follow releases.
//!
//! GitHub and GitLab also get the ways to post from anywhere (docs/posting.md): a form on the
//! forge (GitHub's "Post to the status page" workflow, GitLab's Run pipeline variables), alerts
//! (a `repository_dispatch` workflow; GitLab's pipeline trigger) and, with `--issues`, incidents
//! from GitHub issues. All of them commit through `.beacon/post.sh`.

use std::path::Path;

/// Where a site is built and published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DeployHost {
    /// GitHub Pages through GitHub Actions.
    Github,
    /// GitLab Pages.
    Gitlab,
    /// Netlify.
    Netlify,
    /// Cloudflare Pages.
    Cloudflare,
}

const INSTALL_SCRIPT: &str = include_str!("deploy_templates/install-beacon.sh");
const GITHUB: &str = include_str!("deploy_templates/github-publish.yml");
const GITLAB: &str = include_str!("deploy_templates/gitlab-ci.yml");
const NETLIFY: &str = include_str!("deploy_templates/netlify.toml");
const CLOUDFLARE: &str = include_str!("deploy_templates/wrangler.toml");
const SCHEDULED_REBUILD: &str = include_str!("deploy_templates/scheduled-rebuild.yml");
const POST_SCRIPT: &str = include_str!("deploy_templates/post.sh");
const GITHUB_POST: &str = include_str!("deploy_templates/github-post.yml");
const GITHUB_ALERT: &str = include_str!("deploy_templates/github-alert.yml");
const GITHUB_ISSUES: &str = include_str!("deploy_templates/github-issues.yml");
const GITHUB_ISSUE_FORM: &str = include_str!("deploy_templates/github-issue-form.yml");

/// The deploy files for `host`: path in the site, text. `site_dir` names the Cloudflare project.
/// `issues` (GitHub only) adds the incident issue form and the workflow that ingests its events.
pub fn deploy_files(host: DeployHost, site_dir: &Path, issues: bool) -> Vec<(String, String)> {
    let fill = |text: &str| {
        text.replace("{{version}}", env!("CARGO_PKG_VERSION"))
            .replace("{{repository}}", env!("CARGO_PKG_REPOSITORY"))
            .replace("{{action}}", action_name())
    };
    // One workflow and one hook secret per host, so a second host is added beside the first.
    let rebuild = |host: &str, host_name: &str| {
        fill(SCHEDULED_REBUILD)
            .replace("{{host}}", host)
            .replace("{{host_name}}", host_name)
            .replace("{{HOST}}", &host.to_ascii_uppercase())
    };
    let mut files = vec![(".beacon/install-beacon.sh".to_string(), fill(INSTALL_SCRIPT))];
    match host {
        DeployHost::Github => {
            files.push((".beacon/post.sh".into(), fill(POST_SCRIPT)));
            files.push((".github/workflows/publish.yml".into(), fill(GITHUB)));
            files.push((".github/workflows/post.yml".into(), fill(GITHUB_POST)));
            files.push((".github/workflows/alert.yml".into(), fill(GITHUB_ALERT)));
            if issues {
                files.push((
                    ".github/ISSUE_TEMPLATE/incident.yml".into(),
                    fill(GITHUB_ISSUE_FORM),
                ));
                files.push((".github/workflows/issues.yml".into(), fill(GITHUB_ISSUES)));
            }
        }
        DeployHost::Gitlab => {
            files.push((".beacon/post.sh".into(), fill(POST_SCRIPT)));
            files.push((".gitlab-ci.yml".into(), fill(GITLAB)));
        }
        DeployHost::Netlify => {
            files.push(("netlify.toml".into(), fill(NETLIFY)));
            files.push((
                ".github/workflows/rebuild-netlify.yml".into(),
                rebuild("netlify", "Netlify"),
            ));
        }
        DeployHost::Cloudflare => {
            files.push((
                "wrangler.toml".into(),
                fill(CLOUDFLARE).replace("{{name}}", &project_name(site_dir)),
            ));
            files.push((
                ".github/workflows/rebuild-cloudflare.yml".into(),
                rebuild("cloudflare", "Cloudflare Pages"),
            ));
        }
    }
    files
}

/// The beacon Action (`action.yml` at the root of the repository): `owner/name` on GitHub.
fn action_name() -> &'static str {
    let repository = env!("CARGO_PKG_REPOSITORY");
    repository
        .strip_prefix("https://github.com/")
        .unwrap_or("beacon-status/beacon")
}

/// A Cloudflare project name from the site's folder: lowercase letters, digits and `-`.
fn project_name(site_dir: &Path) -> String {
    // The folder may not exist yet (a new site); "." needs resolving to have a name.
    let full = std::fs::canonicalize(site_dir).unwrap_or_else(|_| site_dir.to_path_buf());
    let folder = full
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut name = String::new();
    for c in folder.chars() {
        if c.is_ascii_alphanumeric() {
            name.push(c.to_ascii_lowercase());
        } else if !name.ends_with('-') {
            name.push('-');
        }
    }
    let name = name.trim_matches('-');
    if name.is_empty() {
        "status".to_string()
    } else {
        name.to_string()
    }
}
