#!/usr/bin/env bash
# Puts `beacon` on PATH for a CI build, written by `beacon init --ci`. In order:
#   1. a `beacon` already on PATH is used as it is;
#   2. else the prebuilt binary of release v$BEACON_VERSION is downloaded and its SHA-256
#      checked against the checksum file published beside it (seconds);
#   3. else (no binary for this platform, or the download failed) `cargo install` builds it
#      (minutes).
# The binary goes to $BEACON_BIN_DIR (default ~/.local/bin); on GitHub Actions that folder is
# also added to PATH for later steps. Other hosts: export PATH="$HOME/.local/bin:$PATH".
set -euo pipefail

version="${BEACON_VERSION:-{{version}}}"
repo="${BEACON_REPO:-{{repository}}}"
bin_dir="${BEACON_BIN_DIR:-$HOME/.local/bin}"

if command -v beacon >/dev/null 2>&1; then
  echo "using $(command -v beacon) ($(beacon --version))"
  exit 0
fi
mkdir -p "$bin_dir"
if [ -n "${GITHUB_PATH:-}" ]; then echo "$bin_dir" >>"$GITHUB_PATH"; fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) target=x86_64-unknown-linux-musl ;;
  Linux-aarch64 | Linux-arm64) target=aarch64-unknown-linux-musl ;;
  Darwin-arm64) target=aarch64-apple-darwin ;;
  Darwin-x86_64) target=x86_64-apple-darwin ;;
  *) target="" ;;
esac

prebuilt() {
  local archive="beacon-v$version-$target.tar.gz"
  local url="$repo/releases/download/v$version/$archive"
  local tmp
  tmp="$(mktemp -d)"
  curl -fsSL --retry 3 -o "$tmp/$archive" "$url" || return 1
  curl -fsSL --retry 3 -o "$tmp/$archive.sha256" "$url.sha256" || return 1
  if command -v sha256sum >/dev/null 2>&1; then
    (cd "$tmp" && sha256sum -c "$archive.sha256") || return 1
  else
    (cd "$tmp" && shasum -a 256 -c "$archive.sha256") || return 1
  fi
  tar -xzf "$tmp/$archive" -C "$bin_dir" beacon
  echo "installed the prebuilt beacon v$version ($target) into $bin_dir"
}

if [ -n "$target" ] && prebuilt; then
  exit 0
fi
echo "no prebuilt binary for $(uname -s)-$(uname -m) v$version; building with cargo install"
root="$(dirname "$bin_dir")"
cargo install --locked --root "$root" --version "$version" beacon-status ||
  cargo install --locked --root "$root" --git "$repo" --tag "v$version" beacon-status
