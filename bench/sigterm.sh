#!/usr/bin/env bash
# How fast SIGTERM stops a census import (issue #9: within 1 s, rolled
# back, "import cancelled; nothing was changed"). Uses the data and the
# SQLite database bench/census.sh leaves in bench/out/census: the last
# wave is taken out of a copy of the database and imported again, and a
# SIGTERM is sent after each of DELAYS seconds, in every phase (reading,
# classifying, loading the index, resolving, writing).
#
#   bash bench/census.sh && bash bench/sigterm.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out/census
DATA=${DATA:-$OUT/data-1000000}
DELAYS=${DELAYS:-1 2 3 4 5 6 7 8 9 10 11 12 13}
BIN=$OUT/cdoatlas
go build -o "$BIN" ./cmd/cdoatlas
wave=$(tail -n +2 "$DATA/waves.csv" | cut -d, -f1 | sort -u | tail -1)
date=$(grep "^$wave," "$DATA/waves.csv" | head -1 | cut -d, -f2)
files=$(grep "^$wave," "$DATA/waves.csv" | cut -d, -f4 | sed "s|^|$DATA/|")
cp "$OUT/census.db" "$OUT/sigterm-base.db"
sqlite3 "$OUT/sigterm-base.db" "DELETE FROM observations WHERE wave='$wave'; DELETE FROM waves WHERE id='$wave';"
for d in $DELAYS; do
  cp "$OUT/sigterm-base.db" "$OUT/sigterm.db"
  "$BIN" import observations --db "$OUT/sigterm.db" --wave "$wave" --date "$date" $files >"$OUT/sigterm.out" 2>&1 &
  pid=$!
  sleep "$d"
  t0=$(date +%s.%N)
  kill -TERM "$pid" 2>/dev/null || true
  rc=0; wait "$pid" || rc=$?
  t1=$(date +%s.%N)
  n=$(sqlite3 "$OUT/sigterm.db" "SELECT COUNT(*) FROM observations WHERE wave='$wave'")
  printf 'SIGTERM after %2s s: exit %s after %.2f s, %s rows of wave %s stored: %s\n' "$d" "$rc" "$(echo "$t1 - $t0" | bc)" "$n" "$wave" "$(tail -1 "$OUT/sigterm.out")"
done
