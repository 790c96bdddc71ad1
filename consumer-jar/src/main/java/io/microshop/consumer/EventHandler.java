package io.microshop.consumer;

import io.microshop.event.Event;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Applies one kind of event to a consumer's database, inside a transaction the caller owns
 * (which also records the event id in the inbox). Throws {@link io.microshop.event.MalformedEventException}
 * for an event it can never apply.
 */
public interface EventHandler {

    Outcome apply(Connection db, Event event) throws SQLException;
}
