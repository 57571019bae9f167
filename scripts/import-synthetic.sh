#!/usr/bin/env bash
# Imports the cState half of the synthetic benchmark site and checks that the result shows a
# visitor what the beacon half shows: the same incidents, resolution times, affected components,
# timelines and component statuses. Also times the import and checks it is deterministic.
#
# usage: scripts/import-synthetic.sh GEN_CONTENT_PY [N] [RUNS]
#   GEN_CONTENT_PY  the generator (gen_content.py) that writes DIR/beacon and DIR/cstate
#   N               incidents to generate (default 1000); RUNS timed imports (default 5)
# Needs python3 (for the generator) and jq. Exits 0 with "skipped" when no generator is given.
set -euo pipefail
gen=${1:-}
if [ -z "$gen" ] || [ ! -f "$gen" ]; then
  echo "skipped: no generator given (usage: scripts/import-synthetic.sh path/to/gen_content.py [N] [RUNS])"
  exit 0
fi
n=${2:-1000}
runs=${3:-5}
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/beacon
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$gen" "$n" "$work/gen"
# The generator writes cState's systems and categories as a fragment of `params`.
{
  printf 'title: Synthetic Status\nbaseURL: https://status.example.org/\nparams:\n'
  cat "$work/gen/cstate/systems.yml"
} >"$work/gen/cstate/config.yml"

times=()
for run in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  "$bin" import cstate "$work/gen/cstate" --into "$work/import-$run" >"$work/import-$run.log" 2>&1
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "import of $n incidents, $runs runs (ms): min $(echo "$sorted" | head -1)" \
  "median $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p") max $(echo "$sorted" | tail -1)"
tail -2 "$work/import-1.log"

status=0
if grep -q '^warning:' "$work/import-1.log"; then
  echo "FAIL: the import warned:"; grep '^warning:' "$work/import-1.log" | head; status=1
fi
if [ "$runs" -ge 2 ]; then
  if diff -r "$work/import-1" "$work/import-2" >/dev/null; then
    echo "deterministic: two imports are byte-identical"
  else
    echo "FAIL: two imports differ"; status=1
  fi
fi

now=2026-11-01T00:00:00Z
"$bin" --quiet --root "$work/gen/beacon" build --output "$work/before" --now "$now"
"$bin" --quiet --root "$work/import-1" build --output "$work/after" --now "$now"

# What a visitor sees, from the built JSON API. Severity is left out on purpose: cState has one
# `disrupted` where beacon has `degraded` and `partial` (docs/import.md). Updates are compared by
# time and text here, and their statuses from the files below: the API shows an `update` under the
# status before it, and for updates stamped the same second that depends on their order, which the
# generator writes newest-first in one format and oldest-first in the other.
view() {
  jq -S '{
    incidents: [.incidents[] | {id, started_at, resolved_at,
      components: [.components[].id] | sort,
      updates: [.incident_updates[] | {body, display_at}] | sort_by(.display_at, .body)}]
      | sort_by(.id),
  }' "$1/api/v2/incidents.json"
  jq -S '[.components[] | select(.group | not) | {id, name, group_id,
    operational: (.status == "operational")}] | sort_by(.id)' "$1/api/v2/components.json"
}
view "$work/before" >"$work/before.json"
view "$work/after" >"$work/after.json"
if diff -u "$work/before.json" "$work/after.json" >"$work/diff.txt"; then
  echo "agree: $(jq -s '.[0].incidents | length' "$work/before.json") incidents," \
    "$(jq -s '[.[0].incidents[] | select(.resolved_at == null)] | length' "$work/before.json") unresolved at $now," \
    "$(jq -s '[.[0].incidents[].updates[]] | length' "$work/before.json") updates," \
    "$(jq -s '.[1] | length' "$work/before.json") components, same dates, components and statuses"
else
  echo "FAIL: the imported site differs from the generated beacon site:"; head -40 "$work/diff.txt"; status=1
fi
# Each update's status as written, per file: (file, time, status), times normalised to UTC `Z`.
statuses() {
  (cd "$1/content/incidents" && grep -r -A1 '^at = ' . | sed -n 's/^\(.*\.md\)[:-]\(at\|status\) = "\{0,1\}\([^"]*\)"\{0,1\}$/\1 \3/p' |
    sed 's/+00:00$/Z/' | paste -d' ' - - | awk '{print $1, $2, $4}' | sort)
}
statuses "$work/gen/beacon" >"$work/before-status.txt"
statuses "$work/import-1" >"$work/after-status.txt"
if cmp -s "$work/before-status.txt" "$work/after-status.txt" && [ -s "$work/before-status.txt" ]; then
  echo "agree: $(wc -l <"$work/before-status.txt") update statuses, file by file"
else
  echo "FAIL: update statuses differ:"; diff "$work/before-status.txt" "$work/after-status.txt" | head -20; status=1
fi
exit $status
