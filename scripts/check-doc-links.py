#!/usr/bin/env python3
"""Every link in the repository's Markdown (README, docs/, every other tracked *.md) that is not
a web address must name a file or folder inside the repository, and its #fragment a heading of
the target Markdown file. Links in code blocks and code spans are not links. Markdown under a
`content/` folder is a site's pages, whose links point into the built site: the site checks in
.ci/run read those.
usage: scripts/check-doc-links.py   (run from anywhere in the repository)"""
import pathlib
import re
import subprocess
import sys

# [text](target) or [text](target "title"), and <a href="target">; images alike.
INLINE = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HREF = re.compile(r"<a\s[^>]*href=\"([^\"]+)\"")
REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
FENCE = re.compile(r"^\s{0,3}(```|~~~).*?^\s{0,3}\1", re.M | re.S)
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.S)


def blank(match):
    return re.sub(r"[^\n]", " ", match.group(0))


def prose(text):
    """The text with fenced code blocks and code spans blanked out, line numbers kept."""
    return CODE_SPAN.sub(blank, FENCE.sub(blank, text))


def anchor(heading):
    """GitHub's id for a heading: lowercase, punctuation dropped, spaces to dashes."""
    text = re.sub(r"`|\*|_(?=\W)|(?<=\W)_", "", heading.strip().lower())
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(path):
    found, seen = set(), {}
    # Headings keep their code spans: a heading `beacon build` in backticks is #beacon-build.
    for line in FENCE.sub(blank, path.read_text("utf-8")).splitlines():
        m = re.match(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", line)
        if m:
            base = anchor(m.group(1))
            n = seen.get(base, 0)
            seen[base] = n + 1
            found.add(base if n == 0 else f"{base}-{n}")
    found.update(re.findall(r"<a\s+(?:name|id)=\"([^\"]+)\"", path.read_text("utf-8")))
    return found


def main():
    repo = pathlib.Path(subprocess.check_output(
        ["git", "rev-parse", "--show-toplevel"], text=True).strip()).resolve()
    files = subprocess.check_output(["git", "ls-files", "-z", "*.md"], cwd=repo, text=True)
    files = [repo / f for f in files.split("\0") if f and "content/" not in f]
    problems, links = [], 0
    for path in files:
        text = prose(path.read_text("utf-8"))
        for pattern in (INLINE, HREF, REFERENCE):
            for m in pattern.finditer(text):
                target = m.group(1)
                if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):
                    continue  # a web address or mailto: not the repository's to check
                links += 1
                line = text.count("\n", 0, m.start()) + 1
                where = f"{path.relative_to(repo)}:{line}: {target}"
                file_part, _, fragment = target.partition("#")
                dest = (path.parent / file_part).resolve() if file_part else path
                if dest != repo and repo not in dest.parents:
                    problems.append(f"{where}: points outside the repository")
                elif not dest.exists():
                    problems.append(f"{where}: no such file")
                elif fragment and dest.suffix == ".md" and fragment not in anchors(dest):
                    problems.append(f"{where}: no heading #{fragment} in {dest.relative_to(repo)}")
    for line in problems:
        print(line)
    print(f"check-doc-links: {len(files)} Markdown files, {links} links, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
