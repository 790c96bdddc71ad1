#!/usr/bin/env bash
# Creates the cluster's passwords, once: random ones, into
# kubernetes/secrets/generated-by-scripts-make-secrets.sh/ (git-ignored), which every overlay's
# secretGenerator reads. Existing files are kept (a database keeps the password it was created
# with); --force replaces them, for a cluster whose volumes are new.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
DIR="$ROOT_DIR/kubernetes/secrets/generated-by-scripts-make-secrets.sh"

force=false
case "${1:-}" in
  --force) force=true ;;
  "") ;;
  *) echo "usage: $0 [--force]" >&2; exit 2 ;;
esac

write() {
  local file="$DIR/$1"; shift
  if [ -e "$file" ] && [ "$force" = false ]; then
    echo "kept    $file"
    return
  fi
  (umask 077; printf '%s\n' "$@" >"$file")
  echo "created $file"
}

mkdir -p "$DIR"
chmod 700 "$DIR"
write admin-db.env "password=$(random_secret)" "root-password=$(random_secret)"
write main-db.env "password=$(random_secret)" "root-password=$(random_secret)"
write identity-db.env "password=$(random_secret)" "root-password=$(random_secret)"
write rabbitmq.env "password=$(random_secret)" "erlang-cookie=$(random_secret)"
# main's client secret at the identity provider, the realm's first users' passwords and the
# provider's bootstrap administrator (kubernetes/base/identity/microshop-realm.json).
write identity.env "main-client-secret=$(random_secret)" "admin-password=$(random_secret)" \
  "shopper-password=$(random_secret)" "bootstrap-admin-password=$(random_secret)"
# The password of the keystore Liberty generates (its SSL support, which MP JWT needs, starts only with one).
write liberty.env "keystore-password=$(random_secret)"
