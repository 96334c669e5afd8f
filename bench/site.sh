#!/usr/bin/env bash
# The reading site under load, beside nginx serving the same article as a static file, in
# one run on this machine (a timing alone means little on a shared 2-core box; the ratio
# does). Loopback only; every process it starts is stopped on exit.
#
#   bench/site.sh [--quick]      needs build/toasoan, ../shared/corpus, wrk and nginx
#
# Reports: corpus import time, start-to-first-page time, requests/s and p99 latency for
# nginx (static article), toasoan article and home pages, the ratio to nginx, and resident
# memory of toasoan after every article page has been rendered once.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bin=${TOASOAN_BIN:-$root/build/toasoan}
shared=${TOASOAN_SHARED:-$root/../shared}
duration=10s
[[ ${1:-} == --quick ]] && duration=3s
for tool in wrk nginx curl xz; do
  command -v "$tool" >/dev/null || { echo "bench/site.sh: $tool is not installed (./scripts/deps installs it)" >&2; exit 2; }
done
[[ -x $bin ]] || { echo "bench/site.sh: build $bin first" >&2; exit 2; }
[[ -f $shared/corpus/articles.jsonl.xz ]] || { echo "bench/site.sh: needs $shared/corpus" >&2; exit 2; }

work=$(mktemp -d)
chmod 755 "$work"  # nginx workers run as another user and must read the article
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [[ -f $work/nginx.pid ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
# Waits up to 10 s for a URL to answer 200.
wait_for() {
  for _ in $(seq 1 2000); do curl -sf -o /dev/null "$1" && return 0; sleep 0.005; done
  echo "bench/site.sh: $1 did not answer" >&2; exit 1
}

db="sqlite:$work/toasoan.db"
t0=$(date +%s%N)
xz -dc "$shared/corpus/articles.jsonl.xz" | "$bin" import - --db "$db" >/dev/null
import_ms=$(ms_since "$t0")
"$bin" import "$shared/fixtures/seed-article.jsonl" --db "$db" >/dev/null

port=$(free_port)
t0=$(date +%s%N)
"$bin" serve --listen "127.0.0.1:$port" --db "$db" --media "$work/media" --no-access-log 2>"$work/serve.log" &
pids+=($!)
wait_for "http://127.0.0.1:$port/"
first_page_ms=$(ms_since "$t0")

article=$(curl -s "http://127.0.0.1:$port/api/v1/articles?per_page=100" |
  python3 -c 'import json,sys; print(next(a["url"] for a in json.load(sys.stdin)["articles"] if "trien-khai-thuc-hien-nghi-quyet" in a["url"]))')
path=${article#http://127.0.0.1:$port}

mkdir -p "$work/html"
curl -s "$article" >"$work/html/article.html"
nport=$(free_port)
cat >"$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { text/html html; }
  server { listen 127.0.0.1:$nport; root $work/html; }
}
CONF
nginx -c "$work/nginx.conf" -e "$work/nginx-error.log"
wait_for "http://127.0.0.1:$nport/article.html"

# wrk prints "Requests/sec: N" and, with --latency, "99% Xms"; both to one line.
run() {
  local out
  out=$(wrk -t2 -c64 -d"$duration" --latency "$1")
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  echo "$rps $p99"
}
read -r n_rps n_p99 < <(run "http://127.0.0.1:$nport/article.html")
read -r a_rps a_p99 < <(run "http://127.0.0.1:$port$path")
read -r h_rps h_p99 < <(run "http://127.0.0.1:$port/")

# Render every article once, then read the resident memory.
curl -s "http://127.0.0.1:$port/api/v1/articles?per_page=1" >/dev/null
python3 - "$port" <<'PY'
import http.client, sys, threading
port = int(sys.argv[1])
def fetch(ids):
    c = http.client.HTTPConnection("127.0.0.1", port)
    for i in ids:
        c.request("GET", f"/x/a-{i}.html")
        r = c.getresponse(); r.read()
        if r.status == 301:
            c.request("GET", r.getheader("Location")); c.getresponse().read()
threads = [threading.Thread(target=fetch, args=(range(k, 12502, 2),)) for k in (1, 2)]
for t in threads: t.start()
for t in threads: t.join()
PY
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/${pids[0]}/status")

ratio=$(awk -v a="$a_rps" -v n="$n_rps" 'BEGIN {printf "%.2f", a / n}')
cat <<REPORT
toasoan reading-site benchmark ($(nproc) cores, wrk -t2 -c64 -d$duration, keep-alive, loopback)
  corpus import (12,500 articles):   $import_ms ms
  start to first served page:        $first_page_ms ms
  nginx, static article:             $n_rps req/s   p99 $n_p99
  toasoan, model article:            $a_rps req/s   p99 $a_p99   ($ratio x nginx)
  toasoan, home page:                $h_rps req/s   p99 $h_p99
  toasoan resident memory after rendering every article: $((rss_kb / 1024)) MB
REPORT
