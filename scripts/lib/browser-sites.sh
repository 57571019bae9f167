# Sourced by scripts/lighthouse.sh and scripts/axe.sh: builds the example site (at noon on
# 2022-01-27, during its outage) and a 2,000-incident synthetic site (made by the build
# benchmark's generator), serves each on 127.0.0.1 with Python's http.server, and lists the
# pages the browser checks open: the home page, an incident, a component and the history.
# After sourcing: $chromium, $tools, $work, and `sites`, lines of "NAME URL" (one per page).
# The servers stop, and $work goes, when the calling script exits.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
tools=$PWD/.ci/tools
[ -n "${SKIP_INSTALL:-}" ] || "$tools/install.sh" >/dev/null
chromium=${CHROME_PATH:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$chromium" ]; then
  echo "needs Chromium: apt-get install chromium (.ci/tools/install.sh does)" >&2
  exit 2
fi
export CHROME_PATH=$chromium
cargo build --release --quiet
bin=$PWD/${CARGO_TARGET_DIR:-target}/release/beacon
work=$(mktemp -d)
servers=()
cleanup() {
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# A free port on 127.0.0.1, from the kernel.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# serve NAME ROOT NOW: builds ROOT at NOW for its address on 127.0.0.1 and serves it.
serve() {
  local name=$1 root=$2 now=$3 port
  port=$(free_port)
  "$bin" --root "$root" --quiet build --output "$work/$name" --now "$now" \
    --base-url "http://127.0.0.1:$port/"
  python3 -m http.server --bind 127.0.0.1 --directory "$work/$name" "$port" >/dev/null 2>&1 &
  servers+=($!)
  for _ in $(seq 50); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break
    sleep 0.1
  done
  local incident component
  incident=$(cd "$work/$name" && ls -d incidents/*/ | sort | tail -1)
  component=$(cd "$work/$name" && ls -d components/*/ | sort | head -1)
  for page in "" "$incident" "$component" history/; do
    sites+="$name http://127.0.0.1:$port/$page"$'\n'
  done
}

sites=""
serve example "$PWD" 2022-01-27T12:00:00-05:00
echo "generating 2,000 incidents with benches/build.rs's generator ..." >&2
cargo bench --quiet --bench build -- cold-2k --runs 1 --keep "$work/bench" >/dev/null
serve synthetic-2k "$work/bench/cold-2k" 2026-01-01T00:00:00Z
