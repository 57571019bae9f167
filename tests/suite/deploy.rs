//! `beacon init --ci HOST`: the deploy files it writes, that it adds only those to an existing
//! site and never overwrites a user's file, and that the install script the templates call
//! uses a `beacon` already on PATH. actionlint and gitlab-ci-local read the same files in
//! `scripts/check-deploy-templates.sh` (run by .ci/run).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use crate::common::{snapshot, Run, TestSite};
use crate::notify::static_host;

const NOW: &str = "2026-03-04T12:00:00Z";

fn files_of(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    snapshot(dir).into_iter().collect()
}

#[test]
fn each_host_gets_its_files_on_a_new_site_that_builds() {
    let cases: [(&str, &[&str]); 4] = [
        ("github", &[".github/workflows/publish.yml"]),
        ("gitlab", &[".gitlab-ci.yml"]),
        (
            "netlify",
            &["netlify.toml", ".github/workflows/rebuild-netlify.yml"],
        ),
        (
            "cloudflare",
            &["wrangler.toml", ".github/workflows/rebuild-cloudflare.yml"],
        ),
    ];
    for (host, expected) in cases {
        let site = TestSite {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        let run = site.beacon(&["init", "--now", NOW, "--ci", host]);
        assert_eq!(run.code, 0, "{host}: {}", run.stderr);
        for file in expected
            .iter()
            .chain(&[".beacon/install-beacon.sh", "config.toml"])
        {
            assert!(site.path(file).is_file(), "{host}: {file} missing");
        }
        for file in expected.iter().chain(&[".beacon/install-beacon.sh"]) {
            // `${{ ... }}` is GitHub's expression syntax; a bare `{{` is ours, left unfilled.
            let text = site.read(file).replace("${{", "");
            assert!(!text.contains("{{"), "{host}: a placeholder was left in {file}");
        }
        site.build_at(NOW);
        assert!(site.path("public/index.html").is_file(), "{host}");
    }
}

#[test]
fn github_workflow_runs_on_push_schedule_and_by_hand_and_deploys_pages() {
    let site = TestSite {
        dir: tempfile::tempdir().expect("temp dir"),
    };
    assert_eq!(site.beacon(&["init", "--now", NOW, "--ci", "github"]).code, 0);
    let workflow = site.read(".github/workflows/publish.yml");
    for needle in [
        "push:",
        "schedule:",
        "cron: \"17 * * * *\"",
        "workflow_dispatch:",
        "concurrency:",
        "actions/upload-pages-artifact@",
        "actions/deploy-pages@",
        "uses: beacon-status/beacon@v",
        "--base-url \"${{ steps.pages.outputs.base_url }}/\"",
    ] {
        assert!(workflow.contains(needle), "publish.yml lacks {needle}");
    }
    assert!(
        !workflow.contains("cargo install --locked beacon\n"),
        "the wrong crate"
    );
}

#[test]
fn ci_on_an_existing_site_adds_only_the_deploy_files() {
    let site = TestSite::new();
    site.write(
        "content/incidents/a.md",
        "+++\ntitle = \"A\"\ndate = 2026-03-01\nseverity = \"notice\"\n+++\n",
    );
    let before = files_of(site.root());
    let run = site.beacon(&["init", "--ci", "gitlab"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let after = files_of(site.root());
    let added: Vec<&String> = after.keys().filter(|k| !before.contains_key(*k)).collect();
    assert_eq!(
        added,
        [".beacon/install-beacon.sh", ".beacon/post.sh", ".gitlab-ci.yml"]
    );
    for (path, bytes) in &before {
        assert_eq!(after.get(path), Some(bytes), "{path} changed");
    }
    // A second host shares the install script, which is left as it is.
    let run = site.beacon(&["init", "--ci", "github"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(".github/workflows/publish.yml"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("install-beacon.sh"), "{}", run.stdout);
    assert!(!run.stdout.contains("post.sh"), "{}", run.stdout);
}

#[test]
fn init_adds_a_second_and_a_third_host_and_refuses_only_a_file_it_did_not_write() {
    let site = TestSite {
        dir: tempfile::tempdir().expect("temp dir"),
    };
    assert_eq!(site.beacon(&["init", "--now", NOW, "--ci", "github"]).code, 0);
    for (host, file) in [
        ("netlify", ".github/workflows/rebuild-netlify.yml"),
        ("cloudflare", ".github/workflows/rebuild-cloudflare.yml"),
        ("gitlab", ".gitlab-ci.yml"),
    ] {
        let run = site.beacon(&["init", "--ci", host]);
        assert_eq!(run.code, 0, "{host}: {}", run.stderr);
        assert!(run.stdout.contains(file), "{host}: {}", run.stdout);
        assert!(run.stdout.contains("`mirrors`"), "{host}: {}", run.stdout);
    }
    // Every host's files are there side by side, and each rebuild workflow names its own hook.
    assert!(site.path(".github/workflows/publish.yml").is_file());
    for host in ["NETLIFY", "CLOUDFLARE"] {
        let name = format!(".github/workflows/rebuild-{}.yml", host.to_ascii_lowercase());
        assert!(site
            .read(&name)
            .contains(&format!("secrets.{host}_DEPLOY_HOOK_URL")));
    }
    // Again: everything is there already, nothing is written and nothing refused.
    let run = site.beacon(&["init", "--ci", "netlify"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("nothing written"), "{}", run.stdout);
    // A file the user changed is theirs: refused, and named.
    site.write("netlify.toml", "# mine\n");
    let before = snapshot(site.root());
    let run = site.beacon(&["init", "--ci", "netlify"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stderr.contains("already has netlify.toml"), "{}", run.stderr);
    assert_eq!(snapshot(site.root()), before, "init --ci wrote something");
}

#[test]
fn ci_refuses_to_overwrite_a_users_file_and_writes_nothing() {
    let site = TestSite::new();
    site.write(".gitlab-ci.yml", "# mine\n");
    let before = snapshot(site.root());
    let run = site.beacon(&["init", "--ci", "gitlab"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr.contains("already has .gitlab-ci.yml"),
        "{}",
        run.stderr
    );
    assert_eq!(snapshot(site.root()), before, "init --ci wrote something");
}

#[test]
fn install_script_uses_the_beacon_on_path() {
    let site = TestSite {
        dir: tempfile::tempdir().expect("temp dir"),
    };
    assert_eq!(site.beacon(&["init", "--now", NOW, "--ci", "gitlab"]).code, 0);
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_beacon")).parent().expect("bin dir");
    let path = format!("{}:/usr/bin:/bin", bin_dir.display());
    let output = Command::new("bash")
        .arg(site.path(".beacon/install-beacon.sh"))
        .env("PATH", path)
        .env("HOME", site.root())
        .env_remove("GITHUB_PATH")
        .output()
        .expect("run bash");
    let run = Run::from(output);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("using "), "{}", run.stdout);
    assert!(!site.path(".local").exists(), "it installed a second beacon");
}

/// `_headers` as Netlify and Cloudflare read it: a path pattern at the start of a line, then
/// its headers indented below it.
fn header_rules(text: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut rules: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
    {
        if !line.starts_with([' ', '\t']) {
            rules.push((line.trim().to_string(), Vec::new()));
        } else if let (Some(rule), Some((name, value))) = (rules.last_mut(), line.split_once(':')) {
            rule.1
                .push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        } else {
            panic!("a header line outside any rule: {line:?}");
        }
    }
    rules
}

#[test]
fn headers_file_allows_cors_on_the_api_and_keeps_caches_short() {
    let site = TestSite::new();
    site.build_at(NOW);
    let rules = header_rules(&site.read("public/_headers"));
    let headers_for = |path: &str| -> Vec<(String, String)> {
        rules
            .iter()
            .filter(|(pattern, _)| match pattern.strip_suffix('*') {
                Some(prefix) => path.starts_with(prefix),
                None => path == pattern,
            })
            .flat_map(|(_, headers)| headers.clone())
            .collect()
    };
    for path in [
        "/",
        "/index.html",
        "/api/v2/summary.json",
        "/feed.xml",
        "/maintenance.ics",
    ] {
        let cache: Vec<_> = headers_for(path)
            .into_iter()
            .filter(|(n, _)| n == "cache-control")
            .collect();
        assert_eq!(
            cache.len(),
            1,
            "{path}: exactly one Cache-Control, found {cache:?}"
        );
        let max_age: u32 = cache[0]
            .1
            .split(',')
            .find_map(|d| d.trim().strip_prefix("max-age="))
            .and_then(|n| n.parse().ok())
            .expect("a max-age");
        assert!(max_age <= 300, "{path}: max-age {max_age} is not short");
    }
    let cors = |path: &str| headers_for(path).contains(&("access-control-allow-origin".into(), "*".into()));
    assert!(cors("/api/v2/summary.json") && cors("/api/v2/incidents/unresolved.json"));
    assert!(!cors("/index.html"), "CORS is only for the API");
}

/// A stand-in for the release page: serves `files` (URL path -> bytes) on loopback until the
/// returned server is dropped.
fn serve_release(files: BTreeMap<String, Vec<u8>>) -> (String, std::sync::Arc<tiny_http::Server>) {
    let server = std::sync::Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("bind loopback"));
    let url = format!("http://{}", server.server_addr().to_ip().expect("an IP address"));
    let serving = server.clone();
    std::thread::spawn(move || {
        for request in serving.incoming_requests() {
            let response = match files.get(request.url()) {
                Some(bytes) => tiny_http::Response::from_data(bytes.clone()),
                None => tiny_http::Response::from_data(Vec::new()).with_status_code(404),
            };
            let _ = request.respond(response);
        }
    });
    (url, server)
}

/// Runs the install script with no beacon on PATH and no cargo, against a fake release; the
/// cache is `cache` beside `bin_dir`.
fn install_from(site: &TestSite, repo: &str, bin_dir: &Path) -> Run {
    install_with(site, repo, bin_dir, "/usr/bin:/bin", &[])
}

fn install_with(site: &TestSite, repo: &str, bin_dir: &Path, path: &str, env: &[(&str, &str)]) -> Run {
    let cache = bin_dir.parent().expect("a parent").join("cache");
    let output = Command::new("bash")
        .arg(site.path(".beacon/install-beacon.sh"))
        .env("PATH", path)
        .env("HOME", site.root())
        .env("BEACON_REPO", repo)
        .env("BEACON_VERSION", "9.9.9")
        .env("BEACON_BIN_DIR", bin_dir)
        .env("BEACON_CACHE_DIR", cache)
        .env_remove("BEACON_SOURCE")
        .env_remove("GITHUB_PATH")
        .env_remove("CARGO_TARGET_DIR")
        .envs(env.iter().copied())
        .output()
        .expect("run bash");
    Run::from(output)
}

/// A stand-in `beacon` that says it is version `version`.
fn fake_beacon(path: &Path, version: &str) {
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
    std::fs::write(path, format!("#!/bin/sh\necho beacon {version}\n")).expect("write");
    let chmod = Command::new("chmod").arg("+x").arg(path).status();
    assert!(chmod.expect("run chmod").success());
}

/// A site with the install script, and a loopback address where nothing listens.
fn site_for_install() -> (TestSite, &'static str) {
    let site = TestSite {
        dir: tempfile::tempdir().expect("temp dir"),
    };
    assert_eq!(site.beacon(&["init", "--now", NOW, "--ci", "gitlab"]).code, 0);
    (site, "http://127.0.0.1:9/nothing-here")
}

#[test]
fn install_script_takes_the_cached_binary_of_its_version_and_no_other() {
    let (site, nowhere) = site_for_install();
    let bin_dir = site.path("ci/bin");
    fake_beacon(&site.path("ci/cache/9.9.9/beacon"), "9.9.9");
    let run = install_from(&site, nowhere, &bin_dir);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("installed beacon 9.9.9 from the cache"),
        "{}",
        run.stdout
    );
    let version = Command::new(bin_dir.join("beacon")).arg("--version").output();
    assert_eq!(
        String::from_utf8_lossy(&version.expect("run it").stdout),
        "beacon 9.9.9\n"
    );
    // A cached binary that is not the version asked for is not taken.
    fake_beacon(&site.path("other/cache/9.9.9/beacon"), "9.9.8");
    let run = install_from(&site, nowhere, &site.path("other/bin"));
    assert_ne!(run.code, 0, "{}", run.stdout);
    assert!(!site.path("other/bin/beacon").exists());
}

#[test]
fn install_script_builds_from_source_once_and_caches_the_binary() {
    // A tiny crate stands in for beacon's source: what matters is the cargo install, the
    // version check and the cache, not compiling beacon itself.
    let (site, nowhere) = site_for_install();
    let source = site.path("fake-source");
    site.write(
        "fake-source/Cargo.toml",
        "[package]\nname = \"beacon-status\"\nversion = \"9.9.9\"\nedition = \"2021\"\n\n\
         [[bin]]\nname = \"beacon\"\npath = \"main.rs\"\n",
    );
    site.write(
        "fake-source/Cargo.lock",
        "version = 4\n\n[[package]]\nname = \"beacon-status\"\nversion = \"9.9.9\"\n",
    );
    site.write(
        "fake-source/main.rs",
        "fn main() { println!(\"beacon 9.9.9\"); }\n",
    );
    // The cargo and rustc this test runs under, and nothing from the user's cargo home.
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let toolchain = Path::new(&cargo)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let path = format!("{}:/usr/bin:/bin", toolchain.display());
    let cargo_home = site.path("cargo-home");
    let env = [
        ("BEACON_SOURCE", source.to_str().expect("utf-8")),
        ("CARGO_HOME", cargo_home.to_str().expect("utf-8")),
    ];
    let bin_dir = site.path("ci/bin");
    let run = install_with(&site, nowhere, &bin_dir, &path, &env);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("built from"), "{}", run.stdout);
    assert!(
        site.path("ci/cache/9.9.9/beacon").is_file(),
        "the binary was not cached"
    );
    assert!(site.path("ci/cache/target").is_dir(), "the build was not cached");
    // The next run (a scheduled one) takes the cached binary: no compiler needed.
    std::fs::remove_file(bin_dir.join("beacon")).expect("remove");
    let run = install_with(&site, nowhere, &bin_dir, "/usr/bin:/bin", &env);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("from the cache"), "{}", run.stdout);
}

#[test]
fn install_script_with_no_source_fails_with_one_message_naming_each_and_what_to_set() {
    let (site, nowhere) = site_for_install();
    let run = install_from(&site, nowhere, &site.path("ci/bin"));
    assert_eq!(run.code, 1, "{}", run.stdout);
    let tried = [
        "error: could not install beacon 9.9.9. Tried, in order:",
        "  - beacon on PATH: none",
        "  - the cache: no beacon 9.9.9 in ",
        "  - the release archive http://127.0.0.1:9/nothing-here/releases/download/v9.9.9/beacon-v9.9.9-",
        "  - a build from source: no cargo on PATH",
        "  BEACON_VERSION ",
        "  BEACON_REPO ",
        "  BEACON_SOURCE ",
    ];
    for line in tried {
        assert!(run.stderr.contains(line), "no {line:?} in:\n{}", run.stderr);
    }
    // One message: nothing else on stderr (curl's own errors are folded into its line).
    assert!(
        run.stderr.starts_with("error: could not install"),
        "{}",
        run.stderr
    );
    assert!(!site.path("ci/bin/beacon").exists());
}

#[test]
fn install_script_installs_the_release_binary_only_when_its_checksum_matches() {
    use sha2::{Digest, Sha256};
    if !cfg!(target_os = "linux") {
        return; // the fake release holds Linux archives only
    }
    let site = TestSite {
        dir: tempfile::tempdir().expect("temp dir"),
    };
    assert_eq!(site.beacon(&["init", "--now", NOW, "--ci", "gitlab"]).code, 0);
    // Archives as the release workflow makes them: `beacon` at the top of a .tar.gz.
    let staging = site.path("staging");
    std::fs::create_dir_all(&staging).expect("mkdir");
    // A stand-in binary: what matters here is the download, the checksum and the unpacking.
    std::fs::write(staging.join("beacon"), "#!/bin/sh\necho beacon 9.9.9\n").expect("write");
    let chmod = Command::new("chmod")
        .arg("+x")
        .arg(staging.join("beacon"))
        .status();
    assert!(chmod.expect("run chmod").success());
    let archive = site.path("archive.tar.gz");
    let tar = Command::new("tar")
        .arg("-czf")
        .arg(&archive)
        .arg("-C")
        .arg(&staging)
        .arg("beacon")
        .status()
        .expect("run tar");
    assert!(tar.success());
    let bytes = std::fs::read(&archive).expect("read archive");
    let digest: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();

    for (checksum_ok, expect_installed) in [(true, true), (false, false)] {
        let mut files = BTreeMap::new();
        for target in ["x86_64-unknown-linux-musl", "aarch64-unknown-linux-musl"] {
            let name = format!("beacon-v9.9.9-{target}.tar.gz");
            let hash = if checksum_ok {
                digest.clone()
            } else {
                "0".repeat(64)
            };
            files.insert(format!("/releases/download/v9.9.9/{name}"), bytes.clone());
            files.insert(
                format!("/releases/download/v9.9.9/{name}.sha256"),
                format!("{hash}  {name}\n").into_bytes(),
            );
        }
        let (repo, _server) = serve_release(files);
        let bin_dir = site.path(if checksum_ok { "good/bin" } else { "bad/bin" });
        let cache = bin_dir.parent().expect("a parent").join("cache/9.9.9/beacon");
        let run = install_from(&site, &repo, &bin_dir);
        let installed = bin_dir.join("beacon");
        assert_eq!(
            installed.is_file(),
            expect_installed,
            "{}\n{}",
            run.stdout,
            run.stderr
        );
        if expect_installed {
            assert_eq!(run.code, 0, "{}", run.stderr);
            assert!(
                run.stdout.contains("from the release archive, checksum verified"),
                "{}",
                run.stdout
            );
            assert!(cache.is_file(), "the release binary was not cached");
            let version = Command::new(&installed)
                .arg("--version")
                .output()
                .expect("run it");
            assert_eq!(String::from_utf8_lossy(&version.stdout), "beacon 9.9.9\n");
        } else {
            // No cargo on PATH here, so the fallback fails too: the run must fail, loudly.
            assert_ne!(run.code, 0, "a binary with a wrong checksum was accepted");
            assert!(run.stderr.contains("its SHA-256 is"), "{}", run.stderr);
            assert!(!cache.exists(), "a binary with a wrong checksum was cached");
        }
    }
}

/// The variables docs/notify.md's channel examples name (`url_env = "SLACK_WEBHOOK_URL"`...):
/// the templates expose exactly these, so a site set up from the guide finds its secrets.
fn secret_names_in_the_notify_guide() -> Vec<String> {
    let guide = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/notify.md"))
        .expect("docs/notify.md");
    let mut names: Vec<String> = guide
        .lines()
        .filter_map(|line| {
            let (key, value) = line.split_once('=')?;
            key.trim().ends_with("_env").then_some(())?;
            Some(value.split('"').nth(1)?.to_string())
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The lines of a YAML block that starts after the line `opening`, as long as they are indented
/// deeper than it, with that indentation removed.
fn block_after(text: &str, opening: &str) -> String {
    let mut lines = text.lines().skip_while(|l| l.trim_end() != opening);
    let first = lines.next().unwrap_or_else(|| panic!("no line {opening:?}"));
    let depth = first.len() - first.trim_start().len();
    let body: Vec<&str> = lines
        .take_while(|l| l.trim().is_empty() || l.len() - l.trim_start().len() > depth)
        .collect();
    let strip = body
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    body.iter()
        .map(|l| l.get(strip..).unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Runs a template's shell snippet in the site the way its CI would, with this build's beacon
/// first on PATH and only the given variables besides.
fn run_snippet(site: &TestSite, script: &str, env: &[(&str, &str)]) -> Run {
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_beacon")).parent().expect("bin dir");
    let output = Command::new("bash")
        .args(["-euo", "pipefail", "-c", script])
        .current_dir(site.root())
        .env_clear()
        .env("PATH", format!("{}:/usr/bin:/bin", bin_dir.display()))
        .env("HOME", site.root())
        .envs(env.iter().copied())
        .output()
        .expect("run bash");
    Run::from(output)
}

const WEBHOOK_CHANNEL: &str = "\n[[notify]]\ntype = \"webhook\"\nurl_env = \"STATUS_WEBHOOK_URL\"\n";

#[test]
fn github_workflow_notifies_after_the_build_and_before_the_upload_with_store_secrets() {
    let site = TestSite {
        dir: tempfile::tempdir().expect("temp dir"),
    };
    assert_eq!(site.beacon(&["init", "--now", NOW, "--ci", "github"]).code, 0);
    let workflow = site.read(".github/workflows/publish.yml");
    assert!(workflow.contains("cancel-in-progress: false"), "{workflow}");
    let position = |needle: &str| {
        workflow
            .find(needle)
            .unwrap_or_else(|| panic!("publish.yml lacks {needle}"))
    };
    assert!(position("- name: Build") < position("- name: Notify"));
    assert!(position("- name: Notify") < position("actions/upload-pages-artifact@"));
    let step = block_after(&workflow, "      - name: Notify");
    assert!(step.contains("\ncontinue-on-error: true\n"), "{step}");

    let env = block_after(&step, "env:");
    let mut secrets = Vec::new();
    for line in env.lines() {
        let (name, value) = line.split_once(": ").expect("NAME: value");
        if name == "PAGE_URL" {
            assert_eq!(value, "${{ steps.pages.outputs.base_url }}/");
            continue;
        }
        assert_eq!(
            value,
            format!("${{{{ secrets.{name} }}}}"),
            "{name} not from secrets"
        );
        secrets.push(name.to_string());
    }
    secrets.sort();
    assert_eq!(secrets, secret_names_in_the_notify_guide());

    // The step's script: a site without channels passes over it; one with a channel runs
    // notify against the deployed site, which writes its record into public/.
    let script = block_after(&step, "run: |");
    assert!(
        script.contains("beacon notify --previous \"$PAGE_URL\""),
        "{script}"
    );
    site.build_at(NOW);
    let deployed = tempfile::tempdir().expect("temp dir");
    let page_url = format!("{}/", deployed.path().display());
    let run = run_snippet(&site, &script, &[("PAGE_URL", &page_url)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("no [[notify]] channel"), "{}", run.stdout);
    assert!(!site.path("public/notify.json").exists());

    let config = site.read("config.toml");
    site.write("config.toml", format!("{config}{WEBHOOK_CHANNEL}"));
    let run = run_snippet(&site, &script, &[("PAGE_URL", &page_url)]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(site.path("public/notify.json").is_file(), "notify did not run");
}

#[test]
fn gitlab_pages_job_notifies_in_its_resource_group_and_tolerates_failed_sends() {
    let site = TestSite {
        dir: tempfile::tempdir().expect("temp dir"),
    };
    assert_eq!(site.beacon(&["init", "--now", NOW, "--ci", "gitlab"]).code, 0);
    let ci = site.read(".gitlab-ci.yml");
    assert!(ci.contains("\n  resource_group: pages\n"), "{ci}");
    // Secrets live in the project's CI/CD variables; the file sets only the image and the
    // cache folder. The version is said once, in .beacon/install-beacon.sh.
    let variables = block_after(&ci, "  variables:");
    assert_eq!(
        variables.trim(),
        "BEACON_IMAGE: rust:1\nBEACON_CACHE_DIR: .beacon-cache"
    );
    assert!(ci.contains("\n  image: ${BEACON_IMAGE}\n"), "{ci}");
    assert!(block_after(&ci, "  cache:").contains("- .beacon-cache/"), "{ci}");
    let script = block_after(&ci, "  script:");
    let build = script.find("- beacon build").expect("build line");
    let notify = script.find("beacon notify").expect("notify line");
    assert!(build < notify, "{script}");
    let snippet = gitlab_snippet(&script, "beacon notify");

    site.build_at(NOW);
    let config = site.read("config.toml");
    site.write("config.toml", format!("{config}{WEBHOOK_CHANNEL}"));
    // A deployed site that cannot be read fails notify; the job goes on to deploy.
    let run = run_snippet(
        &site,
        &snippet,
        &[("CI_PAGES_URL", "http://127.0.0.1:9/unreachable")],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("the next run retries them"), "{}", run.stdout);
    // Against a deployed folder with no site yet, notify sends nothing and writes its record.
    let deployed = tempfile::tempdir().expect("temp dir");
    let run = run_snippet(
        &site,
        &snippet,
        &[("CI_PAGES_URL", deployed.path().to_str().expect("utf-8 path"))],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains("failed"), "{}\n{}", run.stdout, run.stderr);
    assert!(site.path("public/notify.json").is_file(), "notify did not run");
}

#[test]
fn netlify_production_build_notifies_and_previews_do_not() {
    let site = TestSite {
        dir: tempfile::tempdir().expect("temp dir"),
    };
    assert_eq!(site.beacon(&["init", "--now", NOW, "--ci", "netlify"]).code, 0);
    let netlify: toml::Table = site.read("netlify.toml").parse().expect("netlify.toml");
    let command = |path: &[&str]| -> String {
        let mut value = &netlify[path[0]];
        for key in &path[1..] {
            value = &value[*key];
        }
        value.as_str().expect("a command").to_string()
    };
    let production = command(&["build", "command"]);
    assert!(
        production.contains("beacon notify --previous \"$URL/\""),
        "{production}"
    );
    for preview in [
        command(&["context", "deploy-preview", "command"]),
        command(&["context", "branch-deploy", "command"]),
    ] {
        assert!(!preview.contains("notify"), "a preview would notify: {preview}");
    }

    let config = site.read("config.toml");
    site.write("config.toml", format!("{config}{WEBHOOK_CHANNEL}"));
    // Netlify's $URL, served by a host with nothing deployed yet (404s).
    let deployed = tempfile::tempdir().expect("temp dir");
    let url = format!("http://127.0.0.1:{}", static_host(deployed.path()));
    let run = run_snippet(&site, &production, &[("URL", &url)]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(site.path("public/notify.json").is_file(), "notify did not run");
    // A deployed site that cannot be read (HTTP 500) fails notify, not the build.
    let run = run_snippet(&site, &production, &[("URL", &format!("{url}/down"))]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("the next build retries them"),
        "{}",
        run.stdout
    );
}

fn repo_file(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The lowest major version of each action docs/deploying.md names, from its table of
/// `| `owner/name` | `vN` |` rows.
fn action_versions_in_the_docs() -> BTreeMap<String, u32> {
    let guide = repo_file("docs/deploying.md");
    let section = guide
        .split_once("## Action versions")
        .expect("docs/deploying.md has an Action versions section")
        .1;
    section
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(|c| c.trim().trim_matches('`')).collect();
            let major = cells.get(2)?.strip_prefix('v')?.parse().ok()?;
            Some((cells.get(1)?.to_string(), major))
        })
        .collect()
}

/// Every `uses: owner/name@vN` in `text`.
fn uses(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|l| l.trim().trim_start_matches("- ").strip_prefix("uses: "))
        .filter_map(|u| u.split_once('@'))
        .map(|(name, version)| (name.to_string(), version.trim().to_string()))
        .collect()
}

// Templates, this repository's workflows and its Action use each action at the major version
// the deploy guide names, or a later one; an action the guide does not name fails too.
#[test]
fn every_action_is_pinned_at_least_at_the_version_the_docs_name() {
    let documented = action_versions_in_the_docs();
    assert!(documented.len() >= 5, "{documented:?}");
    let site = TestSite {
        dir: tempfile::tempdir().expect("temp dir"),
    };
    assert_eq!(site.beacon(&["init", "--now", NOW, "--ci", "github"]).code, 0);
    let mut files = vec![
        (
            "publish.yml".to_string(),
            site.read(".github/workflows/publish.yml"),
        ),
        ("action.yml".to_string(), repo_file("action.yml")),
    ];
    for entry in
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/workflows")).expect("workflows")
    {
        let path = entry.expect("entry").path();
        files.push((
            path.display().to_string(),
            std::fs::read_to_string(&path).expect("read"),
        ));
    }
    let mut checked = 0;
    for (file, text) in files {
        for (name, version) in uses(&text) {
            if name == "beacon-status/beacon" {
                assert_eq!(version, format!("v{}", env!("CARGO_PKG_VERSION")), "{file}");
                continue;
            }
            let Some(&minimum) = documented.get(&name) else {
                panic!("{file}: {name} is not in docs/deploying.md's Action versions");
            };
            let major: u32 = version
                .strip_prefix('v')
                .and_then(|v| v.split('.').next())
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("{file}: {name}@{version} is not pinned to a major version"));
            assert!(
                major >= minimum,
                "{file}: {name}@{version} is below v{minimum}, the version the docs name"
            );
            checked += 1;
        }
    }
    assert!(checked >= 7, "only {checked} actions found");
}

/// The archive file name a script builds, with its variables named `{version}` and `{target}`.
fn archive_name(text: &str, start: &str) -> String {
    let at = text.find(start).unwrap_or_else(|| panic!("no {start:?}"));
    let name: String = text[at..]
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '"')
        .collect();
    name.replace("$version", "{version}")
        .replace("$TARGET", "{target}")
        .replace("$target", "{target}")
}

// The release workflow makes the archives the install step downloads: the same names, a
// `.sha256` beside each, `beacon` at the top of the archive, a build for every target the
// install step maps a machine to, and the tag `v<version>` in the download path.
#[test]
fn release_workflow_and_install_step_agree_on_the_archives() {
    let release = repo_file(".github/workflows/release.yml");
    let install = repo_file("src/authoring/deploy_templates/install-beacon.sh");
    let released = archive_name(&release, "beacon-v$version-") + ".tar.gz";
    let downloaded = archive_name(&install, "beacon-v$version-");
    assert_eq!(released, "beacon-v{version}-{target}.tar.gz");
    assert_eq!(downloaded, released);
    assert!(release.contains("name=\"beacon-v$version-$TARGET\""), "{release}");
    assert!(release.contains("archive=\"$name.tar.gz\""));
    assert!(release.contains("tar -czf \"../../../dist/$archive\" beacon README.md"));
    assert!(release.contains("sha256sum \"$archive\" >\"$archive.sha256\""));
    assert!(
        release.contains("\"$GITHUB_REF_NAME\" != \"v$version\""),
        "tags are v<version>"
    );
    assert!(install.contains("$repo/releases/download/v$version/$archive"));
    assert!(install.contains("\"$url.sha256\""));
    assert!(install.contains("tar -xzf \"$work/$archive\" -C \"$work/release\" beacon"));
    let targets: Vec<&str> = install
        .lines()
        .filter_map(|l| {
            l.split_once(") target=")
                .map(|(_, t)| t.trim_end_matches(" ;;").trim())
        })
        .filter(|t| !t.starts_with('"'))
        .collect();
    assert!(targets.len() >= 4, "{targets:?}");
    for target in targets {
        assert!(
            release.contains(&format!("target: {target},")),
            "the install step expects {target}, which the release does not build"
        );
    }
    // cargo-binstall reads the same names from Cargo.toml.
    let manifest = repo_file("Cargo.toml");
    assert!(manifest.contains(
        "pkg-url = \"{ repo }/releases/download/v{ version }/beacon-v{ version }-{ target }{ archive-suffix }\""
    ));
}

// The Action runs a site's own .beacon/install-beacon.sh, else this repository's copy, which
// must be the one `beacon init` writes (the repository root is itself a site).
#[test]
fn the_actions_install_script_is_the_one_init_writes() {
    let site = TestSite {
        dir: tempfile::tempdir().expect("temp dir"),
    };
    assert_eq!(site.beacon(&["init", "--now", NOW, "--ci", "github"]).code, 0);
    let written = site.read(".beacon/install-beacon.sh");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(".beacon/install-beacon.sh");
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, &written).expect("write");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == written,
        ".beacon/install-beacon.sh is not what `beacon init` writes; regenerate with \
         UPDATE_DOCS=1 cargo test --test suite deploy::"
    );
    let action = repo_file("action.yml");
    assert!(action.contains("$GITHUB_ACTION_PATH/.beacon/install-beacon.sh"));
    assert!(
        action.contains("key: beacon-${{ runner.os }}-${{ runner.arch }}-${{ steps.which.outputs.version }}")
    );
}

/// The Action's step named `name`: its `run` script and its `env`, as action.yml has them.
fn action_step(name: &str) -> (String, BTreeMap<String, String>) {
    let action: serde_norway::Value =
        serde_norway::from_str(&repo_file("action.yml")).expect("action.yml parses");
    let steps = action["runs"]["steps"].as_sequence().expect("runs.steps");
    let step = steps
        .iter()
        .find(|s| s["name"].as_str() == Some(name))
        .unwrap_or_else(|| panic!("no step {name:?}"));
    let env = step["env"]
        .as_mapping()
        .map(|m| {
            m.iter()
                .map(|(k, v)| {
                    (
                        k.as_str().unwrap_or("").to_string(),
                        v.as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    (step["run"].as_str().expect("a run script").to_string(), env)
}

/// Runs an Action step's script as the runner would (bash, `GITHUB_OUTPUT` and
/// `GITHUB_ACTION_PATH` set), in `dir`, with this build's beacon on PATH and `env` besides.
fn run_action_step(name: &str, dir: &Path, home: &Path, env: &[(&str, &str)]) -> (Run, String) {
    let (script, declared) = action_step(name);
    for key in declared.keys() {
        assert!(
            env.iter().any(|(k, _)| k == key),
            "{name}: the test does not set {key}"
        );
    }
    let output = home.join("github-output");
    std::fs::write(&output, "").expect("write");
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_beacon")).parent().expect("bin dir");
    let run = Command::new("bash")
        .args(["-e", "-c", &script])
        .current_dir(dir)
        .env_clear()
        .env("PATH", format!("{}:/usr/bin:/bin", bin_dir.display()))
        .env("HOME", home)
        .env("GITHUB_OUTPUT", &output)
        .env("GITHUB_ACTION_PATH", env!("CARGO_MANIFEST_DIR"))
        .envs(env.iter().copied())
        .output()
        .expect("run bash");
    (
        Run::from(run),
        std::fs::read_to_string(&output).unwrap_or_default(),
    )
}

// The Action's steps, run as the runner runs them: which script and version, the install, the
// check and build, and the check of the page's copies.
#[test]
fn the_action_installs_builds_and_probes() {
    let site = TestSite {
        dir: tempfile::tempdir().expect("temp dir"),
    };
    assert_eq!(site.beacon(&["init", "--now", NOW, "--ci", "github"]).code, 0);
    let home = tempfile::tempdir().expect("temp dir");
    let version = env!("CARGO_PKG_VERSION");

    // The site's own script says the version; a site without one gets the Action's copy.
    let (run, outputs) = run_action_step(
        "Which beacon",
        site.root(),
        home.path(),
        &[("ROOT", "."), ("BEACON_VERSION", "")],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        outputs,
        format!("script=./.beacon/install-beacon.sh\nversion={version}\n")
    );
    let bare = tempfile::tempdir().expect("temp dir");
    let (run, outputs) = run_action_step(
        "Which beacon",
        bare.path(),
        home.path(),
        &[("ROOT", "."), ("BEACON_VERSION", "v9.9.9")],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        outputs.starts_with(&format!(
            "script={}/.beacon/install-beacon.sh\n",
            env!("CARGO_MANIFEST_DIR")
        )),
        "{outputs}"
    );
    assert!(outputs.ends_with("version=9.9.9\n"), "{outputs}");

    let install = [
        ("BEACON_VERSION", version),
        ("BEACON_REPO", ""),
        ("BEACON_SOURCE", ""),
        ("SCRIPT", "./.beacon/install-beacon.sh"),
    ];
    let (run, _) = run_action_step("Install beacon", site.root(), home.path(), &install);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("using "), "{}", run.stdout);

    let build = [("BASE_URL", "https://mirror.example.net/status/")];
    let (run, _) = run_action_step("Check and build", site.root(), home.path(), &build);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site
        .read("public/feed.xml")
        .contains("https://mirror.example.net/status/"));

    // One copy answers with its status file, the other does not answer: a warning, not a failure.
    let status = std::fs::read(site.path("public/api/v2/status.json")).expect("status.json");
    let (url, _server) = serve_release(BTreeMap::from([("/api/v2/status.json".to_string(), status)]));
    let copies = format!("{url} http://127.0.0.1:9/");
    let (run, _) = run_action_step("Copies", site.root(), home.path(), &[("COPIES", &copies)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(&format!("{url}/: up, built at ")),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("::warning::http://127.0.0.1:9/ did not answer"),
        "{}",
        run.stdout
    );
}

const PROBE_TABLE_PATTERN: &str =
    r"grep -Eq '^[[:space:]]*\[\[[[:space:]]*probe[[:space:]]*\]\]' config.toml";

/// Every host's deploying command runs `beacon probe` into the folder the build writes, before
/// `beacon check` and `beacon build`, only behind the test for a `[[probe]]` table; previews
/// never probe.
#[test]
fn every_host_probes_before_the_build_only_where_probe_tables_are() {
    let mut commands = Vec::new();
    for host in ["github", "gitlab", "netlify", "cloudflare"] {
        let site = TestSite {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        assert_eq!(site.beacon(&["init", "--now", NOW, "--ci", host]).code, 0);
        let text = match host {
            "github" => site.read(".github/workflows/publish.yml"),
            "gitlab" => block_after(&site.read(".gitlab-ci.yml"), "  script:"),
            "netlify" => {
                let netlify: toml::Table = site.read("netlify.toml").parse().expect("netlify.toml");
                for context in ["deploy-preview", "branch-deploy"] {
                    let preview = netlify["context"][context]["command"].as_str().expect("command");
                    assert!(!preview.contains("probe"), "{context} would probe: {preview}");
                }
                netlify["build"]["command"].as_str().expect("command").to_string()
            }
            _ => {
                let wrangler = site.read("wrangler.toml");
                let line = wrangler
                    .lines()
                    .find(|l| l.contains("Build command:"))
                    .expect("the build command");
                let command = line.split_once(':').expect("label").1.trim().to_string();
                assert!(
                    command.starts_with("bash .beacon/install-beacon.sh && ")
                        && command.contains("if [ \"$CF_PAGES_BRANCH\" = main ] && grep"),
                    "only the production branch may probe: {command}"
                );
                command
            }
        };
        let at = |needle: &str| {
            text.find(needle)
                .unwrap_or_else(|| panic!("{host}: no {needle:?} in {text}"))
        };
        let probe = at("beacon probe ");
        let guard = at(PROBE_TABLE_PATTERN);
        assert!(guard < probe, "{host}: probe runs without the [[probe]] test");
        assert!(probe < at("beacon check"), "{host}: probe after check");
        assert!(probe < at("beacon build"), "{host}: probe after build");
        assert_eq!(text.matches("beacon probe ").count(), 1, "{host}");
        let line = &text[probe..];
        let line = &line[..line.find(['\n', ';']).unwrap_or(line.len())];
        assert!(line.contains("--output public"), "{host}: {line}");
        if host != "github" {
            // Elsewhere the commit is pushed with a token, and says so to the CI.
            assert!(
                text.contains("[skip ci]") || text.contains("-o ci.skip"),
                "{host}: the commit would start another build"
            );
        }
        commands.push(text);
    }

    // GitHub: the token may write contents only in the job that commits; deploy keeps pages.
    let workflow: serde_norway::Value = serde_norway::from_str(&commands[0]).expect("publish.yml parses");
    assert_eq!(
        workflow["permissions"],
        serde_norway::from_str::<serde_norway::Value>("{}").unwrap()
    );
    let build = &workflow["jobs"]["build"];
    assert_eq!(build["permissions"]["contents"].as_str(), Some("write"));
    assert_eq!(build["permissions"]["pages"].as_str(), Some("read"));
    let deploy = &workflow["jobs"]["deploy"]["permissions"];
    assert_eq!(deploy["pages"].as_str(), Some("write"));
    assert!(deploy["contents"].is_null(), "deploy needs no contents");
    assert!(
        workflow["on"]["pull_request"].is_null(),
        "a pull request would probe"
    );
    for name in ["Probe", "Commit incidents"] {
        let step = build["steps"]
            .as_sequence()
            .expect("steps")
            .iter()
            .find(|s| s["name"].as_str() == Some(name))
            .unwrap_or_else(|| panic!("no step {name}"));
        assert_eq!(step["if"].as_str(), Some("github.ref == 'refs/heads/main'"));
    }
}

/// The `- |` block of a GitLab job's script that contains `needle`, unindented.
fn gitlab_snippet(script: &str, needle: &str) -> String {
    script
        .split("\n- |\n")
        .skip(1)
        .map(|s| {
            s.lines()
                .take_while(|l| l.starts_with("  ") || l.is_empty())
                .map(|l| l.get(2..).unwrap_or(""))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .find(|s| s.contains(needle))
        .unwrap_or_else(|| panic!("no snippet with {needle:?} in {script}"))
}

pub(crate) fn git(dir: &Path, args: &[&str]) -> String {
    let output = Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run git");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A site whose `[[probe]]` finds its service down at the first run (a closed port), committed
/// in a repository with a bare `origin` on `main`. Returns the site and the origin.
fn probed_site_in_a_repo(host: &str) -> (TestSite, tempfile::TempDir) {
    let site = TestSite {
        dir: tempfile::tempdir().expect("temp dir"),
    };
    assert_eq!(site.beacon(&["init", "--now", NOW, "--ci", host]).code, 0);
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let config = site.read("config.toml");
    site.write(
        "config.toml",
        format!(
            "{config}\n[[probe]]\ncomponent = \"api\"\ntype = \"tcp\"\naddress = \"127.0.0.1:{closed}\"\n\
             timeout_ms = 1000\nretries = 0\nfail_after = 1\n"
        ),
    );
    let origin = tempfile::tempdir().expect("temp dir");
    git(origin.path(), &["init", "-q", "--bare", "-b", "main"]);
    git(site.root(), &["init", "-q", "-b", "main"]);
    git(site.root(), &["add", "-A"]);
    git(site.root(), &["commit", "-qm", "status page"]);
    let origin_path = origin.path().to_str().expect("utf-8 path");
    git(site.root(), &["remote", "add", "origin", origin_path]);
    git(site.root(), &["push", "-q", "origin", "main"]);
    (site, origin)
}

/// The incident files of the last commit on origin's `main`, and its message.
fn pushed_incidents(origin: &Path) -> (String, Vec<String>) {
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

// publish.yml's Probe and Commit incidents steps, run as the runner runs them: a service down
// at the first run opens an automated incident, committed and pushed to the branch.
#[test]
fn github_workflow_probes_and_commits_the_incident_it_opens() {
    let (site, origin) = probed_site_in_a_repo("github");
    let workflow = site.read(".github/workflows/publish.yml");
    let probe = block_after(&block_after(&workflow, "      - name: Probe"), "run: |");
    let commit = block_after(
        &block_after(&workflow, "      - name: Commit incidents"),
        "run: |",
    );
    let deployed = tempfile::tempdir().expect("temp dir");
    let page_url = format!("{}/", deployed.path().display());

    // Nothing written yet: the commit step has nothing to do.
    let run = run_snippet(&site, &commit, &[("BRANCH", "main")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("no incident opened or resolved"),
        "{}",
        run.stdout
    );

    let env = [("PAGE_URL", page_url.as_str()), ("STATUS_PROBE_TOKEN", "")];
    let run = run_snippet(&site, &probe, &env);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(
        site.path("public/probes.json").is_file(),
        "no record for the build"
    );
    let run = run_snippet(&site, &commit, &[("BRANCH", "main")]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let (message, files) = pushed_incidents(origin.path());
    assert_eq!(message, "beacon probe: incidents");
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(site.read(&files[0]).contains("automated = true"), "{}", files[0]);
    assert_eq!(git(site.root(), &["status", "--porcelain", "--", "content"]), "");
    // The record and the committed incident build into the page.
    site.build_at(NOW);
}

// Netlify's production command with a push URL probes and pushes with [skip ci]; without one it
// says why it does not probe, and builds.
#[test]
fn netlify_production_build_probes_and_pushes_only_with_a_push_url() {
    let (site, origin) = probed_site_in_a_repo("netlify");
    let netlify: toml::Table = site.read("netlify.toml").parse().expect("netlify.toml");
    let production = netlify["build"]["command"].as_str().expect("command").to_string();
    // Netlify's $URL, served by a host with nothing deployed yet (404s: no record yet).
    let deployed = tempfile::tempdir().expect("temp dir");
    let url = format!("http://127.0.0.1:{}", static_host(deployed.path()));
    let url = url.as_str();

    let run = run_snippet(&site, &production, &[("URL", url), ("BRANCH", "main")]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("BEACON_PUSH_URL is not set"),
        "{}",
        run.stdout
    );
    assert!(!site.path("public/probes.json").exists(), "it probed");

    let origin_path = origin.path().to_str().expect("utf-8 path");
    let env = [("URL", url), ("BRANCH", "main"), ("BEACON_PUSH_URL", origin_path)];
    let run = run_snippet(&site, &production, &env);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(site.path("public/probes.json").is_file(), "no record deployed");
    let (message, files) = pushed_incidents(origin.path());
    assert_eq!(message, "beacon probe: incidents [skip ci]");
    assert_eq!(files.len(), 1, "{files:?}");
}

// GitLab probes only on the default branch and with its push token.
#[test]
fn gitlab_pages_job_probes_only_on_the_default_branch_with_a_push_token() {
    let (site, _origin) = probed_site_in_a_repo("gitlab");
    let script = block_after(&site.read(".gitlab-ci.yml"), "  script:");
    let snippet = gitlab_snippet(&script, PROBE_TABLE_PATTERN);
    let branch = [
        ("CI_COMMIT_BRANCH", "fix"),
        ("CI_DEFAULT_BRANCH", "main"),
        ("BEACON_PUSH_TOKEN", "t"),
    ];
    let run = run_snippet(&site, &snippet, &branch);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("not the default branch"), "{}", run.stdout);
    let no_token = [("CI_COMMIT_BRANCH", "main"), ("CI_DEFAULT_BRANCH", "main")];
    let run = run_snippet(&site, &snippet, &no_token);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("BEACON_PUSH_TOKEN is not set"),
        "{}",
        run.stdout
    );
    assert!(!site.path("public/probes.json").exists(), "it probed");
}

// The Action probes and commits as publish.yml does, by the same scripts, never on a pull
// request; run as the runner runs them, it opens and pushes an automated incident.
#[test]
fn the_action_probes_and_commits_as_the_template_does() {
    let (site, origin) = probed_site_in_a_repo("github");
    let workflow = site.read(".github/workflows/publish.yml");
    let template_commit = block_after(
        &block_after(&workflow, "      - name: Commit incidents"),
        "run: |",
    );
    let (action_commit, _) = action_step("Commit incidents");
    assert_eq!(action_commit.trim_end(), template_commit.trim_end());
    let (action_probe, _) = action_step("Probe");
    assert!(action_probe.contains(PROBE_TABLE_PATTERN), "{action_probe}");
    assert!(action_probe.contains("--output public"), "{action_probe}");
    let action: serde_norway::Value =
        serde_norway::from_str(&repo_file("action.yml")).expect("action.yml parses");
    for step in action["runs"]["steps"].as_sequence().expect("steps") {
        if matches!(step["name"].as_str(), Some("Probe" | "Commit incidents")) {
            let condition = step["if"].as_str().expect("a condition");
            assert!(condition.contains("inputs.probe == 'true'"), "{condition}");
            assert!(
                condition.contains("github.event_name != 'pull_request'"),
                "{condition}"
            );
        }
    }

    let home = tempfile::tempdir().expect("temp dir");
    let deployed = tempfile::tempdir().expect("temp dir");
    let previous = format!("{}/", deployed.path().display());
    let (run, _) = run_action_step("Probe", site.root(), home.path(), &[("PREVIOUS", &previous)]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(
        site.path("public/probes.json").is_file(),
        "no record for the build"
    );
    let (run, _) = run_action_step(
        "Commit incidents",
        site.root(),
        home.path(),
        &[("BRANCH", "main")],
    );
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let (message, files) = pushed_incidents(origin.path());
    assert_eq!(message, "beacon probe: incidents");
    assert_eq!(files.len(), 1, "{files:?}");
}
