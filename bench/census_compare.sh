#!/usr/bin/env bash
# Side-by-side census import of two builds (issue #9): each binary imports
# the five waves of the 1 M-row data of bench/census.sh into its own fresh
# SQLite database, one after the other, and prints each wave's wall time
# and summary, then the people stored.
#
#   git worktree add /tmp/old COMMIT && (cd /tmp/old && go build -o /tmp/cdo-old ./cmd/cdoatlas)
#   go build -o /tmp/cdo-new ./cmd/cdoatlas
#   SIZES=1000000 DBS= bash bench/census.sh   # generates the data once
#   bash bench/census_compare.sh /tmp/cdo-old /tmp/cdo-new
set -euo pipefail
data=${DATA:-$(dirname "$0")/out/census/data-1000000}
for bin in "$@"; do
  db=$(mktemp -d)/census.db
  "$bin" migrate --db "$db" >/dev/null
  "$bin" import registry --db "$db" "$data/registry.csv" >/dev/null
  total=0
  for w in $(tail -n +2 "$data/waves.csv" | cut -d, -f1 | sort -u); do
    date=$(grep "^$w," "$data/waves.csv" | head -1 | cut -d, -f2)
    start=$(date +%s.%N)
    out=$("$bin" import observations --db "$db" --wave "$w" --date "$date" \
      $(grep "^$w," "$data/waves.csv" | cut -d, -f4 | sed "s|^|$data/|") 2>&1 | tail -1)
    secs=$(echo "$(date +%s.%N) - $start" | bc)
    total=$(echo "$total + $secs" | bc)
    printf '%s %s %6.2f s  %s\n' "$(basename "$bin")" "$w" "$secs" "$out"
  done
  printf '%s total %6.2f s, %s people\n' "$(basename "$bin")" "$total" "$(sqlite3 "$db" 'SELECT COUNT(*) FROM people')"
  rm -rf "$(dirname "$db")"
done
