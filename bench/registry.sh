#!/usr/bin/env bash
# Registry load benchmark (issue #2): the organization list with a search
# term, on SQLite and on PostgreSQL, against the same page served as a
# static file by the same server. 20 000 organizations, 50 000 posts,
# 100 000 tenures (synthetic). Needs wrk (apt-get install wrk) and, for
# PostgreSQL, a server on 127.0.0.1:5432 (user postgres, trust auth).
#
#   bash bench/registry.sh            # both databases
#   DURATION=10s bash bench/registry.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20s}
CONNS=${CONNS:-32}
QUERY=${QUERY:-/organizations?q=hausen}
OUT=bench/out
mkdir -p "$OUT"
go build -o "$OUT/registryserver" ./bench/registryserver

run() { # name dsn
  local name=$1 dsn=$2 port=18080
  echo "== $name: loading (if empty) =="
  "$OUT/registryserver" -db "$dsn" -seed-only
  "$OUT/registryserver" -db "$dsn" -addr 127.0.0.1:$port -static "$OUT/static-$name" &
  local pid=$!
  trap "kill $pid 2>/dev/null || true" RETURN
  for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
  mkdir -p "$OUT/static-$name"
  curl -fs "http://127.0.0.1:$port$QUERY" -o "$OUT/static-$name/page.html"
  echo "page size: $(wc -c < "$OUT/static-$name/page.html") bytes; results: $(grep -o 'Treffer[^<]*' "$OUT/static-$name/page.html" | head -1)"
  echo "-- $name dynamic: GET $QUERY"
  wrk -t2 -c"$CONNS" -d"$DURATION" --latency "http://127.0.0.1:$port$QUERY" | grep -E 'Requests/sec|Latency|99%|50%|Non-2xx|Socket errors'
  echo "-- $name static copy of the same page"
  wrk -t2 -c"$CONNS" -d"$DURATION" --latency "http://127.0.0.1:$port/static-copy/page.html" | grep -E 'Requests/sec|Latency|99%|50%|Non-2xx|Socket errors'
  kill $pid; wait $pid 2>/dev/null || true
}

run sqlite "sqlite:$OUT/bench.db"
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  psql -q -h 127.0.0.1 -U postgres -c 'DROP DATABASE IF EXISTS cdoatlas_bench WITH (FORCE)' -c 'CREATE DATABASE cdoatlas_bench' postgres
  run postgres "postgres://postgres@127.0.0.1:5432/cdoatlas_bench?sslmode=disable"
  psql -q -h 127.0.0.1 -U postgres -c 'DROP DATABASE IF EXISTS cdoatlas_bench WITH (FORCE)' postgres
fi
