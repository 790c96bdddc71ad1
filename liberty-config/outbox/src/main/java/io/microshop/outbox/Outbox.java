package io.microshop.outbox;

import io.microshop.event.Event;
import io.microshop.event.ProductsVersion;
import io.microshop.event.TraceContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a service puts the events of a change: into its own database, in the transaction of the
 * change, so that the event exists if and only if the change does. When that transaction
 * commits, its rows are handed to the relay in memory to be published at once; the relay's
 * reading of the table is the safety net for anything the hand-over misses. Each row keeps the
 * trace context current when it was written: the request's, while telemetry is on. Every event is
 * a product's, so the first event of a transaction also raises the products' version
 * ({@link ProductsVersion}), which tells the services' rendered product lists that they are stale.
 */
@ApplicationScoped
public class Outbox {

    private static final Object KEY = new Object();

    @Inject
    CommittedRows committed;

    @Inject
    OutboxSettings settings;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Must be called inside the transaction that makes the change. */
    public void append(EntityManager entities, Event event) {
        OutboxMessage message = new OutboxMessage(event, settings.owner(), event.occurredAt().plus(settings.lease()),
                TraceContext.current());
        entities.persist(message); // an IDENTITY id: inserted now, so the id is known
        HandOverOnCommit handOver = (HandOverOnCommit) transactions.getResource(KEY);
        if (handOver == null) {
            entities.createNativeQuery(ProductsVersion.RAISE).executeUpdate();
            handOver = new HandOverOnCommit(committed, new ArrayList<>());
            transactions.putResource(KEY, handOver);
            transactions.registerInterposedSynchronization(handOver);
        }
        handOver.messages().add(message);
    }

    private record HandOverOnCommit(CommittedRows committed, List<OutboxMessage> messages) implements Synchronization {

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                committed.handOver(messages.stream().map(OutboxMessage::row).toList());
            }
        }
    }
}
