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
}

# The services, migrations and consumers on this machine with the environment the manifests give
# them (kubernetes/tests/app.test.mjs), on empty databases of their own and a virtual host of the
# tests' RabbitMQ node. After the build: it needs the WARs, the runtime and the consumer jar.
K8S_SERVERS="admin-k8s main-k8s"

stop_kubernetes_app() {
  local server
  for server in $K8S_SERVERS; do
    [ -d "$WLP_DIR/usr/servers/$server" ] && "$WLP_DIR/bin/server" stop "$server" >/dev/null 2>&1 || true
  done
}

run_kubernetes_app() { # amqp-url
  stop_kubernetes_app
  recreate_database admin_k8s_test
  recreate_database main_k8s_test
  K8S_TEST_AMQP_URL="$1" DB_USER="$DB_USER" DB_PASSWORD="$DB_PASSWORD" node --test "$ROOT_DIR/kubernetes/tests/app.test.mjs" \
    || fail "The shop did not run as the manifests configure it (logs: $WLP_DIR/usr/servers/*-k8s/logs, .run/k8s-*.log)."
  stop_kubernetes_app
}
