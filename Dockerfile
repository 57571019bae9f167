# beacon as a container image: a static musl binary on a minimal base, for GitLab CI (set the
# CI/CD variable BEACON_IMAGE to it) and any CI that runs its jobs in an image. The release
# workflow builds and publishes it for each version tag; by hand:
#   docker build -t beacon .
#   docker run --rm -v "$PWD:/site" -w /site beacon beacon build
# Alpine rather than scratch: CI jobs run their scripts with a shell, and the templates call
# .beacon/install-beacon.sh with bash, which finds this beacon on PATH and installs nothing
# (curl is there for when a site asks for another version: the script downloads it).

FROM rust:1-alpine AS build
# Alpine's packages are not pinned: its repositories keep only the current version of each.
# hadolint ignore=DL3018
RUN apk add --no-cache musl-dev
WORKDIR /src
COPY . .
# On Alpine the host target is *-unknown-linux-musl, and Rust links musl statically.
RUN CARGO_PROFILE_RELEASE_DEBUG=0 CARGO_PROFILE_RELEASE_STRIP=true \
      cargo build --release --locked --bin beacon \
    && cp target/release/beacon /usr/local/bin/beacon \
    && /usr/local/bin/beacon --version

FROM alpine:3.22
# hadolint ignore=DL3018
RUN apk add --no-cache bash ca-certificates curl
COPY --from=build /usr/local/bin/beacon /usr/local/bin/beacon
WORKDIR /site
CMD ["beacon", "--help"]
