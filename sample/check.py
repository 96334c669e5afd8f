#!/usr/bin/env python3
"""Validate sample/articles.jsonl, the demo content loaded by `toasoan serve --sample`.

Usage: python3 sample/check.py [path]   (exit status 1 if anything is wrong)
"""
import collections
import json
import pathlib
import re
import sys
import unicodedata
from datetime import datetime, timedelta, timezone

CATEGORIES = ["Thời sự", "Kinh tế", "Xã hội", "Văn hóa", "Giáo dục",
              "Thể thao", "Du lịch", "Nông nghiệp", "Pháp luật"]
REQUIRED = ["id", "title", "lead", "category", "authors", "published"]
TZ = timezone(timedelta(hours=7))
FIRST = datetime(2026, 11, 17, tzinfo=TZ)
LAST = datetime(2026, 11, 26, 23, 59, 59, tzinfo=TZ)
IMAGE = re.compile(r"sample/photo-[1-9][0-9]*\.svg")
BLOCK_TEXT = {"paragraph": ["text"], "heading": ["text"], "quote": ["text", "cite"],
              "figure": ["caption", "image", "alt"]}


def strings(value):
    """Every string inside a JSON value, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from strings(v)


def check_article(a, err):
    for field in REQUIRED:
        if field not in a:
            err(f"missing {field!r}")
    if not all(isinstance(a.get(f), str) and a[f].strip() for f in ("id", "title", "lead")):
        err("id, title and lead must be non-empty strings")
    if a.get("category") not in CATEGORIES:
        err(f"unknown category {a.get('category')!r}")
    authors = a.get("authors")
    if not (isinstance(authors, list) and 1 <= len(authors) <= 2
            and all(isinstance(n, str) and n.strip() for n in authors)):
        err("authors must be 1-2 names")
    if not all(unicodedata.is_normalized("NFC", s) for s in strings(a)):
        err("text is not NFC")
    if ("body" in a) == ("blocks" in a):
        err("needs exactly one of 'body' and 'blocks'")
    if "body" in a and not (isinstance(a["body"], str) and a["body"].strip()):
        err("empty body")
    figures = []
    blocks = a.get("blocks", [])
    if not isinstance(blocks, list) or ("blocks" in a and not blocks):
        err("blocks must be a non-empty array")
        blocks = []
    for i, b in enumerate(blocks, 1):
        kind = b.get("type") if isinstance(b, dict) else None
        if kind not in BLOCK_TEXT:
            err(f"block {i}: unknown type {kind!r}")
            continue
        for field in BLOCK_TEXT[kind]:
            if not (isinstance(b.get(field), str) and b[field].strip()):
                err(f"block {i} ({kind}): missing {field!r}")
        if kind == "figure":
            figures.append(i)
            if not IMAGE.fullmatch(b.get("image", "")):
                err(f"block {i}: bad image path {b.get('image')!r}")
            if b.get("width") != 1200 or b.get("height") != 800:
                err(f"block {i}: width/height must be 1200x800")
    return figures, [b.get("image") for b in blocks if isinstance(b, dict) and b.get("type") == "figure"]


def main(path):
    problems = []
    ids, times, images = collections.Counter(), collections.Counter(), collections.Counter()
    per_category = collections.Counter()
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append("file starts with a BOM")
    lines = raw.decode("utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        def err(msg, n=n):
            problems.append(f"line {n}: {msg}")
        try:
            a = json.loads(line)
        except json.JSONDecodeError as e:
            err(f"bad JSON: {e}")
            continue
        if not isinstance(a, dict):
            err("not a JSON object")
            continue
        figures, imgs = check_article(a, err)
        ids[a.get("id")] += 1
        images.update(imgs)
        per_category[a.get("category")] += 1
        try:
            t = datetime.fromisoformat(a.get("published", ""))
            if t.utcoffset() != timedelta(hours=7) or not FIRST <= t <= LAST:
                err(f"published {a['published']} outside 2026-11-17..26 (+07:00)")
            if not (5, 30) <= (t.hour, t.minute) <= (22, 0):
                err(f"published {a['published']} outside 05:30-22:00")
            times[t] += 1
        except (TypeError, ValueError):
            err(f"bad published {a.get('published')!r}")
        if a.get("id") == "sample-1":
            blocks = a.get("blocks", [])
            if len(figures) != 5 or figures[:2] != [1, 2]:
                err("sample-1 needs exactly 5 figures, the first two before any paragraph")
            elif any(b.get("type") == "figure" and not (1 < i < len(blocks) - 1 and
                      blocks[i - 1].get("type") == blocks[i + 1].get("type") == "paragraph")
                      for i, b in enumerate(blocks) if i > 1):
                err("sample-1: the last three figures must sit between paragraphs")
    expected = {f"sample-{i}" for i in range(1, len(lines) + 1)}
    if set(ids) != expected:
        problems.append(f"ids must be sample-1..sample-{len(lines)}")
    problems += [f"duplicate id {k}" for k, c in ids.items() if c > 1]
    problems += [f"duplicate published time {k.isoformat()}" for k, c in times.items() if c > 1]
    problems += [f"image used twice: {k}" for k, c in images.items() if c > 1]

    print(f"{len(lines)} articles, {sum(images.values())} figures")
    for cat in CATEGORIES:
        print(f"  {cat}: {per_category[cat]}")
    for p in problems:
        print("ERROR", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    default = pathlib.Path(__file__).with_name("articles.jsonl")
    sys.exit(main(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else default))
