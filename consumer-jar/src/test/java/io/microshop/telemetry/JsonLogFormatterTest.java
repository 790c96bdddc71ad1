package io.microshop.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class JsonLogFormatterTest {

    private final JsonLogFormatter formatter = new JsonLogFormatter();

    @Test
    void aLineLoggedInsideASpanCarriesItsTraceAndSpanIds() {
        SpanContext span = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.getDefault());
        JsonObject line;
        try (Scope ignored = Span.wrap(span).makeCurrent()) {
            line = parse(formatter.format(record("Applied 1 events")));
        }

        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", line.getString("trace_id"));
        assertEquals("00f067aa0ba902b7", line.getString("span_id"));
        assertEquals("Applied 1 events", line.getString("message"));
        assertEquals("INFO", line.getString("level"));
        assertEquals("io.microshop.test", line.getString("logger"));
    }

    @Test
    void aLineOutsideAnySpanHasNoIdsAndAnErrorKeepsItsStack() {
        LogRecord failed = record("failed");
        failed.setThrown(new IllegalStateException("broken"));

        String text = formatter.format(failed);
        JsonObject line = parse(text);

        assertFalse(line.containsKey("trace_id"));
        assertTrue(line.getString("error").contains("IllegalStateException: broken"));
        assertTrue(text.endsWith(System.lineSeparator()) && text.strip().lines().count() == 1, "one line: " + text);
    }

    private static LogRecord record(String message) {
        LogRecord record = new LogRecord(Level.INFO, message);
        record.setLoggerName("io.microshop.test");
        return record;
    }

    private static JsonObject parse(String line) {
        return Json.createReader(new StringReader(line)).readObject();
    }
}
