#!/usr/bin/env bash
# Command 1 of the README: the whole shop, locally. Makes sure MariaDB and RabbitMQ run, creates
# the databases and their user, builds, migrates, starts the identity provider (Keycloak, :8180),
# admin (:8000) and main (:8001) and the consumers main-sync (health :8081) and admin-likes
# (health :8082), prints where everything is and how to sign in, and stops it all on Ctrl-C.
# Data lives in the databases admin and main, in RabbitMQ's durable queues (default virtual host)
# and in .run/identity (the provider's users, and the passwords generated at its first start), so
# it survives a restart.
# TRACING=on also starts a trace viewer (Zipkin, :9411, spans in memory) and traces every request
# of every process, the browser's included, into it.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/identity.sh"
source "$(dirname "$0")/lib/tracing.sh"
cd "$ROOT_DIR"

ADMIN_PORT="${ADMIN_PORT:-8000}"
MAIN_PORT="${MAIN_PORT:-8001}"
MAIN_SYNC_HEALTH_PORT="${MAIN_SYNC_HEALTH_PORT:-8081}"
ADMIN_LIKES_HEALTH_PORT="${ADMIN_LIKES_HEALTH_PORT:-8082}"
FRONTEND_PORT="${FRONTEND_PORT:-3000}"
IDENTITY_PORT=8180
TRACING="${TRACING:-off}"
ZIPKIN_PORT=9411
case "$TRACING" in
  on) TRACED_PORTS="$ZIPKIN_PORT" ;;
  off) TRACED_PORTS="" ;;
  *) fail "TRACING is on or off, not '$TRACING'." ;;
esac
export AMQP_URL="${AMQP_URL:-$(amqp_url /)}"
LOG_DIR="$ROOT_DIR/.run"
mkdir -p "$LOG_DIR"

ensure_machine
require_node

for port in "$ADMIN_PORT" "$MAIN_PORT" "$MAIN_SYNC_HEALTH_PORT" "$ADMIN_LIKES_HEALTH_PORT" "$FRONTEND_PORT" "$IDENTITY_PORT" $TRACED_PORTS; do
  if port_open 127.0.0.1 "$port"; then
    fail "Port $port is in use (another run of this script, or \`mvn liberty:dev\`?). Stop it, or set ADMIN_PORT/MAIN_PORT/MAIN_SYNC_HEALTH_PORT/ADMIN_LIKES_HEALTH_PORT/FRONTEND_PORT."
  fi
done

say "Building (log: .run/build.log)"
./mvnw -B -ntp -DskipTests -DskipLocalServers=false install >"$LOG_DIR/build.log" 2>&1 \
  || { tail -40 "$LOG_DIR/build.log"; fail "The build failed."; }

say "Building the frontend"
frontend_install
(cd frontend && npm run build --silent >>"$LOG_DIR/build.log" 2>&1) || { tail -20 "$LOG_DIR/build.log"; fail "The frontend build failed."; }

# This run works from copies of what it built, so that a build or a test run (command 2) in the
# same checkout meanwhile rewrites nothing this run is using.
RUN_JAR="$LOG_DIR/microshop-consumer.jar"
RUN_FRONTEND="$LOG_DIR/frontend"
cp "$CONSUMER_JAR" "$RUN_JAR"
rm -rf "$RUN_FRONTEND"
cp -r frontend/dist "$RUN_FRONTEND"

say "Migrating the databases"
java -jar "$RUN_JAR" migrate admin
java -jar "$RUN_JAR" migrate main

stop_all() {
  trap - INT TERM EXIT
  say "Stopping"
  [ -n "${TAIL_PID:-}" ] && kill "$TAIL_PID" 2>/dev/null || true
  [ -n "${FRONTEND_PID:-}" ] && kill "$FRONTEND_PID" 2>/dev/null || true
  stop_keycloak "${KEYCLOAK_PID:-}"
  stop_zipkin "${ZIPKIN_PID:-}"
  # SIGTERM: each consumer finishes the batch in hand, then closes.
  for pid in ${CONSUMER_PIDS:-}; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in ${CONSUMER_PIDS:-}; do wait "$pid" 2>/dev/null || true; done
  stop_servers main admin
  say "Stopped"
}
trap stop_all INT TERM EXIT

IDENTITY_DIR="$LOG_DIR/identity"
IDENTITY_SECRETS="$IDENTITY_DIR/secrets.env"
say "Starting the identity provider (Keycloak $KEYCLOAK_VERSION on :$IDENTITY_PORT, log: .run/identity/keycloak.log)"
ensure_identity_secrets "$IDENTITY_SECRETS"
start_keycloak "$IDENTITY_DIR/keycloak" "$IDENTITY_PORT" "$IDENTITY_SECRETS" "http://localhost:$FRONTEND_PORT" "$IDENTITY_DIR/keycloak.log"

if [ "$TRACING" = on ]; then
  say "Starting the trace viewer (Zipkin $ZIPKIN_VERSION on :$ZIPKIN_PORT, log: .run/tracing/zipkin.log)"
  start_zipkin "$LOG_DIR/tracing" "$ZIPKIN_PORT" "$LOG_DIR/tracing/zipkin.log"
  # Inherited by the servers, the consumers and the frontend's server (which tells the browser).
  while IFS= read -r variable; do export "${variable?}"; done < <(tracing_env "http://localhost:$ZIPKIN_PORT")
  export ZIPKIN_URL="http://localhost:$ZIPKIN_PORT"
fi

say "Starting admin and main"
rm -f "$WLP_DIR"/usr/servers/{admin,main}/logs/messages.log
HTTP_PORT="$ADMIN_PORT" "$WLP_DIR/bin/server" start admin >/dev/null
HTTP_PORT="$MAIN_PORT" ADMIN_URL="${ADMIN_URL:-http://localhost:$ADMIN_PORT}" \
  IDENTITY_CLIENT_SECRET="$(identity_secret "$IDENTITY_SECRETS" MICROSHOP_MAIN_CLIENT_SECRET)" "$WLP_DIR/bin/server" start main >/dev/null

await_http "http://localhost:$ADMIN_PORT/health/ready" 120 "admin" "$WLP_DIR/usr/servers/admin/logs/messages.log"
await_http "http://localhost:$MAIN_PORT/health/ready" 120 "main" "$WLP_DIR/usr/servers/main/logs/messages.log"

say "Starting the consumers main-sync and admin-likes (logs: .run/main-sync.log, .run/admin-likes.log)"
CONSUMER_PIDS=""
: >"$LOG_DIR/main-sync.log"
: >"$LOG_DIR/admin-likes.log"
DB_NAME=main HEALTH_PORT="$MAIN_SYNC_HEALTH_PORT" start_consumer_process main-sync "$LOG_DIR/main-sync.log" "$RUN_JAR"
MAIN_SYNC_PID=$CONSUMER_PID
DB_NAME=admin HEALTH_PORT="$ADMIN_LIKES_HEALTH_PORT" start_consumer_process admin-likes "$LOG_DIR/admin-likes.log" "$RUN_JAR"
ADMIN_LIKES_PID=$CONSUMER_PID
CONSUMER_PIDS="$MAIN_SYNC_PID $ADMIN_LIKES_PID"
await_http "http://localhost:$MAIN_SYNC_HEALTH_PORT/health/ready" 60 "The consumer main-sync" "$LOG_DIR/main-sync.log" "$MAIN_SYNC_PID"
await_http "http://localhost:$ADMIN_LIKES_HEALTH_PORT/health/ready" 60 "The consumer admin-likes" "$LOG_DIR/admin-likes.log" "$ADMIN_LIKES_PID"

say "Serving the frontend on :$FRONTEND_PORT (log: .run/frontend.log)"
start_frontend_preview "$FRONTEND_PORT" "http://localhost:$ADMIN_PORT" "http://localhost:$MAIN_PORT" "$LOG_DIR/frontend.log" "$RUN_FRONTEND"
await_http "http://localhost:$FRONTEND_PORT/" 60 "The frontend" "$LOG_DIR/frontend.log" "$FRONTEND_PID"

cat <<INFO

  microshop is running.

  shop    http://localhost:$FRONTEND_PORT/   (admin dashboard: http://localhost:$FRONTEND_PORT/admin/products)

  admin   http://localhost:$ADMIN_PORT/api/products      OpenAPI UI  http://localhost:$ADMIN_PORT/openapi/ui/
  main    http://localhost:$MAIN_PORT/api/products      OpenAPI UI  http://localhost:$MAIN_PORT/openapi/ui/
  health  http://localhost:$ADMIN_PORT/health  http://localhost:$MAIN_PORT/health  (/started /live /ready)
  consumers  main-sync http://localhost:$MAIN_SYNC_HEALTH_PORT/health   admin-likes http://localhost:$ADMIN_LIKES_HEALTH_PORT/health
  metrics http://localhost:$ADMIN_PORT/metrics  http://localhost:$MAIN_PORT/metrics  http://localhost:$MAIN_SYNC_HEALTH_PORT/metrics  http://localhost:$ADMIN_LIKES_HEALTH_PORT/metrics
  $(if [ "$TRACING" = on ]; then echo "traces  http://localhost:$ZIPKIN_PORT/zipkin/   (every request of every process, the browser's too)"; else echo "traces  off (TRACING=on scripts/run.sh also starts a trace viewer)"; fi)

  Sign in (at the shop, "Sign in"), users of the realm kubernetes/base/identity/microshop-realm.json:
    administrator  admin    / $(identity_secret "$IDENTITY_SECRETS" MICROSHOP_ADMIN_PASSWORD)   (roles catalog-admin, shopper)
    shopper        shopper  / $(identity_secret "$IDENTITY_SECRETS" MICROSHOP_SHOPPER_PASSWORD)   (role shopper; anyone may sign up as one)
  Keycloak's console http://localhost:$IDENTITY_PORT/admin/  as keycloak / $(identity_secret "$IDENTITY_SECRETS" KC_BOOTSTRAP_ADMIN_PASSWORD)
  (generated at the first start, kept in .run/identity/secrets.env)

  Databases: admin and main on $DB_HOST:$DB_PORT (user $DB_USER). RabbitMQ: $RABBITMQ_HOST:$RABBITMQ_PORT.
  Logs follow; Ctrl-C stops everything.

INFO

tail -n +1 -F "$WLP_DIR/usr/servers/admin/logs/messages.log" "$WLP_DIR/usr/servers/main/logs/messages.log" \
  "$LOG_DIR/main-sync.log" "$LOG_DIR/admin-likes.log" 2>/dev/null &
TAIL_PID=$!
wait "$TAIL_PID"
