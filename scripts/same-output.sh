#!/usr/bin/env bash
# Shows that two beacon binaries write the same site, byte for byte: the example site in every
# shipped language (locales/*.ftl), the bilingual example at two instants, and a synthetic site
# of 10,000 incidents (made by the build benchmark's own generator). For refactors that must
# change no output. Prints one line per site and exits non-zero on any difference.
# usage: scripts/same-output.sh BEFORE_BINARY AFTER_BINARY
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: $0 BEFORE_BINARY AFTER_BINARY" >&2; exit 2; }
before=$(realpath "$1") after=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sites=()   # "name|root|now"
sites+=("bilingual example at noon on 2022-01-27|$PWD|2022-01-27T12:00:00-05:00")
sites+=("bilingual example on 2026-11-22|$PWD|2026-11-22T12:00:00-05:00")
for catalogue in locales/*.ftl; do
  code=$(basename "$catalogue" .ftl)
  mkdir -p "$work/src/$code"
  cp -r config.toml content "$work/src/$code/"
  sed -i -e "s/^language = .*/language = \"$code\"/" -e "s/^languages = .*/language = \"$code\"/" \
    "$work/src/$code/config.toml"
  find "$work/src/$code/content" -name '*.*.md' -delete
  sites+=("example in $code|$work/src/$code|2022-01-27T12:00:00-05:00")
done
echo "generating 10,000 incidents with benches/build.rs's generator ..."
cargo bench --quiet --bench build -- cold-10k --runs 1 --keep "$work/bench" >/dev/null
sites+=("synthetic site, 10,000 incidents|$work/bench/cold-10k|2026-01-01T00:00:00Z")

status=0
for site in "${sites[@]}"; do
  IFS='|' read -r name root now <<<"$site"
  for side in before after; do
    rm -rf "$work/$side"
    "${!side}" --root "$root" --quiet build --output "$work/$side" --now "$now" >/dev/null
  done
  files=$(find "$work/after" -type f | wc -l)
  # The record (.beacon-manifest.json) is compared by the paths it lists: since the rebuild
  # work of issue 20 it also keeps a hash of each file (`built`), which a binary before that
  # does not write.
  listed() { python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["writers"], sort_keys=True))' "$1"; }
  if diff -r -x .beacon-manifest.json "$work/before" "$work/after" >"$work/diff" 2>&1 \
    && [ "$(listed "$work/before/.beacon-manifest.json")" = "$(listed "$work/after/.beacon-manifest.json")" ]; then
    echo "same: $name ($files files)"
  else
    echo "DIFFERENT: $name"; head -20 "$work/diff"; status=1
  fi
done
exit $status
