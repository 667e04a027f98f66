#!/usr/bin/env bash
# Parallel full-registry downloads (issue #10): 8 clients ask at once for
# the XLSX of all organizations of a registry of ORGS organizations
# (default 200 000; synthetic, bench/registryserver), while
# one client searches the list with changing terms (no page cache). Reports
# each download's time, the server's peak memory (VmHWM) and the searches'
# latency meanwhile.
#
#   bash bench/downloads.sh                       # this checkout
#   SRC=/path/to/other/checkout bash bench/downloads.sh   # another commit
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=${SRC:-.}
N=${N:-8}
OUT=$(pwd)/bench/out/downloads
mkdir -p "$OUT"
(cd "$SRC" && go build -o "$OUT/cdoatlas" ./cmd/cdoatlas && go build -o "$OUT/registryserver" ./bench/registryserver)
DB=$OUT/registry.db
rm -f "$DB" "$DB-wal" "$DB-shm"
ORGS=${ORGS:-200000}
"$OUT/registryserver" -db "sqlite:$DB" -orgs "$ORGS" -posts 1000 -tenures 1000 -seed-only >/dev/null 2>&1
PORT=${PORT:-18932}
"$OUT/cdoatlas" serve --db "sqlite:$DB" --addr 127.0.0.1:$PORT >/dev/null 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf http://127.0.0.1:$PORT/healthz >/dev/null && break; sleep 0.1; done
echo "machine: $(nproc) cores, $(go version | cut -d' ' -f3), source: $(cd "$SRC" && git log -1 --format=%h 2>/dev/null || echo "$SRC")"
idle=$(awk '$1 == "VmRSS:" {print int($2/1024)}' /proc/$PID/status)

# Searches while the downloads run: distinct terms, so no cached page.
rm -f "$OUT/done"
(
  i=0
  while [ ! -f "$OUT/done" ]; do
    i=$((i + 1))
    curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$PORT/organizations?q=hausen$((i % 50))"
  done >"$OUT/search.txt"
) &
SEARCH=$!
start=$(date +%s.%N)
for i in $(seq "$N"); do
  curl -s -o "$OUT/dl-$i.xlsx" -w '%{http_code} %{time_total} %{size_download}\n' "http://127.0.0.1:$PORT/organizations?format=xlsx" &
done >"$OUT/downloads.txt"
for p in $(jobs -p); do [ "$p" = "$PID" ] || [ "$p" = "$SEARCH" ] || wait "$p" || true; done
touch "$OUT/done"; wait $SEARCH || true
total=$(echo "$(date +%s.%N) - $start" | bc)
peak=$(awk '$1 == "VmHWM:" {print int($2/1024)}' /proc/$PID/status)
sort -k2 -n "$OUT/downloads.txt" | awk -v n="$N" '{c[$1]++; t[NR]=$2; s=$3} END {printf "%d downloads: statuses", n; for (k in c) printf " %s×%s", c[k], k; printf "; time min %.2f s, median %.2f s, max %.2f s; %d bytes each\n", t[1], t[int((NR+1)/2)], t[NR], s}'
printf 'all done in %.2f s; server memory idle %d MiB, peak %d MiB\n' "$total" "$idle" "$peak"
sort -n "$OUT/search.txt" | awk '{t[NR]=$1} END {printf "searches meanwhile: %d, median %.3f s, max %.3f s\n", NR, t[int((NR+1)/2)], t[NR]}'
