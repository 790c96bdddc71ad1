#!/usr/bin/env bash
# Command 2 of the README: every test. Unit tests, then integration tests against Liberty
# servers that the build starts on their own ports (18000, 18001) and consumer processes that the
# tests start, on real MariaDB and RabbitMQ, in test databases (admin_test, main_test) and a
# RabbitMQ virtual host (microshop-test) that are recreated here and never touch a local run. Extra arguments go to Maven, e.g. scripts/test.sh -pl admin-war -am
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/e2e.sh"
cd "$ROOT_DIR"

ensure_machine

for server in admin-test main-test; do
  if [ -d "$WLP_DIR/usr/servers/$server" ]; then
    "$WLP_DIR/bin/server" stop "$server" >/dev/null 2>&1 || true
  fi
done

say "Recreating the test databases admin_test and main_test and the RabbitMQ virtual host microshop-test"
recreate_database admin_test
recreate_database main_test
recreate_vhost microshop-test

say "Frontend: type check, build and component tests"
require_node
frontend_install
(cd frontend && npm run build --silent && npm test --silent) || fail "The frontend's build or tests failed."

say "Building and running all tests"
./mvnw -B -ntp verify "$@"

run_e2e
say "All tests passed"
