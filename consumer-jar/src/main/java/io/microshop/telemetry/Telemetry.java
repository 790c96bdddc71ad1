package io.microshop.telemetry;

import io.microshop.config.Environment;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A consumer's OpenTelemetry, configured as the Liberty servers are: off unless
 * {@code OTEL_SDK_DISABLED=false}; then the SDK reads the standard {@code OTEL_*} variables
 * (endpoint, sampler, exporter), with OTLP over http/protobuf through the JDK's HTTP client, the
 * consumer's command as the service name, and only traces exported unless asked otherwise.
 * {@code OTEL_TRACES_EXPORTER=zipkin} sends spans to a Zipkin server instead (the local viewer).
 */
public final class Telemetry implements AutoCloseable {

    private static final String SCOPE = "io.microshop.consumer";

    private final OpenTelemetry openTelemetry;
    private final OpenTelemetrySdk sdk;

    private Telemetry(OpenTelemetry openTelemetry, OpenTelemetrySdk sdk) {
        this.openTelemetry = openTelemetry;
        this.sdk = sdk;
    }

    /**
     * The process's telemetry, also made the global one: libraries that look for it there (the
     * Prometheus client, for exemplars) find it, instead of logging that none was configured.
     */
    public static Telemetry global(Environment env, String serviceName) {
        Telemetry telemetry = from(env, serviceName);
        try {
            GlobalOpenTelemetry.set(telemetry.openTelemetry);
        } catch (IllegalStateException alreadySet) {
            // a second consumer in the same JVM (tests): the first one's stays global
        }
        return telemetry;
    }

    private static Telemetry from(Environment env, String serviceName) {
        if (!"false".equalsIgnoreCase(env.text("OTEL_SDK_DISABLED", "true").strip())) {
            return new Telemetry(OpenTelemetry.noop(), null);
        }
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> Map.of(
                        "otel.service.name", serviceName,
                        "otel.exporter.otlp.protocol", "http/protobuf",
                        "otel.metrics.exporter", "none",
                        "otel.logs.exporter", "none"))
                .disableShutdownHook()
                .build()
                .getOpenTelemetrySdk();
        return new Telemetry(sdk, sdk);
    }

    public boolean on() {
        return sdk != null;
    }

    public Tracer tracer() {
        return openTelemetry.getTracer(SCOPE);
    }

    /** Exports what is still buffered; the consumer calls it last on its way out. */
    @Override
    public void close() {
        if (sdk != null) {
            sdk.shutdown().join(5, TimeUnit.SECONDS);
        }
    }
}
