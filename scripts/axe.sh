#!/usr/bin/env bash
# axe-core (pinned in .ci/tools/package.json) in Debian's Chromium, driven by playwright-core,
# on the same pages as scripts/lighthouse.sh (home, incident, component, history of the example
# during its 2022 outage and of a 2,000-incident synthetic site), each in light and dark mode,
# at desktop and phone widths. Fails on any violation.
# usage: scripts/axe.sh   (SKIP_INSTALL=1 skips .ci/tools/install.sh)
set -euo pipefail
source "$(dirname "$0")/lib/browser-sites.sh"
# shellcheck disable=SC2086
NODE_PATH=$tools/node_modules node scripts/axe-check.cjs $(awk 'NF { print $2 }' <<<"$sites")
