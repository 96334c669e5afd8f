#!/usr/bin/env bash
# Readers' comments under load, each figure beside a reference measured in the same run:
#   - comments durably acknowledged (202) a second, 64 and 256 connections, beside the fsyncs a
#     second this disk does in the database's folder (comments per flush) and WordPress's 95;
#     then the moderators' count of pending comments, which must cover every 202;
#   - another article's page while 100 comments a second are approved, beside without (the
#     cache isolation), and the model article's own page during the approvals, for information;
#   - 10,000 open live streams on one node (fewer when the wrk connections would push the
#     server over its 10,000 connections): resident memory per stream, the model article's
#     throughput with them open beside without, and how long an approval takes to reach the
#     1,000 streams watching its article (p50/p99).
# On SQLite, and on PostgreSQL (a throwaway server from scripts/pg, its durability switched
# back on: a 202 promises the comment is on disk). Loopback only; every process it starts is
# stopped on exit; nothing is written into the repository.
#
#   bench/comments.sh [--quick] [sqlite|postgresql]   needs build/toasoan, ../shared, wrk, curl,
#                                                     xz, python3 (and psql, postgresql-15)
# TOASOAN_BENCH_STREAMS=N sets the number of streams.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source "$root/bench/lib.sh"
bin=${TOASOAN_BIN:-$root/build/toasoan}
shared=${TOASOAN_SHARED:-$root/../shared}
duration=10
[[ ${1:-} == --quick ]] && { duration=3; shift; }
only=${1:-}
[[ -z $only || $only == sqlite || $only == postgresql ]] || { echo "usage: bench/comments.sh [--quick] [sqlite|postgresql]" >&2; exit 2; }
for tool in wrk curl xz python3; do
  command -v "$tool" >/dev/null || { echo "bench/comments.sh: $tool is not installed (./scripts/deps installs it)" >&2; exit 2; }
done
[[ -x $bin ]] || { echo "bench/comments.sh: build $bin first" >&2; exit 2; }
[[ -f $shared/corpus/articles.jsonl.xz && -f $shared/fixtures/seed-article.jsonl ]] ||
  { echo "bench/comments.sh: needs $shared/corpus and $shared/fixtures" >&2; exit 2; }

# The server's connection limit (http::Limits::connections) counts every open socket: the
# streams, wrk's 64 and the moderator's must fit under it together.
limit=10000
wrk_conns=64
streams=${TOASOAN_BENCH_STREAMS:-10000}
watchers=1000
if ((streams + wrk_conns + 8 > limit)); then
  streams_note="$streams streams + $wrk_conns wrk connections would pass the server's $limit connections"
  streams=$((limit - wrk_conns - 36))
  streams_note+="; using $streams"
fi
ulimit -n "$(ulimit -Hn)"
if (($(ulimit -n) < streams + 500)); then
  echo "bench/comments.sh: ulimit -n is $(ulimit -n), too few for $streams streams" >&2; exit 2
fi

work=$(mktemp -d)
pids=()
pg_dir=""
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  [[ -n $pg_dir ]] && "$root/scripts/pg" stop "$pg_dir" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { printf 'bench/comments.sh: %s\n' "$*" >&2; }
client() { python3 "$root/bench/comments_client.py" "$@"; }
rss_mb() { awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf (b > 0 ? "%.2f" : "-"), a / b}'; }
# One figure of the final table: store, row, value.
put() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$work/results.tsv"; }
# wrk -c64 on a page: "req/s p99 errors" (errors: non-2xx answers and socket errors).
page_rps() {
  local out
  out=$(wrk -t2 -c"$wrk_conns" -d"${duration}s" --latency "$1")
  awk '/Requests\/sec/ {r=$2} $1=="99%" {p=$2} /Non-2xx/ {e+=$NF} /Socket errors/ {gsub(",",""); e+=$4+$6+$8+$10}
       END {printf "%d %s %d\n", r, p, e}' <<<"$out"
}
user=moderation
password='mật khẩu kiểm duyệt 2026'

bench_store() {  # bench_store NAME DB FOLDER-OF-THE-DATABASE
  local name=$1 db=$2 folder=$3
  say "$name: importing the corpus"
  xz -dc "$shared/corpus/articles.jsonl.xz" | "$bin" import - --db "$db" >/dev/null
  "$bin" import "$shared/fixtures/seed-article.jsonl" --db "$db" >/dev/null
  echo "$password" | "$bin" user add "$user" --role moderator --db "$db" --password-cost min >/dev/null

  local port base server
  port=$(free_port)
  base="http://127.0.0.1:$port"
  "$bin" serve --listen "127.0.0.1:$port" --db "$db" --media "$work/media" --no-access-log \
    --password-cost min --comment-rate-limit 0 2>>"$work/serve-$name.log" &
  server=$!
  pids+=("$server")
  wait_for "$base/"

  # The model article, another article of the corpus, and 500 articles for the streams.
  local model model_url other other_url articles
  read -r model model_url other other_url articles < <(
    python3 - "$base" <<'PY'
import json, sys, urllib.request
base = sys.argv[1]
found = []
for page in range(1, 6):
    found += json.load(urllib.request.urlopen(f"{base}/api/v1/articles?per_page=100&page={page}"))["articles"]
model = next(a for a in found if "trien-khai-thuc-hien-nghi-quyet" in a["url"])
other = next(a for a in found if a["id"] != model["id"])
print(model["id"], model["url"], other["id"], other["url"], ",".join(str(a["id"]) for a in found if a["id"] != model["id"]))
PY
  )
  curl -s -o /dev/null "$model_url"
  curl -s -o /dev/null "$other_url"

  # --- 1. Durably acknowledged comments a second --------------------------------------------
  say "$name: fsyncs a second in $folder"
  local flushes
  flushes=$(client fsyncs "$folder" "$duration")
  put "$name" "fsyncs/s of this disk (200 B + fsync, same folder)" "$flushes"
  local c out secs got refused received=0
  for c in 64 256; do
    say "$name: posting comments, $c connections"
    out=$(wrk -t2 -c"$c" -d"${duration}s" --timeout 10s -s "$root/bench/comments_post.lua" "$base" -- "$model" "$name-c$c-$$-$RANDOM")
    secs=$(awk '/requests in/ {sub(/s,?$/, "", $4); print $4}' <<<"$out")
    got=$(sed -n 's/^comments 202=\([0-9]*\).*/\1/p' <<<"$out")
    got=${got:-0}
    refused=$(sed -n 's/^comments 202=[0-9]* //p' <<<"$out")
    received=$((received + got))
    local per_s
    per_s=$(awk -v n="$got" -v s="$secs" 'BEGIN {printf "%d", n / s}')
    put "$name" "comments/s acknowledged (202), $c connections" "$per_s ($(ratio "$per_s" "$flushes") per fsync, $(ratio "$per_s" 95) x WordPress's 95)"
    put "$name" "  other answers, $c connections" "$refused$(awk '/Socket errors/ {printf ", socket errors:%s", substr($0, index($0, ":") + 1)}' <<<"$out")"
    grep -q 'Socket errors\|Non-2xx' <<<"$out" && say "$name: $(grep 'Socket errors\|Non-2xx' <<<"$out" | tr -s ' ' | tr '\n' ';')"
  done
  local stored
  stored=$(client pending "$base" "$user" "$password" "$model")
  put "$name" "pending comments stored / 202s counted" "$stored / $received ($( ((stored >= received)) && echo ok || echo "MISSING $((received - stored))"))"

  # --- 2. Cache isolation: another article while 100 comments a second are approved --------
  say "$name: another article's page, without and during 100 approvals a second"
  local alone busy approvals ready
  approve_during() {  # approve_during URL → "req/s p99 errors" during 100 approvals/s; $approvals
    ready="$work/approvals-ready"
    rm -f "$ready" "$work/approvals.txt"
    client approvals "$base" "$user" "$password" "$model" 100 $((duration + 1)) "$ready" >"$work/approvals.txt" &
    local job=$!
    pids+=("$job")
    for _ in $(seq 1 600); do [[ -f $ready ]] && break; sleep 0.1; done
    [[ -f $ready ]] || { say "the approvals client did not start"; exit 1; }
    page_rps "$1"
    wait "$job"
    approvals=$(cat "$work/approvals.txt")
  }
  read -r alone _ _ < <(page_rps "$other_url")
  local a_rps a_p99 a_err
  approve_during "$other_url" >"$work/busy.txt"
  read -r a_rps a_p99 a_err <"$work/busy.txt"
  put "$name" "another article: req/s alone / during 100 approvals/s" "$alone / $a_rps ($(ratio "$a_rps" "$alone") x; target >= 0.9)"
  put "$name" "  the approvals" "$approvals"
  local m_alone m_rps m_p99 m_err
  read -r m_alone _ _ < <(page_rps "$model_url")
  approve_during "$model_url" >"$work/busy.txt"
  read -r m_rps m_p99 m_err <"$work/busy.txt"
  put "$name" "model article (purged by each): alone / during approvals" "$m_alone / $m_rps ($(ratio "$m_rps" "$m_alone") x)"
  ((a_err + m_err == 0)) || put "$name" "  errors during the approvals (non-2xx, socket)" "another article $a_err, model article $m_err"

  # --- 3. Open live streams on one node ---------------------------------------------------
  say "$name: $streams open streams"
  local before with s_rps no_rps
  read -r no_rps _ _ < <(page_rps "$model_url")
  before=$(rss_mb "$server")
  rm -f "$work/go"
  mkfifo "$work/go"
  exec 7<>"$work/go"
  client streams "$base" "$user" "$password" "$streams" "$articles" "$other" "$watchers" <"$work/go" >"$work/streams.txt" &
  local job=$!
  pids+=("$job")
  for _ in $(seq 1 3000); do grep -q '^ready' "$work/streams.txt" 2>/dev/null && break; kill -0 "$job" 2>/dev/null || break; sleep 0.1; done
  grep -q '^ready' "$work/streams.txt" || { say "the streams did not open: $(cat "$work/streams.txt")"; exit 1; }
  sleep 1
  with=$(rss_mb "$server")
  read -r s_rps _ _ < <(page_rps "$model_url")
  echo go >&7
  wait "$job" || true
  exec 7>&-
  put "$name" "streams" "$(sed -n 's/^ready //p' "$work/streams.txt")${streams_note:+ ($streams_note)}"
  put "$name" "resident memory: before / with the streams" "$before / $with MB ($(awk -v a="$before" -v b="$with" -v n="$streams" 'BEGIN {printf "%.1f", (b - a) * 1024 / n}') KB a stream)"
  put "$name" "model article: req/s without / with the streams" "$no_rps / $s_rps ($(ratio "$s_rps" "$no_rps") x)"
  put "$name" "an approval reaching $watchers streams" "$(sed -n 's/^streams still open.*received by //p' "$work/streams.txt")"
  put "$name" "  streams still open at the approval" "$(sed -n 's/^streams still open before the approval: \([0-9]* of [0-9]*\).*/\1/p' "$work/streams.txt")"

  kill -0 "$server" 2>/dev/null || put "$name" "SERVER" "exited during the run (see below)"
  if grep -qi 'error\|fatal\|abort' "$work/serve-$name.log"; then
    put "$name" "server log" "$(grep -ci 'error\|fatal\|abort' "$work/serve-$name.log") error lines; first: $(grep -i -m1 'error\|fatal\|abort' "$work/serve-$name.log" | cut -c1-160)"
  fi
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
if [[ -z $only || $only == sqlite ]]; then
  bench_store sqlite "sqlite:$work/toasoan.db" "$work"
fi
if [[ -z $only || $only == postgresql ]]; then
  if command -v psql >/dev/null && pg_dir=$(mktemp -d /tmp/toasoan-bench-pg.XXXXXX) &&
    url=$("$root/scripts/pg" start "$pg_dir" 2>"$work/pg-start.log"); then
    # scripts/pg switches durability off for tests; a 202 means "on disk", so switch it back.
    for setting in "fsync = on" "synchronous_commit = on" "full_page_writes = on"; do
      psql -X -q "$url" -c "ALTER SYSTEM SET $setting" >/dev/null
    done
    psql -X -q "$url" -c "SELECT pg_reload_conf()" >/dev/null
    sleep 0.5
    put postgresql "server settings" "fsync $(psql -X -At "$url" -c 'SHOW fsync'), synchronous_commit $(psql -X -At "$url" -c 'SHOW synchronous_commit')"
    bench_store postgresql "$url" "$pg_dir"
  else
    say "postgresql: scripts/pg could not start a server; skipped"
    put postgresql "skipped" "scripts/pg could not start a server"
  fi
fi

# --- The report ------------------------------------------------------------------------------
python3 - "$work/results.tsv" "$duration" "$(nproc)" "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import sys
rows, stores = {}, []
for line in open(sys.argv[1], encoding="utf-8"):
    store, key, value = line.rstrip("\n").split("\t")
    if store not in stores:
        stores.append(store)
    rows.setdefault(key, {})[store] = value
print(f"readers' comments ({sys.argv[3]} cores, wrk -t2, {sys.argv[2]} s a run, loopback; "
      f"targets: SQLite >= 5,000/s, PostgreSQL >= 2,000/s, another article >= 0.9 x)")
print(f"load average (1, 5, 15 min) at the start: {sys.argv[4]}; at the end: {sys.argv[5]}")
width = max(len(k) for k in rows)
for key, values in rows.items():
    for i, store in enumerate(s for s in stores if s in values):
        print(f"{key if i == 0 else '':<{width}}  {store:<10}  {values[store]}")
PY
