#!/usr/bin/env python3
"""Strict JSON: every *.json under DIR is UTF-8 without a byte-order mark and parses as RFC 8259
JSON, with no duplicate keys and no NaN or Infinity. usage: check_json.py DIR"""
import json
import pathlib
import sys


def reject_duplicates(pairs):
    keys = [k for k, _ in pairs]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        raise ValueError(f"duplicate keys {dupes}")
    return dict(pairs)


def reject_constant(name):
    raise ValueError(f"{name} is not JSON")


def main(root):
    files = sorted(pathlib.Path(root).rglob("*.json"))
    problems = 0
    for path in files:
        raw = path.read_bytes()
        try:
            if raw.startswith(b"\xef\xbb\xbf"):
                raise ValueError("starts with a byte-order mark")
            json.loads(raw.decode("utf-8"), object_pairs_hook=reject_duplicates,
                       parse_constant=reject_constant)
        except (ValueError, UnicodeDecodeError) as e:
            print(f"{path.relative_to(root)}: {e}")
            problems += 1
    if not files:
        print(f"check_json: no JSON files under {root}")
        return 2
    print(f"check_json: {len(files)} files, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]) if len(sys.argv) == 2 else 2)
