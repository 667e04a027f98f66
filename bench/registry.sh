#!/usr/bin/env bash
# Registry load benchmark (issue #2): the organization list with a search
# term, on SQLite and on PostgreSQL, side by side with the same page served
# as a static file by the same server. 20 000 organizations, 50 000 posts,
# 100 000 tenures (synthetic). Needs wrk (apt-get install wrk) and, for
# PostgreSQL, a server on 127.0.0.1:5432 (user postgres, trust auth).
#
#   bash bench/registry.sh              # both databases, 20 s a run
#   DURATION=10s DBS=sqlite bash bench/registry.sh
#
# The data is loaded once (bench/out/bench.db, database cdoatlas_bench) and
# kept for later runs; delete them to load again.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20s}
CONNS=${CONNS:-32}
QUERY=${QUERY:-/organizations?q=hausen}
DBS=${DBS:-sqlite postgres}
OUT=bench/out
PGURL=postgres://postgres@127.0.0.1:5432/cdoatlas_bench?sslmode=disable
mkdir -p "$OUT"
go build -o "$OUT/registryserver" ./bench/registryserver
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(go version | cut -d' ' -f3), wrk -t2 -c$CONNS -d$DURATION"

measure() { # label url [wrk args…]
  local label=$1 url=$2; shift 2
  printf '%-44s ' "$label"
  wrk -t2 -c"$CONNS" -d"$DURATION" --latency "$@" "$url" |
    awk '/Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} /Non-2xx/ {bad=$NF} /Socket errors/ {err=$0}
      END {printf "%10s req/s   p50 %8s   p99 %8s%s%s\n", rps, p50, p99, (bad ? "   non-2xx " bad : ""), (err ? "   " err : "")}'
}

run() { # name dsn
  local name=$1 dsn=$2 port=18080
  "$OUT/registryserver" -db "$dsn" -seed-only
  mkdir -p "$OUT/static-$name"
  "$OUT/registryserver" -db "$dsn" -addr 127.0.0.1:$port -static "$OUT/static-$name" 2>"$OUT/server-$name.log" &
  local pid=$!
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  curl -fs "http://127.0.0.1:$port$QUERY" -o "$OUT/static-$name/page.html"
  echo "== $name: GET $QUERY ($(wc -c < "$OUT/static-$name/page.html") bytes, $(grep -o '[0-9.]* Organisationen gefunden' "$OUT/static-$name/page.html"))"
  measure "static copy of the page" "http://127.0.0.1:$port/static-copy/page.html"
  measure "dynamic, page cache (same term)" "http://127.0.0.1:$port$QUERY"
  measure "dynamic, rendered each time (same term)" "http://127.0.0.1:$port/nocache$QUERY"
  measure "dynamic, rendered each time (51 terms)" "http://127.0.0.1:$port/" -s bench/varied.lua
  kill $pid; wait $pid 2>/dev/null || true
}

for db in $DBS; do
  case $db in
  sqlite) run sqlite "sqlite:$OUT/bench.db" ;;
  postgres)
    if ! pg_isready -q -h 127.0.0.1 -p 5432; then echo "PostgreSQL not running: skipped"; continue; fi
    psql -qtA -h 127.0.0.1 -U postgres -c "SELECT 1 FROM pg_database WHERE datname = 'cdoatlas_bench'" postgres | grep -q 1 ||
      psql -q -h 127.0.0.1 -U postgres -c 'CREATE DATABASE cdoatlas_bench' postgres
    run postgres "$PGURL" ;;
  esac
done
