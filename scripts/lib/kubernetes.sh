# The offline checks of the cluster's manifests (command 2): kubectl's kustomize renders every
# overlay and component; kubernetes/checker validates what it renders as an API server would.

# kubectl 1.27 or newer: older ones (Debian's kubernetes-client is 1.20) reject `components:`.
require_kubectl() {
  command -v kubectl >/dev/null \
    || fail "The Kubernetes checks need kubectl 1.27 or newer, with its built-in kustomize (https://kubernetes.io/docs/tasks/tools/)."
  local version
  version=$(kubectl version --client -o json 2>/dev/null | sed -n 's/.*"gitVersion": *"v\([0-9][0-9]*\.[0-9][0-9]*\).*/\1/p' | head -1)
  [ -n "$version" ] || fail "Cannot tell which kubectl $(command -v kubectl) is; the Kubernetes checks need 1.27 or newer."
  local major=${version%%.*} minor=${version#*.}
  if [ "$major" -lt 1 ] || { [ "$major" -eq 1 ] && [ "$minor" -lt 27 ]; }; then
    fail "kubectl $(command -v kubectl) is $version; the Kubernetes checks need 1.27 or newer (kustomize components)."
  fi
}

check_kubernetes() {
  require_kubectl
  require_node
  npm_install kubernetes/checker
  (cd "$ROOT_DIR/kubernetes/checker" && npm test --silent) || fail "The manifest checker's own tests failed."
  node --test "$ROOT_DIR/kubernetes/tests/manifests.test.mjs" || fail "The Kubernetes manifests failed their checks."
  node --test "$ROOT_DIR/istio/tests/" || fail "The Istio configuration failed its checks."
}

# The services, migrations and consumers on this machine with the environment the manifests give
# them (kubernetes/tests/app.test.mjs), on empty databases of their own and a virtual host of the
# tests' RabbitMQ node. After the build: it needs the WARs, the runtime and the consumer jar.
K8S_SERVERS="admin-k8s main-k8s"

stop_kubernetes_app() {
  # shellcheck disable=SC2086 # a list of names
  stop_servers $K8S_SERVERS
  stop_keycloak_home "$ROOT_DIR/target/identity/keycloak-k8s"
}

# The identity provider as the cluster's image has it: the same distribution, built with the
# Containerfile's build-time options (its ENV line), in a home of its own.
K8S_KEYCLOAK_HOME="$ROOT_DIR/target/identity/keycloak-k8s"
build_keycloak_as_image() {
  local options
  options="$(sed -n 's/^ENV //p' "$ROOT_DIR/kubernetes/base/identity/Containerfile")"
  [ -n "$options" ] || fail "kubernetes/base/identity/Containerfile has no ENV line of build options."
  stop_keycloak_home "$K8S_KEYCLOAK_HOME"
  install_keycloak "$K8S_KEYCLOAK_HOME"
  # shellcheck disable=SC2086 # the options are words
  env $options JAVA_HOME="$(keycloak_java_home)" "$K8S_KEYCLOAK_HOME/bin/kc.sh" build >"$ROOT_DIR/.run/k8s-keycloak-build.log" 2>&1 \
    || { tail -20 "$ROOT_DIR/.run/k8s-keycloak-build.log"; fail "Keycloak's build with the image's options failed."; }
}

run_kubernetes_app() { # amqp-url
  stop_kubernetes_app
  recreate_database admin_k8s_test
  recreate_database main_k8s_test
  recreate_database keycloak_k8s_test
  mkdir -p "$ROOT_DIR/.run"
  build_keycloak_as_image
  K8S_TEST_AMQP_URL="$1" DB_USER="$DB_USER" DB_PASSWORD="$DB_PASSWORD" K8S_TEST_KEYCLOAK_HOME="$K8S_KEYCLOAK_HOME" \
    K8S_TEST_KEYCLOAK_JAVA_HOME="$(keycloak_java_home)" node --test "$ROOT_DIR/kubernetes/tests/app.test.mjs" \
    || fail "The shop did not run as the manifests configure it (logs: $WLP_DIR/usr/servers/*-k8s/logs, .run/k8s-*.log)."
  stop_kubernetes_app
}

# What the rabbitmq-cluster component promises, shown on this machine: three RabbitMQ nodes
# clustered on local ports, the shop on them, and the node leading the queues killed in the
# middle of a burst (kubernetes/tests/rabbitmq-cluster.test.mjs). Distribution ports are the
# AMQP port + 1; all below the kernel's ephemeral range.
CLUSTER_NODES=(microshop-cluster-1@localhost microshop-cluster-2@localhost microshop-cluster-3@localhost)
CLUSTER_PORTS=(16674 16676 16678)
CLUSTER_DIR="${TMPDIR:-/tmp}/microshop-cluster-rabbitmq"
CLUSTER_VHOST=microshop-cluster
CLUSTER_SERVERS="admin-cluster main-cluster"

start_rabbitmq_cluster() {
  local i
  stop_rabbitmq_cluster
  for i in 0 1 2; do
    start_rabbitmq_node "${CLUSTER_NODES[$i]}" "${CLUSTER_PORTS[$i]}" $((CLUSTER_PORTS[i] + 1)) "$CLUSTER_DIR/$((i + 1))"
  done
  for i in 1 2; do
    rabbitmqctl -n "${CLUSTER_NODES[$i]}" -q stop_app >/dev/null
    rabbitmqctl -n "${CLUSTER_NODES[$i]}" -q join_cluster "${CLUSTER_NODES[0]}" >/dev/null \
      || fail "${CLUSTER_NODES[$i]} could not join ${CLUSTER_NODES[0]} (logs: $CLUSTER_DIR/*/log)"
    rabbitmqctl -n "${CLUSTER_NODES[$i]}" -q start_app >/dev/null
  done
  recreate_vhost "$CLUSTER_VHOST" "${CLUSTER_NODES[0]}"
}

stop_rabbitmq_cluster() {
  local i
  for i in 2 1 0; do
    stop_rabbitmq_node "${CLUSTER_NODES[$i]}" "$CLUSTER_DIR/$((i + 1))"
  done
}

stop_cluster_servers() {
  # shellcheck disable=SC2086 # a list of names
  stop_servers $CLUSTER_SERVERS
}

run_rabbitmq_cluster_test() {
  stop_cluster_servers
  recreate_database admin_cluster_test
  recreate_database main_cluster_test
  start_rabbitmq_cluster
  local i hosts="" nodes="" dirs=""
  for i in 0 1 2; do
    hosts+="${hosts:+,}127.0.0.1:${CLUSTER_PORTS[$i]}"
    nodes+="${nodes:+,}${CLUSTER_NODES[$i]}"
    dirs+="${dirs:+,}$CLUSTER_DIR/$((i + 1))"
  done
  CLUSTER_AMQP_URL="amqp://$AMQP_USER:$AMQP_PASSWORD@$hosts/$CLUSTER_VHOST" CLUSTER_NODES="$nodes" CLUSTER_NODE_DIRS="$dirs" \
    CLUSTER_VHOST="$CLUSTER_VHOST" DB_USER="$DB_USER" DB_PASSWORD="$DB_PASSWORD" \
    node --test "$ROOT_DIR/kubernetes/tests/rabbitmq-cluster.test.mjs" \
    || fail "The shop did not survive the loss of a RabbitMQ cluster node (logs: $WLP_DIR/usr/servers/*-cluster/logs, .run/cluster-*.log, $CLUSTER_DIR/*/log)."
  stop_cluster_servers
  stop_rabbitmq_cluster
}
