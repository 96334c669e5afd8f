#!/usr/bin/env bash
# The reading site on PostgreSQL beside SQLite, and two nodes on one PostgreSQL beside one
# node, in one run on this machine (issue 3). Loopback only; every process it starts (the
# nodes, a throwaway PostgreSQL 15 server made with scripts/pg, wrk) is stopped on exit.
#
#   bench/nodes.sh [--quick]     needs build/toasoan, ../shared (corpus and model article),
#                                wrk, curl, xz, python3 and PostgreSQL 15 (scripts/deps)
#
# The whole corpus and the model article are imported into a SQLite file and into a fresh
# PostgreSQL database. Then, for each of
#   sqlite     one node on SQLite
#   pg         one node on PostgreSQL
#   pg x2      two nodes on the same PostgreSQL database, each loaded by its own wrk
#              (-t1 -c32 each, run at the same moment; req/s summed, p99 the worse of the two)
# it measures with wrk (-t2 -c64 -d10s, keep-alive; --quick: 3 s):
#   article    the model article page          (warm: served from the node's page cache)
#   home       the home page                   (warm)
#   cold       a random article of the 12,501 on every request, at its real address (the
#              addresses are collected from the API first: a wrong slug would be a 301), so
#              nearly every request misses the 32 MiB page cache and goes to the database
# and reports req/s, p99 and the ratios PG/SQLite and two nodes/one node, plus where the
# CPU went during each run (the nodes, PostgreSQL, wrk, anything else on the machine, idle),
# since on a small machine all of them share the same cores, and requests per CPU-second of
# ours (nodes + PostgreSQL + wrk), the figure to compare when other work shares the machine.
#
# The PostgreSQL server is scripts/pg's: fsync and synchronous_commit off (this is a read
# benchmark; writes only happen in the import), shared_buffers at the default 128 MB,
# max_connections 300. Each node keeps the default --db-pool 8 and one I/O thread per core.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source "$root/bench/lib.sh"
bin=${TOASOAN_BIN:-$root/build/toasoan}
shared=${TOASOAN_SHARED:-$root/../shared}
duration=10s
[[ ${1:-} == --quick ]] && duration=3s
for tool in wrk curl xz python3 psql; do
  command -v "$tool" >/dev/null || { echo "bench/nodes.sh: $tool is not installed (./scripts/deps installs it)" >&2; exit 2; }
done
[[ -x $bin ]] || { echo "bench/nodes.sh: build $bin first" >&2; exit 2; }
[[ -f $shared/corpus/articles.jsonl.xz && -f $shared/fixtures/seed-article.jsonl ]] ||
  { echo "bench/nodes.sh: needs $shared/corpus and $shared/fixtures" >&2; exit 2; }

work=$(mktemp -d)
# scripts/pg's folder: short (its socket path must fit in 107 bytes) and of its own.
pgdir=$(mktemp -d /tmp/toasoan-bench-pg.XXXXXX)
pids=()
wrk_jobs=()  # the subshells running wrk; wrk itself is their child
cleanup() {
  for j in "${wrk_jobs[@]}"; do pkill -P "$j" 2>/dev/null || true; kill "$j" 2>/dev/null || true; done
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  "$root/scripts/pg" stop "$pgdir" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { printf 'bench/nodes.sh: %s\n' "$*" >&2; }
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

# --- The data ------------------------------------------------------------------------------
say "starting PostgreSQL in $pgdir"
pg_url=$("$root/scripts/pg" start "$pgdir" 2>"$work/pg-start.log") || { cat "$work/pg-start.log" >&2; exit 1; }
sqlite_url="sqlite:$work/toasoan.db"

declare -A import_ms
for engine in sqlite pg; do
  url=$sqlite_url; [[ $engine == pg ]] && url=$pg_url
  say "importing the corpus into $engine"
  t0=$(date +%s%N)
  xz -dc "$shared/corpus/articles.jsonl.xz" | "$bin" import - --db "$url" >/dev/null
  import_ms[$engine]=$(ms_since "$t0")
  "$bin" import "$shared/fixtures/seed-article.jsonl" --db "$url" >/dev/null
done

# --- Nodes ---------------------------------------------------------------------------------
# start_node URL: starts a node and sets node_port and node_pid (also kept in pids).
start_node() {
  node_port=$(free_port)
  "$bin" serve --listen "127.0.0.1:$node_port" --db "$1" --media "$work/media" --no-access-log \
    >/dev/null 2>>"$work/serve-$node_port.log" &
  node_pid=$!
  pids+=("$node_pid")
  wait_for "http://127.0.0.1:$node_port/"
}
stop_node() {  # stop_node PID
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# The model article's path and every article's path, from the API of a node.
collect_paths() {
  python3 - "$1" "$work/paths.txt" <<'PY'
import http.client, json, sys
port, out = int(sys.argv[1]), sys.argv[2]
c = http.client.HTTPConnection("127.0.0.1", port)
paths, page = [], 1
while True:
    c.request("GET", f"/api/v1/articles?per_page=100&page={page}")
    j = json.loads(c.getresponse().read())
    paths += [a["url"].split(f":{port}", 1)[1] for a in j["articles"]]
    if page * j["per_page"] >= j["total"]:
        break
    page += 1
with open(out, "w") as f:
    f.write("\n".join(paths) + "\n")
print(next(p for p in paths if "trien-khai-thuc-hien-nghi-quyet" in p))
PY
}

# wrk's Lua: every request a random path from paths.txt.
cat >"$work/random.lua" <<LUA
local paths = {}
for line in io.lines("$work/paths.txt") do paths[#paths + 1] = line end
local counter = 0
function setup(thread) counter = counter + 1; thread:set("seed", counter) end
function init(args) math.randomseed(os.time() * 1000 + (seed or 0)) end
request = function() return wrk.format("GET", paths[math.random(#paths)]) end
LUA

# CPU time (clock ticks, user + system, every thread) of processes: cpu_ticks PID… prints
# "PID TICKS" lines, one a process still running.
cpu_ticks() {
  local p
  for p in "$@"; do
    # After the command name (which may hold spaces) utime and stime are fields 12 and 13.
    [[ -r /proc/$p/stat ]] && awk -v p="$p" '{sub(/^.*\) /, ""); print p, $12 + $13}' "/proc/$p/stat" 2>/dev/null
  done
  return 0
}
# cpu_delta BEFORE AFTER: ticks spent between two cpu_ticks outputs by the processes alive at
# the end (one that started meanwhile counts whole; one that ended meanwhile is lost).
cpu_delta() {
  awk 'NR == FNR {t0[$1] = $2; next} {d += $2 - ($1 in t0 ? t0[$1] : 0)} END {print d + 0}' \
    <(printf '%s\n' "$1") <(printf '%s\n' "$2")
}
# Our PostgreSQL server's processes: the postmaster (first line of postmaster.pid) and its children.
postgres_pids() {
  local pm
  pm=$(head -n 1 "$pgdir/data/postmaster.pid")
  echo "$pm"
  pgrep -P "$pm" || true
}
# The machine's "busy idle" clock ticks so far, from /proc/stat's cpu line (idle = idle + iowait).
machine_ticks() { awk '$1 == "cpu" {b = 0; for (i = 2; i <= NF; i++) b += $i; print b - $5 - $6, $5 + $6}' /proc/stat; }
# `times`'s line for children ("0m1.50s 0m0.25s") → seconds.
children_seconds() {
  awk 'NR == 2 {t = 0; for (i = 1; i <= 2; i++) {split($i, x, /[ms]/); t += x[1] * 60 + x[2]}; print t}'
}

# wrk → "req/s p99" on one line; p99 normalised to ms.
wrk_parse() {
  awk '/Requests\/sec/ {rps=$2}
       $1=="99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)}
                  else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; p99=v}
       END {printf "%.0f %.2f\n", rps, p99}'
}
load() {  # load THREADS CONNS PORT TARGET → "req/s p99"; TARGET is a path or "cold"
  local script=() path=$4
  if [[ $4 == cold ]]; then script=(-s "$work/random.lua"); path=/; fi
  wrk -t"$1" -c"$2" -d"$duration" --latency "${script[@]}" "http://127.0.0.1:$3$path" | wrk_parse
}

declare -A rps p99 cpu eff
# measure NAME TARGET THREADS CONNS PID:PORT…: one wrk per node, all at once; records the
# summed req/s, the worst p99 and where the machine's CPU went meanwhile.
measure() {
  local name=$1 target=$2 threads=$3 conns=$4 path
  shift 4
  case $target in article) path=$model ;; home) path=/ ;; *) path=cold ;; esac
  say "$name: $target"
  local node_pids=() ports=() n0 p0 t0 i m0 m1
  wrk_jobs=()
  for pp in "$@"; do node_pids+=("${pp%%:*}"); ports+=("${pp##*:}"); done
  read -r -a m0 < <(machine_ticks)
  n0=$(cpu_ticks "${node_pids[@]}"); p0=$(cpu_ticks $(postgres_pids)); t0=$(date +%s%N)
  for i in "${!ports[@]}"; do
    # Each wrk in its own subshell, which then reports its children's CPU time (wrk's).
    # (`times` itself, not in a pipeline: a pipeline's part runs in a subshell of its own.)
    (load "$threads" "$conns" "${ports[$i]}" "$path"; times >"$work/times-$i") >"$work/wrk-$i.out" &
    wrk_jobs+=($!)
  done
  wait "${wrk_jobs[@]}"
  wrk_jobs=()
  local elapsed=$(( ($(date +%s%N) - t0) / 1000000 ))
  read -r -a m1 < <(machine_ticks)
  local n p
  n=$(cpu_delta "$n0" "$(cpu_ticks "${node_pids[@]}")")
  p=$(cpu_delta "$p0" "$(cpu_ticks $(postgres_pids))")
  local sum=0 worst=0 wrk_s=0 out
  for i in "${!ports[@]}"; do
    mapfile -t out <"$work/wrk-$i.out"
    read -r -a r <<<"${out[0]}"
    sum=$((sum + r[0]))
    worst=$(awk -v x="$worst" -v y="${r[1]}" 'BEGIN {print (x > y ? x : y)}')
    wrk_s=$(awk -v x="$wrk_s" -v y="$(children_seconds <"$work/times-$i")" 'BEGIN {print x + y}')
  done
  rps[$name/$target]=$sum
  p99[$name/$target]=$worst
  # Requests per CPU-second spent by the nodes, PostgreSQL and wrk together: what the run
  # would give on cores of its own, whatever else shares the machine meanwhile.
  eff[$name/$target]=$(awk -v r="$sum" -v n="$n" -v p="$p" -v w="$wrk_s" -v hz="$(getconf CLK_TCK)" -v e="$elapsed" \
    'BEGIN {c = n/hz + p/hz + w; printf "%.0f", (c > 0 ? r * e / 1000 / c : 0)}')
  # Shares of all the machine's cores over the run: ours, everything else (other processes,
  # interrupts) and idle.
  cpu[$name/$target]=$(awk -v n="$n" -v p="$p" -v hz="$(getconf CLK_TCK)" -v w="$wrk_s" \
    -v busy=$((m1[0] - m0[0])) -v idle=$((m1[1] - m0[1])) 'BEGIN {t = busy + idle
      n = 100*n/t; p = 100*p/t; w = 100*w*hz/t; i = 100*idle/t
      printf "nodes %3.0f%%  postgres %3.0f%%  wrk %3.0f%%  other %3.0f%%  idle %3.0f%%", n, p, w, 100 - n - p - w - i, i}')
}

# Renders the two cached pages once on each node: the runs that follow measure the cache.
warm() {
  for port in "$@"; do
    curl -s -o /dev/null "http://127.0.0.1:$port$model"
    curl -s -o /dev/null "http://127.0.0.1:$port/"
  done
}

pg_size=$(psql -X -At -d "$pg_url" -c "SELECT pg_size_pretty(pg_database_size(current_database()))" 2>/dev/null || echo "?")
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# SQLite, one node.
start_node "$sqlite_url"
model=$(collect_paths "$node_port")
warm "$node_port"
for t in article home cold; do measure sqlite "$t" 2 64 "$node_pid:$node_port"; done
stop_node "$node_pid"

# PostgreSQL, one node, then a second beside it.
start_node "$pg_url"
port1=$node_port pid1=$node_pid
warm "$port1"
for t in article home cold; do measure pg "$t" 2 64 "$pid1:$port1"; done
start_node "$pg_url"
port2=$node_port pid2=$node_pid
warm "$port2"
for t in article home cold; do measure "pg x2" "$t" 1 32 "$pid1:$port1" "$pid2:$port2"; done
stop_node "$pid1"
stop_node "$pid2"

# --- Report ---------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
printf '\ntoasoan on SQLite and PostgreSQL, one and two nodes (%s cores, loopback, keep-alive)\n' "$(nproc)"
printf 'one node: wrk -t2 -c64 -d%s; two nodes: two wrk -t1 -c32 -d%s at once, req/s summed, p99 the worse\n' \
  "$duration" "$duration"
printf 'corpus import (12,500 articles): SQLite %s ms, PostgreSQL %s ms; PostgreSQL database %s\n' \
  "${import_ms[sqlite]}" "${import_ms[pg]}" "$pg_size"
printf 'load average before the runs: %s (other processes share the cores: see "other" below)\n\n' "$load_before"
printf '%-8s | %-22s | %-22s | %-22s | %-7s | %-7s\n' page "sqlite req/s  p99 ms" "pg req/s  p99 ms" \
  "pg x2 req/s  p99 ms" "pg/sql" "x2/pg"
for t in article home cold; do
  printf '%-8s | %10s  %10s | %10s  %10s | %10s  %10s | %7s | %7s\n' "$t" \
    "${rps[sqlite/$t]}" "${p99[sqlite/$t]}" "${rps[pg/$t]}" "${p99[pg/$t]}" "${rps[pg x2/$t]}" "${p99[pg x2/$t]}" \
    "$(ratio "${rps[pg/$t]}" "${rps[sqlite/$t]}")" "$(ratio "${rps[pg x2/$t]}" "${rps[pg/$t]}")"
done
printf '\nrequests per CPU-second of the nodes + PostgreSQL + wrk (independent of other load on the machine):\n'
printf '%-8s | %10s | %10s | %10s | %-7s | %-7s\n' page sqlite pg "pg x2" "pg/sql" "x2/pg"
for t in article home cold; do
  printf '%-8s | %10s | %10s | %10s | %7s | %7s\n' "$t" "${eff[sqlite/$t]}" "${eff[pg/$t]}" "${eff[pg x2/$t]}" \
    "$(ratio "${eff[pg/$t]}" "${eff[sqlite/$t]}")" "$(ratio "${eff[pg x2/$t]}" "${eff[pg/$t]}")"
done
printf '\nwhere the CPU went (share of all %s cores over each run):\n' "$(nproc)"
for name in sqlite pg "pg x2"; do
  for t in article home cold; do printf '  %-6s %-8s %s\n' "$name" "$t" "${cpu[$name/$t]}"; done
done
