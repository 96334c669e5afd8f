#!/usr/bin/env bash
# Search quality and speed on the whole corpus, on both stores, beside a plain LIKE scan, in
# one run on this machine (timings alone mean little on a shared 2-core box; the ratios do).
#
#   bench/search.sh [--quick] [--sqlite-only] [--keep-json FILE]
#       needs build/toasoan, ../shared/corpus, xz, python3, and for PostgreSQL
#       postgresql-15 + psql (scripts/pg); without them the PostgreSQL half is skipped
#
# Imports the 12,500 corpus articles and the model article into a fresh SQLite file and into
# a fresh PostgreSQL database (a throwaway server from scripts/pg, socket only), starts
# `toasoan serve` on each (127.0.0.1, port 0), and runs bench/search_quality.py against both:
# recall@1/@3/@10 and MRR for each kind of ../shared/corpus/sample-queries.jsonl, and p50/p99
# of the search and suggestion APIs beside a LIKE '%…%' scan of the same data. See
# bench/README.md. Loopback only; every process it starts is stopped on exit, and every wait
# is bounded. Exit status 0 when every target is met, 1 when one is missed, 2 on a setup error.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bin=${TOASOAN_BIN:-$root/build/toasoan}
shared=${TOASOAN_SHARED:-$root/../shared}
rounds=5
budget=300  # seconds per store for each timed phase; a slower server is measured on fewer requests
postgres=1
keep_json=
while (($#)); do
  case $1 in
    --quick) rounds=1; budget=60 ;;
    --sqlite-only) postgres=0 ;;
    --keep-json) keep_json=$2; shift ;;
    *) echo "usage: bench/search.sh [--quick] [--sqlite-only] [--keep-json FILE]" >&2; exit 2 ;;
  esac
  shift
done
die() { echo "bench/search.sh: $*" >&2; exit 2; }
for tool in xz python3 curl; do command -v "$tool" >/dev/null || die "$tool is not installed (./scripts/deps installs it)"; done
[[ -x $bin ]] || die "build $bin first (cmake --build build --target toasoan)"
corpus=$shared/corpus/articles.jsonl.xz
queries=$shared/corpus/sample-queries.jsonl
seed=$shared/fixtures/seed-article.jsonl
[[ -f $corpus && -f $queries && -f $seed ]] || die "needs $shared/corpus and $shared/fixtures"
if ((postgres)) && ! { command -v psql >/dev/null && [[ -x /usr/lib/postgresql/15/bin/initdb ]]; }; then
  echo "bench/search.sh: PostgreSQL 15 is not installed: measuring SQLite only" >&2
  postgres=0
fi

# A short folder: the PostgreSQL socket lives in it (at most 107 bytes).
work=$(mktemp -d /tmp/tsbench.XXXXXX)
chmod 755 "$work"
pids=()     # everything to stop on exit
servers=()  # the toasoan servers, which must outlive the measurement
pg_dir=
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$p" 2>/dev/null || true
  done
  [[ -n $pg_dir ]] && "$root/scripts/pg" stop "$pg_dir" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

# import NAME DBURL: the corpus, then the model article; prints the import and reindex times.
import_into() {
  local name=$1 db=$2 t0 import_ms reindex_ms
  t0=$(date +%s%N)
  xz -dc "$corpus" | timeout 900 "$bin" import - --db "$db" >"$work/import-$name.log" 2>&1 ||
    { cat "$work/import-$name.log" >&2; die "import into $name failed"; }
  timeout 120 "$bin" import "$seed" --db "$db" >>"$work/import-$name.log" 2>&1 ||
    { cat "$work/import-$name.log" >&2; die "importing the model article into $name failed"; }
  import_ms=$(ms_since "$t0")
  t0=$(date +%s%N)
  if timeout 900 "$bin" reindex --db "$db" >"$work/reindex-$name.log" 2>&1; then
    reindex_ms="$(ms_since "$t0")_ms"
  else
    # Reported, not fatal: the index the imports built is still measured.
    echo "bench/search.sh: toasoan reindex on $name failed: $(head -c 300 "$work/reindex-$name.log")" >&2
    reindex_ms=FAILED
  fi
  echo "$import_ms $reindex_ms"
}

# serve NAME DBURL: starts a server on 127.0.0.1:0 and sets $served to its base URL (from its
# "serving http://…/" line, within 60 s). Not in a subshell: the server's pid must reach pids.
serve() {
  local name=$1 db=$2 log="$work/serve-$1.log" pid url
  "$bin" serve --listen 127.0.0.1:0 --db "$db" --media "$work/media-$name" --no-access-log >"$log" 2>&1 &
  pid=$!
  pids+=("$pid")
  servers+=("$pid")
  for _ in $(seq 1 600); do
    url=$(grep -o 'serving http://127\.0\.0\.1:[0-9]*/' "$log" | head -n 1 | sed 's/^serving //; s:/$::') || true
    if [[ -n $url ]]; then served=$url; return 0; fi
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; die "toasoan serve on $name exited"; }
    sleep 0.1
  done
  cat "$log" >&2
  die "toasoan serve on $name did not start within 60 s"
}

echo "importing the corpus (12,500 articles + the model article)…" >&2
sqlite_file=$work/toasoan.db
times=$(import_into sqlite "sqlite:$sqlite_file")
read -r s_import s_reindex <<<"$times"
serve sqlite "sqlite:$sqlite_file"
s_url=$served
stores=(--store "sqlite=$s_url" --sqlite-file "$sqlite_file")

if ((postgres)); then
  pg_dir=$work/pg
  pg_server=$(timeout 120 "$root/scripts/pg" start "$pg_dir" 2>"$work/pg-start.log") ||
    { cat "$work/pg-start.log" >&2; die "scripts/pg start failed"; }
  psql -X -q -v ON_ERROR_STOP=1 -d "$pg_server" -c "CREATE DATABASE search_bench" >/dev/null
  pg_db=${pg_server%%\?*}
  pg_db="${pg_db%/*}/search_bench?${pg_server#*\?}"
  times=$(import_into postgres "$pg_db")
  read -r p_import p_reindex <<<"$times"
  psql -X -q -d "$pg_db" -c "VACUUM ANALYZE" >/dev/null
  serve postgres "$pg_db"
  p_url=$served
  stores+=(--store "postgres=$p_url" --pg-url "$pg_db")
fi

cat <<HEAD
toasoan search benchmark ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ), $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" diff --quiet 2>/dev/null || echo '+changes'))
  SQLite:      import ${s_import} ms, toasoan reindex ${s_reindex/_/ }, file $(( $(stat -c %s "$sqlite_file") / 1048576 )) MB
HEAD
if ((postgres)); then
  echo "  PostgreSQL:  import ${p_import} ms, toasoan reindex ${p_reindex/_/ }, database $(psql -X -At -d "$pg_db" -c "SELECT pg_database_size(current_database()) / 1048576") MB"
fi
echo

status=0
[[ $s_reindex == FAILED || ${p_reindex:-} == FAILED ]] && status=1
# In the background and waited for: a signal then runs the cleanup at once (bash runs traps
# only between foreground commands), and the cleanup stops it with the servers.
timeout 3600 python3 "$root/bench/search_quality.py" --corpus "$corpus" --queries "$queries" --work "$work" \
  --rounds "$rounds" --budget "$budget" "${stores[@]}" ${keep_json:+--json "$keep_json"} &
pids+=($!)
wait $! || { r=$?; ((r > status)) && status=$r; }
for p in "${servers[@]}"; do kill -0 "$p" 2>/dev/null || { echo "bench/search.sh: a server died during the run" >&2; status=2; }; done
exit "$status"
