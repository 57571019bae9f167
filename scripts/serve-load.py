#!/usr/bin/env python3
"""Measures `beacon serve` under load, on 127.0.0.1 only, every phase bounded in count and time.

It copies the example site at the repository root to a temp folder, adds an 8 MB file to its
`static/`, starts `beacon serve --bind 127.0.0.1 --port 0` on it, and runs three phases:

1. concurrent: N requests for `/` (default 200) sent at once; latency min/median/max, failures.
2. slow readers: M connections (default 50) ask for the 8 MB file and never read; meanwhile
   20 ordinary requests are sent one after another (5 s timeout each); their latency, failures.
3. reload streams: S event streams (default 300) are opened and greeted; an incident file is
   rewritten and the time until every stream has its `reload` event is measured.

After each phase it prints the server's thread count (from /proc) and resident memory.
Every socket has a timeout and the whole run a deadline, so a server that stalls costs at most
a few seconds per request, never a hang.

usage: scripts/serve-load.py [--binary PATH] [--requests N] [--slow M] [--streams S]
The default binary is target/release/beacon, built first with `cargo build --release`.
"""

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HOST = "127.0.0.1"  # never anything else: this script must not reach past the machine
# 2026-11-22T12:00:00-05:00, as in scripts/reload-latency.py.
EPOCH = "1795366800"
BIG = "static/big.bin"
BIG_BYTES = 8 * 1024 * 1024
TIMEOUT = 5.0


def copy_site(into):
    for name in ["config.toml", "content", "templates", "themes", "static"]:
        source = os.path.join(REPO, name)
        if os.path.isdir(source):
            shutil.copytree(source, os.path.join(into, name))
        elif os.path.isfile(source):
            shutil.copy(source, os.path.join(into, name))
    os.makedirs(os.path.join(into, "static"), exist_ok=True)
    with open(os.path.join(into, BIG), "wb") as f:
        f.write(os.urandom(BIG_BYTES))


def process_figures(pid):
    threads = rss = None
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("Threads:"):
                threads = int(line.split()[1])
            elif line.startswith("VmRSS:"):
                rss = int(line.split()[1]) // 1024
    return f"threads {threads}, RSS {rss} MB"


def summary(name, times, failures):
    if times:
        ms = [t * 1000 for t in times]
        figures = f"min {min(ms):.1f} ms, median {statistics.median(ms):.1f} ms, max {max(ms):.1f} ms"
    else:
        figures = "no request succeeded"
    print(f"{name}: {len(times)} ok, {failures} failed; {figures}")


async def get(port, path="/"):
    """One GET with Connection: close; returns (status, seconds) or raises on timeout."""
    started = time.monotonic()
    reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, port), TIMEOUT)
    try:
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n".encode())
        await writer.drain()
        data = await asyncio.wait_for(reader.read(), TIMEOUT)
    finally:
        writer.close()
    status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0
    return status, time.monotonic() - started


async def timed_gets(port, gets):
    times, failures = [], 0
    for result in await asyncio.gather(*gets, return_exceptions=True):
        if isinstance(result, tuple) and result[0] == 200:
            times.append(result[1])
        else:
            failures += 1
    return times, failures


async def concurrent(port, n):
    started = time.monotonic()
    times, failures = await timed_gets(port, [get(port) for _ in range(n)])
    summary(f"{n} concurrent GET /", times, failures)
    print(f"  all answered in {(time.monotonic() - started) * 1000:.0f} ms")


async def slow_readers(port, m):
    slow = []
    for _ in range(m):
        try:
            reader, writer = await asyncio.wait_for(
                asyncio.open_connection(HOST, port, limit=1024), TIMEOUT
            )
        except (OSError, asyncio.TimeoutError):
            continue
        writer.transport.pause_reading()  # never read: the server's writes back up
        writer.write(f"GET /{BIG.split('/', 1)[1]} HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode())
        slow.append(writer)
    await asyncio.sleep(0.5)  # let the server start sending and fill the buffers
    times, failures = [], 0
    for _ in range(20):
        try:
            status, seconds = await get(port)
            if status == 200:
                times.append(seconds)
            else:
                failures += 1
        except (OSError, asyncio.TimeoutError):
            failures += 1
    summary(f"20 GET / while {len(slow)} slow readers hold the 8 MB file", times, failures)
    return slow


async def open_stream(port):
    reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, port), TIMEOUT)
    writer.write(f"GET /__beacon/events HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode())
    await asyncio.wait_for(reader.readuntil(b"event: hello"), TIMEOUT)
    return reader, writer


async def wait_reload(reader, started):
    await asyncio.wait_for(reader.readuntil(b"event: reload"), TIMEOUT * 2)
    return time.monotonic() - started


def first_incident(folder):
    for here, folders, files in sorted(os.walk(folder)):
        folders.sort()
        for name in sorted(files):
            if name.endswith(".md"):
                return os.path.join(here, name)
    sys.exit(f"no incident under {folder}")


async def reload_streams(port, s, site, pid):
    results = await asyncio.gather(*[open_stream(port) for _ in range(s)], return_exceptions=True)
    streams = [r for r in results if isinstance(r, tuple)]
    print(f"{s} reload streams: {len(streams)} greeted, {s - len(streams)} refused or timed out")
    print(f"  server with the streams open: {process_figures(pid)}")
    times, failures = await timed_gets(port, [get(port) for _ in range(20)])
    summary(f"  20 concurrent GET / with {len(streams)} streams open", times, failures)
    path = first_incident(os.path.join(site, "content", "incidents"))
    with open(path) as f:
        text = f.read()
    started = time.monotonic()
    with open(path, "w") as f:
        f.write(text + "\n")
    arrivals = await asyncio.gather(
        *[wait_reload(reader, started) for reader, _ in streams], return_exceptions=True
    )
    times = [a for a in arrivals if isinstance(a, float)]
    summary(f"  save to reload on all {len(streams)} streams", times, len(arrivals) - len(times))
    for _, writer in streams:
        writer.close()


async def run(args, port, site, pid):
    print(f"server at start: {process_figures(pid)}")
    await concurrent(port, args.requests)
    print(f"  server after: {process_figures(pid)}")
    slow = await slow_readers(port, args.slow)
    print(f"  server with the slow readers: {process_figures(pid)}")
    for writer in slow:
        writer.transport.abort()
    await asyncio.sleep(1)
    await reload_streams(port, args.streams, site, pid)
    await asyncio.sleep(1)
    print(f"server at the end: {process_figures(pid)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(REPO, "target", "release", "beacon"))
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--slow", type=int, default=50)
    parser.add_argument("--streams", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as site:
        copy_site(site)
        env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
        server = subprocess.Popen(
            [args.binary, "--root", site, "serve", "--bind", HOST, "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            text=True,
        )
        try:
            first = server.stdout.readline()
            prefix = f"serving http://{HOST}:"
            if not first.startswith(prefix):
                sys.exit(f"unexpected first line: {first!r}")
            port = int(first[len(prefix):].split("/")[0])
            # Drain stdout so the server never blocks on a full pipe.
            threading.Thread(target=lambda: server.stdout.read(), daemon=True).start()
            asyncio.run(asyncio.wait_for(run(args, port, site, server.pid), 180))
        finally:
            server.kill()
            server.wait()


if __name__ == "__main__":
    main()
