#!/usr/bin/env python3
"""Feeds and sitemap as clients read them. Every *.xml under DIR must be well-formed (lxml);
feed.xml and atom.xml files must parse in feedparser without complaint, have a title, and give
every entry a title, a unique id, a date and an absolute link; every link under BASE_URL (in
feeds and in sitemap.xml) must name a file that the build wrote.
usage: check_feeds.py --base-url URL DIR"""
import argparse
import pathlib
import sys
import urllib.parse

import feedparser
from lxml import etree


def local_file(root, base_url, url):
    """The file in DIR that `url` names, or None when the URL is outside the site."""
    if not url.startswith(base_url):
        return None
    rel = urllib.parse.unquote(urllib.parse.urlsplit(url[len(base_url):]).path)
    target = root / rel
    return target / "index.html" if rel == "" or rel.endswith("/") else target


def check_feed(path, root, base_url, say):
    feed = feedparser.parse(path.read_bytes())
    if feed.bozo:
        say(f"feedparser: {feed.bozo_exception}")
    if not feed.version:
        say("feedparser does not recognise this as RSS or Atom")
    if not feed.feed.get("title"):
        say("the feed has no title")
    ids = set()
    links = [feed.feed.get("link", "")]
    for n, entry in enumerate(feed.entries, 1):
        for key in ("title", "id", "link"):
            if not entry.get(key):
                say(f"entry {n} has no {key}")
        if not (entry.get("published_parsed") or entry.get("updated_parsed")):
            say(f"entry {n} has no date feedparser can read")
        if entry.get("id") in ids:
            say(f"entry {n} repeats id {entry.get('id')}")
        ids.add(entry.get("id"))
        links.append(entry.get("link", ""))
    for link in links:
        if link and not urllib.parse.urlsplit(link).scheme:
            say(f"link {link} is not absolute")
        target = local_file(root, base_url, link)
        if target is not None and not target.is_file():
            say(f"link {link} names no file in the site")
    return len(feed.entries)


def main():
    args = argparse.ArgumentParser()
    args.add_argument("--base-url", required=True)
    args.add_argument("dir")
    opts = args.parse_args()
    root = pathlib.Path(opts.dir)
    problems = []
    feeds = entries = 0
    xml_files = sorted(root.rglob("*.xml"))
    for path in xml_files:
        rel = path.relative_to(root)

        def say(message, rel=rel):
            problems.append(f"{rel}: {message}")

        try:
            tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False))
        except etree.XMLSyntaxError as e:
            say(f"not well-formed XML: {e}")
            continue
        if path.name in ("feed.xml", "atom.xml"):
            feeds += 1
            entries += check_feed(path, root, opts.base_url, say)
        elif path.name == "sitemap.xml":
            for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
                target = local_file(root, opts.base_url, loc.text or "")
                if target is None or not target.is_file():
                    say(f"<loc> {loc.text} names no file in the site")
    for line in problems:
        print(line)
    if feeds == 0:
        print(f"check_feeds: no feed.xml or atom.xml under {root}")
        return 2
    print(f"check_feeds: {len(xml_files)} XML files, {feeds} feeds, {entries} entries, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
