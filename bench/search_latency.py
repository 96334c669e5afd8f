#!/usr/bin/env python3
"""Search or suggestion latency of a running server, every answer computed, none cached.

    python3 bench/search_latency.py PORT search|suggest [--shared DIR] [--slowest K]

search   each sample query (../shared/corpus/sample-queries.jsonl) once, as bench/scale.sh
         asks them: GET /api/v1/search?per_page=10&q=…
suggest  every keystroke of each sample query from its third character on (a prefix ending
         in a space is not asked), as bench/search_quality.py types them, without its budget:
         GET /api/v1/search/suggest?q=…

One keep-alive connection to 127.0.0.1:PORT; client-measured milliseconds; prints n, p50, p90,
p99 and the mean, then the K slowest requests. Ask each set once per server start (or with
--page-cache-mb 0): the server caches answers by URL. Python 3 standard library only.
"""
import argparse
import http.client
import json
import math
import os
import sys
import time
import urllib.parse


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("port", type=int)
    ap.add_argument("what", choices=["search", "suggest"])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--shared", default=os.environ.get("TOASOAN_SHARED", os.path.join(here, "..", "..", "shared")))
    ap.add_argument("--slowest", type=int, default=8)
    a = ap.parse_args()
    queries, seen = [], set()
    with open(os.path.join(a.shared, "corpus", "sample-queries.jsonl"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                q = json.loads(line)["query"]
                if q not in seen:
                    seen.add(q)
                    queries.append(q)
    texts = []
    for q in queries:
        if a.what == "search":
            texts.append(("/api/v1/search?per_page=10&q=", q))
        else:
            texts.extend(("/api/v1/search/suggest?q=", q[:end]) for end in range(3, len(q) + 1)
                         if not q[:end].endswith(" "))
    c = http.client.HTTPConnection("127.0.0.1", a.port, timeout=60)
    timed = []
    for path, text in texts:
        t0 = time.perf_counter()
        c.request("GET", path + urllib.parse.quote(text))
        r = c.getresponse()
        r.read()
        timed.append(((time.perf_counter() - t0) * 1000, text))
        if r.status != 200:
            print(f"{text!r}: HTTP {r.status}", file=sys.stderr)
    ms = sorted(t for t, _ in timed)
    at = lambda p: ms[max(1, math.ceil(p / 100 * len(ms))) - 1]
    print(f"{a.what}: n {len(ms)}, p50 {at(50):.2f} ms, p90 {at(90):.2f}, p99 {at(99):.2f}, "
          f"mean {sum(ms) / len(ms):.2f}")
    for t, text in sorted(timed, reverse=True)[:a.slowest]:
        print(f"  {t:8.1f} ms  {text}")


if __name__ == "__main__":
    main()
