package io.microshop.consumer;

import io.microshop.event.Event;
import io.microshop.event.ProductsVersion;
import io.microshop.failure.Failures;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies events in one transaction that also records each event's id in the inbox: an event
 * whose id is there already is a redelivery and changes nothing. A transaction that applied a
 * change raises the products' version before it commits. All or nothing: on any failure
 * the transaction rolls back, and a connection that broke is dropped. Each try is a span of its
 * own, a child of the batch's.
 */
final class EventTransaction {

    private final DatabaseSession session;
    private final EventHandlers handlers;
    private final ProcessSpans spans;

    EventTransaction(DatabaseSession session, EventHandlers handlers, ProcessSpans spans) {
        this.session = session;
        this.handlers = handlers;
        this.spans = spans;
    }

    /** @return what became of each event, in order */
    List<Outcome> apply(List<Event> events) throws SQLException {
        Span span = spans.transaction(events.size());
        try (Scope ignored = span.makeCurrent()) {
            List<Outcome> outcomes = applyInOne(events);
            ProcessSpans.count(span, outcomes);
            return outcomes;
        } catch (SQLException | RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, Failures.describe(e));
            throw e;
        } finally {
            span.end();
        }
    }

    private List<Outcome> applyInOne(List<Event> events) throws SQLException {
        Connection db = session.connection();
        try {
            List<Outcome> outcomes = new ArrayList<>(events.size());
            for (Event event : events) {
                outcomes.add(Inbox.firstDelivery(db, event.id()) ? handlers.apply(db, event) : Outcome.DUPLICATE);
            }
            if (outcomes.contains(Outcome.APPLIED)) {
                ProductsVersion.raise(db);
            }
            db.commit();
            return outcomes;
        } catch (SQLException | RuntimeException e) {
            rollback(db);
            if (Failures.databaseUnreachable(e)) {
                session.close();
            }
            throw e;
        }
    }

    private static void rollback(Connection db) {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; it is replaced
        }
    }
}
