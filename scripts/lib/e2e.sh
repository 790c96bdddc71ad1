# The end-to-end stage of command 2: the whole shop (admin-e2e :38000, main-e2e :38001, both
# consumers, the built frontend on :33000) on databases and a virtual host of its own, driven
# in Debian's Chromium by frontend/e2e (playwright-core). Sourced by scripts/test.sh.
# shellcheck shell=bash

E2E_ADMIN_PORT=38000
E2E_MAIN_PORT=38001
E2E_FRONTEND_PORT=33000
E2E_PIDS=""

ensure_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  apt_install chromium || fail "The end-to-end tests need Debian's Chromium at /usr/bin/chromium (apt-get install chromium)."
}

stop_e2e() {
  for pid in $E2E_PIDS; do kill -TERM "$pid" 2>/dev/null || true; done
  for server in admin-e2e main-e2e; do
    [ -d "$WLP_DIR/usr/servers/$server" ] && "$WLP_DIR/bin/server" stop "$server" >/dev/null 2>&1 || true
  done
  E2E_PIDS=""
}

run_e2e() {
  ensure_chromium
  local logs="$ROOT_DIR/.run" amqp
  mkdir -p "$logs"
  trap stop_e2e EXIT
  say "End-to-end: the whole shop in Chromium"
  fresh_shop_data e2e_test microshop-e2e
  amqp=$SHOP_AMQP_URL
  copy_server admin admin-e2e "$E2E_ADMIN_PORT" admin_e2e_test "http://localhost:$E2E_ADMIN_PORT" "$amqp"
  copy_server main main-e2e "$E2E_MAIN_PORT" main_e2e_test "http://localhost:$E2E_ADMIN_PORT" "$amqp"
  "$WLP_DIR/bin/server" start admin-e2e >/dev/null
  "$WLP_DIR/bin/server" start main-e2e >/dev/null
  AMQP_URL="$amqp" DB_NAME=main_e2e_test HEALTH_PORT=38081 start_consumer_process main-sync "$logs/e2e-main-sync.log"
  E2E_PIDS+=" $CONSUMER_PID"
  AMQP_URL="$amqp" DB_NAME=admin_e2e_test HEALTH_PORT=38082 start_consumer_process admin-likes "$logs/e2e-admin-likes.log"
  E2E_PIDS+=" $CONSUMER_PID"
  start_frontend_preview "$E2E_FRONTEND_PORT" "http://localhost:$E2E_ADMIN_PORT" "http://localhost:$E2E_MAIN_PORT" \
    "$logs/e2e-frontend.log"
  E2E_PIDS+=" $FRONTEND_PID"
  await_http "http://localhost:$E2E_ADMIN_PORT/health/ready" 120 "admin-e2e"
  await_http "http://localhost:$E2E_MAIN_PORT/health/ready" 120 "main-e2e"
  await_http "http://localhost:38081/health/ready" 60 "main-sync"
  await_http "http://localhost:38082/health/ready" 60 "admin-likes"
  await_http "http://localhost:$E2E_FRONTEND_PORT/" 60 "the frontend"
  (cd "$ROOT_DIR/frontend" && E2E_BASE_URL="http://localhost:$E2E_FRONTEND_PORT" E2E_SCREENSHOTS="${E2E_SCREENSHOTS:-}" \
    node --test e2e/shop.e2e.mjs) || fail "The end-to-end tests failed (logs: .run/e2e-*.log)."
  stop_e2e
  trap - EXIT
}
