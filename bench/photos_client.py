#!/usr/bin/env python3
"""The newsroom's side of bench/photos.sh: photos uploaded all at once, each on its own
connection and session, as several reporters would. Loopback only; stops by itself (every
request times out after 120 s).

  photos_client.py upload BASE USER PASSWORD FILE...

Prints one JSON object: {"seconds": wall time from the first upload sent to the last answer,
"uploads": [{"file", "status", "seconds", "photo": the answer's photo}, …]}.
"""
import http.client
import json
import os
import sys
import threading
import time
import urllib.parse


def session(base, user, password):
    u = urllib.parse.urlparse(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=120)
    conn.request("POST", "/api/v1/session", body=json.dumps({"username": user, "password": password}),
                 headers={"Content-Type": "application/json", "Origin": base})
    r = conn.getresponse()
    body = r.read().decode()
    if r.status != 200:
        raise SystemExit(f"login {user}: {r.status} {body[:200]}")
    return conn, r.getheader("Set-Cookie").split(";")[0], json.loads(body)["csrf"]


def upload(base, conn, cookie, csrf, path):
    boundary = "----toasoan-bench-" + os.urandom(8).hex()
    with open(path, "rb") as f:
        data = f.read()
    name = os.path.basename(path)
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            f"Content-Type: image/jpeg\r\n\r\n").encode() + data + (
            f"\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\n"
            f"Ảnh đo tốc độ {name}\r\n--{boundary}--\r\n").encode()
    conn.request("POST", "/api/v1/admin/media", body=body, headers={
        "Content-Type": f"multipart/form-data; boundary={boundary}", "Origin": base,
        "Cookie": cookie, "X-CSRF-Token": csrf})
    r = conn.getresponse()
    return r.status, r.read().decode()


def main():
    cmd, base, user, password, files = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
    if cmd != "upload":
        raise SystemExit(__doc__)
    # Signed in before the clock starts: the Argon2id hash is not the photo's cost.
    sessions = [session(base, user, password) for _ in files]
    results = [None] * len(files)
    start = threading.Barrier(len(files) + 1)

    def one(i):
        start.wait()
        t = time.perf_counter()
        try:
            status, body = upload(base, *sessions[i], files[i])
        except OSError as e:
            status, body = "error", str(e)
        took = time.perf_counter() - t
        photo = json.loads(body) if status in (200, 201) else body[:300]
        results[i] = {"file": files[i], "status": status, "seconds": round(took, 2), "photo": photo}

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(files))]
    for t in threads:
        t.start()
    start.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    print(json.dumps({"seconds": round(time.perf_counter() - t0, 2), "uploads": results}))


if __name__ == "__main__":
    main()
