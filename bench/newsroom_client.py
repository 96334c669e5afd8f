#!/usr/bin/env python3
"""The newsroom's side of bench/newsroom.sh: logins, admin list and save latencies, autosaves
at a steady rate, and publish-to-visible on several nodes. Loopback only; stops by itself.

  newsroom_client.py login-time BASE USER PASSWORD N
  newsroom_client.py logins BASE USER PASSWORD RATE SECONDS      (background load)
  newsroom_client.py autosaves BASE USER PASSWORD RATE SECONDS   (background load)
  newsroom_client.py latency BASE USER PASSWORD N               (admin list and PUT p50/p99)
  newsroom_client.py publish BASE[,BASE2] CHIEF PASSWORD N       (publish → visible on every node)
"""
import http.client
import json
import statistics
import sys
import threading
import time
import urllib.parse


class Session:
    def __init__(self, base, user, password):
        u = urllib.parse.urlparse(base)
        self.base, self.host, self.port = base, u.hostname, u.port
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        status, body, headers = self.call("POST", "/api/v1/session", {"username": user, "password": password}, auth=False)
        if status != 200:
            raise SystemExit(f"login {user}: {status} {body[:200]}")
        self.cookie = headers["set-cookie"].split(";")[0]
        self.csrf = json.loads(body)["csrf"]

    def call(self, method, path, body=None, auth=True):
        headers = {"Origin": self.base}
        if body is not None:
            headers["Content-Type"] = "application/json"
        if auth:
            headers.update({"Cookie": self.cookie, "X-CSRF-Token": self.csrf})
        self.conn.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
        r = self.conn.getresponse()
        data = r.read().decode()
        return r.status, data, {k.lower(): v for k, v in r.getheaders()}


def login_once(base, user, password):
    u = urllib.parse.urlparse(base)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    t = time.perf_counter()
    c.request("POST", "/api/v1/session", body=json.dumps({"username": user, "password": password}),
              headers={"Content-Type": "application/json", "Origin": base})
    r = c.getresponse()
    r.read()
    return r.status, (time.perf_counter() - t) * 1000


def piece(title):
    return {"title": title, "lead": "Sapo đo tốc độ.", "category": "Thời sự", "authors": ["Bàn Đo"],
            "blocks": [{"type": "paragraph", "text": "Đoạn văn đo tốc độ của tòa soạn. " * 20}]}


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))]


def at_rate(rate, seconds, fn):
    end = time.monotonic() + seconds
    n = 0
    start = time.monotonic()
    while time.monotonic() < end:
        fn(n)
        n += 1
        delay = start + n / rate - time.monotonic()
        if delay > 0:
            time.sleep(delay)
    return n


def main():
    cmd, base = sys.argv[1], sys.argv[2]
    if cmd == "login-time":
        user, password, n = sys.argv[3], sys.argv[4], int(sys.argv[5])
        times = [login_once(base, user, password)[1] for _ in range(n)]
        print(f"login: p50 {statistics.median(times):.1f} ms, p99 {pct(times, 0.99):.1f} ms over {n}")
    elif cmd == "logins":
        # Each login on its own thread, sent at the rate whatever the answers take: a flood
        # does not wait for the server.
        user, password, rate, seconds = sys.argv[3], sys.argv[4], float(sys.argv[5]), float(sys.argv[6])
        statuses = {}
        lock = threading.Lock()
        threads = []
        def send():
            try:
                s, _ms = login_once(base, user, password)
            except OSError:
                s = "error"
            with lock:
                statuses[s] = statuses.get(s, 0) + 1
        def one(_):
            t = threading.Thread(target=send, daemon=True)
            t.start()
            threads.append(t)
        n = at_rate(rate, seconds, one)
        for t in threads:
            t.join(timeout=30)
        print(f"logins sent: {n} ({n / seconds:.0f}/s), answers {dict(sorted(statuses.items(), key=str))}")
    elif cmd == "autosaves":
        user, password, rate, seconds = sys.argv[3], sys.argv[4], float(sys.argv[5]), float(sys.argv[6])
        s = Session(base, user, password)
        status, body, _ = s.call("POST", "/api/v1/admin/articles", piece("Bài tự lưu đo tốc độ"))
        p = json.loads(body)
        rev = p["revision"]
        def one(i):
            nonlocal rev
            st, b, _ = s.call("PUT", f"/api/v1/admin/articles/{p['id']}", {**piece(f"Bài tự lưu {i}"), "revision": rev, "autosave": True})
            if st == 200:
                rev = json.loads(b)["revision"]["id"]
        n = at_rate(rate, seconds, one)
        print(f"autosaves sent: {n} ({n / seconds:.0f}/s)")
    elif cmd == "latency":
        user, password, n = sys.argv[3], sys.argv[4], int(sys.argv[5])
        s = Session(base, user, password)
        lists, puts = [], []
        for i in range(n):
            t = time.perf_counter()
            st, body, _ = s.call("GET", f"/api/v1/admin/articles?page={1 + i % 50}&per_page=20")
            lists.append((time.perf_counter() - t) * 1000)
            assert st == 200, body[:200]
        st, body, _ = s.call("GET", "/api/v1/admin/articles?per_page=100")
        ids = [a["id"] for a in json.loads(body)["articles"]]
        for i in range(n):
            aid = ids[i % len(ids)]
            st, body, _ = s.call("GET", f"/api/v1/admin/articles/{aid}")
            p = json.loads(body)
            t = time.perf_counter()
            st, body, _ = s.call("PUT", f"/api/v1/admin/articles/{aid}", {
                "title": p["title"], "lead": p["lead"] + " ", "blocks": p["blocks"], "authors": p["authors"],
                "category": p["category"], "revision": p["revision"]})
            puts.append((time.perf_counter() - t) * 1000)
            assert st == 200, body[:200]
        print(f"admin list: p50 {statistics.median(lists):.1f} ms, p99 {pct(lists, 0.99):.1f} ms; "
              f"save (PUT): p50 {statistics.median(puts):.1f} ms, p99 {pct(puts, 0.99):.1f} ms ({n} each)")
    elif cmd == "publish":
        bases = base.split(",")
        user, password, n = sys.argv[3], sys.argv[4], int(sys.argv[5])
        s = Session(bases[0], user, password)
        worst = []
        for i in range(n):
            st, body, _ = s.call("POST", "/api/v1/admin/articles", piece(f"Bài đo xuất bản {i} {time.time()}"))
            aid = json.loads(body)["id"]
            for action in ("submit", "pass", "approve"):
                s.call("POST", f"/api/v1/admin/articles/{aid}/actions", {"action": action})
            t = time.perf_counter()
            st, body, _ = s.call("POST", f"/api/v1/admin/articles/{aid}/actions", {"action": "publish"})
            assert st == 200, body[:200]
            seen = []
            for b in bases:
                u = urllib.parse.urlparse(b)
                c = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
                while True:
                    c.request("GET", "/")
                    r = c.getresponse()
                    html = r.read().decode()
                    if f"Bài đo xuất bản {i} " in html:
                        break
                    if time.perf_counter() - t > 10:
                        raise SystemExit("not visible after 10 s")
                    time.sleep(0.01)
                seen.append((time.perf_counter() - t) * 1000)
            worst.append(max(seen))
        print(f"publish → on the home page of all {len(bases)} node(s): p50 {statistics.median(worst):.0f} ms, "
              f"max {max(worst):.0f} ms over {n}")


if __name__ == "__main__":
    main()
