#!/usr/bin/env bash
# The benchmark against a shop that is already running, as a user finds it: command 1's
# (admin http://localhost:8000, main http://localhost:8001) unless two other URLs are given, with
# its data however large it has grown and its servers however long they have run. Reads only:
# /health/live, the product list (its first page, up to 1,000 products) and gets of its products,
# each measured in the first 20 s of this load and again warm, then the servers' resident memory
# where their processes are on this machine. It writes nothing: a create adds a product to the
# shop and a like is a shopper's for good, so creates, likes and events are measured on the
# benchmark's own shop (bench/run.sh). The figures go into docs/benchmarks.md's "bench:shop" block.
#
#   bench/shop.sh [--no-build] [--no-docs] [--duration SECONDS] [ADMIN_URL MAIN_URL]
set -euo pipefail
source "$(dirname "$0")/../scripts/lib/common.sh"
cd "$ROOT_DIR"

DURATION=15
WARMUP=10
FIRST_RUN=20
BUILD=1
DOCS="$ROOT_DIR/docs/benchmarks.md"
URLS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --no-docs) DOCS="" ;;
    --duration) DURATION="$2"; shift ;;
    -*) fail "unknown option $1" ;;
    *) URLS+=("${1%/}") ;;
  esac
  shift
done
case "${#URLS[@]}" in
  0) URLS=(http://localhost:8000 http://localhost:8001) ;;
  2) ;;
  *) fail "give both URLs, admin's and main's, or neither (command 1's)" ;;
esac

LOGS="$ROOT_DIR/.run"
BENCH_JAR="$ROOT_DIR/bench/target/microshop-bench.jar"
mkdir -p "$LOGS"
export BENCH_RESULTS="$LOGS/bench-results-shop.jsonl" BENCH_THREADS=2 BENCH_CONNECTIONS=32
rm -f "$BENCH_RESULTS"

command -v wrk >/dev/null || apt_install wrk || fail "wrk is needed (apt-get install wrk)."
for url in "${URLS[@]}"; do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health/ready")" = 200 ] \
    || fail "$url/health/ready does not answer 200: start the shop first (./scripts/run.sh), or give its URLs."
done
if [ "$BUILD" = 1 ]; then
  say "Building the benchmark"
  ./mvnw -q -B -ntp -DskipTests install -pl bench -am
fi
bench() { java -jar "$BENCH_JAR" "$@"; }

# The process listening on a URL's port, if the URL is this machine's.
local_pid() { # url
  local rest host port
  rest="${1#*://}"; host="${rest%%[:/]*}"; port="${rest#"$host"}"; port="${port#:}"; port="${port%%/*}"
  case "$host" in localhost | 127.0.0.1) ;; *) return 0 ;; esac
  ss -Hltnp "sport = :${port:-80}" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2
}

SERVICES=(admin main)
declare -A COUNT
for i in 0 1; do
  service=${SERVICES[$i]}
  COUNT[$service]=$(bench catalogue "$service" "${URLS[$i]}" "$LOGS/shop-$service-ids" | grep -o 'products=[0-9]*' | cut -d= -f2)
done
say "The shop as found: admin at ${URLS[0]} (${COUNT[admin]} products), main at ${URLS[1]} (${COUNT[main]} products)"

# Each endpoint: the first 20 s of this load, then warm. A catalogue without products has no get to measure.
list_label() { echo "$1 GET /api/products ($(( COUNT[$1] < 1000 ? COUNT[$1] : 1000 )))"; }
for i in 0 1; do
  service=${SERVICES[$i]}; url=${URLS[$i]}
  say "$service: the first $FIRST_RUN s of the load, then warm (${WARMUP} s warm-up, ${DURATION} s measured)"
  bench http "$service" first "$(list_label "$service")" "$url/api/products" "" "$FIRST_RUN"
  if [ "${COUNT[$service]}" -gt 0 ]; then
    BENCH_PRODUCT_IDS="$LOGS/shop-$service-ids" bench http "$service" first "$service GET /api/products/{id}" \
      "$url/api/products" bench/lua/get.lua "$FIRST_RUN"
  fi
  bench warm "$url/health/live" "$WARMUP"; bench warm "$url/api/products" "$WARMUP"
  bench http "$service" reference "$service GET /health/live" "$url/health/live" "" "$DURATION"
  bench http "$service" read "$(list_label "$service")" "$url/api/products" "" "$DURATION"
  if [ "${COUNT[$service]}" -gt 0 ]; then
    BENCH_PRODUCT_IDS="$LOGS/shop-$service-ids" bench http "$service" read "$service GET /api/products/{id}" \
      "$url/api/products" bench/lua/get.lua "$DURATION"
  fi
done

for i in 0 1; do
  pid=$(local_pid "${URLS[$i]}")
  if [ -n "$pid" ]; then bench memory "${SERVICES[$i]}" "$pid"; fi
done
bench shop-report "$DURATION" "${URLS[@]}" ${DOCS:+"$DOCS"}
