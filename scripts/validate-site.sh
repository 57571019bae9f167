#!/usr/bin/env bash
# Builds the example site at a fixed `now` and runs the shared validators on it:
# the Nu Html Checker, the strict feed rules, strict JSON and the link checker.
# usage: scripts/validate-site.sh [--browser]   (--browser adds the headless-Chromium crawl)
# The tools come from ../shared/tools; they are copied to a writable cache and installed there.
set -euo pipefail
cd "$(dirname "$0")/.."
browser=0
[ "${1:-}" = "--browser" ] && browser=1

shared_tools=${BEACON_SHARED_TOOLS:-../shared/tools}
tools=${BEACON_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/beacon-tools}
mkdir -p "$tools"
cp -r "$shared_tools/." "$tools/"
chmod -R u+w "$tools"
if [ $browser = 1 ]; then "$tools/install.sh"; else "$tools/install.sh" --no-browser; fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cargo build --release --quiet
./target/release/beacon build --output "$out/public" --now 2026-11-22T12:00:00-05:00
./target/release/beacon build --output "$out/noon" --now 2022-01-27T12:00:00-05:00

status=0
for site in "$out/public" "$out/noon"; do
  echo "-- $site"
  "$tools/validate-html" "$site" || status=1
  "$tools/validate-feeds" --base-url https://status.example.org/ "$site" || status=1
  "$tools/validate-json" "$site" || status=1
  "$tools/check-links" --base-url https://status.example.org/ "$site" || status=1
done
if [ $browser = 1 ]; then
  ./target/release/beacon build --output "$out/local" --base-url http://127.0.0.1/ --now 2026-11-22T12:00:00-05:00
  "$tools/browser-check" --fail-on serious "$out/local" "${BROWSER_OUT:-$out/browser}" || status=1
fi
exit $status
