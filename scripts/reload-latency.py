#!/usr/bin/env python3
"""Measures `beacon serve`'s save-to-reload time: from a content file being saved to the
`reload` server-sent event reaching a connected page.

For each site (the example site at the repository root, and a generated one with 10,000
incidents), it starts `beacon serve --port 0` on a copy, connects to /__beacon/events, then
several times rewrites one incident's title and times the arrival of the reload event. Prints
the median, min and max per site.

usage: scripts/reload-latency.py [--runs N] [--incidents N] [--binary PATH]
The default binary is target/release/beacon, built first with `cargo build --release`.
"""

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# 2026-11-22T12:00:00-05:00: every build of a run shows the same `now`.
EPOCH = "1795366800"

INCIDENT = """+++
title = "{title}"
date = {date}T{hour:02}:00:00-05:00
resolved = {date}T{end:02}:30:00-05:00
severity = "{severity}"
components = ["{component}"]

[[updates]]
at = {date}T{hour:02}:10:00-05:00
status = "investigating"
text = "Generated incident {n}: we are looking into it."

[[updates]]
at = {date}T{end:02}:30:00-05:00
status = "resolved"
text = "Generated incident {n} is resolved."
+++
Generated body for incident {n}, with *some* Markdown.
"""


def example_site(into):
    shutil.copy(os.path.join(REPO, "config.toml"), into)
    for folder in ("content", "themes", "templates", "static"):
        source = os.path.join(REPO, folder)
        if os.path.isdir(source):
            shutil.copytree(source, os.path.join(into, folder))


def big_site(into, count):
    example_site(into)
    components = ["desktop-email", "mobile-email", "govirtual", "gobrowser", "sspr"]
    severities = ["degraded", "partial", "major", "notice"]
    for n in range(count):
        # Spread over 2000-2026, one incident per day at most per slot.
        year = 2000 + n % 27
        day_of_year = (n // 27) % 365
        date = time.strftime("%Y-%m-%d", time.strptime(f"{year} {day_of_year + 1}", "%Y %j"))
        folder = os.path.join(into, "content", "incidents", "generated", str(year))
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"{date}-generated-{n}.md"), "w") as f:
            f.write(
                INCIDENT.format(
                    title=f"Generated incident {n}",
                    date=date,
                    hour=8,
                    end=9 + n % 10,
                    severity=severities[n % 4],
                    component=components[n % 5],
                    n=n,
                )
            )


def edit_target(root):
    """An existing incident file whose title line the runs rewrite."""
    for dirpath, _, files in sorted(os.walk(os.path.join(root, "content", "incidents"))):
        for name in sorted(files):
            if name.endswith(".md"):
                return os.path.join(dirpath, name)
    raise SystemExit("no incident file to edit")


def read_until(sock, buffer, needle, limit):
    """Reads from `sock` until `needle` is in `buffer`; returns the rest after it, or None."""
    deadline = time.perf_counter() + limit
    while needle not in buffer:
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            return None
        sock.settimeout(remaining)
        try:
            chunk = sock.recv(4096)
        except socket.timeout:
            return None
        if not chunk:
            return None
        buffer += chunk.decode("utf-8", "replace")
    return buffer.split(needle, 1)[1]


def measure(binary, root, runs):
    server = subprocess.Popen(
        [binary, "--root", root, "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=dict(os.environ, SOURCE_DATE_EPOCH=EPOCH),
        text=True,
    )
    try:
        first = server.stdout.readline()
        port = int(first.split("127.0.0.1:")[1].split("/")[0])
        sock = socket.create_connection(("127.0.0.1", port))
        sock.sendall(b"GET /__beacon/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        # The greeting comes once the first build is done.
        buffer = read_until(sock, "", "event: hello", 300)
        if buffer is None:
            raise SystemExit("no greeting from the server")
        build_line = server.stdout.readline().strip()
        path = edit_target(root)
        with open(path) as f:
            original = f.read()
        times = []
        for run in range(runs):
            text = original.replace('title = "', f'title = "(edit {run}) ', 1)
            with open(path, "w") as f:
                f.write(text)
            saved = time.perf_counter()
            buffer = read_until(sock, buffer, "event: reload", 30)
            if buffer is None:
                raise SystemExit(f"no reload event after edit {run}")
            times.append((time.perf_counter() - saved) * 1000)
            # Let any trailing event of the same save arrive before the next edit.
            time.sleep(0.4)
            buffer = ""
            sock.settimeout(0.05)
            try:
                while sock.recv(4096):
                    pass
            except socket.timeout:
                pass
        sock.close()
        return build_line, times
    finally:
        server.terminate()
        server.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--incidents", type=int, default=10000)
    parser.add_argument("--binary", default=os.path.join(REPO, "target", "release", "beacon"))
    args = parser.parse_args()
    if args.binary == os.path.join(REPO, "target", "release", "beacon"):
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)

    print(f"machine: {os.cpu_count()} CPUs, {sys.platform}; {args.runs} edits per site")
    with tempfile.TemporaryDirectory() as tmp:
        sites = [("example site", os.path.join(tmp, "example"), example_site)]
        sites.append(
            (
                f"{args.incidents}-incident site",
                os.path.join(tmp, "big"),
                lambda into: big_site(into, args.incidents),
            )
        )
        for name, root, make in sites:
            os.makedirs(root)
            make(root)
            build_line, times = measure(args.binary, root, args.runs)
            print(
                f"{name}: save-to-reload median {statistics.median(times):.0f} ms "
                f"(min {min(times):.0f}, max {max(times):.0f}); first build: {build_line}"
            )


if __name__ == "__main__":
    main()
