#!/usr/bin/env bash
# Builds the example site at two fixed instants, and in every shipped language (with mirrors),
# and reads each build the way clients do:
# the Nu Html Checker on every page and stylesheet, feedparser and lxml on feeds and sitemap,
# a strict JSON parser on the API, and a link checker over every same-site link.
# The tools are the project's own (.ci/tools/), installed by .ci/tools/install.sh.
# usage: scripts/validate-site.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tools=.ci/tools
"$tools/install.sh"
python=$tools/.venv/bin/python
base=https://status.example.org/

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/beacon"
"$bin" build --output "$out/public" --now 2026-11-22T12:00:00-05:00
"$bin" build --output "$out/noon" --now 2022-01-27T12:00:00-05:00

# The example in every shipped language (locales/*.ftl), at the instant with the most to show.
languages=()
for catalogue in locales/*.ftl; do
  code=$(basename "$catalogue" .ftl)
  languages+=("$out/lang/$code")
  mkdir -p "$out/src/$code"
  cp -r config.toml content "$out/src/$code/"
  # One language throughout: `language` replaces `languages`, and the translations go.
  sed -i -e "s/^language = .*/language = \"$code\"/" -e "s/^languages = .*/language = \"$code\"/" \
    "$out/src/$code/config.toml"
  grep -q "^language = \"$code\"" "$out/src/$code/config.toml"
  # With mirrors, so every language's footer links and stale notice data are checked too.
  sed -i '1i mirrors = ["https://status.example.net/", "https://example-status.pages.dev/"]' \
    "$out/src/$code/config.toml"
  find "$out/src/$code/content" -name '*.*.md' -delete
  rm -f "$out/src/$code"/config.*.toml
  # One probed component (a lookup of localhost, always up): two runs of `beacon probe` leave
  # probes.json in the output, so the response-time section is validated in every language.
  printf '\n[[probe]]\ncomponent = "desktop-email"\ntype = "dns"\nname = "localhost"\n' \
    >> "$out/src/$code/config.toml"
  for probed_at in 2026-11-21T12:00:00-05:00 2026-11-22T11:00:00-05:00; do
    previous="$out/lang/$code"
    [ -d "$previous" ] || previous="$out/src/$code"
    "$bin" --root "$out/src/$code" --quiet probe --previous "$previous" --output "$out/lang/$code" \
      --now "$probed_at"
  done
  "$bin" --root "$out/src/$code" --quiet build --output "$out/lang/$code" --now 2026-11-22T12:00:00-05:00
done

status=0
# One checker run for every language's pages (the JVM's start is most of its time).
echo "-- ${#languages[@]} languages: ${languages[*]##*/}"
java -jar "$tools/node_modules/vnu-jar/build/dist/vnu.jar" --errors-only --skip-non-html \
  --also-check-css "${languages[@]}" && echo "vnu: no errors" || status=1
"$python" "$tools/check_json.py" "$out/lang" || status=1
for site in "${languages[@]}"; do
  echo -n "${site##*/}: "
  "$python" "$tools/check_feeds.py" --base-url "$base" "$site" || status=1
done
for site in "$out/public" "$out/noon"; do
  echo "-- $site"
  java -jar "$tools/node_modules/vnu-jar/build/dist/vnu.jar" --errors-only --skip-non-html \
    --also-check-css "$site" && echo "vnu: no errors" || status=1
  "$python" "$tools/check_feeds.py" --base-url "$base" "$site" || status=1
  "$python" "$tools/check_json.py" "$site" || status=1
  # The JSON that is not under api/v2's Statuspage shape is checked too: it must be there.
  for json in api/v2/uptime/monthly.json history/index.json fr/history/index.json; do
    [ -f "$site/$json" ] || { echo "missing $json"; status=1; }
  done
  "$python" "$tools/check_site_links.py" --base-url "$base" "$site" || status=1
done
exit $status
