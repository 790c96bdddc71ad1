#!/usr/bin/env bash
# check-manifests.sh FILE|-: checks a rendered manifest stream (- reads standard input), e.g.
#   kubectl kustomize kubernetes/overlays/dev | scripts/check-manifests.sh -
# Prints each problem as `<Kind>/<name>: <field path>: <message>`; exits 0 when every document
# is valid, 1 when there are problems, 2 when the check cannot run. Installs the checker's npm
# packages (kubernetes/checker, from its lock file) on first use.
set -euo pipefail
checker="$(cd "$(dirname "${BASH_SOURCE[0]}")/../kubernetes/checker" && pwd)"

if [ $# -ne 1 ]; then
  echo "usage: $0 FILE|-   (- reads standard input)" >&2
  exit 2
fi
if ! command -v node >/dev/null 2>&1; then
  echo "check-manifests: node is not installed; the checker needs Node.js 20 or newer (and npm)" >&2
  exit 2
fi
if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)'; then
  echo "check-manifests: node $(node --version) is too old; the checker needs Node.js 20 or newer" >&2
  exit 2
fi
if [ ! -d "$checker/node_modules" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "check-manifests: npm is not installed; it is needed once to install the checker's packages" >&2
    exit 2
  fi
  echo "check-manifests: installing the checker's npm packages (npm ci in $checker)" >&2
  # The packages declare Node >= 22 but work on 20: their engine warnings are expected.
  if ! (cd "$checker" && npm ci --no-audit --no-fund --loglevel=error >&2); then
    rm -rf "$checker/node_modules"
    echo "check-manifests: npm ci failed in $checker" >&2
    exit 2
  fi
fi
exec node "$checker/src/cli.mjs" "$1"
