#!/usr/bin/env bash
# Creates the cluster's passwords, once: random ones, into
# kubernetes/secrets/generated-by-scripts-make-secrets.sh/ (git-ignored), which every overlay's
# secretGenerator reads. Existing files are kept (a database keeps the password it was created
# with); --force replaces them, for a cluster whose volumes are new.
set -euo pipefail
DIR="$(cd "$(dirname "$0")/.." && pwd)/kubernetes/secrets/generated-by-scripts-make-secrets.sh"

force=false
case "${1:-}" in
  --force) force=true ;;
  "") ;;
  *) echo "usage: $0 [--force]" >&2; exit 2 ;;
esac

# Letters and digits only: the passwords go into URLs (AMQP_URL) and shell-free env files.
password() {
  LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c 32
}

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
write admin-db.env "password=$(password)" "root-password=$(password)"
write main-db.env "password=$(password)" "root-password=$(password)"
write rabbitmq.env "password=$(password)" "erlang-cookie=$(password)"
