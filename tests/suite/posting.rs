//! Posting from the forge (docs/posting.md): `update --latest` and `resolve --latest`, the
//! "Post to the status page" workflow and GitLab's post job run as their CI runs them (their
//! own scripts, read from the YAML `beacon init` writes, with the variables the CI would set)
//! against a site in a git repository with a bare `origin`, and the issue form and the
//! workflows that ingest issue events and alerts. actionlint and gitlab-ci-local read the same
//! files in `scripts/check-deploy-templates.sh`.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use serde_norway::Value;

use crate::common::{snapshot, Run, TestSite};
use crate::deploy::git;

const NOW: &str = "2026-03-04T12:00:00Z";

const INCIDENT: &str = "+++\ntitle = \"{title}\"\ndate = {date}\nseverity = \"major\"\n{more}+++\n";

fn incident(title: &str, date: &str, more: &str) -> String {
    INCIDENT
        .replace("{title}", title)
        .replace("{date}", date)
        .replace("{more}", more)
}

#[test]
fn update_and_resolve_latest_post_to_the_open_incident_that_began_last() {
    let site = TestSite::new();
    site.write(
        "content/incidents/old.md",
        incident("Old", "2026-03-01T10:00:00Z", "resolved = 2026-03-01T11:00:00Z\n"),
    );
    site.write(
        "content/incidents/earlier.md",
        incident("Earlier", "2026-03-02T10:00:00Z", ""),
    );
    site.write(
        "content/incidents/later.md",
        incident("Later", "2026-03-03T10:00:00Z", ""),
    );
    // Not candidates: a draft, one that begins after now, and a maintenance window.
    site.write(
        "content/incidents/draft.md",
        incident("Draft", "2026-03-03T11:00:00Z", "draft = true\n"),
    );
    site.write(
        "content/incidents/future.md",
        incident("Future", "2026-03-05T10:00:00Z", ""),
    );
    site.write(
        "content/incidents/window.md",
        "+++\ntitle = \"Window\"\nkind = \"maintenance\"\ndate = 2026-03-04T11:00:00Z\nend = 2026-03-04T13:00:00Z\n+++\n",
    );

    let run = site.beacon(&[
        "update",
        "--latest",
        "--status",
        "identified",
        "Found it.",
        "--now",
        NOW,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("later.md"), "{}", run.stdout);
    assert!(site.read("content/incidents/later.md").contains("Found it."));

    let run = site.beacon(&["resolve", "--latest", "Fixed.", "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("\"Later\""), "{}", run.stdout);
    let later = site.read("content/incidents/later.md");
    assert!(later.contains("resolved = 2026-03-04T07:00:00-05:00"), "{later}");
    assert!(later.contains("text = \"Fixed.\""), "{later}");

    // Now the earlier one is the latest open incident; resolve takes its default text.
    let run = site.beacon(&["resolve", "--latest", "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site
        .read("content/incidents/earlier.md")
        .contains("This incident has been resolved."));

    // None is open: a clear error, and nothing written.
    let before = snapshot(site.root());
    for args in [
        &["update", "--latest", "--status", "identified", "x", "--now", NOW][..],
        &["resolve", "--latest", "--now", NOW][..],
    ] {
        let run = site.beacon(args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stdout);
        assert!(run.stderr.contains("there is no open incident"), "{}", run.stderr);
    }
    assert_eq!(snapshot(site.root()), before);

    // A slug and --latest together are refused, as is a slug and text with --latest.
    let run = site.beacon(&["update", "later", "--latest", "--status", "update", "x"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    let run = site.beacon(&["resolve", "--latest", "later", "text"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr.contains("with --latest give only the text"),
        "{}",
        run.stderr
    );
    assert_eq!(snapshot(site.root()), before);
}

#[test]
fn latest_refuses_a_broken_incident_file_rather_than_skip_it() {
    let site = TestSite::new();
    site.write(
        "content/incidents/open.md",
        incident("Open", "2026-03-02T10:00:00Z", ""),
    );
    site.write("content/incidents/broken.md", "+++\ntitle = \"Broken\"\n+++\n");
    let before = snapshot(site.root());
    let run = site.beacon(&["update", "--latest", "--status", "identified", "x", "--now", NOW]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stderr.contains("broken.md:"), "{}", run.stderr);
    assert_eq!(snapshot(site.root()), before);
}

#[test]
fn new_incident_takes_the_first_updates_text() {
    let site = TestSite::new();
    let run = site.beacon(&[
        "new",
        "incident",
        "Mail is slow",
        "--text",
        "Mail arrives late.",
        "--now",
        NOW,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let path = run.stdout.trim().trim_start_matches("created ").to_string();
    let text = std::fs::read_to_string(site.root().join(&path)).expect("the new file");
    assert!(text.contains("text = \"Mail arrives late.\""), "{text}");
    assert!(text.contains("status = \"investigating\""), "{text}");
}

/// A site made by `beacon init` with `init_args`, committed in a repository with a bare
/// `origin` on `main`. Returns the site and the origin.
fn site_in_a_repo(init_args: &[&str]) -> (TestSite, tempfile::TempDir) {
    let site = TestSite {
        dir: tempfile::tempdir().expect("temp dir"),
    };
    let mut args = vec!["init", "--now", NOW];
    args.extend_from_slice(init_args);
    let run = site.beacon(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let origin = tempfile::tempdir().expect("temp dir");
    git(origin.path(), &["init", "-q", "--bare", "-b", "main"]);
    // GitLab's jobs push with `-o ci.skip`; a bare repository takes push options only when told.
    git(origin.path(), &["config", "receive.advertisePushOptions", "true"]);
    git(site.root(), &["init", "-q", "-b", "main"]);
    git(site.root(), &["add", "-A"]);
    git(site.root(), &["commit", "-qm", "status page"]);
    let origin_path = origin.path().to_str().expect("utf-8 path");
    git(site.root(), &["remote", "add", "origin", origin_path]);
    git(site.root(), &["push", "-q", "origin", "main"]);
    (site, origin)
}

fn yaml(site: &TestSite, path: &str) -> Value {
    serde_norway::from_str(&site.read(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn text_of(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

/// The step of `job` named `name` in a workflow: its `run` script and its `env`, as written.
fn step(workflow: &Value, job: &str, name: &str) -> (String, Vec<(String, String)>) {
    let steps = workflow["jobs"][job]["steps"].as_sequence().expect("steps");
    let step = steps
        .iter()
        .find(|s| s["name"].as_str() == Some(name))
        .unwrap_or_else(|| panic!("no step {name:?} in job {job}"));
    let env = step["env"]
        .as_mapping()
        .map(|m| m.iter().map(|(k, v)| (text_of(k), text_of(v))).collect())
        .unwrap_or_default();
    (step["run"].as_str().expect("a run script").to_string(), env)
}

/// A value of a step's `env` as GitHub fills it in: `${{ inputs.NAME }}` from the form (the
/// input's default when not given, else empty), `${{ github.ref_name }}` the branch.
fn github_value(
    value: &str,
    inputs: &BTreeMap<String, String>,
    defaults: &BTreeMap<String, String>,
) -> String {
    let Some(expression) = value
        .trim()
        .strip_prefix("${{")
        .and_then(|v| v.strip_suffix("}}"))
    else {
        assert!(!value.contains("${{"), "an expression inside a value: {value}");
        return value.to_string();
    };
    let expression = expression.trim();
    if let Some(name) = expression.strip_prefix("inputs.") {
        return inputs
            .get(name)
            .or_else(|| defaults.get(name))
            .cloned()
            .unwrap_or_default();
    }
    match expression {
        "github.ref_name" | "github.event.repository.default_branch" => "main".to_string(),
        other => panic!("the test does not know {other}"),
    }
}

/// Runs `script` with bash as a CI runner would: in `dir`, with this build's beacon first on
/// PATH, a HOME of its own (no git identity), and only `env` besides.
fn run_in(dir: &Path, home: &Path, script: &str, env: &[(String, String)]) -> Run {
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_beacon")).parent().expect("bin dir");
    let output = Command::new("bash")
        .args(["-e", "-c", script])
        .current_dir(dir)
        .env_clear()
        .env("PATH", format!("{}:/usr/bin:/bin", bin_dir.display()))
        .env("HOME", home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .output()
        .expect("run bash");
    Run::from(output)
}

/// The workflow_dispatch inputs of post.yml with their defaults.
fn dispatch_defaults(workflow: &Value) -> BTreeMap<String, String> {
    workflow["on"]["workflow_dispatch"]["inputs"]
        .as_mapping()
        .expect("workflow_dispatch inputs")
        .iter()
        .map(|(k, v)| (text_of(k), text_of(&v["default"])))
        .collect()
}

/// Runs post.yml's Post step in `dir` with the form filled in as `inputs`. Returns the run
/// and what the step wrote to GITHUB_OUTPUT.
fn run_post_step(dir: &Path, inputs: &[(&str, &str)]) -> (Run, String) {
    let workflow: Value = serde_norway::from_str(
        &std::fs::read_to_string(dir.join(".github/workflows/post.yml")).expect("post.yml"),
    )
    .expect("post.yml parses");
    let defaults = dispatch_defaults(&workflow);
    let inputs: BTreeMap<String, String> = inputs
        .iter()
        .map(|(k, v)| {
            assert!(defaults.contains_key(*k), "post.yml has no input {k}");
            (k.to_string(), v.to_string())
        })
        .collect();
    let (script, env) = step(&workflow, "post", "Post");
    let home = tempfile::tempdir().expect("temp dir");
    let output = home.path().join("github-output");
    let mut env: Vec<(String, String)> = env
        .into_iter()
        .map(|(k, v)| {
            let value = github_value(&v, &inputs, &defaults);
            (k, value)
        })
        .collect();
    env.push(("GITHUB_OUTPUT".into(), output.display().to_string()));
    let run = run_in(dir, home.path(), &script, &env);
    (run, std::fs::read_to_string(&output).unwrap_or_default())
}

/// The last commit on origin's `main`: its message and the incident files it changed.
fn last_post(origin: &Path) -> (String, Vec<String>) {
    let message = git(origin, &["log", "-1", "--format=%s", "main"]);
    let files = git(origin, &["show", "--name-only", "--format=", "main"]);
    (
        message.trim().to_string(),
        files
            .lines()
            .filter(|f| f.starts_with("content/incidents/"))
            .map(str::to_string)
            .collect(),
    )
}

fn stem(path: &str) -> String {
    Path::new(path)
        .file_stem()
        .expect("a file name")
        .to_string_lossy()
        .into_owned()
}

fn on_origin(origin: &Path, path: &str) -> String {
    git(origin, &["show", &format!("main:{path}")])
}

// post.yml's Post step, run as the runner runs it, for each action the form offers: each
// leaves the expected Markdown file, committed and pushed with a message naming the action.
#[test]
fn post_workflow_posts_each_action_and_commits_it() {
    let (site, origin) = site_in_a_repo(&["--ci", "github"]);
    let origin = origin.path();
    let commits = |origin: &Path| git(origin, &["rev-list", "--count", "main"]).trim().to_string();

    // A new incident.
    let (run, output) = run_post_step(
        site.root(),
        &[
            ("action", "new incident"),
            ("title", "Email is down"),
            ("severity", "partial"),
            ("components", "email, website"),
            ("text", "Mail does not arrive."),
        ],
    );
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(output.contains("pushed=true"), "{output}");
    let (message, files) = last_post(origin);
    assert_eq!(files.len(), 1, "{files:?}");
    let email = files[0].clone();
    let email_slug = stem(&email);
    assert!(email_slug.ends_with("-email-is-down"), "{email_slug}");
    assert_eq!(
        message,
        format!("Post to status page: new incident {email_slug} (partial)")
    );
    let text = on_origin(origin, &email);
    for needle in [
        "title = \"Email is down\"",
        "severity = \"partial\"",
        "components = [\"email\", \"website\"]",
        "text = \"Mail does not arrive.\"",
    ] {
        assert!(text.contains(needle), "{needle} in {text}");
    }

    // An update to the latest open incident (the form's incident left empty).
    let (run, _) = run_post_step(
        site.root(),
        &[
            ("action", "update"),
            ("status", "identified"),
            ("text", "A disk filled up."),
        ],
    );
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let (message, files) = last_post(origin);
    assert_eq!(
        message,
        format!("Post to status page: update {email_slug} (identified)")
    );
    assert_eq!(files, std::slice::from_ref(&email));
    assert!(on_origin(origin, &email).contains("text = \"A disk filled up.\""));

    // A second incident, then an update to the first one by its slug.
    let (run, _) = run_post_step(
        site.root(),
        &[
            ("action", "new incident"),
            ("title", "API errors"),
            ("components", "api"),
        ],
    );
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let (message, files) = last_post(origin);
    let api = files[0].clone();
    let api_slug = stem(&api);
    // The severity input's default.
    assert_eq!(
        message,
        format!("Post to status page: new incident {api_slug} (major)")
    );
    let (run, _) = run_post_step(
        site.root(),
        &[
            ("action", "update"),
            ("incident", email_slug.as_str()),
            ("status", "monitoring"),
            ("text", "Mail flows again."),
        ],
    );
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(
        last_post(origin),
        (
            format!("Post to status page: update {email_slug} (monitoring)"),
            vec![email.clone()]
        )
    );

    // Resolve the API incident by slug, then the one left open with the form's defaults.
    let (run, _) = run_post_step(
        site.root(),
        &[
            ("action", "resolve"),
            ("incident", api_slug.as_str()),
            ("text", "Fixed."),
        ],
    );
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(
        last_post(origin).0,
        format!("Post to status page: resolve {api_slug}")
    );
    assert!(on_origin(origin, &api).contains("resolved = "));
    let (run, _) = run_post_step(site.root(), &[("action", "resolve")]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(
        last_post(origin).0,
        format!("Post to status page: resolve {email_slug}")
    );
    assert!(on_origin(origin, &email).contains("This incident has been resolved."));

    // Nothing is open now: the update fails with beacon's message, and nothing is pushed.
    let before = commits(origin);
    let (run, output) = run_post_step(site.root(), &[("action", "update"), ("text", "x")]);
    assert_ne!(run.code, 0, "{}", run.stdout);
    assert!(run.stderr.contains("there is no open incident"), "{}", run.stderr);
    assert!(!output.contains("pushed"), "{output}");
    assert_eq!(commits(origin), before);

    // A maintenance window.
    let (run, _) = run_post_step(
        site.root(),
        &[
            ("action", "new maintenance"),
            ("title", "Database upgrade"),
            ("components", "api"),
            ("start", "2030-01-01 22:00"),
            ("end", "2030-01-01 23:30"),
        ],
    );
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let (message, files) = last_post(origin);
    let window = on_origin(origin, &files[0]);
    assert_eq!(
        message,
        format!("Post to status page: new maintenance {}", stem(&files[0]))
    );
    assert!(window.contains("kind = \"maintenance\""), "{window}");
    assert!(window.contains("end = 2030-01-01T23:30:00+00:00"), "{window}");

    // The site as pushed is valid.
    git(site.root(), &["reset", "-q", "--hard", "origin/main"]);
    let run = site.beacon(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

// What is typed into the form is text, never a command: the inputs reach the shell only as
// variables, and no `run:` of any workflow init writes holds a `${{ }}` expression.
#[test]
fn post_workflow_inputs_never_run_as_commands() {
    let (site, origin) = site_in_a_repo(&["--ci", "github", "--issues"]);
    let title = "$(touch pwned) `touch pwned` \"quoted\" ; touch pwned";
    let (run, _) = run_post_step(
        site.root(),
        &[
            ("action", "new incident"),
            ("title", title),
            ("text", "$(touch pwned)"),
        ],
    );
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(!site.path("pwned").exists(), "a form field ran as a command");
    let (_, files) = last_post(origin.path());
    let text = on_origin(origin.path(), &files[0]);
    let front = text.split("+++").nth(1).expect("front matter");
    let front: toml::Table = toml::from_str(front).expect("front matter parses");
    assert_eq!(front["title"].as_str(), Some(title), "{text}");
    assert_eq!(
        front["updates"][0]["text"].as_str(),
        Some("$(touch pwned)"),
        "{text}"
    );

    for workflow in ["post", "alert", "issues", "publish"] {
        let path = format!(".github/workflows/{workflow}.yml");
        let parsed = yaml(&site, &path);
        let mut runs = 0;
        for (_, job) in parsed["jobs"].as_mapping().expect("jobs") {
            for step in job["steps"].as_sequence().into_iter().flatten() {
                if let Some(script) = step["run"].as_str() {
                    runs += 1;
                    // publish.yml's Build step takes a step output, no user text.
                    let allowed = script.replace("${{ steps.pages.outputs.base_url }}", "");
                    assert!(
                        !allowed.contains("${{"),
                        "{path}: an expression in a script: {script}"
                    );
                }
            }
        }
        assert!(runs > 0, "{path} runs nothing");
    }
}

// Two posts at once from two checkouts: the second push is refused, and post.sh makes its edit
// again on top of the first one's commit, so both updates land.
#[test]
fn two_posts_racing_both_land() {
    let (site, origin) = site_in_a_repo(&["--ci", "github"]);
    let (run, _) = run_post_step(site.root(), &[("action", "new incident"), ("title", "Outage")]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let (_, files) = last_post(origin.path());
    let clones: Vec<tempfile::TempDir> = (0..2)
        .map(|_| {
            let clone = tempfile::tempdir().expect("temp dir");
            let from = origin.path().to_str().expect("utf-8 path");
            git(clone.path(), &["clone", "-q", from, "."]);
            clone
        })
        .collect();
    let threads: Vec<_> = clones
        .iter()
        .enumerate()
        .map(|(i, clone)| {
            let dir = clone.path().to_path_buf();
            std::thread::spawn(move || {
                let text = format!("Update number {i}.");
                run_post_step(
                    &dir,
                    &[
                        ("action", "update"),
                        ("status", "update"),
                        ("text", text.as_str()),
                    ],
                )
            })
        })
        .collect();
    for thread in threads {
        let (run, _) = thread.join().expect("thread");
        assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    }
    let text = on_origin(origin.path(), &files[0]);
    for i in 0..2 {
        assert!(text.contains(&format!("Update number {i}.")), "{text}");
    }
    assert_eq!(git(origin.path(), &["rev-list", "--count", "main"]).trim(), "4");
}

/// GitLab's top-level variables: name, default value and the choices the form offers.
fn gitlab_variables(ci: &Value) -> BTreeMap<String, (String, Vec<String>)> {
    ci["variables"]
        .as_mapping()
        .expect("variables")
        .iter()
        .map(|(k, v)| {
            assert!(v["description"].as_str().is_some(), "{k:?} has no description");
            let options = v["options"]
                .as_sequence()
                .map(|o| o.iter().map(text_of).collect())
                .unwrap_or_default();
            (text_of(k), (text_of(&v["value"]), options))
        })
        .collect()
}

fn script_lines(job: &Value, key: &str) -> Vec<String> {
    job[key]
        .as_sequence()
        .unwrap_or_else(|| panic!("no {key}"))
        .iter()
        .map(text_of)
        .collect()
}

// The Run pipeline form and the post job, run as a shell runner runs it (before_script, then
// script, in one shell), with the variables GitLab sets for a pipeline run from the web.
#[test]
fn gitlab_post_job_posts_from_the_run_pipeline_form_and_pushes() {
    let (site, origin) = site_in_a_repo(&["--ci", "gitlab"]);
    let ci = yaml(&site, ".gitlab-ci.yml");
    let variables = gitlab_variables(&ci);
    let (action, actions) = &variables["POST_ACTION"];
    assert_eq!(action, "build only");
    // The same choices as GitHub's form.
    let github = {
        let (github_site, _) = site_in_a_repo(&["--ci", "github"]);
        yaml(&github_site, ".github/workflows/post.yml")
    };
    let choices = |input: &str| -> Vec<String> {
        let mut c: Vec<String> = github["on"]["workflow_dispatch"]["inputs"][input]["options"]
            .as_sequence()
            .expect("options")
            .iter()
            .map(text_of)
            .collect();
        c.sort();
        c
    };
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    let mut gitlab_actions = actions.clone();
    gitlab_actions.retain(|a| a != "build only");
    assert_eq!(sorted(gitlab_actions), choices("action"));
    assert_eq!(sorted(variables["POST_SEVERITY"].1.clone()), choices("severity"));
    assert_eq!(sorted(variables["POST_STATUS"].1.clone()), choices("status"));

    let post = &ci["post"];
    assert_eq!(post["extends"].as_str(), Some(".beacon-post"));
    let rule = post["rules"][0]["if"].as_str().expect("a rule");
    assert!(rule.contains("$CI_PIPELINE_SOURCE == \"web\""), "{rule}");
    let alert_rule = ci["alert"]["rules"][0]["if"].as_str().expect("a rule");
    assert!(
        alert_rule.contains("$CI_PIPELINE_SOURCE == \"trigger\""),
        "{alert_rule}"
    );
    assert!(alert_rule.contains("$TRIGGER_PAYLOAD"), "{alert_rule}");
    assert_eq!(ci[".beacon-post"]["stage"].as_str(), Some(".pre"));

    let mut lines = script_lines(&ci[".beacon-post"], "before_script");
    lines.extend(script_lines(post, "script"));
    let script = lines.join("\n");
    let home = tempfile::tempdir().expect("temp dir");
    let mut env: Vec<(String, String)> = variables
        .iter()
        .map(|(k, (value, _))| (k.clone(), value.clone()))
        .collect();
    let origin_path = origin.path().display().to_string();
    for (k, v) in [
        ("CI_PIPELINE_SOURCE", "web"),
        ("CI_COMMIT_BRANCH", "main"),
        ("CI_DEFAULT_BRANCH", "main"),
        ("CI_SERVER_HOST", "gitlab.example.com"),
        ("CI_PROJECT_PATH", "status/page"),
    ] {
        env.push((k.into(), v.into()));
    }
    let set = |env: &mut Vec<(String, String)>, key: &str, value: &str| {
        env.retain(|(k, _)| k != key);
        env.push((key.into(), value.into()));
    };

    // Without a push token the job fails at once and writes nothing.
    set(&mut env, "POST_ACTION", "new incident");
    set(&mut env, "POST_TITLE", "VPN is down");
    let before = snapshot(site.root());
    let run = run_in(site.root(), home.path(), &script, &env);
    assert_ne!(run.code, 0, "{}", run.stdout);
    assert!(run.stdout.contains("BEACON_PUSH_TOKEN"), "{}", run.stdout);
    assert_eq!(snapshot(site.root()), before);

    set(&mut env, "BEACON_PUSH_URL", &origin_path);
    set(&mut env, "POST_SEVERITY", "degraded");
    set(&mut env, "POST_COMPONENTS", "website");
    let run = run_in(site.root(), home.path(), &script, &env);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let (message, files) = last_post(origin.path());
    let slug = stem(&files[0]);
    assert_eq!(
        message,
        format!("Post to status page: new incident {slug} (degraded)")
    );
    // Committed as the job says, not as whoever the runner is.
    let author = git(origin.path(), &["log", "-1", "--format=%an <%ae>", "main"]);
    assert_eq!(author.trim(), "beacon post <beacon-post@gitlab.example.com>");

    set(&mut env, "POST_ACTION", "resolve");
    set(&mut env, "POST_TEXT", "The VPN is back.");
    let run = run_in(site.root(), home.path(), &script, &env);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(
        last_post(origin.path()).0,
        format!("Post to status page: resolve {slug}")
    );
    assert!(on_origin(origin.path(), &files[0]).contains("The VPN is back."));
}

#[test]
fn issues_adds_an_issue_form_and_a_workflow_that_ingests_its_events() {
    let (site, _origin) = site_in_a_repo(&["--ci", "github", "--issues"]);
    let form = yaml(&site, ".github/ISSUE_TEMPLATE/incident.yml");
    let labels: Vec<String> = form["body"]
        .as_sequence()
        .expect("body")
        .iter()
        .filter(|item| item["type"].as_str() != Some("markdown"))
        .map(|item| text_of(&item["attributes"]["label"]))
        .collect();
    // What `beacon ingest github` reads from the rendered body (`### Label`).
    assert_eq!(labels, ["Severity", "Components", "Description"]);
    let severities = &form["body"][1]["attributes"]["options"];
    for severity in severities.as_sequence().expect("options") {
        let run = site.beacon(&[
            "new",
            "incident",
            "x",
            "--severity",
            &text_of(severity),
            "--now",
            NOW,
        ]);
        assert_eq!(run.code, 0, "{severity:?}: {}", run.stderr);
    }
    assert_eq!(form["labels"][0].as_str(), Some("incident"));

    let workflow = yaml(&site, ".github/workflows/issues.yml");
    assert_eq!(
        workflow["on"]["issues"]["types"],
        serde_norway::from_str::<Value>("[opened, edited, closed]").unwrap()
    );
    assert_eq!(
        workflow["on"]["issue_comment"]["types"],
        serde_norway::from_str::<Value>("[created]").unwrap()
    );
    let job = &workflow["jobs"]["ingest"];
    assert!(job["if"].as_str().unwrap_or("").contains("'incident'"));
    assert!(job["concurrency"]["group"].as_str().is_some());
    assert_eq!(job["concurrency"]["cancel-in-progress"].as_bool(), Some(false));
    let (script, _) = step(&workflow, "ingest", "Ingest");
    assert_eq!(
        script.trim(),
        "bash .beacon/post.sh ingest github \"$GITHUB_EVENT_PATH\""
    );
    let publish = &workflow["jobs"]["publish"];
    assert_eq!(publish["uses"].as_str(), Some("./.github/workflows/publish.yml"));
    let called = yaml(&site, ".github/workflows/publish.yml");
    assert!(called["on"]
        .as_mapping()
        .expect("on")
        .contains_key("workflow_call"));
}

#[test]
fn issues_is_for_github_and_never_overwrites_a_users_form() {
    let site = TestSite::new();
    let run = site.beacon(&["init", "--ci", "gitlab", "--issues"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stderr.contains("--issues"), "{}", run.stderr);

    site.write(".github/ISSUE_TEMPLATE/incident.yml", "# mine\n");
    let before = snapshot(site.root());
    let run = site.beacon(&["init", "--issues"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr
            .contains("already has .github/ISSUE_TEMPLATE/incident.yml"),
        "{}",
        run.stderr
    );
    assert_eq!(snapshot(site.root()), before, "init --issues wrote something");

    // Without the user's file in the way, --issues alone adds GitHub's files and the form.
    std::fs::remove_file(site.path(".github/ISSUE_TEMPLATE/incident.yml")).expect("remove");
    let run = site.beacon(&["init", "--issues"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for file in [
        ".github/ISSUE_TEMPLATE/incident.yml",
        ".github/workflows/issues.yml",
        ".github/workflows/post.yml",
        ".beacon/post.sh",
    ] {
        assert!(site.path(file).is_file(), "{file}");
    }
}

/// The test site (with the components the recorded payloads name) with GitHub's files and the
/// issue workflows, committed in a repository with a bare `origin` on `main`.
fn issue_site_in_a_repo() -> (TestSite, tempfile::TempDir) {
    let site = TestSite::new();
    let run = site.beacon(&["init", "--ci", "github", "--issues"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    site.write(
        "config.toml",
        format!(
            "{}\n[[alert]]\nmatch = {{ alertname = \"EmailDown\" }}\ncomponents = [\"email\"]\nseverity = \"major\"\n",
            site.read("config.toml")
        ),
    );
    let origin = tempfile::tempdir().expect("temp dir");
    git(origin.path(), &["init", "-q", "--bare", "-b", "main"]);
    git(site.root(), &["init", "-q", "-b", "main"]);
    git(site.root(), &["add", "-A"]);
    git(site.root(), &["commit", "-qm", "status page"]);
    git(
        site.root(),
        &["remote", "add", "origin", origin.path().to_str().expect("utf-8")],
    );
    git(site.root(), &["push", "-q", "origin", "main"]);
    (site, origin)
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// Runs the Ingest step of `workflow` (issues.yml or alert.yml) as the runner runs it, with
/// the event file GitHub writes in GITHUB_EVENT_PATH. Returns the run and GITHUB_OUTPUT.
fn run_ingest_step(site: &TestSite, workflow: &str, event: &Path) -> (Run, String) {
    let parsed = yaml(site, &format!(".github/workflows/{workflow}"));
    let (script, env) = step(&parsed, "ingest", "Ingest");
    let home = tempfile::tempdir().expect("temp dir");
    let output = home.path().join("github-output");
    let none = BTreeMap::new();
    let mut env: Vec<(String, String)> = env
        .into_iter()
        .map(|(k, v)| {
            let value = github_value(&v, &none, &none);
            (k, value)
        })
        .collect();
    env.push(("GITHUB_OUTPUT".into(), output.display().to_string()));
    env.push(("GITHUB_EVENT_PATH".into(), event.display().to_string()));
    env.push(("RUNNER_TEMP".into(), home.path().display().to_string()));
    let run = run_in(site.root(), home.path(), &script, &env);
    (run, std::fs::read_to_string(&output).unwrap_or_default())
}

// issues.yml's Ingest step on recorded events: a member's issue opens an incident, a member's
// `/update` comment adds to it, closing the issue resolves it, each committed and pushed; a
// stranger's issue changes nothing, and the log says why.
#[test]
fn issues_workflow_posts_a_members_events_and_logs_a_strangers() {
    let (site, origin) = issue_site_in_a_repo();
    let commits = || {
        git(origin.path(), &["rev-list", "--count", "main"])
            .trim()
            .to_string()
    };

    let (run, output) = run_ingest_step(
        &site,
        "issues.yml",
        Path::new(&fixture("ingest/github-issue-opened-stranger.json")),
    );
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("ignored:"), "{}", run.stdout);
    assert!(run.stdout.contains("author_association"), "{}", run.stdout);
    assert!(!output.contains("pushed"), "{output}");
    assert_eq!(commits(), "1");

    let (run, output) = run_ingest_step(
        &site,
        "issues.yml",
        Path::new(&fixture("ingest/github-issue-opened.json")),
    );
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(output.contains("pushed=true"), "{output}");
    let (message, files) = last_post(origin.path());
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(
        message,
        format!("Post to status page: ingest github {}", stem(&files[0]))
    );
    let incident = files[0].clone();

    for (event, needle) in [
        ("ingest/github-comment-member.json", "status = \"identified\""),
        ("ingest/github-issue-closed.json", "resolved = "),
    ] {
        let (run, _) = run_ingest_step(&site, "issues.yml", Path::new(&fixture(event)));
        assert_eq!(run.code, 0, "{event}: {}\n{}", run.stdout, run.stderr);
        assert_eq!(
            last_post(origin.path()).1,
            std::slice::from_ref(&incident),
            "{event}"
        );
        assert!(on_origin(origin.path(), &incident).contains(needle), "{event}");
    }
    // A replay changes nothing and pushes nothing.
    let before = commits();
    let (run, output) = run_ingest_step(
        &site,
        "issues.yml",
        Path::new(&fixture("ingest/github-comment-member.json")),
    );
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(!output.contains("pushed"), "{output}");
    assert_eq!(commits(), before);
}

// alert.yml's Ingest step on a repository_dispatch event as the relay of docs/posting.md sends
// it: the Alertmanager payload under client_payload.payload opens the incident its rule names.
#[test]
fn alert_workflow_ingests_the_payload_a_relay_dispatches() {
    let (site, origin) = issue_site_in_a_repo();
    let payload: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(fixture("posting/alertmanager-firing.json")).expect("payload"),
    )
    .expect("the payload parses");
    let event = serde_json::json!({
        "action": "alert",
        "branch": "main",
        "client_payload": { "payload": payload },
        "repository": { "default_branch": "main", "full_name": "you/status" },
    });
    let dir = tempfile::tempdir().expect("temp dir");
    let event_path = dir.path().join("event.json");
    std::fs::write(&event_path, event.to_string()).expect("write");
    let (run, output) = run_ingest_step(&site, "alert.yml", &event_path);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(output.contains("pushed=true"), "{output}");
    let (message, files) = last_post(origin.path());
    assert!(
        message.starts_with("Post to status page: ingest alertmanager "),
        "{message}"
    );
    let text = on_origin(origin.path(), &files[0]);
    assert!(text.contains("Email is not delivered"), "{text}");
    assert!(text.contains("components = [\"email\"]"), "{text}");
}
