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
  node --test "$ROOT_DIR/kubernetes/tests/" || fail "The Kubernetes manifests failed their checks."
}
