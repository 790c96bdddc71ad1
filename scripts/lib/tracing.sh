# The local trace viewer: Zipkin's server (the root pom.xml's zipkin.version, from Maven Central),
# kept in memory. Zipkin takes spans in its own format, not OTLP, so every process of a traced
# run exports with its Zipkin exporter: Liberty's bundled one, the consumers' (opentelemetry-
# exporter-zipkin) and the browser's (@opentelemetry/exporter-zipkin).
# shellcheck shell=bash

ZIPKIN_VERSION="$(sed -n 's:.*<zipkin.version>\(.*\)</zipkin.version>.*:\1:p' "$ROOT_DIR/pom.xml")"

install_zipkin() { # dir: fetches the server jar there, once per version
  local jar="$1/zipkin-server-$ZIPKIN_VERSION-exec.jar"
  [ -s "$jar" ] && return
  mkdir -p "$1"
  "$ROOT_DIR/mvnw" -B -ntp -q -N -f "$ROOT_DIR/pom.xml" dependency:copy \
    -Dartifact="io.zipkin:zipkin-server:$ZIPKIN_VERSION:jar:exec" -DoutputDirectory="$1" \
    || fail "Could not fetch Zipkin $ZIPKIN_VERSION from Maven Central."
}

# Starts Zipkin in the background (ZIPKIN_PID), spans in memory, and waits until it answers.
start_zipkin() { # dir port log
  port_open 127.0.0.1 "$2" && fail "Port $2 is in use: the trace viewer cannot start there."
  install_zipkin "$1"
  java -Xms64m -Xmx192m -XX:+UseSerialGC -jar "$1/zipkin-server-$ZIPKIN_VERSION-exec.jar" \
    --server.port="$2" --server.address=127.0.0.1 >"$3" 2>&1 &
  ZIPKIN_PID=$!
  await_http "http://localhost:$2/health" 90 "Zipkin" "$3" "$ZIPKIN_PID"
}

stop_zipkin() { # pid
  [ -n "${1:-}" ] && kill -TERM "$1" 2>/dev/null || true
}

# The environment that turns telemetry on in a Liberty server and a consumer and sends every span
# to Zipkin at <url>: one line per variable, for a server.env or for `export`.
tracing_env() { # zipkin-url
  cat <<ENV
OTEL_SDK_DISABLED=false
OTEL_TRACES_EXPORTER=zipkin
OTEL_EXPORTER_ZIPKIN_ENDPOINT=$1/api/v2/spans
OTEL_METRICS_EXPORTER=none
OTEL_LOGS_EXPORTER=none
OTEL_BSP_SCHEDULE_DELAY=500
ENV
}
