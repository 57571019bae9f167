#!/usr/bin/env python3
"""Every same-site link in a built site names a file that is there: href, src and srcset in
every HTML page, read as files with no server. A link to a folder needs its index.html; a
#fragment needs an element with that id. Absolute links under --base-url count as same-site.
usage: check_site_links.py --base-url URL DIR"""
import argparse
import html.parser
import pathlib
import sys
import urllib.parse


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            elif name in ("href", "src"):
                self.links.append(value)
            elif name == "srcset":
                self.links += [c.strip().split()[0] for c in value.split(",") if c.strip()]


def main():
    args = argparse.ArgumentParser()
    args.add_argument("--base-url", required=True)
    args.add_argument("dir")
    opts = args.parse_args()
    root = pathlib.Path(opts.dir).resolve()
    base = urllib.parse.urlsplit(opts.base_url)
    pages = {}
    for path in sorted(root.rglob("*.html")):
        page = Page()
        page.feed(path.read_text("utf-8"))
        pages[path] = page
    problems = []
    checked = 0
    for path, page in pages.items():
        page_url = opts.base_url + str(path.relative_to(root))
        for link in page.links:
            url = urllib.parse.urlsplit(urllib.parse.urljoin(page_url, link))
            if (url.scheme, url.netloc) != (base.scheme, base.netloc):
                continue
            checked += 1
            where = f"{path.relative_to(root)}: {link}"
            if not url.path.startswith(base.path):
                problems.append(f"{where} climbs out of the site")
                continue
            target = (root / urllib.parse.unquote(url.path[len(base.path):])).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file() or root not in target.parents:
                problems.append(f"{where} names no file in the site")
            elif url.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else set()
                if url.fragment not in ids:
                    problems.append(f"{where}: no element with id {url.fragment!r}")
    for line in problems:
        print(line)
    if not pages:
        print(f"check_site_links: no HTML pages under {root}")
        return 2
    print(f"check_site_links: {len(pages)} pages, {checked} same-site links, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
