package io.microshop.web.telemetry;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.util.Optional;

/**
 * Puts the current span's trace and span ids on every log record Liberty writes while a span is
 * current: in JSON logs (LOG_FORMAT=JSON) they are the fields {@code ext_traceId} and
 * {@code ext_spanId}, so that a log line leads to its trace. Liberty holds extensions weakly: this
 * bean keeps them for as long as the application runs.
 */
@ApplicationScoped
public class TraceIdsInLogs {

    static final String TRACE_ID = "traceId";
    static final String SPAN_ID = "spanId";

    private final LogRecordContext.Extension traceId = () -> valid().map(SpanContext::getTraceId).orElse(null);
    private final LogRecordContext.Extension spanId = () -> valid().map(SpanContext::getSpanId).orElse(null);

    void register(@Observes Startup startup) {
        LogRecordContext.registerExtension(TRACE_ID, traceId);
        LogRecordContext.registerExtension(SPAN_ID, spanId);
    }

    @PreDestroy
    void unregister() {
        LogRecordContext.unregisterExtension(TRACE_ID);
        LogRecordContext.unregisterExtension(SPAN_ID);
    }

    private static Optional<SpanContext> valid() {
        SpanContext current = Span.current().getSpanContext();
        return current.isValid() ? Optional.of(current) : Optional.empty();
    }
}
