#!/usr/bin/env python3
"""Times two beacon binaries on the same site in alternating runs, so both meet the same load.

usage: scripts/ab.py BEFORE AFTER SITE [--case edit|cold|serve] [--runs N] [--disk DIR] [--tmpfs DIR]

SITE is a site folder (config.toml, content/), for example one written by the shared generator:
`gen_content.py 10000 DIR --seed 7` gives DIR/beacon. The site is copied once per binary, so
neither sees the other's files (the output folder, `.beacon/cache/`).

Cases:
  edit   one incident's title edited, then `beacon build` into the previous output on --disk
         (default: the temp folder); the wall time of each rebuild, and the load step
  cold   `beacon build` into a folder not there yet on --tmpfs (default /dev/shm), with no
         `.beacon/cache/`: wall time, CPU time (user + system) and peak RSS, and the load step
  serve  `beacon serve` on the site: from writing an edited incident to the `reload` event on
         `/__beacon/events` after which the incident's page shows the edit

Prints min / median / max of each figure for each binary and the ratio of the medians
(AFTER / BEFORE). The order within each pair alternates.
"""

import argparse
import os
import pathlib
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

NOW = "2026-11-01T00:00:00Z"
# `content::cache::RACY`, in seconds.
RACY_S = 2


def newest_incident(site):
    """The site's newest incident file (by name)."""
    return sorted((site / "content" / "incidents").rglob("*.md"))[-1]


def title_edit(site, n, path=None):
    """Rewrites the title of `path` (else of the site's newest incident file); returns that file."""
    path = path or newest_incident(site)
    text = path.read_text()
    text, count = re.subn(r'(?m)^title = ".*"$', f'title = "Edited title {n}"', text, count=1)
    if count != 1:
        sys.exit(f"{path}: no title line to edit")
    path.write_text(text)
    return path


def run(binary, site, out, extra=()):
    """Runs one build; returns wall seconds, CPU seconds, peak RSS (KiB) and the load step (ms)."""
    cmd = [binary, "--root", str(site), "--verbose", "build", "--output", str(out), "--now", NOW, *extra]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read()
    if status != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{err}")
    load = re.search(r"^loaded .*\((\d+) ms\)$", err, re.M)
    return {
        "wall s": wall,
        "cpu s": usage.ru_utime + usage.ru_stime,
        "rss MiB": usage.ru_maxrss / 1024,
        "load ms": float(load.group(1)) if load else float("nan"),
    }


def request(port, path):
    """The whole response to `GET path` (head and body), as bytes."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


class Events:
    """The `/__beacon/events` stream of a running `beacon serve`, line by line."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        self.sock.sendall(
            f"GET /__beacon/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n".encode()
        )
        self.file = self.sock.makefile("rb")

    def wait_for(self, line):
        while True:
            got = self.file.readline()
            if not got:
                sys.exit("the event stream closed")
            if got.strip() == line.encode():
                return


def serve_once(binary, site, n, procs):
    """One save-to-reload time of `beacon serve` (started once per binary, kept in `procs`)."""
    if binary not in procs:
        proc = subprocess.Popen(
            [binary, "--root", str(site), "serve", "--port", "0", "--now", NOW],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )
        port = None
        for line in proc.stdout:
            found = re.search(r"http://127\.0\.0\.1:(\d+)", line)
            if found:
                port = int(found.group(1))
                break
        if port is None:
            sys.exit("serve did not say its URL")
        # Keep draining its output so that it never blocks on a full pipe.
        threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True).start()
        events = Events(port)
        events.wait_for("event: hello")
        procs[binary] = (proc, port, events)
    proc, port, events = procs[binary]
    # Found before the clock starts: listing 10,000 files in Python takes ~0.1 s, which is the
    # harness's time, not the save's.
    path = newest_incident(site)
    time.sleep(0.3)
    start = time.perf_counter()
    title_edit(site, n, path)
    # A save can reach the watcher as two changes: wait for the reload that shows the edit.
    while True:
        events.wait_for("event: reload")
        if f"Edited title {n}".encode() in request(port, f"/incidents/{path.stem}/"):
            break
    if not request(port, "/").startswith(b"HTTP/1.1 200"):
        sys.exit("GET / failed")
    return {"reload s": time.perf_counter() - start}


def summary(values):
    values = sorted(values)
    return f"{values[0]:.3f} / {statistics.median(values):.3f} / {values[-1]:.3f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("site")
    ap.add_argument("--case", choices=["edit", "cold", "serve"], default="edit")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--disk", default=tempfile.gettempdir())
    ap.add_argument("--tmpfs", default="/dev/shm")
    args = ap.parse_args()
    binaries = {"before": os.path.realpath(args.before), "after": os.path.realpath(args.after)}
    work = pathlib.Path(tempfile.mkdtemp(prefix="beacon-ab-", dir=args.disk))
    scratch = pathlib.Path(tempfile.mkdtemp(prefix="beacon-ab-", dir=args.tmpfs))
    procs = {}
    try:
        sites = {}
        for side in binaries:
            sites[side] = work / side / "site"
            shutil.copytree(args.site, sites[side], ignore=shutil.ignore_patterns(".beacon", "public"))
        if args.case in ("edit", "serve"):
            # beacon trusts a file's size and time only once the file is RACY_S old (a write
            # within a clock tick of a read may not show, `content::cache::RACY`), and reads a
            # younger file again at every load. A user's site is older than that; a copy made
            # just now is not, and would be read whole by the first rebuilds.
            time.sleep(RACY_S + 0.5)
        results = {side: [] for side in binaries}
        if args.case == "edit":
            for side, binary in binaries.items():
                run(binary, sites[side], work / side / "public")
        for n in range(args.runs):
            order = list(binaries) if n % 2 == 0 else list(reversed(binaries))
            for side in order:
                binary, site = binaries[side], sites[side]
                if args.case == "edit":
                    title_edit(site, n)
                    results[side].append(run(binary, site, work / side / "public"))
                elif args.case == "cold":
                    out = scratch / side
                    shutil.rmtree(out, ignore_errors=True)
                    shutil.rmtree(site / ".beacon", ignore_errors=True)
                    results[side].append(run(binary, site, out))
                    shutil.rmtree(out)
                else:
                    results[side].append(serve_once(binary, site, n, procs))
        print(f"{args.case}, {args.runs} runs each, alternating; {os.cpu_count()} CPUs; min / median / max")
        for key in results["before"][0]:
            medians = {}
            for side in binaries:
                values = [r[key] for r in results[side]]
                medians[side] = statistics.median(values)
                print(f"  {key:8} {side:6}: {summary(values)}")
            if medians["before"]:
                print(f"  {key:8} after / before (medians): {medians['after'] / medians['before']:.3f}")
    finally:
        for proc, _, _ in procs.values():
            proc.terminate()
            proc.wait()
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
