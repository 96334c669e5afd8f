#!/usr/bin/env bash
# The reading site, the import and search at 12,500, 100,000 and 1,000,000 articles, on SQLite
# and PostgreSQL, in one run on this machine (issue "A million articles"). Loopback only;
# every process it starts (the servers, nginx, a throwaway PostgreSQL 15 from scripts/pg,
# wrk) is stopped on exit, and every wait is bounded.
#
#   bench/scale.sh [--quick] [--sizes 12500,100000] [--engines sqlite,postgresql] [--keep FILE]
#       needs build/toasoan (or TOASOAN_BIN), ../shared (or TOASOAN_SHARED), python3, wrk,
#       nginx, curl, sqlite3, /usr/bin/time, and for PostgreSQL postgresql-15 + psql
#
# For each engine and size: bench/scale_corpus.py N piped into `toasoan import -`, then
# `toasoan reindex`, then two server starts: the first for the start-up time, the sitemaps
# (first request after a fresh start), the addresses and the pages written out for nginx
# (after which its resident memory is read); the second, fresh, for everything measured with
# wrk (-t2 -c64 -d10s --latency; --quick: 3 s) and for search (bench/search_quality.py).
# Progress goes to standard error, the table to standard output; --keep FILE also writes it
# as JSON (FILE ending in .json) or TSV. Defaults: sizes 12500,100000 on both engines;
# 1,000,000 only when asked (--sizes 12500,1000000): about 20 GB of disk and an hour or more.
# See bench/README.md, "A million articles (scale)", for what each figure measures.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source "$root/bench/lib.sh"
bin=${TOASOAN_BIN:-$root/build/toasoan}
shared=${TOASOAN_SHARED:-$root/../shared}
duration=10
rounds=3
budget=120
sizes=12500,100000
engines=sqlite,postgresql
keep=
usage() { echo "usage: bench/scale.sh [--quick] [--sizes N,N…] [--engines sqlite,postgresql] [--keep FILE]" >&2; exit 2; }
while (($#)); do
  case $1 in
    --quick) duration=3; rounds=1; budget=60 ;;
    --sizes) [[ ${2:-} =~ ^[0-9]+(,[0-9]+)*$ ]] || usage; sizes=$2; shift ;;
    --engines) [[ ${2:-} =~ ^(sqlite|postgresql)(,(sqlite|postgresql))*$ ]] || usage; engines=$2; shift ;;
    --keep) [[ -n ${2:-} ]] || usage; keep=$2; shift ;;
    *) usage ;;
  esac
  shift
done
IFS=, read -r -a size_list <<<"$sizes"
IFS=, read -r -a engine_list <<<"$engines"
die() { echo "bench/scale.sh: $*" >&2; exit 2; }
say() { printf '[%s] bench/scale.sh: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
for tool in python3 wrk nginx curl sqlite3; do
  command -v "$tool" >/dev/null || die "$tool is not installed (./scripts/deps installs it)"
done
[[ -x /usr/bin/time ]] || die "/usr/bin/time is not installed (apt-get install time)"
[[ -x $bin ]] || die "build $bin first (cmake --build build --target toasoan), or set TOASOAN_BIN"
[[ -f $shared/corpus/articles.jsonl.xz && -f $shared/corpus/sample-queries.jsonl && -f $shared/fixtures/seed-article.jsonl ]] ||
  die "needs $shared/corpus and $shared/fixtures (or set TOASOAN_SHARED)"
if [[ ,$engines, == *,postgresql,* ]]; then
  command -v psql >/dev/null && [[ -x /usr/lib/postgresql/15/bin/initdb ]] ||
    die "PostgreSQL 15 is not installed (./scripts/deps), or leave it out: --engines sqlite"
fi

# A short folder: the PostgreSQL socket lives in it (at most 107 bytes).
work=$(mktemp -d /tmp/tsscale.XXXXXX)
chmod 755 "$work"  # nginx workers run as another user and must read the pages
pids=()            # toasoan servers and nginx masters' pid files are stopped on exit
pg_dir=
nginx_pid_file=$work/nginx.pid
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [[ -f $nginx_pid_file ]] && kill "$(cat "$nginx_pid_file")" 2>/dev/null || true
  for p in "${pids[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$p" 2>/dev/null || true
  done
  [[ -n $pg_dir ]] && "$root/scripts/pg" stop "$pg_dir" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
trap 'echo "bench/scale.sh: line $LINENO failed: $BASH_COMMAND" >&2' ERR
# One binary for the whole run, whatever happens to the build meanwhile.
commit="$(git -C "$(dirname "$bin")" log -1 --format=%h 2>/dev/null || echo '?'), binary of $(date -u -r "$bin" +%Y-%m-%dT%H:%MZ)"
cp "$bin" "$work/toasoan"
bin=$work/toasoan

now_ns() { date +%s%N; }
ms_since() { echo $(( ($(now_ns) - $1) / 1000000 )); }
s_since() { awk -v d=$(( $(now_ns) - $1 )) 'BEGIN {printf "%.1f", d / 1e9}'; }
results=$work/results.tsv
: >"$results"
put() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$results"; }  # put ENGINE SIZE KEY VALUE

# --- Servers -------------------------------------------------------------------------------
# start_server DB [SERVE OPTION…]: starts `toasoan serve` on a free port; sets srv_pid,
# srv_port, base and start_ms (launch to the first 200 answer of /). Bounded: 600 s, or the
# server's exit.
start_server() {
  local db=$1
  shift
  srv_port=$(free_port)
  base=http://127.0.0.1:$srv_port
  local t0 code deadline=$((SECONDS + 600))
  t0=$(now_ns)
  "$bin" serve --listen "127.0.0.1:$srv_port" --db "$db" --media "$work/media" --no-access-log "$@" \
    >>"$work/serve.log" 2>&1 &
  srv_pid=$!
  pids+=("$srv_pid")
  while ((SECONDS < deadline)); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 60 "$base/" || true)
    [[ $code == 200 ]] && { start_ms=$(ms_since "$t0"); return 0; }
    kill -0 "$srv_pid" 2>/dev/null || { tail -n 20 "$work/serve.log" >&2; die "toasoan serve exited"; }
    sleep 0.02
  done
  tail -n 20 "$work/serve.log" >&2
  die "toasoan serve did not answer / within 600 s"
}
stop_server() {
  kill "$srv_pid" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$srv_pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$srv_pid" 2>/dev/null || true
  wait "$srv_pid" 2>/dev/null || true
}
# nginx serving $work/html on a free port: sets nbase.
start_nginx() {
  local nport
  nport=$(free_port)
  nbase=http://127.0.0.1:$nport
  cat >"$work/nginx.conf" <<CONF
worker_processes auto;
pid $nginx_pid_file;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { text/html html; }
  default_type text/html;
  server { listen 127.0.0.1:$nport; root $work/html; charset utf-8; }
}
CONF
  nginx -c "$work/nginx.conf" -e "$work/nginx-error.log"
  local deadline=$((SECONDS + 30))
  until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$nbase$model" || true) == 200 ]]; do
    ((SECONDS < deadline)) || { cat "$work/nginx-error.log" >&2; die "nginx did not serve $model within 30 s"; }
    sleep 0.05
  done
}
stop_nginx() {
  [[ -f $nginx_pid_file ]] || return 0
  local p
  p=$(cat "$nginx_pid_file")
  kill "$p" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  rm -f "$nginx_pid_file"
}

# --- Measuring -----------------------------------------------------------------------------
# wrk → "req/s p99ms"; extra arguments (-s SCRIPT) go before the URL.
wrk_run() {
  local url=$1
  shift
  timeout $((duration + 60)) wrk -t2 -c64 -d"${duration}s" --latency "$@" "$url" |
    awk '/Requests\/sec/ {rps=$2}
         /Non-2xx or 3xx responses/ {bad=$NF}
         $1=="99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)}
                    else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; p99=v}
         END {printf "%.0f %.2f %d\n", rps, p99, bad}'
}
# measure ENGINE SIZE KEY URL [wrk args…]: records KEY_rps and KEY_p99.
measure() {
  local e=$1 n=$2 key=$3 url=$4 rps p99 bad
  shift 4
  read -r rps p99 bad < <(wrk_run "$url" "$@")
  ((bad == 0)) || say "warning: $key: $bad answers were not 2xx/3xx"
  put "$e" "$n" "${key}_rps" "$rps"
  put "$e" "$n" "${key}_p99" "$p99"
  say "  $key: $rps req/s, p99 $p99 ms"
}
# first_ms URL: the time of one request, ms (curl's time_total); "-" unless it answers 200.
first_ms() {
  local out
  out=$(curl -s -o /dev/null --max-time 300 -w '%{http_code} %{time_total}' "$1" || true)
  [[ $out == 200\ * ]] && awk -v t="${out#* }" 'BEGIN {printf "%.1f", t * 1000}' || echo -
}
cache_misses() { curl -s --max-time 10 "$base/metrics" | awk '$1=="toasoan_page_cache_misses_total" {print $2}'; }
# uncached_page ENGINE SIZE KEY PATH PAGE: 50 sequential requests of page PAGE of a category
# on a server that keeps no page (--page-cache-mb 0), so every one is rendered. Records
# KEY_p50 and KEY_p99 (ms, nearest rank), and checks on /metrics that 50 missed the cache.
uncached_page() {
  local e=$1 n=$2 key=$3 path=$4 page=$5 i before after
  before=$(cache_misses)
  : >"$work/times.txt"
  for i in $(seq 1 50); do
    curl -s -o /dev/null --max-time 60 -w '%{http_code} %{time_total}\n' "$base$path?page=$page" >>"$work/times.txt" || true
  done
  after=$(cache_misses)
  [[ $((after - before)) -ge 50 ]] || say "warning: $key: $((after - before)) of the 50 requests were rendered"
  grep -qv '^200 ' "$work/times.txt" && say "warning: $key: $(grep -cv '^200 ' "$work/times.txt") answers were not 200"
  read -r p50 p99 < <(awk '{print $2 * 1000}' "$work/times.txt" | sort -n |
    awk '{v[NR] = $1} END {i50 = int((NR * 50 + 99) / 100); i99 = int((NR * 99 + 99) / 100); printf "%.1f %.1f\n", v[i50], v[i99]}')
  put "$e" "$n" "${key}_p50" "$p50"
  put "$e" "$n" "${key}_p99" "$p99"
  say "  $key uncached: p50 $p50 ms, p99 $p99 ms"
}

# sql ENGINE DB QUERY: runs a query on the database, rows on stdout, fields split by '|'.
sql() {
  if [[ $1 == sqlite ]]; then sqlite3 -readonly "${2#sqlite:}" "$3"
  else psql -X -q -At -d "$2" -c "$3"; fi
}

# --- One engine, one size ------------------------------------------------------------------
declare -A gen_done
run_one() {
  local e=$1 n=$2 db articles t0 rc need avail pg_name=
  articles=$((n > 12501 ? n : 12501))
  # Disk: about 16 KB an article for the database (both engines measured 10–13 at 100,000),
  # and up to 100,000 pages for nginx at about 60 KB each.
  need=$(( articles * 16 * 1024 + (articles < 100000 ? articles : 100000) * 60 * 1024 ))
  avail=$(df --output=avail -B1 "$work" | tail -n 1)
  if ((avail < need + 2 * 1024 * 1024 * 1024)); then
    die "$e at $n articles needs about $((need >> 30)) GB in $(df --output=target "$work" | tail -n 1) (and 2 GB to spare); only $((avail >> 30)) GB are free"
  fi
  if [[ $e == sqlite ]]; then
    db="sqlite:$work/scale-$n.db"
  else
    pg_name=scale_$n
    PGOPTIONS=--client-min-messages=warning psql -X -q -v ON_ERROR_STOP=1 -d "$pg_server" \
      -c "DROP DATABASE IF EXISTS $pg_name" -c "CREATE DATABASE $pg_name" >/dev/null
    db="${pg_server%%\?*}"
    db="${db%/*}/$pg_name?${pg_server#*\?}"
  fi

  # The generator alone, once a size.
  if [[ -z ${gen_done[$n]:-} ]]; then
    say "$n: the generator alone, to /dev/null"
    t0=$(now_ns)
    timeout 3600 python3 "$root/bench/scale_corpus.py" "$n" --shared "$shared" >/dev/null || die "bench/scale_corpus.py failed"
    gen_done[$n]=$(s_since "$t0")
  fi
  put "$e" "$n" gen_s "${gen_done[$n]}"

  say "$e $n: generating and importing $articles articles"
  t0=$(now_ns)
  rc=0
  timeout 14400 python3 "$root/bench/scale_corpus.py" "$n" --shared "$shared" |
    /usr/bin/time -v -o "$work/import-time.txt" timeout 14400 "$bin" import - --db "$db" --media "$work/media" \
      >"$work/import.log" 2>&1 || rc=$?
  local import_s
  import_s=$(s_since "$t0")
  # 1: some lines were refused (reported, not fatal); anything else is a failure.
  ((rc <= 1)) || { tail -n 20 "$work/import.log" >&2; die "$e $n: the import failed ($rc)"; }
  ((rc == 0)) || say "warning: $e $n: the import refused some lines: $(grep -c 'bỏ qua' "$work/import.log") (see the summary: $(tail -n 1 "$work/import.log"))"
  put "$e" "$n" import_s "$import_s"
  put "$e" "$n" import_aps "$(awk -v a="$articles" -v s="$import_s" 'BEGIN {printf "%.0f", a / s}')"
  put "$e" "$n" import_rss_mb "$(awk '/Maximum resident set size/ {printf "%.0f", $NF / 1024}' "$work/import-time.txt")"
  say "  import: $import_s s ($(tail -n 1 "$work/import.log"))"

  say "$e $n: toasoan reindex"
  t0=$(now_ns)
  if timeout 14400 "$bin" reindex --db "$db" >"$work/reindex.log" 2>&1; then
    put "$e" "$n" reindex_s "$(s_since "$t0")"
  else
    say "warning: toasoan reindex failed: $(head -c 300 "$work/reindex.log")"
    put "$e" "$n" reindex_s FAILED
  fi

  local bytes
  if [[ $e == sqlite ]]; then
    local f
    bytes=0
    for f in "${db#sqlite:}" "${db#sqlite:}"-wal; do [[ -f $f ]] && bytes=$((bytes + $(stat -c %s "$f"))); done
  else
    bytes=$(sql "$e" "$db" "SELECT pg_database_size(current_database())")
  fi
  put "$e" "$n" db_mb "$((bytes / 1048576))"
  put "$e" "$n" db_bytes_per_article "$((bytes / articles))"

  # --- First start: start-up, sitemaps, addresses, the pages for nginx, memory ------------
  say "$e $n: first start"
  start_server "$db"
  put "$e" "$n" first_page_ms "$start_ms"
  say "  start to first page: $start_ms ms"
  # The sitemaps, each asked once right after the start: rendered, not from the cache.
  put "$e" "$n" sitemap_index_ms "$(first_ms "$base/sitemap.xml")"
  local month
  month=$(curl -s --max-time 300 "$base/sitemap.xml" | grep -o 'sitemap-articles-[0-9-]*\.xml' | sort -u >"$work/months.txt"
          grep -m1 '^sitemap-articles-2017-06-' "$work/months.txt" || head -n 1 "$work/months.txt")
  put "$e" "$n" sitemap_month_ms "$(first_ms "$base/$month")"
  put "$e" "$n" sitemap_news_ms "$(first_ms "$base/sitemap-news.xml")"
  say "  sitemaps ($month): $(awk -F'\t' -v e="$e" -v n="$n" '$1==e && $2==n && $3 ~ /^sitemap/ {printf "%s %s ms  ", $3, $4}' "$results")"

  # Article addresses, straight from the database (src/site/routes.cpp article_path):
  # /{category slug}/{title slug}-{id}.html, every visible article or a random 100,000.
  local now
  now=$(date +%s)
  sql "$e" "$db" "SELECT '/' || c.slug || '/' || a.slug || '-' || a.id || '.html' FROM articles a
      JOIN categories c ON c.id = a.category_id WHERE a.status = 'published' AND a.published_at <= $now
      ORDER BY random() LIMIT 100000" >"$work/paths.txt"
  model=$(sql "$e" "$db" "SELECT '/' || c.slug || '/' || a.slug || '-' || a.id || '.html' FROM articles a
      JOIN categories c ON c.id = a.category_id WHERE a.slug LIKE 'trien-khai-thuc-hien-nghi-quyet%' LIMIT 1")
  [[ -n $model ]] || die "$e $n: the model article is not in the database"
  grep -qxF "$model" "$work/paths.txt" || echo "$model" >>"$work/paths.txt"
  local k
  k=$(wc -l <"$work/paths.txt")
  put "$e" "$n" pages_k "$k"

  # Each page fetched once from toasoan into nginx's root, at the same path: 4 curls at once,
  # each keeping its connection over a chunk of 500 addresses.
  say "$e $n: writing $k pages for nginx"
  rm -rf "$work/html" "$work/curl"
  mkdir -p "$work/html" "$work/curl"
  # The category folders made here: curl --create-dirs would make them 0750, closed to nginx.
  cut -d/ -f2 "$work/paths.txt" | sort -u | sed "s:^:$work/html/:" | xargs mkdir -p
  awk -v b="$base" -v r="$work/html" -v d="$work/curl" \
    '{f = sprintf("%s/c%06d", d, int((NR - 1) / 500)); printf "url = \"%s%s\"\noutput = \"%s%s\"\n", b, $0, r, $0 > f}' \
    "$work/paths.txt"
  t0=$(now_ns)
  find "$work/curl" -type f | sort | timeout 3600 xargs -P4 -n1 curl -s --fail --create-dirs --max-time 600 -K ||
    say "warning: some pages could not be fetched"
  local written
  written=$(find "$work/html" -type f -size +0 | wc -l)
  ((written == k)) || say "warning: $written of $k pages were written"
  say "  $written pages in $(s_since "$t0") s ($(du -sm "$work/html" | cut -f1) MB)"
  # Resident memory now that it has served $k different pages (all of them when there are fewer
  # than 100,000).
  put "$e" "$n" rss_mb "$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$srv_pid/status")"

  # The category measured: the corpus's largest, "Thế giới"; its last page by bisection.
  cat_path=/the-gioi/
  local lo=1 hi=1
  while ((hi < 1048576)) && [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 120 "$base$cat_path?page=$hi") == 200 ]]; do
    lo=$hi
    hi=$((hi * 2))
  done
  while ((hi - lo > 1)); do
    local mid=$(((lo + hi) / 2))
    if [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 120 "$base$cat_path?page=$mid") == 200 ]]; then lo=$mid; else hi=$mid; fi
  done
  last_page=$lo
  put "$e" "$n" cat_last_page "$last_page"
  stop_server

  # --- The category pages uncached: a server that keeps no page ----------------------------
  start_server "$db" --page-cache-mb 0
  uncached_page "$e" "$n" cat1_unc "$cat_path" 1
  if ((last_page >= 100)); then uncached_page "$e" "$n" cat100_unc "$cat_path" 100; fi
  uncached_page "$e" "$n" catlast_unc "$cat_path" "$last_page"
  stop_server

  # --- Second start: a fresh server (its page cache is in memory) for the wrk runs ---------
  say "$e $n: second start; wrk runs of ${duration} s"
  start_server "$db"
  start_nginx
  local lua=$work/random.lua
  cat >"$lua" <<LUA
local paths = {}
for line in io.lines("$work/paths.txt") do paths[#paths + 1] = line end
local counter = 0
function setup(thread) counter = counter + 1; thread:set("seed", counter) end
function init(args) math.randomseed(7 + (seed or 0)) end
request = function() return wrk.format("GET", paths[math.random(#paths)]) end
LUA
  # Uncached: a random page of the $k on every request. toasoan first, while its cache is empty.
  measure "$e" "$n" cold "$base" -s "$lua"
  measure "$e" "$n" cold_nginx "$nbase" -s "$lua"
  # Warm: one URL again and again (the page cache).
  curl -s -o /dev/null "$base$model"
  measure "$e" "$n" model "$base$model"
  measure "$e" "$n" model_nginx "$nbase$model"
  measure "$e" "$n" cat1 "$base$cat_path"
  if ((last_page >= 100)); then measure "$e" "$n" cat100 "$base$cat_path?page=100"; fi
  measure "$e" "$n" catlast "$base$cat_path?page=$last_page"
  measure "$e" "$n" home "$base/"
  measure "$e" "$n" feed "$base/rss/tin-moi-nhat.rss"
  measure "$e" "$n" api "$base/api/v1/articles?page=1"
  stop_nginx

  # Search speed: each sample query asked once, on one keep-alive connection, before anything
  # else searched on this server: every answer is computed, none comes from the cache.
  # (search_quality.py's own timing repeats each query under reordered parameters, which the
  # cache key now folds into one entry, so it mostly measures the cache.)
  say "$e $n: search, each sample query once"
  read -r sp50 sp99 sn < <(timeout 600 python3 - "$srv_port" "$shared/corpus/sample-queries.jsonl" <<'PY'
import http.client, json, math, sys, time, urllib.parse
port, queries = int(sys.argv[1]), [json.loads(l) for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
ms, seen = [], set()
for q in queries:
    if q["query"] in seen:
        continue
    seen.add(q["query"])
    t0 = time.perf_counter()
    c.request("GET", "/api/v1/search?per_page=10&q=" + urllib.parse.quote(q["query"]))
    r = c.getresponse(); r.read()
    ms.append((time.perf_counter() - t0) * 1000)
    if r.status != 200:
        print(f"search {q['query']!r}: {r.status}", file=sys.stderr)
ms.sort()
at = lambda p: ms[max(1, math.ceil(p / 100 * len(ms))) - 1]
print(f"{at(50):.2f} {at(99):.2f} {len(ms)}")
PY
  )
  put "$e" "$n" search_p50 "$sp50"
  put "$e" "$n" search_p99 "$sp99"
  say "  search: $sn queries, p50 $sp50 ms, p99 $sp99 ms"

  say "$e $n: search quality (bench/search_quality.py, $rounds round(s))"
  if timeout 3600 python3 "$root/bench/search_quality.py" --corpus "$shared/corpus/articles.jsonl.xz" \
      --queries "$shared/corpus/sample-queries.jsonl" --work "$work" --rounds "$rounds" --budget "$budget" \
      --store "$e=$base" --json "$work/search.json" >"$work/search.txt" 2>"$work/search.err" ||
     [[ -s $work/search.json ]]; then
    python3 - "$work/search.json" "$e" "$n" >>"$results" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["stores"][0]
e, n = sys.argv[2], sys.argv[3]
q = r["quality"]
def mean(k): return sum(v[k] for v in q.values()) / len(q)
rows = {"search_r1": f"{mean('recall@1'):.3f}", "search_r10": f"{mean('recall@10'):.3f}"}
if r.get("suggest"): rows["suggest_p50"] = f"{r['suggest']['p50']:.2f}"
for k, v in rows.items(): print(f"{e}\t{n}\t{k}\t{v}")
PY
    say "  $(grep -h '^[a-z]* *\(accented\|plain\)\|suggest API' "$work/search.txt" | tr -s ' ' | paste -sd';')"
  else
    say "warning: search_quality.py failed: $(tail -n 3 "$work/search.err")"
  fi
  kill -0 "$srv_pid" 2>/dev/null || die "$e $n: the server died during the run"
  stop_server

  # Room for the next size.
  rm -rf "$work/html" "$work/curl" "$work/media"
  if [[ $e == sqlite ]]; then
    rm -f "${db#sqlite:}" "${db#sqlite:}"-wal "${db#sqlite:}"-shm
  else
    psql -X -q -d "$pg_server" -c "DROP DATABASE IF EXISTS $pg_name" >/dev/null
  fi
}

if [[ ,$engines, == *,postgresql,* ]]; then
  pg_dir=$work/pg
  pg_server=$(timeout 120 "$root/scripts/pg" start "$pg_dir" 2>"$work/pg-start.log") ||
    { cat "$work/pg-start.log" >&2; die "scripts/pg start failed"; }
fi
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for e in "${engine_list[@]}"; do
  for n in "${size_list[@]}"; do
    run_one "$e" "$n"
  done
done

# --- The table -----------------------------------------------------------------------------
python3 - "$results" "$engines" "$sizes" "$duration" "$commit" "$load_before" "$keep" <<'PY'
import json, sys
path, engines, sizes, duration, commit, load, keep = sys.argv[1:8]
engines, sizes = engines.split(","), [int(s) for s in sizes.split(",")]
v = {}
for line in open(path, encoding="utf-8"):
    e, n, k, x = line.rstrip("\n").split("\t")
    v[(e, int(n), k)] = x
def num(x):
    try: return float(x)
    except (TypeError, ValueError): return None
def ratio(a, b):
    a, b = num(a), num(b)
    return f"{a / b:.2f}" if a is not None and b else "-"
# Derived figures: toasoan / nginx.
for e in engines:
    for n in sizes:
        for k in ("cold", "model"):
            if (e, n, k + "_rps") in v:
                v[(e, n, k + "_ratio")] = ratio(v.get((e, n, k + "_rps")), v.get((e, n, k + "_nginx_rps")))
ROWS = [
    ("gen_s", "generator alone → /dev/null, s"),
    ("import_s", "import (generator | toasoan import -), s"),
    ("import_aps", "import, articles/s"),
    ("import_rss_mb", "import peak RSS (toasoan import), MB"),
    ("db_mb", "database size after reindex, MB"),
    ("db_bytes_per_article", "database bytes per article"),
    ("reindex_s", "toasoan reindex, s"),
    ("first_page_ms", "start to first served page, ms"),
    ("cold_rps", "uncached article (random), req/s"),
    ("cold_p99", "uncached article, p99 ms"),
    ("cold_nginx_rps", "  nginx same pages, req/s"),
    ("cold_nginx_p99", "  nginx same pages, p99 ms"),
    ("cold_ratio", "  toasoan / nginx (req/s)"),
    ("pages_k", "distinct article pages served"),
    ("rss_mb", "server RSS after serving them, MB"),
    ("model_rps", "warm model article, req/s"),
    ("model_p99", "warm model article, p99 ms"),
    ("model_nginx_rps", "  nginx static, req/s"),
    ("model_nginx_p99", "  nginx static, p99 ms"),
    ("model_ratio", "  toasoan / nginx (req/s)"),
    ("cat_last_page", "category /the-gioi/: last page"),
    ("cat1_rps", "category p.1 warm, req/s"),
    ("cat1_p99", "category p.1 warm, p99 ms"),
    ("cat100_rps", "category p.100 warm, req/s"),
    ("cat100_p99", "category p.100 warm, p99 ms"),
    ("catlast_rps", "category last page warm, req/s"),
    ("catlast_p99", "category last page warm, p99 ms"),
    ("cat1_unc_p50", "category p.1 uncached, p50 ms"),
    ("cat1_unc_p99", "category p.1 uncached, p99 ms"),
    ("cat100_unc_p50", "category p.100 uncached, p50 ms"),
    ("cat100_unc_p99", "category p.100 uncached, p99 ms"),
    ("catlast_unc_p50", "category last uncached, p50 ms"),
    ("catlast_unc_p99", "category last uncached, p99 ms"),
    ("sitemap_index_ms", "/sitemap.xml first request, ms"),
    ("sitemap_month_ms", "monthly sitemap first request, ms"),
    ("sitemap_news_ms", "/sitemap-news.xml first request, ms"),
    ("search_r1", "search recall@1 (sample queries)"),
    ("search_r10", "search recall@10"),
    ("search_p50", "search API p50 ms (first ask)"),
    ("search_p99", "search API p99 ms (first ask)"),
    ("suggest_p50", "suggest API p50 ms (per keystroke)"),
    ("home_rps", "home page warm, req/s"),
    ("home_p99", "home page warm, p99 ms"),
    ("feed_rps", "RSS feed warm, req/s"),
    ("feed_p99", "RSS feed warm, p99 ms"),
    ("api_rps", "API list page 1 warm, req/s"),
    ("api_p99", "API list page 1 warm, p99 ms"),
]
short = {"sqlite": "SQLite", "postgresql": "PG"}
cols = []  # (header, function of key)
def fmt_n(n): return f"{n:,}"
for e in engines:
    base = sizes[0]
    for n in sizes:
        cols.append((f"{short[e]} {fmt_n(n)}", lambda k, e=e, n=n: v.get((e, n, k), "-")))
        if n != base:
            cols.append((f"÷{fmt_n(base)}", lambda k, e=e, n=n, b=base: ratio(v.get((e, n, k)), v.get((e, b, k)))))
label_w = max(len(l) for _, l in ROWS)
widths = [max(len(h), 8) for h, _ in cols]
out = []
out.append(f"toasoan at scale: wrk -t2 -c64 -d{duration}s --latency, loopback; toasoan {commit}; "
           f"load average before {load}")
out.append("")
out.append(f"{'figure':{label_w}} | " + " | ".join(f"{h:>{w}}" for (h, _), w in zip(cols, widths)))
out.append("-" * label_w + "-|-" + "-|-".join("-" * w for w in widths))
table = []
for key, label in ROWS:
    cells = [f(key) for _, f in cols]
    if all(c == "-" for c in cells):
        continue
    table.append((key, label, cells))
    out.append(f"{label:{label_w}} | " + " | ".join(f"{c:>{w}}" for c, w in zip(cells, widths)))
print("\n".join(out))
if keep:
    if keep.endswith(".json"):
        data = {"commit": commit, "duration_s": int(duration), "load_before": load, "engines": engines,
                "sizes": sizes, "figures": {f"{e}/{n}": {k: x for (ee, nn, k), x in v.items() if ee == e and nn == n}
                                            for e in engines for n in sizes}}
        with open(keep, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
    else:
        with open(keep, "w", encoding="utf-8") as f:
            f.write("\t".join(["figure"] + [h for h, _ in cols]) + "\n")
            for key, label, cells in table:
                f.write("\t".join([key] + cells) + "\n")
PY
