#!/usr/bin/env bash
# Photos (issue 14), each figure beside a reference measured in the same run:
#   1. every variant of one 24-megapixel JPEG made with the product's code (media::make_variants,
#      bench/photo_bench.cpp): time and peak memory, beside `vips thumbnail` (libvips' own
#      command) making the same widths in the same formats from the same file;
#   2. four 24-megapixel uploads at once to `toasoan serve`: the server's peak resident memory,
#      and the model article's throughput during the uploads beside without, with
#      --photo-threads 1 and 2;
#   3. the model article's weight on a 400-px phone, its five figures uploaded 24-MP photos:
#      every byte the page loads once scrolled to the bottom, at device scale 1 and 2.
# The photos are made here, deterministically, with libvips (photo_like below) and kept in
# build-bench/bench-photos/ for the next run. Loopback only; every process it starts is
# stopped on exit.
#
#   bench/photos.sh [--quick]    needs build/toasoan, ../shared/fixtures, vips (libvips-tools),
#                                wrk, curl, python3, node, chromium and tests/node_modules
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source "$root/bench/lib.sh"
bin=${TOASOAN_BIN:-$root/build/toasoan}
shared=${TOASOAN_SHARED:-$root/../shared}
duration=10
reps=3
[[ ${1:-} == --quick ]] && duration=3
for tool in vips wrk curl python3 node; do
  command -v "$tool" >/dev/null || { echo "bench/photos.sh: $tool is not installed" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "bench/photos.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
[[ -x $bin ]] || { echo "bench/photos.sh: build $bin first" >&2; exit 2; }
[[ -f $shared/fixtures/seed-article.jsonl ]] || { echo "bench/photos.sh: needs $shared/fixtures" >&2; exit 2; }

cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DTOASOAN_BENCH=ON -DTOASOAN_TESTS=OFF >/dev/null
cmake --build build-bench --target photo_bench >/dev/null
photo_bench=$root/build-bench/bench/photo_bench

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

median() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

# A 6000 × 4000 JPEG at quality 90 that compresses like a detailed photo, not like a flat
# colour: noise summed over octaves (coarse blobs down to single-pixel grain, the fine ones
# weaker, as in a photo), sharp edges where the coarse shapes cross a threshold, soft colour.
# Same seed, same bytes.
photo_like() {  # photo_like OUT SEED
  local out=$1 seed=$2 t w=24 h=16 i=0 nw nh cw ch b bands
  t=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
  vips gaussnoise "$t/l.v" $w $h --sigma 40 --mean 0 --seed "$seed"
  vips gaussnoise "$t/c.v" $w $h --sigma 10 --mean 0 --seed $((seed + 1000))
  vips gaussnoise "$t/d.v" $w $h --sigma 10 --mean 0 --seed $((seed + 2000))
  while ((w < 6000)); do
    i=$((i + 1))
    nw=$((w * 2)) nh=$((h * 2))
    ((nw > 6000)) && { nw=6000; nh=4000; }
    bands=l
    ((nw <= 768)) && { bands="l c d"; cw=$nw; ch=$nh; }
    for b in $bands; do
      vips resize "$t/$b.v" "$t/$b.up.v" "$(python3 -c "print($nw/$w)")" --vscale "$(python3 -c "print($nh/$h)")" --kernel cubic
      mv "$t/$b.up.v" "$t/$b.v"
    done
    vips gaussnoise "$t/n.v" $nw $nh --sigma "$(python3 -c "print(max(3, 40*0.7**$i))")" --mean 0 --seed $((seed + i))
    vips add "$t/l.v" "$t/n.v" "$t/s.v" && mv "$t/s.v" "$t/l.v"
    w=$nw h=$nh
  done
  for b in c d; do
    vips resize "$t/$b.v" "$t/$b.up.v" "$(python3 -c "print(6000/$cw)")" --vscale "$(python3 -c "print(4000/$ch)")" --kernel cubic
  done
  vips relational_const "$t/l.v" "$t/e.v" more 0
  vips linear "$t/e.v" "$t/e2.v" 0.12 -- -15
  vips add "$t/l.v" "$t/e2.v" "$t/L.v"
  vips linear "$t/L.v" "$t/L2.v" 0.35 50
  vips bandjoin "$t/L2.v $t/c.up.v $t/d.up.v" "$t/lab.v"
  vips copy "$t/lab.v" "$t/lab2.v" --interpretation lab
  vips colourspace "$t/lab2.v" "$t/rgb.v" srgb
  vips jpegsave "$t/rgb.v" "$out.part" --Q 90
  mv "$out.part" "$out"
  rm -rf "$t"
}
photos=$root/build-bench/bench-photos/v1
mkdir -p "$photos"
for n in 1 2 3 4 5; do
  [[ -f $photos/anh-$n.jpg ]] || { echo "making $photos/anh-$n.jpg" >&2; photo_like "$photos/anh-$n.jpg" "$n"; }
done
photo=$photos/anh-1.jpg

echo "== 1. one 24-MP JPEG ($(vipsheader "$photo" | cut -d: -f2 | xargs), $(($(stat -c %s "$photo") / 1024)) KB) into every variant; median of $reps"
# `vips thumbnail` with the product's save options: WebP Q80, JPEG Q82 progressive with
# optimised Huffman tables, no metadata. Each variant from the file, as the command does
# (it decodes the JPEG shrunk on load); the product decodes the whole photo once to validate it.
targets=()
for w in 480 960 1600; do
  targets+=("$w:webp:[Q=80,strip]" "$w:jpg:[Q=82,interlace,optimize_coding,strip]")
done
targets+=("1200:jpg:[Q=82,interlace,optimize_coding,strip]")
ours_ms="" ours_wall="" ours_kb="" vips_wall="" vips_kb=""
for _ in $(seq 1 "$reps"); do
  line=$(/usr/bin/time -f "time %e %M" "$photo_bench" "$photo" 2>"$work/time.txt")
  ours_ms+=" $(awk '{print $2}' <<<"$line")"
  ours_kb+=" $(awk '{print $4}' <<<"$line")"
  ours_wall+=" $(awk '/^time/ {print $2 * 1000}' "$work/time.txt")"
  total=0 peak=0
  for t in "${targets[@]}"; do
    IFS=: read -r w ext opts <<<"$t"
    /usr/bin/time -f "%e %M" -o "$work/time.txt" vips thumbnail "$photo" "$work/v-$w.$ext$opts" "$w"
    read -r s kb <"$work/time.txt"
    total=$(awk -v a="$total" -v b="$s" 'BEGIN {print a + b * 1000}')
    ((kb > peak)) && peak=$kb
  done
  vips_wall+=" $total" vips_kb+=" $peak"
done
m_ours=$(median <<<"$ours_ms") m_ours_wall=$(median <<<"$ours_wall") m_vips=$(median <<<"$vips_wall")
echo "  make_variants:            ${m_ours} ms (runs:$ours_ms), peak RSS $(($(median <<<"$ours_kb") / 1024)) MB"
echo "  photo_bench process:      ${m_ours_wall} ms (runs:$ours_wall)"
echo "  vips thumbnail x7:        ${m_vips} ms (runs:$vips_wall), peak RSS $(($(median <<<"$vips_kb") / 1024)) MB (largest of the 7)"
echo "  ratio (make_variants / vips thumbnail): $(awk -v a="$m_ours" -v b="$m_vips" 'BEGIN {printf "%.2f", a / b}')x;" \
  "whole process: $(awk -v a="$m_ours_wall" -v b="$m_vips" 'BEGIN {printf "%.2f", a / b}')x   (target <= 1.5x)"
echo "  variants (ours): $(cut -d' ' -f5- <<<"$line")"
echo "  variants (vips): $(cd "$work" && for t in "${targets[@]}"; do IFS=: read -r w ext _ <<<"$t"; printf '%s.%s/%s ' "$w" "$ext" "$(stat -c %s "v-$w.$ext")"; done)"

password='mật khẩu đo tốc độ 2026'
serve() {  # serve DIR THREADS → sets $base and $server
  local dir=$1 port
  mkdir -p "$dir"
  "$bin" import "$shared/fixtures/seed-article.jsonl" --db "sqlite:$dir/toasoan.db" >/dev/null
  echo "$password" | "$bin" user add bien.tap --role editor --db "sqlite:$dir/toasoan.db" --password-cost min >/dev/null
  port=$(free_port)
  "$bin" serve --listen "127.0.0.1:$port" --db "sqlite:$dir/toasoan.db" --media "$dir/media" --no-access-log \
    --password-cost min --photo-threads "$2" 2>>"$dir/serve.log" &
  server=$!
  pids+=("$server")
  base="http://127.0.0.1:$port"
  wait_for "$base/"
  model=$(curl -s "$base/api/v1/articles?per_page=10" |
    python3 -c 'import json,sys; print(next(a["url"] for a in json.load(sys.stdin)["articles"] if "trien-khai-thuc-hien-nghi-quyet" in a["url"]))')
  curl -s -o /dev/null "$model"
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; }
# wrk runs of a second each, for as long as process $1 lives (or `duration` seconds when $1 is
# empty): requests and seconds summed, so the figure covers exactly the uploads.
load_while() {
  local requests=0 seconds=0 out
  local end=$((SECONDS + duration))
  while if [[ -n $1 ]]; then kill -0 "$1" 2>/dev/null; else ((SECONDS < end)); fi; do
    out=$(wrk -t2 -c32 -d1s "$model" | awk '/requests in/ {print $1, $4}')
    requests=$((requests + ${out% *}))
    seconds=$(awk -v a="$seconds" -v b="${out#* }" 'BEGIN {print a + b}')
  done
  awk -v r="$requests" -v s="$seconds" 'BEGIN {printf "%d %.1f\n", r / s, s}'
}

echo "== 2. four 24-MP uploads at once (SQLite), model article with wrk -t2 -c32 beside"
for threads in 1 2; do
  serve "$work/up$threads" "$threads"
  rss0=$(awk '/VmRSS/ {print $2}' "/proc/$server/status")
  read -r quiet _ < <(load_while "")
  python3 "$root/bench/photos_client.py" upload "$base" bien.tap "$password" "$photos"/anh-{1,2,3,4}.jpg >"$work/up.json" &
  client=$!
  read -r busy busy_s < <(load_while "$client")
  wait "$client"
  hwm=$(awk '/VmHWM/ {print $2}' "/proc/$server/status")
  python3 - "$work/up.json" "$threads" "$rss0" "$hwm" "$quiet" "$busy" "$busy_s" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
threads, rss0, hwm, quiet, busy, busy_s = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), sys.argv[7]
print(f"  --photo-threads {threads}: peak resident (VmHWM) {hwm // 1024} MB (target <= 400; {rss0 // 1024} MB before); "
      f"4 uploads took {r['seconds']} s, each {[u['seconds'] for u in r['uploads']]} s, answers {[u['status'] for u in r['uploads']]}")
print(f"    model article: {quiet} req/s alone, {busy} req/s during the uploads ({busy_s} s of wrk): {busy / quiet:.2f}x")
PY
  stop
done

echo "== 3. the model article on a 400-px phone, its five figures 24-MP uploads"
serve "$work/page" 2
python3 "$root/bench/photos_client.py" upload "$base" bien.tap "$password" "$photos"/anh-{1,2,3,4,5}.jpg >"$work/up.json"
# The fixture's five figures pointed at the uploads' widest JPEG variant, re-imported over it.
python3 - "$work/up.json" "$shared/fixtures/seed-article.jsonl" >"$work/seed-photos.jsonl" <<'PY'
import json, sys
photos = [u["photo"] for u in json.load(open(sys.argv[1]))["uploads"]]
article = json.loads(open(sys.argv[2]).readline())
figures = [b for b in article["blocks"] if b["type"] == "figure"]
assert len(figures) == len(photos), (len(figures), len(photos))
for b, p in zip(figures, photos):
    widest = max((v for v in p["variants"] if v["format"] == "jpeg"), key=lambda v: v["width"])
    b.update(image=widest["url"].removeprefix("/media/"), width=p["width"], height=p["height"])
print(json.dumps(article, ensure_ascii=False))
PY
"$bin" import "$work/seed-photos.jsonl" --db "sqlite:$work/page/toasoan.db" >/dev/null
sleep 1  # the change log reaches the page cache
for scale in 1 2; do
  node "$root/bench/photos_weight.mjs" "$model" "$scale" >"$work/weight.json"
  python3 - "$work/weight.json" "$scale" <<'PY'
import json, sys
w = json.load(open(sys.argv[1]))
kb = lambda b: f"{b / 1024:.1f} KB"
target = " (target <= 250 KB)" if sys.argv[2] == "1" else " (for information)"
print(f"  device scale {sys.argv[2]}: {kb(w['total'])} in all{target}; " + ", ".join(f"{t} {kb(b)}" for t, b in sorted(w["by_type"].items())))
for i in w["images"]:
    print(f"    {i['url'].rsplit('/', 1)[-1][-16:] if '/anh/' in i['url'] else i['url']:24s} {kb(i['bytes'])}")
PY
done
