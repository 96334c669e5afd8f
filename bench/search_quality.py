#!/usr/bin/env python3
"""Search quality and speed against running toasoan servers, beside a plain LIKE scan.

Called by bench/search.sh (which imports the corpus and starts the servers); python3's
standard library only. Loopback only: it talks to the servers it is given and, for the LIKE
baseline, to a copy of the SQLite file (sqlite3 module) and to PostgreSQL through psql.

  search_quality.py --corpus ARTICLES.jsonl.xz --queries sample-queries.jsonl \
      --store sqlite=http://127.0.0.1:P1 [--store postgres=http://127.0.0.1:P2] \
      [--sqlite-file DB] [--pg-url URL] [--rounds 5] [--like-queries 200] [--json OUT]

Quality: every sample query through GET /api/v1/search?q=…&per_page=10; the rank of the
expected article (its corpus title: titles are unique in the corpus) gives recall@1, @3, @10
and MRR (reciprocal rank, 0 when not in the top 10) for each kind of query.

Speed, client-measured on one keep-alive connection, after a warm-up pass:
  search   each query asked --rounds times, each time under a different but equivalent URL
           (…&page=1, …&sort=relevance, …), so that no answer can come from a response cache
           keyed on the URL; plus one pass repeating the first URL ("repeat"), which may.
  suggest  /api/v1/search/suggest as a reader types: every prefix of each query from its
           third character on, one request per keystroke.
  LIKE     the same queries as one '%query%' pattern over title, lead and body (the blocks
           JSON) of the published articles, newest first, 10 rows and the count — what
           WordPress does. SQLite: the sqlite3 module on a copy of the database file, in
           process (no HTTP: this favours LIKE). PostgreSQL: one psql session with \\timing,
           which reports each statement's time as the client saw it.
"""
import argparse
import http.client
import json
import lzma
import math
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
import unicodedata
import urllib.parse


def fold(s):
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("đ", "d").replace("Đ", "d").lower()


def pct(values, p):
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    v = sorted(values)
    k = max(1, math.ceil(p / 100 * len(v)))
    return v[k - 1]


class Client:
    """One keep-alive HTTP/1.1 connection; reconnects once if the server closed it."""

    def __init__(self, base):
        u = urllib.parse.urlsplit(base)
        assert u.hostname in ("127.0.0.1", "localhost", "::1"), f"loopback only: {base}"
        self.host, self.port = u.hostname, u.port
        self.conn = None
        self.errors = []

    def get(self, path):
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
            try:
                t0 = time.perf_counter()
                self.conn.request("GET", path)
                r = self.conn.getresponse()
                body = r.read()
                ms = (time.perf_counter() - t0) * 1000
                if r.getheader("Connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                return r.status, body, ms
            except (http.client.HTTPException, ConnectionError, OSError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")


def rank_of(results, title):
    for i, r in enumerate(results):
        if r.get("title") == title:
            return i + 1
    return None


def quality(ranks):
    n = len(ranks)
    return {
        "n": n,
        "recall@1": sum(1 for r in ranks if r and r <= 1) / n,
        "recall@3": sum(1 for r in ranks if r and r <= 3) / n,
        "recall@10": sum(1 for r in ranks if r and r <= 10) / n,
        "mrr": sum(1 / r for r in ranks if r) / n,
    }


def latency(samples):
    return {"n": len(samples), "p50": pct(samples, 50), "p99": pct(samples, 99), "mean": statistics.fmean(samples)}


def variants(q):
    """Equivalent URLs for one search, all different: the plain one first, then the same
    parameters (plus page=1 and sort=relevance, the defaults) in other orders. A response
    cache keyed on the URL cannot answer one from another."""
    import itertools
    p = {"q": "q=" + urllib.parse.quote(q), "n": "per_page=10", "p": "page=1", "s": "sort=relevance"}
    out = []
    for extra in ("", "p", "s", "ps"):
        for order in itertools.permutations("qn" + extra):
            out.append("/api/v1/search?" + "&".join(p[k] for k in order))
    return out  # out[0] is /api/v1/search?q=…&per_page=10


def progress(msg):
    print(f"  [{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


class Budget:
    """A time budget for one phase: a server far off the targets is measured on fewer requests
    (the report says how many) rather than keeping the run going for hours."""

    def __init__(self, seconds):
        self.end = time.monotonic() + seconds

    def over(self):
        return time.monotonic() > self.end


def bench_store(name, base, queries, titles, rounds, budget_s):
    c = Client(base)
    out = {"store": name, "errors": [], "cut": []}
    progress(f"{name}: quality, {len(queries)} queries")
    # Quality (this pass also warms the store's caches for the timing below).
    ranks = {}
    misses = []
    for q in queries:
        status, body, _ = c.get(variants(q["query"])[0])
        if status != 200:
            out["errors"].append(f"search {q['query']!r} → {status} {body[:120]!r}")
            ranks.setdefault(q["kind"], []).append(None)
            continue
        results = json.loads(body)["results"]
        r = rank_of(results, titles[q["expect_id"]])
        ranks.setdefault(q["kind"], []).append(r)
        if not r or r > 3:
            misses.append({"kind": q["kind"], "query": q["query"], "rank": r, "expected": titles[q["expect_id"]],
                           "first": results[0]["title"] if results else None})
    out["quality"] = {k: quality(v) for k, v in ranks.items()}
    out["misses"] = misses

    # Search latency: each query under `rounds` different URLs, in a shuffled order per round.
    progress(f"{name}: search latency, {rounds} x {len(queries)} requests")
    rng = random.Random(20170715)
    uncached = []
    budget = Budget(budget_s)
    for i in range(rounds):
        if budget.over():
            break
        order = list(queries)
        rng.shuffle(order)
        for q in order:
            if budget.over():
                out["cut"].append(f"search: {len(uncached)} of {rounds * len(queries)} requests in the {budget_s} s budget")
                break
            urls = variants(q["query"])
            status, body, ms = c.get(urls[1 + i % (len(urls) - 1)])
            if status != 200:
                out["errors"].append(f"search {q['query']!r} → {status}")
            uncached.append(ms)
    repeat = []
    budget = Budget(budget_s)
    for q in queries:
        if budget.over():
            out["cut"].append(f"repeat: {len(repeat)} of {len(queries)} in the {budget_s} s budget")
            break
        status, _, ms = c.get(variants(q["query"])[0])
        repeat.append(ms)
    out["search"] = latency(uncached) if uncached else None
    out["search_repeat"] = latency(repeat) if repeat else None

    # Suggestions: every prefix from the third character on, as typed.
    sugg = []
    hits = total = 0
    progress(f"{name}: suggestion latency, every keystroke of {len(queries)} queries")
    budget = Budget(budget_s)
    for n, q in enumerate(queries):
        if budget.over():
            out["cut"].append(f"suggest: {n} of {len(queries)} queries in the {budget_s} s budget")
            break
        text = q["query"]
        for end in range(3, len(text) + 1):
            prefix = text[:end]
            if prefix.endswith(" "):
                continue
            status, body, ms = c.get("/api/v1/search/suggest?q=" + urllib.parse.quote(prefix))
            if status != 200:
                out["errors"].append(f"suggest {prefix!r} → {status}")
                continue
            sugg.append(ms)
            if end == len(text) and fold(text) in fold(titles[q["expect_id"]]):
                total += 1
                got = [s.get("title") for s in json.loads(body).get("suggestions", [])]
                hits += titles[q["expect_id"]] in got
    out["suggest"] = latency(sugg) if sugg else None
    out["suggest_hit"] = (hits, total)
    return out


def like_pattern(q):
    return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


LIKE_SQL = ("SELECT id, title, count(*) OVER () FROM articles WHERE status = 'published' AND "
            "(title LIKE {p} ESCAPE '\\' OR lead LIKE {p} ESCAPE '\\' OR blocks LIKE {p} ESCAPE '\\') "
            "ORDER BY published_at DESC, id DESC LIMIT 10")


def like_sqlite(path, queries, titles, work):
    """LIKE over a private copy of the database (the sqlite3 backup API copies a live file)."""
    copy = work + "/like-copy.db"
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    dst = sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    sql = LIKE_SQL.format(p="?1")
    for q in queries[:5]:  # warm the page cache
        dst.execute(sql, (like_pattern(q["query"]),)).fetchall()
    ms, ranks = [], {}
    for q in queries:
        t0 = time.perf_counter()
        rows = dst.execute(sql, (like_pattern(q["query"]),)).fetchall()
        ms.append((time.perf_counter() - t0) * 1000)
        ranks.setdefault(q["kind"], []).append(rank_of([{"title": r[1]} for r in rows], titles[q["expect_id"]]))
    dst.close()
    return {"latency": latency(ms), "quality": {k: quality(v) for k, v in ranks.items()}}


def sql_literal(s):
    return "'" + s.replace("'", "''") + "'"


def like_postgres(url, queries, titles):
    """LIKE through one psql session; \\timing reports each statement as the client saw it."""
    if not shutil.which("psql"):
        return None
    script = ["\\set ON_ERROR_STOP 1", "\\pset format unaligned", "\\pset tuples_only on",
              "SET standard_conforming_strings = on;", "\\timing on"]
    marker = "@@@q@@@"
    stmts = []
    for q in queries[:5] + queries:  # the first five warm the cache and are not counted
        sql = LIKE_SQL.format(p=sql_literal(like_pattern(q["query"])))
        stmts.append(sql)
    for s in stmts:
        script.append(f"\\echo {marker}")
        script.append(s + ";")
    r = subprocess.run(["psql", "-X", "-q", "-d", url], input="\n".join(script) + "\n",
                       capture_output=True, text=True, timeout=1800)
    if r.returncode != 0:
        raise RuntimeError(f"psql exited {r.returncode}: {r.stderr[-500:]}")
    blocks = r.stdout.split(marker + "\n")[1:]
    assert len(blocks) == len(stmts), (len(blocks), len(stmts))
    ms, ranks = [], {}
    for i, b in enumerate(blocks[5:]):
        lines = [l for l in b.splitlines() if l]
        t = next(float(m.group(1)) for l in lines for m in [re.match(r"Time: ([\d.]+) ms", l)] if m)
        rows = [l.split("|") for l in lines if not l.startswith("Time: ")]
        ms.append(t)
        q = queries[i]
        ranks.setdefault(q["kind"], []).append(rank_of([{"title": r[1]} for r in rows if len(r) >= 2],
                                                       titles[q["expect_id"]]))
    return {"latency": latency(ms), "quality": {k: quality(v) for k, v in ranks.items()}}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--queries", required=True)
    ap.add_argument("--store", action="append", default=[], help="NAME=BASE_URL of a running server")
    ap.add_argument("--sqlite-file", help="the SQLite file the 'sqlite' store serves (for LIKE)")
    ap.add_argument("--pg-url", help="the PostgreSQL database the 'postgres' store serves (for LIKE)")
    ap.add_argument("--work", default="/tmp", help="a folder for the SQLite copy")
    ap.add_argument("--rounds", type=int, default=5, help="timed passes over the queries (default 5)")
    ap.add_argument("--budget", type=int, default=300, help="seconds per store for each timed phase (default 300)")
    ap.add_argument("--json", help="also write every figure to this file")
    args = ap.parse_args()

    titles = {}
    with lzma.open(args.corpus, "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            titles[a["id"]] = a["title"]
    with open(args.queries, encoding="utf-8") as f:
        queries = [json.loads(l) for l in f if l.strip()]
    missing = [q["expect_id"] for q in queries if q["expect_id"] not in titles]
    assert not missing, f"queries expect articles not in the corpus: {missing[:5]}"

    report = {"queries": len(queries), "kinds": sorted({q["kind"] for q in queries}), "stores": []}
    for spec in args.store:
        name, base = spec.split("=", 1)
        t0 = time.time()
        s = bench_store(name, base, queries, titles, args.rounds, args.budget)
        if name == "sqlite" and args.sqlite_file:
            progress(f"{name}: LIKE scan, {len(queries)} queries")
            s["like"] = like_sqlite(args.sqlite_file, queries, titles, args.work)
        elif name == "postgres" and args.pg_url:
            progress(f"{name}: LIKE scan, {len(queries)} queries")
            s["like"] = like_postgres(args.pg_url, queries, titles)
        s["seconds"] = round(time.time() - t0, 1)
        report["stores"].append(s)

    # The report.
    ok = True
    print(f"{len(queries)} known-item queries ({', '.join(report['kinds'])}), per_page=10")
    print()
    print(f"{'store':9} {'kind':9} {'R@1':>6} {'R@3':>6} {'R@10':>6} {'MRR':>6}   target R@3 >= 0.95")
    for s in report["stores"]:
        for kind, qv in sorted(s["quality"].items()):
            flag = "ok" if qv["recall@3"] >= 0.95 else "MISSED"
            ok &= qv["recall@3"] >= 0.95
            print(f"{s['store']:9} {kind:9} {qv['recall@1']:6.3f} {qv['recall@3']:6.3f} {qv['recall@10']:6.3f} "
                  f"{qv['mrr']:6.3f}   {flag}")
        if s.get("like"):
            for kind, qv in sorted(s["like"]["quality"].items()):
                print(f"{s['store']:9} {kind:9} {qv['recall@1']:6.3f} {qv['recall@3']:6.3f} {qv['recall@10']:6.3f} "
                      f"{qv['mrr']:6.3f}   (LIKE, newest first)")
    print()
    print(f"{'store':9} {'what':34} {'n':>6} {'p50 ms':>8} {'p99 ms':>8}   target")
    for s in report["stores"]:
        rows = [("search API (no URL repeated)", s["search"], 5.0),
                ("search API (same URL again)", s["search_repeat"], None),
                ("suggest API (every keystroke)", s["suggest"], 20.0)]
        if s.get("like"):
            how = "in process" if s["store"] == "sqlite" else "psql \\timing"
            rows.append((f"LIKE '%q%' scan ({how})", s["like"]["latency"], None))
        for what, l, target in rows:
            if not l:
                continue
            flag = ""
            if target is not None:
                flag = f"p50 < {target:g} ms " + ("ok" if l["p50"] < target else "MISSED")
                ok &= l["p50"] < target
            print(f"{s['store']:9} {what:34} {l['n']:6d} {l['p50']:8.2f} {l['p99']:8.2f}   {flag}")
        if s.get("like") and s["search"]:
            ll, sl = s["like"]["latency"], s["search"]
            print(f"{s['store']:9} {'LIKE / search':34} {'':6} {ll['p50'] / sl['p50']:7.0f}x {ll['p99'] / sl['p99']:7.0f}x")
        h, t = s["suggest_hit"]
        if t:
            print(f"{s['store']:9} expected title among the suggestions for the whole query: {h}/{t} (title queries)")
        if s["cut"]:
            ok = False
            print(f"{s['store']:9} CUT SHORT: " + "; ".join(s["cut"]))
        if s["errors"]:
            ok = False
            print(f"{s['store']:9} ERRORS ({len(s['errors'])}): " + "; ".join(s["errors"][:5]))
    for s in report["stores"]:
        if s["misses"]:
            print()
            print(f"{s['store']}: expected article not in the top 3 ({len(s['misses'])}):")
            for m in s["misses"]:
                print(f"  [{m['kind']}] {m['query']!r}: rank {m['rank'] or '>10'}; expected {m['expected']!r}; "
                      f"first {m['first']!r}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(report, f, ensure_ascii=False, indent=1)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
