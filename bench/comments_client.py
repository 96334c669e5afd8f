#!/usr/bin/env python3
"""Readers' comments' side of bench/comments.sh: the disk's own flush rate, the moderators'
count of what was stored, approvals at a steady rate, and thousands of open live streams.
Python 3 standard library only; loopback only; every command stops by itself.

  comments_client.py fsyncs DIR SECONDS
      writes 200 bytes and fsyncs one file in DIR as often as it can: flushes a second
  comments_client.py pending BASE USER PASSWORD ARTICLE
      pending comments stored on ARTICLE, as the moderators' list counts them
  comments_client.py approvals BASE USER PASSWORD ARTICLE RATE SECONDS [READY_FILE]
      approves pending comments of ARTICLE one by one at RATE a second for SECONDS (posting
      more first when too few are pending); creates READY_FILE once it starts approving
  comments_client.py streams BASE USER PASSWORD N ARTICLES WATCHED K
      opens N live streams spread over ARTICLES (ids, comma-separated), K of them on WATCHED;
      prints "ready …" once they are open, waits for a line on standard input, then approves
      one new comment on WATCHED and reports how long until each of the K streams had it
"""
import asyncio
import http.client
import json
import os
import resource
import statistics
import sys
import threading
import time
import urllib.parse

from newsroom_client import Session, pct


def comment(text):
    return {"name": "Bạn Đọc", "email": "", "content": text, "parent_id": None, "website": ""}


def post(base, article, text):
    u = urllib.parse.urlparse(base)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    c.request("POST", f"/api/v1/articles/{article}/comments", body=json.dumps(comment(text)),
              headers={"Content-Type": "application/json"})
    r = c.getresponse()
    body = r.read().decode()
    c.close()
    return r.status, body


def fsyncs(folder, seconds):
    # What one durable write costs on this disk, nothing else: the ceiling for a server that
    # flushes once per comment, and the unit group commit is measured in.
    path = os.path.join(folder, "fsync-probe")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        n, block = 0, b"x" * 199 + b"\n"
        start = time.monotonic()
        end = start + seconds
        while time.monotonic() < end:
            os.write(fd, block)
            os.fsync(fd)
            n += 1
        elapsed = time.monotonic() - start
    finally:
        os.close(fd)
        os.unlink(path)
    print(f"{n / elapsed:.0f}")


def pending(base, user, password, article):
    s = Session(base, user, password)
    st, body, _ = s.call("GET", f"/api/v1/admin/comments?status=pending&article={article}&per_page=1")
    if st != 200:
        raise SystemExit(f"admin comments: {st} {body[:200]}")
    print(json.loads(body)["total"])


def pending_ids(s, article, wanted):
    ids, page = [], 1
    while len(ids) < wanted:
        st, body, _ = s.call("GET", f"/api/v1/admin/comments?status=pending&article={article}&per_page=200&page={page}")
        if st != 200:
            raise SystemExit(f"admin comments: {st} {body[:200]}")
        batch = [c["id"] for c in json.loads(body)["comments"]]
        if not batch:
            break
        ids += batch
        page += 1
    return ids[:wanted]


def paced(rate, seconds, fn, workers):
    """Calls fn(n) at `rate` a second for `seconds`, from `workers` threads taking the next slot
    in turn, so one slow call does not slow the pace. Returns the calls made."""
    lock = threading.Lock()
    next_slot = [0]
    start = time.monotonic()
    total = int(rate * seconds)

    def work(w):
        while True:
            with lock:
                n = next_slot[0]
                if n >= total:
                    return
                next_slot[0] += 1
            delay = start + n / rate - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            fn(w, n)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return next_slot[0], time.monotonic() - start


def approvals(base, user, password, article, rate, seconds, ready):
    workers = 4
    sessions = [Session(base, user, password) for _ in range(workers)]
    wanted = int(rate * seconds)
    ids = pending_ids(sessions[0], article, wanted)
    tag = time.time_ns()
    while len(ids) < wanted:
        st, body = post(base, article, f"Bình luận chờ duyệt {tag} số {len(ids)}, để đo việc duyệt.")
        if st != 202:
            raise SystemExit(f"post for approval: {st} {body[:200]}")
        ids.append(json.loads(body)["id"])
    statuses, times = {}, []
    lock = threading.Lock()

    def approve(w, n):
        t = time.perf_counter()
        try:
            st, _body, _ = sessions[w].call("POST", f"/api/v1/admin/comments/{ids[n]}/actions", {"action": "approve"})
        except (OSError, http.client.HTTPException):
            st = "error"
            sessions[w].conn.close()
        with lock:
            statuses[st] = statuses.get(st, 0) + 1
            times.append((time.perf_counter() - t) * 1000)

    if ready:
        open(ready, "w").close()
    n, elapsed = paced(rate, seconds, approve, workers)
    print(f"{n / elapsed:.0f} approvals/s ({n} in {elapsed:.1f} s), answers "
          f"{dict(sorted(statuses.items(), key=str))}, p50 {statistics.median(times):.1f} ms, "
          f"p99 {pct(times, 0.99):.1f} ms")


# --- Live streams ----------------------------------------------------------------------------

class Watch:
    def __init__(self):
        self.target = None     # the comment id whose event we wait for
        self.arrived = {}      # stream number → perf_counter() when its event was read
        self.closed = 0        # streams the server ended
        self.done = asyncio.Event()
        self.watchers = 0


async def read_events(n, reader, chunked, watched, watch):
    """Reads one stream to its end; for a watched one, notes when the target's event came."""
    buffer = b""
    try:
        while True:
            if chunked:
                line = await reader.readline()
                if not line:
                    break
                size = int(line.split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    break
                data = await reader.readexactly(size + 2)
                data = data[:-2]
            else:
                data = await reader.read(65536)
                if not data:
                    break
            if not watched:
                continue
            buffer += data.replace(b"\r\n", b"\n")
            while b"\n\n" in buffer:
                block, buffer = buffer.split(b"\n\n", 1)
                event, payload = "message", []
                for line in block.decode("utf-8", "replace").split("\n"):
                    if line.startswith("event:"):
                        event = line[6:].strip()
                    elif line.startswith("data:"):
                        payload.append(line[5:].lstrip(" "))
                if event != "comment" or watch.target is None or n in watch.arrived:
                    continue
                try:
                    if json.loads("\n".join(payload)).get("id") == watch.target:
                        watch.arrived[n] = time.perf_counter()
                        if len(watch.arrived) == watch.watchers:
                            watch.done.set()
                except ValueError:
                    pass
    except (OSError, asyncio.IncompleteReadError, ValueError):
        pass
    watch.closed += 1


async def open_stream(host, port, article, gate):
    async with gate:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), 30)
        writer.write((f"GET /api/v1/articles/{article}/comments/stream HTTP/1.1\r\nHost: {host}:{port}\r\n"
                      "Accept: text/event-stream\r\n\r\n").encode())
        await writer.drain()
        status = int((await asyncio.wait_for(reader.readline(), 30)).split()[1])
        chunked = False
        while True:
            line = await asyncio.wait_for(reader.readline(), 30)
            if line in (b"\r\n", b"\n", b""):
                break
            if line.lower().startswith(b"transfer-encoding:") and b"chunked" in line.lower():
                chunked = True
    return reader, writer, status, chunked


async def streams(base, user, password, count, articles, watched, k):
    u = urllib.parse.urlparse(base)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    if count + 100 > hard:
        raise SystemExit(f"streams: {count} streams need more open files than this shell allows ({hard})")
    spread = [watched] * k + [articles[i % len(articles)] for i in range(count - k)]
    gate = asyncio.Semaphore(200)  # connections being opened at once: the listen backlog's share
    t0 = time.perf_counter()
    opened = await asyncio.gather(*(open_stream(u.hostname, u.port, a, gate) for a in spread), return_exceptions=True)
    open_s = time.perf_counter() - t0
    watch = Watch()
    tasks, writers, statuses = [], [], {}
    for n, o in enumerate(opened):
        if isinstance(o, BaseException):
            statuses[type(o).__name__] = statuses.get(type(o).__name__, 0) + 1
            continue
        reader, writer, status, chunked = o
        statuses[status] = statuses.get(status, 0) + 1
        writers.append(writer)
        if status != 200:
            continue
        if n < k:
            watch.watchers += 1
        tasks.append(asyncio.create_task(read_events(n, reader, chunked, n < k, watch)))
    ok = statuses.get(200, 0)
    print(f"ready {ok} open of {count} in {open_s:.1f} s; answers {dict(sorted(statuses.items(), key=str))}", flush=True)

    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.readline)
    still_open = ok - watch.closed

    def approve_one():
        s = Session(base, user, password)
        st, body = post(base, watched, f"Bình luận cho {watch.watchers} trang đang mở, {time.time_ns()}.")
        if st != 202:
            raise SystemExit(f"post: {st} {body[:200]}")
        cid = json.loads(body)["id"]
        watch.target = cid
        t = time.perf_counter()
        st, body, _ = s.call("POST", f"/api/v1/admin/comments/{cid}/actions", {"action": "approve"})
        if st != 200:
            raise SystemExit(f"approve: {st} {body[:200]}")
        return t, (time.perf_counter() - t) * 1000

    t_approve, approve_ms = await loop.run_in_executor(None, approve_one)
    try:
        await asyncio.wait_for(watch.done.wait(), 30)
    except asyncio.TimeoutError:
        pass
    delays = sorted((t - t_approve) * 1000 for t in watch.arrived.values())
    if delays:
        got = (f"p50 {statistics.median(delays):.0f} ms, p99 {pct(delays, 0.99):.0f} ms, "
               f"max {delays[-1]:.0f} ms")
    else:
        got = "none arrived within 30 s"
    print(f"streams still open before the approval: {still_open} of {ok}; approval answered in {approve_ms:.0f} ms; "
          f"received by {len(delays)} of {watch.watchers} watching streams: {got}", flush=True)
    for w in writers:
        w.close()
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


def main():
    cmd = sys.argv[1]
    if cmd == "fsyncs":
        fsyncs(sys.argv[2], float(sys.argv[3]))
    elif cmd == "pending":
        pending(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
    elif cmd == "approvals":
        approvals(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), float(sys.argv[6]), float(sys.argv[7]),
                  sys.argv[8] if len(sys.argv) > 8 else None)
    elif cmd == "streams":
        base, user, password, count = sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
        articles = [int(a) for a in sys.argv[6].split(",")]
        asyncio.run(streams(base, user, password, count, articles, int(sys.argv[7]), int(sys.argv[8])))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
