package io.microshop.telemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line (LOG_FORMAT=JSON): time, level, logger, thread, message, the error's
 * stack if any, and, inside a span, {@code trace_id} and {@code span_id}, so that a line leads to
 * its trace. The console handler formats on the logging thread, where the span is current.
 */
public final class JsonLogFormatter extends Formatter {

    /** Looked up once: the lookup itself logs, which must not happen while formatting. */
    private final JsonBuilderFactory json = Json.createBuilderFactory(Map.of());

    @Override
    public String format(LogRecord record) {
        JsonObjectBuilder line = json.createObjectBuilder()
                .add("timestamp", Instant.ofEpochMilli(record.getMillis()).toString())
                .add("level", record.getLevel().getName())
                .add("logger", record.getLoggerName() == null ? "" : record.getLoggerName())
                .add("thread", Thread.currentThread().getName())
                .add("message", formatMessage(record));
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid()) {
            line.add("trace_id", span.getTraceId()).add("span_id", span.getSpanId());
        }
        if (record.getThrown() != null) {
            StringWriter stack = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(stack));
            line.add("error", stack.toString());
        }
        return line.build().toString() + System.lineSeparator();
    }
}
