package io.microshop.consumer;

import io.microshop.event.Event;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Applies one kind of event to a consumer's database, inside a transaction the caller owns
 * (which also records the event id in the inbox).
 */
@FunctionalInterface
public interface EventHandler<E extends Event> {

    Outcome apply(Connection db, E event) throws SQLException;
}
