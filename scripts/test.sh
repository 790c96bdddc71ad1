#!/usr/bin/env bash
# Command 2 of the README: every test. The frontend's checks and component tests; Java unit
# tests; integration tests against Liberty servers that the build starts on ports of their own
# (18000, 18001), consumer processes the tests start, the real MariaDB (databases admin_test,
# main_test and the consumers' and outbox's own *_test databases, recreated), a RabbitMQ node
# of the tests' own (microshop-test@localhost on :16672, started fresh here and stopped at the
# end) and an identity provider of the tests' own (Keycloak on :18180, the shop's realm in memory,
# seeded with test users; stopped at the end); the Kubernetes manifests, rendered and checked
# offline, the shop (and Keycloak as its image) run with their settings and on a three-node
# RabbitMQ cluster of local nodes; then the end-to-end test in Chromium, signing in on
# Keycloak's login page.
# Nothing of a local run (command 1) is touched: not its databases, its broker, its servers, nor
# the files it runs from.
# Extra arguments go to Maven, e.g. scripts/test.sh -pl admin-war -am
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/e2e.sh"
source "$(dirname "$0")/lib/kubernetes.sh"
source "$(dirname "$0")/lib/identity.sh"
source "$(dirname "$0")/lib/tracing.sh"
cd "$ROOT_DIR"

# The tests' own identity provider: Keycloak on :18180 with the shop's realm in memory (fresh each
# run), new passwords each run, and the test users of seed_test_identities.
TEST_IDENTITY_PORT=18180
TEST_IDENTITY_DIR="$ROOT_DIR/target/identity"
TEST_IDENTITY_SECRETS="$TEST_IDENTITY_DIR/secrets.env"

ensure_database

stop_servers admin-test main-test admin-k8s main-k8s admin-cluster main-cluster

cleanup() {
  stop_keycloak "${KEYCLOAK_PID:-}"
  stop_e2e
  stop_kubernetes_app
  stop_cluster_servers
  stop_rabbitmq_cluster
  stop_test_broker
}
trap cleanup EXIT

say "Recreating the test databases admin_test and main_test"
recreate_database admin_test
recreate_database main_test

say "Starting the tests' own RabbitMQ node ($TEST_RABBITMQ_NODE on :$TEST_RABBITMQ_PORT)"
start_test_broker microshop-test microshop-e2e microshop-k8s

say "Starting the tests' own identity provider (Keycloak $KEYCLOAK_VERSION on :$TEST_IDENTITY_PORT, log: target/identity/keycloak.log)"
start_test_keycloak "$TEST_IDENTITY_DIR" "$TEST_IDENTITY_PORT" "http://localhost:$E2E_FRONTEND_PORT"
IT_IDENTITY_PASSWORD="$TEST_USERS_PASSWORD"
IT_IDENTITY_MAIN_SECRET="$(identity_secret "$TEST_IDENTITY_SECRETS" MICROSHOP_MAIN_CLIENT_SECRET)"
export IT_IDENTITY_PASSWORD IT_IDENTITY_MAIN_SECRET IT_IDENTITY_URL="http://localhost:$TEST_IDENTITY_PORT"

say "Frontend: type check, build and component tests"
require_node
frontend_install
(cd frontend && npm run build --silent && npm test --silent) || fail "The frontend's build or tests failed."

say "Kubernetes manifests: every overlay and component rendered and checked (no cluster needed)"
check_kubernetes

say "Building and running all tests"
./mvnw -B -ntp verify "$@"

# The stages below run the whole shop: they need every module built, so a partial run
# (Maven arguments such as -pl) stops here.
if [ $# -gt 0 ]; then
  say "Tests of '$*' passed (the whole-shop stages run without Maven arguments)"
  exit 0
fi

say "Kubernetes: admin, main, the migrations and the consumers run with the manifests' settings"
run_kubernetes_app "$(test_amqp_url microshop-k8s)"

say "Kubernetes: the shop on a three-node RabbitMQ cluster that loses its queues' leader mid-burst"
run_rabbitmq_cluster_test

run_e2e "$(test_amqp_url microshop-e2e)"
say "All tests passed"
