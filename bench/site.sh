#!/usr/bin/env bash
# The reading site under load, beside nginx serving the same article as a static file, in
# one run on this machine (a timing alone means little on a shared 2-core box; the ratio
# does). Loopback only; every process it starts is stopped on exit.
#
#   bench/site.sh [--quick]      needs build/toasoan, ../shared/corpus, wrk and nginx
#
# Reports: corpus import time, start-to-first-page time, requests/s and p99 latency for
# nginx (static article), toasoan article and home pages, the ratio to nginx, resident
# memory of toasoan after every article page has been rendered once; the cold path (every
# request a random article of the corpus, beside nginx serving the same pages as files); and
# the model article while another article is re-imported ten times a second, beside without.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source "$root/bench/lib.sh"
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

ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
# Waits up to 10 s for a URL to answer 200.

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

# Render every article once, then read the resident memory. Each page is also saved for
# nginx, and its canonical path for the cold-path run.
mkdir -p "$work/html/a"
python3 - "$port" "$work" <<'PY'
import http.client, sys, threading
port, work = int(sys.argv[1]), sys.argv[2]
paths = {}
def fetch(ids):
    c = http.client.HTTPConnection("127.0.0.1", port)
    for i in ids:
        c.request("GET", f"/x/a-{i}.html")
        r = c.getresponse(); r.read()
        if r.status == 301:
            loc = r.getheader("Location")
            c.request("GET", loc); body = c.getresponse().read()
            paths[i] = loc
            with open(f"{work}/html/a/{i}.html", "wb") as f: f.write(body)
threads = [threading.Thread(target=fetch, args=(range(k, 12502, 2),)) for k in (1, 2)]
for t in threads: t.start()
for t in threads: t.join()
ids = sorted(paths)
with open(f"{work}/cold-toasoan.lua", "w") as f:
    f.write("local p = {" + ",".join('"%s"' % paths[i] for i in ids) + "}\n")
    f.write("math.randomseed(7)\nrequest = function() return wrk.format('GET', p[math.random(#p)]) end\n")
with open(f"{work}/cold-nginx.lua", "w") as f:
    f.write("local p = {" + ",".join('"/a/%d.html"' % i for i in ids) + "}\n")
    f.write("math.randomseed(7)\nrequest = function() return wrk.format('GET', p[math.random(#p)]) end\n")
PY
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/${pids[0]}/status")

# The cold path: a random article each request (12,500 pages do not fit the page cache).
run_script() {
  local out
  out=$(wrk -t2 -c64 -d"$duration" --latency -s "$2" "$1")
  echo "$(awk '/Requests\/sec/ {print $2}' <<<"$out") $(awk '$1=="99%" {print $2}' <<<"$out")"
}
read -r cn_rps cn_p99 < <(run_script "http://127.0.0.1:$nport" "$work/cold-nginx.lua")
read -r ct_rps ct_p99 < <(run_script "http://127.0.0.1:$port" "$work/cold-toasoan.lua")

# The model article while another (old) article is re-imported ten times a second: each
# import is a write with its change-log entry; only the pages that show that article go.
# The oldest article of the corpus: no list but its own page shows it.
xz -dc "$shared/corpus/articles.jsonl.xz" |
  python3 -c 'import json,sys; print(min(sys.stdin, key=lambda l: json.loads(l).get("published") or "9"), end="")' \
    >"$work/one.jsonl"
read -r b_rps b_p99 < <(run "http://127.0.0.1:$port$path")
(
  end=$((SECONDS + ${duration%s} + 1))
  while ((SECONDS < end)); do
    "$bin" import "$work/one.jsonl" --db "$db" >/dev/null 2>&1 || true
    sleep 0.1
  done
) &
writer=$!
read -r w_rps w_p99 < <(run "http://127.0.0.1:$port$path")
wait "$writer" || true

ratio=$(awk -v a="$a_rps" -v n="$n_rps" 'BEGIN {printf "%.2f", a / n}')
cold_ratio=$(awk -v a="$ct_rps" -v n="$cn_rps" 'BEGIN {printf "%.2f", a / n}')
write_ratio=$(awk -v a="$w_rps" -v n="$b_rps" 'BEGIN {printf "%.2f", a / n}')
cat <<REPORT
toasoan reading-site benchmark ($(nproc) cores, wrk -t2 -c64 -d$duration, keep-alive, loopback)
  corpus import (12,500 articles):   $import_ms ms
  start to first served page:        $first_page_ms ms
  nginx, static article:             $n_rps req/s   p99 $n_p99
  toasoan, model article:            $a_rps req/s   p99 $a_p99   ($ratio x nginx)
  toasoan, home page:                $h_rps req/s   p99 $h_p99
  toasoan resident memory after rendering every article: $((rss_kb / 1024)) MB
  cold path, nginx (12,500 files):   $cn_rps req/s   p99 $cn_p99
  cold path, toasoan (random article): $ct_rps req/s   p99 $ct_p99   ($cold_ratio x nginx)
  model article, no writes:          $b_rps req/s   p99 $b_p99
  model article, 10 re-imports/s:    $w_rps req/s   p99 $w_p99   ($write_ratio x without)
REPORT
