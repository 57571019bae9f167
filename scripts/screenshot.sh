#!/usr/bin/env bash
# Regenerates docs/screenshot.png, the README's picture: the example site's front page as it
# stood at noon on 27 January 2022, during its mobile email outage, in headless Chromium
# (Debian's `chromium` package) at a fixed window size.
# usage: scripts/screenshot.sh   (run from anywhere in the repository)
set -euo pipefail
cd "$(dirname "$0")/.."
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  echo "needs Chromium: apt-get install chromium" >&2
  exit 2
fi
cargo build --release --quiet
beacon="${CARGO_TARGET_DIR:-target}/release/beacon"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$beacon" --quiet build --output "$work/public" --now 2022-01-27T12:00:00-05:00
# No network, no first-run work, no GPU: the same picture on any machine with the same fonts.
# The stale notice is for readers' clocks, and local times for readers' zones; a picture of a
# past page would show the one, and the other would depend on the machine's zone, so their
# scripts are left out of the copy that is photographed.
: >"$work/public/stale.js"
: >"$work/public/local-time.js"
"$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --no-first-run --hide-scrollbars --force-device-scale-factor=1 --window-size=1280,1000 \
  --screenshot="$work/shot.png" "file://$work/public/index.html" 2>/dev/null
mv "$work/shot.png" docs/screenshot.png
echo "docs/screenshot.png: $(wc -c <docs/screenshot.png) bytes"
