#!/usr/bin/env bash
# The benchmark: starts admin and main as servers of their own (admin-bench :28000,
# main-bench :28001) on databases of their own (admin_bench, main_bench) with 100 products,
# loads them with wrk (32 connections, beside the servers on this machine), and prints req/s
# and latency per endpoint, each server's start-to-ready time and its resident memory after
# the load. The figures also go into docs/benchmarks.md (between the bench markers).
#
#   bench/run.sh [--no-build] [--duration SECONDS] [--no-docs]
set -euo pipefail
source "$(dirname "$0")/../scripts/lib/common.sh"
cd "$ROOT_DIR"

DURATION=15
WARMUP=10
LIKE_WARMUP=40
CONNECTIONS=32
THREADS=2
BUILD=1
DOCS=1
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --no-docs) DOCS=0 ;;
    --duration) DURATION="$2"; shift ;;
    *) fail "unknown option $1" ;;
  esac
  shift
done

ADMIN_PORT=28000
MAIN_PORT=28001
PRODUCTS=100
USERS=5000
MAIN_SYNC_HEALTH=28081
ADMIN_LIKES_HEALTH=28082
RESULTS=$(mktemp)
EVENTS=$(mktemp)
LOGS="$ROOT_DIR/.run"
mkdir -p "$LOGS"
trap 'stop_consumers; stop_servers; rm -f "$RESULTS" "$EVENTS"' EXIT

ensure_machine
command -v wrk >/dev/null || apt_install wrk || fail "wrk is needed (apt-get install wrk)."
command -v curl >/dev/null || apt_install curl || fail "curl is needed."
if [ "$BUILD" = 1 ]; then
  say "Building"
  ./mvnw -q -B -ntp -DskipTests install
fi

JDBC_URL="jdbc:mysql://$DB_HOST:$DB_PORT"
event_bench() { # mode args...: bench/EventBench.java, with the JDBC driver of the consumer jar
  java -cp "$CONSUMER_JAR" "$ROOT_DIR/bench/EventBench.java" "$@"
}

MAIN_SYNC_PID=""
ADMIN_LIKES_PID=""
start_consumer() { # command database health-port -> prints the pid
  AMQP_URL="$AMQP_BENCH_URL" DB_NAME="$2" HEALTH_PORT="$3" start_consumer_process "$1" "$LOGS/bench-$1.log"
  echo "$CONSUMER_PID"
}
terminate() { # pid: SIGTERM, and wait until it is gone (it is not this shell's child)
  kill -TERM "$1" 2>/dev/null || return 0
  while kill -0 "$1" 2>/dev/null; do sleep 0.1; done
}
stop_consumers() {
  for pid in $MAIN_SYNC_PID $ADMIN_LIKES_PID; do terminate "$pid"; done
  MAIN_SYNC_PID=""
  ADMIN_LIKES_PID=""
}

stop_servers() {
  for server in admin-bench main-bench; do
    [ -d "$WLP_DIR/usr/servers/$server" ] && "$WLP_DIR/bin/server" stop "$server" >/dev/null 2>&1 || true
  done
}

say "Preparing databases admin_bench and main_bench and the RabbitMQ virtual host microshop-bench"
stop_servers
fresh_databases bench
recreate_vhost microshop-bench
AMQP_BENCH_URL=$(amqp_url microshop-bench)
db_as_user "INSERT INTO admin_bench.users (id) VALUES $(seq 101 "$USERS" | sed 's/.*/(&)/' | paste -sd,)"

prepare_server() { # service port database
  copy_server "$1" "$1-bench" "$2" "$3" "http://localhost:$ADMIN_PORT" "$AMQP_BENCH_URL"
}

seconds_to_ready() { # server port
  local start end
  start=$(date +%s.%N)
  "$WLP_DIR/bin/server" start "$1" >/dev/null
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$2/health/ready")" = 200 ]; do
    sleep 0.05
    [ "$(echo "$(date +%s.%N) - $start > 180" | bc)" = 1 ] && fail "$1 not ready after 180 s"
  done
  end=$(date +%s.%N)
  printf '%.1f' "$(echo "$end - $start" | bc)"
}

# Cold: the first start of a fresh server directory. Warm: a restart (as a container image
# built with its server already started once, or a pod restart).
start_and_time() { # service port database -> sets COLD, WARM
  prepare_server "$1" "$2" "$3"
  COLD=$(seconds_to_ready "$1-bench" "$2")
  "$WLP_DIR/bin/server" stop "$1-bench" >/dev/null
  WARM=$(seconds_to_ready "$1-bench" "$2")
}

say "Starting admin-bench (:$ADMIN_PORT) and main-bench (:$MAIN_PORT)"
start_and_time admin "$ADMIN_PORT" admin_bench; ADMIN_COLD=$COLD; ADMIN_WARM=$WARM
start_and_time main "$MAIN_PORT" main_bench; MAIN_COLD=$COLD; MAIN_WARM=$WARM

say "Starting the consumers main-sync and admin-likes"
MAIN_SYNC_PID=$(start_consumer main-sync main_bench "$MAIN_SYNC_HEALTH")
ADMIN_LIKES_PID=$(start_consumer admin-likes admin_bench "$ADMIN_LIKES_HEALTH")
await_http "http://localhost:$MAIN_SYNC_HEALTH/health/ready" 60 "main-sync" "$LOGS/bench-main-sync.log"
await_http "http://localhost:$ADMIN_LIKES_HEALTH/health/ready" 60 "admin-likes" "$LOGS/bench-admin-likes.log"

count_in() { # database [where]
  db_as_user "SELECT COUNT(*) FROM $1.products ${2:-}" | tail -1
}
await_equal() { # what sql-a sql-b seconds: waits until both queries give the same answer
  local i
  for ((i = 0; i < $4 * 10; i++)); do
    [ "$(db_as_user "$2" | tail -1)" = "$(db_as_user "$3" | tail -1)" ] && return 0
    sleep 0.1
  done
  fail "$1 not within $4 s"
}

say "Seeding $PRODUCTS products through admin (main gets them through the events)"
for ((i = 1; i <= PRODUCTS; i++)); do
  curl -s -o /dev/null -X POST "http://localhost:$ADMIN_PORT/api/products" -H 'Content-Type: application/json' \
    -d "{\"title\": \"Product $i\", \"image\": \"https://images.example.com/products/$i.png\"}"
done
await_equal "main holding admin's $PRODUCTS products" "SELECT COUNT(*) FROM admin_bench.products" \
  "SELECT COUNT(*) FROM main_bench.products" 60
FIRST_ID=$(db_as_user "SELECT MIN(id) FROM admin_bench.products" | tail -1)
export BENCH_FIRST_ID=$FIRST_ID BENCH_PRODUCTS=$PRODUCTS BENCH_USERS=$USERS BENCH_THREADS=$THREADS

load() { # seconds url [lua]
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1"s --latency ${3:+-s "bench/lua/$3"} "$2"
}

measure() { # label url [lua]
  local out rps p50 p99 errors
  out=$(load "$DURATION" "$2" "${3:-}")
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")
  errors=${errors:-0}
  # like.lua's breakdown of the failed likes, and wrk's connection errors and timeouts
  errors+=$(sed -n 's/^like failures: [0-9]* \(.*\)/ \1/p; s/^ *Socket errors: \(.*\)/; socket errors: \1/p' <<<"$out" | tr -d '\n')
  printf '%s|%s|%s|%s|%s\n' "$1" "$rps" "$p50" "$p99" "$errors" | tee -a "$RESULTS" | tr '|' '\t'
}

warm() { # url [lua] [seconds]
  load "${3:-$WARMUP}" "$1" "${2:-}" >/dev/null
}

A="http://localhost:$ADMIN_PORT"
M="http://localhost:$MAIN_PORT"
say "Warming up (${WARMUP} s per endpoint), then measuring (${DURATION} s per endpoint)"
warm "$A/health/live"; warm "$A/api/products"; warm "$A/api/products/$FIRST_ID" get.lua
warm "$M/health/live"; warm "$M/api/products"
measure "admin GET /health/live" "$A/health/live"
measure "admin GET /api/products (100)" "$A/api/products"
measure "admin GET /api/products/{id}" "$A/api/products/$FIRST_ID" get.lua
measure "main GET /health/live" "$M/health/live"
measure "main GET /api/products (100)" "$M/api/products"
measure "main GET /api/products/{id}" "$M/api/products/$FIRST_ID" get.lua
# A like crosses both servers (main asks admin for the user) and takes the JIT longest to settle.
BENCH_USERS=1000 warm "$M/api/products" like.lua "$LIKE_WARMUP"
LIKE_SUMS=("SELECT COALESCE(SUM(likes), 0) FROM admin_bench.products" "SELECT COALESCE(SUM(likes), 0) FROM main_bench.products")
await_equal "admin counting the warm-up's likes" "${LIKE_SUMS[@]}" 120
db_as_user "UPDATE main_bench.products SET likes = 0; DELETE FROM main_bench.product_likes; UPDATE admin_bench.products SET likes = 0"
measure "main POST /api/products/{id}/like" "$M/api/products" like.lua
LIKES_DONE=$(date +%s.%N)
await_equal "admin counting the measured likes" "${LIKE_SUMS[@]}" 300
LIKE_CONVERGENCE=$(printf '%.2f' "$(echo "$(date +%s.%N) - $LIKES_DONE" | bc)")
LIKE_MISMATCHES=$(db_as_user "SELECT COUNT(*) FROM admin_bench.products a JOIN main_bench.products m USING (id) WHERE a.likes <> m.likes" | tail -1)

say "Events: propagation latency (200 creates at 10/s), a burst of 10,000 creates, a consumer catching up"
echo "latency $(event_bench latency "$A" "$M" 200 10)" | tee -a "$EVENTS"
echo "burst $(event_bench burst "$A" "$JDBC_URL/main_bench" "$DB_USER" "$DB_PASSWORD" 10000 16)" | tee -a "$EVENTS"

# The create benchmark with main-sync stopped: its events queue up, then a fresh main-sync drains them.
terminate "$MAIN_SYNC_PID"
warm "$A/api/products" create.lua
measure "admin POST /api/products" "$A/api/products" create.lua
IN_MAIN=$(count_in main_bench)
IN_ADMIN=$(count_in admin_bench)
MAIN_SYNC_PID=$(start_consumer main-sync main_bench "$MAIN_SYNC_HEALTH")
echo "drain $(event_bench drain "$JDBC_URL/main_bench" "$DB_USER" "$DB_PASSWORD" "$IN_MAIN" "$IN_ADMIN")" | tee -a "$EVENTS"

rss_mb() { # server
  local pid
  pid=$(pgrep -f "ws-server.jar $1( |\$)" | head -1)
  awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status"
}
ADMIN_RSS=$(rss_mb admin-bench)
MAIN_RSS=$(rss_mb main-bench)
pid_rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
MAIN_SYNC_RSS=$(pid_rss_mb "$MAIN_SYNC_PID")
ADMIN_LIKES_RSS=$(pid_rss_mb "$ADMIN_LIKES_PID")
figure() { # line key: a value from the EventBench output
  grep "^$1 " "$EVENTS" | tr ' ' '\n' | sed -n "s/^$2=//p"
}
LIKES=$(db_as_user "SELECT COUNT(*) FROM main_bench.product_likes" | tail -1)
COUNTED=$(db_as_user "SELECT SUM(likes) FROM main_bench.products" | tail -1)

ms() { # a wrk latency (850.00us, 12.5ms, 1.20s) in milliseconds
  awk -v t="$1" 'BEGIN { v = t + 0; if (t ~ /us$/) v /= 1000; else if (t ~ /s$/ && t !~ /ms$/) v *= 1000; print v }'
}

verdict() { # label rps p99 -> "target | yes/no" for the endpoints the issue sets targets for
  local live met target
  live=$(awk -F'|' -v server="${1%% *}" '$1 == server " GET /health/live" {print $2}' "$RESULTS")
  case "$1" in
    *"/health/live") echo "reference |"; return ;;
    *"GET /api/products"*)
      target="≥ 2000 req/s and ≥ 60% of live ($((live * 60 / 100)))"
      met=$(( $2 >= 2000 && $2 * 100 >= live * 60 )) ;;
    *"/like")
      target="≥ 500 req/s, p99 ≤ 150 ms"
      met=$(awk -v r="$2" -v p="$(ms "$3")" 'BEGIN { print (r >= 500 && p <= 150) ? 1 : 0 }') ;;
    *"POST /api/products")
      target="≥ 600 req/s"
      met=$(( $2 >= 600 )) ;;
    *) echo " |"; return ;;
  esac
  if [ "$met" = 1 ]; then echo "$target | yes"; else echo "$target | **no**"; fi
}

JAVA_VERSION=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.runtime.version = //p')
REPORT=$(
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), Java $JAVA_VERSION, wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s beside the servers."
  echo "Command: \`bench/run.sh\`"
  echo
  echo "| Endpoint | req/s | p50 | p99 | non-2xx (details) | target | met |"
  echo "|---|---:|---:|---:|---|---|---|"
  while IFS='|' read -r label rps p50 p99 errors; do
    echo "| $label | $rps | $p50 | $p99 | $errors | $(verdict "$label" "$rps" "$p99") |"
  done <"$RESULTS"
  echo
  echo "| Server | start to ready, cold | start to ready, warm | resident memory after the load |"
  echo "|---|---:|---:|---:|"
  echo "| target | ≤ 8 s | ≤ 8 s | ≤ 300 MB |"
  echo "| admin | ${ADMIN_COLD} s | ${ADMIN_WARM} s | ${ADMIN_RSS} MB |"
  echo "| main | ${MAIN_COLD} s | ${MAIN_WARM} s | ${MAIN_RSS} MB |"
  echo
  echo "Likes recorded during the measured like run: $LIKES rows, counted $COUNTED (must be equal)."
  echo
  echo "| Events | figure | target | met |"
  echo "|---|---:|---|---|"
  local_p99=$(figure latency p99)
  echo "| propagation, admin 201 → main serves it (200 creates at 10/s) | p50 $(figure latency p50) ms, p99 $local_p99 ms, max $(figure latency max) ms | p99 ≤ 25 ms | $(awk -v p="$local_p99" 'BEGIN { print (p <= 25) ? "yes" : "**no**" }') |"
  echo "| burst of 10,000 creates (16 clients, $(figure burst create_rate)/s): last 201 → main has all | $(figure burst after_last_201_seconds) s | | |"
  drain_rate=$(figure drain apply_rate)
  echo "| main-sync catching up on $(figure drain events) queued events (fresh JVM) | $drain_rate events/s | ≥ 2,000 events/s | $( [ "${drain_rate:-0}" -ge 2000 ] && echo yes || echo '**no**') |"
  echo "| like convergence after the like run: admin's counts equal main's | $LIKE_CONVERGENCE s, $LIKE_MISMATCHES products differing (0 lost, 0 doubled when 0) | | $( [ "$LIKE_MISMATCHES" = 0 ] && echo yes || echo '**no**') |"
  echo "| resident memory, main-sync / admin-likes | $MAIN_SYNC_RSS MB / $ADMIN_LIKES_RSS MB | ≤ 96 MB | $( [ "$MAIN_SYNC_RSS" -le 96 ] && [ "$ADMIN_LIKES_RSS" -le 96 ] && echo yes || echo '**no**') |"
)
echo
echo "$REPORT"

if [ "$DOCS" = 1 ]; then
  doc="$ROOT_DIR/docs/benchmarks.md"
  mkdir -p "$ROOT_DIR/docs"
  [ -f "$doc" ] || printf '# Benchmarks\n\n<!-- bench:begin -->\n<!-- bench:end -->\n' >"$doc"
  REPORT="$REPORT" perl -0pi -e 's/<!-- bench:begin -->.*?<!-- bench:end -->/<!-- bench:begin -->\n$ENV{REPORT}\n<!-- bench:end -->/s' "$doc"
  say "Written to docs/benchmarks.md"
fi
