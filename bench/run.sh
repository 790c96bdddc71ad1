#!/usr/bin/env bash
# The benchmark: starts admin and main as servers of their own (admin-bench :28000,
# main-bench :28001) on databases of their own (admin_bench, main_bench) and a RabbitMQ virtual
# host of its own (microshop-bench), with both consumers, and has bench/'s Java program
# (microshop-bench.jar) measure them: wrk against each endpoint beside the servers, start-to-ready
# times, resident memory, the event benchmarks. The program keeps every figure, judges it against
# its target and writes the tables into docs/benchmarks.md. This script only starts and stops
# the processes and lays down their data (fresh databases, an identity provider of its own on
# :28180 with the realm and 100 test shoppers, 100 products through admin, likes reset between
# runs); every measurement, sum and judgement is the program's. Writes are an administrator's,
# likes signed-in shoppers' (tokens from that provider) or anonymous (main-bench allows both).
# Each endpoint is measured twice: in the first 20 s after its server restarted and reported
# ready (what a new pod meets), and warm; lists at 100 and at 1,000 products; likes with 32
# connections signed in and anonymous, and with 16 clients one request at a time.
# --telemetry-cost measures instead what telemetry costs: the lists and likes and the servers'
# memory with telemetry off, sampling 10 % and sampling 100 % of new traces, each on servers and
# consumers started afresh and exporting OTLP to a receiver beside them (the program's otlp-sink).
#
# --profile also takes a CPU profile (async-profiler) of admin and main during the measured
# signed-in like run and writes where their CPU went into docs/benchmarks.md (collapsed stacks in
# .run/profile-*.collapsed, for a flame graph).
#
#   bench/run.sh [--no-build] [--duration SECONDS] [--no-docs] [--telemetry-cost] [--profile]
set -euo pipefail
source "$(dirname "$0")/../scripts/lib/common.sh"
source "$(dirname "$0")/../scripts/lib/identity.sh"
cd "$ROOT_DIR"

DURATION=15
WARMUP=10
LIKE_WARMUP=120
FIRST_RUN=20
BUILD=1
TELEMETRY_COST=0
PROFILE=0
DOCS="$ROOT_DIR/docs/benchmarks.md"
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --no-docs) DOCS="" ;;
    --duration) DURATION="$2"; shift ;;
    --telemetry-cost) TELEMETRY_COST=1 ;;
    --profile) PROFILE=1 ;;
    *) fail "unknown option $1" ;;
  esac
  shift
done

ADMIN_PORT=28000
MAIN_PORT=28001
PRODUCTS=100
IDENTITY_PORT=28180
IDENTITY_DIR="$ROOT_DIR/target/bench-identity"
MAIN_SYNC_HEALTH=28081
ADMIN_LIKES_HEALTH=28082
LOGS="$ROOT_DIR/.run"
BENCH_JAR="$ROOT_DIR/bench/target/microshop-bench.jar"
mkdir -p "$LOGS"
OTLP_SINK_PORT=28318
export BENCH_RESULTS="$LOGS/bench-results$([ "$TELEMETRY_COST" = 1 ] && echo -telemetry).jsonl" BENCH_JDBC_URL="jdbc:mysql://$DB_HOST:$DB_PORT"
export BENCH_DB_USER="$DB_USER" BENCH_DB_PASSWORD="$DB_PASSWORD" BENCH_THREADS=2 BENCH_CONNECTIONS=32
rm -f "$BENCH_RESULTS"
trap 'stop_consumers; stop_bench_servers; stop_keycloak "${KEYCLOAK_PID:-}"; [ -z "${SINK_PID:-}" ] || kill "$SINK_PID"' EXIT

ensure_machine
command -v wrk >/dev/null || apt_install wrk || fail "wrk is needed (apt-get install wrk)."
if [ "$BUILD" = 1 ]; then
  say "Building"
  ./mvnw -q -B -ntp -DskipTests install
fi
bench() { java -jar "$BENCH_JAR" "$@"; }

MAIN_SYNC_PID=""
ADMIN_LIKES_PID=""
# The environment of a telemetry setting (off, or the share of new traces sampled), one variable per line.
telemetry_env() { # setting
  [ "$1" = off ] && return
  printf 'OTEL_SDK_DISABLED=false\nOTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:%s\nOTEL_TRACES_SAMPLER=parentbased_traceidratio\nOTEL_TRACES_SAMPLER_ARG=%s\nOTEL_METRICS_EXPORTER=none\nOTEL_LOGS_EXPORTER=none\n' \
    "$OTLP_SINK_PORT" "$1"
}
start_consumer() { # command database health-port -> sets CONSUMER_PID
  CONSUMER_ENV="$(telemetry_env "${BENCH_TELEMETRY:-off}")" AMQP_URL="$AMQP_BENCH_URL" DB_NAME="$2" HEALTH_PORT="$3" \
    start_consumer_process "$1" "$LOGS/bench-$1.log"
  await_http "http://localhost:$3/health/ready" 60 "$1" "$LOGS/bench-$1.log" "$CONSUMER_PID"
}
terminate() { # pid: SIGTERM, and wait until it is gone
  kill -TERM "$1" 2>/dev/null || return 0
  while kill -0 "$1" 2>/dev/null; do sleep 0.1; done
}
stop_consumers() {
  for pid in $MAIN_SYNC_PID $ADMIN_LIKES_PID; do terminate "$pid"; done
  MAIN_SYNC_PID=""
  ADMIN_LIKES_PID=""
}
stop_bench_servers() {
  stop_servers admin-bench main-bench
}
server_pid() { cat "$WLP_DIR/usr/servers/.pid/$1.pid"; }

say "Preparing databases admin_bench and main_bench and the RabbitMQ virtual host microshop-bench"
stop_bench_servers
fresh_databases bench
recreate_vhost microshop-bench
AMQP_BENCH_URL=$(amqp_url microshop-bench)

say "Starting the benchmark's identity provider (Keycloak on :$IDENTITY_PORT, log: target/bench-identity/keycloak.log)"
start_test_keycloak "$IDENTITY_DIR" "$IDENTITY_PORT" "http://localhost:$MAIN_PORT"
BENCH_PASSWORD="$TEST_USERS_PASSWORD"
token_of() { # username: an access token of the benchmark's provider (an hour: its test client's)
  password_grant "http://localhost:$IDENTITY_PORT" "$REALM" microshop-tests "$1" "$BENCH_PASSWORD"
}
export BENCH_ADMIN_TOKEN BENCH_SHOPPER_TOKENS="$IDENTITY_DIR/shopper-tokens"
BENCH_ADMIN_TOKEN="$(token_of test-admin)"
[ -n "$BENCH_ADMIN_TOKEN" ] || fail "No token for test-admin from the benchmark's identity provider."
for ((n = 1; n <= 100; n++)); do printf '%s\n' "$(token_of "shopper-$n")"; done >"$BENCH_SHOPPER_TOKENS"

# Cold: the first start of a fresh server directory. Warm: a restart (as a pod restart, or an
# image whose build started the server once).
start_and_time() { # service port database
  copy_server "$1" "$1-bench" "$2" "$3" "http://localhost:$ADMIN_PORT" "$AMQP_BENCH_URL"
  identity_server_env "http://localhost:$IDENTITY_PORT" "$(identity_secret "$IDENTITY_DIR/secrets.env" MICROSHOP_MAIN_CLIENT_SECRET)" \
    >>"$WLP_DIR/usr/servers/$1-bench/server.env"
  telemetry_env "${BENCH_TELEMETRY:-off}" >>"$WLP_DIR/usr/servers/$1-bench/server.env"
  if [ "$1" = main ]; then echo LIKES_ANONYMOUS=true >>"$WLP_DIR/usr/servers/$1-bench/server.env"; fi
  local started
  started=$(date +%s%3N); "$WLP_DIR/bin/server" start "$1-bench" >/dev/null
  bench ready "$1" cold "$started" "http://localhost:$2/health/ready"
  "$WLP_DIR/bin/server" stop "$1-bench" >/dev/null
  started=$(date +%s%3N); "$WLP_DIR/bin/server" start "$1-bench" >/dev/null
  bench ready "$1" warm "$started" "http://localhost:$2/health/ready"
}

url_of() { # service: its benchmark server's URL
  if [ "$1" = admin ]; then echo "http://localhost:$ADMIN_PORT"; else echo "http://localhost:$MAIN_PORT"; fi
}
restart() { # service...: each stopped and started again, until it reports ready
  local service
  for service in "$@"; do
    "$WLP_DIR/bin/server" stop "$service-bench" >/dev/null
    "$WLP_DIR/bin/server" start "$service-bench" >/dev/null
    await_http "$(url_of "$service")/health/ready" 120 "$service-bench" \
      "$WLP_DIR/usr/servers/$service-bench/logs/console.log"
  done
}

say "Starting admin-bench (:$ADMIN_PORT) and main-bench (:$MAIN_PORT)"
start_and_time admin "$ADMIN_PORT" admin_bench
start_and_time main "$MAIN_PORT" main_bench

say "Starting the consumers main-sync and admin-likes"
start_consumer main-sync main_bench "$MAIN_SYNC_HEALTH"; MAIN_SYNC_PID=$CONSUMER_PID
start_consumer admin-likes admin_bench "$ADMIN_LIKES_HEALTH"; ADMIN_LIKES_PID=$CONSUMER_PID

A=$(url_of admin)
M=$(url_of main)
say "Seeding $PRODUCTS products through admin (main gets them through the events)"
seed() { # from to: products "Product <n>" through admin
  local i
  for ((i = $1; i <= $2; i++)); do
    curl -s -o /dev/null -X POST "$A/api/products" -H 'Content-Type: application/json' -H "Authorization: Bearer $BENCH_ADMIN_TOKEN" \
      -d "{\"title\": \"Product $i\", \"image\": \"https://images.example.com/products/$i.png\"}"
  done
}
seed 1 "$PRODUCTS"
grow_catalogue() { # to: products added after the first $PRODUCTS until admin has <to>, and main too
  seed $((PRODUCTS + 1)) "$1"
  bench await-equal "main holding admin's $1 products" 120 \
    "SELECT COUNT(*) FROM admin_bench.products" "SELECT COUNT(*) FROM main_bench.products"
  BENCH_PRODUCTS=$1
}
bench await-equal "main holding admin's $PRODUCTS products" 60 \
  "SELECT COUNT(*) FROM admin_bench.products" "SELECT COUNT(*) FROM main_bench.products"
export BENCH_FIRST_ID BENCH_PRODUCTS=$PRODUCTS
BENCH_FIRST_ID=$(db_as_user "SELECT MIN(id) FROM admin_bench.products" | tail -1)

LIKE_SUMS=("SELECT COALESCE(SUM(likes), 0) FROM admin_bench.products" "SELECT COALESCE(SUM(likes), 0) FROM main_bench.products")
# Every like taken back, once admin has counted the ones made so far.
reset_likes() {
  bench await-equal "admin counting the likes so far" 120 "${LIKE_SUMS[@]}"
  # A change by hand raises the products' version (io.microshop.event.ProductsVersion), as every writer does.
  local raise="INSERT INTO products_version (slot, changes) VALUES (0, 1) ON DUPLICATE KEY UPDATE changes = changes + 1"
  db_as_user "UPDATE main_bench.products SET likes = 0; DELETE FROM main_bench.product_likes; UPDATE admin_bench.products SET likes = 0;
    USE main_bench; $raise; USE admin_bench; $raise"
}
LIKE_LABEL="main POST /api/products/{id}/like, signed in"
# A like run from no likes, after a warm-up whose likes are taken back.
like_run() {
  bench warm "$M/api/products" bench/lua/like.lua "$LIKE_WARMUP"
  reset_likes
  [ "$PROFILE" = 0 ] || bench profile-start "$(server_pid admin-bench)" "$(server_pid main-bench)"
  bench http main like "$LIKE_LABEL" "$M/api/products" bench/lua/like.lua "$DURATION"
  if [ "$PROFILE" = 1 ]; then
    for service in admin main; do bench profile-stop "$(server_pid "$service-bench")" "$LOGS/profile-$service.collapsed"; done
    bench profile-report "$DURATION" "${DOCS:--}" "main-bench during the warm signed-in like run" "$LOGS/profile-main.collapsed" \
      "admin-bench during the same run" "$LOGS/profile-admin.collapsed"
  fi
}

if [ "$TELEMETRY_COST" = 1 ]; then
  say "The cost of telemetry: lists, likes and memory with telemetry off, sampling 10 % and 100 % of new traces"
  # 1,000 products, so that the like warm-up and run never repeat a (product, shopper) pair; the
  # lists stay the first 100.
  grow_catalogue 1000
  for setting in off 0.1 1; do
    export BENCH_TELEMETRY=$setting
    stop_consumers
    stop_bench_servers
    [ -n "${SINK_PID:-}" ] && terminate "$SINK_PID"
    java -jar "$BENCH_JAR" otlp-sink "$OTLP_SINK_PORT" >"$LOGS/bench-otlp-sink-$setting.log" 2>&1 &
    SINK_PID=$!
    wait_for_port 127.0.0.1 "$OTLP_SINK_PORT" 30 "the benchmark's OTLP receiver"
    say "Telemetry $setting: servers and consumers started afresh"
    start_and_time admin "$ADMIN_PORT" admin_bench
    start_and_time main "$MAIN_PORT" main_bench
    start_consumer main-sync main_bench "$MAIN_SYNC_HEALTH"; MAIN_SYNC_PID=$CONSUMER_PID
    start_consumer admin-likes admin_bench "$ADMIN_LIKES_HEALTH"; ADMIN_LIKES_PID=$CONSUMER_PID
    bench warm "$A/api/products?limit=100" "$WARMUP"; bench warm "$M/api/products?limit=100" "$WARMUP"
    bench http admin read "admin GET /api/products (100)" "$A/api/products?limit=100" "" "$DURATION"
    bench http main read "main GET /api/products (100)" "$M/api/products?limit=100" "" "$DURATION"
    like_run
    bench await-equal "admin counting the measured likes" 120 "${LIKE_SUMS[@]}"
    for process in admin main; do bench memory "$process" "$(server_pid "$process-bench")"; done
    bench memory main-sync "$MAIN_SYNC_PID"
    bench memory admin-likes "$ADMIN_LIKES_PID"
    sleep 2 # the exporters' last batches
    bench spans "http://localhost:$OTLP_SINK_PORT"
  done
  bench telemetry-report "$DURATION" ${DOCS:+"$DOCS"}
  exit 0
fi

say "First runs: each endpoint in the first $FIRST_RUN s after its server restarted and reported ready"
LIST_LABEL="GET /api/products ($PRODUCTS)"
GET_LABEL="GET /api/products/{id}"
for service in admin main; do
  url=$(url_of "$service")
  restart "$service"; bench http "$service" first "$service $LIST_LABEL" "$url/api/products" "" "$FIRST_RUN"
  restart "$service"; bench http "$service" first "$service $GET_LABEL" "$url/api/products/$BENCH_FIRST_ID" bench/lua/get.lua "$FIRST_RUN"
done
restart admin main
bench http main first "$LIKE_LABEL" "$M/api/products" bench/lua/like.lua "$FIRST_RUN"
reset_likes

say "Warm: warming up (${WARMUP} s per endpoint), then measuring (${DURATION} s per endpoint)"
for service in admin main; do
  url=$(url_of "$service")
  bench warm "$url/health/live" "$WARMUP"; bench warm "$url/api/products" "$WARMUP"
  bench warm "$url/api/products/$BENCH_FIRST_ID" bench/lua/get.lua "$WARMUP"
  bench http "$service" reference "$service GET /health/live" "$url/health/live" "" "$DURATION"
  bench http "$service" read "$service $LIST_LABEL" "$url/api/products" "" "$DURATION"
  bench http "$service" read "$service $GET_LABEL" "$url/api/products/$BENCH_FIRST_ID" bench/lua/get.lua "$DURATION"
done

say "Lists at 1,000 products: 900 more through admin"
grow_catalogue 1000
for service in admin main; do
  url=$(url_of "$service")
  bench warm "$url/api/products" "$WARMUP"
  bench http "$service" read "$service GET /api/products (1000)" "$url/api/products" "" "$DURATION"
done

# A like crosses both servers (main asks admin for the shopper's user, with its own token) and
# takes the JIT longest to settle. 100 shoppers x 1,000 products: 100,000 likes before a pair
# repeats. Then 16 clients one like at a time (latency, not throughput), then anonymous likes
# (admin picks one of its 100 seeded users at random, so a pair can repeat: 409).
like_run
reset_likes
BENCH_CONNECTIONS=16 bench http main latency "main POST /api/products/{id}/like, signed in, 16 clients" \
  "$M/api/products" bench/lua/like.lua "$DURATION"
reset_likes
BENCH_LIKE_AS=anonymous bench warm "$M/api/products" bench/lua/like.lua "$WARMUP"
reset_likes
BENCH_LIKE_AS=anonymous bench http main like "main POST /api/products/{id}/like, anonymous" \
  "$M/api/products" bench/lua/like.lua "$DURATION"
bench likes "SELECT COUNT(*) FROM main_bench.product_likes" "SELECT SUM(likes) FROM main_bench.products" "${LIKE_SUMS[@]}" \
  "SELECT COUNT(*) FROM admin_bench.products a JOIN main_bench.products m USING (id) WHERE a.likes <> m.likes"

say "Events: propagation latency (200 creates at 10/s), a burst of 10,000 creates, a consumer catching up"
bench latency "$A" "$M" 200 10
bench burst "$A" main_bench 10000 16

# The create benchmark with main-sync stopped: its events queue up, then a fresh main-sync drains them.
terminate "$MAIN_SYNC_PID"
bench warm "$A/api/products" bench/lua/create.lua "$WARMUP"
bench http admin create "admin POST /api/products" "$A/api/products" bench/lua/create.lua "$DURATION"
IN_MAIN=$(db_as_user "SELECT COUNT(*) FROM main_bench.products" | tail -1)
IN_ADMIN=$(db_as_user "SELECT COUNT(*) FROM admin_bench.products" | tail -1)
start_consumer main-sync main_bench "$MAIN_SYNC_HEALTH"; MAIN_SYNC_PID=$CONSUMER_PID
bench drain main_bench "$IN_MAIN" "$IN_ADMIN"

bench memory admin "$(server_pid admin-bench)"
bench memory main "$(server_pid main-bench)"
bench memory main-sync "$MAIN_SYNC_PID"
bench memory admin-likes "$ADMIN_LIKES_PID"

bench report "$DURATION" ${DOCS:+"$DOCS"}
