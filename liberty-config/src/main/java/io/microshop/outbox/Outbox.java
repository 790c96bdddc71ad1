package io.microshop.outbox;

import io.microshop.event.Event;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Where a service puts the events of a change: into its own database, in the transaction of the
 * change, so that the event exists if and only if the change does. When that transaction
 * commits, the relay is woken to publish at once; its poll is only the safety net.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_REGISTERED = new Object();

    @Inject
    OutboxRelay relay;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Must be called inside the transaction that makes the change. */
    public void append(EntityManager entities, Event event) {
        entities.persist(new OutboxMessage(event));
        if (transactions.getResource(WAKE_REGISTERED) == null) {
            transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new WakeRelayOnCommit(relay));
        }
    }

    private record WakeRelayOnCommit(OutboxRelay relay) implements Synchronization {

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wake();
            }
        }
    }
}
