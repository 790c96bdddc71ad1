package io.microshop.consumer;

import io.microshop.event.Event;
import io.microshop.migration.MigratedDatabase;
import io.opentelemetry.api.OpenTelemetry;
import java.sql.SQLException;
import java.util.List;

/** A consumer's database work without the broker: events applied as the worker applies a batch, in one transaction. */
public final class Consumer implements AutoCloseable {

    private final DatabaseSession session;
    private final EventTransaction transaction;

    public Consumer(MigratedDatabase database, EventHandlers handlers) {
        session = new DatabaseSession(database.connector());
        transaction = new EventTransaction(session, handlers, new ProcessSpans(OpenTelemetry.noop().getTracer("test"),
                "test", database.connector().settings()));
    }

    public List<Outcome> apply(Event... events) throws SQLException {
        return transaction.apply(List.of(events));
    }

    @Override
    public void close() {
        session.close();
    }
}
