#!/usr/bin/env bash
# Lighthouse (the npm package, pinned in .ci/tools/package.json) in Debian's Chromium on the
# example site during its 2022 outage and on a 2,000-incident synthetic site: the home page, an
# incident, a component and the history of each. Fails unless every page scores at least 95
# for accessibility, best practices and SEO, and at least 90 for performance (Lighthouse's
# default mobile run, simulated throttling).
# usage: scripts/lighthouse.sh   (SKIP_INSTALL=1 skips .ci/tools/install.sh)
set -euo pipefail
source "$(dirname "$0")/lib/browser-sites.sh"

lighthouse=$tools/node_modules/lighthouse/cli/index.js
status=0
printf '%-14s %-5s %-5s %-5s %-5s %s\n' site perf a11y bp seo page
while read -r name url; do
  [ -n "$name" ] || continue
  report="$work/lighthouse-$(echo "$name $url" | tr -c 'a-zA-Z0-9' '_').json"
  node "$lighthouse" "$url" --quiet --output=json --output-path="$report" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-dev-shm-usage --no-first-run" \
    || { echo "lighthouse failed on $url"; status=1; continue; }
  python3 - "$report" "$name" "$url" <<'PY' || status=1
import json, sys
report, name, url = sys.argv[1:]
data = json.load(open(report))
need = {"performance": 90, "accessibility": 95, "best-practices": 95, "seo": 95}
scores = {k: round((data["categories"][k]["score"] or 0) * 100) for k in need}
path = url.split("/", 3)[3] or "(home)"
print(f"{name:<14} " + " ".join(f"{scores[k]:<5}" for k in need) + f" {path}")
low = [k for k in need if scores[k] < need[k]]
for k in low:
    print(f"  {k} {scores[k]} < {need[k]}; what cost points:")
    for ref in data["categories"][k]["auditRefs"]:
        audit = data["audits"][ref["id"]]
        if ref["weight"] > 0 and audit.get("score") is not None and audit["score"] < 1:
            print(f"    {audit['id']}: {audit['title']} ({audit.get('displayValue', '')})")
sys.exit(1 if low else 0)
PY
done <<<"$sites"
[ $status -eq 0 ] && echo "lighthouse: every page meets 90 (performance) and 95 (accessibility, best practices, SEO)"
exit $status
