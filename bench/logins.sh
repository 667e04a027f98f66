#!/usr/bin/env bash
# Parallel logins (issue #10): memory of the server while N wrong
# passwords arrive at once, for one account (the login limit applies)
# and for N different e-mail addresses (every attempt needs a password
# check, which the hash gate queues). Reports the server's resident
# memory at idle and its peak (VmHWM), and the HTTP answers.
#
#   bash bench/logins.sh                # this checkout
#   BIN=/path/to/cdoatlas bash bench/logins.sh   # another build
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-30}
OUT=bench/out/logins
mkdir -p "$OUT"
if [ -z "${BIN:-}" ]; then
  go build -o "$OUT/cdoatlas" ./cmd/cdoatlas
  BIN=$OUT/cdoatlas
fi
DB=$OUT/logins.db
rm -f "$DB" "$DB-wal" "$DB-shm"
"$BIN" migrate --db "$DB" >/dev/null
echo 'a-long-password-123' | "$BIN" user add --db "$DB" --role member m@example.org >/dev/null
PORT=${PORT:-18931}
PID=
trap 'kill $PID 2>/dev/null || true' EXIT
echo "machine: $(nproc) cores, $(go version | cut -d' ' -f3)"
rss() { awk -v k="$1:" '$1 == k {print int($2/1024)}' /proc/$PID/status; }

run() { # LABEL EMAIL-PATTERN: on a freshly started server
  [ -n "$PID" ] && { kill $PID; wait $PID 2>/dev/null || true; }
  sqlite3 "$DB" "DELETE FROM rate_limits" 2>/dev/null || true
  "$BIN" serve --db "$DB" --addr 127.0.0.1:$PORT >/dev/null 2>&1 &
  PID=$!
  for _ in $(seq 50); do curl -sf http://127.0.0.1:$PORT/healthz >/dev/null && break; sleep 0.1; done
  sleep 1
  local jar=$OUT/jar.txt
  rm -f "$jar"
  local token
  token=$(curl -s -c "$jar" http://127.0.0.1:$PORT/login | grep -o 'name="csrf_token" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  local idle; idle=$(rss VmRSS)
  local start; start=$(date +%s.%N)
  for i in $(seq "$N"); do
    email=$(printf "$2" "$i")
    curl -s -o /dev/null -w '%{http_code}\n' -b "$jar" -H 'Sec-Fetch-Site: same-origin' \
      --data-urlencode "csrf_token=$token" --data-urlencode "email=$email" --data-urlencode "password=wrong-password-123" \
      http://127.0.0.1:$PORT/login &
  done >"$OUT/codes.txt"
  for p in $(jobs -p); do [ "$p" = "$PID" ] || wait "$p" || true; done
  local secs; secs=$(echo "$(date +%s.%N) - $start" | bc)
  local codes; codes=$(sort "$OUT/codes.txt" | uniq -c | awk '{printf "%s×%s ", $1, $2}')
  printf '%-34s idle %4d MiB  peak %4d MiB  (+%d MiB)  %5.2f s  %s\n' "$1" "$idle" "$(rss VmHWM)" $(( $(rss VmHWM) - idle )) "$secs" "$codes"
}
run "$N parallel, one account" "m@example.org"
run "$N parallel, $N addresses" "nobody%d@example.org"
