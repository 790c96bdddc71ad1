#!/usr/bin/env bash
# Command 2 of the README: every test. Unit tests, then integration tests against Liberty
# servers that the build starts on their own ports (18000, 18001), on real MariaDB and RabbitMQ,
# in test databases (admin_test, main_test) that are recreated here and never touch the data
# of a local run. Extra arguments go to Maven, e.g. scripts/test.sh -pl admin-war -am
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$ROOT_DIR"

ensure_machine

for server in admin-test main-test; do
  if [ -d "$WLP_DIR/usr/servers/$server" ]; then
    "$WLP_DIR/bin/server" stop "$server" >/dev/null 2>&1 || true
  fi
done

say "Recreating the test databases admin_test and main_test"
client=$(db_client)
for db in admin_test main_test; do
  "$client" -u"$DB_USER" -p"$DB_PASSWORD" -h"$DB_HOST" -P"$DB_PORT" -e \
    "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
done

say "Building and running all tests"
./mvnw -B -ntp verify "$@"
say "All tests passed"
