# The identity provider of both commands: Keycloak's server distribution from Maven Central (the
# version is the root pom.xml's keycloak.version), on a JDK 21 or later, importing the realm kept
# as code in kubernetes/base/identity/microshop-realm.json. Its passwords and client secret are
# generated where it keeps its data, never in git.
# shellcheck shell=bash

KEYCLOAK_VERSION="$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$ROOT_DIR/pom.xml")"
REALM_FILE="$ROOT_DIR/kubernetes/base/identity/microshop-realm.json"
REALM=microshop

keycloak_java_home() {
  local candidate version
  for candidate in ${KEYCLOAK_JAVA_HOME:-} /usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] || continue
    version="$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
    if [ "${version%%.*}" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return
    fi
  done
  fail "Keycloak $KEYCLOAK_VERSION needs Java 21 or later; none found in /usr/lib/jvm. Install one, or set KEYCLOAK_JAVA_HOME."
}

install_keycloak() { # home: unpacks the distribution there, once per version
  local home=$1 download
  [ -x "$home/bin/kc.sh" ] && [ "$(cat "$home/version.txt" 2>/dev/null)" = "Keycloak - $KEYCLOAK_VERSION" ] && return
  download="$(mktemp -d)"
  "$ROOT_DIR/mvnw" -B -ntp -q -N -f "$ROOT_DIR/pom.xml" dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:tar.gz" \
    -DoutputDirectory="$download" || fail "Could not fetch Keycloak $KEYCLOAK_VERSION from Maven Central."
  rm -rf "$home"
  mkdir -p "$home"
  tar xzf "$download"/keycloak-quarkus-dist-*.tar.gz -C "$home" --strip-components=1
  rm -rf "$download"
}

# Writes the realm's passwords and main's client secret into an env file, once: kept from then on,
# as the provider keeps the users it imported with them.
ensure_identity_secrets() { # file
  [ -s "$1" ] && return
  mkdir -p "$(dirname "$1")"
  (umask 077; cat >"$1" <<SECRETS
KC_BOOTSTRAP_ADMIN_USERNAME=keycloak
KC_BOOTSTRAP_ADMIN_PASSWORD=$(random_secret)
MICROSHOP_ADMIN_PASSWORD=$(random_secret)
MICROSHOP_SHOPPER_PASSWORD=$(random_secret)
MICROSHOP_MAIN_CLIENT_SECRET=$(random_secret)
SECRETS
  )
}

# Starts Keycloak in the background (KEYCLOAK_PID) and waits for the realm's discovery document.
start_keycloak() { # home port secrets-file frontend-url log [extra kc.sh options...]
  local home=$1 port=$2 secrets=$3 frontend=$4 log=$5 java_home
  shift 5
  java_home="$(keycloak_java_home)"
  port_open 127.0.0.1 "$port" && fail "Port $port is in use: the identity provider cannot start there."
  install_keycloak "$home"
  mkdir -p "$home/data/import"
  cp "$REALM_FILE" "$home/data/import/$REALM-realm.json"
  (
    set -a
    # shellcheck source=/dev/null
    source "$secrets"
    set +a
    export MICROSHOP_FRONTEND_URL="$frontend" JAVA_HOME="$java_home"
    exec "$home/bin/kc.sh" start-dev --http-host 127.0.0.1 --http-port "$port" --import-realm "$@"
  ) >"$log" 2>&1 &
  KEYCLOAK_PID=$!
  await_http "http://localhost:$port/realms/$REALM/.well-known/openid-configuration" 120 "Keycloak" "$log" "$KEYCLOAK_PID"
}

# Stops a Keycloak left running from this home by an earlier run that did not end cleanly.
stop_keycloak_home() { # home
  pkill -TERM -f -- "-Dkc.home.dir=$1/bin/.." 2>/dev/null || return 0
  local i
  for ((i = 0; i < 40; i++)); do
    pgrep -f -- "-Dkc.home.dir=$1/bin/.." >/dev/null || return 0
    sleep 0.5
  done
  pkill -KILL -f -- "-Dkc.home.dir=$1/bin/.." 2>/dev/null || true
}

stop_keycloak() { # pid
  [ -n "${1:-}" ] || return 0
  kill -TERM "$1" 2>/dev/null || return 0
  wait "$1" 2>/dev/null || true
}

# The settings of a Liberty server (server.env lines) for a provider at url: its realm's issuer and
# key set, and main's client credentials at its token endpoint.
identity_server_env() { # url main-client-secret
  local realm_url="$1/realms/$REALM"
  printf 'MP_JWT_VERIFY_ISSUER=%s\nMP_JWT_VERIFY_PUBLICKEY_LOCATION=%s\nIDENTITY_TOKEN_URL=%s\nIDENTITY_CLIENT_SECRET=%s\n' \
    "$realm_url" "$realm_url/protocol/openid-connect/certs" "$realm_url/protocol/openid-connect/token" "$2"
}

# An access token by the password grant (printed; nothing when the provider refuses).
password_grant() { # url realm client username password
  curl -sf -d grant_type=password -d client_id="$3" -d username="$4" --data-urlencode password="$5" \
    "$1/realms/$2/protocol/openid-connect/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

identity_secret() { # file name
  sed -n "s/^$2=//p" "$1"
}

# A provider of command 2's or the benchmark's own, in dir: the realm in memory (fresh at each
# start, with new passwords), seeded with the test users below, whose password it leaves in
# TEST_USERS_PASSWORD (KEYCLOAK_PID as start_keycloak).
start_test_keycloak() { # dir port frontend-url
  stop_keycloak_home "$1/keycloak"
  rm -f "$1/secrets.env"
  ensure_identity_secrets "$1/secrets.env"
  start_keycloak "$1/keycloak" "$2" "$1/secrets.env" "$3" "$1/keycloak.log" --db=dev-mem
  TEST_USERS_PASSWORD="$(random_secret)"
  seed_test_identities "http://localhost:$2" "$1/secrets.env" "$TEST_USERS_PASSWORD"
}

# Test users and clients for command 2, in its own provider only (never in the realm file):
# clients that allow the password grant, one whose tokens live two seconds, one without the
# shop's audience; test-admin (catalog-admin), shopper-1 to shopper-100; a second realm
# "elsewhere" (another issuer, other keys) with its own shopper-1. All with one password.
seed_test_identities() { # url secrets-file password
  local url=$1 password=$3 admin_token mappers audience clients users n
  admin_token="$(password_grant "$url" master admin-cli "$(identity_secret "$2" KC_BOOTSTRAP_ADMIN_USERNAME)" \
    "$(identity_secret "$2" KC_BOOTSTRAP_ADMIN_PASSWORD)")"
  [ -n "$admin_token" ] || fail "Could not sign in to the tests' Keycloak at $url as its bootstrap administrator."
  mappers='{"name":"groups","protocol":"openid-connect","protocolMapper":"oidc-usermodel-realm-role-mapper",
    "config":{"claim.name":"groups","multivalued":"true","jsonType.label":"String","access.token.claim":"true"}}'
  audience='{"name":"audience","protocol":"openid-connect","protocolMapper":"oidc-audience-mapper",
    "config":{"included.custom.audience":"microshop-api","access.token.claim":"true"}}'
  test_client() { # id lifespan-seconds mappers
    printf '{"clientId":"%s","publicClient":true,"standardFlowEnabled":false,"directAccessGrantsEnabled":true,
      "attributes":{"access.token.lifespan":"%s"},"protocolMappers":[%s]}' "$1" "$2" "$3"
  }
  user() { # name roles-json
    printf '{"username":"%s","email":"%s@test.microshop.local","emailVerified":true,"firstName":"Test","lastName":"%s","enabled":true,
      "realmRoles":%s,"credentials":[{"type":"password","value":"%s","temporary":false}]}' "$1" "$1" "$1" "$2" "$password"
  }
  clients="$(test_client microshop-tests 3600 "$mappers,$audience"),$(test_client microshop-tests-expiring 2 "$mappers,$audience"),$(test_client microshop-tests-other-audience 3600 "$mappers")"
  users="$(user "test-admin" '["default-roles-microshop","catalog-admin"]')"
  for ((n = 1; n <= 100; n++)); do
    users="$users,$(user "shopper-$n" '["default-roles-microshop"]')"
  done
  curl -sf -o /dev/null -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' \
    -d "{\"ifResourceExists\":\"OVERWRITE\",\"clients\":[$clients],\"users\":[$users]}" \
    "$url/admin/realms/$REALM/partialImport" || fail "Could not seed the tests' users into realm $REALM at $url."
  curl -sf -o /dev/null -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' \
    -d "{\"realm\":\"elsewhere\",\"enabled\":true,\"roles\":{\"realm\":[{\"name\":\"shopper\"},{\"name\":\"catalog-admin\"}]},
         \"clients\":[$(test_client microshop-tests 3600 "$mappers,$audience")],
         \"users\":[$(user shopper-1 '["shopper","catalog-admin"]')]}" \
    "$url/admin/realms" || fail "Could not create the tests' second realm at $url."
}
