#!/usr/bin/env bash
# Puts `beacon` on PATH for a CI build. Written by `beacon init --ci`; every deploy template
# runs it (GitHub through the beacon Action, which runs this same script).
#
# Where beacon comes from is said here, once: the version below and the repository its
# releases and sources come from. A CI variable of the same name overrides either:
#   BEACON_VERSION  the version to install (default {{version}})
#   BEACON_REPO     the repository, or your fork or mirror of it (default {{repository}})
#   BEACON_SOURCE   optional: a folder, or a git URL (at the tag v<version>, or at a branch
#                   given as URL#branch), to build from instead of the ones below
#   BEACON_CACHE_DIR  where binaries and the source build are kept between runs; the
#                   templates give it to the CI's cache (default ~/.cache/beacon)
#   BEACON_BIN_DIR  where the binary is put (default ~/.local/bin; on GitHub Actions it is
#                   also added to PATH for later steps; elsewhere export PATH="$HOME/.local/bin:$PATH")
#
# Sources, in order; the first that works is used:
#   1. a `beacon` of that version already on PATH (a build image with beacon in it);
#   2. the cache: $BEACON_CACHE_DIR/<version>/beacon, from an earlier run;
#   3. the release archive $BEACON_REPO/releases/download/v<version>/beacon-v<version>-<target>.tar.gz,
#      checked against the SHA-256 in the .sha256 file beside it (seconds);
#   4. a build from source with cargo (minutes, once: the binary and the build are cached):
#      BEACON_SOURCE if set, else the crate beacon-status <version> from crates.io, else
#      $BEACON_REPO at the tag v<version>.
# If none works it prints one message: what it tried, and what to set.
# `install-beacon.sh --print-version` prints the version it would install, and nothing else.
set -euo pipefail

version="${BEACON_VERSION:-{{version}}}"
version="${version#v}"
repo="${BEACON_REPO:-{{repository}}}"
repo="${repo%/}"
repo="${repo%.git}"
source="${BEACON_SOURCE:-}"
cache="${BEACON_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/beacon}"
bin_dir="${BEACON_BIN_DIR:-$HOME/.local/bin}"

if [ "${1:-}" = --print-version ]; then
  echo "$version"
  exit 0
fi

tried=()
cached="$cache/$version/beacon"

# Copies the binary at $1 into the cache (unless it is the cached one) and into $bin_dir.
install_from() {
  mkdir -p "$cache/$version" "$bin_dir"
  if [ "$1" != "$cached" ]; then
    cp "$1" "$cached.tmp" && chmod +x "$cached.tmp" && mv -f "$cached.tmp" "$cached"
  fi
  cp "$cached" "$bin_dir/beacon.tmp" && mv -f "$bin_dir/beacon.tmp" "$bin_dir/beacon"
  if [ -n "${GITHUB_PATH:-}" ]; then echo "$bin_dir" >>"$GITHUB_PATH"; fi
}

# Whether the binary at $1 runs and says it is beacon $version.
is_wanted() {
  [ -x "$1" ] && [ "$("$1" --version 2>/dev/null)" = "beacon $version" ]
}

# 1. On PATH.
if on_path="$(command -v beacon 2>/dev/null)"; then
  if is_wanted "$on_path"; then
    echo "using $on_path (beacon $version)"
    exit 0
  fi
  tried+=("beacon on PATH: $on_path is $("$on_path" --version 2>/dev/null || echo "not runnable"), not beacon $version")
else
  tried+=("beacon on PATH: none")
fi

# 2. The cache.
if is_wanted "$cached"; then
  install_from "$cached"
  echo "installed beacon $version from the cache ($cached) into $bin_dir"
  exit 0
fi
tried+=("the cache: no beacon $version in $cache")

# 3. The release archive.
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) target=x86_64-unknown-linux-musl ;;
  Linux-aarch64 | Linux-arm64) target=aarch64-unknown-linux-musl ;;
  Darwin-arm64) target=aarch64-apple-darwin ;;
  Darwin-x86_64) target=x86_64-apple-darwin ;;
  *) target="" ;;
esac
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Prints why it failed, on stdout, when it fails.
release() {
  local archive="beacon-v$version-$target.tar.gz"
  local url="$repo/releases/download/v$version/$archive"
  if ! command -v curl >/dev/null 2>&1; then
    echo "$url: no curl to download it"
    return 1
  fi
  if ! curl -fsSL --retry 2 --connect-timeout 10 -o "$work/$archive" "$url" 2>"$work/curl.log" ||
    ! curl -fsSL --retry 2 --connect-timeout 10 -o "$work/$archive.sha256" "$url.sha256" 2>>"$work/curl.log"; then
    echo "$url: $(tail -n 1 "$work/curl.log" | sed 's/^curl: ([0-9]*) //')"
    return 1
  fi
  local expected actual
  expected="$(cut -d ' ' -f 1 <"$work/$archive.sha256")"
  if command -v sha256sum >/dev/null 2>&1; then
    actual="$(sha256sum "$work/$archive" | cut -d ' ' -f 1)"
  else
    actual="$(shasum -a 256 "$work/$archive" | cut -d ' ' -f 1)"
  fi
  if [ "$expected" != "$actual" ]; then
    echo "$url: its SHA-256 is $actual, not $expected as $archive.sha256 says; not used"
    return 1
  fi
  mkdir -p "$work/release"
  if ! tar -xzf "$work/$archive" -C "$work/release" beacon 2>/dev/null || ! is_wanted "$work/release/beacon"; then
    echo "$url: the archive holds no beacon $version that runs here"
    return 1
  fi
  install_from "$work/release/beacon"
}

if [ -z "$target" ]; then
  tried+=("the release archive: none is built for $(uname -s)-$(uname -m)")
elif why="$(release)"; then
  echo "installed beacon $version ($target) from the release archive, checksum verified, into $bin_dir"
  exit 0
else
  tried+=("the release archive $why")
fi

# 4. A build from source, with its target folder cached.
build() {
  local what="$1"
  shift
  echo "building beacon $version from $what with cargo install (minutes, once)"
  if CARGO_TARGET_DIR="$cache/target" cargo install --locked --quiet --root "$work/cargo" "$@" \
    >"$work/cargo.log" 2>&1 && is_wanted "$work/cargo/bin/beacon"; then
    install_from "$work/cargo/bin/beacon"
    echo "installed beacon $version, built from $what, into $bin_dir"
    return 0
  fi
  local last
  last="$(grep -v '^[[:space:]]*$' "$work/cargo.log" | tail -n 1)"
  tried+=("a build from $what: ${last:-cargo did not install beacon $version}")
  return 1
}

if ! command -v cargo >/dev/null 2>&1; then
  tried+=("a build from source: no cargo on PATH")
elif [ -n "$source" ]; then
  if [ -d "$source" ]; then
    build "$source" --path "$source" && exit 0
  elif [ "${source#*#}" != "$source" ]; then
    build "${source%%#*} (branch ${source#*#})" --git "${source%%#*}" --branch "${source#*#}" beacon-status && exit 0
  else
    build "$source (tag v$version)" --git "$source" --tag "v$version" beacon-status && exit 0
  fi
else
  build "crates.io (beacon-status $version)" --version "$version" beacon-status && exit 0
  build "$repo (tag v$version)" --git "$repo" --tag "v$version" beacon-status && exit 0
fi

{
  echo "error: could not install beacon $version. Tried, in order:"
  for line in "${tried[@]}"; do echo "  - $line"; done
  echo "Set one of these as a CI variable (or change the default in .beacon/install-beacon.sh):"
  echo "  BEACON_VERSION  a version that has a release (now $version)"
  echo "  BEACON_REPO     a fork or mirror whose releases hold beacon-v<version>-<target>.tar.gz and its .sha256 (now $repo)"
  echo "  BEACON_SOURCE   a git URL (URL#branch for a branch) or a folder to build beacon from with cargo"
  echo "or build in an image with beacon on PATH (the Dockerfile in beacon's repository)."
} >&2
exit 1
