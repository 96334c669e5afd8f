#!/usr/bin/env bash
# The newsroom under load, each figure beside a reference measured in the same run:
#   - login time at the Argon2id cost the server uses (--password-cost, default interactive);
#   - the model article's throughput while 50 logins a second are attempted, beside without;
#   - admin list and single-article save (PUT) p50 and p99 with the whole corpus imported;
#   - the model article's throughput while an editor autosaves 10 times a second, beside without;
#   - publish to visible on both of two nodes (PostgreSQL).
# On SQLite, and on PostgreSQL too when scripts/pg can start a throwaway server. Loopback only;
# every process it starts is stopped on exit.
#
#   bench/newsroom.sh [--quick] [sqlite|postgresql]   needs build/toasoan, ../shared/corpus, wrk
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source "$root/bench/lib.sh"
bin=${TOASOAN_BIN:-$root/build/toasoan}
shared=${TOASOAN_SHARED:-$root/../shared}
duration=10
[[ ${1:-} == --quick ]] && { duration=3; shift; }
only=${1:-}
cost=${TOASOAN_PASSWORD_COST:-interactive}
for tool in wrk curl xz python3; do
  command -v "$tool" >/dev/null || { echo "bench/newsroom.sh: $tool is not installed" >&2; exit 2; }
done
[[ -x $bin ]] || { echo "bench/newsroom.sh: build $bin first" >&2; exit 2; }
[[ -f $shared/corpus/articles.jsonl.xz ]] || { echo "bench/newsroom.sh: needs $shared/corpus" >&2; exit 2; }

work=$(mktemp -d)
pids=()
pg_dir=""
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [[ -n $pg_dir ]] && "$root/scripts/pg" stop "$pg_dir" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

client() { python3 "$root/bench/newsroom_client.py" "$@"; }
rps() { wrk -t2 -c32 -d"${duration}s" "$1" | awk '/Requests\/sec/ {printf "%d", $2}'; }
password='mật khẩu đo tốc độ 2026'

serve() {  # serve DB → sets $base
  local port
  port=$(free_port)
  "$bin" serve --listen "127.0.0.1:$port" --db "$1" --media "$work/media" --no-access-log \
    --password-cost "$cost" 2>>"$work/serve.log" &
  pids+=($!)
  base="http://127.0.0.1:$port"
  wait_for "$base/"
}

bench_store() {  # bench_store NAME DB
  local name=$1 db=$2
  echo "== $name"
  xz -dc "$shared/corpus/articles.jsonl.xz" | "$bin" import - --db "$db" >/dev/null
  "$bin" import "$shared/fixtures/seed-article.jsonl" --db "$db" >/dev/null
  for u in tong.bien.tap:chief bien.tap:editor; do
    echo "$password" | "$bin" user add "${u%%:*}" --role "${u##*:}" --db "$db" --password-cost "$cost" >/dev/null
  done
  serve "$db"
  local model
  model=$(curl -s "$base/api/v1/articles?per_page=100" |
    python3 -c 'import json,sys; print(next(a["url"] for a in json.load(sys.stdin)["articles"] if "trien-khai-thuc-hien-nghi-quyet" in a["url"]))')
  curl -s -o /dev/null "$model"

  client login-time "$base" tong.bien.tap "$password" 20
  local quiet busy
  quiet=$(rps "$model")
  client logins "$base" tong.bien.tap "$password" 50 "$duration" >"$work/logins.txt" &
  busy=$(rps "$model")
  wait $!
  echo "model article: $quiet req/s alone, $busy req/s during 50 logins/s ($(python3 -c "print(f'{$busy/$quiet:.2f}')") ×); $(cat "$work/logins.txt")"

  client latency "$base" tong.bien.tap "$password" 200

  quiet=$(rps "$model")
  client autosaves "$base" bien.tap "$password" 10 "$duration" >"$work/autosaves.txt" &
  busy=$(rps "$model")
  wait $!
  echo "model article: $quiet req/s alone, $busy req/s during 10 autosaves/s ($(python3 -c "print(f'{$busy/$quiet:.2f}')") ×); $(cat "$work/autosaves.txt")"
}

if [[ -z $only || $only == sqlite ]]; then
  bench_store sqlite "sqlite:$work/toasoan.db"
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  pids=()
fi

if [[ -n $only && $only != postgresql ]]; then
  :
elif pg_dir=$(mktemp -d /tmp/toasoan-bench-pg.XXXXXX) && url=$("$root/scripts/pg" start "$pg_dir" 2>/dev/null); then
  bench_store postgresql "$url"
  first=$base
  serve "$url"
  client publish "$first,$base" tong.bien.tap "$password" 10
else
  echo "== postgresql: scripts/pg could not start a server; skipped"
fi
