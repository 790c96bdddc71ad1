# The end-to-end stage of command 2: the whole shop (admin-e2e :19000, main-e2e :19001, both
# consumers, the built frontend on :19300, served by nginx with its image's configuration) on
# databases of its own and a virtual host of the tests' RabbitMQ node, traced into the local trace
# viewer (Zipkin :19411) as command 1's TRACING=on does, driven in Debian's Chromium by
# frontend/e2e (playwright-core). Sourced by scripts/test.sh, which calls stop_e2e on exit.
# shellcheck shell=bash

# Below the kernel's ephemeral ports (32768 and up), where an outgoing connection of another
# process could hold a port just as a server binds it.
E2E_ADMIN_PORT=19000
E2E_MAIN_PORT=19001
E2E_MAIN_SYNC_HEALTH_PORT=19081
E2E_ADMIN_LIKES_HEALTH_PORT=19082
E2E_FRONTEND_PORT=19300
E2E_ZIPKIN_PORT=19411
E2E_PIDS=""

E2E_NGINX_DIR="${TMPDIR:-/tmp}/microshop-e2e-nginx"

# The frontend as its image serves it in the cluster: frontend/nginx.conf, with the API routes
# a cluster without a mesh mounts (kubernetes/base/frontend/api-routes.conf). Only what differs
# on this machine is changed: the port, the files' directory, the routes' directory and the
# services' addresses.
start_frontend_nginx() { # port admin-port main-port log-file dist identity-authority [zipkin-url]
  command -v nginx >/dev/null || apt_install nginx-light || apt_install nginx \
    || fail "The end-to-end tests serve the frontend with nginx, as its image does: apt-get install nginx."
  local dir="$E2E_NGINX_DIR" conf="$ROOT_DIR/frontend/nginx.conf" routes="$ROOT_DIR/kubernetes/base/frontend/api-routes.conf"
  rm -rf "$dir"
  mkdir -p "$dir/microshop"
  grep -q '^    listen 8080;$' "$conf" && grep -q '^    root /usr/share/nginx/html;$' "$conf" \
    && grep -q '^    include /etc/nginx/microshop/\*.conf;$' "$conf" \
    || fail "frontend/nginx.conf no longer has the lines the end-to-end stage maps (listen, root, include)."
  grep -q 'proxy_pass http://admin:8000/api/;' "$routes" && grep -q 'proxy_pass http://main:8001/api/;' "$routes" \
    && grep -q 'proxy_pass http://keycloak:8080/auth/;' "$routes" \
    || fail "api-routes.conf no longer routes to admin:8000, main:8001 and keycloak:8080."
  sed -e "s|^    listen 8080;\$|    listen 127.0.0.1:$1;|" -e "s|^    root /usr/share/nginx/html;\$|    root $5;|" \
    -e "s|^    include /etc/nginx/microshop/\\*.conf;\$|    include $dir/microshop/*.conf;|" "$conf" >"$dir/default.conf"
  # The tests' provider serves at the root, not under /auth.
  sed -e "s|http://admin:8000/|http://127.0.0.1:$2/|" -e "s|http://main:8001/|http://127.0.0.1:$3/|" \
    -e "s|http://keycloak:8080/auth/|${6%/realms/*}/|" "$routes" >"$dir/microshop/api-routes.conf"
  # Where the browser signs in, as a cluster's frontend is told (kubernetes/base/frontend/identity.conf).
  printf '{"authority": "%s", "clientId": "microshop-frontend"}\n' "$6" >"$dir/identity.json"
  printf 'location = /identity.json {\n    add_header Cache-Control "no-cache";\n    alias %s/identity.json;\n}\n' "$dir" \
    >"$dir/microshop/identity.conf"
  # Traced: the browser is told to trace (kubernetes/components/tracing's telemetry.conf does the
  # same in a cluster) and reaches the viewer's span intake at /traces/.
  if [ -n "${7:-}" ]; then
    printf '{"zipkinUrl": "/traces/api/v2/spans", "sampleRatio": 1}\n' >"$dir/telemetry.json"
    printf 'location = /telemetry.json {\n    add_header Cache-Control "no-cache";\n    alias %s/telemetry.json;\n}\nlocation /traces/ {\n    proxy_pass %s/;\n}\n' \
      "$dir" "$7" >"$dir/microshop/telemetry.conf"
  fi
  cat >"$dir/nginx.conf" <<NGINX
daemon off;
user root;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log;
events {}
http {
    include /etc/nginx/mime.types;
    access_log $dir/access.log;
    client_body_temp_path $dir/body;
    proxy_temp_path $dir/proxy;
    fastcgi_temp_path $dir/fastcgi;
    uwsgi_temp_path $dir/uwsgi;
    scgi_temp_path $dir/scgi;
    include $dir/default.conf;
}
NGINX
  nginx -t -c "$dir/nginx.conf" >"$4" 2>&1 || { cat "$4" >&2; fail "nginx rejects the frontend's configuration (log: $4)."; }
  nginx -c "$dir/nginx.conf" >>"$4" 2>&1 &
  FRONTEND_PID=$!
}

ensure_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  apt_install chromium || fail "The end-to-end tests need Debian's Chromium at /usr/bin/chromium (apt-get install chromium)."
}

stop_e2e() {
  for pid in $E2E_PIDS; do kill -TERM "$pid" 2>/dev/null || true; done
  stop_zipkin "${E2E_ZIPKIN_PID:-}"
  stop_servers admin-e2e main-e2e
  E2E_PIDS=""
}

run_e2e() { # amqp-url
  ensure_chromium
  local logs="$ROOT_DIR/.run" amqp="$1"
  mkdir -p "$logs"
  say "End-to-end: the whole shop in Chromium"
  fresh_databases e2e_test
  local zipkin="http://localhost:$E2E_ZIPKIN_PORT"
  start_zipkin "$ROOT_DIR/target/tracing" "$E2E_ZIPKIN_PORT" "$logs/e2e-zipkin.log"
  E2E_ZIPKIN_PID=$ZIPKIN_PID
  copy_server admin admin-e2e "$E2E_ADMIN_PORT" admin_e2e_test "http://localhost:$E2E_ADMIN_PORT" "$amqp"
  copy_server main main-e2e "$E2E_MAIN_PORT" main_e2e_test "http://localhost:$E2E_ADMIN_PORT" "$amqp"
  identity_server_env "$IT_IDENTITY_URL" "$IT_IDENTITY_MAIN_SECRET" >>"$WLP_DIR/usr/servers/admin-e2e/server.env"
  identity_server_env "$IT_IDENTITY_URL" "$IT_IDENTITY_MAIN_SECRET" >>"$WLP_DIR/usr/servers/main-e2e/server.env"
  tracing_env "$zipkin" >>"$WLP_DIR/usr/servers/admin-e2e/server.env"
  tracing_env "$zipkin" >>"$WLP_DIR/usr/servers/main-e2e/server.env"
  "$WLP_DIR/bin/server" start admin-e2e >/dev/null
  "$WLP_DIR/bin/server" start main-e2e >/dev/null
  local traced
  traced="$(tracing_env "$zipkin")"
  CONSUMER_ENV="$traced" AMQP_URL="$amqp" DB_NAME=main_e2e_test HEALTH_PORT=$E2E_MAIN_SYNC_HEALTH_PORT \
    start_consumer_process main-sync "$logs/e2e-main-sync.log"
  local main_sync=$CONSUMER_PID
  CONSUMER_ENV="$traced" AMQP_URL="$amqp" DB_NAME=admin_e2e_test HEALTH_PORT=$E2E_ADMIN_LIKES_HEALTH_PORT \
    start_consumer_process admin-likes "$logs/e2e-admin-likes.log"
  local admin_likes=$CONSUMER_PID
  E2E_PIDS="$main_sync $admin_likes"
  start_frontend_nginx "$E2E_FRONTEND_PORT" "$E2E_ADMIN_PORT" "$E2E_MAIN_PORT" "$logs/e2e-frontend.log" "$ROOT_DIR/frontend/dist" \
    "$IT_IDENTITY_URL/realms/$REALM" "$zipkin"
  E2E_PIDS+=" $FRONTEND_PID"
  await_http "http://localhost:$E2E_ADMIN_PORT/health/ready" 120 "admin-e2e" "$WLP_DIR/usr/servers/admin-e2e/logs/messages.log"
  await_http "http://localhost:$E2E_MAIN_PORT/health/ready" 120 "main-e2e" "$WLP_DIR/usr/servers/main-e2e/logs/messages.log"
  await_http "http://localhost:$E2E_MAIN_SYNC_HEALTH_PORT/health/ready" 60 "main-sync" "$logs/e2e-main-sync.log" "$main_sync"
  await_http "http://localhost:$E2E_ADMIN_LIKES_HEALTH_PORT/health/ready" 60 "admin-likes" "$logs/e2e-admin-likes.log" "$admin_likes"
  await_http "http://localhost:$E2E_FRONTEND_PORT/" 60 "the frontend" "$logs/e2e-frontend.log" "$FRONTEND_PID"
  # The realm's own users (kubernetes/base/identity), with this run's passwords: the browser signs
  # in through the provider's login page.
  (cd "$ROOT_DIR/frontend" && E2E_BASE_URL="http://localhost:$E2E_FRONTEND_PORT" E2E_SCREENSHOTS="${E2E_SCREENSHOTS:-}" \
    E2E_ZIPKIN_URL="$zipkin" \
    E2E_ADMIN_PASSWORD="$(identity_secret "$TEST_IDENTITY_SECRETS" MICROSHOP_ADMIN_PASSWORD)" \
    E2E_SHOPPER_PASSWORD="$(identity_secret "$TEST_IDENTITY_SECRETS" MICROSHOP_SHOPPER_PASSWORD)" \
    node --test e2e/shop.e2e.mjs) || fail "The end-to-end tests failed (logs: .run/e2e-*.log)."
  stop_e2e
}
