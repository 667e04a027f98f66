#!/usr/bin/env bash
# Census import benchmark (issues #4, #9): five generated waves of
# ROWS/50 people (20 000 for 1 M rows, common names), mostly non-CDO rows
# as a raw export is, half of those with other digital-leadership titles
# (CIO, CTO, Chief Data Officer), imported into SQLite with
# classification and resolution (one `cdoatlas import observations` per
# wave, all of its source files at once), side by side with the sqlite3
# CLI's `.import` of the same files into a bare table and the same rows
# inserted into that table by the pure-Go driver (bench/sqlitefloor); then the same import
# into PostgreSQL. Reports wall time and peak memory (max RSS of the
# largest process) for each size, and the time of each wave, to show how
# it grows with the people already stored. Needs sqlite3 (apt-get install sqlite3)
# and, for PostgreSQL, a server on 127.0.0.1:5432 (user postgres, trust).
#
#   bash bench/census.sh                 # 100 000 and 1 000 000 rows
#   SIZES=100000 DBS=sqlite bash bench/census.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-100000 1000000}
DBS=${DBS:-sqlite postgres}
OUT=bench/out/census
PGURL=postgres://postgres@127.0.0.1:5432/cdoatlas_census_bench?sslmode=disable
mkdir -p "$OUT"
go build -o "$OUT/cdoatlas" ./cmd/cdoatlas
go build -o "$OUT/sqlitefloor" ./bench/sqlitefloor
BIN=$OUT/cdoatlas
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(go version | cut -d' ' -f3), $(sqlite3 --version | cut -d' ' -f1-2)"

# timed LABEL COMMAND…: runs COMMAND, prints wall seconds and max RSS.
timed() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$OUT/time.txt" "$@" >/dev/null
  read -r secs kb <"$OUT/time.txt"
  printf '%s %s %s\n' "$label" "$secs" "$kb"
}

for rows in $SIZES; do
  data=$OUT/data-$rows
  if [ ! -f "$data/waves.csv" ]; then
    people=$(( rows / 50 ))
    "$BIN" gen --people "$people" --waves 5 --seed 1 --rows "$rows" --out "$data" >/dev/null
  fi
  waves=$(tail -n +2 "$data/waves.csv" | cut -d, -f1 | sort -u)

  # sqlite3 .import of the same files into one bare table.
  rm -f "$OUT/sqlite3.db"
  {
    echo "CREATE TABLE obs (c1 TEXT, c2 TEXT, c3 TEXT, c4 TEXT, c5 TEXT, c6 TEXT, c7 TEXT, c8 TEXT, c9 TEXT, c10 TEXT, c11 TEXT, c12 TEXT);"
    echo ".mode csv"
    tail -n +2 "$data/waves.csv" | while IFS=, read -r _ _ _ file _; do
      if head -1 "$data/$file" | grep -q ';'; then echo ".separator ;"; else echo ".separator ,"; fi
      echo ".import --skip 1 $data/$file obs"
    done
  } >"$OUT/import.sql"
  base=$(timed sqlite3 sqlite3 "$OUT/sqlite3.db" ".read $OUT/import.sql")
  n=$(sqlite3 "$OUT/sqlite3.db" "SELECT COUNT(*) FROM obs")
  read -r _ bsecs bkb <<<"$base"
  printf '%9s rows  %-34s %7.2f s  %5d MiB  (%s rows)\n' "$rows" "sqlite3 .import (bare table)" "$bsecs" $(( bkb / 1024 )) "$n"

  # The same rows inserted by the pure-Go driver the atlas uses, into the
  # same bare table: what any Go program pays before it checks anything.
  rm -f "$OUT/floor.db" "$OUT/floor.db-wal" "$OUT/floor.db-shm"
  floor=$(timed floor "$OUT/sqlitefloor" "$OUT/floor.db" $(tail -n +2 "$data/waves.csv" | cut -d, -f4 | sed "s|^|$data/|"))
  read -r _ fsecs fkb <<<"$floor"
  printf '%9s rows  %-34s %7.2f s  %5d MiB  (%s× sqlite3)\n' "" "pure-Go driver insert (bare table)" "$fsecs" $(( fkb / 1024 )) "$(echo "scale=1; $fsecs / $bsecs" | bc)"

  for db in $DBS; do
    case $db in
      sqlite) dsn=$OUT/census.db; rm -f "$dsn" "$dsn-wal" "$dsn-shm" ;;
      postgres)
        psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS cdoatlas_census_bench" postgres
        psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE cdoatlas_census_bench" postgres
        dsn=$PGURL ;;
    esac
    "$BIN" migrate --db "$dsn" >/dev/null
    "$BIN" import registry --db "$dsn" "$data/registry.csv" >/dev/null
    total=0; peak=0
    for w in $waves; do
      date=$(grep "^$w," "$data/waves.csv" | head -1 | cut -d, -f2)
      r=$(timed "$w" "$BIN" import observations --db "$dsn" --wave "$w" --date "$date" $(grep "^$w," "$data/waves.csv" | cut -d, -f4 | sed "s|^|$data/|"))
      read -r _ secs kb <<<"$r"
      wrows=$(grep "^$w," "$data/waves.csv" | cut -d, -f5 | paste -sd+ | bc)
      printf '%9s rows  %-34s %7.2f s  %5d MiB  (%s rows)\n' "" "  wave $w, $db" "$secs" $(( kb / 1024 )) "$wrows"
      total=$(echo "$total + $secs" | bc); [ "$kb" -gt "$peak" ] && peak=$kb
    done
    ratio=$(echo "scale=1; $total / $bsecs" | bc)
    printf '%9s rows  %-34s %7.2f s  %5d MiB  (%s× sqlite3)\n' "$rows" "cdoatlas import, $db" "$total" $(( peak / 1024 )) "$ratio"
  done
done
