# Shared by scripts/run.sh and scripts/test.sh: make sure the machine has what the shop needs
# (a JDK, a MySQL-compatible server and RabbitMQ on localhost, the databases and the `shop`
# database user), installing Debian packages when run as root and something is missing.
# shellcheck shell=bash

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WLP_DIR="$ROOT_DIR/liberty-config/server/target/liberty/wlp"
CONSUMER_JAR="$ROOT_DIR/consumer-jar/target/microshop-consumer.jar"
CONSUMER_JVM_OPTIONS="$ROOT_DIR/consumer-jar/jvm.options"

DB_HOST="${DB_HOST:-127.0.0.1}"
DB_PORT="${DB_PORT:-3306}"
DB_USER="${DB_USER:-shop}"
DB_PASSWORD="${DB_PASSWORD:-shop}"
RABBITMQ_HOST="${RABBITMQ_HOST:-127.0.0.1}"
RABBITMQ_PORT="${RABBITMQ_PORT:-5672}"
AMQP_USER="${AMQP_USER:-guest}"
AMQP_PASSWORD="${AMQP_PASSWORD:-guest}"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf '\033[31mERROR: %s\033[0m\n' "$*" >&2; exit 1; }

# Letters and digits only: secrets go into URLs (AMQP_URL) and shell-free env files.
random_secret() { { LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom || true; } | head -c 32; }

is_root() { [ "$(id -u)" = 0 ]; }

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

wait_for_port() { # host port seconds what
  local i
  for ((i = 0; i < $3 * 4; i++)); do
    port_open "$1" "$2" && return 0
    sleep 0.25
  done
  fail "$4 did not open $1:$2 within $3 s"
}

apt_install() { # packages...
  is_root && command -v apt-get >/dev/null || return 1
  say "Installing $* (Debian packages)"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1; then
    apt-get update -q >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null || return 1
  fi
}

require_java() {
  command -v java >/dev/null || fail "No JDK found: install Java 17 or newer (e.g. apt-get install openjdk-17-jdk)."
  local version
  version=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
  [ "${version%%.*}" -ge 17 ] 2>/dev/null || fail "Java 17 or newer is needed; 'java' is version $version."
}

db_client() { command -v mariadb || command -v mysql; }

ensure_database_server() {
  if port_open "$DB_HOST" "$DB_PORT"; then return 0; fi
  [ "$DB_HOST" = 127.0.0.1 ] || [ "$DB_HOST" = localhost ] \
    || fail "No database answers at $DB_HOST:$DB_PORT; start it or set DB_HOST/DB_PORT."
  if ! command -v mariadbd >/dev/null && [ ! -x /usr/sbin/mariadbd ]; then
    apt_install mariadb-server \
      || fail "No MySQL-compatible server on 127.0.0.1:$DB_PORT and none installed: install mariadb-server (or MySQL 8) and start it, or run this script as root to have it installed."
  fi
  is_root || fail "MariaDB is installed but not running on 127.0.0.1:$DB_PORT: start it (e.g. sudo service mariadb start)."
  say "Starting MariaDB"
  install -d -o mysql -g mysql /run/mysqld
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
  wait_for_port 127.0.0.1 "$DB_PORT" 60 "MariaDB"
}

# Runs SQL (stdin) as a database administrator: root over TCP (empty password, or
# DB_ROOT_PASSWORD), else root through the local socket (Debian's default for the OS root user).
db_root() {
  local client; client=$(db_client) || fail "No mariadb/mysql client installed (apt-get install mariadb-client)."
  local sql; sql=$(cat)
  if "$client" -uroot ${DB_ROOT_PASSWORD:+-p"$DB_ROOT_PASSWORD"} -h"$DB_HOST" -P"$DB_PORT" -e 'SELECT 1' >/dev/null 2>&1; then
    "$client" -uroot ${DB_ROOT_PASSWORD:+-p"$DB_ROOT_PASSWORD"} -h"$DB_HOST" -P"$DB_PORT" <<<"$sql"
  elif is_root && "$client" -uroot -e 'SELECT 1' >/dev/null 2>&1; then
    "$client" -uroot <<<"$sql"
  elif command -v sudo >/dev/null && sudo -n "$client" -uroot -e 'SELECT 1' >/dev/null 2>&1; then
    sudo -n "$client" -uroot <<<"$sql"
  else
    fail "Cannot log in to the database as an administrator to create the '$DB_USER' user and the databases. Set DB_ROOT_PASSWORD, or run as root, or create them yourself (see README, Troubleshooting)."
  fi
}

db_as_user() { # sql: runs it as the shop user
  "$(db_client)" -u"$DB_USER" -p"$DB_PASSWORD" -h"$DB_HOST" -P"$DB_PORT" -e "$1"
}

recreate_database() { # name
  db_as_user "DROP DATABASE IF EXISTS $1; CREATE DATABASE $1 CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
}

db_user_works() {
  local client; client=$(db_client) || return 1
  "$client" -u"$DB_USER" -p"$DB_PASSWORD" -h"$DB_HOST" -P"$DB_PORT" -e "$1" >/dev/null 2>&1
}

# The local databases admin and main, and the `shop` user that owns them and every *_test
# (integration tests) and *_bench (benchmark) database.
ensure_databases() {
  if db_user_works "USE admin; USE main; CREATE DATABASE IF NOT EXISTS probe_test; DROP DATABASE probe_test;
                    CREATE DATABASE IF NOT EXISTS probe_bench; DROP DATABASE probe_bench"; then
    return 0
  fi
  say "Creating databases admin and main and the database user '$DB_USER'"
  local user
  {
    echo "CREATE DATABASE IF NOT EXISTS admin CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
    echo "CREATE DATABASE IF NOT EXISTS main CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
    for user in "'$DB_USER'@'localhost'" "'$DB_USER'@'127.0.0.1'" "'$DB_USER'@'::1'"; do
      echo "CREATE USER IF NOT EXISTS $user IDENTIFIED BY '$DB_PASSWORD';"
      echo "GRANT ALL ON admin.* TO $user; GRANT ALL ON main.* TO $user;"
      echo "GRANT ALL ON \`%\\_test\`.* TO $user; GRANT ALL ON \`%\\_bench\`.* TO $user;"
    done
  } | db_root
  db_user_works "USE admin; USE main" || fail "The database user '$DB_USER' still cannot use admin and main."
}

ensure_rabbitmq() {
  if port_open "$RABBITMQ_HOST" "$RABBITMQ_PORT"; then return 0; fi
  [ "$RABBITMQ_HOST" = 127.0.0.1 ] || [ "$RABBITMQ_HOST" = localhost ] \
    || fail "No RabbitMQ answers at $RABBITMQ_HOST:$RABBITMQ_PORT; start it or set RABBITMQ_HOST/RABBITMQ_PORT."
  if ! command -v rabbitmq-server >/dev/null; then
    apt_install rabbitmq-server \
      || fail "RabbitMQ is not running on 127.0.0.1:$RABBITMQ_PORT and not installed: install rabbitmq-server and start it, or run this script as root to have it installed."
  fi
  is_root || fail "RabbitMQ is installed but not running on 127.0.0.1:$RABBITMQ_PORT: start it (e.g. sudo service rabbitmq-server start)."
  say "Starting RabbitMQ"
  rabbitmq-server -detached >/dev/null 2>&1 || true
  wait_for_port 127.0.0.1 "$RABBITMQ_PORT" 90 "RabbitMQ"
  rabbitmqctl -q await_startup >/dev/null 2>&1 || true
}

# A consumer of the jar (main-sync, admin-likes) in the background, with its JVM options;
# the caller sets its environment (AMQP_URL, DB_NAME, HEALTH_PORT, ...). Sets CONSUMER_PID.
# A consumer in the background (CONSUMER_PID); CONSUMER_ENV may hold extra VARIABLE=value lines for it.
start_consumer_process() { # command log-file [jar]
  local -a extra=()
  [ -n "${CONSUMER_ENV:-}" ] && mapfile -t extra <<<"$CONSUMER_ENV"
  env "${extra[@]}" MALLOC_ARENA_MAX=2 java @"$CONSUMER_JVM_OPTIONS" -jar "${3:-$CONSUMER_JAR}" "$1" >>"$2" 2>&1 &
  CONSUMER_PID=$!
}

# Node.js 20.19+ and npm for the frontend (Vite 8). Debian's own nodejs package is older, so a
# missing or old Node is reported, not installed.
require_node() {
  command -v node >/dev/null && command -v npm >/dev/null \
    || fail "The frontend needs Node.js 20.19 or newer with npm (https://nodejs.org/en/download)."
  node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' \
    || fail "The frontend needs Node.js 20.19 or newer; this is $(node --version)."
}

# A folder's npm packages, exactly as its package-lock.json says (only when the lock changed).
npm_install() { # folder, relative to the repository
  local lock="$ROOT_DIR/$1/package-lock.json" installed="$ROOT_DIR/$1/node_modules/.installed-lock.json"
  if ! cmp -s "$lock" "$installed"; then
    (cd "$ROOT_DIR/$1" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci failed in $1/."
    cp "$lock" "$installed"
  fi
}

frontend_install() { npm_install frontend; }

# Fresh, migrated databases admin_<name> and main_<name>, for a shop of its own (the benchmark's,
# the end-to-end tests').
fresh_databases() { # name
  recreate_database "admin_$1"
  recreate_database "main_$1"
  DB_NAME="admin_$1" java -jar "$CONSUMER_JAR" migrate admin >/dev/null
  DB_NAME="main_$1" java -jar "$CONSUMER_JAR" migrate main >/dev/null
}

# A built frontend (the files in <dist>) on vite preview, calling the given services. Sets FRONTEND_PID.
start_frontend_preview() { # port admin-url main-url log-file dist
  (cd "$ROOT_DIR/frontend" && ADMIN_URL="$2" MAIN_URL="$3" FRONTEND_PORT="$1" \
    exec node_modules/.bin/vite preview --host 127.0.0.1 --outDir "$5" >"$4" 2>&1) &
  FRONTEND_PID=$!
}

# Stops each named Liberty server of the runtime that exists (and is running).
stop_servers() { # names...
  local server
  for server in "$@"; do
    [ -d "$WLP_DIR/usr/servers/$server" ] && "$WLP_DIR/bin/server" stop "$server" >/dev/null 2>&1 || true
  done
}

# A server of its own for the benchmark or the end-to-end tests, named <name>, made from the
# service's own server.xml and the WAR the build made, with its own port, database and broker
# (never a copy of a local run's server directory).
copy_server() { # service name port database admin-url amqp-url
  local dir="$WLP_DIR/usr/servers/$2"
  stop_servers "$2"
  rm -rf "$dir"
  mkdir -p "$dir/apps"
  cp "$ROOT_DIR/$1-war/src/main/liberty/config/"{server.xml,bootstrap.properties} "$dir/"
  cp "$ROOT_DIR/$1-war/target/$1.war" "$dir/apps/"
  # keystore_password: Liberty's SSL support, which MP JWT needs, starts only with one.
  printf 'HTTP_PORT=%s\nDB_NAME=%s\nADMIN_URL=%s\nAMQP_URL=%s\nkeystore_password=%s\n' "$3" "$4" "$5" "$6" "$(random_secret)" \
    >"$dir/server.env"
}

# Waits for a 200 from <url>; otherwise fails naming <what> and its log, and shows the log's end.
# With a pid, stops waiting as soon as that process has exited.
await_http() { # url seconds what log [pid]
  local i
  for ((i = 0; i < $2 * 4; i++)); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 200 ] && return 0
    if [ -n "${5:-}" ] && ! kill -0 "$5" 2>/dev/null; then
      tail -20 "$4" >&2 2>/dev/null || true
      fail "$3 exited before it was ready (log: $4)"
    fi
    sleep 0.25
  done
  tail -20 "$4" >&2 2>/dev/null || true
  fail "$3 did not answer 200 at $1 within $2 s (log: $4)"
}

amqp_url() { # vhost
  local vhost="$1"
  [ "$vhost" = / ] && vhost=%2F
  echo "amqp://$AMQP_USER:$AMQP_PASSWORD@$RABBITMQ_HOST:$RABBITMQ_PORT/$vhost"
}

# A RabbitMQ virtual host of the shop's own, emptied, on the machine's node (the benchmark's) or
# on another node (the tests'): its queues start with nothing in them, as its databases do.
recreate_vhost() { # name [node]
  local node=(${2:+-n "$2"})
  is_root && command -v rabbitmqctl >/dev/null \
    || fail "A RabbitMQ virtual host '$1' is needed for '$AMQP_USER': run as root, or: rabbitmqctl delete_vhost $1; rabbitmqctl add_vhost $1; rabbitmqctl set_permissions -p $1 $AMQP_USER '.*' '.*' '.*'"
  rabbitmqctl "${node[@]}" -q await_startup >/dev/null 2>&1 || true
  rabbitmqctl "${node[@]}" -q delete_vhost "$1" >/dev/null 2>&1 || true
  rabbitmqctl "${node[@]}" -q add_vhost "$1" >/dev/null
  rabbitmqctl "${node[@]}" -q set_permissions -p "$1" "$AMQP_USER" '.*' '.*' '.*' >/dev/null
}

# The tests' own RabbitMQ node, beside the machine's (which a local run of the shop uses): its
# own name, ports and data directory, started fresh by command 2 and stopped at its end. The
# fault tests stop and start this node only. The directory must belong to the rabbitmq user,
# so this needs root, as rabbitmq-server does. Its ports keep clear of the machine's node (5672,
# 25672), of the ports rabbitmqctl itself takes (a node's distribution port + 10000 to + 10010,
# so 35672-35682 for the machine's node) and of the kernel's ephemeral ports (32768 and up).
TEST_RABBITMQ_NODE="microshop-test@localhost"
TEST_RABBITMQ_PORT=16672
TEST_RABBITMQ_DIST_PORT=16673
TEST_RABBITMQ_DIR="${TMPDIR:-/tmp}/microshop-test-rabbitmq"

test_amqp_url() { # vhost
  echo "amqp://$AMQP_USER:$AMQP_PASSWORD@127.0.0.1:$TEST_RABBITMQ_PORT/$1"
}

# A RabbitMQ node of its own beside the machine's: its name, AMQP and distribution ports and
# data directory (owned by the rabbitmq user, so this needs root, as rabbitmq-server does).
start_rabbitmq_node() { # node amqp-port dist-port dir
  command -v rabbitmq-server >/dev/null || apt_install rabbitmq-server \
    || fail "The tests run RabbitMQ nodes of their own: install rabbitmq-server (apt-get install rabbitmq-server)."
  is_root || fail "The tests' own RabbitMQ nodes run as the rabbitmq user: run command 2 as root."
  if port_open 127.0.0.1 "$2"; then
    fail "Port $2, for the RabbitMQ node $1, is in use by something else."
  fi
  local dir="$4" i
  rm -rf "$dir"
  mkdir -p "$dir"
  printf 'listeners.tcp.local = 127.0.0.1:%s\nloopback_users = none\n' "$2" >"$dir/rabbitmq.conf"
  echo '[].' >"$dir/enabled_plugins"
  chown -R rabbitmq:rabbitmq "$dir"
  RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf" RABBITMQ_NODENAME="$1" \
    RABBITMQ_DIST_PORT="$3" RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log" \
    RABBITMQ_PID_FILE="$dir/pid" RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" \
    RABBITMQ_PLUGINS_EXPAND_DIR="$dir/plugins" rabbitmq-server -detached >/dev/null 2>&1
  for ((i = 0; i < 90; i++)); do
    rabbitmqctl -n "$1" -q await_startup --timeout 60 >/dev/null 2>&1 && break
    sleep 1
  done
  port_open 127.0.0.1 "$2" || fail "The RabbitMQ node $1 did not start (log: $dir/log)."
}

stop_rabbitmq_node() { # node dir
  command -v rabbitmqctl >/dev/null || return 0
  if [ -f "$2/pid" ]; then
    rabbitmqctl -n "$1" -q stop "$2/pid" >/dev/null 2>&1 || true
  else
    rabbitmqctl -n "$1" -q stop >/dev/null 2>&1 || true
  fi
}

start_test_broker() { # vhosts...
  local vhost
  stop_test_broker
  start_rabbitmq_node "$TEST_RABBITMQ_NODE" "$TEST_RABBITMQ_PORT" "$TEST_RABBITMQ_DIST_PORT" "$TEST_RABBITMQ_DIR"
  for vhost in "$@"; do
    recreate_vhost "$vhost" "$TEST_RABBITMQ_NODE"
  done
}

stop_test_broker() {
  stop_rabbitmq_node "$TEST_RABBITMQ_NODE" "$TEST_RABBITMQ_DIR"
}

# What both commands need: a JDK and the database with the shop's user.
ensure_database() {
  require_java
  ensure_database_server
  ensure_databases
}

# Command 1's machine: the database and the machine's RabbitMQ node.
ensure_machine() {
  ensure_database
  ensure_rabbitmq
}
